//! `webqsee-s3 diff`, end to end in a temporary working directory: every kind
//! of drift gives exit code 1 with the right file and status in text and JSON,
//! errors give 2, user files are never drift, and nothing is ever written.

mod common;

use common::{Workspace, defaults_in_region, stderr, stdout};
use serde_json::Value;
use webqsee_s3::render::HEADER;

/// A working directory whose module was just generated from the defaults.
fn generated() -> Workspace {
    let workspace = Workspace::new();
    workspace.run(&["generate"], 0);
    workspace
}

/// Runs `diff --format json` and returns the document.
#[track_caller]
fn json(workspace: &Workspace, expected: i32) -> Value {
    let output = workspace.run(&["diff", "--format", "json"], expected);
    serde_json::from_slice(&output.stdout).expect("diff --format json prints one JSON document")
}

/// The (path, status) of every file the JSON report lists.
fn statuses(document: &Value) -> Vec<(String, String)> {
    document["files"]
        .as_array()
        .expect("files is an array")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, s)| (p.to_string(), s.to_string()))
        .collect()
}

#[test]
fn a_clean_module_exits_0_and_prints_no_diff() {
    let workspace = generated();
    let output = workspace.run(&["diff"], 0);
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).starts_with("no drift: 6 files in modules/webqsee-s3"));

    let document = json(&workspace, 0);
    assert_eq!(document["drift"], false);
    assert_eq!(document["summary"]["unchanged"], 6);
    assert_eq!(statuses(&document), pairs(&[]));
}

#[test]
fn a_configuration_change_is_drift() {
    let workspace = generated();
    workspace.config(&defaults_in_region("eu-west-1"));

    let output = workspace.run(&["diff"], 1);
    let diff = stdout(&output);
    assert!(
        diff.contains("--- a/locals.tf\n+++ b/locals.tf\n"),
        "{diff}"
    );
    assert!(diff.contains("-      region                  = \"eu-central-1\"\n"));
    assert!(diff.contains("+      region                  = \"eu-west-1\"\n"));
    assert!(
        !diff.contains("s3.tf"),
        "s3.tf does not name the region:\n{diff}"
    );

    let document = json(&workspace, 1);
    assert_eq!(
        statuses(&document),
        pairs(&[("README.md", "changed"), ("locals.tf", "changed")])
    );
    assert_eq!(document["summary"]["changed"], 2);
    assert!(
        document["files"][1]["diff"]
            .as_str()
            .unwrap()
            .contains("+      region                  = \"eu-west-1\"\n")
    );
}

#[test]
fn a_hand_edited_generated_file_is_drift() {
    let workspace = generated();
    let edited = workspace
        .read("s3.tf")
        .replace("max_age_seconds = 3600", "max_age_seconds = 60");
    workspace.write("s3.tf", edited);

    let output = workspace.run(&["diff"], 1);
    let diff = stdout(&output);
    assert!(diff.starts_with("--- a/s3.tf\n+++ b/s3.tf\n@@ "), "{diff}");
    assert!(diff.contains("\n-    max_age_seconds = 60\n+    max_age_seconds = 3600\n"));
    assert_eq!(
        stderr(&output).lines().last(),
        Some("1 file differs: 1 changed")
    );
    assert_eq!(
        statuses(&json(&workspace, 1)),
        pairs(&[("s3.tf", "changed")])
    );
}

#[test]
fn a_missing_file_is_drift() {
    let workspace = generated();
    std::fs::remove_file(workspace.module_dir().join("versions.tf")).unwrap();

    let output = workspace.run(&["diff"], 1);
    assert!(stdout(&output).starts_with("--- /dev/null\n+++ b/versions.tf\n@@ -0,0 +1,"));
    assert!(stderr(&output).ends_with("1 file differs: 1 missing\n"));
    assert_eq!(
        statuses(&json(&workspace, 1)),
        pairs(&[("versions.tf", "missing")])
    );
}

#[test]
fn a_stale_generated_file_is_drift() {
    let workspace = generated();
    workspace.write("main.tf", format!("{HEADER}\n\nlocals {{}}\n"));

    let output = workspace.run(&["diff"], 1);
    assert_eq!(
        stdout(&output),
        format!("--- a/main.tf\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-{HEADER}\n-\n-locals {{}}\n")
    );
    assert!(stderr(&output).ends_with("1 file differs: 1 stale\n"));
    assert_eq!(
        statuses(&json(&workspace, 1)),
        pairs(&[("main.tf", "stale")])
    );
}

#[test]
fn every_kind_at_once_is_summed_up() {
    let workspace = generated();
    workspace.write("iam.tf", workspace.read("iam.tf") + "\n# mine\n");
    std::fs::remove_file(workspace.module_dir().join("outputs.tf")).unwrap();
    workspace.write("variables.tf", format!("{HEADER}\n"));

    let output = workspace.run(&["diff"], 1);
    assert!(stderr(&output).ends_with("3 files differ: 1 changed, 1 missing, 1 stale\n"));
    let document = json(&workspace, 1);
    assert_eq!(
        statuses(&document),
        pairs(&[
            ("iam.tf", "changed"),
            ("outputs.tf", "missing"),
            ("variables.tf", "stale")
        ])
    );
    assert_eq!(document["summary"]["unchanged"], 4);
}

