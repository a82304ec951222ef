//! Test plugin: a stage that panics on documents containing `PANIC` and refuses those
//! containing `REFUSE`; on any other document it marks each `!`. The host must turn the
//! panic into an error for that document only and keep working.

#![deny(missing_docs)]

use newsmill_core::{
    Document, Span, Stage, StageError, StageFactory, StageMeta, StageOptions, TypedFactory,
};
use serde::{Deserialize, Serialize};

/// No options.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PanickyOptions {}

impl StageOptions for PanickyOptions {
    const HELP: &'static [(&'static str, &'static str)] = &[];
}

/// The stage.
pub struct Panicky(StageMeta);

impl Stage for Panicky {
    fn meta(&self) -> &StageMeta {
        &self.0
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.text().contains("PANIC") {
            panic!("testkit-panicky was asked to panic on `{}`", doc.id);
        }
        if doc.text().contains("REFUSE") {
            return Err(StageError::Input(
                "testkit-panicky refuses this document".into(),
            ));
        }
        let marks = doc
            .text()
            .match_indices('!')
            .map(|(i, _)| Span::new(i, i + 1))
            .collect();
        doc.set_layer("marks", marks)?;
        Ok(())
    }
}

/// The factory.
pub fn factory() -> Box<dyn StageFactory> {
    Box::new(TypedFactory::<PanickyOptions>::new(
        "testkit-panicky",
        "panics on PANIC",
        |_| {
            Ok(Box::new(Panicky(
                StageMeta::new("testkit-panicky", "0.1.0", "panics on PANIC").produces(&["marks"]),
            )))
        },
    ))
}

newsmill_plugin_sdk::export_stage!(factory);
