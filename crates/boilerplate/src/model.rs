//! The stage's verdicts: what a block is when kept, why it was removed, and how a list
//! of judged blocks becomes the `blocks` / `boilerplate` layers and the fields.
//!
//! Both modes end here: text mode judges its own blocks, HTML mode receives blocks
//! already judged by the HTML extractor. Keeping the output in one place guarantees the
//! two modes write the same schema.

use std::ops::Range;

use newsmill_core::{AttrKey, Attrs, Document, Span, StageError, Value, layers};

/// What a kept block is (the `kind` attribute of the `blocks` layer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The article's headline: part of the article, not of `clean_text`.
    Title,
    /// A heading inside the article body.
    Heading,
    /// An ordinary paragraph.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A quoted block (an embedded post, a pull quote).
    Blockquote,
    /// Preformatted text (code, verse).
    Preformatted,
    /// A table, or one row of one when the text has no other structure.
    Table,
}

impl BlockKind {
    /// Number of kinds.
    const COUNT: usize = 7;

    /// The attribute value written to the layer.
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

    /// Parses an attribute value (as an HTML extractor would name a block); `None` for
    /// a name outside the contract.
    pub fn parse(name: &str) -> Option<BlockKind> {
        Some(match name {
            "title" => BlockKind::Title,
            "heading" => BlockKind::Heading,
            "paragraph" => BlockKind::Paragraph,
            "list_item" => BlockKind::ListItem,
            "blockquote" => BlockKind::Blockquote,
            "preformatted" => BlockKind::Preformatted,
            "table" => BlockKind::Table,
            _ => return None,
        })
    }
}

/// Why a block was removed (the `reason` attribute of the `boilerplate` layer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// An advertisement, its label, or sponsored/partner links.
    Ad,
    /// A cookie or consent banner.
    Cookie,
    /// Menus, breadcrumbs, "read more", "back to top" and other site navigation.
    Navigation,
    /// Lists of links to other articles.
    Related,
    /// A photo caption or image credit.
    Caption,
    /// Another story that follows the main one (a live blog's next entry, a teaser).
    OtherStory,
    /// A comment form or the comment section.
    CommentForm,
    /// Datelines, bylines, time stamps, source credits and section labels.
    Metadata,
    /// Share buttons and their labels.
    Share,
    /// Subscription, newsletter and sign-in prompts.
    Subscription,
    /// The page header above the article.
    Header,
    /// The page footer below the article.
    Footer,
    /// Anything else judged not to be article text.
    Other,
}

impl Reason {
    /// Number of reasons.
    const COUNT: usize = 13;

    /// The attribute value written to the layer.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Ad => "ad",
            Reason::Cookie => "cookie",
            Reason::Navigation => "navigation",
            Reason::Related => "related",
            Reason::Caption => "caption",
            Reason::OtherStory => "other_story",
            Reason::CommentForm => "comment_form",
            Reason::Metadata => "metadata",
            Reason::Share => "share",
            Reason::Subscription => "subscription",
            Reason::Header => "header",
            Reason::Footer => "footer",
            Reason::Other => "other",
        }
    }

    /// Parses an attribute value; a reason outside the contract becomes [`Reason::Other`]
    /// so a block judged removed by another component is never silently kept.
    pub fn parse(name: &str) -> Reason {
        match name {
            "ad" => Reason::Ad,
            "cookie" => Reason::Cookie,
            "navigation" => Reason::Navigation,
            "related" => Reason::Related,
            "caption" => Reason::Caption,
            "other_story" => Reason::OtherStory,
            "comment_form" => Reason::CommentForm,
            "metadata" => Reason::Metadata,
            "share" => Reason::Share,
            "subscription" => Reason::Subscription,
            "header" => Reason::Header,
            "footer" => Reason::Footer,
            _ => Reason::Other,
        }
    }
}

/// The verdict on one block of the text: kept as `kind`, or removed for `reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Part of the article.
    Keep(BlockKind),
    /// Not part of the article.
    Remove(Reason),
}

/// One block of the document's text with its verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgedBlock {
    /// Byte range of the block in the document's text (trimmed of surrounding blanks).
    pub range: Range<usize>,
    /// Kept or removed, and as what.
    pub verdict: Verdict,
}

/// The document-level findings that accompany the blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Findings {
    /// The headline, when found.
    pub title: Option<String>,
    /// The main story's author(s), when found.
    pub byline: Option<String>,
    /// The main story's date (`YYYY-MM-DD` or a full ISO timestamp), when found.
    pub date: Option<String>,
}

// The attribute templates of `write_output` are indexed by variant, one per variant.
const _: () = assert!(BlockKind::Table as usize + 1 == BlockKind::COUNT);
const _: () = assert!(Reason::Other as usize + 1 == Reason::COUNT);

/// The one-pair attribute list `key: value`. Made once per process (see
/// `attr_templates`), so the pair is leaked rather than kept in a static by hand.
fn pair_of(key: &'static str, value: &'static str) -> &'static [(AttrKey, Value)] {
    Box::leak(Box::new([(
        AttrKey::Borrowed(key),
        Value::static_str(value),
    )]))
}

