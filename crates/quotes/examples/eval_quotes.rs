//! Runs the quotes stage over an eval file and writes predictions for `score.py`.
//!
//! ```text
//! cargo run --release -p newsmill-quotes --example eval_quotes -- \
//!     /work/shared/eval/quotes/public.jsonl /tmp/pred.jsonl [--surface] [--debug] [--all-quoted]
//! python3 /work/shared/eval/quotes/score.py /work/shared/eval/quotes/public.jsonl /tmp/pred.jsonl
//! ```
//!
//! Input lines are `{"id", "text", ...}`; output lines are
//! `{"id", "quotes": [{"start", "end", "speaker"}]}` with byte offsets. `speaker` is the
//! stage's canonical speaker; when it is null (an unresolved pronoun), the text of
//! `speaker_span` is written instead, since the scorer accepts the mention as written.
//! `--surface` always writes the mention as written (a diagnostic of resolution);
//! `--debug` adds kind, cue and the mention to each prediction.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

use newsmill_core::{Document, Stage, Value, layers};
use newsmill_quotes::{QuotesOptions, QuotesStage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (Some(input), Some(output)) = (files.first(), files.get(1)) else {
        eprintln!("usage: eval_quotes GOLD.jsonl PRED.jsonl [--surface] [--debug]");
        std::process::exit(2);
    };
    let surface = args.iter().any(|a| a == "--surface");
    let debug = args.iter().any(|a| a == "--debug");
    // `--repeat=N` processes the documents N times (for profiling); output is the last run.
    let repeat: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("--repeat="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    // `--all-quoted` also reports scare quotes, titles and nicknames (a diagnostic).
    let options = QuotesOptions {
        include_scare_quotes: args.iter().any(|a| a == "--all-quoted"),
        ..QuotesOptions::default()
    };
    let stage = QuotesStage::new(options)?;
    let reader = BufReader::new(std::fs::File::open(input)?);
    let mut writer = BufWriter::new(std::fs::File::create(output)?);
    let mut docs = Vec::new();
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let id = v["id"].as_str().unwrap_or_default().to_owned();
        let text = v["text"].as_str().unwrap_or_default().to_owned();
        docs.push(Document::from_text(id, text));
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    // The machine is shared: CPU time of this thread is a steadier measure than the
    // wall clock (Linux only; the wall clock elsewhere).
    let started = Instant::now();
    let cpu_before = thread_cpu_ns();
    for _ in 0..repeat {
        for doc in &mut docs {
            stage.process(doc)?;
        }
    }
    let wall = started.elapsed().as_secs_f64();
    let secs = match (cpu_before, thread_cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall,
    };
    let mut count = 0usize;
    for doc in &docs {
        let text = doc.text();
        let slice = |v: Option<&Value>| {
            v.and_then(Value::as_range)
                .and_then(|r| text.get(r))
                .map(str::to_owned)
        };
        let quotes: Vec<serde_json::Value> = doc
            .layer(layers::QUOTES)
            .unwrap_or_default()
            .iter()
            .map(|s| {
                let mention = slice(s.attr("speaker_span"));
                let canonical = s.attr("speaker").and_then(Value::as_str).map(str::to_owned);
                let speaker = if surface {
                    mention.clone()
                } else {
                    canonical.clone().or(mention.clone())
                };
                let mut q = serde_json::json!({"start": s.start, "end": s.end, "speaker": speaker});
                if debug {
                    q["kind"] = s.attr("kind").map(Value::to_json).unwrap_or_default();
                    q["cue"] = s.attr("cue").map(Value::to_json).unwrap_or_default();
                    q["mention"] = mention.into();
                    q["text"] = text.get(s.range()).unwrap_or("").into();
                }
                q
            })
            .collect();
        count += quotes.len();
        serde_json::to_writer(
            &mut writer,
            &serde_json::json!({"id": doc.id, "quotes": quotes}),
        )?;
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    eprintln!(
        "{} documents, {} bytes, {} quotes in {:.3} s CPU ({:.3} s wall): {:.1} MB/s on one thread",
        docs.len(),
        bytes,
        count,
        secs,
        wall,
        (bytes * repeat) as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}

/// CPU time of the calling thread in nanoseconds, from `/proc/thread-self/schedstat`.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
