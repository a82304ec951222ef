//! The numbers stage: every number normalized with unit, qualifier and what it counts.
//!
//! News turns on numbers written every way: `1,500 Russian enterprises`, `nearly $8
//! billion`, `500 billion rubles`, `about one hundred countries`, `two percent`,
//! `thousands of soldiers`, `a 50-year-old man`, `August 14, 2023`. This stage finds
//! them and stores one span per number in the `numbers` layer with the attributes of
//! the stage contract: `value`, `kind`, `unit`, `approx`, `approx_span`, `counted`,
//! `counted_span`, `upper`, `date`, `parts`.
//!
//! # How it works
//!
//! A byte scanner finds the anchors: digits, number words (`forty`, `thousand`,
//! `third`...) and currency signs. From each anchor a small grammar reads
//! tokens forward: numerals in digits (`1,500`, `1.111,11`, `1.3e6`, `10k`), in words
//! (`one hundred and five`, `three million and a half`) or both (`1.5 million`),
//! fractions (`two thirds`, `1/3`, `½`, `one over three`), ordinals, percentages,
//! money with its currency, ranges, ages, dates and clock times. A few looks behind
//! the anchor find a sign, `a`, `minus`, a currency code and the qualifier; a look
//! ahead finds the counted noun. Work per document is linear: each anchor reads a bounded window of
//! tokens and scanning resumes after what it read.
//!
//! # What it costs
//!
//! Most of a story holds no number, so the scanner (module `scan`) spends a
//! byte-class load per byte and tests a word only by its length and first letters
//! (then its shape) before any lookup. Every word the grammar looks at is classified
//! once by a hash table (`lexicon`): its classes, number-word reading, month, currency
//! code and grammar-word id, so the grammar's questions are integer tests. The words
//! before a number are cached per anchor. A digit run whose neighbours no rule reads
//! skips the general numeral reader. Findings are `Copy` records without allocation;
//! spans are cloned from one template per kind with static strings for the fixed
//! vocabulary, so a span costs one allocation plus one per `counted`, `date` or `parts`
//! value it carries. Characters outside ASCII are classified from tables below U+3100
//! (the standard library's general search cost hundreds of instructions each).
//!
//! # Conventions
//!
//! - The span excludes the qualifier (`nearly`), which gets its own `approx_span`.
//! - Money is normalized to the main unit with its ISO 4217 code: `50 cents` is 0.5
//!   USD, `470 pence` is 4.7 GBP. A currency named without its country where several
//!   share the name (bare `francs`, `pesos`, `dinars`) has a null `unit`. Bare `$` is
//!   USD, bare `¥` is JPY.
//! - A number with a unit symbol, glued or after a space, is a `measure` whose `unit`
//!   is the symbol as usually written: `29km`, `42 km` → `km`; `95km/h`, `60kph` →
//!   `km/h`; `4C`, `4°C`, `33 °C` → `°C`; `90°` → `°`; `200lbs` → `lb`; `16GB`,
//!   `2.4GHz`, `70 kWh`, `20mph`, `30mm`. It counts nothing. Symbols that are also
//!   scales or names (`m`, `k`, `G`, `5G`, `4K`, `3D`) are not units, a temperature
//!   must be plausible (`Room 400C` has none), and symbols that could be a word or an
//!   initial (`g`, `h`, `C`, `min`) are units only when glued on. Units written out
//!   (`12 miles`, `5 minutes`) stay the counted noun of a cardinal. A lower-case `m`
//!   is a million after a currency (`€2m`) or before a plural noun (`5m users`),
//!   metres before a word of size (`3.5m high`, `5m-long`), and otherwise not read.
//! - A decade is a `year` with the decade's first year (`1990s` = 1990, `'80s` =
//!   1980, `’00s` = 2000), or an `age` after a possessive (`in her 50s`, `his late
//!   60s`, `their mid-20s` = 50, 60, 20). Two digits with neither (`highs in the
//!   90s`) may be years or degrees and keep the value as written.
//! - Vague quantities take the smallest count the plural allows: `hundreds` = 200,
//!   `thousands` = 2,000, `dozens` = 24, `tens of thousands` = 20,000, `several
//!   hundred` = 300, `a few thousand` = 2,000, `scores of` = 40.
//! - A range's span runs from its first number to its last (`5 to 10`, not
//!   `between`); `value` is the lower bound and `upper` the upper. `rose from 3 to 4
//!   million` is a change, not a range: two numbers (3 million and 4 million). A
//!   season or fiscal year (`2015/16`, `2011-12`, `1999-00`, `2008/2009`) is a range
//!   of years with its upper bound written out (2016) and no counted noun.
//! - Each number inside a date is its own `date` span (`14` and `2023` in
//!   `August 14, 2023`), with the ISO date in `date`. Without a year in the text, the
//!   document's `date` field (or input `date`) gives it; otherwise the date reads
//!   `--08-14`. All-numeric dates with both fields ≤ 12 are read month first when
//!   written with `/` (US) and day first with `.`.
//! - Each number of a clock reading is its own `time` span (`4` and `30` in `4:30
//!   a.m.`). `date` gives the time of day in ISO 8601 (`T04:30`) when the text fixes
//!   it: a.m. or p.m. (`10am`, `12 p.m.` = `T12:00`), or a 24-hour reading with a
//!   leading zero or an hour past 12 (`03:45`, `21:17`). `3:08 to play` or `3:59.4`
//!   could be a game clock or a lap time: `time` spans with a null `date`. A ratio
//!   (`3:1`) is two cardinals.
//! - `parts` lists the numerals inside a compound mention as `[[start, end], value,
//!   "cardinal" | "ordinal"]`: the two ends of a range, the digits of a day written
//!   `14th`, the number of an age (`42` in `42-year-old`), of a decade (`1990` in
//!   `1990s`), or of an amount (`8 billion` in `$8 billion`). It is null when the
//!   mention is one plain numeral (the span, value and kind of its only part are its
//!   own), as for `1,500`, `2019` or the `14` of a date.
//! - Not numbers: identifiers (`COVID-19`, `F-35`, `MH17`, `G7`, `Army-2023`),
//!   designations (`Boeing 737`, `Army 2023 forum`: a plain integer after a
//!   capitalized name inside a sentence), numbers glued to letters that are no unit
//!   (`5G`, `4x4`, `11a`), North American telephone numbers (`800-273-8255`, `(202)
//!   555-0143`), two whole numbers joined by a slash that are neither a fraction nor
//!   a date (`9/11 attacks`, `24/7`, `50/50`; after `on`, `since`, `until`... a month
//!   and day such as `on 9/11` is a date, `--09-11`), an ordinal opening a compound
//!   that ranks nothing (`second-hand`, `first-rate`, `second-guess`, `third-party`),
//!   and `one` as a pronoun (`one of the`, `which one`, `no one`).

