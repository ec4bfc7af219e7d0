//! `diff`: render the module and compare it with the output directory. Writes
//! nothing; the report goes to stdout, the summary and notes to stderr.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Outcome;
use crate::cli::{Color, Format};
use crate::error::Error;
use crate::model::Model;
use crate::output::{self, Status, report};
use crate::render;

pub fn run(
    model: &Model,
    out: Option<&Path>,
    format: Format,
    color: Color,
) -> Result<Outcome, Error> {
    let module = render::render(model);
    let dir = out.unwrap_or(&model.output_dir);
    let drift = output::compare(&module, dir)?;

    let product = match format {
        Format::Text => report::text(&drift, wants_color(color)),
        Format::Json => {
            let document = report::json(&drift);
            serde_json::to_string_pretty(&document).expect("a JSON value always serializes") + "\n"
        }
    };
    std::io::stdout()
        .lock()
        .write_all(product.as_bytes())
        .map_err(|err| Error::io("cannot write the report", Path::new("<stdout>"), err))?;

    if format == Format::Text {
        if !drift.dir_exists {
            eprintln!("{}: does not exist", dir.display());
        }
        for file in &drift.files {
            let path = dir.join(&file.path);
            if let Some(note) = report::note(file) {
                eprintln!("{}: {note}", path.display());
            }
            if file.status == Status::Changed && file.is_users_file() {
                eprintln!(
                    "{}: has no generated header; `generate` replaces it only with --force",
                    path.display()
                );
            }
        }
        eprintln!("{}", report::summary(&drift));
    }

    Ok(if drift.is_clean() {
        Outcome::Done
    } else {
        Outcome::Drift
    })
}

/// `always` and `never` are obeyed; `auto` colours only a terminal, and not
/// when `NO_COLOR` is set to anything but the empty string.
fn wants_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            !no_color && std::io::stdout().is_terminal()
        }
    }
}
