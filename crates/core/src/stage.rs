//! The `Stage` trait: one step of the pipeline.

use crate::{Document, StageError};

/// What a stage is and what it reads and writes. The runner uses it to list stages,
/// to check a pipeline's order before any document is read, and to enforce that only
/// declared layers, fields and text changes happen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageMeta {
    /// Registry key, e.g. `"quotes"`.
    pub type_name: String,
    /// Version of the stage's behaviour; recorded so outputs stay reproducible.
    pub version: String,
    /// One line saying what the stage does.
    pub description: String,
    /// Layers that an earlier stage must produce; the pipeline is refused otherwise.
    pub requires: Vec<String>,
    /// Layers used when present (e.g. `boilerplate`, to skip removed text). The runner
    /// warns when the stage producing one runs later.
    pub reads: Vec<String>,
    /// Layers this stage stores.
    pub produces: Vec<String>,
    /// Document fields this stage sets.
    pub fields: Vec<String>,
    /// Whether the stage may replace the document's text (turning HTML into text). Such
    /// a stage must run before any stage that annotates.
    pub sets_text: bool,
}

impl StageMeta {
    /// Meta with a type name, version and description; fill the rest with the builders.
    pub fn new(type_name: &str, version: &str, description: &str) -> Self {
        StageMeta {
            type_name: type_name.to_owned(),
            version: version.to_owned(),
            description: description.to_owned(),
            ..StageMeta::default()
        }
    }

    /// Declares required layers.
    pub fn requires(mut self, layers: &[&str]) -> Self {
        self.requires = layers.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// Declares layers read when present.
    pub fn reads(mut self, layers: &[&str]) -> Self {
        self.reads = layers.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// Declares produced layers.
    pub fn produces(mut self, layers: &[&str]) -> Self {
        self.produces = layers.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// Declares fields set.
    pub fn fields(mut self, fields: &[&str]) -> Self {
        self.fields = fields.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// Declares that the stage may set the text.
    pub fn sets_text(mut self, yes: bool) -> Self {
        self.sets_text = yes;
        self
    }
}

/// One step of the pipeline: reads a document and adds annotations to it.
///
/// A stage is built once and shared by every worker thread, so it works through
/// `&self` and must be `Send + Sync`; per-call scratch space belongs in locals or a
/// `thread_local!`. It must not panic on any input: a document it cannot handle is
/// an `Err`, which sends that document (alone) to the rejects file. It must be
/// deterministic: the same document in gives the same annotations out.
pub trait Stage: Send + Sync {
    /// The stage's description and contract.
    fn meta(&self) -> &StageMeta;

    /// Processes one document: stores the declared layers and fields (and the text,
    /// if the stage declares `sets_text`).
    ///
    /// # Errors
    /// A [`StageError`] describing why this document cannot be processed.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;

    /// Processes several documents; the result at index `i` belongs to `docs[i]`.
    /// The default loops over [`Stage::process`]; stages that gain from batching
    /// (shared setup, vectorized models) override it.
    fn process_batch(&self, docs: &mut [Document]) -> Vec<Result<(), StageError>> {
        docs.iter_mut().map(|doc| self.process(doc)).collect()
    }
}
