//! Teams: one IAM user and key set per member, several buckets, team scoping,
//! PGP-encrypted secrets and root mode, read back from the rendered module.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use hcl::{Body, Expression};
use serde_json::Value;
use webqsee_s3::commands::model_from;
use webqsee_s3::config::Source;
use webqsee_s3::diagnostic::Diagnostic;
use webqsee_s3::model::Model;
use webqsee_s3::render::{self, Module};
use webqsee_s3::{policy, settings};

#[track_caller]
fn model(text: &str) -> Model {
    let (model, diagnostics) = model_from(&Source::named("webqsee.hcl", text));
    model.unwrap_or_else(|| panic!("the config does not check: {diagnostics:#?}"))
}

fn module(text: &str) -> Module {
    render::render(&model(text))
}

#[track_caller]
fn example(name: &str) -> String {
    let path = common::repo_root()
        .join("examples")
        .join(name)
        .join("webqsee.hcl");
    std::fs::read_to_string(path).unwrap()
}

/// The `locals` block of a module, as values.
#[track_caller]
fn locals(module: &Module) -> Value {
    let value: Value = hcl::from_str(module.get("locals.tf").unwrap()).unwrap();
    value["locals"].clone()
}

fn keys_of(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Every `output` block of a module, by name.
#[track_caller]
fn outputs(module: &Module) -> Vec<(String, Body)> {
    let body: Body = hcl::from_str(module.get("outputs.tf").unwrap()).unwrap();
    body.blocks()
        .filter(|b| b.identifier() == "output")
        .map(|b| (b.labels()[0].as_str().to_string(), b.body.clone()))
        .collect()
}

#[track_caller]
fn attribute<'a>(body: &'a Body, key: &str) -> &'a Expression {
    body.attributes()
        .find(|a| a.key() == key)
        .map(|a| a.expr())
        .unwrap_or_else(|| panic!("no attribute `{key}`"))
}

#[test]
fn every_member_gets_a_user_and_one_entry_per_key() {
    let locals = locals(&module(&example("team")));
    assert_eq!(keys_of(&locals["users"]), set(&["alice", "bob", "carol"]));
    assert_eq!(
        keys_of(&locals["access_keys"]),
        set(&[
            "alice/primary",
            "bob/2026-06",
            "bob/2026-12",
            "carol/primary"
        ])
    );
    assert_eq!(locals["access_keys"]["bob/2026-06"]["user"], "bob");
    assert_eq!(locals["users"]["bob"]["current_key"], "2026-12");
    assert_eq!(locals["users"]["alice"]["current_key"], "primary");

    let iam: Body = hcl::from_str(module(&example("team")).get("iam.tf").unwrap()).unwrap();
    for (kind, map) in [
        ("aws_iam_user", "local.users"),
        ("aws_iam_user_group_membership", "local.users"),
        ("aws_iam_access_key", "local.access_keys"),
    ] {
        let block = iam
            .blocks()
            .find(|b| b.labels()[0].as_str() == kind)
            .unwrap_or_else(|| panic!("no {kind}"));
        let for_each = hcl::format::to_string(attribute(&block.body, "for_each")).unwrap();
        assert_eq!(for_each, map, "{kind} is keyed by name, not counted");
    }
}

#[test]
fn removing_a_member_changes_only_their_entries() {
    let before = module(&example("team"));
    let without_carol = example("team").replace("user \"carol\" {}\n", "");
    let after = module(&without_carol);

    // Every resource is driven by the locals, so nothing else in the
    // Terraform changes.
    for file in ["iam.tf", "s3.tf", "outputs.tf", "versions.tf"] {
        assert_eq!(before.get(file), after.get(file), "{file} changed");
    }
    let (mut before, after) = (locals(&before), locals(&after));
    assert_eq!(before["buckets"], after["buckets"]);
    for (map, entries) in [
        ("users", &["carol"][..]),
        ("access_keys", &["carol/primary"]),
    ] {
        let map_before = before[map].as_object_mut().unwrap();
        for entry in entries {
            assert!(map_before.remove(*entry).is_some(), "{entry}");
        }
        assert_eq!(before[map], after[map], "{map}");
    }
}