/// Every kind, in the order of its variant.
const KINDS: [BlockKind; BlockKind::COUNT] = [
    BlockKind::Title,
    BlockKind::Heading,
    BlockKind::Paragraph,
    BlockKind::ListItem,
    BlockKind::Blockquote,
    BlockKind::Preformatted,
    BlockKind::Table,
];
/// Every reason, in the order of its variant.
const REASONS: [Reason; Reason::COUNT] = [
    Reason::Ad,
    Reason::Cookie,
    Reason::Navigation,
    Reason::Related,
    Reason::Caption,
    Reason::OtherStory,
    Reason::CommentForm,
    Reason::Metadata,
    Reason::Share,
    Reason::Subscription,
    Reason::Header,
    Reason::Footer,
    Reason::Other,
];

// Each template sits at its variant's index.
const _: () = {
    let mut i = 0;
    while i < KINDS.len() {
        assert!(KINDS[i] as usize == i);
        i += 1;
    }
    let mut i = 0;
    while i < REASONS.len() {
        assert!(REASONS[i] as usize == i);
        i += 1;
    }
};

/// A span's attribute list, shared by every span of one kind or reason.
type Template = &'static [(AttrKey, Value)];

/// The attribute lists of the kinds and of the reasons, built once and shared: a span
/// borrows one (a pointer), where a list of its own would cost an allocation per span.
fn attr_templates() -> &'static ([Template; BlockKind::COUNT], [Template; Reason::COUNT]) {
    static TEMPLATES: std::sync::OnceLock<(
        [Template; BlockKind::COUNT],
        [Template; Reason::COUNT],
    )> = std::sync::OnceLock::new();
    TEMPLATES.get_or_init(|| {
        (
            KINDS.map(|kind| pair_of("kind", kind.as_str())),
            REASONS.map(|reason| pair_of("reason", reason.as_str())),
        )
    })
}

/// A span over `range` borrowing the attribute list `attrs`.
fn span_with(range: Range<usize>, attrs: Template) -> Span {
    Span::with_attrs(range.start, range.end, Attrs::shared(attrs))
}

/// Writes the two layers and the four fields from judged blocks, in text order.
/// Consecutive removed blocks with the same reason become one `boilerplate` span.
///
/// Blocks must lie on char boundaries of `doc.text()` (the document refuses anything
/// else, and the error is returned rather than a partial result stored). `clean_text` is
/// every kept block except the title, joined by a blank line.
pub fn write_output(
    doc: &mut Document,
    blocks: &[JudgedBlock],
    findings: Findings,
) -> Result<(), StageError> {
    let text = doc.text();
    // Sized once: a span per block at most, and the clean text is at most the text.
    let kept_count = blocks
        .iter()
        .filter(|b| matches!(b.verdict, Verdict::Keep(_)))
        .count();
    let mut kept = Vec::with_capacity(kept_count);
    let mut removed = Vec::with_capacity(blocks.len() - kept_count);
    let clean_len: usize = blocks
        .iter()
        .filter(|b| matches!(b.verdict, Verdict::Keep(k) if k != BlockKind::Title))
        .map(|b| b.range.len() + 2)
        .sum();
    let mut clean = String::with_capacity(clean_len);
    let (kind_attrs, reason_attrs) = attr_templates();
    let mut open_removed: Option<(Range<usize>, Reason)> = None;
    let flush = |removed: &mut Vec<Span>, open: Option<(Range<usize>, Reason)>| {
        if let Some((range, reason)) = open {
            removed.push(span_with(range, reason_attrs[reason as usize]));
        }
    };
    for block in blocks {
        match block.verdict {
            Verdict::Keep(kind) => {
                flush(&mut removed, open_removed.take());
                kept.push(span_with(block.range.clone(), kind_attrs[kind as usize]));
                if kind != BlockKind::Title {
                    let piece = text.get(block.range.clone()).ok_or_else(|| {
                        StageError::Failed(format!(
                            "block {:?} is not a valid range of the text",
                            block.range
                        ))
                    })?;
                    if !clean.is_empty() {
                        clean.push_str("\n\n");
                    }
                    clean.push_str(piece);
                }
            }
            Verdict::Remove(reason) => match &mut open_removed {
                // Consecutive removed blocks with the same reason (a menu, a list of
                // teasers) are one span: fewer spans, same removed text.
                Some((range, open_reason))
                    if *open_reason == reason && range.end <= block.range.start =>
                {
                    range.end = block.range.end;
                    continue;
                }
                _ => {
                    flush(&mut removed, open_removed.take());
                    open_removed = Some((block.range.clone(), reason));
                    continue;
                }
            },
        }
    }
    flush(&mut removed, open_removed.take());
    doc.set_layer(layers::BLOCKS, kept)?;
    doc.set_layer(layers::BOILERPLATE, removed)?;
    doc.set_field(layers::CLEAN_TEXT_FIELD, clean);
    doc.set_field("title", Value::from(findings.title));
    doc.set_field("byline", Value::from(findings.byline));
    doc.set_field("date", Value::from(findings.date));
    Ok(())
}
