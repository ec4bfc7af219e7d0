//! The values AWS would hand back for computed attributes, made up
//! deterministically from the resource type and its arguments: bucket ARNs,
//! IAM ARNs and unique ids, access key ids and secrets, and so on.

use std::collections::BTreeMap;

use rmpv::Value;

use crate::digest::{self, DIGITS, SECRET_ALPHABET, UPPER_ALPHANUMERIC};
use crate::msgpack::{given_text, text};
use crate::settings::{ACCOUNT_ID, ProviderSettings, string_map};

/// A fixed creation time, so that states do not change from run to run.
pub const CREATION_TIME: &str = "2024-01-01T00:00:00Z";

/// The Route 53 zone of S3 website endpoints in eu-central-1; any region gets it here.
const S3_HOSTED_ZONE_ID: &str = "Z21DNDUVLTQW6Q";

/// The resource or data source whose attribute is being worked out.
pub struct Subject<'a> {
    pub type_name: &'a str,
    /// The top-level object as known so far.
    pub state: &'a Value,
    pub settings: &'a ProviderSettings,
}

/// Values the real provider knows already at plan time.
pub fn planned_value(subject: &Subject, attribute: &str) -> Option<Value> {
    match attribute {
        "region" => Some(Value::from(subject.settings.region.as_str())),
        "tags_all" => Some(all_tags(subject)),
        _ => None,
    }
}

/// The value of a computed attribute after apply, or `None` when no rule
/// applies and a neutral value of the right type will do. `Some(Value::Nil)`
/// means the attribute really is null, e.g. `secret` when a PGP key encrypts it.
pub fn applied_value(subject: &Subject, attribute: &str) -> Option<Value> {
    let type_name = subject.type_name;
    if let Some(value) = planned_value(subject, attribute) {
        return Some(value);
    }
    if type_name == "aws_iam_access_key"
        && let Some(value) = access_key_value(subject, attribute)
    {
        return Some(value);
    }
    let value = match (type_name, attribute) {
        ("aws_s3_bucket", "bucket") => generated_name(subject, "bucket_prefix"),
        ("aws_iam_policy" | "aws_iam_role", "name") => generated_name(subject, "name_prefix"),
        (_, "id") => id(subject),
        (_, "arn") => arn(subject),
        ("aws_iam_user", "unique_id") => aws_style_id(subject, "AIDA"),
        ("aws_iam_group", "unique_id") => aws_style_id(subject, "AGPA"),
        ("aws_iam_role", "unique_id") => aws_style_id(subject, "AROA"),
        ("aws_iam_policy", "policy_id") => aws_style_id(subject, "ANPA"),
        ("aws_caller_identity", "user_id") => aws_style_id(subject, "AIDA"),
        (_, "account_id") => ACCOUNT_ID.to_owned(),
        ("aws_partition", "partition") => "aws".to_owned(),
        ("aws_partition", "dns_suffix") => "amazonaws.com".to_owned(),
        ("aws_partition", "reverse_dns_prefix") => "com.amazonaws".to_owned(),
        ("aws_region", "name") => subject.settings.region.clone(),
        ("aws_region", "endpoint") => format!("ec2.{}.amazonaws.com", region(subject)),
        ("aws_region", "description") => format!("Stand-in region {}", region(subject)),
        (_, "bucket_domain_name") => format!("{}.s3.amazonaws.com", bucket(subject)),
        (_, "bucket_regional_domain_name") => {
            format!("{}.s3.{}.amazonaws.com", bucket(subject), region(subject))
        }
        (_, "bucket_region") => region(subject).to_owned(),
        (_, "hosted_zone_id") if type_name.starts_with("aws_s3_") => S3_HOSTED_ZONE_ID.to_owned(),
        (_, "create_date" | "created_date" | "creation_date") => CREATION_TIME.to_owned(),
        ("aws_iam_policy_document", "json" | "minified_json") => {
            r#"{"Version":"2012-10-17","Statement":[]}"#.to_owned()
        }
        _ => return None,
    };
    Some(Value::from(value))
}

/// Something that names the object, to seed made-up values with.
pub fn seed(subject: &Subject) -> String {
    let named: Vec<&str> = ["bucket", "name", "user", "group", "role", "policy_arn"]
        .iter()
        .filter_map(|attribute| given_text(subject.state, attribute))
        .collect();
    if named.is_empty() {
        format!("{:?}", subject.state)
    } else {
        named.join("/")
    }
}

