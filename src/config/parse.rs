//! HCL text → [`RawConfig`]: the structure of the file, its keys and the types
//! of its values. What the values mean is checked later, in `check`.

use std::ops::Range;

use hcl_edit::Span;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Attribute, Block, Body, Structure};
use hcl_edit::template::{Element, Template};

use super::raw::{RawBucket, RawConfig, RawCors, RawUser, Spanned};
use crate::diagnostic::{Problems, did_you_mean};

const TOP_ATTRIBUTES: &[&str] = &[
    "output_dir",
    "key_prefix",
    "teams",
    "policy_name",
    "group_name",
    "root",
    "adopt_existing",
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
            syntax_error(text, &err, problems);
            return RawConfig::default();
        }
    };

    let mut raw = RawConfig::default();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => match attr.key.as_str() {
                "output_dir" => raw.output_dir = string(attr, problems),
                "key_prefix" => raw.key_prefix = string(attr, problems),
                "teams" => raw.teams = string_list(attr, problems),
                "policy_name" => raw.policy_name = string(attr, problems),
                "group_name" => raw.group_name = string(attr, problems),
                "root" => raw.root = boolean(attr, problems),
                "adopt_existing" => raw.adopt_existing = boolean(attr, problems),
                _ => unknown_attribute(attr, "at the top level", TOP_ATTRIBUTES, problems),
            },
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
                other if TOP_ATTRIBUTES.contains(&other) => {
                    problems
                        .error(
                            span_of(block),
                            format!("`{other}` is a setting, not a block"),
                        )
                        .help(format!("write `{other} = ...`, with `=` and no braces"));
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
    let mut found = Vec::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => found.push(attr),
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
        labels => {
            let found = match labels {
                [] => "none".to_string(),
                labels => labels
                    .iter()
                    .map(|l| format!("`{}`", l.as_str()))
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            problems
                .error(
                    span_of(block),
                    format!("a `{kind}` block takes exactly one label, its name, but has {found}"),
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
    if TOP_BLOCKS.contains(&key) {
        let example = if key == "cors" {
            "cors { ... }".to_string()
        } else {
            format!("{key} \"NAME\" {{ ... }}")
        };
        problems
            .error(span_of(attr), format!("`{key}` is a block, not a setting"))
            .help(format!("write `{example}` at the top level, without `=`"));
        return;
    }
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
        // A heredoc without `${...}` or `%{...}` is plain text too, e.g. a key
        // pasted across several lines.
        Expression::HeredocTemplate(heredoc) if literal(&heredoc.template).is_some() => {
            literal(&heredoc.template).map(|text| Spanned::new(text, span_of(expr)))
        }
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
            wrong_type(other, key, Expected::String, problems);
            None
        }
    }
}

/// The text of a template made of literal parts only.
fn literal(template: &Template) -> Option<String> {
    template
        .iter()
        .map(|element| match element {
            Element::Literal(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn string_list(attr: &Attribute, problems: &mut Problems) -> Option<Spanned<Vec<Spanned<String>>>> {
    let key = attr.key.as_str();
    let Expression::Array(array) = &attr.value else {
        wrong_type(&attr.value, key, Expected::StringList, problems);
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
            wrong_type(other, attr.key.as_str(), Expected::Bool, problems);
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
            wrong_type(other, key, Expected::WholeNumber, problems);
            None
        }
    }
}

/// The type a setting takes.
#[derive(Debug, Clone, Copy)]
enum Expected {
    String,
    StringList,
    Bool,
    WholeNumber,
}

impl Expected {
    fn noun(self) -> &'static str {
        match self {
            Expected::String => "a string",
            Expected::StringList => "a list of strings",
            Expected::Bool => "`true` or `false`",
            Expected::WholeNumber => "a whole number",
        }
    }
}

fn wrong_type(expr: &Expression, key: &str, expected: Expected, problems: &mut Problems) {
    let shown = excerpt(expr);
    problems.error(
        span_of(expr),
        format!(
            "`{key}` must be {}, but `{shown}` is {}",
            expected.noun(),
            describe(expr)
        ),
    );
    let written_out = match expr {
        Expression::Variable(_) | Expression::Traversal(_) | Expression::FuncCall(_) => {
            problems.help(
                "write the value out: this file is read by webqsee-s3, not by OpenTofu, so references and functions do not work here",
            );
            return;
        }
        Expression::String(s) => Some(s.value().to_string()),
        _ => None,
    };
    let help = match (expected, written_out) {
        (Expected::String, _) => {
            let inner = match expr {
                Expression::Number(_) | Expression::Bool(_) => shown.clone(),
                Expression::Array(items) if items.len() == 1 => match items.iter().next() {
                    Some(Expression::String(one)) => one.value().to_string(),
                    _ => "...".to_string(),
                },
                _ => "...".to_string(),
            };
            format!("write `{key} = \"{inner}\"`, in double quotes")
        }
        (Expected::StringList, Some(one)) => format!("write `{key} = [\"{one}\"]`, in brackets"),
        (Expected::StringList, None) => format!("write `{key} = [\"...\", \"...\"]`"),
        (Expected::Bool, _) => format!("write `{key} = true` or `{key} = false`, without quotes"),
        (Expected::WholeNumber, Some(text)) if text.parse::<i64>().is_ok() => {
            format!("write `{key} = {text}`, without quotes")
        }
        (Expected::WholeNumber, _) => {
            format!("write `{key} = ` and a whole number, such as `{key} = 7`")
        }
    };
    problems.help(help);
}

/// The expression as written, on one line and cut to a readable length.
fn excerpt(expr: &Expression) -> String {
    const MAX_CHARS: usize = 40;
    let text = expr.to_string();
    let text = text.trim();
    let first_line = text.lines().next().unwrap_or_default();
    let cut: String = first_line.chars().take(MAX_CHARS).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
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

/// Reports what the HCL parser refused, naming what it found at that place.
fn syntax_error(text: &str, err: &hcl_edit::parser::Error, problems: &mut Problems) {
    // The parser's own column miscounts after multi-byte characters; its byte
    // offset does not.
    let mut offset = err.location().offset().min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let rest = &text[offset..];
    // The parser refuses a key set twice in one body before we see the body.
    if err.message().contains("redefined attribute") {
        let key: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        problems
            .error(
                offset..offset,
                format!("`{key}` is set a second time in this block"),
            )
            .help("keep only one of the two settings");
        return;
    }
    let at_end = rest.trim().is_empty();
    let found = match rest.chars().next() {
        None => "the end of the file".to_string(),
        Some(_) if at_end => "the end of the file".to_string(),
        Some('\n' | '\r') => "the end of the line".to_string(),
        Some(_) => {
            let token: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(20)
                .collect();
            format!("`{token}`")
        }
    };
    problems
        .error(
            offset..offset,
            format!("this is not valid HCL: {}; found {found}", err.message()),
        )
        .help(if at_end {
            "the file ends inside a block, list or string: close every `{`, `[` and `\"`"
        } else {
            "fix the syntax at this position; `webqsee-s3 init` writes a valid example"
        });
}

/// Every setting name the format knows, in any block: the format's own words,
/// for tests that write configurations.
pub fn known_settings() -> impl Iterator<Item = &'static str> {
    [
        TOP_ATTRIBUTES,
        BUCKET_ATTRIBUTES,
        USER_ATTRIBUTES,
        CORS_ATTRIBUTES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Source;

    /// Every problem the parser reports for `text`, as printed.
    fn problems(text: &str) -> Vec<String> {
        let mut problems = Problems::default();
        parse(text, &mut problems);
        problems
            .resolve(&Source::named("t.hcl", text))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[track_caller]
    fn assert_problems(text: &str, expected: &[&str]) {
        assert_eq!(problems(text), expected, "for:\n{text}");
    }

    #[test]
    fn a_valid_file_has_no_problems() {
        assert_problems(crate::config::DEFAULTS, &[]);
    }

    #[test]
    fn a_misspelt_key_gets_a_did_you_mean() {
        assert_problems(
            "key_prefx = \"webqsee\"\nbucket \"b\" {\n  regoin = \"eu-central-1\"\n}\n",
            &[
                "t.hcl:1:1: error: unknown setting `key_prefx` at the top level\n  help: did you mean `key_prefix`?",
                "t.hcl:3:3: error: unknown setting `regoin` in a `bucket` block\n  help: did you mean `region`?",
            ],
        );
    }

    #[test]
    fn an_unknown_key_far_from_any_lists_the_known_ones() {
        let found = problems("cors {\n  origins_list = []\n}\n");
        assert_eq!(
            found,
            [
                "t.hcl:2:3: error: unknown setting `origins_list` in the `cors` block\n  help: the known settings here are `allowed_origins`, `max_age_seconds`"
            ]
        );
    }

    #[test]
    fn a_misspelt_block_gets_a_did_you_mean() {
        assert_problems(
            "buckets \"b\" {}\n",
            &["t.hcl:1:1: error: unknown block `buckets`\n  help: did you mean `bucket`?"],
        );
    }

    #[test]
    fn settings_and_blocks_mixed_up_are_named_as_such() {
        assert_problems(
            "cors = {}\nteams {}\n",
            &[
                "t.hcl:1:1: error: `cors` is a block, not a setting\n  help: write `cors { ... }` at the top level, without `=`",
                "t.hcl:2:1: error: `teams` is a setting, not a block\n  help: write `teams = ...`, with `=` and no braces",
            ],
        );
    }

    #[test]
    fn wrong_types_name_the_expected_type_and_the_value() {
        assert_problems(
            "teams = \"team-1\"\npolicy_name = 3\nbucket \"b\" {\n  versioning = \"yes\"\n  abort_incomplete_uploads_after_days = \"7\"\n}\ncors {\n  max_age_seconds = 1.5\n}\n",
            &[
                "t.hcl:1:9: error: `teams` must be a list of strings, but `\"team-1\"` is a string\n  help: write `teams = [\"team-1\"]`, in brackets",
                "t.hcl:2:15: error: `policy_name` must be a string, but `3` is a number\n  help: write `policy_name = \"3\"`, in double quotes",
                "t.hcl:4:16: error: `versioning` must be `true` or `false`, but `\"yes\"` is a string\n  help: write `versioning = true` or `versioning = false`, without quotes",
                "t.hcl:5:41: error: `abort_incomplete_uploads_after_days` must be a whole number, but `\"7\"` is a string\n  help: write `abort_incomplete_uploads_after_days = 7`, without quotes",
                "t.hcl:8:21: error: `max_age_seconds` must be a whole number, not `1.5`\n  help: write a whole number of seconds or days, without a fraction",
            ],
        );
    }

    #[test]
    fn references_and_templates_are_refused() {
        let found = problems("output_dir = var.dir\nkey_prefix = \"${var.p}\"\n");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with(
            "t.hcl:1:14: error: `output_dir` must be a string, but `var.dir` is a reference"
        ));
        assert!(found[1].starts_with("t.hcl:2:14: error: `key_prefix` must be a plain string"));
    }

    #[test]
    fn a_key_set_twice_is_reported_at_the_second() {
        assert_problems(
            "bucket \"b\" {\n  region = \"eu-central-1\"\n  region = \"eu-west-1\"\n}\n",
            &[
                "t.hcl:3:3: error: `region` is set a second time in this block\n  help: keep only one of the two settings",
            ],
        );
    }

    #[test]
    fn blocks_need_their_labels() {
        assert_problems(
            "bucket {}\nuser \"a\" \"b\" {}\ncors \"x\" {}\n",
            &[
                "t.hcl:1:1: error: a `bucket` block takes exactly one label, its name, but has none\n  help: write `bucket \"webqsee\" { ... }`",
                "t.hcl:2:1: error: a `user` block takes exactly one label, its name, but has `a` `b`\n  help: write `user \"alice\" {}`",
                "t.hcl:3:1: error: a `cors` block takes no label\n  help: write `cors { ... }`",
            ],
        );
    }

    #[test]
    fn a_nested_block_is_refused() {
        assert_problems(
            "bucket \"b\" {\n  lifecycle {}\n}\n",
            &[
                "t.hcl:2:3: error: unexpected block `lifecycle` inside a `bucket` block\n  help: a `bucket` block holds only `name = value` settings",
            ],
        );
    }

    #[test]
    fn a_second_cors_block_is_refused() {
        assert_problems(
            "cors {}\ncors {}\n",
            &[
                "t.hcl:2:1: error: a second `cors` block\n  help: merge the two `cors` blocks into one",
            ],
        );
    }

    #[test]
    fn syntax_errors_say_what_was_found_where() {
        assert_problems(
            "a = \"éé\" y\n",
            &[
                "t.hcl:1:10: error: this is not valid HCL: expected newline or eof; found `y`\n  help: fix the syntax at this position; `webqsee-s3 init` writes a valid example",
            ],
        );
        let unclosed = problems("bucket \"b\" {\n  region = \"eu-central-1\"\n");
        assert_eq!(unclosed.len(), 1);
        assert!(
            unclosed[0].contains("found the end of the file"),
            "{unclosed:?}"
        );
        assert!(unclosed[0].contains("close every `{`"), "{unclosed:?}");
    }
}
