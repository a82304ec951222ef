//! Small text utilities: a word tokenizer for short windows and sentence boundaries.

use crate::marks::is_quote_char;
use crate::scan::{HIGH_BITS, alnum_mask, load8};

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "st",
    "jr", "sr", "prof", "rev", "vs", "etc", "inc", "corp", "co", "ltd", "no", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt", "fig", "approx", "est", "dept",
    "univ", "assn", "bros", "maj", "cmdr", "supt", "atty", "pres", "gens", "reps", "sens", "govs",
    "messrs", "mass", "calif", "fla", "ill", "pa", "va", "wash", "tex", "ariz", "colo", "conn",
    "ga", "ky", "la", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "tenn", "wis", "wyo", "ala", "ark", "del", "ind", "kan", "vt", "n.c", "s.c", "n.y", "d.c",
    "u.s", "u.n", "u.k", "e.u", "a.m", "p.m",
];

/// A word of at most eight bytes, ASCII folded to lowercase, as one integer.
fn pack(word: &str) -> u64 {
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    u64::from_le_bytes(buf)
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens, periods of abbreviations.
    Word,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `.`, `!`, `?`, `…`
    Stop,
    /// `;`
    Semi,
    /// `(` or `[`
    OpenParen,
    /// `)` or `]`
    CloseParen,
    /// A dash (`—`, `–`, `―`, or a spaced `-`).
    Dash,
    /// A quotation mark.
    Quote,
    /// Anything else.
    Other,
}

/// A token: a byte range of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Kind.
    pub kind: TokKind,
}

impl Tok {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether this is a word starting with an uppercase letter (or a digit-free
    /// handle like `@AP`).
    #[inline]
    pub fn is_capitalized(&self, text: &str) -> bool {
        if self.kind != TokKind::Word {
            return false;
        }
        // An ASCII first letter (the usual case) is read without decoding.
        match text.as_bytes().get(self.start) {
            Some(&b) if b < 0x80 && b != b'@' => b.is_ascii_uppercase(),
            _ => self
                .text(text)
                .chars()
                .find(|c| *c != '@')
                .is_some_and(char::is_uppercase),
        }
    }

    /// Whether this is a word starting with a lowercase letter.
    #[inline]
    pub fn is_lowercase(&self, text: &str) -> bool {
        if self.kind != TokKind::Word {
            return false;
        }
        match text.as_bytes().get(self.start) {
            Some(&b) if b < 0x80 => b.is_ascii_lowercase(),
            _ => self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase),
        }
    }
}

/// Whether `word` (without its period) is an abbreviation that takes a period.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut n = bytes.len();
    while n > 0 && bytes[n - 1] == b'.' {
        n -= 1;
    }
    // Only ASCII periods were cut: `n` is a character boundary.
    let w = word.get(..n).unwrap_or("");
    if w.is_ascii() {
        return ascii_abbreviation(w.as_bytes());
    }
    let mut chars = w.chars();
    // Initials: `V.` in `Vladimir V. Putin`.
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Initials run together: `A.E.`, `J.R.R.`.
    if w.contains('.') && w.split('.').all(|part| part.chars().count() == 1) {
        return true;
    }
    // Every listed abbreviation is short; most words are not.
    if w.len() > 6 {
        return false;
    }
    is_listed_abbreviation(pack(w))
}

/// [`is_abbreviation`] of an ASCII word without its final periods, byte by byte.
#[inline]
fn ascii_abbreviation(w: &[u8]) -> bool {
    if let [c] = w
        && c.is_ascii_uppercase()
    {
        return true;
    }
    // Initials run together (`A.E.`, `J.R.R`): a period second, one byte between
    // periods. Most words have no period second and are not read for one.
    if w.get(1) == Some(&b'.') && w.split(|&b| b == b'.').all(|part| part.len() == 1) {
        return true;
    }
    if w.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    is_listed_abbreviation(u64::from_le_bytes(buf))
}

/// Slots of the abbreviation table: at most a quarter full.
const ABBREVIATION_SLOTS: usize = 512;

/// The slot of the abbreviation table where the search for `key` starts.
const fn abbreviation_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
}

/// The listed abbreviations packed by [`pack`], by open addressing: built at compile
/// time, so a look-up costs no check that it was built.
static ABBREVIATION_TABLE: [u64; ABBREVIATION_SLOTS] = {
    let mut table = [0u64; ABBREVIATION_SLOTS];
    let mut a = 0;
    while a < ABBREVIATIONS.len() {
        let word = ABBREVIATIONS[a].as_bytes();
        let mut buf = [0u8; 8];
        let mut b = 0;
        while b < word.len() && b < 8 {
            buf[b] = word[b].to_ascii_lowercase();
            b += 1;
        }
        let key = u64::from_le_bytes(buf);
        let mut i = abbreviation_slot(key);
        while table[i] != 0 && table[i] != key {
            i = (i + 1) % ABBREVIATION_SLOTS;
        }
        table[i] = key;
        a += 1;
    }
    table
};