#[test]
fn files_without_the_header_are_the_users_and_never_drift() {
    let workspace = generated();
    workspace.write("overrides.tf", "# my own additions\nlocals {}\n");
    workspace.write("NOTES.md", "notes\n");
    std::fs::create_dir(workspace.module_dir().join("nested")).unwrap();
    std::fs::write(
        workspace.module_dir().join("nested/old.tf"),
        format!("{HEADER}\n"),
    )
    .unwrap();

    let output = workspace.run(&["diff"], 0);
    assert_eq!(stdout(&output), "");
    assert_eq!(statuses(&json(&workspace, 0)), pairs(&[]));
}

#[test]
fn a_users_file_in_place_of_a_generated_one_is_drift_and_said_so() {
    let workspace = generated();
    workspace.write("s3.tf", "# rewritten by hand\n");

    let output = workspace.run(&["diff"], 1);
    assert!(stderr(&output).contains(
        "modules/webqsee-s3/s3.tf: has no generated header; `generate` replaces it only with --force"
    ));
    let document = json(&workspace, 1);
    assert_eq!(document["files"][0]["status"], "changed");
    assert_eq!(document["files"][0]["has_generated_header"], false);
}

#[test]
fn crlf_line_endings_are_drift_and_visible() {
    let workspace = generated();
    workspace.write(
        "versions.tf",
        workspace.read("versions.tf").replace('\n', "\r\n"),
    );

    let output = workspace.run(&["diff"], 1);
    let diff = stdout(&output);
    assert!(diff.contains(&format!("\n-{HEADER}␍\n")), "{diff}");
    assert!(diff.contains(&format!("\n+{HEADER}\n")), "{diff}");
    assert!(stderr(&output).contains(
        "modules/webqsee-s3/versions.tf: only the line endings differ: CRLF on disk, LF generated"
    ));
    let document = json(&workspace, 1);
    assert_eq!(
        document["files"][0]["note"],
        "only the line endings differ: CRLF on disk, LF generated"
    );
}

#[test]
fn a_missing_final_newline_is_drift_and_visible() {
    let workspace = generated();
    let text = workspace.read("versions.tf");
    workspace.write("versions.tf", text.trim_end_matches('\n'));

    let output = workspace.run(&["diff"], 1);
    let diff = stdout(&output);
    assert!(
        diff.ends_with("-}\n\\ No newline at end of file\n+}\n"),
        "{diff}"
    );
    assert!(stderr(&output).contains("only the newlines at the end of the file differ"));
}

#[test]
fn a_missing_output_directory_is_drift_of_every_file() {
    let workspace = Workspace::new();
    let output = workspace.run(&["diff"], 1);
    assert!(stderr(&output).contains("modules/webqsee-s3: does not exist"));
    assert!(stderr(&output).ends_with("6 files differ: 6 missing\n"));

    let document = json(&workspace, 1);
    assert_eq!(document["directory_exists"], false);
    assert_eq!(document["summary"]["missing"], 6);
    assert!(!workspace.module_dir().exists(), "diff wrote nothing");
}

#[test]
fn a_bad_configuration_is_an_error_not_drift() {
    let workspace = Workspace::new();
    workspace.config("output_dir = \"modules/webqsee-s3\"\nbucket \"Not A Bucket\" {}\n");
    common::assert_refuses_config(&workspace, &["diff"], 2);
    common::assert_refuses_config(&workspace, &["diff", "--format", "json"], 2);
}

#[test]
fn an_unreadable_output_directory_is_an_error_not_drift() {
    let workspace = Workspace::new();
    std::fs::create_dir(workspace.path().join("modules")).unwrap();
    std::fs::write(workspace.module_dir(), "not a directory\n").unwrap();

    let output = workspace.run(&["diff"], 2);
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).starts_with("modules/webqsee-s3: cannot read the output directory: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn out_names_another_directory() {
    let workspace = generated();
    std::fs::rename(workspace.module_dir(), workspace.path().join("elsewhere")).unwrap();
    workspace.run(&["diff"], 1);
    workspace.run(&["diff", "--out", "elsewhere"], 0);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let workspace = generated();
    workspace.write("s3.tf", workspace.read("s3.tf") + "# mine\n");

    // The test's stdout is a pipe, so `auto` does not colour.
    let plain = stdout(&workspace.run(&["diff"], 1));
    assert!(!plain.contains('\x1b'));
    assert!(plain.ends_with("\n-# mine\n"), "{plain}");
    let never = stdout(&workspace.run(&["diff", "--color", "never"], 1));
    assert_eq!(never, plain);

    let always = workspace
        .command(&["diff", "--color", "always"])
        .env("NO_COLOR", "1")
        .output();
    let always = stdout(&always.unwrap());
    assert!(always.contains("\x1b[31m-# mine\x1b[0m\n"), "{always:?}");
    assert!(
        always.starts_with("\x1b[1m--- a/s3.tf\x1b[0m\n"),
        "{always:?}"
    );
}
