//! A small tokenizer run only near a candidate number: words, digit runs parsed into
//! values, symbols and punctuation, each with the kind of whitespace before it.

use crate::chars::{char_at, is_alnum, is_alpha};
use crate::lexicon::{Currency, Lex, currency_code, letters_key, lex_key};
use crate::value::Val;

/// The whitespace before a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// The token touches the previous one.
    None,
    /// Spaces or tabs (any number) on the same line.
    Space,
    /// At least one line break: numbers never continue across it.
    Newline,
}

/// Letters glued to the end of a digit run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Suffix {
    None,
    /// `21st`, `3rd`, `11th`.
    Ordinal,
    /// A multiplier: `10k`, `1.2bn`, `10M`, `1MM`, `10G`.
    Scale(u8),
    /// Lower-case `m`: a million or a metre, as the words around it say.
    LowerM,
    /// A currency code: `115USD`.
    Code(&'static Currency),
    /// `M` + code: millions of the currency (`30MUSD`).
    MCode(&'static Currency),
    /// `50p`.
    Pence,
    /// `5pc`, `5pct`.
    Percent,
    /// `1990s`, `90s`.
    Decade,
    /// A unit of measurement, as the `unit` attribute writes it: `29km`, `40C` (`°C`),
    /// `2GB`, `20mph`.
    Unit(&'static str),
    /// Any other letters (`5G`, `11a`, `4x4`): not a number of ours (`1am` is read as a
    /// clock time before the suffix is looked at).
    Reject,
}

/// The unit a symbol glued to a number stands for (`km`, `lbs` → `lb`, `C` → `°C`), as
/// the `unit` attribute writes it. Symbols that are also scales (`m`, `M`, `k`, `G`,
/// `B`) or that name other things often (`5G`, `4K`, `3D`, `1p`) are not units here. A
/// temperature must be a plausible one: `C` from −90 to 60, `F` from −130 to 140.
pub(crate) fn glued_unit(letters: &str, value: f64) -> Option<&'static str> {
    Some(match letters {
        "km" => "km",
        "cm" => "cm",
        "mm" => "mm",
        "ft" => "ft",
        "kg" => "kg",
        "mg" => "mg",
        "g" if !(2.0..=6.0).contains(&value) => "g",
        "lb" | "lbs" => "lb",
        "oz" => "oz",
        "ml" | "mL" => "ml",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "C" if (-90.0..=60.0).contains(&value) => "°C",
        "F" if (-130.0..=140.0).contains(&value) => "°F",
        "KB" | "kB" => "kB",
        "MB" => "MB",
        "GB" => "GB",
        "TB" => "TB",
        "kHz" => "kHz",
        "MHz" => "MHz",
        "GHz" => "GHz",
        "kW" => "kW",
        "MW" => "MW",
        "GW" => "GW",
        "kWh" => "kWh",
        "MWh" => "MWh",
        "GWh" => "GWh",
        "TWh" => "TWh",
        "ha" => "ha",
        "h" | "hr" | "hrs" => "h",
        "min" | "mins" => "min",
        "sec" | "secs" => "s",
        _ => return None,
    })
}

/// The unit a symbol written after a number and a space stands for (`5 km`, `2 GB`):
/// the glued symbols that cannot be read as a word or an initial (not `g`, `h`, `C`,
/// `F`, `ha`, `min`, `sec`: `5 min` and `5 minutes` are both counted minutes).
pub(crate) fn spaced_unit(word: &str) -> Option<&'static str> {
    match word {
        "g" | "h" | "hr" | "hrs" | "C" | "F" | "ha" | "min" | "mins" | "sec" | "secs" => None,
        _ => glued_unit(word, 0.0),
    }
}

/// A digit run read as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DigitNum {
    pub val: Val,
    /// No decimal part.
    pub integer: bool,
    /// Only ASCII digits: no separator, sign, exponent or suffix.
    pub plain: bool,
    /// Digits before the decimal point.
    pub int_digits: u32,
    /// End of the numeral before a glued suffix.
    pub num_end: usize,
    pub suffix: Suffix,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum TokKind {
    Word,
    Digits(DigitNum),
    /// A currency sign or vulgar fraction.
    Sym(char),
    Punct(char),
}

