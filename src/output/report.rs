//! Drift as people and bots read it: unified diffs, a summary line, JSON.
//!
//! The diff runs from what is on disk (`a/`) to what the configuration
//! generates (`b/`), with paths relative to the output directory. Line-ending
//! drift would be invisible in a plain diff, so a carriage return at the end of
//! a line is shown as `␍`, and a last line without a newline is followed by
//! `\ No newline at end of file`, as `diff -u` does.

use serde_json::{Value, json};
use similar::TextDiff;
use similar::udiff::UnifiedHunkHeader;

use super::diff::{Drift, FileDrift, Status};

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// Shown in place of a carriage return that ends a line.
const CR_MARKER: char = '␍';

/// What a line of a unified diff is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    FileHeader,
    HunkHeader,
    Context,
    Removed,
    Added,
    Note,
}

struct Line {
    kind: Kind,
    text: String,
}

/// The unified diff of every drifted file, coloured with ANSI codes if asked.
pub fn text(drift: &Drift, color: bool) -> String {
    let mut out = String::new();
    for file in &drift.files {
        for line in unified(file) {
            match (color, ansi(line.kind)) {
                (true, Some(code)) => out.push_str(&format!("\x1b[{code}m{}\x1b[0m", line.text)),
                _ => out.push_str(&line.text),
            }
            out.push('\n');
        }
    }
    out
}

/// One line saying how many files differ and how, or that none do.
pub fn summary(drift: &Drift) -> String {
    if drift.is_clean() {
        let files = plural(drift.unchanged, "file");
        return format!(
            "no drift: {files} in {} match the configuration",
            drift.dir.display()
        );
    }
    let counts: Vec<String> = [Status::Changed, Status::Missing, Status::Stale]
        .into_iter()
        .map(|status| (drift.count(status), status))
        .filter(|(count, _)| *count > 0)
        .map(|(count, status)| format!("{count} {}", status.as_str()))
        .collect();
    let verb = if drift.files.len() == 1 {
        "differs"
    } else {
        "differ"
    };
    format!(
        "{} {verb}: {}",
        plural(drift.files.len(), "file"),
        counts.join(", ")
    )
}

/// A sentence for a changed file whose only difference is invisible in most
/// editors: its line endings or its final newline.
pub fn note(file: &FileDrift) -> Option<&'static str> {
    let (Some(on_disk), Some(generated)) = (&file.on_disk, &file.generated) else {
        return None;
    };
    let on_disk = String::from_utf8_lossy(on_disk);
    if on_disk.contains('\r') && on_disk.replace("\r\n", "\n") == *generated {
        Some("only the line endings differ: CRLF on disk, LF generated")
    } else if on_disk.trim_end_matches('\n') == generated.trim_end_matches('\n') {
        Some("only the newlines at the end of the file differ")
    } else {
        None
    }
}

/// The whole report as one JSON document, for bots.
pub fn json(drift: &Drift) -> Value {
    let files: Vec<Value> = drift
        .files
        .iter()
        .map(|file| {
            let diff: String = unified(file)
                .into_iter()
                .map(|line| line.text + "\n")
                .collect();
            json!({
                "path": file.path,
                "status": file.status.as_str(),
                "has_generated_header": file.on_disk.as_ref().map(|_| !file.is_users_file()),
                "note": note(file),
                "diff": diff,
            })
        })
        .collect();
    json!({
        "directory": drift.dir.to_string_lossy(),
        "directory_exists": drift.dir_exists,
        "drift": !drift.is_clean(),
        "summary": {
            "changed": drift.count(Status::Changed),
            "missing": drift.count(Status::Missing),
            "stale": drift.count(Status::Stale),
            "unchanged": drift.unchanged,
        },
        "files": files,
    })
}

