//! What the schema file does not say but the real provider does: which arguments
//! the provider fills in itself, their defaults, which values are secret, which
//! lists are sets, what type computed-only attributes have, and which changes
//! replace the object.
//!
//! The choices aim at one property: after `apply`, a second `plan` shows no changes.

use rmpv::Value;

use crate::value_type::ValueType;

/// Arguments that are optional for the user and filled by the provider when left out.
pub fn is_provider_filled_argument(type_name: &str, top_level: bool, attribute: &str) -> bool {
    if !top_level {
        return false;
    }
    match (type_name, attribute) {
        (_, "id" | "region" | "arn" | "tags_all") => true,
        // Named from a prefix, or generated, when neither is given.
        ("aws_s3_bucket", "bucket") => true,
        ("aws_iam_policy" | "aws_iam_role", "name") => true,
        ("aws_region", "name" | "endpoint") => true,
        _ => default_value(type_name, attribute).is_some(),
    }
}

/// The value the real provider plans when the user leaves an argument out.
pub fn default_value(type_name: &str, attribute: &str) -> Option<Value> {
    let iam_with_path = matches!(
        type_name,
        "aws_iam_user" | "aws_iam_group" | "aws_iam_policy" | "aws_iam_role"
    );
    match (type_name, attribute) {
        (_, "path") if iam_with_path => Some(Value::from("/")),
        ("aws_s3_bucket" | "aws_iam_user" | "aws_iam_role", "force_destroy") => {
            Some(Value::from(false))
        }
        ("aws_iam_access_key", "status") => Some(Value::from("Active")),
        ("aws_s3_bucket_lifecycle_configuration", "transition_default_minimum_object_size") => {
            Some(Value::from("all_storage_classes_128K"))
        }
        _ => None,
    }
}

/// Values Terraform must hide in plans and outputs, as the real provider marks them.
pub fn is_sensitive(type_name: &str, attribute: &str) -> bool {
    match attribute {
        "secret"
        | "ses_smtp_password_v4"
        | "password"
        | "secret_string"
        | "secret_binary"
        | "plaintext"
        | "random_password"
        | "service_password"
        | "service_credential_secret" => true,
        "value" => type_name == "aws_ssm_parameter",
        _ => false,
    }
}

/// Lists the real provider keeps unordered. `block_path` is the chain of nested
/// block names leading to the attribute, empty at the top level.
pub fn is_set(type_name: &str, block_path: &[&str], attribute: &str) -> bool {
    matches!(
        (type_name, block_path, attribute),
        ("aws_iam_user_group_membership", [], "groups")
            | ("aws_iam_group_membership", [], "users")
            | (
                "aws_s3_bucket_cors_configuration" | "aws_s3_bucket",
                ["cors_rule"],
                "allowed_headers" | "allowed_methods" | "allowed_origins" | "expose_headers",
            )
    )
}

/// The schema file gives no type for computed-only attributes; these follow the
/// real provider for the names that are not strings.
pub fn computed_only_type(attribute: &str) -> ValueType {
    let strings = || Box::new(ValueType::String);
    match attribute {
        "tags" | "tags_all" | "metadata" => ValueType::Map(strings()),
        "arns"
        | "names"
        | "ids"
        | "keys"
        | "values"
        | "owners"
        | "types"
        | "paths"
        | "cidr_blocks"
        | "ipv6_cidr_blocks"
        | "thumbprint_list"
        | "client_id_list"
        | "platform_types"
        | "policy_names"
        | "version_stages"
        | "encryption_algorithms"
        | "signing_algorithms"
        | "approved_patches"
        | "rejected_patches"
        | "common_prefixes"
        | "buckets"
        | "users"
        | "access_keys" => ValueType::List(strings()),
        "attachment_count"
        | "content_length"
        | "max_session_duration"
        | "pending_deletion_window_in_days"
        | "registration_count" => ValueType::Number,
        "enabled"
        | "expired"
        | "bucket_key_enabled"
        | "key_rotation_enabled"
        | "multi_region"
        | "rotation_enabled"
        | "all_allowed"
        | "has_secret_string_wo"
        | "has_value_wo"
        | "object_lock_enabled"
        | "supported"
        | "approved_patches_enable_non_security"
        | "expire_passwords" => ValueType::Bool,
        _ => ValueType::String,
    }
}

/// Top-level arguments whose change destroys and recreates the object.
pub fn forces_replacement(type_name: &str, attribute: &str) -> bool {
    match (type_name, attribute) {
        (_, "bucket") if type_name.starts_with("aws_s3_") => true,
        ("aws_s3_bucket", "bucket_prefix" | "object_lock_enabled") => true,
        ("aws_iam_policy", "name" | "name_prefix" | "path" | "description") => true,
        ("aws_iam_access_key", "user" | "pgp_key") => true,
        ("aws_iam_group_policy_attachment", "group" | "policy_arn") => true,
        ("aws_iam_user_policy_attachment", "user" | "policy_arn") => true,
        ("aws_iam_user_group_membership", "user") => true,
        _ => false,
    }
}
