//! `adopt_existing`: the import blocks that adopt a setup made by hand.
//!
//! Every block must target an instance the module declares, with an ID in the
//! format the AWS provider documents for that resource type; the switch must
//! add the import file and a README section and change nothing else.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use hcl::eval::{Context, Evaluate};
use hcl::expr::{Expression, TraversalOperator};
use hcl::{Block, Body, Value};
use regex::Regex;
use webqsee_s3::adopt::{self, IMPORTS_PATH, MODULE_CALL, ROOT_IMPORTS_PATH};
use webqsee_s3::commands::model_from;
use webqsee_s3::config::Source;
use webqsee_s3::model::{Encryption, Model, Root};
use webqsee_s3::render::{self, Module};

/// The account the tests pretend the provider works in.
const ACCOUNT: &str = "123456789012";

/// A name IAM accepts: letters, digits and `+=,.@_-`.
const IAM_NAME: &str = r"[A-Za-z0-9+=,.@_-]+";

/// The import ID of each resource type the module imports, as the AWS
/// provider documents it: the "Import" section of the resource's page
/// (website/docs/r/TYPE.html.markdown, provider 6.x), and for S3 the Enhanced
/// Region Support guide: "To import a resource in a specific Region, append
/// `@<region>` to the import ID".
struct Format {
    resource_type: &'static str,
    documented: &'static str,
    pattern: String,
}

fn formats() -> Vec<Format> {
    let bucket_at_region =
        r"^(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])@(?P<region>[a-z]{2}(-[a-z]+)+-[0-9])$";
    let policy_arn = format!(
        r"arn:(?P<partition>aws|aws-cn|aws-us-gov):iam::(?P<account>[0-9]{{12}}):policy/(?P<policy>{IAM_NAME})"
    );
    let by_bucket = [
        ("aws_s3_bucket", "the bucket name, then `@<region>`"),
        (
            "aws_s3_bucket_public_access_block",
            "the bucket name, then `@<region>`",
        ),
        (
            "aws_s3_bucket_cors_configuration",
            "`bucket` (`bucket,expected_bucket_owner` is for another account's), then `@<region>`",
        ),
        (
            "aws_s3_bucket_server_side_encryption_configuration",
            "`bucket` (`bucket,expected_bucket_owner` is for another account's), then `@<region>`",
        ),
    ];
    let mut formats: Vec<Format> = by_bucket
        .into_iter()
        .map(|(resource_type, documented)| Format {
            resource_type,
            documented,
            pattern: bucket_at_region.to_string(),
        })
        .collect();
    formats.extend([
        Format {
            resource_type: "aws_iam_policy",
            documented: "the policy's ARN, `arn:aws:iam::123456789012:policy/NAME`",
            pattern: format!("^{policy_arn}$"),
        },
        Format {
            resource_type: "aws_iam_group",
            documented: "the group name",
            pattern: format!("^(?P<group>{IAM_NAME})$"),
        },
        Format {
            resource_type: "aws_iam_group_policy_attachment",
            documented: "the group name and the policy ARN separated by `/`",
            pattern: format!("^(?P<group>{IAM_NAME})/{policy_arn}$"),
        },
        Format {
            resource_type: "aws_iam_user",
            documented: "the user name",
            pattern: format!("^(?P<user>{IAM_NAME})$"),
        },
        Format {
            resource_type: "aws_iam_user_group_membership",
            documented: "the user name and the group names separated by `/`",
            pattern: format!("^(?P<user>{IAM_NAME})/(?P<groups>{IAM_NAME}(/{IAM_NAME})*)$"),
        },
    ]);
    formats
}

