//! Configuration checks Terraform leaves to the provider: required nested
//! blocks (and, as a second line, required arguments).

use rmpv::Value;
use tf_provider::{AttributePath, Diagnostic, Diagnostics};

use crate::model::{BlockModel, Presence};
use crate::msgpack::{attribute, is_unknown};

/// Adds one error per missing required argument or block. Values not known
/// yet (e.g. from `for_each` or `dynamic` blocks) are given the benefit of the doubt.
pub fn check_required(
    type_name: &str,
    block: &BlockModel,
    config: &Value,
    path: &AttributePath,
    diags: &mut Diagnostics,
) {
    if is_unknown(config) || config.is_nil() {
        return;
    }
    let place = describe(type_name, path);
    for (name, model) in &block.attributes {
        if model.presence == Presence::Required && attribute(config, name).is_none_or(Value::is_nil)
        {
            diags.add_error(Diagnostic {
                summary: "Missing required argument".into(),
                detail: format!("{place} needs the argument \"{name}\", but it is not set.").into(),
                attribute: path.clone().attribute(name.clone()),
            });
        }
    }
    for (name, nested) in &block.blocks {
        let value = attribute(config, name);
        if value.is_some_and(is_unknown) {
            continue;
        }
        let items = value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if nested.required && items.is_empty() {
            let how_many = if nested.at_most_one {
                "one"
            } else {
                "at least one"
            };
            diags.add_error(Diagnostic {
                summary: format!("Missing required block \"{name}\"").into(),
                detail: format!("{place} needs {how_many} \"{name}\" block, but none is written.")
                    .into(),
                attribute: path.clone().attribute(name.clone()),
            });
        }
        for (index, item) in items.iter().enumerate() {
            let item_path = path.clone().attribute(name.clone()).index(index as i64);
            check_required(type_name, &nested.block, item, &item_path, diags);
        }
    }
}

fn describe(type_name: &str, path: &AttributePath) -> String {
    if path.steps.is_empty() {
        type_name.to_owned()
    } else {
        format!("The block {path} of {type_name}")
    }
}
