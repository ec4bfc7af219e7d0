//! A data source of the stand-in: returns its configuration with every
//! computed attribute filled in.

use async_trait::async_trait;
use rmpv::Value;
use tf_provider::schema::Schema;
use tf_provider::{AttributePath, DataSource, Diagnostics};

use crate::fill::fill_unknowns;
use crate::model::TypeModel;
use crate::plan::plan;
use crate::settings::{SharedSettings, snapshot};
use crate::terraform_schema::schema_of;
use crate::validate::check_required;

pub struct StandInDataSource {
    model: TypeModel,
    settings: SharedSettings,
}

impl StandInDataSource {
    pub fn new(model: TypeModel, settings: SharedSettings) -> StandInDataSource {
        StandInDataSource { model, settings }
    }
}

#[async_trait]
impl DataSource for StandInDataSource {
    type State<'a> = Value;
    type ProviderMetaState<'a> = Value;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        Some(schema_of(&self.model))
    }

    async fn validate<'a>(&self, diags: &mut Diagnostics, config: Value) -> Option<()> {
        check_required(
            &self.model.type_name,
            &self.model.block,
            &config,
            &AttributePath::root(),
            diags,
        );
        Some(())
    }

    async fn read<'a>(
        &self,
        _diags: &mut Diagnostics,
        config: Value,
        _provider_meta_state: Value,
    ) -> Option<Value> {
        let settings = snapshot(&self.settings);
        let planned = plan(&self.model, &settings, config, None);
        Some(fill_unknowns(&self.model, &settings, planned))
    }
}
