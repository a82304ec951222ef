//! Throughput of the numbers stage on generated news-like text: `news_256k` with the
//! density of numbers of a business story (about 15 a kilobyte), `prose_256k` with that
//! of a general news story (about 4 a kilobyte: mostly prose, a few paragraphs full of
//! figures).

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsmill_core::{Document, Stage};
use newsmill_numbers::NumbersStage;

/// About `target` bytes of news prose with the usual density of numbers: a few per
/// paragraph, in digits, words, money, percentages and dates.
fn news_text(target: usize) -> String {
    let paragraphs = [
        "The port handled nearly 1.2 million containers in the first half of the year, \
         up 8% on the same period last year, the harbour authority said on Tuesday.",
        "Officials said the expansion would cost about €450 million and create some 1,200 \
         jobs over the next five years, while critics warned that the bill could double.",
        "More than two thousand people attended the rally in the capital, according to the \
         police, although the organisers put the figure at closer to 10,000.",
        "The company reported revenue of $3.4 billion for the quarter ended June 30, 2023, \
         compared with $2.9bn a year earlier, and raised its forecast by two percent.",
        "Residents said the water had risen quickly overnight and that many families had \
         been forced to leave their homes with only what they could carry.",
        "A 42-year-old man was arrested at the scene. Police said between 30 and 40 officers \
         were deployed and that hundreds of residents were evacuated as a precaution.",
        "The central bank raised its main rate by 0.25 percentage points to 4.75%, its third \
         increase this year, and signalled that more could follow in September.",
        "Negotiators met for a third day on Monday, August 14, without reaching a deal, and \
         said they would resume talks after the weekend in Geneva.",
    ];
    let mut out = String::with_capacity(target + 512);
    let mut i = 0;
    while out.len() < target {
        out.push_str(paragraphs[i % paragraphs.len()]);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

/// Paragraphs with no number at all, the bulk of most stories.
const PROSE: [&str; 6] = [
    "Residents said the water had risen quickly overnight and that many families had \
     been forced to leave their homes with only what they could carry.",
    "The minister told reporters outside the parliament building that the government \
     would not be rushed into a decision, and that talks with the unions would go on.",
    "Critics of the plan say it was drawn up in haste, without consulting the people \
     whose neighbourhoods will be changed by it, and they have promised to fight it.",
    "Witnesses described a loud bang followed by thick smoke, and said emergency crews \
     arrived within minutes and began moving people away from the scene.",
    "The club’s manager praised his players for their patience, saying the team had \
     “stuck to the plan” even when the crowd grew restless before half-time.",
    "Analysts cautioned that the recovery remained fragile, pointing to weak demand in \
     Europe and the uncertain outlook for interest rates in the months ahead.",
];

/// About `target` bytes of general news: mostly prose, with every fourth paragraph
/// one of the number-heavy ones.
fn prose_text(target: usize) -> String {
    let figures = news_text(4096);
    let figures: Vec<&str> = figures.split("\n\n").filter(|p| !p.is_empty()).collect();
    let mut out = String::with_capacity(target + 512);
    let mut i = 0;
    while out.len() < target {
        let p = if i % 4 == 3 {
            figures[(i / 4) % figures.len()]
        } else {
            PROSE[i % PROSE.len()]
        };
        out.push_str(p);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let stage = NumbersStage::default();
    let mut group = c.benchmark_group("numbers/process");
    for (name, text) in [
        ("news_256k", news_text(256 * 1024)),
        ("prose_256k", prose_text(256 * 1024)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter_batched(
                || Document::from_text("bench", text.clone()),
                |mut doc| {
                    stage.process(&mut doc).expect("numbers stage");
                    black_box(doc)
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
