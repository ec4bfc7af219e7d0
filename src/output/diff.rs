//! Comparing the module with what is on disk, without writing anything.

use std::path::{Path, PathBuf};

use super::scan::scan;
use crate::error::Error;
use crate::render::{Module, is_generated};

/// How one file on disk differs from the module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// The module produces the file and the copy on disk has other bytes:
    /// the configuration changed, or someone edited the generated file.
    Changed,
    /// The module produces the file and there is none on disk.
    Missing,
    /// The file on disk carries the generated header but the module no longer
    /// produces it.
    Stale,
}

impl Status {
    /// The word used in reports, text and JSON alike.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Changed => "changed",
            Status::Missing => "missing",
            Status::Stale => "stale",
        }
    }
}

/// One file that differs, with both sides as they are.
#[derive(Debug, Clone)]
pub struct FileDrift {
    /// Relative to the output directory.
    pub path: String,
    pub status: Status,
    /// The bytes on disk; `None` when the file is missing.
    pub on_disk: Option<Vec<u8>>,
    /// What the module produces; `None` when the file is stale.
    pub generated: Option<String>,
}

impl FileDrift {
    /// Whether the file on disk lacks the generated header although the module
    /// produces a file of that name: `generate` replaces it only with `--force`.
    pub fn is_users_file(&self) -> bool {
        self.on_disk
            .as_deref()
            .is_some_and(|bytes| !is_generated(bytes))
    }
}

/// Every difference between a module and a directory, in path order.
#[derive(Debug, Clone)]
pub struct Drift {
    pub dir: PathBuf,
    /// Whether the directory exists; when it does not, every file is missing.
    pub dir_exists: bool,
    pub files: Vec<FileDrift>,
    /// How many of the module's files match byte for byte.
    pub unchanged: usize,
}

impl Drift {
    pub fn is_clean(&self) -> bool {
        self.files.is_empty()
    }

    pub fn count(&self, status: Status) -> usize {
        self.files.iter().filter(|f| f.status == status).count()
    }
}

/// Compares `module` with the files directly inside `dir`. Files on disk that
/// the module does not produce and that lack the generated header belong to the
/// user and are never reported.
pub fn compare(module: &Module, dir: &Path) -> Result<Drift, Error> {
    let mut on_disk = scan(dir, module)?;
    let mut drift = Drift {
        dir: dir.to_path_buf(),
        dir_exists: on_disk.exists,
        files: Vec::new(),
        unchanged: 0,
    };

    for (path, generated) in module.files() {
        let existing = on_disk.files.remove(path);
        let status = match &existing {
            Some(bytes) if bytes == generated.as_bytes() => {
                drift.unchanged += 1;
                continue;
            }
            Some(_) => Status::Changed,
            None => Status::Missing,
        };
        drift.files.push(FileDrift {
            path: path.to_string(),
            status,
            on_disk: existing,
            generated: Some(generated.to_string()),
        });
    }

    // What is left is not produced by the module: stale if it is ours.
    for (path, bytes) in on_disk.files {
        if is_generated(&bytes) {
            drift.files.push(FileDrift {
                path,
                status: Status::Stale,
                on_disk: Some(bytes),
                generated: None,
            });
        }
    }

    drift.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(drift)
}
