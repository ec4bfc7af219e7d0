//! Planning: what a resource will look like once applied, with every value the
//! provider has yet to choose marked unknown.

use rmpv::Value;

use crate::aws_values::{self, Subject};
use crate::model::{BlockModel, TypeModel};
use crate::msgpack::{self, attribute, attribute_mut, is_unknown};
use crate::settings::ProviderSettings;

/// Plans `proposed` (Terraform's merge of configuration and prior state).
/// `prior` is `None` when the object is being created.
pub fn plan(
    model: &TypeModel,
    settings: &ProviderSettings,
    proposed: Value,
    prior: Option<&Value>,
) -> Value {
    let mut planned = proposed;
    mark_unset_computed(&model.block, &mut planned, prior);
    for name in ["region", "tags_all"] {
        let Some(attribute_model) = model.block.attributes.get(name) else {
            continue;
        };
        if !attribute_model.presence.is_computed() {
            continue;
        }
        // A region once chosen stays; all tags follow `tags` and the provider's defaults.
        let current = attribute(&planned, name).cloned().unwrap_or(Value::Nil);
        let settled = !(current.is_nil() || is_unknown(&current));
        if name == "region" && settled {
            continue;
        }
        let subject = Subject {
            type_name: &model.type_name,
            state: &planned,
            settings,
        };
        if let Some(value) = aws_values::planned_value(&subject, name) {
            msgpack::set_attribute(&mut planned, name, value);
        }
    }
    planned
}

/// Computed attributes left null get their default, or become unknown, unless
/// the object already existed: then null is what the provider chose before.
fn mark_unset_computed(block: &BlockModel, object: &mut Value, prior: Option<&Value>) {
    for (name, model) in &block.attributes {
        if !model.presence.is_computed() || prior.is_some() {
            continue;
        }
        if let Some(slot) = attribute_mut(object, name)
            && slot.is_nil()
        {
            *slot = model.default.clone().unwrap_or_else(msgpack::unknown);
        }
    }
    for (name, nested) in &block.blocks {
        let prior_items = prior
            .and_then(|prior| attribute(prior, name))
            .and_then(Value::as_array);
        let Some(Value::Array(items)) = attribute_mut(object, name) else {
            continue;
        };
        for (index, item) in items.iter_mut().enumerate() {
            let prior_item = prior_items.and_then(|items| items.get(index));
            mark_unset_computed(&nested.block, item, prior_item);
        }
    }
}
