//! The integrations shipped for users: the pre-commit hook and the example CI
//! files are valid for the tools that read them, and the hook's command is the
//! drift check.

mod common;

use std::process::Command;

use common::{Workspace, repo_root, stderr};

#[test]
fn the_pre_commit_manifest_is_valid() {
    let Some(pre_commit) = common::tool("pre-commit") else {
        return;
    };
    let mut command = Command::new(pre_commit);
    command
        .args(["validate-manifest", ".pre-commit-hooks.yaml"])
        .current_dir(repo_root());
    common::run(&mut command, 0);
}

#[test]
fn the_example_ci_files_match_their_schemas() {
    let Some(checker) = common::tool("check-jsonschema") else {
        return;
    };
    for (schema, file) in [
        ("vendor.github-workflows", "examples/ci/github-actions.yml"),
        ("vendor.gitlab-ci", "examples/ci/gitlab-ci.yml"),
    ] {
        let mut command = Command::new(&checker);
        command
            .args(["--builtin-schema", schema, file])
            .current_dir(repo_root());
        common::run(&mut command, 0);
    }
}

/// Runs the hook's `entry` as pre-commit would (no file names), in a working
/// directory with a generated module: it passes, then fails on drift.
#[test]
fn the_hook_runs_the_drift_check() {
    let manifest = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap();
    let entry = manifest
        .lines()
        .find_map(|line| line.trim().strip_prefix("entry: "))
        .expect("the hook has an entry");
    let words: Vec<&str> = entry.split_whitespace().collect();
    assert_eq!(words[0], "webqsee-s3");

    let workspace = Workspace::new();
    workspace.run(&["generate"], 0);
    workspace.run(&words[1..], 0);
    workspace.write("s3.tf", "# edited by hand\n");
    let output = workspace.run(&words[1..], 1);
    assert!(stderr(&output).ends_with("1 file differs: 1 changed\n"));
}
