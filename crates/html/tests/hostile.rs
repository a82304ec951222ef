//! No panic, valid output and linear time on hostile markup: generated tag soup, deep
//! nesting, unclosed tags, huge single lines. Also runs `extract` inside a minimal stage
//! through the core compliance harness, as the boilerplate stage will.

use std::time::{Duration, Instant};

use newsmill_core::testing::{assert_compliant, assert_survives_hostile_input, hostile_html};
use newsmill_core::{Document, Span, Stage, StageError, StageMeta, Value, layers};
use newsmill_html::{BlockKind, Extraction, HtmlOptions, extract};
use proptest::prelude::*;

/// The invariants every extraction keeps, whatever the input.
fn check(html: &str, ex: &Extraction) {
    let mut joined = String::with_capacity(ex.text.len());
    let mut prev_end = 0;
    for (i, b) in ex.blocks.iter().enumerate() {
        assert!(b.range.start < b.range.end, "empty block {i}");
        assert!(
            b.range.start >= prev_end,
            "blocks overlap or are out of order"
        );
        assert!(ex.text.is_char_boundary(b.range.start) && ex.text.is_char_boundary(b.range.end));
        prev_end = b.range.end;
        if i > 0 {
            joined.push_str("\n\n");
        }
        joined.push_str(&ex.text[b.range.clone()]);
        if let Some(src) = ex.source_map.to_source(b.range.clone()) {
            assert!(
                src.start <= src.end && src.end <= html.len(),
                "source out of bounds"
            );
        }
    }
    assert_eq!(joined, ex.text, "blocks do not tile the text");
    let titles = ex
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .count();
    assert!(titles <= 1);
}

fn run(html: &str) -> Extraction {
    let ex = extract(html, &HtmlOptions::default());
    check(html, &ex);
    ex
}

/// Random tag soup: known and unknown tags, open and close in any order, attributes,
/// entities, comments, raw-text elements left open.
fn tag_soup() -> impl Strategy<Value = String> {
    let tag = prop::sample::select(vec![
        "p",
        "div",
        "span",
        "a",
        "b",
        "i",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "pre",
        "blockquote",
        "br",
        "hr",
        "img",
        "script",
        "style",
        "title",
        "svg",
        "math",
        "template",
        "noscript",
        "textarea",
        "select",
        "option",
        "article",
        "nav",
        "footer",
        "header",
        "aside",
        "figure",
        "figcaption",
        "head",
        "body",
        "html",
        "dd",
        "dt",
        "form",
        "button",
        "x-widget",
        "font",
        "plaintext",
        "iframe",
        "xmp",
    ]);
    let piece = prop_oneof![
        (tag.clone(), "[a-z =\"'-]{0,20}").prop_map(|(t, a)| format!("<{t} {a}>")),
        tag.clone().prop_map(|t| format!("</{t}>")),
        tag.prop_map(|t| format!("<{t}/>")),
        "[a-zA-Z ,.]{1,30}",
        prop::sample::select(vec![
            "&amp;",
            "&nbsp;",
            "&#x1F600;",
            "&bogus;",
            "&",
            "<",
            ">",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "\r\n",
            "\u{a0}",
            "é",
            "日本",
            "<br><br>",
            "\u{0}",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn tag_soup_never_breaks_the_invariants(html in tag_soup()) {
        run(&html);
    }

}

proptest! {
    // Each case can be megabytes of repeated markup: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn core_hostile_html_never_breaks_the_invariants(html in hostile_html()) {
        run(&html);
    }

    #[test]
    fn truncated_pages_are_fine(cut in 0usize..4000) {
        let page = include_str!("pages.rs");
        let mut at = cut.min(page.len());
        while !page.is_char_boundary(at) {
            at -= 1;
        }
        run(&page[..at]);
    }
}

#[test]
fn deep_nesting_is_linear_and_safe() {
    for (open, close) in [
        ("<div>", ""),
        ("<span>", ""),
        ("<b>", ""),
        ("<a href=x>", ""),
        ("<li>", ""),
        ("<table><tr><td>", ""),
        ("<div><b>", "</b>"),
        ("<x-a>", "</x-b>"),
    ] {
        let depth = 100_000;
        let html = format!("{}deep text{}", open.repeat(depth), close.repeat(depth));
        let started = Instant::now();
        let ex = run(&html);
        assert!(ex.text.contains("deep text"), "{open}: text lost");
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{open}: {:?}",
            started.elapsed()
        );
    }
    // Open blocks each ending with an unmatched end tag of another kind.
    let html = "<div>a</span>".repeat(100_000);
    run(&html);
}

#[test]
fn eight_megabyte_single_line() {
    let sentence = "The council said the &ldquo;bridge&rdquo; would reopen <b>on Friday</b>, ending two years of repairs. ";
    let html = format!(
        "<p>{}</p>",
        sentence.repeat(8 * 1024 * 1024 / sentence.len())
    );
    let ex = run(&html);
    assert_eq!(ex.blocks.len(), 1);
    assert!(ex.text.len() > 7_000_000);
}

/// 100 MB on one line. Slow in a debug build: run with
/// `cargo test --release -p newsmill-html --test hostile -- --ignored`.
#[test]
#[ignore]
fn hundred_megabyte_single_line() {
    let piece =
        "word &amp; <i>more</i> words, <a href=\"/x\">a link</a> and <span class=x>text</span> ";
    let html = format!(
        "<div>{}</div>",
        piece.repeat(100 * 1024 * 1024 / piece.len())
    );
    let started = Instant::now();
    let ex = run(&html);
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "100 MB single line: {secs:.2} s, {:.1} MB/s",
        html.len() as f64 / 1e6 / secs
    );
    assert!(!ex.blocks.is_empty());
}

