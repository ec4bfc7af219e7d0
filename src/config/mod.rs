//! Finding and reading the configuration file.

mod parse;
mod raw;
mod source;

use std::io;
use std::path::{Path, PathBuf};

pub use parse::{known_settings, parse};
pub use raw::{RawBucket, RawConfig, RawCors, RawUser, Spanned};
pub use source::{DEFAULTS, Source};

use crate::error::Error;

/// The file read when neither `--config` nor `WEBQSEE_S3_CONFIG` names one.
pub const DEFAULT_FILE: &str = "webqsee.hcl";

/// The configuration to use: the file named on the command line or in the
/// environment, else `./webqsee.hcl` if there is one, else the embedded defaults.
pub fn locate(explicit: Option<&Path>) -> Result<Source, Error> {
    if let Some(path) = explicit {
        return read(path);
    }
    let local = PathBuf::from(DEFAULT_FILE);
    match std::fs::metadata(&local) {
        Ok(_) => read(&local),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Source::defaults()),
        Err(err) => Err(Error::io("cannot read the configuration", &local, err)),
    }
}

fn read(path: &Path) -> Result<Source, Error> {
    let bytes =
        std::fs::read(path).map_err(|err| Error::io("cannot read the configuration", path, err))?;
    from_bytes(path, bytes)
}

/// The configuration read from `path`, which must be UTF-8 text.
pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Source, Error> {
    let text = String::from_utf8(bytes).map_err(|err| Error::Usage {
        message: format!(
            "{}: the configuration is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            err.utf8_error().valid_up_to()
        ),
        help: Some("save the file as UTF-8".to_string()),
    })?;
    Ok(Source::file(path, text))
}