/// What each part of a matched ID must be for the instance it imports.
fn expected_parts(
    resource_type: &str,
    key: Option<&str>,
    model: &Model,
) -> BTreeMap<&'static str, String> {
    let key = key.unwrap_or_default().to_string();
    let policy = [
        ("partition", model.partition.clone()),
        ("account", ACCOUNT.to_string()),
        ("policy", model.policy_name.clone()),
    ];
    let parts: Vec<(&'static str, String)> = match resource_type {
        "aws_iam_policy" => policy.to_vec(),
        "aws_iam_group" => vec![("group", model.group_name.clone())],
        "aws_iam_group_policy_attachment" => {
            let mut parts = policy.to_vec();
            parts.push(("group", model.group_name.clone()));
            parts
        }
        "aws_iam_user" => vec![("user", key)],
        "aws_iam_user_group_membership" => {
            vec![("user", key), ("groups", model.group_name.clone())]
        }
        _ => {
            let bucket = model.buckets.iter().find(|b| b.name == key);
            let region = bucket.map(|b| b.region.clone()).unwrap_or_default();
            vec![("bucket", key), ("region", region)]
        }
    };
    parts.into_iter().collect()
}

/// One `import` block, read back from the rendered file.
#[derive(Debug)]
struct ImportBlock {
    /// `Some` for an address inside a child module: the module call's name.
    module_call: Option<String>,
    resource_type: String,
    resource_name: String,
    key: Option<String>,
    /// The ID with the data sources' values put in.
    id: String,
}

fn adopt_case() -> common::Case {
    common::cases()
        .into_iter()
        .find(|c| c.name == "examples/adopt")
        .expect("examples/adopt exists")
}

/// The adopt example as a child module, and as a root configuration.
fn adopting_models() -> Vec<(&'static str, Model)> {
    let child = adopt_case().model;
    assert!(child.adopt_existing && child.root.is_none());
    let root = Model {
        root: Some(Root {
            provider_region: child.buckets[0].region.clone(),
        }),
        ..child.clone()
    };
    vec![("child module", child), ("root configuration", root)]
}

fn import_blocks(module: &Module, model: &Model) -> Vec<ImportBlock> {
    let text = module
        .get(adopt::imports_path(model))
        .expect("the module has the import file");
    let body: Body = hcl::from_str(text).expect("the import file is valid HCL");
    let data = hcl::value!({
        aws_partition = { webqsee_adoption = { partition = (model.partition.clone()) } }
        aws_caller_identity = { webqsee_adoption = { account_id = (ACCOUNT) } }
    });
    let mut context = Context::new();
    context.declare_var("data", data);

    body.blocks()
        .filter(|b| b.identifier() == "import")
        .map(|block| {
            let to = attribute(block, "to").expect("an import block has `to`");
            let id = attribute(block, "id").expect("an import block has `id`");
            let Expression::Traversal(traversal) = to else {
                panic!("`to` is not an address: {to:?}");
            };
            let Expression::Variable(first) = &traversal.expr else {
                panic!("`to` does not start with a name: {to:?}");
            };
            let mut names = vec![first.to_string()];
            let mut key = None;
            for operator in &traversal.operators {
                match operator {
                    TraversalOperator::GetAttr(name) => names.push(name.to_string()),
                    TraversalOperator::Index(Expression::String(k)) => key = Some(k.clone()),
                    other => panic!("unexpected part of an address: {other:?}"),
                }
            }
            let (module_call, resource_type, resource_name) = match names.as_slice() {
                [module, call, resource_type, name] if module == "module" => {
                    (Some(call.clone()), resource_type.clone(), name.clone())
                }
                [resource_type, name] => (None, resource_type.clone(), name.clone()),
                _ => panic!("`to` is neither TYPE.NAME nor module.CALL.TYPE.NAME: {names:?}"),
            };
            let id = match id.evaluate(&context) {
                Ok(Value::String(id)) => id,
                other => panic!("`id` does not evaluate to a string: {other:?}"),
            };
            ImportBlock {
                module_call,
                resource_type,
                resource_name,
                key,
                id,
            }
        })
        .collect()
}

fn attribute<'a>(block: &'a Block, key: &str) -> Option<&'a Expression> {
    block
        .body
        .attributes()
        .find(|a| a.key() == key)
        .map(|a| a.expr())
}

