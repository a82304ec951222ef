//! Properties of text mode on generated input: no panic, a verdict for every block,
//! spans and `clean_text` consistent with the verdicts, and time linear in the size.

use std::time::{Duration, Instant};

use newsmill_boilerplate::{BlockKind, BoilerplateOptions, Mode, Verdict, judge_text};
use newsmill_core::{Document, Stage, Value, layers};
use proptest::prelude::*;

fn stage() -> Box<dyn Stage> {
    let options = BoilerplateOptions {
        mode: Mode::Text,
        ..BoilerplateOptions::default()
    };
    let table = toml::Table::try_from(options).expect("options serialize");
    newsmill_boilerplate::factory()
        .build(&table)
        .expect("options build")
}

/// Lines that look like page text: prose, chrome, stamps, bylines, captions, and
/// arbitrary characters.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Z][a-z]{2,9}( [a-z]{1,9}){4,30}[.!?]",
        2 => proptest::sample::select(vec![
            "Home", "ADVERTISEMENT", "Related Articles", "Read More", "1 hour ago",
            "By Kostan Nechyporenko", "(Photo by AFP)", "Share", "Leave a Reply",
            "Updated 3:45 PM ET", "© 2025 Valmora Post", "Source: city records", "•••",
            "— Ann Lee (@annlee) November 18, 2019", "Ferry strike ends after three weeks",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
        1 => "[ \\t\u{a0}\u{feff}“”’—…@©0-9a-zA-Zé日本]{0,40}",
    ]
}

fn page() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(line(), 0..60),
        proptest::sample::select(vec!["\n", "\n\n", "\r\n", "\n \n"]),
    )
        .prop_map(|(lines, sep)| lines.join(sep))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn verdicts_tile_the_text_and_output_matches_them(text in page()) {
        let (blocks, findings) = judge_text(&text, &BoilerplateOptions::default()).expect("options");
        let mut last_end = 0;
        for block in &blocks {
            prop_assert!(block.range.start >= last_end, "blocks in order, disjoint");
            prop_assert!(block.range.start < block.range.end, "no empty block");
            prop_assert!(text.is_char_boundary(block.range.start) && text.is_char_boundary(block.range.end));
            let piece = &text[block.range.clone()];
            prop_assert_eq!(piece.trim(), piece.trim_matches('\u{feff}').trim());
            last_end = block.range.end;
        }
        // Every visible character of the text lies in some block.
        let visible = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'))
                .collect()
        };
        let in_blocks: String = blocks.iter().map(|b| visible(&text[b.range.clone()])).collect();
        prop_assert_eq!(in_blocks, visible(&text));
        let titles = blocks.iter().filter(|b| b.verdict == Verdict::Keep(BlockKind::Title)).count();
        prop_assert!(titles <= 1);
        prop_assert_eq!(titles == 1, findings.title.is_some());

        let mut doc = Document::from_text("p", text.clone());
        stage().process(&mut doc).expect("text mode accepts any text");
        let expected_clean: Vec<&str> = blocks
            .iter()
            .filter(|b| matches!(b.verdict, Verdict::Keep(k) if k != BlockKind::Title))
            .map(|b| &text[b.range.clone()])
            .collect();
        prop_assert_eq!(
            doc.field(layers::CLEAN_TEXT_FIELD),
            Some(&Value::from(expected_clean.join("\n\n")))
        );
        let removed = doc.removed();
        for block in &blocks {
            let is_removed = matches!(block.verdict, Verdict::Remove(_));
            prop_assert_eq!(removed.covers(block.range.clone()), is_removed);
        }
    }
}

/// The fastest of three runs of the stage over `text`.
fn best_time(stage: &dyn Stage, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let mut doc = Document::from_text("t", text.to_owned());
            let started = Instant::now();
            stage.process(&mut doc).expect("text mode");
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Random-looking lines (a fixed generator): doubling the input three times must not
/// multiply the time by much more than eight. A quadratic step would give 64.
#[test]
fn time_is_linear_in_the_number_of_lines() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let words = [
        "the", "harbour", "Council", "said", "ago", "By", "Share", "2019", "(Photo", "—",
    ];
    let mut lines = Vec::new();
    for _ in 0..32_000 {
        let n = 1 + (next() % 25) as usize;
        let line: Vec<&str> = (0..n)
            .map(|_| words[(next() % words.len() as u64) as usize])
            .collect();
        lines.push(line.join(" "));
    }
    let stage = stage();
    let small = lines[..4_000].join("\n");
    let large = lines.join("\n");
    let t_small = best_time(stage.as_ref(), &small);
    let t_large = best_time(stage.as_ref(), &large);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    assert!(
        ratio < 24.0,
        "8x input took {ratio:.1}x the time ({t_small:?} -> {t_large:?})"
    );
}

/// Long runs of one kind of block between two long paragraphs, so the main stretch
/// spans them: stamps, bylines, menu entries, headlines, markers. Eight times the run
/// must cost about eight times the time.
#[test]
fn long_runs_inside_the_story_are_linear() {
    let stage = stage();
    let paragraph = "The harbour authority said the new cranes would double capacity by 2030 and that the dredging would end in spring. ".repeat(2_000);
    for filler in [
        "1 hour ago",
        "By Ann Lee",
        "Home",
        "Ferry strike ends after three weeks",
        "Related Articles",
        "ADVERTISEMENT",
    ] {
        let page = |n: usize| {
            format!(
                "{paragraph}\n{}{paragraph}",
                format!("{filler}\n").repeat(n)
            )
        };
        let t_small = best_time(stage.as_ref(), &page(1_000));
        let t_large = best_time(stage.as_ref(), &page(8_000));
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        assert!(ratio < 24.0, "{filler:?}: 8x run took {ratio:.1}x the time");
    }
}

/// A 4 MB single line in the normal suite (the compliance harness has one too).
#[test]
fn a_long_single_line_is_one_paragraph() {
    let sentence = "The harbour authority said the new cranes would double capacity by 2030. ";
    let text = sentence.repeat(4 * 1024 * 1024 / sentence.len());
    let mut doc = Document::from_text("long", text.clone());
    stage().process(&mut doc).expect("text mode");
    let blocks = doc.layer(layers::BLOCKS).expect("blocks");
    assert_eq!(blocks.len(), 1);
    assert_eq!(
        doc.field(layers::CLEAN_TEXT_FIELD),
        Some(&Value::from(text.trim_end()))
    );
}

/// 100 MB on one line: `cargo test --release -p newsmill-boilerplate -- --ignored`.
#[test]
#[ignore = "100 MB; run in release"]
fn a_100_mb_single_line() {
    let sentence = "The harbour authority said the new cranes would double capacity by 2030. ";
    let text = sentence.repeat(100 * 1024 * 1024 / sentence.len());
    let mut doc = Document::from_text("huge", text);
    let started = Instant::now();
    stage().process(&mut doc).expect("text mode");
    let elapsed = started.elapsed();
    let clean = doc
        .field(layers::CLEAN_TEXT_FIELD)
        .and_then(Value::as_str)
        .unwrap_or("");
    assert_eq!(clean.len(), doc.text().trim_end().len());
    eprintln!(
        "100 MB single line: {elapsed:?} ({:.0} MB/s)",
        doc.text().len() as f64 / elapsed.as_secs_f64() / 1e6
    );
}
