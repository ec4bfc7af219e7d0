//! One file per subcommand. Each returns what it printed or wrote as an
//! [`Outcome`]; only `main` turns outcomes into exit codes.

mod check;
mod completions;
mod diff;
mod generate;
mod init;
mod show;

use std::path::Path;

use crate::cli::{Cli, Command};
use crate::config::{self, Source};
use crate::diagnostic::{Diagnostic, Problems};
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
        Command::Check => check::run(config),
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
    checked(&config::locate(explicit)?)
}

/// Checks a configuration source. Without errors, its warnings go to stderr
/// and the model is returned; otherwise every problem, warnings included, is
/// returned in source order.
fn checked(source: &Source) -> Result<Model, Error> {
    let (model, diagnostics) = model_from(source);
    let Some(model) = model else {
        return Err(Error::Invalid(diagnostics));
    };
    for warning in &diagnostics {
        eprintln!("{warning}");
    }
    Ok(model)
}

/// Reads and checks a configuration source, returning the model if nothing is
/// in error, and every warning and error found.
pub fn model_from(source: &Source) -> (Option<Model>, Vec<Diagnostic>) {
    let mut problems = Problems::default();
    let raw = config::parse(source.text(), &mut problems);
    let model = crate::check::resolve(&raw, &mut problems);
    (model, problems.resolve(source))
}
