//! The corpus of bad configurations: each `tests/bad-configs/NAME.hcl` must make
//! both `check` and `generate` exit with 2, print exactly `NAME.stderr`, and
//! leave the output directory as it was. Each `tests/warning-configs/NAME.hcl`
//! must pass `check` with exactly `NAME.stderr` (its warnings, then the summary
//! line) and still generate.
//!
//! To add a case, write `NAME.hcl` and the `NAME.stderr` a reader should see;
//! the file is named as `--config NAME.hcl`, run from the corpus directory.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::repo_root;

/// Every `*.hcl` of a corpus directory with its expected stderr, by name.
fn corpus(dir: &str) -> Vec<(String, String)> {
    let dir = repo_root().join("tests").join(dir);
    let mut cases: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "hcl"))
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let expected = path.with_extension("stderr");
            let expected = std::fs::read_to_string(&expected)
                .unwrap_or_else(|err| panic!("{}: {err}", expected.display()));
            (name, expected)
        })
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "{} holds no cases", dir.display());
    cases
}

/// The binary, run from `dir` with only the arguments given: no configuration
/// from the environment.
fn webqsee_s3(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_webqsee-s3"))
        .current_dir(dir)
        .env_remove("WEBQSEE_S3_CONFIG")
        .args(args)
        .output()
        .expect("the binary starts")
}

/// Every file under `dir`, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

/// An output directory as a user's repository might hold it: a file of their
/// own and a stale copy of a generated one.
fn populated_output_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "kept by hand\n").unwrap();
    std::fs::write(dir.path().join("s3.tf"), "# an older s3.tf\n").unwrap();
    dir
}

/// What went wrong with one run, if anything.
fn mismatch(case: &str, command: &str, output: &Output, code: i32, stderr: &str) -> Option<String> {
    let actual_code = output.status.code().unwrap_or(-1);
    let actual_stderr = String::from_utf8_lossy(&output.stderr);
    let mut problems = Vec::new();
    if actual_code != code {
        problems.push(format!("exit code {actual_code}, expected {code}"));
    }
    if actual_stderr != stderr {
        problems.push(format!("stderr was:\n{actual_stderr}\nexpected:\n{stderr}"));
    }
    (!problems.is_empty()).then(|| format!("{case}: `{command}`: {}", problems.join("; ")))
}

#[test]
fn every_bad_config_is_refused_with_its_message_and_nothing_written() {
    let dir = repo_root().join("tests/bad-configs");
    let mut failures = Vec::new();
    for (name, expected) in corpus("bad-configs") {
        let config = format!("{name}.hcl");

        let output = webqsee_s3(&dir, &["--config", &config, "check"]);
        failures.extend(mismatch(&name, "check", &output, 2, &expected));
        if !output.stdout.is_empty() {
            failures.push(format!("{name}: `check` printed to stdout"));
        }

        let out = populated_output_dir();
        let before = snapshot(out.path());
        let out_arg = out.path().to_string_lossy().to_string();
        let output = webqsee_s3(&dir, &["--config", &config, "generate", "--out", &out_arg]);
        failures.extend(mismatch(&name, "generate", &output, 2, &expected));
        if snapshot(out.path()) != before {
            failures.push(format!("{name}: `generate` changed the output directory"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_warning_config_passes_with_its_warnings() {
    let dir = repo_root().join("tests/warning-configs");
    let mut failures = Vec::new();
    for (name, expected) in corpus("warning-configs") {
        let config = format!("{name}.hcl");
        assert!(
            expected.contains(": warning: ") && !expected.contains(": error: "),
            "{name}.stderr should hold warnings and no error"
        );

        let output = webqsee_s3(&dir, &["--config", &config, "check"]);
        failures.extend(mismatch(&name, "check", &output, 0, &expected));

        let out = tempfile::tempdir().unwrap();
        let out_arg = out.path().to_string_lossy().to_string();
        let output = webqsee_s3(&dir, &["--config", &config, "generate", "--out", &out_arg]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let warnings = expected
            .rsplit_once(&format!("{config}: no errors"))
            .unwrap()
            .0;
        if output.status.code() != Some(0) || !stderr.starts_with(warnings) {
            failures.push(format!(
                "{name}: `generate` exited with {:?}:\n{stderr}",
                output.status.code()
            ));
        }
        if !out.path().join("s3.tf").is_file() {
            failures.push(format!("{name}: `generate` wrote no s3.tf"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn more_users_than_an_account_holds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("bucket \"webqsee\" {\n  region = \"eu-central-1\"\n}\n");
    for i in 1..=5_001 {
        text.push_str(&format!("user \"member-{i:04}\" {{}}\n"));
    }
    std::fs::write(dir.path().join("team.hcl"), text).unwrap();

    let output = webqsee_s3(dir.path(), &["--config", "team.hcl", "check"]);
    let expected = "team.hcl:5004:6: error: user `member-5001` is user number 5,001, but an AWS account holds at most 5,000 IAM users\n  help: this config declares 5,001 users: remove users, or split them across accounts\n";
    if let Some(failure) = mismatch("5,001 users", "check", &output, 2, expected) {
        panic!("{failure}");
    }
}

#[test]
fn a_valid_config_checks_with_one_line_and_nothing_on_stdout() {
    let output = webqsee_s3(
        &repo_root().join("examples/custom-names"),
        &["--config", "webqsee.hcl", "check"],
    );
    let expected = "webqsee.hcl: no errors (1 bucket, 1 user)\n";
    if let Some(failure) = mismatch("custom-names", "check", &output, 0, expected) {
        panic!("{failure}");
    }
    assert!(output.stdout.is_empty());
}