/// One token: a byte range of the text, what it is, and the whitespace before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    pub kind: TokKind,
    /// For a word, what the lexicon knows about it (looked up once, when tokenizing).
    pub lex: Lex,
}

impl Tok {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn digits(&self) -> Option<DigitNum> {
        match self.kind {
            TokKind::Digits(d) => Some(d),
            _ => None,
        }
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

pub(crate) fn is_sym(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '￥'
            | '₽'
            | '₹'
            | '₿'
            | '元'
            | '₾'
            | '₭'
            | '₺'
            | '₩'
            | '₴'
            | '₪'
            | '₦'
            | '₱'
            | '₫'
            | '฿'
            | '½'
            | '⅓'
            | '⅔'
            | '¼'
            | '¾'
            | '⅕'
            | '⅖'
            | '⅗'
            | '⅘'
            | '⅙'
            | '⅚'
            | '⅛'
            | '⅜'
            | '⅝'
            | '⅞'
            | '⅐'
            | '⅑'
            | '⅒'
    )
}

pub(crate) fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}'
    )
}

/// Characters that group digits: `1,500`, `1.500`, `40 000` with a no-break, narrow
/// no-break or thin space. A plain space never groups (`423 0000` is two numbers).
fn group_sep_at(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    match bytes.get(i..) {
        Some([b',', ..]) => Some((b',', 1)),
        Some([b'.', ..]) => Some((b'.', 1)),
        Some([0xC2, 0xA0, ..]) => Some((b' ', 2)),
        Some([0xE2, 0x80, 0xAF | 0x89, ..]) => Some((b' ', 3)),
        _ => None,
    }
}

/// Whether byte `i` of `text` ends a separator that follows a digit: a token starting
/// there lies inside a run that was split into separate numbers (`192.168.1.2`).
fn inside_split_run(bytes: &[u8], start: usize) -> bool {
    for back in [1usize, 2, 3] {
        if let Some(s) = start.checked_sub(back)
            && let Some((_, len)) = group_sep_at(bytes, s)
            && len == back
        {
            return s > 0 && bytes.get(s - 1).is_some_and(u8::is_ascii_digit);
        }
    }
    false
}

const MAX_GROUPS: usize = 24;
/// Longer digit strings are identifiers, not quantities.
const MAX_DIGITS: usize = 36;

/// Reads the number starting at `start` (an ASCII digit, or a `.` before digits).
/// Returns the number and its end.
pub(crate) fn scan_number(text: &str, start: usize) -> (DigitNum, usize) {
    let bytes = text.as_bytes();
    if let Some(simple) = plain_integer(bytes, start).or_else(|| simple_grouped(bytes, start)) {
        return simple;
    }
    let leading_dot = bytes.get(start) == Some(&b'.');
    let first = if leading_dot { start + 1 } else { start };
    let split_mode = inside_split_run(bytes, start) || leading_dot;

    let mut groups: [(usize, usize); MAX_GROUPS] = [(0, 0); MAX_GROUPS];
    let mut seps: [u8; MAX_GROUPS] = [0; MAX_GROUPS];
    let mut n = 0;
    let mut pos = first;
    let mut overflow = false;
    loop {
        let g0 = pos;
        while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        if n == MAX_GROUPS {
            overflow = true;
            break;
        }
        groups[n] = (g0, pos);
        n += 1;
        if split_mode {
            break;
        }
        match group_sep_at(bytes, pos) {
            Some((sep, len)) if bytes.get(pos + len).is_some_and(u8::is_ascii_digit) => {
                let Some(slot) = seps.get_mut(n) else {
                    overflow = true;
                    break;
                };
                *slot = sep;
                pos += len;
            }
            _ => break,
        }
    }
    let glen = |k: usize| groups[k].1 - groups[k].0;
    // How the run reads: (integer groups, decimal group).
    let (int_groups, dec_group): (usize, Option<usize>) = if overflow || n == 1 {
        (1, None)
    } else {
        interpret(&seps[1..n], &|k| glen(k), n).unwrap_or((1, None))
    };
    if leading_dot {
        // `.25`: the digits are all decimals.
        let (g0, g1) = groups[0];
        let val = digits_value(bytes, &[], Some((g0, g1)));
        let num = DigitNum {
            val,
            integer: false,
            plain: false,
            int_digits: 0,
            num_end: g1,
            suffix: Suffix::None,
        };
        return finish(text, start, num, g1);
    }
    let int_slice = &groups[..int_groups];
    let dec = dec_group.map(|k| groups[k]);
    let num_end = dec.map_or(int_slice[int_groups - 1].1, |d| d.1);
    let int_digits: usize = int_slice.iter().map(|(a, b)| b - a).sum();
    let val = digits_value(bytes, int_slice, dec);
    let split = int_groups + usize::from(dec.is_some()) < n || overflow;
    let num = DigitNum {
        val,
        integer: dec.is_none(),
        plain: int_groups == 1 && dec.is_none(),
        int_digits: u32::try_from(int_digits).unwrap_or(u32::MAX),
        num_end,
        suffix: if int_digits + dec.map_or(0, |(a, b)| b - a) > MAX_DIGITS {
            Suffix::Reject
        } else {
            Suffix::None
        },
    };
    if split {
        // The rest of the run is read piece by piece.
        return (num, num_end);
    }
    finish(text, start, num, num_end)
}