/// Whether `key` (a word packed by [`pack`]) is a listed abbreviation: an
/// open-addressing table of the packed words, usually one probe.
fn is_listed_abbreviation(key: u64) -> bool {
    // The empty word packs to 0, the mark of an empty slot, and is no abbreviation.
    if key == 0 {
        return false;
    }
    let mut i = abbreviation_slot(key);
    loop {
        match ABBREVIATION_TABLE.get(i) {
            Some(&k) if k == key => return true,
            Some(&0) | None => return false,
            Some(_) => i = (i + 1) % ABBREVIATION_SLOTS,
        }
    }
}

/// `c.is_alphanumeric()`, with ASCII and the General Punctuation block (U+2000 to
/// U+206F: spaces, dashes, curly quotes, the ellipsis), which holds no letter or
/// digit, answered without a search of the Unicode tables (some hundred
/// instructions for every curly apostrophe otherwise).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// The character at byte `i` of `s` and its length (`i` on a char boundary).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Tokenizes `text[start..end]` into `out` (cleared first). At most `limit` tokens.
///
/// ASCII letters and digits are read a byte at a time without decoding; other
/// characters are decoded only where they occur.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, limit: usize, out: &mut Vec<Tok>) {
    out.clear();
    if let Some(window) = text.get(start..end) {
        tokenize_window(text.as_bytes(), window, start, 0, limit, out);
    }
}

/// Appends the tokens of `window` (the bytes of `text` from `base` on) from its byte
/// `i` to `out` until it holds `limit` tokens. Returns whether the window was read to
/// its end, and the byte of the window where the next token may start.
///
/// Tokenizing has no state but the position: a token never holds whitespace and never
/// looks before its own first byte, so resuming where the last call stopped gives
/// the same tokens as one pass over the whole window.
#[inline(always)]
fn tokenize_window(
    text: &[u8],
    window: &str,
    base: usize,
    mut i: usize,
    limit: usize,
    out: &mut Vec<Tok>,
) -> (bool, usize) {
    let bytes = window.as_bytes();
    while let Some(&b) = bytes.get(i) {
        // ASCII is read through a table, without decoding a character.
        let (kind, len) = if b < 0x80 {
            match ASCII_TOKEN[usize::from(b)] {
                None => {
                    i += 1;
                    continue;
                }
                Some(kind) => (kind, 1),
            }
        } else {
            let Some((c, len)) = char_at(window, i) else {
                break;
            };
            if c.is_whitespace() {
                i += len;
                continue;
            }
            (non_ascii_kind(c), len)
        };
        if out.len() >= limit {
            return (false, i);
        }
        let e = if kind == TokKind::Word {
            word_end_fast(text, base, window, i, i + len)
        } else {
            i + len
        };
        out.push(Tok {
            start: base + i,
            end: base + e,
            kind,
        });
        // Most tokens are followed by one space, which starts no token.
        i = e + usize::from(bytes.get(e) == Some(&b' '));
    }
    (true, i)
}

/// The kind of token a character outside ASCII that is no whitespace starts.
#[inline]
fn non_ascii_kind(c: char) -> TokKind {
    if is_alphanumeric(c) {
        TokKind::Word
    } else {
        match c {
            '…' => TokKind::Stop,
            '—' | '–' | '―' => TokKind::Dash,
            c if is_quote_char(c) => TokKind::Quote,
            _ => TokKind::Other,
        }
    }
}

/// [`word_end`] of the word starting at byte `i` of the window `s` (the bytes of
/// `text` from `base` on), whose first character ends at `e`: when the text has
/// sixteen bytes from the word's start, one vector mask finds where its ASCII letters
/// and digits stop (bytes past the window count as stops), and a word stopping at a
/// space or at the window's end (most) ends there with nothing else to test.
#[inline]
fn word_end_fast(text: &[u8], base: usize, s: &str, i: usize, e: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    if let Some(chunk) = text
        .get(base.wrapping_add(i)..base.wrapping_add(i).wrapping_add(16))
        .and_then(|c| <&[u8; 16]>::try_from(c).ok())
    {
        // The first character is read already (`e > i`): only the bytes after it
        // count. A stop past the sixteen bytes stands for more of the word, which
        // the window's end may cut.
        let stop = (!sse2::alnum_mask(chunk) & (u32::MAX << (e - i).min(16))) | 1 << 16;
        let at = (i + stop.trailing_zeros() as usize).min(s.len());
        return match s.as_bytes().get(at) {
            Some(b' ') | None => at,
            Some(_) => word_end(s, i, at),
        };
    }
    word_end(s, i, e)
}

