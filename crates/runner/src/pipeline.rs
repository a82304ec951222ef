//! Running the configured stages over documents, catching every failure so that it
//! costs one document, not the run.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use newsmill_core::{Document, Stage, panic_message};

use crate::config::{ConfiguredStage, OutputConfig};
use crate::input::RawRecord;
use crate::record::{self, OutputShape, Reject};

/// What became of one input record.
#[derive(Debug)]
pub enum Outcome {
    /// Written: where its output line lies in the chunk's [`ChunkOutput::lines`].
    Written(Range<usize>),
    /// The reject record.
    Rejected(Reject),
}

/// What a chunk of records became: their output lines, one buffer for the whole chunk
/// in input order, and the outcome of each record.
///
/// One buffer per chunk rather than one per line: the writer hands it to the file
/// whole (a line-sized write would be copied into the file's buffer first), and the
/// chunk costs one allocation instead of one per document.
#[derive(Debug, Default)]
pub struct ChunkOutput {
    /// The written documents' JSON lines, each ending in a newline, in input order.
    pub lines: Vec<u8>,
    /// One outcome per input record, in input order.
    pub outcomes: Vec<Outcome>,
}

impl ChunkOutput {
    /// The output line of a written outcome (empty for a reject).
    pub fn line(&self, outcome: &Outcome) -> &[u8] {
        match outcome {
            Outcome::Written(range) => self.lines.get(range.clone()).unwrap_or_default(),
            Outcome::Rejected(_) => &[],
        }
    }
}

/// One stage of the pipeline with its bookkeeping.
struct Slot {
    name: String,
    stage: Box<dyn Stage>,
    /// Layers that may exist after this stage: everything produced so far.
    layers_so_far: Vec<String>,
    /// Fields that may exist after this stage.
    fields_so_far: Vec<String>,
    nanos: AtomicU64,
    rejected: AtomicU64,
}

/// Time and failures of one stage over a run.
#[derive(Debug, Clone)]
pub struct StageReport {
    /// Instance name.
    pub name: String,
    /// Registry type and version.
    pub type_name: String,
    /// Version of the stage.
    pub version: String,
    /// Time spent in the stage, summed over worker threads.
    pub time: Duration,
    /// Documents it rejected.
    pub rejected: u64,
}

/// The stages of a run, in order, and how their results are written.
pub struct Pipeline {
    slots: Vec<Slot>,
    shape: OutputShape,
    sets_text: bool,
    /// Output bytes per byte of text in the lines written so far, in sixteenths, to
    /// size each line's buffer once: a pipeline's line is several times its text
    /// (`text`, `clean_text`, the blocks, the annotations), and a buffer that grew by
    /// doubling was copied and faulted in anew each time.
    line_ratio: AtomicUsize,
}

/// The first lines' buffers: twice the text, in sixteenths.
const INITIAL_LINE_RATIO: usize = 2 * 16;
/// The largest line buffer, in sixteenths of the text: eight times the text.
const MAX_LINE_RATIO: usize = 8 * 16;

thread_local! {
    static IN_STAGE: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that records where a stage panicked instead of
/// printing it, so the reject record carries the message and location; panics
/// outside stages still print as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_STAGE.with(Cell::get) {
                let message = panic_message(info.payload());
                let at = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{message}{at}")));
            } else {
                default(info);
            }
        }));
    });
}

/// Runs `f` as stage code: a panic becomes `Err(message with location)`.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    IN_STAGE.with(|s| s.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    IN_STAGE.with(|s| s.set(false));
    result.map_err(|payload| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| panic_message(payload.as_ref()))
    })
}

