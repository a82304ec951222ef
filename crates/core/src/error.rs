//! Typed errors of the core crate.

use thiserror::Error;

/// Why a layer (or a text replacement) was refused by the document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SpanError {
    /// A span or range attribute ends before it starts.
    #[error("layer `{layer}`: span {start}..{end} ends before it starts")]
    Inverted {
        /// Layer being stored.
        layer: String,
        /// Span start.
        start: u32,
        /// Span end.
        end: u32,
    },
    /// A span or range attribute reaches past the end of the text.
    #[error("layer `{layer}`: span {start}..{end} lies outside the text ({len} bytes)")]
    OutOfBounds {
        /// Layer being stored.
        layer: String,
        /// Span start.
        start: u32,
        /// Span end.
        end: u32,
        /// Text length in bytes.
        len: usize,
    },
    /// An offset falls inside a multi-byte UTF-8 character.
    #[error("layer `{layer}`: offset {offset} is not on a UTF-8 character boundary")]
    NotCharBoundary {
        /// Layer being stored.
        layer: String,
        /// The offending offset.
        offset: u32,
    },
    /// The text is longer than offsets can address.
    #[error("text of {len} bytes exceeds the {max}-byte limit of span offsets")]
    TextTooLong {
        /// Text length in bytes.
        len: usize,
        /// The limit ([`crate::MAX_TEXT_LEN`]).
        max: usize,
    },
    /// `set_text` was called after annotations exist; their offsets would be meaningless.
    #[error("text cannot be replaced: layer `{layer}` already annotates the old text")]
    TextAlreadyAnnotated {
        /// A layer that already exists.
        layer: String,
    },
}

/// Why a stage could not process one document. The runner sends the document to the
/// rejects file with this reason and goes on with the next one.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StageError {
    /// The document is not something this stage can work on (e.g. neither text nor HTML).
    #[error("unusable input: {0}")]
    Input(String),
    /// The stage tried to store an invalid layer.
    #[error(transparent)]
    Span(#[from] SpanError),
    /// Any other failure, described for the rejects file.
    #[error("{0}")]
    Failed(String),
}

/// Why a stage could not be built from its configuration.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BuildError {
    /// An option has the wrong type or an invalid value. `key` is the dotted path of the
    /// option inside the stage's table, when known, so the runner can point at its line.
    #[error("{}{message}", key.as_deref().map(|k| format!("option `{k}`: ")).unwrap_or_default())]
    Option {
        /// Dotted path of the offending option, if known.
        key: Option<String>,
        /// What is wrong with it.
        message: String,
    },
    /// Any other failure (a resource that could not be loaded, a plugin's own error...).
    #[error("{0}")]
    Other(String),
}

/// Why a stage type could not be added to the registry.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RegistryError {
    /// Two factories claim the same type name.
    #[error(
        "stage type `{name}` is already registered (by {existing}); {new} cannot register it again"
    )]
    Duplicate {
        /// The contested type name.
        name: String,
        /// Where the existing registration comes from.
        existing: String,
        /// Where the refused registration comes from.
        new: String,
    },
}
