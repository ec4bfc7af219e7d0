//! The `provider "aws"` block. The schema file names only the provider's source,
//! not its arguments, so the common ones are listed here; all are optional.

use std::collections::BTreeMap;

use crate::model::{AttributeModel, BlockModel, NestedBlockModel, Presence};
use crate::value_type::ValueType;

pub fn provider_block() -> BlockModel {
    let strings = ["region", "profile", "access_key", "secret_key", "token"]
        .into_iter()
        .chain([
            "sts_region",
            "retry_mode",
            "skip_metadata_api_check",
            "custom_ca_bundle",
        ]);
    let flags = [
        "skip_credentials_validation",
        "skip_region_validation",
        "skip_requesting_account_id",
        "s3_use_path_style",
        "s3_us_east_1_regional_endpoint",
        "insecure",
        "use_fips_endpoint",
        "use_dualstack_endpoint",
    ];
    let string_lists = ["shared_config_files", "shared_credentials_files"];
    let string_sets = ["allowed_account_ids", "forbidden_account_ids"];

    let mut attributes = BTreeMap::new();
    for name in strings {
        let sensitive = matches!(name, "secret_key" | "token");
        attributes.insert(name.to_owned(), optional(ValueType::String, sensitive));
    }
    // `s3_us_east_1_regional_endpoint` is text in the real provider.
    for name in flags {
        let value_type = if name == "s3_us_east_1_regional_endpoint" {
            ValueType::String
        } else {
            ValueType::Bool
        };
        attributes.insert(name.to_owned(), optional(value_type, false));
    }
    for name in string_lists {
        attributes.insert(name.to_owned(), optional(list_of_strings(), false));
    }
    for name in string_sets {
        attributes.insert(
            name.to_owned(),
            optional(list_of_strings().into_set(), false),
        );
    }
    attributes.insert("max_retries".to_owned(), optional(ValueType::Number, false));

    let mut blocks = BTreeMap::new();
    blocks.insert(
        "default_tags".to_owned(),
        single(&[("tags", ValueType::Map(Box::new(ValueType::String)))]),
    );
    blocks.insert(
        "ignore_tags".to_owned(),
        single(&[
            ("keys", list_of_strings().into_set()),
            ("key_prefixes", list_of_strings().into_set()),
        ]),
    );
    let text = || ValueType::String;
    blocks.insert(
        "assume_role".to_owned(),
        single(&[
            ("role_arn", text()),
            ("session_name", text()),
            ("external_id", text()),
            ("duration", text()),
            ("policy", text()),
            ("source_identity", text()),
        ]),
    );
    let services = ["s3", "iam", "sts", "kms", "ssm", "secretsmanager"];
    let endpoints: Vec<(&str, ValueType)> = services.iter().map(|name| (*name, text())).collect();
    blocks.insert("endpoints".to_owned(), repeated(&endpoints));
    BlockModel { attributes, blocks }
}

fn optional(value_type: ValueType, sensitive: bool) -> AttributeModel {
    AttributeModel {
        value_type,
        presence: Presence::Optional,
        sensitive,
        default: None,
    }
}

fn list_of_strings() -> ValueType {
    ValueType::List(Box::new(ValueType::String))
}

fn block_with(attributes: &[(&str, ValueType)]) -> BlockModel {
    let attributes = attributes
        .iter()
        .map(|(name, value_type)| (name.to_string(), optional(value_type.clone(), false)))
        .collect();
    BlockModel {
        attributes,
        blocks: BTreeMap::new(),
    }
}

fn single(attributes: &[(&str, ValueType)]) -> NestedBlockModel {
    NestedBlockModel {
        block: block_with(attributes),
        required: false,
        at_most_one: true,
    }
}

fn repeated(attributes: &[(&str, ValueType)]) -> NestedBlockModel {
    NestedBlockModel {
        block: block_with(attributes),
        required: false,
        at_most_one: false,
    }
}
