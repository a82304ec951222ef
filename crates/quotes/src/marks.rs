//! Quotation marks: finding them, telling them from apostrophes, and pairing them into
//! quotations bounded by paragraph rules.
//!
//! The pairing is one forward pass over the text with a stack at most [`MAX_DEPTH`]
//! deep, so it is linear whatever the input. A mark's role comes from its glyph and,
//! more often, from its neighbours: a mark after a space and before a letter opens, a
//! mark after a letter or punctuation and before a space or punctuation closes. That
//! settles the straight `"`, the `”` some sites use as an opener, German `„…“` and
//! reversed guillemets alike. Single marks only quote when they sit where a quotation
//! can open or close; everything else (`don't`, `’90s`, `rock 'n' roll`) is an
//! apostrophe.

use crate::text::has_avx2;

/// How deep quotations may nest (double inside single inside double is enough for news).
const MAX_DEPTH: usize = 3;

/// Words that follow an elision apostrophe (`'n'`, `'em`, `’til`); a mark before them is
/// not an opening quote.
const ELISIONS: &[&str] = &[
    "n", "em", "til", "cause", "bout", "tis", "twas", "round", "cuz",
];

/// Bytes that may start a quote mark or a line break.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'`' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// Bytes tested at once by [`interesting_mask`].
const BLOCK: usize = 64;

/// A bit per byte of `bytes[i..]` (at most [`BLOCK`] of them) that may start a quote
/// mark or a line break (see [`INTERESTING`]), and how many bytes were read. A block
/// is two vector loads with `avx2` (which the caller passes only when the CPU has
/// AVX2) or four, in one pass for all seven bytes; the bytes are then visited by
/// their bits, so a mark costs no new search from its position.
#[inline(always)]
fn interesting_mask(bytes: &[u8], i: usize, avx2: bool) -> (u64, usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(block) = bytes
        .get(i..i.saturating_add(BLOCK))
        .and_then(|c| <&[u8; BLOCK]>::try_from(c).ok())
    {
        let mask = if avx2 {
            // SAFETY: `avx2` is true only when the CPU supports AVX2 (see `has_avx2`).
            unsafe { x86_avx2::interesting(block) }
        } else {
            let mut mask = 0u64;
            for (k, part) in block.chunks_exact(16).enumerate() {
                if let Ok(part) = <&[u8; 16]>::try_from(part) {
                    mask |= u64::from(sse2::interesting(part)) << (16 * k);
                }
            }
            mask
        };
        return (mask, BLOCK);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = avx2;
    interesting_mask_scalar(bytes, i)
}

/// [`interesting_mask`] a byte at a time: the end of the text, other targets, and the
/// reference the vector code is tested against.
fn interesting_mask_scalar(bytes: &[u8], i: usize) -> (u64, usize) {
    let block = bytes
        .get(i..bytes.len().min(i.saturating_add(BLOCK)))
        .unwrap_or_default();
    let mask = block.iter().enumerate().fold(0u64, |m, (k, &b)| {
        m | (u64::from(INTERESTING[usize::from(b)]) << k)
    });
    (mask, block.len())
}

#[cfg(target_arch = "x86_64")]
mod x86_avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_set1_epi8, _mm256_setr_epi8, _mm256_setzero_si256, _mm256_shuffle_epi8,
        _mm256_srli_epi16,
    };

    /// [`super::scan_into`] compiled with AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) fn scan_into(
        text: &str,
        paragraphs: &mut Vec<super::Paragraph>,
        quotes: &mut Vec<super::RawQuote>,
        marks: &mut super::MarkBuf,
    ) {
        super::scan_into_with::<true>(text, paragraphs, quotes, marks, true);
    }

    /// A bit per byte of `block` that is in `super::INTERESTING`.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub(super) fn interesting(block: &[u8; 64]) -> u64 {
        // Each byte is classed by its two halves, looked up in two sixteen-entry
        // tables whose bits say which groups of interesting bytes have that half:
        // `"` and `'` (high half 2), `` ` `` (6), line breaks (0), the lead bytes
        // 0xC2 and 0xE2 (C, E). A byte is interesting when its two classes share a
        // bit.
        const LOW: [i8; 16] = [2, 0, 1 | 8, 0, 0, 0, 0, 1, 0, 0, 4, 0, 0, 4, 0, 0];
        const HIGH: [i8; 16] = [4, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 8, 0, 8, 0];
        let table = |t: [i8; 16]| {
            _mm256_setr_epi8(
                t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12],
                t[13], t[14], t[15], t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9],
                t[10], t[11], t[12], t[13], t[14], t[15],
            )
        };
        let (low, high) = (table(LOW), table(HIGH));
        let nibble = _mm256_set1_epi8(0x0F);
        let half = |v: __m256i| {
            let lo = _mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble));
            let hi = _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
            let none = _mm256_cmpeq_epi8(_mm256_and_si256(lo, hi), _mm256_setzero_si256());
            u64::from(!(_mm256_movemask_epi8(none) as u32))
        };
        // SAFETY: the two loads read the sixty-four bytes of `block`, thirty-two each
        // (unaligned loads are allowed); AVX2 is enabled on this function.
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
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// A bit per byte of `chunk` that is in `super::INTERESTING`.
    #[inline]
    pub(super) fn interesting(chunk: &[u8; 16]) -> u32 {
        // SAFETY: SSE2 is part of the x86_64 baseline, and the load reads exactly the
        // sixteen bytes of `chunk` (unaligned loads are allowed).
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            let eq = |b: u8| -> __m128i { _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)) };
            let quotes = _mm_or_si128(_mm_or_si128(eq(b'"'), eq(b'\'')), eq(b'`'));
            let breaks = _mm_or_si128(eq(b'\n'), eq(b'\r'));
            let lead = _mm_or_si128(eq(0xC2), eq(0xE2));
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quotes, breaks), lead)) as u32
        }
    }
}