#[test]
fn adding_a_key_name_keeps_the_old_key_and_makes_the_new_one_current() {
    let rotating = example("team").replace(
        "user \"alice\" {}",
        "user \"alice\" {\n  keys = [\"primary\", \"2027-01\"]\n}",
    );
    let locals = locals(&module(&rotating));
    let alice_keys: BTreeSet<String> = keys_of(&locals["access_keys"])
        .into_iter()
        .filter(|k| k.starts_with("alice/"))
        .collect();
    assert_eq!(alice_keys, set(&["alice/primary", "alice/2027-01"]));
    assert_eq!(locals["users"]["alice"]["current_key"], "2027-01");

    // Dropping the old name then removes only that key.
    let rotated = example("team").replace(
        "user \"alice\" {}",
        "user \"alice\" {\n  keys = [\"2027-01\"]\n}",
    );
    let after = keys_of(&crate::locals(&module(&rotated))["access_keys"]);
    let mut expected = keys_of(&locals["access_keys"]);
    expected.remove("alice/primary");
    assert_eq!(after, expected);
}

#[test]
fn outputs_give_current_keys_and_keep_pgp_users_secrets_encrypted() {
    let plain = outputs(&module(&example("team")));
    let names: Vec<&str> = plain.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "webqsee_storage_settings",
            "access_key_ids",
            "secret_access_keys",
            "access_keys"
        ]
    );

    let pgp = outputs(&module(&example("pgp")));
    let output = |name: &str| {
        &pgp.iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no output {name}"))
            .1
    };
    for (_, body) in &pgp {
        assert!(body.attributes().any(|a| a.key() == "description"));
    }
    assert_eq!(
        attribute(output("secret_access_keys"), "sensitive"),
        &Expression::Bool(true)
    );
    for (name, condition, attribute_read) in [
        (
            "secret_access_keys",
            "user.pgp_key == null",
            ".current_key}\"].secret",
        ),
        (
            "encrypted_secret_access_keys",
            "user.pgp_key != null",
            ".current_key}\"].encrypted_secret",
        ),
    ] {
        let Expression::ForExpr(for_expr) = attribute(output(name), "value") else {
            panic!("{name} is not a for expression");
        };
        let filter = for_expr.cond_expr.as_ref().expect("a filter");
        assert_eq!(hcl::format::to_string(filter).unwrap(), condition, "{name}");
        let value = hcl::format::to_string(&for_expr.value_expr).unwrap();
        assert!(value.ends_with(attribute_read), "{name}: {value}");
    }
    let access_keys = hcl::format::to_string(attribute(output("access_keys"), "value")).unwrap();
    assert!(
        access_keys.contains("current = user.current_key"),
        "{access_keys}"
    );

    let locals = locals(&module(&example("pgp")));
    assert_eq!(locals["users"]["bob"]["pgp_key"], "keybase:bob_example");
    assert_eq!(locals["users"]["carol"]["pgp_key"], Value::Null);
    let iam = module(&example("pgp")).get("iam.tf").unwrap().to_string();
    assert!(iam.contains("pgp_key = local.users[each.value.user].pgp_key"));
}

#[test]
fn a_key_pasted_across_lines_is_joined() {
    let key =
        std::fs::read_to_string(common::repo_root().join("tests/data/pgp/alice.asc")).unwrap();
    let body: Vec<&str> = key
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('-') && !l.starts_with('='))
        .collect();
    let config = format!(
        "bucket \"b-webqsee\" {{\n  region = \"eu-central-1\"\n}}\n\nuser \"alice\" {{\n  pgp_key = <<-EOT\n    {}\n  EOT\n}}\n",
        body.join("\n    ")
    );
    let model = model(&config);
    assert_eq!(
        model.users[0].pgp_key.as_deref(),
        Some(body.concat().as_str())
    );
}

