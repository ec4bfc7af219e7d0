//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod terraform;

use std::path::{Path, PathBuf};
use std::process::Command;

use webqsee_s3::commands::model_from;
use webqsee_s3::config::Source;
use webqsee_s3::model::Model;
use webqsee_s3::render::{self, Module};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A configuration and the module it should render to.
pub struct Case {
    pub name: String,
    pub source: Source,
    pub model: Model,
}

impl Case {
    pub fn module(&self) -> Module {
        render::render(&self.model)
    }

    /// The committed module of this case, in the repository.
    pub fn committed_dir(&self) -> PathBuf {
        repo_root().join(&self.model.output_dir)
    }
}

/// The embedded defaults and every example configuration.
pub fn cases() -> Vec<Case> {
    let mut cases = vec![case("embedded defaults", Source::defaults())];
    let examples = repo_root().join("examples");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&examples)
        .expect("examples/ is readable")
        .map(|e| e.expect("examples/ entry").path())
        .filter(|p| p.join("webqsee.hcl").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let path = dir.join("webqsee.hcl");
        let text = std::fs::read_to_string(&path).expect("example config is readable");
        let name = format!("examples/{}", dir.file_name().unwrap().to_string_lossy());
        cases.push(case(&name, Source::file(&path, text)));
    }
    cases
}

#[track_caller]
fn case(name: &str, source: Source) -> Case {
    let (model, diagnostics) = model_from(&source);
    let model = model.unwrap_or_else(|| {
        let text: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        panic!("{name} does not check:\n{}", text.join("\n"))
    });
    Case {
        name: name.to_string(),
        source,
        model,
    }
}

/// A tool the test command installs into `.tools/bin`. Missing, it fails the
/// test under CI and skips it elsewhere, saying how to install it.
pub fn tool(name: &str) -> Option<PathBuf> {
    installed(&format!(".tools/bin/{name}"))
}

/// A file the test command installs, by its path in the repository: missing,
/// it fails the test under CI and skips it elsewhere.
pub fn installed(relative: &str) -> Option<PathBuf> {
    let path = repo_root().join(relative);
    if path.is_file() {
        return Some(path);
    }
    let message = format!(
        "{} is not installed; run scripts/install-tools.sh (the test command does)",
        path.display()
    );
    if std::env::var_os("CI").is_some_and(|v| v == "true") {
        panic!("{message}");
    }
    eprintln!("skipped: {message}");
    None
}

/// Writes a module into a fresh directory and returns it.
pub fn write_module(module: &Module, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (path, contents) in module.files() {
        std::fs::write(dir.join(path), contents).unwrap();
    }
}

/// Runs a command and returns its output, failing the test with everything it
/// printed when it does not exit with `expected`.
#[track_caller]
pub fn run(command: &mut Command, expected: i32) -> std::process::Output {
    let output = command.output().expect("the command starts");
    let code = output.status.code().unwrap_or(-1);
    assert_eq!(
        code,
        expected,
        "{command:?} exited with {code}\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}
