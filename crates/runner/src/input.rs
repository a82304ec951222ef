//! Reading input: JSONL files, directories of `.txt`/`.html` files, single files and
//! stdin, any of them gzip-compressed, cut into bounded batches of raw records.
//!
//! Reading never judges a record: bytes are handed on as they are, with where they came
//! from (input name and line), and parsing happens on the worker threads. A record that
//! cannot be read at all (an I/O error inside a directory, a line longer than the limit)
//! still becomes a record, marked broken, so it reaches the rejects file.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::read::MultiGzDecoder;

use crate::config::InputFormat;

/// What a record's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// One JSON object (a JSONL line).
    Json,
    /// A whole plain-text document.
    Text,
    /// A whole HTML page.
    Html,
}

/// One document's raw bytes and where they came from.
#[derive(Debug, Clone)]
pub struct RawRecord {
    /// Input name (path, or `-` for stdin).
    pub input: Arc<str>,
    /// 1-based line number within a JSONL input; `None` for whole files.
    pub line: Option<u64>,
    /// How to parse the bytes.
    pub kind: RecordKind,
    /// The raw bytes (without the line terminator).
    pub bytes: Vec<u8>,
    /// Document id for whole-file records (the file's path relative to the input).
    pub file_id: Option<String>,
    /// Set when the record could not be read; the reason goes to the rejects file.
    pub broken: Option<String>,
}

/// Why the input cannot be read at all (as opposed to one bad record).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("input `{0}` does not exist")]
    NotFound(String),
    /// The path exists but cannot be opened or listed.
    #[error("cannot read input `{path}`: {source}")]
    Io {
        /// The path.
        path: String,
        /// The error.
        source: io::Error,
    },
}

/// One file (or stdin) to read, and how.
#[derive(Debug, Clone)]
struct Item {
    /// `None` = stdin.
    path: Option<PathBuf>,
    /// Display name / reject `input`.
    name: Arc<str>,
    /// Document id for whole-file items.
    id: String,
    /// `None` = sniff from the first byte.
    kind: Option<RecordKind>,
    gzip: bool,
}

/// The files an input path stands for, resolved before reading starts so that a
/// missing input is an error before any output is written.
#[derive(Debug, Clone)]
pub struct InputPlan {
    items: Vec<Item>,
    /// Files of a directory skipped because their extension is not an input format.
    pub skipped: Vec<PathBuf>,
    /// Total size of the input files on disk (compressed), when known.
    pub total_bytes: Option<u64>,
}

fn kind_from_name(name: &str) -> (Option<RecordKind>, bool) {
    let lower = name.to_ascii_lowercase();
    let (stem, gzip) = match lower.strip_suffix(".gz") {
        Some(stem) => (stem, true),
        None => (lower.as_str(), false),
    };
    let kind = match stem.rsplit_once('.').map(|(_, ext)| ext) {
        Some("jsonl" | "ndjson" | "json") => Some(RecordKind::Json),
        Some("txt" | "text") => Some(RecordKind::Text),
        Some("html" | "htm" | "xhtml") => Some(RecordKind::Html),
        _ => None,
    };
    (kind, gzip)
}

fn forced(format: InputFormat) -> Option<RecordKind> {
    match format {
        InputFormat::Auto => None,
        InputFormat::Jsonl => Some(RecordKind::Json),
        InputFormat::Text => Some(RecordKind::Text),
        InputFormat::Html => Some(RecordKind::Html),
    }
}

