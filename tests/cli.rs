//! The command line end to end, in temporary directories.

mod common;

use std::path::Path;
use std::process::Command;

fn webqsee(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_webqsee-s3"));
    command.current_dir(dir).env_remove("WEBQSEE_S3_CONFIG");
    command
}

#[test]
fn init_writes_the_defaults_and_refuses_to_overwrite() {
    let temp = tempfile::tempdir().unwrap();
    common::run(webqsee(temp.path()).arg("init"), 0);
    let written = std::fs::read_to_string(temp.path().join("webqsee.hcl")).unwrap();
    assert_eq!(written, webqsee_s3::config::DEFAULTS);

    std::fs::write(temp.path().join("webqsee.hcl"), "# mine\n").unwrap();
    let output = common::run(webqsee(temp.path()).arg("init"), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(temp.path().join("webqsee.hcl")).unwrap(),
        "# mine\n"
    );

    common::run(webqsee(temp.path()).args(["init", "--force"]), 0);
    assert_eq!(
        std::fs::read_to_string(temp.path().join("webqsee.hcl")).unwrap(),
        webqsee_s3::config::DEFAULTS
    );
}

#[test]
fn generate_without_config_writes_the_default_module() {
    let temp = tempfile::tempdir().unwrap();
    let output = common::run(webqsee(temp.path()).arg("generate"), 0);
    assert!(output.stdout.is_empty(), "stdout carries only the product");
    let committed = common::repo_root().join("modules/webqsee-s3");
    for file in [
        "versions.tf",
        "locals.tf",
        "s3.tf",
        "iam.tf",
        "outputs.tf",
        "README.md",
    ] {
        let written = std::fs::read(temp.path().join("modules/webqsee-s3").join(file)).unwrap();
        assert_eq!(
            written,
            std::fs::read(committed.join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn config_is_taken_from_flag_env_or_local_file_in_that_order() {
    let temp = tempfile::tempdir().unwrap();
    let config = |bucket: &str| {
        webqsee_s3::config::DEFAULTS.replace("bucket \"webqsee\"", &format!("bucket \"{bucket}\""))
    };
    std::fs::write(temp.path().join("webqsee.hcl"), config("from-local-file")).unwrap();
    std::fs::write(temp.path().join("env.hcl"), config("from-env")).unwrap();
    std::fs::write(temp.path().join("flag.hcl"), config("from-flag")).unwrap();

    let bucket_of = |command: &mut Command| {
        let output = common::run(command, 0);
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(bucket_of(webqsee(temp.path()).arg("settings")).contains("from-local-file"));
    assert!(
        bucket_of(
            webqsee(temp.path())
                .arg("settings")
                .env("WEBQSEE_S3_CONFIG", "env.hcl")
        )
        .contains("from-env")
    );
    assert!(
        bucket_of(
            webqsee(temp.path())
                .args(["settings", "--config", "flag.hcl"])
                .env("WEBQSEE_S3_CONFIG", "env.hcl")
        )
        .contains("from-flag")
    );
    assert!(
        bucket_of(webqsee(temp.path()).args(["--config", "flag.hcl", "settings"]))
            .contains("from-flag")
    );
}

#[test]
fn settings_prints_the_form_for_each_bucket() {
    let temp = tempfile::tempdir().unwrap();
    let output = common::run(webqsee(temp.path()).arg("settings"), 0);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "Storage type:        S3 compatible storage, KEY-Auth\n\
         Bucket:              webqsee\n\
         Connection settings: {\"region\":\"eu-central-1\"}\n"
    );
}

#[test]
fn completions_are_printed_for_a_shell() {
    let temp = tempfile::tempdir().unwrap();
    let output = common::run(webqsee(temp.path()).args(["completions", "bash"]), 0);
    assert!(String::from_utf8_lossy(&output.stdout).contains("webqsee-s3"));
}

#[test]
fn a_missing_config_file_is_an_error_naming_it() {
    let temp = tempfile::tempdir().unwrap();
    let output = common::run(
        webqsee(temp.path()).args(["generate", "--config", "nope.hcl"]),
        2,
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("nope.hcl"));
    assert!(!temp.path().join("modules").exists(), "nothing is written");
}

#[test]
fn the_default_example_is_the_embedded_defaults() {
    let example = common::repo_root().join("examples/default/webqsee.hcl");
    assert_eq!(
        std::fs::read_to_string(example).unwrap(),
        webqsee_s3::config::DEFAULTS,
        "examples/default/webqsee.hcl must be what `webqsee-s3 init` writes"
    );
}
