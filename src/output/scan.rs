//! What is in an output directory now: its direct children that concern the
//! module, read whole.
//!
//! The module is flat, so only files directly inside the directory are
//! considered; subdirectories and what they hold are never read or touched.
//! A file the module does not produce is read only as far as the generated
//! header: the user's own files (a root configuration's state, say) may be
//! large, and only a stale generated file is needed whole.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::Path;

use crate::error::Error;
use crate::render::{HEADER, MARKDOWN_HEADER, Module, is_generated};

/// The ending of the temporary files `generate` writes before renaming them
/// over their targets. One left behind by an interrupted run is ours to remove.
pub const TEMP_SUFFIX: &str = ".webqsee-s3.tmp";

/// The files found directly inside an output directory.
#[derive(Debug, Default)]
pub struct OnDisk {
    /// Whether the directory exists at all.
    pub exists: bool,
    /// File name → contents, for every regular file the module produces and
    /// every other file that carries the generated header.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Temporary files left behind by an interrupted `generate`.
    pub leftovers: Vec<String>,
}

/// Reads the regular files directly inside `dir` that `module` produces or
/// that carry the generated header. A directory that does not exist reads as
/// empty; anything else that cannot be read is an error.
pub fn scan(dir: &Path, module: &Module) -> Result<OnDisk, Error> {
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
        let read_error = |err| Error::io("cannot read", &path, err);
        if !module.contains(&name) && !starts_with_header(&path).map_err(read_error)? {
            continue;
        }
        let contents = std::fs::read(&path).map_err(read_error)?;
        on_disk.files.insert(name, contents);
    }
    on_disk.leftovers.sort();
    Ok(on_disk)
}

/// Whether a file's first line is a generated header, reading no further than
/// the longest header and its line ending.
fn starts_with_header(path: &Path) -> io::Result<bool> {
    let limit = HEADER.len().max(MARKDOWN_HEADER.len()) + 2;
    let mut start = Vec::with_capacity(limit);
    std::fs::File::open(path)?
        .take(limit as u64)
        .read_to_end(&mut start)?;
    Ok(is_generated(&start))
}

/// Whether a file name is one of `generate`'s temporary files.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}
