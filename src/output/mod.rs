//! The last step: the in-memory module written to disk.

mod write;

pub use write::{WriteReport, write};