/// The kind of token an ASCII byte starts, `None` for whitespace (letters, digits,
/// `@` and `#` start words).
static ASCII_TOKEN: [Option<TokKind>; 128] = {
    let mut t = [Some(TokKind::Other); 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = match b {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => None,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'@' | b'#' => Some(TokKind::Word),
            b',' => Some(TokKind::Comma),
            b':' => Some(TokKind::Colon),
            b'.' | b'!' | b'?' => Some(TokKind::Stop),
            b';' => Some(TokKind::Semi),
            b'(' | b'[' => Some(TokKind::OpenParen),
            b')' | b']' => Some(TokKind::CloseParen),
            b'-' => Some(TokKind::Dash),
            b'"' | b'\'' => Some(TokKind::Quote),
            _ => Some(TokKind::Other),
        };
        i += 1;
    }
    t
};

/// The end of the word token of `s` that starts at byte `i` and goes on at least to
/// `e`: letters, digits and `_`, with connectors (`'`, `’`, `-`, `.`, `/`, `&`) inside
/// when a letter or digit follows, a plural possessive's apostrophe, and an
/// abbreviation's period.
#[inline]
fn word_end(s: &str, i: usize, mut e: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        // Eight bytes at a time while they are ASCII letters and digits.
        while let Some(v) = load8(bytes, e) {
            let stop = !alnum_mask(v) & HIGH_BITS;
            if stop != 0 {
                e += (stop.trailing_zeros() / 8) as usize;
                break;
            }
            e += 8;
        }
        // Most words end at a space, which nothing below would go past.
        if bytes.get(e) == Some(&b' ') {
            break;
        }
        while e < bytes.len() && (bytes[e].is_ascii_alphanumeric() || bytes[e] == b'_') {
            e += 1;
        }
        let Some((d, dl)) = char_at(s, e) else { break };
        if is_alphanumeric(d) {
            e += dl;
            continue;
        }
        // Connectors stay inside a word when a letter or digit follows.
        if matches!(d, '\'' | '’' | '-' | '.' | '/' | '&') {
            if char_at(s, e + dl).is_some_and(|(n, _)| is_alphanumeric(n)) {
                e += dl;
                continue;
            }
            // `dockers’ union`: a plural possessive keeps its apostrophe.
            if matches!(d, '\'' | '’') && s.get(..e).is_some_and(|w| w.ends_with(['s', 'S'])) {
                e += dl;
                break;
            }
            if d == '.' {
                let word = s.get(i..e).unwrap_or("");
                if word.contains('.') || is_abbreviation(word) {
                    e += 1;
                }
            }
        }
        break;
    }
    e
}

/// The tokens of a window, tokenized only as far as they are looked at: most
/// readers stop after a few words (a sentence's subject is near its start), so the
/// rest of the window costs nothing. Gives the same tokens as [`tokenize`].
pub(crate) struct TokStream<'b> {
    /// The whole text's bytes.
    text: &'b [u8],
    /// The window's text (empty when `start..end` is no window of the text).
    window: &'b str,
    /// Where the window starts in the text.
    base: usize,
    /// Where tokenizing resumes, in the window.
    next: usize,
    limit: usize,
    toks: &'b mut Vec<Tok>,
    /// The window is read to its end or `limit` tokens are out.
    done: bool,
}

impl<'b> TokStream<'b> {
    /// The tokens of `text[start..end]`, at most `limit`, in `buf` (cleared first).
    pub fn new(
        text: &'b str,
        start: usize,
        end: usize,
        limit: usize,
        buf: &'b mut Vec<Tok>,
    ) -> Self {
        buf.clear();
        TokStream {
            text: text.as_bytes(),
            window: text.get(start..end).unwrap_or_default(),
            base: start,
            next: 0,
            limit,
            toks: buf,
            done: limit == 0,
        }
    }

    /// Token `i`, tokenizing up to it if needed.
    #[inline]
    pub fn get(&mut self, i: usize) -> Option<Tok> {
        while i >= self.toks.len() && !self.done {
            self.fill(i + 1);
        }
        self.toks.get(i).copied()
    }

    #[cold]
    fn fill(&mut self, want: usize) {
        // Read ahead a little: a reader that wants token `i` usually wants the next.
        let target = want.max(self.toks.len() + 2).min(self.limit);
        let (finished, next) = tokenize_window(
            self.text,
            self.window,
            self.base,
            self.next,
            target,
            self.toks,
        );
        self.next = next;
        self.done = finished || self.toks.len() >= self.limit;
    }

    /// Every token looked at so far.
    pub fn seen(&self) -> &[Tok] {
        self.toks
    }

    /// Tokens `a..b`, all of which have been looked at already (else the part that has).
    pub fn slice(&self, a: usize, b: usize) -> &[Tok] {
        let b = b.min(self.toks.len());
        self.toks.get(a.min(b)..b).unwrap_or_default()
    }
}

