//! The numbers stage: every number normalized with unit, qualifier and what it counts.
//!
//! News turns on numbers written every way: `1,500 Russian enterprises`, `nearly $8
//! billion`, `500 billion rubles`, `about one hundred countries`, `two percent`,
//! `thousands of soldiers`, `a 50-year-old man`, `August 14, 2023`. This stage finds
//! them and stores one span per number in the `numbers` layer with the attributes of
//! the stage contract: `value`, `kind`, `unit`, `approx`, `approx_span`, `counted`,
//! `counted_span`, `upper`, `date`.
//!
//! # How it works
//!
//! A byte scanner finds the anchors: digits, number words (`forty`, `thousand`,
//! `third`...) and currency signs. From each anchor a small grammar reads
//! tokens forward: numerals in digits (`1,500`, `1.111,11`, `1.3e6`, `10k`), in words
//! (`one hundred and five`, `three million and a half`) or both (`1.5 million`),
//! fractions (`two thirds`, `1/3`, `½`, `one over three`), ordinals, percentages,
//! money with its currency, ranges, ages and dates. A few looks behind the anchor find
//! a sign, `a`, `minus`, a currency code and the qualifier; a look ahead finds the
//! counted noun. Work per document is linear: each anchor reads a bounded window of
//! tokens and scanning resumes after what it read.
//!
//! # Conventions
//!
//! - The span excludes the qualifier (`nearly`), which gets its own `approx_span`.
//! - Money is normalized to the main unit with its ISO 4217 code: `50 cents` is 0.5
//!   USD, `470 pence` is 4.7 GBP. A currency named without its country where several
//!   share the name (bare `francs`, `pesos`, `dinars`) has a null `unit`. Bare `$` is
//!   USD, bare `¥` is JPY.
//! - Vague quantities take the smallest count the plural allows: `hundreds` = 200,
//!   `thousands` = 2,000, `dozens` = 24, `tens of thousands` = 20,000, `several
//!   hundred` = 300, `a few thousand` = 2,000, `scores of` = 40.
//! - A range's span runs from its first number to its last (`5 to 10`, not
//!   `between`); `value` is the lower bound and `upper` the upper. `rose from 3 to 4
//!   million` is a change, not a range: two numbers (3 million and 4 million).
//! - Each number inside a date is its own `date` span (`14` and `2023` in
//!   `August 14, 2023`), with the ISO date in `date`. Without a year in the text, the
//!   document's `date` field (or input `date`) gives it; otherwise the date reads
//!   `--08-14`. All-numeric dates with both fields ≤ 12 are read month first when
//!   written with `/` (US) and day first with `.`.
//! - Not numbers: identifiers (`COVID-19`, `F-35`, `MH17`, `G7`, `Army-2023`),
//!   designations (`Boeing 737`, `Army 2023 forum`: a plain integer after a
//!   capitalized name inside a sentence), numbers glued to unit abbreviations (`29km`,
//!   `180ml`, `5G`, `1am`), and `one` as a pronoun (`one of the`, `which one`, `no
//!   one`).

#![deny(missing_docs)]

mod lexicon;
mod parse;
mod token;
mod value;

use std::sync::OnceLock;

use newsmill_core::{
    Document, Span, Stage, StageError, StageFactory, StageMeta, StageOptions, TypedFactory, Value,
    layers,
};
use serde::{Deserialize, Serialize};

pub use lexicon::Currency;
pub use parse::{Kind, Mention, Part, Unit};
pub use value::Num;

/// Options of the `numbers` stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NumbersOptions {
    /// Report ordinals (`first`, `21st`).
    pub ordinals: bool,
    /// Report numbers that are part of dates.
    pub dates: bool,
    /// Report years (`in 2019`).
    pub years: bool,
}

impl Default for NumbersOptions {
    fn default() -> Self {
        NumbersOptions {
            ordinals: true,
            dates: true,
            years: true,
        }
    }
}

impl StageOptions for NumbersOptions {
    const HELP: &'static [(&'static str, &'static str)] = &[
        ("ordinals", "report ordinals (first, 21st)"),
        (
            "dates",
            "report the numbers inside dates, with the ISO date",
        ),
        ("years", "report years (in 2019)"),
    ];
}

/// The stage's type name in pipelines.
pub const TYPE_NAME: &str = "numbers";
const DESCRIPTION: &str =
    "every number normalized: value, kind, unit or currency, qualifier, what it counts";

