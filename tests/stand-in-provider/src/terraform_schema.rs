//! Writes a resolved model in the terms of the plugin protocol's schema.

use tf_provider::schema::{
    Attribute, AttributeConstraint, Block, Description, NestedBlock, Schema,
};

use crate::model::{BlockModel, Presence, TypeModel};

/// Resource states written by this stand-in carry this schema version.
pub const SCHEMA_VERSION: i64 = 0;

pub fn schema_of(model: &TypeModel) -> Schema {
    let description = format!("Stand-in for {} (no AWS calls are made)", model.type_name);
    Schema {
        version: SCHEMA_VERSION,
        block: block_of(&model.block, description),
    }
}

pub fn block_of(model: &BlockModel, description: String) -> Block {
    let attributes = model
        .attributes
        .iter()
        .map(|(name, attribute)| {
            let constraint = match attribute.presence {
                Presence::Required => AttributeConstraint::Required,
                Presence::Optional => AttributeConstraint::Optional,
                Presence::OptionalComputed => AttributeConstraint::OptionalComputed,
                Presence::Computed => AttributeConstraint::Computed,
            };
            let protocol = Attribute {
                attr_type: attribute.value_type.to_terraform(),
                description: Description::plain(name),
                constraint,
                sensitive: attribute.sensitive,
                deprecated: false,
            };
            (name.clone(), protocol)
        })
        .collect();
    let blocks = model
        .blocks
        .iter()
        .map(|(name, nested)| {
            let inner = block_of(&nested.block, name.clone());
            // Both shapes are lists, as in the real provider, so `rule[0]` works the
            // same. A required block is checked by `validate`, which can name it.
            let protocol = if nested.at_most_one {
                NestedBlock::Optional(inner)
            } else {
                NestedBlock::List(inner)
            };
            (name.clone(), protocol)
        })
        .collect();
    Block {
        version: SCHEMA_VERSION,
        attributes,
        blocks,
        description: Description::plain(description),
        deprecated: false,
    }
}
