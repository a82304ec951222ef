//! Throughput of each stage and of the whole pipeline, on one core, over articles from
//! the deterministic corpus generator (`newsmill-corpusgen`), plus the floor: reading a
//! JSON line into a document and writing it back with no stage at all.
//!
//! ```text
//! cargo bench --bench pipeline
//! cargo bench --bench pipeline -- 'stage/quotes'
//! ```
//!
//! Documents are built outside the timed part (`iter_batched`); throughput is in bytes
//! of document input (text, or HTML for the HTML groups).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsmill_core::{Document, Stage};
use newsmill_corpusgen::Generator;
use std::hint::black_box;

/// The runner's allocator, so that the stages are measured as they run in it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLES: usize = 400;

fn stage(type_name: &str, options: &str) -> Box<dyn Stage> {
    let factory = match type_name {
        "boilerplate" => newsmill_boilerplate::factory(),
        "quotes" => newsmill_quotes::factory(),
        "numbers" => newsmill_numbers::factory(),
        other => panic!("no stage {other}"),
    };
    let table: toml::Table = toml::from_str(options).expect("bench options parse");
    factory.build(&table).expect("bench stage builds")
}

fn text_docs() -> Vec<Document> {
    let mut g = Generator::new(7);
    (0..ARTICLES)
        .map(|i| Document::from_text(format!("t{i}"), g.text_article().1))
        .collect()
}

fn html_docs() -> Vec<Document> {
    let mut g = Generator::new(7);
    (0..ARTICLES / 2)
        .map(|i| Document::from_html(format!("h{i}"), g.html_article().1))
        .collect()
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter()
        .map(|d| d.html.as_ref().map_or(d.text().len(), String::len) as u64)
        .sum()
}

/// Runs the stages as the runner does: documents in chunks of the runner's largest
/// size, each chunk stage by stage (a stage's tables stay in cache over the chunk).
fn run_all(stages: &[Box<dyn Stage>], mut docs: Vec<Document>) -> Vec<Document> {
    for chunk in docs.chunks_mut(newsmill_runner::run::MAX_CHUNK) {
        for s in stages {
            for doc in chunk.iter_mut() {
                // Errors are part of the measured work; the generated corpus has none.
                let _ = s.process(doc);
            }
        }
    }
    docs
}

fn bench_group(c: &mut Criterion, name: &str, docs: &[Document], stages: Vec<Box<dyn Stage>>) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes(docs)));
    group.sample_size(20);
    group.bench_function(format!("{}_articles", docs.len()), |b| {
        b.iter_batched(
            || docs.to_vec(),
            |d| black_box(run_all(&stages, d)),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn stages(c: &mut Criterion) {
    let text = text_docs();
    let html = html_docs();
    bench_group(
        c,
        "stage/boilerplate_text",
        &text,
        vec![stage("boilerplate", "mode = 'text'")],
    );
    bench_group(
        c,
        "stage/boilerplate_html",
        &html,
        vec![stage("boilerplate", "mode = 'html'")],
    );
    bench_group(c, "stage/quotes", &text, vec![stage("quotes", "")]);
    bench_group(c, "stage/numbers", &text, vec![stage("numbers", "")]);
    // As the default pipeline runs them: after boilerplate (run here outside the timed
    // part), stepping over the removed blocks. Throughput is still counted on the
    // whole text.
    let cleaned = run_all(&[stage("boilerplate", "mode = 'text'")], text.clone());
    bench_group(
        c,
        "stage/quotes_after_boilerplate",
        &cleaned,
        vec![stage("quotes", "")],
    );
    bench_group(
        c,
        "stage/numbers_after_boilerplate",
        &cleaned,
        vec![stage("numbers", "")],
    );
    bench_group(
        c,
        "pipeline/text",
        &text,
        vec![
            stage("boilerplate", ""),
            stage("quotes", ""),
            stage("numbers", ""),
        ],
    );
    bench_group(
        c,
        "pipeline/html",
        &html,
        vec![
            stage("boilerplate", ""),
            stage("quotes", ""),
            stage("numbers", ""),
        ],
    );
}

/// The floor: what the runner costs per document before any stage, i.e. parsing the
/// JSON line into a document and writing the output line.
fn floor(c: &mut Criterion) {
    use newsmill_runner::input::{RawRecord, RecordKind};
    use newsmill_runner::record::{OutputShape, parse, write_document};
    let mut g = Generator::new(7);
    let records: Vec<RawRecord> = (0..ARTICLES)
        .map(|i| RawRecord {
            input: "bench".into(),
            line: Some(i as u64 + 1),
            kind: RecordKind::Json,
            bytes: g.text_record().trim_end().as_bytes().to_vec(),
            file_id: None,
            broken: None,
        })
        .collect();
    let total: u64 = records.iter().map(|r| r.bytes.len() as u64).sum();
    let shape = OutputShape::default();
    let mut group = c.benchmark_group("runner/floor");
    group.throughput(Throughput::Bytes(total));
    group.sample_size(20);
    group.bench_function(format!("{ARTICLES}_json_lines"), |b| {
        let mut out = Vec::with_capacity(total as usize * 2);
        b.iter(|| {
            out.clear();
            for r in &records {
                if let Ok(doc) = parse(r) {
                    write_document(&doc, &shape, &mut out);
                }
            }
            black_box(out.len())
        })
    });
    group.finish();
}

criterion_group!(benches, stages, floor);
criterion_main!(benches);
