//! Every example renders byte for byte to its committed module.

mod common;

use webqsee_s3::output;

/// Compared with the same check users run, `webqsee-s3 diff`: every file the
/// module produces is there byte for byte, and no generated file is stale.
#[test]
fn every_case_matches_its_committed_module() {
    let mut failures = Vec::new();
    for case in common::cases() {
        let drift = output::compare(&case.module(), &case.committed_dir()).unwrap();
        failures.extend(
            drift
                .files
                .iter()
                .map(|file| format!("{}: {} is {}", case.name, file.path, file.status.as_str())),
        );
    }
    assert!(
        failures.is_empty(),
        "committed modules are out of date; run scripts/regenerate.sh:\n{}",
        failures.join("\n")
    );
}

#[test]
fn rendering_is_deterministic() {
    for case in common::cases() {
        assert_eq!(case.module(), case.module(), "{}", case.name);
    }
}

#[test]
fn every_terraform_file_starts_with_the_header() {
    for case in common::cases() {
        for (path, contents) in case.module().files() {
            let first = contents.lines().next().unwrap_or_default();
            if path.ends_with(".tf") || path.ends_with(".tofu") {
                assert_eq!(first, webqsee_s3::render::HEADER, "{} {path}", case.name);
            } else if path.ends_with(".md") {
                assert_eq!(
                    first,
                    webqsee_s3::render::MARKDOWN_HEADER,
                    "{} {path}",
                    case.name
                );
            }
            assert!(
                contents.ends_with('\n'),
                "{} {path} lacks a final newline",
                case.name
            );
        }
    }
}