/// Pushes into `out` the sentence boundaries found in `text[start..end]`: the offset
/// just after a sentence-final `.`, `!` or `?` that is followed by a space and then a
/// capital, a digit or a quotation mark, skipping abbreviations and initials.
/// `lookahead` bounds how far past `end` the next sentence's first character is read;
/// `end` and `lookahead` are character boundaries.
#[inline]
pub(crate) fn sentence_breaks(
    text: &str,
    start: usize,
    end: usize,
    lookahead: usize,
    out: &mut Vec<usize>,
) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: `has_avx2` says the CPU has AVX2.
        unsafe { x86_avx2::sentence_breaks(text, start, end, lookahead, out) };
        return;
    }
    sentence_breaks_with(text, start, end, lookahead, out, false);
}

/// [`sentence_breaks`], its stop masks read with AVX2 when `avx2` (which the caller
/// passes only when the CPU has it). Inlined into a copy compiled with AVX2, where
/// the mask of each block costs no call.
#[inline(always)]
fn sentence_breaks_with(
    text: &str,
    start: usize,
    end: usize,
    lookahead: usize,
    out: &mut Vec<usize>,
    avx2: bool,
) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let lookahead = lookahead.clamp(end, bytes.len());
    // Stops before `i` were read as part of a run (`?!`, `.)`).
    let mut i = start;
    let mut block = start;
    while block < end {
        let (mut stops, n) = stop_mask(bytes, block, end, avx2);
        let base = block;
        block += n;
        while stops != 0 {
            let at = base + stops.trailing_zeros() as usize;
            stops &= stops - 1;
            if at < i {
                continue;
            }
            i = sentence_break_at(text, start, at, end, lookahead, out);
        }
    }
}

/// Reads the stop at `i` (`.`, `!` or `?`) of the window `start..end`: pushes the
/// break after it, if any, and returns the end of its run of stops and brackets.
#[inline]
fn sentence_break_at(
    text: &str,
    start: usize,
    i: usize,
    end: usize,
    lookahead: usize,
    out: &mut Vec<usize>,
) -> usize {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return end;
    };
    // Closing brackets may follow the stop: `(...).` or `word.)`.
    let mut j = i + 1;
    while j < end && matches!(bytes[j], b'.' | b'!' | b'?' | b')') {
        j += 1;
    }
    if j < lookahead && bytes[j] == b' ' {
        let mut k = j;
        while k < lookahead && bytes[k] == b' ' {
            k += 1;
        }
        let starts = match bytes.get(k) {
            // An ASCII byte is a whole character (the usual case).
            Some(&c) if c < 0x80 && k < lookahead => {
                c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'"' || c == b'\''
            }
            _ => text
                .get(k..lookahead)
                .and_then(|s| s.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_quote_char(c)),
        };
        if starts && (b != b'.' || !abbreviation_before(text, start, i)) {
            out.push(j);
        }
    }
    j
}

/// Bytes tested at once by [`stop_mask`].
const STOP_BLOCK: usize = 64;

