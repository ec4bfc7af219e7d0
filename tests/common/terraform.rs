//! Applies a case's module with the real Terraform and the stand-in
//! hashicorp/aws provider that scripts/install-tools.sh builds.

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

use super::{Case, installed, run, tool, write_module};

/// A module applied in a temporary root configuration.
pub struct AppliedModule {
    /// The root configuration; the module is in its `module/`.
    dir: TempDir,
    /// `terraform show -json` after the apply: every resource with its
    /// arguments as Terraform resolved them.
    pub show_json: Value,
}

impl AppliedModule {
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// Renders the case's module, applies it from a root configuration that calls
/// it as `module.gallery`, and returns the state. `None` when the tools are
/// not installed and this is not CI.
pub fn apply_case(case: &Case) -> Option<AppliedModule> {
    let terraform = tool("terraform")?;
    let cli_config = installed(".tools/terraformrc")?;

    let dir = tempfile::tempdir().unwrap();
    let module = dir.path().join("module");
    write_module(&case.module(), &module);
    // The module asks for OpenTofu >= 1.6; the Terraform the tests have is
    // 1.0.3, which reads the same language. An override file changes only
    // that version check, not a resource.
    std::fs::write(
        module.join("versions_override.tf"),
        "terraform {\n  required_version = \">= 1.0\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "provider \"aws\" {\n  region = \"us-east-1\"\n}\n\nmodule \"gallery\" {\n  source = \"./module\"\n}\n",
    )
    .unwrap();

    let terraform = |args: &[&str]| {
        let mut command = Command::new(&terraform);
        command
            .args(args)
            .current_dir(dir.path())
            .env("TF_CLI_CONFIG_FILE", &cli_config)
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0");
        run(&mut command, 0)
    };
    terraform(&["init", "-no-color"]);
    terraform(&["apply", "-no-color", "-auto-approve"]);
    let shown = terraform(&["show", "-json"]);
    let show_json =
        serde_json::from_slice(&shown.stdout).expect("terraform show -json prints JSON");
    Some(AppliedModule { dir, show_json })
}
