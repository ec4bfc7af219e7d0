//! The configuration as written: every value with the place it was written, not
//! yet checked against AWS's rules. `check` turns it into the model.

use std::ops::Range;

/// A value and the byte range of the source it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Spanned { value, span }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawConfig {
    pub output_dir: Option<Spanned<String>>,
    pub key_prefix: Option<Spanned<String>>,
    pub teams: Option<Spanned<Vec<Spanned<String>>>>,
    pub policy_name: Option<Spanned<String>>,
    pub group_name: Option<Spanned<String>>,
    /// Emit a root configuration (provider and state encryption) instead of a
    /// child module.
    pub root: Option<Spanned<bool>>,
    pub adopt_existing: Option<Spanned<bool>>,
    pub buckets: Vec<RawBucket>,
    pub users: Vec<RawUser>,
    pub cors: Option<RawCors>,
}

#[derive(Debug, Clone)]
pub struct RawBucket {
    pub name: Spanned<String>,
    pub region: Option<Spanned<String>>,
    pub encryption: Option<Spanned<String>>,
    pub versioning: Option<Spanned<bool>>,
    pub deny_insecure_transport: Option<Spanned<bool>>,
    pub abort_incomplete_uploads_after_days: Option<Spanned<i64>>,
    /// Accept a name with dots, which browsers cannot reach over HTTPS.
    pub allow_dotted_name: Option<Spanned<bool>>,
    /// The whole block, for problems about what it lacks.
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct RawUser {
    pub name: Spanned<String>,
    pub keys: Option<Spanned<Vec<Spanned<String>>>>,
    pub pgp_key: Option<Spanned<String>>,
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct RawCors {
    pub allowed_origins: Option<Spanned<Vec<Spanned<String>>>>,
    pub max_age_seconds: Option<Spanned<i64>>,
    pub span: Range<usize>,
}
