//! `generate`: render the module and write it.

use std::path::Path;

use super::Outcome;
use crate::adopt;
use crate::error::Error;
use crate::model::Model;
use crate::output;
use crate::render;

pub fn run(
    model: &Model,
    out: Option<&Path>,
    force: bool,
    verbose: bool,
) -> Result<Outcome, Error> {
    let module = render::render(model);
    let dir = out.unwrap_or(&model.output_dir);
    let report = output::write(&module, dir, force)?;
    for line in report.lines(verbose) {
        eprintln!("{line}");
    }
    if model.adopt_existing {
        eprint!("{}", adopt::next_steps(model, dir));
    }
    Ok(Outcome::Done)
}
