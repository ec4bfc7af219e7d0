//! `webqsee-s3 generate` in a real repository, end to end in a temporary
//! working directory: it writes only what changed, removes only its own stale
//! files, never damages a user's file, refuses to write outside the working
//! directory by accident, and an interrupted run leaves no truncated file.

mod common;

use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{Workspace, default_module, defaults_in_region, module_of, stderr};
use webqsee_s3::output::{self, TEMP_SUFFIX};
use webqsee_s3::render::{HEADER, Module};

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// Sets every module file's modification time far into the past, so that a
/// rewrite is visible whatever the file system's timestamp resolution.
fn age(workspace: &Workspace) -> SystemTime {
    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for name in workspace.listing() {
        let file = std::fs::File::options()
            .write(true)
            .open(workspace.module_dir().join(name))
            .unwrap();
        file.set_modified(past).unwrap();
    }
    past
}

/// Asserts every file of the directory is byte for byte one of the two
/// modules' versions of it, or absent when `old` has none.
#[track_caller]
fn each_file_old_or_new(dir: &Path, old: &Module, new: &Module) {
    for (name, new_contents) in new.files() {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(actual) => assert!(
                actual == new_contents || old.get(name) == Some(actual.as_str()),
                "{name} is neither the old nor the new version ({} bytes)",
                actual.len()
            ),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                assert!(!old.contains(name), "{name} disappeared")
            }
            Err(err) => panic!("{name}: {err}"),
        }
    }
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(TEMP_SUFFIX))
        .collect()
}

#[test]
fn a_first_run_writes_every_file_and_reports_each() {
    let workspace = Workspace::new();
    let output = workspace.run(&["generate"], 0);
    let expected: String = default_module()
        .files()
        .map(|(name, _)| format!("wrote modules/webqsee-s3/{name}\n"))
        .collect();
    assert_eq!(stderr(&output), expected);
    assert!(output.stdout.is_empty(), "messages go to stderr");
    for (name, contents) in default_module().files() {
        assert_eq!(workspace.read(name), contents, "{name}");
    }
}

#[test]
fn only_changed_files_are_written() {
    let workspace = Workspace::new();
    workspace.run(&["generate"], 0);
    let past = age(&workspace);

    let output = workspace.run(&["generate"], 0);
    assert_eq!(
        stderr(&output),
        "modules/webqsee-s3: up to date (6 files unchanged)\n"
    );
    for name in workspace.listing() {
        assert_eq!(
            modified(&workspace.module_dir().join(&name)),
            past,
            "{name}"
        );
    }

    workspace.config(&defaults_in_region("eu-west-1"));
    let output = workspace.run(&["generate"], 0);
    assert_eq!(
        stderr(&output),
        "wrote modules/webqsee-s3/README.md\nwrote modules/webqsee-s3/locals.tf\n"
    );
    for name in workspace.listing() {
        let rewritten = modified(&workspace.module_dir().join(&name)) != past;
        assert_eq!(
            rewritten,
            name == "README.md" || name == "locals.tf",
            "{name}"
        );
    }

    let verbose = workspace.run(&["generate", "--verbose"], 0);
    assert!(stderr(&verbose).contains("unchanged modules/webqsee-s3/s3.tf\n"));
}

#[test]
fn stale_generated_files_are_removed_and_user_files_kept() {
    let workspace = Workspace::new();
    workspace.run(&["generate"], 0);
    workspace.write("main.tf", format!("{HEADER}\n\nlocals {{}}\n"));
    workspace.write("overrides.tf", "# mine\nlocals {}\n");
    workspace.write("NOTES.md", "notes\n");

    let output = workspace.run(&["generate"], 0);
    assert_eq!(
        stderr(&output),
        "removed modules/webqsee-s3/main.tf (generated, no longer produced)\n"
    );
    assert!(!workspace.module_dir().join("main.tf").exists());
    assert_eq!(workspace.read("overrides.tf"), "# mine\nlocals {}\n");
    assert_eq!(workspace.read("NOTES.md"), "notes\n");
    workspace.run(&["diff"], 0);
}

