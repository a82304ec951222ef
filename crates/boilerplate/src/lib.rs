//! The boilerplate stage: keeps the article, marks ads, navigation, captions and other
//! stories as removed.
//!
//! Scraped news arrives either as HTML or as text another tool already extracted, with
//! the page's junk still in it: "ADVERTISEMENT", section labels, cookie banners,
//! "Related Articles", photo captions, teasers of other stories, comment forms. The
//! stage splits the text into blocks and judges each one, writing
//!
//! - layer `blocks`: the article's own blocks, with `kind` (`title` for the headline,
//!   `heading`, `paragraph`, `list_item`, `blockquote`, `preformatted`, `table`);
//! - layer `boilerplate`: the removed blocks, with `reason` (`ad`, `cookie`,
//!   `navigation`, `related`, `caption`, `other_story`, `comment_form`, `metadata`,
//!   `share`, `subscription`, `header`, `footer`, `other`);
//! - fields `clean_text` (kept blocks but the title, joined by blank lines), `title`,
//!   `byline` and `date` (`Null` when not found).
//!
//! Text mode never changes the text: layers annotate it in place, and later stages skip
//! what it removed through [`newsmill_core::Document::removed`]. HTML mode (which turns
//! the page into text, so the stage declares `sets_text`) takes blocks already judged
//! by the HTML extractor and writes them through the same code, so both modes produce
//! the same schema.
//!
//! Text mode works without any model. Each block (a line, or a paragraph when the text
//! uses blank-line paragraphs) gets a class from its own evidence as in jusText
//! (length, sentence ending, function-word density, capitals), chrome evidence from a
//! phrase set found with Aho-Corasick ("Related Articles", "we use cookies", "Getty
//! Images") and from shapes (time stamps, bylines, credits); the main story is the
//! stretch of blocks with the largest total score, so that short blocks between its
//! paragraphs stay while menus, teasers and footers around it go; a new headline with
//! its own byline or stamp inside that stretch starts another story. [`judge_text`]
//! shows the verdict on every block.

#![deny(missing_docs)]

mod model;
mod text;

use std::cell::RefCell;

use newsmill_core::{
    BuildError, Document, Stage, StageError, StageFactory, StageMeta, StageOptions, TypedFactory,
    layers,
};
use serde::{Deserialize, Serialize};

pub use model::{BlockKind, Findings, JudgedBlock, Reason, Verdict, write_output};

/// The registry key of the stage.
pub const TYPE_NAME: &str = "boilerplate";

/// Version of the stage's behaviour, recorded with its output.
pub const VERSION: &str = "1";

/// Which input the stage works from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// HTML mode when the document has HTML and empty text, text mode otherwise.
    #[default]
    Auto,
    /// Always extract from the document's HTML.
    Html,
    /// Always judge the document's text.
    Text,
}

/// Options of the `boilerplate` stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BoilerplateOptions {
    /// `auto`, `html` or `text`.
    pub mode: Mode,
    /// Fewest words for a block to count as article text on its own (text mode).
    pub min_paragraph_words: u32,
    /// Fewest function words per word for a block to read as prose (text mode).
    pub min_stopword_density: f64,
    /// Whether stories that follow the main one (live-blog entries, teasers) are
    /// removed as `other_story`.
    pub drop_other_stories: bool,
    /// HTML-mode options (a table: `html.keep_captions = true`).
    pub html: newsmill_html::HtmlOptions,
}

impl Default for BoilerplateOptions {
    fn default() -> Self {
        let params = text::Params::default();
        BoilerplateOptions {
            mode: Mode::Auto,
            min_paragraph_words: params.min_good_words,
            min_stopword_density: f64::from(params.min_stop_density),
            drop_other_stories: params.drop_other_stories,
            html: newsmill_html::HtmlOptions::default(),
        }
    }
}

impl StageOptions for BoilerplateOptions {
    const HELP: &'static [(&'static str, &'static str)] = &[
        (
            "mode",
            "auto (HTML when the document has HTML and no text), html or text",
        ),
        (
            "min_paragraph_words",
            "fewest words for a block to count as article text on its own",
        ),
        (
            "min_stopword_density",
            "fewest function words per word for a block to read as prose (0 to 1)",
        ),
        (
            "drop_other_stories",
            "remove stories that follow the main one (live-blog entries, teasers)",
        ),
        (
            "html",
            "HTML-mode options: keep_captions (false), max_link_density (0.5), use_structured_data (true)",
        ),
    ];
}

/// The stage factory for the registry.
pub fn factory() -> Box<dyn StageFactory> {
    Box::new(TypedFactory::<BoilerplateOptions>::new(
        TYPE_NAME,
        "Keeps the article's own text; marks ads, navigation, captions, teasers and other page junk as removed",
        |options| Ok(Box::new(Boilerplate::new(options)?)),
    ))
}

/// The configured stage.
pub struct Boilerplate {
    meta: StageMeta,
    mode: Mode,
    html: newsmill_html::HtmlOptions,
    params: text::Params,
    phrases: &'static text::Phrases,
}

impl std::fmt::Debug for Boilerplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Boilerplate")
            .field("mode", &self.mode)
            .field("params", &self.params)
            .finish()
    }
}

thread_local! {
    static SCRATCH: RefCell<text::Scratch> = RefCell::new(text::Scratch::default());
}

