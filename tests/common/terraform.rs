//! Terraform 1.0.3 run against the stand-in `hashicorp/aws` provider, on a
//! root configuration that calls a case's module.
//!
//! `apply_case` is the short way to an applied module and its resolved state;
//! `Workspace` runs the steps one at a time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

use super::{Case, installed, write_module};

/// The folder, inside the workspace, that holds the copy of the module.
const MODULE_DIR: &str = "module";

/// The name the root configuration calls the module by.
const MODULE_NAME: &str = "webqsee_s3";

/// A module applied by Terraform, and the state it resolved.
pub struct AppliedModule {
    /// The workspace; its folder (and the state in it) lives as long as this.
    pub workspace: Workspace,
    /// `terraform show -json` of the applied state: every resource with the
    /// values the provider resolved.
    pub show_json: Value,
}

impl AppliedModule {
    pub fn dir(&self) -> &Path {
        self.workspace.dir()
    }
}

/// Writes the case's module and a root configuration that calls it, then runs
/// `init`, `validate`, a `plan` that must propose changes, and `apply`. `None`
/// when the tools are not installed (and not in CI).
#[track_caller]
pub fn apply_case(case: &Case) -> Option<AppliedModule> {
    let workspace = Workspace::new(case)?;
    workspace.run(&["init"], 0);
    workspace.run(&["validate"], 0);
    // -detailed-exitcode: 0 nothing to do, 2 changes, 1 error.
    workspace.run(&["plan", "-detailed-exitcode"], 2);
    workspace.run(&["apply", "-auto-approve"], 0);
    let show_json = workspace.json(&["show", "-json"]);
    Some(AppliedModule {
        workspace,
        show_json,
    })
}

/// A temporary root configuration around one case's module.
pub struct Workspace {
    case: String,
    terraform: PathBuf,
    cli_config: PathBuf,
    address_prefix: String,
    dir: TempDir,
}

impl Workspace {
    /// Lays out the root configuration: `main.tf` calling the module in
    /// `./module` or, for a case that emits a root configuration itself, that
    /// configuration; and the override that lets Terraform 1.0.3 read it.
    pub fn new(case: &Case) -> Option<Self> {
        let terraform = installed(".tools/bin/terraform")?;
        // Written by install-tools.sh next to the stand-in provider's mirror.
        let cli_config = installed(".tools/terraformrc")?;
        let dir = tempfile::Builder::new()
            .prefix("terraform-")
            .tempdir()
            .unwrap();

        let module = case.module();
        let is_root = case.model.root.is_some();
        let module_dir = if is_root {
            dir.path().to_path_buf()
        } else {
            dir.path().join(MODULE_DIR)
        };
        write_module(&module, &module_dir);
        // The module asks for OpenTofu's version floor, newer than this
        // Terraform. The override relaxes only that, and only in this copy.
        std::fs::write(
            module_dir.join("versions_override.tf"),
            "terraform {\n  required_version = \">= 1.0\"\n}\n",
        )
        .unwrap();
        if !is_root {
            let outputs = module.get("outputs.tf").expect("the module has outputs.tf");
            std::fs::write(dir.path().join("main.tf"), root_configuration(outputs)).unwrap();
        }

        Some(Workspace {
            case: case.name.clone(),
            terraform,
            cli_config,
            address_prefix: if is_root {
                String::new()
            } else {
                format!("module.{MODULE_NAME}.")
            },
            dir,
        })
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// What the module's resource addresses start with in this workspace:
    /// `module.webqsee_s3.`, or nothing when the module is the root.
    pub fn address_prefix(&self) -> &str {
        &self.address_prefix
    }

    /// Runs `terraform ARGS` in the workspace and fails the test, showing
    /// everything Terraform printed, unless it exits with `expected`.
    #[track_caller]
    pub fn run(&self, args: &[&str], expected: i32) -> Output {
        let output = Command::new(&self.terraform)
            .args(args)
            .arg("-no-color")
            .current_dir(self.dir())
            .env("TF_CLI_CONFIG_FILE", &self.cli_config)
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0")
            .env_remove("TF_LOG")
            .env_remove("TF_WORKSPACE")
            .env_remove("TF_CLI_ARGS")
            .output()
            .expect("terraform starts");
        let code = output.status.code().unwrap_or(-1);
        assert_eq!(
            code,
            expected,
            "{}: `terraform {}` exited with {code}, expected {expected}\nstdout:\n{}\nstderr:\n{}",
            self.case,
            args.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// Runs a `terraform` command that prints JSON, and parses it.
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> Value {
        let output = self.run(args, 0);
        serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
            panic!(
                "{}: `terraform {}` printed no JSON: {err}\n{}",
                self.case,
                args.join(" "),
                String::from_utf8_lossy(&output.stdout)
            )
        })
    }
}

/// Every resource in a `terraform show -json` document, the root module's and
/// those of the modules below it.
pub fn resources(show_json: &Value) -> Vec<&Value> {
    fn collect<'a>(module: &'a Value, into: &mut Vec<&'a Value>) {
        if let Some(resources) = module["resources"].as_array() {
            into.extend(resources);
        }
        for child in module["child_modules"].as_array().into_iter().flatten() {
            collect(child, into);
        }
    }
    let mut all = Vec::new();
    collect(&show_json["values"]["root_module"], &mut all);
    all
}

/// The root configuration: the AWS provider, the module, and one output per
/// module output passed straight through (sensitive where the module's is).
fn root_configuration(module_outputs: &str) -> String {
    let body: hcl::Body = hcl::from_str(module_outputs).expect("outputs.tf parses as HCL");
    let mut root = format!(
        r#"terraform {{
  required_providers {{
    aws = {{
      source = "hashicorp/aws"
    }}
  }}
}}

provider "aws" {{
  region = "eu-central-1"
}}

module "{MODULE_NAME}" {{
  source = "./{MODULE_DIR}"
}}
"#
    );
    for block in body.blocks().filter(|b| b.identifier() == "output") {
        let name = block.labels()[0].as_str();
        let sensitive = block
            .body()
            .attributes()
            .any(|a| a.key() == "sensitive" && a.expr() == &hcl::Expression::Bool(true));
        root.push_str(&format!(
            "\noutput \"{name}\" {{\n  value     = module.{MODULE_NAME}.{name}\n  sensitive = {sensitive}\n}}\n"
        ));
    }
    root
}
