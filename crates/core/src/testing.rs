//! The compliance harness every stage, built-in or plugin, is run through, and the
//! hostile-input generators it uses.
//!
//! A compliant stage:
//! - never panics, whatever the document (it returns an error instead);
//! - stores only the layers and fields it declares in its [`StageMeta`];
//! - leaves the text alone unless it declares `sets_text`;
//! - stores spans that are in bounds, on char boundaries and sorted (the document
//!   refuses anything else, and the harness checks again);
//! - is deterministic: the same document in gives the same document out.
//!
//! Use [`assert_compliant`] on realistic documents and [`assert_survives_hostile_input`]
//! with generated ones in each stage's tests.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::{Document, Span, Stage, StageError, StageMeta, Value, layers, panic_message};

/// A breach of the stage contract found by the harness.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Violation {
    /// The stage panicked.
    #[error("stage `{stage}` panicked on document `{doc}`: {message}")]
    Panicked {
        /// Stage type.
        stage: String,
        /// Document id.
        doc: String,
        /// Panic payload, when it was a string.
        message: String,
    },
    /// The stage stored a layer it does not declare.
    #[error("stage `{stage}` stored undeclared layer `{layer}`")]
    UndeclaredLayer {
        /// Stage type.
        stage: String,
        /// The layer.
        layer: String,
    },
    /// The stage set a field it does not declare.
    #[error("stage `{stage}` set undeclared field `{field}`")]
    UndeclaredField {
        /// Stage type.
        stage: String,
        /// The field.
        field: String,
    },
    /// The text changed although the stage does not declare `sets_text`.
    #[error("stage `{stage}` changed the text without declaring sets_text")]
    TextChanged {
        /// Stage type.
        stage: String,
    },
    /// A stored span breaks an invariant (bounds, boundaries, order).
    #[error("stage `{stage}`, layer `{layer}`: {problem}")]
    BadSpan {
        /// Stage type.
        stage: String,
        /// The layer.
        layer: String,
        /// What is wrong.
        problem: String,
    },
    /// Two runs over the same document gave different results.
    #[error("stage `{stage}` is not deterministic on document `{doc}`")]
    Nondeterministic {
        /// Stage type.
        stage: String,
        /// Document id.
        doc: String,
    },
}

/// Runs `stage` on a copy of `doc` and checks the contract. Returns what the stage
/// returned (its own error is allowed: refusing a document is not a breach) along with
/// the processed document.
///
/// # Errors
/// The first [`Violation`] found.
pub fn check_document(
    stage: &dyn Stage,
    doc: &Document,
) -> Result<(Document, Result<(), StageError>), Violation> {
    let meta = stage.meta();
    let first = run_caught(stage, doc)?;
    let second = run_caught(stage, doc)?;
    if first != second {
        return Err(Violation::Nondeterministic {
            stage: meta.type_name.clone(),
            doc: doc.id.clone(),
        });
    }
    let (out, result) = first;
    check_output(meta, doc, &out)?;
    Ok((out, result))
}

fn run_caught(
    stage: &dyn Stage,
    doc: &Document,
) -> Result<(Document, Result<(), StageError>), Violation> {
    let mut copy = doc.clone();
    let result =
        catch_unwind(AssertUnwindSafe(|| stage.process(&mut copy))).map_err(|payload| {
            Violation::Panicked {
                stage: stage.meta().type_name.clone(),
                doc: doc.id.clone(),
                message: panic_message(payload.as_ref()),
            }
        })?;
    Ok((copy, result))
}

fn check_output(meta: &StageMeta, before: &Document, after: &Document) -> Result<(), Violation> {
    let stage = meta.type_name.clone();
    if !meta.sets_text
        && (after.text() != before.text() || after.text_version() != before.text_version())
    {
        return Err(Violation::TextChanged { stage });
    }
    for (name, spans) in after.layers() {
        let untouched = before.layer(name) == Some(spans);
        if !untouched && !meta.produces.iter().any(|p| p == name) {
            return Err(Violation::UndeclaredLayer {
                stage,
                layer: name.to_owned(),
            });
        }
        check_spans(&stage, name, after.text(), spans)?;
    }
    for (name, value) in after.fields() {
        let untouched = before.field(name) == Some(value);
        if !untouched && !meta.fields.iter().any(|f| f == name) {
            return Err(Violation::UndeclaredField {
                stage,
                field: name.to_owned(),
            });
        }
    }
    Ok(())
}

