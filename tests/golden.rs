//! Every example renders byte for byte to its committed module.

mod common;

use std::path::{Path, PathBuf};

use webqsee_s3::render::is_generated;

#[test]
fn every_case_matches_its_committed_module() {
    let mut failures = Vec::new();
    for case in common::cases() {
        let dir = case.committed_dir();
        let module = case.module();
        for (path, expected) in module.files() {
            match std::fs::read_to_string(dir.join(path)) {
                Ok(actual) if actual == expected => {}
                Ok(_) => failures.push(format!("{}: {path} differs", case.name)),
                Err(err) => failures.push(format!("{}: {path}: {err}", case.name)),
            }
        }
        for (name, path) in files_under(&dir) {
            let bytes = std::fs::read(path).unwrap();
            if is_generated(&bytes) && !module.contains(&name) {
                failures.push(format!(
                    "{}: {name} is generated but no longer produced",
                    case.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "committed modules are out of date; run scripts/regenerate.sh:\n{}",
        failures.join("\n")
    );
}

/// Every file below `dir`, with its path relative to `dir` as a module names it.
fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            for (inner, inner_path) in files_under(&path) {
                files.push((format!("{name}/{inner}"), inner_path));
            }
        } else {
            files.push((name, path));
        }
    }
    files
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