impl InputPlan {
    /// Resolves `path` (`-` for stdin) under `format`.
    ///
    /// # Errors
    /// [`InputError`] when the path does not exist or cannot be listed.
    pub fn new(path: &str, format: InputFormat) -> Result<Self, InputError> {
        if path == "-" {
            return Ok(InputPlan {
                items: vec![Item {
                    path: None,
                    name: Arc::from("-"),
                    id: "stdin".to_owned(),
                    kind: forced(format),
                    gzip: false,
                }],
                skipped: Vec::new(),
                total_bytes: None,
            });
        }
        let root = Path::new(path);
        let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => InputError::NotFound(path.to_owned()),
            _ => InputError::Io {
                path: path.to_owned(),
                source: e,
            },
        })?;
        if meta.is_file() {
            let file_name = root.file_name().map(|n| n.to_string_lossy().into_owned());
            let file_name = file_name.unwrap_or_else(|| path.to_owned());
            let (kind, gzip) = kind_from_name(&file_name);
            return Ok(InputPlan {
                items: vec![Item {
                    path: Some(root.to_owned()),
                    name: Arc::from(path),
                    id: strip_gz(&file_name),
                    kind: forced(format).or(kind),
                    gzip,
                }],
                skipped: Vec::new(),
                total_bytes: Some(meta.len()),
            });
        }
        let mut files = Vec::new();
        walk(root, &mut files).map_err(|source| InputError::Io {
            path: path.to_owned(),
            source,
        })?;
        files.sort();
        let mut plan = InputPlan {
            items: Vec::new(),
            skipped: Vec::new(),
            total_bytes: Some(0),
        };
        for file in files {
            let rel = file.strip_prefix(root).unwrap_or(&file);
            let rel = rel.to_string_lossy().replace('\\', "/");
            let (kind, gzip) = kind_from_name(&rel);
            let Some(kind) = forced(format).or(kind) else {
                plan.skipped.push(file);
                continue;
            };
            let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            plan.total_bytes = plan.total_bytes.map(|t| t + size);
            plan.items.push(Item {
                name: Arc::from(file.to_string_lossy().as_ref()),
                path: Some(file),
                id: strip_gz(&rel),
                kind: Some(kind),
                gzip,
            });
        }
        Ok(plan)
    }

    /// Number of files (or 1 for stdin) to read.
    pub fn file_count(&self) -> usize {
        self.items.len()
    }
}

fn strip_gz(name: &str) -> String {
    match name.len().checked_sub(3) {
        Some(i) if name.is_char_boundary(i) && name[i..].eq_ignore_ascii_case(".gz") => {
            name[..i].to_owned()
        }
        _ => name.to_owned(),
    }
}

/// Lists regular files under `dir` recursively, skipping hidden entries. Iterative, so
/// a deep tree cannot overflow the stack.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let ty = entry.file_type()?;
            if ty.is_dir() {
                pending.push(entry.path());
            } else if ty.is_file() || ty.is_symlink() {
                out.push(entry.path());
            }
        }
    }
    Ok(())
}

/// Counts bytes as they are read from disk (before decompression), for progress.
struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Limits on what one batch and one record may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Records per batch.
    pub batch_size: usize,
    /// Bytes per batch (a batch always holds at least one record).
    pub batch_bytes: usize,
    /// Longest record; longer ones are skipped and rejected without being buffered.
    pub max_record_bytes: usize,
}

/// Reads every item of `plan`, calling `emit` with each full batch (and the last one).
/// `emit` returns `false` to stop early (the consumer has gone).
///
/// # Errors
/// Only an error reading stdin or a top-level single file is returned; errors in one
/// file of a directory become broken records.
pub fn read_all(
    plan: &InputPlan,
    limits: Limits,
    disk_bytes: &Arc<AtomicU64>,
    emit: &mut dyn FnMut(Vec<RawRecord>) -> bool,
) -> Result<(), InputError> {
    let mut batch = Batcher {
        records: Vec::new(),
        bytes: 0,
        limits,
        emit,
        stopped: false,
    };
    let single = plan.items.len() == 1;
    for item in &plan.items {
        if batch.stopped {
            break;
        }
        let result = read_item(item, limits, disk_bytes, &mut batch);
        if let Err(e) = result {
            if single {
                return Err(InputError::Io {
                    path: item.name.to_string(),
                    source: e,
                });
            }
            batch.push(RawRecord {
                input: item.name.clone(),
                line: None,
                kind: item.kind.unwrap_or(RecordKind::Text),
                bytes: Vec::new(),
                file_id: Some(item.id.clone()),
                broken: Some(format!("cannot read file: {e}")),
            });
        }
    }
    batch.flush();
    Ok(())
}

struct Batcher<'a> {
    records: Vec<RawRecord>,
    bytes: usize,
    limits: Limits,
    emit: &'a mut dyn FnMut(Vec<RawRecord>) -> bool,
    stopped: bool,
}

impl Batcher<'_> {
    fn push(&mut self, record: RawRecord) {
        self.bytes += record.bytes.len();
        self.records.push(record);
        if self.records.len() >= self.limits.batch_size || self.bytes >= self.limits.batch_bytes {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.records.is_empty() || self.stopped {
            return;
        }
        self.bytes = 0;
        let full = std::mem::take(&mut self.records);
        if !(self.emit)(full) {
            self.stopped = true;
        }
    }
}

