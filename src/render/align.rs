//! The one layout rule templates cannot keep by hand: `tofu fmt` aligns the `=`
//! of consecutive single-line attributes at the same indentation. A blank line,
//! a comment, a block or a multi-line value ends such a run.

/// Returns `text` with every run of single-line attributes aligned.
pub fn align_equals(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let parsed: Vec<Option<Assignment>> = lines.iter().map(|l| Assignment::parse(l)).collect();

    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut start = 0;
    while start < lines.len() {
        let Some(first) = &parsed[start] else {
            out.push_str(lines[start]);
            out.push('\n');
            start += 1;
            continue;
        };
        let mut end = start + 1;
        while end < lines.len()
            && parsed[end]
                .as_ref()
                .is_some_and(|a| a.indent == first.indent)
        {
            end += 1;
        }
        let width = parsed[start..end]
            .iter()
            .flatten()
            .map(|a| a.key.chars().count())
            .max()
            .unwrap_or(0);
        for assignment in parsed[start..end].iter().flatten() {
            out.push_str(&" ".repeat(assignment.indent));
            out.push_str(assignment.key);
            out.push_str(&" ".repeat(width - assignment.key.chars().count()));
            out.push_str(" = ");
            out.push_str(assignment.value);
            out.push('\n');
        }
        start = end;
    }
    out.pop();
    out
}

/// A line of the form `key = value` whose value closes on the same line.
struct Assignment<'a> {
    indent: usize,
    key: &'a str,
    value: &'a str,
}

impl<'a> Assignment<'a> {
    fn parse(line: &'a str) -> Option<Self> {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let key_len = key_length(trimmed)?;
        let (key, rest) = trimmed.split_at(key_len);
        let rest = rest.trim_start_matches(' ');
        let value = rest.strip_prefix('=')?;
        if value.starts_with('=') {
            return None;
        }
        let value = value.trim_matches(' ');
        (!value.is_empty() && brackets_balance(value)).then_some(Assignment { indent, key, value })
    }
}

/// The length of an identifier or a quoted string at the start of `text`.
fn key_length(text: &str) -> Option<usize> {
    if let Some(quoted) = text.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in quoted.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => return Some(i + 2),
                _ => {}
            }
        }
        return None;
    }
    let len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    (len > 0 && starts_well).then_some(len)
}

/// Whether every bracket opened in `value` closes in it, ignoring strings.
fn brackets_balance(value: &str) -> bool {
    let mut depth: i32 = 0;
    let mut in_string = false;
    let mut escaped = false;
    for c in value.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            '#' => break,
            _ => {}
        }
    }
    depth == 0 && !in_string
}

#[cfg(test)]
mod tests {
    use super::align_equals;

    #[test]
    fn aligns_runs_and_lets_breaks_end_them() {
        let input = "resource \"x\" \"y\" {\n  name = \"a\"\n  description = \"b\"\n  policy = jsonencode({\n    Version = \"1\"\n    Statement = [\n    ]\n  })\n  z = 1\n  # note\n  zz = 2\n  for_each = { for k, v in x : k => v }\n\n  tags = {}\n}\n";
        let expected = "resource \"x\" \"y\" {\n  name        = \"a\"\n  description = \"b\"\n  policy = jsonencode({\n    Version = \"1\"\n    Statement = [\n    ]\n  })\n  z = 1\n  # note\n  zz       = 2\n  for_each = { for k, v in x : k => v }\n\n  tags = {}\n}\n";
        assert_eq!(align_equals(input), expected);
    }

    #[test]
    fn quoted_keys_and_equals_in_strings() {
        let input = "  \"a=b\" = \"x == y\"\n  long_key = 1\n";
        assert_eq!(
            align_equals(input),
            "  \"a=b\"    = \"x == y\"\n  long_key = 1\n"
        );
    }
}
