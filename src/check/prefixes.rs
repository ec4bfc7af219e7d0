//! `key_prefix` and team IDs: the path segments every object ARN and every
//! `s3:prefix` pattern of the policy is built from. A character with a meaning
//! in those patterns (`*`, `?`, `${`) would widen what the keys may reach, and
//! one with a meaning in HCL would break the emitted module, so both are held
//! to letters, digits, `-`, `_` and `.`.

use super::characters;
use crate::config::Spanned;
use crate::diagnostic::Problems;
use crate::model::Teams;

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.".contains(c)
}

/// What is wrong with one path segment, if anything.
fn segment_problem(segment: &str) -> Option<String> {
    if segment.is_empty() {
        return Some("an empty path segment".to_string());
    }
    if segment == "." || segment == ".." {
        return Some(format!("the path segment `{segment}`"));
    }
    let refused = characters::refused(segment, allowed);
    match refused.as_slice() {
        [] => None,
        [c, ..] if "*?$".contains(*c) => Some(format!(
            "`{c}`, which IAM reads as a pattern and which would widen what the keys reach"
        )),
        chars => Some(characters::list(chars)),
    }
}

/// The checked key prefix: one or more segments separated by `/`, with no `/`
/// at either end.
pub fn key_prefix(raw: Option<&Spanned<String>>, default: &str, problems: &mut Problems) -> String {
    let Some(raw) = raw else {
        return default.to_string();
    };
    let value = raw.value.as_str();
    if value.is_empty() {
        problems
            .error(raw.span.clone(), "`key_prefix` is empty")
            .help(format!(
                "write `key_prefix = \"{default}\"`, the folder webQsee writes under"
            ));
    } else if value.starts_with('/') || value.ends_with('/') {
        problems
            .error(
                raw.span.clone(),
                format!("`key_prefix` `{value}` starts or ends with `/`"),
            )
            .help(format!(
                "write `{}`: the policy adds the `/` itself",
                value.trim_matches('/')
            ));
    } else if let Some(problem) = value.split('/').find_map(segment_problem) {
        problems
            .error(
                raw.span.clone(),
                format!("`key_prefix` `{value}` contains {problem}"),
            )
            .help("use letters, digits, `-`, `_` and `.`, with `/` only between folder names");
    }
    value.to_string()
}

/// The checked team scope: `["*"]` for every team, or a list of team IDs.
pub fn teams(raw: Option<&Spanned<Vec<Spanned<String>>>>, problems: &mut Problems) -> Teams {
    let Some(raw) = raw else {
        return Teams::All;
    };
    if raw.value.is_empty() {
        problems
            .error(
                raw.span.clone(),
                "`teams` is empty, so the keys could reach nothing",
            )
            .help("write `[\"*\"]` for every team, or list the webQsee team IDs");
        return Teams::All;
    }
    if raw.value.iter().any(|t| t.value == "*") {
        if raw.value.len() > 1 {
            problems
                .error(raw.span.clone(), "`*` must be the only entry of `teams`")
                .help("write `[\"*\"]` for every team, or list team IDs without `*`");
        }
        return Teams::All;
    }

    let mut ids: Vec<String> = Vec::new();
    for team in &raw.value {
        let id = team.value.as_str();
        if id.contains('/') {
            problems
                .error(team.span.clone(), format!("team ID `{id}` contains `/`"))
                .help("a team ID is one path segment; list each team on its own");
        } else if let Some(problem) = segment_problem(id) {
            let help = if id.contains('*') {
                "`*` is allowed only as the whole list, `[\"*\"]`, for every team"
            } else {
                "a team ID holds only letters, digits, `-`, `_` and `.`"
            };
            problems
                .error(
                    team.span.clone(),
                    format!("team ID `{id}` contains {problem}"),
                )
                .help(help);
        }
        if ids.iter().any(|seen| seen == id) {
            problems
                .warning(team.span.clone(), format!("team `{id}` is listed twice"))
                .help("remove the second entry");
        } else {
            ids.push(id.to_string());
        }
    }
    ids.sort();
    Teams::Only(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_segments_pass() {
        for segment in ["webqsee", "team-1", "a_b.c", "0"] {
            assert_eq!(segment_problem(segment), None, "{segment}");
        }
    }

    #[test]
    fn pattern_characters_are_named_as_such() {
        for segment in ["team*", "te?m", "${aws:username}"] {
            let problem = segment_problem(segment).unwrap();
            assert!(problem.contains("pattern"), "{segment}: {problem}");
        }
    }

    #[test]
    fn dot_segments_and_empty_segments_are_refused() {
        assert!(segment_problem(".").is_some());
        assert!(segment_problem("..").is_some());
        assert!(segment_problem("").is_some());
        assert!(segment_problem("a b").unwrap().contains("a space"));
    }
}