/// The module's resource blocks by (type, name), and its locals evaluated.
fn declared_resources(module: &Module) -> (BTreeMap<(String, String), Block>, Context<'static>) {
    let mut resources = BTreeMap::new();
    let mut locals = hcl::Map::new();
    for (path, text) in module.files() {
        if !path.ends_with(".tf") {
            continue;
        }
        let body: Body = hcl::from_str(text).unwrap();
        for block in body.blocks() {
            match block.identifier() {
                "resource" => {
                    let labels = block.labels();
                    let id = (
                        labels[0].as_str().to_string(),
                        labels[1].as_str().to_string(),
                    );
                    resources.insert(id, block.clone());
                }
                "locals" => {
                    for local in block.body.attributes() {
                        let value = local.expr().evaluate(&Context::new()).unwrap();
                        locals.insert(local.key().to_string(), value);
                    }
                }
                _ => {}
            }
        }
    }
    let mut context = Context::new();
    context.declare_var("local", Value::Object(locals));
    (resources, context)
}

#[test]
fn every_import_targets_an_instance_the_module_declares() {
    for (kind, model) in adopting_models() {
        let module = render::render(&model);
        let (resources, context) = declared_resources(&module);
        let imports = import_blocks(&module, &model);
        assert!(!imports.is_empty(), "{kind}");

        for import in &imports {
            let at = format!(
                "{kind}: import of {}.{}",
                import.resource_type, import.resource_name
            );
            // A root configuration holds the resources itself; a child module
            // is reached through the module block its README shows.
            let expected_call = model.root.is_none().then(|| MODULE_CALL.to_string());
            assert_eq!(import.module_call, expected_call, "{at}");
            let resource = resources
                .get(&(import.resource_type.clone(), import.resource_name.clone()))
                .unwrap_or_else(|| panic!("{at}: the module declares no such resource"));
            match (attribute(resource, "for_each"), &import.key) {
                (Some(for_each), Some(key)) => {
                    let Value::Object(instances) = for_each.evaluate(&context).unwrap() else {
                        panic!("{at}: for_each is not a map");
                    };
                    assert!(
                        instances.contains_key(key),
                        "{at}: key `{key}` is not among the instances {:?}",
                        instances.keys().collect::<Vec<_>>()
                    );
                }
                (None, None) => {}
                (for_each, key) => panic!(
                    "{at}: for_each {} but the address has key {key:?}",
                    if for_each.is_some() {
                        "is set"
                    } else {
                        "is not set"
                    }
                ),
            }
        }
    }
}

#[test]
fn every_import_id_has_the_documented_format_and_names_its_object() {
    let case = adopt_case();
    let imports = import_blocks(&case.module(), &case.model);
    let formats = formats();
    let (_, root) = adopting_models().pop().unwrap();
    let root_imports = import_blocks(&render::render(&root), &root);
    assert_eq!(
        imports.iter().map(|i| &i.id).collect::<Vec<_>>(),
        root_imports.iter().map(|i| &i.id).collect::<Vec<_>>(),
        "a root configuration imports the same objects"
    );

    for import in &imports {
        let format = formats
            .iter()
            .find(|f| f.resource_type == import.resource_type)
            .unwrap_or_else(|| panic!("no documented ID format for {}", import.resource_type));
        let pattern = Regex::new(&format.pattern).unwrap();
        let captures = pattern.captures(&import.id).unwrap_or_else(|| {
            panic!(
                "{} ID `{}` is not {}",
                import.resource_type, import.id, format.documented
            )
        });
        let expected = expected_parts(&import.resource_type, import.key.as_deref(), &case.model);
        for (part, value) in expected {
            assert_eq!(
                captures.name(part).map(|m| m.as_str()),
                Some(value.as_str()),
                "{} ID `{}`: its {part}",
                import.resource_type,
                import.id
            );
        }
    }
}

