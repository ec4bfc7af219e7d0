//! Applying: every value the plan left unknown gets its deterministic final value.

use rmpv::Value;

use crate::aws_values::{self, Subject};
use crate::digest;
use crate::model::{BlockModel, TypeModel};
use crate::msgpack::{self, attribute, is_unknown};
use crate::settings::ProviderSettings;
use crate::value_type::ValueType;

/// Attributes that others are derived from come first: an ARN needs the name.
const FIRST: [&str; 7] = ["bucket", "name", "path", "region", "tags_all", "id", "arn"];

pub fn fill_unknowns(model: &TypeModel, settings: &ProviderSettings, planned: Value) -> Value {
    let mut state = planned;
    let later = model
        .block
        .attributes
        .keys()
        .map(String::as_str)
        .filter(|name| !FIRST.contains(name));
    for name in FIRST.into_iter().chain(later) {
        let Some(attribute_model) = model.block.attributes.get(name) else {
            continue;
        };
        if !attribute(&state, name).is_some_and(is_unknown) {
            continue;
        }
        let subject = Subject {
            type_name: &model.type_name,
            state: &state,
            settings,
        };
        let value = aws_values::applied_value(&subject, name).unwrap_or_else(|| {
            neutral(
                &attribute_model.value_type,
                &[&model.type_name, &aws_values::seed(&subject), name],
            )
        });
        msgpack::set_attribute(&mut state, name, value);
    }
    let subject = Subject {
        type_name: &model.type_name,
        state: &state,
        settings,
    };
    let seed = aws_values::seed(&subject);
    fill_nested_blocks(&model.block, &mut state, &[&model.type_name, &seed]);
    state
}

/// Nested blocks have no AWS-specific rules: their unknowns get neutral values.
fn fill_nested_blocks(block: &BlockModel, object: &mut Value, seed: &[&str]) {
    for (block_name, nested) in &block.blocks {
        let Some(Value::Array(items)) = msgpack::attribute_mut(object, block_name) else {
            continue;
        };
        for (index, item) in items.iter_mut().enumerate() {
            let position = index.to_string();
            let mut item_seed = seed.to_vec();
            item_seed.extend([block_name.as_str(), position.as_str()]);
            for (name, attribute_model) in &nested.block.attributes {
                if let Some(slot) = msgpack::attribute_mut(item, name)
                    && is_unknown(slot)
                {
                    let mut attribute_seed = item_seed.clone();
                    attribute_seed.push(name);
                    *slot = neutral(&attribute_model.value_type, &attribute_seed);
                }
            }
            fill_nested_blocks(&nested.block, item, &item_seed);
        }
    }
}

/// A plain value of the right type: a recognisable string, zero, false, or empty.
fn neutral(value_type: &ValueType, seed: &[&str]) -> Value {
    match value_type {
        ValueType::String => {
            let name = seed.last().copied().unwrap_or("value");
            Value::from(format!("stand-in-{name}-{}", digest::hex(seed, 8)))
        }
        ValueType::Number => Value::from(0),
        ValueType::Bool => Value::from(false),
        ValueType::List(_) | ValueType::Set(_) => Value::Array(Vec::new()),
        ValueType::Map(_) => Value::Map(Vec::new()),
    }
}
