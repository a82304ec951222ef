//! `char::is_alphabetic` and `is_alphanumeric` with the common cases answered first.
//!
//! News text is full of curly quotes, dashes, no-break spaces, accented Latin and
//! Cyrillic letters. The standard library answers for them through its general Unicode
//! table search, at a few hundred instructions a character: it was 40% of all the
//! stage's work on real articles. Below U+3100 (the alphabets of Europe, the Middle
//! East and India, punctuation, currency signs, kana) the answers come from two bit
//! tables generated from the standard library; Hangul syllables and CJK ideographs are
//! all letters; every other character still goes to the standard library. A test checks that both agree
//! on every code point.

/// The code points the tables cover.
const TABLE_END: u32 = 0x3100;

// Bit `u % 64` of word `u / 64` is set when `char::from_u32(u)` is alphabetic (resp.
// alphanumeric), for `u < TABLE_END`. Generated from the standard library (Unicode 16,
// Rust 1.95); the test below fails if a newer library disagrees.
#[rustfmt::skip]
static ALPHA: [u64; 196] = [
    0x0000000000000000, 0x07fffffe07fffffe, 0x0420040000000000, 0xff7fffffff7fffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000501f0003ffc3,
    0x0000000000000000, 0xbcdffff800000020, 0xfffffffbffffd740, 0xffbfffffffffffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffc03, 0xffffffffffffffff,
    0xfffeffffffffffff, 0xffffffff027fffff, 0xbfff0000000001ff, 0x000787ffffff00b6,
    0xffffffff07ff0000, 0xffffc000feffffff, 0xffffffffffffffff, 0x9c00e1fe1fefffff,
    0xffffffffffff0000, 0xffffffffffffe000, 0x0003ffffffffffff, 0x043007fffffffc00,
    0x00001ffffcffffff, 0xffff07ff01ffffff, 0xffffffff0080feff, 0xffff03f8fff003ff,
    0xefffffffffffffff, 0xfffe000fffe1dfff, 0xe3c5fdfffff99fef, 0x1003000fb080599f,
    0xc36dfdfffff987ee, 0x003f00005e021987, 0xe3edfdfffffbbfee, 0x1e00000f00011bbf,
    0xe3edfdfffff99fee, 0x0002000fb0c0199f, 0xc3ffc718d63dc7ec, 0x0000000000811dc7,
    0xe3fffdfffffddfff, 0x0000000f37601ddf, 0xe3effdfffffddfef, 0x000e000f70601ddf,
    0xe7fffffffffddfff, 0xfc00000f80f05ddf, 0x2ffbfffffc7fffee, 0x000c0000ff5f807f,
    0x07fffffffffffffe, 0x000000000000207f, 0x3bffffaffffff7d6, 0x00000000f000205f,
    0x0000000000000001, 0xfffe1ffffffffeff, 0x1ffffffffeffff0f, 0x0000000000000000,
    0xf97fffffffffffff, 0xffffffffffff0000, 0xffffffff3c00ffff, 0xf7ffffffffff20bf,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffffffff3d7f3dff, 0x7f3dffffffff3dff, 0xffffffffff7fff3d,
    0xffffffffff3dffff, 0x0000000007ffffff, 0xffffffff0000ffff, 0x3f3fffffffffffff,
    0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffff9fffffffffff, 0xffffffff07fffffe, 0x01ffc7ffffffffff,
    0x000fffff800fffff, 0x000ddfff000fffff, 0xffcfffffffffffff, 0x00000000108001ff,
    0xffffffff00000000, 0x01ffffffffffffff, 0xffff07ffffffffff, 0x003fffffffffffff,
    0x01ff0fff7fffffff, 0x001f3fffffff0000, 0xffff0fffffffffff, 0x00000000000003ff,
    0xffffffff0fffffff, 0x001ffffe7fffffff, 0x8000008000000000, 0x0000000000007001,
    0xffefffffffffffff, 0x0000000000001fef, 0xfc00f3ffffffffff, 0x0003ffbfffffffff,
    0x007fffffffffffff, 0x3ffffffffc00e000, 0xe7ffffffffff07ff, 0x046fde0000000000,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x001ffffffff80000,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffff3f3fffff, 0x3fffffffaaff3f3f, 0x5fdfffffffffffff, 0x1fdc1fff0fcf1fdc,
    0x0000000000000000, 0x8002000000000000, 0x000000001fff0000, 0x0000000000000000,
    0xf3ffbd503e2ffc84, 0xffffffff000043e0, 0x00000000000001ff, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0xffc0000000000000, 0x000003ffffffffff,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x000c781fffffffff,
    0xffff20bfffffffff, 0x000080ffffffffff, 0x7f7f7f7f007fffff, 0xffffffff7f7f7f7f,
    0x0000800000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x1f3e03fe000000e0, 0xfffffffffffffffe, 0xfffffffee07fffff, 0xf7ffffffffffffff,
];
#[rustfmt::skip]
static ALNUM: [u64; 196] = [
    0x03ff000000000000, 0x07fffffe07fffffe, 0x762c040000000000, 0xff7fffffff7fffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000501f0003ffc3,
    0x0000000000000000, 0xbcdffff800000020, 0xfffffffbffffd740, 0xffbfffffffffffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffc03, 0xffffffffffffffff,
    0xfffeffffffffffff, 0xffffffff027fffff, 0xbfff0000000001ff, 0x000787ffffff00b6,
    0xffffffff07ff0000, 0xffffc3fffeffffff, 0xffffffffffffffff, 0x9fffe1fe1fefffff,
    0xffffffffffff0000, 0xffffffffffffe000, 0x0003ffffffffffff, 0x043007ffffffffff,
    0x00001ffffcffffff, 0xffff07ff01ffffff, 0xffffffff0080feff, 0xffff03f8fff003ff,
    0xefffffffffffffff, 0xfffeffcfffe1dfff, 0xe3c5fdfffff99fef, 0x13f3ffcfb080599f,
    0xc36dfdfffff987ee, 0x003fffc05e021987, 0xe3edfdfffffbbfee, 0x1e00ffcf00011bbf,
    0xe3edfdfffff99fee, 0x00feffcfb0c0199f, 0xc3ffc718d63dc7ec, 0x0007ffc000811dc7,
    0xe3fffdfffffddfff, 0x7f00ffcf37601ddf, 0xe3effdfffffddfef, 0x000effcf70601ddf,
    0xe7fffffffffddfff, 0xfdffffcffff05ddf, 0x2ffbfffffc7fffee, 0x000cffc0ff5f807f,
    0x07fffffffffffffe, 0x0000000003ff207f, 0x3bffffaffffff7d6, 0x00000000f3ff205f,
    0x000fffff00000001, 0xfffe1ffffffffeff, 0x1ffffffffeffff0f, 0x0000000000000000,
    0xf97fffffffffffff, 0xffffffffffff03ff, 0xffffffff3fffffff, 0xf7ffffffffff20bf,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffffffff3d7f3dff, 0x7f3dffffffff3dff, 0xffffffffff7fff3d,
    0xffffffffff3dffff, 0x1ffffe0007ffffff, 0xffffffff0000ffff, 0x3f3fffffffffffff,
    0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffffffffffff, 0xffff9fffffffffff, 0xffffffff07fffffe, 0x01ffc7ffffffffff,
    0x000fffff800fffff, 0x000ddfff000fffff, 0xffcfffffffffffff, 0x03ff03ff108001ff,
    0xffffffff03ff0000, 0x01ffffffffffffff, 0xffff07ffffffffff, 0x003fffffffffffff,
    0x01ff0fff7fffffff, 0x001f3fffffffffc0, 0xffff0fffffffffff, 0x0000000007ff03ff,
    0xffffffff0fffffff, 0x001ffffe7fffffff, 0x8000008003ff03ff, 0x0000000000007001,
    0xffefffffffffffff, 0x0000000003ff1fef, 0xfffff3ffffffffff, 0x0003ffbfffffffff,
    0x007fffffffffffff, 0x3fffffffffffe3ff, 0xe7ffffffffff07ff, 0x046fde0000000000,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x001ffffffff80000,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
    0xffffffff3f3fffff, 0x3fffffffaaff3f3f, 0x5fdfffffffffffff, 0x1fdc1fff0fcf1fdc,
    0x0000000000000000, 0x83f3000000000000, 0x000000001fff03ff, 0x0000000000000000,
    0xf3ffbd503e2ffc84, 0xffffffffffff43e0, 0x00000000000003ff, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0xffffffff00000000, 0xffc000000fffffff, 0xffffffffffffffff,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0xffc0000000000000, 0x00000000000fffff, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x200c781fffffffff,
    0xffff20bfffffffff, 0x000080ffffffffff, 0x7f7f7f7f007fffff, 0xffffffff7f7f7f7f,
    0x0000800000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x1f3e03fe000000e0, 0xfffffffffffffffe, 0xfffffffee07fffff, 0xf7ffffffffffffff,
];