#[test]
fn a_users_file_in_the_way_stops_the_run_before_anything_is_written() {
    let workspace = Workspace::new();
    workspace.run(&["generate"], 0);
    workspace.write("s3.tf", "# my own bucket\n");
    workspace.write("overrides.tf", "# mine\n");
    workspace.write("main.tf", format!("{HEADER}\n"));
    std::fs::remove_file(workspace.module_dir().join("versions.tf")).unwrap();

    let output = workspace.run(&["generate"], 2);
    let message = stderr(&output);
    assert!(
        message.starts_with(
            "`modules/webqsee-s3/s3.tf`: does not carry the generated header, so it may hold \
             your own work; nothing was written\n  help: "
        ),
        "{message}"
    );
    assert_eq!(workspace.read("s3.tf"), "# my own bucket\n");
    assert!(!workspace.module_dir().join("versions.tf").exists());
    assert!(workspace.module_dir().join("main.tf").exists());

    let output = workspace.run(&["generate", "--force"], 0);
    assert!(
        stderr(&output)
            .contains("replaced modules/webqsee-s3/s3.tf (it had no generated header; --force)\n")
    );
    assert_eq!(
        workspace.read("s3.tf"),
        default_module().get("s3.tf").unwrap()
    );
    assert_eq!(
        workspace.read("overrides.tf"),
        "# mine\n",
        "--force never removes a user file"
    );
    assert!(!workspace.module_dir().join("main.tf").exists());
    workspace.run(&["diff"], 0);
}

#[test]
fn a_bad_configuration_writes_nothing() {
    let workspace = Workspace::new();
    workspace.config("output_dir = \"modules/webqsee-s3\"\nteams = 3\n");
    common::assert_refuses_config(&workspace, &["generate"], 2);
    common::assert_refuses_config(&workspace, &["generate", "--force"], 2);
}

#[test]
fn an_output_dir_outside_the_working_directory_is_refused() {
    let workspace = Workspace::new();
    let repo = workspace.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    let config = repo.join("webqsee.hcl");
    let text = webqsee_s3::config::DEFAULTS.replace(
        "output_dir = \"modules/webqsee-s3\"",
        "output_dir = \"modules/../../outside\"",
    );
    std::fs::write(&config, text).unwrap();

    let mut command = workspace.command(&["generate"]);
    let output = common::run(command.current_dir(&repo), 2);
    let message = stderr(&output);
    assert!(
        message.starts_with("output_dir `modules/../../outside` resolves to `"),
        "{message}"
    );
    assert!(
        message.contains("outside the working directory"),
        "{message}"
    );
    assert!(
        message.contains("pass `--out modules/../../outside`"),
        "{message}"
    );
    assert!(!workspace.path().join("outside").exists());

    // Named on the command line, the same place is the user's choice.
    let mut command = workspace.command(&["generate", "--out", "../outside"]);
    common::run(command.current_dir(&repo), 0);
    assert!(workspace.path().join("outside/s3.tf").is_file());
}

#[cfg(unix)]
#[test]
fn an_output_dir_leaving_through_a_symbolic_link_is_refused() {
    let workspace = Workspace::new();
    let repo = workspace.path().join("repo");
    let elsewhere = workspace.path().join("elsewhere");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, repo.join("modules")).unwrap();

    let mut command = workspace.command(&["generate"]);
    let output = common::run(command.current_dir(&repo), 2);
    assert!(stderr(&output).contains("outside the working directory"));
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);

    let mut command = workspace.command(&["generate", "--out", "modules/webqsee-s3"]);
    common::run(command.current_dir(&repo), 0);
    assert!(elsewhere.join("webqsee-s3/s3.tf").is_file());
}

