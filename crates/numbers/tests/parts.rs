//! The `parts` attribute of the `numbers` layer: the numerals inside a compound
//! mention, null for a mention that is one plain numeral. Texts written for these
//! tests; expected spans worked out by hand.

use newsmill_core::{Document, Span, Stage, Value, layers};
use newsmill_numbers::NumbersStage;

fn layer(text: &str) -> Vec<Span> {
    let mut doc = Document::from_text("parts", text);
    NumbersStage::default().process(&mut doc).unwrap();
    doc.layer(layers::NUMBERS).unwrap().to_vec()
}

/// The span of `layer` whose text is `what`.
fn span<'a>(text: &str, layer: &'a [Span], what: &str) -> &'a Span {
    layer
        .iter()
        .find(|s| &text[s.range()] == what)
        .unwrap_or_else(|| panic!("no span {what:?} in {text:?}"))
}

/// One part: the `nth` occurrence of `numeral` in `text`, its value and kind.
fn part(text: &str, numeral: &str, nth: usize, value: Value, kind: &str) -> Value {
    let start = text
        .match_indices(numeral)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{numeral:?} not in {text:?}"));
    Value::List(vec![
        Value::range(start, start + numeral.len()),
        value,
        Value::from(kind),
    ])
}

#[test]
fn plain_numerals_have_no_parts() {
    let text = "Officials counted 1,500 ballots in 2019 and one recount.";
    let spans = layer(text);
    for what in ["1,500", "2019", "one"] {
        assert_eq!(
            span(text, &spans, what).attr("parts"),
            Some(&Value::Null),
            "{what}"
        );
    }
}

#[test]
fn a_range_lists_both_ends() {
    let text = "Prices rose 5-10% over the summer.";
    let spans = layer(text);
    let range = span(text, &spans, "5-10%");
    assert_eq!(range.attr("kind"), Some(&Value::from("range")));
    assert_eq!(
        range.attr("parts"),
        Some(&Value::List(vec![
            part(text, "5", 0, Value::Int(5), "cardinal"),
            part(text, "10", 0, Value::Int(10), "cardinal"),
        ]))
    );
}

#[test]
fn money_percent_age_and_decade_list_their_numeral() {
    let text =
        "The fund lost $8 billion, or 4.5%, said a 42-year-old trader who began in the 1990s.";
    let spans = layer(text);
    let cases = [
        (
            "$8 billion",
            part(text, "8 billion", 0, Value::Int(8_000_000_000), "cardinal"),
        ),
        ("4.5%", part(text, "4.5", 0, Value::Float(4.5), "cardinal")),
        (
            "42-year-old",
            part(text, "42", 0, Value::Int(42), "cardinal"),
        ),
        ("1990s", part(text, "1990", 0, Value::Int(1990), "cardinal")),
    ];
    for (what, want) in cases {
        assert_eq!(
            span(text, &spans, what).attr("parts"),
            Some(&Value::List(vec![want])),
            "{what}"
        );
    }
}

#[test]
fn a_date_day_written_as_an_ordinal_lists_its_digits() {
    let text = "Talks resumed on August 14th, 2023 in Geneva.";
    let spans = layer(text);
    assert_eq!(
        span(text, &spans, "14th").attr("parts"),
        Some(&Value::List(vec![part(
            text,
            "14",
            0,
            Value::Int(14),
            "ordinal"
        )]))
    );
    assert_eq!(span(text, &spans, "2023").attr("parts"), Some(&Value::Null));
}
