//! The anchor scanner: the only code that looks at every byte of the text, so it is
//! written to do as little as possible per byte.
//!
//! Bytes are sorted by a 256-entry class table. Digits, `$` and the few non-ASCII
//! currency signs and fractions are anchors at once. A run of ASCII letters is a word:
//! the scanner jumps to its end, and only a word whose first two letters begin some
//! number word (a 1 KB bit table) and whose length fits gets a lexicon lookup. Most
//! words are turned away by those two loads. (An Aho-Corasick automaton over the same
//! words cost about 20 instructions a byte; this loop costs a few.)

use std::sync::OnceLock;

use crate::chars::{alnum_len_at, char_at, is_alpha};
use crate::lexicon::{self, F_ANCHOR};
use crate::token;

const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const DOLLAR: u8 = 3;
const HIGH: u8 = 4;

/// The class of each byte.
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c == b'$' {
            DOLLAR
        } else if c >= 0x80 {
            HIGH
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// For each first byte (either case), the set of lower-case second letters that follow
/// it in some anchor word, as a bit set over `a..=z`.
fn bigrams() -> &'static [u32; 256] {
    static TABLE: OnceLock<[u32; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for w in lexicon::ANCHOR_WORDS {
            let b = w.as_bytes();
            if let (Some(&a), Some(&c)) = (b.first(), b.get(1))
                && a.is_ascii_lowercase()
                && c.is_ascii_lowercase()
            {
                let bit = 1 << (c - b'a');
                t[usize::from(a)] |= bit;
                t[usize::from(a.to_ascii_uppercase())] |= bit;
            }
        }
        t
    })
}

/// For each first byte (either case) and word length 3 to 12, the set of lower-case
/// second letters of the words that can be anchors: the number words, `percent`,
/// `scores` and `per`, less those whose first two letters the [`bigrams`] table (built
/// from [`lexicon::ANCHOR_WORDS`]) turns away. Testing length and first letters at once
/// turns away `the`, `this`, `fox` that a test of the first two letters lets through.
fn starts() -> &'static [[u32; 10]; 256] {
    static TABLE: OnceLock<[[u32; 10]; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let pairs = bigrams();
        let mut t = [[0u32; 10]; 256];
        for w in lexicon::anchor_words().chain(std::iter::once("per")) {
            let b = w.as_bytes();
            let (Some(&a), Some(&c)) = (b.first(), b.get(1)) else {
                continue;
            };
            if !(3..=12).contains(&b.len()) || !c.is_ascii_lowercase() {
                continue;
            }
            let bit = 1 << (c - b'a');
            if pairs[usize::from(a)] & bit == 0 {
                continue;
            }
            for first in [a, a.to_ascii_uppercase()] {
                t[usize::from(first)][b.len() - 3] |= bit;
            }
        }
        t
    })
}

/// A Bloom filter over the anchor words (and `per`) keyed on their length and first,
/// second, third and last letters: it turns away `the`, `there`, `those` and the other
/// common words that share two first letters with a number word, before the lookup.
fn shapes() -> &'static [u64; 1024] {
    static TABLE: OnceLock<[u64; 1024]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u64; 1024];
        let words = lexicon::anchor_words().chain(std::iter::once("per"));
        for w in words {
            let b = w.as_bytes();
            if (3..=12).contains(&b.len()) {
                let h = shape_hash(b, 0, b.len());
                t[h >> 6] |= 1 << (h & 63);
            }
        }
        t
    })
}

/// The filter's bit for the word `start..end` of `bytes` (at least three letters).
fn shape_hash(bytes: &[u8], start: usize, end: usize) -> usize {
    let at = |i: usize| u64::from(bytes.get(i).map_or(0, |&b| b | 0x20));
    let x = at(start)
        | at(start + 1) << 8
        | at(start + 2) << 16
        | at(end.wrapping_sub(1)) << 24
        | ((end - start) as u64) << 32;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
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
                    .is_some_and(is_alpha)
    });
    let before = start > 0
        && bytes.get(start - 1).is_some_and(|&c| c >= 0x80)
        && text
            .get(..start)
            .and_then(|s| s.chars().next_back())
            .is_some_and(is_alpha);
    after || before
}

/// The ASCII word `start..end` (3 to 12 letters, first two letters checked) as an
/// anchor: a number word, `percent`, `scores`, or `per cent`. Returns the anchor's end.
#[cold]
fn word_anchor(text: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if glued(text, start, end) {
        return None;
    }
    let word = bytes.get(start..end)?;
    let lex = lexicon::letters_key(bytes, start, end).map(lexicon::lex_key)?;
    if lex.has(F_ANCHOR) {
        return Some(end);
    }
    if word.eq_ignore_ascii_case(b"per")
        && bytes.get(end) == Some(&b' ')
        && bytes
            .get(end + 1..end + 5)
            .is_some_and(|c| c.eq_ignore_ascii_case(b"cent"))
        && !bytes.get(end + 5).is_some_and(u8::is_ascii_alphanumeric)
    {
        return Some(end + 5);
    }
    None
}

/// The next anchor at or after `pos`: a digit, a number word, `per cent`, or a
/// currency sign or fraction character. Returns its byte range.
pub(crate) fn next_anchor(text: &str, mut pos: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let table = starts();
    while let Some(&b) = bytes.get(pos) {
        // Tests in order of frequency (an `if` chain costs less here than a jump table).
        let class = CLASS[usize::from(b)];
        if class == OTHER {
            pos += 1;
            continue;
        }
        if class == LETTER {
            let start = pos;
            pos += 1;
            while let Some(&c) = bytes.get(pos) {
                if CLASS[usize::from(c)] != LETTER {
                    break;
                }
                pos += 1;
            }
            let len = pos - start;
            if (3..=12).contains(&len) {
                let second = bytes.get(start + 1).map_or(0, |&c| c | 0x20);
                let set = table[usize::from(b)][len - 3];
                if second.is_ascii_lowercase() && set & (1 << (second - b'a')) != 0 {
                    let h = shape_hash(bytes, start, pos);
                    if shapes()[h >> 6] & (1 << (h & 63)) != 0
                        && let Some(end) = word_anchor(text, start, pos)
                    {
                        return Some((start, end));
                    }
                }
            }
            continue;
        }
        if class != HIGH {
            // A digit or `$`.
            return Some((pos, pos + 1));
        }
        if b < 0xC0 {
            // Never reached from a char boundary; step over a stray continuation
            // byte rather than decode it.
            pos += 1;
            continue;
        }
        let (c, len) = char_at(bytes, pos)?;
        let end = pos + len;
        if token::is_sym(c) || c == 'ர' {
            return Some((pos, end));
        }
        pos = end;
        if is_alpha(c) {
            // Skip the whole non-ASCII word so its ASCII tail is not read as a word.
            while let Some(len) = alnum_len_at(bytes, pos) {
                pos += len;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((s, e)) = next_anchor(text, pos) {
            out.push(&text[s..e]);
            pos = e;
        }
        out
    }

    #[test]
    fn finds_digits_words_signs_and_per_cent() {
        assert_eq!(
            anchors("Some Forty firms paid $5, up two per cent, and €3 by the fifth."),
            ["Forty", "$", "5", "two", "per cent", "€", "3", "fifth"]
        );
    }

    #[test]
    fn skips_words_glued_to_digits_or_letters_outside_ascii() {
        assert_eq!(anchors("tenfold ones two2 éone oneé"), ["2"]);
        assert_eq!(anchors("Zürich7"), Vec::<&str>::new());
    }
}
