//! Attribute types: parsed from the schema file's type expressions, written out
//! in Terraform's own type notation.

use anyhow::{Result, bail};
use tf_provider::schema::AttributeType;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueType {
    String,
    Number,
    Bool,
    List(Box<ValueType>),
    Set(Box<ValueType>),
    Map(Box<ValueType>),
}

impl ValueType {
    /// Reads `string`, `number`, `boolean`, `array(T)` and `map(T)`.
    pub fn parse(expr: &str) -> Result<ValueType> {
        let expr = expr.trim();
        if let Some(inner) = wrapped(expr, "array") {
            return Ok(ValueType::List(Box::new(ValueType::parse(inner)?)));
        }
        if let Some(inner) = wrapped(expr, "map") {
            return Ok(ValueType::Map(Box::new(ValueType::parse(inner)?)));
        }
        Ok(match expr {
            "string" => ValueType::String,
            "number" => ValueType::Number,
            "boolean" | "bool" => ValueType::Bool,
            other => bail!(
                "type `{other}` is unknown; expected string, number, boolean, array(T) or map(T)"
            ),
        })
    }

    /// The same collection, but unordered: for attributes the real provider keeps as sets.
    pub fn into_set(self) -> ValueType {
        match self {
            ValueType::List(element) => ValueType::Set(element),
            other => other,
        }
    }

    pub fn to_terraform(&self) -> AttributeType {
        match self {
            ValueType::String => AttributeType::String,
            ValueType::Number => AttributeType::Number,
            ValueType::Bool => AttributeType::Bool,
            ValueType::List(element) => AttributeType::List(Box::new(element.to_terraform())),
            ValueType::Set(element) => AttributeType::Set(Box::new(element.to_terraform())),
            ValueType::Map(element) => AttributeType::Map(Box::new(element.to_terraform())),
        }
    }
}

fn wrapped<'a>(expr: &'a str, constructor: &str) -> Option<&'a str> {
    expr.strip_prefix(constructor)?
        .strip_prefix('(')?
        .strip_suffix(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_type_the_schema_file_uses() {
        assert_eq!(ValueType::parse("string").unwrap(), ValueType::String);
        assert_eq!(ValueType::parse("number").unwrap(), ValueType::Number);
        assert_eq!(ValueType::parse("boolean").unwrap(), ValueType::Bool);
        assert_eq!(
            ValueType::parse("array(string)").unwrap(),
            ValueType::List(Box::new(ValueType::String))
        );
        assert_eq!(
            ValueType::parse("map(array(number))").unwrap(),
            ValueType::Map(Box::new(ValueType::List(Box::new(ValueType::Number))))
        );
    }

    #[test]
    fn names_the_type_it_cannot_read() {
        let error = ValueType::parse("tuple(string)").unwrap_err().to_string();
        assert!(error.contains("`tuple(string)`"), "{error}");
    }
}