/// The factory the runner registers: `type = "numbers"`.
pub fn factory() -> Box<dyn StageFactory> {
    Box::new(TypedFactory::<NumbersOptions>::new(
        TYPE_NAME,
        DESCRIPTION,
        |options| Ok(Box::new(NumbersStage::new(options))),
    ))
}

/// The `numbers` stage.
pub struct NumbersStage {
    meta: StageMeta,
    options: NumbersOptions,
}

impl NumbersStage {
    /// A stage with these options.
    pub fn new(options: NumbersOptions) -> Self {
        NumbersStage {
            meta: StageMeta::new(TYPE_NAME, env!("CARGO_PKG_VERSION"), DESCRIPTION)
                .reads(&[layers::BOILERPLATE])
                .produces(&[layers::NUMBERS]),
            options,
        }
    }
}

impl Default for NumbersStage {
    fn default() -> Self {
        NumbersStage::new(NumbersOptions::default())
    }
}

/// The year of the document's date (`date` field set by boilerplate, or the input's
/// `date`), used to complete dates written without a year.
fn reference_year(doc: &Document) -> Option<i32> {
    let from_str = |s: &str| {
        let y = s.get(..4)?;
        (y.bytes().all(|b| b.is_ascii_digit()) && s.as_bytes().get(4).is_none_or(|&b| b == b'-'))
            .then(|| y.parse().ok())
            .flatten()
    };
    doc.field("date")
        .and_then(Value::as_str)
        .and_then(from_str)
        .or_else(|| {
            doc.meta
                .get("date")
                .and_then(|v| v.as_str())
                .and_then(from_str)
        })
}

impl Stage for NumbersStage {
    fn meta(&self) -> &StageMeta {
        &self.meta
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let removed = doc.removed();
        let mentions = extract_with_year(doc.text(), reference_year(doc));
        let spans: Vec<Span> = mentions
            .into_iter()
            .filter(|m| !removed.covers(m.span.clone()))
            .filter(|m| match m.kind {
                Kind::Ordinal => self.options.ordinals,
                Kind::Date => self.options.dates,
                Kind::Year => self.options.years,
                _ => true,
            })
            .map(|m| to_span(doc.text(), m))
            .collect();
        doc.set_layer(layers::NUMBERS, spans)?;
        Ok(())
    }
}

fn to_span(text: &str, m: Mention) -> Span {
    let range = |r: &std::ops::Range<usize>| Value::range(r.start, r.end);
    let (approx, approx_span) = match &m.approx {
        Some((a, r)) => (Value::from(a.as_str()), range(r)),
        None => (Value::Null, Value::Null),
    };
    let (counted, counted_span) = match &m.counted {
        Some(r) => (Value::from(text.get(r.clone()).unwrap_or("")), range(r)),
        None => (Value::Null, Value::Null),
    };
    // Cloning a template with every key allocates the attribute list once, at its
    // final size; the inserts below then replace values in place.
    static TEMPLATE: OnceLock<Span> = OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        [
            "value",
            "kind",
            "unit",
            "approx",
            "approx_span",
            "counted",
            "counted_span",
            "upper",
            "date",
        ]
        .into_iter()
        .fold(Span::new(0, 0), |s, k| s.with(k, Value::Null))
    });
    let mut span = template.clone();
    span.start = u32::try_from(m.span.start).unwrap_or(u32::MAX);
    span.end = u32::try_from(m.span.end).unwrap_or(u32::MAX);
    span.with("value", m.value)
        .with("kind", m.kind.as_str())
        .with("unit", m.unit.and_then(Unit::code))
        .with("approx", approx)
        .with("approx_span", approx_span)
        .with("counted", counted)
        .with("counted_span", counted_span)
        .with("upper", m.upper.map_or(Value::Null, Value::from))
        .with("date", m.date)
}

/// Which second letters follow each first letter in the anchor words: a two-byte test
/// that turns away most words before any lookup.
fn bigrams() -> &'static [u32; 26] {
    static TABLE: OnceLock<[u32; 26]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 26];
        for w in lexicon::ANCHOR_WORDS {
            let b = w.as_bytes();
            if let (Some(&a), Some(&c)) = (b.first(), b.get(1)) {
                if a.is_ascii_lowercase() && c.is_ascii_lowercase() {
                    t[usize::from(a - b'a')] |= 1 << (c - b'a');
                }
            }
        }
        t
    })
}