/// The common case read in one pass: up to 18 digits followed by nothing that could
/// continue the number (no separator, exponent, glued letter or non-ASCII character).
/// `None` sends the run to the full reader, which gives the same answer here.
fn plain_integer(bytes: &[u8], start: usize) -> Option<(DigitNum, usize)> {
    let mut end = start;
    let mut m = 0u64;
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii_digit() || end - start == 18 {
            break;
        }
        m = m * 10 + u64::from(b - b'0');
        end += 1;
    }
    let simple_next = match bytes.get(end) {
        None => true,
        Some(&b) => b < 0x80 && !b.is_ascii_alphanumeric() && !matches!(b, b',' | b'.' | b'^'),
    };
    if end == start || !simple_next {
        return None;
    }
    let num = DigitNum {
        val: Val::dec(i128::from(m), 0),
        integer: true,
        plain: true,
        int_digits: u32::try_from(end - start).ok()?,
        num_end: end,
        suffix: Suffix::None,
    };
    Some((num, end))
}

/// Whether the number that ended at `end` is finished: what follows is no separator
/// before a digit, no exponent, power or glued letter, nothing outside ASCII.
fn ends_plainly(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b',' | b'.') => !bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(&b) => b < 0x80 && !b.is_ascii_alphanumeric() && b != b'^',
    }
}

/// The next most common cases, read in one pass: thousands grouped with commas
/// (`1,500`, `22,240,260`) and a plain decimal point (`43.5`, `1234.56`), at most 18
/// digits, ending plainly. The answers are those of [`interpret`] for these shapes.
fn simple_grouped(bytes: &[u8], start: usize) -> Option<(DigitNum, usize)> {
    if inside_split_run(bytes, start) {
        return None;
    }
    let digits_from = |mut p: usize| {
        while bytes.get(p).is_some_and(u8::is_ascii_digit) {
            p += 1;
        }
        p
    };
    let first_end = digits_from(start);
    let first_len = first_end - start;
    let (int_end, int_digits, dec) = match bytes.get(first_end) {
        Some(b',') => {
            if !(1..=3).contains(&first_len) {
                return None;
            }
            let mut end = first_end;
            let mut digits = first_len;
            while bytes.get(end) == Some(&b',') {
                let group_end = digits_from(end + 1);
                if group_end - (end + 1) != 3 {
                    return None;
                }
                digits += 3;
                end = group_end;
            }
            (end, digits, None)
        }
        Some(b'.') => {
            let dec_end = digits_from(first_end + 1);
            if dec_end == first_end + 1 {
                return None;
            }
            (first_end, first_len, Some((first_end + 1, dec_end)))
        }
        _ => return None,
    };
    let end = dec.map_or(int_end, |(_, e)| e);
    let total = int_digits + dec.map_or(0, |(a, e)| e - a);
    if first_len == 0 || total > 18 || !ends_plainly(bytes, end) {
        return None;
    }
    let mut m = 0u64;
    for &c in bytes.get(start..end)? {
        if c.is_ascii_digit() {
            m = m * 10 + u64::from(c - b'0');
        }
    }
    let exp = dec.map_or(0, |(a, e)| -i32::try_from(e - a).unwrap_or(0));
    let num = DigitNum {
        val: Val::dec(i128::from(m), exp),
        integer: dec.is_none(),
        plain: false,
        int_digits: u32::try_from(int_digits).ok()?,
        num_end: end,
        suffix: Suffix::None,
    };
    Some((num, end))
}

