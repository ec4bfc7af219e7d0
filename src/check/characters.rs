//! The characters of a value that a rule does not allow, named for a message.

/// Each character of `value` that `allowed` refuses, once, in order of first
/// appearance.
pub fn refused(value: &str, allowed: impl Fn(char) -> bool) -> Vec<char> {
    let mut found = Vec::new();
    for c in value.chars() {
        if !allowed(c) && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// `` `a`, `b` and `c` ``; characters that would be invisible in backticks
/// are named instead.
pub fn list(chars: &[char]) -> String {
    let named: Vec<String> = chars.iter().map(|c| name(*c)).collect();
    match named.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn name(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        '\n' | '\r' => "a line break".to_string(),
        '`' => "a backtick".to_string(),
        c if c.is_control() || c.is_whitespace() => format!("U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refused_character_once_in_order() {
        assert_eq!(
            refused("My_Bucket_", |c| c.is_ascii_lowercase()),
            vec!['M', '_', 'B']
        );
        assert_eq!(refused("fine", |c| c.is_ascii_lowercase()), vec![]);
    }

    #[test]
    fn characters_are_listed_readably() {
        assert_eq!(list(&['M']), "`M`");
        assert_eq!(list(&['M', ' ', '_']), "`M`, a space and `_`");
        assert_eq!(list(&['\u{a0}', '`']), "U+00A0 and a backtick");
    }
}
