//! What can stop a command. Every variant is a failure (exit code 2); drift is
//! not an error and is reported by the `diff` outcome instead.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub enum Error {
    /// The configuration has problems; all of them, in source order.
    Invalid(Vec<Diagnostic>),
    /// Reading or writing a file failed.
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// The command cannot do what was asked, as asked.
    Usage {
        message: String,
        help: Option<String>,
    },
}

impl Error {
    pub fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid(diagnostics) => {
                let mut first = true;
                for diagnostic in diagnostics {
                    if !first {
                        writeln!(f)?;
                    }
                    write!(f, "{diagnostic}")?;
                    first = false;
                }
                Ok(())
            }
            Error::Io {
                action,
                path,
                source,
            } => write!(f, "{}: {action}: {source}", path.display()),
            Error::Usage { message, help } => {
                write!(f, "{message}")?;
                if let Some(help) = help {
                    write!(f, "\n  help: {help}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}
