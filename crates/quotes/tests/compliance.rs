//! The stage contract (compliance harness), hostile input, properties of the spans for
//! any input, and linear running time on pathological runs of quote marks.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use newsmill_core::testing::{assert_compliant, assert_survives_hostile_input, sample_documents};
use newsmill_core::{Document, Stage, Value, layers};
use newsmill_quotes::{QuotesOptions, QuotesStage, factory};
use proptest::prelude::*;

/// One stage for every test (building its automata is the slow part in debug builds).
fn stage() -> &'static QuotesStage {
    static STAGE: OnceLock<QuotesStage> = OnceLock::new();
    STAGE.get_or_init(|| QuotesStage::new(QuotesOptions::default()).expect("stage builds"))
}

fn article() -> Document {
    Document::from_text(
        "article",
        "Port chief says expansion is ‘overdue’\n\n\
         Ana Ortiz, who runs the port of Valmora, spoke on Tuesday.\n\n\
         “We are running out of quay space,” Ortiz said. “Ships now wait two days.”\n\n\
         She added that the expansion would cost about €450 million.\n\n\
         “The council has to decide this year,” she said.",
    )
}

#[test]
fn compliant_on_sample_and_written_documents() {
    let stage = stage();
    let mut docs = sample_documents();
    docs.push(article());
    let out = assert_compliant(stage, docs);
    let quotes = out
        .iter()
        .find(|d| d.id == "article")
        .and_then(|d| d.layer(layers::QUOTES))
        .expect("quotes layer");
    assert_eq!(quotes.len(), 4);
    let sample = out.iter().find(|d| d.id == "sample-text").expect("sample");
    assert!(!sample.layer(layers::QUOTES).unwrap_or_default().is_empty());
}

#[test]
fn survives_hostile_input() {
    assert_survives_hostile_input(stage(), 48);
}

#[test]
fn meta_and_factory() {
    let stage = stage();
    let meta = stage.meta();
    assert_eq!(meta.type_name, "quotes");
    assert_eq!(meta.produces, ["quotes"]);
    assert_eq!(meta.reads, ["boilerplate"]);
    assert!(!meta.sets_text);

    let f = factory();
    assert_eq!(f.type_name(), "quotes");
    let names: Vec<String> = f.options().unwrap().into_iter().map(|o| o.name).collect();
    assert_eq!(
        names,
        [
            "resolve_pronouns",
            "include_scare_quotes",
            "min_unattributed_words"
        ]
    );
    let table: toml::Table = toml::from_str("resolve_pronouns = false").unwrap();
    assert!(f.build(&table).is_ok());
    let bad: toml::Table = toml::from_str("resolve_pronoun = false").unwrap();
    assert!(f.build(&bad).is_err(), "unknown keys are refused");
    let zero: toml::Table = toml::from_str("min_unattributed_words = 0").unwrap();
    assert!(f.build(&zero).is_err());
}

/// Runs the stage and checks every span and range attribute by hand (the document also
/// checks them when the layer is stored).
fn check_spans(text: &str) {
    let mut doc = Document::from_text("p", text);
    stage().process(&mut doc).expect("no error on plain text");
    let layer = doc.layer(layers::QUOTES).expect("layer always stored");
    for span in layer {
        let r = span.range();
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        for (_, v) in span.attrs.iter() {
            if let Value::Range(a, b) = *v {
                let (a, b) = (a as usize, b as usize);
                assert!(a <= b && b <= text.len());
                assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            }
        }
    }
}

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "''",
    "``",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "‚",
    "‟",
    "don't",
    "Russia's",
    "’90s",
    "rock 'n' roll",
    "Ukraine’s",
    "players'",
    " said ",
    " he added. ",
    "Putin",
    " President Vladimir Putin ",
    "according to TASS",
    ", said ",
    "\n",
    "\n\n",
    " ",
    ".",
    ",",
    ":",
    "―",
    "—",
    "é",
    "日本",
    "👩‍🔬",
    "\u{2028}",
    "\u{2029}",
    "Mr.",
    " the president ",
    "(",
    ")",
    "she",
    " told reporters: ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_for_mixes_of_marks_and_apostrophes(
        parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..80)
    ) {
        check_spans(&parts.concat());
    }

    #[test]
    fn spans_are_valid_for_any_string(text in any::<String>()) {
        check_spans(&text);
    }

    #[test]
    fn quotations_never_cross_an_unquoted_paragraph(
        a in "[a-z ]{0,30}", b in "[a-z][a-z ]{0,29}", c in "[a-z ]{0,30}"
    ) {
        // An opening mark left unclosed must not pull the next, unquoted paragraph in.
        let text = format!("He said “{a}\n\n{b}\n\n“{c}” she said.");
        let mut doc = Document::from_text("p", text.clone());
        stage().process(&mut doc).unwrap();
        let second = text.find("\n\n").unwrap() + 2;
        for span in doc.layer(layers::QUOTES).unwrap_or_default() {
            let r = span.range();
            prop_assert!(!(r.start < second && r.end > second), "span {:?} crosses into {:?}", r, &text[second..]);
        }
    }
}

fn timed(text: String) -> Duration {
    let mut doc = Document::from_text("big", text);
    let started = Instant::now();
    stage().process(&mut doc).expect("runs");
    started.elapsed()
}

#[test]
fn runs_of_quote_marks_take_linear_time() {
    // Ten megabytes of alternating marks, in one paragraph and in many.
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 30 } else { 3 });
    let alternating = "“”".repeat(10 * 1024 * 1024 / 6);
    assert!(timed(alternating) < limit);
    let straight = "\"'".repeat(1024 * 1024);
    assert!(timed(straight) < limit);
    let tiny_quotes = "“a” ".repeat(1024 * 1024 / 8);
    assert!(timed(tiny_quotes) < limit);
    let paragraphs = "“unclosed and\n\n".repeat(1024 * 1024 / 16);
    assert!(timed(paragraphs) < limit);
    // A sentence chaining cues (`said and added and added ...`) must not recurse deeply.
    let chain = format!(
        "“Yes,” Ana Ortiz said{} today.",
        " and added".repeat(200_000)
    );
    assert!(timed(chain) < limit);
    let participles = format!("“Yes,” she said,{}", " adding,".repeat(200_000));
    assert!(timed(participles) < limit);
    // Four times the input must take about four times the time (a quadratic step
    // would take sixteen). Best of three, with a wide margin for a loaded machine.
    let one = "“Quoted words,” he said. ".repeat(4_000);
    let four = one.repeat(4);
    let best = |text: &String| {
        (0..5)
            .map(|_| timed(text.clone()))
            .min()
            .unwrap_or_default()
    };
    let (t1, t4) = (best(&one), best(&four));
    assert!(
        t4 < t1 * 9 + Duration::from_millis(50),
        "{t1:?} then {t4:?}"
    );
}