/// A bit per byte of `bytes[i..end]` (at most [`STOP_BLOCK`] of them) that is `.`,
/// `!` or `?`, and how many bytes were read. With `avx2` (passed only when the CPU
/// has it) a block is two vector loads; else four, or a byte at a time at the end of
/// the text.
#[inline(always)]
fn stop_mask(bytes: &[u8], i: usize, end: usize, avx2: bool) -> (u64, usize) {
    let n = end.saturating_sub(i).min(STOP_BLOCK);
    let valid = if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    #[cfg(target_arch = "x86_64")]
    if let Some(block) = bytes
        .get(i..i.saturating_add(STOP_BLOCK))
        .and_then(|c| <&[u8; STOP_BLOCK]>::try_from(c).ok())
    {
        let mask = if avx2 {
            // SAFETY: `avx2` is true only when the CPU supports AVX2 (`has_avx2`).
            unsafe { x86_avx2::stops(block) }
        } else {
            let mut mask = 0u64;
            for (k, part) in block.chunks_exact(16).enumerate() {
                if let Ok(part) = <&[u8; 16]>::try_from(part) {
                    mask |= u64::from(sse2::stops(part)) << (16 * k);
                }
            }
            mask
        };
        return (mask & valid, n);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = avx2;
    (stop_mask_scalar(bytes, i, n), n)
}

/// [`stop_mask`] a byte at a time: the end of the text, other targets, and the
/// reference the vector code is tested against.
fn stop_mask_scalar(bytes: &[u8], i: usize, n: usize) -> u64 {
    bytes
        .get(i..i + n)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .fold(0u64, |m, (k, &b)| {
            m | (u64::from(matches!(b, b'.' | b'!' | b'?')) << k)
        })
}

/// Whether the CPU has AVX2 (detected once; `std` caches the answer). The mark scan
/// and the sentence-stop masks both ask.
#[inline]
pub(crate) fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[cfg(target_arch = "x86_64")]
mod x86_avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256,
        _mm256_set1_epi8,
    };

    /// [`super::sentence_breaks`] compiled with AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) fn sentence_breaks(
        text: &str,
        start: usize,
        end: usize,
        lookahead: usize,
        out: &mut Vec<usize>,
    ) {
        super::sentence_breaks_with(text, start, end, lookahead, out, true);
    }

    /// A bit per byte of `block` that is `.`, `!` or `?`.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub(super) fn stops(block: &[u8; 64]) -> u64 {
        let eq = |v: __m256i, b: u8| _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b as i8));
        let half = |v: __m256i| {
            let m = _mm256_or_si256(_mm256_or_si256(eq(v, b'.'), eq(v, b'!')), eq(v, b'?'));
            u64::from(_mm256_movemask_epi8(m) as u32)
        };
        // SAFETY: the loads read the two halves of `block`, in bounds (unaligned loads
        // are allowed); AVX2 is enabled on this function.
        let (lo, hi) = unsafe {
            (
                _mm256_loadu_si256(block.as_ptr().cast()),
                _mm256_loadu_si256(block.as_ptr().add(32).cast()),
            )
        };
        half(lo) | (half(hi) << 32)
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };

    /// A bit per byte of `chunk` that is an ASCII letter or digit.
    #[inline]
    pub(super) fn alnum_mask(chunk: &[u8; 16]) -> u32 {
        // SAFETY: SSE2 is part of the x86_64 baseline, and the load reads exactly the
        // sixteen bytes of `chunk` (unaligned loads are allowed).
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            // `(b | 0x20) - 'a'` is at most 25 (unsigned) exactly for the letters of
            // either case, `b - '0'` at most 9 exactly for the digits.
            let letter = _mm_sub_epi8(
                _mm_or_si128(v, _mm_set1_epi8(0x20)),
                _mm_set1_epi8(b'a' as i8),
            );
            let letter = _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter);
            let digit = _mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8));
            let digit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
            _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u32
        }
    }

    /// A bit per byte of `chunk` that is `.`, `!` or `?`.
    #[inline]
    pub(super) fn stops(chunk: &[u8; 16]) -> u32 {
        // SAFETY: SSE2 is part of the x86_64 baseline, and the load reads exactly the
        // sixteen bytes of `chunk` (unaligned loads are allowed).
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(eq(b'.'), eq(b'!')), eq(b'?'))) as u32
        }
    }
}

/// Whether the word ending at `dot` (a period) is an abbreviation.
fn abbreviation_before(text: &str, floor: usize, dot: usize) -> bool {
    // Most words before a sentence's period are told from the eight bytes before it.
    if let Some(p) = dot.checked_sub(8)
        && p >= floor
        && text.is_char_boundary(floor)
        && let Some(v) = load8(text.as_bytes(), p)
    {
        let alnum = alnum_mask(v);
        // A word whose last seven bytes are ASCII letters and digits is none: every
        // listed abbreviation is shorter, and initials have a period every other byte.
        if alnum | 0x80 == HIGH_BITS {
            return false;
        }
        // The last byte that is no ASCII letter or digit (one of the last seven).
        let stop = (63 - (!alnum & HIGH_BITS).leading_zeros()) / 8;
        let before = (v >> (8 * stop)) as u8;
        // After an ASCII byte other than a period: a word of letters and digits alone,
        // of up to six bytes, whose look-up is its bytes in lowercase.
        if before < 0x80 && before != b'.' {
            let len = 7 - stop;
            if len == 0 {
                return false;
            }
            let word = v >> (8 * (stop + 1));
            if len == 1 && (word as u8).is_ascii_uppercase() {
                return true;
            }
            let lower = 0x2020_2020_2020_2020u64 & ((1u64 << (8 * len)) - 1);
            return is_listed_abbreviation(word | lower);
        }
    }
    let Some(before) = text.get(floor..dot) else {
        return false;
    };
    // Back over ASCII letters, digits and periods a byte at a time; a character
    // outside ASCII sends the search to the decoding loop.
    let bytes = before.as_bytes();
    let mut k = bytes.len();
    // Eight bytes at a time: the last byte of them that is neither an ASCII letter,
    // digit nor period ends the word (or, outside ASCII, sends it to decoding).
    while let Some(v) = k.checked_sub(8).and_then(|p| load8(bytes, p)) {
        const LOW7: u64 = !HIGH_BITS;
        let x = v ^ (u64::from(b'.') * (LOW7 / 0x7F));
        // The high bit of each byte of `x` that is zero (each byte on its own).
        let dots = !(((x & LOW7) + LOW7) | x | LOW7);
        let stop = !(alnum_mask(v) | dots) & HIGH_BITS;
        if stop == 0 {
            k -= 8;
            continue;
        }
        let last = (63 - stop.leading_zeros() as usize) / 8;
        let at = k - 8 + last;
        if bytes.get(at).is_some_and(|&c| c >= 0x80) {
            return abbreviation_before_decoded(before);
        }
        k = at + 1;
        return ascii_abbreviation_before(bytes.get(k..).unwrap_or_default());
    }
    while let Some(&c) = k.checked_sub(1).and_then(|p| bytes.get(p)) {
        if c >= 0x80 {
            return abbreviation_before_decoded(before);
        }
        if !(c.is_ascii_alphanumeric() || c == b'.') {
            break;
        }
        k -= 1;
    }
    ascii_abbreviation_before(bytes.get(k..).unwrap_or_default())
}

