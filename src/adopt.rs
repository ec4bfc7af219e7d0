//! Adopting a setup made by hand after the vendor's tutorial: one `import`
//! block for every object the tutorial creates, with the import ID the AWS
//! provider documents for its resource type.
//!
//! OpenTofu accepts `import` blocks only in the root module. A generated root
//! configuration (`root = true`) holds them beside its resources. A generated
//! child module cannot: there the blocks address its resources through the
//! module call the README shows (`module.webqsee_s3.…`), and they are written
//! under a name OpenTofu never loads, for the user to copy into the root
//! configuration as `imports.tofu`.

use std::path::Path;

use crate::model::{Encryption, Model};
use crate::render::hcl;

/// Where the import blocks of a child module go, relative to its folder.
/// OpenTofu loads only `.tf` and `.tofu` files, so the module that calls this
/// one never reads them by accident; the module stays one flat folder.
pub const IMPORTS_PATH: &str = "imports.tofu.example";

/// Where the import blocks of a root configuration go: beside its resources.
pub const ROOT_IMPORTS_PATH: &str = "imports.tofu";

/// The import file's path in the generated folder.
pub fn imports_path(model: &Model) -> &'static str {
    if model.root.is_some() {
        ROOT_IMPORTS_PATH
    } else {
        IMPORTS_PATH
    }
}

/// The name of the module block the generated README tells users to write.
pub const MODULE_CALL: &str = "webqsee_s3";

/// The data sources the import file declares; the policy's ARN is built from
/// them, so nobody has to type an account ID.
pub const CALLER_IDENTITY: &str = "data.aws_caller_identity.webqsee_adoption";
pub const PARTITION: &str = "data.aws_partition.webqsee_adoption";

/// One `import` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// A comment that opens a group of blocks about the same object.
    pub heading: Option<String>,
    /// The resource type, such as `aws_s3_bucket`.
    pub resource_type: &'static str,
    /// The resource's name in the module, such as `gallery`.
    pub resource_name: &'static str,
    /// The `for_each` key of the instance, for resources that have one.
    pub key: Option<String>,
    /// Whether the resource sits in a child module called `MODULE_CALL`.
    pub in_module: bool,
    /// The import ID as an HCL expression: a quoted string, which for the
    /// policy reads the account and partition from the data sources.
    pub id: String,
}

impl Import {
    /// The instance's address as seen from the root module.
    pub fn to(&self) -> String {
        let mut address = if self.in_module {
            format!("module.{MODULE_CALL}.")
        } else {
            String::new()
        };
        address.push_str(&format!("{}.{}", self.resource_type, self.resource_name));
        if let Some(key) = &self.key {
            address.push_str(&format!("[{}]", hcl::quote(key)));
        }
        address
    }
}

/// Every import block for the model, in a fixed order: each bucket's objects,
/// then the policy, the group and its attachment, then each user.
///
/// Left out on purpose: access keys (a secret cannot be read back, so a new
/// key is created instead) and what the tutorial never makes (ownership
/// controls, versioning, the lifecycle rule, the TLS-only bucket policy),
/// which the module creates as usual.
pub fn imports(model: &Model) -> Vec<Import> {
    let in_module = model.root.is_none();
    let mut imports = Vec::new();

    for bucket in &model.buckets {
        // S3 resources carry their bucket's region: imported without it, they
        // would take the provider's region and plan a replacement.
        let id = hcl::quote(&format!("{}@{}", bucket.name, bucket.region));
        let mut types = vec![
            "aws_s3_bucket",
            "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_cors_configuration",
        ];
        if bucket.encryption == Encryption::SseS3 {
            types.push("aws_s3_bucket_server_side_encryption_configuration");
        }
        for (i, resource_type) in types.into_iter().enumerate() {
            imports.push(Import {
                heading: (i == 0)
                    .then(|| format!("Bucket `{}` in {}.", bucket.name, bucket.region)),
                resource_type,
                resource_name: "gallery",
                key: Some(bucket.name.clone()),
                in_module,
                id: id.clone(),
            });
        }
    }

    let policy_arn = policy_arn(model);
    imports.push(Import {
        heading: Some(format!(
            "Policy `{}` and group `{}`.",
            model.policy_name, model.group_name
        )),
        resource_type: "aws_iam_policy",
        resource_name: "gallery_access",
        key: None,
        in_module,
        id: template(&policy_arn),
    });
    imports.push(Import {
        heading: None,
        resource_type: "aws_iam_group",
        resource_name: "gallery_users",
        key: None,
        in_module,
        id: hcl::quote(&model.group_name),
    });
    let mut attachment = vec![Piece::Text(format!("{}/", model.group_name))];
    attachment.extend(policy_arn);
    imports.push(Import {
        heading: None,
        resource_type: "aws_iam_group_policy_attachment",
        resource_name: "gallery_access",
        key: None,
        in_module,
        id: template(&attachment),
    });

    for user in &model.users {
        imports.push(Import {
            heading: Some(format!(
                "User `{}`. Its access key is not imported: the module creates a new one.",
                user.name
            )),
            resource_type: "aws_iam_user",
            resource_name: "member",
            key: Some(user.name.clone()),
            in_module,
            id: hcl::quote(&user.name),
        });
        imports.push(Import {
            heading: None,
            resource_type: "aws_iam_user_group_membership",
            resource_name: "member",
            key: Some(user.name.clone()),
            in_module,
            id: hcl::quote(&format!("{}/{}", user.name, model.group_name)),
        });
    }
    imports
}

