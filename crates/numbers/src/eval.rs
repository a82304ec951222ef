//! Eval-only glue (feature `eval`): the predictions the Recognizers-Text scorer of
//! `eval/numbers` reads, derived from the stage's `numbers` layer alone.
//!
//! Nothing here is part of the stage. The project's eval runs documents through the
//! runner and only sees the layer, so the conversion works from spans and their
//! attributes (`kind`, `value`, `unit`, `parts`) and the text, never from the library's
//! internal findings.
//!
//! The suites tag numbers the way Recognizers-Text does, not the way the stage reports
//! them: kinds map cardinal → `number`, ordinal → `ordinal`, percent → `percent`,
//! money → `currency`; and the suites tag plain numerals, so the numerals inside a money
//! amount, percentage, range, date, year or age (the `parts`) are written as `number`
//! (or `ordinal` for `14th`) too. Vague quantities (`thousands`) are not exact numbers
//! and are left out; measurements are written only as their numerals, and not when
//! the unit is glued on (`29km`), since the suites read whole tokens.

use newsmill_core::{Span, Value};
use serde_json::json;

use crate::lexicon::currency_word;

/// The scorer's predictions for one text from its `numbers` layer: one JSON object
/// `{"start", "end", "value", "kind", "unit"}` per span or part, byte offsets, no
/// duplicates (same range and kind). Eval-only glue; see the module docs.
pub fn recognizers_predictions(text: &str, spans: &[Span]) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut seen: Vec<(u32, u32, &'static str)> = Vec::new();
    let mut push = |start: u32, end: u32, value: &Value, kind: &'static str, unit| {
        if seen.contains(&(start, end, kind)) {
            return;
        }
        seen.push((start, end, kind));
        out.push(json!({
            "start": start,
            "end": end,
            "value": value.to_json(),
            "kind": kind,
            "unit": unit,
        }));
    };
    for span in spans {
        let kind = span.attr("kind").and_then(Value::as_str).unwrap_or("");
        let value = span.attr("value").unwrap_or(&Value::Null);
        let (start, end) = (span.start, span.end);
        match kind {
            "cardinal" => push(start, end, value, "number", json!(null)),
            "ordinal" => push(start, end, value, "ordinal", json!(null)),
            "percent" => push(start, end, value, "percent", json!("%")),
            "money" => {
                let unit = match span.attr("unit").and_then(Value::as_str) {
                    Some(code) => json!(code),
                    None => currency_named_in(text.get(span.range()).unwrap_or(""))
                        .map_or(json!(null), |name| json!(name)),
                };
                push(start, end, value, "currency", unit);
            }
            "vague" => continue,
            // No suite has measurements (the dimension and temperature models were
            // left out); only their numerals are written, below.
            _ => {}
        }
        // The numerals inside; a mention that is one plain numeral has none listed
        // and stands for itself.
        let implied = [Value::List(vec![
            Value::Range(start, end),
            value.clone(),
            Value::static_str(if kind == "ordinal" {
                "ordinal"
            } else {
                "cardinal"
            }),
        ])];
        let parts: &[Value] = match span.attr("parts") {
            Some(Value::List(items)) => items,
            _ => &implied,
        };
        for part in parts {
            let Value::List(fields) = part else { continue };
            let (Some(Value::Range(s, e)), Some(v), Some(k)) =
                (fields.first(), fields.get(1), fields.get(2))
            else {
                continue;
            };
            let part_kind = if k.as_str() == Some("ordinal") {
                "ordinal"
            } else {
                "number"
            };
            if kind == "ordinal" && part_kind == "ordinal" {
                continue;
            }
            if kind == "cardinal" && (*s, *e) == (start, end) {
                continue;
            }
            // The suites read whole tokens: `29km` holds no number for them, `29 km`
            // and `40°C` do.
            let glued_to_letters = text
                .get(*e as usize..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphabetic);
            if kind == "measure" && glued_to_letters {
                continue;
            }
            push(*s, *e, v, part_kind, json!(null));
        }
    }
    out
}

/// The currency a money span names in words when its `unit` is null (a bare `francs`
/// or `pesos` leaves the country open): the currency's English name, which the scorer
/// matches against its unit names.
fn currency_named_in(span_text: &str) -> Option<&'static str> {
    span_text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .find_map(|w| currency_word(None, w))
        .map(|(c, _, _)| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NumbersStage;
    use newsmill_core::{Document, Stage, layers};

    fn predict(text: &str) -> Vec<serde_json::Value> {
        let mut doc = Document::from_text("t", text);
        NumbersStage::default().process(&mut doc).unwrap();
        recognizers_predictions(doc.text(), doc.layer(layers::NUMBERS).unwrap())
    }

    #[test]
    fn money_gives_the_amount_and_its_numeral() {
        let p = predict("It cost $20 in the end.");
        assert_eq!(
            p,
            [
                json!({"start": 8, "end": 11, "value": 20, "kind": "currency", "unit": "USD"}),
                json!({"start": 9, "end": 11, "value": 20, "kind": "number", "unit": null}),
            ]
        );
    }

    #[test]
    fn ranges_and_dates_give_their_numerals_and_vague_counts_nothing() {
        let p = predict("Between 30 and 40 officers came on August 14, 2023, and thousands left.");
        let kinds: Vec<(&str, i64)> = p
            .iter()
            .map(|x| (x["kind"].as_str().unwrap(), x["value"].as_i64().unwrap()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("number", 30),
                ("number", 40),
                ("number", 14),
                ("number", 2023)
            ]
        );
    }

    #[test]
    fn a_currency_named_without_its_country_keeps_its_name() {
        let p = predict("They paid 500 francs.");
        assert_eq!(p[0]["kind"], "currency");
        assert_eq!(p[0]["unit"], "franc");
    }
}
