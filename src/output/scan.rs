//! What is in an output directory now: its direct children, read whole.
//!
//! The module is flat, so only files directly inside the directory are
//! considered; subdirectories and what they hold are never read or touched.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use crate::error::Error;

/// The ending of the temporary files `generate` writes before renaming them
/// over their targets. One left behind by an interrupted run is ours to remove.
pub const TEMP_SUFFIX: &str = ".webqsee-s3.tmp";

/// The files found directly inside an output directory.
#[derive(Debug, Default)]
pub struct OnDisk {
    /// Whether the directory exists at all.
    pub exists: bool,
    /// File name → contents, for every regular file except our temporary files.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Temporary files left behind by an interrupted `generate`.
    pub leftovers: Vec<String>,
}

/// Reads every regular file directly inside `dir`. A directory that does not
/// exist reads as empty; anything else that cannot be read is an error.
pub fn scan(dir: &Path) -> Result<OnDisk, Error> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(OnDisk::default()),
        Err(err) => return Err(Error::io("cannot read the output directory", dir, err)),
    };
    let mut on_disk = OnDisk {
        exists: true,
        ..OnDisk::default()
    };
    for entry in entries {
        let entry = entry.map_err(|err| Error::io("cannot read the output directory", dir, err))?;
        let path = entry.path();
        // Follows symbolic links: a link to a file is read as that file.
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            // A dangling symbolic link is not a file.
            Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(err) => return Err(Error::io("cannot read", &path, err)),
        };
        if !metadata.is_file() {
            continue;
        }
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            // No module file has a name that is not UTF-8, and no such file
            // can carry our header in a way we would act on by name.
            continue;
        };
        if is_temporary(&name) {
            on_disk.leftovers.push(name);
            continue;
        }
        let contents = std::fs::read(&path).map_err(|err| Error::io("cannot read", &path, err))?;
        on_disk.files.insert(name, contents);
    }
    on_disk.leftovers.sort();
    Ok(on_disk)
}

/// Whether a file name is one of `generate`'s temporary files.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}
