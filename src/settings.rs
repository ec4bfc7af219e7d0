//! What a team admin types into webQsee's team-wide storage form.

use serde_json::json;

use crate::model::{Bucket, Model, STORAGE_TYPE};

/// The connection settings JSON webQsee expects for Amazon S3: only the region.
/// The same text as the module's `jsonencode({ region = ... })`.
pub fn connection_settings(bucket: &Bucket) -> String {
    json!({ "region": bucket.region }).to_string()
}

/// The form, once per bucket, as shown by `webqsee-s3 settings`.
pub fn form(model: &Model) -> String {
    let mut out = String::new();
    for (i, bucket) in model.buckets.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("Storage type:        {STORAGE_TYPE}\n"));
        out.push_str(&format!("Bucket:              {}\n", bucket.name));
        out.push_str(&format!(
            "Connection settings: {}\n",
            connection_settings(bucket)
        ));
    }
    out
}
