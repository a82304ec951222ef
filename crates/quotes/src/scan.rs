//! One pass over the words of a document: cue phrases, runs of capitalized words
//! (the candidate names), and how many words of a paragraph are capitalized (a
//! headline in title case names nobody reliably).
//!
//! The pass is a byte loop driven by a class table; a word costs a few operations
//! unless it is capitalized or passes the cue filter, so the whole text is read once
//! at a small cost and no later step has to search it again.

use crate::lexicon::{CueForm, CueStart, Lexicon};
use crate::text::{has_avx2, is_alphanumeric};

/// The run opens its sentence.
pub(crate) const INITIAL: u8 = 1;
/// The run lies inside a quotation.
pub(crate) const IN_QUOTE: u8 = 2;
/// The run's last word is possessive (`Putin's`); the run ends before the `'s`.
pub(crate) const POSSESSIVE: u8 = 4;
/// The run lies in a paragraph written in title case (a headline).
pub(crate) const HEADLINE: u8 = 8;
/// A cue verb stands right next to the run (`Putin said`, `said Putin`).
pub(crate) const NEXT_TO_CUE: u8 = 16;

/// A run of capitalized words (with name particles and initials inside it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    /// First byte.
    pub start: u32,
    /// End of the last word (before a possessive ending).
    pub end: u32,
    /// Start of the last word.
    pub last_start: u32,
    /// Number of words (saturating).
    pub words: u8,
    /// [`INITIAL`], [`IN_QUOTE`], [`POSSESSIVE`], [`HEADLINE`], [`NEXT_TO_CUE`].
    pub flags: u8,
}

impl Run {
    /// The run's span as `usize` offsets.
    pub fn span(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }

    /// The last word of the run (the surname of a person's name).
    pub fn last_word<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.last_start as usize..self.end as usize)
            .unwrap_or("")
    }
}

const OTHER: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const JOINER: u8 = 3;
const HIGH: u8 = 4;

/// Byte classes: ASCII letters and digits, the connectors that stay inside a word
/// when a letter or digit follows (`U.S.`, `O'Brien`, `Ki-moon`), non-ASCII bytes.
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            LOWER
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b == b'-' || b == b'.' || b == b'\'' || b == b'/' || b == b'&' {
            JOINER
        } else if b >= 0x80 {
            HIGH
        } else {
            OTHER
        };
        i += 1;
    }
    t
};

/// The character at byte `i` (on a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether a word character (letter or digit) starts at byte `i`.
#[inline]
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_some_and(|(c, _)| is_alphanumeric(c)),
        None => false,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `v` that is an ASCII letter or digit (eight bytes
/// tested at once; no carry crosses a byte because only seven bits are added to).
#[inline]
pub(crate) fn alnum_mask(v: u64) -> u64 {
    let low7 = v & !HIGH_BITS;
    let folded = low7 | (0x20 * ONES);
    let letter = (folded + (0x80 - 0x61) * ONES) & !(folded + (0x7F - 0x7A) * ONES);
    let digit = (low7 + (0x80 - 0x30) * ONES) & !(low7 + (0x7F - 0x39) * ONES);
    (letter | digit) & !v & HIGH_BITS
}

/// Eight bytes from `i` as a little-endian word, or `None` near the end.
#[inline]
pub(crate) fn load8(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk: &[u8; 8] = bytes.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(*chunk))
}

/// Four bytes from `i` as a little-endian word, or `None` near the end.
#[inline]
fn load4(bytes: &[u8], i: usize) -> Option<u32> {
    let chunk: &[u8; 4] = bytes.get(i..i.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(*chunk))
}

/// Bytes scanned at once by [`byte_masks`]: a gap is some hundred bytes long, so
/// most are read in one or two steps.
const CHUNK: usize = 64;

/// The low `n` bits set (`n` at most 64).
#[inline]
fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// For the bytes `bytes[i..end]` (at most [`CHUNK`] of them): a bit per byte that is
/// a space or `0xA0` (the last byte of a no-break space), a bit per ASCII capital (or,
/// with `LETTERS`, per ASCII letter of either case), and how many bytes were read.
/// Sixteen bytes are classified by a few vector instructions; lowercase words, digits
/// and punctuation cost nothing more.
///
/// With `avx2` (passed only when the CPU has it) a full block is two vector loads
/// instead of four.
#[inline(always)]
fn byte_masks<const LETTERS: bool>(
    bytes: &[u8],
    i: usize,
    end: usize,
    avx2: bool,
) -> (u64, u64, usize) {
    let n = end.saturating_sub(i).min(CHUNK);
    let valid = low_bits(n);
    #[cfg(not(target_arch = "x86_64"))]
    let _ = avx2;
    #[cfg(target_arch = "x86_64")]
    {
        if n <= 16
            && let Some(chunk) = bytes
                .get(i..i.saturating_add(16))
                .and_then(|c| <&[u8; 16]>::try_from(c).ok())
        {
            let (spaces, upper) = sse2::masks::<LETTERS>(chunk);
            return (u64::from(spaces) & valid, u64::from(upper) & valid, n);
        }
        if let Some(chunk) = bytes
            .get(i..i.saturating_add(CHUNK))
            .and_then(|c| <&[u8; CHUNK]>::try_from(c).ok())
        {
            if avx2 {
                // SAFETY: `avx2` is true only when the CPU supports AVX2 (`has_avx2`).
                let (spaces, upper) = unsafe { x86_avx2::masks::<LETTERS>(chunk) };
                return (spaces & valid, upper & valid, n);
            }
            let (mut spaces, mut upper) = (0u64, 0u64);
            for (k, part) in chunk.chunks_exact(16).enumerate() {
                if let Ok(part) = <&[u8; 16]>::try_from(part) {
                    let (s, u) = sse2::masks::<LETTERS>(part);
                    spaces |= u64::from(s) << (16 * k);
                    upper |= u64::from(u) << (16 * k);
                }
            }
            return (spaces & valid, upper & valid, n);
        }
    }
    byte_masks_scalar::<LETTERS>(bytes, i, n)
}

/// [`byte_masks`] of the `n` bytes from `i`, a byte at a time: the end of the text,
/// other targets, and the reference the vector code is tested against.
fn byte_masks_scalar<const LETTERS: bool>(bytes: &[u8], i: usize, n: usize) -> (u64, u64, usize) {
    let (mut spaces, mut upper) = (0u64, 0u64);
    for (k, &b) in bytes.get(i..i + n).unwrap_or_default().iter().enumerate() {
        spaces |= u64::from(b == b' ' || b == 0xA0) << k;
        let class = if LETTERS {
            b.is_ascii_alphabetic()
        } else {
            b.is_ascii_uppercase()
        };
        upper |= u64::from(class) << k;
    }
    (spaces, upper, n)
}

