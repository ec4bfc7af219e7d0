//! Where a configuration comes from, and its text.

use std::path::{Path, PathBuf};

/// The embedded defaults: the vendor tutorial's setup.
pub const DEFAULTS: &str = include_str!("defaults.hcl");

/// The text of one configuration, and the name to show in messages.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    path: Option<PathBuf>,
    text: String,
}

impl Source {
    pub fn file(path: &Path, text: String) -> Self {
        Source {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
            text,
        }
    }

    pub fn defaults() -> Self {
        Source {
            name: "<embedded defaults>".to_string(),
            path: None,
            text: DEFAULTS.to_string(),
        }
    }

    /// A source with a name of the caller's choosing, for tests and tools.
    pub fn named(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            path: None,
            text: text.into(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}
