//! AWS account quotas the module would run into: IAM users per account, and
//! the size of a customer-managed policy document.

use std::ops::Range;

use crate::config::RawConfig;
use crate::diagnostic::Problems;
use crate::model::{ITEM_FOLDERS, Model};
use crate::policy;

/// IAM users one AWS account may hold.
pub const MAX_USERS: usize = 5_000;
/// Characters of a managed policy document, whitespace not counted.
pub const MAX_POLICY_SIZE: usize = 6_144;

/// Reports a config that would exceed a quota.
pub fn check(model: &Model, raw: &RawConfig, problems: &mut Problems) {
    if let Some(over) = raw.users.get(MAX_USERS) {
        problems
            .error(
                over.name.span.clone(),
                format!(
                    "user `{}` is user number {}, but an AWS account holds at most {} IAM users",
                    over.name.value,
                    thousands(MAX_USERS + 1),
                    thousands(MAX_USERS)
                ),
            )
            .help(format!(
                "this config declares {} users: remove users, or split them across accounts",
                thousands(raw.users.len())
            ));
    }

    let size = policy::quota_size(&policy::document(model));
    if size > MAX_POLICY_SIZE {
        let teams = model.teams.segments().len();
        let buckets = model.buckets.len();
        problems
            .error(
                policy_span(raw),
                format!(
                    "the IAM policy would be {} characters (whitespace not counted), over the {} AWS allows for a managed policy",
                    thousands(size),
                    thousands(MAX_POLICY_SIZE)
                ),
            )
            .help(format!(
                "it names {} object ARNs ({} × {} × {} folders): list fewer teams or buckets, or split them across configs",
                thousands(buckets * teams * ITEM_FOLDERS.len()),
                count(buckets, "bucket"),
                count(teams, "team"),
                ITEM_FOLDERS.len()
            ));
    }
}

/// Where to point at a policy too large: the team list that multiplies it,
/// else the first bucket.
fn policy_span(raw: &RawConfig) -> Range<usize> {
    raw.teams
        .as_ref()
        .map(|t| t.span.clone())
        .or_else(|| raw.buckets.first().map(|b| b.span.clone()))
        .unwrap_or(0..0)
}

/// `1 bucket`, `2 buckets`.
fn count(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", thousands(n))
}

/// `12,345`: a count as people write it.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(5_000), "5,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
