//! Language-light text statistics for judging a block: words, stop words, sentence
//! punctuation, commas, and whether it ends like a sentence.
//!
//! [`stats`] runs once per block over every byte of the page's text, so it is built for
//! speed: ASCII bytes are classified through one table (no char decoding), and stop
//! words are looked up as one 128-bit key in an open-addressing table built at compile
//! time, without allocating or lowercasing into a string.

use crate::parse::space_len;

/// Counts over one block of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TextStats {
    /// Characters that are not whitespace.
    pub chars: u32,
    /// Whitespace-separated words.
    pub words: u32,
    /// Words from the stop-word lists (function words of running prose).
    pub stop: u32,
    /// Sentence-ending punctuation marks (`.`, `!`, `?`, `…`, `。`...) followed by a
    /// space or the end, i.e. ends of sentences.
    pub sentences: u32,
    /// Commas and semicolons.
    pub commas: u32,
    /// Characters of scripts written without spaces (CJK).
    pub cjk: u32,
    /// The text ends with sentence punctuation (closing quotes and brackets skipped).
    pub ends_sentence: bool,
    /// Words that start with an uppercase letter.
    pub capitalized: u32,
}

impl TextStats {
    /// A measure of length comparable across scripts: non-space characters, with CJK
    /// characters counted three times (one CJK character carries about a word).
    pub fn weight(&self) -> f64 {
        f64::from(self.chars) + 2.0 * f64::from(self.cjk)
    }

    /// Share of words that are stop words.
    pub fn stop_ratio(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            f64::from(self.stop) / f64::from(self.words)
        }
    }
}

/// Byte flags of the ASCII fast path.
mod flag {
    /// A word separator (`' '`, tab, LF, CR, FF).
    pub const SPACE: u8 = 1 << 0;
    /// The first byte of a multi-byte character: decoded on the slow path.
    pub const HIGH: u8 = 1 << 1;
    /// A closing quote or bracket: skipped when looking for sentence ends.
    pub const KEEP: u8 = 1 << 2;
    /// Ends a sentence when it ends a word (`.`, `!`, `?`).
    pub const PERIOD: u8 = 1 << 3;
    /// Counts for `ends_sentence` when it is the last significant character.
    pub const FINAL: u8 = 1 << 4;
    /// A comma or semicolon.
    pub const COMMA: u8 = 1 << 5;
    /// An uppercase letter.
    pub const UPPER: u8 = 1 << 6;
    /// ASCII punctuation (trimmed off words before the stop-word lookup).
    pub const PUNCT: u8 = 1 << 7;
}

const fn byte_flags() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0x80;
    while b < 256 {
        t[b] = flag::HIGH;
        b += 1;
    }
    t[b' ' as usize] = flag::SPACE;
    t[b'\t' as usize] = flag::SPACE;
    t[b'\n' as usize] = flag::SPACE;
    t[b'\r' as usize] = flag::SPACE;
    t[0x0c] = flag::SPACE;
    t[b'.' as usize] = flag::PERIOD | flag::FINAL;
    t[b'!' as usize] = flag::PERIOD | flag::FINAL;
    t[b'?' as usize] = flag::PERIOD | flag::FINAL;
    t[b':' as usize] = flag::FINAL;
    t[b';' as usize] = flag::COMMA | flag::FINAL;
    t[b',' as usize] = flag::COMMA;
    t[b'"' as usize] = flag::KEEP;
    t[b'\'' as usize] = flag::KEEP;
    t[b')' as usize] = flag::KEEP;
    t[b']' as usize] = flag::KEEP;
    t[b'*' as usize] = flag::KEEP;
    let mut p = 0x21;
    while p < 0x7f {
        if (p as u8).is_ascii_punctuation() {
            t[p] |= flag::PUNCT;
        }
        p += 1;
    }
    let mut u = b'A';
    while u <= b'Z' {
        t[u as usize] = flag::UPPER;
        u += 1;
    }
    t
}

static BYTE_FLAGS: [u8; 256] = byte_flags();

