//! A JSON string writer for the output's strings and object keys.
//!
//! serde_json escapes strings one byte at a time through a lookup table; on article text,
//! where almost nothing needs escaping, that loop was 40 % of the runner's own time. This
//! writer tests thirty-two bytes at a time in long strings (AVX2, where the CPU has it),
//! sixteen otherwise (SSE2 on x86_64; eight at a time elsewhere) for the only bytes JSON
//! requires escaping (`"`, `\` and controls below 0x20), appending each block with a
//! fixed-size copy (see [`write_str_general`]). Strings of at most sixteen bytes (keys,
//! kinds, units, short span texts: most of the calls) take a path with no `memcpy` call
//! at all (see [`write_short`]), and [`KeyCache`] renders a layer's repeated keys and
//! short values once. Integers go through a digit-pair formatter the same way. The
//! output is identical to serde_json's (same escapes, lowercase `\u00XX`, non-ASCII
//! passed through), which property tests check.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// A mask with the top bit set in (at least) each byte of `w` that is below 0x20 or
/// equals `"` (0x22) or `\` (0x5C), little-endian. The classic SWAR tests can flag a byte
/// above a true match by a borrow, never one below it, so the lowest flagged byte is
/// always a real match. A byte with its top bit set (UTF-8) never matches.
#[inline]
fn escape_mask(w: u64) -> u64 {
    let below_0x20 = w.wrapping_sub(LO * 0x20) & !w;
    let quote = w ^ (LO * b'"' as u64);
    let backslash = w ^ (LO * b'\\' as u64);
    let has_zero = |v: u64| v.wrapping_sub(LO) & !v;
    (below_0x20 | has_zero(quote) | has_zero(backslash)) & HI
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn escape_mask16_sse2(chunk: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    // SAFETY: `chunk` is 16 readable bytes; the load needs no alignment.
    let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) };
    // `min(v, 0x1f) == v` exactly for the bytes up to 0x1f, compared unsigned.
    let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
    let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
    let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
    _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) as u32
}

/// The bytes of `b` (at most sixteen) as two little-endian words, zero past the end,
/// or `None` when one of them must be escaped (or `b` is longer). Built from a few
/// overlapping fixed-size loads, so a short string costs no `memcpy` call.
#[inline(always)]
fn short_words(b: &[u8]) -> Option<(u64, u64)> {
    let n = b.len();
    let word = |at: usize| -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let (lo, hi) = if n >= 8 {
        if n > 16 {
            return None;
        }
        // The last eight bytes, moved down so that byte 8 of `b` lands at the bottom;
        // for n == 8 there is nothing left (a shift by 64 would overflow).
        let hi = if n > 8 {
            word(n - 8) >> (8 * (16 - n))
        } else {
            0
        };
        (word(0), hi)
    } else if n >= 4 {
        let half = |at: usize| -> u64 {
            let mut w = [0u8; 4];
            w.copy_from_slice(&b[at..at + 4]);
            u64::from(u32::from_le_bytes(w))
        };
        // Bytes 0..4 and n-4..n overlap on equal bytes, so OR puts each in its place.
        (half(0) | half(n - 4) << (8 * (n - 4)), 0)
    } else if n > 0 {
        // 0, n/2 and n-1 cover every position of one to three bytes.
        let lo = u64::from(b[0])
            | u64::from(b[n / 2]) << (8 * (n / 2))
            | u64::from(b[n - 1]) << (8 * (n - 1));
        (lo, 0)
    } else {
        (0, 0)
    };
    (short_escapes(lo, hi, n) == 0).then_some((lo, hi))
}

/// Whether any of the first `n` (at most sixteen) bytes of `lo`, then `hi`, must be
/// escaped: nonzero if so. The zero padding above the end would count as controls, so
/// only the real bytes' flags are kept.
#[cfg(target_arch = "x86_64")]
#[inline]
fn short_escapes(lo: u64, hi: u64, n: usize) -> u32 {
    let mut chunk = [0u8; 16];
    chunk[..8].copy_from_slice(&lo.to_le_bytes());
    chunk[8..].copy_from_slice(&hi.to_le_bytes());
    // SAFETY: SSE2 is part of every x86_64 target.
    let mask = unsafe { escape_mask16_sse2(&chunk) };
    mask & ((1u32 << n) - 1)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn short_escapes(lo: u64, hi: u64, n: usize) -> u32 {
    // A SWAR false flag sits above a real match, so a flag survives the cut exactly
    // when a real byte needs escaping.
    let valid = |k: usize| {
        if k >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * k)) - 1
        }
    };
    let hits = (escape_mask(lo) & valid(n)) | (escape_mask(hi) & valid(n.saturating_sub(8)));
    u32::from(hits != 0)
}

