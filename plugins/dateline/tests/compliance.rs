//! The dateline stage, compiled in, through the compliance harness, plus properties.

use newsmill_core::testing::{
    assert_compliant, assert_survives_hostile_input, hostile_text, sample_documents,
};
use newsmill_core::{Document, Stage, Value};
use newsmill_plugin_dateline::{Dateline, DatelineOptions, LAYER, factory};
use proptest::prelude::*;

fn stage() -> Box<dyn Stage> {
    factory().build(&toml::Table::new()).unwrap()
}

const STORY: &str = "By Lena Fisk\n\nVALMORA, Oct. 2 (Reuters) - Port officials said on Monday that \
    the new container terminal would open next spring.\n\nCranes at dawn. Photo: Ana Ortiz/Valmora Post";

#[test]
fn compliant_on_samples_and_news() {
    let docs: Vec<Document> = sample_documents()
        .into_iter()
        .chain([Document::from_text("story", STORY)])
        .collect();
    let out = assert_compliant(stage().as_ref(), docs);
    let story = out.last().unwrap();
    let kinds: Vec<&str> = story
        .layer(LAYER)
        .unwrap()
        .iter()
        .filter_map(|s| s.attr("kind")?.as_str())
        .collect();
    assert_eq!(kinds, ["byline", "dateline", "credit"]);
}

#[test]
fn survives_hostile_input() {
    assert_survives_hostile_input(stage().as_ref(), 128);
}

#[test]
fn options_round_trip_and_are_documented() {
    let f = factory();
    let options = f.options().unwrap();
    assert_eq!(options.len(), 3);
    assert_eq!(options[0].default, r#"["dateline", "byline", "credit"]"#);
    let table = toml::Table::try_from(DatelineOptions::default()).unwrap();
    assert!(f.build(&table).is_ok());
}

/// A finding as `(start, end, attributes)`.
type Finding = (u32, u32, Vec<(String, Value)>);

fn findings(stage: &Dateline, text: &str) -> Vec<Finding> {
    let mut doc = Document::from_text("p", text);
    stage.process(&mut doc).unwrap();
    doc.layer(LAYER)
        .unwrap()
        .iter()
        .map(|s| {
            let attrs = s
                .attrs
                .iter()
                .map(|(k, v)| (k.to_owned(), v.clone()))
                .collect();
            (s.start, s.end, attrs)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    /// Findings depend on their own line (and the next), not on what comes before: a
    /// neutral line in front shifts every finding by its length and changes nothing else.
    #[test]
    fn findings_shift_with_a_prefix(text in hostile_text()) {
        let stage = Dateline::new(DatelineOptions::default());
        let prefix = "quay\n";
        let plain = findings(&stage, &text);
        let shifted: Vec<_> = findings(&stage, &format!("{prefix}{text}"))
            .into_iter()
            .map(|(s, e, a)| (s - prefix.len() as u32, e - prefix.len() as u32, a))
            .collect();
        prop_assert_eq!(plain, shifted);
    }

    /// Every finding covers text, and its kind is one of the three.
    #[test]
    fn findings_are_non_empty_and_typed(text in hostile_text()) {
        let stage = Dateline::new(DatelineOptions::default());
        for (s, e, attrs) in findings(&stage, &text) {
            prop_assert!(s < e);
            let kind = attrs.iter().find(|(k, _)| k == "kind").and_then(|(_, v)| v.as_str().map(str::to_owned));
            prop_assert!(matches!(kind.as_deref(), Some("dateline" | "byline" | "credit")));
        }
    }
}
