//! The anchor scanner: the only code that looks at every byte of the text, so it is
//! written to do as little as possible per byte.
//!
//! The text is read 64 bytes at a time as bit masks (SSE2 compares on x86_64), so
//! only the first letter of each word and the digits, `$` and non-ASCII characters are
//! visited. Digits, `$` and the few non-ASCII currency signs and fractions are anchors
//! at once. A run of ASCII letters is a word: the scanner jumps to its end, and only a word whose first two letters begin some
//! number word (a 1 KB bit table) and whose length fits gets a lexicon lookup. Most
//! words are turned away by those two loads. (An Aho-Corasick automaton over the same
//! words cost about 20 instructions a byte; this loop costs a few.)

use std::sync::OnceLock;

use crate::chars::{alnum_len_at, char_at, is_alpha};
use crate::lexicon::{self, F_ANCHOR};
use crate::token;

#[cfg(any(test, not(target_arch = "x86_64")))]
const OTHER: u8 = 0;
#[cfg(any(test, not(target_arch = "x86_64")))]
const DIGIT: u8 = 1;
#[cfg(any(test, not(target_arch = "x86_64")))]
const LETTER: u8 = 2;
#[cfg(any(test, not(target_arch = "x86_64")))]
const DOLLAR: u8 = 3;
#[cfg(any(test, not(target_arch = "x86_64")))]
const HIGH: u8 = 4;

/// The class of each byte.
#[cfg(any(test, not(target_arch = "x86_64")))]
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
///
/// The text is read 64 bytes at a time as two bit masks (ASCII letters; digits, `$`
/// and non-ASCII bytes), so the bytes between events cost nothing one by one: only a
/// word's first letter and the special bytes are visited. A letter at `pos` starts a
/// word whatever precedes it, as callers resume right after a parsed number.
pub(crate) fn next_anchor(text: &str, mut pos: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let pairs = bigrams();
    let table = starts();
    let shapes = shapes();
    let first = pos;
    'blocks: while pos < bytes.len() {
        let (letters, special) = block_masks(bytes, pos);
        // A letter right after the previous block's last letter continues its word
        // (only the caller's own starting point begins a word wherever it is).
        let carry = u64::from(
            pos != first
                && bytes
                    .get(pos.wrapping_sub(1))
                    .is_some_and(u8::is_ascii_alphabetic),
        );
        let mut events = (letters & !((letters << 1) | carry)) | special;
        while events != 0 {
            let i = events.trailing_zeros() as usize;
            let at = pos + i;
            let b = *bytes.get(at)?;
            if special >> i & 1 == 1 {
                if b < 0x80 {
                    // A digit or `$`.
                    return Some((at, at + 1));
                }
                if b < 0xC0 {
                    // Never reached from a char boundary; step over a stray
                    // continuation byte rather than decode it.
                    events &= events - 1;
                    continue;
                }
                let (c, len) = char_at(bytes, at)?;
                let end = at + len;
                if token::is_sym(c) || c == 'ர' {
                    return Some((at, end));
                }
                pos = end;
                if is_alpha(c) {
                    // Skip the whole non-ASCII word so its ASCII tail is not read as
                    // a word.
                    while let Some(len) = alnum_len_at(bytes, pos) {
                        pos += len;
                    }
                }
                continue 'blocks;
            }
            // A word starts at `at`. Most words' first two letters begin no number
            // word: they are passed over without finding where they end.
            let second = bytes.get(at + 1).map_or(0, |&c| c | 0x20);
            if !(second.is_ascii_lowercase() && pairs[usize::from(b)] & (1 << (second - b'a')) != 0)
            {
                events &= events - 1;
                continue;
            }
            // Its end is the next non-letter, in this block or, for a word running
            // over the block's end, found byte by byte.
            let run = ((!letters) >> i).trailing_zeros() as usize;
            let mut end = at + run.min(64 - i);
            if run >= 64 - i {
                while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end += 1;
                }
            }
            let len = end - at;
            if (3..=12).contains(&len) {
                let set = table[usize::from(b)][len - 3];
                if set & (1 << (second - b'a')) != 0 {
                    let h = shape_hash(bytes, at, end);
                    if shapes[h >> 6] & (1 << (h & 63)) != 0
                        && let Some(anchor_end) = word_anchor(text, at, end)
                    {
                        return Some((at, anchor_end));
                    }
                }
            }
            if end - pos >= 64 {
                pos = end;
                continue 'blocks;
            }
            events &= !0u64 << (end - pos);
        }
        pos += 64;
    }
    None
}