/// A paragraph: a line of text between line breaks, without the breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// First byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

/// A quotation found by pairing marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Start of the opening mark.
    pub open: usize,
    /// First byte of the quoted words (after the mark and any space).
    pub start: usize,
    /// End of the quoted words (before the closing mark and any space).
    pub end: usize,
    /// End of the closing mark; `end` when the quotation was never closed.
    pub close_end: usize,
    /// Whether a closing mark was found (unclosed ones end with their paragraph).
    pub closed: bool,
    /// Whether the marks are single (`‘…’`, `'…'`, `‹…›`).
    pub single: bool,
    /// Index of the paragraph the quotation opens in.
    pub para: usize,
    /// Index of the paragraph it ends in (more than `para` for continued quotations).
    pub last_para: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Glyph {
    /// `“` (also `‟`).
    LeftDouble,
    /// `”`.
    RightDouble,
    /// `"`.
    StraightDouble,
    /// `„`.
    LowDouble,
    /// `«`.
    LeftGuillemet,
    /// `»`.
    RightGuillemet,
    /// `‘` (also `‛`).
    LeftSingle,
    /// `’`.
    RightSingle,
    /// `'`.
    StraightSingle,
    /// `‚`.
    LowSingle,
    /// `‹`.
    LeftSingleGuillemet,
    /// `›`.
    RightSingleGuillemet,
}

impl Glyph {
    fn is_double(self) -> bool {
        matches!(
            self,
            Glyph::LeftDouble
                | Glyph::RightDouble
                | Glyph::StraightDouble
                | Glyph::LowDouble
                | Glyph::LeftGuillemet
                | Glyph::RightGuillemet
        )
    }

    /// Marks whose shape says "open" when their neighbours do not decide.
    fn leans_open(self) -> bool {
        matches!(
            self,
            Glyph::LeftDouble
                | Glyph::StraightDouble
                | Glyph::LowDouble
                | Glyph::LeftGuillemet
                | Glyph::LeftSingle
                | Glyph::LowSingle
                | Glyph::LeftSingleGuillemet
        )
    }
}

