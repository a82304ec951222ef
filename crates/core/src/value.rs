//! Spans and their typed attributes.

use std::borrow::Cow;
use std::ops::Range;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// A typed attribute value carried by a [`Span`] or stored as a document field.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Explicitly absent, e.g. a quote whose speaker could not be found.
    Null,
    /// A boolean flag.
    Bool(bool),
    /// An exact integer. Numbers that are whole use this, so large values stay exact.
    Int(i64),
    /// A real number. Non-finite values serialize as `null`.
    Float(f64),
    /// A string. Static strings (a kind, a unit code) are borrowed, so attributes with
    /// a fixed vocabulary cost no allocation per span.
    Str(Cow<'static, str>),
    /// A byte range into the document's `text`, such as the span of a quote's speaker.
    /// Validated like a span when its layer is stored; serialized as `[start, end]`.
    Range(u32, u32),
    /// A list of values.
    List(Vec<Value>),
}

impl Value {
    /// The string inside a [`Value::Str`].
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    /// A string value that borrows a static string instead of allocating.
    pub const fn static_str(s: &'static str) -> Value {
        Value::Str(Cow::Borrowed(s))
    }

    /// The number inside an [`Value::Int`] or [`Value::Float`], as `f64`.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            _ => None,
        }
    }

    /// The integer inside a [`Value::Int`].
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    /// The byte range inside a [`Value::Range`].
    pub fn as_range(&self) -> Option<Range<usize>> {
        match *self {
            Value::Range(s, e) => Some(s as usize..e as usize),
            _ => None,
        }
    }

    /// A range value from `usize` offsets (saturating; see [`Span::new`]).
    pub fn range(start: usize, end: usize) -> Value {
        Value::Range(saturate(start), saturate(end))
    }

    /// Converts to a JSON value (ranges become two-element arrays).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Int(i) => (*i).into(),
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::Str(s) => s.as_ref().into(),
            Value::Range(s, e) => serde_json::json!([s, e]),
            Value::List(items) => items.iter().map(Value::to_json).collect(),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(Cow::Owned(s.to_owned()))
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(Cow::Owned(s))
    }
}
impl From<Cow<'static, str>> for Value {
    fn from(s: Cow<'static, str>) -> Self {
        Value::Str(s)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            Value::Float(f) if f.is_finite() => s.serialize_f64(*f),
            Value::Float(_) => s.serialize_none(),
            Value::Str(v) => s.serialize_str(v),
            Value::Range(a, b) => {
                let mut seq = s.serialize_seq(Some(2))?;
                seq.serialize_element(a)?;
                seq.serialize_element(b)?;
                seq.end()
            }
            Value::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

/// Attribute name: static for built-in stages (no allocation per span), owned for
/// attributes that arrive from plugins.
pub type AttrKey = Cow<'static, str>;

/// The attributes of a span, in insertion order. Spans carry a handful of attributes,
/// so a vector beats a map in both memory and speed.
///
/// A list may also borrow a static template ([`Attrs::shared`]): a stage that writes
/// many spans with the same attributes (a block's kind, a removal's reason) then costs
/// no allocation per span. The first [`Attrs::insert`] copies the template.
///
/// A list built from a fixed [`KeySet`] and an array of values
/// ([`Attrs::from_key_array`]) stores only its values beside a pointer to the static
/// keys: a stage writing millions of spans with ten attributes each (numbers in a
/// book-length document) then holds 336 bytes per span instead of 560.
#[derive(Clone, Default)]
pub struct Attrs(Repr);

impl std::fmt::Debug for Attrs {
    /// The pairs in order, `Attrs([("kind", Str("direct")), ...])`, however they are
    /// stored.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct Pairs<'a>(&'a Attrs);
        impl std::fmt::Debug for Pairs<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_list().entries(self.0.iter()).finish()
            }
        }
        f.debug_tuple("Attrs").field(&Pairs(self)).finish()
    }
}

#[derive(Debug)]
enum Repr {
    /// Keys with their values, owned or borrowed from a static template.
    Pairs(Cow<'static, [(AttrKey, Value)]>),
    /// `values[i]` belongs to `keys[i]`; there are never more values than keys.
    Keyed(Box<Keyed<[Value]>>),
}

/// Values beside the static keys they belong to, in one allocation; `values[i]`
/// belongs to `keys[i]` and there are never more values than keys. The box is a
/// pointer and a length, so an [`Attrs`] (and a [`Span`]) is no larger than with
/// pairs alone.
#[derive(Debug)]
struct Keyed<V: ?Sized> {
    keys: &'static [&'static str],
    values: V,
}