#![deny(missing_docs)]

mod chars;
#[cfg(feature = "eval")]
mod eval;
mod lexicon;
mod parse;
mod scan;
mod token;
mod value;

use std::cell::RefCell;

use newsmill_core::{
    Attrs, Document, KeySet, RangeSet, Span, Stage, StageError, StageFactory, StageMeta,
    StageOptions, TypedFactory, Value, layers,
};
use serde::{Deserialize, Serialize};

#[cfg(feature = "eval")]
pub use eval::recognizers_predictions;
pub use lexicon::Currency;
use parse::Found;
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
    /// Report the numbers of clock times (`4:30 p.m.`, `21:17`).
    pub times: bool,
}

impl Default for NumbersOptions {
    fn default() -> Self {
        NumbersOptions {
            ordinals: true,
            dates: true,
            years: true,
            times: true,
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
        (
            "times",
            "report the numbers of clock times (4:30 p.m., 21:17), with the ISO time of day",
        ),
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
        let mut found = FOUND.with(RefCell::take);
        found.clear();
        let text = doc.text();
        let mut spans: Vec<Span> = Vec::new();
        find_all(text, reference_year(doc), &removed, &mut found, |batch| {
            spans.extend(
                batch
                    .iter()
                    .filter(|f| match f.kind {
                        Kind::Ordinal => self.options.ordinals,
                        Kind::Date => self.options.dates,
                        Kind::Year => self.options.years,
                        Kind::Time => self.options.times,
                        _ => true,
                    })
                    .filter(|f| removed.is_empty() || !removed.covers(f.start..f.end))
                    .map(|f| to_span(text, f)),
            );
            batch.clear();
        });
        FOUND.with(|cell| cell.replace(found));
        doc.set_layer(layers::NUMBERS, spans)?;
        Ok(())
    }
}

thread_local! {
    /// The findings buffer of the last document on this thread, reused: it holds at
    /// most about [`FINDINGS_BATCH`] findings, since they are made into spans as they
    /// come.
    static FOUND: RefCell<Vec<Found>> = const { RefCell::new(Vec::new()) };
}

/// The attribute keys of a `numbers` span, in contract order.
const KEYS: KeySet = KeySet::new(&[
    "value",
    "kind",
    "unit",
    "approx",
    "approx_span",
    "counted",
    "counted_span",
    "upper",
    "date",
    "parts",
]);

/// The `parts` attribute: null when the mention is one plain numeral (a single part
/// covering the whole span with the mention's own value and kind), otherwise the list
/// of `[[start, end], value, "cardinal" | "ordinal"]`.
fn parts_value(f: &Found) -> Value {
    if let (Some(p), None) = (f.parts[0], f.parts[1]) {
        let plain = p.start == f.start
            && p.end == f.end
            && p.value == f.value
            && p.ordinal == (f.kind == Kind::Ordinal);
        if plain {
            return Value::Null;
        }
    }
    let parts = f.parts.iter().flatten();
    Value::List(
        parts
            .map(|p| {
                Value::List(vec![
                    Value::range(p.start, p.end),
                    p.value.into(),
                    Value::static_str(if p.ordinal { "ordinal" } else { "cardinal" }),
                ])
            })
            .collect(),
    )
}

fn to_span(text: &str, f: &Found) -> Span {
    // Every value by its key's position, null where there is nothing to say: a search
    // per inserted key, or a template cloned then overwritten, cost more than finding
    // the number did.
    let range = |r: Option<(usize, usize)>| r.map_or(Value::Null, |(s, e)| Value::range(s, e));
    let values: [Value; 10] = [
        Value::from(f.value),
        Value::static_str(f.kind.as_str()),
        f.unit
            .and_then(Unit::code)
            .map_or(Value::Null, Value::static_str),
        f.approx
            .map_or(Value::Null, |(a, _, _)| Value::static_str(a)),
        range(f.approx.map(|(_, s, e)| (s, e))),
        f.counted.map_or(Value::Null, |(s, e)| {
            Value::from(text.get(s..e).unwrap_or(""))
        }),
        range(f.counted),
        f.upper.map_or(Value::Null, Value::from),
        f.date.map_or(Value::Null, |d| Value::from(d.to_iso())),
        parts_value(f),
    ];
    Span::with_attrs(f.start, f.end, Attrs::from_key_array(&KEYS, values))
}

/// Finds every number in `text`, in order. Dates without a year read `--MM-DD`.
pub fn extract(text: &str) -> Vec<Mention> {
    extract_with_year(text, None)
}

/// Finds every number in `text`; dates written without a year take `ref_year`.
pub fn extract_with_year(text: &str, ref_year: Option<i32>) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut mentions = Vec::new();
    find_all(text, ref_year, &RangeSet::default(), &mut found, |batch| {
        mentions.extend(batch.drain(..).map(Found::to_mention));
    });
    mentions
}