/// Decides how separators group a run of digit groups: `Some((n_int, dec))`, or
/// `None` when the run is a list of separate numbers (`192.168.1.2`, `22,24,26`).
fn interpret(
    seps: &[u8],
    glen: &dyn Fn(usize) -> usize,
    n: usize,
) -> Option<(usize, Option<usize>)> {
    let last = n - 1;
    let last_sep = seps[last - 1];
    let body = &seps[..last - 1];
    let thousands = |upto: usize, sep_ok: &dyn Fn(u8) -> bool| {
        // Groups 0..upto with separators before groups 1..upto.
        (1..upto).all(|k| sep_ok(seps[k - 1]))
            && ((1..=3).contains(&glen(0)) && (1..upto).all(|k| glen(k) == 3) || indian(upto, glen))
    };
    let comma_or_space = |s: u8| s == b',' || s == b' ';
    let dot_or_space = |s: u8| s == b'.' || s == b' ';
    // All separators group thousands: `1,500`, `22,240,260,310`, `40 000`, `1.234.567`.
    if thousands(n, &|s| s == b',' || s == b' ') || thousands(n, &|s| s == b' ') {
        return Some((n, None));
    }
    if n > 2 && seps[..last].iter().all(|&s| s == b'.') && thousands(n, &|s| s == b'.') {
        return Some((n, None));
    }
    // A decimal point after grouped thousands: `1,674,200.5`, `12,34,567.89`.
    if last_sep == b'.'
        && body.iter().all(|&s| comma_or_space(s))
        && thousands(last, &comma_or_space)
    {
        return Some((last, Some(last)));
    }
    // A decimal comma after dot-grouped thousands: `1.111,11`.
    if last_sep == b','
        && body.iter().all(|&s| dot_or_space(s))
        && thousands(last, &dot_or_space)
        && (n > 2 || (1..=2).contains(&glen(last)))
    {
        return Some((last, Some(last)));
    }
    // One separator: `4.800` is a decimal point; `1,3` and `5,00` are decimal commas.
    if n == 2 && (last_sep == b'.' || (last_sep == b',' && (1..=2).contains(&glen(1)))) {
        return Some((1, Some(1)));
    }
    None
}

/// Indian grouping: `12,34,567` (first group 1–2 digits, then pairs, then three).
fn indian(upto: usize, glen: &dyn Fn(usize) -> usize) -> bool {
    upto >= 3
        && (1..=2).contains(&glen(0))
        && (1..upto - 1).all(|k| glen(k) == 2)
        && glen(upto - 1) == 3
}

fn digits_value(bytes: &[u8], int_groups: &[(usize, usize)], dec: Option<(usize, usize)>) -> Val {
    // Up to 18 digits the mantissa fits 64 bits: no 128-bit multiplication per digit.
    let dec_slice = dec.and_then(|(a, b)| bytes.get(a..b)).unwrap_or(&[]);
    let int_len: usize = int_groups.iter().map(|(a, b)| b.saturating_sub(*a)).sum();
    if int_len + dec_slice.len() <= 18 {
        let mut m = 0u64;
        for &(a, b) in int_groups {
            for &c in bytes.get(a..b).unwrap_or(&[]) {
                m = m * 10 + u64::from(c - b'0');
            }
        }
        for &c in dec_slice {
            m = m * 10 + u64::from(c - b'0');
        }
        let exp = -i32::try_from(dec_slice.len()).unwrap_or(0);
        return Val::dec(i128::from(m), exp);
    }
    let mut mant: Option<i128> = Some(0);
    let mut f = 0f64;
    let mut exp = 0i32;
    let mut push = |d: u8| {
        mant = mant
            .and_then(|m| m.checked_mul(10))
            .and_then(|m| m.checked_add(i128::from(d)));
        f = f * 10.0 + f64::from(d);
    };
    for &(a, b) in int_groups {
        for &c in bytes.get(a..b).unwrap_or(&[]) {
            push(c - b'0');
        }
    }
    if let Some((a, b)) = dec {
        for &c in bytes.get(a..b).unwrap_or(&[]) {
            push(c - b'0');
            exp -= 1;
        }
    }
    match mant {
        Some(m) => Val::dec(m, exp),
        None => Val::float(f * 10f64.powi(exp)),
    }
}

