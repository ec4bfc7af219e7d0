//! The IAM policy webQsee's keys get: object access under each team's
//! `items-root/` folders, and listing limited to those prefixes.

use serde_json::{Value, json};

use crate::model::{ITEM_FOLDERS, Model};

/// The policy document for the model, with statements, actions and resources in
/// a fixed order.
pub fn document(model: &Model) -> Value {
    let teams = model.teams.segments();

    let mut object_arns = Vec::new();
    let mut bucket_arns = Vec::new();
    for bucket in &model.buckets {
        let bucket_arn = format!("arn:{}:s3:::{}", model.partition, bucket.name);
        for team in &teams {
            for folder in ITEM_FOLDERS {
                object_arns.push(format!(
                    "{bucket_arn}/{}/{team}/items-root/{folder}/*",
                    model.key_prefix
                ));
            }
        }
        bucket_arns.push(bucket_arn);
    }

    let prefixes: Vec<String> = teams
        .iter()
        .flat_map(|team| {
            let root = format!("{}/{team}/items-root/", model.key_prefix);
            let everything_below = format!("{root}*");
            [root, everything_below]
        })
        .collect();

    json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": [
                    "s3:GetObject",
                    "s3:PutObject",
                    "s3:DeleteObject",
                    "s3:AbortMultipartUpload"
                ],
                "Resource": object_arns,
            },
            {
                "Effect": "Allow",
                "Action": ["s3:ListBucket"],
                "Resource": bucket_arns,
                "Condition": {
                    "StringLike": {
                        "s3:prefix": prefixes,
                    }
                }
            }
        ]
    })
}

/// The document as IAM counts it against the 6,144-character quota: JSON
/// without whitespace.
pub fn quota_size(document: &Value) -> usize {
    document.to_string().chars().count()
}
