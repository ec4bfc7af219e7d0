//! End to end on a real S3 server and in a real browser (issue #7).
//!
//! Each case's module is applied with Terraform and the stand-in provider;
//! tests/e2e/run.py then replays that state on SeaweedFS through boto3, tries
//! every generated key against the access webQsee needs and no more, and has
//! headless Chromium upload from another origin and read the ETag. This file
//! says what is expected and asserts every cell of the driver's report.
//!
//! Left out on purpose: the public-access block, which SeaweedFS answers with
//! 501 NotImplemented (the driver prints that it skipped it, and this test
//! checks that nothing else was skipped).

mod common;

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};
use webqsee_s3::model::{Model, Teams};

use common::{Case, cases, installed, run, tool};

#[test]
fn default_module_grants_webqsee_exactly_its_access() {
    end_to_end("embedded defaults");
}

#[test]
fn team_scoped_module_grants_each_user_exactly_the_teams_access() {
    end_to_end("examples/e2e-teams");
}

/// What the driver needs that the test command installs.
struct Tools {
    python: PathBuf,
    weed: PathBuf,
    aws4fetch: PathBuf,
    chromium: PathBuf,
    chromedriver: PathBuf,
}

fn tools() -> Option<Tools> {
    Some(Tools {
        python: installed(".tools/venv/e2e/bin/python")?,
        weed: tool("weed")?,
        aws4fetch: installed(".tools/node/node_modules/aws4fetch/dist/aws4fetch.esm.mjs")?,
        chromium: tool("chromium")?,
        chromedriver: tool("chromedriver")?,
    })
}

/// What webQsee needs, from the checked config: the driver derives every
/// expected cell from it. The resources themselves come from the state only.
fn intent(model: &Model) -> Value {
    let teams = match &model.teams {
        Teams::All => Value::Null,
        Teams::Only(ids) => json!(ids),
    };
    json!({
        "key_prefix": model.key_prefix,
        "teams": teams,
        "buckets": model.buckets.iter().map(|bucket| json!({
            "name": bucket.name,
            "deny_insecure_transport": bucket.deny_insecure_transport,
        })).collect::<Vec<_>>(),
        "users": model.users.iter().map(|user| &user.name).collect::<Vec<_>>(),
    })
}

fn end_to_end(name: &str) {
    let case = find_case(name);
    let Some(tools) = tools() else { return };
    let Some(applied) = common::terraform::apply_case(&case) else {
        return;
    };

    let work = applied.dir();
    let driver = work.join("driver");
    std::fs::create_dir(&driver).unwrap();
    let state = work.join("state.json");
    let intent_file = work.join("intent.json");
    let report_file = work.join("report.json");
    std::fs::write(&state, applied.show_json.to_string()).unwrap();
    std::fs::write(&intent_file, intent(&case.model).to_string()).unwrap();

    let script = common::repo_root().join("tests/e2e/run.py");
    let output = run(
        Command::new(&tools.python)
            .arg(script)
            .arg("--state")
            .arg(&state)
            .arg("--intent")
            .arg(&intent_file)
            .arg("--report")
            .arg(&report_file)
            .arg("--workdir")
            .arg(&driver)
            .arg("--weed")
            .arg(&tools.weed)
            .arg("--aws4fetch")
            .arg(&tools.aws4fetch)
            .arg("--chromium")
            .arg(&tools.chromium)
            .arg("--chromedriver")
            .arg(&tools.chromedriver),
        0,
    );
    // The driver's table, shown with `cargo test -- --nocapture` or on failure.
    eprintln!("{name}:\n{}", String::from_utf8_lossy(&output.stderr));

    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&report_file).unwrap()).unwrap();
    assert_every_cell_holds(&case, &report);
    assert_browser_reads_etag_only_when_exposed(&case, &report);
    assert_only_public_access_block_skipped(&case, &report);
}

fn find_case(name: &str) -> Case {
    cases()
        .into_iter()
        .find(|case| case.name == name)
        .unwrap_or_else(|| panic!("no case named {name}"))
}

fn assert_every_cell_holds(case: &Case, report: &Value) {
    let cells = report["cells"].as_array().expect("the report lists cells");
    let failed: Vec<String> = cells
        .iter()
        .filter(|cell| cell["outcome"] != cell["expected"])
        .map(|cell| {
            format!(
                "{}/{} {} s3://{}/{}: expected {}, got {}",
                cell["user"],
                cell["key"],
                cell["operation"],
                cell["bucket"],
                cell["target"],
                cell["expected"],
                cell["outcome"]
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{}: {} of {} cells do not hold:\n{}",
        case.name,
        failed.len(),
        cells.len(),
        failed.join("\n")
    );

    // Every user's every key tried on every bucket, both ways.
    for user in &case.model.users {
        for bucket in &case.model.buckets {
            for expected in ["allowed", "denied"] {
                let tried = cells
                    .iter()
                    .filter(|cell| {
                        cell["user"] == user.name.as_str()
                            && cell["bucket"] == bucket.name.as_str()
                            && cell["expected"] == expected
                    })
                    .map(|cell| cell["key"].as_str().unwrap())
                    .collect::<std::collections::BTreeSet<_>>();
                let keys: std::collections::BTreeSet<_> =
                    user.keys.iter().map(String::as_str).collect();
                assert_eq!(
                    tried, keys,
                    "{}: keys of {} with {expected} cells on {}",
                    case.name, user.name, bucket.name
                );
            }
        }
    }
}

fn assert_browser_reads_etag_only_when_exposed(case: &Case, report: &Value) {
    let uploads = report["browser"]
        .as_array()
        .expect("the report lists uploads");
    let exposed: Vec<&Value> = uploads
        .iter()
        .filter(|u| u["expect_etag"] == true)
        .collect();
    assert_eq!(
        exposed.len(),
        case.model.buckets.len(),
        "{}: one browser upload per bucket",
        case.name
    );
    for upload in &exposed {
        assert_eq!(upload["seen"]["status"], 200, "{}: {upload}", case.name);
        assert!(
            upload["seen"]["etag"].is_string() && upload["seen"]["etag"] == upload["server_etag"],
            "{}: the page must read the object's ETag: {upload}",
            case.name
        );
    }

    let control: Vec<&Value> = uploads
        .iter()
        .filter(|u| u["expect_etag"] == false)
        .collect();
    assert_eq!(control.len(), 1, "{}: one control upload", case.name);
    assert_eq!(
        control[0]["seen"]["status"], 200,
        "{}: the control upload itself succeeds: {}",
        case.name, control[0]
    );
    assert!(
        control[0]["seen"]["etag"].is_null(),
        "{}: without ETag in ExposeHeaders the page must not read it, or the check above proves nothing: {}",
        case.name,
        control[0]
    );
}

fn assert_only_public_access_block_skipped(case: &Case, report: &Value) {
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(
        skipped.len(),
        case.model.buckets.len(),
        "{}: {skipped:?}",
        case.name
    );
    for reason in skipped {
        assert!(
            reason
                .as_str()
                .unwrap()
                .contains("aws_s3_bucket_public_access_block"),
            "{}: skipped {reason}",
            case.name
        );
    }
}