fn open(item: &Item, disk_bytes: &Arc<AtomicU64>) -> io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = match &item.path {
        Some(p) => Box::new(File::open(p)?),
        None => Box::new(io::stdin()),
    };
    let counted = Counting {
        inner: raw,
        counter: disk_bytes.clone(),
    };
    Ok(if item.gzip {
        Box::new(BufReader::with_capacity(
            1 << 20,
            MultiGzDecoder::new(BufReader::new(counted)),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 20, counted))
    })
}

/// Guesses the format of an unnamed stream from its first non-blank byte.
fn sniff(reader: &mut dyn BufRead) -> io::Result<RecordKind> {
    let buf = reader.fill_buf()?;
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    Ok(match buf.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => RecordKind::Json,
        Some(b'<') => RecordKind::Html,
        _ => RecordKind::Text,
    })
}

fn read_item(
    item: &Item,
    limits: Limits,
    disk_bytes: &Arc<AtomicU64>,
    batch: &mut Batcher<'_>,
) -> io::Result<()> {
    let mut reader = open(item, disk_bytes)?;
    let kind = match item.kind {
        Some(k) => k,
        None => sniff(reader.as_mut())?,
    };
    match kind {
        RecordKind::Json => read_lines(item, reader.as_mut(), limits, batch),
        RecordKind::Text | RecordKind::Html => {
            let mut bytes = Vec::new();
            let limit = limits.max_record_bytes as u64;
            reader.as_mut().take(limit + 1).read_to_end(&mut bytes)?;
            let broken = (bytes.len() as u64 > limit).then(|| {
                bytes = Vec::new();
                format!("document is larger than the {limit}-byte limit (run.max_document_bytes)")
            });
            batch.push(RawRecord {
                input: item.name.clone(),
                line: None,
                kind,
                bytes,
                file_id: Some(item.id.clone()),
                broken,
            });
            Ok(())
        }
    }
}

/// Splits a stream into lines with memchr, never buffering more than `max_record_bytes`
/// of one line: a longer line is skipped to its end and recorded as broken.
fn read_lines(
    item: &Item,
    reader: &mut dyn BufRead,
    limits: Limits,
    batch: &mut Batcher<'_>,
) -> io::Result<()> {
    let mut line_no: u64 = 0;
    let mut line: Vec<u8> = Vec::new();
    let mut too_long = false;
    loop {
        let (done, used) = {
            let buf = match reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    // A corrupt or truncated stream: what was read so far stands, the
                    // rest of this input is one reject naming the line it stopped at.
                    batch.push(RawRecord {
                        input: item.name.clone(),
                        line: Some(line_no + 1),
                        kind: RecordKind::Json,
                        bytes: Vec::new(),
                        file_id: None,
                        broken: Some(format!("input stopped being readable here: {e}")),
                    });
                    return Ok(());
                }
            };
            if buf.is_empty() {
                (true, 0)
            } else {
                match memchr::memchr(b'\n', buf) {
                    Some(i) => {
                        if !too_long {
                            append_bounded(&mut line, &buf[..i], limits, &mut too_long);
                        }
                        line_no += 1;
                        finish_line(item, line_no, &mut line, &mut too_long, limits, batch);
                        (false, i + 1)
                    }
                    None => {
                        if !too_long {
                            append_bounded(&mut line, buf, limits, &mut too_long);
                        }
                        (false, buf.len())
                    }
                }
            }
        };
        if done {
            if !line.is_empty() || too_long {
                line_no += 1;
                finish_line(item, line_no, &mut line, &mut too_long, limits, batch);
            }
            return Ok(());
        }
        reader.consume(used);
        if batch.stopped {
            return Ok(());
        }
    }
}

fn append_bounded(line: &mut Vec<u8>, piece: &[u8], limits: Limits, too_long: &mut bool) {
    if line.len() + piece.len() > limits.max_record_bytes {
        *too_long = true;
        *line = Vec::new();
    } else {
        line.extend_from_slice(piece);
    }
}

/// Lines longer than this are handed on in the buffer they were read into.
const HAND_ON_BYTES: usize = 1 << 20;

