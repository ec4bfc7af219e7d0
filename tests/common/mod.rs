//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod terraform;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// Runs `check` on every case, a few cases at a time: for tests that start a
/// slow external tool per case. A failing case fails the test with its own
/// message.
pub fn check_cases_in_parallel(check: impl Fn(&Case) + Sync) {
    let cases = cases();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(3));
    let per_worker = cases.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = cases
            .chunks(per_worker)
            .map(|chunk| scope.spawn(|| chunk.iter().for_each(&check)))
            .collect();
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
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
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
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

/// A scratch working directory to run the built binary in, as a user would
/// run it from the root of their repository.
pub struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    /// An empty working directory: the tool reads its embedded defaults.
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where the defaults put the module.
    pub fn module_dir(&self) -> PathBuf {
        self.path().join("modules/webqsee-s3")
    }

    /// Writes `./webqsee.hcl`.
    pub fn config(&self, text: &str) {
        std::fs::write(self.path().join("webqsee.hcl"), text).unwrap();
    }

    /// The binary, started in this directory with nothing inherited from the
    /// test's environment that would change what it reads or prints.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_webqsee-s3"));
        command
            .args(args)
            .current_dir(self.path())
            .env_remove("WEBQSEE_S3_CONFIG")
            .env_remove("NO_COLOR");
        command
    }

    /// Runs the binary with `args`, expecting exit code `expected`.
    #[track_caller]
    pub fn run(&self, args: &[&str], expected: i32) -> Output {
        run(&mut self.command(args), expected)
    }

    /// A file of the module, read whole.
    #[track_caller]
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.module_dir().join(name)).unwrap()
    }

    /// A file of the module, replaced.
    #[track_caller]
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        std::fs::write(self.module_dir().join(name), contents).unwrap();
    }

    /// The names of every entry directly inside the module directory, sorted.
    pub fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.module_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// The defaults with one bucket region changed: a configuration edit that
/// changes some of the module's files and leaves others as they were.
pub fn defaults_in_region(region: &str) -> String {
    let text = webqsee_s3::config::DEFAULTS;
    assert!(
        text.contains("eu-central-1"),
        "the defaults name eu-central-1"
    );
    text.replace("eu-central-1", region)
}

/// What the embedded defaults render to.
pub fn default_module() -> Module {
    case("embedded defaults", Source::defaults()).module()
}

/// What a configuration text renders to.
#[track_caller]
pub fn module_of(text: &str) -> Module {
    case("test configuration", Source::named("webqsee.hcl", text)).module()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs a command that must refuse the workspace's configuration: exit code 2,
/// the problem's place (`webqsee.hcl:LINE:`) on stderr, nothing on stdout for a
/// bot to misread, and no module directory created.
#[track_caller]
pub fn assert_refuses_config(workspace: &Workspace, args: &[&str], line: usize) {
    let output = workspace.run(args, 2);
    assert_eq!(stdout(&output), "", "{args:?} printed a result");
    let message = stderr(&output);
    assert!(
        message.contains(&format!("webqsee.hcl:{line}:")),
        "{args:?}: {message}"
    );
    assert!(!workspace.path().join("modules").exists(), "{args:?} wrote");
}