#[test]
fn team_ids_scope_every_arn_and_prefix() {
    let model = model(&example("team-scoped"));
    let document = policy::document(&model);
    let resources = document["Statement"][0]["Resource"].as_array().unwrap();
    assert_eq!(resources.len(), 2 * 3, "two teams, three folders");
    for team in ["5f3a9c2e", "8d41b7a0"] {
        for folder in ["shared", "protected", "private"] {
            let arn =
                format!("arn:aws:s3:::acme-webqsee-shared/webqsee/{team}/items-root/{folder}/*");
            assert!(resources.iter().any(|r| r == &arn), "{arn}");
        }
    }
    let prefixes = document["Statement"][1]["Condition"]["StringLike"]["s3:prefix"]
        .as_array()
        .unwrap();
    assert_eq!(
        prefixes,
        &[
            "webqsee/5f3a9c2e/items-root/",
            "webqsee/5f3a9c2e/items-root/*",
            "webqsee/8d41b7a0/items-root/",
            "webqsee/8d41b7a0/items-root/*",
        ]
    );
    assert!(
        !document.to_string().contains("/*/"),
        "no team wildcard left"
    );
}

#[test]
fn two_buckets_in_two_regions_share_one_policy_and_group() {
    let model = model(&example("multi-region"));
    let module = render::render(&model);
    let locals = locals(&module);
    assert_eq!(
        locals["buckets"]["acme-webqsee-frankfurt"]["region"],
        "eu-central-1"
    );
    assert_eq!(
        locals["buckets"]["acme-webqsee-virginia"]["region"],
        "us-east-1"
    );

    let s3: Body = hcl::from_str(module.get("s3.tf").unwrap()).unwrap();
    for block in s3.blocks() {
        let region = hcl::format::to_string(attribute(&block.body, "region")).unwrap();
        // The lifecycle rule iterates a map of days, so it looks the region up.
        assert!(
            region == "each.value.region" || region == "local.buckets[each.key].region",
            "{:?}: {region}",
            block.labels()
        );
    }
    let iam: Body = hcl::from_str(module.get("iam.tf").unwrap()).unwrap();
    let kinds: Vec<&str> = iam.blocks().map(|b| b.labels()[0].as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "aws_iam_policy").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "aws_iam_group").count(), 1);
    let buckets = policy::document(&model)["Statement"][1]["Resource"].clone();
    assert_eq!(
        buckets,
        serde_json::json!([
            "arn:aws:s3:::acme-webqsee-frankfurt",
            "arn:aws:s3:::acme-webqsee-virginia"
        ])
    );

    let form = settings::form(&model);
    assert!(form.contains("Bucket:              acme-webqsee-frankfurt\nConnection settings: {\"region\":\"eu-central-1\"}"));
    assert!(form.contains("Bucket:              acme-webqsee-virginia\nConnection settings: {\"region\":\"us-east-1\"}"));
}

