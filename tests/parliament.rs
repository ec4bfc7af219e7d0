//! parliament, Duo Labs' IAM policy linter, finds nothing in the policy of any
//! case.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};
use webqsee_s3::policy;

#[test]
fn parliament_finds_nothing_in_any_policy() {
    let Some(parliament) = common::tool("parliament") else {
        return;
    };
    for case in common::cases() {
        let findings = lint(&parliament, &policy::document(&case.model));
        assert!(
            findings.is_empty(),
            "{}: parliament reports:\n{}",
            case.name,
            findings.join("\n")
        );
    }
}

/// The linter is really reading the document: an action given a resource it
/// cannot apply to is reported.
#[test]
fn parliament_reports_a_mismatched_resource() {
    let Some(parliament) = common::tool("parliament") else {
        return;
    };
    let object_action_on_the_bucket = json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject"],
            "Resource": ["arn:aws:s3:::webqsee"],
        }]
    });
    let findings = lint(&parliament, &object_action_on_the_bucket);
    assert!(
        findings.iter().any(|f| f.contains("RESOURCE_MISMATCH")),
        "expected a RESOURCE_MISMATCH finding, got: {findings:?}"
    );
}

/// Runs parliament, community auditors included, over one document; returns
/// its findings, one JSON line each.
fn lint(parliament: &Path, document: &Value) -> Vec<String> {
    let output = Command::new(parliament)
        .arg("--string")
        .arg(document.to_string())
        .args(["--include-community-auditors", "--json"])
        .output()
        .expect("parliament starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let findings: Vec<String> = stdout.lines().map(str::to_string).collect();
    // parliament exits 1 exactly when it has findings; anything else is a crash.
    let expected = if findings.is_empty() { 0 } else { 1 };
    assert_eq!(
        output.status.code(),
        Some(expected),
        "parliament failed\nstdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    findings
}
