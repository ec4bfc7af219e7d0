//! Model → module: every emitted file, in memory, laid out as `tofu fmt` would.

mod align;
mod context;
pub mod hcl;
mod locals;
mod module;
mod templates;

pub use module::{HEADER, MARKDOWN_HEADER, Module, is_generated};

use crate::adopt;
use crate::model::Model;

/// Renders the module for a model. The same model always gives the same bytes.
pub fn render(model: &Model) -> Module {
    let engine = templates::engine();
    let context = context::build(model);
    let render = |template: &str| {
        let text = engine
            .render(template, &context)
            .unwrap_or_else(|err| panic!("template {template} failed to render: {err:?}"));
        if template.ends_with(".tf") || template.ends_with(".tofu") {
            align::align_equals(&text)
        } else {
            text
        }
    };
    let root_files = if model.root.is_some() {
        templates::ROOT_FILES
    } else {
        &[]
    };
    let mut module = Module::default();
    for (path, _) in templates::FILES.iter().chain(root_files) {
        module.insert(*path, render(path));
    }
    if model.adopt_existing {
        module.insert(adopt::imports_path(model), render(templates::IMPORTS.0));
    }
    module
}
