//! `terraform-provider-aws`: an offline stand-in for the hashicorp/aws provider.
//!
//! It serves the real provider 6.62.0 schema (from `tests/data/aws-6.62.0.json`)
//! over Terraform's plugin protocol 6, so `terraform init/validate/plan/apply`
//! run without network or AWS account. Nothing is created anywhere: computed
//! values are made up deterministically.

mod aws_values;
mod data_source;
mod digest;
mod fill;
mod import;
mod model;
mod msgpack;
mod plan;
mod provider;
mod provider_schema;
mod resource;
mod schema_file;
mod schema_rules;
mod settings;
mod terraform_schema;
mod validate;
mod value_type;

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::model::Catalog;
use crate::provider::{PROVIDER_NAME, StandInProvider};

/// Terraform sets this variable when it starts a plugin; people running the binary do not.
const PLUGIN_COOKIE: &str = "TF_PLUGIN_MAGIC_COOKIE";

#[tokio::main]
async fn main() -> ExitCode {
    if std::env::var_os(PLUGIN_COOKIE).is_none() {
        eprintln!(
            "terraform-provider-aws (stand-in) is a Terraform plugin: Terraform starts it.\n\
             Install it with scripts/install-tools.sh and run terraform with \
             TF_CLI_CONFIG_FILE=.tools/terraformrc."
        );
        return ExitCode::FAILURE;
    }
    match serve().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("terraform-provider-aws (stand-in): {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve() -> Result<()> {
    let catalog = load_catalog()?;
    tf_provider::serve(PROVIDER_NAME, StandInProvider::new(catalog))
        .await
        .context("the plugin server stopped with an error")
}

fn load_catalog() -> Result<Catalog> {
    let file = schema_file::parse(schema_file::EMBEDDED, schema_file::EMBEDDED_PATH)?;
    Catalog::resolve(&file).with_context(|| {
        format!(
            "{} has an entry the stand-in cannot serve",
            schema_file::EMBEDDED_PATH
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_schema_resolves() {
        let catalog = load_catalog().expect("the embedded schema resolves");
        assert_eq!(catalog.version, "6.62.0");
        assert!(
            catalog
                .resources
                .iter()
                .any(|model| model.type_name == "aws_s3_bucket")
        );
        assert!(
            catalog
                .data_sources
                .iter()
                .any(|model| model.type_name == "aws_caller_identity")
        );
    }
}
