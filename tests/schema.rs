//! Every emitted block against the AWS provider 6.62.0 schema (a copy in
//! tests/data): types, arguments and nested blocks exist, required ones are
//! there, and every reference reads an attribute the provider exposes.

mod common;

use std::collections::BTreeSet;

use hcl::{Block, Body};
use regex::Regex;
use serde_json::Value;

/// Arguments and blocks that Terraform itself reads, on every resource.
const META_ARGUMENTS: &[&str] = &["for_each", "count", "depends_on", "provider"];
const META_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];

fn schema() -> Value {
    let path = common::repo_root().join("tests/data/aws-6.62.0.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_block_fits_the_provider_schema() {
    let schema = schema();
    let mut problems = Vec::new();
    for case in common::cases() {
        for (path, text) in case.module().files() {
            if !(path.ends_with(".tf") || path.ends_with(".tofu")) {
                continue;
            }
            let body: Body = hcl::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            for block in body.blocks() {
                let kind = match block.identifier() {
                    "resource" => "resources",
                    "data" => "data_sources",
                    _ => continue,
                };
                let type_name = block.labels()[0].as_str();
                let at = format!("{} {path}: {kind} {type_name}", case.name);
                match schema[kind].get(type_name) {
                    Some(entry) => check_body(&block.body, entry, &at, true, &mut problems),
                    None => problems.push(format!("{at}: no such type in the provider")),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn check_body(body: &Body, entry: &Value, at: &str, top: bool, problems: &mut Vec<String>) {
    let attributes = entry["attributes"].as_object().unwrap();
    let blocks = entry["blocks"].as_object().unwrap();

    let mut present = BTreeSet::new();
    for attribute in body.attributes() {
        let key = attribute.key();
        present.insert(key.to_string());
        if top && META_ARGUMENTS.contains(&key) {
            continue;
        }
        if top && key == "id" {
            problems.push(format!("{at}: sets `id`, a field only the provider sets"));
        } else if !attributes.contains_key(key) {
            problems.push(format!("{at}: no argument `{key}`"));
        }
    }
    for block in body.blocks() {
        let ident = block.identifier();
        present.insert(ident.to_string());
        if top && META_BLOCKS.contains(&ident) {
            continue;
        }
        match blocks.get(ident) {
            Some(nested) => check_body(
                &block.body,
                nested,
                &format!("{at} > {ident}"),
                false,
                problems,
            ),
            None => problems.push(format!("{at}: no nested block `{ident}`")),
        }
    }
    for (name, spec) in attributes.iter().chain(blocks.iter()) {
        if spec["required"] == Value::Bool(true) && !present.contains(name) {
            problems.push(format!("{at}: required `{name}` is missing"));
        }
    }
}

#[test]
fn every_reference_reads_a_readable_attribute_of_a_declared_block() {
    let schema = schema();
    let reference = Regex::new(
        r"\b(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?\.([a-z_][a-z0-9_]*)",
    )
    .unwrap();
    let mut problems = Vec::new();
    let mut seen = 0;
    for case in common::cases() {
        let module = case.module();
        let declared = declared_blocks(&module);
        for (path, text) in module.files() {
            if !(path.ends_with(".tf") || path.ends_with(".tofu")) {
                continue;
            }
            for found in reference.captures_iter(text) {
                seen += 1;
                let is_data = found.get(1).is_some();
                let (type_name, name, attribute) = (&found[2], &found[3], &found[4]);
                let kind = if is_data { "data_sources" } else { "resources" };
                let at = format!("{} {path}: {}", case.name, &found[0]);
                if !declared.contains(&(is_data, type_name.to_string(), name.to_string())) {
                    problems.push(format!(
                        "{at}: refers to a block the module does not declare"
                    ));
                }
                let readable = schema[kind][type_name]["readable"].as_array();
                let ok = readable.is_some_and(|r| r.iter().any(|a| a == attribute));
                if !ok {
                    problems.push(format!(
                        "{at}: `{attribute}` is not readable on {type_name}"
                    ));
                }
            }
        }
    }
    assert!(
        seen > 0,
        "found no references at all: the pattern is broken"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn declared_blocks(module: &webqsee_s3::render::Module) -> BTreeSet<(bool, String, String)> {
    let mut declared = BTreeSet::new();
    for (path, text) in module.files() {
        if !(path.ends_with(".tf") || path.ends_with(".tofu")) {
            continue;
        }
        let body: Body = hcl::from_str(text).unwrap();
        for block in body.blocks().filter(|b: &&Block| b.labels().len() == 2) {
            let is_data = match block.identifier() {
                "resource" => false,
                "data" => true,
                _ => continue,
            };
            let labels = block.labels();
            declared.insert((
                is_data,
                labels[0].as_str().to_string(),
                labels[1].as_str().to_string(),
            ));
        }
    }
    declared
}
