//! `completions SHELL`: a completion script on stdout.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Outcome;
use crate::cli::Cli;
use crate::error::Error;

pub fn run(shell: Shell) -> Result<Outcome, Error> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "webqsee-s3", &mut std::io::stdout());
    Ok(Outcome::Done)
}