/// The char starting at byte `pos` of a `str`'s bytes and its length, decoded by hand
/// (the text is valid UTF-8, so no check is needed beyond staying in bounds).
#[inline]
pub(crate) fn char_at(bytes: &[u8], pos: usize) -> Option<(char, usize)> {
    let b0 = u32::from(*bytes.get(pos)?);
    let cont = |i: usize| bytes.get(pos + i).map_or(0, |&b| u32::from(b & 0x3F));
    let (u, len) = match b0 {
        0..=0x7F => (b0, 1),
        0xC0..=0xDF => ((b0 & 0x1F) << 6 | cont(1), 2),
        0xE0..=0xEF => ((b0 & 0x0F) << 12 | cont(1) << 6 | cont(2), 3),
        _ => (
            (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
            4,
        ),
    };
    Some((char::from_u32(u)?, len))
}

/// The length of the char at byte `pos` when it is alphanumeric (as
/// [`char::is_alphanumeric`]), `None` when it is not or the text ends. Two-byte chars
/// (Latin, Greek, Cyrillic...) are decoded inline and looked up in the table.
#[inline]
pub(crate) fn alnum_len_at(bytes: &[u8], pos: usize) -> Option<usize> {
    let b0 = *bytes.get(pos)?;
    match b0 {
        0..=0x7F => b0.is_ascii_alphanumeric().then_some(1),
        0xC0..=0xDF => {
            let u = u32::from(b0 & 0x1F) << 6 | u32::from(bytes.get(pos + 1)? & 0x3F);
            bit(&ALNUM, u).then_some(2)
        }
        _ => {
            let (c, len) = char_at(bytes, pos)?;
            is_alnum(c).then_some(len)
        }
    }
}

fn bit(table: &[u64], u: u32) -> bool {
    table
        .get((u / 64) as usize)
        .is_some_and(|w| w & (1 << (u % 64)) != 0)
}

/// Whether `c` is alphabetic, exactly as [`char::is_alphabetic`].
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        u @ 0x80..TABLE_END => bit(&ALPHA, u),
        // Hangul syllables and CJK ideographs: all letters.
        0xAC00..=0xD7A3 | 0x4E00..=0x9FFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is alphanumeric, exactly as [`char::is_alphanumeric`].
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        u @ 0x80..TABLE_END => bit(&ALNUM, u),
        0xAC00..=0xD7A3 | 0x4E00..=0x9FFF => true,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_the_standard_library() {
        let text = "a£€𝄞ரூ—ж";
        let mut pos = 0;
        for c in text.chars() {
            assert_eq!(char_at(text.as_bytes(), pos), Some((c, c.len_utf8())));
            pos += c.len_utf8();
        }
        assert_eq!(char_at(text.as_bytes(), pos), None);
    }

    #[test]
    fn agrees_with_the_standard_library_on_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
