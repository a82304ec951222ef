//! Bit masks of 64-byte windows of a block: bit `i` of a mask says whether byte `i` of
//! the window is a blank, an ASCII letter, a digit... The block measurement finds its
//! tokens and counts its byte classes from them instead of looking at every byte.
//!
//! On x86-64 the masks are computed 16 bytes at a time with SSE2, which is part of
//! that target's baseline, or 32 at a time with AVX2 once the CPU is known to have it
//! (see [`Avx2`]); elsewhere one byte at a time. All give the same masks (unit tests
//! compare them).

/// Bytes in a window: one bit of a `u64` each.
pub const WINDOW: usize = 64;

/// The masks of one window that every block needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Masks {
    /// Bytes up to 0x20: ASCII blanks and controls (no-break spaces are the caller's).
    pub blank: u64,
    /// ASCII letters.
    pub letter: u64,
    /// ASCII capitals.
    pub upper: u64,
    /// Bytes after which a capital glues two words: lower-case ASCII letters, digits
    /// and `)` (see the glued headlines of the block measurement).
    pub glue_lead: u64,
    /// ASCII digits.
    pub digit: u64,
    /// Sentence-ending marks: `.`, `!`, `?`.
    pub stop: u64,
    /// Tabs.
    pub tab: u64,
    /// `@`.
    pub at: u64,
    /// Bytes from 0x80 up: the window holds non-ASCII text.
    pub high: u64,
}

/// The masks of the non-ASCII bytes of a window, for windows that hold any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HighMasks {
    /// 0xC2, the first byte of a no-break space (C2 A0) and of Latin-1 symbols.
    pub c2: u64,
    /// 0xA0, the second byte of a no-break space.
    pub a0: u64,
    /// Lead bytes of multi-byte characters (0xC0 and up).
    pub lead: u64,
    /// Lead bytes of punctuation and symbols: 0xC2 (U+0080–U+00BF), 0xE2 (U+2000–U+2FFF).
    pub symbol_lead: u64,
    /// Lead bytes 0xE3–0xED: CJK ideographs, kana and hangul.
    pub cjk: u64,
}

/// A way to compute the masks of a window.
pub trait Kernel: Copy {
    /// The masks of `window`.
    fn masks(self, window: &[u8; WINDOW]) -> Masks;
    /// The non-ASCII masks of `window`.
    fn high_masks(self, window: &[u8; WINDOW]) -> HighMasks;

    /// [`Kernel::masks`] of a window whose second half is zeros (a short block's
    /// zero-padded copy): a kernel may read the first half only.
    #[inline(always)]
    fn masks_of_half(self, window: &[u8; WINDOW]) -> Masks {
        self.masks(window)
    }

    /// [`Kernel::high_masks`] of a window whose second half is zeros.
    #[inline(always)]
    fn high_masks_of_half(self, window: &[u8; WINDOW]) -> HighMasks {
        self.high_masks(window)
    }

    /// The masks of a block of one window at most (of half a window at most when
    /// `HALF`), zero-padded to a window, and its non-ASCII masks when it holds a
    /// non-ASCII byte (zeros otherwise); the block is copied to the start of `copy`,
    /// which holds zeros past it. A kernel may read the masks from the block itself
    /// rather than from the copy: a load of the copy would wait until the copy's
    /// stores have reached the cache, which the CPU cannot forward to a load that
    /// spans several of them. `None` when the block is longer than a window or
    /// `copy` shorter.
    #[inline(always)]
    fn first_window<const HALF: bool>(
        self,
        bytes: &[u8],
        copy: &mut [u8],
    ) -> Option<(Masks, HighMasks)> {
        copy.get_mut(..bytes.len())?.copy_from_slice(bytes);
        let window = copy
            .get(..WINDOW)
            .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok())?;
        if bytes.len() > WINDOW || (HALF && bytes.len() > WINDOW / 2) {
            return None;
        }
        let m = if HALF {
            self.masks_of_half(window)
        } else {
            self.masks(window)
        };
        let h = if m.high == 0 {
            HighMasks::default()
        } else if HALF {
            self.high_masks_of_half(window)
        } else {
            self.high_masks(window)
        };
        Some((m, h))
    }
}

/// Bits of the second half of a window.
#[cfg(target_arch = "x86_64")]
const SECOND_HALF: u64 = u64::MAX << (WINDOW / 2);

/// The masks every CPU of the target computes: SSE2 on x86-64, bytes elsewhere.
#[derive(Clone, Copy, Debug)]
pub struct Baseline;

impl Kernel for Baseline {
    #[inline(always)]
    fn masks(self, window: &[u8; WINDOW]) -> Masks {
        masks(window)
    }

    #[inline(always)]
    fn high_masks(self, window: &[u8; WINDOW]) -> HighMasks {
        high_masks(window)
    }
}

