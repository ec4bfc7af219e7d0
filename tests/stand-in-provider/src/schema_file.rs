//! The schema file as written on disk: `tests/data/aws-6.62.0.json`.
//!
//! This module only parses; `model` decides what the entries mean for Terraform.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use serde::Deserialize;

/// The AWS provider 6.62.0 schema, built into the binary so it needs no file at run time.
pub const EMBEDDED: &str = include_str!("../../data/aws-6.62.0.json");

/// Where `EMBEDDED` comes from, for error messages.
pub const EMBEDDED_PATH: &str = "tests/data/aws-6.62.0.json";

#[derive(Debug, Deserialize)]
pub struct SchemaFile {
    pub version: String,
    pub resources: BTreeMap<String, EntrySpec>,
    pub data_sources: BTreeMap<String, EntrySpec>,
}

/// One resource or data source.
#[derive(Debug, Deserialize)]
pub struct EntrySpec {
    pub attributes: BTreeMap<String, AttributeSpec>,
    #[serde(default)]
    pub blocks: BTreeMap<String, BlockSpec>,
    /// Every top-level name a reference may read, computed-only ones included.
    #[serde(default)]
    pub readable: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct AttributeSpec {
    /// A type expression such as `string` or `array(string)`.
    #[serde(rename = "type")]
    pub type_expr: String,
    pub required: bool,
}

#[derive(Debug, Deserialize)]
pub struct BlockSpec {
    pub attributes: BTreeMap<String, AttributeSpec>,
    #[serde(default)]
    pub blocks: BTreeMap<String, BlockSpec>,
    pub required: bool,
    /// `false` means the block may appear at most once.
    pub list: bool,
}

pub fn parse(text: &str, origin: &str) -> Result<SchemaFile> {
    serde_json::from_str(text)
        .with_context(|| format!("{origin} is not a provider schema the stand-in understands"))
}