/// The quote mark starting at byte `i`, with its length in bytes.
#[inline]
fn glyph_at(bytes: &[u8], i: usize) -> Option<(Glyph, usize)> {
    match bytes.get(i)? {
        b'"' => Some((Glyph::StraightDouble, 1)),
        // `''…''` and ``` ``…'' ``` stand for double marks in some archives.
        b'\'' if bytes.get(i + 1) == Some(&b'\'') => Some((Glyph::StraightDouble, 2)),
        b'`' if bytes.get(i + 1) == Some(&b'`') => Some((Glyph::LeftDouble, 2)),
        b'\'' => Some((Glyph::StraightSingle, 1)),
        0xC2 => match bytes.get(i + 1)? {
            0xAB => Some((Glyph::LeftGuillemet, 2)),
            0xBB => Some((Glyph::RightGuillemet, 2)),
            _ => None,
        },
        0xE2 => {
            if *bytes.get(i + 1)? != 0x80 {
                return None;
            }
            let g = match bytes.get(i + 2)? {
                0x98 | 0x9B => Glyph::LeftSingle,
                0x99 => Glyph::RightSingle,
                0x9A => Glyph::LowSingle,
                0x9C | 0x9F => Glyph::LeftDouble,
                0x9D => Glyph::RightDouble,
                0x9E => Glyph::LowDouble,
                0xB9 => Glyph::LeftSingleGuillemet,
                0xBA => Glyph::RightSingleGuillemet,
                _ => return None,
            };
            Some((g, 3))
        }
        _ => None,
    }
}

/// Whether `c` is one of the quotation marks this module knows.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' | '‹' | '›'
    )
}

/// What lies just before a mark.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    /// Paragraph start, space, opening bracket or dash: a quotation may open here.
    Open,
    /// Another quote mark: decided by what follows.
    Neutral,
    /// A letter, digit or punctuation: a quotation may close here.
    Closed,
}

/// What lies just after a mark.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// Paragraph end or space.
    Space,
    /// Punctuation that ends clauses (`, ; : ! ? ) ] }`).
    ClosePunct,
    /// Period, ellipsis, dash, or another quote mark: either side.
    Neutral,
    /// A letter, digit or other symbol: the mark opens onto words.
    Word,
}

fn classify_before(c: Option<char>) -> Before {
    match c {
        None => Before::Open,
        Some(c) if c.is_whitespace() => Before::Open,
        Some(
            '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | '‐' | '―' | '\u{feff}' | '\u{200b}',
        ) => Before::Open,
        Some(c) if is_quote_char(c) => Before::Neutral,
        Some(_) => Before::Closed,
    }
}

fn classify_after(c: Option<char>) -> After {
    match c {
        None => After::Space,
        Some(c) if c.is_whitespace() => After::Space,
        Some(',' | ';' | ':' | '!' | '?' | ')' | ']' | '}') => After::ClosePunct,
        Some('.' | '…' | '—' | '–' | '-' | '―') => After::Neutral,
        Some(c) if is_quote_char(c) => After::Neutral,
        Some(_) => After::Word,
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    mark: usize,
    content: usize,
    single: bool,
    para: usize,
}

/// The open quotations of a paragraph, innermost last: at most [`MAX_DEPTH`], kept
/// inline (no allocation per document). Only [`Pairer::push`] adds to a non-empty
/// stack, and it stops at the depth.
#[derive(Clone, Copy, Default)]
struct OpenStack {
    items: [Option<Open>; MAX_DEPTH],
    len: usize,
}

impl OpenStack {
    fn as_slice(&self) -> &[Option<Open>] {
        self.items.get(..self.len).unwrap_or_default()
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn push(&mut self, open: Open) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(open);
            self.len += 1;
        }
    }

    fn pop(&mut self) -> Option<Open> {
        let top = self.last().copied()?;
        self.len -= 1;
        Some(top)
    }

    fn last(&self) -> Option<&Open> {
        self.as_slice().last().and_then(Option::as_ref)
    }

    fn first(&self) -> Option<&Open> {
        self.as_slice().first().and_then(Option::as_ref)
    }

    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    /// The depth of the innermost open double quotation.
    fn innermost_double(&self) -> Option<usize> {
        self.as_slice()
            .iter()
            .rposition(|o| o.is_some_and(|o| !o.single))
    }
}

