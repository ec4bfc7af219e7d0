//! The real `terraform fmt` finds nothing to change in any emitted module,
//! `.tofu` files included.

mod common;

use std::process::Command;

#[test]
fn terraform_fmt_finds_nothing_to_change() {
    let Some(terraform) = common::tool("terraform") else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let mut tofu_files = 0;
    for (i, case) in common::cases().iter().enumerate() {
        let dir = temp.path().join(i.to_string());
        let module = case.module();
        common::write_module(&module, &dir);
        // Terraform's fmt skips `.tofu` files; a copy named `.tf` gets checked.
        // Formatting is syntax only, so OpenTofu-only blocks are no obstacle.
        for (path, contents) in module.files().filter(|(p, _)| p.ends_with(".tofu")) {
            std::fs::write(dir.join(format!("{path}.tf")), contents).unwrap();
            tofu_files += 1;
        }
        let output = Command::new(&terraform)
            .args(["fmt", "-check", "-diff", "-recursive"])
            .arg(&dir)
            .env("CHECKPOINT_DISABLE", "1")
            .output()
            .expect("terraform runs");
        assert!(
            output.status.success(),
            "{}: terraform fmt would change the module:\n{}{}",
            case.name,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert!(
        tofu_files > 0,
        "no example emits a .tofu file, so their formatting went unchecked"
    );
}