impl Pipeline {
    /// A pipeline over `stages`, writing output shaped by `output`.
    pub fn new(stages: Vec<ConfiguredStage>, output: &OutputConfig) -> Self {
        install_panic_hook();
        let mut layers: Vec<String> = Vec::new();
        let mut fields: Vec<String> = Vec::new();
        let mut produced = Vec::new();
        let mut sets_text = false;
        let slots = stages
            .into_iter()
            .map(|c| {
                let meta = c.stage.meta();
                sets_text |= meta.sets_text;
                for f in &meta.fields {
                    fields.push(f.clone());
                    produced.push((false, f.clone()));
                }
                for l in &meta.produces {
                    layers.push(l.clone());
                    produced.push((true, l.clone()));
                }
                Slot {
                    name: c.name,
                    layers_so_far: layers.clone(),
                    fields_so_far: fields.clone(),
                    stage: c.stage,
                    nanos: AtomicU64::new(0),
                    rejected: AtomicU64::new(0),
                }
            })
            .collect();
        Pipeline {
            line_ratio: AtomicUsize::new(INITIAL_LINE_RATIO),
            slots,
            shape: OutputShape {
                only: output.fields.as_ref().map(|f| f.iter().cloned().collect()),
                include_html: output.include_html,
                produced,
                span_text: output.span_text.clone(),
            },
            sets_text,
        }
    }

    /// Per-stage time and rejects so far.
    pub fn reports(&self) -> Vec<StageReport> {
        self.slots
            .iter()
            .map(|s| StageReport {
                name: s.name.clone(),
                type_name: s.stage.meta().type_name.clone(),
                version: s.stage.meta().version.clone(),
                time: Duration::from_nanos(s.nanos.load(Ordering::Relaxed)),
                rejected: s.rejected.load(Ordering::Relaxed),
            })
            .collect()
    }

    fn parse(&self, record: &RawRecord) -> Result<Document, Box<Reject>> {
        let doc =
            record::parse(record).map_err(|(id, reason)| Reject::new(record, id, None, reason))?;
        if doc.html.is_some() && doc.text().is_empty() && !self.sets_text {
            return Err(Box::new(Reject::new(
                record,
                Some(doc.id),
                None,
                "the document has only `html`, and no stage in the pipeline turns HTML into text (add the `boilerplate` stage)".to_owned(),
            )));
        }
        Ok(doc)
    }

    /// Checks what stage `index` left in `doc` against what it declared.
    fn verify(&self, index: usize, doc: &Document, text_version: u32) -> Result<(), String> {
        let slot = &self.slots[index];
        let meta = slot.stage.meta();
        if !meta.sets_text && doc.text_version() != text_version {
            return Err(format!(
                "stage `{}` changed the text without declaring sets_text",
                slot.name
            ));
        }
        if let Some((name, _)) = doc
            .layers()
            .find(|(n, _)| !slot.layers_so_far.iter().any(|l| l == n))
        {
            return Err(format!(
                "stage `{}` stored undeclared layer `{name}`",
                slot.name
            ));
        }
        if let Some((name, _)) = doc
            .fields()
            .find(|(n, _)| !slot.fields_so_far.iter().any(|f| f == n))
        {
            return Err(format!(
                "stage `{}` set undeclared field `{name}`",
                slot.name
            ));
        }
        Ok(())
    }

    /// The room to reserve for the output lines of documents with `text_bytes` of
    /// text: an eighth over the output/text ratio seen, so lines a little longer than
    /// usual still fit.
    fn line_room(&self, text_bytes: usize) -> usize {
        let ratio = self.line_ratio.load(Ordering::Relaxed);
        text_bytes.saturating_mul(ratio + ratio / 8) / 16 + 512
    }

    /// Appends `doc`'s output line to `lines`.
    fn write(&self, doc: &Document, lines: &mut Vec<u8>) -> Outcome {
        let text = doc.text().len();
        let start = lines.len();
        record::write_document(doc, &self.shape, lines);
        let written = lines.len() - start;
        if text >= 1024 {
            // A running mean over recent lines; the ratio is bounded so that one odd
            // document (all markup, or a huge `html` echoed back) cannot make every
            // later buffer huge.
            let ratio = self.line_ratio.load(Ordering::Relaxed);
            let seen = (written.saturating_mul(16) / text).clamp(16, MAX_LINE_RATIO);
            self.line_ratio
                .store((ratio * 7 + seen) / 8, Ordering::Relaxed);
        }
        Outcome::Written(start..lines.len())
    }

