//! Throughput of the boilerplate stage in text mode on generated scraped-page text: a
//! page's menus, a headline with byline and stamp, a caption, article paragraphs with
//! an ad label and a subheading, a related-links list, a comment form and a footer,
//! in the proportions the eval pages show (most lines short, most words in paragraphs).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsmill_core::Document;

/// A small deterministic generator (no data files, same text every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const NOUNS: &[&str] = &[
    "council", "harbour", "budget", "minister", "ferry", "strike", "court", "river", "factory",
    "election", "school", "bridge", "company", "union", "report", "hospital", "police", "market",
    "airport", "farmers", "tariffs", "museum", "storm", "village", "contract",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "announced",
    "criticised",
    "expanded",
    "reviewed",
    "funded",
    "closed",
    "defended",
    "questioned",
    "welcomed",
];
const GLUE: &[&str] = &[
    "the", "a", "of", "in", "on", "for", "with", "after", "before", "and", "that", "its",
];
const MENU: &[&str] = &[
    "Home",
    "World",
    "Business",
    "Politics",
    "Sport",
    "Culture",
    "Opinion",
    "Science",
    "Video",
    "Podcasts",
    "Newsletters",
    "Sign In",
    "Subscribe",
    "Search",
    "Weather",
];

fn sentence(rng: &mut Lcg) -> String {
    let words = 12 + rng.next(16);
    let mut s = String::new();
    for i in 0..words {
        let w = match i % 4 {
            0 | 2 => GLUE[rng.next(GLUE.len())],
            1 => NOUNS[rng.next(NOUNS.len())],
            _ => VERBS[rng.next(VERBS.len())],
        };
        if i == 0 {
            let mut c = w.chars();
            if let Some(first) = c.next() {
                s.extend(first.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
        if i == words / 2 && rng.next(3) == 0 {
            s.push_str(&format!(" {} percent", rng.next(90) + 1));
        }
    }
    s.push('.');
    s
}

fn headline(rng: &mut Lcg) -> String {
    let n = NOUNS[rng.next(NOUNS.len())];
    let v = VERBS[rng.next(VERBS.len())];
    let m = NOUNS[rng.next(NOUNS.len())];
    format!("{}{} {v} over {m} plan", n[..1].to_uppercase(), &n[1..])
}

fn page(rng: &mut Lcg) -> String {
    let mut lines: Vec<String> = Vec::new();
    for _ in 0..(25 + rng.next(30)) {
        lines.push(MENU[rng.next(MENU.len())].to_owned());
    }
    lines.push("ADVERTISEMENT".into());
    lines.push(headline(rng));
    lines.push("By Ana Ortiz and Lena Fisk".into());
    lines.push(format!(
        "Updated {}:{:02} PM ET, November {}, 2025",
        1 + rng.next(11),
        rng.next(60),
        1 + rng.next(28)
    ));
    lines.push("The harbour at dawn. (Photo by Lena Fisk/Getty Images)".into());
    let paragraphs = 8 + rng.next(10);
    for p in 0..paragraphs {
        let mut para = String::new();
        for _ in 0..(1 + rng.next(3)) {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&sentence(rng));
        }
        lines.push(para);
        if p == paragraphs / 2 {
            lines.push("Advertisement".into());
            lines.push(headline(rng));
        }
    }
    lines.push("Related Articles".into());
    for _ in 0..8 {
        lines.push(headline(rng));
    }
    lines.push("Leave a Reply".into());
    lines.push("Your email address will not be published. Required fields are marked *".into());
    for _ in 0..(15 + rng.next(10)) {
        lines.push(MENU[rng.next(MENU.len())].to_owned());
    }
    lines.push("© 2025 Valmora Post. All rights reserved.".into());
    lines.join("\n")
}

fn bench(c: &mut Criterion) {
    let stage = newsmill_boilerplate::factory()
        .build(&toml::Table::new())
        .expect("default options build");
    let mut rng = Lcg(7);
    // A batch of distinct pages, so caches and branch predictors see variety.
    let pages: Vec<String> = (0..200).map(|_| page(&mut rng)).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group("boilerplate/text");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("scraped_pages", |b| {
        b.iter_batched(
            || {
                pages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Document::from_text(i.to_string(), p.clone()))
                    .collect::<Vec<_>>()
            },
            |mut docs| {
                for doc in &mut docs {
                    stage.process(doc).expect("text mode accepts any text");
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    // One long article-only document: the per-byte cost without per-line overhead.
    let long: String = (0..2000).map(|_| sentence(&mut rng) + "\n\n").collect();
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("long_article", |b| {
        b.iter_batched(
            || Document::from_text("long", long.clone()),
            |mut doc| {
                stage.process(&mut doc).expect("text mode accepts any text");
                doc
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
