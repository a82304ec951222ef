//! Turning raw records into documents, and documents and rejects into output lines.

use std::collections::HashSet;
use std::sync::Arc;

use newsmill_core::{Document, MAX_TEXT_LEN, Span, Value};

use crate::config::SpanText;
use crate::input::{RawRecord, RecordKind};
use crate::json;

/// A document that did not make it to the output, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// Input name.
    pub input: Arc<str>,
    /// Line within a JSONL input.
    pub line: Option<u64>,
    /// Document id, when it could be read.
    pub id: Option<String>,
    /// Instance name of the stage that failed; `None` when reading failed.
    pub stage: Option<String>,
    /// Why.
    pub reason: String,
    /// The first characters of the raw record, to find it by eye.
    pub excerpt: String,
}

const EXCERPT_CHARS: usize = 120;

fn excerpt(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(EXCERPT_CHARS * 4)];
    String::from_utf8_lossy(head)
        .chars()
        .take(EXCERPT_CHARS)
        .collect()
}

impl Reject {
    /// A reject for `record`, failed by `stage` (or by reading when `None`).
    pub fn new(
        record: &RawRecord,
        id: Option<String>,
        stage: Option<&str>,
        reason: String,
    ) -> Self {
        Reject {
            input: record.input.clone(),
            line: record.line,
            id: id.or_else(|| record.file_id.clone()),
            stage: stage.map(str::to_owned),
            reason,
            excerpt: excerpt(&record.bytes),
        }
    }

    /// Appends the reject as one JSON line.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let value = serde_json::json!({
            "input": &*self.input,
            "line": self.line,
            "id": self.id,
            "stage": self.stage,
            "reason": self.reason,
            "excerpt": self.excerpt,
        });
        // Serializing a json! value into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &value);
        out.push(b'\n');
    }
}

fn utf8<'a>(bytes: &'a [u8], what: &str) -> Result<&'a str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "invalid UTF-8 in {what} at byte {} (bytes {:02x?})",
            e.valid_up_to(),
            &bytes[e.valid_up_to()..bytes.len().min(e.valid_up_to() + 4)]
        )
    })
}

/// Parses a raw record into a document.
///
/// # Errors
/// The reason the record is not a usable document, with the id when it could be read.
pub fn parse(record: &RawRecord) -> Result<Document, (Option<String>, String)> {
    if let Some(reason) = &record.broken {
        return Err((None, reason.clone()));
    }
    if record.bytes.len() > MAX_TEXT_LEN {
        return Err((None, format!("document exceeds {MAX_TEXT_LEN} bytes")));
    }
    let id = || record.file_id.clone().unwrap_or_default();
    match record.kind {
        RecordKind::Text => {
            let text = utf8(&record.bytes, "the file").map_err(|e| (None, e))?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            Ok(Document::from_text(id(), text))
        }
        RecordKind::Html => {
            let html = utf8(&record.bytes, "the file").map_err(|e| (None, e))?;
            Ok(Document::from_html(id(), html))
        }
        RecordKind::Json => parse_json(record),
    }
}

fn parse_json(record: &RawRecord) -> Result<Document, (Option<String>, String)> {
    let line = utf8(&record.bytes, "the line").map_err(|e| (None, e))?;
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| (None, format!("bad JSON: {e}")))?;
    let serde_json::Value::Object(mut map) = value else {
        return Err((None, "bad JSON: the line is not a JSON object".to_owned()));
    };
    let id = match map.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => {
            return Err((None, "missing `id`".to_owned()));
        }
        Some(_) => return Err((None, "`id` must be a string or a number".to_owned())),
    };
    let mut take_str = |key: &str| match map.remove(key) {
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(_) => Err((Some(id.clone()), format!("`{key}` must be a string"))),
    };
    let text = take_str("text")?;
    let html = take_str("html")?;
    let mut doc = match (text, html) {
        (Some(text), html) => {
            let mut doc = Document::from_text(id, text);
            doc.html = html;
            doc
        }
        (None, Some(html)) => Document::from_html(id, html),
        (None, None) => return Err((Some(id), "missing `text` or `html`".to_owned())),
    };
    doc.meta = map;
    Ok(doc)
}