#[test]
fn the_tutorials_objects_are_imported_and_nothing_else() {
    let case = adopt_case();
    let model = &case.model;
    let imports = import_blocks(&case.module(), model);

    let mut expected = BTreeSet::new();
    for bucket in &model.buckets {
        let mut types = vec![
            "aws_s3_bucket",
            "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_cors_configuration",
        ];
        if bucket.encryption == Encryption::SseS3 {
            types.push("aws_s3_bucket_server_side_encryption_configuration");
        }
        for resource_type in types {
            expected.insert((resource_type.to_string(), Some(bucket.name.clone())));
        }
    }
    for resource_type in [
        "aws_iam_policy",
        "aws_iam_group",
        "aws_iam_group_policy_attachment",
    ] {
        expected.insert((resource_type.to_string(), None));
    }
    for user in &model.users {
        for resource_type in ["aws_iam_user", "aws_iam_user_group_membership"] {
            expected.insert((resource_type.to_string(), Some(user.name.clone())));
        }
    }

    let found: Vec<(String, Option<String>)> = imports
        .iter()
        .map(|i| (i.resource_type.clone(), i.key.clone()))
        .collect();
    let unique: BTreeSet<_> = found.iter().cloned().collect();
    assert_eq!(unique.len(), found.len(), "an instance is imported twice");
    assert_eq!(unique, expected);

    // The example must exercise both kinds of bucket, or the encryption rule
    // above is never tested.
    let encryptions: BTreeSet<_> = model
        .buckets
        .iter()
        .map(|b| b.encryption == Encryption::SseS3)
        .collect();
    assert_eq!(
        encryptions.len(),
        2,
        "examples/adopt needs a bucket with and one without SSE-S3"
    );
}

#[test]
fn the_switch_adds_the_import_file_and_a_readme_section_only() {
    let case = adopt_case();
    let with = case.module();
    let without = render::render(&Model {
        adopt_existing: false,
        ..case.model.clone()
    });

    let with_paths: Vec<&str> = with
        .files()
        .map(|(p, _)| p)
        .filter(|p| *p != IMPORTS_PATH)
        .collect();
    let without_paths: Vec<&str> = without.files().map(|(p, _)| p).collect();
    assert_eq!(with_paths, without_paths);
    assert!(!without.contains(IMPORTS_PATH));

    for (path, text) in without.files() {
        let adopted = with.get(path).unwrap();
        if path == "README.md" {
            let start = adopted.find("\n## Adopt the setup made by hand\n").unwrap();
            let end = adopted.find("\n## Type it into webQsee\n").unwrap();
            let trimmed = format!("{}{}", &adopted[..start], &adopted[end..]);
            assert_eq!(trimmed, text, "README.md outside the adoption section");
            assert!(
                !text.contains("adopt_existing"),
                "README.md without the switch mentions adoption"
            );
        } else {
            // Turning the switch off after the apply must leave nothing to plan.
            assert_eq!(adopted, text, "{path} differs with the switch on");
        }
    }
}

#[test]
fn a_root_configuration_keeps_its_imports_beside_its_resources() {
    let (_, root) = adopting_models().pop().unwrap();
    let module = render::render(&root);
    assert!(module.contains(ROOT_IMPORTS_PATH));
    assert!(!module.contains(IMPORTS_PATH));
    let readme = module.get("README.md").unwrap();
    assert!(readme.contains("OpenTofu reads the import blocks\nwhere they are"));
    assert!(
        !readme.contains("Copy `"),
        "a root configuration needs no copy"
    );

    let steps = adopt::next_steps(&root, std::path::Path::new("gallery"));
    assert!(steps.contains("In gallery/imports.tofu, delete"), "{steps}");
    assert!(!steps.contains("Copy"), "{steps}");
}

