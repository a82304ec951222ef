//! A JSON string writer for the output's long strings (`text`, `clean_text`, span texts).
//!
//! serde_json escapes strings one byte at a time through a lookup table; on article text,
//! where almost nothing needs escaping, that loop was 40 % of the runner's own time. This
//! writer checks thirty-two bytes at a time in long strings (AVX2, where the CPU has
//! it), sixteen otherwise (SSE2 on x86_64, a string's last few bytes padded to
//! sixteen; eight at a time elsewhere) for the only bytes JSON requires escaping (`"`, `\` and controls
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

/// The bytes from `i` that need escaping, sixteen at a time: a mask with bit `k` set
/// when byte `i + k` must be escaped, and how many bytes it covers (sixteen, or what is
/// left). The short strings (keys, kinds, units, span texts) are most of the calls, so
/// the last few bytes go through the same compare, padded with spaces.
#[cfg(target_arch = "x86_64")]
#[inline]
fn escapes_at(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    let rest = bytes.get(i..)?;
    // SAFETY (both calls): SSE2 is part of every x86_64 target.
    if let Some(chunk) = rest.first_chunk::<16>() {
        return Some((unsafe { escape_mask16_sse2(chunk) }, 16));
    }
    let mut padded = [b' '; 16];
    padded[..rest.len()].copy_from_slice(rest);
    Some((unsafe { escape_mask16_sse2(&padded) }, rest.len()))
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
fn escapes_at(_bytes: &[u8], _i: usize) -> Option<(u32, usize)> {
    None
}

/// Appends `s` as a JSON string literal, quotes included.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0; // first byte not yet copied
    let mut i = 0;
    // Long strings (`text`, `clean_text`) are most of the output's bytes: thirty-two
    // at a time where the CPU can (std caches the detection).
    #[cfg(target_arch = "x86_64")]
    if bytes.len() >= 64 && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 was just detected.
        unsafe { escape_blocks_avx2(out, bytes, &mut start, &mut i) };
    }
    while i < bytes.len() {
        if let Some((mut mask, width)) = escapes_at(bytes, i) {
            // The mask is exact, so every byte it flags is escaped here, with no
            // second look at the rest of the sixteen (paragraph breaks come in pairs).
            while mask != 0 {
                let at = i + mask.trailing_zeros() as usize;
                out.extend_from_slice(&bytes[start..at]);
                write_escape(out, bytes[at]);
                start = at + 1;
                mask &= mask - 1;
            }
            i += width;
            continue;
        }
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
    out.push(b'"');
}

/// Escapes the whole 32-byte blocks of `bytes` from `*i`, advancing `*i` past them and
/// `*start` past the last byte escaped, as the loop of [`write_str`] does; the bytes
/// left (fewer than 32) are for that loop.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn escape_blocks_avx2(out: &mut Vec<u8>, bytes: &[u8], start: &mut usize, i: &mut usize) {
    use std::arch::x86_64::{
        _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8,
    };
    let control = _mm256_set1_epi8(0x1f);
    let quote = _mm256_set1_epi8(b'"' as i8);
    let backslash = _mm256_set1_epi8(b'\\' as i8);
    while let Some(chunk) = bytes.get(*i..).and_then(|rest| rest.first_chunk::<32>()) {
        // SAFETY: `chunk` is 32 readable bytes; the load needs no alignment.
        let v = unsafe { _mm256_loadu_si256(chunk.as_ptr().cast()) };
        // As in `escape_mask16_sse2`: `min(v, 0x1f) == v` marks the controls.
        let hits = _mm256_or_si256(
            _mm256_cmpeq_epi8(_mm256_min_epu8(v, control), v),
            _mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, backslash)),
        );
        let mut mask = _mm256_movemask_epi8(hits) as u32;
        while mask != 0 {
            let at = *i + mask.trailing_zeros() as usize;
            out.extend_from_slice(&bytes[*start..at]);
            write_escape(out, bytes[at]);
            *start = at + 1;
            mask &= mask - 1;
        }
        *i += 32;
    }
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

        // Long enough for the 32-byte blocks, with escapes at every offset.
        #[test]
        fn matches_serde_json_on_long_strings(s in "[\\x00-\\x7f]{64,300}|(\"|\\\\|\n\n|plain words|é|\u{1}){20,120}") {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
