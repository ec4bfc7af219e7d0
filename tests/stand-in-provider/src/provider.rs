//! The provider itself: hands Terraform the schema and one resource or data
//! source per entry of the schema file, and keeps the provider block's settings.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use async_trait::async_trait;
use rmpv::Value;
use tf_provider::schema::Schema;
use tf_provider::{Diagnostics, DynamicDataSource, DynamicResource, Provider};

use crate::data_source::StandInDataSource;
use crate::model::{Catalog, TypeModel};
use crate::provider_schema::provider_block;
use crate::resource::StandInResource;
use crate::settings::{ProviderSettings, SharedSettings};
use crate::terraform_schema::{SCHEMA_VERSION, block_of};

/// The name under which tf-provider registers types: it adds `aws_` itself.
pub const PROVIDER_NAME: &str = "aws";

pub struct StandInProvider {
    catalog: Catalog,
    settings: SharedSettings,
}

impl StandInProvider {
    pub fn new(catalog: Catalog) -> StandInProvider {
        StandInProvider {
            catalog,
            settings: Arc::new(RwLock::new(ProviderSettings::default())),
        }
    }
}

/// `aws_s3_bucket` is registered as `s3_bucket`.
fn registered_name(model: &TypeModel) -> String {
    let prefix = format!("{PROVIDER_NAME}_");
    model
        .type_name
        .strip_prefix(&prefix)
        .unwrap_or(&model.type_name)
        .to_owned()
}

#[async_trait]
impl Provider for StandInProvider {
    type Config<'a> = Value;
    type MetaState<'a> = Value;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        let description = format!(
            "Offline stand-in for hashicorp/aws {}: no AWS calls are made",
            self.catalog.version
        );
        Some(Schema {
            version: SCHEMA_VERSION,
            block: block_of(&provider_block(), description),
        })
    }

    async fn configure<'a>(
        &self,
        _diags: &mut Diagnostics,
        _terraform_version: String,
        config: Value,
    ) -> Option<()> {
        let configured = ProviderSettings::from_config(&config);
        match self.settings.write() {
            Ok(mut settings) => *settings = configured,
            Err(poisoned) => *poisoned.into_inner() = configured,
        }
        Some(())
    }

    fn get_resources(
        &self,
        _diags: &mut Diagnostics,
    ) -> Option<HashMap<String, Box<dyn DynamicResource>>> {
        let resources = self.catalog.resources.iter().map(|model| {
            let resource = StandInResource::new(model.clone(), self.settings.clone());
            (
                registered_name(model),
                Box::new(resource) as Box<dyn DynamicResource>,
            )
        });
        Some(resources.collect())
    }

    fn get_data_sources(
        &self,
        _diags: &mut Diagnostics,
    ) -> Option<HashMap<String, Box<dyn DynamicDataSource>>> {
        let data_sources = self.catalog.data_sources.iter().map(|model| {
            let data_source = StandInDataSource::new(model.clone(), self.settings.clone());
            (
                registered_name(model),
                Box::new(data_source) as Box<dyn DynamicDataSource>,
            )
        });
        Some(data_sources.collect())
    }
}
