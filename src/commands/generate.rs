//! `generate`: render the module and write it.

use std::path::Path;

use super::Outcome;
use crate::adopt;
use crate::error::Error;
use crate::model::Model;
use crate::output::{self, Action};
use crate::render;

pub fn run(
    model: &Model,
    out: Option<&Path>,
    force: bool,
    verbose: bool,
) -> Result<Outcome, Error> {
    let module = render::render(model);
    let dir = match out {
        // Named on the command line: the person running it chose the place.
        Some(out) => out,
        None => {
            output::confine(&model.output_dir)?;
            &model.output_dir
        }
    };
    let report = output::write(&module, dir, force)?;
    for line in report.lines(verbose) {
        eprintln!("{line}");
    }
    let unchanged = report.count(Action::Unchanged);
    if !verbose && unchanged == report.files.len() {
        eprintln!(
            "{}: up to date ({unchanged} files unchanged)",
            dir.display()
        );
    }
    if model.adopt_existing {
        eprint!("{}", adopt::next_steps(model, dir));
    }
    Ok(Outcome::Done)
}