#[test]
fn the_defaults_with_the_switch_off_or_absent_are_the_committed_module() {
    let defaults = webqsee_s3::config::DEFAULTS;
    let absent = defaults.replace("adopt_existing = false\n", "");
    assert_ne!(
        absent, defaults,
        "the defaults no longer set adopt_existing"
    );

    let dir = common::repo_root().join("modules/webqsee-s3");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    on_disk.sort();

    for (name, text) in [
        ("switch off", defaults.to_string()),
        ("switch absent", absent),
    ] {
        let (model, diagnostics) = model_from(&Source::named(name, text));
        let model = model.unwrap_or_else(|| panic!("{name}: {diagnostics:?}"));
        assert!(!model.adopt_existing, "{name}");
        let module = render::render(&model);
        let rendered: Vec<&str> = module.files().map(|(p, _)| p).collect();
        assert_eq!(rendered, on_disk, "{name}");
        for (path, text) in module.files() {
            let committed = std::fs::read_to_string(dir.join(path)).unwrap();
            assert_eq!(text, committed, "{name}: modules/webqsee-s3/{path}");
        }
    }
}

#[test]
fn adopt_existing_must_be_a_boolean() {
    let source = Source::named("webqsee.hcl", "adopt_existing = \"yes\"\n");
    let (model, diagnostics) = model_from(&source);
    assert!(model.is_none());
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(
        diagnostics[0].message,
        "`adopt_existing` must be `true` or `false`, but `\"yes\"` is a string"
    );
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 18));
}

#[test]
fn an_adopted_user_may_name_one_key_only() {
    let text = "adopt_existing = true\n\
                bucket \"webqsee\" { region = \"eu-central-1\" }\n\
                user \"alice\" { keys = [\"2026-01\", \"2026-07\"] }\n";
    let (model, diagnostics) = model_from(&Source::named("webqsee.hcl", text));
    assert!(model.is_none());
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let problem = &diagnostics[0];
    assert_eq!(
        problem.message,
        "user `alice` names 2 access keys, but with `adopt_existing` the key made in the console stays"
    );
    assert_eq!((problem.line, problem.column), (3, 23));
    assert!(
        problem
            .help
            .as_deref()
            .unwrap()
            .contains("two access keys per user")
    );

    // The same user without adoption is fine: a rotation needs two keys.
    let text = text.replace("adopt_existing = true", "adopt_existing = false");
    let (model, diagnostics) = model_from(&Source::named("webqsee.hcl", text));
    assert!(model.is_some(), "{diagnostics:?}");
}

#[test]
fn generate_writes_the_import_file_and_prints_the_next_steps() {
    let temp = tempfile::tempdir().unwrap();
    let config = common::repo_root().join("examples/adopt/webqsee.hcl");
    let out = temp.path().join("gallery");
    let output = common::run(
        Command::new(env!("CARGO_BIN_EXE_webqsee-s3"))
            .arg("--config")
            .arg(&config)
            .arg("generate")
            .arg("--out")
            .arg(&out),
        0,
    );
    assert!(
        output.stdout.is_empty(),
        "generate prints nothing on stdout"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();

    let case = adopt_case();
    let imports_file = out.join(IMPORTS_PATH);
    assert_eq!(
        std::fs::read_to_string(&imports_file).unwrap(),
        case.module().get(IMPORTS_PATH).unwrap()
    );
    let count = import_blocks(&case.module(), &case.model).len();
    for expected in [
        format!(
            "Copy {} next to the `module \"{MODULE_CALL}\"` block",
            imports_file.display()
        ),
        format!("It must show {count} resources to import and no bucket to replace"),
        "  3. Run `tofu apply`.".to_string(),
        "Set `adopt_existing = false`, run `webqsee-s3 generate` again".to_string(),
        "Access keys are never imported".to_string(),
        "the key made in the console keeps working until you delete".to_string(),
    ] {
        assert!(
            stderr.contains(&expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
}

#[test]
fn generate_without_the_switch_prints_no_adoption_steps() {
    let temp = tempfile::tempdir().unwrap();
    let config = common::repo_root().join("examples/default/webqsee.hcl");
    let out = temp.path().join("gallery");
    let output = common::run(
        Command::new(env!("CARGO_BIN_EXE_webqsee-s3"))
            .arg("--config")
            .arg(&config)
            .arg("generate")
            .arg("--out")
            .arg(&out),
        0,
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("adopt"), "{stderr}");
    assert!(!out.join(adopt::IMPORTS_PATH).exists());
}