/// Appends `prefix`, `s` and `suffix` when `s` is at most sixteen bytes and needs no
/// escaping, and says whether it did. The pieces are put together in a stack buffer
/// and appended as one fixed 32-byte block (a few vector moves, where a slice of
/// variable length calls `memcpy`), then the scratch past the end is cut off again.
#[inline(always)]
fn write_short<const P: usize, const S: usize>(
    out: &mut Vec<u8>,
    prefix: &[u8; P],
    s: &[u8],
    suffix: &[u8; S],
) -> bool {
    const { assert!(P + 16 + S <= 32) };
    let Some((lo, hi)) = short_words(s) else {
        return false;
    };
    let n = s.len(); // at most 16, as `short_words` checked
    let mut buf = [0u8; 32];
    buf[..P].copy_from_slice(prefix);
    buf[P..P + 8].copy_from_slice(&lo.to_le_bytes());
    buf[P + 8..P + 16].copy_from_slice(&hi.to_le_bytes());
    if let Some(tail) = buf.get_mut(P + n..P + n + S) {
        tail.copy_from_slice(suffix);
    }
    let end = out.len() + P + n + S;
    out.extend_from_slice(&buf);
    out.truncate(end);
    true
}

/// Appends `,"key":`, the start of an object member after the first; the key is
/// escaped as any string would be.
pub fn write_key_after_first(out: &mut Vec<u8>, key: &str) {
    if !write_short(out, b",\"", key.as_bytes(), b"\":") {
        out.push(b',');
        write_str_general(out, key);
        out.push(b':');
    }
}

/// Appends `"key":`, an object's first member's key.
pub fn write_key(out: &mut Vec<u8>, key: &str) {
    if !write_short(out, b"\"", key.as_bytes(), b"\":") {
        write_str_general(out, key);
        out.push(b':');
    }
}

/// Appends `s` as a JSON string literal, quotes included.
#[inline]
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    if !write_short(out, b"\"", s.as_bytes(), b"\"") {
        write_str_general(out, s);
    }
}

/// [`write_str`] for any string: the path for long strings and those that need escaping.
///
/// Each block of 32 bytes (AVX2, where the CPU has it), then of 16 (SSE2), is appended
/// whole with a fixed-size copy as soon as it is tested; when it holds a byte to escape,
/// the output is cut back to just before that byte, the escape written, and the next
/// block read from the byte after it. A clean run thus costs no `memcpy` call, and an
/// escape (article text has one every few dozen bytes: paragraph breaks, straight
/// quotes) one short cut instead of a call. The last bytes (fewer than sixteen) go
/// through the short-string path.
fn write_str_general(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut at = 0; // first byte not yet written
    #[cfg(target_arch = "x86_64")]
    {
        if bytes.len() >= 64 && std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 was just detected.
            at = unsafe { copy_blocks_avx2(out, bytes) };
        }
        while let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
            // SAFETY: SSE2 is part of every x86_64 target.
            let mask = unsafe { escape_mask16_sse2(chunk) };
            at += copy_block(out, chunk, mask);
        }
    }
    let rest = bytes.get(at..).unwrap_or_default();
    if !write_short(out, b"", rest, b"\"") {
        escape_bytes(out, rest);
        out.push(b'"');
    }
}

/// Appends `chunk`, or when `mask` (bit `k` for `chunk[k]`) flags a byte to escape, the
/// bytes before the first flagged one and its escape; returns how many bytes of
/// `chunk` that wrote.
#[inline(always)]
fn copy_block<const N: usize>(out: &mut Vec<u8>, chunk: &[u8; N], mask: u32) -> usize {
    out.extend_from_slice(chunk);
    if mask == 0 {
        return N;
    }
    let first = mask.trailing_zeros() as usize; // below N: `mask` has N bits
    out.truncate(out.len() - (N - first));
    write_escape(out, chunk[first]);
    first + 1
}