/// Exponents, powers and glued letter suffixes after the numeral.
fn finish(text: &str, start: usize, mut num: DigitNum, pos: usize) -> (DigitNum, usize) {
    let bytes = text.as_bytes();
    let _ = start;
    // `1e10`, `-12e-1`, `1.3e6`.
    if matches!(bytes.get(pos), Some(b'e' | b'E'))
        && let Some((e, end)) = signed_int(bytes, pos + 1)
        && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
    {
        num.val = num.val.mul_pow10(e);
        num.integer = num.val.is_integer();
        num.plain = false;
        return (num, end);
    }
    // `1.1^23`, `2.5^-1`.
    if bytes.get(pos) == Some(&b'^')
        && let Some((e, end)) = signed_int(bytes, pos + 1)
    {
        num.val = num.val.powi(e);
        num.integer = num.val.is_integer();
        num.plain = false;
        return (num, end);
    }
    // `6.23x10^-4`, `6.23×10^-4`.
    let times_len = match bytes.get(pos..) {
        Some([b'x', ..]) => 1,
        Some([0xC3, 0x97, ..]) => 2,
        _ => 0,
    };
    if times_len > 0
        && bytes.get(pos + times_len..pos + times_len + 3) == Some(b"10^")
        && let Some((e, end)) = signed_int(bytes, pos + times_len + 3)
    {
        num.val = num.val.mul_pow10(e);
        num.integer = num.val.is_integer();
        num.plain = false;
        return (num, end);
    }
    let letters_end = pos
        + bytes
            .get(pos..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    if letters_end == pos {
        // A letter outside ASCII glued on (`5µm`) makes it a measurement too.
        if text
            .get(pos..)
            .and_then(|s| s.chars().next())
            .is_some_and(|c| is_alpha(c) && !is_sym(c))
        {
            num.suffix = Suffix::Reject;
        }
        return (num, pos);
    }
    let letters = text.get(pos..letters_end).unwrap_or("");
    let glued_after = bytes.get(letters_end).is_some_and(u8::is_ascii_digit)
        || text
            .get(letters_end..)
            .and_then(|s| s.chars().next())
            .is_some_and(is_alnum);
    let int = num.integer;
    let v = num.val.f;
    let suffix = if glued_after {
        Suffix::Reject
    } else {
        match letters {
            "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH" | "St" | "Nd" | "Rd" | "Th"
                if int =>
            {
                Suffix::Ordinal
            }
            "s" if int && (num.int_digits == 4 || num.int_digits == 2) && v % 10.0 == 0.0 => {
                Suffix::Decade
            }
            "k" | "K" => Suffix::Scale(3),
            "M" | "MM" | "mn" | "Mn" | "mln" | "Mln" | "mil" | "mio" => Suffix::Scale(6),
            "m" => Suffix::LowerM,
            "b" | "B" | "bn" | "Bn" | "BN" | "bln" | "Bln" | "bil" => Suffix::Scale(9),
            "G" if int && (2.0..=6.0).contains(&v) => Suffix::Reject,
            "G" => Suffix::Scale(9),
            "tn" | "trn" | "tln" | "Tn" => Suffix::Scale(12),
            "p" if int => Suffix::Pence,
            "pc" | "pct" => Suffix::Percent,
            _ => {
                if let Some(c) = currency_code(letters) {
                    Suffix::Code(c)
                } else if let Some(unit) = glued_unit(letters, v) {
                    Suffix::Unit(unit)
                } else if letters.len() == 4 && letters.starts_with('M') {
                    letters
                        .get(1..)
                        .and_then(currency_code)
                        .filter(|_| letters.bytes().all(|b| b.is_ascii_uppercase()))
                        .map_or(Suffix::Reject, Suffix::MCode)
                } else {
                    Suffix::Reject
                }
            }
        }
    };
    num.suffix = suffix;
    num.plain = false;
    (num, letters_end)
}

fn signed_int(bytes: &[u8], mut pos: usize) -> Option<(i32, usize)> {
    let neg = match bytes.get(pos) {
        Some(b'-') => {
            pos += 1;
            true
        }
        Some(b'+') => {
            pos += 1;
            false
        }
        _ => false,
    };
    let s = pos;
    let mut v: i32 = 0;
    while let Some(&c) = bytes.get(pos).filter(|c| c.is_ascii_digit()) {
        v = v.checked_mul(10)?.checked_add(i32::from(c - b'0'))?;
        if v > 400 {
            return None;
        }
        pos += 1;
    }
    (pos > s).then_some((if neg { -v } else { v }, pos))
}

/// Reads the token at or after `pos`, or `None` at the end of the text.
///
/// ASCII is read byte by byte; only a byte above 0x7F costs a char decoding.
pub(crate) fn next_tok(text: &str, mut pos: usize) -> Option<Tok> {
    let bytes = text.as_bytes();
    let mut gap = Gap::None;
    loop {
        let b = *bytes.get(pos)?;
        if b < 0x80 {
            match b {
                b' ' | b'\t' => {
                    if gap == Gap::None {
                        gap = Gap::Space;
                    }
                }
                b'\n' | b'\r' | 0x0b | 0x0c => gap = Gap::Newline,
                _ => break,
            }
            pos += 1;
            continue;
        }
        let c = text.get(pos..)?.chars().next()?;
        if is_newline(c) {
            gap = Gap::Newline;
        } else if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}') {
            if gap == Gap::None {
                gap = Gap::Space;
            }
        } else {
            break;
        }
        pos += c.len_utf8();
    }
    let start = pos;
    let b0 = *bytes.get(pos)?;
    if b0.is_ascii_digit()
        || (b0 == b'.'
            && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit)
            && !(pos > 0 && bytes.get(pos - 1).is_some_and(u8::is_ascii_alphanumeric)))
    {
        let (num, end) = scan_number(text, pos);
        return Some(Tok {
            start,
            end,
            gap,
            kind: TokKind::Digits(num),
            lex: Lex::default(),
        });
    }
    if b0.is_ascii_alphabetic() {
        return Some(word_tok(text, start, gap));
    }
    let c = text.get(pos..)?.chars().next()?;
    if is_alpha(c) {
        return Some(word_tok(text, start, gap));
    }
    let end = pos + c.len_utf8();
    let kind = if is_sym(c) {
        TokKind::Sym(c)
    } else {
        TokKind::Punct(c)
    };
    Some(Tok {
        start,
        end,
        gap,
        kind,
        lex: Lex::default(),
    })
}

