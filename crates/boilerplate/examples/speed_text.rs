//! Text-mode throughput and output fingerprint over a set of plain texts.
//!
//! ```text
//! cargo run --release -p newsmill-boilerplate --example speed_text -- \
//!     [--jsonl FILE FIELD]... [--dir DIR]... [--repeat N] [--dump OUT]
//! ```
//!
//! Inputs are the string field `FIELD` of every line of a JSONL file, or every file of
//! a directory. The stage runs over all of them `N` times (one thread) and the MB/s of
//! the timed calls is printed (mean, and the best round). `--dump OUT` writes every span and field the stage
//! produced, one document per line, so that two builds can be compared for identical
//! output (`cmp`). Under `valgrind --tool=callgrind` run with `--repeat 1` and
//! `--toggle-collect='*Stage*process*'` to count only the stage's instructions.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::{Duration, Instant};

use newsmill_boilerplate::{BoilerplateOptions, Mode};
use newsmill_core::{Document, Stage};

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

fn read_inputs(args: &[String]) -> Result<(Vec<String>, usize, Option<String>), String> {
    let mut texts = Vec::new();
    let mut repeat = 1usize;
    let mut dump = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--jsonl" if i + 2 < args.len() => {
                let file = std::fs::File::open(&args[i + 1]).map_err(|e| e.to_string())?;
                for line in BufReader::new(file).lines() {
                    let line = line.map_err(|e| e.to_string())?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let row: serde_json::Value =
                        serde_json::from_str(&line).map_err(|e| e.to_string())?;
                    if let Some(text) = row[args[i + 2].as_str()].as_str() {
                        texts.push(text.to_owned());
                    }
                }
                i += 3;
            }
            "--dir" if i + 1 < args.len() => {
                let mut paths: Vec<_> = std::fs::read_dir(&args[i + 1])
                    .map_err(|e| e.to_string())?
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .collect();
                paths.sort();
                for path in paths {
                    texts.push(std::fs::read_to_string(&path).map_err(|e| e.to_string())?);
                }
                i += 2;
            }
            "--repeat" if i + 1 < args.len() => {
                repeat = args[i + 1].parse().map_err(|_| "bad --repeat")?;
                i += 2;
            }
            "--dump" if i + 1 < args.len() => {
                dump = Some(args[i + 1].clone());
                i += 2;
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok((texts, repeat, dump))
}

/// Time this thread has run on a CPU (`CLOCK_THREAD_CPUTIME_ID` on Linux), or `None`
/// elsewhere. On a busy machine it leaves out the time the thread waited for a CPU,
/// which wall time counts.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_time() -> Option<Duration> {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanos: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanos: 0,
    };
    // SAFETY: `clock_gettime` of the C library std links writes one `timespec`
    // (two 64-bit fields on this target) through the pointer, which points at one.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    (status == 0).then(|| Duration::new(time.seconds as u64, time.nanos as u32))
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (texts, repeat, dump) = read_inputs(&args)?;
    let stage = build();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut elapsed = Duration::ZERO;
    let mut best = Duration::MAX;
    let (mut cpu, mut best_cpu) = (Duration::ZERO, Duration::MAX);
    let mut docs: Vec<Document> = Vec::new();
    for round in 0..repeat {
        docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(i.to_string(), t.clone()))
            .collect();
        let cpu_started = thread_cpu_time();
        let started = Instant::now();
        for doc in &mut docs {
            stage.process(doc)?;
        }
        let took = started.elapsed();
        let took_cpu = thread_cpu_time()
            .zip(cpu_started)
            .map(|(end, start)| end.saturating_sub(start));
        if round > 0 || repeat == 1 {
            elapsed += took;
            best = best.min(took);
            if let Some(took_cpu) = took_cpu {
                cpu += took_cpu;
                best_cpu = best_cpu.min(took_cpu);
            }
        }
    }
    let timed = repeat.saturating_sub(1).max(1);
    // The best round is the figure least disturbed by other work on the machine.
    eprintln!(
        "{} documents, {bytes} bytes x {timed} timed rounds in {:.1} ms: {:.1} MB/s mean, {:.1} MB/s best round (one thread)",
        texts.len(),
        elapsed.as_secs_f64() * 1e3,
        (bytes * timed) as f64 / elapsed.as_secs_f64().max(1e-9) / 1e6,
        bytes as f64 / best.as_secs_f64().max(1e-9) / 1e6
    );
    if best_cpu != Duration::MAX {
        eprintln!(
            "on the CPU: {:.1} MB/s mean, {:.1} MB/s best round",
            (bytes * timed) as f64 / cpu.as_secs_f64().max(1e-9) / 1e6,
            bytes as f64 / best_cpu.as_secs_f64().max(1e-9) / 1e6
        );
    }
    if let Some(path) = dump {
        let mut out = BufWriter::new(std::fs::File::create(path)?);
        for doc in &docs {
            let mut row = serde_json::Map::new();
            for (name, spans) in doc.layers() {
                let list: Vec<serde_json::Value> = spans
                    .iter()
                    .map(|s| {
                        let mut o = serde_json::Map::new();
                        o.insert("s".into(), s.start.into());
                        o.insert("e".into(), s.end.into());
                        for (k, v) in s.attrs.iter() {
                            o.insert(k.into(), v.to_json());
                        }
                        serde_json::Value::Object(o)
                    })
                    .collect();
                row.insert(name.into(), list.into());
            }
            for (name, value) in doc.fields() {
                row.insert(name.into(), value.to_json());
            }
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(())
}