/// The masks computed with AVX2. A value exists only on a CPU that has AVX2, BMI1,
/// BMI2, POPCNT and LZCNT (see [`Avx2::detect`]), so code holding one may use them.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy, Debug)]
pub struct Avx2 {
    _detected: (),
}

#[cfg(target_arch = "x86_64")]
impl Avx2 {
    /// The kernel, when the CPU has the features. Asked for every block, so the
    /// answer of the five checks is kept in one byte ([`AVX2_KNOWN`]), read inline.
    #[inline(always)]
    pub fn detect() -> Option<Avx2> {
        let known = match AVX2_KNOWN.load(std::sync::atomic::Ordering::Relaxed) {
            0 => Self::detect_now(),
            known => known,
        };
        (known == 2).then_some(Avx2 { _detected: () })
    }

    /// Runs the five checks and keeps their answer in [`AVX2_KNOWN`].
    #[cold]
    #[inline(never)]
    fn detect_now() -> u8 {
        let has = std::is_x86_feature_detected!("avx2")
            && std::is_x86_feature_detected!("bmi1")
            && std::is_x86_feature_detected!("bmi2")
            && std::is_x86_feature_detected!("popcnt")
            && std::is_x86_feature_detected!("lzcnt");
        let known = 1 + u8::from(has);
        AVX2_KNOWN.store(known, std::sync::atomic::Ordering::Relaxed);
        known
    }
}

/// Whether the CPU has the features of [`Avx2`]: 0 not yet known, 1 no, 2 yes.
#[cfg(target_arch = "x86_64")]
static AVX2_KNOWN: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

#[cfg(target_arch = "x86_64")]
impl Kernel for Avx2 {
    #[inline(always)]
    fn masks(self, window: &[u8; WINDOW]) -> Masks {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2.
        unsafe { avx2::masks(window) }
    }

    #[inline(always)]
    fn high_masks(self, window: &[u8; WINDOW]) -> HighMasks {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2.
        unsafe { avx2::high_masks(window) }
    }

    /// The first half's 32 bytes in one vector; the zeros of the second half are
    /// blanks of no other class.
    #[inline(always)]
    fn masks_of_half(self, window: &[u8; WINDOW]) -> Masks {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2.
        let mut m = unsafe { avx2::masks_of_half(window) };
        m.blank |= SECOND_HALF;
        m
    }

    /// The first half's 32 bytes in one vector; zeros are in no non-ASCII class.
    #[inline(always)]
    fn high_masks_of_half(self, window: &[u8; WINDOW]) -> HighMasks {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2.
        unsafe { avx2::high_masks_of_half(window) }
    }

    /// The block read into registers with loads of the block itself (two
    /// overlapping ones), the masks computed from there and the copy written with
    /// whole-vector stores.
    #[inline(always)]
    fn first_window<const HALF: bool>(
        self,
        bytes: &[u8],
        copy: &mut [u8],
    ) -> Option<(Masks, HighMasks)> {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2.
        unsafe { avx2::first_window::<HALF>(bytes, copy) }
    }
}

/// The masks of `window`.
#[inline(always)]
pub fn masks(window: &[u8; WINDOW]) -> Masks {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::masks(window)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        masks_bytewise(window)
    }
}

/// The non-ASCII masks of `window`.
#[inline]
pub fn high_masks(window: &[u8; WINDOW]) -> HighMasks {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::high_masks(window)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        high_masks_bytewise(window)
    }
}

/// The newlines of `window`.
#[inline(always)]
pub fn newlines(window: &[u8; WINDOW]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::newlines(window)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        newlines_bytewise(window)
    }
}

/// The ASCII whitespace of `window` (space, tab, line feed, form feed, carriage
/// return: what `u8::is_ascii_whitespace` says).
#[inline(always)]
pub fn ascii_whitespace(window: &[u8; WINDOW]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::ascii_whitespace(window)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        ascii_whitespace_bytewise(window)
    }
}

/// [`ascii_whitespace`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn ascii_whitespace_bytewise(window: &[u8; WINDOW]) -> u64 {
    window
        .iter()
        .enumerate()
        .fold(0, |m, (i, &b)| m | u64::from(b.is_ascii_whitespace()) << i)
}

/// Whether `bytes` holds a blank that is no ASCII whitespace: a control byte other
/// than tab, line feed, form feed and carriage return, or a 0xA0 byte (the second byte
/// of a no-break space, or of another character: the caller only needs a "maybe").
/// Sixteen bytes at a time on x86-64.
pub fn has_odd_blanks(bytes: &[u8]) -> bool {
    let odd = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r')) || b == 0xA0;
    #[cfg(target_arch = "x86_64")]
    {
        let mut chunks = bytes.chunks_exact(16);
        for chunk in &mut chunks {
            if let Ok(chunk) = <&[u8; 16]>::try_from(chunk)
                && sse2::has_odd_blanks(chunk)
            {
                return true;
            }
        }
        chunks.remainder().iter().any(|&b| odd(b))
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        bytes.iter().any(|&b| odd(b))
    }
}