fn check_spans(stage: &str, layer: &str, text: &str, spans: &[Span]) -> Result<(), Violation> {
    let bad = |problem: String| Violation::BadSpan {
        stage: stage.to_owned(),
        layer: layer.to_owned(),
        problem,
    };
    let mut prev = (0u32, 0u32);
    for span in spans {
        let (s, e) = (span.start as usize, span.end as usize);
        if s > e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(bad(format!(
                "span {s}..{e} is not a valid range of the text"
            )));
        }
        if (span.start, span.end) < prev {
            return Err(bad(format!("span {s}..{e} is out of order")));
        }
        prev = (span.start, span.end);
        for (key, value) in span.attrs.iter() {
            if let Value::Range(a, b) = *value {
                let (a, b) = (a as usize, b as usize);
                if a > b || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b)
                {
                    return Err(bad(format!("attribute `{key}` range {a}..{b} is invalid")));
                }
            }
        }
    }
    Ok(())
}

/// Checks `stage` on each document and panics with the first violation (for tests).
/// Returns the processed documents so the caller can assert on the annotations too.
pub fn assert_compliant(
    stage: &dyn Stage,
    docs: impl IntoIterator<Item = Document>,
) -> Vec<Document> {
    docs.into_iter()
        .map(|doc| match check_document(stage, &doc) {
            Ok((out, _)) => out,
            Err(v) => panic!("compliance: {v}"),
        })
        .collect()
}

/// Runs `stage` over `cases` generated hostile documents (see [`hostile_document`])
/// plus a few fixed extremes (a multi-megabyte single line, markup nested 100,000 deep),
/// and panics with the first violation and the input that caused it.
pub fn assert_survives_hostile_input(stage: &dyn Stage, cases: u32) {
    for doc in extreme_documents() {
        if let Err(v) = check_document(stage, &doc) {
            panic!("compliance on extreme input `{}`: {v}", doc.id);
        }
    }
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&hostile_document(), |doc| {
        check_document(stage, &doc)
            .map(|_| ())
            .map_err(|v| TestCaseError::fail(v.to_string()))
    });
    if let Err(e) = result {
        panic!("compliance on hostile input: {e}");
    }
}

/// Fixed extreme inputs: a 4 MB single line of prose, a 1 MB run of one quote mark,
/// 100,000 nested `<div>`s left open, and 100,000 unclosed `<b>`s.
pub fn extreme_documents() -> Vec<Document> {
    let sentence = "He said “the 1,500 firms are worth nearly $8 billion” and ";
    let line = sentence.repeat(4 * 1024 * 1024 / sentence.len());
    let marks = "“".repeat(1024 * 1024 / 3);
    let nested = format!("{}<p>deep</p>", "<div>".repeat(100_000));
    let unclosed = format!("<html><body>{}text", "<b>".repeat(100_000));
    vec![
        Document::from_text("extreme-long-line", line),
        Document::from_text("extreme-quote-marks", marks),
        Document::from_html("extreme-nested-divs", nested),
        Document::from_html("extreme-unclosed-tags", unclosed),
    ]
}

/// Pieces that stress text stages: quote marks and apostrophes in every form, numbers,
/// currency, control and invisible characters, combining marks, emoji, right-to-left
/// text, and multi-byte characters placed where naive slicing breaks.
const TEXT_PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "'s",
    "’90s",
    "rock 'n' roll",
    "don't",
    " said ",
    " he added.",
    "Putin",
    " President Vladimir Putin ",
    "according to TASS",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    ".",
    ",",
    "—",
    "-",
    "…",
    "?!",
    "1",
    "0",
    "42",
    "1,500",
    "28,500",
    "3.14",
    "-7",
    "1.5 million",
    "$8 billion",
    "€2m",
    "£",
    "¥",
    "US$",
    "500 billion rubles",
    "two percent",
    "5%",
    "nearly",
    "over",
    "thousands of",
    "twenty-first",
    "21st",
    "1/3",
    "½",
    "50-year-old",
    "August 14, 2023",
    "Army-2023",
    "COVID-19",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{feff}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{fffd}",
    "e\u{301}",
    "👩\u{200d}🔬",
    "🇺🇦",
    "مرحبا",
    "日本語のテキスト",
    "Ærø",
    "ß",
    "ǅ",
    "İ",
    "ﬁ",
    "\u{2028}",
    "\u{85}",
    "ADVERTISEMENT",
    "Related Articles",
    "Read More",
    "1 hour ago",
    "By Kostan Nechyporenko",
    "(Photo by AFP)",
];

