//! The model as the values templates read.

use serde_json::{Value, json};

use crate::adopt;
use crate::model::{CORS_METHODS, Encryption, ITEM_FOLDERS, Model, STORAGE_TYPE, Teams, User};
use crate::policy;
use crate::settings;

use super::module::{HEADER, MARKDOWN_HEADER};
use super::{hcl, locals};

/// The most users the generated README lists one by one.
const MAX_LISTED_USERS: usize = 12;

pub fn build(model: &Model) -> tera::Context {
    let buckets: Vec<Value> = model
        .buckets
        .iter()
        .map(|b| {
            json!({
                "name": b.name,
                "region": b.region,
                "sse_s3": b.encryption == Encryption::SseS3,
                "versioning": b.versioning,
                "deny_insecure_transport": b.deny_insecure_transport,
                "abort_days": b.abort_incomplete_uploads_after_days.unwrap_or(0),
                "connection_settings": settings::connection_settings(b),
            })
        })
        .collect();

    // Past a dozen users, the README counts them instead of listing each one.
    let listed_users: Vec<Value> = if model.users.len() <= MAX_LISTED_USERS {
        model.users.iter().map(user_summary).collect()
    } else {
        Vec::new()
    };

    // The team path segment as the README writes it: several teams are one
    // placeholder, listed after the paths.
    let (teams_label, team_ids) = match &model.teams {
        Teams::All => ("*".to_string(), String::new()),
        Teams::Only(ids) if ids.len() == 1 => (ids[0].clone(), String::new()),
        Teams::Only(ids) => ("TEAM".to_string(), backticked(ids)),
    };

    let mut context = tera::Context::new();
    context.insert("header", HEADER);
    context.insert("markdown_header", MARKDOWN_HEADER);
    context.insert(
        "output_dir",
        &model.output_dir.to_string_lossy().replace('\\', "/"),
    );
    context.insert("key_prefix", &model.key_prefix);
    context.insert("teams_label", &teams_label);
    context.insert("team_ids", &team_ids);
    context.insert("item_folders", &ITEM_FOLDERS);
    context.insert("policy_name", &model.policy_name);
    context.insert("group_name", &model.group_name);
    context.insert("policy", &hcl::expression(&policy::document(model), 1));
    context.insert("storage_type", STORAGE_TYPE);
    context.insert(
        "cors",
        &json!({
            "methods": CORS_METHODS,
            "allowed_origins": model.cors.allowed_origins,
            "max_age_seconds": model.cors.max_age_seconds,
        }),
    );
    context.insert("cors_methods", &backticked(&CORS_METHODS));
    context.insert("cors_origins", &backticked(&model.cors.allowed_origins));
    context.insert(
        "any_sse_s3",
        &model
            .buckets
            .iter()
            .any(|b| b.encryption == Encryption::SseS3),
    );
    context.insert(
        "any_versioning",
        &model.buckets.iter().any(|b| b.versioning),
    );
    context.insert(
        "any_unversioned",
        &model.buckets.iter().any(|b| !b.versioning),
    );
    context.insert(
        "any_abort_uploads",
        &model
            .buckets
            .iter()
            .any(|b| b.abort_incomplete_uploads_after_days.is_some()),
    );
    context.insert(
        "any_deny_insecure_transport",
        &model.buckets.iter().any(|b| b.deny_insecure_transport),
    );
    let pgp_users: Vec<&str> = model
        .users
        .iter()
        .filter(|u| u.pgp_key.is_some())
        .map(|u| u.name.as_str())
        .collect();
    context.insert("any_pgp", &!pgp_users.is_empty());
    context.insert("pgp_users", &backticked(&pgp_users));
    context.insert("buckets", &buckets);
    context.insert("listed_users", &listed_users);
    context.insert("user_count", &model.users.len());
    context.insert("first_user", &model.users.first().map(user_summary));
    context.insert("locals_buckets", &locals::buckets(model));
    context.insert(
        "locals_abort_incomplete_uploads",
        &locals::abort_incomplete_uploads_after_days(model),
    );
    context.insert("locals_users", &locals::users(model));
    context.insert("locals_access_keys", &locals::access_keys(model));
    context.insert(
        "root",
        &model.root.as_ref().map(|root| {
            json!({
                "provider_region": root.provider_region,
            })
        }),
    );
    insert_adoption(&mut context, model);
    context
}

/// What the README says of one user.
fn user_summary(user: &User) -> Value {
    json!({
        "name": user.name,
        "keys": user.keys,
        "current_key": user.current_key(),
        "pgp_key": user.pgp_key,
    })
}

/// The import blocks, and what the README says about adopting a setup; none
/// are built when the switch is off.
fn insert_adoption(context: &mut tera::Context, model: &Model) {
    let imports = if model.adopt_existing {
        adopt::imports(model)
    } else {
        Vec::new()
    };
    let imports: Vec<Value> = imports
        .iter()
        .map(|import| {
            json!({
                "heading": import.heading,
                "to": import.to(),
                "id": import.id,
            })
        })
        .collect();
    context.insert("adopt_existing", &model.adopt_existing);
    context.insert("imports_path", adopt::imports_path(model));
    context.insert("module_call", adopt::MODULE_CALL);
    context.insert("import_count", &imports.len());
    context.insert("imports", &imports);
    let user_names: Vec<&str> = if model.adopt_existing {
        model.users.iter().map(|u| u.name.as_str()).collect()
    } else {
        Vec::new()
    };
    context.insert("user_names", &backticked(&user_names));
}

/// `a`, `b`, `c`: a list for prose in the generated README.
fn backticked(items: &[impl AsRef<str>]) -> String {
    items
        .iter()
        .map(|item| format!("`{}`", item.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}
