//! The resolved shape of every resource and data source: what each attribute
//! is, who sets it, and how nested blocks repeat. Built once from the schema file.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use rmpv::Value;

use crate::schema_file::{AttributeSpec, BlockSpec, EntrySpec, SchemaFile};
use crate::schema_rules;
use crate::value_type::ValueType;

/// Who gives an attribute its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// The user must set it.
    Required,
    /// The user may set it; left out, it stays null.
    Optional,
    /// The user may set it; left out, the provider fills it.
    OptionalComputed,
    /// Only the provider sets it.
    Computed,
}

impl Presence {
    pub fn is_computed(self) -> bool {
        matches!(self, Presence::OptionalComputed | Presence::Computed)
    }
}

#[derive(Clone, Debug)]
pub struct AttributeModel {
    pub value_type: ValueType,
    pub presence: Presence,
    pub sensitive: bool,
    /// Planned when the user leaves the attribute out.
    pub default: Option<Value>,
}

#[derive(Clone, Debug, Default)]
pub struct BlockModel {
    pub attributes: BTreeMap<String, AttributeModel>,
    pub blocks: BTreeMap<String, NestedBlockModel>,
}

#[derive(Clone, Debug)]
pub struct NestedBlockModel {
    pub block: BlockModel,
    /// At least one instance must be written.
    pub required: bool,
    /// At most one instance may be written.
    pub at_most_one: bool,
}

/// A resource type or data source type, e.g. `aws_s3_bucket`.
#[derive(Clone, Debug)]
pub struct TypeModel {
    pub type_name: String,
    pub block: BlockModel,
}

pub struct Catalog {
    pub version: String,
    pub resources: Vec<TypeModel>,
    pub data_sources: Vec<TypeModel>,
}

impl Catalog {
    pub fn resolve(file: &SchemaFile) -> Result<Catalog> {
        let resolve_all = |entries: &BTreeMap<String, EntrySpec>, kind: &str| {
            entries
                .iter()
                .map(|(name, entry)| resolve_type(name, kind, entry))
                .collect::<Result<Vec<_>>>()
        };
        Ok(Catalog {
            version: file.version.clone(),
            resources: resolve_all(&file.resources, "resource")?,
            data_sources: resolve_all(&file.data_sources, "data source")?,
        })
    }
}

/// `kind` is "resource" or "data source", for error messages.
fn resolve_type(type_name: &str, kind: &str, entry: &EntrySpec) -> Result<TypeModel> {
    let mut block = resolve_block(type_name, &[], &entry.attributes, &entry.blocks)
        .with_context(|| format!("in {kind} {type_name}"))?;
    for name in &entry.readable {
        if block.attributes.contains_key(name) || block.blocks.contains_key(name) {
            continue;
        }
        let computed_only = AttributeModel {
            value_type: schema_rules::computed_only_type(name),
            presence: Presence::Computed,
            sensitive: schema_rules::is_sensitive(type_name, name),
            default: None,
        };
        block.attributes.insert(name.clone(), computed_only);
    }
    Ok(TypeModel {
        type_name: type_name.to_owned(),
        block,
    })
}

fn resolve_block(
    type_name: &str,
    block_path: &[&str],
    attributes: &BTreeMap<String, AttributeSpec>,
    blocks: &BTreeMap<String, BlockSpec>,
) -> Result<BlockModel> {
    let mut model = BlockModel::default();
    for (name, spec) in attributes {
        let attribute = resolve_attribute(type_name, block_path, name, spec)
            .with_context(|| format!("attribute {}", dotted(block_path, name)))?;
        model.attributes.insert(name.clone(), attribute);
    }
    for (name, spec) in blocks {
        let mut inner_path = block_path.to_vec();
        inner_path.push(name);
        let block = resolve_block(type_name, &inner_path, &spec.attributes, &spec.blocks)?;
        let nested = NestedBlockModel {
            block,
            required: spec.required,
            at_most_one: !spec.list,
        };
        model.blocks.insert(name.clone(), nested);
    }
    Ok(model)
}

fn resolve_attribute(
    type_name: &str,
    block_path: &[&str],
    name: &str,
    spec: &AttributeSpec,
) -> Result<AttributeModel> {
    let mut value_type = ValueType::parse(&spec.type_expr)?;
    if schema_rules::is_set(type_name, block_path, name) {
        value_type = value_type.into_set();
    }
    let top_level = block_path.is_empty();
    let presence = if spec.required {
        Presence::Required
    } else if schema_rules::is_provider_filled_argument(type_name, top_level, name) {
        Presence::OptionalComputed
    } else {
        Presence::Optional
    };
    let default = if top_level {
        schema_rules::default_value(type_name, name)
    } else {
        None
    };
    Ok(AttributeModel {
        value_type,
        presence,
        sensitive: schema_rules::is_sensitive(type_name, name),
        default,
    })
}

fn dotted(block_path: &[&str], name: &str) -> String {
    let mut parts = block_path.to_vec();
    parts.push(name);
    parts.join(".")
}
