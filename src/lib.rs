//! webqsee-s3: webQsee Cloud Gallery storage on Amazon S3, as an OpenTofu module.
//!
//! The data flows one way: a configuration file is parsed ([`config`]), checked
//! into a [`model::Model`] ([`check`]), rendered into an in-memory
//! [`render::Module`] ([`render`], with [`policy`] for the IAM document), and
//! finally written or compared ([`output`]).

pub mod adopt;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod model;
pub mod output;
pub mod policy;
pub mod render;
pub mod settings;
