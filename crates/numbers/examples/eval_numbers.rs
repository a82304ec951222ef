//! Runs the numbers stage over an eval file (JSONL with `id` and `text`) and writes the
//! predictions the scorer of `eval/numbers` reads:
//! `{"id": ..., "numbers": [{"start", "end", "value", "kind", "unit"}]}` (byte offsets).
//!
//! ```text
//! cargo run --release -p newsmill-numbers --example eval_numbers -- GOLD.jsonl PRED.jsonl
//! python3 score.py GOLD.jsonl PRED.jsonl
//! ```
//!
//! The predictions come from the stage's `numbers` layer only, through
//! [`newsmill_numbers::recognizers_predictions`] (feature `eval`), as the project's
//! eval sees them through the runner.

use std::io::{BufRead, BufReader, BufWriter, Write};

use newsmill_core::{Document, Stage, layers};
use newsmill_numbers::{NumbersStage, recognizers_predictions};
use serde_json::json;

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
        let mut doc = Document::from_text(id.as_str().unwrap_or(""), text);
        stage.process(&mut doc)?;
        let layer = doc.layer(layers::NUMBERS).unwrap_or(&[]);
        let row = json!({"id": id, "numbers": recognizers_predictions(doc.text(), layer)});
        writeln!(output, "{row}")?;
        cases += 1;
    }
    output.flush()?;
    eprintln!("{cases} cases written to {pred}");
    Ok(())
}