/// Statistics of `text`, in one pass over its bytes.
///
/// Words of ASCII bytes (most words of most pages) are measured from their two ends:
/// the end is found eight bytes at a time, the sentence punctuation is the last byte
/// that is not a closing quote or bracket, the capital the first byte. Words with other
/// characters go character by character.
pub(crate) fn stats(text: &str) -> TextStats {
    let b = text.as_bytes();
    let mut st = TextStats {
        // Commas and semicolons are never spaces, so they are all inside words; the
        // non-ASCII ones are counted with their words.
        commas: count_ascii_commas(b),
        ..TextStats::default()
    };
    let (mut words, mut stop, mut sentences, mut chars, mut capitalized) = (0, 0, 0, 0, 0);
    let mut i = 0;
    // The last significant character (closing quotes and brackets skipped) is one that
    // ends a sentence.
    let mut last_final = false;
    while let Some(&c) = b.get(i) {
        let f = BYTE_FLAGS[c as usize];
        if f & flag::SPACE != 0 {
            i += 1;
            continue;
        }
        let start = i;
        if f & flag::HIGH != 0 {
            let w = space_len(b, i);
            if w > 0 {
                i += w;
                continue;
            }
            words += 1;
            capitalized += u32::from(char_at(text, i).is_some_and(char::is_uppercase));
        } else {
            words += 1;
            capitalized += u32::from(f & flag::UPPER != 0);
            let end = ascii_run_end(b, i + 1);
            let beyond_ascii = b
                .get(end)
                .is_some_and(|&c| c >= 0x80 && space_len(b, end) == 0);
            if !beyond_ascii {
                // A word of ASCII bytes: its last significant byte says how it ends.
                i = end;
                chars += (end - start) as u32;
                let word = b.get(start..end).unwrap_or_default();
                if let Some(f) = word
                    .iter()
                    .rev()
                    .map(|&c| BYTE_FLAGS[c as usize])
                    .find(|f| f & flag::KEEP == 0)
                {
                    last_final = f & flag::FINAL != 0;
                    sentences += u32::from(f & flag::PERIOD != 0);
                }
                if word.len() <= 16 {
                    stop += u32::from(is_stop_word_ascii(b, start, end));
                }
                continue;
            }
        }
        // A word with characters beyond ASCII: character by character.
        st.chars = 0;
        st.sentences = 0;
        let (end, prev_end) = slow_word(text, start, &mut st, &mut last_final);
        chars += st.chars;
        sentences += st.sentences + u32::from(prev_end);
        i = end.max(start + 1);
        if i - start <= 16 {
            stop += u32::from(is_stop_word(text.get(start..i).unwrap_or_default()));
        }
    }
    st.words = words;
    st.stop = stop;
    st.sentences = sentences;
    st.chars = chars;
    st.capitalized = capitalized;
    st.ends_sentence = last_final;
    st
}

/// Commas and semicolons among `b`.
fn count_ascii_commas(b: &[u8]) -> u32 {
    // Byte-wide counters over short chunks, so that the loop vectorizes.
    b.chunks(64)
        .map(|chunk| {
            let n: u8 = chunk
                .iter()
                .map(|&c| u8::from(c == b',') + u8::from(c == b';'))
                .fold(0, u8::wrapping_add);
            u32::from(n)
        })
        .sum()
}

/// The first position at or after `i` holding a space or a byte beyond ASCII (or the end).
#[inline]
fn ascii_run_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    loop {
        let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) else {
            while let Some(&c) = b.get(i) {
                if BYTE_FLAGS[c as usize] & (flag::SPACE | flag::HIGH) != 0 {
                    break;
                }
                i += 1;
            }
            return i;
        };
        let x = u64::from_le_bytes(chunk);
        // Bytes below 0x21 or from 0x80: the lowest flagged byte is exact (borrows only
        // flag bytes above a truly flagged one).
        let m = (x.wrapping_sub(ONES * 0x21) & !x & HIGH) | (x & HIGH);
        if m == 0 {
            i += 8;
            continue;
        }
        let at = i + (m.trailing_zeros() / 8) as usize;
        match b.get(at) {
            Some(&c) if BYTE_FLAGS[c as usize] & (flag::SPACE | flag::HIGH) == 0 => {
                // A control character: part of the word.
                i = at + 1;
            }
            _ => return at,
        }
    }
}