    fn reject(&self, index: usize, record: &RawRecord, doc: Document, reason: String) -> Outcome {
        let slot = &self.slots[index];
        slot.rejected.fetch_add(1, Ordering::Relaxed);
        Outcome::Rejected(Reject::new(record, Some(doc.id), Some(&slot.name), reason))
    }

    /// Processes a chunk of records, stage by stage through `process_batch`. When a
    /// stage panics (or breaks the batch contract) somewhere in the chunk, the chunk is
    /// redone from the raw records one document at a time, so only the document that
    /// fails is rejected.
    pub fn run_chunk(&self, records: &[RawRecord]) -> ChunkOutput {
        let mut outcomes: Vec<Option<Outcome>> = records.iter().map(|_| None).collect();
        let mut docs = Vec::with_capacity(records.len());
        let mut owners = Vec::with_capacity(records.len());
        for (i, record) in records.iter().enumerate() {
            match self.parse(record) {
                Ok(doc) => {
                    docs.push(doc);
                    owners.push(i);
                }
                Err(reject) => outcomes[i] = Some(Outcome::Rejected(*reject)),
            }
        }
        for (index, slot) in self.slots.iter().enumerate() {
            if docs.is_empty() {
                break;
            }
            let versions: Vec<u32> = docs.iter().map(Document::text_version).collect();
            let started = Instant::now();
            let results = guarded(|| slot.stage.process_batch(&mut docs));
            slot.nanos
                .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
            let results = match results {
                Ok(r) if r.len() == docs.len() => r,
                _ => {
                    let mut lines = Vec::new();
                    let outcomes = records
                        .iter()
                        .map(|r| self.run_one(r, &mut lines))
                        .collect();
                    return ChunkOutput { lines, outcomes };
                }
            };
            let mut kept = Vec::with_capacity(docs.len());
            let mut kept_owners = Vec::with_capacity(docs.len());
            for (((doc, owner), result), version) in
                docs.into_iter().zip(owners).zip(results).zip(versions)
            {
                match result
                    .map_err(|e| e.to_string())
                    .and_then(|()| self.verify(index, &doc, version))
                {
                    Ok(()) => {
                        kept.push(doc);
                        kept_owners.push(owner);
                    }
                    Err(reason) => {
                        outcomes[owner] = Some(self.reject(index, &records[owner], doc, reason));
                    }
                }
            }
            docs = kept;
            owners = kept_owners;
        }
        let text_bytes = docs.iter().map(|d| d.text().len()).sum();
        let mut lines = Vec::with_capacity(self.line_room(text_bytes));
        for (doc, owner) in docs.iter().zip(owners) {
            outcomes[owner] = Some(self.write(doc, &mut lines));
        }
        let outcomes = outcomes
            .into_iter()
            .zip(records)
            .map(|(o, r)| {
                o.unwrap_or_else(|| {
                    Outcome::Rejected(Reject::new(
                        r,
                        None,
                        None,
                        "internal error: no outcome".into(),
                    ))
                })
            })
            .collect();
        ChunkOutput { lines, outcomes }
    }

