//! Terraform's values as MessagePack: objects are maps keyed by attribute name,
//! null is nil, and a value not known yet is extension type 0.

use rmpv::Value;

pub fn unknown() -> Value {
    Value::Ext(0, vec![0])
}

pub fn is_unknown(value: &Value) -> bool {
    matches!(value, Value::Ext(0, _))
}

pub fn attribute<'a>(object: &'a Value, name: &str) -> Option<&'a Value> {
    object
        .as_map()?
        .iter()
        .find(|(key, _)| key.as_str() == Some(name))
        .map(|(_, value)| value)
}

pub fn attribute_mut<'a>(object: &'a mut Value, name: &str) -> Option<&'a mut Value> {
    match object {
        Value::Map(entries) => entries
            .iter_mut()
            .find(|(key, _)| key.as_str() == Some(name))
            .map(|(_, value)| value),
        _ => None,
    }
}

/// Replaces the attribute's value, adding the attribute when it is missing.
pub fn set_attribute(object: &mut Value, name: &str, value: Value) {
    if let Some(slot) = attribute_mut(object, name) {
        *slot = value;
    } else if let Value::Map(entries) = object {
        entries.push((Value::from(name), value));
    }
}

/// The attribute's text, when it is a known string.
pub fn text<'a>(object: &'a Value, name: &str) -> Option<&'a str> {
    attribute(object, name)?.as_str()
}

/// The attribute's text, unless it is null, unknown or empty.
pub fn given_text<'a>(object: &'a Value, name: &str) -> Option<&'a str> {
    text(object, name).filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_is_not_null() {
        assert!(is_unknown(&unknown()));
        assert!(!is_unknown(&Value::Nil));
    }

    #[test]
    fn sets_and_reads_attributes() {
        let mut object = Value::Map(vec![(Value::from("bucket"), Value::Nil)]);
        set_attribute(&mut object, "bucket", Value::from("photos"));
        set_attribute(&mut object, "region", Value::from("eu-central-1"));
        assert_eq!(text(&object, "bucket"), Some("photos"));
        assert_eq!(given_text(&object, "region"), Some("eu-central-1"));
        assert_eq!(text(&object, "missing"), None);
    }
}