/// Measures the word starting at `start` character by character; returns its end and
/// whether its last significant character ends a sentence. ASCII commas are not
/// counted here (see [`count_ascii_commas`]).
fn slow_word(text: &str, start: usize, st: &mut TextStats, last_final: &mut bool) -> (usize, bool) {
    let b = text.as_bytes();
    let mut i = start;
    let mut prev_end = false;
    while let Some(&byte) = b.get(i) {
        let f = BYTE_FLAGS[byte as usize];
        if f & flag::SPACE != 0 {
            break;
        }
        if f & flag::HIGH == 0 {
            i += 1;
            st.chars += 1;
            if f & flag::KEEP == 0 {
                prev_end = f & flag::PERIOD != 0;
                *last_final = f & flag::FINAL != 0;
            }
            continue;
        }
        if space_len(b, i) > 0 {
            break;
        }
        let c = char_at(text, i).unwrap_or('\u{fffd}');
        i += c.len_utf8();
        st.chars += 1;
        match c {
            '…' => {
                prev_end = true;
                *last_final = true;
            }
            '。' | '！' | '？' => {
                st.sentences += 1;
                prev_end = false;
                *last_final = true;
            }
            '、' | '，' | '；' => {
                st.commas += 1;
                prev_end = false;
                *last_final = false;
            }
            '”' | '’' | '»' | '」' | '』' | '）' => {}
            _ => {
                if c >= '\u{3040}' && is_cjk(c) {
                    st.cjk += 1;
                }
                prev_end = false;
                *last_final = false;
            }
        }
    }
    (i, prev_end)
}

/// The character starting at byte `i` of `text`.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|r| r.chars().next())
}

fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF
    )
}

/// Function words of English and other common languages of news text, as written
/// (lowercase).
const STOP_WORDS: &[&str] = &[
    // English
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "is",
    "was",
    "it",
    "for",
    "on",
    "that",
    "with",
    "as",
    "at",
    "by",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "be",
    "are",
    "were",
    "been",
    "has",
    "have",
    "had",
    "from",
    "this",
    "which",
    "or",
    "an",
    "but",
    "not",
    "will",
    "would",
    "said",
    "its",
    "who",
    "we",
    "you",
    "i",
    "there",
    "after",
    "more",
    "one",
    "also",
    "about",
    "than",
    "when",
    "can",
    "what",
    "all",
    "up",
    "out",
    "so",
    "if",
    "into",
    "over",
    "other",
    "no",
    "some",
    "could",
    "them",
    "our",
    "may",
    "these",
    "him",
    "do",
    "did",
    "just",
    "only",
    "while",
    "where",
    "because",
    "how",
    "those",
    "such",
    "then",
    "should",
    "any",
    "most",
    "says",
    "before",
    "between",
    "being",
    "both",
    "during",
    "through",
    "under",
    "very",
    "my",
    "me",
    "your",
    "us",
    "it's",
    "against",
    "since",
    "though",
    "whether",
    "am",
    "does",
    "here",
    "now",
    "many",
    "much",
    "own",
    "same",
    "each",
    // Spanish, Portuguese, Italian, French, German
    "de",
    "la",
    "el",
    "en",
    "y",
    "que",
    "los",
    "las",
    "del",
    "se",
    "por",
    "con",
    "una",
    "un",
    "para",
    "es",
    "le",
    "les",
    "des",
    "et",
    "est",
    "une",
    "du",
    "dans",
    "pour",
    "il",
    "che",
    "di",
    "e",
    "per",
    "non",
    "della",
    "da",
    "o",
    "um",
    "uma",
    "os",
    "não",
    "com",
    "na",
    "em",
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "ein",
    "eine",
    "zu",
    "mit",
    "sich",
    "auf",
    "für",
    "von",
    "mais",
    "como",
    "sua",
    "seu",
    "nos",
    "ao",
    "às",
    "pelo",
    "pela",
    "foi",
    "são",
    "mas",
    "ha",
    "sono",
    "anche",
    "nel",
    "alla",
    "gli",
    "lo",
    "al",
    "sur",
    "qui",
    "pas",
    "au",
    "aux",
    "ce",
    "den",
    "dem",
    "im",
    "auch",
    "wird",
    "sie",
    "er",
    "werden",
    // Russian
    "и",
    "в",
    "не",
    "на",
    "что",
    "с",
    "по",
    "это",
    "как",
    "а",
    "к",
    "из",
    "у",
    "за",
    "о",
    "от",
    "он",
    "она",
    "они",
    "его",
    "но",
    "же",
    "так",
    "было",
    "был",
    "для",
    "до",
    "при",
    "их",
    "ее",
    "её",
    "также",
    "бы",
    "уже",
    "или",
    "если",
    "то",
    "все",
    "этом",
    "том",
];