fn region<'a>(subject: &'a Subject) -> &'a str {
    given_text(subject.state, "region").unwrap_or(&subject.settings.region)
}

fn bucket<'a>(subject: &'a Subject) -> &'a str {
    given_text(subject.state, "bucket").unwrap_or("unnamed-bucket")
}

fn all_tags(subject: &Subject) -> Value {
    let mut tags: BTreeMap<String, String> = subject.settings.default_tags.clone();
    if let Some(own) = crate::msgpack::attribute(subject.state, "tags") {
        if crate::msgpack::is_unknown(own) {
            return crate::msgpack::unknown();
        }
        tags.extend(string_map(own));
    }
    Value::Map(
        tags.into_iter()
            .map(|(key, value)| (Value::from(key), Value::from(value)))
            .collect(),
    )
}

/// What AWS names an object the user gave only a prefix for, or nothing at all.
fn generated_name(subject: &Subject, prefix_attribute: &str) -> String {
    let prefix = given_text(subject.state, prefix_attribute).unwrap_or("terraform-");
    let digits = digest::chars(&[subject.type_name, &seed(subject)], DIGITS, 26);
    format!("{prefix}{digits}")
}

/// Four letters telling the kind of IAM object, then 17 characters, as AWS does.
fn aws_style_id(subject: &Subject, kind: &str) -> String {
    let body = digest::chars(&[subject.type_name, &seed(subject)], UPPER_ALPHANUMERIC, 17);
    format!("{kind}{body}")
}

fn id(subject: &Subject) -> String {
    let state = subject.state;
    let type_name = subject.type_name;
    let either = |first: &str, second: &str| {
        let joined = [given_text(state, first), given_text(state, second)];
        joined
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join("-")
    };
    match type_name {
        _ if type_name.starts_with("aws_s3_bucket") => bucket(subject).to_owned(),
        "aws_iam_user" | "aws_iam_group" | "aws_iam_role" => {
            given_text(state, "name").unwrap_or_default().to_owned()
        }
        "aws_iam_policy" => arn(subject),
        "aws_iam_group_policy_attachment" | "aws_iam_user_policy_attachment" => {
            let owner = either("group", "user");
            format!(
                "{owner}-{}",
                digest::chars(&[type_name, &seed(subject)], DIGITS, 26)
            )
        }
        // AWS keeps no id for a membership; the real provider makes one up.
        "aws_iam_user_group_membership" => {
            format!(
                "terraform-{}",
                digest::chars(&[type_name, &seed(subject)], DIGITS, 26)
            )
        }
        "aws_caller_identity" => ACCOUNT_ID.to_owned(),
        "aws_partition" => "aws".to_owned(),
        "aws_region" => subject.settings.region.clone(),
        _ => format!(
            "{}-{}",
            short_name(type_name),
            digest::hex(&[type_name, &seed(subject)], 16)
        ),
    }
}

fn arn(subject: &Subject) -> String {
    let state = subject.state;
    let type_name = subject.type_name;
    let iam = |kind: &str| {
        let path = given_text(state, "path").unwrap_or("/");
        let name = given_text(state, "name").unwrap_or_default();
        format!("arn:aws:iam::{ACCOUNT_ID}:{kind}{path}{name}")
    };
    match type_name {
        "aws_s3_bucket" => format!("arn:aws:s3:::{}", bucket(subject)),
        "aws_iam_user" => iam("user"),
        "aws_iam_group" => iam("group"),
        "aws_iam_role" => iam("role"),
        "aws_iam_policy" => iam("policy"),
        "aws_caller_identity" => format!("arn:aws:iam::{ACCOUNT_ID}:user/stand-in"),
        _ => {
            let service = type_name.split('_').nth(1).unwrap_or("aws");
            let name = given_text(state, "id")
                .map(str::to_owned)
                .unwrap_or_else(|| digest::hex(&[type_name, &seed(subject)], 16));
            format!(
                "arn:aws:{service}:{}:{ACCOUNT_ID}:{}/{name}",
                region(subject),
                short_name(type_name)
            )
        }
    }
}