/// [`is_abbreviation`] of a word of ASCII letters, digits and periods, false when
/// it is empty: the word before a sentence's period, which needs no decoding.
#[inline]
fn ascii_abbreviation_before(word: &[u8]) -> bool {
    let n = word.iter().rposition(|&b| b != b'.').map_or(0, |k| k + 1);
    !word.is_empty() && ascii_abbreviation(word.get(..n).unwrap_or_default())
}

/// [`abbreviation_before`] of the text `before` the period, decoding characters.
fn abbreviation_before_decoded(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    !word.is_empty() && is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut answers as `char::is_alphanumeric` for every character of the
    /// basic plane (the General Punctuation block included) and a few beyond.
    #[test]
    fn alphanumeric_shortcut_matches_the_tables() {
        for c in (0..=0xFFFFu32)
            .chain(0x1_0000..0x1_0400)
            .filter_map(char::from_u32)
        {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// Sentence breaks as first written: `memchr3` for the stops, characters decoded
    /// everywhere; the reference of the byte-wise search.
    fn sentence_breaks_reference(
        text: &str,
        start: usize,
        end: usize,
        lookahead: usize,
        out: &mut Vec<usize>,
    ) {
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        let lookahead = lookahead.clamp(end, bytes.len());
        let mut i = start;
        while i < end {
            match memchr::memchr3(b'.', b'!', b'?', bytes.get(i..end).unwrap_or_default()) {
                Some(k) => i += k,
                None => break,
            }
            let b = bytes[i];
            let mut j = i + 1;
            while j < end && matches!(bytes[j], b'.' | b'!' | b'?' | b')') {
                j += 1;
            }
            if j < lookahead && bytes[j] == b' ' {
                let mut k = j;
                while k < lookahead && bytes[k] == b' ' {
                    k += 1;
                }
                let next = text.get(k..lookahead).and_then(|s| s.chars().next());
                let starts = next
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_quote_char(c));
                if starts && (b != b'.' || !abbreviation_before_reference(text, start, i)) {
                    out.push(j);
                }
            }
            i = j;
        }
    }

    fn abbreviation_before_reference(text: &str, floor: usize, dot: usize) -> bool {
        let Some(before) = text.get(floor..dot) else {
            return false;
        };
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &before[word_start..];
        !word.is_empty() && is_abbreviation_reference(word)
    }

    fn is_abbreviation_reference(word: &str) -> bool {
        let w = word.trim_end_matches('.');
        let mut chars = w.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_uppercase()
        {
            return true;
        }
        if w.contains('.') && w.split('.').all(|part| part.chars().count() == 1) {
            return true;
        }
        if w.len() > 6 {
            return false;
        }
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
    }

    #[test]
    fn abbreviations_match_the_reference() {
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|a| a.to_string()).collect();
        words.extend(
            ABBREVIATIONS
                .iter()
                .map(|a| format!("{}.", a.to_ascii_uppercase())),
        );
        for w in [
            "",
            ".",
            "..",
            "V",
            "V.",
            "v",
            "A.E.",
            "J.R.R",
            "ab.c",
            "a..b",
            "Sen",
            "Senator",
            "É",
            "É.",
            "é",
            "É.Ü.",
            "Mr",
            "mrs.",
            "calif.",
            "Calif",
            "abcdefg",
            "U.S.A.",
            "x.",
            "Ünited",
            "n.c.",
            "N.Y.",
            "Sept.",
            "sept",
            "septs",
            "A.B.C.D.E.F",
            "a.b.c.d.e",
            "A.Bc",
            "Ab.C",
            "A.B.Cde",
            "governments",
            "abcdefgh",
            "abcdefgh.",
            "U.S.A.B.C..",
        ] {
            words.push(w.to_owned());
        }
        for w in &words {
            assert_eq!(is_abbreviation(w), is_abbreviation_reference(w), "{w:?}");
        }
    }

    /// The tokenizer as it was before the vector word end and the window read once:
    /// the reference of [`tokenize_window`].
    fn tokenize_reference(
        text: &str,
        start: usize,
        end: usize,
        limit: usize,
        out: &mut Vec<Tok>,
    ) -> bool {
        let Some(s) = text.get(start..end) else {
            return true;
        };
        let bytes = s.as_bytes();
        let mut i = 0usize;
        while let Some(&b) = bytes.get(i) {
            // ASCII is read through a table, without decoding a character.
            let (kind, len) = if b < 0x80 {
                match ASCII_TOKEN[usize::from(b)] {
                    None => {
                        i += 1;
                        continue;
                    }
                    Some(kind) => (kind, 1),
                }
            } else {
                let Some((c, len)) = char_at(s, i) else { break };
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                let kind = if is_alphanumeric(c) {
                    TokKind::Word
                } else {
                    match c {
                        '…' => TokKind::Stop,
                        '—' | '–' | '―' => TokKind::Dash,
                        c if is_quote_char(c) => TokKind::Quote,
                        _ => TokKind::Other,
                    }
                };
                (kind, len)
            };
            if out.len() >= limit {
                return false;
            }
            let at = start + i;
            let e = if kind == TokKind::Word {
                word_end(s, i, i + len)
            } else {
                i + len
            };
            out.push(Tok {
                start: at,
                end: start + e,
                kind,
            });
            // Most tokens are followed by one space, which starts no token.
            i = if bytes.get(e) == Some(&b' ') {
                e + 1
            } else {
                e
            };
        }
        true
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), usize::MAX, &mut out);
        out.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_initials_and_possessives() {
        assert_eq!(
            words("Sen. Vladimir V. Putin's aides, the dockers’ union"),
            [
                "Sen.",
                "Vladimir",
                "V.",
                "Putin's",
                "aides",
                ",",
                "the",
                "dockers’",
                "union"
            ]
        );
        assert_eq!(
            words("U.S. officials said: “no”"),
            ["U.S.", "officials", "said", ":", "“", "no", "”"]
        );
        assert_eq!(
            words("9/11 widow, Army-2023"),
            ["9/11", "widow", ",", "Army-2023"]
        );
    }

    #[test]
    fn sentences_break_after_stops_but_not_after_abbreviations() {
        let text = "Mr. Smith left. Then Dr. Jones came! “Yes,” she said. It ended.";
        let mut breaks = Vec::new();
        sentence_breaks(text, 0, text.len(), text.len(), &mut breaks);
        let starts: Vec<String> = breaks
            .iter()
            .map(|&b| text[b..].trim_start().chars().take(4).collect())
            .collect();
        assert_eq!(starts, ["Then", "“Yes", "It e"]);
    }

    #[test]
    fn a_stream_reads_the_same_tokens_as_a_whole_pass() {
        let text = "But Sen. Maria Lopez’s aides, the dockers’ union (Ore.) and U.S. officials said: “no” — 9/11";
        let mut whole = Vec::new();
        tokenize(text, 4, text.len(), usize::MAX, &mut whole);
        let mut buf = Vec::new();
        let mut stream = TokStream::new(text, 4, text.len(), usize::MAX, &mut buf);
        let read: Vec<Tok> = (0..).map_while(|k| stream.get(k)).collect();
        assert_eq!(read, whole);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 256, failure_persistence: None, ..Default::default()
        })]

        /// Tokens read lazily, in any order and with any limit, are those of one
        /// pass over the window; the case of a word reads the same on the fast path.
        #[test]
        fn streamed_tokens_match_a_whole_pass(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Putin", "said", "Sen.", "U.S.", "dockers’", "O'Brien", "—", "“", "”",
                    ",", ".", " ", "  ", "\n", "9/11", "@AP", "élan", "Élan", "(", ")", "-",
                    "and", "Mr.", "x",
                ]),
                0..30,
            ),
            limit in 0usize..50,
            order in proptest::collection::vec(0usize..40, 0..20),
        ) {
            let text: String = words.concat();
            let mut whole = Vec::new();
            tokenize(&text, 0, text.len(), limit, &mut whole);
            let mut buf = Vec::new();
            let mut stream = TokStream::new(&text, 0, text.len(), limit, &mut buf);
            for k in order {
                proptest::prop_assert_eq!(stream.get(k), whole.get(k).copied());
            }
            for (k, t) in whole.iter().enumerate() {
                proptest::prop_assert_eq!(stream.get(k), Some(*t));
                let w = t.text(&text);
                let slow_cap = t.kind == TokKind::Word
                    && w.chars().find(|c| *c != '@').is_some_and(char::is_uppercase);
                let slow_low =
                    t.kind == TokKind::Word && w.chars().next().is_some_and(char::is_lowercase);
                proptest::prop_assert_eq!(t.is_capitalized(&text), slow_cap);
                proptest::prop_assert_eq!(t.is_lowercase(&text), slow_low);
            }
            proptest::prop_assert_eq!(stream.get(whole.len()), None);
        }

        /// The tokenizer with its vector word end gives the tokens of the reference,
        /// for any window and limit: words of fifteen to seventeen bytes and words
        /// running into the window's end, connectors, possessives, abbreviations and
        /// letters outside ASCII around them.
        #[test]
        fn tokens_match_the_reference(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Putin", "said", "Sen.", "U.S.", "dockers’", "O'Brien", "—", "“", "”",
                    ",", ".", " ", "  ", "\n", "9/11", "@AP", "élan", "Élan", "(", ")", "-",
                    "Mr.", "x", "abcdefghijklmno", "abcdefghijklmnop", "Abcdefghijklmnopq",
                    "_", "Ørsted", "s’", "S'", "&", "/", "é", "…", "\u{a0}", "x.y", "ab.",
                ]),
                0..30,
            ),
            start in 0usize..120,
            end in 0usize..140,
            limit in 0usize..50,
        ) {
            let text: String = words.concat();
            let end = end.min(text.len());
            let start = start.min(end);
            let mut fast = Vec::new();
            let mut slow = Vec::new();
            tokenize(&text, start, end, limit, &mut fast);
            if let Some(window) = text.get(start..end) {
                tokenize_reference(window, 0, window.len(), limit, &mut slow);
            }
            for t in &mut slow {
                t.start += start;
                t.end += start;
            }
            proptest::prop_assert_eq!(fast, slow);
        }

        /// The byte-wise sentence breaks are those of the reference, for any window
        /// and lookahead, with abbreviations, initials, brackets, quotes and letters
        /// outside ASCII around the stops.
        #[test]
        fn sentence_breaks_match_the_reference(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Mr.", "Smith", "left", ".", "!", "?", ")", " ", "  ", "“", "\"", "'",
                    "Then", "É", "élan", "Über", "U.S.", "J.R.R.", "Sen.", "calif.", "9", "x",
                    "(", "…", "\u{a0}", "Ørsted.", "é.", "A.", "a.", "ab.c.",
                ]),
                0..40,
            ),
            start in 0usize..200,
            end in 0usize..200,
            lookahead in 0usize..220,
        ) {
            let text: String = words.concat();
            let start = start.min(text.len());
            // Callers pass character boundaries (a gap's end, its paragraph's end).
            // Inside a character, the reference reads no next character at all,
            // where the byte-wise search still reads an ASCII one.
            let boundary = |at: usize| {
                (0..=at.min(text.len()))
                    .rev()
                    .find(|&k| text.is_char_boundary(k))
                    .unwrap_or(0)
            };
            let (end, lookahead) = (boundary(end), boundary(lookahead));
            let mut fast = Vec::new();
            let mut slow = Vec::new();
            sentence_breaks(&text, start, end, lookahead, &mut fast);
            sentence_breaks_reference(&text, start, end, lookahead, &mut slow);
            proptest::prop_assert_eq!(&fast, &slow);
            // The copy without AVX2 too.
            let mut plain = Vec::new();
            sentence_breaks_with(&text, start, end, lookahead, &mut plain, false);
            proptest::prop_assert_eq!(plain, slow);
        }

        /// The word before a period, read eight bytes at a time (or told from the
        /// eight bytes before the period), is the one the character-wise reference
        /// reads: long words, words of six and seven bytes, listed words in either
        /// case, periods inside, letters outside ASCII, and a floor anywhere (off a
        /// character boundary nothing is read).
        #[test]
        fn abbreviations_before_a_period_match_the_reference(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Sen", "calif", "U.S", "J.R", "A", "a", "Mr", "co", ".", " ", "é", "É",
                    "x", "abcdefghij", "Ørsted", "9", "-", "\u{a0}", "ab.c", "abcdef", "bcdefg",
                    "Senate", "2016", "A.B", "é7", "Jr", "ST", ")", "x1", "Gov",
                ]),
                0..14,
            ),
            floor in 0usize..80,
        ) {
            let text = format!("{}.", parts.concat());
            let dot = text.len() - 1;
            let floor = floor.min(dot);
            proptest::prop_assert_eq!(
                abbreviation_before(&text, floor, dot),
                abbreviation_before_reference(&text, floor, dot)
            );
        }

        /// Both vector stop masks agree with the byte-at-a-time reference.
        #[test]
        fn stop_masks_match_the_scalar_reference(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b'.', b'!', b'?', b'a', b' ', b')', 0x2D, 0x2F, 0x3E, 0x3F | 0x80, 0xAE, 0xA1,
                    0x00, 0xFF,
                ]),
                0..200,
            ),
            at in 0usize..200,
            len in 0usize..100,
        ) {
            let i = at.min(bytes.len());
            let end = (i + len).min(bytes.len());
            let n = end.saturating_sub(i).min(STOP_BLOCK);
            let expected = (stop_mask_scalar(&bytes, i, n), n);
            proptest::prop_assert_eq!(stop_mask(&bytes, i, end, false), expected);
            proptest::prop_assert_eq!(stop_mask(&bytes, i, end, has_avx2()), expected);
        }
    }
}
