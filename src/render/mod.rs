//! Model → module: every emitted file, in memory, laid out as `tofu fmt` would.

mod align;
mod context;
pub mod hcl;
mod module;
mod templates;

pub use module::{HEADER, MARKDOWN_HEADER, Module, is_generated};

use crate::model::Model;

/// Renders the module for a model. The same model always gives the same bytes.
pub fn render(model: &Model) -> Module {
    let engine = templates::engine();
    let context = context::build(model);
    let mut module = Module::default();
    let root_files = if model.root.is_some() {
        templates::ROOT_FILES
    } else {
        &[]
    };
    for (path, _) in templates::FILES.iter().chain(root_files) {
        let text = engine
            .render(path, &context)
            .unwrap_or_else(|err| panic!("template {path} failed to render: {err:?}"));
        let text = if path.ends_with(".tf") || path.ends_with(".tofu") {
            align::align_equals(&text)
        } else {
            text
        };
        module.insert(*path, text);
    }
    module
}
