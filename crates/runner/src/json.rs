//! A JSON string writer for the output's long strings (`text`, `clean_text`, span texts).
//!
//! serde_json escapes strings one byte at a time through a lookup table; on article text,
//! where almost nothing needs escaping, that loop was 40 % of the runner's own time. This
//! writer checks sixteen bytes at a time (SSE2 on x86_64; eight elsewhere and at the
//! end of a string) for the only bytes JSON requires escaping (`"`, `\` and controls
//! below 0x20) and copies clean runs whole. Its output is identical to
//! serde_json's (same escapes, lowercase `\u00XX`, non-ASCII passed through), which a
//! property test checks.

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

/// For the 16 bytes at `i`, if there are that many: a mask with bit `k` set when byte
/// `i + k` must be escaped.
#[cfg(target_arch = "x86_64")]
#[inline]
fn escape_mask16(bytes: &[u8], i: usize) -> Option<u32> {
    let chunk = bytes.get(i..)?.first_chunk::<16>()?;
    // SAFETY: SSE2 is part of every x86_64 target.
    Some(unsafe { escape_mask16_sse2(chunk) })
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

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn escape_mask16(_bytes: &[u8], _i: usize) -> Option<u32> {
    None
}

/// Appends `s` as a JSON string literal, quotes included.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0; // first byte not yet copied
    let mut i = 0;
    while i < bytes.len() {
        if let Some(mask) = escape_mask16(bytes, i) {
            if mask == 0 {
                i += 16;
                continue;
            }
            i += mask.trailing_zeros() as usize;
        } else if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let mask = escape_mask(u64::from_le_bytes(word));
            if mask == 0 {
                i += 8;
                continue;
            }
            // Jump to the first byte that needs escaping.
            i += (mask.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 0xf) as usize]);
        } else {
            out.extend_from_slice(escape);
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
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
    }
}
