//! The number grammar: numerals in digits and words, fractions, scales, currencies,
//! percentages, ranges, dates, ages, and the context around them (qualifier, counted
//! noun, pronoun `one`, designations like `Boeing 737`).
//!
//! Parsing starts at an anchor (a digit, a number word or a currency sign found by the
//! scanner) and reads tokens forward from it; the few backward looks (a sign, `a`,
//! `minus`, a currency code, a qualifier) read the bytes before the anchor, never
//! before the end of the previous finding.

use std::cell::Cell;
use std::ops::Range;

use crate::chars::{char_at, is_alnum, is_alpha};
use crate::lexicon::{
    Base, Currency, F_CHANGE, F_CURRENCY_ADJ, F_CURRENCY_NOUN, F_IRREGULAR_PAST,
    F_IRREGULAR_PLURALS, F_NOT_DESIGNATION, F_PRONOUN_AFTER, F_PRONOUN_BEFORE, F_QUALIFIER_AFTER,
    F_QUALIFIER_END, F_STOP_WORDS, F_TIME_UNITS, F_WEEKDAYS, F_YEAR_CUE, Lex, NumWord, Word,
    currency_code, currency_code_of, currency_symbol, currency_word, dollar_prefix, letters_key,
    lex, lex_key, month_of, qualifiers_after, qualifiers_before, qualifiers_ending_with,
    vulgar_fraction,
};
use crate::token::{DigitNum, Gap, Suffix, Tok, TokKind, is_newline, next_tok, spaced_unit};
use crate::value::{Num, Val};

/// What kind of number a mention is (the `kind` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A count or measure: `1,500`, `forty-two`, `two thirds`.
    Cardinal,
    /// `first`, `21st`, `twenty-first`.
    Ordinal,
    /// `5%`, `two percent`, `3 percentage points`.
    Percent,
    /// An amount of money: `$8 billion`, `500 billion rubles`.
    Money,
    /// `thousands of`, `dozens`: the value is the smallest count the phrase allows.
    Vague,
    /// `between 5 and 10`, `5-10%`: `value` is the lower bound, `upper` the upper.
    Range,
    /// `in 2019`.
    Year,
    /// A number inside a date (`August 14, 2023`); the `date` attribute has the date.
    Date,
    /// `a 50-year-old man`, `aged 42`.
    Age,
    /// A number in clock notation: a time of day (`4:30 p.m.`, `21:17`) or a clock
    /// reading (`3:08 to play`, `3:59.4`); the `date` attribute has the ISO 8601 time
    /// of day (`T16:30`) when the text fixes it.
    Time,
    /// A measurement: a number with a unit symbol (`29km`, `40°C`, `2 GB`, `20mph`);
    /// the `unit` attribute has the symbol.
    Measure,
}

impl Kind {
    /// The name used in the `kind` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Vague => "vague",
            Kind::Range => "range",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Age => "age",
            Kind::Time => "time",
            Kind::Measure => "measure",
        }
    }
}

/// The unit of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A currency (sub-units like cents are converted to the main unit).
    Currency(Currency),
    /// Percent.
    Percent,
    /// Percentage points.
    PercentPoint,
    /// A unit of measurement, by its symbol (`km`, `°C`, `GB`, `km/h`).
    Measure(&'static str),
}

impl Unit {
    /// The `unit` attribute: the ISO 4217 code, `%`, `pp` or a unit symbol; `None` for a
    /// currency
    /// whose country the text leaves open.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Unit::Currency(c) => c.iso,
            Unit::Percent => Some("%"),
            Unit::PercentPoint => Some("pp"),
            Unit::Measure(symbol) => Some(symbol),
        }
    }
}

/// A bare numeral inside a mention: `20` in `$20`, `14` and `2023` in a date, the
/// two ends of a range.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Byte range of the numeral.
    pub span: Range<usize>,
    /// Its value as written (`50` in `50 cents`).
    pub value: Num,
    /// Whether it is written as an ordinal (`14th`).
    pub ordinal: bool,
}

/// One number found in a text, with everything the stage reports about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte range: the number with its currency and scale, without the qualifier.
    pub span: Range<usize>,
    /// The normalized value.
    pub value: Num,
    /// What kind of number it is.
    pub kind: Kind,
    /// Currency, percent or percentage points.
    pub unit: Option<Unit>,
    /// The qualifier (`nearly`, `more than`), lower-cased, and its byte range.
    pub approx: Option<(String, Range<usize>)>,
    /// The byte range of the counted noun phrase (`foreign companies`).
    pub counted: Option<Range<usize>>,
    /// For ranges, the upper bound.
    pub upper: Option<Num>,
    /// For dates, the ISO date (`2023-08-14`, `2023-08`, or `--08-14` without a year);
    /// for times, the ISO time of day (`T16:30`) when the text fixes it.
    pub date: Option<String>,
    /// The bare numerals inside the mention.
    pub parts: Vec<Part>,
}

/// A numeral inside a finding (see [`Part`]), without allocation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PartF {
    pub start: usize,
    pub end: usize,
    pub value: Num,
    pub ordinal: bool,
}

impl PartF {
    fn new(span: Range<usize>, value: Num, ordinal: bool) -> PartF {
        PartF {
            start: span.start,
            end: span.end,
            value,
            ordinal,
        }
    }

    pub fn to_part(self) -> Part {
        Part {
            span: self.start..self.end,
            value: self.value,
            ordinal: self.ordinal,
        }
    }
}

/// An ISO date kept as numbers until the span is built: `2023-08-14`, `2023-08`,
/// `--08-14` (no year known), `--08`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Iso {
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
}

/// Appends `v` in decimal, zero-padded to at least `width` digits.
fn push_padded(out: &mut String, v: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut n = v;
    let mut i = buf.len();
    while n > 0 || buf.len() - i < width {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if i == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| char::from(b)));
}

impl Iso {
    /// The date as text, written without `format!` (one allocation of the final size).
    pub fn to_iso(self) -> String {
        let mut out = String::with_capacity(10);
        match self.year {
            Some(y) if (0..=9999).contains(&y) => push_padded(&mut out, y.unsigned_abs(), 4),
            Some(y) => out.push_str(&format!("{y:04}")),
            None => out.push('-'),
        }
        out.push('-');
        push_padded(&mut out, u32::from(self.month), 2);
        if let Some(d) = self.day {
            out.push('-');
            push_padded(&mut out, u32::from(d), 2);
        }
        out
    }
}

/// A time of day kept as numbers until the span is built: `T16:30`, `T07:05:30`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ClockTime {
    hour: u8,
    minute: u8,
    second: Option<u8>,
}

impl ClockTime {
    /// The time as ISO 8601 text with its designator: `T16:30`, `T07:05:30`.
    pub fn to_iso(self) -> String {
        let mut out = String::with_capacity(9);
        out.push('T');
        push_padded(&mut out, u32::from(self.hour), 2);
        out.push(':');
        push_padded(&mut out, u32::from(self.minute), 2);
        if let Some(sec) = self.second {
            out.push(':');
            push_padded(&mut out, u32::from(sec), 2);
        }
        out
    }
}

/// What the `date` attribute says: a calendar date or a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    Date(Iso),
    Time(ClockTime),
}

impl When {
    /// The ISO 8601 text of the date or time.
    pub fn to_iso(self) -> String {
        match self {
            When::Date(d) => d.to_iso(),
            When::Time(t) => t.to_iso(),
        }
    }
}

/// One finding as the extractor produces it: like [`Mention`] but `Copy` and free of
/// allocations, so the stage builds its span straight from it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub value: Num,
    pub kind: Kind,
    pub unit: Option<Unit>,
    pub approx: Option<(&'static str, usize, usize)>,
    pub counted: Option<(usize, usize)>,
    pub upper: Option<Num>,
    pub date: Option<When>,
    /// The numerals inside (a range has two; everything else one).
    pub parts: [Option<PartF>; 2],
}

