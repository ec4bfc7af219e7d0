//! What the `provider "aws"` block configured, shared by every resource.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use rmpv::Value;

use crate::msgpack;

/// Used when the provider block names no region, as a place-holder for the
/// real provider's environment and profile lookup.
pub const FALLBACK_REGION: &str = "us-east-1";

/// The account every caller of the stand-in belongs to.
pub const ACCOUNT_ID: &str = "123456789012";

#[derive(Clone, Debug)]
pub struct ProviderSettings {
    pub region: String,
    pub default_tags: BTreeMap<String, String>,
}

impl Default for ProviderSettings {
    fn default() -> Self {
        ProviderSettings {
            region: FALLBACK_REGION.to_owned(),
            default_tags: BTreeMap::new(),
        }
    }
}

impl ProviderSettings {
    /// Reads the provider block's `region` and `default_tags { tags = {...} }`.
    pub fn from_config(config: &Value) -> ProviderSettings {
        let mut settings = ProviderSettings::default();
        if let Some(region) = msgpack::given_text(config, "region") {
            settings.region = region.to_owned();
        }
        let default_tags = msgpack::attribute(config, "default_tags")
            .and_then(Value::as_array)
            .and_then(|blocks| blocks.first());
        if let Some(tags) = default_tags.and_then(|block| msgpack::attribute(block, "tags")) {
            settings.default_tags = string_map(tags);
        }
        settings
    }
}

pub type SharedSettings = Arc<RwLock<ProviderSettings>>;

/// The known string entries of a map value.
pub fn string_map(value: &Value) -> BTreeMap<String, String> {
    value
        .as_map()
        .map(|entries| {
            entries
                .iter()
                .filter_map(|(key, value)| {
                    Some((key.as_str()?.to_owned(), value.as_str()?.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A copy of the current settings. A writer that panicked still left complete
/// settings behind, so a poisoned lock is read all the same.
pub fn snapshot(shared: &SharedSettings) -> ProviderSettings {
    match shared.read() {
        Ok(settings) => settings.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}
