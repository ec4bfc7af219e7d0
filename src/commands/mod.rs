//! One file per subcommand. Each returns what it printed or wrote as an
//! [`Outcome`]; only `main` turns outcomes into exit codes.

mod completions;
mod diff;
mod generate;
mod init;
mod show;

use std::path::Path;

use crate::check;
use crate::cli::{Cli, Command};
use crate::config::{self, Source};
use crate::diagnostic::{Diagnostic, Problems, Severity};
use crate::error::Error;
use crate::model::Model;

/// How a command that did its work ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The command did what was asked; for `diff`, there is no drift.
    Done,
    /// `diff` found the output directory out of date with the configuration.
    Drift,
}

pub fn run(cli: Cli) -> Result<Outcome, Error> {
    let config = cli.config.as_deref();
    match cli.command {
        Command::Init { force } => init::run(config, force),
        Command::Generate {
            out,
            force,
            verbose,
        } => generate::run(&load(config)?, out.as_deref(), force, verbose),
        Command::Diff { out, format, color } => {
            diff::run(&load(config)?, out.as_deref(), format, color)
        }
        Command::Policy => show::policy(&load(config)?),
        Command::Settings => show::settings(&load(config)?),
        Command::Completions { shell } => completions::run(shell),
    }
}

/// Finds, reads and checks the configuration. Warnings go to stderr; any error
/// stops the command before it writes or compares anything.
pub fn load(explicit: Option<&Path>) -> Result<Model, Error> {
    let source = config::locate(explicit)?;
    let (model, diagnostics) = model_from(&source);
    let (warnings, errors): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .into_iter()
        .partition(|d| d.severity == Severity::Warning);
    for warning in &warnings {
        eprintln!("{warning}");
    }
    match model {
        Some(model) if errors.is_empty() => Ok(model),
        _ => Err(Error::Invalid(errors)),
    }
}

/// Reads and checks a configuration source, returning the model if nothing is
/// in error, and every warning and error found.
pub fn model_from(source: &Source) -> (Option<Model>, Vec<Diagnostic>) {
    let mut problems = Problems::default();
    let raw = config::parse(source.text(), &mut problems);
    let model = if problems.has_errors() {
        None
    } else {
        check::resolve(&raw, &mut problems)
    };
    (model, problems.resolve(source))
}
