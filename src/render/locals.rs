//! The maps of `locals.tf` that every resource's `for_each` reads. They grow
//! with every user and bucket, so they are written here directly rather than
//! through a template loop: at AWS's 5,000 users that is most of the module.

use serde_json::{Value, json};

use crate::model::{Encryption, Model};

use super::hcl;

/// `local.buckets`: per bucket, its region and which optional resources it gets.
pub fn buckets(model: &Model) -> String {
    map(model.buckets.iter().map(|b| {
        let settings = json!({
            "region": b.region,
            "sse_s3": b.encryption == Encryption::SseS3,
            "versioning": b.versioning,
            "deny_insecure_transport": b.deny_insecure_transport,
        });
        (b.name.as_str(), settings)
    }))
}

/// `local.abort_incomplete_uploads_after_days`: the days per bucket that has
/// the lifecycle rule, and no entry for a bucket without it.
pub fn abort_incomplete_uploads_after_days(model: &Model) -> String {
    map(model.buckets.iter().filter_map(|b| {
        let days = b.abort_incomplete_uploads_after_days?;
        Some((b.name.as_str(), json!(days)))
    }))
}

/// `local.users`: per user, the key names, the current one and, when any user
/// has one, the PGP key.
pub fn users(model: &Model) -> String {
    let any_pgp = model.users.iter().any(|u| u.pgp_key.is_some());
    let mut out = String::with_capacity(model.users.len() * 96);
    out.push_str("{\n");
    for user in &model.users {
        let keys: Vec<String> = user.keys.iter().map(|k| hcl::quote(k)).collect();
        entry_start(&mut out, &user.name);
        attribute(&mut out, "keys", &format!("[{}]", keys.join(", ")));
        attribute(&mut out, "current_key", &hcl::quote(user.current_key()));
        if any_pgp {
            let pgp_key = user
                .pgp_key
                .as_deref()
                .map_or("null".to_string(), hcl::quote);
            attribute(&mut out, "pgp_key", &pgp_key);
        }
        out.push_str("    }\n");
    }
    out.push_str("  }");
    out
}

/// `local.access_keys`: one entry per key, keyed `user/key`.
pub fn access_keys(model: &Model) -> String {
    let mut out = String::with_capacity(model.users.len() * 80);
    out.push_str("{\n");
    for user in &model.users {
        let name = hcl::quote(&user.name);
        for key in &user.keys {
            entry_start(&mut out, &format!("{}/{key}", user.name));
            attribute(&mut out, "user", &name);
            out.push_str("    }\n");
        }
    }
    out.push_str("  }");
    out
}

/// A map keyed by names, as a multi-line HCL object at the depth of a local
/// value. Names are always quoted: they are data, not identifiers.
fn map<'a>(entries: impl Iterator<Item = (&'a str, Value)>) -> String {
    let mut out = String::from("{\n");
    for (name, value) in entries {
        out.push_str("    ");
        out.push_str(&hcl::quote(name));
        out.push_str(" = ");
        out.push_str(&hcl::expression(&value, 2));
        out.push('\n');
    }
    out.push_str("  }");
    out
}

/// Opens the object of one named entry; its attributes follow.
fn entry_start(out: &mut String, name: &str) {
    out.push_str("    ");
    out.push_str(&hcl::quote(name));
    out.push_str(" = {\n");
}

/// One attribute of an entry; `align` lines up the `=` afterwards.
fn attribute(out: &mut String, key: &str, value: &str) {
    out.push_str("      ");
    out.push_str(key);
    out.push_str(" = ");
    out.push_str(value);
    out.push('\n');
}
