//! The policy for the defaults is the one of the vendor's tutorial.

mod common;

use serde_json::{Value, json};
use webqsee_s3::policy;

/// The tutorial's document, as published.
fn tutorial_policy() -> Value {
    json!({
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                     "s3:AbortMultipartUpload"],
          "Resource": [
            "arn:aws:s3:::webqsee/webqsee/*/items-root/shared/*",
            "arn:aws:s3:::webqsee/webqsee/*/items-root/protected/*",
            "arn:aws:s3:::webqsee/webqsee/*/items-root/private/*"
          ]
        },
        {
          "Effect": "Allow",
          "Action": ["s3:ListBucket"],
          "Resource": ["arn:aws:s3:::webqsee"],
          "Condition": {
            "StringLike": {
              "s3:prefix": ["webqsee/*/items-root/", "webqsee/*/items-root/*"]
            }
          }
        }
      ]
    })
}

/// Lists compared as sets: IAM gives their order no meaning.
fn normalized(value: &Value) -> Value {
    match value {
        Value::Array(items) => {
            let mut items: Vec<Value> = items.iter().map(normalized).collect();
            items.sort_by_key(|v| v.to_string());
            Value::Array(items)
        }
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), normalized(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn defaults_give_the_tutorial_policy() {
    let case = &common::cases()[0];
    let document = policy::document(&case.model);
    assert_eq!(normalized(&document), normalized(&tutorial_policy()));
}

#[test]
fn the_policy_command_prints_the_same_document() {
    let output = common::run(
        std::process::Command::new(env!("CARGO_BIN_EXE_webqsee-s3"))
            .arg("policy")
            .current_dir(std::env::temp_dir()),
        0,
    );
    let printed: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(normalized(&printed), normalized(&tutorial_policy()));
}

#[test]
fn every_arn_follows_the_bucket_and_key_prefix() {
    for case in common::cases() {
        let text = policy::document(&case.model).to_string();
        for bucket in &case.model.buckets {
            assert!(
                text.contains(&format!("s3:::{}/{}/", bucket.name, case.model.key_prefix)),
                "{}",
                case.name
            );
        }
        assert!(
            !text.contains("s3:::webqsee")
                || case.model.buckets.iter().any(|b| b.name == "webqsee")
        );
    }
}
