//! The streaming run: a reader thread cuts the input into batches, the worker pool
//! processes each batch in parallel, and a writer thread writes the results in input
//! order. Channels between them hold at most two batches each, so memory is bounded
//! by the batch size and the largest document, whatever the corpus size.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::input::{InputError, InputPlan, Limits, RawRecord, read_all};
use crate::pipeline::{ChunkOutput, Outcome, Pipeline, StageReport};

/// Where output lines go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// A file (created, with its directory).
    File(String),
    /// Standard output.
    Stdout,
    /// Standard error (the default for rejects when the output is stdout).
    Stderr,
}

/// Everything a run needs besides the pipeline.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// What to read.
    pub plan: InputPlan,
    /// Output JSONL.
    pub output: Sink,
    /// Rejects JSONL.
    pub rejects: Sink,
    /// Worker threads (0 = one per core).
    pub threads: usize,
    /// Batch and record limits.
    pub limits: Limits,
    /// Draw a progress bar on stderr.
    pub progress: bool,
}

/// Why a run stopped before the end of its input.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The input could not be opened or read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// An output could not be created or written.
    #[error("cannot write {what} `{path}`: {source}")]
    Output {
        /// "output" or "rejects".
        what: &'static str,
        /// The path, or `-`.
        path: String,
        /// The error.
        source: io::Error,
    },
    /// The worker pool could not start.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Documents read (records, including unreadable ones).
    pub read: u64,
    /// Documents written to the output.
    pub written: u64,
    /// Documents written to the rejects file.
    pub rejected: u64,
    /// Bytes of document data read (uncompressed).
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Per stage.
    pub stages: Vec<StageReport>,
    /// Rejects by stage (`read` for reading/parsing) and reason kind.
    pub reject_reasons: BTreeMap<String, u64>,
    /// Worker threads used.
    pub threads: usize,
}

impl Summary {
    /// Throughput in MB/s (10^6 bytes) of document data.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }
}

/// An open output: plain, or gzip-compressed when the file name ends in `.gz`.
enum Writer {
    Plain(Box<dyn Write + Send>),
    Gzip(GzEncoder<BufWriter<File>>),
}

impl Writer {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Writer::Plain(w) => w.write_all(bytes),
            Writer::Gzip(w) => w.write_all(bytes),
        }
    }

    /// Flushes, and for gzip writes the trailer, reporting any error (dropping would
    /// swallow it).
    fn finish(self) -> io::Result<()> {
        match self {
            Writer::Plain(mut w) => w.flush(),
            Writer::Gzip(w) => w.finish()?.flush(),
        }
    }
}

