//! Runs the boilerplate stage in text mode over an eval JSONL and writes predictions.
//!
//! ```text
//! cargo run --release -p newsmill-boilerplate --example eval_text -- \
//!     GOLD.jsonl PRED.jsonl [--dump DIR]
//! cargo run --release -p newsmill-boilerplate --example eval_text -- --show FILE.txt
//! ```
//!
//! Each gold line's `full_text` is the input; each prediction line is
//! `{"id": ..., "text": <clean_text>}`, ready for the eval's `score.py`. `--dump DIR`
//! also writes one file per document listing every block with its verdict, to see why
//! a page scores badly. `--show FILE` prints the verdicts for one plain-text file.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

use newsmill_boilerplate::{BoilerplateOptions, Mode, Verdict};
use newsmill_core::{Document, Stage, Value, layers};

fn build() -> Box<dyn Stage> {
    let options = BoilerplateOptions {
        mode: Mode::Text,
        ..BoilerplateOptions::default()
    };
    let table = toml::Table::try_from(options).expect("options serialize");
    newsmill_boilerplate::factory()
        .build(&table)
        .expect("default options build")
}

/// Every block of the processed document, in order, with its verdict.
fn verdicts(doc: &Document) -> String {
    let options = BoilerplateOptions {
        mode: Mode::Text,
        ..BoilerplateOptions::default()
    };
    let (blocks, _) =
        newsmill_boilerplate::judge_text(doc.text(), &options).expect("valid options");
    let mut rows: Vec<String> = Vec::new();
    for block in blocks {
        let (mark, label) = match block.verdict {
            Verdict::Keep(kind) => ("+", kind.as_str()),
            Verdict::Remove(reason) => ("-", reason.as_str()),
        };
        let text = doc.text().get(block.range).unwrap_or("").replace('\n', "⏎");
        rows.push(format!("{mark} {label:<12} {text}"));
    }
    let mut out = String::new();
    for field in ["title", "byline", "date"] {
        out.push_str(&format!("# {field}: {:?}\n", doc.field(field)));
    }
    for row in rows {
        out.push_str(&row);
        out.push('\n');
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stage = build();
    if args.first().map(String::as_str) == Some("--show") {
        for path in &args[1..] {
            let text = std::fs::read_to_string(path)?;
            let mut doc = Document::from_text(path.clone(), text);
            stage.process(&mut doc)?;
            println!("=== {path}\n{}", verdicts(&doc));
        }
        return Ok(());
    }
    let [gold, pred, rest @ ..] = args.as_slice() else {
        return Err("usage: eval_text GOLD.jsonl PRED.jsonl [--dump DIR] | --show FILE...".into());
    };
    let mut dump = None;
    let mut repeat = 1usize;
    for pair in rest.chunks(2) {
        match pair {
            [flag, dir] if flag == "--dump" => {
                std::fs::create_dir_all(dir)?;
                dump = Some(dir.clone());
            }
            [flag, n] if flag == "--repeat" => repeat = n.parse()?,
            _ => return Err("unknown arguments".into()),
        }
    }
    let reader = BufReader::new(std::fs::File::open(gold)?);
    let mut out = BufWriter::new(std::fs::File::create(pred)?);
    let mut inputs: Vec<(String, String)> = Vec::new();
    let mut bytes = 0usize;
    let mut elapsed = std::time::Duration::ZERO;
    let mut count = 0usize;
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line)?;
        let id = row["id"].as_str().unwrap_or_default().to_owned();
        let full_text = row["full_text"].as_str().unwrap_or_default().to_owned();
        inputs.push((id.clone(), full_text.clone()));
        bytes += full_text.len();
        let mut doc = Document::from_text(id.clone(), full_text);
        let started = Instant::now();
        stage.process(&mut doc)?;
        elapsed += started.elapsed();
        count += 1;
        let text = doc
            .field(layers::CLEAN_TEXT_FIELD)
            .and_then(Value::as_str)
            .unwrap_or_default();
        serde_json::to_writer(&mut out, &serde_json::json!({"id": id, "text": text}))?;
        out.write_all(b"\n")?;
        if let Some(dir) = &dump {
            std::fs::write(format!("{dir}/{id}.txt"), verdicts(&doc))?;
        }
    }
    out.flush()?;
    for _ in 1..repeat {
        let started = Instant::now();
        for (id, text) in &inputs {
            let mut doc = Document::from_text(id.clone(), text.clone());
            stage.process(&mut doc)?;
            std::hint::black_box(&doc);
        }
        elapsed += started.elapsed();
        bytes += inputs.iter().map(|(_, t)| t.len()).sum::<usize>();
    }
    eprintln!(
        "{count} documents, {bytes} bytes in {:.1} ms ({:.0} MB/s, one thread)",
        elapsed.as_secs_f64() * 1e3,
        bytes as f64 / elapsed.as_secs_f64().max(1e-9) / 1e6
    );
    Ok(())
}
