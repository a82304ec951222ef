//! The document: immutable text, its source, and named layers of spans.

use std::collections::BTreeMap;

use crate::{RangeSet, SourceMap, Span, SpanError, Value, layers};

/// The largest text a document may hold: span offsets are `u32`.
pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

/// One article moving through the pipeline.
///
/// `text` can only be replaced through [`Document::set_text`], and only while no layer
/// exists, so every stored span always refers to the current text. Layers and fields
/// only ever grow or get replaced whole; spans are validated when stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Identifier from the input (the JSONL `id`, or the file name).
    pub id: String,
    /// Every other input field (url, title, date, ...), passed through to the output.
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// The raw HTML of the page, when the input had it. Never modified.
    pub html: Option<String>,
    text: String,
    text_version: u32,
    source_map: Option<SourceMap>,
    layers: BTreeMap<String, Vec<Span>>,
    fields: BTreeMap<String, Value>,
}

impl Document {
    /// A document whose text is already known (plain-text input).
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// A document that only has HTML so far; a stage that sets text turns it into text.
    pub fn from_html(id: impl Into<String>, html: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            html: Some(html.into()),
            ..Document::default()
        }
    }

    /// The document's text. All span offsets index into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many times the text has been replaced. The runner uses it to check that only
    /// stages declaring `sets_text` change the text.
    pub fn text_version(&self) -> u32 {
        self.text_version
    }

    /// Replaces the text, with the map back to the source it was extracted from.
    ///
    /// # Errors
    /// [`SpanError::TextAlreadyAnnotated`] when a layer already exists (its offsets would
    /// point into the old text), [`SpanError::TextTooLong`] above [`MAX_TEXT_LEN`].
    pub fn set_text(
        &mut self,
        text: String,
        source_map: Option<SourceMap>,
    ) -> Result<(), SpanError> {
        if let Some(layer) = self.layers.keys().next() {
            return Err(SpanError::TextAlreadyAnnotated {
                layer: layer.clone(),
            });
        }
        if text.len() > MAX_TEXT_LEN {
            return Err(SpanError::TextTooLong {
                len: text.len(),
                max: MAX_TEXT_LEN,
            });
        }
        self.text = text;
        self.source_map = source_map;
        self.text_version = self.text_version.wrapping_add(1);
        Ok(())
    }

    /// The map from text offsets back to `html` offsets, when the text came from HTML.
    pub fn source_map(&self) -> Option<&SourceMap> {
        self.source_map.as_ref()
    }

    /// Stores (or replaces) layer `name` after checking every span and every range
    /// attribute: in bounds, on char boundaries, start ≤ end. Spans are sorted by
    /// `(start, end)`, keeping the stage's order among equal ranges.
    ///
    /// # Errors
    /// The first invalid span found; the layer is then left as it was.
    pub fn set_layer(&mut self, name: &str, mut spans: Vec<Span>) -> Result<(), SpanError> {
        let len = self.text.len();
        if len > MAX_TEXT_LEN {
            return Err(SpanError::TextTooLong {
                len,
                max: MAX_TEXT_LEN,
            });
        }
        for span in &spans {
            self.check_range(name, span.start, span.end)?;
            for (_, value) in span.attrs.iter() {
                // Only ranges (also inside lists) hold offsets to check; the other
                // values, most of a span's attributes, cost no call.
                if matches!(value, Value::Range(..) | Value::List(_)) {
                    self.check_value(name, value)?;
                }
            }
        }
        if !spans.is_sorted_by_key(|s| (s.start, s.end)) {
            spans.sort_by_key(|s| (s.start, s.end));
        }
        self.layers.insert(name.to_owned(), spans);
        Ok(())
    }

    fn check_value(&self, layer: &str, value: &Value) -> Result<(), SpanError> {
        match value {
            Value::Range(s, e) => self.check_range(layer, *s, *e),
            Value::List(items) => items.iter().try_for_each(|v| self.check_value(layer, v)),
            _ => Ok(()),
        }
    }

    /// Checks one range; called for every span of every stage, so the common case is
    /// a few compares inline and the error is built out of line.
    #[inline]
    fn check_range(&self, layer: &str, start: u32, end: u32) -> Result<(), SpanError> {
        let text = self.text.as_bytes();
        // A char boundary: the end of the text, or a byte that is not a UTF-8
        // continuation byte (`str::is_char_boundary`, with the bound checked once).
        let boundary =
            |at: usize| at == text.len() || text.get(at).is_some_and(|&b| (b as i8) >= -0x40);
        if start <= end && boundary(start as usize) && boundary(end as usize) {
            return Ok(());
        }
        Err(self.range_error(layer, start, end))
    }

    #[cold]
    fn range_error(&self, layer: &str, start: u32, end: u32) -> SpanError {
        if start > end {
            return SpanError::Inverted {
                layer: layer.to_owned(),
                start,
                end,
            };
        }
        if end as usize > self.text.len() {
            return SpanError::OutOfBounds {
                layer: layer.to_owned(),
                start,
                end,
                len: self.text.len(),
            };
        }
        let offset = if self.text.is_char_boundary(start as usize) {
            end
        } else {
            start
        };
        SpanError::NotCharBoundary {
            layer: layer.to_owned(),
            offset,
        }
    }

    /// The spans of layer `name`, sorted by `(start, end)`.
    pub fn layer(&self, name: &str) -> Option<&[Span]> {
        self.layers.get(name).map(Vec::as_slice)
    }

    /// All layers, by name.
    pub fn layers(&self) -> impl Iterator<Item = (&str, &[Span])> {
        self.layers.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Sets a document-level field produced by a stage (`clean_text`, `byline`...).
    pub fn set_field(&mut self, name: impl Into<String>, value: impl Into<Value>) {
        self.fields.insert(name.into(), value.into());
    }

    /// A field set by a stage.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields.get(name)
    }

    /// All fields set by stages, by name.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.fields.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The text an earlier boilerplate stage removed, as a set to test findings against.
    /// Empty when no such stage ran.
    pub fn removed(&self) -> RangeSet {
        self.layer(layers::BOILERPLATE)
            .map(RangeSet::from_spans)
            .unwrap_or_default()
    }

    /// The `url` input field, if it is a string.
    pub fn url(&self) -> Option<&str> {
        self.meta.get("url").and_then(|v| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_validated_and_sorted() {
        let mut doc = Document::from_text("d1", "Café “ok” 42");
        // "Café " is 6 bytes (é is two), “ and ” are three each.
        let spans = vec![Span::new(15, 17), Span::new(0, 5)];
        doc.set_layer("x", spans).unwrap();
        let starts: Vec<u32> = doc.layer("x").unwrap().iter().map(|s| s.start).collect();
        assert_eq!(starts, [0, 15]);
        assert_eq!(&doc.text()[15..17], "42");
    }

    #[test]
    fn spans_inside_a_character_are_refused() {
        let mut doc = Document::from_text("d1", "Café");
        let err = doc.set_layer("x", vec![Span::new(0, 4)]).unwrap_err();
        assert_eq!(
            err,
            SpanError::NotCharBoundary {
                layer: "x".into(),
                offset: 4
            }
        );
        assert!(doc.layer("x").is_none(), "a refused layer is not stored");
    }

    proptest::proptest! {
        // The inline check accepts exactly the ranges `str` can slice, and the error
        // names what is wrong.
        #[test]
        fn ranges_are_accepted_exactly_when_the_text_can_be_sliced(
            text in "(a|é|“|€|😀| ){0,12}",
            start in 0u32..40,
            end in 0u32..40,
        ) {
            let doc = Document::from_text("d", text.as_str());
            let sliceable = text.get(start as usize..end as usize).is_some();
            let checked = doc.check_range("x", start, end);
            proptest::prop_assert_eq!(checked.is_ok(), sliceable);
            match checked {
                Err(SpanError::Inverted { .. }) => proptest::prop_assert!(start > end),
                Err(SpanError::OutOfBounds { .. }) => {
                    proptest::prop_assert!(start <= end && end as usize > text.len())
                }
                Err(SpanError::NotCharBoundary { offset, .. }) => {
                    proptest::prop_assert!(!text.is_char_boundary(offset as usize))
                }
                Err(other) => proptest::prop_assert!(false, "unexpected {other:?}"),
                Ok(()) => {}
            }
        }
    }

    #[test]
    fn range_attributes_are_validated_too() {
        let mut doc = Document::from_text("d1", "abc");
        let span = Span::new(0, 1).with("speaker", Value::Range(1, 9));
        assert!(matches!(
            doc.set_layer("q", vec![span]),
            Err(SpanError::OutOfBounds { end: 9, len: 3, .. })
        ));
        let inverted = Span::new(2, 1);
        assert!(matches!(
            doc.set_layer("q", vec![inverted]),
            Err(SpanError::Inverted { .. })
        ));
    }

    #[test]
    fn text_cannot_change_under_existing_annotations() {
        let mut doc = Document::from_html("d1", "<p>Hi</p>");
        doc.set_text("Hi".into(), None).unwrap();
        assert_eq!(doc.text_version(), 1);
        doc.set_layer("blocks", vec![Span::new(0, 2)]).unwrap();
        assert!(matches!(
            doc.set_text("Other".into(), None),
            Err(SpanError::TextAlreadyAnnotated { .. })
        ));
        assert_eq!(doc.text(), "Hi");
    }

    #[test]
    fn removed_reads_the_boilerplate_layer() {
        let mut doc = Document::from_text("d1", "ADVERTISEMENT\n\nStory text.");
        assert!(doc.removed().is_empty());
        doc.set_layer(
            layers::BOILERPLATE,
            vec![Span::new(0, 13).with("reason", "ad")],
        )
        .unwrap();
        assert!(doc.removed().covers(0..13));
        assert!(!doc.removed().covers(15..20));
    }
}
