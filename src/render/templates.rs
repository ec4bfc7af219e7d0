//! The templates of the emitted files, compiled into the binary.

use std::collections::HashMap;

use tera::{Tera, Value};

use super::hcl;

/// The files of every module: each one's path in the module and its template.
pub const FILES: &[(&str, &str)] = &[
    ("README.md", include_str!("../../templates/README.md")),
    ("iam.tf", include_str!("../../templates/iam.tf")),
    ("locals.tf", include_str!("../../templates/locals.tf")),
    ("outputs.tf", include_str!("../../templates/outputs.tf")),
    ("s3.tf", include_str!("../../templates/s3.tf")),
    ("versions.tf", include_str!("../../templates/versions.tf")),
];

/// The files only a root configuration has (`root = true`).
pub const ROOT_FILES: &[(&str, &str)] = &[
    (
        "encryption.tofu",
        include_str!("../../templates/encryption.tofu"),
    ),
    ("providers.tf", include_str!("../../templates/providers.tf")),
];

/// The import blocks, rendered only when the configuration adopts a setup made
/// by hand; the module keeps exactly the files above otherwise.
pub const IMPORTS: (&str, &str) = ("imports.tofu", include_str!("../../templates/imports.tofu"));

/// A template engine holding every file's template.
pub fn engine() -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on(Vec::new());
    tera.add_raw_templates(FILES.iter().chain(ROOT_FILES).copied().chain([IMPORTS]))
        .expect("the embedded templates are valid Tera templates");
    tera.register_filter("hcl", hcl_filter);
    tera
}

/// `{{ value | hcl }}`: the value as a one-line HCL literal.
fn hcl_filter(value: &Value, _args: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(Value::String(hcl::expression(value, 0)))
}
