//! IAM user, group and policy names: the characters and lengths IAM accepts,
//! and users whose names collide. IAM compares names without regard to case,
//! so `Alice` and `alice` are the same user.

use std::collections::HashMap;

use super::characters;
use crate::config::{RawUser, Spanned};
use crate::diagnostic::Problems;

/// What an IAM name names, and how long it may be.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    User,
    Group,
    Policy,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::User => "IAM user name",
            Kind::Group => "IAM group name",
            Kind::Policy => "IAM policy name",
        }
    }

    fn max_length(self) -> usize {
        match self {
            Kind::User => 64,
            Kind::Group | Kind::Policy => 128,
        }
    }
}

/// Letters, digits and `+=,.@_-`: the characters of every IAM name.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "+=,.@_-".contains(c)
}

/// Checks one name's length and characters.
pub fn check(kind: Kind, name: &Spanned<String>, problems: &mut Problems) {
    let value = name.value.as_str();
    let noun = kind.noun();
    let length = value.chars().count();
    if length == 0 {
        problems
            .error(name.span.clone(), format!("the {noun} is empty"))
            .help("write a name of letters, digits and `+=,.@_-`");
        return;
    }
    if length > kind.max_length() {
        problems
            .error(
                name.span.clone(),
                format!(
                    "{noun} `{value}` is {length} characters long; IAM allows at most {}",
                    kind.max_length()
                ),
            )
            .help("choose a shorter name");
    }
    let refused = characters::refused(value, allowed);
    if !refused.is_empty() {
        problems
            .error(
                name.span.clone(),
                format!(
                    "{noun} `{value}` contains {}; IAM allows only letters, digits and `+=,.@_-`",
                    characters::list(&refused)
                ),
            )
            .help(format!("write `{}` instead", replaced(value)));
    }
}

/// The name with every run of refused characters turned into one `-`, and none
/// left at either end.
fn replaced(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        if allowed(c) {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Checks every user's name, and reports users whose names IAM would take for
/// the same user.
pub fn users(users: &[RawUser], problems: &mut Problems) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for user in users {
        check(Kind::User, &user.name, problems);
        let name = user.name.value.as_str();
        match seen.get(&name.to_lowercase()) {
            None => {
                seen.insert(name.to_lowercase(), name);
            }
            Some(first) if *first == name => {
                problems
                    .error(
                        user.name.span.clone(),
                        format!("user `{name}` is declared a second time here"),
                    )
                    .help("keep one `user` block per user");
            }
            Some(first) => {
                problems
                    .error(
                        user.name.span.clone(),
                        format!("user `{name}` is the same IAM user as `{first}`: IAM user names ignore case"),
                    )
                    .help("give the two users names that differ in more than case");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iam_punctuation_character_is_allowed() {
        assert!("+=,.@_-".chars().all(allowed));
        assert!("Alice1".chars().all(allowed));
        assert!(!allowed(' '));
        assert!(!allowed('/'));
        assert!(!allowed('é'));
    }

    #[test]
    fn refused_characters_become_hyphens() {
        assert_eq!(replaced("alice smith/ops"), "alice-smith-ops");
        assert_eq!(replaced("bad name!"), "bad-name");
    }
}
