//! Raw configuration → checked [`Model`]. Every problem is collected, with its
//! place, before anything is generated.

mod regions;
mod users;

use std::path::PathBuf;

use crate::config::{RawBucket, RawConfig, RawCors, Spanned};
use crate::diagnostic::{Problems, did_you_mean};
use crate::model::{Bucket, Cors, Encryption, Model, Root, Teams, User};

const DEFAULT_OUTPUT_DIR: &str = "modules/webqsee-s3";
const DEFAULT_KEY_PREFIX: &str = "webqsee";
const DEFAULT_IAM_NAME: &str = "webqsee-admin";
const DEFAULT_ABORT_UPLOADS_DAYS: u32 = 7;
const DEFAULT_MAX_AGE_SECONDS: u32 = 3600;

/// Checks a raw configuration. Returns the model when nothing is in error;
/// warnings and errors alike land in `problems`.
pub fn resolve(raw: &RawConfig, problems: &mut Problems) -> Option<Model> {
    let buckets: Vec<Bucket> = raw
        .buckets
        .iter()
        .filter_map(|b| bucket(b, problems))
        .collect();
    let users: Vec<User> = raw
        .users
        .iter()
        .filter_map(|u| users::user(u, problems))
        .collect();
    let partition = partition(&buckets, raw, problems);
    // The first bucket as written, before sorting, gives the provider its region.
    let root = raw
        .root
        .as_ref()
        .filter(|root| root.value)
        .and(buckets.first())
        .map(|first| Root {
            provider_region: first.region.clone(),
        });

    if raw.buckets.is_empty() {
        problems
            .error(0..0, "the configuration has no `bucket` block")
            .help("add one, for example `bucket \"webqsee\" { region = \"eu-central-1\" }`");
    }
    if raw.users.is_empty() {
        problems
            .error(0..0, "the configuration has no `user` block")
            .help("add one, for example `user \"webqsee-admin-user\" {}`");
    }

    let model = Model {
        output_dir: PathBuf::from(text_or(&raw.output_dir, DEFAULT_OUTPUT_DIR)),
        key_prefix: text_or(&raw.key_prefix, DEFAULT_KEY_PREFIX),
        teams: teams(raw.teams.as_ref(), problems),
        policy_name: text_or(&raw.policy_name, DEFAULT_IAM_NAME),
        group_name: text_or(&raw.group_name, DEFAULT_IAM_NAME),
        partition: partition.unwrap_or("aws").to_string(),
        buckets: sorted_by_name(buckets, |b| &b.name),
        users: sorted_by_name(users, |u| &u.name),
        cors: cors(raw.cors.as_ref(), problems),
        root,
    };
    (!problems.has_errors()).then_some(model)
}

fn text_or(value: &Option<Spanned<String>>, default: &str) -> String {
    value
        .as_ref()
        .map_or_else(|| default.to_string(), |v| v.value.clone())
}

fn sorted_by_name<T>(mut items: Vec<T>, name: impl Fn(&T) -> &String) -> Vec<T> {
    items.sort_by(|a, b| name(a).cmp(name(b)));
    items
}

fn bucket(raw: &RawBucket, problems: &mut Problems) -> Option<Bucket> {
    let Some(region) = &raw.region else {
        problems
            .error(
                raw.span.clone(),
                format!("bucket `{}` has no `region`", raw.name.value),
            )
            .help("add `region = \"eu-central-1\"` (or the region you want) to the block");
        return None;
    };
    if regions::partition(&region.value).is_none() {
        problems.error(
            region.span.clone(),
            format!("`{}` is not an AWS region", region.value),
        );
        match did_you_mean(&region.value, regions::names()) {
            Some(close) => problems.help(format!("did you mean `{close}`?")),
            None => problems.help("use a region code such as `eu-central-1` or `us-east-1`"),
        };
    }

    let encryption = match raw.encryption.as_ref().map(|e| e.value.as_str()) {
        None | Some("sse-s3") => Encryption::SseS3,
        Some("none") => Encryption::None,
        Some(other) => {
            let span = raw
                .encryption
                .as_ref()
                .map(|e| e.span.clone())
                .unwrap_or_default();
            problems
                .error(span, format!("`{other}` is not a supported encryption"))
                .help("use `\"sse-s3\"` (Amazon S3 managed keys, the one webQsee was tested with) or `\"none\"`");
            Encryption::SseS3
        }
    };

    let abort_days = match &raw.abort_incomplete_uploads_after_days {
        None => Some(DEFAULT_ABORT_UPLOADS_DAYS),
        Some(days) if days.value == 0 => None,
        Some(days) => match u32::try_from(days.value) {
            Ok(d) if d <= 3650 => Some(d),
            _ => {
                problems
                    .error(
                        days.span.clone(),
                        format!("`{}` days is out of range", days.value),
                    )
                    .help("use a number of days from 1 to 3650, or 0 to keep unfinished uploads");
                None
            }
        },
    };

    Some(Bucket {
        name: raw.name.value.clone(),
        region: region.value.clone(),
        encryption,
        versioning: raw.versioning.as_ref().is_some_and(|v| v.value),
        deny_insecure_transport: raw.deny_insecure_transport.as_ref().is_none_or(|v| v.value),
        abort_incomplete_uploads_after_days: abort_days,
    })
}

