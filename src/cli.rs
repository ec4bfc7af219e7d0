//! The command line, as clap reads it. Nothing here does any work.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

/// Generates the OpenTofu/Terraform module that gives webQsee's Cloud Gallery
/// its Amazon S3 storage, and checks that a committed copy is up to date.
#[derive(Debug, Parser)]
#[command(name = "webqsee-s3", version, about, max_term_width = 100)]
pub struct Cli {
    /// The configuration file [default: ./webqsee.hcl if present, else the
    /// embedded defaults]
    #[arg(long, global = true, value_name = "FILE", env = "WEBQSEE_S3_CONFIG")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a commented configuration with the defaults to ./webqsee.hcl (or
    /// the --config path)
    Init {
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// Check the configuration and report every problem, writing nothing
    /// (exit 0 when it has no errors, 2 otherwise)
    Check,
    /// Write the module to the configured output directory
    Generate {
        /// Write here instead of the config's `output_dir`; unlike it, may lie
        /// outside the working directory
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Replace files without the generated header that stand where the
        /// module puts its own (files of other names are never touched)
        #[arg(long)]
        force: bool,
        /// Also list the files that were already up to date
        #[arg(long, short)]
        verbose: bool,
    },
    /// Compare the module the configuration generates with the output
    /// directory; write nothing. Exit code 0: no drift, 1: drift, 2: error
    Diff {
        /// Compare with this directory instead of the config's `output_dir`
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// A unified diff and a summary line, or one JSON document for bots
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Colour the text diff; `auto` colours only a terminal and honours NO_COLOR
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = Color::Auto)]
        color: Color,
    },
    /// Print the IAM policy document as JSON
    Policy,
    /// Print, per bucket, what to type into webQsee's team-wide storage form
    Settings,
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: Shell,
    },
}

/// How `diff` reports drift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}