impl Boilerplate {
    /// Builds the stage from its options.
    ///
    /// # Errors
    /// [`BuildError::Option`] when an option is out of range.
    pub fn new(options: BoilerplateOptions) -> Result<Self, BuildError> {
        if !(0.0..=1.0).contains(&options.min_stopword_density) {
            return Err(BuildError::Option {
                key: Some("min_stopword_density".into()),
                message: format!(
                    "must lie between 0 and 1, not {}",
                    options.min_stopword_density
                ),
            });
        }
        let phrases = text::Phrases::shared().map_err(|e| BuildError::Other(e.to_string()))?;
        text::prepare();
        let meta = StageMeta::new(
            TYPE_NAME,
            VERSION,
            "Keeps the article's own text; marks page junk as removed",
        )
        .produces(&[layers::BLOCKS, layers::BOILERPLATE])
        .fields(&[layers::CLEAN_TEXT_FIELD, "title", "byline", "date"])
        .sets_text(true);
        Ok(Boilerplate {
            meta,
            mode: options.mode,
            html: options.html.clone(),
            params: text::Params {
                min_good_words: options.min_paragraph_words,
                min_stop_density: options.min_stopword_density as f32,
                drop_other_stories: options.drop_other_stories,
            },
            phrases,
        })
    }

    /// The mode used for `doc`.
    fn mode_for(&self, doc: &Document) -> Mode {
        match self.mode {
            Mode::Auto if doc.html.is_some() && doc.text().is_empty() => Mode::Html,
            Mode::Auto => Mode::Text,
            other => other,
        }
    }

    /// Text mode: judges the document's own text and annotates it.
    fn process_text(&self, doc: &mut Document) -> Result<(), StageError> {
        let (blocks, findings) = SCRATCH
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut scratch) => text_judge(doc.text(), &self.params, self.phrases, &mut scratch),
                Err(_) => text_judge(
                    doc.text(),
                    &self.params,
                    self.phrases,
                    &mut text::Scratch::default(),
                ),
            })
            .unwrap_or_else(|_| {
                text_judge(
                    doc.text(),
                    &self.params,
                    self.phrases,
                    &mut text::Scratch::default(),
                )
            });
        write_output(doc, &blocks, findings)
    }
}

/// Judges every block of a plain text as text mode does, without a document: the
/// verdicts before consecutive removed blocks are merged into `boilerplate` spans.
/// Useful to inspect why a block was kept or removed.
///
/// # Errors
/// [`BuildError`] when the options are invalid.
pub fn judge_text(
    text: &str,
    options: &BoilerplateOptions,
) -> Result<(Vec<JudgedBlock>, Findings), BuildError> {
    let stage = Boilerplate::new(options.clone())?;
    Ok(text_judge(
        text,
        &stage.params,
        stage.phrases,
        &mut text::Scratch::default(),
    ))
}

/// Judges the blocks of a plain text (text mode without a document around it).
fn text_judge(
    text: &str,
    params: &text::Params,
    phrases: &text::Phrases,
    scratch: &mut text::Scratch,
) -> (Vec<JudgedBlock>, Findings) {
    let judged = text::judge(text, params, phrases, scratch);
    // The buffers grow with the largest document seen; after a very large one they are
    // given back rather than held, as dead weight, for the rest of the run.
    if text.len() > KEEP_SCRATCH_BYTES {
        *scratch = text::Scratch::default();
    }
    judged
}

/// Documents up to this size leave their working buffers for the next document.
const KEEP_SCRATCH_BYTES: usize = 1 << 22;

/// HTML mode. The HTML extractor turns the page into text (with its source map) and
/// judges the blocks; this stage then writes them out with [`write_output`], exactly as
/// text mode does, so both modes produce the same schema.
fn process_html(
    doc: &mut Document,
    options: &newsmill_html::HtmlOptions,
) -> Result<(), StageError> {
    let Some(html) = doc.html.as_deref() else {
        return Err(StageError::Input(
            "mode is html but the document has no HTML".into(),
        ));
    };
    let ex = newsmill_html::extract(html, options);
    let blocks = judged_from_names(
        ex.blocks
            .iter()
            .map(|b| (b.range.clone(), b.kind.as_str(), b.removed)),
    );
    doc.set_text(ex.text, Some(ex.source_map))?;
    write_output(
        doc,
        &blocks,
        Findings {
            title: ex.title,
            byline: ex.byline,
            date: ex.date,
        },
    )
}

/// Turns blocks judged by an HTML extractor (range, kind name, removal reason name)
/// into [`JudgedBlock`]s: an unknown kind is kept as a paragraph, an unknown reason is
/// removed as `other`, so no judged block is lost or kept by mistake.
pub fn judged_from_names<'a>(
    blocks: impl IntoIterator<Item = (std::ops::Range<usize>, &'a str, Option<&'a str>)>,
) -> Vec<JudgedBlock> {
    blocks
        .into_iter()
        .map(|(range, kind, removed)| JudgedBlock {
            range,
            verdict: match removed {
                Some(reason) => Verdict::Remove(Reason::parse(reason)),
                None => Verdict::Keep(BlockKind::parse(kind).unwrap_or(BlockKind::Paragraph)),
            },
        })
        .collect()
}

impl Stage for Boilerplate {
    fn meta(&self) -> &StageMeta {
        &self.meta
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        match self.mode_for(doc) {
            Mode::Html => process_html(doc, &self.html),
            Mode::Auto | Mode::Text => self.process_text(doc),
        }
    }
}
