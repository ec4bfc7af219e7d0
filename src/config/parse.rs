//! HCL text → [`RawConfig`]: the structure of the file, its keys and the types
//! of its values. What the values mean is checked later, in `check`.

use std::collections::HashSet;
use std::ops::Range;

use hcl_edit::Span;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Attribute, Block, Body, Structure};

use super::raw::{RawBucket, RawConfig, RawCors, RawUser, Spanned};
use crate::diagnostic::{Problems, did_you_mean};

const TOP_ATTRIBUTES: &[&str] = &[
    "output_dir",
    "key_prefix",
    "teams",
    "policy_name",
    "group_name",
];
const TOP_BLOCKS: &[&str] = &["bucket", "user", "cors"];
const BUCKET_ATTRIBUTES: &[&str] = &[
    "region",
    "encryption",
    "versioning",
    "deny_insecure_transport",
    "abort_incomplete_uploads_after_days",
    "allow_dotted_name",
];
const USER_ATTRIBUTES: &[&str] = &["keys", "pgp_key"];
const CORS_ATTRIBUTES: &[&str] = &["allowed_origins", "max_age_seconds"];

/// Reads a configuration's text. Syntax errors and problems of structure or type
/// land in `problems`; what could be read is returned either way.
pub fn parse(text: &str, problems: &mut Problems) -> RawConfig {
    let body = match hcl_edit::parser::parse_body(text) {
        Ok(body) => body,
        Err(err) => {
            let offset = line_column_offset(text, err.location().line(), err.location().column());
            problems
                .error(
                    offset..offset,
                    format!("this is not valid HCL: {}", err.message()),
                )
                .help("fix the syntax at this position; `webqsee-s3 init` writes a valid example");
            return RawConfig::default();
        }
    };

    let mut raw = RawConfig::default();
    let mut seen = Seen::default();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => {
                if !seen.attribute(attr, problems) {
                    continue;
                }
                match attr.key.as_str() {
                    "output_dir" => raw.output_dir = string(attr, problems),
                    "key_prefix" => raw.key_prefix = string(attr, problems),
                    "teams" => raw.teams = string_list(attr, problems),
                    "policy_name" => raw.policy_name = string(attr, problems),
                    "group_name" => raw.group_name = string(attr, problems),
                    _ => unknown_attribute(attr, "at the top level", TOP_ATTRIBUTES, problems),
                }
            }
            Structure::Block(block) => match block.ident.as_str() {
                "bucket" => raw.buckets.extend(bucket(block, problems)),
                "user" => raw.users.extend(user(block, problems)),
                "cors" => {
                    let cors = cors(block, problems);
                    if raw.cors.is_some() {
                        problems
                            .error(span_of(block), "a second `cors` block")
                            .help("merge the two `cors` blocks into one");
                    } else {
                        raw.cors = cors;
                    }
                }
                other => {
                    let span = span_of(block);
                    problems.error(span, format!("unknown block `{other}`"));
                    suggest(other, TOP_BLOCKS, "blocks", problems);
                }
            },
        }
    }
    raw
}

fn bucket(block: &Block, problems: &mut Problems) -> Option<RawBucket> {
    let name = one_label(block, "bucket", "bucket \"webqsee\" { ... }", problems)?;
    let mut bucket = RawBucket {
        name,
        region: None,
        encryption: None,
        versioning: None,
        deny_insecure_transport: None,
        abort_incomplete_uploads_after_days: None,
        allow_dotted_name: None,
        span: span_of(block),
    };
    for attr in attributes(&block.body, "bucket", problems) {
        match attr.key.as_str() {
            "region" => bucket.region = string(attr, problems),
            "encryption" => bucket.encryption = string(attr, problems),
            "versioning" => bucket.versioning = boolean(attr, problems),
            "deny_insecure_transport" => bucket.deny_insecure_transport = boolean(attr, problems),
            "abort_incomplete_uploads_after_days" => {
                bucket.abort_incomplete_uploads_after_days = integer(attr, problems)
            }
            "allow_dotted_name" => bucket.allow_dotted_name = boolean(attr, problems),
            _ => unknown_attribute(attr, "in a `bucket` block", BUCKET_ATTRIBUTES, problems),
        }
    }
    Some(bucket)
}