/// Longest stop word, in bytes: longer words are not looked up.
const MAX_STOP_LEN: usize = {
    let mut max = 0;
    let mut w = 0;
    while w < STOP_WORDS.len() {
        if STOP_WORDS[w].len() > max {
            max = STOP_WORDS[w].len();
        }
        w += 1;
    }
    max
};

/// Slots of the stop-word table (a power of two, about twice the number of words).
const STOP_SLOTS: usize = 512;

/// A word of at most 15 bytes as one number: its bytes little-endian and its length in
/// the top byte (so that a word ending in NUL bytes is a different key).
const fn stop_key(word: &[u8], lowercase: bool) -> u128 {
    let mut key = (word.len() as u128) << 120;
    let mut k = 0;
    while k < word.len() && k < 15 {
        let mut c = word[k];
        if lowercase {
            c = c.to_ascii_lowercase();
        }
        key |= (c as u128) << (8 * k);
        k += 1;
    }
    key
}

#[inline]
const fn stop_slot(key: u128) -> usize {
    let lo = key as u64;
    let hi = (key >> 64) as u64;
    let h = (lo ^ hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - STOP_SLOTS.trailing_zeros())) as usize
}

const fn stop_table() -> [u128; STOP_SLOTS] {
    assert!(2 * STOP_WORDS.len() <= STOP_SLOTS);
    let mut table = [0u128; STOP_SLOTS];
    let mut w = 0;
    while w < STOP_WORDS.len() {
        let word = STOP_WORDS[w].as_bytes();
        assert!(!word.is_empty() && word.len() < 16);
        let key = stop_key(word, false);
        let mut slot = stop_slot(key);
        while table[slot] != 0 && table[slot] != key {
            slot = (slot + 1) % STOP_SLOTS;
        }
        table[slot] = key;
        w += 1;
    }
    table
}

static STOP_TABLE: [u128; STOP_SLOTS] = stop_table();

/// Whether `key` (from [`stop_key`]) is a stop word.
#[inline]
fn lookup_stop(key: u128) -> bool {
    let mut slot = stop_slot(key);
    // The table is at most half full, so an empty slot always ends the probe.
    loop {
        match STOP_TABLE.get(slot) {
            Some(&k) if k == key => return true,
            Some(&0) | None => return false,
            Some(_) => slot = (slot + 1) % STOP_SLOTS,
        }
    }
}

/// Sets bit 5 (ASCII lowercase) of the bytes `A`-`Z` among eight ASCII bytes.
#[inline]
fn ascii_lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // No byte is above 0x7f, so none of these sums carries into the next byte.
    let from_a = x + ONES * (0x80 - u64::from(b'A'));
    let past_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    x | ((from_a & !past_z & (ONES * 0x80)) >> 2)
}