/// Splits `text` into paragraphs (non-blank lines) and pairs its quotation marks.
/// Returns the paragraphs and the outermost quotations in text order.
#[cfg(test)]
pub(crate) fn scan(text: &str) -> (Vec<Paragraph>, Vec<RawQuote>) {
    let (mut paragraphs, mut quotes, mut marks) = (Vec::new(), Vec::new(), Vec::new());
    scan_into(text, &mut paragraphs, &mut quotes, &mut marks);
    (paragraphs, quotes)
}

/// Scratch space for a mark: position, glyph, length.
pub(crate) type MarkBuf = Vec<(usize, Glyph, usize)>;

/// [`scan`] into buffers the caller reuses across documents (cleared first).
pub(crate) fn scan_into(
    text: &str,
    paragraphs: &mut Vec<Paragraph>,
    quotes: &mut Vec<RawQuote>,
    marks: &mut MarkBuf,
) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: `has_avx2` says the CPU has AVX2.
        unsafe { x86_avx2::scan_into(text, paragraphs, quotes, marks) };
        return;
    }
    scan_into_with::<true>(text, paragraphs, quotes, marks, false);
}

/// [`scan_into`]; with `SKIP_APOSTROPHES` false, apostrophes inside words are handed
/// to the pairer too (the reference the skipping is tested against). With `avx2`
/// (passed only when the CPU has it) the masks are read with AVX2; inlined into a
/// copy compiled with AVX2, where they cost no call.
#[inline(always)]
fn scan_into_with<const SKIP_APOSTROPHES: bool>(
    text: &str,
    paragraphs: &mut Vec<Paragraph>,
    quotes: &mut Vec<RawQuote>,
    marks: &mut MarkBuf,
    avx2: bool,
) {
    paragraphs.clear();
    quotes.clear();
    marks.clear();
    let bytes = text.as_bytes();
    let mut pairer = Pairer {
        text,
        stack: OpenStack::default(),
        carry: None,
        carry_end: 0,
        carry_last_para: 0,
        quotes,
    };
    let mut line_start = 0usize;
    // Bytes before `i` have been read (a mark or a line break may span several).
    let mut i = 0usize;
    let mut block = 0usize;
    while block < bytes.len() {
        // Only quote marks and line breaks matter here: plain bytes are passed over
        // a block at a time.
        let (mut mask, n) = interesting_mask(bytes, block, avx2);
        let base = block;
        block += n.max(1);
        while mask != 0 {
            let at = base + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if at < i {
                continue;
            }
            i = at;
            let Some(&b) = bytes.get(i) else { break };
            // Line breaks: \n, \r, U+2028 and U+2029 (E2 80 A8/A9).
            let brk = match b {
                b'\n' | b'\r' => 1,
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    3
                }
                _ => 0,
            };
            if brk > 0 {
                end_line(text, line_start, i, marks, paragraphs, &mut pairer);
                i += brk;
                line_start = i;
                continue;
            }
            if let Some((g, len)) = glyph_at(bytes, i) {
                // A single mark between two letters or digits (`don't`, `Ukraine’s`)
                // is an apostrophe, which the pairer passes over without a trace: it
                // is not kept (the test is the pairer's, on ASCII neighbours only).
                let in_word = SKIP_APOSTROPHES
                    && !g.is_double()
                    && bytes
                        .get(i.wrapping_sub(1))
                        .is_some_and(u8::is_ascii_alphanumeric)
                    && bytes.get(i + len).is_some_and(u8::is_ascii_alphanumeric);
                if !in_word {
                    marks.push((i, g, len));
                }
                i += len;
                continue;
            }
            i += 1;
        }
    }
    end_line(
        text,
        line_start,
        bytes.len(),
        marks,
        paragraphs,
        &mut pairer,
    );
    pairer.flush_carry();
}

