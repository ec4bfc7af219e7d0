//! Raw configuration → checked [`Model`]. Every problem is collected, with its
//! place, before anything is generated.

mod adoption;
mod bucket_names;
mod characters;
mod cors;
mod iam_names;
mod output_dir;
mod prefixes;
mod quotas;
mod regions;
mod users;

use crate::config::{RawBucket, RawConfig, Spanned};
use crate::diagnostic::Problems;
use crate::model::{Bucket, Encryption, Model, Root, User};

use iam_names::Kind;

const DEFAULT_OUTPUT_DIR: &str = "modules/webqsee-s3";
const DEFAULT_KEY_PREFIX: &str = "webqsee";
const DEFAULT_IAM_NAME: &str = "webqsee-admin";
const DEFAULT_ABORT_UPLOADS_DAYS: u32 = 7;

/// Checks a raw configuration, which may be partial when parsing found
/// problems: whatever was read is still checked, so one run shows every
/// problem. Returns the model when nothing is in error; warnings and errors
/// alike land in `problems`.
pub fn resolve(raw: &RawConfig, problems: &mut Problems) -> Option<Model> {
    // A block that could not be read is already reported; saying it is
    // missing as well would only mislead.
    let unreadable = problems.has_errors();

    let buckets: Vec<Bucket> = raw
        .buckets
        .iter()
        .filter_map(|b| bucket(b, problems))
        .collect();
    bucket_names::duplicates(&raw.buckets, problems);
    iam_names::users(&raw.users, problems);
    let users: Vec<User> = raw
        .users
        .iter()
        .filter_map(|u| users::user(u, problems))
        .collect();
    for (kind, name) in [
        (Kind::Policy, &raw.policy_name),
        (Kind::Group, &raw.group_name),
    ] {
        if let Some(name) = name {
            iam_names::check(kind, name, problems);
        }
    }
    let partition = regions::common_partition(&raw.buckets, problems);
    // The first bucket as written, before sorting, gives the provider its region.
    let root = raw
        .root
        .as_ref()
        .filter(|root| root.value)
        .and(buckets.first())
        .map(|first| Root {
            provider_region: first.region.clone(),
        });
    adoption::check(raw, problems);

    if raw.buckets.is_empty() && !unreadable {
        problems
            .error(0..0, "the configuration has no `bucket` block")
            .help("add one, for example `bucket \"webqsee\" { region = \"eu-central-1\" }`");
    }
    if raw.users.is_empty() && !unreadable {
        problems
            .error(0..0, "the configuration has no `user` block")
            .help("add one, for example `user \"webqsee-admin-user\" {}`");
    }

    let model = Model {
        output_dir: output_dir::resolve(raw.output_dir.as_ref(), DEFAULT_OUTPUT_DIR, problems),
        key_prefix: prefixes::key_prefix(raw.key_prefix.as_ref(), DEFAULT_KEY_PREFIX, problems),
        teams: prefixes::teams(raw.teams.as_ref(), problems),
        policy_name: text_or(&raw.policy_name, DEFAULT_IAM_NAME),
        group_name: text_or(&raw.group_name, DEFAULT_IAM_NAME),
        adopt_existing: raw.adopt_existing.as_ref().is_some_and(|a| a.value),
        partition: partition.unwrap_or("aws").to_string(),
        buckets: sorted_by_name(buckets, |b| &b.name),
        users: sorted_by_name(users, |u| &u.name),
        cors: cors::resolve(raw.cors.as_ref(), problems),
        root,
    };
    quotas::check(&model, raw, problems);
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
    // A `region` that could not be read is reported already, not as missing.
    let unreadable = problems.has_errors_within(&raw.span);
    bucket_names::check(raw, problems);
    let Some(region) = &raw.region else {
        if unreadable {
            return None;
        }
        problems
            .error(
                raw.span.clone(),
                format!("bucket `{}` has no `region`", raw.name.value),
            )
            .help("add `region = \"eu-central-1\"` (or the region you want) to the block");
        return None;
    };
    regions::check(region, problems);

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
                        format!(
                            "`abort_incomplete_uploads_after_days` `{}` is out of range",
                            days.value
                        ),
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
