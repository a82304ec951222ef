//! Throughput of the quotes stage on generated news-like articles.
//!
//! `cargo bench -p newsmill-quotes --bench quotes`

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsmill_core::{Document, Stage};
use newsmill_quotes::{QuotesOptions, QuotesStage};

const NAMES: &[(&str, &str, &str)] = &[
    ("Ana", "Ortiz", "harbour chief"),
    ("Tomas", "Brandt", "mayor"),
    ("Elena", "Varga", "council president"),
    ("Paul", "Smith", "governor"),
    ("Maria", "Lopez", "senator"),
];

const SAYINGS: &[&str] = &[
    "We are running out of quay space, and the ships keep coming",
    "Nobody in this city expected the bridge to open on time",
    "The budget is balanced for the first time in a decade",
    "Our partners will not be disappointed by the results",
    "It took eleven years, but the work is finally done",
];

const FILLER: &[&str] = &[
    "The port handled nearly 1.2 million containers in the first half, up 8% on last year.",
    "Officials expect the expansion to cost about €450 million over five years.",
    "The council's vote, scheduled for Thursday, is expected to pass by a wide margin.",
    "Residents of the old town have long complained about traffic on the river road.",
    "Critics call the plan a “bridge to nowhere” and say it favours the port's owners.",
];

/// A deterministic article of about `paragraphs` paragraphs mixing every attribution
/// pattern the stage handles, scare quotes and plain prose.
fn article(seed: usize, paragraphs: usize) -> String {
    let mut out = String::from("Port chief says expansion is ‘overdue’\n\n");
    for i in 0..paragraphs {
        let k = seed.wrapping_mul(31).wrapping_add(i * 7);
        let (first, last, role) = NAMES[k % NAMES.len()];
        let saying = SAYINGS[(k / 3) % SAYINGS.len()];
        let filler = FILLER[(k / 5) % FILLER.len()];
        let para = match k % 7 {
            0 => format!("{first} {last}, the {role}, spoke on Tuesday. {filler}"),
            1 => format!("“{saying},” {last} said. “{filler}”"),
            2 => format!("“{saying},” said {role} {first} {last}."),
            3 => format!("{last} told reporters: “{saying}.”"),
            4 => format!("“{saying},” the {role} added. {filler}"),
            5 => format!("{filler} {last} said the plan was “{saying}” and left."),
            _ => format!("{filler} Residents don't agree, and the ’90s plan wasn't better."),
        };
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}

/// An article of plain reporting with a quotation every ten paragraphs or so: most of
/// the text holds no quotation and should cost little more than finding the marks.
fn sparse_article(seed: usize, paragraphs: usize) -> String {
    let mut out = String::from("Harbour Board Approves Expansion Plan\n\n");
    for i in 0..paragraphs {
        let k = seed.wrapping_mul(17).wrapping_add(i * 3);
        let (first, last, role) = NAMES[k % NAMES.len()];
        let filler = FILLER[k % FILLER.len()];
        let other = FILLER[(k / 2) % FILLER.len()];
        if i % 10 == 9 {
            let saying = SAYINGS[k % SAYINGS.len()];
            out.push_str(&format!("“{saying},” said {role} {first} {last}."));
        } else {
            out.push_str(&format!("{filler} {other} {first} {last} did not comment."));
        }
        out.push_str("\n\n");
    }
    out
}

/// Times the stage over `docs` (cloned outside the timed part) as `quotes/process/name`.
fn bench_docs(c: &mut Criterion, stage: &QuotesStage, name: &str, docs: &[Document]) {
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let mut group = c.benchmark_group("quotes/process");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter_batched(
            || docs.to_vec(),
            |mut docs| {
                for doc in &mut docs {
                    stage.process(doc).expect("runs");
                }
                black_box(docs)
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let stage = QuotesStage::new(QuotesOptions::default()).expect("stage builds");
    let docs: Vec<Document> = (0..64)
        .map(|i| Document::from_text(format!("d{i}"), article(i, 40)))
        .collect();
    bench_docs(c, &stage, "articles", &docs);
    let sparse: Vec<Document> = (0..64)
        .map(|i| Document::from_text(format!("s{i}"), sparse_article(i, 40)))
        .collect();
    bench_docs(c, &stage, "sparse_quotes", &sparse);
}

criterion_group!(benches, bench);
criterion_main!(benches);