fn user(block: &Block, problems: &mut Problems) -> Option<RawUser> {
    let name = one_label(block, "user", "user \"alice\" {}", problems)?;
    let mut user = RawUser {
        name,
        keys: None,
        pgp_key: None,
        span: span_of(block),
    };
    for attr in attributes(&block.body, "user", problems) {
        match attr.key.as_str() {
            "keys" => user.keys = string_list(attr, problems),
            "pgp_key" => user.pgp_key = string(attr, problems),
            _ => unknown_attribute(attr, "in a `user` block", USER_ATTRIBUTES, problems),
        }
    }
    Some(user)
}

fn cors(block: &Block, problems: &mut Problems) -> Option<RawCors> {
    if !block.labels.is_empty() {
        problems
            .error(span_of(block), "a `cors` block takes no label")
            .help("write `cors { ... }`");
        return None;
    }
    let mut cors = RawCors {
        allowed_origins: None,
        max_age_seconds: None,
        span: span_of(block),
    };
    for attr in attributes(&block.body, "cors", problems) {
        match attr.key.as_str() {
            "allowed_origins" => cors.allowed_origins = string_list(attr, problems),
            "max_age_seconds" => cors.max_age_seconds = integer(attr, problems),
            _ => unknown_attribute(attr, "in the `cors` block", CORS_ATTRIBUTES, problems),
        }
    }
    Some(cors)
}

/// The attributes of a block's body; nested blocks are reported, since no block
/// of this format has any.
fn attributes<'a>(body: &'a Body, parent: &str, problems: &mut Problems) -> Vec<&'a Attribute> {
    let mut seen = Seen::default();
    let mut found = Vec::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => {
                if seen.attribute(attr, problems) {
                    found.push(attr);
                }
            }
            Structure::Block(block) => {
                problems
                    .error(
                        span_of(block),
                        format!(
                            "unexpected block `{}` inside a `{parent}` block",
                            block.ident.as_str()
                        ),
                    )
                    .help(format!(
                        "a `{parent}` block holds only `name = value` settings"
                    ));
            }
        }
    }
    found
}

/// Remembers the attribute keys of one body, to report a key set twice.
#[derive(Default)]
struct Seen {
    keys: HashSet<String>,
}

impl Seen {
    fn attribute(&mut self, attr: &Attribute, problems: &mut Problems) -> bool {
        let key = attr.key.as_str();
        if !self.keys.insert(key.to_string()) {
            problems
                .error(span_of(attr), format!("`{key}` is set a second time here"))
                .help("keep only one of the two settings");
            return false;
        }
        true
    }
}

fn one_label(
    block: &Block,
    kind: &str,
    example: &str,
    problems: &mut Problems,
) -> Option<Spanned<String>> {
    match block.labels.as_slice() {
        [label] => Some(Spanned::new(
            label.as_str().to_string(),
            label_span(label).unwrap_or_else(|| span_of(block)),
        )),
        _ => {
            problems
                .error(
                    span_of(block),
                    format!("a `{kind}` block takes exactly one label, its name"),
                )
                .help(format!("write `{example}`"));
            None
        }
    }
}

fn label_span(label: &hcl_edit::structure::BlockLabel) -> Option<Range<usize>> {
    match label {
        hcl_edit::structure::BlockLabel::Ident(ident) => ident.span(),
        hcl_edit::structure::BlockLabel::String(string) => string.span(),
    }
}

fn unknown_attribute(attr: &Attribute, place: &str, known: &[&str], problems: &mut Problems) {
    let key = attr.key.as_str();
    problems.error(span_of(attr), format!("unknown setting `{key}` {place}"));
    suggest(key, known, "settings", problems);
}

