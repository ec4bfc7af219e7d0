//! The loader (bytes → source → parse → check) never panics, whatever it is
//! given: arbitrary bytes, arbitrary text, and text built from the format's own
//! words so that it gets past the HCL parser into the checks. Whatever passes
//! the checks must also render.

use std::path::Path;

use proptest::prelude::*;
use webqsee_s3::commands::model_from;
use webqsee_s3::config::{self, Source};
use webqsee_s3::{policy, render};

/// Loads like the binary does; returns whether a model came out.
fn load(source: &Source) -> bool {
    let (model, diagnostics) = model_from(source);
    for diagnostic in &diagnostics {
        assert!(
            diagnostic.line >= 1 && diagnostic.column >= 1,
            "{diagnostic}"
        );
    }
    match model {
        Some(model) => {
            render::render(&model);
            policy::document(&model);
            true
        }
        None => {
            assert!(
                diagnostics
                    .iter()
                    .any(|d| d.to_string().contains(": error: ")),
                "no model, yet no error"
            );
            false
        }
    }
}

/// Values of every kind, valid and not, including ones with characters that
/// mean something to HCL, IAM or a URL.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"eu-central-1\"".to_string()),
        Just("\"cn-north-1\"".to_string()),
        Just("\"webqsee\"".to_string()),
        Just("\"*\"".to_string()),
        Just("[\"*\"]".to_string()),
        Just("[]".to_string()),
        Just("[\"acme\", \"team-2\"]".to_string()),
        Just("[\"https://gallery.example.com\", \"http://localhost:8080\"]".to_string()),
        Just("true".to_string()),
        Just("3600".to_string()),
        Just("-1".to_string()),
        Just("1.5".to_string()),
        Just("99999999999999999999".to_string()),
        Just("var.x".to_string()),
        Just("{}".to_string()),
        "\"[ -~é\u{a0}]{0,12}\"".prop_map(|s| s.replace('\\', "\\\\").replace('$', "$$")),
        prop::collection::vec("[a-z*/:.${}@ -]{0,10}", 0..4).prop_map(|items| {
            let quoted: Vec<String> = items
                .iter()
                .map(|s| format!("\"{}\"", s.replace('$', "$$")))
                .collect();
            format!("[{}]", quoted.join(", "))
        }),
    ]
}

/// A setting the format knows, or a misspelt one.
fn key() -> impl Strategy<Value = &'static str> {
    let mut keys: Vec<&'static str> = config::known_settings().collect();
    keys.push("regoin");
    prop::sample::select(keys)
}

fn attribute() -> impl Strategy<Value = String> {
    (key(), value()).prop_map(|(k, v)| format!("{k} = {v}\n"))
}

fn block() -> impl Strategy<Value = String> {
    let kind = prop::sample::select(vec!["bucket", "user", "cors", "buckets"]);
    let labels = prop::collection::vec("[A-Za-z0-9._ -]{0,8}", 0..3);
    let body = prop::collection::vec(attribute(), 0..4);
    (kind, labels, body).prop_map(|(kind, labels, body)| {
        let labels: Vec<String> = labels.iter().map(|l| format!("\"{l}\"")).collect();
        format!("{kind} {} {{\n{}}}\n", labels.join(" "), body.concat())
    })
}

/// A config of random parts; half of them after a bucket and a user that pass,
/// so that some whole configs pass and reach rendering.
fn config_text() -> impl Strategy<Value = String> {
    let valid_start =
        "bucket \"webqsee\" {\n  region = \"eu-central-1\"\n}\nuser \"webqsee-admin-user\" {}\n";
    let start = prop::sample::select(vec!["", valid_start]);
    let parts = prop::collection::vec(prop_oneof![3 => attribute(), 1 => block()], 0..6);
    (start, parts).prop_map(|(start, parts)| format!("{start}{}", parts.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(source) = config::from_bytes(Path::new("fuzz.hcl"), bytes) {
            load(&source);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        load(&Source::named("fuzz.hcl", text));
    }

    #[test]
    fn configs_of_the_formats_own_words_never_panic(text in config_text()) {
        load(&Source::named("fuzz.hcl", text));
    }

}

proptest! {
    // Most of these still check and render, which takes longer per case.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_valid_config_with_one_mangled_byte_never_panics(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = config::DEFAULTS.as_bytes().to_vec();
        let at = at.index(bytes.len());
        bytes[at] = byte;
        if let Ok(source) = config::from_bytes(Path::new("fuzz.hcl"), bytes) {
            load(&source);
        }
    }
}

/// The generator is not so wild that nothing passes: enough of its configs must
/// parse, and some pass every check, or the checks and the rendering after
/// them would go untested.
#[test]
fn some_generated_configs_pass_the_checks() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let (mut parsed, mut checked) = (0, 0);
    for _ in 0..400 {
        let text = config_text().new_tree(&mut runner).unwrap().current();
        let mut problems = webqsee_s3::diagnostic::Problems::default();
        config::parse(&text, &mut problems);
        if !problems.has_errors() {
            parsed += 1;
        }
        if model_from(&Source::named("fuzz.hcl", text)).0.is_some() {
            checked += 1;
        }
    }
    assert!(
        parsed >= 40,
        "only {parsed} of 400 generated configs parsed cleanly"
    );
    assert!(
        checked >= 10,
        "only {checked} of 400 generated configs passed the checks"
    );
}
