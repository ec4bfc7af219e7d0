//! `user` blocks: the names of a user's access keys and the PGP key their
//! secrets are encrypted to.

use std::collections::HashSet;

use crate::config::{RawUser, Spanned};
use crate::diagnostic::Problems;
use crate::model::User;

/// The name of a user's access key when the config names none.
pub const DEFAULT_KEY_NAME: &str = "primary";

/// AWS lets an IAM user hold at most this many access keys.
pub const MAX_KEYS_PER_USER: usize = 2;

/// Key names end up in resource addresses (`aws_iam_access_key.member["alice/2026-12"]`),
/// so they keep to a small, safe alphabet.
const MAX_KEY_NAME_LENGTH: usize = 64;

/// How `gpg` exports a key in the form the AWS provider reads.
const EXPORT_COMMAND: &str = "gpg --export KEYID | base64 -w0";

pub fn user(raw: &RawUser, problems: &mut Problems) -> Option<User> {
    let name = &raw.name.value;
    let keys = match &raw.keys {
        None => Some(vec![DEFAULT_KEY_NAME.to_string()]),
        Some(keys) => key_names(name, keys, problems),
    };
    let pgp_key = match &raw.pgp_key {
        None => Some(None),
        Some(key) => pgp_key(name, key, problems).map(Some),
    };
    Some(User {
        name: name.clone(),
        keys: keys?,
        pgp_key: pgp_key?,
    })
}

fn key_names(
    user: &str,
    keys: &Spanned<Vec<Spanned<String>>>,
    problems: &mut Problems,
) -> Option<Vec<String>> {
    if keys.value.is_empty() {
        problems
            .error(
                keys.span.clone(),
                format!("user `{user}` has an empty `keys` list"),
            )
            .help("name at least one key, or remove `keys` for a single key");
        return None;
    }
    let mut ok = true;
    if keys.value.len() > MAX_KEYS_PER_USER {
        let names: Vec<String> = keys
            .value
            .iter()
            .map(|k| format!("`{}`", k.value))
            .collect();
        problems
            .error(
                keys.span.clone(),
                format!(
                    "user `{user}` names {} keys ({}), but AWS allows at most {MAX_KEYS_PER_USER} access keys per user",
                    keys.value.len(),
                    names.join(", ")
                ),
            )
            .help("rotate one key at a time: remove the oldest name once webQsee uses the newer key");
        ok = false;
    }
    let mut seen = HashSet::new();
    for key in &keys.value {
        if !seen.insert(key.value.as_str()) {
            problems
                .error(
                    key.span.clone(),
                    format!("user `{user}` names key `{}` twice", key.value),
                )
                .help("give every key of a user its own name, e.g. the month it was made: `\"2026-12\"`");
            ok = false;
        } else if let Some(problem) = key_name_problem(&key.value) {
            problems
                .error(
                    key.span.clone(),
                    format!("`{}` cannot name a key: {problem}", key.value),
                )
                .help(format!(
                    "use up to {MAX_KEY_NAME_LENGTH} letters, digits, `.`, `_` and `-`, starting with a letter or digit, e.g. `\"2026-12\"`"
                ));
            ok = false;
        }
    }
    ok.then(|| keys.value.iter().map(|k| k.value.clone()).collect())
}

/// What is wrong with a key name, if anything.
fn key_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("it is empty".to_string());
    }
    if name.chars().count() > MAX_KEY_NAME_LENGTH {
        return Some(format!(
            "it is longer than {MAX_KEY_NAME_LENGTH} characters"
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Some(format!("it contains `{bad}`"));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Some("it does not start with a letter or digit".to_string());
    }
    None
}

/// Checks a `pgp_key` the way the AWS provider will read it, and returns it
/// with line breaks removed.
fn pgp_key(user: &str, key: &Spanned<String>, problems: &mut Problems) -> Option<String> {
    let text = key.value.trim();
    let span = key.span.clone();

    if let Some(name) = text.strip_prefix("keybase:") {
        let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            problems
                .error(
                    span,
                    format!("`{text}` is not a Keybase user for user `{user}`'s `pgp_key`"),
                )
                .help(
                    "write `keybase:USERNAME`, the Keybase username being letters, digits and `_`",
                );
            return None;
        }
        return Some(text.to_string());
    }

    if text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----") {
        problems
            .error(
                span,
                format!("user `{user}`'s `pgp_key` is a private key"),
            )
            .help(format!(
                "remove it from the file now and never share it; give the public key instead: `{EXPORT_COMMAND}`"
            ));
        return None;
    }
    if text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----") {
        problems
            .error(
                span,
                format!(
                    "user `{user}`'s `pgp_key` is an ASCII-armored key, which the AWS provider rejects (\"tag byte does not have MSB set\")"
                ),
            )
            .help(format!(
                "give the base64 of the binary key on one line: `{EXPORT_COMMAND}` (without `--armor`)"
            ));
        return None;
    }
    if text.starts_with("-----BEGIN") {
        problems
            .error(
                span,
                format!("user `{user}`'s `pgp_key` is a PEM block, not an OpenPGP public key"),
            )
            .help(format!(
                "the provider encrypts with OpenPGP only: `{EXPORT_COMMAND}`, or `keybase:USERNAME`"
            ));
        return None;
    }

    let compact: String = text.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
    let problem = match decode_base64(&compact) {
        Err(problem) => problem,
        Ok(bytes) => match packet_problem(&bytes) {
            None => return Some(compact),
            Some(problem) => problem,
        },
    };
    problems
        .error(
            span,
            format!("user `{user}`'s `pgp_key` is not a usable OpenPGP public key: {problem}"),
        )
        .help(format!(
            "give the base64 of the binary public key, `{EXPORT_COMMAND}`, or `keybase:USERNAME`"
        ));
    None
}

