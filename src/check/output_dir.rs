//! `output_dir`: where `generate` writes and `diff` looks.

use std::path::PathBuf;

use crate::config::Spanned;
use crate::diagnostic::Problems;

/// The output directory, relative to where webqsee-s3 runs. An empty value is
/// refused rather than read as the current directory, which `.` says plainly.
pub fn resolve(raw: Option<&Spanned<String>>, default: &str, problems: &mut Problems) -> PathBuf {
    let Some(dir) = raw else {
        return PathBuf::from(default);
    };
    if dir.value.trim().is_empty() {
        problems
            .error(
                dir.span.clone(),
                format!("`output_dir` `\"{}\"` names no folder", dir.value),
            )
            .help(format!(
                "name the module's folder, for example `\"{default}\"`, or `\".\"` for the current directory"
            ));
    }
    PathBuf::from(&dir.value)
}