/// [`newlines`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn newlines_bytewise(window: &[u8; WINDOW]) -> u64 {
    window
        .iter()
        .enumerate()
        .fold(0, |m, (i, &b)| m | u64::from(b == b'\n') << i)
}

/// The positions of the newlines of `bytes`, in order, a window at a time.
pub struct Newlines<'a> {
    bytes: &'a [u8],
    /// Start of the current window.
    base: usize,
    /// Newlines of the current window not yet returned.
    pending: u64,
    /// The AVX2 kernel, when the CPU has it: a window in two compares instead of four.
    #[cfg(target_arch = "x86_64")]
    avx2: Option<Avx2>,
}

impl<'a> Newlines<'a> {
    /// The newlines of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut it = Newlines {
            bytes,
            base: 0,
            pending: 0,
            #[cfg(target_arch = "x86_64")]
            avx2: Avx2::detect(),
        };
        it.pending = it.window_newlines();
        it
    }

    /// The newlines of the window at `base` (zero-padded past the end). Inline, so that
    /// the dispatch costs no call per window whatever the caller's size.
    #[inline(always)]
    fn window_newlines(&self) -> u64 {
        #[cfg(target_arch = "x86_64")]
        if self.avx2.is_some() {
            // SAFETY: an `Avx2` value exists only on a CPU that has AVX2.
            return unsafe { self.window_newlines_avx2() };
        }
        self.window_newlines_with(newlines)
    }

    /// [`Newlines::window_newlines`] compiled for AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn window_newlines_avx2(&self) -> u64 {
        self.window_newlines_with(|window| avx2::newlines(window))
    }

    /// The newlines of the window at `base`, found in a whole window by `kernel`.
    #[inline(always)]
    fn window_newlines_with(&self, kernel: impl Fn(&[u8; WINDOW]) -> u64) -> u64 {
        match self.bytes.get(self.base..self.base + WINDOW) {
            Some(full) => full.try_into().map_or(0, kernel),
            None => {
                let mut padded = [0u8; WINDOW];
                let tail = self.bytes.get(self.base..).unwrap_or(&[]);
                padded[..tail.len()].copy_from_slice(tail);
                kernel(&padded)
            }
        }
    }
}

impl Iterator for Newlines<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.pending == 0 {
            self.base += WINDOW;
            if self.base >= self.bytes.len() {
                return None;
            }
            self.pending = self.window_newlines();
        }
        let at = self.base + self.pending.trailing_zeros() as usize;
        self.pending &= self.pending - 1;
        Some(at)
    }
}

/// [`masks`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn masks_bytewise(window: &[u8; WINDOW]) -> Masks {
    let mut m = Masks::default();
    for (i, &b) in window.iter().enumerate() {
        let bit = 1u64 << i;
        let set = |mask: &mut u64, yes: bool| *mask |= if yes { bit } else { 0 };
        set(&mut m.blank, b <= b' ');
        set(&mut m.letter, b.is_ascii_alphabetic());
        set(&mut m.upper, b.is_ascii_uppercase());
        set(
            &mut m.glue_lead,
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b')',
        );
        set(&mut m.digit, b.is_ascii_digit());
        set(&mut m.stop, matches!(b, b'.' | b'!' | b'?'));
        set(&mut m.tab, b == b'\t');
        set(&mut m.at, b == b'@');
        set(&mut m.high, b >= 0x80);
    }
    m
}

