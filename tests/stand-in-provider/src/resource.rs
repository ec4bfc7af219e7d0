//! A managed resource of the stand-in: plans and applies without calling AWS.

use async_trait::async_trait;
use rmpv::Value;
use tf_provider::schema::Schema;
use tf_provider::{AttributePath, Diagnostic, Diagnostics, Resource};

use crate::fill::fill_unknowns;
use crate::import::imported_state;
use crate::model::TypeModel;
use crate::msgpack::attribute;
use crate::plan::plan;
use crate::schema_rules;
use crate::settings::{ProviderSettings, SharedSettings, snapshot};
use crate::terraform_schema::schema_of;
use crate::validate::check_required;

pub struct StandInResource {
    model: TypeModel,
    settings: SharedSettings,
}

impl StandInResource {
    pub fn new(model: TypeModel, settings: SharedSettings) -> StandInResource {
        StandInResource { model, settings }
    }

    fn settings(&self) -> ProviderSettings {
        snapshot(&self.settings)
    }

    /// Reading returns what was stored, with any computed value still missing
    /// (e.g. right after an import) filled in as apply would.
    fn refreshed(&self, state: Value) -> Value {
        let settings = self.settings();
        fill_unknowns(
            &self.model,
            &settings,
            plan(&self.model, &settings, state, None),
        )
    }
}

#[async_trait]
impl Resource for StandInResource {
    type State<'a> = Value;
    type PrivateState<'a> = Value;
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
        state: Value,
        private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        Some((self.refreshed(state), private_state))
    }

    async fn plan_create<'a>(
        &self,
        _diags: &mut Diagnostics,
        proposed_state: Value,
        _config_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        let planned = plan(&self.model, &self.settings(), proposed_state, None);
        Some((planned, Value::Nil))
    }

    async fn plan_update<'a>(
        &self,
        _diags: &mut Diagnostics,
        prior_state: Value,
        proposed_state: Value,
        _config_state: Value,
        prior_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value, Vec<AttributePath>)> {
        let replaced_by: Vec<AttributePath> = self
            .model
            .block
            .attributes
            .keys()
            .filter(|name| schema_rules::forces_replacement(&self.model.type_name, name))
            .filter(|name| attribute(&prior_state, name) != attribute(&proposed_state, name))
            .map(|name| AttributePath::new(name.clone()))
            .collect();
        let planned = plan(
            &self.model,
            &self.settings(),
            proposed_state,
            Some(&prior_state),
        );
        Some((planned, prior_private_state, replaced_by))
    }

    async fn plan_destroy<'a>(
        &self,
        _diags: &mut Diagnostics,
        _prior_state: Value,
        prior_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<Value> {
        Some(prior_private_state)
    }

    async fn create<'a>(
        &self,
        _diags: &mut Diagnostics,
        planned_state: Value,
        _config_state: Value,
        planned_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        let state = fill_unknowns(&self.model, &self.settings(), planned_state);
        Some((state, planned_private_state))
    }

    async fn update<'a>(
        &self,
        _diags: &mut Diagnostics,
        _prior_state: Value,
        planned_state: Value,
        _config_state: Value,
        planned_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        let state = fill_unknowns(&self.model, &self.settings(), planned_state);
        Some((state, planned_private_state))
    }

    async fn destroy<'a>(
        &self,
        _diags: &mut Diagnostics,
        _prior_state: Value,
        _planned_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<()> {
        Some(())
    }

    async fn import<'a>(&self, diags: &mut Diagnostics, id: String) -> Option<(Value, Value)> {
        match imported_state(&self.model, &id) {
            Ok(state) => Some((state, Value::Nil)),
            Err(error) => {
                diags.add_error(Diagnostic {
                    summary: "Cannot import with this id".into(),
                    detail: error.to_string().into(),
                    attribute: AttributePath::root(),
                });
                None
            }
        }
    }
}
