//! Writes everything the stage finds in a set of documents, one JSON line per document,
//! so two versions of the stage can be compared byte for byte (`diff`) over a large
//! corpus before a rewrite of the hot paths is trusted.
//!
//! ```text
//! dump IN.{jsonl,txt}... > OUT.jsonl
//! ```
//!
//! JSONL input gives one document per line (its `text` field, its `date` as the
//! reference year); any other file is one document. With `DUMP_MENTIONS` set, the
//! library's mentions (`extract`, with their parts) are written instead of the layer.

use std::io::{BufWriter, Write};

use newsmill_core::{Document, Stage, layers};
use newsmill_numbers::NumbersStage;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stage = NumbersStage::default();
    let mentions = std::env::var_os("DUMP_MENTIONS").is_some();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for path in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&path)?;
        let docs: Vec<(String, Option<String>)> = if path.ends_with(".jsonl") {
            data.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .map(|v| {
                    let text = v["text"].as_str().unwrap_or("").to_owned();
                    (text, v["date"].as_str().map(str::to_owned))
                })
                .collect()
        } else {
            vec![(data, None)]
        };
        for (i, (text, date)) in docs.into_iter().enumerate() {
            let mut doc = Document::from_text(format!("{path}#{i}"), text);
            if let Some(d) = date {
                doc.meta.insert("date".into(), d.into());
            }
            stage.process(&mut doc)?;
            let spans: Vec<serde_json::Value> = doc
                .layer(layers::NUMBERS)
                .unwrap_or(&[])
                .iter()
                .map(|s| {
                    let mut buf = Vec::new();
                    s.serialize_with_text(doc.text(), &mut serde_json::Serializer::new(&mut buf))
                        .map(|()| serde_json::from_slice(&buf).unwrap_or_default())
                        .unwrap_or_default()
                })
                .collect();
            if mentions {
                // The library's own findings, parts included.
                writeln!(out, "{:?}", newsmill_numbers::extract(doc.text()))?;
            } else {
                writeln!(
                    out,
                    "{}",
                    serde_json::json!({"id": doc.id, "numbers": spans})
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