/// [`high_masks`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn high_masks_bytewise(window: &[u8; WINDOW]) -> HighMasks {
    let mut m = HighMasks::default();
    for (i, &b) in window.iter().enumerate() {
        let bit = 1u64 << i;
        let set = |mask: &mut u64, yes: bool| *mask |= if yes { bit } else { 0 };
        set(&mut m.c2, b == 0xC2);
        set(&mut m.a0, b == 0xA0);
        set(&mut m.lead, b >= 0xC0);
        set(&mut m.symbol_lead, b == 0xC2 || b == 0xE2);
        set(&mut m.cjk, (0xE3..=0xED).contains(&b));
    }
    m
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8,
    };

    use super::{HighMasks, Masks, WINDOW};

    /// The four 16-byte lanes of a window.
    #[inline(always)]
    fn lanes(window: &[u8; WINDOW]) -> [__m128i; 4] {
        std::array::from_fn(|k| {
            let chunk = &window[16 * k..16 * k + 16];
            // SAFETY: SSE2 is enabled on every x86-64 target, and the unaligned load
            // reads exactly the 16 bytes of `chunk`.
            unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) }
        })
    }

    /// One bit per byte of the four lanes, from a byte-wise test giving 0xFF or 0.
    #[inline(always)]
    fn bits(lanes: &[__m128i; 4], test: impl Fn(__m128i) -> __m128i) -> u64 {
        lanes.iter().enumerate().fold(0u64, |mask, (k, &v)| {
            // SAFETY: SSE2 is enabled on every x86-64 target.
            let m = unsafe { _mm_movemask_epi8(test(v)) } as u32 as u64;
            mask | m << (16 * k)
        })
    }

    #[inline(always)]
    fn splat(b: u8) -> __m128i {
        // SAFETY: SSE2 is enabled on every x86-64 target.
        unsafe { _mm_set1_epi8(b as i8) }
    }

    /// Bytes equal to `b`.
    #[inline(always)]
    fn eq(v: __m128i, b: u8) -> __m128i {
        // SAFETY: SSE2 is enabled on every x86-64 target.
        unsafe { _mm_cmpeq_epi8(v, splat(b)) }
    }

    /// Bytes from `lo` to `hi` (unsigned, inclusive).
    #[inline(always)]
    fn within(v: __m128i, lo: u8, hi: u8) -> __m128i {
        // SAFETY: SSE2 is enabled on every x86-64 target.
        unsafe {
            let shifted = _mm_sub_epi8(v, splat(lo));
            _mm_cmpeq_epi8(_mm_min_epu8(shifted, splat(hi - lo)), shifted)
        }
    }

    /// Bytes up to `hi` (unsigned).
    #[inline(always)]
    fn at_most(v: __m128i, hi: u8) -> __m128i {
        // SAFETY: SSE2 is enabled on every x86-64 target.
        unsafe { _mm_cmpeq_epi8(_mm_min_epu8(v, splat(hi)), v) }
    }

    /// Bytes from `lo` up (unsigned).
    #[inline(always)]
    fn at_least(v: __m128i, lo: u8) -> __m128i {
        // SAFETY: SSE2 is enabled on every x86-64 target.
        unsafe { _mm_cmpeq_epi8(_mm_max_epu8(v, splat(lo)), v) }
    }

    /// [`super::has_odd_blanks`] of 16 bytes.
    #[inline(always)]
    pub fn has_odd_blanks(chunk: &[u8; 16]) -> bool {
        // SAFETY: SSE2 is enabled on every x86-64 target, and the unaligned load reads
        // exactly the 16 bytes of `chunk`.
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            let control = at_most(v, 0x1F);
            let whitespace = _mm_andnot_si128(eq(v, 0x0B), within(v, b'\t', b'\r'));
            let odd = _mm_or_si128(_mm_andnot_si128(whitespace, control), eq(v, 0xA0));
            _mm_movemask_epi8(odd) != 0
        }
    }

    #[inline(always)]
    pub fn newlines(window: &[u8; WINDOW]) -> u64 {
        bits(&lanes(window), |v| eq(v, b'\n'))
    }

    #[inline(always)]
    pub fn ascii_whitespace(window: &[u8; WINDOW]) -> u64 {
        // SAFETY: SSE2 is enabled on every x86-64 target.
        bits(&lanes(window), |v| unsafe {
            _mm_or_si128(
                eq(v, b' '),
                _mm_andnot_si128(eq(v, 0x0B), within(v, b'\t', b'\r')),
            )
        })
    }

    #[inline(always)]
    pub fn masks(window: &[u8; WINDOW]) -> Masks {
        let lanes = lanes(window);
        Masks {
            blank: bits(&lanes, |v| at_most(v, b' ')),
            // SAFETY: SSE2 is enabled on every x86-64 target.
            letter: bits(&lanes, |v| {
                within(unsafe { _mm_or_si128(v, splat(0x20)) }, b'a', b'z')
            }),
            upper: bits(&lanes, |v| within(v, b'A', b'Z')),
            // SAFETY: SSE2 is enabled on every x86-64 target.
            glue_lead: bits(&lanes, |v| unsafe {
                _mm_or_si128(
                    _mm_or_si128(within(v, b'a', b'z'), within(v, b'0', b'9')),
                    eq(v, b')'),
                )
            }),
            digit: bits(&lanes, |v| within(v, b'0', b'9')),
            // SAFETY: SSE2 is enabled on every x86-64 target.
            stop: bits(&lanes, |v| unsafe {
                _mm_or_si128(_mm_or_si128(eq(v, b'.'), eq(v, b'!')), eq(v, b'?'))
            }),
            tab: bits(&lanes, |v| eq(v, b'\t')),
            at: bits(&lanes, |v| eq(v, b'@')),
            // The sign bit of each byte is what the move-mask takes.
            high: bits(&lanes, |v| v),
        }
    }

    #[inline]
    pub fn high_masks(window: &[u8; WINDOW]) -> HighMasks {
        let lanes = lanes(window);
        HighMasks {
            c2: bits(&lanes, |v| eq(v, 0xC2)),
            a0: bits(&lanes, |v| eq(v, 0xA0)),
            lead: bits(&lanes, |v| at_least(v, 0xC0)),
            // SAFETY: SSE2 is enabled on every x86-64 target.
            symbol_lead: bits(&lanes, |v| unsafe {
                _mm_or_si128(eq(v, 0xC2), eq(v, 0xE2))
            }),
            cjk: bits(&lanes, |v| within(v, 0xE3, 0xED)),
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm_loadu_si128, _mm_shuffle_epi8, _mm256_cmpeq_epi8, _mm256_loadu_si256,
        _mm256_max_epu8, _mm256_min_epu8, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set_epi64x,
        _mm256_set_m128i, _mm256_set1_epi8, _mm256_storeu_si256, _mm256_sub_epi8,
    };

    use super::{HighMasks, Masks, WINDOW};

    #[target_feature(enable = "avx2")]
    #[inline]
    fn lanes(window: &[u8; WINDOW]) -> [__m256i; 2] {
        std::array::from_fn(|k| {
            let chunk = &window[32 * k..32 * k + 32];
            // SAFETY: the unaligned load reads exactly the 32 bytes of `chunk`.
            unsafe { _mm256_loadu_si256(chunk.as_ptr().cast()) }
        })
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn bits<const N: usize>(lanes: &[__m256i; N], test: impl Fn(__m256i) -> __m256i) -> u64 {
        let low = _mm256_movemask_epi8(test(lanes[0])) as u32 as u64;
        if N == 1 {
            return opaque(low);
        }
        let high = _mm256_movemask_epi8(test(lanes[N - 1])) as u32 as u64;
        opaque(low | high << 32)
    }

    /// `mask` as it is, hidden from the optimizer: seeing a mask made of byte
    /// compares, LLVM would otherwise rebuild it as a vector of bytes, a bit at a
    /// time, to combine it with the masks of the next window.
    #[inline(always)]
    fn opaque(mut mask: u64) -> u64 {
        // SAFETY: the assembly is empty: it reads and writes nothing but the register
        // holding `mask`, which it leaves as it is.
        unsafe {
            std::arch::asm!(
                "/* {0} */",
                inout(reg) mask,
                options(pure, nomem, nostack, preserves_flags)
            );
        }
        mask
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn eq(v: __m256i, b: u8) -> __m256i {
        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b as i8))
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn within(v: __m256i, lo: u8, hi: u8) -> __m256i {
        let shifted = _mm256_sub_epi8(v, _mm256_set1_epi8(lo as i8));
        _mm256_cmpeq_epi8(
            _mm256_min_epu8(shifted, _mm256_set1_epi8((hi - lo) as i8)),
            shifted,
        )
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn at_most(v: __m256i, hi: u8) -> __m256i {
        _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(hi as i8)), v)
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn at_least(v: __m256i, lo: u8) -> __m256i {
        _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8(lo as i8)), v)
    }

    /// [`super::newlines`] 32 bytes at a time.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub fn newlines(window: &[u8; WINDOW]) -> u64 {
        bits(&lanes(window), |v| eq(v, b'\n'))
    }

    /// [`super::masks`] 32 bytes at a time.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub fn masks(window: &[u8; WINDOW]) -> Masks {
        masks_of_lanes(&lanes(window))
    }

    /// The masks of the first half of `window` (those of the second half are 0).
    #[target_feature(enable = "avx2")]
    #[inline]
    pub fn masks_of_half(window: &[u8; WINDOW]) -> Masks {
        masks_of_lanes(&[lanes(window)[0]])
    }

    /// The masks of the 32-byte `lanes` (one or two).
    #[target_feature(enable = "avx2")]
    #[inline]
    fn masks_of_lanes<const N: usize>(lanes: &[__m256i; N]) -> Masks {
        Masks {
            blank: bits(lanes, |v| at_most(v, b' ')),
            letter: bits(lanes, |v| {
                within(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), b'a', b'z')
            }),
            upper: bits(lanes, |v| within(v, b'A', b'Z')),
            glue_lead: bits(lanes, |v| {
                _mm256_or_si256(
                    _mm256_or_si256(within(v, b'a', b'z'), within(v, b'0', b'9')),
                    eq(v, b')'),
                )
            }),
            digit: bits(lanes, |v| within(v, b'0', b'9')),
            stop: bits(lanes, |v| {
                _mm256_or_si256(_mm256_or_si256(eq(v, b'.'), eq(v, b'!')), eq(v, b'?'))
            }),
            tab: bits(lanes, |v| eq(v, b'\t')),
            at: bits(lanes, |v| eq(v, b'@')),
            high: bits(lanes, |v| v),
        }
    }

    /// [`super::high_masks`] 32 bytes at a time.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub fn high_masks(window: &[u8; WINDOW]) -> HighMasks {
        high_masks_of_lanes(&lanes(window))
    }

    /// The non-ASCII masks of the first half of `window` (those of the second half
    /// are 0).
    #[target_feature(enable = "avx2")]
    #[inline]
    pub fn high_masks_of_half(window: &[u8; WINDOW]) -> HighMasks {
        high_masks_of_lanes(&[lanes(window)[0]])
    }

    /// The non-ASCII masks of the 32-byte `lanes` (one or two).
    #[target_feature(enable = "avx2")]
    #[inline]
    fn high_masks_of_lanes<const N: usize>(lanes: &[__m256i; N]) -> HighMasks {
        HighMasks {
            c2: bits(lanes, |v| eq(v, 0xC2)),
            a0: bits(lanes, |v| eq(v, 0xA0)),
            lead: bits(lanes, |v| at_least(v, 0xC0)),
            symbol_lead: bits(lanes, |v| _mm256_or_si256(eq(v, 0xC2), eq(v, 0xE2))),
            cjk: bits(lanes, |v| within(v, 0xE3, 0xED)),
        }
    }

    /// `[0, 1, ..., 15]` then sixteen bytes with the top bit set: the sixteen bytes
    /// from `16 - k` are the shuffle that moves the last `k` bytes of a lane to its
    /// start and zeros the rest.
    static TAIL_SHUFFLE: [u8; 32] = {
        let mut t = [0x80u8; 32];
        let mut i = 0;
        while i < 16 {
            t[i] = i as u8;
            i += 1;
        }
        t
    };

    /// The eight bytes of `bytes` at `at`, little-endian (zero if out of range).
    #[inline(always)]
    fn load8(bytes: &[u8], at: usize) -> u64 {
        bytes
            .get(at..at + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, u64::from_le_bytes)
    }

    /// The four bytes of `bytes` at `at`, little-endian (zero if out of range).
    #[inline(always)]
    fn load4(bytes: &[u8], at: usize) -> u64 {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    }

    /// The bytes of a block of 32 bytes at most, zero-padded to a vector, read with
    /// two overlapping loads of the block (of 16, 8 or 4 bytes; or three single
    /// bytes).
    #[target_feature(enable = "avx2")]
    #[inline]
    fn short_vector(bytes: &[u8]) -> __m256i {
        let n = bytes.len();
        if let (Some(head), Some(tail), Some(shuffle)) = (
            bytes.get(..16),
            bytes.get(n.wrapping_sub(16)..),
            TAIL_SHUFFLE.get(32usize.wrapping_sub(n)..48usize.wrapping_sub(n)),
        ) && n <= 32
        {
            // SAFETY: each load reads 16 bytes of a slice of 16 bytes or more.
            let (head, tail, shuffle) = unsafe {
                (
                    _mm_loadu_si128(head.as_ptr().cast()),
                    _mm_loadu_si128(tail.as_ptr().cast()),
                    _mm_loadu_si128(shuffle.as_ptr().cast()),
                )
            };
            // Bytes 16.. of the block are the tail load's last `n - 16`.
            return _mm256_set_m128i(_mm_shuffle_epi8(tail, shuffle), head);
        }
        let low = if n >= 8 {
            // The bytes 8.. are the last `n - 8` of the tail load; shifted in two
            // steps so that `n == 8` (a shift by 64) gives zero.
            let tail = (load8(bytes, n - 8) >> 1) >> (8 * (16 - n) - 1);
            return _mm256_set_epi64x(0, 0, tail as i64, load8(bytes, 0) as i64);
        } else if n >= 4 {
            load4(bytes, 0) | (load4(bytes, n - 4) >> (8 * (8 - n))) << 32
        } else if n > 0 {
            let byte = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0)) << (8 * i);
            byte(0) | byte(n / 2) | byte(n - 1)
        } else {
            0
        };
        _mm256_set_epi64x(0, 0, 0, low as i64)
    }

    /// [`super::Kernel::first_window`]: the masks from registers loaded from the
    /// block itself, the copy written with whole-vector stores.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub fn first_window<const HALF: bool>(
        bytes: &[u8],
        copy: &mut [u8],
    ) -> Option<(Masks, HighMasks)> {
        let n = bytes.len();
        if n > WINDOW || (HALF && n > WINDOW / 2) || copy.len() < WINDOW {
            return None;
        }
        if n <= WINDOW / 2 {
            let v = short_vector(bytes);
            let out = copy.get_mut(..32)?;
            // SAFETY: the store writes exactly the 32 bytes of `out`.
            unsafe { _mm256_storeu_si256(out.as_mut_ptr().cast(), v) };
            let mut m = masks_of_lanes(&[v]);
            m.blank |= super::SECOND_HALF;
            let h = if m.high == 0 {
                HighMasks::default()
            } else {
                high_masks_of_lanes(&[v])
            };
            return Some((m, h));
        }
        // Two loads of 32 bytes, the second ending at the block's end: each byte's
        // class is the same in both, so the second's masks, moved to where its bytes
        // are, are or-ed into the first's.
        let (head, tail) = (bytes.get(..32)?, bytes.get(n - 32..)?);
        // SAFETY: each load reads the 32 bytes of a slice of 32 bytes.
        let (head, tail) = unsafe {
            (
                _mm256_loadu_si256(head.as_ptr().cast()),
                _mm256_loadu_si256(tail.as_ptr().cast()),
            )
        };
        let (out_head, out_tail) = (copy.get_mut(..32)?.as_mut_ptr(), copy.get_mut(n - 32..n)?);
        // SAFETY: each store writes 32 bytes of `copy` (its first 32 bytes, and the
        // 32 bytes `out_tail`).
        unsafe {
            _mm256_storeu_si256(out_head.cast(), head);
            _mm256_storeu_si256(out_tail.as_mut_ptr().cast(), tail);
        }
        let shift = n - 32;
        let join = |a: u64, b: u64| a | (b << shift);
        let (a, b) = (masks_of_lanes(&[head]), masks_of_lanes(&[tail]));
        let m = Masks {
            blank: join(a.blank, b.blank) | (u64::MAX << shift << 32),
            letter: join(a.letter, b.letter),
            upper: join(a.upper, b.upper),
            glue_lead: join(a.glue_lead, b.glue_lead),
            digit: join(a.digit, b.digit),
            stop: join(a.stop, b.stop),
            tab: join(a.tab, b.tab),
            at: join(a.at, b.at),
            high: join(a.high, b.high),
        };
        let h = if m.high == 0 {
            HighMasks::default()
        } else {
            let (a, b) = (high_masks_of_lanes(&[head]), high_masks_of_lanes(&[tail]));
            HighMasks {
                c2: join(a.c2, b.c2),
                a0: join(a.a0, b.a0),
                lead: join(a.lead, b.lead),
                symbol_lead: join(a.symbol_lead, b.symbol_lead),
                cjk: join(a.cjk, b.cjk),
            }
        };
        Some((m, h))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn odd_blanks_are_found_in_every_chunk(
            bytes in proptest::collection::vec(prop_oneof![
                4 => Just(b'a'), 2 => Just(b' '), 1 => Just(b'\t'), 1 => Just(b'\n'), 1 => Just(0x0B),
                1 => Just(0x0C), 1 => Just(b'\r'), 1 => Just(0x01), 1 => Just(0x1F), 1 => Just(0x20),
                1 => Just(0xA0), 1 => Just(0xC2), 1 => any::<u8>(),
            ], 0..70),
        ) {
            let expected = bytes.iter().any(|&b| {
                (b < 0x20 && !b.is_ascii_whitespace()) || b == 0xA0
            });
            prop_assert_eq!(has_odd_blanks(&bytes), expected);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        /// A window whose second half is zeros (a short block's padded copy) has the
        /// masks of its whole, whichever half the kernel reads.
        #[test]
        fn half_window_masks_are_the_whole_windows(
            half in proptest::collection::vec(any::<u8>(), 0..=WINDOW / 2),
        ) {
            let mut window = [0u8; WINDOW];
            window[..half.len()].copy_from_slice(&half);
            prop_assert_eq!(Baseline.masks_of_half(&window), masks_bytewise(&window));
            prop_assert_eq!(Baseline.high_masks_of_half(&window), high_masks_bytewise(&window));
            #[cfg(target_arch = "x86_64")]
            if let Some(avx2) = Avx2::detect() {
                prop_assert_eq!(avx2.masks_of_half(&window), masks_bytewise(&window));
                prop_assert_eq!(avx2.high_masks_of_half(&window), high_masks_bytewise(&window));
            }
        }
    }

    /// What `first_window` should give for `block`: the masks of its zero-padded
    /// window, the non-ASCII ones only when it holds a non-ASCII byte, and the copy.
    fn first_window_expected(block: &[u8]) -> (Masks, HighMasks, [u8; WINDOW + 16]) {
        let mut window = [0u8; WINDOW];
        window[..block.len()].copy_from_slice(block);
        let m = masks_bytewise(&window);
        let h = if m.high == 0 {
            HighMasks::default()
        } else {
            high_masks_bytewise(&window)
        };
        let mut copy = [0u8; WINDOW + 16];
        copy[..block.len()].copy_from_slice(block);
        (m, h, copy)
    }

    fn check_first_window(kernel: impl Kernel, block: &[u8]) -> Result<(), TestCaseError> {
        let (m, h, expected_copy) = first_window_expected(block);
        let mut copy = [0u8; WINDOW + 16];
        prop_assert_eq!(kernel.first_window::<false>(block, &mut copy), Some((m, h)));
        prop_assert_eq!(copy, expected_copy);
        if block.len() <= WINDOW / 2 {
            let mut copy = [0u8; WINDOW + 16];
            prop_assert_eq!(kernel.first_window::<true>(block, &mut copy), Some((m, h)));
            prop_assert_eq!(copy, expected_copy);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

        /// A block of one window has the masks and copy of its zero-padded window,
        /// whatever its length and however the kernel loads it.
        #[test]
        fn first_window_masks_are_the_padded_windows(
            block in proptest::collection::vec(prop_oneof![
                4 => any::<u8>(), 2 => Just(b' '), 1 => Just(0xC2), 1 => Just(0xA0),
            ], 0..=WINDOW),
        ) {
            check_first_window(Baseline, &block)?;
            #[cfg(target_arch = "x86_64")]
            if let Some(avx2) = Avx2::detect() {
                check_first_window(avx2, &block)?;
            }
        }
    }

    #[test]
    fn first_window_of_every_length() {
        let text: Vec<u8> = (0..WINDOW as u8).map(|i| b'A' + i % 50).collect();
        for len in 0..=WINDOW {
            check_first_window(Baseline, &text[..len]).expect("baseline");
            #[cfg(target_arch = "x86_64")]
            if let Some(avx2) = Avx2::detect() {
                check_first_window(avx2, &text[..len]).expect("avx2");
            }
        }
    }

    #[test]
    fn newlines_are_found_in_every_window() {
        for len in [0usize, 1, 63, 64, 65, 200] {
            let text: Vec<u8> = (0..len)
                .map(|i| if i % 7 == 3 { b'\n' } else { b'a' })
                .collect();
            let expected: Vec<usize> = (0..len).filter(|i| i % 7 == 3).collect();
            assert_eq!(Newlines::new(&text).collect::<Vec<_>>(), expected, "{len}");
            // The baseline kernel too, whichever the CPU would take.
            let mut baseline = Newlines {
                bytes: &text,
                base: 0,
                pending: 0,
                #[cfg(target_arch = "x86_64")]
                avx2: None,
            };
            baseline.pending = baseline.window_newlines();
            assert_eq!(baseline.collect::<Vec<_>>(), expected, "{len}");
        }
    }

    #[test]
    fn newline_kernels_agree_on_every_byte() {
        let mut window = [0u8; WINDOW];
        for shift in [0usize, 1, 7, 10, 63] {
            for (i, b) in window.iter_mut().enumerate() {
                *b = ((i * 37 + shift * 11) % 256) as u8;
            }
            for at in [0, shift * 5 % WINDOW, 31, 32, WINDOW - 1] {
                window[at] = b'\n';
            }
            let expected = newlines_bytewise(&window);
            assert!(expected.count_ones() >= 4);
            assert_eq!(newlines(&window), expected);
            #[cfg(target_arch = "x86_64")]
            if Avx2::detect().is_some() {
                // SAFETY: the CPU has AVX2.
                assert_eq!(unsafe { avx2::newlines(&window) }, expected);
            }
        }
    }

    #[test]
    fn vector_and_bytewise_masks_agree() {
        let mut window = [0u8; WINDOW];
        // Every byte value, in windows shifted by a few positions.
        for shift in [0usize, 1, 7, 63] {
            for (i, b) in window.iter_mut().enumerate() {
                *b = ((i * 37 + shift * 11) % 256) as u8;
            }
            assert_eq!(masks(&window), masks_bytewise(&window));
            #[cfg(target_arch = "x86_64")]
            if let Some(avx2) = Avx2::detect() {
                assert_eq!(avx2.masks(&window), masks_bytewise(&window));
                assert_eq!(avx2.high_masks(&window), high_masks_bytewise(&window));
            }
            assert_eq!(newlines(&window), newlines_bytewise(&window));
            assert_eq!(
                ascii_whitespace(&window),
                ascii_whitespace_bytewise(&window)
            );
            assert_eq!(high_masks(&window), high_masks_bytewise(&window));
        }
        let mut text = [b' '; WINDOW];
        let line = "The mayor\u{a0}said: “yes” @ 12\tpm 政!".as_bytes();
        text[..line.len()].copy_from_slice(line);
        let m = masks(&text);
        assert_eq!(m, masks_bytewise(&text));
        assert_eq!(m.tab.count_ones(), 1);
        assert_eq!(m.digit.count_ones(), 2);
        assert_eq!(m.letter.count_ones(), 17, "Themayorsaidyespm");
        let h = high_masks(&text);
        assert_eq!(h, high_masks_bytewise(&text));
        assert_eq!(
            (h.c2.count_ones(), h.a0.count_ones(), h.cjk.count_ones()),
            (1, 1, 1)
        );
    }
}