/// Pieces that stress HTML handling: broken and unbalanced markup, comments, CDATA,
/// scripts, entities (valid, huge, unterminated), attributes with quotes, metadata.
const HTML_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<div class=\"ad banner\">",
    "<nav>",
    "</nav>",
    "<article>",
    "</article>",
    "<script>",
    "</script>",
    "<script>var a = '</p>';</script>",
    "<style>p{}</style>",
    "<!--",
    "-->",
    "<!-- c -->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&lt;",
    "&#x1F600;",
    "&#99999999;",
    "&#0;",
    "&nbsp;",
    "&unknown;",
    "&",
    "<",
    ">",
    "</",
    "<a href='",
    "'>",
    "<a href=\"/x\">link</a>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<br>",
    "<br/>",
    "<img src=x alt=\"“\">",
    "<h1>",
    "</h1>",
    "<li>",
    "<ul>",
    "</ul>",
    "<blockquote>",
    "<figure><figcaption>Photo: AFP</figcaption></figure>",
    "<meta property=\"og:title\" content=\"",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
    "<time datetime=\"2023-08-14\">",
    "<template>",
    "<noscript>",
    "<svg><p>",
    "<math>",
    "<select><option>",
    "<textarea>",
    "<pre>",
    "</pre>",
    "<iframe src=",
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "</body></html>",
    "<p hidden>",
    "<div style=\"display:none\">",
];

