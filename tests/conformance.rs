//! Real Terraform (1.0.3) initialises, validates, plans and applies every
//! emitted module through a root configuration, against the stand-in
//! `hashicorp/aws` provider that serves the AWS provider 6.62.0 schema; the
//! outputs have the shape the README promises, a second plan finds nothing to
//! change, and destroy removes everything.

mod common;

use std::collections::BTreeSet;

use serde_json::Value;
use webqsee_s3::model::{Model, STORAGE_TYPE, User};
use webqsee_s3::settings;

#[test]
fn terraform_applies_every_module_and_a_second_plan_is_empty() {
    common::check_cases_in_parallel(|case| {
        let Some(applied) = common::terraform::apply_case(case) else {
            return;
        };
        let workspace = &applied.workspace;

        let outputs = workspace.json(&["output", "-json"]);
        check_outputs(&case.name, &case.model, &outputs);
        check_state(
            &case.name,
            &case.model,
            workspace.address_prefix(),
            &applied.show_json,
        );

        workspace.run(&["plan", "-detailed-exitcode"], 0);

        workspace.run(&["destroy", "-auto-approve"], 0);
        let left = workspace.run(&["state", "list"], 0);
        assert!(
            left.stdout.is_empty(),
            "{}: destroy left resources in the state:\n{}",
            case.name,
            String::from_utf8_lossy(&left.stdout)
        );
    });
}

/// What webQsee is given: storage settings per bucket, an access key ID per
/// user, secrets per user without a PGP key, marked sensitive.
fn check_outputs(case: &str, model: &Model, outputs: &Value) {
    let settings_output = &outputs["webqsee_storage_settings"];
    assert_eq!(settings_output["sensitive"], false, "{case}: {outputs:#}");
    let per_bucket = object(case, &settings_output["value"]);
    let bucket_names: BTreeSet<&str> = model.buckets.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(keys(per_bucket), bucket_names, "{case}: storage settings");
    for bucket in &model.buckets {
        let form = &per_bucket[&bucket.name];
        assert_eq!(form["storage_type"], STORAGE_TYPE, "{case}: {form:#}");
        assert_eq!(form["bucket"], bucket.name.as_str(), "{case}: {form:#}");
        // Byte for byte what `webqsee-s3 settings` prints.
        assert_eq!(
            form["connection_settings"],
            settings::connection_settings(bucket).as_str(),
            "{case}: {form:#}"
        );
        let parsed: Value =
            serde_json::from_str(form["connection_settings"].as_str().unwrap()).unwrap();
        assert_eq!(parsed["region"], bucket.region.as_str(), "{case}: {form:#}");
    }

    let user_names: BTreeSet<&str> = model.users.iter().map(|u| u.name.as_str()).collect();
    let key_ids = object(case, &outputs["access_key_ids"]["value"]);
    assert_eq!(keys(key_ids), user_names, "{case}: access_key_ids");
    let all_keys = object(case, &outputs["access_keys"]["value"]);
    for user in &model.users {
        let id = key_ids[&user.name].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "{case}: no access key ID for {}", user.name);
        let listed = &all_keys[&user.name];
        assert_eq!(listed["current"], user.current_key(), "{case}: {listed:#}");
        assert_eq!(listed["ids"][user.current_key()], id, "{case}: {listed:#}");
        assert_eq!(
            object(case, &listed["ids"]).len(),
            user.keys.len(),
            "{case}: {listed:#}"
        );
    }

    let secrets_output = &outputs["secret_access_keys"];
    assert_eq!(
        secrets_output["sensitive"], true,
        "{case}: secrets not sensitive"
    );
    // A user with a PGP key gets only the secret encrypted to that key.
    let (with_pgp, plain): (Vec<&User>, Vec<&User>) =
        model.users.iter().partition(|u| u.pgp_key.is_some());
    check_secrets(case, "secret_access_keys", &secrets_output["value"], &plain);
    if !with_pgp.is_empty() {
        let encrypted = &outputs["encrypted_secret_access_keys"]["value"];
        check_secrets(case, "encrypted_secret_access_keys", encrypted, &with_pgp);
    }
}

/// A secrets output holds a non-empty secret for exactly these users.
fn check_secrets(case: &str, output: &str, value: &Value, users: &[&User]) {
    let secrets = object(case, value);
    let expected: BTreeSet<&str> = users.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(keys(secrets), expected, "{case}: {output}");
    for (user, secret) in secrets {
        assert!(
            secret.as_str().is_some_and(|s| !s.is_empty()),
            "{case}: {output} has an empty secret for {user}"
        );
    }
}

/// The applied state holds each bucket and user of the module.
fn check_state(case: &str, model: &Model, prefix: &str, show_json: &Value) {
    let addresses: BTreeSet<&str> = common::terraform::resources(show_json)
        .iter()
        .filter_map(|r| r["address"].as_str())
        .collect();
    let mut expected = Vec::new();
    for bucket in &model.buckets {
        for kind in [
            "aws_s3_bucket",
            "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_ownership_controls",
            "aws_s3_bucket_cors_configuration",
        ] {
            expected.push(format!("{prefix}{kind}.gallery[\"{}\"]", bucket.name));
        }
    }
    for user in &model.users {
        expected.push(format!("{prefix}aws_iam_user.member[\"{}\"]", user.name));
        for key in &user.keys {
            expected.push(format!(
                "{prefix}aws_iam_access_key.member[\"{}/{key}\"]",
                user.name
            ));
        }
    }
    expected.push(format!("{prefix}aws_iam_policy.gallery_access"));
    expected.push(format!("{prefix}aws_iam_group.gallery_users"));
    for address in &expected {
        assert!(
            addresses.contains(address.as_str()),
            "{case}: {address} is not in the applied state; it holds:\n{addresses:#?}"
        );
    }
}

#[track_caller]
fn object<'a>(case: &str, value: &'a Value) -> &'a serde_json::Map<String, Value> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("{case}: expected a JSON object, got {value:#}"))
}

fn keys(map: &serde_json::Map<String, Value>) -> BTreeSet<&str> {
    map.keys().map(String::as_str).collect()
}
