//! Replacing one file so that a reader, or an interrupted run, only ever sees
//! the old bytes or the new ones.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::scan::TEMP_SUFFIX;

/// The step that puts a finished temporary file in place of its target.
/// `generate` uses [`fs::rename`]; tests pass one that fails.
pub type Rename<'a> = &'a mut dyn FnMut(&Path, &Path) -> io::Result<()>;

/// Writes `contents` to a temporary file in the target's directory, flushes it
/// to disk, and renames it over `target`. A rename within one directory is
/// atomic, so `target` is never seen truncated. On failure the temporary file
/// is removed and `target` is as it was. An existing target's permissions are
/// kept.
pub(crate) fn replace(target: &Path, contents: &[u8], rename: Rename<'_>) -> io::Result<()> {
    let temp = temporary_path(target);
    let result = write_then_rename(&temp, target, contents, rename);
    if result.is_err() {
        // Best effort: the error that matters is the one being returned.
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_then_rename(
    temp: &Path,
    target: &Path,
    contents: &[u8],
    rename: Rename<'_>,
) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(contents)?;
    if let Ok(existing) = fs::metadata(target) {
        file.set_permissions(existing.permissions())?;
    }
    file.sync_all()?;
    drop(file);
    rename(temp, target)
}

/// `.NAME.PID.webqsee-s3.tmp` beside the target: hidden, recognisably ours,
/// and distinct between concurrent runs.
fn temporary_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .expect("a module file has a name")
        .to_string_lossy();
    let temp = format!(".{name}.{}{TEMP_SUFFIX}", std::process::id());
    target.with_file_name(temp)
}

/// Makes the renames in `dir` durable. Only Unix can open a directory for this.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