fn open_sink(sink: &Sink, what: &'static str) -> Result<Writer, RunError> {
    Ok(match sink {
        Sink::Stdout => Writer::Plain(Box::new(BufWriter::with_capacity(1 << 20, io::stdout()))),
        Sink::Stderr => Writer::Plain(Box::new(io::stderr())),
        Sink::File(path) => {
            let err = |source| RunError::Output {
                what,
                path: path.clone(),
                source,
            };
            if let Some(dir) = Path::new(path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
            {
                std::fs::create_dir_all(dir).map_err(err)?;
            }
            let file = BufWriter::with_capacity(1 << 20, File::create(path).map_err(err)?);
            if path.ends_with(".gz") {
                Writer::Gzip(GzEncoder::new(file, Compression::fast()))
            } else {
                Writer::Plain(Box::new(file))
            }
        }
    })
}

fn sink_name(sink: &Sink) -> String {
    match sink {
        Sink::File(p) => p.clone(),
        Sink::Stdout => "-".into(),
        Sink::Stderr => "stderr".into(),
    }
}

/// The short kind of a reject reason, for the summary ("bad JSON", "invalid UTF-8").
fn reason_kind(reason: &str) -> &str {
    let cut = [reason.find([':', '(', ',']), reason.find(" at byte")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(reason.len())
        .min(64);
    let mut end = cut;
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    reason[..end].trim()
}

/// Most documents in one chunk of work. Each chunk runs stage by stage
/// (`Pipeline::run_chunk`), so a stage's tables stay in cache over the whole chunk: 64
/// documents run the default pipeline with about 5 % less CPU time than 16 (20 MB of
/// text). The benches run the stages in chunks of this size too.
pub const MAX_CHUNK: usize = 64;

/// Runs `pipeline` over the input.
///
/// # Errors
/// [`RunError`] when the input cannot be read or an output cannot be written; bad
/// documents are not errors, they are rejects.
pub fn run(pipeline: &Pipeline, settings: &RunSettings) -> Result<Summary, RunError> {
    let started = Instant::now();
    let mut output = open_sink(&settings.output, "output")?;
    let mut rejects = open_sink(&settings.rejects, "rejects")?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .thread_name(|i| format!("newsmill-worker-{i}"))
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    let threads = pool.current_num_threads();
    let disk_bytes = Arc::new(AtomicU64::new(0));
    let bar = settings
        .progress
        .then(|| progress_bar(settings.plan.total_bytes));

    // What is in flight bounds the memory, whatever the corpus size: two batches read
    // ahead, one being processed, one written output queued beside the one being
    // written (its output is about four times its input, so one queued is enough for
    // the writer never to wait on a CPU-bound run).
    let (batch_tx, batch_rx) = sync_channel::<Vec<RawRecord>>(2);
    let (done_tx, done_rx) = sync_channel::<(Vec<ChunkOutput>, u64)>(1);

    std::thread::scope(|scope| {
        let reader = {
            let disk_bytes = disk_bytes.clone();
            let plan = &settings.plan;
            let limits = settings.limits;
            scope.spawn(move || {
                read_all(plan, limits, &disk_bytes, &mut |batch| {
                    batch_tx.send(batch).is_ok()
                })
            })
        };
        let writer = {
            let disk_bytes = disk_bytes.clone();
            let bar = bar.clone();
            let (output_name, rejects_name) =
                (sink_name(&settings.output), sink_name(&settings.rejects));
            scope.spawn(move || -> Result<Summary, RunError> {
                let mut summary = Summary::default();
                let mut reject_line = Vec::new();
                let out_err = |source| RunError::Output {
                    what: "output",
                    path: output_name.clone(),
                    source,
                };
                let rej_err = |source| RunError::Output {
                    what: "rejects",
                    path: rejects_name.clone(),
                    source,
                };
                for (chunks, bytes) in done_rx {
                    summary.bytes += bytes;
                    for chunk in chunks {
                        // The chunk's lines go to the file in one write: larger than
                        // the file's buffer, they are not copied into it first.
                        output.write_all(&chunk.lines).map_err(out_err)?;
                        for outcome in chunk.outcomes {
                            summary.read += 1;
                            match outcome {
                                Outcome::Written(_) => summary.written += 1,
                                Outcome::Rejected(reject) => {
                                    reject_line.clear();
                                    reject.write_json(&mut reject_line);
                                    rejects.write_all(&reject_line).map_err(rej_err)?;
                                    summary.rejected += 1;
                                    let key = format!(
                                        "{}: {}",
                                        reject.stage.as_deref().unwrap_or("read"),
                                        reason_kind(&reject.reason)
                                    );
                                    *summary.reject_reasons.entry(key).or_default() += 1;
                                }
                            }
                        }
                    }
                    if let Some(bar) = &bar {
                        bar.set_position(disk_bytes.load(Ordering::Relaxed));
                        bar.set_message(format!("{} docs", summary.read));
                    }
                }
                output.finish().map_err(out_err)?;
                rejects.finish().map_err(rej_err)?;
                Ok(summary)
            })
        };

        for batch in batch_rx {
            let bytes: u64 = batch.iter().map(|r| r.bytes.len() as u64).sum();
            // Eight chunks per thread balance the load.
            let chunk = (batch.len() / (threads * 8)).clamp(1, MAX_CHUNK);
            let outcomes: Vec<ChunkOutput> = pool.install(|| {
                batch
                    .par_chunks(chunk)
                    .map(|c| pipeline.run_chunk(c))
                    .collect()
            });
            if done_tx.send((outcomes, bytes)).is_err() {
                break; // the writer failed; its error is reported below
            }
        }
        drop(done_tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(RunError::Threads("the writer thread panicked".into())));
        let read = reader.join().unwrap_or_else(|_| {
            Err(InputError::Io {
                path: "input".into(),
                source: io::Error::other("the reader thread panicked"),
            })
        });
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        let mut summary = written?;
        read?;
        summary.elapsed = started.elapsed();
        summary.stages = pipeline.reports();
        summary.threads = threads;
        Ok(summary)
    })
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(t) => ProgressBar::new(t).with_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {msg} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Whether a progress bar should be drawn for `mode`.
pub fn want_progress(mode: crate::config::ProgressMode) -> bool {
    match mode {
        crate::config::ProgressMode::Always => true,
        crate::config::ProgressMode::Never => false,
        crate::config::ProgressMode::Auto => io::stderr().is_terminal(),
    }
}

/// Human-readable end-of-run summary.
pub fn format_summary(s: &Summary) -> String {
    let mut out = String::new();
    let secs = s.elapsed.as_secs_f64();
    out.push_str(&format!(
        "newsmill: {} documents read ({}) in {:.2} s on {} threads: {:.1} MB/s\n",
        s.read,
        human_bytes(s.bytes),
        secs,
        s.threads,
        s.mb_per_s()
    ));
    out.push_str(&format!(
        "  written {}, rejected {} (read {} = written + rejected)\n",
        s.written, s.rejected, s.read
    ));
    for (reason, n) in &s.reject_reasons {
        out.push_str(&format!("    {n:>8} × {reason}\n"));
    }
    let total: f64 = s.stages.iter().map(|st| st.time.as_secs_f64()).sum();
    if !s.stages.is_empty() {
        out.push_str("  stage                type                 cpu time    share    MB/s/core  rejected\n");
    }
    for st in &s.stages {
        let t = st.time.as_secs_f64();
        let share = if total > 0.0 { 100.0 * t / total } else { 0.0 };
        let rate = if t > 0.0 {
            s.bytes as f64 / 1e6 / t
        } else {
            0.0
        };
        out.push_str(&format!(
            "  {:<20} {:<20} {:>9.3} s {:>6.1}% {:>10.1} {:>9}\n",
            st.name,
            format!("{} {}", st.type_name, st.version),
            t,
            share,
            rate,
            st.rejected
        ));
    }
    out
}

fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = b as f64;
    let mut i = 0;
    while v >= 1000.0 && i + 1 < UNITS.len() {
        v /= 1000.0;
        i += 1;
    }
    if i == 0 {
        format!("{b} B")
    } else {
        format!("{v:.1} {}", UNITS[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_kinds_group_similar_rejects() {
        assert_eq!(
            reason_kind("bad JSON: EOF while parsing at line 1"),
            "bad JSON"
        );
        assert_eq!(
            reason_kind("invalid UTF-8 in the line at byte 3 (bytes [ff])"),
            "invalid UTF-8 in the line"
        );
        assert_eq!(reason_kind("missing `id`"), "missing `id`");
    }

    #[test]
    fn bytes_read_humanly() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(14_525), "14.5 KB");
        assert_eq!(human_bytes(2_000_000_000), "2.0 GB");
    }
}