/// The 64 bytes from `pos` (zeros past the text's end) as two masks, bit `i` for
/// byte `pos + i`: ASCII letters, and the bytes that are anchors or may begin one
/// (digits, `$`, every byte of a non-ASCII character).
fn block_masks(bytes: &[u8], pos: usize) -> (u64, u64) {
    let rest = bytes.get(pos..).unwrap_or_default();
    match rest.first_chunk::<64>() {
        Some(block) => masks64(block),
        None => {
            let mut padded = [0u8; 64];
            padded[..rest.len()].copy_from_slice(rest);
            masks64(&padded)
        }
    }
}

#[cfg(target_arch = "x86_64")]
fn masks64(block: &[u8; 64]) -> (u64, u64) {
    // SAFETY: SSE2 is part of every x86_64 target.
    unsafe { masks64_sse2(block) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn masks64_sse2(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    let mut letters = 0u64;
    let mut special = 0u64;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: `chunk` is 16 readable bytes and the load has no alignment
        // requirement; SSE2 is part of every x86_64 target.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) };
        // Unsigned range tests through signed compares: `x + (128 - lo)` is below
        // `-128 + width` exactly when `lo <= x < lo + width`.
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let letter = _mm_cmplt_epi8(
            _mm_add_epi8(folded, _mm_set1_epi8(128u8.wrapping_sub(b'a') as i8)),
            _mm_set1_epi8(-128 + 26),
        );
        let digit = _mm_cmplt_epi8(
            _mm_add_epi8(v, _mm_set1_epi8(128u8.wrapping_sub(b'0') as i8)),
            _mm_set1_epi8(-128 + 10),
        );
        let anchor = _mm_or_si128(
            _mm_or_si128(digit, _mm_cmpeq_epi8(v, _mm_set1_epi8(b'$' as i8))),
            v,
        );
        let shift = 16 * k;
        letters |= u64::from(_mm_movemask_epi8(letter) as u16) << shift;
        special |= u64::from(_mm_movemask_epi8(anchor) as u16) << shift;
    }
    (letters, special)
}

#[cfg(not(target_arch = "x86_64"))]
fn masks64(block: &[u8; 64]) -> (u64, u64) {
    let mut letters = 0u64;
    let mut special = 0u64;
    for (i, &b) in block.iter().enumerate() {
        match CLASS[usize::from(b)] {
            LETTER => letters |= 1 << i,
            DIGIT | DOLLAR | HIGH => special |= 1 << i,
            _ => {}
        }
    }
    (letters, special)
}

/// The byte-at-a-time scanner the block scanner replaced, kept as its test oracle.
#[cfg(test)]
fn next_anchor_bytewise(text: &str, mut pos: usize) -> Option<(usize, usize)> {
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

    proptest::proptest! {
        /// The block scanner finds exactly what the byte-at-a-time one finds, from any
        /// starting point, on text mixing number words, digits, currency signs,
        /// accented words and long letter runs that cross the 64-byte blocks.
        #[test]
        fn block_scan_matches_bytewise(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                " ", "  ", "\n\n", "the ", "Twenty", "five", "per cent", "per", "cent",
                "thousands", "1,500", "7", "$", "€", "£", "½", "ர", "Zürich", "éone", "’",
                "“", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop",
                "fifteen", "seventy-two", "x", "Hundred", "-", ".", "tenfold", "two2",
            ]), 0..60),
            skip in 0usize..40,
        ) {
            let text: String = pieces.concat();
            let mut start = skip.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut fast = Vec::new();
            let mut pos = start;
            while let Some((s, e)) = next_anchor(&text, pos) {
                fast.push((s, e));
                pos = e;
            }
            let mut slow = Vec::new();
            let mut pos = start;
            while let Some((s, e)) = next_anchor_bytewise(&text, pos) {
                slow.push((s, e));
                pos = e;
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn skips_words_glued_to_digits_or_letters_outside_ascii() {
        assert_eq!(anchors("tenfold ones two2 éone oneé"), ["2"]);
        assert_eq!(anchors("Zürich7"), Vec::<&str>::new());
    }
}
