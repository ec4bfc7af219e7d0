//! Writing a module to its directory.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::render::Module;

/// What `write` did to each file.
#[derive(Debug, Default)]
pub struct WriteReport {
    pub written: Vec<PathBuf>,
    pub unchanged: Vec<PathBuf>,
}

impl WriteReport {
    /// One short line per file; unchanged files only when `verbose`.
    pub fn lines(&self, verbose: bool) -> Vec<String> {
        let mut lines: Vec<String> = self
            .written
            .iter()
            .map(|p| format!("wrote {}", p.display()))
            .collect();
        if verbose {
            lines.extend(
                self.unchanged
                    .iter()
                    .map(|p| format!("unchanged {}", p.display())),
            );
        }
        lines
    }
}

/// Writes every file of the module into `dir`, skipping files already up to date.
pub fn write(module: &Module, dir: &Path, _force: bool) -> Result<WriteReport, Error> {
    std::fs::create_dir_all(dir)
        .map_err(|err| Error::io("cannot create the directory", dir, err))?;
    let mut report = WriteReport::default();
    for (relative, contents) in module.files() {
        let path = dir.join(relative);
        match std::fs::read(&path) {
            Ok(existing) if existing == contents.as_bytes() => report.unchanged.push(path),
            _ => {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|err| Error::io("cannot create the directory", parent, err))?;
                }
                std::fs::write(&path, contents)
                    .map_err(|err| Error::io("cannot write", &path, err))?;
                report.written.push(path);
            }
        }
    }
    Ok(report)
}