/// Whether the ASCII word `start..end` touches a digit or a non-ASCII letter.
fn glued(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let after = bytes.get(end).is_some_and(|&c| {
        c.is_ascii_digit()
            || c >= 0x80
                && text
                    .get(end..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_alphabetic)
    });
    let before = start > 0
        && bytes.get(start - 1).is_some_and(|&c| c >= 0x80)
        && text
            .get(..start)
            .and_then(|s| s.chars().next_back())
            .is_some_and(char::is_alphabetic);
    after || before
}

/// The next anchor at or after `pos`: a digit run, a number word, `per cent`, or a
/// currency sign or fraction character. Returns its byte range.
///
/// A hand loop rather than an automaton: it looks at each byte once with a couple of
/// comparisons, and only words whose first two letters start a number word get a
/// lookup. (An Aho-Corasick automaton over the same words cost about 20 instructions a
/// byte, a budget this stage cannot spend at 200 MB/s.)
fn next_anchor(text: &str, mut pos: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let table = bigrams();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii_digit() {
            return Some((pos, pos + 1));
        }
        if b.is_ascii_alphabetic() {
            let start = pos;
            while bytes.get(pos).is_some_and(u8::is_ascii_alphabetic) {
                pos += 1;
            }
            let len = pos - start;
            let first = b.to_ascii_lowercase();
            let second = bytes.get(start + 1).map_or(0, u8::to_ascii_lowercase);
            if (3..=12).contains(&len)
                && second.is_ascii_lowercase()
                && table[usize::from(first - b'a')] & (1 << (second - b'a')) != 0
                && !glued(text, start, pos)
            {
                let word = text.get(start..pos).unwrap_or("");
                if lexicon::num_word(word).is_some()
                    || lexicon::is_any(word, &["percent", "scores"])
                {
                    return Some((start, pos));
                }
                if lexicon::is(word, "per")
                    && bytes.get(pos) == Some(&b' ')
                    && text
                        .get(pos + 1..pos + 5)
                        .is_some_and(|c| c.eq_ignore_ascii_case("cent"))
                    && !bytes.get(pos + 5).is_some_and(u8::is_ascii_alphanumeric)
                {
                    return Some((start, pos + 5));
                }
            }
            continue;
        }
        if b == b'$' {
            return Some((pos, pos + 1));
        }
        if b >= 0x80 {
            let c = text.get(pos..).and_then(|s| s.chars().next())?;
            let end = pos + c.len_utf8();
            if token::is_sym(c) || c == 'ர' {
                return Some((pos, end));
            }
            if c.is_alphabetic() {
                // Skip the whole non-ASCII word so its ASCII tail is not read as a word.
                pos = end;
                while let Some(n) = text.get(pos..).and_then(|s| s.chars().next()) {
                    if n.is_alphanumeric() {
                        pos += n.len_utf8();
                    } else {
                        break;
                    }
                }
                continue;
            }
            pos = end;
            continue;
        }
        pos += 1;
    }
    None
}

/// Finds every number in `text`, in order. Dates without a year read `--MM-DD`.
pub fn extract(text: &str) -> Vec<Mention> {
    extract_with_year(text, None)
}

/// Finds every number in `text`; dates written without a year take `ref_year`.
pub fn extract_with_year(text: &str, ref_year: Option<i32>) -> Vec<Mention> {
    let mut ex = parse::Extractor::new(text, ref_year);
    let mut out: Vec<Mention> = Vec::new();
    let mut cursor = 0usize;
    let mut floor = 0usize;
    let bytes = text.as_bytes();
    while let Some((s, e)) = next_anchor(text, cursor) {
        if bytes.get(s).is_some_and(u8::is_ascii_digit)
            && s > 0
            && bytes.get(s - 1).is_some_and(u8::is_ascii_digit)
        {
            cursor = e;
            continue;
        }
        let before = out.len();
        let resume = ex.parse_at(s, floor, &mut out);
        cursor = resume.max(e);
        if let Some(last) = out
            .get(before..)
            .and_then(|new| new.iter().map(|m| m.span.end).max())
        {
            floor = floor.max(last);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Mention {
        let all = extract(text);
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn smoke() {
        let m = one("more than 1,500 Russian enterprises were there");
        assert_eq!(m.value, Num::Int(1500));
        assert_eq!(m.approx.as_ref().map(|a| a.0.as_str()), Some("more than"));
    }
}