/// What goes into each output line, derived once from the config and the pipeline.
#[derive(Debug, Clone, Default)]
pub struct OutputShape {
    /// Only these top-level keys, when set.
    pub only: Option<HashSet<String>>,
    /// Write the input `html` back.
    pub include_html: bool,
    /// Stage fields and layers in pipeline order: `(is_layer, name)`.
    pub produced: Vec<(bool, String)>,
    /// Which layers' spans are written with the text they cover.
    pub span_text: SpanText,
}

impl OutputShape {
    fn wants(&self, key: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(key))
    }

    fn reserved(&self, key: &str) -> bool {
        matches!(key, "id" | "text" | "html" | "input_fields")
            || self.produced.iter().any(|(_, n)| n == key)
    }
}

/// Appends `doc` as one JSON line: `id`, the input's other fields, `text`, then each
/// stage's fields and layers in pipeline order. An input field whose name a stage also
/// produces is kept under `input_fields`, so nothing the input carried is lost.
///
/// Written by hand rather than through a serde map: the long strings go through
/// [`json::write_str`] and integers through [`json::write_u64`], which keeps the runner's own cost per
/// byte low. The result is the same JSON serde_json would write.
pub fn write_document(doc: &Document, shape: &OutputShape, out: &mut Vec<u8>) {
    let mut obj = Object::open(out);
    if shape.wants("id") {
        json::write_str(obj.key("id"), &doc.id);
    }
    let mut displaced = false;
    for (k, v) in &doc.meta {
        if shape.reserved(k) {
            displaced = true;
        } else if shape.wants(k) {
            write_json_value(obj.key(k), v);
        }
    }
    if shape.wants("text") {
        json::write_str(obj.key("text"), doc.text());
    }
    if shape.include_html && shape.wants("html") {
        let out = obj.key("html");
        match &doc.html {
            Some(html) => json::write_str(out, html),
            None => out.extend_from_slice(b"null"),
        }
    }
    for (is_layer, name) in &shape.produced {
        if !shape.wants(name) {
            continue;
        }
        if *is_layer {
            if let Some(spans) = doc.layer(name) {
                let text = shape.span_text.covers(name).then(|| doc.text());
                write_layer(obj.key(name), text, spans);
            }
        } else if let Some(value) = doc.field(name) {
            write_value(obj.key(name), value);
        }
    }
    if displaced && shape.wants("input_fields") {
        let mut inner = Object::open(obj.key("input_fields"));
        for (k, v) in &doc.meta {
            if shape.reserved(k) {
                write_json_value(inner.key(k), v);
            }
        }
        inner.close();
    }
    obj.close();
    out.push(b'\n');
}

/// A JSON object being written: commas between members, braces around.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, empty: true }
    }

    /// Writes `"key":` and returns the buffer for the value.
    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if self.empty {
            json::write_key(self.out, key);
        } else {
            json::write_key_after_first(self.out, key);
        }
        self.empty = false;
        self.out
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

fn write_json_value(out: &mut Vec<u8>, value: &serde_json::Value) {
    match value {
        serde_json::Value::String(s) => json::write_str(out, s),
        // Writing into a Vec cannot fail.
        other => {
            let _ = serde_json::to_writer(&mut *out, other);
        }
    }
}

/// Appends `value` as JSON. Inlined where it is used, with lists and floats (a few in
/// a hundred values) out of line, so the common values cost no call.
#[inline]
fn write_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Int(i) => json::write_i64(out, *i),
        Value::Str(s) => json::write_str(out, s),
        Value::Range(a, b) => {
            out.push(b'[');
            json::write_u64(out, u64::from(*a));
            out.push(b',');
            json::write_u64(out, u64::from(*b));
            out.push(b']');
        }
        Value::List(items) => write_list(out, items),
        Value::Float(_) => write_float(out, value),
    }
}

#[inline(never)]
fn write_list(out: &mut Vec<u8>, items: &[Value]) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_value(out, item);
    }
    out.push(b']');
}

/// Floats go through serde_json for its shortest round-trip formatting (and `null`
/// for the non-finite ones).
#[cold]
#[inline(never)]
fn write_float(out: &mut Vec<u8>, value: &Value) {
    let _ = serde_json::to_writer(&mut *out, value);
}