/// Longest ASCII stop word, in bytes: an ASCII word and its length fit in one `u64`.
const MAX_ASCII_STOP_LEN: usize = {
    let mut max = 0;
    let mut w = 0;
    while w < STOP_WORDS.len() {
        let word = STOP_WORDS[w].as_bytes();
        let mut ascii = true;
        let mut k = 0;
        while k < word.len() {
            ascii &= word[k] < 0x80;
            k += 1;
        }
        if ascii && word.len() > max {
            max = word.len();
        }
        w += 1;
    }
    assert!(max <= 7);
    max
};

/// Slots of the ASCII stop-word table (a power of two, more than twice the words).
const ASCII_STOP_SLOTS: usize = 1024;

#[inline]
const fn ascii_stop_slot(key: u64) -> usize {
    let h = (key ^ (key >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - ASCII_STOP_SLOTS.trailing_zeros())) as usize
}

/// The ASCII stop words as `u64` keys: bytes little-endian, length in the top byte.
const fn ascii_stop_table() -> [u64; ASCII_STOP_SLOTS] {
    assert!(2 * STOP_WORDS.len() <= ASCII_STOP_SLOTS);
    let mut table = [0u64; ASCII_STOP_SLOTS];
    let mut w = 0;
    while w < STOP_WORDS.len() {
        let word = STOP_WORDS[w].as_bytes();
        let mut key = (word.len() as u64) << 56;
        let mut ascii = word.len() <= MAX_ASCII_STOP_LEN;
        let mut k = 0;
        while k < word.len() && ascii {
            ascii &= word[k] < 0x80;
            key |= (word[k] as u64) << (8 * k);
            k += 1;
        }
        if ascii {
            let mut slot = ascii_stop_slot(key);
            while table[slot] != 0 && table[slot] != key {
                slot = (slot + 1) % ASCII_STOP_SLOTS;
            }
            table[slot] = key;
        }
        w += 1;
    }
    table
}

static ASCII_STOP_TABLE: [u64; ASCII_STOP_SLOTS] = ascii_stop_table();

/// [`is_stop_word`] for the ASCII word `b[start..end]`.
#[inline(always)]
fn is_stop_word_ascii(b: &[u8], start: usize, end: usize) -> bool {
    let word = b.get(start..end).unwrap_or_default();
    let (mut s, mut e) = (0, word.len());
    while s < e && BYTE_FLAGS[word[s] as usize] & flag::PUNCT != 0 {
        s += 1;
    }
    while e > s && BYTE_FLAGS[word[e - 1] as usize] & flag::PUNCT != 0 {
        e -= 1;
    }
    let len = e - s;
    if len == 0 || len > MAX_ASCII_STOP_LEN {
        return false;
    }
    let at = start + s;
    let raw = match b.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        Some(eight) => u64::from_le_bytes(eight),
        None => {
            let mut buf = [0u8; 8];
            for (d, &c) in buf.iter_mut().zip(&word[s..e]) {
                *d = c;
            }
            u64::from_le_bytes(buf)
        }
    };
    // Only the word's bytes (at most 7), lowercased, and its length on top.
    let key = ascii_lower8(raw & (u64::MAX >> (64 - 8 * len))) | ((len as u64) << 56);
    let mut slot = ascii_stop_slot(key);
    // The table is at most half full, so an empty slot always ends the probe.
    loop {
        match ASCII_STOP_TABLE.get(slot) {
            Some(&k) if k == key => return true,
            Some(&0) | None => return false,
            Some(_) => slot = (slot + 1) % ASCII_STOP_SLOTS,
        }
    }
}

