//! Writing a module to its directory without damaging anything around it.
//!
//! Every decision is made before the first byte is written: which files
//! change, which stale generated files go, and whether a file without the
//! generated header stands in the way. Then each changed file is replaced
//! atomically, unchanged files are left alone (their timestamps too), and
//! files without the header are never removed.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{self, Rename};
use super::scan::scan;
use crate::error::Error;
use crate::render::{Module, is_generated};

/// What `write` did to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Created, or replaced a generated file whose content changed.
    Wrote,
    /// Replaced a file without the generated header, as `--force` allows.
    Replaced,
    /// Removed a generated file the module no longer produces.
    Removed,
    /// Removed a temporary file an interrupted run left behind.
    Cleaned,
    /// Left alone: already byte for byte what the module produces.
    Unchanged,
}

/// Every file `write` looked at, in the order it acted.
#[derive(Debug, Default)]
pub struct WriteReport {
    pub files: Vec<(Action, PathBuf)>,
}

impl WriteReport {
    /// One short line per file changed; unchanged files only when `verbose`.
    pub fn lines(&self, verbose: bool) -> Vec<String> {
        self.files
            .iter()
            .filter_map(|(action, path)| {
                let path = path.display();
                Some(match action {
                    Action::Wrote => format!("wrote {path}"),
                    Action::Replaced => {
                        format!("replaced {path} (it had no generated header; --force)")
                    }
                    Action::Removed => format!("removed {path} (generated, no longer produced)"),
                    Action::Cleaned => format!("removed {path} (left by an interrupted run)"),
                    Action::Unchanged if verbose => format!("unchanged {path}"),
                    Action::Unchanged => return None,
                })
            })
            .collect()
    }

    pub fn count(&self, action: Action) -> usize {
        self.files.iter().filter(|(a, _)| *a == action).count()
    }
}

/// Writes `module` into `dir` with atomic renames. See [`write_with`].
pub fn write(module: &Module, dir: &Path, force: bool) -> Result<WriteReport, Error> {
    write_with(module, dir, force, &mut |from, to| fs::rename(from, to))
}

/// Writes every changed file of `module` into `dir`, removes stale generated
/// files, and leaves everything else alone. A file without the generated header
/// where the module puts one of its files stops the run before anything is
/// written, unless `force`. `rename` puts each finished temporary file in
/// place; an error from it stops the run with that file unchanged.
pub fn write_with(
    module: &Module,
    dir: &Path,
    force: bool,
    rename: Rename<'_>,
) -> Result<WriteReport, Error> {
    let on_disk = scan(dir, module)?;

    let mut plan: Vec<(Action, &str)> = Vec::new();
    let mut blocked = Vec::new();
    for (name, contents) in module.files() {
        let action = match on_disk.files.get(name) {
            Some(existing) if existing == contents.as_bytes() => Action::Unchanged,
            Some(existing) if !is_generated(existing) => {
                blocked.push(dir.join(name));
                Action::Replaced
            }
            _ => Action::Wrote,
        };
        plan.push((action, name));
    }
    for (name, existing) in &on_disk.files {
        if !module.contains(name) && is_generated(existing) {
            plan.push((Action::Removed, name));
        }
    }
    for name in &on_disk.leftovers {
        plan.push((Action::Cleaned, name));
    }
    if !blocked.is_empty() && !force {
        return Err(refusal(&blocked));
    }

    fs::create_dir_all(dir).map_err(|err| Error::io("cannot create the directory", dir, err))?;
    let mut report = WriteReport::default();
    for (action, name) in plan {
        let path = dir.join(name);
        match action {
            Action::Wrote | Action::Replaced => {
                let contents = module.get(name).expect("planned from the module's files");
                atomic::replace(&path, contents.as_bytes(), rename)
                    .map_err(|err| Error::io("cannot write", &path, err))?;
            }
            Action::Removed | Action::Cleaned => {
                fs::remove_file(&path).map_err(|err| Error::io("cannot remove", &path, err))?;
            }
            Action::Unchanged => {}
        }
        report.files.push((action, path));
    }
    if report.files.iter().any(|(a, _)| *a != Action::Unchanged) {
        atomic::sync_dir(dir).map_err(|err| Error::io("cannot sync the directory", dir, err))?;
    }
    Ok(report)
}

fn refusal(blocked: &[PathBuf]) -> Error {
    let list: Vec<String> = blocked
        .iter()
        .map(|p| format!("`{}`", p.display()))
        .collect();
    let (verb, they, files, ones) = if blocked.len() == 1 {
        ("does", "it", "file", "one")
    } else {
        ("do", "they", "files", "ones")
    };
    Error::usage(
        format!(
            "{}: {verb} not carry the generated header, so {they} may hold your own work; \
             nothing was written",
            list.join(", ")
        ),
        format!(
            "move your changes to a file of another name (for example `overrides.tf`), or run \
             `webqsee-s3 generate --force` to replace the {files} with the generated {ones}"
        ),
    )
}