    /// Processes one record through every stage with its own panic guard.
    fn run_one(&self, record: &RawRecord, lines: &mut Vec<u8>) -> Outcome {
        let mut doc = match self.parse(record) {
            Ok(doc) => doc,
            Err(reject) => return Outcome::Rejected(*reject),
        };
        for (index, slot) in self.slots.iter().enumerate() {
            let version = doc.text_version();
            let started = Instant::now();
            let result = guarded(|| slot.stage.process(&mut doc));
            slot.nanos
                .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
            let verdict = match result {
                Ok(Ok(())) => self.verify(index, &doc, version),
                Ok(Err(e)) => Err(e.to_string()),
                Err(panic) => Err(format!("stage panicked: {panic}")),
            };
            if let Err(reason) = verdict {
                return self.reject(index, record, doc, reason);
            }
        }
        lines.reserve(self.line_room(doc.text().len()));
        self.write(&doc, lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RecordKind;
    use newsmill_core::{Span, StageError, StageMeta};
    use std::sync::Arc;

    /// Marks the word "boom" and panics on "panic"; errors on "fail".
    struct Touchy(StageMeta);
    impl Stage for Touchy {
        fn meta(&self) -> &StageMeta {
            &self.0
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            if doc.text().contains("panic") {
                panic!("touchy stage met {}", doc.id);
            }
            if doc.text().contains("fail") {
                return Err(StageError::Failed("refused".into()));
            }
            if doc.text().contains("sneak") {
                doc.set_layer("secret", vec![])?;
            }
            let spans = doc
                .text()
                .find("boom")
                .map(|i| Span::new(i, i + 4))
                .into_iter()
                .collect();
            doc.set_layer("booms", spans)?;
            Ok(())
        }
    }

    fn pipeline() -> Pipeline {
        let stage = Touchy(StageMeta::new("touchy", "1", "test").produces(&["booms"]));
        Pipeline::new(
            vec![ConfiguredStage {
                name: "t".into(),
                stage: Box::new(stage),
                options: toml::Table::new(),
            }],
            &OutputConfig::default(),
        )
    }

    fn rec(i: u64, text: &str) -> RawRecord {
        RawRecord {
            input: Arc::from("in.jsonl"),
            line: Some(i),
            kind: RecordKind::Json,
            bytes: serde_json::to_vec(&serde_json::json!({"id": format!("d{i}"), "text": text}))
                .unwrap(),
            file_id: None,
            broken: None,
        }
    }

    #[test]
    fn one_panicking_document_costs_only_itself() {
        let p = pipeline();
        let records = [
            rec(1, "a boom"),
            rec(2, "panic now"),
            rec(3, "fail"),
            rec(4, "sneak"),
            rec(5, "ok"),
        ];
        let out = p.run_chunk(&records);
        let summary: Vec<String> = out
            .outcomes
            .iter()
            .map(|o| match o {
                Outcome::Written(_) => "written".to_owned(),
                Outcome::Rejected(r) => format!("{:?}: {}", r.stage, r.reason),
            })
            .collect();
        assert_eq!(summary[0], "written");
        assert!(
            summary[1].starts_with(
                "Some(\"t\"): stage panicked: touchy stage met d2 at crates/runner/src/pipeline.rs:"
            ),
            "{}",
            summary[1]
        );
        assert_eq!(summary[2], "Some(\"t\"): refused");
        assert_eq!(
            summary[3],
            "Some(\"t\"): stage `t` stored undeclared layer `secret`"
        );
        assert_eq!(summary[4], "written");
        assert_eq!(
            std::str::from_utf8(out.line(&out.outcomes[0])).unwrap(),
            "{\"id\":\"d1\",\"text\":\"a boom\",\"booms\":[{\"start\":2,\"end\":6,\"text\":\"boom\"}]}\n"
        );
    }

    #[test]
    fn html_only_documents_need_a_text_setting_stage() {
        let p = pipeline();
        let mut r = rec(1, "");
        r.bytes = br#"{"id": "h", "html": "<p>x</p>"}"#.to_vec();
        let out = p.run_chunk(&[r]);
        let Outcome::Rejected(rej) = &out.outcomes[0] else {
            panic!("expected reject")
        };
        assert!(
            rej.reason
                .contains("no stage in the pipeline turns HTML into text")
        );
        assert_eq!(rej.id.as_deref(), Some("h"));
    }
}