/// The word starting at `start` (an alphabetic char): letters and combining marks, with
/// apostrophes inside (`world’s`). Its lexicon entry is looked up once, here.
fn word_tok(text: &str, start: usize, gap: Gap) -> Tok {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut end = start;
    let mut ascii_letters = true;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        end = end.max(i);
        let Some(&b) = bytes.get(i) else { break };
        if b < 0x80 {
            if b == b'\'' && next_is_alphabetic(text, i + 1) {
                ascii_letters = false;
                i += 1;
                continue;
            }
            break;
        }
        let Some((ch, _)) = char_at(bytes, i) else {
            break;
        };
        if is_alpha(ch) || is_mark(ch) {
            ascii_letters = false;
            i += ch.len_utf8();
            end = i;
            continue;
        }
        if ch == '’' && next_is_alphabetic(text, i + ch.len_utf8()) {
            ascii_letters = false;
            i += ch.len_utf8();
            continue;
        }
        break;
    }
    let lex = if ascii_letters {
        letters_key(bytes, start, end).map_or_else(Lex::default, lex_key)
    } else {
        Lex::default()
    };
    Tok {
        start,
        end,
        gap,
        kind: TokKind::Word,
        lex,
    }
}

fn next_is_alphabetic(text: &str, pos: usize) -> bool {
    match text.as_bytes().get(pos) {
        Some(b) if *b < 0x80 => b.is_ascii_alphabetic(),
        Some(_) => text
            .get(pos..)
            .and_then(|s| s.chars().next())
            .is_some_and(is_alpha),
        None => false,
    }
}

