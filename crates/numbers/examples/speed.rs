//! Rough single-thread throughput of the numbers stage on generated news text
//! (the criterion bench `numbers/process` is the reference measurement).

use std::time::Instant;

use newsmill_core::{Document, Stage};
use newsmill_numbers::NumbersStage;

fn main() {
    let para = "The port handled nearly 1.2 million containers in the first half of the year, \
        up 8% on the same period last year, the harbour authority said on Tuesday. Officials \
        said the expansion would cost about €450 million and create some 1,200 jobs over the \
        next five years, while residents said the water had risen quickly overnight and that \
        many families had been forced to leave their homes with only what they could carry.\n\n";
    let text = std::env::args().nth(1).map_or_else(
        || para.repeat(20_000),
        |p| std::fs::read_to_string(p).unwrap_or_default(),
    );
    let stage = NumbersStage::default();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let mut doc = Document::from_text("speed", text.clone());
        let t = Instant::now();
        stage.process(&mut doc).expect("stage");
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{:.1} MB in {:.3}s: {:.0} MB/s",
        text.len() as f64 / 1e6,
        best,
        text.len() as f64 / 1e6 / best
    );
}