#[test]
fn a_failed_rename_leaves_every_file_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let old = default_module();
    let new = module_of(&defaults_in_region("eu-west-1"));
    output::write(&old, dir.path(), false).unwrap();

    // README.md and locals.tf change; the second rename fails.
    let mut renames = 0;
    let mut failing = |from: &Path, to: &Path| {
        renames += 1;
        if renames == 2 {
            Err(io::Error::other("simulated crash"))
        } else {
            std::fs::rename(from, to)
        }
    };
    let err = output::write_with(&new, dir.path(), false, &mut failing).unwrap_err();
    assert!(
        err.to_string()
            .contains("locals.tf: cannot write: simulated crash"),
        "{err}"
    );
    assert_eq!(renames, 2);

    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        new.get("README.md").unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("locals.tf")).unwrap(),
        old.get("locals.tf").unwrap()
    );
    each_file_old_or_new(dir.path(), &old, &new);
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

/// Kills `generate` with strace at the moment it makes its Nth `write` or
/// `rename` system call, for every N up to the number of files that change,
/// and checks each time that no file is truncated and exactly the files before
/// the Nth are new.
#[test]
fn a_run_killed_at_any_write_or_rename_leaves_every_file_old_or_new() {
    let Some(strace) = common::tool("strace") else {
        return;
    };
    let workspace = Workspace::new();
    let old_config = webqsee_s3::config::DEFAULTS.to_string();
    let new_config = defaults_in_region("eu-west-1").replace("webqsee-admin", "gallery");
    let (old, new) = (module_of(&old_config), module_of(&new_config));
    let changing = new.files().filter(|(n, c)| old.get(n) != Some(*c)).count();
    assert!(changing >= 3, "the two configurations differ in most files");

    for (syscalls, n) in ["write", "rename,renameat,renameat2"]
        .into_iter()
        .flat_map(|s| (1..=changing).map(move |n| (s, n)))
    {
        workspace.config(&old_config);
        workspace.run(&["generate"], 0);
        workspace.config(&new_config);

        let program = workspace.command(&["generate"]);
        let mut command = std::process::Command::new(&strace);
        command
            .args(["-f", "-qq", "-o", "/dev/null", "-e"])
            .arg(format!("trace={syscalls}"))
            .arg("-e")
            .arg(format!("inject={syscalls}:signal=KILL:when={n}"))
            .arg(program.get_program())
            .args(program.get_args())
            .current_dir(workspace.path());
        let status = command.status().expect("strace starts");
        assert!(!status.success(), "generate was killed at {syscalls} #{n}");

        let dir = workspace.module_dir();
        each_file_old_or_new(&dir, &old, &new);
        let done = new
            .files()
            .filter(|(name, contents)| {
                old.get(name) != Some(*contents)
                    && std::fs::read_to_string(dir.join(name)).unwrap() == *contents
            })
            .count();
        assert_eq!(done, n - 1, "files replaced before {syscalls} #{n}");
    }

    // A later run finishes the job and removes what the killed one left.
    let output = workspace.run(&["generate"], 0);
    assert!(stderr(&output).contains("(left by an interrupted run)"));
    assert_eq!(temporaries(&workspace.module_dir()), Vec::<String>::new());
    workspace.run(&["diff"], 0);
}

#[test]
fn a_leftover_temporary_file_is_removed_by_generate_and_ignored_by_diff() {
    let workspace = Workspace::new();
    workspace.run(&["generate"], 0);
    let leftover = format!(".s3.tf.12345{TEMP_SUFFIX}");
    workspace.write(&leftover, "# Code gen");

    workspace.run(&["diff"], 0);
    let output = workspace.run(&["generate"], 0);
    assert_eq!(
        stderr(&output),
        format!("removed modules/webqsee-s3/{leftover} (left by an interrupted run)\n")
    );
    assert!(!workspace.module_dir().join(&leftover).exists());
}

#[cfg(unix)]
#[test]
fn a_rewritten_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;

    let workspace = Workspace::new();
    workspace.run(&["generate"], 0);
    let path = workspace.module_dir().join("locals.tf");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    workspace.config(&defaults_in_region("eu-west-1"));
    workspace.run(&["generate"], 0);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
