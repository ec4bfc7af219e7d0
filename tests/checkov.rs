//! checkov finds nothing wrong with any emitted module, and every check the
//! module skips on purpose is listed, with its reason, in the module's README.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use regex::Regex;
use serde_json::Value;

/// A check that a module skips: `(check ID, resource type)`.
type Skip = (String, String);

#[test]
fn checkov_finds_no_failed_checks_and_the_readme_lists_every_skip() {
    let Some(checkov) = common::tool("checkov") else {
        return;
    };
    common::check_cases_in_parallel(|case| {
        // Hidden folders (tempfile's default `.tmp` prefix) may be left out of a scan.
        let temp = tempfile::Builder::new()
            .prefix("checkov-")
            .tempdir()
            .unwrap();
        let module = case.module();
        common::write_module(&module, temp.path());

        let report = scan(&checkov, temp.path(), &case.name);
        let summary = &report["summary"];
        assert_eq!(summary["parsing_errors"], 0, "{}: {report:#}", case.name);
        assert!(
            summary["resource_count"].as_u64() > Some(0),
            "{}: checkov saw no resources: {report:#}",
            case.name
        );

        let failed = checks(&report, "failed_checks");
        assert!(
            failed.is_empty(),
            "{}: checkov reports failed checks:\n{}",
            case.name,
            failed
                .iter()
                .map(|c| format!(
                    "{} {} {}: {}",
                    c["check_id"], c["resource"], c["file_path"], c["check_name"]
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(
            !checks(&report, "passed_checks").is_empty(),
            "{}: checkov passed no check at all: {report:#}",
            case.name
        );

        let skipped: BTreeSet<Skip> = checks(&report, "skipped_checks")
            .iter()
            .map(|c| {
                let id = c["check_id"].as_str().unwrap().to_string();
                let resource = c["resource"].as_str().unwrap();
                (id, resource_type(resource))
            })
            .collect();
        let readme = module.get("README.md").expect("the module has a README");
        assert_eq!(
            skipped,
            listed_skips(readme),
            "{}: the checks skipped in the code (left) and those the README lists (right) differ",
            case.name
        );
    });
}

/// Runs checkov over one module folder and returns its JSON report.
fn scan(checkov: &Path, dir: &Path, case: &str) -> Value {
    let output = Command::new(checkov)
        .arg("--directory")
        .arg(dir)
        .args(["--framework", "terraform", "--skip-download", "--compact"])
        .args(["--output", "json"])
        .output()
        .expect("checkov starts");
    // checkov exits 1 when a check fails; the report says which, so read it first.
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "{case}: checkov printed no JSON report ({err}), exit {:?}\nstdout:\n{}\nstderr:\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn checks<'a>(report: &'a Value, kind: &str) -> &'a [Value] {
    report["results"][kind]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// `aws_s3_bucket.gallery["webqsee"]` → `aws_s3_bucket`.
fn resource_type(address: &str) -> String {
    address.split('.').next().unwrap_or(address).to_string()
}

/// The rows of the README's table of skipped checks that give a reason.
fn listed_skips(readme: &str) -> BTreeSet<Skip> {
    let row =
        Regex::new(r"(?m)^\| `(CKV2?_[A-Z]+_\d+)` [^|]*\| `([a-z0-9_]+)\.[a-z0-9_]+` \| (.+) \|$")
            .unwrap();
    row.captures_iter(readme)
        .filter(|c| c[3].trim().len() > 10)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}