impl Clone for Repr {
    /// A keyed list is cloned as pairs: a box of values sized at run time cannot be
    /// made without the array it was built from. Cloning spans is rare (tests, a
    /// stage that copies a layer); the pairs compare and write the same.
    fn clone(&self) -> Self {
        match self {
            Repr::Pairs(pairs) => Repr::Pairs(pairs.clone()),
            Repr::Keyed(keyed) => Repr::Pairs(Cow::Owned(
                keyed
                    .keys
                    .iter()
                    .map(|&k| AttrKey::Borrowed(k))
                    .zip(keyed.values.iter().cloned())
                    .collect(),
            )),
        }
    }
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Pairs(Cow::Borrowed(&[]))
    }
}

impl PartialEq for Attrs {
    /// Equal when they hold the same pairs in the same order, however they are stored.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Attrs {
    /// An empty attribute list.
    pub const fn new() -> Self {
        Attrs(Repr::Pairs(Cow::Borrowed(&[])))
    }

    /// The attributes `pairs`, borrowed rather than copied: cloning the result copies a
    /// pointer. The keys must be distinct (as [`Attrs::insert`] would keep them).
    pub const fn shared(pairs: &'static [(AttrKey, Value)]) -> Self {
        Attrs(Repr::Pairs(Cow::Borrowed(pairs)))
    }

    /// Sets `key` to `value`, replacing an earlier value of the same key.
    pub fn insert(&mut self, key: impl Into<AttrKey>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        if let Repr::Keyed(keyed) = &mut self.0 {
            if let Some(slot) = keyed
                .keys
                .iter()
                .zip(keyed.values.iter_mut())
                .find_map(|(k, v)| (*k == key).then_some(v))
            {
                *slot = value;
                return;
            }
            // A key outside the set: from here on the list is kept as pairs.
            let mut pairs = Vec::with_capacity(keyed.values.len() + 1);
            pairs.extend(
                keyed.keys.iter().map(|&k| AttrKey::Borrowed(k)).zip(
                    keyed
                        .values
                        .iter_mut()
                        .map(|v| std::mem::replace(v, Value::Null)),
                ),
            );
            self.0 = Repr::Pairs(Cow::Owned(pairs));
        }
        let Repr::Pairs(pairs) = &mut self.0 else {
            return;
        };
        let pairs = pairs.to_mut();
        match pairs.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => pairs.push((key, value)),
        }
    }

    /// The attributes `keys[i] = values[i]`, built in one allocation with no search
    /// per key (the keys are known distinct): for stages that write many spans with one
    /// fixed set of keys. Extra keys or values beyond the shorter list are ignored.
    pub fn from_keys(keys: &KeySet, values: impl IntoIterator<Item = Value>) -> Self {
        let mut pairs = Vec::with_capacity(keys.0.len());
        for (&key, value) in keys.0.iter().zip(values) {
            pairs.push((AttrKey::Borrowed(key), value));
        }
        Attrs(Repr::Pairs(Cow::Owned(pairs)))
    }

    /// The attributes `keys[i] = values[i]` for a fixed array of values, stored as the
    /// values beside a pointer to the keys (ten values take 336 bytes instead of 560
    /// as pairs): for stages that write very many spans with one set of keys. With
    /// more values than keys it is [`Attrs::from_keys`].
    pub fn from_key_array<const N: usize>(keys: &KeySet, values: [Value; N]) -> Self {
        if N > keys.0.len() {
            return Attrs::from_keys(keys, values);
        }
        let keyed: Box<Keyed<[Value]>> = Box::new(Keyed {
            keys: keys.0,
            values,
        });
        Attrs(Repr::Keyed(keyed))
    }

    /// The value of `key`, if set.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match &self.0 {
            Repr::Pairs(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            Repr::Keyed(keyed) => keyed
                .keys
                .iter()
                .zip(keyed.values.iter())
                .find_map(|(k, v)| (*k == key).then_some(v)),
        }
    }

    /// Iterates over `(key, value)` pairs in insertion order.
    pub fn iter(&self) -> AttrsIter<'_> {
        AttrsIter(match &self.0 {
            Repr::Pairs(pairs) => IterRepr::Pairs(pairs.iter()),
            Repr::Keyed(keyed) => IterRepr::Keyed(keyed.keys.iter().zip(keyed.values.iter())),
        })
    }

    /// The keys and values as two lists of the same length when the attributes were
    /// built by [`Attrs::from_key_array`] and not changed since: a writer walks them with no
    /// test per pair of how the list is stored ([`Attrs::iter`] walks any list).
    pub fn keyed(&self) -> Option<(&'static [&'static str], &[Value])> {
        match &self.0 {
            Repr::Keyed(keyed) => Some((keyed.keys.get(..keyed.values.len())?, &keyed.values)),
            Repr::Pairs(_) => None,
        }
    }

    /// Number of attributes.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Pairs(pairs) => pairs.len(),
            Repr::Keyed(keyed) => keyed.values.len(),
        }
    }

    /// Whether there are no attributes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The `(key, value)` pairs of an [`Attrs`], in order. Internal iteration (`fold`,