/// Writes `spans` as a JSON list of objects: `start`, `end`, the covered text when
/// `text` is given, then the span's attributes.
fn write_layer(out: &mut Vec<u8>, text: Option<&str>, spans: &[Span]) {
    let mut keys = json::KeyCache::default();
    out.push(b'[');
    for (i, span) in spans.iter().enumerate() {
        json::write_span_head(out, i > 0, span.start, span.end);
        if let Some(text) = text {
            out.extend_from_slice(b",\"text\":");
            json::write_str(out, text.get(span.range()).unwrap_or(""));
        }
        // The attributes' storage is told apart once per span, not at every pair.
        if let Some((names, values)) = span.attrs.keyed() {
            for (place, (k, v)) in names.iter().zip(values).enumerate() {
                write_member(out, &mut keys, place, k, v);
            }
        } else {
            for (place, (k, v)) in span.attrs.iter().enumerate() {
                write_member(out, &mut keys, place, k, v);
            }
        }
        out.push(b'}');
    }
    out.push(b']');
}

/// Appends `,"k":v` (no comma for the first member after the span's head).
#[inline(always)]
fn write_member(out: &mut Vec<u8>, keys: &mut json::KeyCache, place: usize, k: &str, v: &Value) {
    match v {
        Value::Null => keys.write_null_member(out, place, k),
        Value::Str(s) => keys.write_str_member(out, place, k, s),
        _ => {
            keys.write_key_after_first(out, place, k);
            write_value(out, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_record(line: &[u8]) -> RawRecord {
        RawRecord {
            input: Arc::from("in.jsonl"),
            line: Some(7),
            kind: RecordKind::Json,
            bytes: line.to_vec(),
            file_id: None,
            broken: None,
        }
    }

    #[test]
    fn keyed_and_paired_attributes_are_written_alike() {
        use newsmill_core::{Attrs, KeySet};
        const KEYS: KeySet = KeySet::new(&["value", "kind", "unit", "counted", "parts"]);
        let text = "Some 40 km of road and 12 bridges.";
        let values = || {
            [
                Value::Int(40),
                Value::static_str("measure"),
                Value::from("km"),
                Value::Null,
                Value::List(vec![Value::Range(5, 7), Value::Int(40)]),
            ]
        };
        let keyed = Span::with_attrs(5, 10, Attrs::from_key_array(&KEYS, values()));
        let paired = Span::with_attrs(5, 10, Attrs::from_keys(&KEYS, values()));
        assert!(keyed.attrs.keyed().is_some() && paired.attrs.keyed().is_none());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_layer(&mut a, Some(text), &[keyed.clone(), keyed]);
        write_layer(&mut b, Some(text), &[paired.clone(), paired]);
        let want = r#"{"start":5,"end":10,"text":"40 km","value":40,"kind":"measure","unit":"km","counted":null,"parts":[[5,7],40]}"#;
        assert_eq!(String::from_utf8(a).unwrap(), format!("[{want},{want}]"));
        assert_eq!(String::from_utf8(b).unwrap(), format!("[{want},{want}]"));
    }

    fn reason(line: &[u8]) -> String {
        parse(&json_record(line)).err().unwrap().1
    }

    #[test]
    fn json_lines_become_documents_with_their_other_fields() {
        let doc = parse(&json_record(
            br#"{"id": 12, "url": "https://x.test/a", "text": "Body.", "tags": ["a"]}"#,
        ))
        .unwrap();
        assert_eq!(doc.id, "12");
        assert_eq!(doc.text(), "Body.");
        assert_eq!(doc.url(), Some("https://x.test/a"));
        assert_eq!(doc.meta.len(), 2);
    }

    #[test]
    fn unusable_lines_say_why() {
        assert!(reason(b"{\"id\": \"a\", \"text\": ").starts_with("bad JSON: EOF while parsing"));
        assert_eq!(reason(b"[1, 2]"), "bad JSON: the line is not a JSON object");
        assert_eq!(reason(br#"{"text": "x"}"#), "missing `id`");
        assert_eq!(reason(br#"{"id": "a"}"#), "missing `text` or `html`");
        assert_eq!(
            reason(br#"{"id": "a", "text": 5}"#),
            "`text` must be a string"
        );
        assert_eq!(
            reason(br#"{"id": true, "text": "x"}"#),
            "`id` must be a string or a number"
        );
        assert_eq!(
            reason(b"{\"id\": \"a\", \"text\": \"caf\xe9\"}"),
            "invalid UTF-8 in the line at byte 24 (bytes [e9, 22, 7d])"
        );
    }

    #[test]
    fn output_keeps_displaced_input_fields() {
        let mut doc = Document::from_text("d1", "Hello world");
        doc.meta.insert("title".into(), "Input title".into());
        doc.meta.insert("url".into(), "u".into());
        doc.set_field("title", "Extracted title");
        doc.set_layer("words", vec![Span::new(0, 5).with("n", 1i64)])
            .unwrap();
        let shape = OutputShape {
            produced: vec![(false, "title".into()), (true, "words".into())],
            ..OutputShape::default()
        };
        let mut out = Vec::new();
        write_document(&doc, &shape, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            concat!(
                r#"{"id":"d1","url":"u","text":"Hello world","title":"Extracted title","#,
                r#""words":[{"start":0,"end":5,"text":"Hello","n":1}],"#,
                r#""input_fields":{"title":"Input title"}}"#,
                "\n"
            )
        );
    }

    #[test]
    fn span_text_is_written_only_for_the_layers_asked_for() {
        let mut doc = Document::from_text("d2", "Port hires 300 workers, “now” says Ortiz.");
        doc.set_layer("blocks", vec![Span::new(0, 45)]).unwrap();
        // “now” sits between the curly marks: bytes 27..30.
        doc.set_layer("quotes", vec![Span::new(27, 30).with("speaker", "Ortiz")])
            .unwrap();
        let produced = vec![(true, "blocks".into()), (true, "quotes".into())];
        let write = |span_text: SpanText| {
            let shape = OutputShape {
                only: Some(["blocks", "quotes"].map(String::from).into()),
                produced: produced.clone(),
                span_text,
                ..OutputShape::default()
            };
            let mut out = Vec::new();
            write_document(&doc, &shape, &mut out);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            write(SpanText::All(true)),
            concat!(
                r#"{"blocks":[{"start":0,"end":45,"text":"Port hires 300 workers, “now” says Ortiz."}],"#,
                r#""quotes":[{"start":27,"end":30,"text":"now","speaker":"Ortiz"}]}"#,
                "\n"
            )
        );
        assert_eq!(
            write(SpanText::Layers(vec!["quotes".into()])),
            concat!(
                r#"{"blocks":[{"start":0,"end":45}],"#,
                r#""quotes":[{"start":27,"end":30,"text":"now","speaker":"Ortiz"}]}"#,
                "\n"
            )
        );
        assert_eq!(
            write(SpanText::All(false)),
            concat!(
                r#"{"blocks":[{"start":0,"end":45}],"#,
                r#""quotes":[{"start":27,"end":30,"speaker":"Ortiz"}]}"#,
                "\n"
            )
        );
    }

    #[test]
    fn output_is_what_serde_json_would_write() {
        let mut doc = Document::from_text("d\"1", "Tab\there, “quotes”, a \\ and 3 € signs.");
        doc.meta.insert(
            "n".into(),
            serde_json::json!({"nested": [1, 2.5, null, "x\ny"]}),
        );
        doc.set_field("clean", Value::from("line one\nline two"));
        doc.set_field("ratio", Value::Float(0.1));
        doc.set_field("none", Value::Null);
        doc.set_layer(
            "spans",
            vec![
                Span::new(0, 3)
                    .with("k", Value::static_str("tab"))
                    .with("r", Value::Range(5, 9))
                    .with(
                        "l",
                        Value::List(vec![Value::Int(-7), Value::Bool(true), Value::Float(1e21)]),
                    ),
                Span::new(9, 22),
            ],
        )
        .unwrap();
        let shape = OutputShape {
            produced: vec![
                (false, "clean".into()),
                (false, "ratio".into()),
                (false, "none".into()),
                (true, "spans".into()),
            ],
            ..OutputShape::default()
        };
        let mut out = Vec::new();
        write_document(&doc, &shape, &mut out);
        let expected = serde_json::json!({
            "id": "d\"1",
            "n": {"nested": [1, 2.5, null, "x\ny"]},
            "text": doc.text(),
            "clean": "line one\nline two",
            "ratio": 0.1,
            "none": null,
            "spans": [
                {"start": 0, "end": 3, "text": "Tab", "k": "tab", "r": [5, 9], "l": [-7, true, 1e21]},
                {"start": 9, "end": 22, "text": &doc.text()[9..22]},
            ],
        });
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}\n", serde_json::to_string(&expected).unwrap())
        );
    }

    /// Keys a stage could use, borrowed from one static string where it helps: two
    /// keys at the same address with different lengths must not be taken for each
    /// other by the key cache. Some need escaping, one is too long for the short path.
    fn key_pool() -> Vec<&'static str> {
        let kinds: &'static str = "kinds";
        vec![
            kinds,
            &kinds[..4],
            &kinds[..1],
            "counted_span",
            "a_key_longer_than_sixteen_bytes",
            "exactly_16_bytes",
            "quo\"te",
            "back\\slash",
            "new\nline",
            "",
            "clé",
        ]
    }

    fn value_strategy() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::Int),
            (-1e6f64..1e6).prop_map(Value::Float),
            "[a-z \"\\\n\x01é]{0,24}".prop_map(Value::from),
            // Static values, as stages write them: two at one address with different
            // lengths, one too long for the short path, one to escape.
            prop::sample::select(vec![
                "quotes",
                &"quotes"[..5],
                "a value longer than 16",
                "say \"so\""
            ])
            .prop_map(Value::static_str),
            (any::<u32>(), any::<u32>()).prop_map(|(a, b)| Value::Range(a, b)),
        ];
        leaf.prop_recursive(2, 8, 4, |inner| {
            prop::collection::vec(inner, 0..4).prop_map(Value::List)
        })
    }

    #[test]
    fn cached_keys_and_values_are_told_apart_by_length() {
        let kinds: &'static str = "kinds";
        let value: &'static str = "quotes";
        let spans = [
            Span::new(0, 1).with(kinds, Value::static_str(value)),
            Span::new(0, 1).with(kinds, Value::static_str(&value[..5])),
            Span::new(0, 1).with(&kinds[..4], Value::static_str(&value[..5])),
            Span::new(0, 1).with(&kinds[..4], Value::Null),
            Span::new(0, 1).with(kinds, Value::static_str(value)),
        ];
        let mut out = Vec::new();
        write_layer(&mut out, None, &spans);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            concat!(
                r#"[{"start":0,"end":1,"kinds":"quotes"},{"start":0,"end":1,"kinds":"quote"},"#,
                r#"{"start":0,"end":1,"kind":"quote"},{"start":0,"end":1,"kind":null},"#,
                r#"{"start":0,"end":1,"kinds":"quotes"}]"#
            )
        );
    }

    use proptest::prelude::*;

    proptest! {
        // The span writer (one append for the head, keys from the cache) against
        // serde_json, over keys that hit and miss the cache, need escaping or not.
        #[test]
        fn layers_are_what_serde_json_would_write(
            spans in prop::collection::vec(
                (
                    any::<u32>(),
                    0u32..80,
                    // Few keys often, so that places repeat their keys and values.
                    prop::collection::vec((prop_oneof![0usize..3, 0usize..11], value_strategy()), 0..20),
                ),
                0..6,
            ),
            with_text: bool,
        ) {
            let pool = key_pool();
            let text = "Port hires 300 workers, “now” says Ortiz. The harbour board met on Tuesday.";
            let spans: Vec<Span> = spans
                .into_iter()
                .map(|(start, len, attrs)| {
                    let (start, end) = if start % 2 == 0 {
                        (start % 70, (start % 70).saturating_add(len))
                    } else {
                        (start, start.saturating_add(len))
                    };
                    let mut span = Span::new(start as usize, end as usize);
                    for (k, v) in attrs {
                        span = span.with(pool[k], v);
                    }
                    span
                })
                .collect();
            let mut out = Vec::new();
            write_layer(&mut out, with_text.then_some(text), &spans);
            let expected: Vec<serde_json::Value> = spans
                .iter()
                .map(|span| {
                    let mut obj = serde_json::Map::new();
                    obj.insert("start".into(), span.start.into());
                    obj.insert("end".into(), span.end.into());
                    if with_text {
                        obj.insert("text".into(), text.get(span.range()).unwrap_or("").into());
                    }
                    for (k, v) in span.attrs.iter() {
                        obj.insert(k.into(), serde_json::to_value(v).unwrap());
                    }
                    serde_json::Value::Object(obj)
                })
                .collect();
            prop_assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&expected).unwrap()
            );
        }
    }

    #[test]
    fn output_field_filter_applies_to_every_key() {
        let doc = Document::from_text("d1", "Hello");
        let shape = OutputShape {
            only: Some(["id".to_string()].into()),
            ..OutputShape::default()
        };
        let mut out = Vec::new();
        write_document(&doc, &shape, &mut out);
        assert_eq!(out, b"{\"id\":\"d1\"}\n");
    }
}