/// `char::is_alphanumeric`, with the common caseless punctuation (quotes, dashes,
/// bullets: U+2000-U+206F) answered without a table search.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206f}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `word` (with any surrounding punctuation) is a function word of English or
/// another common language of news text.
pub(crate) fn is_stop_word(word: &str) -> bool {
    // Trim ASCII punctuation cheaply; quotes and other marks need the char version.
    let w = word.trim_matches(|c: char| c.is_ascii_punctuation());
    // Non-ASCII words are matched as written (the list holds them in lowercase).
    let w = if w.is_ascii() {
        w
    } else {
        w.trim_matches(|c: char| !is_alnum(c))
    };
    !w.is_empty() && w.len() <= MAX_STOP_LEN && lookup_stop(stop_key(w.as_bytes(), w.is_ascii()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The straightforward implementation the fast one replaced: char by char, stop
    // words by `match`. The fast one must agree with it on every input.
    /// Statistics of `text`, in one pass over its bytes.
    fn reference_stats(text: &str) -> TextStats {
        let mut st = TextStats::default();
        let b = text.as_bytes();
        let mut i = 0;
        let mut last_significant: Option<char> = None;
        while i < b.len() {
            let w = space_len(b, i);
            if w > 0 {
                i += w;
                continue;
            }
            // One word: from here to the next space.
            let start = i;
            let mut prev_end = false;
            let mut first = true;
            while i < b.len() {
                let byte = b[i];
                let c = if byte < 0x80 {
                    if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                        break;
                    }
                    i += 1;
                    byte as char
                } else {
                    if space_len(b, i) > 0 {
                        break;
                    }
                    let c = text
                        .get(i..)
                        .and_then(|r| r.chars().next())
                        .unwrap_or('\u{fffd}');
                    i += c.len_utf8();
                    c
                };
                if first {
                    first = false;
                    if c.is_uppercase() {
                        st.capitalized += 1;
                    }
                }
                st.chars += 1;
                match c {
                    '.' | '!' | '?' | '…' => prev_end = true,
                    '。' | '！' | '？' => {
                        st.sentences += 1;
                        prev_end = false;
                    }
                    ',' | ';' | '、' | '，' | '；' => {
                        st.commas += 1;
                        prev_end = false;
                    }
                    '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）' | '*' => {
                        continue;
                    }
                    _ => {
                        if c >= '\u{3040}' && is_cjk(c) {
                            st.cjk += 1;
                        }
                        prev_end = false;
                    }
                }
                last_significant = Some(c);
            }
            st.words += 1;
            if i - start <= 16 && reference_is_stop_word(text.get(start..i).unwrap_or_default()) {
                st.stop += 1;
            }
            if prev_end {
                st.sentences += 1;
            }
        }
        st.ends_sentence = matches!(
            last_significant,
            Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | ':' | ';')
        );
        st
    }

    /// Whether `word` (with any surrounding punctuation) is a function word of English or
    /// another common language of news text.
    fn reference_is_stop_word(word: &str) -> bool {
        // Trim ASCII punctuation cheaply; quotes and other marks need the char version.
        let w = word.trim_matches(|c: char| c.is_ascii_punctuation());
        let w = if w.is_ascii() {
            w
        } else {
            w.trim_matches(|c: char| !c.is_alphanumeric())
        };
        if w.is_empty() || w.len() > 12 {
            return false;
        }
        let mut buf = [0u8; 12];
        let lower: &str = if w.is_ascii() {
            for (d, s) in buf.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..w.len()]).unwrap_or(w)
        } else {
            w
        };
        matches!(
            lower,
            // English
            "the" | "of" | "and" | "a" | "to" | "in" | "is" | "was" | "it" | "for" | "on" | "that"
                | "with" | "as" | "at" | "by" | "he" | "she" | "they" | "his" | "her" | "their"
                | "be" | "are" | "were" | "been" | "has" | "have" | "had" | "from" | "this"
                | "which" | "or" | "an" | "but" | "not" | "will" | "would" | "said" | "its"
                | "who" | "we" | "you" | "i" | "there" | "after" | "more" | "one" | "also"
                | "about" | "than" | "when" | "can" | "what" | "all" | "up" | "out" | "so" | "if"
                | "into" | "over" | "other" | "no" | "some" | "could" | "them" | "our" | "may"
                | "these" | "him" | "do" | "did" | "just" | "only" | "while" | "where" | "because"
                | "how" | "those" | "such" | "then" | "should" | "any" | "most" | "says" | "before"
                | "between" | "being" | "both" | "during" | "through" | "under" | "very" | "my"
                | "me" | "your" | "us" | "it's" | "against" | "since" | "though" | "whether"
                | "am" | "does" | "here" | "now" | "many" | "much" | "own" | "same" | "each"
                // Spanish, Portuguese, Italian, French, German
                | "de" | "la" | "el" | "en" | "y" | "que" | "los" | "las" | "del" | "se" | "por"
                | "con" | "una" | "un" | "para" | "es" | "le" | "les" | "des" | "et" | "est"
                | "une" | "du" | "dans" | "pour" | "il" | "che" | "di" | "e" | "per" | "non"
                | "della" | "da" | "o" | "um" | "uma" | "os" | "não" | "com" | "na" | "em"
                | "der" | "die" | "das" | "und" | "ist" | "nicht" | "ein" | "eine" | "zu" | "mit"
                | "sich" | "auf" | "für" | "von" | "mais" | "como" | "sua" | "seu" | "nos" | "ao"
                | "às" | "pelo" | "pela" | "foi" | "são" | "mas" | "ha" | "sono" | "anche" | "nel"
                | "alla" | "gli" | "lo" | "al" | "sur" | "qui" | "pas" | "au" | "aux" | "ce"
                | "den" | "dem" | "im" | "auch" | "wird" | "sie" | "er" | "werden"
                // Russian
                | "и" | "в" | "не" | "на" | "что" | "с" | "по" | "это" | "как" | "а" | "к" | "из"
                | "у" | "за" | "о" | "от" | "он" | "она" | "они" | "его" | "но" | "же" | "так"
                | "было" | "был" | "для" | "до" | "при" | "их" | "ее" | "её" | "также" | "бы"
                | "уже" | "или" | "если" | "то" | "все" | "этом" | "том"
        )
    }

    #[test]
    fn stop_words_are_found_whatever_their_case_and_punctuation() {
        for w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
            assert!(reference_is_stop_word(w), "{w}");
        }
        assert!(is_stop_word("The"));
        assert!(is_stop_word("“The”"));
        assert!(is_stop_word("(and,"));
        assert!(is_stop_word("für."));
        assert!(
            !is_stop_word("Für"),
            "non-ASCII words are matched as written"
        );
        assert!(!is_stop_word("theater"));
        assert!(!is_stop_word("the\0"));
        assert!(!is_stop_word(""));
        assert!(!is_stop_word("..."));
    }

    fn newsy_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("the".to_owned()),
            Just("The".to_owned()),
            Just("für".to_owned()),
            Just("Не".to_owned()),
            Just("что".to_owned()),
            Just("“Soon,”".to_owned()),
            Just("(and)".to_owned()),
            Just("東京都は発表した。".to_owned()),
            Just("…".to_owned()),
            "[ \t\n\r\u{0c}\u{a0}\u{85}\u{2009}\u{3000}\u{202f}]{1,3}",
            "[a-zA-Z.,;:!?'\"()*\\[\\]-]{1,8}",
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn fast_stats_match_the_reference(text in newsy_text()) {
            prop_assert_eq!(stats(&text), reference_stats(&text));
        }

        #[test]
        fn fast_stop_words_match_the_reference(word in "[a-zA-Zéü.,()“”-]{0,14}") {
            prop_assert_eq!(is_stop_word(&word), reference_is_stop_word(&word));
        }
    }

    #[test]
    fn counts_prose() {
        let st =
            stats("The mayor said the bridge, closed since May, would reopen. “Soon,” she added.");
        assert_eq!(st.words, 13);
        assert_eq!(st.sentences, 2);
        assert_eq!(st.commas, 3);
        assert!(st.ends_sentence);
        assert!(st.stop >= 4);
    }

    #[test]
    fn menu_is_not_prose() {
        let st = stats("Home World Business Sport");
        assert_eq!(st.stop, 0);
        assert_eq!(st.sentences, 0);
        assert!(!st.ends_sentence);
        assert_eq!(st.capitalized, 4);
    }

    #[test]
    fn cjk_weight() {
        let st = stats("東京都は新しい計画を発表した。");
        assert_eq!(st.words, 1);
        assert!(st.cjk >= 12);
        assert_eq!(st.sentences, 1);
        assert!(st.weight() > 40.0);
    }
}