fn finish_line(
    item: &Item,
    line_no: u64,
    line: &mut Vec<u8>,
    too_long: &mut bool,
    limits: Limits,
    batch: &mut Batcher<'_>,
) {
    if *too_long {
        *too_long = false;
        batch.push(RawRecord {
            input: item.name.clone(),
            line: Some(line_no),
            kind: RecordKind::Json,
            bytes: Vec::new(),
            file_id: None,
            broken: Some(format!(
                "line is longer than the {}-byte limit (run.max_document_bytes)",
                limits.max_record_bytes
            )),
        });
        return;
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    if line.iter().all(u8::is_ascii_whitespace) {
        line.clear();
        return;
    }
    // An exact-size copy: the read buffer keeps its capacity for the next line, and a
    // batch holds no slack. A very long line's buffer is handed on instead: a copy
    // would hold the line twice at once (a 51.6 MB line peaked 100 MB higher), and the
    // buffer must not stay that large for the rest of the run anyway.
    let bytes = if line.len() > HAND_ON_BYTES {
        std::mem::take(line)
    } else {
        let bytes = line.as_slice().to_vec();
        line.clear();
        // A long line must not keep its buffer for the rest of the run.
        line.shrink_to(1 << 16);
        bytes
    };
    batch.push(RawRecord {
        input: item.name.clone(),
        line: Some(line_no),
        kind: RecordKind::Json,
        bytes,
        file_id: None,
        broken: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(plan: &InputPlan, limits: Limits) -> Vec<Vec<RawRecord>> {
        let mut batches = Vec::new();
        read_all(plan, limits, &Arc::new(AtomicU64::new(0)), &mut |b| {
            batches.push(b);
            true
        })
        .unwrap();
        batches
    }

    const LIMITS: Limits = Limits {
        batch_size: 2,
        batch_bytes: 1 << 20,
        max_record_bytes: 64,
    };

    #[test]
    fn lines_are_numbered_blank_lines_skipped_and_long_lines_broken() {
        let dir = std::env::temp_dir().join(format!("newsmill-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("in.jsonl");
        let long = "x".repeat(100);
        std::fs::write(&path, format!("{{\"id\":1}}\r\n\n  \n{long}\n{{\"id\":2}}")).unwrap();
        let plan = InputPlan::new(path.to_str().unwrap(), InputFormat::Auto).unwrap();
        let batches = collect(&plan, LIMITS);
        let records: Vec<&RawRecord> = batches.iter().flatten().collect();
        assert_eq!(batches.len(), 2, "batches of two");
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].line, Some(1));
        assert_eq!(records[0].bytes, b"{\"id\":1}");
        assert_eq!(records[1].line, Some(4));
        assert!(
            records[1]
                .broken
                .as_deref()
                .unwrap()
                .contains("longer than")
        );
        assert_eq!(records[2].line, Some(5));
        assert_eq!(records[2].bytes, b"{\"id\":2}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn directories_give_one_record_per_known_file() {
        let dir = std::env::temp_dir().join(format!("newsmill-dir-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "Body").unwrap();
        std::fs::write(dir.join("sub/a.html"), "<p>x</p>").unwrap();
        std::fs::write(dir.join("notes.md"), "skip me").unwrap();
        std::fs::write(dir.join(".hidden.txt"), "skip me").unwrap();
        let plan = InputPlan::new(dir.to_str().unwrap(), InputFormat::Auto).unwrap();
        assert_eq!(plan.skipped.len(), 1);
        let records: Vec<RawRecord> = collect(&plan, LIMITS).into_iter().flatten().collect();
        let ids: Vec<_> = records.iter().map(|r| r.file_id.clone().unwrap()).collect();
        assert_eq!(ids, ["b.txt", "sub/a.html"]);
        assert_eq!(records[1].kind, RecordKind::Html);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn names_map_to_kinds() {
        assert_eq!(kind_from_name("a.JSONL.gz"), (Some(RecordKind::Json), true));
        assert_eq!(kind_from_name("page.htm"), (Some(RecordKind::Html), false));
        assert_eq!(kind_from_name("README"), (None, false));
        assert_eq!(strip_gz("x.txt.gz"), "x.txt");
    }

    #[test]
    fn missing_input_is_an_error() {
        assert!(matches!(
            InputPlan::new("/no/such/newsmill/input", InputFormat::Auto),
            Err(InputError::NotFound(_))
        ));
    }
}