impl Found {
    /// The public form.
    pub fn to_mention(self) -> Mention {
        Mention {
            span: self.start..self.end,
            value: self.value,
            kind: self.kind,
            unit: self.unit,
            approx: self.approx.map(|(a, s, e)| (a.to_owned(), s..e)),
            counted: self.counted.map(|(s, e)| s..e),
            upper: self.upper,
            date: self.date.map(When::to_iso),
            parts: self.parts.iter().flatten().map(|p| p.to_part()).collect(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Start,
    /// `a`/`an` before hundred, thousand, dozen, half...
    A,
    Zero,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Hundred,
    Scale,
    Digits,
    Dozen,
    Frac,
    Point,
}

/// The state of a numeral being read.
#[derive(Clone, Copy, Debug)]
struct St {
    total: Val,
    group: Val,
    /// The part of `group` after its hundreds (what `dozen` multiplies).
    small: Val,
    last: Last,
    /// The last big scale applied (thousand = 3 ...).
    big: Option<u8>,
    /// Multiplier of the last scale word read (100 for hundred).
    last_mult: Val,
    group_hundred: bool,
    end_tok: usize,
    end: usize,
    words: bool,
    scale: Option<u8>,
    frac_after_scale: bool,
    and_before: Option<Val>,
    ordinal: bool,
    plural_ord: bool,
    fraction: bool,
    half_quarter: bool,
    single: Option<DigitNum>,
    ntoks: u8,
}

impl St {
    fn new(i0: usize, start: usize) -> St {
        St {
            total: Val::ZERO,
            group: Val::ZERO,
            small: Val::ZERO,
            last: Last::Start,
            big: None,
            last_mult: Val::int(1),
            group_hundred: false,
            end_tok: i0,
            end: start,
            words: false,
            scale: None,
            frac_after_scale: false,
            and_before: None,
            ordinal: false,
            plural_ord: false,
            fraction: false,
            half_quarter: false,
            single: None,
            ntoks: 0,
        }
    }

    fn value(&self) -> Val {
        Snap::of(self).value()
    }

    fn accept(&mut self, i: usize, t: &Tok) {
        self.end_tok = i + 1;
        self.end = t.end;
        self.ntoks = self.ntoks.saturating_add(1);
    }
}

/// What splitting a fraction needs of an earlier state (its kind of last word and
/// its value), a quarter of the state's size: one is kept per token read.
#[derive(Clone, Copy, Debug)]
struct Snap {
    last: Last,
    total: Val,
    group: Val,
    big: Option<u8>,
    frac_after_scale: bool,
}

impl Snap {
    fn of(st: &St) -> Snap {
        Snap {
            last: st.last,
            total: st.total,
            group: st.group,
            big: st.big,
            frac_after_scale: st.frac_after_scale,
        }
    }

    fn value(&self) -> Val {
        let g = match (self.frac_after_scale, self.big) {
            (true, Some(b)) => self.group.mul_pow10(i32::from(b)),
            _ => self.group,
        };
        self.total.add(g)
    }
}

/// A numeral read from the tokens.
#[derive(Clone, Copy, Debug)]
struct Nm {
    start: usize,
    end: usize,
    end_tok: usize,
    val: Val,
    ordinal: bool,
    plural_ord: bool,
    fraction: bool,
    half_quarter: bool,
    words: bool,
    /// The numeral is exactly this digit token.
    digits: Option<DigitNum>,
    scale: Option<u8>,
    and_before: Option<Val>,
    vague: bool,
    ntoks: u8,
    /// The numeral itself, before a sign or `minus` widened `start`.
    core_start: usize,
}

impl Nm {
    /// The numeral that is exactly the digit token `tok`, ending before token
    /// `end_tok`, with the value the numeral reader would give it.
    fn lone_digits(tok: &Tok, end_tok: usize, d: DigitNum, ordinal: bool) -> Nm {
        // The reader adds the group (zero plus the digits) to a zero total; adding
        // to zero changes nothing when the digits are a whole number.
        let val = if d.val.exact_exponent() == Some(0) {
            d.val
        } else {
            Val::ZERO.add(Val::ZERO.add(d.val))
        };
        Nm {
            start: tok.start,
            end: tok.end,
            end_tok,
            val,
            ordinal,
            plural_ord: false,
            fraction: false,
            half_quarter: false,
            words: false,
            digits: Some(d),
            scale: None,
            and_before: None,
            vague: false,
            ntoks: 1,
            core_start: tok.start,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The main numeral: fractions after `and` are read.
    Primary,
    /// A numeral inside another (after `and`, `over`): no nested `and` fractions.
    Sub,
    /// A denominator after a numerator (`three fifths`): ordinals are kept whole.
    Denominator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum QKind {
    Cardinal,
    Ordinal,
    Percent,
    Measure,
    Money,
    Vague,
    Age,
    Year,
}

/// A quantity: a numeral with its currency or percent sign.
#[derive(Clone, Copy, Debug)]
struct Qty {
    start: usize,
    end: usize,
    end_tok: usize,
    val: Val,
    kind: QKind,
    unit: Option<Unit>,
    /// The numeral; its value is the number as written, before sub-units are
    /// converted (`50` in `50 cents`).
    nm: Nm,
    scale: Option<u8>,
}

const MAX_WINDOW_TOKS: usize = 96;
const MAX_NUMERAL_TOKS: usize = 24;

/// Reads numbers from one text.
pub(crate) struct Extractor<'t> {
    text: &'t str,
    bytes: &'t [u8],
    toks: Vec<Tok>,
    next_pos: usize,
    exhausted: bool,
    /// Nothing before this offset may be taken (the end of the previous finding).
    floor: usize,
    ref_year: Option<i32>,
    /// The words before recently asked positions: the grammar asks for the word before
    /// the same number many times (qualifier, sign, currency code, `between`, year cue,
    /// designation). Valid for one anchor, since the floor changes between anchors.
    prev_pos: [Cell<usize>; PREV_CACHE],
    prev_found: [Cell<Option<PrevWord>>; PREV_CACHE],
    prev_next: Cell<usize>,
}

/// A word found before a position: its range and its lexicon entry.
#[derive(Clone, Copy, Debug)]
struct PrevWord {
    start: usize,
    end: usize,
    lex: Lex,
}

const PREV_CACHE: usize = 4;
const NO_POS: usize = usize::MAX;

/// The char that ends at byte `pos` and where it starts (`None` at the start of the
/// text or off a char boundary). Decoded by hand and inlined: it is asked for often.
#[inline(always)]
fn prev_char(text: &str, pos: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let last = *bytes.get(pos.checked_sub(1)?)?;
    if !text.is_char_boundary(pos) {
        return None;
    }
    if last < 0x80 {
        return Some((pos - 1, char::from(last)));
    }
    let mut start = pos - 1;
    while start > 0 && pos - start < 4 && bytes.get(start).is_some_and(|b| b & 0xC0 == 0x80) {
        start -= 1;
    }
    char_at(bytes, start).map(|(c, _)| (start, c))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && !is_newline(c)
}

fn plural_like(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b.is_ascii()
        && b.ends_with(b"s")
        && !(b.ends_with(b"ss") || b.ends_with(b"us") || b.ends_with(b"is") || b.ends_with(b"'s"))
}

/// Whether a lower-case word could be a verb in the third person present (`says`,
/// `expects`) or a plural, which a singular counted phrase cannot end in. Singular
/// nouns ending in `-s` are left out: `-ss`, `-us`, `-is` (by [`plural_like`]), `-ics`
/// (`ethics`), `-as` (`gas`, `bias`), `-os` (`chaos`), the listed plurals and mass
/// nouns, nouns the same in both numbers (`one TV series`) and nouns with no singular
/// (`one college savings plan` is cut by its last word, but `savings` may end a
/// phrase too).
fn present_verb_like(w: &str, l: Lex) -> bool {
    let b = w.as_bytes();
    plural_like(w)
        && b.first().is_some_and(u8::is_ascii_lowercase)
        && !(b.ends_with(b"ics") || b.ends_with(b"as") || b.ends_with(b"os"))
        && !l.has(F_IRREGULAR_PLURALS | F_TIME_UNITS)
        && !matches!(
            w,
            "series"
                | "species"
                | "news"
                | "means"
                | "headquarters"
                | "barracks"
                | "crossroads"
                | "whereabouts"
                | "lens"
                | "innings"
                | "savings"
                | "earnings"
                | "proceeds"
                | "goods"
                | "belongings"
                | "premises"
                | "outskirts"
                | "remains"
        )
}

impl<'t> Extractor<'t> {
    pub fn new(text: &'t str, ref_year: Option<i32>) -> Self {
        Extractor {
            text,
            bytes: text.as_bytes(),
            toks: Vec::with_capacity(MAX_WINDOW_TOKS),
            next_pos: 0,
            exhausted: false,
            floor: 0,
            ref_year,
            prev_pos: std::array::from_fn(|_| Cell::new(NO_POS)),
            prev_found: std::array::from_fn(|_| Cell::new(None)),
            prev_next: Cell::new(0),
        }
    }

    fn reset(&mut self, pos: usize) {
        self.toks.clear();
        self.next_pos = pos;
        self.exhausted = false;
    }

    fn tok(&mut self, i: usize) -> Option<Tok> {
        while self.toks.len() <= i {
            if self.exhausted || self.toks.len() >= MAX_WINDOW_TOKS {
                return None;
            }
            match next_tok(self.text, self.next_pos) {
                Some(t) => {
                    self.next_pos = t.end;
                    self.toks.push(t);
                }
                None => {
                    self.exhausted = true;
                    return None;
                }
            }
        }
        self.toks.get(i).copied()
    }

    /// The token `i` if it is a word on the same line, with its text.
    fn word(&mut self, i: usize) -> Option<&'t str> {
        let t = self.tok(i)?;
        (t.is_word() && t.gap != Gap::Newline).then(|| t.text(self.text))
    }

    /// Whether token `i` is the grammar word `w` on the same line. This and the two
    /// helpers below are inlined: the grammar asks them everywhere, and as calls they
    /// cost more than their tests.
    #[inline(always)]
    fn word_is(&mut self, i: usize, w: Word) -> bool {
        self.word_lex(i).is_some_and(|l| l.word == w)
    }

    /// The lexicon entry of token `i` if it is a word on the same line.
    #[inline(always)]
    fn word_lex(&mut self, i: usize) -> Option<Lex> {
        let t = self.tok(i)?;
        (t.is_word() && t.gap != Gap::Newline).then_some(t.lex)
    }

    /// The number-word reading of token `i` if it is a word on the same line.
    #[inline(always)]
    fn num_word_at(&mut self, i: usize) -> Option<NumWord> {
        let t = self.tok(i)?;
        (t.is_word() && t.gap != Gap::Newline)
            .then_some(t.lex.num)
            .flatten()
    }

    /// The word right before `pos`, separated from it by spaces only, not before the
    /// floor: its byte range.
    fn prev_word(&self, pos: usize) -> Option<Range<usize>> {
        self.prev_entry(pos).map(|w| w.start..w.end)
    }

    /// The word before `pos` with its lexicon entry, from the cache when asked before.
    /// The cache look is inlined (most asks find the word there); reading the word is
    /// not.
    #[inline(always)]
    fn prev_entry(&self, pos: usize) -> Option<PrevWord> {
        for (p, found) in self.prev_pos.iter().zip(&self.prev_found) {
            if p.get() == pos {
                return found.get();
            }
        }
        self.read_prev_entry(pos)
    }

    /// [`Extractor::prev_entry`] for a position not in the cache: reads the word and
    /// caches it.
    #[inline(never)]
    fn read_prev_entry(&self, pos: usize) -> Option<PrevWord> {
        let found = self
            .scan_prev_word(pos)
            .map(|(start, end, letters)| PrevWord {
                start,
                end,
                lex: if letters {
                    letters_key(self.bytes, start, end).map_or_else(Lex::default, lex_key)
                } else {
                    Lex::default()
                },
            });
        let slot = self.prev_next.get() % PREV_CACHE;
        if let (Some(p), Some(f)) = (self.prev_pos.get(slot), self.prev_found.get(slot)) {
            p.set(pos);
            f.set(found);
        }
        self.prev_next.set(slot + 1);
        found
    }

    /// The start of the run of spaces (not line breaks) that ends at `pos`. Inlined:
    /// every backward look asks it, and as a call it cost more than its loop.
    #[inline(always)]
    fn spaces_before(&self, pos: usize) -> usize {
        let mut p = pos;
        while let Some(&b) = p.checked_sub(1).and_then(|i| self.bytes.get(i)) {
            if b == b' ' || b == b'\t' {
                p -= 1;
            } else if b < 0x80 {
                break;
            } else {
                match prev_char(self.text, p) {
                    Some((s, c)) if is_space(c) => p = s,
                    _ => break,
                }
            }
        }
        p
    }

    /// The word before `pos` read backwards: ASCII byte by byte, other text by chars.
    /// Also says whether the word is plain ASCII letters (a word the lexicon may know).
    fn scan_prev_word(&self, pos: usize) -> Option<(usize, usize, bool)> {
        let (text, bytes) = (self.text, self.bytes);
        let mut p = self.spaces_before(pos);
        let end = p;
        let mut letters = true;
        while let Some(&b) = p.checked_sub(1).and_then(|i| bytes.get(i)) {
            if b.is_ascii_alphabetic() {
                p -= 1;
            } else if b == b'\'' && p < end {
                p -= 1;
                letters = false;
            } else if b < 0x80 {
                break;
            } else {
                match prev_char(text, p) {
                    Some((s, c)) if is_alpha(c) || (c == '’' && p < end) => {
                        p = s;
                        letters = false;
                    }
                    _ => break,
                }
            }
        }
        (p < end && p >= self.floor).then_some((p, end, letters))
    }

    /// The word before `pos` with its text and lexicon entry (inlined like
    /// [`Extractor::prev_entry`]).
    #[inline(always)]
    fn prev_word_lex(&self, pos: usize) -> Option<(&'t str, Range<usize>, Lex)> {
        let w = self.prev_entry(pos)?;
        Some((self.text.get(w.start..w.end)?, w.start..w.end, w.lex))
    }

    fn prev_word_str(&self, pos: usize) -> Option<(&'t str, Range<usize>)> {
        let r = self.prev_word(pos)?;
        Some((self.text.get(r.clone())?, r))
    }

    /// Whether the word at `r` starts a sentence (or a line, or the text).
    fn sentence_initial(&self, r: &Range<usize>) -> bool {
        let mut p = r.start;
        while let Some((s, c)) = prev_char(self.text, p) {
            if is_space(c) {
                p = s;
                continue;
            }
            return is_newline(c)
                || matches!(
                    c,
                    '.' | '!' | '?' | ':' | '"' | '“' | '”' | '\'' | '‘' | '•' | '—' | '-' | '–'
                );
        }
        true
    }

    // ----- numerals -----------------------------------------------------------------

    /// Reads a numeral in words, digits or both, starting at token `i0`.
    fn numeral(&mut self, i0: usize, mode: Mode, seed: Option<Val>) -> Option<Nm> {
        let first = self.tok(i0)?;
        // No numeral starts with punctuation or a word that is no number word; saying
        // so here spares the setup below for the many speculative calls.
        match first.kind {
            TokKind::Punct(_) => return None,
            TokKind::Word if first.lex.num.is_none() => return None,
            TokKind::Digits(d) if seed.is_none() => {
                if let Some(n) = self.lone_digits(i0, &first, d) {
                    return Some(n);
                }
            }
            _ => {}
        }
        let mut st = St::new(i0, first.start);
        if let Some(s) = seed {
            st.group = s;
            st.small = s;
            st.last = Last::A;
            st.words = true;
        }
        // The states before the last two tokens read: all that splitting a fraction
        // (`one hundred one thousand fifths`) needs to look back at.
        let mut hist: [Option<Snap>; 2] = [None, None];
        let mut nhist = 0usize;
        let mut pending_and: Option<St> = None;
        let mut small_ck: Option<St> = None;
        let mut joiner: Option<Gap> = None;
        let mut i = i0;
        macro_rules! push_hist {
            ($s:expr) => {
                if nhist == MAX_NUMERAL_TOKS {
                    break;
                }
                hist = [hist[1], Some(Snap::of(&$s))];
                nhist += 1;
            };
        }
        while let Some(t) = self.tok(i) {
            if i > i0 && t.gap == Gap::Newline {
                break;
            }
            if let Some(g) = joiner {
                // After `twenty-`, the unit must follow the hyphen as the hyphen
                // followed `twenty`.
                if (g == Gap::None) != (t.gap == Gap::None) {
                    break;
                }
            }
            match t.kind {
                TokKind::Word => {
                    if let Some(nw) = t.lex.num {
                        let joined =
                            joiner.is_some() || (st.last == Last::Tens && t.gap == Gap::Space);
                        if nw.ordinal {
                            if st.last == Last::Start {
                                if nw.plural && mode != Mode::Denominator {
                                    st.plural_ord = true;
                                    st.ordinal = true;
                                    st.group = Val::float(nw.value());
                                    st.words = true;
                                    st.accept(i, &t);
                                    break;
                                }
                                st.group = ordinal_plain_value(nw);
                                st.last = Last::Unit;
                                st.total = Val::ZERO;
                                st.ordinal = true;
                                st.plural_ord = nw.plural;
                                st.words = true;
                                st.accept(i, &t);
                                break;
                            }
                            if st.last == Last::A {
                                break;
                            }
                            let digits_only = !st.words;
                            // The state before the step is still needed to split a
                            // fraction, so the step is made on a copy.
                            let mut stepped = st;
                            match step(&mut stepped, nw.base, joined).then_some(stepped) {
                                Some(n2) if !(nw.plural && digits_only) => {
                                    if let Some(p) = pending_and.take() {
                                        st.and_before = Some(p.value());
                                    }
                                    if !nw.plural || mode == Mode::Denominator {
                                        st = n2;
                                        st.ordinal = true;
                                        st.plural_ord = nw.plural;
                                        st.accept(i, &t);
                                        break;
                                    }
                                    let (num, den) = split_fraction(&st, nw, &hist);
                                    st.total = Val::ZERO;
                                    st.group = num.div(den);
                                    st.big = None;
                                    st.frac_after_scale = false;
                                    st.fraction = true;
                                    st.words = true;
                                    st.and_before = None;
                                    st.accept(i, &t);
                                    break;
                                }
                                _ => break,
                            }
                        }
                        match nw.base {
                            Base::Half => {
                                if mode == Mode::Denominator && st.last == Last::Start {
                                    st.group = Val::int(2);
                                    st.last = Last::Frac;
                                    st.ordinal = true;
                                    st.plural_ord = nw.plural;
                                    st.half_quarter = true;
                                    st.words = true;
                                    st.accept(i, &t);
                                    break;
                                }
                                if nw.plural || !matches!(st.last, Last::Start | Last::A) {
                                    break;
                                }
                                st.group = Val::dec(5, -1);
                                st.small = st.group;
                                st.last = Last::Frac;
                                st.words = true;
                                st.accept(i, &t);
                                // `half a million`
                                if self
                                    .word_lex(i + 1)
                                    .is_some_and(|l| matches!(l.word, Word::A | Word::An))
                                    && self.num_word_at(i + 2).is_some_and(|n| {
                                        !n.ordinal
                                            && !n.plural
                                            && matches!(
                                                n.base,
                                                Base::Scale(_) | Base::Hundred | Base::Dozen
                                            )
                                    })
                                {
                                    i += 2;
                                    continue;
                                }
                                i += 1;
                                continue;
                            }
                            Base::Quarter => {
                                if mode == Mode::Denominator && st.last == Last::Start {
                                    st.group = Val::int(4);
                                    st.last = Last::Frac;
                                    st.ordinal = true;
                                    st.plural_ord = nw.plural;
                                    st.half_quarter = true;
                                    st.words = true;
                                    st.accept(i, &t);
                                    break;
                                }
                                let next_scale = self.num_word_at(i + 1).is_some_and(|n| {
                                    !n.ordinal && !n.plural && matches!(n.base, Base::Scale(_))
                                });
                                if nw.plural
                                    || !(st.last == Last::A
                                        || (st.last == Last::Start && next_scale))
                                {
                                    break;
                                }
                                st.group = Val::dec(25, -2);
                                st.small = st.group;
                                st.last = Last::Frac;
                                st.words = true;
                                st.accept(i, &t);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                        let before = st;
                        if step(&mut st, nw.base, joined) {
                            if matches!(
                                nw.base,
                                Base::Unit(_) | Base::Teen(_) | Base::Tens(_) | Base::Zero
                            ) && (matches!(before.last, Last::Hundred | Last::Scale))
                            {
                                small_ck = Some(pending_and.unwrap_or(before));
                            }
                            if matches!(nw.base, Base::Hundred | Base::Scale(_)) {
                                small_ck = None;
                            }
                            if let Some(p) = pending_and.take() {
                                st.and_before = Some(p.value());
                            }
                            if nhist == MAX_NUMERAL_TOKS {
                                // Too long a numeral: it ends before this word.
                                st = before;
                                break;
                            }
                            push_hist!(before);
                            st.accept(i, &t);
                            joiner = None;
                            i += 1;
                            continue;
                        }
                        if matches!(nw.base, Base::Hundred | Base::Scale(_))
                            && let Some(ck) = small_ck
                        {
                            st = ck;
                            pending_and = None;
                        }
                        break;
                    } else if t.lex.word == Word::And {
                        if pending_and.is_some() {
                            break;
                        }
                        if mode == Mode::Primary
                            && matches!(
                                st.last,
                                Last::Unit
                                    | Last::Teen
                                    | Last::Tens
                                    | Last::TensUnit
                                    | Last::Digits
                                    | Last::Scale
                            )
                            && (st.last != Last::Digits || st.single.is_some_and(|d| d.integer))
                            && let Some((fv, fend_tok, fend)) = self.fraction_at(i + 1)
                        {
                            if st.last == Last::Scale {
                                st.group = fv;
                                st.frac_after_scale = true;
                            } else {
                                st.group = st.group.add(fv);
                            }
                            st.small = Val::ZERO;
                            st.last = Last::Frac;
                            st.words = true;
                            st.end_tok = fend_tok;
                            st.end = fend;
                            st.single = None;
                            i = fend_tok;
                            continue;
                        }
                        if matches!(st.last, Last::Hundred | Last::Scale) {
                            pending_and = Some(st);
                            i += 1;
                            continue;
                        }
                        break;
                    } else if t.lex.word == Word::Point {
                        if !matches!(
                            st.last,
                            Last::Zero
                                | Last::Unit
                                | Last::Teen
                                | Last::Tens
                                | Last::TensUnit
                                | Last::Digits
                                | Last::Hundred
                        ) || pending_and.is_some()
                        {
                            break;
                        }
                        match self.point_decimals(i + 1) {
                            Some((dec, end_tok, end)) => {
                                st.group = st.group.add(dec);
                                st.last = Last::Point;
                                st.words = true;
                                st.end_tok = end_tok;
                                st.end = end;
                                st.single = None;
                                i = end_tok;
                                continue;
                            }
                            None => break,
                        }
                    } else {
                        break;
                    }
                }
                TokKind::Punct('-' | '‐' | '–') if st.last == Last::Tens && joiner.is_none() => {
                    let next_unit = self
                        .num_word_at(i + 1)
                        .is_some_and(|n| matches!(n.base, Base::Unit(_)));
                    let next_gap = self.tok(i + 1).map(|n| n.gap);
                    if next_unit && next_gap == Some(t.gap) && t.gap != Gap::Newline {
                        joiner = Some(t.gap);
                        i += 1;
                        continue;
                    }
                    break;
                }
                TokKind::Digits(d) => {
                    if matches!(d.suffix, Suffix::Reject)
                        || pending_and.is_some() && d.val.is_zero()
                    {
                        if pending_and.is_some() {
                            // `4 thousand 3 hundred and 0`: the zero is a number of its own.
                        }
                        break;
                    }
                    let at_start = st.last == Last::Start;
                    let after = !at_start
                        && d.integer
                        && !d.val.is_zero()
                        && match st.last {
                            Last::Hundred => st.small.is_zero() && d.val.f < 100.0 && d.plain,
                            Last::Scale => {
                                st.big.is_some_and(|b| d.val.f < 10f64.powi(i32::from(b)))
                            }
                            _ => false,
                        };
                    if at_start || after {
                        let before = st;
                        if after {
                            small_ck = Some(pending_and.unwrap_or(before));
                        }
                        if let Some(p) = pending_and.take() {
                            st.and_before = Some(p.value());
                        }
                        push_hist!(before);
                        st.group = st.group.add(d.val);
                        st.small = st.small.add(d.val);
                        st.last = if d.integer { Last::Digits } else { Last::Point };
                        st.single = if at_start { Some(d) } else { None };
                        st.accept(i, &t);
                        match d.suffix {
                            Suffix::Scale(e) => {
                                st.last = Last::Digits;
                                if !step(&mut st, Base::Scale(e), false) {
                                    break;
                                }
                                st.words = before.words;
                                i += 1;
                                continue;
                            }
                            Suffix::None => {
                                i += 1;
                                continue;
                            }
                            Suffix::Ordinal => {
                                st.ordinal = true;
                                break;
                            }
                            _ => break,
                        }
                    }
                    // `2 1/4`: a whole number and a fraction.
                    if st.last == Last::Digits
                        && st.ntoks == 1
                        && d.integer
                        && d.plain
                        && let Some((f, end_tok, end)) = self.slash_fraction(i, d)
                    {
                        st.group = st.group.add(f);
                        st.last = Last::Frac;
                        st.single = None;
                        st.end_tok = end_tok;
                        st.end = end;
                        st.fraction = true;
                        i = end_tok;
                        continue;
                    }
                    break;
                }
                TokKind::Punct('/') => {
                    if st.last == Last::Digits
                        && st.ntoks == 1
                        && st.single.is_some_and(|d| d.integer && d.plain)
                        && let Some(d) = st.single
                        && let Some((f, end_tok, end)) = self.slash_fraction(i - 1, d)
                    {
                        st.group = f;
                        st.small = f;
                        st.last = Last::Frac;
                        st.single = None;
                        st.end_tok = end_tok;
                        st.end = end;
                        st.fraction = true;
                        i = end_tok;
                        continue;
                    }
                    break;
                }
                TokKind::Sym(c) => {
                    let Some(f) = vulgar_fraction(c) else { break };
                    let glue = st.last == Last::Digits
                        && st.ntoks == 1
                        && st
                            .single
                            .is_some_and(|d| d.integer && matches!(d.suffix, Suffix::None));
                    if st.last == Last::Start || glue {
                        st.group = st.group.add(Val::float(f));
                        st.last = Last::Frac;
                        st.single = None;
                        st.fraction = true;
                        st.accept(i, &t);
                        i += 1;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        if let Some(p) = pending_and {
            st = p;
        }
        if st.last == Last::Start || st.ntoks == 0 {
            return None;
        }
        let single = if st.ntoks == 1 { st.single } else { None };
        Some(Nm {
            start: first.start,
            end: st.end,
            end_tok: st.end_tok,
            val: st.value(),
            ordinal: st.ordinal,
            plural_ord: st.plural_ord,
            fraction: st.fraction,
            half_quarter: st.half_quarter,
            words: st.words,
            digits: single,
            scale: st.scale,
            and_before: st.and_before,
            vague: false,
            ntoks: st.ntoks,
            core_start: first.start,
        })
    }

    /// The numeral at `i0` when it is the digit token `first` alone: a suffix that ends
    /// the numeral (`14th`, `5%`, `1990s`) or, without one, a next token the loop of
    /// [`Extractor::numeral`] stops at at once (no number word, `and`, `point`, digits,
    /// `/` or sign). Most numerals are such, and this spares them the reader's state
    /// (a 256-byte record copied per step). The result is the one the loop builds;
    /// `None` sends the numeral to the loop.
    fn lone_digits(&mut self, i0: usize, first: &Tok, d: DigitNum) -> Option<Nm> {
        let ordinal = match d.suffix {
            Suffix::Reject | Suffix::Scale(_) => return None,
            Suffix::None => {
                let stops = match self.tok(i0 + 1) {
                    None => true,
                    Some(t) if t.gap == Gap::Newline => true,
                    Some(t) => match t.kind {
                        TokKind::Word => {
                            t.lex.num.is_none() && !matches!(t.lex.word, Word::And | Word::Point)
                        }
                        TokKind::Punct(c) => c != '/',
                        TokKind::Digits(_) | TokKind::Sym(_) => false,
                    },
                };
                if !stops {
                    return None;
                }
                false
            }
            Suffix::Ordinal => true,
            _ => false,
        };
        Some(Nm::lone_digits(first, i0 + 1, d, ordinal))
    }

    /// Digits after `point`: `point zero three`, `point seventy-one`, `point 5`.
    fn point_decimals(&mut self, i0: usize) -> Option<(Val, usize, usize)> {
        let mut mant: i128 = 0;
        let mut nd: i32 = 0;
        let mut i = i0;
        let mut end = 0;
        while let Some(t) = self.tok(i) {
            if t.gap == Gap::Newline || nd > 20 {
                break;
            }
            if let Some(d) = t.digits() {
                if nd == 0 && d.plain {
                    let digits = t.text(self.text);
                    for b in digits.bytes() {
                        mant = mant.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
                        nd += 1;
                    }
                    end = t.end;
                    i += 1;
                }
                break;
            }
            let Some(nw) = self.num_word_at(i) else { break };
            if nw.ordinal {
                break;
            }
            match nw.base {
                Base::Zero => {
                    mant = mant.checked_mul(10)?;
                    nd += 1;
                }
                Base::Unit(u) => {
                    mant = mant.checked_mul(10)?.checked_add(i128::from(u))?;
                    nd += 1;
                }
                Base::Teen(v) | Base::Tens(v) if nd == 0 => {
                    mant = i128::from(v);
                    nd = 2;
                    end = t.end;
                    i += 1;
                    if matches!(nw.base, Base::Tens(_)) {
                        let hy = self
                            .tok(i)
                            .is_some_and(|h| h.is_punct('-') && h.gap == Gap::None);
                        let j = if hy { i + 1 } else { i };
                        if let Some(Base::Unit(u)) =
                            self.num_word_at(j).filter(|n| !n.ordinal).map(|n| n.base)
                        {
                            mant += i128::from(u);
                            end = self.tok(j).map_or(end, |t| t.end);
                            i = j + 1;
                        }
                    }
                    break;
                }
                _ => break,
            }
            end = t.end;
            i += 1;
        }
        (nd > 0).then(|| (Val::dec(mant, -nd), i, end))
    }

    /// `n/d` starting at the digit token `i` (already read as `n`): a proper fraction
    /// with a common denominator, not part of a date.
    fn slash_fraction(&mut self, i: usize, n: DigitNum) -> Option<(Val, usize, usize)> {
        let slash = self.tok(i + 1)?;
        if !slash.is_punct('/') || slash.gap == Gap::Newline {
            return None;
        }
        let den_t = self.tok(i + 2)?;
        let den = den_t.digits()?;
        if den_t.gap != slash.gap || !den.plain || !n.plain {
            return None;
        }
        if let Some(after) = self.tok(i + 3)
            && after.is_punct('/')
            && after.gap == Gap::None
        {
            return None;
        }
        let (nv, dv) = (n.val.f, den.val.f);
        let common = [
            2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 32.0, 64.0, 100.0,
        ];
        if nv < dv && nv >= 1.0 && common.contains(&dv) {
            Some((n.val.div(den.val), i + 3, den_t.end))
        } else {
            self.mixed_without_space(nv, dv, i + 3)
                .map(|v| (v, i + 3, den_t.end))
        }
    }

    /// `41/2 years`, `a 31/2-hour wait`: a mixed number whose space was lost when `4½`
    /// or `4 <sup>1</sup>/<sub>2</sub>` became plain text. Read so only for halves and
    /// quarters and only before a measure (a time unit, a plural noun, or a hyphen
    /// joining one, or `percent`), since `11/2` alone may be a date and `41/2` a ratio.
    fn mixed_without_space(&mut self, nv: f64, dv: f64, after: usize) -> Option<Val> {
        if !(11.0..1000.0).contains(&nv) || nv.fract() != 0.0 {
            return None;
        }
        let (whole, last) = ((nv / 10.0).floor(), nv % 10.0);
        let proper = matches!((last as u8, dv as u8), (1, 2) | (1 | 3, 4)) && dv.fract() == 0.0;
        if !proper {
            return None;
        }
        let t = self.tok(after)?;
        let measure = match t.kind {
            TokKind::Word => {
                t.gap == Gap::Space
                    && (t.lex.has(F_TIME_UNITS)
                        || t.lex.word == Word::Percent
                        || plural_like(t.text(self.text)) && !t.lex.has(F_STOP_WORDS))
            }
            TokKind::Punct('-') => {
                t.gap == Gap::None
                    && self
                        .tok(after + 1)
                        .is_some_and(|w| w.is_word() && w.gap == Gap::None)
            }
            _ => false,
        };
        measure
            .then(|| Val::int(whole as i128).add(Val::int(last as i128).div(Val::int(dv as i128))))
    }

    /// A proper fraction starting at `i`: `a half`, `a quarter`, `a fifth`, `three
    /// quarters`, `two fifths`. Returns its value and end.
    fn fraction_at(&mut self, i: usize) -> Option<(Val, usize, usize)> {
        if self
            .word_lex(i)
            .is_some_and(|l| matches!(l.word, Word::A | Word::An | Word::One))
            && let Some(nw) = self.num_word_at(i + 1)
        {
            match nw.base {
                Base::Half if !nw.plural => {
                    let t = self.tok(i + 1)?;
                    return Some((Val::dec(5, -1), i + 2, t.end));
                }
                Base::Quarter if !nw.plural => {
                    let t = self.tok(i + 1)?;
                    return Some((Val::dec(25, -2), i + 2, t.end));
                }
                _ => {}
            }
            if nw.ordinal && !nw.plural && !matches!(nw.base, Base::Unit(1 | 2)) {
                let d = self.numeral(i + 1, Mode::Denominator, None)?;
                if d.ordinal && d.val.f >= 3.0 {
                    return Some((Val::int(1).div(d.val), d.end_tok, d.end));
                }
            }
        }
        let n = self.numeral(i, Mode::Sub, None)?;
        if !n.words || n.ordinal || n.fraction {
            return None;
        }
        let m = self.merge_denominator(&n)?;
        (m.fraction && m.val.f < 1.0 && m.val.f > 0.0).then_some((m.val, m.end_tok, m.end))
    }

    /// `two or three quarters` of a year: plural `quarters` right after a whole number
    /// in words counts periods. It is the fraction before `of` (`three quarters of the
    /// rise`), in a mixed number (`five and three quarters`) or before a scale (`three
    /// quarters million`).
    fn quarters_as_periods(&mut self, n: &Nm) -> bool {
        let k = n.end_tok;
        n.and_before.is_none()
            && self
                .num_word_at(k)
                .is_some_and(|w| w.base == Base::Quarter && w.plural)
            && !self.word_is(k + 1, Word::Of)
            && self.num_word_at(k + 1).is_none()
            && !self
                .prev_word_lex(n.start)
                .is_some_and(|(_, _, l)| l.word == Word::And)
    }

    /// `three` + `fifths`, `one` + `twenty-fifth`, `two hundred and fifty-four` +
    /// `hundredths`: a numerator in words followed by an ordinal denominator.
    fn merge_denominator(&mut self, n: &Nm) -> Option<Nm> {
        let k = n.end_tok;
        let t = self.tok(k)?;
        if t.gap == Gap::Newline {
            return None;
        }
        // `two-thirds`
        let j = if t.is_punct('-') && t.gap == Gap::None && n.ntoks == 1 {
            let next = self.tok(k + 1)?;
            if next.gap != Gap::None {
                return None;
            }
            k + 1
        } else if t.gap == Gap::Space {
            k
        } else {
            return None;
        };
        let nw = self.num_word_at(j)?;
        if !(nw.ordinal
            || matches!(
                nw.base,
                Base::Half | Base::Quarter | Base::Tens(_) | Base::Unit(_) | Base::Hundred
            ))
        {
            return None;
        }
        let d = self.numeral(j, Mode::Denominator, None)?;
        if !d.ordinal {
            return None;
        }
        let dv = d.val.f;
        let ok = d.plural_ord || d.half_quarter || dv >= 3.0;
        if !ok || dv == 0.0 {
            return None;
        }
        let val = match n.and_before {
            Some(before) if (n.val.f - before.f) < dv && d.plural_ord => {
                before.add(n.val.sub(before).div(d.val))
            }
            _ => n.val.div(d.val),
        };
        Some(Nm {
            end: d.end,
            end_tok: d.end_tok,
            val,
            fraction: true,
            ordinal: false,
            plural_ord: false,
            half_quarter: false,
            words: true,
            digits: None,
            and_before: None,
            ntoks: n.ntoks.saturating_add(d.ntoks),
            ..*n
        })
    }

    /// A full numeral at `i0` with what only the main numeral has: `a`/`several`
    /// before it, a sign or `minus`, vague plurals, fractions of the form `three
    /// fifths`, `1 over 3`, `one out of three`, `1 in 21`.
    fn number_expr(&mut self, i0: usize, backward: bool, ratio: bool) -> Option<Nm> {
        let text = self.text;
        let t0 = self.tok(i0)?;
        let nw0 = if t0.is_word() { t0.lex.num } else { None };
        let prev = if backward && nw0.is_some() {
            self.prev_word_lex(t0.start)
        } else {
            None
        };
        let prev_is_a = prev
            .as_ref()
            .is_some_and(|(_, _, l)| matches!(l.word, Word::A | Word::An));

        if let Some(nw) = nw0 {
            // `thousands`, `hundreds of thousands`, `tens of thousands`, `dozens`.
            if nw.plural
                && !nw.ordinal
                && matches!(nw.base, Base::Hundred | Base::Scale(_) | Base::Dozen)
            {
                return self.vague_at(i0, nw, backward);
            }
            // `a fifth`, `a trillionth` (but `a first`, `a third term` are ordinals).
            if prev_is_a && nw.ordinal && !nw.plural && !matches!(nw.base, Base::Unit(1 | 2)) {
                let d = self.numeral(i0, Mode::Denominator, None)?;
                let after = self.tok(d.end_tok);
                let fraction_context = match after {
                    None => true,
                    Some(a) if a.gap == Gap::Newline => true,
                    Some(a) if a.is_word() => {
                        matches!(a.lex.word, Word::Of | Word::And | Word::Or) || a.lex.num.is_some()
                    }
                    Some(_) => true,
                };
                if fraction_context && d.ordinal && d.val.f >= 3.0 {
                    let start = prev.as_ref().map_or(t0.start, |(_, r, _)| r.start);
                    return Some(Nm {
                        start,
                        val: Val::int(1).div(d.val),
                        ordinal: false,
                        fraction: true,
                        words: true,
                        ..d
                    });
                }
                return Some(d);
            }
        }
        if t0.is_word() && t0.lex.word == Word::Scores && self.word_is(i0 + 1, Word::Of) {
            return Some(Nm {
                start: t0.start,
                end: t0.end,
                end_tok: i0 + 1,
                val: Val::int(40),
                ordinal: false,
                plural_ord: false,
                fraction: false,
                half_quarter: false,
                words: true,
                digits: None,
                scale: None,
                and_before: None,
                vague: true,
                ntoks: 1,
                core_start: t0.start,
            });
        }
        let mut seed = None;
        let mut start = t0.start;
        let mut vague = false;
        if let Some(nw) = nw0 {
            let seedable = !nw.ordinal
                && !nw.plural
                && matches!(
                    nw.base,
                    Base::Hundred | Base::Scale(_) | Base::Dozen | Base::Half | Base::Quarter
                );
            if seedable && let Some((_, r, l)) = prev.clone() {
                if matches!(l.word, Word::A | Word::An) {
                    seed = Some(Val::int(1));
                    start = r.start;
                    // `a few hundred`: handled below, `a` then `few`.
                } else if l.word == Word::Several && !matches!(nw.base, Base::Half | Base::Quarter)
                {
                    seed = Some(Val::int(3));
                    start = r.start;
                    vague = true;
                } else if l.word == Word::Few
                    && !matches!(nw.base, Base::Half | Base::Quarter)
                    && let Some((_, ra, la)) = self.prev_word_lex(r.start)
                    && la.word == Word::A
                {
                    seed = Some(Val::int(2));
                    start = ra.start;
                    vague = true;
                }
            }
        }
        let mut n = self.numeral(i0, Mode::Primary, seed)?;
        n.start = start;
        n.core_start = start;
        n.vague = vague;
        if n.plural_ord && !n.fraction {
            return None;
        }
        if n.words
            && !n.ordinal
            && !n.fraction
            && !n.vague
            && !self.quarters_as_periods(&n)
            && let Some(m) = self.merge_denominator(&n)
        {
            n = m;
        }
        if ratio
            && !n.ordinal
            && !n.vague
            && !n.fraction
            && n.digits.is_none_or(|d| matches!(d.suffix, Suffix::None))
            && let Some(m) = self.ratio(&n)
        {
            n = m;
        }
        // Sign.
        if backward {
            if let Some(d) = n.digits.filter(|_| n.start == t0.start) {
                let _ = d;
                if let Some((s, c)) = prev_char(text, n.start)
                    && matches!(c, '-' | '−')
                    && s >= self.floor
                {
                    let before = prev_char(text, s);
                    let free = before.is_none_or(|(_, b)| {
                        is_space(b)
                            || is_newline(b)
                            || matches!(b, '(' | '[' | '=' | ':' | ',' | ';')
                    });
                    if free {
                        n.start = s;
                        n.val = n.val.neg();
                    }
                }
            }
            if n.start == start
                && let Some((_, r, l)) = self.prev_word_lex(n.start)
                && matches!(l.word, Word::Minus | Word::Negative)
            {
                n.start = r.start;
                n.val = n.val.neg();
            }
        }
        Some(n)
    }

    /// `thousands`, `hundreds of thousands`, `tens of thousands of`, `dozens`.
    fn vague_at(&mut self, i0: usize, nw: NumWord, backward: bool) -> Option<Nm> {
        let t0 = self.tok(i0)?;
        let base = match nw.base {
            Base::Dozen => Val::int(12),
            Base::Hundred => Val::int(100),
            Base::Scale(e) => Val::int(1).mul_pow10(i32::from(e)),
            _ => return None,
        };
        let mut val = base.mul_int(2);
        let mut start = t0.start;
        let mut end = t0.end;
        let mut end_tok = i0 + 1;
        if backward
            && let Some((_, r, of)) = self.prev_word_lex(t0.start)
            && of.word == Word::Of
            && let Some((_, rt, tens)) = self.prev_word_lex(r.start)
        {
            if tens.word == Word::Tens {
                val = base.mul_int(20);
                start = rt.start;
            } else if tens.word == Word::Hundreds {
                val = base.mul_int(200);
                start = rt.start;
            }
        }
        if self.word_is(i0 + 1, Word::Of)
            && let Some(n2) = self.num_word_at(i0 + 2)
            && let Base::Scale(e) = n2.base
            && n2.plural
            && !n2.ordinal
            && Val::int(1).mul_pow10(i32::from(e)).f > base.f
        {
            val = val.mul_pow10(i32::from(e));
            let t2 = self.tok(i0 + 2)?;
            end = t2.end;
            end_tok = i0 + 3;
        }
        Some(Nm {
            start,
            end,
            end_tok,
            val,
            ordinal: false,
            plural_ord: false,
            fraction: false,
            half_quarter: false,
            words: true,
            digits: None,
            scale: None,
            and_before: None,
            vague: true,
            ntoks: 1,
            core_start: start,
        })
    }

    /// `1 over 3`, `one out of three`, `1 in twenty-one`.
    fn ratio(&mut self, n: &Nm) -> Option<Nm> {
        let k = n.end_tok;
        let w = self.word_lex(k)?.word;
        let (m_at, kind) = if w == Word::Over {
            (k + 1, 0)
        } else if w == Word::Out && self.word_is(k + 1, Word::Of) {
            (k + 2, 1)
        } else if w == Word::In {
            (k + 1, 2)
        } else {
            return None;
        };
        let m = self.numeral(m_at, Mode::Sub, None)?;
        if m.ordinal
            || m.fraction
            || m.val.is_zero()
            || m.digits.is_some_and(|d| !matches!(d.suffix, Suffix::None))
        {
            return None;
        }
        let (nv, mv) = (n.val.f, m.val.f);
        let ok = match kind {
            0 => {
                // `2000 over 3` but not `$2000 over 3 years`.
                let after = self.tok(m.end_tok);
                after.is_none_or(|a| !a.is_word() || a.gap == Gap::Newline)
            }
            1 => nv <= mv && nv >= 0.0,
            _ => {
                n.val.is_integer()
                    && nv >= 1.0
                    && nv < mv
                    && mv <= 1000.0
                    && m.digits.is_none_or(|d| d.int_digits < 4)
            }
        };
        if !ok {
            return None;
        }
        Some(Nm {
            end: m.end,
            end_tok: m.end_tok,
            val: n.val.div(m.val),
            fraction: true,
            digits: None,
            ntoks: n.ntoks.saturating_add(m.ntoks),
            words: n.words || m.words,
            ..*n
        })
    }

    // ----- quantities ---------------------------------------------------------------

    /// A dollar sign's country prefix: `US$`, `C$`, `HK$`, `Mex$`, `cad$`, or the
    /// tokenized `us $`, `c $`.
    fn dollar_prefix_before(&self, dollar: usize) -> Option<(Currency, usize)> {
        let text = self.text;
        // Glued: letters (and dots, `U.S.$`) right before the sign.
        let mut p = dollar;
        while p > 0
            && self
                .bytes
                .get(p - 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'.')
        {
            p -= 1;
        }
        if p < dollar && p >= self.floor {
            let glued = text.get(p..dollar)?;
            let left_ok = prev_char(text, p).is_none_or(|(_, c)| !is_alnum(c));
            if left_ok {
                return dollar_prefix(glued, true).map(|c| (c, p));
            }
            return None;
        }
        let (w, r, l) = self.prev_word_lex(dollar)?;
        let spaced_ok = w.bytes().all(|b| b.is_ascii_lowercase()) || w.len() >= 2;
        if spaced_ok && !matches!(l.word, Word::A | Word::S | Word::R) {
            return dollar_prefix(w, false).map(|c| (c, r.start));
        }
        None
    }

    /// A currency code written before the amount: `GBP 350`, `MAUD 60`, `Rs 500`.
    fn code_before(&self, pos: usize) -> Option<(Currency, usize, i32)> {
        // `Rs. 500`, `Rs 500`
        let p = self.spaces_before(pos);
        let dot = p > 0 && self.bytes.get(p - 1) == Some(&b'.');
        let wpos = if dot { p - 1 } else { pos };
        let (w, r, l) = self.prev_word_lex(wpos)?;
        if matches!(l.word, Word::Rs | Word::Inr) && (dot || w.len() == 3 || w.starts_with('R')) {
            return currency_code("INR").map(|c| (*c, r.start, 0));
        }
        if dot {
            return None;
        }
        if let Some(c) = currency_code_of(l, w) {
            return Some((*c, r.start, 0));
        }
        if w.len() == 4
            && w.starts_with('M')
            && w.bytes().all(|b| b.is_ascii_uppercase())
            && let Some(c) = w.get(1..).and_then(currency_code)
        {
            return Some((*c, r.start, 6));
        }
        None
    }

    /// A currency named after the amount at token `k`: `dollars`, `us dollars`,
    /// `hong kong dollars`, `u.s. dollars`, `ரூ`. Returns (currency, sub-unit, end token).
    fn currency_after(&mut self, k: usize) -> Option<(Currency, bool, usize)> {
        let text = self.text;
        let t = self.tok(k)?;
        if t.gap == Gap::Newline || !t.is_word() {
            return None;
        }
        let w0 = t.text(text);
        let l0 = t.lex;
        // Every reading below starts with a currency noun, a word that pins one down, the
        // `u` of `u.s.`, or a sign written in letters (`ரூ`): most words are none.
        if !l0.has(F_CURRENCY_NOUN | F_CURRENCY_ADJ) && w0.is_ascii() && l0.word != Word::U {
            return None;
        }
        if let Some(c) = currency_symbol(w0) {
            return Some((c, false, k + 1));
        }
        // `u.s. dollars`
        if l0.word == Word::U
            && self.tok(k + 1).is_some_and(|p| p.is_punct('.'))
            && self.word_is(k + 2, Word::S)
        {
            let dot2 = self.tok(k + 3).is_some_and(|p| p.is_punct('.'));
            let noun_at = if dot2 { k + 4 } else { k + 3 };
            if let Some(noun) = self.word(noun_at)
                && let Some((c, sub, true)) = currency_word(Some("us"), noun)
            {
                return Some((c, sub, noun_at + 1));
            }
        }
        if !l0.has(F_CURRENCY_ADJ) {
            // Only a word that pins a currency down starts a longer name.
            return currency_word(None, w0).map(|(c, sub, _)| (c, sub, k + 1));
        }
        let w1 = self
            .word(k + 1)
            .filter(|_| self.tok(k + 1).is_some_and(|t| t.gap == Gap::Space));
        let w2 = self
            .word(k + 2)
            .filter(|_| self.tok(k + 2).is_some_and(|t| t.gap == Gap::Space));
        if let (Some(w1), Some(w2)) = (w1, w2)
            && let Some((c, sub, true)) = currency_word(Some(w1), w2)
        {
            // `hong kong dollars`, `sri lankan rupees`
            if matches!(
                l0.word,
                Word::Hong | Word::New | Word::Sri | Word::South | Word::North | Word::United
            ) {
                return Some((c, sub, k + 3));
            }
        }
        if let Some(w1) = w1
            && let Some((c, sub, true)) = currency_word(Some(w0), w1)
        {
            return Some((c, sub, k + 2));
        }
        currency_word(None, w0).map(|(c, sub, _)| (c, sub, k + 1))
    }

    /// Whether a `pounds` amount is a weight (`weighs 200 pounds`).
    fn weight_context(&self, start: usize) -> bool {
        let mut p = start;
        for _ in 0..4 {
            let Some((w, r)) = self.prev_word_str(p) else {
                return false;
            };
            if w.len() >= 5 && w.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("weigh")) {
                return true;
            }
            p = r.start;
        }
        false
    }

    /// A quantity at token `i0`: a numeral with its currency, percent sign, sub-units.
    fn quantity(&mut self, i0: usize, backward: bool) -> Option<Qty> {
        let text = self.text;
        let t0 = self.tok(i0)?;
        // `percent of 10`
        if t0.is_word() {
            let mut k = i0 + 1;
            let is_pct = if t0.lex.word == Word::Percent {
                true
            } else if t0.lex.word == Word::Per && self.word_is(i0 + 1, Word::Cent) {
                k += 1;
                true
            } else {
                false
            };
            if is_pct {
                if !self.word_is(k, Word::Of) {
                    return None;
                }
                let n = self.numeral(k + 1, Mode::Sub, None)?;
                if n.ordinal || n.fraction {
                    return None;
                }
                return Some(Qty {
                    start: t0.start,
                    end: n.end,
                    end_tok: n.end_tok,
                    val: n.val,
                    kind: QKind::Percent,
                    unit: Some(Unit::Percent),
                    nm: n,
                    scale: n.scale,
                });
            }
        }
        let mut prefix: Option<Currency> = None;
        let mut start: Option<usize> = None;
        let mut mult = 0i32;
        let mut j = i0;
        if let TokKind::Sym(c) = t0.kind {
            let sym = t0.text(text);
            if let Some(mut cur) = currency_symbol(sym) {
                let mut s = t0.start;
                if c == '$'
                    && backward
                    && let Some((c2, p)) = self.dollar_prefix_before(t0.start)
                {
                    cur = c2;
                    s = p;
                }
                let t1 = self.tok(i0 + 1)?;
                if t1.gap == Gap::Newline {
                    return None;
                }
                prefix = Some(cur);
                start = Some(s);
                j = i0 + 1;
            }
        } else if backward && let Some((cur, s, m)) = self.code_before(t0.start) {
            prefix = Some(cur);
            start = Some(s);
            mult = m;
        }
        // Read in place, copied once into the quantity.
        let read = self.number_expr(j, backward && prefix.is_none(), prefix.is_none());
        let nm = read.as_ref()?;
        if prefix.is_some() && (nm.ordinal || nm.vague) {
            return None;
        }
        let start = start.unwrap_or(nm.start);
        let mut val = nm.val;
        let mut end = nm.end;
        let mut end_tok = nm.end_tok;
        let mut scale = nm.scale;
        let mut kind = if nm.ordinal {
            QKind::Ordinal
        } else if nm.vague {
            QKind::Vague
        } else {
            QKind::Cardinal
        };
        let mut unit = None;
        let mut sub = false;
        if let Some(d) = nm.digits {
            match d.suffix {
                Suffix::LowerM => match self.lower_m_reading(end_tok, prefix.is_some()) {
                    // `€2m`, `5m users`: millions.
                    LowerMReading::Million => {
                        val = val.mul_pow10(6);
                        scale = Some(6);
                    }
                    // `3.5m high`, `a 5m-long python`: metres.
                    LowerMReading::Metres => unit = Some(Unit::Measure("m")),
                    // `a 10m fine`, `the 100m final`: either.
                    LowerMReading::Unknown => return None,
                },
                Suffix::Code(c) => unit = Some(Unit::Currency(*c)),
                Suffix::MCode(c) => {
                    unit = Some(Unit::Currency(*c));
                    val = val.mul_pow10(6);
                    scale = Some(6);
                }
                Suffix::Pence => {
                    unit = currency_word(None, "pence").map(|(c, _, _)| Unit::Currency(c));
                    sub = true;
                }
                Suffix::Percent => unit = Some(Unit::Percent),
                Suffix::Unit(symbol) => {
                    unit = Some(Unit::Measure(symbol));
                    // `100km/h`
                    if symbol == "km"
                        && text.get(end..end + 2) == Some("/h")
                        && !text
                            .get(end + 2..)
                            .and_then(|s| s.chars().next())
                            .is_some_and(is_alnum)
                    {
                        unit = Some(Unit::Measure("km/h"));
                        end += 2;
                        end_tok += 2;
                    }
                }
                Suffix::Decade => {
                    kind = QKind::Year;
                    if d.int_digits == 2 {
                        match self.two_digit_decade(nm.start) {
                            // `in his 70s`: an age.
                            TwoDigitDecade::Age => kind = QKind::Age,
                            // `the '80s`: the years of a century.
                            TwoDigitDecade::Years(century) => val = val.add(Val::int(century)),
                            // `in the 90s` may be years or degrees.
                            TwoDigitDecade::Unknown => {}
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(c) = prefix {
            unit = Some(Unit::Currency(c));
            if mult > 0 {
                val = val.mul_pow10(mult);
                scale = Some(6);
            }
        }
        if unit.is_none()
            && !nm.ordinal
            && kind != QKind::Year
            && let Some((symbol, e_tok, e)) = self.degrees_after(end_tok)
        {
            unit = Some(Unit::Measure(symbol));
            end = e;
            end_tok = e_tok;
        }
        if unit.is_none()
            && !nm.ordinal
            && kind != QKind::Year
            && let Some(t) = self.tok(end_tok).filter(|t| t.gap != Gap::Newline)
        {
            match t.kind {
                TokKind::Punct('%' | '％') => {
                    unit = Some(Unit::Percent);
                    end = t.end;
                    end_tok += 1;
                }
                TokKind::Word => {
                    let w = t.text(text);
                    let lw = t.lex.word;
                    // (A word token holds no hyphen, so `per-cent` arrives as three.)
                    if matches!(lw, Word::Percent | Word::Percents | Word::Pct) {
                        unit = Some(Unit::Percent);
                        end = t.end;
                        end_tok += 1;
                    } else if lw == Word::Per && self.word_is(end_tok + 1, Word::Cent) {
                        unit = Some(Unit::Percent);
                        end = self.tok(end_tok + 1).map_or(end, |t| t.end);
                        end_tok += 2;
                    } else if matches!(lw, Word::Percentage | Word::Basis)
                        && self
                            .word_lex(end_tok + 1)
                            .is_some_and(|p| matches!(p.word, Word::Point | Word::Points))
                    {
                        unit = Some(Unit::PercentPoint);
                        if lw == Word::Basis {
                            val = val.div(Val::int(100));
                        }
                        end = self.tok(end_tok + 1).map_or(end, |t| t.end);
                        end_tok += 2;
                    } else if let Some(symbol) = spaced_unit(w).filter(|_| {
                        // (`414 lb-ft` is a unit of its own.)
                        t.gap == Gap::Space
                            && !nm.words
                            && !self
                                .tok(end_tok + 1)
                                .is_some_and(|h| h.is_punct('-') && h.gap == Gap::None)
                    }) {
                        unit = Some(Unit::Measure(symbol));
                        end = t.end;
                        end_tok += 1;
                    } else if nm.vague {
                        // `millions of dollars`
                        if lw == Word::Of
                            && let Some((c, false, e)) = self.currency_after(end_tok + 1)
                        {
                            unit = Some(Unit::Currency(c));
                            end = self.tok(e - 1).map_or(end, |t| t.end);
                            end_tok = e;
                        }
                    } else if let Some(c) = currency_code_of(t.lex, w) {
                        unit = Some(Unit::Currency(*c));
                        end = t.end;
                        end_tok += 1;
                        // `75 USD million`
                        if let Some(nw) = self.num_word_at(end_tok)
                            && let (Base::Scale(e), false, false) = (nw.base, nw.ordinal, nw.plural)
                            && scale.is_none()
                        {
                            val = val.mul_pow10(i32::from(e));
                            scale = Some(e);
                            end = self.tok(end_tok).map_or(end, |t| t.end);
                            end_tok += 1;
                        }
                    } else if w.len() == 4
                        && w.starts_with('M')
                        && w.bytes().all(|b| b.is_ascii_uppercase())
                        && w.get(1..).and_then(currency_code).is_some()
                    {
                        if let Some(c) = w.get(1..).and_then(currency_code) {
                            unit = Some(Unit::Currency(*c));
                            val = val.mul_pow10(6);
                            scale = Some(6);
                            end = t.end;
                            end_tok += 1;
                        }
                    } else if let Some((c, is_sub, e)) = self.currency_after(end_tok) {
                        let weight = c.iso == Some("GBP") && !is_sub && self.weight_context(start);
                        if !weight {
                            unit = Some(Unit::Currency(c));
                            sub = is_sub;
                            end = self.tok(e - 1).map_or(end, |t| t.end);
                            end_tok = e;
                        }
                    }
                }
                TokKind::Sym(c) => {
                    if let Some(cur) = currency_symbol(t.text(text)) {
                        // `5 €`, `100元`; but in `1 $10` the sign belongs to the 10,
                        // unless the next amount is in cents (`10 $ 30 cent`).
                        let next_is_amount = self.tok(end_tok + 1).is_some_and(|n| {
                            n.gap != Gap::Newline && (n.digits().is_some() || n.lex.num.is_some())
                        });
                        let binds_left = if next_is_amount {
                            self.numeral(end_tok + 1, Mode::Sub, None)
                                .and_then(|m| self.currency_after(m.end_tok))
                                .is_some_and(|(_, s, _)| s)
                        } else {
                            true
                        };
                        if binds_left && c != '½' {
                            unit = Some(Unit::Currency(cur));
                            end = t.end;
                            end_tok += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(Unit::Currency(_)) = unit {
            kind = if nm.vague { QKind::Vague } else { QKind::Money };
            if sub {
                val = val.div(Val::int(100));
            } else if val.is_integer() && scale.is_none() && !nm.vague {
                // `3 dollars 50 cents`, `thirteen dollars and forty-five cents`,
                // `c $ 100 and fifty`.
                if let Some((cents, e_tok, e)) = self.cents_after(end_tok) {
                    val = val.add(cents.div(Val::int(100)));
                    end = e;
                    end_tok = e_tok;
                }
            }
        } else if let Some(Unit::Measure(_)) = unit {
            kind = QKind::Measure;
        } else if unit.is_some() {
            kind = QKind::Percent;
        }
        if kind == QKind::Cardinal
            && !nm.fraction
            && val.is_integer()
            && val.f > 0.0
            && val.f < 130.0
            && let Some((e_tok, e)) = self.age_after(end_tok)
        {
            kind = QKind::Age;
            end = e;
            end_tok = e_tok;
        }
        Some(Qty {
            start,
            end,
            end_tok,
            val,
            kind,
            unit,
            nm: *nm,
            scale,
        })
    }

    /// What a decade written with two digits at `start` (`70s`) is: an age after a
    /// possessive (`his 70s`, `her late 40s`, `their mid-20s`), years after an
    /// apostrophe (`'80s` is 1980, `’00s` and `’10s` are 2000 and 2010); otherwise
    /// the text does not say (`highs in the 90s`).
    fn two_digit_decade(&self, start: usize) -> TwoDigitDecade {
        let text = self.text;
        if let Some((_, '\'' | '’')) = prev_char(text, start) {
            let tens = text.get(start..start + 1).unwrap_or("");
            return TwoDigitDecade::Years(if tens == "0" || tens == "1" {
                2000
            } else {
                1900
            });
        }
        // (`mid-20s`: the word before is read across the hyphen.)
        let mut at = match prev_char(text, start) {
            Some((s, '-' | '‐')) => s,
            _ => start,
        };
        for _ in 0..2 {
            let Some((w, r)) = self.prev_word_str(at) else {
                break;
            };
            let w = w.to_ascii_lowercase();
            if matches!(
                w.as_str(),
                "his" | "her" | "their" | "my" | "your" | "our" | "its"
            ) {
                return TwoDigitDecade::Age;
            }
            if !matches!(w.as_str(), "early" | "mid" | "late") {
                break;
            }
            at = r.start;
        }
        TwoDigitDecade::Unknown
    }

    /// What a lower-case `m` glued to a number means, from the token `k` after it: a
    /// million after a currency or before a plural noun (`5m users`, `1.2m copies`),
    /// metres before a word of size or distance, with a space or a hyphen (`3.5m
    /// high`, `5m-long`, `2m away`); otherwise the text does not say.
    fn lower_m_reading(&mut self, k: usize, after_currency: bool) -> LowerMReading {
        if after_currency {
            return LowerMReading::Million;
        }
        let text = self.text;
        let Some(next) = self.tok(k).filter(|t| t.gap != Gap::Newline) else {
            return LowerMReading::Unknown;
        };
        let (word, gap) = if next.is_punct('-') && next.gap == Gap::None {
            match self
                .tok(k + 1)
                .filter(|t| t.gap == Gap::None && t.is_word())
            {
                Some(w) => (w, Gap::None),
                None => return LowerMReading::Unknown,
            }
        } else {
            (next, next.gap)
        };
        if !word.is_word() || (gap != Gap::Space && gap != Gap::None) {
            return LowerMReading::Unknown;
        }
        let w = word.text(text);
        if matches!(
            w,
            "high"
                | "tall"
                | "long"
                | "deep"
                | "wide"
                | "away"
                | "thick"
                | "across"
                | "above"
                | "below"
        ) {
            return LowerMReading::Metres;
        }
        let plural = w.starts_with(|c: char| c.is_ascii_lowercase())
            && (present_verb_like(w, word.lex) || word.lex.has(F_IRREGULAR_PLURALS));
        if gap == Gap::Space && plural {
            LowerMReading::Million
        } else {
            LowerMReading::Unknown
        }
    }

    /// A degree sign after a numeral, at token `k` (`40°`, `40°C`, `104 °F`): the
    /// unit (`°`, `°C`, `°F`), the token after it and its end.
    fn degrees_after(&mut self, k: usize) -> Option<(&'static str, usize, usize)> {
        let sign = self.tok(k).filter(|t| t.gap != Gap::Newline)?;
        if !matches!(self.text.get(sign.start..sign.end), Some("°" | "º")) {
            return None;
        }
        let scale = self
            .tok(k + 1)
            .filter(|t| t.gap != Gap::Newline)
            .and_then(|t| {
                let symbol = match t.text(self.text) {
                    "C" | "Celsius" => "°C",
                    "F" | "Fahrenheit" => "°F",
                    _ => return None,
                };
                Some((symbol, t.end))
            });
        Some(match scale {
            Some((symbol, end)) => (symbol, k + 2, end),
            None => ("°", k + 1, sign.end),
        })
    }

    /// The quantity at token 0 when it is a digit run that nothing around can change:
    /// no suffix, no sign or `minus`, no currency code before it, and a next token that
    /// no rule of [`Extractor::quantity`] reads (punctuation other than dashes, `/`
    /// and `%`; a word that is no number, unit, currency, connector or `year`; the end
    /// of the line). Then the quantity is the digits as a cardinal, built here directly:
    /// the answer `quantity` gives, without its speculative reads. `None` sends the
    /// anchor to `quantity`.
    fn plain_quantity(&mut self, t0: &Tok, d: DigitNum) -> Option<Qty> {
        if !matches!(d.suffix, Suffix::None) {
            return None;
        }
        let boring_next = match self.tok(1) {
            None => true,
            Some(t) if t.gap == Gap::Newline => true,
            Some(t) => match t.kind {
                TokKind::Punct(c) => {
                    !matches!(c, '/' | '%' | '％' | '-' | '‐' | '–' | '—' | '°' | 'º')
                }
                TokKind::Word => {
                    let l = t.lex;
                    let w = t.text(self.text);
                    l.num.is_none()
                        && l.code == 0
                        && !l.has(F_CURRENCY_NOUN | F_CURRENCY_ADJ)
                        && !matches!(
                            l.word,
                            Word::And
                                | Word::Point
                                | Word::Over
                                | Word::Out
                                | Word::In
                                | Word::Percent
                                | Word::Percents
                                | Word::Pct
                                | Word::Per
                                | Word::Percentage
                                | Word::Basis
                                | Word::Year
                                | Word::Years
                                | Word::To
                                | Word::U
                        )
                        && (w.is_ascii() || currency_symbol(w).is_none())
                        && !(w.len() == 4 && w.starts_with('M'))
                        && (w.len() > 3 || spaced_unit(w).is_none())
                }
                TokKind::Digits(_) | TokKind::Sym(_) => false,
            },
        };
        if !boring_next {
            return None;
        }
        if prev_char(self.text, t0.start).is_some_and(|(_, c)| matches!(c, '-' | '−')) {
            return None;
        }
        if self
            .prev_word_lex(t0.start)
            .is_some_and(|(_, _, l)| matches!(l.word, Word::Minus | Word::Negative))
        {
            return None;
        }
        if self.code_before(t0.start).is_some() {
            return None;
        }
        let nm = Nm::lone_digits(t0, 1, d, false);
        Some(Qty {
            start: t0.start,
            end: t0.end,
            end_tok: 1,
            val: nm.val,
            kind: QKind::Cardinal,
            unit: None,
            nm,
            scale: None,
        })
    }

    /// Cents after a whole amount: `50 cents`, `and forty-five cents`, `and 15.`
    fn cents_after(&mut self, k: usize) -> Option<(Val, usize, usize)> {
        let t = self.tok(k)?;
        if t.gap == Gap::Newline {
            return None;
        }
        let j = if t.is_word() && t.lex.word == Word::And {
            k + 1
        } else {
            k
        };
        let m = self.numeral(j, Mode::Sub, None)?;
        if m.ordinal || m.fraction || !m.val.is_integer() || m.val.f <= 0.0 || m.val.f >= 100.0 {
            return None;
        }
        if m.digits.is_some_and(|d| !d.plain) {
            return None;
        }
        if let Some((_, true, e_tok)) = self.currency_after(m.end_tok) {
            let e = self.tok(e_tok - 1)?.end;
            return Some((m.val, e_tok, e));
        }
        match self.tok(m.end_tok) {
            None => Some((m.val, m.end_tok, m.end)),
            Some(a) if a.gap == Gap::Newline => Some((m.val, m.end_tok, m.end)),
            Some(a) if a.is_word() => {
                (a.lex.word == Word::And).then_some((m.val, m.end_tok, m.end))
            }
            Some(a) if matches!(a.kind, TokKind::Punct(_)) => Some((m.val, m.end_tok, m.end)),
            _ => None,
        }
    }

    /// `-year-old`, ` years old`: returns the end of the age phrase.
    fn age_after(&mut self, k: usize) -> Option<(usize, usize)> {
        let t = self.tok(k)?;
        let (yr_at, glued) =
            if matches!(t.kind, TokKind::Punct('-' | '‐' | '–')) && t.gap == Gap::None {
                (k + 1, true)
            } else if t.gap == Gap::Space {
                (k, false)
            } else {
                return None;
            };
        let y = self.tok(yr_at)?;
        if !y.is_word()
            || !matches!(y.lex.word, Word::Year | Word::Years)
            || (glued && y.gap != Gap::None)
        {
            return None;
        }
        let h = self.tok(yr_at + 1)?;
        let old_at = if matches!(h.kind, TokKind::Punct('-' | '‐' | '–')) && h.gap == Gap::None
        {
            yr_at + 2
        } else if h.gap == Gap::Space && !glued {
            yr_at + 1
        } else {
            return None;
        };
        let o = self.tok(old_at)?;
        if o.is_word() && matches!(o.lex.word, Word::Old | Word::Olds) && o.gap != Gap::Newline {
            Some((old_at + 1, o.end))
        } else {
            None
        }
    }

    // ----- the anchor -----------------------------------------------------------------

    /// Reads whatever number starts at byte `pos` (an anchor found by the scanner),
    /// appends the findings to `out`, and returns where scanning resumes.
    pub fn parse_at(&mut self, pos: usize, floor: usize, out: &mut Vec<Found>) -> usize {
        self.floor = floor;
        for p in &self.prev_pos {
            p.set(NO_POS);
        }
        let text = self.text;
        let bytes = self.bytes;
        let Some(&b0) = bytes.get(pos) else {
            return pos + 1;
        };
        let mut start = pos;
        if b0.is_ascii_digit() {
            match prev_char(text, pos) {
                Some((_, c)) if is_alpha(c) || c == '_' => {
                    // `MH17`, `G7`, `A320`: an identifier.
                    return skip_alnum(text, pos);
                }
                Some((s, '-' | '‐'))
                    if prev_char(text, s).is_some_and(|(_, c)| is_alpha(c))
                        && !ends_with_mid(text, s) =>
                {
                    // `COVID-19`, `F-35`, `Army-2023`; but `mid-1980s`, `mid-20s`.
                    return skip_alnum(text, pos);
                }
                Some((s, '.')) => {
                    // `.25`
                    let before = prev_char(text, s);
                    if before.is_none_or(|(_, c)| !is_alnum(c) && c != '.') && s >= floor {
                        start = s;
                    }
                }
                _ => {}
            }
        }
        self.reset(start);
        let Some(t0) = self.tok(0) else {
            return pos + 1;
        };
        let min_resume = t0.end.max(pos + 1);
        let in_chain = matches!(prev_char(text, t0.start), Some((s, '-' | '/' | '.')) if prev_char(text, s).is_some_and(|(_, c)| c.is_ascii_digit()));
        if t0.digits().is_some()
            && !in_chain
            && matches!(
                (t0.end - t0.start, bytes.get(t0.end)),
                (3, Some(b'-' | b'.' | b')')) | (1, Some(b'-'))
            )
            && let Some(end) = phone_number_end(bytes, t0.start)
        {
            // A telephone number is an identifier, not a quantity.
            return end.max(min_resume);
        }
        if t0.digits().is_some()
            && !in_chain
            && let Some(end) = self.date_at(out)
        {
            return end.max(min_resume);
        }
        if t0.digits().is_some()
            && !in_chain
            && may_start_clock(bytes, &t0)
            && let Some(end) = self.time_at(&t0, out)
        {
            return end.max(min_resume);
        }
        if let Some(d0) = t0.digits()
            && !in_chain
            && matches!(bytes.get(t0.end), Some(b'/' | b'-'))
            && let Some(end) = self.digit_pair_at(&t0, d0, out)
        {
            return end.max(min_resume);
        }
        if let Some(d) = t0.digits()
            && matches!(d.suffix, Suffix::Reject)
        {
            return skip_alnum(text, t0.end).max(min_resume);
        }
        let fast = match t0.kind {
            TokKind::Digits(d) => self.plain_quantity(&t0, d),
            _ => None,
        };
        // Read in place: taking the quantity out of the option copied 300 bytes.
        let mut found = fast.or_else(|| self.quantity(0, true));
        let Some(q) = found.as_mut() else {
            return min_resume;
        };

        // Ranges and changes: `5 to 10`, `5-10%`, `between 5 and 10`, `from 3 to 4 million`.
        if !in_chain
            && matches!(
                q.kind,
                QKind::Cardinal | QKind::Percent | QKind::Money | QKind::Measure
            )
            && !q.nm.fraction
            && let Some(done) = self.range_from(q, out)
        {
            return done.max(min_resume);
        }
        if in_chain && q.kind == QKind::Cardinal {
            // A piece of `1-222-2222`: a plain number.
        }
        // Years, designations, the pronoun `one`.
        if q.kind == QKind::Cardinal && q.unit.is_none() {
            if let Some(d) =
                q.nm.digits
                    .filter(|d| d.plain && matches!(d.suffix, Suffix::None))
            {
                if q.nm.start == q.nm.core_start && self.designation(q) {
                    return q.end.max(min_resume);
                }
                if !in_chain && d.int_digits == 4 && self.year_like(q) {
                    q.kind = QKind::Year;
                }
            }
            if q.nm.words
                && q.nm.ntoks == 1
                && q.val.f == 1.0
                && q.nm.start == q.nm.core_start
                && self.pronoun_one(q)
            {
                return q.end.max(min_resume);
            }
            if q.nm.words && q.nm.ntoks == 1 && !q.nm.fraction && self.not_a_half(q) {
                return q.end.max(min_resume);
            }
        }
        if q.kind == QKind::Cardinal
            && q.unit.is_none()
            && let Some((_, _, l)) = self.prev_word_lex(q.start)
            && matches!(l.word, Word::Aged | Word::Age | Word::Ages)
            && q.val.is_integer()
            && q.val.f > 0.0
            && q.val.f < 130.0
        {
            q.kind = QKind::Age;
        }
        self.finish(q, None, out);
        q.end.max(min_resume)
    }

    /// Turns a quantity into a mention (kind, unit, qualifier, counted noun, parts) and
    /// appends it to `out`, where it is built in place.
    fn finish(&mut self, q: &Qty, upper: Option<&Qty>, out: &mut Vec<Found>) {
        let (kind, value, end, end_tok) = match upper {
            Some(u) => (Kind::Range, q.val.to_num(), u.end, u.end_tok),
            None => (
                match q.kind {
                    QKind::Cardinal => Kind::Cardinal,
                    QKind::Ordinal => Kind::Ordinal,
                    QKind::Percent => Kind::Percent,
                    QKind::Measure => Kind::Measure,
                    QKind::Money => Kind::Money,
                    QKind::Vague => Kind::Vague,
                    QKind::Age => Kind::Age,
                    QKind::Year => Kind::Year,
                },
                q.val.to_num(),
                q.end,
                q.end_tok,
            ),
        };
        if kind == Kind::Ordinal && self.ordinal_in_name(q) {
            return;
        }
        // `a third-party bid` is read as the fraction `a third` first.
        let spelled_rank = kind == Kind::Ordinal || (q.nm.fraction && q.nm.words);
        if spelled_rank && self.ordinal_in_compound(q) {
            return;
        }
        let upper_value = upper.map(|u| u.val.to_num());
        let parts = [
            Some(part(q, value)),
            upper.zip(upper_value).map(|(u, v)| part(u, v)),
        ];
        let qualified = !matches!(kind, Kind::Ordinal | Kind::Year | Kind::Date);
        let mut approx = None;
        let mut counted_from = end_tok;
        if qualified {
            approx = self
                .qualifier_before(q.start)
                .map(|(a, r)| (a, r.start, r.end));
            if approx.is_none()
                && let Some((a, r, e_tok)) = self.qualifier_after(end_tok)
            {
                approx = Some((a, r.start, r.end));
                counted_from = e_tok;
            }
        }
        let countable = match kind {
            Kind::Cardinal => !q.nm.fraction,
            Kind::Vague => q.unit.is_none(),
            Kind::Age => true,
            Kind::Range => q.unit.is_none() && upper.is_some_and(|u| u.unit.is_none()),
            _ => false,
        };
        let counted = if countable && !self.one_as_idiom(q, value) {
            self.counted(counted_from, kind == Kind::Vague, value == Num::Int(1))
        } else {
            None
        };
        out.push(Found {
            start: q.start,
            end,
            value,
            kind,
            unit: upper.and_then(|u| u.unit).or(q.unit),
            approx,
            counted: counted.map(|r| (r.start, r.end)),
            upper: upper_value,
            date: None,
            parts,
        });
    }

    /// Two whole numbers glued by a slash or a hyphen at the anchor `t0` that no other
    /// rule reads (not a fraction, not a dated date, not a telephone number):
    /// - a season or fiscal year (`2015/16`, `2011-12`, `1999-00`, `2008/2009`) is a
    ///   range of years, its upper bound written out (`2016`); it counts nothing;
    /// - a month and day after a word that introduces a date (`on 11/2`) is a date
    ///   without a year (`--11-02`);
    /// - other slash pairs (`9/11`, `24/7`, `7/7`, `50/50`) name an event, a schedule
    ///   or a split, not two quantities: neither is reported (as `MH17` is not), so
    ///   that `9/11 attacks` does not count eleven attacks.
    ///
    /// Returns where scanning resumes, or `None` to read `t0` as usual (hyphen pairs
    /// other than seasons are ranges or scores, read by the quantity rules).
    fn digit_pair_at(&mut self, t0: &Tok, d0: DigitNum, out: &mut Vec<Found>) -> Option<usize> {
        let sep = self.tok(1)?;
        let slash = sep.is_punct('/');
        // Hyphen pairs other than seasons (`5-4`, `10-20`) are for the quantity rules.
        if sep.gap != Gap::None || !(slash || sep.is_punct('-') && d0.int_digits == 4) {
            return None;
        }
        let t2 = self.tok(2)?;
        let d2 = t2.digits()?;
        let whole = |d: &DigitNum| d.plain && d.integer && matches!(d.suffix, Suffix::None);
        if t2.gap != Gap::None || !whole(&d0) || !whole(&d2) {
            return None;
        }
        // A third glued number (`2015/16/17`, `1-800-...`): a date or a code, read
        // elsewhere or not at all.
        if let (Some(s3), Some(t4)) = (self.tok(3), self.tok(4))
            && s3.gap == Gap::None
            && matches!(s3.kind, TokKind::Punct('-' | '/' | '.'))
            && t4.gap == Gap::None
            && t4.digits().is_some()
        {
            return None;
        }
        let year = d0.val.f;
        if d0.int_digits == 4 && (1800.0..=2100.0).contains(&year) {
            let century = (year / 100.0).floor() * 100.0;
            let upper = match d2.int_digits {
                2 if d2.val.f > year - century => Some(century + d2.val.f),
                2 => Some(century + 100.0 + d2.val.f),
                // `2010-2015` is a range the quantity rules read already.
                4 if slash => Some(d2.val.f),
                _ => None,
            };
            if let Some(upper) = upper.filter(|&u| u > year && u <= year + 5.0) {
                let lower = d0.val.to_num();
                let upper = Val::int(upper as i128).to_num();
                out.push(Found {
                    start: t0.start,
                    end: t2.end,
                    value: lower,
                    kind: Kind::Range,
                    unit: None,
                    approx: None,
                    counted: None,
                    upper: Some(upper),
                    date: None,
                    parts: [
                        Some(PartF::new(t0.start..t0.end, lower, false)),
                        Some(PartF::new(t2.start..t2.end, upper, false)),
                    ],
                });
                return Some(t2.end);
            }
        }
        if !slash || self.slash_fraction(0, d0).is_some() {
            return None;
        }
        // `Polls close on 11/2`: a month and day (month first, as in `5/17/2018`)
        // after a word that introduces a date.
        let (month, day) = (d0.val.f, d2.val.f);
        let date_cue = self.prev_word_str(t0.start).is_some_and(|(w, _)| {
            [
                "on", "since", "until", "till", "by", "before", "after", "from", "through",
            ]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        });
        if date_cue
            && d0.int_digits <= 2
            && d2.int_digits <= 2
            && (1.0..=12.0).contains(&month)
            && (1.0..=31.0).contains(&day)
        {
            let iso = Iso {
                year: None,
                month: month as u8,
                day: Some(day as u8),
            };
            self.push_date(out, t0, d0, iso, false);
            self.push_date(out, &t2, d2, iso, false);
        }
        Some(t2.end)
    }

    /// Whether a spelled ordinal is part of a proper name rather than a rank: capitalized
    /// after a lower-case `the` and before another capitalized word, as in `the Second
    /// Amendment`, `the First Lady` or `the Third Reich`. Named entity recognizers (spaCy's
    /// LAW, EVENT, ORG) treat these as names too. An ordinal that opens a sentence (`Ninth
    /// Meeting of ...`) or a title-case line (`The Second Wave Is Here`) is not read so,
    /// since nothing then tells a name from a capitalized rank.
    fn ordinal_in_name(&mut self, q: &Qty) -> bool {
        let starts_upper = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        let spelled_capital = self
            .text
            .get(q.start..q.end)
            .is_some_and(|w| starts_upper(w) && w.bytes().all(|b| b.is_ascii_alphabetic()));
        spelled_capital
            && self.prev_word_str(q.start).is_some_and(|(w, _)| w == "the")
            && self.tok(q.end_tok).is_some_and(|t| {
                t.is_word() && t.gap == Gap::Space && starts_upper(t.text(self.text))
            })
    }

    /// Whether an ordinal is the first half of a compound that ranks nothing:
    /// `second-hand`, `first-hand`, `second-guess`, `first-rate`, `second-class`,
    /// `second-string`, `third-party`, `first-person`. (`first-ever`, `second-largest`
    /// and `third-quarter` still rank.)
    fn ordinal_in_compound(&mut self, q: &Qty) -> bool {
        const SECOND_HALVES: [&str; 11] = [
            "hand", "handed", "guess", "guessed", "guesses", "guessing", "rate", "class", "string",
            "party", "person",
        ];
        let text = self.text;
        // Most ordinals are followed by a space: no token is read for them.
        self.bytes.get(q.end) == Some(&b'-')
            && self
                .tok(q.end_tok)
                .is_some_and(|t| t.gap == Gap::None && t.is_punct('-'))
            && self.tok(q.end_tok + 1).is_some_and(|t| {
                t.is_word()
                    && t.gap == Gap::None
                    && SECOND_HALVES
                        .iter()
                        .any(|h| t.text(text).eq_ignore_ascii_case(h))
            })
    }

    /// Whether `one` is the pronoun-like `one` of an idiom of time (`at one point`, `at
    /// one time`, `at one stage`), which counts nothing: the index that `fell one point`
    /// still counts points.
    fn one_as_idiom(&mut self, q: &Qty, value: Num) -> bool {
        value == Num::Int(1)
            && self
                .prev_word_str(q.start)
                .is_some_and(|(w, _)| w.eq_ignore_ascii_case("at"))
            && self.word(q.end_tok).is_some_and(|w| {
                ["point", "time", "stage", "moment"]
                    .iter()
                    .any(|idiom| w.eq_ignore_ascii_case(idiom))
            })
    }

    fn range_from(&mut self, q1: &Qty, out: &mut Vec<Found>) -> Option<usize> {
        let k = q1.end_tok;
        let c = self.tok(k)?;
        if c.gap == Gap::Newline {
            return None;
        }
        // Most numbers are followed by neither a dash nor `to`/`and`: no need to look
        // back for `between` or `from` then.
        let maybe = match c.kind {
            TokKind::Punct('-' | '‐' | '–' | '—') => true,
            TokKind::Word => c.gap == Gap::Space && matches!(c.lex.word, Word::To | Word::And),
            _ => false,
        };
        if !maybe {
            return None;
        }
        let before = self.prev_word_lex(q1.start).map(|(_, r, l)| (r, l.word));
        let between = before.as_ref().is_some_and(|(_, w)| *w == Word::Between);
        let from = before.filter(|(_, w)| *w == Word::From);
        let hyphen = match c.kind {
            TokKind::Punct('-' | '‐') => {
                let n = self.tok(k + 1)?;
                (c.gap == Gap::None && n.gap == Gap::None)
                    || (c.gap == Gap::Space && n.gap == Gap::Space)
            }
            TokKind::Punct('–' | '—') => true,
            _ => false,
        };
        let word_conn = c.is_word()
            && c.gap == Gap::Space
            && (c.lex.word == Word::To || (between && c.lex.word == Word::And));
        if !hyphen && !word_conn {
            return None;
        }
        let q2 = self.quantity(k + 1, false)?;
        if hyphen && (q1.nm.digits.is_none() || q2.nm.words) {
            return None;
        }
        if !matches!(
            q2.kind,
            QKind::Cardinal | QKind::Percent | QKind::Money | QKind::Measure
        ) || q2.nm.fraction
        {
            return None;
        }
        // `1-222-2222`: a chain of codes, not a range.
        if hyphen
            && let Some(after) = self.tok(q2.end_tok)
            && matches!(after.kind, TokKind::Punct('-' | '/' | '–'))
            && after.gap == Gap::None
        {
            return None;
        }
        let (u1, u2) = (q1.unit, q2.unit);
        let unit = match (u1, u2) {
            (None, u) | (u, None) => u,
            (Some(a), Some(b)) if a == b => Some(a),
            _ => return None,
        };
        let mut a = *q1;
        let mut b = q2;
        a.unit = unit;
        b.unit = unit;
        if a.unit.is_some() && a.kind == QKind::Cardinal {
            a.kind = b.kind;
        }
        if b.unit.is_some() && b.kind == QKind::Cardinal {
            b.kind = a.kind;
        }
        if let (None, Some(e)) = (a.scale, b.scale) {
            let scaled = a.val.mul_pow10(i32::from(e));
            if scaled.f < b.val.f {
                a.val = scaled;
                a.scale = Some(e);
            }
        }
        let change = from
            .as_ref()
            .is_some_and(|(r, _)| self.change_before(r.start));
        if change || a.val.f >= b.val.f || a.val.f.is_nan() {
            if !change {
                return None;
            }
            // `rose from 3 to 4 million`: two numbers.
            self.finish(&a, None, out);
            self.finish(&b, None, out);
            return Some(b.end);
        }
        self.finish(&a, Some(&b), out);
        Some(b.end)
    }

    fn change_before(&self, pos: usize) -> bool {
        let mut p = pos;
        for _ in 0..3 {
            let Some((_, r, l)) = self.prev_word_lex(p) else {
                return false;
            };
            if l.has(F_CHANGE) {
                return true;
            }
            p = r.start;
        }
        false
    }

    /// `Boeing 737`, `Army 2023`, `Windows 11`: a capitalized name right before a plain
    /// integer, not at the start of a sentence.
    fn designation(&mut self, q: &Qty) -> bool {
        let Some((w, r, l)) = self.prev_word_lex(q.start) else {
            return false;
        };
        if r.end + 1 != q.start || self.bytes.get(r.end) != Some(&b' ') {
            return false;
        }
        let first_upper = w.chars().next().is_some_and(char::is_uppercase);
        if !first_upper || w.chars().count() < 2 {
            return false;
        }
        if month_of(l, w).is_some()
            || l.has(F_WEEKDAYS)
            || l.num.is_some()
            || self.sentence_initial(&r)
        {
            return false;
        }
        if l.has(F_NOT_DESIGNATION) {
            return false;
        }
        // In a title-case headline the next word is capitalized and plural:
        // `Russia Sends 500 Troops`.
        if let Some(t) = self.tok(q.end_tok)
            && t.is_word()
            && t.gap == Gap::Space
        {
            let nw = t.text(self.text);
            if nw.chars().next().is_some_and(char::is_uppercase) && plural_like(nw) {
                return false;
            }
        }
        true
    }

    fn year_like(&mut self, q: &Qty) -> bool {
        let v = q.val.f;
        if !(1000.0..=2100.0).contains(&v) {
            return false;
        }
        let mut cue = self
            .prev_word_lex(q.start)
            .is_some_and(|(_, _, l)| l.has(F_YEAR_CUE))
            || prev_char(self.text, q.start).is_some_and(|(_, c)| matches!(c, '(' | '-'));
        if let Some((_, r)) = self.qualifier_before(q.start)
            && !cue
        {
            // `until at least 2021`, `since about 1990`: the cue is before the qualifier.
            // Only these two: `to nearly 1000` and `by about 1500` are amounts.
            cue = self
                .prev_word_lex(r.start)
                .is_some_and(|(_, _, l)| matches!(l.word, Word::Since | Word::Until));
            if !cue {
                return false;
            }
        }
        let next_plural = self
            .tok(q.end_tok)
            .filter(|t| t.is_word() && t.gap != Gap::Newline)
            .is_some_and(|t| {
                plural_like(t.text(self.text)) && !t.lex.has(F_TIME_UNITS)
                    || t.lex.has(F_IRREGULAR_PLURALS)
            });
        if cue {
            return !next_plural
                || self.prev_word_lex(q.start).is_some_and(|(_, _, l)| {
                    matches!(
                        l.word,
                        Word::In | Word::Since | Word::The | Word::By | Word::Until | Word::During
                    )
                });
        }
        (1900.0..=2100.0).contains(&v) && !next_plural
    }

    fn pronoun_one(&mut self, q: &Qty) -> bool {
        if let Some((w, r, l)) = self.prev_word_lex(q.start)
            && l.has(F_PRONOUN_BEFORE)
        {
            // `the only one` is a pronoun, `only one witness` a count: after `only` or
            // `just` a determiner decides.
            let adverb = w.eq_ignore_ascii_case("only") || w.eq_ignore_ascii_case("just");
            if !adverb
                || self.prev_word_str(r.start).is_some_and(|(d, _)| {
                    ["the", "my", "his", "her", "its", "our", "your", "their"]
                        .iter()
                        .any(|det| d.eq_ignore_ascii_case(det))
                })
            {
                return true;
            }
        }
        if let Some(t) = self.tok(q.end_tok) {
            if t.gap == Gap::Newline {
                return false;
            }
            if t.is_word() {
                return t.lex.has(F_PRONOUN_AFTER);
            }
            if matches!(t.kind, TokKind::Punct('\'' | '’')) && t.gap == Gap::None {
                return true;
            }
        }
        false
    }

    /// `first half`, `half-time`, `half-brother`: `half` that is no amount.
    fn not_a_half(&mut self, q: &Qty) -> bool {
        let is_half = self
            .tok(0)
            .is_some_and(|t| t.start == q.nm.core_start && t.is_word() && t.lex.word == Word::Half);
        if !is_half || q.nm.start != q.nm.core_start {
            return false;
        }
        if let Some((_, _, l)) = self.prev_word_lex(q.start)
            && (l.num.is_some_and(|n| n.ordinal)
                || matches!(
                    l.word,
                    Word::Other
                        | Word::Latter
                        | Word::Former
                        | Word::Better
                        | Word::Top
                        | Word::Bottom
                        | Word::Back
                        | Word::Front
                ))
        {
            return true;
        }
        if let Some(t) = self.tok(q.end_tok)
            && t.is_punct('-')
            && t.gap == Gap::None
        {
            return true;
        }
        false
    }

    // ----- context --------------------------------------------------------------------

    fn qualifier_before(&self, pos: usize) -> Option<(&'static str, Range<usize>)> {
        let bytes = self.bytes;
        // `~100`, `≈100`
        let tilde = match pos.checked_sub(1).and_then(|i| bytes.get(i)) {
            Some(b'~') => Some(pos - 1),
            Some(_) if pos >= 3 && bytes.get(pos - 3..pos) == Some("≈".as_bytes()) => {
                Some(pos - 3)
            }
            _ => None,
        };
        if let Some(s) = tilde
            && s >= self.floor
        {
            return Some(("approximately", s..pos));
        }
        // `approx. 100`, `c. 1900`
        let q = self.spaces_before(pos);
        if q > 0 && bytes.get(q - 1) == Some(&b'.') {
            let s = q - 1;
            if let Some((_, r, l)) = self.prev_word_lex(s)
                && r.end == s
                && matches!(l.word, Word::Approx | Word::C | Word::Ca)
            {
                return Some(("approximately", r.start..s + 1));
            }
        }
        // Most numbers have no qualifier: give up unless the word before ends one.
        let (_, r0, l0) = self.prev_word_lex(pos)?;
        if !l0.has(F_QUALIFIER_END) {
            return None;
        }
        // The words before, read only as far as a candidate needs.
        let mut words: [Option<(Range<usize>, Word)>; 3] = [Some((r0, l0.word)), None, None];
        let mut read = 1;
        let all = qualifiers_before();
        let mut best: Option<(&'static str, usize, Range<usize>)> = None;
        for &qi in qualifiers_ending_with(l0.word) {
            let Some(q) = all.get(usize::from(qi)) else {
                continue;
            };
            let n = q.len;
            if n > 3 || best.as_ref().is_some_and(|(_, b, _)| *b >= n) {
                continue;
            }
            while read < n {
                let Some((r, _)) = words.get(read - 1).cloned().flatten() else {
                    break;
                };
                words[read] = self.prev_word_lex(r.start).map(|(_, r, l)| (r, l.word));
                if words[read].is_none() {
                    break;
                }
                read += 1;
            }
            let mut ok = true;
            let mut first_start = pos;
            let mut last_end = pos;
            for idx in 0..n {
                match words.get(idx) {
                    Some(Some((r, w))) if *w == q.words[n - 1 - idx] => {
                        first_start = r.start;
                        if idx == 0 {
                            last_end = r.end;
                        }
                    }
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                best = Some((q.phrase, n, first_start..last_end));
            }
        }
        // `rose 11% over twelve months`: `over` right after a measure is a preposition
        // of time or comparison, not a qualifier of the number that follows.
        if let Some((_, 1, r)) = &best
            && l0.word == Word::Over
            && self.follows_a_measure(r.start)
        {
            return None;
        }
        best.map(|(q, _, r)| (q, r))
    }

    /// Whether the text before `pos` (spaces skipped) ends a number or a measure: a
    /// digit, `%`, or a word such as `percent`, `points` or `million`.
    fn follows_a_measure(&self, pos: usize) -> bool {
        let q = self.spaces_before(pos);
        match q.checked_sub(1).and_then(|i| self.bytes.get(i)) {
            Some(b) if b.is_ascii_digit() || *b == b'%' => true,
            Some(b) if b.is_ascii_alphabetic() => {
                self.prev_word_lex(pos).is_some_and(|(w, r, l)| {
                    r.end == q
                        && (l.num.is_some()
                            || l.word == Word::Percent
                            || w.eq_ignore_ascii_case("points")
                            || w.eq_ignore_ascii_case("point"))
                })
            }
            _ => false,
        }
    }

    fn qualifier_after(&mut self, k: usize) -> Option<(&'static str, Range<usize>, usize)> {
        // Every such qualifier starts with `or`, `and` or `plus`.
        if !self
            .tok(k)
            .is_some_and(|t| t.is_word() && t.lex.has(F_QUALIFIER_AFTER))
        {
            return None;
        }
        for q in qualifiers_after() {
            let mut ok = true;
            for idx in 0..q.len {
                let t = self.tok(k + idx);
                if !t.is_some_and(|t| {
                    t.is_word() && t.gap == Gap::Space && t.lex.word == q.words[idx]
                }) {
                    ok = false;
                    break;
                }
            }
            if ok {
                let s = self.tok(k)?.start;
                let e = self.tok(k + q.len - 1)?.end;
                // `100 or more people` but not `5 or more than 10`.
                if self.word_is(k + q.len, Word::Than) {
                    return None;
                }
                return Some((q.phrase, s..e, k + q.len));
            }
        }
        None
    }

    /// The counted noun phrase from token `k`: adjectives and a head noun, ending at the
    /// first plural noun, function word or punctuation.
    fn counted(&mut self, k: usize, skip_of: bool, singular: bool) -> Option<Range<usize>> {
        let text = self.text;
        let mut k = k;
        if skip_of && self.word_is(k, Word::Of) {
            k += 1;
        }
        let mut start = None;
        let mut end = 0;
        let mut last: Option<(usize, Lex)> = None;
        // Where a singular phrase would end if its first `-s` word after the head is
        // a verb (`one analyst expects`).
        let mut verb_cut: Option<usize> = None;
        let mut n = 0;
        let mut i = k;
        while n < 4 {
            let Some(t) = self.tok(i) else { break };
            if !t.is_word() || t.gap != Gap::Space && !(n > 0 && t.gap == Gap::None) {
                break;
            }
            let w = t.text(text);
            let l = t.lex;
            // `quarters` after a number that is no fraction counts periods.
            let period = l
                .num
                .is_some_and(|nw| nw.base == Base::Quarter && nw.plural && n == 0);
            if l.has(F_STOP_WORDS) && !l.has(F_TIME_UNITS)
                || l.num.is_some() && !period
                || month_of(l, w).is_some()
                || l.has(F_WEEKDAYS)
                || currency_code_of(l, w).is_some()
                // (An ASCII word token holds only letters and apostrophes.)
                || !w.is_ascii()
                    && w.chars()
                        .any(|c| !is_alpha(c) && c != '\'' && c != '’')
            {
                break;
            }
            // `a 19-year-old striker Jonas Berg`: in a phrase that began in lower case, a
            // capitalized word starts a name, unless a lower-case content word follows
            // it, as in `1,500 leading Russian defense companies`.
            if n > 0
                && w.starts_with(|c: char| c.is_uppercase())
                && text
                    .get(start.unwrap_or(t.start)..t.start)
                    .is_some_and(|before| before.starts_with(|c: char| c.is_lowercase()))
                && !self.tok(i + 1).is_some_and(|next| {
                    next.is_word()
                        && next.gap == Gap::Space
                        && !next.lex.has(F_STOP_WORDS)
                        && next.text(text).starts_with(|c: char| c.is_lowercase())
                })
            {
                break;
            }
            let lower_ends = |suf: &str| {
                w.len() > suf.len() + 1
                    && w.get(w.len() - suf.len()..)
                        .is_some_and(|s| s.eq_ignore_ascii_case(suf))
            };
            if lower_ends("ly") {
                break;
            }
            // `32 armed men`, `1,500 leading firms`, but not `32 died`. After the first
            // word only a past tense is looked for (`one man ruled the city`, `one
            // officer spoke`): `-ing` words there are mostly nouns (`one key meeting`),
            // and so are `-eed` and `-bed` words (`top speed`, `seabed`) but `agreed`, `decreed`.
            // An irregular past is no adjective (`one player felt sick`), so it ends
            // the phrase whatever follows it.
            if n > 0 && t.gap == Gap::Space && l.has(F_IRREGULAR_PAST) {
                break;
            }
            let verb_like = if n == 0 {
                lower_ends("ed") || lower_ends("ing")
            } else {
                t.gap == Gap::Space
                    && lower_ends("ed")
                    && (!lower_ends("eed") || lower_ends("reed"))
                    && !lower_ends("bed")
            };
            // (`used-car lots`: a word joined by a hyphen is no verb.)
            let verb_like = verb_like
                && !self
                    .tok(i + 1)
                    .is_some_and(|h| h.is_punct('-') && h.gap == Gap::None);
            if verb_like {
                let next_is_word = self.tok(i + 1).is_some_and(|t| {
                    t.is_word() && t.gap == Gap::Space && !t.lex.has(F_STOP_WORDS)
                });
                if !next_is_word {
                    break;
                }
            }
            if singular
                && n > 0
                && verb_cut.is_none()
                && t.gap == Gap::Space
                && present_verb_like(w, l)
            {
                verb_cut = Some(end);
            }
            start.get_or_insert(t.start);
            end = t.end;
            last = Some((t.start, l));
            n += 1;
            i += 1;
            if period || l.has(F_TIME_UNITS | F_IRREGULAR_PLURALS) || (plural_like(w) && !singular)
            {
                break;
            }
            // `dual-use products`, `one used-car dealer`
            if self
                .tok(i)
                .is_some_and(|h| h.is_punct('-') && h.gap == Gap::None)
                && self
                    .tok(i + 1)
                    .is_some_and(|t| t.is_word() && t.gap == Gap::None)
            {
                i += 1;
                continue;
            }
            if singular
                && n >= 1
                && !self
                    .tok(i)
                    .is_some_and(|t| t.is_word() && t.gap == Gap::Space)
            {
                break;
            }
        }
        // At the word cap, the phrase may stop short of the plural it runs on to (`one
        // pension fund expects steep losses`).
        let capped_before_plural = n == 4
            && self.tok(i).is_some_and(|t| {
                t.is_word() && t.gap == Gap::Space && present_verb_like(t.text(text), t.lex)
            });
        let s = start?;
        let w_last = text.get(s..end)?;
        // After the last space or hyphen (bytes: both are ASCII).
        let last_word = w_last
            .bytes()
            .rposition(|b| b == b' ' || b == b'-')
            .and_then(|i| w_last.get(i + 1..))
            .unwrap_or(w_last);
        // The last token's entry when it is that word (tokens may be parted by other
        // spaces, which the split above does not see).
        let last_lex = match last {
            Some((at, l)) if end - at == last_word.len() => l,
            _ => lex(last_word),
        };
        // One of something is a singular noun: a phrase after `one` that ends in an
        // `-s` word took in a verb in the present tense (`one official thinks`, `one
        // analyst expects deep cuts`), while `one city parks department` ends in its
        // noun and is kept.
        if let Some(cut) = verb_cut
            && (present_verb_like(last_word, last_lex) || capped_before_plural)
        {
            return Some(s..cut);
        }
        if n > 1
            && !(plural_like(last_word) || last_lex.has(F_IRREGULAR_PLURALS | F_TIME_UNITS))
            && !singular
        {
            // No noun found: keep the first word only when it looks like a noun.
            let first_end = s + w_last
                .bytes()
                .position(|b| b == b' ' || b == b'-')
                .unwrap_or(w_last.len());
            return Some(s..first_end);
        }
        Some(s..end)
    }

    // ----- clock times ------------------------------------------------------------------

    /// Clock notation at the anchor `t0`: `4:30 p.m.`, `10am`, `21:17`, `7:05:30`,
    /// `3:59.4`. Each number in it becomes a `time` mention; a time of day the text
    /// fixes (a.m./p.m., or a 24-hour reading: `03:45`, `21:17`) is given in ISO form.
    /// Returns where the reading ends, or `None` when there is none (`3:1`, `10:75`).
    fn time_at(&mut self, t0: &Tok, out: &mut Vec<Found>) -> Option<usize> {
        let bytes = self.bytes;
        // One or two digits, glued to the reading's other parts: read byte by byte,
        // since the tokenizer joins `30pm` into one rejected run.
        let fields = clock_fields(bytes, t0.start)?;
        let ClockFields {
            numbers,
            count,
            fraction,
            end,
        } = fields;
        let (marker_pm, after) = match day_half_marker(bytes, end) {
            Some((pm, after)) => (Some(pm), after),
            None => (None, end),
        };
        // An hour alone is a time only with its half of the day: `10 a.m.`.
        if count == 1 && marker_pm.is_none() {
            return None;
        }
        let (hour_start, hour_end, hour) = numbers[0];
        let minute = (count > 1).then(|| numbers[1].2);
        let second = (count > 2).then(|| numbers[2].2);
        let hour_digits = hour_end - hour_start;
        let of_day = match marker_pm {
            Some(pm) if (1..=12).contains(&hour) => Some(hour % 12 + if pm { 12 } else { 0 }),
            Some(_) => return None,
            // A 24-hour reading: a leading zero or an hour past noon. `3:08` may be a
            // game clock or a lap time as well as a time of day.
            None if fraction.is_none()
                && hour <= 23
                && ((hour_digits == 2 && hour < 10) || hour >= 13) =>
            {
                Some(hour)
            }
            None => None,
        };
        // `about 4:30 a.m.`: the qualifier goes with every number of the reading.
        let approx = self
            .qualifier_before(t0.start)
            .map(|(a, r)| (a, r.start, r.end));
        let when = of_day.map(|h| {
            When::Time(ClockTime {
                hour: h as u8,
                minute: minute.unwrap_or(0) as u8,
                second: second.map(|s| s as u8),
            })
        });
        for (k, &(s, e, v)) in numbers.iter().take(count).enumerate() {
            // The last field carries the fraction: `59.4` in `3:59.4`.
            let (e, value) = match fraction {
                Some((f_end, f_value)) if k + 1 == count => (f_end, f_value),
                _ => (e, Val::int(i128::from(v)).to_num()),
            };
            out.push(Found {
                start: s,
                end: e,
                value,
                kind: Kind::Time,
                unit: None,
                approx,
                counted: None,
                upper: None,
                date: when,
                parts: [Some(PartF::new(s..e, value, false)), None],
            });
        }
        Some(after.max(t0.end))
    }

    // ----- dates ------------------------------------------------------------------------

    /// Dates at the anchor: `August 14, 2023`, `14 August`, `2023-08-14`, `5/17/2018`,
    /// `August 2023`. Each number in the date becomes a `date` mention.
    fn date_at(&mut self, out: &mut Vec<Found>) -> Option<usize> {
        let text = self.text;
        let t0 = self.tok(0)?;
        let d0 = t0.digits()?;
        let v0 = d0.val.f;
        let day_like = |d: &DigitNum| {
            d.integer
                && (d.plain || matches!(d.suffix, Suffix::Ordinal))
                && d.int_digits <= 2
                && (1.0..=31.0).contains(&d.val.f)
        };
        let year_like =
            |d: &DigitNum| d.plain && d.int_digits == 4 && (1000.0..=2100.0).contains(&d.val.f);
        // Numeric dates need a separator glued to the first number.
        let glued_sep = self.tok(1).is_some_and(|t| {
            t.gap == Gap::None && matches!(t.kind, TokKind::Punct('-' | '/' | '.'))
        });
        // `2023-08-14`
        if glued_sep && year_like(&d0) {
            let seps = (self.tok(1), self.tok(2), self.tok(3), self.tok(4));
            if let (Some(s1), Some(m), Some(s2), Some(d)) = seps {
                let glued = [s1, m, s2, d].iter().all(|t| t.gap == Gap::None);
                if glued
                    && s1.is_punct('-')
                    && s2.is_punct('-')
                    && let (Some(md), Some(dd)) = (m.digits(), d.digits())
                {
                    let (mv, dv) = (md.val.f, dd.val.f);
                    if md.plain
                        && dd.plain
                        && md.int_digits == 2
                        && dd.int_digits == 2
                        && (1.0..=12.0).contains(&mv)
                        && (1.0..=31.0).contains(&dv)
                    {
                        let iso = Iso {
                            year: Some(v0 as i32),
                            month: mv as u8,
                            day: Some(dv as u8),
                        };
                        self.push_date(out, &t0, d0, iso, false);
                        self.push_date(out, &m, md, iso, false);
                        self.push_date(out, &d, dd, iso, false);
                        return Some(d.end);
                    }
                }
            }
        }
        // `5/17/2018`, `17.05.2018`
        if glued_sep
            && d0.plain
            && d0.int_digits <= 2
            && let (Some(s1), Some(b), Some(s2), Some(y)) =
                (self.tok(1), self.tok(2), self.tok(3), self.tok(4))
        {
            let glued = [s1, b, s2, y].iter().all(|t| t.gap == Gap::None);
            let same_sep = matches!(
                (s1.kind, s2.kind),
                (TokKind::Punct('/'), TokKind::Punct('/'))
                    | (TokKind::Punct('.'), TokKind::Punct('.'))
            );
            if let (true, true, Some(bd), Some(yd)) = (glued, same_sep, b.digits(), y.digits())
                && bd.plain
                && bd.int_digits <= 2
                && year_like(&yd)
            {
                let (a, bv) = (v0 as i32, bd.val.f as i32);
                let us = s1.is_punct('/');
                let md = if a > 12 && bv <= 12 {
                    Some((bv, a))
                } else if bv > 12 && a <= 12 {
                    Some((a, bv))
                } else if a <= 12 && bv <= 12 {
                    Some(if us { (a, bv) } else { (bv, a) })
                } else {
                    None
                };
                if let Some((mo, dy)) =
                    md.filter(|&(m, d)| (1..=12).contains(&m) && (1..=31).contains(&d))
                {
                    let iso = Iso {
                        year: Some(yd.val.f as i32),
                        month: mo as u8,
                        day: u8::try_from(dy).ok(),
                    };
                    self.push_date(out, &t0, d0, iso, false);
                    self.push_date(out, &b, bd, iso, false);
                    self.push_date(out, &y, yd, iso, false);
                    return Some(y.end);
                }
            }
        }
        // Month before: `August 14, 2023`, `Aug. 14`, `August 2023`.
        let mut p = t0.start;
        while let Some((s, c)) = prev_char(text, p) {
            if is_space(c) {
                p = s;
            } else {
                break;
            }
        }
        let month_before = {
            let q = if prev_char(text, p).is_some_and(|(_, c)| c == '.') {
                p - 1
            } else {
                p
            };
            self.prev_word_lex(q).and_then(|(w, _, l)| month_of(l, w))
        };
        if let Some(mo) = month_before {
            if day_like(&d0) {
                let (year, end) = self.year_after(1);
                let iso = self.iso(year.map(|y| y.1), mo, Some(v0 as i32));
                self.push_date(out, &t0, d0, iso, matches!(d0.suffix, Suffix::Ordinal));
                if let Some((yt, yd)) = year.map(|y| (y.0, y.2)) {
                    self.push_date(out, &yt, yd, iso, false);
                }
                return Some(end.unwrap_or(t0.end));
            }
            if year_like(&d0) {
                let iso = Iso {
                    year: Some(v0 as i32),
                    month: mo,
                    day: None,
                };
                self.push_date(out, &t0, d0, iso, false);
                return Some(t0.end);
            }
        }
        // Month after: `14 August 2023`, `14th of August`.
        if day_like(&d0) {
            let mut k = 1;
            if self.word_is(k, Word::Of) {
                k += 1;
            }
            let month_at = self.tok(k).filter(|t| t.is_word() && t.gap != Gap::Newline);
            if let Some(mo) = month_at.and_then(|t| month_of(t.lex, t.text(text))) {
                let mut k2 = k + 1;
                if self
                    .tok(k2)
                    .is_some_and(|t| t.is_punct('.') && t.gap == Gap::None)
                {
                    k2 += 1;
                }
                let (year, end) = self.year_after(k2);
                let iso = self.iso(year.map(|y| y.1), mo, Some(v0 as i32));
                self.push_date(out, &t0, d0, iso, matches!(d0.suffix, Suffix::Ordinal));
                if let Some((yt, yd)) = year.map(|y| (y.0, y.2)) {
                    self.push_date(out, &yt, yd, iso, false);
                }
                let month_end = self.tok(k).map_or(t0.end, |t| t.end);
                return Some(end.unwrap_or(month_end));
            }
        }
        None
    }

    /// An optional `, 2023` at token `k`.
    #[allow(clippy::type_complexity)]
    fn year_after(&mut self, k: usize) -> (Option<(Tok, i32, DigitNum)>, Option<usize>) {
        let mut j = k;
        if self
            .tok(j)
            .is_some_and(|t| t.is_punct(',') && t.gap != Gap::Newline)
        {
            j += 1;
        }
        match self.tok(j) {
            Some(t) if t.gap != Gap::Newline => match t.digits() {
                Some(d) if d.plain && d.int_digits == 4 && (1000.0..=2100.0).contains(&d.val.f) => {
                    (Some((t, d.val.f as i32, d)), Some(t.end))
                }
                _ => (None, None),
            },
            _ => (None, None),
        }
    }

    fn iso(&self, year: Option<i32>, month: u8, day: Option<i32>) -> Iso {
        Iso {
            year: year.or(self.ref_year),
            month,
            day: day.and_then(|d| u8::try_from(d).ok()),
        }
    }

    fn push_date(&self, out: &mut Vec<Found>, t: &Tok, d: DigitNum, iso: Iso, ordinal: bool) {
        let value = d.val.to_num();
        out.push(Found {
            start: t.start,
            end: t.end,
            value,
            kind: Kind::Date,
            unit: None,
            approx: None,
            counted: None,
            upper: None,
            date: Some(When::Date(iso)),
            parts: [
                Some(PartF::new(t.start..d.num_end.min(t.end), value, ordinal)),
                None,
            ],
        });
    }
}

/// Whether the word ending at `end` is `mid` (`mid-1980s`), a prefix and no name.
fn ends_with_mid(text: &str, end: usize) -> bool {
    let Some(start) = end.checked_sub(3) else {
        return false;
    };
    text.get(start..end)
        .is_some_and(|w| w.eq_ignore_ascii_case("mid"))
        && !prev_char(text, start).is_some_and(|(_, c)| is_alnum(c))
}

/// See [`Extractor::two_digit_decade`].
enum TwoDigitDecade {
    Age,
    Years(i128),
    Unknown,
}

/// See [`Extractor::lower_m_reading`].
enum LowerMReading {
    Million,
    Metres,
    Unknown,
}

/// The numeral inside a quantity, as written; `value` is the quantity's value as
/// reported.
fn part(q: &Qty, value: Num) -> PartF {
    let span = match q.kind {
        QKind::Money | QKind::Percent | QKind::Age => q.nm.start..q.nm.end,
        QKind::Year | QKind::Measure => match q.nm.digits {
            Some(d) => q.nm.start..d.num_end,
            None => q.nm.start..q.nm.end,
        },
        _ => q.nm.start..q.nm.end,
    };
    // The numeral as written (`50` in `50 cents`, before sub-units are converted) is
    // most often the value itself, already reported.
    let written = if q.nm.val == q.val {
        value
    } else {
        q.nm.val.to_num()
    };
    PartF::new(span, written, q.kind == QKind::Ordinal)
}

/// The value an ordinal word alone names (`trillionth` = 10^12).
fn ordinal_plain_value(nw: NumWord) -> Val {
    match nw.base {
        Base::Scale(e) => Val::int(1).mul_pow10(i32::from(e)),
        Base::Unit(v) | Base::Teen(v) | Base::Tens(v) => Val::int(i128::from(v)),
        _ => Val::float(nw.value()),
    }
}

/// Applies a cardinal word to the state, if the grammar allows it there.
fn step(st: &mut St, base: Base, joined: bool) -> bool {
    use Last::*;
    match base {
        Base::Zero => {
            if st.last != Start {
                return false;
            }
            st.last = Zero;
        }
        Base::Unit(u) => {
            let ok = matches!(st.last, Start | Hundred | Scale) || (st.last == Tens && joined);
            if !ok {
                return false;
            }
            st.group = st.group.add(Val::int(i128::from(u)));
            st.small = st.small.add(Val::int(i128::from(u)));
            st.last = if st.last == Tens { TensUnit } else { Unit };
        }
        Base::Teen(v) | Base::Tens(v) => {
            if !matches!(st.last, Start | Hundred | Scale) {
                return false;
            }
            st.group = st.group.add(Val::int(i128::from(v)));
            st.small = st.small.add(Val::int(i128::from(v)));
            st.last = if matches!(base, Base::Teen(_)) {
                Teen
            } else {
                Tens
            };
        }
        Base::Hundred => {
            let ok = matches!(st.last, Unit | Teen | Tens | TensUnit | Digits | Point | A)
                && !st.group_hundred
                && !st.group.is_zero();
            if !ok {
                return false;
            }
            st.group = st.group.mul_int(100);
            st.small = Val::ZERO;
            st.group_hundred = true;
            st.last = Hundred;
            st.last_mult = Val::int(100);
            st.scale = Some(st.scale.map_or(2, |s| s.max(2)));
        }
        Base::Scale(e) => {
            let ok = matches!(
                st.last,
                Unit | Teen | Tens | TensUnit | Digits | Hundred | Dozen | Frac | A | Point
            ) && !st.group.is_zero()
                && st.big.is_none_or(|b| e < b);
            if !ok {
                return false;
            }
            st.total = st.total.add(st.group.mul_pow10(i32::from(e)));
            st.group = Val::ZERO;
            st.small = Val::ZERO;
            st.group_hundred = false;
            st.big = Some(e);
            st.last = Scale;
            st.frac_after_scale = false;
            st.last_mult = Val::int(1).mul_pow10(i32::from(e));
            st.scale = Some(st.scale.map_or(e, |s| s.max(e)));
        }
        Base::Dozen => {
            if !matches!(st.last, Unit | Teen | Tens | TensUnit | Digits | A) {
                return false;
            }
            st.group = st.group.sub(st.small).add(st.small.mul_int(12));
            st.small = st.small.mul_int(12);
            st.last = Dozen;
        }
        Base::Half | Base::Quarter => return false,
    }
    st.words = true;
    true
}

/// Splits `one hundred thirty-fifths` (100/35) and `one hundred one thousand fifths`
/// (100/1005): the denominator takes a tens word, or a unit and scale word, before the
/// ordinal when a numerator is left.
fn split_fraction(st: &St, nw: NumWord, hist: &[Option<Snap>; 2]) -> (Val, Val) {
    let own = ordinal_plain_value(nw);
    let cur = st.value();
    let at = |k: usize| match k {
        1 => hist[1],
        2 => hist[0],
        _ => None,
    };
    if let Base::Unit(u) = nw.base
        && st.last == Last::Tens
        && let Some(before) = at(1)
        && before.last != Last::Start
    {
        let tens = cur.sub(before.value());
        return (before.value(), tens.add(Val::int(i128::from(u))));
    }
    if matches!(nw.base, Base::Unit(_) | Base::Teen(_) | Base::Tens(_))
        && matches!(st.last, Last::Hundred | Last::Scale)
        && let (Some(before_scale), Some(before_unit)) = (at(1), at(2))
        && before_scale.last == Last::Unit
        && !matches!(before_unit.last, Last::Start | Last::Tens)
    {
        let u = before_scale.value().sub(before_unit.value());
        let den = u.mul(st.last_mult).add(own);
        return (before_unit.value(), den);
    }
    (cur, own)
}

/// Where to resume after an identifier: the end of its run of letters and digits.
fn skip_alnum(text: &str, pos: usize) -> usize {
    let mut end = pos;
    for (i, c) in text.get(pos..).unwrap_or("").char_indices() {
        if is_alnum(c) {
            end = pos + i + c.len_utf8();
        } else {
            break;
        }
    }
    // At least one whole char, so scanning never resumes inside a character.
    let next = text
        .get(pos..)
        .and_then(|s| s.chars().next())
        .map_or(1, char::len_utf8);
    end.max(pos + next)
}

/// The end of a North American telephone number starting at `at`, when the digits
/// there are one: `800-273-8255`, `1-800-273-8255`, `202.555.0143`, `(202) 555-0143`
/// (the anchor is after the parenthesis). Only shapes no quantity takes: three, three
/// and four digits (a thousands group has three). Other digit groups (`+1-222-2222`,
/// `192.168.1.2`) are read as numbers, as the Recognizers-Text suites have them.
fn phone_number_end(bytes: &[u8], at: usize) -> Option<usize> {
    let run = |i: usize| {
        bytes
            .get(i..)
            .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let ends_token = |i: usize| {
        bytes
            .get(i)
            .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80))
            && !(matches!(bytes.get(i), Some(b'-' | b'.')) && run(i + 1) > 0)
    };
    let before = at.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let first = run(at);
    // `(202) 555-0143`
    if before == Some(b'(') && first == 3 && bytes.get(at + 3) == Some(&b')') {
        let mut pos = at + 4;
        if bytes.get(pos) == Some(&b' ') {
            pos += 1;
        }
        let ok = run(pos) == 3
            && matches!(bytes.get(pos + 3), Some(b'-' | b'.' | b' '))
            && run(pos + 4) == 4;
        return (ok && ends_token(pos + 8)).then_some(pos + 8);
    }
    // `1-800-...`: a country code before the three groups.
    let start = if first == 1
        && bytes.get(at) == Some(&b'1')
        && bytes.get(at + 1) == Some(&b'-')
        && run(at + 2) == 3
    {
        at + 2
    } else {
        at
    };
    if run(start) != 3 {
        return None;
    }
    let sep = *bytes.get(start + 3)?;
    if !matches!(sep, b'-' | b'.') || run(start + 4) != 3 || bytes.get(start + 7) != Some(&sep) {
        return None;
    }
    (run(start + 8) == 4 && ends_token(start + 12)).then_some(start + 12)
}

/// Whether the digits of `t0` may start a clock reading: a colon right after them,
/// letters glued to them (`10am`), or a space and a letter that may begin `a.m.` or
/// `p.m.`. Most numbers fail this at once.
fn may_start_clock(bytes: &[u8], t0: &Tok) -> bool {
    let glued_letters = matches!(
        t0.kind,
        TokKind::Digits(DigitNum {
            suffix: Suffix::Reject,
            ..
        })
    );
    match bytes.get(t0.end) {
        Some(b':') => true,
        Some(b' ') => matches!(bytes.get(t0.end + 1), Some(b'a' | b'A' | b'p' | b'P')),
        Some(0xC2) => true,
        _ => glued_letters,
    }
}

/// The numbers of a clock reading: up to three `(start, end, value)` fields, how many
/// there are, a decimal fraction of the last (its end and the field's whole value),
/// and where the reading ends.
struct ClockFields {
    numbers: [(usize, usize, u32); 3],
    count: usize,
    fraction: Option<(usize, Num)>,
    end: usize,
}

/// Reads `H`, `H:MM` or `H:MM:SS` at `at` (one or two digits, then two-digit fields up
/// to 59), with an optional decimal fraction after the last field (`3:59.4`). `None`
/// when the digits run on, a field is out of range, or another field follows
/// (`1:2:3:4`, `10:75`, `3:1`, `2023`).
fn clock_fields(bytes: &[u8], at: usize) -> Option<ClockFields> {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let value = |i: usize, n: usize| {
        bytes
            .get(i..i + n)
            .map(|d| d.iter().fold(0u32, |v, b| v * 10 + u32::from(b - b'0')))
    };
    let hour_len = if digit(at + 1) { 2 } else { 1 };
    if !digit(at) || digit(at + hour_len) {
        return None;
    }
    let mut numbers = [(at, at + hour_len, value(at, hour_len)?); 3];
    let mut count = 1;
    let mut pos = at + hour_len;
    while bytes.get(pos) == Some(&b':') && digit(pos + 1) {
        if count == 3 || !digit(pos + 2) || digit(pos + 3) {
            return None;
        }
        let v = value(pos + 1, 2)?;
        if v > 59 {
            return None;
        }
        numbers[count] = (pos + 1, pos + 3, v);
        count += 1;
        pos += 3;
    }
    // `3:59.4`: tenths of a second and finer. A period after the reading that no digit
    // follows ends a sentence.
    let mut fraction = None;
    if count > 1 && bytes.get(pos) == Some(&b'.') && digit(pos + 1) {
        let mut f_end = pos + 1;
        while digit(f_end) && f_end - pos <= 6 {
            f_end += 1;
        }
        if digit(f_end) {
            return None;
        }
        let (_, _, whole) = numbers[count - 1];
        let digits = bytes.get(pos + 1..f_end)?;
        let mant = digits
            .iter()
            .fold(i128::from(whole), |m, b| m * 10 + i128::from(b - b'0'));
        let places = i32::try_from(digits.len()).ok()?;
        fraction = Some((f_end, Val::dec(mant, -places).to_num()));
        pos = f_end;
    }
    // Glued letters other than a.m./p.m. (`5:30am` is read by the caller), or a colon
    // and more digits: not a clock reading of ours.
    if bytes.get(pos) == Some(&b':') && digit(pos + 1) {
        return None;
    }
    Some(ClockFields {
        numbers,
        count,
        fraction,
        end: pos,
    })
}

/// `a.m.`, `p.m.`, `am`, `PM`... at `at`, glued or after one space: whether it is p.m.,
/// and where the marker ends. The marker must end its word (`10 amps` is no time).
fn day_half_marker(bytes: &[u8], at: usize) -> Option<(bool, usize)> {
    let mut i = at;
    if bytes.get(i) == Some(&b' ') {
        i += 1;
    } else if bytes.get(i..i + 2) == Some(&[0xC2, 0xA0]) {
        i += 2;
    }
    let pm = match bytes.get(i)? {
        b'a' | b'A' => false,
        b'p' | b'P' => true,
        _ => return None,
    };
    i += 1;
    let dotted = bytes.get(i) == Some(&b'.');
    if dotted {
        i += 1;
    }
    if !matches!(bytes.get(i), Some(b'm' | b'M')) {
        return None;
    }
    i += 1;
    if dotted && bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    let ends_word = bytes
        .get(i)
        .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b >= 0x80 || b == b'_'));
    ends_word.then_some((pm, i))
}