/// What keeps decoded key bytes from being an OpenPGP public key, if anything.
fn packet_problem(bytes: &[u8]) -> Option<String> {
    let Some(&first) = bytes.first() else {
        return Some("it is empty".to_string());
    };
    if bytes.starts_with(b"-----BEGIN") {
        return Some(
            "it is the base64 of an ASCII-armored key; export without `--armor`".to_string(),
        );
    }
    // Every OpenPGP packet header starts with a byte whose top bit is set; bit 6
    // tells the new header format (tag in the low six bits) from the old one
    // (tag in bits 2 to 5).
    if first & 0x80 == 0 {
        return Some("it does not decode to an OpenPGP packet".to_string());
    }
    let tag = if first & 0x40 != 0 {
        first & 0x3f
    } else {
        (first >> 2) & 0x0f
    };
    match tag {
        PUBLIC_KEY_TAG => None,
        SECRET_KEY_TAG => Some(
            "it is a private key; remove it from the file now and give the public key".to_string(),
        ),
        other => Some(format!(
            "it starts with an OpenPGP packet of type {other}, not a public key (type {PUBLIC_KEY_TAG})"
        )),
    }
}

const SECRET_KEY_TAG: u8 = 5;
const PUBLIC_KEY_TAG: u8 = 6;

/// Standard base64 with `=` padding, as the provider decodes `pgp_key`.
fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    if text.is_empty() {
        return Err("it is empty".to_string());
    }
    let body = text.trim_end_matches('=');
    let padding = text.len() - body.len();
    if let Some((at, bad)) = body.char_indices().find(|(_, c)| sextet(*c).is_none()) {
        return Err(format!("`{bad}` at character {} is not base64", at + 1));
    }
    if text.len() % 4 != 0 || padding > 2 {
        return Err(format!(
            "{} characters of base64 with {padding} `=` is not a whole number of bytes; was the value cut off?",
            text.len()
        ));
    }

    let mut bytes = Vec::with_capacity(body.len() * 3 / 4);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for c in body.chars() {
        buffer = (buffer << 6) | u32::from(sextet(c).expect("checked above"));
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    Ok(bytes)
}

/// The six bits a base64 character stands for.
fn sextet(c: char) -> Option<u8> {
    let value = match c {
        'A'..='Z' => c as u8 - b'A',
        'a'..='z' => c as u8 - b'a' + 26,
        '0'..='9' => c as u8 - b'0' + 52,
        '+' => 62,
        '/' => 63,
        _ => return None,
    };
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(decode_base64("aGk=").unwrap(), b"hi");
        assert_eq!(decode_base64("aGV5").unwrap(), b"hey");
        assert_eq!(decode_base64("aA==").unwrap(), b"h");
        assert!(decode_base64("aGk").is_err());
        assert!(decode_base64("a Gk=").is_err());
        assert!(decode_base64("a===").is_err());
    }

    #[test]
    fn packet_tags_in_both_header_formats() {
        // Old format, tag 6, two-byte length.
        assert_eq!(packet_problem(&[0x99, 0x01, 0x0d]), None);
        // New format, tag 6.
        assert_eq!(packet_problem(&[0xc6, 0x33]), None);
        // Old format, tag 5: a secret key.
        assert!(
            packet_problem(&[0x95, 0x01])
                .unwrap()
                .contains("private key")
        );
        assert!(packet_problem(b"mQEN").unwrap().contains("not decode"));
    }

    #[test]
    fn key_names_keep_to_the_safe_alphabet() {
        assert_eq!(key_name_problem("2026-12"), None);
        assert_eq!(key_name_problem("primary.v2_b"), None);
        assert!(key_name_problem("alice/2026").unwrap().contains("`/`"));
        assert!(key_name_problem("-old").is_some());
        assert!(key_name_problem("").is_some());
        assert!(key_name_problem(&"a".repeat(65)).is_some());
    }
}