/// Combining marks (Tamil vowel signs in `ரூ`, accents written apart) stay in a word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x0B82..=0x0BD7 | 0x0900..=0x0903 | 0x093A..=0x094F)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Num;

    fn num(text: &str) -> (Num, &str, Suffix) {
        let (n, end) = scan_number(text, 0);
        (n.val.to_num(), &text[..end], n.suffix)
    }

    #[test]
    fn separators_group_or_split() {
        assert_eq!(num("1,500 firms").0, Num::Int(1500));
        assert_eq!(num("28,500").0, Num::Int(28500));
        assert_eq!(num("1,674,200.5").0, Num::Float(1_674_200.5));
        assert_eq!(num("12,34,567.89").0, Num::Float(1_234_567.89));
        assert_eq!(num("1.111,11").0, Num::Float(1111.11));
        assert_eq!(num("1.234.567").0, Num::Int(1_234_567));
        assert_eq!(num("4.800").0, Num::Float(4.8));
        assert_eq!(num("1,3.").0, Num::Float(1.3));
        assert_eq!(num("5,00").0, Num::Int(5));
        assert_eq!(num("40\u{a0}000 troops").0, Num::Int(40_000));
        assert_eq!(
            num("1\u{202f}234\u{202f}567.89").0,
            Num::Float(1_234_567.89)
        );
        let (v, s, _) = num("192.168.1.2");
        assert_eq!((v, s), (Num::Int(192), "192"));
        let (v, s, _) = num("22,24,26");
        assert_eq!((v, s), (Num::Int(22), "22"));
        // Inside a split run each piece stands alone.
        let text = "192.168.1.2";
        let (n, end) = scan_number(text, 8);
        assert_eq!((n.val.to_num(), end), (Num::Int(1), 9));
    }

    #[test]
    fn exponents_powers_and_suffixes() {
        assert_eq!(num("1e10").0, Num::Int(10_000_000_000));
        assert_eq!(num("1.3e6").0, Num::Int(1_300_000));
        assert_eq!(num("12e-1").0, Num::Float(1.2));
        assert_eq!(num("2.5^-1").0, Num::Float(0.4));
        assert_eq!(num("10k").2, Suffix::Scale(3));
        assert_eq!(num("3bn").2, Suffix::Scale(9));
        assert_eq!(num("21st").2, Suffix::Ordinal);
        assert_eq!(num("29km").2, Suffix::Unit("km"));
        assert_eq!(num("40C").2, Suffix::Unit("°C"));
        assert_eq!(num("400C").2, Suffix::Reject);
        assert_eq!(num("5g").2, Suffix::Reject);
        assert_eq!(num("29kmz").2, Suffix::Reject);
        assert_eq!(num("5G").2, Suffix::Reject);
        assert_eq!(num("10G").2, Suffix::Scale(9));
        assert_eq!(num("1990s").2, Suffix::Decade);
        assert_eq!(num("1am").2, Suffix::Reject);
        assert!(matches!(num("115USD").2, Suffix::Code(_)));
    }

    #[test]
    fn tokens_carry_their_gap() {
        let t = next_tok("  one\n\n2", 0).unwrap();
        assert_eq!((t.start, t.end, t.gap), (2, 5, Gap::Space));
        let t = next_tok("  one\n\n2", 5).unwrap();
        assert_eq!(t.gap, Gap::Newline);
        assert!(t.digits().is_some());
        let t = next_tok("world’s", 0).unwrap();
        assert_eq!(t.end, "world’s".len());
    }
}
