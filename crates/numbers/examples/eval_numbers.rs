//! Runs the numbers stage over an eval file (JSONL with `id` and `text`) and writes the
//! predictions the scorer of `eval/numbers` reads:
//! `{"id": ..., "numbers": [{"start", "end", "value", "kind", "unit"}]}` (byte offsets).
//!
//! ```text
//! cargo run --release -p newsmill-numbers --example eval_numbers -- GOLD.jsonl PRED.jsonl
//! python3 score.py GOLD.jsonl PRED.jsonl
//! ```
//!
//! Kinds map to the scorer's: cardinal → number, ordinal → ordinal, percent →
//! percent, money → currency (unit: the ISO code, or the currency's name when the text
//! leaves the country open). The suites tag plain numerals, so the numerals inside a
//! money amount, percentage, range, date, year or age are also written as `number`
//! (or `ordinal` for `14th`); vague quantities (`thousands`) are not exact numbers and
//! are left out.

use std::io::{BufRead, BufReader, BufWriter, Write};

use newsmill_core::{Document, Stage, Value, layers};
use newsmill_numbers::{Kind, Mention, Num, NumbersStage, Unit, extract};
use serde_json::json;

fn num_json(n: Num) -> serde_json::Value {
    match n {
        Num::Int(i) => json!(i),
        Num::Float(f) => json!(f),
    }
}

fn predictions(mentions: &[Mention]) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    let mut push = |out: &mut Vec<serde_json::Value>,
                    s: usize,
                    e: usize,
                    v: Num,
                    kind: &str,
                    unit: serde_json::Value| {
        if seen.contains(&(s, e, kind.to_owned())) {
            return;
        }
        seen.push((s, e, kind.to_owned()));
        out.push(json!({"start": s, "end": e, "value": num_json(v), "kind": kind, "unit": unit}));
    };
    for m in mentions {
        let (s, e) = (m.span.start, m.span.end);
        match m.kind {
            Kind::Cardinal => push(&mut out, s, e, m.value, "number", json!(null)),
            Kind::Ordinal => push(&mut out, s, e, m.value, "ordinal", json!(null)),
            Kind::Percent => push(&mut out, s, e, m.value, "percent", json!("%")),
            Kind::Money => {
                let unit = match m.unit {
                    Some(Unit::Currency(c)) => json!(c.iso.unwrap_or(c.name)),
                    _ => json!(null),
                };
                push(&mut out, s, e, m.value, "currency", unit);
            }
            Kind::Vague => continue,
            Kind::Range | Kind::Year | Kind::Date | Kind::Age => {}
        }
        for p in &m.parts {
            let kind = if p.ordinal { "ordinal" } else { "number" };
            if m.kind == Kind::Ordinal && kind == "ordinal" {
                continue;
            }
            if m.kind == Kind::Cardinal && p.span == m.span {
                continue;
            }
            push(
                &mut out,
                p.span.start,
                p.span.end,
                p.value,
                kind,
                json!(null),
            );
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (gold, pred) = match args.as_slice() {
        [_, g, p] => (g, p),
        _ => return Err("usage: eval_numbers GOLD.jsonl PRED.jsonl".into()),
    };
    let stage = NumbersStage::default();
    let input = BufReader::new(std::fs::File::open(gold)?);
    let mut output = BufWriter::new(std::fs::File::create(pred)?);
    let mut cases = 0;
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let case: serde_json::Value = serde_json::from_str(&line)?;
        let id = case["id"].clone();
        let text = case["text"].as_str().unwrap_or("").to_owned();
        // The stage's layer and the library's mentions are the same findings; the
        // mentions also carry the numerals inside each one, which the suites score.
        let mut doc = Document::from_text(id.as_str().unwrap_or(""), text.clone());
        stage.process(&mut doc)?;
        let mentions = extract(&text);
        let layer = doc.layer(layers::NUMBERS).unwrap_or(&[]);
        debug_assert_eq!(layer.len(), mentions.len());
        for (span, m) in layer.iter().zip(&mentions) {
            debug_assert_eq!(span.range(), m.span);
            debug_assert_eq!(span.attr("kind"), Some(&Value::from(m.kind.as_str())));
        }
        let row = json!({"id": id, "numbers": predictions(&mentions)});
        writeln!(output, "{row}")?;
        cases += 1;
    }
    output.flush()?;
    eprintln!("{cases} cases written to {pred}");
    Ok(())
}