/// What `generate` prints after writing a folder that adopts a setup: where
/// the import file is, how to review the plan, and what to do afterwards.
pub fn next_steps(model: &Model, dir: &Path) -> String {
    let imports_file = dir.join(imports_path(model));
    let count = imports(model).len();
    let mut lines = vec![
        "adopt_existing is on: the setup made by hand is imported, not created again. Next:"
            .to_string(),
    ];
    let remove = if model.root.is_some() {
        lines.push(format!(
            "  1. In {}, delete the import blocks of objects the console setup lacks.",
            imports_file.display()
        ));
        vec![
            "  4. Set `adopt_existing = false` and run `webqsee-s3 generate` again: it removes"
                .to_string(),
            format!("     {}.", imports_file.display()),
        ]
    } else {
        lines.push(format!(
            "  1. Copy {} next to the `module \"{MODULE_CALL}\"` block",
            imports_file.display()
        ));
        lines.push(
            "     of your root configuration: OpenTofu accepts import blocks only in the root module."
                .to_string(),
        );
        vec![
            "  4. Set `adopt_existing = false`, run `webqsee-s3 generate` again (it removes"
                .to_string(),
            format!(
                "     {}), then delete your copy, imports.tofu.",
                imports_file.display()
            ),
        ]
    };
    lines.extend([
        format!("  2. Run `tofu plan`. It must show {count} resources to import and no bucket to replace"),
        "     or destroy; if a bucket would be replaced, stop: its name or region differs from".to_string(),
        "     what exists. The policy is replaced if it was given a description in the console.".to_string(),
        "  3. Run `tofu apply`.".to_string(),
    ]);
    lines.extend(remove);
    lines.extend([
        "Access keys are never imported: a key's secret cannot be read back. The apply creates"
            .to_string(),
        "a new key for each user; the key made in the console keeps working until you delete"
            .to_string(),
        "it in the IAM console. Type the new keys (`tofu output -json access_key_ids` and"
            .to_string(),
        "`tofu output -json secret_access_keys`) into webQsee, then delete the old ones."
            .to_string(),
        format!("{} explains each step.", dir.join("README.md").display()),
    ]);
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// A part of an HCL template string: literal text, or a reference.
enum Piece {
    Text(String),
    Reference(String),
}

/// The policy's ARN, with the account and the partition read from the data
/// sources. The tutorial's policy has the default path, `/`.
fn policy_arn(model: &Model) -> Vec<Piece> {
    vec![
        Piece::Text("arn:".to_string()),
        Piece::Reference(format!("{PARTITION}.partition")),
        Piece::Text(":iam::".to_string()),
        Piece::Reference(format!("{CALLER_IDENTITY}.account_id")),
        Piece::Text(format!(":policy/{}", model.policy_name)),
    ]
}

fn template(pieces: &[Piece]) -> String {
    let mut out = String::from("\"");
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                let quoted = hcl::quote(text);
                out.push_str(&quoted[1..quoted.len() - 1]);
            }
            Piece::Reference(reference) => out.push_str(&format!("${{{reference}}}")),
        }
    }
    out.push('"');
    out
}