#[test]
fn root_mode_adds_a_provider_and_state_encryption_for_opentofu_only() {
    let root = module(&example("root-mode"));
    let plain = module(&example("team"));
    assert!(!plain.contains("providers.tf") && !plain.contains("encryption.tofu"));

    // The first bucket as written, not the first by name.
    let providers: Value = hcl::from_str(root.get("providers.tf").unwrap()).unwrap();
    assert_eq!(providers["provider"]["aws"]["region"], "eu-north-1");

    let encryption: Body = hcl::from_str(root.get("encryption.tofu").unwrap()).unwrap();
    let variable = encryption
        .blocks()
        .find(|b| b.identifier() == "variable")
        .unwrap();
    assert_eq!(variable.labels()[0].as_str(), "state_passphrase");
    assert_eq!(
        attribute(&variable.body, "sensitive"),
        &Expression::Bool(true)
    );
    assert!(variable.body.attributes().any(|a| a.key() == "description"));

    let terraform = encryption
        .blocks()
        .find(|b| b.identifier() == "terraform")
        .unwrap();
    let config = terraform
        .body
        .blocks()
        .find(|b| b.identifier() == "encryption")
        .unwrap();
    let labelled = |kind: &str| -> Vec<String> {
        config
            .body
            .blocks()
            .filter(|b| b.identifier() == kind)
            .map(|b| b.labels()[0].as_str().to_string())
            .collect()
    };
    assert_eq!(labelled("key_provider"), ["pbkdf2"]);
    assert_eq!(labelled("method"), ["aes_gcm"]);
    let passphrase = hcl::format::to_string(attribute(
        &config.body.blocks().next().unwrap().body,
        "passphrase",
    ))
    .unwrap();
    assert_eq!(passphrase, "var.state_passphrase");
    for target in ["state", "plan"] {
        let block = config
            .body
            .blocks()
            .find(|b| b.identifier() == target)
            .unwrap_or_else(|| panic!("no {target} block"));
        assert_eq!(attribute(&block.body, "enforced"), &Expression::Bool(true));
    }

    // Terraform reads the .tf files: nothing OpenTofu-only may be in them.
    for (path, text) in root.files() {
        if path.ends_with(".tf") {
            assert!(!text.contains("encryption {"), "{path}");
            assert!(!text.contains("state_passphrase"), "{path}");
        }
    }
    let readme = root.get("README.md").unwrap();
    assert!(readme.contains("## Encrypted state"));
    assert!(readme.contains("If it is lost, the state cannot be decrypted"));
}

// Bad configurations.

/// The problems of a configuration, each as `line:column: message` and its help.
fn problems(text: &str) -> Vec<Diagnostic> {
    let (model, diagnostics) = model_from(&Source::named("webqsee.hcl", text));
    assert!(model.is_none(), "the config was accepted");
    diagnostics
}

fn with_user(user: &str) -> String {
    format!("bucket \"b-webqsee\" {{\n  region = \"eu-central-1\"\n}}\n\n{user}\n")
}

/// Asserts one error at `line:column` whose message and help contain the given texts.
#[track_caller]
fn assert_one_error(text: &str, at: (usize, usize), message: &str, help: &str) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let problem = &found[0];
    assert_eq!((problem.line, problem.column), at, "{problem}");
    assert!(problem.message.contains(message), "{problem}");
    assert!(
        problem.help.as_deref().unwrap_or_default().contains(help),
        "{problem}"
    );
}

#[test]
fn a_third_key_is_refused() {
    assert_one_error(
        &with_user("user \"alice\" {\n  keys = [\"a\", \"b\", \"c\"]\n}"),
        (6, 10),
        "user `alice` names 3 keys (`a`, `b`, `c`), but AWS allows at most 2 access keys per user",
        "remove the oldest name",
    );
}

#[test]
fn a_key_named_twice_is_refused() {
    assert_one_error(
        &with_user("user \"alice\" {\n  keys = [\"2026-12\", \"2026-12\"]\n}"),
        (6, 22),
        "user `alice` names key `2026-12` twice",
        "its own name",
    );
}

#[test]
fn key_names_that_would_break_the_address_are_refused() {
    for (name, why) in [
        ("team/2026", "it contains `/`"),
        ("new key", "it contains ` `"),
        ("", "it is empty"),
        ("_old", "it does not start with a letter or digit"),
    ] {
        let text = with_user(&format!("user \"alice\" {{\n  keys = [\"{name}\"]\n}}"));
        assert_one_error(
            &text,
            (6, 11),
            &format!("`{name}` cannot name a key: {why}"),
            "letters, digits, `.`, `_` and `-`",
        );
    }
}

