//! JSON-shaped values written as HCL expressions, laid out as `tofu fmt` keeps
//! them: objects one attribute per line, short lists of scalars on one line.

use serde_json::Value;

/// Lists of scalars longer than this go one item per line.
const MAX_INLINE_LIST: usize = 72;
const INDENT: &str = "  ";

/// `value` as an HCL expression. Lines after the first are indented by `depth`
/// levels, so the result can stand after `key = ` at that depth.
pub fn expression(value: &Value, depth: usize) -> String {
    let mut out = String::new();
    write_value(&mut out, value, depth);
    out
}

/// A string as a quoted HCL literal, with `${` and `%{` escaped so OpenTofu
/// reads them as text.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object key: bare when it is an HCL identifier, quoted otherwise.
pub fn key(name: &str) -> String {
    let mut chars = name.chars();
    let is_identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if is_identifier {
        name.to_string()
    } else {
        quote(name)
    }
}

fn write_value(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&quote(s)),
        Value::Array(items) => write_list(out, items, depth),
        Value::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Value::Object(fields) => {
            out.push_str("{\n");
            for (name, field) in fields {
                push_indent(out, depth + 1);
                out.push_str(&key(name));
                out.push_str(" = ");
                write_value(out, field, depth + 1);
                out.push('\n');
            }
            push_indent(out, depth);
            out.push('}');
        }
    }
}

fn write_list(out: &mut String, items: &[Value], depth: usize) {
    let all_scalar = items.iter().all(|v| !v.is_array() && !v.is_object());
    if all_scalar {
        let inline: Vec<String> = items.iter().map(|v| expression(v, depth)).collect();
        let inline = format!("[{}]", inline.join(", "));
        if inline.len() <= MAX_INLINE_LIST {
            out.push_str(&inline);
            return;
        }
    }
    out.push_str("[\n");
    for item in items {
        push_indent(out, depth + 1);
        write_value(out, item, depth + 1);
        out.push_str(",\n");
    }
    push_indent(out, depth);
    out.push(']');
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quotes_escape_template_sequences() {
        assert_eq!(quote("a\"b${c}%{d}$e"), r#""a\"b$${c}%%{d}$e""#);
    }

    #[test]
    fn keys_stay_bare_only_when_they_are_identifiers() {
        assert_eq!(key("Version"), "Version");
        assert_eq!(key("webqsee-admin-user"), "webqsee-admin-user");
        assert_eq!(key("s3:prefix"), "\"s3:prefix\"");
        assert_eq!(key("1st"), "\"1st\"");
    }

    #[test]
    fn nested_values_are_indented_from_the_given_depth() {
        let value = json!({"A": ["x", "y"], "B": {"c": true}, "D": [{"e": 1}]});
        assert_eq!(
            expression(&value, 1),
            "{\n    A = [\"x\", \"y\"]\n    B = {\n      c = true\n    }\n    D = [\n      {\n        e = 1\n      },\n    ]\n  }"
        );
    }
}