/// Ends the line `text[start..end]`: a paragraph unless blank, its marks paired.
/// Inlined into the scan: most lines are blank or hold no mark, and the pairing (the
/// large part) is a call of its own.
#[inline(always)]
fn end_line(
    text: &str,
    start: usize,
    end: usize,
    marks: &mut Vec<(usize, Glyph, usize)>,
    paragraphs: &mut Vec<Paragraph>,
    pairer: &mut Pairer<'_>,
) {
    let line = text.get(start..end).unwrap_or("");
    // Most lines open with a printable ASCII character and are not blank.
    let blank = match line.as_bytes().first() {
        Some(&b) if (0x21..0x7F).contains(&b) => false,
        // The empty line between two paragraphs.
        None => true,
        _ => line.trim().is_empty(),
    };
    if blank {
        marks.clear();
        return;
    }
    let index = paragraphs.len();
    let para = Paragraph { start, end };
    paragraphs.push(para);
    // A line without marks changes nothing unless a quotation is carried into it.
    if !marks.is_empty() || pairer.carry.is_some() {
        pairer.paragraph(para, index, marks);
    }
    marks.clear();
}

struct Pairer<'a> {
    text: &'a str,
    stack: OpenStack,
    /// An outer double quotation left open at the end of the previous paragraph.
    carry: Option<Open>,
    /// Where the carried quotation's words end so far.
    carry_end: usize,
    /// The paragraph the carried quotation has reached.
    carry_last_para: usize,
    quotes: &'a mut Vec<RawQuote>,
}