#[test]
fn an_armored_key_is_refused_with_the_export_command() {
    let armored =
        std::fs::read_to_string(common::repo_root().join("tests/data/pgp/alice.asc")).unwrap();
    let text = with_user(&format!(
        "user \"alice\" {{\n  pgp_key = <<EOT\n{armored}EOT\n}}"
    ));
    assert_one_error(
        &text,
        (6, 13),
        "user `alice`'s `pgp_key` is an ASCII-armored key",
        "`gpg --export KEYID | base64 -w0`",
    );

    // The same, written on one line with escaped line breaks.
    let one_line = armored.replace('\n', "\\n");
    assert_one_error(
        &with_user(&format!(
            "user \"alice\" {{\n  pgp_key = \"{one_line}\"\n}}"
        )),
        (6, 13),
        "ASCII-armored",
        "gpg --export KEYID | base64 -w0",
    );
}

#[test]
fn a_private_key_is_refused() {
    assert_one_error(
        &with_user(
            "user \"alice\" {\n  pgp_key = \"-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\nlQOYBF...\\n-----END PGP PRIVATE KEY BLOCK-----\"\n}",
        ),
        (6, 13),
        "user `alice`'s `pgp_key` is a private key",
        "remove it from the file now",
    );
}

#[test]
fn a_pgp_key_that_is_not_base64_of_a_public_key_is_refused() {
    for (value, why) in [
        ("mQENBGsR ayQB", "` ` at character 9 is not base64"),
        ("mQENBGsRa", "9 characters of base64"),
        // base64 of "hello, world": valid base64, but no OpenPGP packet.
        (
            "aGVsbG8sIHdvcmxk",
            "it does not decode to an OpenPGP packet",
        ),
        // base64 of an armored key's first line.
        (
            "LS0tLS1CRUdJTiBQR1AgUFVCTElDIEtFWSBCTE9DSy0tLS0t",
            "it is the base64 of an ASCII-armored key",
        ),
        ("", "it is empty"),
    ] {
        assert_one_error(
            &with_user(&format!("user \"alice\" {{\n  pgp_key = \"{value}\"\n}}")),
            (6, 13),
            &format!("user `alice`'s `pgp_key` is not a usable OpenPGP public key: {why}"),
            "gpg --export KEYID | base64 -w0",
        );
    }
}

#[test]
fn a_keybase_key_needs_a_user_name() {
    for value in ["keybase:", "keybase:bob smith"] {
        assert_one_error(
            &with_user(&format!("user \"alice\" {{\n  pgp_key = \"{value}\"\n}}")),
            (6, 13),
            &format!("`{value}` is not a Keybase user for user `alice`'s `pgp_key`"),
            "keybase:USERNAME",
        );
    }
}

#[test]
fn every_user_problem_is_reported_in_one_run() {
    let text = format!(
        "{}\nuser \"bob\" {{\n  pgp_key = \"keybase:\"\n}}\n",
        with_user("user \"alice\" {\n  keys = [\"a\", \"a\", \"b\"]\n}")
    );
    let found = problems(&text);
    let lines: Vec<usize> = found.iter().map(|p| p.line).collect();
    assert_eq!(lines, [6, 6, 10], "{found:#?}");
}

#[test]
fn generate_refuses_an_armored_key_and_writes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let armored = std::fs::read_to_string(common::repo_root().join("tests/data/pgp/alice.asc"))
        .unwrap()
        .replace('\n', "\\n");
    let config = format!(
        "output_dir = \"out\"\n\n{}",
        with_user(&format!("user \"alice\" {{\n  pgp_key = \"{armored}\"\n}}"))
    );
    std::fs::write(temp.path().join("webqsee.hcl"), config).unwrap();
    let output = common::run(
        Command::new(env!("CARGO_BIN_EXE_webqsee-s3"))
            .arg("generate")
            .current_dir(temp.path())
            .env_remove("WEBQSEE_S3_CONFIG"),
        2,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("webqsee.hcl:8:13: error: user `alice`'s `pgp_key` is an ASCII-armored key"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "help: give the base64 of the binary key on one line: `gpg --export KEYID | base64 -w0`"
        ),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    assert!(!Path::new(&temp.path().join("out")).exists());
}
