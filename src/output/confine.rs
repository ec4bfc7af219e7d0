//! Keeping a configured output directory inside the working directory.
//!
//! A configuration is often copied between repositories; an `output_dir` that
//! climbs out with `..` or leaves through a symbolic link would make `generate`
//! write into someone else's tree. Only `--out`, typed by the person running
//! the command, may point outside.

use std::io;
use std::path::{Component, Path, PathBuf};

use crate::error::Error;

/// Refuses `dir` (the configuration's `output_dir`) if it resolves outside the
/// current working directory.
pub fn confine(dir: &Path) -> Result<(), Error> {
    let cwd = std::env::current_dir()
        .and_then(|cwd| cwd.canonicalize())
        .map_err(|err| Error::io("cannot resolve the working directory", Path::new("."), err))?;
    let resolved = resolve(&cwd, dir)
        .map_err(|err| Error::io("cannot resolve the output directory", dir, err))?;
    if resolved.starts_with(&cwd) {
        return Ok(());
    }
    Err(Error::usage(
        format!(
            "output_dir `{}` resolves to `{}`, outside the working directory `{}`; nothing was written",
            dir.display(),
            resolved.display(),
            cwd.display()
        ),
        format!(
            "run webqsee-s3 from the repository that holds the module, set output_dir to a \
             path inside it, or pass `--out {}` to write there deliberately",
            dir.display()
        ),
    ))
}

/// The absolute path `dir` names from `cwd`, with every symbolic link among
/// the parts that exist followed. Parts that do not exist yet cannot be links,
/// so they are joined as written.
fn resolve(cwd: &Path, dir: &Path) -> io::Result<PathBuf> {
    let mut resolved = cwd.to_path_buf();
    for component in dir.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => {
                resolved = PathBuf::from(component.as_os_str());
            }
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(part) => {
                let next = resolved.join(part);
                resolved = match next.symlink_metadata() {
                    Ok(_) => next.canonicalize()?,
                    Err(err) if err.kind() == io::ErrorKind::NotFound => next,
                    Err(err) => return Err(err),
                };
            }
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_steps_are_followed() {
        let cwd = Path::new("/nonexistent-webqsee/repo");
        assert_eq!(
            resolve(cwd, Path::new("modules/../../other")).unwrap(),
            Path::new("/nonexistent-webqsee/other")
        );
        assert_eq!(
            resolve(cwd, Path::new("./modules/x")).unwrap(),
            Path::new("/nonexistent-webqsee/repo/modules/x")
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_followed() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path().canonicalize().unwrap();
        let repo = root.join("repo");
        let elsewhere = root.join("elsewhere");
        std::fs::create_dir_all(&repo).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, repo.join("modules")).unwrap();
        assert_eq!(
            resolve(&repo, Path::new("modules/webqsee-s3")).unwrap(),
            elsewhere.join("webqsee-s3")
        );
    }
}
