//! `check`: validate the configuration and report, without writing anything.
//! `generate` runs the same checks before it writes.

use std::path::Path;

use super::{Outcome, checked};
use crate::config;
use crate::error::Error;

pub fn run(config: Option<&Path>) -> Result<Outcome, Error> {
    let source = config::locate(config)?;
    let model = checked(&source)?;
    eprintln!(
        "{}: no errors ({}, {})",
        source.name(),
        count(model.buckets.len(), "bucket"),
        count(model.users.len(), "user")
    );
    Ok(Outcome::Done)
}

fn count(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{s}")
}