/// Writes `bytes` from the front in blocks of 32 as [`write_str_general`] says, and
/// returns where it stopped (fewer than 32 bytes before the end).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn copy_blocks_avx2(out: &mut Vec<u8>, bytes: &[u8]) -> usize {
    use std::arch::x86_64::{
        _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8,
    };
    let control = _mm256_set1_epi8(0x1f);
    let quote = _mm256_set1_epi8(b'"' as i8);
    let backslash = _mm256_set1_epi8(b'\\' as i8);
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<32>()) {
        // SAFETY: `chunk` is 32 readable bytes; the load needs no alignment.
        let v = unsafe { _mm256_loadu_si256(chunk.as_ptr().cast()) };
        // As in `escape_mask16_sse2`: `min(v, 0x1f) == v` marks the controls.
        let hits = _mm256_or_si256(
            _mm256_cmpeq_epi8(_mm256_min_epu8(v, control), v),
            _mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, backslash)),
        );
        at += copy_block(out, chunk, _mm256_movemask_epi8(hits) as u32);
    }
    at
}

/// Appends `bytes` escaped, eight at a time where no byte needs it: the path for
/// targets without SSE2 and for a short tail that holds an escape.
fn escape_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut start = 0; // first byte not yet copied
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let mask = escape_mask(u64::from_le_bytes(word));
            if mask == 0 {
                i += 8;
                continue;
            }
            // Jump to the first byte that may need escaping (the SWAR mask can also
            // flag bytes above a real match, so the rest is checked one by one).
            i += (mask.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        if b < 0x20 || b == b'"' || b == b'\\' {
            out.extend_from_slice(&bytes[start..i]);
            write_escape(out, b);
            start = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// The two-digit decimal strings "00" to "99", back to back.
const DIGIT_PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// Appends `n` in decimal, as `itoa` would, but with no `memcpy` call: the digits are
/// put at the front of a stack buffer that is appended whole and cut back (offsets and
/// counts have a few digits each, and calling `memcpy` for those cost more than the
/// digits).
#[inline]
pub fn write_u64(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 24];
    let len = put_digits(&mut buf, n);
    let end = out.len() + len;
    out.extend_from_slice(&buf);
    out.truncate(end);
}

/// Appends `n` in decimal (a minus sign first when negative).
#[inline]
pub fn write_i64(out: &mut Vec<u8>, n: i64) {
    let mut buf = [0u8; 24];
    let sign = usize::from(n < 0);
    buf[0] = b'-';
    let (_, digits) = buf.split_at_mut(sign);
    let Some(digits) = digits.first_chunk_mut::<20>() else {
        return; // unreachable: 23 bytes follow the sign
    };
    let len = sign + put_digits(digits, n.unsigned_abs());
    let end = out.len() + len;
    out.extend_from_slice(&buf);
    out.truncate(end);
}

/// Appends the start of a span object, `{"start":S,"end":E`, after a comma when it is
/// not the list's first: one fixed append for what would be five.
#[inline]
pub fn write_span_head(out: &mut Vec<u8>, comma: bool, start: u32, end: u32) {
    const START: &[u8; 9] = b"{\"start\":";
    const END: &[u8; 7] = b",\"end\":";
    // At most 1 + 9 + 10 + 7 + 10 bytes; `put_digits` wants twenty free from where it
    // writes, so 64 leaves room at every step.
    let mut buf = [0u8; 64];
    buf[0] = b',';
    let mut len = usize::from(comma);
    buf[len..len + START.len()].copy_from_slice(START);
    len += START.len();
    if let Some(digits) = buf[len..].first_chunk_mut::<20>() {
        len += put_digits(digits, u64::from(start));
    }
    buf[len..len + END.len()].copy_from_slice(END);
    len += END.len();
    if let Some(digits) = buf[len..].first_chunk_mut::<20>() {
        len += put_digits(digits, u64::from(end));
    }
    let total = out.len() + len;
    out.extend_from_slice(&buf);
    out.truncate(total);
}

/// Object members' beginnings rendered the first time they are written, by their place
/// in the member list: the spans of one layer mostly repeat the same keys in the same
/// order (a stage's static names), and often the same short values (a kind, a unit,
/// `null`), so a key, or a key with such a value, is then one pointer compare and one
/// fixed append instead of an escape check. A key or value is recognized by its
/// address and length, which while the cache lives (all it saw is borrowed for as
/// long, so none can change or be freed) means the same bytes.
pub struct KeyCache {
    slots: [KeySlot; KEY_SLOTS],
}

const KEY_SLOTS: usize = 16;

#[derive(Clone, Copy)]
struct KeySlot {
    /// The key's address; null (no `&str` has it) while the slot is empty.
    at: *const u8,
    /// The key's length in bytes.
    len: usize,
    /// `,"key":null` and scratch after it: the key alone is its first `len + 4`
    /// bytes.
    rendered: [u8; 32],
    /// The address of the string value in `member`; null when there is none.
    value_at: *const u8,
    /// That value's length in bytes.
    value_len: usize,
    /// `,"key":"value"` and scratch after it.
    member: [u8; 48],
}

impl Default for KeyCache {
    fn default() -> Self {
        KeyCache {
            slots: [KeySlot {
                at: std::ptr::null(),
                len: 0,
                rendered: [0; 32],
                value_at: std::ptr::null(),
                value_len: 0,
                member: [0; 48],
            }; KEY_SLOTS],
        }
    }
}

/// Appends the first `len` bytes of `rendered` with one fixed-size copy.
#[inline(always)]
fn append_prefix<const N: usize>(out: &mut Vec<u8>, rendered: &[u8; N], len: usize) {
    let end = out.len() + len.min(N);
    out.extend_from_slice(rendered);
    out.truncate(end);
}

impl KeyCache {
    /// The slot for `key` at `place`, rendered for it if it held another key; `None`
    /// when the key cannot be cached (past the slots, too long, or to be escaped).
    #[inline(always)]
    fn slot(&mut self, place: usize, key: &str) -> Option<&mut KeySlot> {
        let slot = self.slots.get_mut(place)?;
        if slot.at != key.as_ptr() || slot.len != key.len() {
            let (lo, hi) = short_words(key.as_bytes())?;
            slot.rendered[..2].copy_from_slice(b",\"");
            slot.rendered[2..10].copy_from_slice(&lo.to_le_bytes());
            slot.rendered[10..18].copy_from_slice(&hi.to_le_bytes());
            if let Some(tail) = slot.rendered.get_mut(2 + key.len()..8 + key.len()) {
                tail.copy_from_slice(b"\":null");
            }
            slot.at = key.as_ptr();
            slot.len = key.len();
            slot.value_at = std::ptr::null();
        }
        Some(slot)
    }

    /// Appends `,"key":` for the member at `place` of an object.
    #[inline(always)]
    pub fn write_key_after_first(&mut self, out: &mut Vec<u8>, place: usize, key: &str) {
        match self.slot(place, key) {
            Some(slot) => append_prefix(out, &slot.rendered, slot.len + 4),
            None => write_key_after_first(out, key),
        }
    }

    /// Appends `,"key":null` for the member at `place` of an object.
    #[inline(always)]
    pub fn write_null_member(&mut self, out: &mut Vec<u8>, place: usize, key: &str) {
        match self.slot(place, key) {
            Some(slot) => append_prefix(out, &slot.rendered, slot.len + 8),
            None => {
                write_key_after_first(out, key);
                out.extend_from_slice(b"null");
            }
        }
    }

    /// Appends `,"key":"value"` for the member at `place` of an object.
    #[inline(always)]
    pub fn write_str_member(&mut self, out: &mut Vec<u8>, place: usize, key: &str, value: &str) {
        let Some(slot) = self.slot(place, key) else {
            write_key_after_first(out, key);
            write_str(out, value);
            return;
        };
        let key_end = slot.len + 4; // at most 20
        if slot.value_at != value.as_ptr() || slot.value_len != value.len() {
            let Some((lo, hi)) = short_words(value.as_bytes()) else {
                append_prefix(out, &slot.rendered, key_end);
                write_str_general(out, value);
                return;
            };
            if let Some(key_part) = slot.member.first_chunk_mut::<32>() {
                *key_part = slot.rendered;
            }
            // `key_end + 18 <= 38`: the value's sixteen bytes and its quotes fit.
            if let Some(quoted) = slot.member.get_mut(key_end..key_end + 18) {
                quoted[0] = b'"';
                quoted[1..9].copy_from_slice(&lo.to_le_bytes());
                quoted[9..17].copy_from_slice(&hi.to_le_bytes());
                quoted[1 + value.len()] = b'"';
            }
            slot.value_at = value.as_ptr();
            slot.value_len = value.len();
        }
        append_prefix(out, &slot.member, key_end + slot.value_len + 2);
    }
}

/// Writes the decimal digits of `n` at the front of `buf` and says how many (one to
/// twenty: `u64::MAX` has twenty).
#[inline]
fn put_digits<const N: usize>(buf: &mut [u8; N], mut n: u64) -> usize {
    const { assert!(N >= 20) };
    let len = n.checked_ilog10().map_or(1, |log| log as usize + 1);
    let mut end = len;
    // Two digits at a time from the last; `end` stays at least 2 in the loop, as
    // `n >= 100` has at least two digits still to write before position `end`.
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        end -= 2;
        buf[end..end + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        buf[..2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        buf[0] = b'0' + n as u8;
    }
    len
}

/// Appends the JSON escape of `b`, one of `"`, `\` or a control byte below 0x20.
#[inline]
fn write_escape(out: &mut Vec<u8>, b: u8) {
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        0x08 => b'b',
        0x0c => b'f',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn integer_extremes() {
        for (n, text) in [
            (i64::MIN, "-9223372036854775808"),
            (i64::MAX, "9223372036854775807"),
            (0, "0"),
            (-1, "-1"),
            (-10, "-10"),
        ] {
            let mut out = Vec::new();
            write_i64(&mut out, n);
            assert_eq!(out, text.as_bytes());
        }
        let mut out = Vec::new();
        write_u64(&mut out, u64::MAX);
        assert_eq!(out, b"18446744073709551615");
    }

    #[test]
    fn escapes_like_serde_json() {
        for s in [
            "",
            "plain text that is long enough to use whole words",
            "“curly” and \"straight\" quotes",
            "back\\slash, tab\t, newline\n, return\r, bell\u{7}, nul\u{0}, esc\u{1b}, del\u{7f}",
            "\u{8}\u{c}\u{1f} at the start of eight bytes",
            "日本語のテキスト and émoji 👩‍🔬",
        ] {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn matches_serde_json_on_any_string(s in "\\PC*|[\\x00-\\x7f]{0,64}|(\"|\\\\|\n|x|é){0,40}") {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
        }

        // Every length the short path takes (0..=16 bytes) and just past it, with
        // escapes, non-ASCII and NUL at every offset: the short path, the general one
        // and serde_json agree.
        #[test]
        fn short_strings_match_the_general_path(s in "[a-z\"\\\x00\x01\x1f\x7f\n é€😀]{0,17}") {
            let mut general = Vec::new();
            write_str_general(&mut general, &s);
            let expected = serde_json::to_string(&s).unwrap();
            prop_assert_eq!(&general, expected.as_bytes());
            prop_assert_eq!(ours(&s), expected);
        }

        #[test]
        fn keys_are_escaped_like_any_string(key in "[a-z_\"\\\x00\n é]{0,20}", first: bool) {
            let mut out = b"x".to_vec();
            let expected = if first {
                write_key(&mut out, &key);
                format!("x{}:", serde_json::to_string(&key).unwrap())
            } else {
                write_key_after_first(&mut out, &key);
                format!("x,{}:", serde_json::to_string(&key).unwrap())
            };
            prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
        }

        #[test]
        fn integers_are_written_as_display_writes_them(n: i64, u: u64, digits in 0u32..20) {
            let mut out = Vec::new();
            write_i64(&mut out, n);
            prop_assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
            let mut out = Vec::new();
            write_u64(&mut out, u);
            prop_assert_eq!(String::from_utf8(out).unwrap(), u.to_string());
            // Every length, and the powers of ten where it changes.
            let small = 10u64.pow(digits);
            for v in [small - 1, small, small.saturating_add(1)] {
                let mut out = b"x".to_vec();
                write_u64(&mut out, v);
                prop_assert_eq!(String::from_utf8(out).unwrap(), format!("x{v}"));
            }
        }

        // Long enough for the 32-byte blocks, with escapes at every offset.
        #[test]
        fn matches_serde_json_on_long_strings(s in "[\\x00-\\x7f]{64,300}|(\"|\\\\|\n\n|plain words|é|\u{1}){20,120}") {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
