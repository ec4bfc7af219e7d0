//! AWS regions: which exist, which partition each belongs to, and which an
//! account must enable before use.

use crate::config::{RawBucket, Spanned};
use crate::diagnostic::Problems;

/// One region S3 buckets and IAM users can be made in.
struct Region {
    name: &'static str,
    /// The first field of every ARN in this region: `aws`, `aws-cn` or `aws-us-gov`.
    partition: &'static str,
    /// Disabled in a new account until its owner enables it; creating a bucket
    /// there fails until then.
    opt_in: bool,
}

const fn region(name: &'static str, partition: &'static str, opt_in: bool) -> Region {
    Region {
        name,
        partition,
        opt_in,
    }
}

const REGIONS: &[Region] = &[
    region("af-south-1", "aws", true),
    region("ap-east-1", "aws", true),
    region("ap-east-2", "aws", true),
    region("ap-northeast-1", "aws", false),
    region("ap-northeast-2", "aws", false),
    region("ap-northeast-3", "aws", false),
    region("ap-south-1", "aws", false),
    region("ap-south-2", "aws", true),
    region("ap-southeast-1", "aws", false),
    region("ap-southeast-2", "aws", false),
    region("ap-southeast-3", "aws", true),
    region("ap-southeast-4", "aws", true),
    region("ap-southeast-5", "aws", true),
    region("ap-southeast-6", "aws", true),
    region("ap-southeast-7", "aws", true),
    region("ca-central-1", "aws", false),
    region("ca-west-1", "aws", true),
    region("eu-central-1", "aws", false),
    region("eu-central-2", "aws", true),
    region("eu-north-1", "aws", false),
    region("eu-south-1", "aws", true),
    region("eu-south-2", "aws", true),
    region("eu-west-1", "aws", false),
    region("eu-west-2", "aws", false),
    region("eu-west-3", "aws", false),
    region("il-central-1", "aws", true),
    region("me-central-1", "aws", true),
    region("me-south-1", "aws", true),
    region("mx-central-1", "aws", true),
    region("sa-east-1", "aws", false),
    region("us-east-1", "aws", false),
    region("us-east-2", "aws", false),
    region("us-west-1", "aws", false),
    region("us-west-2", "aws", false),
    region("cn-north-1", "aws-cn", false),
    region("cn-northwest-1", "aws-cn", false),
    region("us-gov-east-1", "aws-us-gov", false),
    region("us-gov-west-1", "aws-us-gov", false),
];

fn find(name: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.name == name)
}

/// The partition of a known region.
pub fn partition(region: &str) -> Option<&'static str> {
    find(region).map(|r| r.partition)
}

/// Reports a region that does not exist, with the closest real one, and warns
/// about an opt-in region, which fails at apply time in accounts that have not
/// enabled it.
pub fn check(region: &Spanned<String>, problems: &mut Problems) {
    let name = region.value.as_str();
    if let Some(known) = find(name) {
        if known.opt_in {
            problems
                .warning(
                    region.span.clone(),
                    format!("`{name}` is an opt-in region: new accounts cannot use it until it is enabled"),
                )
                .help(format!(
                    "if `tofu apply` fails to create the bucket, enable `{name}` in the AWS console under Account → AWS Regions"
                ));
        }
        return;
    }

    problems.error(
        region.span.clone(),
        format!("`{name}` is not an AWS region"),
    );
    let lower = name.trim().to_ascii_lowercase();
    let zone_region = lower
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .filter(|r| find(r).is_some());
    if find(&lower).is_some() {
        problems.help(format!("region codes are lower case: write `{lower}`"));
    } else if let Some(region) = zone_region {
        problems.help(format!(
            "`{name}` is an availability zone; write its region, `{region}`"
        ));
    } else if let Some(close) = closest(&lower) {
        problems.help(format!("did you mean `{close}`?"));
    } else {
        problems.help("write a region code such as `eu-central-1` or `us-east-1`");
    }
}

/// The region a typo most likely meant: two edits away at most. Region codes
/// look alike, so a looser match would suggest unrelated regions.
fn closest(given: &str) -> Option<&'static str> {
    const MAX_EDITS: usize = 2;
    REGIONS
        .iter()
        .map(|r| (strsim::levenshtein(given, r.name), r.name))
        .filter(|(edits, _)| *edits <= MAX_EDITS)
        .min()
        .map(|(_, name)| name)
}

/// The one partition every bucket shares, reporting each bucket in another:
/// one policy cannot name ARNs of two partitions, and one account lives in
/// one partition. Buckets with no region or an unknown one are skipped; they
/// are reported on their own.
pub fn common_partition(buckets: &[RawBucket], problems: &mut Problems) -> Option<&'static str> {
    let mut first: Option<(&'static str, &str)> = None;
    for bucket in buckets {
        let Some(region) = &bucket.region else {
            continue;
        };
        let Some(partition) = partition(&region.value) else {
            continue;
        };
        match first {
            None => first = Some((partition, &bucket.name.value)),
            Some((first_partition, first_bucket)) if first_partition != partition => {
                problems
                    .error(
                        region.span.clone(),
                        format!(
                            "bucket `{}` is in `{}`, partition `{partition}`, but bucket `{first_bucket}` is in partition `{first_partition}`",
                            bucket.name.value, region.value
                        ),
                    )
                    .help("IAM users and policies cannot span partitions: write one config per partition, each generating its own module");
            }
            Some(_) => {}
        }
    }
    first.map(|(partition, _)| partition)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_is_listed_once_in_a_known_partition() {
        let mut names: Vec<&str> = REGIONS.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), REGIONS.len());
        for region in REGIONS {
            assert!(
                ["aws", "aws-cn", "aws-us-gov"].contains(&region.partition),
                "{}",
                region.name
            );
            let expected = if region.name.starts_with("cn-") {
                "aws-cn"
            } else if region.name.starts_with("us-gov-") {
                "aws-us-gov"
            } else {
                "aws"
            };
            assert_eq!(region.partition, expected, "{}", region.name);
        }
    }

    #[test]
    fn the_partitions_of_china_and_govcloud() {
        assert_eq!(partition("cn-north-1"), Some("aws-cn"));
        assert_eq!(partition("us-gov-west-1"), Some("aws-us-gov"));
        assert_eq!(partition("eu-central-1"), Some("aws"));
        assert_eq!(partition("eu-central1"), None);
    }

    #[test]
    fn near_misses_get_the_region_they_meant() {
        assert_eq!(closest("eu-central1"), Some("eu-central-1"));
        assert_eq!(closest("us-east"), Some("us-east-1"));
        assert_eq!(closest("eu-west-4"), Some("eu-west-1"));
        assert_eq!(closest("mars-north-1"), None);
        assert_eq!(closest("frankfurt"), None);
    }

    #[test]
    fn opt_in_regions_are_the_ones_launched_since_2019() {
        let opt_in: Vec<&str> = REGIONS
            .iter()
            .filter(|r| r.opt_in)
            .map(|r| r.name)
            .collect();
        assert!(opt_in.contains(&"af-south-1"));
        assert!(opt_in.contains(&"eu-south-2"));
        assert!(!opt_in.contains(&"eu-central-1"));
        assert!(!opt_in.contains(&"us-east-1"));
        assert!(!opt_in.contains(&"cn-north-1"));
    }
}
