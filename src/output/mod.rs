//! The last step: the in-memory module written to disk (`generate`) or
//! compared with it (`diff`). Both look only at the files directly inside the
//! output directory, and both decide what is ours by the generated header.

mod atomic;
mod confine;
mod diff;
pub mod report;
mod scan;
mod write;

pub use confine::confine;
pub use diff::{Drift, FileDrift, Status, compare};
pub use scan::TEMP_SUFFIX;
pub use write::{Action, WriteReport, write, write_with};