/// Findings handed on at a time by [`find_all`]: a finding is over 200 bytes, and a
/// book-length document has millions of numbers, which must not all be held twice
/// (as findings and as spans).
const FINDINGS_BATCH: usize = 1024;

/// The extraction loop: scans for anchors and lets the grammar read each one. Blocks
/// in `removed` are stepped over unread: nothing found there would be reported.
/// Findings go to `out`, which is handed to `take` (to be emptied) whenever it holds
/// [`FINDINGS_BATCH`] or more, and once at the end.
fn find_all(
    text: &str,
    ref_year: Option<i32>,
    removed: &RangeSet,
    out: &mut Vec<Found>,
    mut take: impl FnMut(&mut Vec<Found>),
) {
    let mut ex = parse::Extractor::new(text, ref_year);
    let mut cursor = 0usize;
    let mut floor = 0usize;
    let bytes = text.as_bytes();
    let mut skips = removed.iter().peekable();
    loop {
        while skips.peek().is_some_and(|r| r.end <= cursor) {
            skips.next();
        }
        if let Some(r) = skips.peek()
            && r.start <= cursor
        {
            cursor = r.end;
            continue;
        }
        let Some((s, e)) = scan::next_anchor(text, cursor) else {
            break;
        };
        if let Some(r) = skips.peek()
            && r.start <= s
        {
            // The anchor lies in (or after) the next removed block: resume past it.
            cursor = s.max(r.start);
            continue;
        }
        if bytes.get(s).is_some_and(u8::is_ascii_digit)
            && s > 0
            && bytes.get(s - 1).is_some_and(u8::is_ascii_digit)
        {
            cursor = e;
            continue;
        }
        let before = out.len();
        let resume = ex.parse_at(s, floor, out);
        cursor = resume.max(e);
        if let Some(last) = out
            .get(before..)
            .and_then(|new| new.iter().map(|m| m.end).max())
        {
            floor = floor.max(last);
        }
        if out.len() >= FINDINGS_BATCH {
            take(out);
        }
    }
    take(out);
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