/// `for_each`) tells the two ways a list is stored apart once, not at every pair.
#[derive(Clone, Debug)]
pub struct AttrsIter<'a>(IterRepr<'a>);

#[derive(Clone, Debug)]
enum IterRepr<'a> {
    Pairs(std::slice::Iter<'a, (AttrKey, Value)>),
    Keyed(std::iter::Zip<std::slice::Iter<'a, &'static str>, std::slice::Iter<'a, Value>>),
}

impl<'a> Iterator for AttrsIter<'a> {
    type Item = (&'a str, &'a Value);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            IterRepr::Pairs(it) => it.next().map(|(k, v)| (k.as_ref(), v)),
            IterRepr::Keyed(it) => it.next().map(|(k, v)| (*k, v)),
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            IterRepr::Pairs(it) => it.size_hint(),
            IterRepr::Keyed(it) => it.size_hint(),
        }
    }

    #[inline]
    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, mut f: F) -> B {
        match self.0 {
            IterRepr::Pairs(it) => it.fold(init, |acc, (k, v)| f(acc, (k.as_ref(), v))),
            IterRepr::Keyed(it) => it.fold(init, |acc, (k, v)| f(acc, (*k, v))),
        }
    }
}

impl ExactSizeIterator for AttrsIter<'_> {}

/// A fixed list of distinct attribute keys, checked when it is made (at compile time
/// for a `const`), for [`Attrs::from_keys`] and [`Attrs::from_key_array`].
#[derive(Clone, Copy, Debug)]
pub struct KeySet(&'static [&'static str]);

impl KeySet {
    /// The key list `keys`.
    ///
    /// # Panics
    /// If a key appears twice (in a `const`, the build fails instead).
    pub const fn new(keys: &'static [&'static str]) -> Self {
        let mut i = 0;
        while i < keys.len() {
            let mut j = 0;
            while j < i {
                assert!(!same_str(keys[i], keys[j]), "attribute key listed twice");
                j += 1;
            }
            i += 1;
        }
        KeySet(keys)
    }
}

const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// One annotation: a byte range of the document's `text` and its attributes.
///
/// Offsets are UTF-8 byte offsets, end exclusive, and must lie on char boundaries;
/// [`crate::Document::set_layer`] checks this before a span is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Start byte offset into the document's text.
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
    /// Typed attributes (`speaker`, `value`, `reason`...).
    pub attrs: Attrs,
}