/// `aws_iam_access_key`: the key id and its secret, or the secret's PGP-encrypted form.
fn access_key_value(subject: &Subject, attribute: &str) -> Option<Value> {
    let state = subject.state;
    let encrypted = given_text(state, "pgp_key").is_some();
    let key_id = text(state, "id").unwrap_or_default();
    let made_up = |purpose: &str, alphabet: &[u8], len: usize| {
        Value::from(digest::chars(&[purpose, key_id], alphabet, len))
    };
    let value = match attribute {
        "id" => {
            let user = given_text(state, "user").unwrap_or_default();
            let body = digest::chars(
                &["aws_iam_access_key", user, &format!("{state:?}")],
                UPPER_ALPHANUMERIC,
                16,
            );
            Value::from(format!("AKIA{body}"))
        }
        "secret" if !encrypted => made_up("secret", SECRET_ALPHABET, 40),
        "ses_smtp_password_v4" if !encrypted => made_up("smtp", SECRET_ALPHABET, 44),
        "encrypted_secret" if encrypted => pgp_message(key_id, "secret"),
        "encrypted_ses_smtp_password_v4" if encrypted => pgp_message(key_id, "smtp"),
        "key_fingerprint" if encrypted => made_up("fingerprint", digest::LOWER_HEX, 40),
        "secret"
        | "ses_smtp_password_v4"
        | "encrypted_secret"
        | "encrypted_ses_smtp_password_v4"
        | "key_fingerprint" => Value::Nil,
        _ => return None,
    };
    Some(value)
}

/// Looks like the base64 body of a PGP message; nothing is really encrypted.
fn pgp_message(key_id: &str, purpose: &str) -> Value {
    let body = digest::chars(&["pgp", purpose, key_id], SECRET_ALPHABET, 360);
    Value::from(format!("wcBMA{body}="))
}

fn short_name(type_name: &str) -> &str {
    type_name.strip_prefix("aws_").unwrap_or(type_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(pairs: &[(&str, &str)]) -> Value {
        Value::Map(
            pairs
                .iter()
                .map(|(key, value)| (Value::from(*key), Value::from(*value)))
                .collect(),
        )
    }

    fn applied(type_name: &str, state: &Value, attribute: &str) -> Value {
        let settings = ProviderSettings::default();
        let subject = Subject {
            type_name,
            state,
            settings: &settings,
        };
        applied_value(&subject, attribute).expect("a rule for this attribute")
    }

    #[test]
    fn bucket_arn_and_id_come_from_its_name() {
        let state = object(&[("bucket", "photos")]);
        assert_eq!(
            applied("aws_s3_bucket", &state, "arn").as_str(),
            Some("arn:aws:s3:::photos")
        );
        assert_eq!(
            applied("aws_s3_bucket", &state, "id").as_str(),
            Some("photos")
        );
    }

    #[test]
    fn iam_arns_include_the_path() {
        let state = object(&[("name", "uploader"), ("path", "/webqsee/")]);
        assert_eq!(
            applied("aws_iam_policy", &state, "arn").as_str(),
            Some("arn:aws:iam::123456789012:policy/webqsee/uploader")
        );
    }

    #[test]
    fn access_key_id_looks_like_aws() {
        let state = object(&[("user", "alice")]);
        let id = applied("aws_iam_access_key", &state, "id");
        let id = id.as_str().unwrap();
        assert_eq!(id.len(), 20);
        assert!(id.starts_with("AKIA"));
        assert!(
            id.bytes()
                .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
        );
    }

    #[test]
    fn pgp_key_hides_the_plain_secret() {
        let state = object(&[
            ("user", "alice"),
            ("id", "AKIAEXAMPLE"),
            ("pgp_key", "keybase:alice"),
        ]);
        assert_eq!(applied("aws_iam_access_key", &state, "secret"), Value::Nil);
        assert!(applied("aws_iam_access_key", &state, "encrypted_secret").is_str());

        let state = object(&[("user", "alice"), ("id", "AKIAEXAMPLE")]);
        let secret = applied("aws_iam_access_key", &state, "secret");
        assert_eq!(secret.as_str().map(str::len), Some(40));
        assert_eq!(
            applied("aws_iam_access_key", &state, "encrypted_secret"),
            Value::Nil
        );
    }
}
