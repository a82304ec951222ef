//! The spine of newsmill: the document model every stage reads and annotates, the
//! [`Stage`] trait every stage implements, and the [`Registry`] the runner builds
//! pipelines from.
//!
//! # Stand-off annotation
//!
//! A [`Document`]'s `text` is set once (from the input, or by the one stage that turns
//! HTML into text) and is never rewritten afterwards. Stages describe what they found
//! as [`Span`]s: UTF-8 byte offsets into `text` plus typed attributes, grouped in named
//! layers. Every layer is validated when it is stored: spans lie inside the text, on
//! char boundaries, and are kept sorted. Because no stage edits the text, stages compose
//! in any order and every offset in the output refers to the same string.
//!
//! This crate knows no concrete stage. Stages depend on it; the runner depends on all.

#![deny(missing_docs)]

mod document;
mod error;
mod ranges;
mod registry;
mod stage;
mod value;

#[cfg(feature = "testing")]
pub mod testing;

pub use document::{Document, MAX_TEXT_LEN};
pub use error::{BuildError, RegistryError, SpanError, StageError};
pub use ranges::{RangeSet, SourceMap};
pub use registry::{
    FactoryOrigin, OptionDoc, Registry, StageFactory, StageOptions, TypedFactory, parse_options,
    suggest,
};
pub use stage::{Stage, StageMeta};
pub use value::{AttrKey, Attrs, AttrsIter, KeySet, Span, Value};

/// The message inside a panic payload (`panic!` with a literal or a formatted string),
/// for turning a caught panic into an error that says what happened.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".to_owned())
}

/// Names of the layers and fields that the standard stages produce and that other
/// stages may read. Core knows these names, not the stages behind them.
pub mod layers {
    /// Blocks the boilerplate stage judged not to be part of the article
    /// (ads, navigation, captions, teasers of other stories...). Each span carries a
    /// `reason` attribute. Stages that report findings skip what lies wholly inside it.
    pub const BOILERPLATE: &str = "boilerplate";
    /// The article's own blocks (headings, paragraphs, list items, block quotes), each
    /// with a `kind` attribute.
    pub const BLOCKS: &str = "blocks";
    /// Quotations with their speakers.
    pub const QUOTES: &str = "quotes";
    /// Normalized numbers.
    pub const NUMBERS: &str = "numbers";
    /// Document field holding the main text with boilerplate removed.
    pub const CLEAN_TEXT_FIELD: &str = "clean_text";
}
