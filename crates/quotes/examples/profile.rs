//! Runs the quotes stage over a JSON-lines file of `{"id", "text"}` documents, for
//! profiling: `cargo run --release --example profile -- docs.jsonl [rounds]`.

use std::hash::{Hash, Hasher};
use std::time::Instant;

use newsmill_core::{Document, Stage};
use newsmill_quotes::{QuotesOptions, QuotesStage};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a JSON-lines file");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let data = std::fs::read_to_string(&path).expect("readable file");
    let docs: Vec<Document> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let id = v.get("id")?.as_str()?.to_owned();
            let text = v.get("text")?.as_str()?.to_owned();
            Some(Document::from_text(id, text))
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let stage = QuotesStage::new(QuotesOptions::default()).expect("stage builds");
    let mut spent = std::time::Duration::ZERO;
    let mut found = 0usize;
    let mut digest = 0u64;
    for _ in 0..rounds {
        let mut batch = docs.clone();
        let t = Instant::now();
        for doc in &mut batch {
            stage.process(doc).expect("stage runs");
        }
        spent += t.elapsed();
        found = batch
            .iter()
            .map(|d| d.layer("quotes").map_or(0, <[_]>::len))
            .sum();
        // A digest of every span and attribute, to check that a change kept the output.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for d in &batch {
            format!("{:?}", d.layer("quotes")).hash(&mut h);
        }
        digest = h.finish();
    }
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} docs, {:.2} MB x {rounds}: {:.3} s, {:.1} MB/s, {found} quotations, digest {digest:016x}",
        docs.len(),
        bytes as f64 / 1e6,
        spent.as_secs_f64(),
        mb / spent.as_secs_f64()
    );
}
