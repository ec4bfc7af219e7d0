//! `init`: write a commented configuration with the defaults.

use std::path::Path;

use super::Outcome;
use crate::config::{DEFAULT_FILE, DEFAULTS};
use crate::error::Error;

pub fn run(config: Option<&Path>, force: bool) -> Result<Outcome, Error> {
    let path = config.unwrap_or(Path::new(DEFAULT_FILE));
    if !force && path.exists() {
        return Err(Error::usage(
            format!("{}: already exists; nothing was written", path.display()),
            "edit it, or run `webqsee-s3 init --force` to replace it with the defaults",
        ));
    }
    std::fs::write(path, DEFAULTS).map_err(|err| Error::io("cannot write", path, err))?;
    eprintln!("wrote {}", path.display());
    Ok(Outcome::Done)
}