/// The one partition all buckets share: a policy cannot name ARNs of two.
fn partition(buckets: &[Bucket], raw: &RawConfig, problems: &mut Problems) -> Option<&'static str> {
    let mut found: Option<(&'static str, &str)> = None;
    for (bucket, raw_bucket) in buckets.iter().zip(&raw.buckets) {
        let Some(partition) = regions::partition(&bucket.region) else {
            continue;
        };
        match found {
            None => found = Some((partition, &bucket.name)),
            Some((first, first_bucket)) if first != partition => {
                let span = raw_bucket
                    .region
                    .as_ref()
                    .map(|r| r.span.clone())
                    .unwrap_or_default();
                problems
                    .error(
                        span,
                        format!(
                            "bucket `{}` is in partition `{partition}`, but bucket `{first_bucket}` is in `{first}`",
                            bucket.name
                        ),
                    )
                    .help("IAM users and policies cannot span partitions: generate one module per partition, each from its own config");
            }
            Some(_) => {}
        }
    }
    found.map(|(partition, _)| partition)
}

fn teams(raw: Option<&Spanned<Vec<Spanned<String>>>>, problems: &mut Problems) -> Teams {
    let Some(raw) = raw else {
        return Teams::All;
    };
    if raw.value.iter().any(|t| t.value == "*") {
        if raw.value.len() > 1 {
            problems
                .error(raw.span.clone(), "`*` must be the only entry of `teams`")
                .help("use `[\"*\"]` for every team, or list team IDs without `*`");
        }
        return Teams::All;
    }
    if raw.value.is_empty() {
        problems
            .error(
                raw.span.clone(),
                "`teams` is empty, so the keys could reach nothing",
            )
            .help("use `[\"*\"]` for every team, or list the webQsee team IDs");
        return Teams::All;
    }
    let mut ids: Vec<String> = raw.value.iter().map(|t| t.value.clone()).collect();
    ids.sort();
    ids.dedup();
    Teams::Only(ids)
}

fn cors(raw: Option<&RawCors>, problems: &mut Problems) -> Cors {
    let allowed_origins = raw.and_then(|c| c.allowed_origins.as_ref()).map_or_else(
        || vec!["*".to_string()],
        |o| o.value.iter().map(|s| s.value.clone()).collect(),
    );
    let max_age_seconds = match raw.and_then(|c| c.max_age_seconds.as_ref()) {
        None => DEFAULT_MAX_AGE_SECONDS,
        Some(age) => u32::try_from(age.value).unwrap_or_else(|_| {
            problems
                .error(
                    age.span.clone(),
                    format!("`{}` seconds is out of range", age.value),
                )
                .help("use a number of seconds from 0 to 86400");
            DEFAULT_MAX_AGE_SECONDS
        }),
    };
    if let Some(origins) = raw.and_then(|c| c.allowed_origins.as_ref())
        && origins.value.is_empty()
    {
        problems
            .error(
                origins.span.clone(),
                "`allowed_origins` is empty, so no browser could reach the bucket",
            )
            .help("use `[\"*\"]`, or the extension's origin such as `\"chrome-extension://ID\"`");
    }
    Cors {
        allowed_origins,
        max_age_seconds,
    }
}
