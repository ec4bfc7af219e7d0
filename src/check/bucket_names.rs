//! S3 bucket names: the rules S3 enforces when it creates a bucket, checked
//! before anything is generated, so a bad name never fails half-way through
//! `tofu apply`.

use std::collections::HashSet;
use std::net::Ipv4Addr;

use super::characters;
use crate::config::RawBucket;
use crate::diagnostic::Problems;

const MIN_LENGTH: usize = 3;
const MAX_LENGTH: usize = 63;
/// Prefixes S3 keeps for its own names.
const RESERVED_PREFIXES: &[&str] = &["xn--", "sthree-", "amzn-s3-demo-"];
/// Suffixes S3 keeps for access points, aliases and other bucket types.
const RESERVED_SUFFIXES: &[&str] = &["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/// One way a name breaks S3's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Violation {
    Length(usize),
    Characters(Vec<char>),
    Edges,
    AdjacentDots,
    IpAddress,
    ReservedPrefix(&'static str),
    ReservedSuffix(&'static str),
}

/// Every rule the name breaks, in a fixed order. Dots are not among them: S3
/// accepts them, and [`check`] decides what to say about them.
fn violations(name: &str) -> Vec<Violation> {
    let mut found = Vec::new();
    let length = name.chars().count();
    if !(MIN_LENGTH..=MAX_LENGTH).contains(&length) {
        found.push(Violation::Length(length));
    }
    let invalid = characters::refused(name, allowed);
    if !invalid.is_empty() {
        found.push(Violation::Characters(invalid));
    }
    // Other characters at either end are reported as characters.
    if name.starts_with(['-', '.']) || name.ends_with(['-', '.']) {
        found.push(Violation::Edges);
    }
    if name.contains("..") {
        found.push(Violation::AdjacentDots);
    }
    if name.parse::<Ipv4Addr>().is_ok() {
        found.push(Violation::IpAddress);
    }
    if let Some(prefix) = RESERVED_PREFIXES.iter().find(|p| name.starts_with(*p)) {
        found.push(Violation::ReservedPrefix(prefix));
    }
    if let Some(suffix) = RESERVED_SUFFIXES.iter().find(|s| name.ends_with(*s)) {
        found.push(Violation::ReservedSuffix(suffix));
    }
    found
}

fn allowed(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'
}

/// Checks one bucket's name. A name with dots is an error unless the block
/// says `allow_dotted_name = true`: browsers reach a bucket at
/// `https://NAME.s3.REGION.amazonaws.com`, and S3's wildcard certificate does
/// not cover a name with dots, so webQsee could not use the bucket. The flag is
/// for adopting an existing bucket whose name cannot change.
pub fn check(bucket: &RawBucket, problems: &mut Problems) {
    let name = bucket.name.value.as_str();
    let span = bucket.name.span.clone();
    for violation in violations(name) {
        match violation {
            Violation::Length(length) => problems
                .error(
                    span.clone(),
                    format!("bucket name `{name}` is {length} characters long; S3 allows {MIN_LENGTH} to {MAX_LENGTH}"),
                )
                .help(if length < MIN_LENGTH {
                    "choose a longer name, for example `webqsee-gallery`"
                } else {
                    "choose a shorter name"
                }),
            Violation::Characters(chars) => {
                problems.error(
                    span.clone(),
                    format!(
                        "bucket name `{name}` contains {}; S3 allows only lower-case letters, digits, `-` and `.`",
                        characters::list(&chars)
                    ),
                );
                match suggestion(name) {
                    Some(better) => problems.help(format!("write `{better}` instead")),
                    None => problems.help("choose a name of lower-case letters, digits and `-`"),
                }
            }
            Violation::Edges => problems
                .error(
                    span.clone(),
                    format!("bucket name `{name}` must start and end with a lower-case letter or a digit"),
                )
                .help("remove the leading or trailing `-` or `.`"),
            Violation::AdjacentDots => problems
                .error(span.clone(), format!("bucket name `{name}` has two dots in a row"))
                .help("use `-` to separate the words of a bucket name"),
            Violation::IpAddress => problems
                .error(
                    span.clone(),
                    format!("bucket name `{name}` has the form of an IP address, which S3 refuses"),
                )
                .help("choose a name with letters, for example `webqsee-gallery`"),
            Violation::ReservedPrefix(prefix) => problems
                .error(
                    span.clone(),
                    format!("bucket name `{name}` starts with `{prefix}`, a prefix S3 reserves"),
                )
                .help(format!("choose a name that does not start with `{prefix}`")),
            Violation::ReservedSuffix(suffix) => problems
                .error(
                    span.clone(),
                    format!("bucket name `{name}` ends with `{suffix}`, a suffix S3 reserves"),
                )
                .help(format!("choose a name that does not end with `{suffix}`")),
        };
    }
    dots(bucket, problems);
}

fn dots(bucket: &RawBucket, problems: &mut Problems) {
    let name = bucket.name.value.as_str();
    let allowed = bucket.allow_dotted_name.as_ref().is_some_and(|a| a.value);
    if name.contains('.') && !allowed {
        problems
            .error(
                bucket.name.span.clone(),
                format!("bucket name `{name}` contains `.`, so browsers cannot reach it over HTTPS"),
            )
            .help(format!(
                "S3's certificate for `*.s3.<region>.amazonaws.com` does not match `{name}.s3...`; write `{}`, or set `allow_dotted_name = true` in the block to keep an existing bucket",
                name.replace('.', "-")
            ));
    }
    if let Some(flag) = &bucket.allow_dotted_name
        && flag.value
        && !name.contains('.')
    {
        problems
            .warning(
                flag.span.clone(),
                format!("`allow_dotted_name` has no effect: bucket name `{name}` has no dots"),
            )
            .help("remove the setting");
    }
}

/// A valid name close to an invalid one: lower case, other characters turned
/// into `-`. Only offered when it breaks no rule.
fn suggestion(name: &str) -> Option<String> {
    let mut better = String::new();
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        let c = if allowed(c) { c } else { '-' };
        if !(c == '-' && better.ends_with('-')) {
            better.push(c);
        }
    }
    let better = better.trim_matches(|c| c == '-' || c == '.').to_string();
    violations(&better).is_empty().then_some(better)
}

/// Reports every bucket declared a second time.
pub fn duplicates(buckets: &[RawBucket], problems: &mut Problems) {
    let mut seen = HashSet::new();
    for bucket in buckets {
        let name = bucket.name.value.as_str();
        if !seen.insert(name) {
            problems
                .error(
                    bucket.name.span.clone(),
                    format!("bucket `{name}` is declared a second time here"),
                )
                .help("keep one `bucket` block per bucket and merge their settings");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_names_break_no_rule() {
        for name in ["webqsee", "abc", "my-bucket-2", "a.b.c", &"a".repeat(63)] {
            assert_eq!(violations(name), vec![], "{name}");
        }
    }

    #[test]
    fn each_rule_is_caught() {
        let cases: &[(&str, Violation)] = &[
            ("ab", Violation::Length(2)),
            (&"a".repeat(64), Violation::Length(64)),
            ("My_Bucket", Violation::Characters(vec!['M', '_', 'B'])),
            ("-webqsee", Violation::Edges),
            ("webqsee.", Violation::Edges),
            ("web..qsee", Violation::AdjacentDots),
            ("192.168.5.4", Violation::IpAddress),
            ("xn--webqsee", Violation::ReservedPrefix("xn--")),
            ("sthree-webqsee", Violation::ReservedPrefix("sthree-")),
            (
                "amzn-s3-demo-webqsee",
                Violation::ReservedPrefix("amzn-s3-demo-"),
            ),
            ("webqsee-s3alias", Violation::ReservedSuffix("-s3alias")),
            ("webqsee--ol-s3", Violation::ReservedSuffix("--ol-s3")),
            ("webqsee.mrap", Violation::ReservedSuffix(".mrap")),
            ("webqsee--x-s3", Violation::ReservedSuffix("--x-s3")),
            ("webqsee--table-s3", Violation::ReservedSuffix("--table-s3")),
        ];
        for (name, expected) in cases {
            assert!(
                violations(name).contains(expected),
                "{name}: {:?}",
                violations(name)
            );
        }
    }

    #[test]
    fn an_address_like_name_with_a_letter_is_not_an_ip_address() {
        assert_eq!(violations("192.168.5.a"), vec![]);
        assert_eq!(violations("1.2.3.4.5"), vec![]);
    }

    #[test]
    fn suggestions_are_valid_names() {
        assert_eq!(suggestion("My_Bucket").as_deref(), Some("my-bucket"));
        assert_eq!(suggestion("Web Qsee!").as_deref(), Some("web-qsee"));
        assert_eq!(suggestion("__"), None);
    }
}
