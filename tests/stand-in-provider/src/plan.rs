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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::fill::fill_unknowns;
    use crate::model::{AttributeModel, NestedBlockModel, Presence};
    use crate::value_type::ValueType;

    fn attribute(presence: Presence) -> AttributeModel {
        AttributeModel {
            value_type: ValueType::String,
            presence,
            sensitive: false,
            default: None,
        }
    }

    /// `aws_example { name, id (computed), rule { status, token (computed) } }`
    fn example() -> TypeModel {
        let rule = BlockModel {
            attributes: BTreeMap::from([
                ("status".to_owned(), attribute(Presence::Required)),
                ("token".to_owned(), attribute(Presence::Computed)),
            ]),
            blocks: BTreeMap::new(),
        };
        let nested = NestedBlockModel {
            block: rule,
            required: false,
            at_most_one: false,
        };
        TypeModel {
            type_name: "aws_example".to_owned(),
            block: BlockModel {
                attributes: BTreeMap::from([
                    ("name".to_owned(), attribute(Presence::Required)),
                    ("id".to_owned(), attribute(Presence::OptionalComputed)),
                ]),
                blocks: BTreeMap::from([("rule".to_owned(), nested)]),
            },
        }
    }

    fn object(pairs: Vec<(&str, Value)>) -> Value {
        Value::Map(
            pairs
                .into_iter()
                .map(|(key, value)| (Value::from(key), value))
                .collect(),
        )
    }

    fn rule(status: &str, token: Value) -> Value {
        object(vec![("status", Value::from(status)), ("token", token)])
    }

    fn token_of(state: &Value, index: usize) -> Value {
        let rules = msgpack::attribute(state, "rule")
            .and_then(Value::as_array)
            .unwrap();
        msgpack::attribute(&rules[index], "token").unwrap().clone()
    }

    #[test]
    fn create_leaves_nested_computed_values_unknown_until_apply() {
        let model = example();
        let settings = ProviderSettings::default();
        let config = object(vec![
            ("name", Value::from("a")),
            ("id", Value::Nil),
            ("rule", Value::Array(vec![rule("on", Value::Nil)])),
        ]);
        let planned = plan(&model, &settings, config, None);
        assert!(is_unknown(msgpack::attribute(&planned, "id").unwrap()));
        assert!(is_unknown(&token_of(&planned, 0)));

        let applied = fill_unknowns(&model, &settings, planned);
        assert!(
            token_of(&applied, 0)
                .as_str()
                .unwrap()
                .starts_with("stand-in-token-")
        );
        assert!(msgpack::text(&applied, "id").is_some());
    }

    #[test]
    fn update_keeps_prior_values_and_plans_only_new_blocks() {
        let model = example();
        let settings = ProviderSettings::default();
        let prior = object(vec![
            ("name", Value::from("a")),
            ("id", Value::from("example-1")),
            ("rule", Value::Array(vec![rule("on", Value::Nil)])),
        ]);
        // Terraform's proposal keeps prior computed values, null ones included,
        // and has no prior value for the rule added at index 1.
        let proposed = object(vec![
            ("name", Value::from("a")),
            ("id", Value::from("example-1")),
            (
                "rule",
                Value::Array(vec![rule("on", Value::Nil), rule("off", Value::Nil)]),
            ),
        ]);
        let planned = plan(&model, &settings, proposed, Some(&prior));
        assert_eq!(msgpack::text(&planned, "id"), Some("example-1"));
        assert_eq!(token_of(&planned, 0), Value::Nil);
        assert!(is_unknown(&token_of(&planned, 1)));
    }
}
