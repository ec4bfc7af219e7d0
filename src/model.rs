//! The checked model: what the module will create. Everything after `check`
//! reads only this, and trusts it.

use std::path::PathBuf;

/// The folders under a team's `items-root/` that webQsee writes to.
pub const ITEM_FOLDERS: [&str; 3] = ["shared", "protected", "private"];

/// The storage type to pick in webQsee's team-wide storage form.
pub const STORAGE_TYPE: &str = "S3 compatible storage, KEY-Auth";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub output_dir: PathBuf,
    pub key_prefix: String,
    pub teams: Teams,
    pub policy_name: String,
    pub group_name: String,
    /// The bucket, policy, group and users already exist, made by hand after the
    /// vendor's tutorial: the module comes with import blocks for them.
    pub adopt_existing: bool,
    /// The AWS partition every bucket lives in (`aws`, `aws-cn`, `aws-us-gov`).
    pub partition: String,
    /// Sorted by name.
    pub buckets: Vec<Bucket>,
    /// Sorted by name.
    pub users: Vec<User>,
    pub cors: Cors,
    /// Set when the output folder is a root configuration rather than a module.
    pub root: Option<Root>,
}

/// What a root configuration adds to the module: the AWS provider and, for
/// OpenTofu, encryption of the state that holds the keys' secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    /// The provider's region: the first bucket's, as written in the config.
    pub provider_region: String,
}

/// Which webQsee teams' items the keys may reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Teams {
    /// Every team, as in the vendor's tutorial (`*` in the ARNs).
    All,
    /// Only these team IDs, sorted.
    Only(Vec<String>),
}

impl Teams {
    /// The team path segments to put in ARNs and prefixes.
    pub fn segments(&self) -> Vec<&str> {
        match self {
            Teams::All => vec!["*"],
            Teams::Only(ids) => ids.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub name: String,
    pub region: String,
    pub encryption: Encryption,
    pub versioning: bool,
    /// A bucket policy that refuses requests not made over TLS.
    pub deny_insecure_transport: bool,
    /// Days after which unfinished multipart uploads are removed; `None` keeps them.
    pub abort_incomplete_uploads_after_days: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encryption {
    /// Default encryption with Amazon S3 managed keys (AES256).
    SseS3,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub name: String,
    /// Names of the user's access keys, oldest first; the last is current.
    pub keys: Vec<String>,
    /// Base64 of a binary OpenPGP public key (line breaks removed), or
    /// `keybase:NAME`: the provider then stores only the encrypted secret.
    pub pgp_key: Option<String>,
}

impl User {
    /// The key to hand out: the newest.
    pub fn current_key(&self) -> &str {
        self.keys.last().map(String::as_str).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cors {
    pub allowed_origins: Vec<String>,
    pub max_age_seconds: u32,
}

/// The methods webQsee uses from the browser.
pub const CORS_METHODS: [&str; 5] = ["PUT", "POST", "GET", "DELETE", "HEAD"];