/// A unified diff of one file, `a/` on disk to `b/` generated.
fn unified(file: &FileDrift) -> Vec<Line> {
    let old = file
        .on_disk
        .as_deref()
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    let new = file.generated.as_deref().unwrap_or_default();
    let label = |present: bool, side: &str| {
        if present {
            format!("{side}/{}", file.path)
        } else {
            "/dev/null".to_string()
        }
    };

    let mut lines = vec![
        Line {
            kind: Kind::FileHeader,
            text: format!("--- {}", label(file.on_disk.is_some(), "a")),
        },
        Line {
            kind: Kind::FileHeader,
            text: format!("+++ {}", label(file.generated.is_some(), "b")),
        },
    ];
    let diff = TextDiff::from_lines(old.as_ref(), new);
    for group in diff.grouped_ops(CONTEXT) {
        if group.is_empty() {
            continue;
        }
        lines.push(Line {
            kind: Kind::HunkHeader,
            text: UnifiedHunkHeader::new(&group).to_string(),
        });
        for op in &group {
            for change in diff.iter_changes(op) {
                let (kind, sign) = match change.tag() {
                    similar::ChangeTag::Equal => (Kind::Context, ' '),
                    similar::ChangeTag::Delete => (Kind::Removed, '-'),
                    similar::ChangeTag::Insert => (Kind::Added, '+'),
                };
                let (content, terminated) = visible(change.value());
                lines.push(Line {
                    kind,
                    text: format!("{sign}{content}"),
                });
                if !terminated {
                    lines.push(Line {
                        kind: Kind::Note,
                        text: "\\ No newline at end of file".to_string(),
                    });
                }
            }
        }
    }
    lines
}

/// A line without its terminator, a trailing carriage return made visible, and
/// whether it had a terminator at all.
fn visible(line: &str) -> (String, bool) {
    let without_lf = line.strip_suffix('\n');
    let body = without_lf.unwrap_or(line);
    match body.strip_suffix('\r') {
        Some(body) => (format!("{body}{CR_MARKER}"), true),
        None => (body.to_string(), without_lf.is_some()),
    }
}

fn ansi(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::FileHeader => Some("1"),
        Kind::HunkHeader => Some("36"),
        Kind::Removed => Some("31"),
        Kind::Added => Some("32"),
        Kind::Context => None,
        Kind::Note => Some("2"),
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(on_disk: &str, generated: &str) -> FileDrift {
        FileDrift {
            path: "s3.tf".to_string(),
            status: Status::Changed,
            on_disk: Some(on_disk.as_bytes().to_vec()),
            generated: Some(generated.to_string()),
        }
    }

    fn render(file: &FileDrift) -> String {
        unified(file).into_iter().map(|l| l.text + "\n").collect()
    }

    #[test]
    fn a_crlf_line_ending_is_visible() {
        let text = render(&changed("one\r\ntwo\n", "one\ntwo\n"));
        assert_eq!(
            text,
            "--- a/s3.tf\n+++ b/s3.tf\n@@ -1,2 +1,2 @@\n-one␍\n+one\n two\n"
        );
    }

    #[test]
    fn a_missing_final_newline_gets_a_note() {
        let text = render(&changed("one\ntwo", "one\ntwo\n"));
        assert_eq!(
            text,
            "--- a/s3.tf\n+++ b/s3.tf\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two\n"
        );
    }

    #[test]
    fn a_missing_file_is_diffed_against_dev_null() {
        let file = FileDrift {
            path: "versions.tf".to_string(),
            status: Status::Missing,
            on_disk: None,
            generated: Some("a\n".to_string()),
        };
        assert_eq!(
            render(&file),
            "--- /dev/null\n+++ b/versions.tf\n@@ -0,0 +1 @@\n+a\n"
        );
    }

    #[test]
    fn colour_wraps_changed_lines_only() {
        let drift = Drift {
            dir: "m".into(),
            dir_exists: true,
            files: vec![changed("a\nb\n", "a\nc\n")],
            unchanged: 0,
        };
        let text = text(&drift, true);
        assert!(text.contains("\x1b[31m-b\x1b[0m\n"), "{text:?}");
        assert!(text.contains("\x1b[32m+c\x1b[0m\n"), "{text:?}");
        assert!(text.contains("\n a\n"), "{text:?}");
        assert!(!super::text(&drift, false).contains('\x1b'));
    }

    #[test]
    fn the_summary_counts_each_kind() {
        let stale = FileDrift {
            path: "old.tf".to_string(),
            status: Status::Stale,
            on_disk: Some(b"x\n".to_vec()),
            generated: None,
        };
        let drift = Drift {
            dir: "m".into(),
            dir_exists: true,
            files: vec![changed("a\n", "b\n"), stale],
            unchanged: 4,
        };
        assert_eq!(summary(&drift), "2 files differ: 1 changed, 1 stale");
    }
}