fn saturate(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Span {
    /// A span over `start..end` with no attributes.
    ///
    /// Offsets above `u32::MAX` saturate, and the span is then refused when its layer
    /// is stored (documents are limited to [`crate::MAX_TEXT_LEN`] bytes), so an offset
    /// is never silently wrong.
    pub fn new(start: usize, end: usize) -> Self {
        Span::with_attrs(start, end, Attrs::new())
    }

    /// A span over `start..end` with the attributes `attrs` (offsets as in
    /// [`Span::new`]). Stages that build millions of spans use it rather than setting
    /// `attrs` afterwards, which drops the empty list first.
    #[inline]
    pub fn with_attrs(start: usize, end: usize, attrs: Attrs) -> Self {
        Span {
            start: saturate(start),
            end: saturate(end),
            attrs,
        }
    }

    /// Adds an attribute (builder style).
    pub fn with(mut self, key: impl Into<AttrKey>, value: impl Into<Value>) -> Self {
        self.attrs.insert(key, value);
        self
    }

    /// The span as a `usize` range, ready to slice the text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The attribute `key`, if set.
    pub fn attr(&self, key: &str) -> Option<&Value> {
        self.attrs.get(key)
    }

    /// Serializes the span as a flat JSON object: `start`, `end`, `text` (the covered
    /// slice of `text`), then each attribute.
    pub fn serialize_with_text<S: Serializer>(&self, text: &str, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3 + self.attrs.len()))?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("text", text.get(self.range()).unwrap_or(""))?;
        for (k, v) in self.attrs.iter() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_keep_order_and_replace_in_place() {
        let mut a = Attrs::new();
        a.insert("kind", "direct");
        a.insert("speaker", Value::Null);
        a.insert("kind", "partial");
        let keys: Vec<_> = a.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["kind", "speaker"]);
        assert_eq!(a.get("kind"), Some(&Value::from("partial")));
    }

    #[test]
    fn attributes_from_a_key_set_pair_keys_and_values_in_order() {
        const KEYS: KeySet = KeySet::new(&["value", "kind", "unit"]);
        let a = Attrs::from_keys(&KEYS, [Value::from(82i64), "cardinal".into(), Value::Null]);
        let pairs: Vec<_> = a.iter().map(|(k, v)| (k, v.clone())).collect();
        assert_eq!(
            pairs,
            [
                ("value", Value::from(82i64)),
                ("kind", Value::from("cardinal")),
                ("unit", Value::Null)
            ]
        );
        // A short value list leaves the last keys out rather than inventing values.
        assert_eq!(Attrs::from_keys(&KEYS, [Value::Null]).len(), 1);
    }

    #[test]
    fn keyed_attributes_take_no_more_room_in_a_span_than_pairs() {
        assert_eq!(std::mem::size_of::<Attrs>(), 24);
        assert_eq!(std::mem::size_of::<Span>(), 32);
    }

    #[test]
    fn keyed_attributes_read_and_change_like_pairs() {
        const KEYS: KeySet = KeySet::new(&["value", "kind", "unit"]);
        let mut keyed = Attrs::from_key_array(&KEYS, [Value::from(82i64), "cardinal".into()]);
        let mut pairs = Attrs::new();
        pairs.insert("value", 82i64);
        pairs.insert("kind", "cardinal");
        // Two values for three keys: the third key is not there at all.
        assert_eq!(keyed.len(), 2);
        assert_eq!(keyed.get("unit"), None);
        assert_eq!(keyed.keyed().map(|(k, v)| (k.len(), v.len())), Some((2, 2)));
        assert_eq!(keyed, pairs);
        // A key of the set is changed in place; the list stays keyed.
        keyed.insert("kind", "ordinal");
        pairs.insert("kind", "ordinal");
        assert!(keyed.keyed().is_some());
        assert_eq!(keyed, pairs);
        // A key outside the set turns it into pairs, in the same order.
        keyed.insert("counted", "ships");
        pairs.insert("counted", "ships");
        assert!(keyed.keyed().is_none());
        assert_eq!(keyed, pairs);
        let keys: Vec<_> = keyed.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["value", "kind", "counted"]);
        assert_eq!(keyed.get("kind"), Some(&Value::from("ordinal")));
        assert_ne!(keyed, Attrs::new());
    }

    #[test]
    fn a_shared_template_is_copied_only_when_changed() {
        const AD: &[(AttrKey, Value)] = &[(Cow::Borrowed("reason"), Value::static_str("ad"))];
        let template = Attrs::shared(AD);
        let copy = template.clone();
        assert!(matches!(copy.0, Repr::Pairs(Cow::Borrowed(_))));
        assert_eq!(copy.get("reason").and_then(Value::as_str), Some("ad"));
        let mut changed = copy;
        changed.insert("reason", "caption");
        changed.insert("score", 3i64);
        assert_eq!(
            changed.get("reason").and_then(Value::as_str),
            Some("caption")
        );
        assert_eq!(changed.len(), 2);
        // The template itself is untouched.
        assert_eq!(template.get("reason").and_then(Value::as_str), Some("ad"));
        assert_eq!(template.len(), 1);
    }

    #[test]
    #[should_panic(expected = "attribute key listed twice")]
    fn a_key_set_refuses_a_repeated_key() {
        let keys: &'static [&'static str] = &["kind", "speaker", "kind"];
        let _ = KeySet::new(keys);
    }

    #[test]
    fn static_and_owned_strings_are_the_same_value() {
        assert_eq!(Value::static_str("USD"), Value::from("USD".to_string()));
        assert_eq!(Value::static_str("USD").as_str(), Some("USD"));
    }

    #[test]
    fn values_serialize_as_plain_json() {
        let v = Value::List(vec![
            Value::Int(8_000_000_000),
            Value::Float(f64::NAN),
            Value::Range(3, 9),
            Value::from(None::<String>),
        ]);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            "[8000000000,null,[3,9],null]"
        );
        assert_eq!(
            v.to_json(),
            serde_json::json!([8_000_000_000i64, null, [3, 9], null])
        );
    }

    #[test]
    fn span_serializes_with_its_text() {
        let text = "Putin said “yes”.";
        let span = Span::new(14, 17).with("kind", "direct");
        let mut out = Vec::new();
        span.serialize_with_text(text, &mut serde_json::Serializer::new(&mut out))
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"start":14,"end":17,"text":"yes","kind":"direct"}"#
        );
    }

    #[test]
    fn huge_offsets_saturate_instead_of_wrapping() {
        let s = Span::new(5, (u32::MAX as usize) + 10);
        assert_eq!(s.end, u32::MAX);
    }
}
