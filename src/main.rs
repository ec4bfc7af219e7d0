use std::process::ExitCode;

use clap::Parser;
use webqsee_s3::cli::Cli;
use webqsee_s3::commands::{self, Outcome};

/// Exit codes: 0 done (and, for `diff`, no drift), 1 drift, 2 error.
fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Drift) => ExitCode::from(1),
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(2)
        }
    }
}