/// Four times the input takes about four times the time (no quadratic corner, which
/// would take sixteen). Best of five runs, with a wide margin for a loaded CI machine.
#[test]
fn doubling_the_input_doubles_the_time() {
    let unit = concat!(
        "<div class=\"story\"><h2>Heading</h2><p>Some prose, with a <a href=\"/a\">link</a> and ",
        "&quot;entities&quot;.</p><ul><li>one<li>two</ul><table><tr><td>a<td>b</table>",
        "<span><div>unclosed <b>bold <i>italic</div></span></div><aside class=\"related\">",
        "<a href=\"/r\">Related story headline here</a></aside>"
    );
    let time = |n: usize| {
        let html = unit.repeat(n);
        (0..5)
            .map(|_| {
                let started = Instant::now();
                run(&html);
                started.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let small = time(1_000);
    let large = time(4_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(
        ratio < 9.0,
        "4x input took {ratio:.2}x the time ({small:?} -> {large:?})"
    );
}

/// A minimal HTML-mode boilerplate stage, as the stage glue will write it: it sets the
/// text, the `blocks` and `boilerplate` layers and the fields from one extraction.
struct HtmlStage {
    meta: StageMeta,
}

impl HtmlStage {
    fn new() -> Self {
        HtmlStage {
            meta: StageMeta::new("html-test", "0", "extract() as a stage, for the harness")
                .produces(&[layers::BLOCKS, layers::BOILERPLATE])
                .fields(&[layers::CLEAN_TEXT_FIELD, "title", "byline", "date"])
                .sets_text(true),
        }
    }
}

impl Stage for HtmlStage {
    fn meta(&self) -> &StageMeta {
        &self.meta
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let Some(html) = doc.html.as_deref() else {
            return Ok(());
        };
        let ex = extract(html, &HtmlOptions::default());
        let clean = ex.clean_text();
        let mut kept = Vec::new();
        let mut removed = Vec::new();
        for b in &ex.blocks {
            let span = Span::new(b.range.start, b.range.end);
            match b.removed {
                None => kept.push(span.with("kind", b.kind.as_str())),
                Some(reason) => removed.push(span.with("reason", reason)),
            }
        }
        let opt = |v: Option<String>| v.map_or(Value::Null, Value::from);
        let (title, byline, date) = (opt(ex.title), opt(ex.byline), opt(ex.date));
        doc.set_text(ex.text, Some(ex.source_map))?;
        doc.set_layer(layers::BLOCKS, kept)?;
        doc.set_layer(layers::BOILERPLATE, removed)?;
        doc.set_field(layers::CLEAN_TEXT_FIELD, clean);
        doc.set_field("title", title);
        doc.set_field("byline", byline);
        doc.set_field("date", date);
        Ok(())
    }
}

#[test]
fn as_a_stage_it_is_compliant() {
    let stage = HtmlStage::new();
    let docs = assert_compliant(&stage, newsmill_core::testing::sample_documents());
    let html_doc = docs
        .iter()
        .find(|d| d.html.is_some())
        .expect("a sample with HTML");
    assert!(!html_doc.text().is_empty());
    assert!(
        html_doc
            .layer(layers::BLOCKS)
            .is_some_and(|l| !l.is_empty())
    );
}

#[test]
fn as_a_stage_it_survives_hostile_input() {
    assert_survives_hostile_input(&HtmlStage::new(), 16);
}
