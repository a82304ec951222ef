//! HTML to text with block structure, a source map, page metadata and main-content scoring.
//!
//! [`extract`] parses a page once with a WHATWG-conformant tokenizer (html5gum) and a
//! light tree builder, writes the page's visible text one block per paragraph-like
//! element, maps every piece of text back to the HTML bytes it came from, and judges
//! each block: part of the article, or boilerplate of a named kind (navigation, ads,
//! captions, teasers of other stories, comment forms...). It also reads the headline,
//! byline and publication date from meta tags, JSON-LD and the visible page.
//!
//! The judgement follows the evidence the best extractors use (readability,
//! boilerpipe, trafilatura): text and link density, sentence punctuation and stop
//! words, the tags, classes, ids and ARIA roles around a block, schema.org hints and
//! the block's position relative to the densest region of prose. There are no
//! site-specific rules.
//!
//! The `boilerplate` stage calls this crate in HTML mode; the text it returns becomes the
//! document's text, the non-removed blocks its `blocks` layer, the removed ones its
//! `boilerplate` layer.

#![deny(missing_docs)]

mod dates;
mod hints;
mod meta;
mod parse;
mod score;
mod tags;
mod words;

use std::ops::Range;

use newsmill_core::{SourceMap, StageOptions};
use serde::{Deserialize, Serialize};

/// Tunables of the extractor. The defaults are what the evaluation was run with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HtmlOptions {
    /// Count figure captions and photo credits as article text.
    pub keep_captions: bool,
    /// A block with a larger share of its text inside links is boilerplate
    /// (navigation, related links), unless it sits in the article's prose.
    pub max_link_density: f64,
    /// Use the page's JSON-LD `articleBody`, when it has one, as evidence of which
    /// blocks are the article.
    pub use_structured_data: bool,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            keep_captions: false,
            max_link_density: 0.5,
            use_structured_data: true,
        }
    }
}

impl StageOptions for HtmlOptions {
    const HELP: &'static [(&'static str, &'static str)] = &[
        (
            "keep_captions",
            "count figure captions and photo credits as article text",
        ),
        (
            "max_link_density",
            "share of a block's text inside links above which it is boilerplate (0-1)",
        ),
        (
            "use_structured_data",
            "use the page's JSON-LD articleBody as evidence of which blocks are the article",
        ),
    ];
}

/// What kind of element a block of text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's headline.
    Title,
    /// A heading (`h1`-`h6`) other than the headline.
    Heading,
    /// A paragraph or any other run of text.
    Paragraph,
    /// A list item (`li`, `dt`, `dd`).
    ListItem,
    /// Text inside a `<blockquote>`.
    Blockquote,
    /// Preformatted text (`<pre>`), whitespace kept.
    Preformatted,
    /// A table row or cell.
    Table,
}

impl BlockKind {
    /// The stage contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::Blockquote => "blockquote",
            BlockKind::Preformatted => "preformatted",
            BlockKind::Table => "table",
        }
    }
}

/// One block of [`Extraction::text`] and the verdict on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte range of the block in the text (on char boundaries).
    pub range: Range<usize>,
    /// What element the block came from.
    pub kind: BlockKind,
    /// `None` when the block is article content; otherwise why it is boilerplate, in the
    /// stage contract's vocabulary (`ad`, `cookie`, `navigation`, `related`, `caption`,
    /// `other_story`, `comment_form`, `metadata`, `share`, `subscription`, `header`,
    /// `footer`, `other`).
    pub removed: Option<&'static str>,
}

/// The result of [`extract`].
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// All visible text of the page: one block per paragraph-like element, blocks
    /// separated by `"\n\n"`, a `<br>` inside a block as `"\n"`, whitespace collapsed
    /// inside blocks, entities decoded.
    pub text: String,
    /// Maps byte ranges of `text` back to byte ranges of the HTML.
    pub source_map: SourceMap,
    /// Every block of `text`, in order.
    pub blocks: Vec<Block>,
    /// The headline.
    pub title: Option<String>,
    /// The author(s).
    pub byline: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD` or a full timestamp) when it could be
    /// read, as found otherwise.
    pub date: Option<String>,
}

impl Extraction {
    /// The article body: the text of the kept blocks except the title, joined by
    /// `"\n\n"` (the stage's `clean_text` field).
    pub fn clean_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if block.removed.is_some() || block.kind == BlockKind::Title {
                continue;
            }
            if let Some(t) = self.text.get(block.range.clone()) {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(t);
            }
        }
        out
    }
}

/// A diagnosis of [`extract`] for tuning: every block with its verdict, its features and
/// the chain of elements around it with their hints. Not a stable format.
#[doc(hidden)]
pub fn explain(html: &str, options: &HtmlOptions) -> String {
    let page = parse::parse_with(html, true);
    let metadata = meta::collect(&page);
    score::explain(&page, &metadata, options)
}

/// Parses `html` once and returns its visible text, its blocks (each judged article
/// content or boilerplate), a source map back into `html`, and the page's metadata.
///
/// Never panics; time and memory are linear in the size of the input.
pub fn extract(html: &str, options: &HtmlOptions) -> Extraction {
    let page = parse::parse(html);
    let mut metadata = meta::collect(&page);
    let verdicts = score::judge(&page, &metadata, options);
    meta::from_visible_lines(&page, &verdicts, &mut metadata);
    let blocks = page
        .blocks
        .iter()
        .zip(&verdicts)
        .map(|(b, v)| Block {
            range: b.start as usize..b.end as usize,
            kind: v.kind,
            removed: v.removed.map(|r| r.as_str()),
        })
        .collect();
    parse::recycle(page.nodes, page.blocks);
    Extraction {
        text: page.text,
        source_map: page.map,
        blocks,
        title: metadata.title,
        byline: metadata.byline,
        date: metadata.date,
    }
}