#[cfg(target_arch = "x86_64")]
mod x86_avx2 {
    use super::WordScan;
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8, _mm256_sub_epi8,
    };

    /// [`WordScan::gap`] compiled with AVX2: the masks of each block cost no call.
    #[target_feature(enable = "avx2")]
    pub(super) fn gap(
        scan: &mut WordScan<'_>,
        start: usize,
        end: usize,
        breaks: &[usize],
        find_runs: bool,
        find_cues: bool,
    ) {
        match (find_runs, find_cues) {
            (true, true) => scan.gap_with::<true, true>(start, end, breaks, true),
            (true, false) => scan.gap_with::<true, false>(start, end, breaks, true),
            (false, true) => scan.gap_with::<false, true>(start, end, breaks, true),
            (false, false) => scan.gap_with::<false, false>(start, end, breaks, true),
        }
    }

    /// [`WordScan::quotation`] compiled with AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) fn quotation(scan: &mut WordScan<'_>, start: usize, end: usize) {
        scan.quotation_with(start, end, true);
    }

    /// The space and capital (with `LETTERS`, letter) masks of a 64-byte block, as
    /// `super::sse2::masks` gives them for each sixteen bytes.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub(super) fn masks<const LETTERS: bool>(block: &[u8; 64]) -> (u64, u64) {
        let half = |v: __m256i| {
            let spaces = _mm256_or_si256(
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b' ' as i8)),
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0xA0u8 as i8)),
            );
            let shifted = if LETTERS {
                _mm256_sub_epi8(
                    _mm256_or_si256(v, _mm256_set1_epi8(0x20)),
                    _mm256_set1_epi8(b'a' as i8),
                )
            } else {
                _mm256_sub_epi8(v, _mm256_set1_epi8(b'A' as i8))
            };
            let upper = _mm256_cmpeq_epi8(_mm256_min_epu8(shifted, _mm256_set1_epi8(25)), shifted);
            (
                u64::from(_mm256_movemask_epi8(spaces) as u32),
                u64::from(_mm256_movemask_epi8(upper) as u32),
            )
        };
        // SAFETY: the loads read the two halves of `block`, in bounds (unaligned loads
        // are allowed); AVX2 is enabled on this function.
        let (lo, hi) = unsafe {
            (
                _mm256_loadu_si256(block.as_ptr().cast()),
                _mm256_loadu_si256(block.as_ptr().add(32).cast()),
            )
        };
        let ((s0, u0), (s1, u1)) = (half(lo), half(hi));
        (s0 | (s1 << 32), u0 | (u1 << 32))
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };

    /// Space and capital-letter (with `LETTERS`, letter) masks of sixteen bytes (see
    /// `byte_masks`).
    #[inline]
    pub(super) fn masks<const LETTERS: bool>(chunk: &[u8; 16]) -> (u32, u32) {
        // SAFETY: SSE2 is part of the x86_64 baseline, and the load reads exactly the
        // sixteen bytes of `chunk` (unaligned loads are allowed).
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            let spaces = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(0xA0u8 as i8)),
            );
            // `b - 'A'` is at most 25 (unsigned) exactly for the capitals; setting bit
            // 5 first maps the capitals onto the lowercase letters (and no other byte
            // onto them), so `(b | 0x20) - 'a'` is at most 25 exactly for the letters.
            let shifted = if LETTERS {
                _mm_sub_epi8(
                    _mm_or_si128(v, _mm_set1_epi8(0x20)),
                    _mm_set1_epi8(b'a' as i8),
                )
            } else {
                _mm_sub_epi8(v, _mm_set1_epi8(b'A' as i8))
            };
            let upper = _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(25)), shifted);
            (
                _mm_movemask_epi8(spaces) as u32,
                _mm_movemask_epi8(upper) as u32,
            )
        }
    }
}

