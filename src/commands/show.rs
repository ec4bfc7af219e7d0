//! `policy` and `settings`: print what the module will set up.

use super::Outcome;
use crate::error::Error;
use crate::model::Model;
use crate::{policy, settings};

pub fn policy(model: &Model) -> Result<Outcome, Error> {
    let document = policy::document(model);
    let text = serde_json::to_string_pretty(&document).expect("a JSON value always serializes");
    println!("{text}");
    Ok(Outcome::Done)
}

pub fn settings(model: &Model) -> Result<Outcome, Error> {
    print!("{}", settings::form(model));
    Ok(Outcome::Done)
}
