//! Runs [`newsmill_html::extract`] over a boilerplate eval file and writes predictions.
//!
//! ```text
//! cargo run --release -p newsmill-html --example eval_html -- \
//!     /work/shared/eval/boilerplate/public.jsonl /tmp/pred.jsonl [--dump DIR] [--repeat N]
//! python3 /work/shared/eval/boilerplate/score.py \
//!     /work/shared/eval/boilerplate/public.jsonl /tmp/pred.jsonl
//! ```
//!
//! Each input line needs `id` and either `html` (the page itself, as the corpus generator
//! writes it) or `html_path` (a gzipped page, relative to the JSONL's folder). The
//! prediction is the extraction's clean text. `--dump DIR` writes, for each page, every
//! block with its kind and verdict (for finding what went wrong), `--digest FILE` writes
//! everything the extraction returned (text, blocks, source map, metadata) one page a
//! line, for checking that a speed change changed no result, and `--repeat N` runs the
//! extraction N times to measure throughput (extraction only, decompression excluded;
//! the first round, which also writes the predictions, is not timed).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsmill_html::{HtmlOptions, extract};

/// CPU time (user + system) of this process so far, from /proc (Linux), in seconds.
/// Wall time is unreliable on a shared machine; CPU time measures one core's work.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime is the 14th
    // field of the line, stime the 15th, both in clock ticks (100 per second).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// A fingerprint of where every word and every block of the text maps back to in the
/// HTML: equal fingerprints mean equal answers to every word- or block-level query,
/// however the map stores its segments.
fn map_digest(ex: &newsmill_html::Extraction) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |v: usize| {
        hash ^= v as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    let mut word_start = None;
    let bytes = ex.text.as_bytes();
    for i in 0..=bytes.len() {
        let space = bytes
            .get(i)
            .is_none_or(|b| matches!(b, b' ' | b'\n' | b'\t'));
        match (space, word_start) {
            (true, Some(s)) => {
                let r = ex.source_map.to_source(s..i);
                mix(r.as_ref().map_or(usize::MAX, |r| r.start));
                mix(r.map_or(usize::MAX, |r| r.end));
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    for b in &ex.blocks {
        let r = ex.source_map.to_source(b.range.clone());
        mix(r.as_ref().map_or(usize::MAX, |r| r.start));
        mix(r.map_or(usize::MAX, |r| r.end));
    }
    format!("{hash:016x}")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut dump: Option<PathBuf> = None;
    let mut digest: Option<PathBuf> = None;
    let mut repeat = 1usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = args.next().map(PathBuf::from),
            "--digest" => digest = args.next().map(PathBuf::from),
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            _ => positional.push(a),
        }
    }
    let [gold, out] = positional.as_slice() else {
        eprintln!(
            "usage: eval_html GOLD.jsonl PRED.jsonl [--dump DIR] [--digest FILE] [--repeat N]"
        );
        std::process::exit(2);
    };
    let base = Path::new(gold).parent().unwrap_or(Path::new("."));
    let options = HtmlOptions::default();
    let mut pages = Vec::new();
    for line in BufReader::new(std::fs::File::open(gold)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line)?;
        let id = row["id"].as_str().unwrap_or_default().to_owned();
        let html = match row["html"].as_str() {
            Some(inline) => inline.to_owned(),
            None => {
                let path = base.join(row["html_path"].as_str().unwrap_or_default());
                let mut html = String::new();
                flate2::read::GzDecoder::new(std::fs::File::open(&path)?)
                    .read_to_string(&mut html)?;
                html
            }
        };
        let gold_title = row["title"].as_str().map(str::to_owned);
        pages.push((id, html, gold_title));
    }
    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir)?;
    }
    let total_bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let mut out_file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut digest_file = match &digest {
        Some(path) => Some(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    let mut started = Instant::now();
    let mut cpu_started = cpu_seconds();
    let mut titles_right = 0;
    let mut titles_total = 0;
    for round in 0..repeat {
        if round == 1 {
            // The first round writes the predictions and warms the caches: with
            // `--repeat`, only the rounds after it are timed.
            started = Instant::now();
            cpu_started = cpu_seconds();
        }
        for (id, html, gold_title) in &pages {
            let ex = extract(html, &options);
            if round > 0 {
                continue;
            }
            let text = ex.clean_text();
            writeln!(out_file, "{}", serde_json::json!({"id": id, "text": text}))?;
            if let Some(gold) = gold_title {
                titles_total += 1;
                if ex.title.as_deref().map(str::trim) == Some(gold.trim()) {
                    titles_right += 1;
                }
            }
            if let Some(f) = &mut digest_file {
                let blocks: Vec<_> = ex
                    .blocks
                    .iter()
                    .map(|b| (b.range.start, b.range.end, b.kind.as_str(), b.removed))
                    .collect();
                writeln!(
                    f,
                    "{}",
                    serde_json::json!({
                        "id": id,
                        "text": ex.text,
                        "blocks": blocks,
                        "map": map_digest(&ex),
                        "title": ex.title,
                        "byline": ex.byline,
                        "date": ex.date,
                    })
                )?;
            }
            if let Some(dir) = &dump {
                let mut f = std::fs::File::create(dir.join(format!("{id}.txt")))?;
                writeln!(
                    f,
                    "title: {:?}\nbyline: {:?}\ndate: {:?}\n",
                    ex.title, ex.byline, ex.date
                )?;
                for b in &ex.blocks {
                    let t = ex.text.get(b.range.clone()).unwrap_or_default();
                    let mark = b.removed.unwrap_or("KEEP");
                    writeln!(
                        f,
                        "[{:<12} {:<10}] {}",
                        mark,
                        b.kind.as_str(),
                        t.replace('\n', " / ")
                    )?;
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu_started).map(|(b, a)| b - a);
    out_file.flush()?;
    if let Some(f) = &mut digest_file {
        f.flush()?;
    }
    let timed_rounds = if repeat > 1 { repeat - 1 } else { 1 };
    let mb = (total_bytes * timed_rounds) as f64 / 1e6;
    eprintln!(
        "{} pages, {:.1} MB x {timed_rounds} timed: wall {:.2} s = {:.1} MB/s; cpu {} ",
        pages.len(),
        total_bytes as f64 / 1e6,
        secs,
        mb / secs,
        cpu.map_or("n/a".to_owned(), |c| format!(
            "{c:.2} s = {:.1} MB/s per core",
            mb / c
        )),
    );
    if titles_total > 0 {
        eprintln!("exact titles: {titles_right}/{titles_total}");
    }
    Ok(())
}