fn suggest(given: &str, known: &[&str], what: &str, problems: &mut Problems) {
    match did_you_mean(given, known.iter().copied()) {
        Some(close) => problems.help(format!("did you mean `{close}`?")),
        None => problems.help(format!(
            "the known {what} here are {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    };
}

fn string(attr: &Attribute, problems: &mut Problems) -> Option<Spanned<String>> {
    string_value(&attr.value, attr.key.as_str(), problems)
}

fn string_value(expr: &Expression, key: &str, problems: &mut Problems) -> Option<Spanned<String>> {
    match expr {
        Expression::String(s) => Some(Spanned::new(s.value().to_string(), span_of(expr))),
        Expression::StringTemplate(_) | Expression::HeredocTemplate(_) => {
            problems
                .error(
                    span_of(expr),
                    format!("`{key}` must be a plain string, without `${{...}}` or `%{{...}}`"),
                )
                .help("write the value out; this file is read by webqsee-s3, not by OpenTofu");
            None
        }
        other => {
            wrong_type(other, key, "a string", problems);
            None
        }
    }
}

fn string_list(attr: &Attribute, problems: &mut Problems) -> Option<Spanned<Vec<Spanned<String>>>> {
    let key = attr.key.as_str();
    let Expression::Array(array) = &attr.value else {
        wrong_type(&attr.value, key, "a list of strings", problems);
        return None;
    };
    let mut items = Vec::new();
    let mut ok = true;
    for item in array.iter() {
        match string_value(item, key, problems) {
            Some(s) => items.push(s),
            None => ok = false,
        }
    }
    ok.then(|| Spanned::new(items, span_of(&attr.value)))
}

fn boolean(attr: &Attribute, problems: &mut Problems) -> Option<Spanned<bool>> {
    match &attr.value {
        Expression::Bool(b) => Some(Spanned::new(*b.value(), span_of(&attr.value))),
        other => {
            wrong_type(other, attr.key.as_str(), "`true` or `false`", problems);
            None
        }
    }
}

fn integer(attr: &Attribute, problems: &mut Problems) -> Option<Spanned<i64>> {
    let key = attr.key.as_str();
    match &attr.value {
        Expression::Number(n) => match n.value().as_i64() {
            Some(i) => Some(Spanned::new(i, span_of(&attr.value))),
            None => {
                problems
                    .error(
                        span_of(&attr.value),
                        format!("`{key}` must be a whole number, not `{}`", n.value()),
                    )
                    .help("write a whole number of seconds or days, without a fraction");
                None
            }
        },
        other => {
            wrong_type(other, key, "a whole number", problems);
            None
        }
    }
}

fn wrong_type(expr: &Expression, key: &str, expected: &str, problems: &mut Problems) {
    problems
        .error(
            span_of(expr),
            format!("`{key}` must be {expected}, but this is {}", describe(expr)),
        )
        .help(format!("write `{key}` as {expected}"));
}

fn describe(expr: &Expression) -> &'static str {
    match expr {
        Expression::Null(_) => "`null`",
        Expression::Bool(_) => "a boolean",
        Expression::Number(_) => "a number",
        Expression::String(_) | Expression::StringTemplate(_) | Expression::HeredocTemplate(_) => {
            "a string"
        }
        Expression::Array(_) => "a list",
        Expression::Object(_) => "an object",
        Expression::Variable(_) | Expression::Traversal(_) => "a reference",
        Expression::FuncCall(_) => "a function call",
        _ => "an expression",
    }
}

fn span_of(item: &impl Span) -> Range<usize> {
    item.span().unwrap_or(0..0)
}

/// The byte offset of a one-based line and column, as the HCL parser reports them.
fn line_column_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[line_start.min(text.len())..];
    let within: usize = rest
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    line_start + within
}