/// The end of the word starting at byte `i` (a letter or digit), no further than
/// `end`: letters and digits, with `.`, `'`, `’`, `-`, `/`, `&` inside when a letter or
/// digit follows them.
#[inline(always)]
fn word_end(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    loop {
        // Eight bytes at a time while they are ASCII letters and digits.
        while let Some(word) = load8(bytes, i).filter(|_| i + 8 <= end) {
            let stop = !alnum_mask(word) & HIGH_BITS;
            if stop != 0 {
                i += (stop.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        // Most words end at a space, which nothing below would go past.
        if i < end && bytes[i] == b' ' {
            return i;
        }
        while i < end && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= end {
            return end;
        }
        match CLASS[usize::from(bytes[i])] {
            JOINER if i + 1 < end && alnum_at(text, i + 1) => i += 1,
            HIGH => match char_at(text, i) {
                Some((c, len)) if is_alphanumeric(c) => i += len,
                // `’` inside a word: `Ukraine’s`.
                Some(('’', len)) if i + len < end && alnum_at(text, i + len) => i += len,
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// Where the sentence of the words read by one [`WordScan::gap`] starts, and how far
/// from there the text is known to hold no letter or digit: the words of a gap are
/// read in order, so each byte is looked at once, however many capitalized words
/// the sentence holds.
struct SentenceStart {
    /// Index in the breaks of the last sentence start at or before the word.
    next_break: usize,
    /// No letter or digit lies between the break and this offset (`usize::MAX`:
    /// nothing looked at yet).
    clean_to: usize,
    /// The first letter or digit at or after the break, once found.
    first_alnum: usize,
}

impl SentenceStart {
    /// The state for a gap starting at `start`, nothing looked at yet.
    #[inline]
    fn at_gap(breaks: &[usize], start: usize) -> Self {
        SentenceStart {
            next_break: breaks.partition_point(|&b| b <= start).saturating_sub(1),
            clean_to: usize::MAX,
            first_alnum: usize::MAX,
        }
    }

    /// Whether only punctuation stands between the start of the sentence and the
    /// word starting at `ws` (at or after every word asked about before).
    #[inline]
    fn opens(&mut self, text: &str, breaks: &[usize], ws: usize) -> bool {
        while breaks.get(self.next_break + 1).is_some_and(|&b| b <= ws) {
            self.next_break += 1;
            self.clean_to = usize::MAX;
            self.first_alnum = usize::MAX;
        }
        let Some(&b) = breaks.get(self.next_break) else {
            return false;
        };
        if b > ws || !text.is_char_boundary(b) || !text.is_char_boundary(ws) {
            return false;
        }
        if self.first_alnum == usize::MAX {
            let from = if self.clean_to == usize::MAX {
                b
            } else {
                self.clean_to
            };
            let bytes = text.as_bytes();
            match bytes
                .get(from..ws)
                .unwrap_or_default()
                .iter()
                .position(u8::is_ascii_alphanumeric)
            {
                Some(k) => self.first_alnum = from + k,
                None => self.clean_to = ws.max(from),
            }
        }
        self.first_alnum >= ws
    }
}

/// The state of the pass over one document.
pub(crate) struct WordScan<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    /// Capitalized runs found so far, in text order.
    pub runs: &'a mut Vec<Run>,
    /// Cues found so far, in text order: start, end, form.
    pub cues: &'a mut Vec<(usize, usize, CueForm)>,
    open: Option<Run>,
    /// End of the last cue (words inside a cue phrase start no other cue).
    last_cue_end: usize,
    /// Words and capitalized words of the current paragraph.
    words: u32,
    capitalized: u32,
    /// Index in `runs` of the current paragraph's first run.
    para_runs: usize,
}

impl<'a> WordScan<'a> {
    /// Starts a pass that appends to `runs` and `cues`.
    pub fn new(
        text: &'a str,
        lex: &'a Lexicon,
        runs: &'a mut Vec<Run>,
        cues: &'a mut Vec<(usize, usize, CueForm)>,
    ) -> Self {
        let para_runs = runs.len();
        WordScan {
            text,
            lex,
            runs,
            cues,
            open: None,
            last_cue_end: 0,
            words: 0,
            capitalized: 0,
            para_runs,
        }
    }

    /// Reads `text[start..end]`, text outside quotations: runs, and cues when
    /// `find_cues`. `breaks` are the sentence starts (sorted); a word with only
    /// punctuation between it and a break opens its sentence.
    ///
    /// Sixty-four bytes are tested at once for the two kinds of words worth reading:
    /// capitalized words (names), and, for cues, words after a space whose first
    /// letters start some cue. Every other word costs nothing.
    #[inline(always)]
    pub fn gap(
        &mut self,
        start: usize,
        end: usize,
        breaks: &[usize],
        find_runs: bool,
        find_cues: bool,
    ) {
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            // SAFETY: `has_avx2` says the CPU has AVX2.
            unsafe { x86_avx2::gap(self, start, end, breaks, find_runs, find_cues) };
            return;
        }
        match (find_runs, find_cues) {
            (true, true) => self.gap_with::<true, true>(start, end, breaks, false),
            (true, false) => self.gap_with::<true, false>(start, end, breaks, false),
            (false, true) => self.gap_with::<false, true>(start, end, breaks, false),
            (false, false) => self.gap_with::<false, false>(start, end, breaks, false),
        }
    }

    /// [`WordScan::gap`], compiled for each pair of passes; `avx2` is passed only
    /// when the CPU has it (inlined into a copy compiled with AVX2).
    #[inline(always)]
    fn gap_with<const RUNS: bool, const CUES: bool>(
        &mut self,
        start: usize,
        end: usize,
        breaks: &[usize],
        avx2: bool,
    ) {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        if start >= end {
            return;
        }
        let mut sentence = SentenceStart::at_gap(breaks, start);
        // The gap's first word may follow a quotation mark or a bracket, not a space.
        let mut resume = start;
        if let Some(ws) = (start..end.min(start + 8)).find(|&k| bytes[k].is_ascii_alphabetic())
            && (ws == start || !alnum_at(text, ws - 1))
        {
            resume = self.word_at::<RUNS, CUES>(ws, end, breaks, &mut sentence, false);
        }
        // A word the cue filter let through its first test only is no cue, but a
        // later word start inside it (after the 0xA0 byte of a letter like `à`) must
        // still be skipped as if it had been read: its end is found only then.
        let mut unread: Option<usize> = None;
        let mut space_before = false;
        let mut i = start;
        while i < end {
            // A word after a space or a no-break space (`\u{a0}` ends in 0xA0).
            // Read for cues alone, the second mask holds the letters: a word whose
            // first three bytes are not all ASCII letters starts no cue (the first
            // test of `Lexicon::cue_start`), and is passed over here with no call.
            let (spaces, upper, n) = if CUES && !RUNS {
                byte_masks::<true>(bytes, i, end, avx2)
            } else {
                byte_masks::<false>(bytes, i, end, avx2)
            };
            let after_space = ((spaces << 1) | u64::from(space_before)) & low_bits(n);
            space_before = spaces >> (CHUNK - 1) != 0;
            if RUNS {
                self.words += after_space.count_ones();
            }
            let mut hits = match (RUNS, CUES) {
                (true, true) => upper | after_space,
                (true, false) => upper,
                // `upper` holds the letters (see above). The last two bytes of a full
                // block have letters after them that this block does not show: their
                // words are left to the full test. Words near the end of the gap
                // have fewer than three bytes before it and start no cue.
                (false, true) => {
                    after_space & ((upper & (upper >> 1) & (upper >> 2)) | (0b11 << 62))
                }
                (false, false) => after_space,
            };
            let base = i;
            // A full block, whose words' first four bytes are read from it (no bound
            // to check beyond the block's own).
            let full: Option<&[u8; CHUNK]> = if CUES && !RUNS && n == CHUNK {
                bytes
                    .get(base..base + CHUNK)
                    .and_then(|c| <&[u8; CHUNK]>::try_from(c).ok())
            } else {
                None
            };
            i += n;
            while hits != 0 {
                let ws = base + hits.trailing_zeros() as usize;
                hits &= hits - 1;
                if let Some(u) = unread.take()
                    && bytes.get(ws.wrapping_sub(1)) != Some(&b' ')
                {
                    // A space after `u` would have ended its word before `ws`.
                    resume = word_end(text, u, end);
                }
                if ws < resume {
                    continue;
                }
                let Some(&b0) = bytes.get(ws) else { break };
                // Whether the cue filters have said `Maybe` of the word.
                let cue_checked = !(RUNS && b0.is_ascii_uppercase());
                if !cue_checked {
                    if ws > start && alnum_at(text, ws - 1) {
                        continue;
                    }
                } else if !CUES {
                    continue;
                } else {
                    // Read for cues alone, a word starting up to the block's 61st byte
                    // has its first three bytes and whether its fourth is a letter
                    // (inside the gap) in the letter mask.
                    let k = ws - base;
                    let first4 = match full {
                        Some(block) => block
                            .get(k..k + 4)
                            .and_then(|w| <[u8; 4]>::try_from(w).ok())
                            .map(u32::from_le_bytes),
                        None if k <= CHUNK - 4 => load4(bytes, ws),
                        None => None,
                    };
                    let hint = match first4 {
                        Some(v) if !RUNS => self
                            .lex
                            .cue_start_of_letters(v, (upper >> (k + 3)) & 1 != 0),
                        _ => self.lex.cue_start(bytes, ws, end),
                    };
                    match hint {
                        CueStart::No => continue,
                        CueStart::Prefix => {
                            unread = Some(ws);
                            continue;
                        }
                        CueStart::Maybe => {}
                    }
                }
                resume = self.word_at::<RUNS, CUES>(ws, end, breaks, &mut sentence, cue_checked);
            }
        }
    }

    /// Reads the word starting at `ws` (a letter after a word boundary): a cue, a
    /// capitalized word. Returns where it ends.
    ///
    /// Unless `cue_checked` says the cue filters have let the word through, they are
    /// asked first: [`Lexicon::cue_start`] says `Maybe` of every word that starts a
    /// cue (the gap's first word, not found by the filtered scan, is mostly none).
    #[inline(always)]
    fn word_at<const RUNS: bool, const CUES: bool>(
        &mut self,
        ws: usize,
        end: usize,
        breaks: &[usize],
        sentence: &mut SentenceStart,
        cue_checked: bool,
    ) -> usize {
        let text = self.text;
        let we = word_end(text, ws, end);
        if CUES && (cue_checked || self.lex.cue_start(text.as_bytes(), ws, end) == CueStart::Maybe)
        {
            self.cue_word(ws, we);
        }
        if RUNS && text.as_bytes().get(ws).is_some_and(u8::is_ascii_uppercase) {
            let initial = sentence.opens(text, breaks, ws);
            self.capitalized += 1;
            self.capital_word(ws, we, false, initial);
        }
        we
    }

    /// Reads a quotation's words `text[start..end]`: runs only, flagged [`IN_QUOTE`].
    /// Only capitalized ASCII words are looked at, found eight bytes at a time.
    pub fn quotation(&mut self, start: usize, end: usize) {
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            // SAFETY: `has_avx2` says the CPU has AVX2.
            unsafe { x86_avx2::quotation(self, start, end) };
            return;
        }
        self.quotation_with(start, end, false);
    }

    /// [`WordScan::quotation`]; `avx2` is passed only when the CPU has it (inlined
    /// into a copy compiled with AVX2).
    #[inline(always)]
    fn quotation_with(&mut self, start: usize, end: usize, avx2: bool) {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        let mut resume = start;
        let mut i = start;
        while i < end {
            let (_, mut hits, n) = byte_masks::<false>(bytes, i, end, avx2);
            let base = i;
            i += n;
            while hits != 0 {
                let ws = base + hits.trailing_zeros() as usize;
                hits &= hits - 1;
                if ws < resume || (ws > start && alnum_at(text, ws - 1)) {
                    continue;
                }
                let we = word_end(text, ws, end);
                resume = we;
                let before = text.get(start..ws).unwrap_or("").trim_end();
                let initial = before.is_empty() || before.ends_with(['.', '!', '?']);
                self.capital_word(ws, we, true, initial);
            }
        }
        self.close_run();
    }

    /// A cue phrase starting with the word `text[ws..we]`, if any.
    #[inline]
    fn cue_word(&mut self, ws: usize, we: usize) {
        let text = self.text;
        if ws < self.last_cue_end || text.as_bytes().get(ws.wrapping_sub(1)) == Some(&b'-') {
            return;
        }
        if let Some((ce, form)) = self.lex.cue_at(text, ws, we) {
            // `,” Read said`, `Warns told`: a capitalized word right before a cue is a
            // name, not a second cue.
            if text.as_bytes()[ws].is_ascii_uppercase()
                && text.as_bytes().get(ce) == Some(&b' ')
                && text
                    .as_bytes()
                    .get(ce + 1)
                    .is_some_and(u8::is_ascii_lowercase)
                && self
                    .lex
                    .cue_at(text, ce + 1, word_end(text, ce + 1, text.len()))
                    .is_some()
            {
                return;
            }
            self.cues.push((ws, ce, form));
            self.last_cue_end = ce;
            if let Some(run) = &mut self.open
                && text.get(run.end as usize..ws) == Some(" ")
            {
                run.flags |= NEXT_TO_CUE;
            }
            // A capitalized cue (`Said Putin`, `According to`) is no name.
            self.close_run();
        }
    }

    /// A capitalized word `text[ws..we]`: it extends the open run when only a space
    /// (or an initial's period, or a name particle) stands between them, else it
    /// starts a new one.
    fn capital_word(&mut self, ws: usize, we: usize, in_quote: bool, initial: bool) {
        let text = self.text;
        if self.last_cue_end > ws {
            return;
        }
        let (name_end, possessive) = name_end_of(text.as_bytes(), ws, we);
        let joined = self.open.is_some_and(|run| {
            joins(
                text,
                self.lex,
                run.end as usize,
                run.last_start as usize,
                ws,
            )
        });
        self.add_capital(ws, name_end, joined, possessive, in_quote, initial);
    }

    /// Adds the capitalized word starting at `ws` (its name part ending at `name_end`)
    /// to the open run when `joined`, else opens a run with it; a possessive closes the
    /// run after it.
    #[inline(always)]
    fn add_capital(
        &mut self,
        ws: usize,
        name_end: usize,
        joined: bool,
        possessive: bool,
        in_quote: bool,
        initial: bool,
    ) {
        if joined {
            if let Some(run) = &mut self.open {
                run.end = name_end as u32;
                run.last_start = ws as u32;
                run.words = run.words.saturating_add(1);
            }
        } else {
            self.close_run();
            let mut flags = 0;
            if initial {
                flags |= INITIAL;
            }
            if in_quote {
                flags |= IN_QUOTE;
            }
            if self.last_cue_end > 0
                && self.last_cue_end + 1 == ws
                && self.text.as_bytes().get(ws - 1) == Some(&b' ')
            {
                flags |= NEXT_TO_CUE;
            }
            self.open = Some(Run {
                start: ws as u32,
                end: name_end as u32,
                last_start: ws as u32,
                words: 1,
                flags,
            });
        }
        if possessive {
            if let Some(run) = &mut self.open {
                run.flags |= POSSESSIVE;
            }
            self.close_run();
        }
    }

    fn close_run(&mut self) {
        if let Some(run) = self.open.take() {
            self.runs.push(run);
        }
    }

    /// Ends the paragraph `text[start..end]`: a paragraph of at least three words
    /// nearly all capitalized, whose only lowercase words are the short function words
    /// title case leaves small (`on`, `of`, `the`), is a headline in title case, and
    /// its runs are flagged [`HEADLINE`]. A sentence crowded with names (`Senator Maria
    /// Lopez and Governor Paul Smith met on Monday.`) still has a lowercase verb.
    pub fn end_paragraph(&mut self, start: usize, end: usize) {
        self.close_run();
        if self.words >= 3
            && self.capitalized * 4 >= self.words * 3
            && title_case(self.text.get(start..end).unwrap_or(""))
        {
            for run in self.runs.iter_mut().skip(self.para_runs) {
                run.flags |= HEADLINE;
            }
        }
        self.words = 0;
        self.capitalized = 0;
        self.para_runs = self.runs.len();
    }
}

/// Whether every lowercase word of `para` is one that title case keeps in lowercase.
pub(crate) fn title_case(para: &str) -> bool {
    para.split(|c: char| !is_alphanumeric(c))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .all(|w| {
            matches!(
                w,
                "a" | "an"
                    | "the"
                    | "and"
                    | "but"
                    | "or"
                    | "nor"
                    | "for"
                    | "so"
                    | "yet"
                    | "as"
                    | "at"
                    | "by"
                    | "in"
                    | "of"
                    | "on"
                    | "to"
                    | "up"
                    | "off"
                    | "per"
                    | "via"
                    | "vs"
                    | "v"
                    | "from"
                    | "with"
                    | "into"
                    | "onto"
                    | "over"
                    | "than"
                    | "s"
                    | "t"
            )
        })
}

/// Whether a word that ends with a period may go on inside a name: an initial
/// (`V.`) or a short abbreviation (`Sen.`, `Jr.`, `St.`).
fn abbreviated(word: Option<&str>) -> bool {
    word.is_some_and(|w| {
        let n = w.chars().count();
        n == 1 || (n <= 4 && crate::text::is_abbreviation(w))
    })
}

/// Where the name part of the capitalized word `bytes[ws..we]` ends, and whether it
/// is possessive: a possessive ends the name before its ending, `Putin's`,
/// `Ukraine’s` (the word is read by bytes: `ws` and `we` are character boundaries, and
/// so is the start of an ASCII or a whole `’` ending).
#[inline(always)]
fn name_end_of(bytes: &[u8], ws: usize, we: usize) -> (usize, bool) {
    if we >= ws + 3 && bytes.get(we - 2..we) == Some(b"'s") {
        (we - 2, true)
    } else if we >= ws + 5 && bytes.get(we - 4..we) == Some("’s".as_bytes()) {
        (we - 4, true)
    } else {
        (we, false)
    }
}

/// Whether the capitalized word starting at `ws` joins the open run whose last word
/// is `text[last_start..end]`: one space between them, or an initial's period and a
/// space (ASCII bytes, so the gap is whole characters), or name particles between
/// spaces (`Charles de Gaulle`, `Ursula von der Leyen`).
#[inline(always)]
fn joins(text: &str, lex: &Lexicon, end: usize, last_start: usize, ws: usize) -> bool {
    match text.as_bytes().get(end..ws) {
        Some(b" ") => return true,
        Some(b". ") => return abbreviated(text.get(last_start..end)),
        _ => {}
    }
    let gap = text.get(end..ws).unwrap_or("");
    gap.len() <= 9
        && gap.starts_with(' ')
        && gap.ends_with(' ')
        && gap.len() > 2
        && gap[1..gap.len() - 1]
            .split(' ')
            .all(|w| lex.is_connector(w))
}

/// A stretch of a paragraph as the run reader reads it: a gap (text outside
/// quotations, [`WordScan::gap`]) or a quotation ([`WordScan::quotation`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    /// First byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// A quotation rather than a gap.
    pub quotation: bool,
}

/// How far before a word [`run_ending_at`] reads back for the word before it.
const LOOK_BACK: usize = 80;

/// Longest run [`run_ending_at`] follows back; a longer one is left to the reader of
/// the whole paragraph.
const LOCAL_RUN_WORDS: u8 = 24;

/// The run of capitalized words whose last word starts at `at` (a word after a space
/// in `region` of a paragraph; `breaks` are sentence starts in order, the paragraph's
/// own start among them, as [`WordScan::gap`] takes them), as reading the
/// whole paragraph with [`WordScan::gap`] and [`WordScan::quotation`] gives it, read
/// from the few bytes around it instead: `Some(None)` when no run ends with that
/// word, `None` when the bytes around cannot tell (the caller reads the paragraph).
///
/// The flags [`NEXT_TO_CUE`] and [`HEADLINE`] are never set: the caller must know the
/// paragraph is not a headline (see [`title_case`]) and not ask about cues.
///
/// The run's words are found as the reader finds them: from the word at `at`, the
/// capitalized word read last before each word is the only one that may join it, and
/// it lies within nine bytes (see [`joins`]), so the reader's steps are replayed over
/// the stretch from the start of a token at least ten bytes back, where no word read
/// earlier reaches; the word after the last may only extend the run within nine
/// bytes too.
pub(crate) fn run_ending_at(
    text: &str,
    lex: &Lexicon,
    region: Region,
    breaks: &[usize],
    at: usize,
) -> Option<Option<Run>> {
    let bytes = text.as_bytes();
    let Region {
        start, quotation, ..
    } = region;
    let end = region.end.min(bytes.len());
    if at <= start || at >= end || bytes.get(at - 1) != Some(&b' ') {
        return None;
    }
    // A word after a space is read by either reader; only a capitalized one is a
    // run's word.
    if !bytes.get(at).is_some_and(u8::is_ascii_uppercase) {
        return Some(None);
    }
    let (name_end, possessive) = name_end_of(bytes, at, word_end(text, at, end));
    // A possessive closes its run; else the next capitalized word read may extend it.
    // Only a space or an initial's period may follow a word its run goes on after.
    if !possessive && matches!(bytes.get(name_end), Some(b' ' | b'.')) {
        let limit = end.min(name_end + 10);
        let next = (name_end..limit).find(|&j| {
            bytes.get(j).is_some_and(u8::is_ascii_uppercase)
                && !(j > start && alnum_at(text, j - 1))
        });
        if next.is_some_and(|j| joins(text, lex, name_end, at, j)) {
            return Some(None);
        }
    }
    let mut first = at;
    let mut words = 1u8;
    while let Some(prev) = last_capital_before(text, lex, region, first)? {
        let (prev_end, prev_possessive) = name_end_of(bytes, prev, word_end(text, prev, end));
        if prev_possessive || !joins(text, lex, prev_end, prev, first) {
            break;
        }
        first = prev;
        words += 1;
        if words > LOCAL_RUN_WORDS {
            return None;
        }
    }
    let initial = if quotation {
        let before = text.get(start..first).unwrap_or("").trim_end();
        before.is_empty() || before.ends_with(['.', '!', '?'])
    } else {
        let mut sentence = SentenceStart::at_gap(breaks, start);
        sentence.opens(text, breaks, first)
    };
    let mut flags = 0;
    if initial {
        flags |= INITIAL;
    }
    if quotation {
        flags |= IN_QUOTE;
    }
    if possessive {
        flags |= POSSESSIVE;
    }
    Some(Some(Run {
        start: first as u32,
        end: name_end as u32,
        last_start: at as u32,
        words,
        flags,
    }))
}

/// The start of the last capitalized word the reader of `region` reads before the
/// word starting at `ws` (which follows a space), if it could join that word's run:
/// `Some(None)` when there is none within reach, `None` when the bytes cannot tell.
fn last_capital_before(
    text: &str,
    lex: &Lexicon,
    region: Region,
    ws: usize,
) -> Option<Option<usize>> {
    let bytes = text.as_bytes();
    let Region {
        start, quotation, ..
    } = region;
    let end = region.end.min(bytes.len());
    // Mostly the token before the space is a word of letters and digits (with an
    // initial's or a title's period) after a space or a mark: a capitalized one is
    // read whole and may join; any other reads no capital, and joins across only as
    // a name particle. A mark other than a period right before the space ends no
    // word, no initial and no particle: nothing before it joins.
    if ws >= start + 10 && bytes.get(ws - 1) == Some(&b' ') {
        let before = bytes[ws - 2];
        let word_last = if before.is_ascii_alphanumeric() {
            Some(ws - 2)
        } else if before == b'.' && bytes[ws - 3].is_ascii_alphanumeric() {
            Some(ws - 3)
        } else if before != b'.' && before.is_ascii() {
            return Some(None);
        } else {
            None
        };
        if let Some(last_byte) = word_last {
            let lo = ws.saturating_sub(40).max(start + 8);
            let mut t = last_byte;
            while t > lo && bytes[t - 1].is_ascii_alphanumeric() {
                t -= 1;
            }
            let mark = bytes[t - 1];
            if t > lo && (mark == b' ' || CLASS[usize::from(mark)] == OTHER) {
                if bytes[t].is_ascii_uppercase() {
                    return Some(Some(t));
                }
                let particle = mark == b' '
                    && text
                        .get(t..ws - 1)
                        .is_some_and(|w| w.len() <= 4 && lex.is_connector(w));
                if !particle {
                    return Some(None);
                }
            }
        }
    }
    let mut last = None;
    // A token start at least ten bytes back, beyond the gap's first eight bytes
    // (where its first word is read differently): a word read before it ends
    // before its space, too far to join.
    let token_start = (ws.saturating_sub(LOOK_BACK).max(start + 9)..ws.saturating_sub(9))
        .rev()
        .find(|&i| bytes.get(i - 1) == Some(&b' '));
    let (from, mut resume) = match token_start {
        Some(u) => (u, u),
        None if ws <= start + LOOK_BACK + 8 => {
            // From the region's start, as the reader begins it: a gap's first word
            // may follow a quotation mark or a bracket, not a space.
            let mut resume = start;
            if !quotation
                && let Some(w0) =
                    (start..end.min(start + 8)).find(|&k| bytes[k].is_ascii_alphabetic())
                && (w0 == start || !alnum_at(text, w0 - 1))
            {
                resume = word_end(text, w0, end);
                if w0 < ws && bytes[w0].is_ascii_uppercase() {
                    last = Some(w0);
                }
            }
            (start, resume)
        }
        None => return None,
    };
    for j in from..ws {
        if j < resume
            || !bytes.get(j).is_some_and(u8::is_ascii_uppercase)
            || (j > start && alnum_at(text, j - 1))
        {
            continue;
        }
        resume = word_end(text, j, end);
        last = Some(j);
    }
    Some(last)
}

/// Whether `para` is surely not in title case (see [`title_case`]): a word of five
/// or more ASCII lowercase letters after a space (no word title case leaves small is
/// that long). Most paragraphs have one in their first few words; they are read
/// sixteen bytes at a time, each step settling the spaces of the sixteen before.
pub(crate) fn surely_not_title_case(para: &[u8]) -> bool {
    let (mut spaces, mut lower) = (0u32, 0u32);
    let mut at = 0usize;
    loop {
        let (s, l) = match para
            .get(at..at + 16)
            .and_then(|c| <&[u8; 16]>::try_from(c).ok())
        {
            Some(block) => space_lower_masks(block),
            None => {
                // The last bytes, padded with zeros (neither spaces nor letters).
                let mut block = [0u8; 16];
                let rest = para.get(at..).unwrap_or_default();
                let n = rest.len().min(16);
                block
                    .get_mut(..n)
                    .unwrap_or_default()
                    .copy_from_slice(rest.get(..n).unwrap_or_default());
                space_lower_masks(&block)
            }
        };
        spaces |= s << 16;
        lower |= l << 16;
        // The spaces of the sixteen bytes before, with five letters after each.
        let found =
            spaces & (lower >> 1) & (lower >> 2) & (lower >> 3) & (lower >> 4) & (lower >> 5);
        if found & 0xFFFF != 0 {
            return true;
        }
        if at >= para.len() {
            return false;
        }
        spaces >>= 16;
        lower >>= 16;
        at += 16;
    }
}

/// A bit per byte of `block` that is a space, and one per ASCII lowercase letter.
#[inline]
fn space_lower_masks(block: &[u8; 16]) -> (u32, u32) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_set1_epi8,
            _mm_sub_epi8,
        };
        // SAFETY: SSE2 is part of the x86_64 baseline, and the load reads exactly the
        // sixteen bytes of `block` (unaligned loads are allowed).
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            let spaces = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
            // `b - 'a'` is at most 25 (unsigned) exactly for the lowercase letters.
            let shifted = _mm_sub_epi8(v, _mm_set1_epi8(b'a' as i8));
            let lower = _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(25)), shifted);
            (
                _mm_movemask_epi8(spaces) as u32,
                _mm_movemask_epi8(lower) as u32,
            )
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let (mut spaces, mut lower) = (0u32, 0u32);
        for (k, &b) in block.iter().enumerate() {
            spaces |= u32::from(b == b' ') << k;
            lower |= u32::from(b.is_ascii_lowercase()) << k;
        }
        (spaces, lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<(String, u8)> {
        let lex = Lexicon::new();
        let (mut runs, mut cues) = (Vec::new(), Vec::new());
        let mut scan = WordScan::new(text, &lex, &mut runs, &mut cues);
        scan.gap(0, text.len(), &[0], true, true);
        scan.end_paragraph(0, text.len());
        runs.iter()
            .map(|r| (text[r.start as usize..r.end as usize].to_owned(), r.flags))
            .collect()
    }

    /// The pass as first written, a byte at a time: every word after a space, every
    /// capital, read through the three-letter cue filter alone. The fast pass must
    /// find exactly what this one finds.
    fn gap_reference(
        scan: &mut WordScan<'_>,
        start: usize,
        end: usize,
        breaks: &[usize],
        find_runs: bool,
        find_cues: bool,
    ) {
        let text = scan.text;
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        if start >= end {
            return;
        }
        let mut next_break = breaks.partition_point(|&b| b <= start).saturating_sub(1);
        let mut resume = start;
        if let Some(ws) = (start..end.min(start + 8)).find(|&k| bytes[k].is_ascii_alphabetic())
            && (ws == start || !alnum_at(text, ws - 1))
        {
            resume =
                word_at_reference(scan, ws, end, breaks, &mut next_break, find_runs, find_cues);
        }
        for ws in start..end {
            let after_space = ws > start && matches!(bytes[ws - 1], b' ' | 0xA0);
            if find_runs && after_space {
                scan.words += 1;
            }
            let b0 = bytes[ws];
            let hit = (find_runs && b0.is_ascii_uppercase()) || (find_cues && after_space);
            if !hit || ws < resume {
                continue;
            }
            if b0.is_ascii_uppercase() && find_runs {
                if ws > start && alnum_at(text, ws - 1) {
                    continue;
                }
            } else if !find_cues || !scan.lex.may_start_cue(&bytes[ws..end]) {
                continue;
            }
            resume =
                word_at_reference(scan, ws, end, breaks, &mut next_break, find_runs, find_cues);
        }
    }

    fn word_at_reference(
        scan: &mut WordScan<'_>,
        ws: usize,
        end: usize,
        breaks: &[usize],
        next_break: &mut usize,
        find_runs: bool,
        find_cues: bool,
    ) -> usize {
        let text = scan.text;
        let we = word_end(text, ws, end);
        if find_cues {
            scan.cue_word(ws, we);
        }
        if find_runs && text.as_bytes()[ws].is_ascii_uppercase() {
            while breaks.get(*next_break + 1).is_some_and(|&b| b <= ws) {
                *next_break += 1;
            }
            let initial = breaks.get(*next_break).is_some_and(|&b| {
                b <= ws
                    && !text
                        .get(b..ws)
                        .unwrap_or("x")
                        .bytes()
                        .any(|c| c.is_ascii_alphanumeric())
            });
            scan.capitalized += 1;
            capital_word_reference(scan, ws, we, false, initial);
        }
        we
    }

    /// [`WordScan::capital_word`] as first written, on `str` slices: the reference
    /// the byte-level reading is tested against.
    fn capital_word_reference(
        scan: &mut WordScan<'_>,
        ws: usize,
        we: usize,
        in_quote: bool,
        initial: bool,
    ) {
        let text = scan.text;
        if scan.last_cue_end > ws {
            return;
        }
        let word = text.get(ws..we).unwrap_or("");
        // A possessive ends the name before its ending: `Putin's`, `Ukraine’s`.
        let (name_end, possessive) =
            match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
                Some(stem) if !stem.is_empty() => (ws + stem.len(), true),
                _ => (we, false),
            };
        let joined = scan.open.is_some_and(|run| {
            let gap = text.get(run.end as usize..ws).unwrap_or("");
            gap == " "
                || (gap == ". " && abbreviated(text.get(run.last_start as usize..run.end as usize)))
                // `Charles de Gaulle`, `Ursula von der Leyen`.
                || (gap.len() <= 9
                    && gap.starts_with(' ')
                    && gap.ends_with(' ')
                    && gap.len() > 2
                    && gap[1..gap.len() - 1]
                        .split(' ')
                        .all(|w| scan.lex.is_connector(w)))
        });
        scan.add_capital(ws, name_end, joined, possessive, in_quote, initial);
    }

    /// Runs, cues and the word counts of a paragraph read as `gaps`, by the fast pass
    /// or by the reference.
    type Found = (Vec<Run>, Vec<(usize, usize, CueForm)>, u32, u32);

    fn read_gaps(
        text: &str,
        gaps: &[(usize, usize)],
        breaks: &[usize],
        passes: (bool, bool),
        reference: bool,
    ) -> Found {
        let lex = Lexicon::new();
        let (mut runs, mut cues) = (Vec::new(), Vec::new());
        let mut scan = WordScan::new(text, &lex, &mut runs, &mut cues);
        for &(a, b) in gaps {
            if reference {
                gap_reference(&mut scan, a, b, breaks, passes.0, passes.1);
            } else {
                scan.gap(a, b, breaks, passes.0, passes.1);
            }
        }
        let counts = (scan.words, scan.capitalized);
        scan.end_paragraph(0, text.len());
        (runs, cues, counts.0, counts.1)
    }

    #[test]
    fn runs_join_initials_particles_and_stop_at_possessives() {
        let found = runs("Sen. Vladimir V. Putin's aide met Charles de Gaulle and O'Brien today.");
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Sen. Vladimir V. Putin", "Charles de Gaulle", "O'Brien"]
        );
        assert_eq!(found[0].1 & POSSESSIVE, POSSESSIVE);
        assert_eq!(found[0].1 & INITIAL, INITIAL);
        assert_eq!(found[1].1 & (INITIAL | POSSESSIVE), 0);
    }

    #[test]
    fn cues_are_whole_words_and_the_longest_phrase() {
        let lex = Lexicon::new();
        let text = "Ortiz pointed out that the unsaid part was said-so, Lopez said.";
        let (mut runs, mut cues) = (Vec::new(), Vec::new());
        let mut scan = WordScan::new(text, &lex, &mut runs, &mut cues);
        scan.gap(0, text.len(), &[0], true, true);
        scan.end_paragraph(0, text.len());
        let found: Vec<&str> = cues.iter().map(|&(s, e, _)| &text[s..e]).collect();
        assert_eq!(found, ["pointed out", "said"]);
        assert!(runs.iter().all(|r| r.flags & NEXT_TO_CUE != 0));
    }

    #[test]
    fn title_case_paragraphs_are_headlines() {
        let found = runs("Mayor Says The Bridge Will Open On Time");
        assert!(found.iter().all(|(_, f)| f & HEADLINE != 0));
        let found = runs("Mayor Tomas Brandt said the bridge would open on time.");
        assert!(found.iter().all(|(_, f)| f & HEADLINE == 0));
        let found = runs("Harbour Chief Ana Ortiz and Mayor Tomas Brandt met on Friday.");
        assert!(found.iter().all(|(_, f)| f & HEADLINE == 0));
        let found = runs("Port Expansion Wins Approval After Vote in the Council");
        assert!(found.iter().all(|(_, f)| f & HEADLINE != 0));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 256, failure_persistence: None, ..Default::default()
        })]

        /// The eight-bytes-at-a-time test finds a word of five lowercase letters after
        /// a space exactly when a byte loop does, and then the paragraph is not in
        /// title case.
        #[test]
        fn surely_not_title_case_matches_a_byte_loop(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "a", "b", "x", "Z", "é", "-", ".", "\n", "the", " of", " about",
                    " Lower", " lower", " low", "1", "\"",
                ]),
                0..40,
            ),
        ) {
            let para = parts.concat();
            let b = para.as_bytes();
            let reference = (1..b.len()).any(|i| {
                b[i - 1] == b' '
                    && b.get(i..i + 5).is_some_and(|w| w.iter().all(u8::is_ascii_lowercase))
            });
            proptest::prop_assert_eq!(surely_not_title_case(b), reference, "{:?}", para);
            if reference {
                proptest::prop_assert!(!title_case(&para));
            }
        }

        /// The vector masks agree with the byte-at-a-time reference, wherever the
        /// chunk starts and however short the rest is.
        #[test]
        fn vector_masks_match_the_scalar_reference(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b' ', 0xA0, b'A', b'Z', b'a', b'z', b'0', b'9', b'@', b'[', b'`', b'{',
                    b'/', b':', b'.', 0xC2, 0xE2, 0x80, 0x9C, 0xFF, 0x00,
                ]),
                0..160,
            ),
            at in 0usize..160,
            len in 0usize..80,
        ) {
            let i = at.min(bytes.len());
            let end = (i + len).min(bytes.len());
            let n = end.saturating_sub(i).min(CHUNK);
            for avx2 in [false, crate::text::has_avx2()] {
                proptest::prop_assert_eq!(
                    byte_masks::<false>(&bytes, i, end, avx2),
                    byte_masks_scalar::<false>(&bytes, i, n)
                );
                proptest::prop_assert_eq!(
                    byte_masks::<true>(&bytes, i, end, avx2),
                    byte_masks_scalar::<true>(&bytes, i, n)
                );
            }
        }

        /// The fast pass finds the runs, cues and word counts the byte-at-a-time
        /// reference finds, in every mode, on text mixing cues, names, near-cue
        /// words, no-break spaces and letters whose last byte is 0xA0 (`à`).
        #[test]
        fn fast_pass_matches_the_reference(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "said", "Said", "says", "say", "saying", "told", "pointed out", "pointed",
                    "according to", "cut", "put", "state", "stated", "that", "with", "the",
                    "Putin", "Sen.", "V.", "O'Brien", "de", "Gaulle", "Charles", " ", " ",
                    " ", "  ", "\u{a0}", "à", "voilà", "voilàsaid", "àsaid", "Ünal", "’s",
                    "'s", "-", ".", ". ", ", ", "(", "“", "”", "x", "McDonald", "U.S.",
                    "Рsaid", "Saidx", "sa", "sai", "2", "Ki-moon", "AP", "ADDED", "added",
                ]),
                0..40,
            ),
            cuts in proptest::collection::vec(0usize..400, 0..4),
            breaks in proptest::collection::vec(0usize..400, 0..6),
            mode in 0usize..4,
        ) {
            let text: String = words.concat();
            let boundary = |k: usize| {
                let mut k = k.min(text.len());
                while !text.is_char_boundary(k) {
                    k -= 1;
                }
                k
            };
            let mut cuts: Vec<usize> = cuts.into_iter().map(boundary).collect();
            cuts.push(0);
            cuts.push(text.len());
            cuts.sort_unstable();
            cuts.dedup();
            let gaps: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
            let mut breaks: Vec<usize> = breaks.into_iter().map(|b| b.min(text.len())).collect();
            breaks.push(0);
            breaks.sort_unstable();
            breaks.dedup();
            let passes = (mode & 1 != 0, mode & 2 != 0);
            proptest::prop_assert_eq!(
                read_gaps(&text, &gaps, &breaks, passes, false),
                read_gaps(&text, &gaps, &breaks, passes, true)
            );
        }

        /// The four-byte cue test says `No` exactly where the three-letter filter
        /// does, and never turns away a word that is a cue.
        #[test]
        fn cue_start_keeps_every_cue(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b's', b'a', b'i', b'd', b'y', b'S', b'A', b'D', b'c', b'u', b't', b'o',
                    b'l', b' ', b'-', b'.', 0xC3, 0xA0, b'2', b'\'', b'p', b'n',
                ]),
                0..12,
            ),
            at in 0usize..12,
            to in 0usize..12,
        ) {
            let lex = Lexicon::new();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let bytes = text.as_bytes();
            let ws = at.min(bytes.len());
            let end = to.clamp(ws, bytes.len());
            let hint = lex.cue_start(bytes, ws, end);
            let old = lex.may_start_cue(bytes.get(ws..end).unwrap_or_default());
            proptest::prop_assert_eq!(hint == CueStart::No, !old);
            // The word pass's shortcut, for words whose first three bytes it knows to
            // be letters, says what the full test says.
            if let Some(&[a, b, c, d]) = bytes.get(ws..ws + 4)
                && end >= ws + 3
                && [a, b, c].iter().all(u8::is_ascii_alphabetic)
            {
                let fourth = end >= ws + 4 && d.is_ascii_alphabetic();
                let v = u32::from_le_bytes([a, b, c, d]);
                proptest::prop_assert_eq!(lex.cue_start_of_letters(v, fourth), hint);
            }
            if text.is_char_boundary(ws) && ws < end && bytes[ws].is_ascii_alphabetic() {
                let we = word_end(&text, ws, end);
                if lex.cue_at(&text, ws, we).is_some() {
                    proptest::prop_assert_eq!(hint, CueStart::Maybe);
                }
            }
        }
    }
}
