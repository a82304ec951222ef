//! Rough single-thread throughput of the numbers stage (the criterion bench
//! `numbers/process` is the reference measurement).
//!
//! ```text
//! speed [FILE] [RUNS]
//! ```
//!
//! `FILE` is plain text (one document) or JSONL with a `text` field per line (one
//! document per line, like the generated corpus); without it, a built-in news
//! paragraph repeated. The best of `RUNS` (default 5) passes is reported. For stable
//! instruction counts on a busy machine run one pass under callgrind, collecting only
//! inside the stage:
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='*NumbersStage*process*' \
//!     target/release/examples/speed FILE 1
//! ```

use std::time::Instant;

use newsmill_core::{Document, Stage};
use newsmill_numbers::NumbersStage;

fn load(path: Option<&str>) -> Vec<String> {
    let para = "The port handled nearly 1.2 million containers in the first half of the year, \
        up 8% on the same period last year, the harbour authority said on Tuesday. Officials \
        said the expansion would cost about €450 million and create some 1,200 jobs over the \
        next five years, while residents said the water had risen quickly overnight and that \
        many families had been forced to leave their homes with only what they could carry.\n\n";
    let Some(path) = path else {
        return vec![para.repeat(20_000)];
    };
    let data = std::fs::read_to_string(path).unwrap_or_default();
    if path.ends_with(".jsonl") {
        data.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
            .collect()
    } else {
        vec![data]
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let docs = load(args.get(1).map(String::as_str));
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let bytes: usize = docs.iter().map(String::len).sum();
    let stage = NumbersStage::default();
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..runs {
        let mut batch: Vec<Document> = docs
            .iter()
            .map(|t| Document::from_text("speed", t.clone()))
            .collect();
        let t = Instant::now();
        for doc in &mut batch {
            stage.process(doc).expect("stage");
        }
        best = best.min(t.elapsed().as_secs_f64());
        found = batch
            .iter()
            .map(|d| d.layer("numbers").map_or(0, <[_]>::len))
            .sum();
    }
    println!(
        "{} docs, {:.1} MB, {found} numbers, best of {runs}: {:.3}s = {:.0} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
}
