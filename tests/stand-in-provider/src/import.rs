//! `terraform import`: from the id the user gives to a first state holding that
//! id and the argument that identifies the object. Reading then fills the rest.

use anyhow::{Result, bail};
use rmpv::Value;

use crate::model::{BlockModel, TypeModel};
use crate::msgpack::set_attribute;

pub fn imported_state(model: &TypeModel, id: &str) -> Result<Value> {
    if id.is_empty() {
        bail!("{} cannot be imported from an empty id", model.type_name);
    }
    let mut state = empty_object(&model.block);
    set_attribute(&mut state, "id", Value::from(id));
    let type_name = model.type_name.as_str();
    match type_name {
        _ if type_name.starts_with("aws_s3_bucket") => {
            // Bucket configurations may be imported as `bucket,expected_bucket_owner`.
            let (bucket, owner) = id.split_once(',').unwrap_or((id, ""));
            set_attribute(&mut state, "bucket", Value::from(bucket));
            if !owner.is_empty() {
                set_attribute(&mut state, "expected_bucket_owner", Value::from(owner));
            }
        }
        "aws_iam_user" | "aws_iam_group" | "aws_iam_role" => {
            set_attribute(&mut state, "name", Value::from(id));
        }
        "aws_iam_policy" => {
            let Some((_, path_and_name)) = id.split_once(":policy/") else {
                bail!(
                    "aws_iam_policy is imported by its ARN, like \
                     arn:aws:iam::123456789012:policy/NAME, but got \"{id}\""
                );
            };
            let (path, name) = match path_and_name.rsplit_once('/') {
                Some((path, name)) => (format!("/{path}/"), name),
                None => ("/".to_owned(), path_and_name),
            };
            set_attribute(&mut state, "arn", Value::from(id));
            set_attribute(&mut state, "name", Value::from(name));
            set_attribute(&mut state, "path", Value::from(path));
        }
        "aws_iam_user_group_membership" => {
            let mut parts = id.split('/');
            let user = parts.next().unwrap_or_default();
            let groups: Vec<Value> = parts.map(Value::from).collect();
            if user.is_empty() || groups.is_empty() {
                bail!(
                    "aws_iam_user_group_membership is imported as USER/GROUP1/GROUP2..., but got \"{id}\""
                );
            }
            set_attribute(&mut state, "user", Value::from(user));
            set_attribute(&mut state, "groups", Value::Array(groups));
        }
        "aws_iam_group_policy_attachment" | "aws_iam_user_policy_attachment" => {
            let owner = if type_name == "aws_iam_group_policy_attachment" {
                "group"
            } else {
                "user"
            };
            let Some((name, policy_arn)) = id.split_once('/').filter(|(_, arn)| !arn.is_empty())
            else {
                bail!(
                    "{type_name} is imported as {}/POLICY_ARN, but got \"{id}\"",
                    owner.to_uppercase()
                );
            };
            set_attribute(&mut state, owner, Value::from(name));
            set_attribute(&mut state, "policy_arn", Value::from(policy_arn));
        }
        _ => {}
    }
    Ok(state)
}

/// Every attribute null and every nested block absent.
fn empty_object(block: &BlockModel) -> Value {
    let attributes = block
        .attributes
        .keys()
        .map(|name| (Value::from(name.as_str()), Value::Nil));
    let blocks = block
        .blocks
        .keys()
        .map(|name| (Value::from(name.as_str()), Value::Array(Vec::new())));
    Value::Map(attributes.chain(blocks).collect())
}