fn pieces(palette: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(palette).prop_map(str::to_owned),
        2 => "[a-zA-Z ]{1,12}",
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => (proptest::sample::select(palette), 100usize..20_000)
            .prop_map(|(p, n)| p.repeat(n)),
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

/// Hostile plain text: random mixes of [`TEXT_PIECES`], random chars and long repeats.
pub fn hostile_text() -> impl Strategy<Value = String> {
    pieces(TEXT_PIECES, 120)
}

/// Hostile HTML: broken markup from `HTML_PIECES` interleaved with hostile text,
/// sometimes nested thousands deep.
pub fn hostile_html() -> impl Strategy<Value = String> {
    let mixed = proptest::collection::vec(
        prop_oneof![pieces(HTML_PIECES, 20), pieces(TEXT_PIECES, 8)],
        0..20,
    )
    .prop_map(|v| v.concat());
    (
        mixed,
        0usize..5_000,
        proptest::sample::select(&["<div>", "<p>", "<span>", "<li>"][..]),
    )
        .prop_map(|(body, depth, tag)| format!("{}{body}", tag.repeat(depth)))
}

/// A hostile document: hostile text, hostile HTML, or both; sometimes with a
/// boilerplate layer already present over random (valid) ranges, as stages that read
/// it will meet.
pub fn hostile_document() -> impl Strategy<Value = Document> {
    let text_doc = (
        hostile_text(),
        proptest::collection::vec((any::<u16>(), 0u16..400), 0..6),
    )
        .prop_map(|(text, cuts)| {
            let mut doc = Document::from_text("hostile-text", text);
            add_random_removed(&mut doc, &cuts);
            doc
        });
    let html_doc = hostile_html().prop_map(|html| Document::from_html("hostile-html", html));
    let both = (hostile_text(), hostile_html()).prop_map(|(text, html)| {
        let mut doc = Document::from_text("hostile-both", text);
        doc.html = Some(html);
        doc
    });
    prop_oneof![4 => text_doc, 2 => html_doc, 1 => both]
}

fn add_random_removed(doc: &mut Document, cuts: &[(u16, u16)]) {
    let text = doc.text();
    if text.is_empty() || cuts.is_empty() {
        return;
    }
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let spans = cuts
        .iter()
        .map(|&(at, len)| {
            let s = floor(at as usize * text.len() / (u16::MAX as usize + 1));
            let e = floor(s + len as usize);
            Span::new(s, e).with("reason", "other")
        })
        .collect();
    doc.set_layer(layers::BOILERPLATE, spans)
        .expect("floored offsets are valid");
}

/// A few short articles written for this project's tests: a text article with
/// boilerplate lines, quotes and numbers, and the same story as an HTML page.
pub fn sample_documents() -> Vec<Document> {
    let text = "Harbour authority expects record cargo year\n\n\
        ADVERTISEMENT\n\n\
        The port of Valmora handled nearly 1.2 million containers in the first half, \
        up 8% on last year, the harbour authority said on Tuesday.\n\n\
        “We are running out of quay space,” said director Ana Ortiz. “Ships now wait \
        two days on average.”\n\n\
        She added that the expansion would cost about €450 million.\n\n\
        Related Articles\n\nRead More";
    let html = "<!DOCTYPE html><html><head><title>Record cargo year | Valmora Post</title>\
        <meta name=\"author\" content=\"Lena Fisk\"></head><body>\
        <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
        <article><h1>Harbour authority expects record cargo year</h1>\
        <p>The port of Valmora handled nearly 1.2 million containers in the first half, \
        up 8% on last year, the harbour authority said on Tuesday.</p>\
        <p>&ldquo;We are running out of quay space,&rdquo; said director Ana Ortiz.</p>\
        <figure><img src=\"port.jpg\"><figcaption>Cranes at dawn. (Photo: L. Fisk)</figcaption></figure>\
        </article><aside><h2>Related</h2><ul><li><a href=\"/a\">Ferry strike ends</a></li></ul></aside>\
        <footer>© 2026 Valmora Post</footer></body></html>";
    vec![
        Document::from_text("sample-text", text),
        Document::from_html("sample-html", html),
        Document::from_text("sample-empty", ""),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;

    /// Annotates every ASCII digit run; a well-behaved stage.
    struct Digits(StageMeta);
    impl Stage for Digits {
        fn meta(&self) -> &StageMeta {
            &self.0
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            let text = doc.text();
            let mut spans = Vec::new();
            let mut start = None;
            for (i, b) in text.bytes().enumerate().chain([(text.len(), b' ')]) {
                match (b.is_ascii_digit(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        spans.push(Span::new(s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            doc.set_layer("digits", spans)?;
            Ok(())
        }
    }

    /// Breaks the contract in the way named by its field.
    struct Broken(StageMeta, &'static str);
    impl Stage for Broken {
        fn meta(&self) -> &StageMeta {
            &self.0
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            match self.1 {
                "panic" if doc.text().contains('“') => panic!("lone quote"),
                "layer" => doc.set_layer("secret", vec![])?,
                "text" => doc.set_text("changed".into(), None)?,
                _ => {}
            }
            Ok(())
        }
    }

    fn meta() -> StageMeta {
        StageMeta::new("digits", "1", "digit runs").produces(&["digits"])
    }

    #[test]
    fn well_behaved_stage_passes_everything() {
        let stage = Digits(meta());
        let out = assert_compliant(&stage, sample_documents());
        let found = out[0].layer("digits").unwrap();
        assert_eq!(&out[0].text()[found[0].range()], "1");
        assert_survives_hostile_input(&stage, 64);
    }

    #[test]
    fn each_breach_is_caught() {
        let doc = Document::from_text("d", "a “quote");
        let cases = [
            ("panic", "panicked"),
            ("layer", "undeclared layer"),
            ("text", "changed the text"),
        ];
        for (how, expected) in cases {
            let stage = Broken(StageMeta::new("broken", "1", ""), how);
            let err = check_document(&stage, &doc).unwrap_err().to_string();
            assert!(err.contains(expected), "{how}: {err}");
        }
    }

    #[test]
    fn hostile_documents_include_preexisting_removed_layers() {
        let mut runner = TestRunner::deterministic();
        let mut with_layer = 0;
        for _ in 0..200 {
            let doc = hostile_document().new_tree(&mut runner).unwrap().current();
            if doc.layer(layers::BOILERPLATE).is_some() {
                with_layer += 1;
            }
        }
        assert!(with_layer > 10, "only {with_layer} of 200");
    }
}