impl Pairer<'_> {
    #[inline]
    fn char_before(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i.wrapping_sub(1)) {
            // An ASCII byte is a whole character, and `i` after it is a boundary.
            Some(&b) if b < 0x80 && i <= self.text.len() => Some(char::from(b)),
            _ => self.text.get(..i).and_then(|s| s.chars().next_back()),
        }
    }

    #[inline]
    fn char_after(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            _ => self.text.get(i..).and_then(|s| s.chars().next()),
        }
    }

    fn trim_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.text.get(start..end).unwrap_or("");
        let rest = s.trim_start();
        let lead = s.len() - rest.len();
        let body = rest.trim_end();
        (start + lead, start + lead + body.len())
    }

    fn emit(&mut self, open: Open, end: usize, close_end: Option<usize>, last_para: usize) {
        let (start, end) = self.trim_range(open.content, end);
        self.quotes.push(RawQuote {
            open: open.mark,
            start,
            end,
            close_end: close_end.unwrap_or(end),
            closed: close_end.is_some(),
            single: open.single,
            para: open.para,
            last_para,
        });
    }

    /// Ends a quotation carried over a paragraph break that the next paragraph did not
    /// continue: it ends with the paragraph it was left open in.
    fn flush_carry(&mut self) {
        if let Some(open) = self.carry.take() {
            let last = self.carry_last_para;
            self.emit(open, self.carry_end, None, last);
        }
    }

    #[inline(never)]
    fn paragraph(&mut self, para: Paragraph, index: usize, marks: &[(usize, Glyph, usize)]) {
        self.stack.clear();
        let mut marks = marks;
        if let Some(open) = self.carry.take() {
            let line = self.text.get(para.start..para.end).unwrap_or("");
            let first_word = para.start + (line.len() - line.trim_start().len());
            // The news convention: a paragraph that goes on with the quotation opens
            // with a mark, and the paragraph before it has no closing one.
            match marks.first() {
                Some(&(pos, g, len))
                    if pos == first_word
                        && g.is_double()
                        && classify_after(self.char_after(pos + len)) != After::Space =>
                {
                    self.stack.push(open);
                    marks = &marks[1..];
                }
                _ => {
                    self.carry = Some(open);
                    self.flush_carry();
                }
            }
        }
        for &(pos, glyph, len) in marks {
            let before = classify_before(self.char_before(pos));
            let next = self.char_after(pos + len);
            let after = classify_after(next);
            if glyph.is_double() {
                self.double_mark(pos, len, glyph, before, after, index);
            } else {
                self.single_mark(pos, len, glyph, before, next, after, index);
            }
        }
        // Single quotations never run past their paragraph; an outer double one may
        // continue in the next paragraph.
        while self.stack.last().is_some_and(|o| o.single) {
            self.stack.pop();
        }
        if let Some(open) = self.stack.first().copied() {
            self.carry = Some(open);
            self.carry_end = para.end;
            self.carry_last_para = index;
        }
        self.stack.clear();
    }

    fn double_mark(
        &mut self,
        pos: usize,
        len: usize,
        glyph: Glyph,
        before: Before,
        after: After,
        para: usize,
    ) {
        let opening =
            before != Before::Closed && !matches!(after, After::Space | After::ClosePunct);
        let closing = before != Before::Open && after != After::Word;
        let inside = self.stack.innermost_double();
        match inside {
            Some(level) => {
                if opening && !closing && self.stack.last().is_some_and(|o| o.single) {
                    // `“a ‘b “c” b’ a”`: a double quotation nested in a single one.
                    self.push(pos, len, false, para);
                } else if opening && !closing {
                    // A new quotation opens before the last one closed: the last one's
                    // opening mark was stray. Start again from here.
                    self.stack.truncate(level);
                    self.push(pos, len, false, para);
                } else {
                    self.stack.truncate(level + 1);
                    if let Some(open) = self.stack.pop()
                        && self.stack.is_empty()
                    {
                        self.emit(open, pos, Some(pos + len), para);
                    }
                }
            }
            None => {
                if opening || (!closing && glyph.leans_open()) {
                    self.push(pos, len, false, para);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn single_mark(
        &mut self,
        pos: usize,
        len: usize,
        glyph: Glyph,
        before: Before,
        next: Option<char>,
        after: After,
        para: usize,
    ) {
        let prev = self.char_before(pos);
        let alnum = |c: Option<char>| c.is_some_and(crate::text::is_alphanumeric);
        if alnum(prev) && alnum(next) {
            return; // don't, Ukraine’s, rock'n'roll
        }
        if before == Before::Open && next.is_some_and(|c| c.is_ascii_digit()) {
            return; // ’90s, '16
        }
        if before == Before::Open && after == After::Word {
            let rest = self.text.get(pos + len..).unwrap_or("");
            let word_end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..word_end];
            if ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e)) {
                return;
            }
            if glyph == Glyph::RightSingle && !self.stack.last().is_some_and(|o| o.single) {
                // `’em`: a right mark in front of a word is an elision, not an opener.
                return;
            }
        }
        let opening = before != Before::Closed && after == After::Word;
        let closing = before != Before::Open && after != After::Word;
        if self.stack.last().is_some_and(|o| o.single) {
            if closing {
                if let Some(open) = self.stack.pop()
                    && self.stack.is_empty()
                {
                    self.emit(open, pos, Some(pos + len), para);
                }
            } else if opening && (glyph.leans_open() || glyph == Glyph::StraightSingle) {
                self.stack.pop();
                self.push(pos, len, true, para);
            }
        } else if opening && (glyph.leans_open() || glyph == Glyph::StraightSingle) {
            self.push(pos, len, true, para);
        }
    }

    fn push(&mut self, pos: usize, len: usize, single: bool, para: usize) {
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open {
                mark: pos,
                content: pos + len,
                single,
                para,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let (_, quotes) = scan(text);
        quotes.iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn pairs_by_position_not_only_by_glyph() {
        assert_eq!(quotes_of("a “b” c"), ["b"]);
        assert_eq!(quotes_of("a \"b\" c \"d e\""), ["b", "d e"]);
        // Straight marks glued to punctuation still close.
        assert_eq!(quotes_of("\"Go!\"he said."), ["Go!"]);
    }

    fn quotes_of(text: &str) -> Vec<&str> {
        quoted(text)
    }

    #[test]
    fn unclosed_quotations_end_with_their_paragraph() {
        let text = "He said “no way\n\nNext paragraph here.";
        let (paras, quotes) = scan(text);
        assert_eq!(paras.len(), 2);
        assert_eq!(quotes.len(), 1);
        assert!(!quotes[0].closed);
        assert_eq!(&text[quotes[0].start..quotes[0].end], "no way");
    }

    #[test]
    fn continued_paragraphs_join() {
        let text = "“One.\n\n“Two.\n\n“Three,” she said.";
        let (_, quotes) = scan(text);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].para, 0);
        assert_eq!(quotes[0].last_para, 2);
        assert!(quotes[0].closed);
    }

    #[test]
    fn nesting_is_reported_as_the_outer_quotation() {
        assert_eq!(quoted("x “a ‘b “c” b’ a” y"), ["a ‘b “c” b’ a"]);
        // Deeper than the stack allows: inner marks are ignored, nothing breaks.
        let (_, quotes) = scan("“a ‘b “c ‘d “e” d’ c” b’ a”");
        assert_eq!(quotes.len(), 1);
    }

    #[test]
    fn line_separators_split_paragraphs() {
        let (paras, _) = scan("one\u{2028}two\u{2029}three\r\nfour");
        assert_eq!(paras.len(), 4);
    }

    /// The masks of every block from `from` on, by the scalar reference and by both
    /// vector paths.
    fn masks_agree(bytes: &[u8], from: usize) {
        let mut at = from;
        while at < bytes.len() {
            let expected = interesting_mask_scalar(bytes, at);
            assert_eq!(interesting_mask(bytes, at, false), expected, "{at}");
            assert_eq!(interesting_mask(bytes, at, has_avx2()), expected, "{at}");
            let direct: u64 = (0..expected.1)
                .filter(|&k| INTERESTING[usize::from(bytes[at + k])])
                .fold(0, |m, k| m | 1 << k);
            assert_eq!(expected.0, direct);
            at += expected.1;
        }
    }

    /// Every byte value, at every offset of a block and near the end: both vector
    /// masks mark the bytes a byte-at-a-time test marks.
    #[test]
    fn masks_mark_every_interesting_byte_value() {
        for value in 0..=255u8 {
            for at in [0usize, 1, 15, 16, 31, 32, 33, 63, 64, 70, 77, 127, 140] {
                let mut bytes = vec![b'a'; 141];
                bytes[at] = value;
                for from in [0usize, 1, at, at.saturating_sub(1), 40, 100] {
                    masks_agree(&bytes, from.min(bytes.len()));
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 256, failure_persistence: None, ..Default::default()
        })]

        /// Leaving apostrophes inside words out of the marks changes no paragraph and
        /// no quotation.
        #[test]
        fn apostrophes_in_words_change_nothing(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "b", "7", " ", "  ", "\n", "\r\n", "\"", "'", "''", "``", "“", "”",
                    "‘", "’", "„", "«", "»", "‹", "›", "‚", ".", ",", "(", "—", "-", "é", "n",
                    "em", "\u{a0}", "\u{2028}",
                ]),
                0..80,
            ),
        ) {
            let text: String = pieces.concat();
            let mut skipped = (Vec::new(), Vec::new(), Vec::new());
            scan_into(&text, &mut skipped.0, &mut skipped.1, &mut skipped.2);
            let mut kept = (Vec::new(), Vec::new(), Vec::new());
            scan_into_with::<false>(&text, &mut kept.0, &mut kept.1, &mut kept.2, false);
            proptest::prop_assert_eq!(&skipped.0, &kept.0);
            proptest::prop_assert_eq!(&skipped.1, &kept.1);
            // The copy without AVX2 too.
            let mut plain = (Vec::new(), Vec::new(), Vec::new());
            scan_into_with::<true>(&text, &mut plain.0, &mut plain.1, &mut plain.2, false);
            proptest::prop_assert_eq!(plain.0, kept.0);
            proptest::prop_assert_eq!(plain.1, kept.1);
        }

        /// The vector masks mark the same bytes as a plain test for a mark or
        /// line-break byte.
        #[test]
        fn masks_find_every_interesting_byte(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b'a', b' ', b'"', b'\'', b'`', b'\n', b'\r', 0xC2, 0xE2, 0x80, 0x9D, 0xAB,
                    b'a', b'b', b'c', b'.', 0xA0, 0x02, 0x22 | 0x20, 0x07, 0x2A, 0xC0, 0xE0,
                ]),
                0..300,
            ),
            from in 0usize..300,
        ) {
            masks_agree(&bytes, from.min(bytes.len()));
        }
    }
}
