//! Publication dates to ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the zone
//! when the source has a time. Reads ISO forms, `YYYY/MM/DD`, `DD.MM.YYYY`, US and
//! European day/month orders, English month names, RFC 2822 and Unix timestamps.

/// The ISO form of a date written in `s`, or `None` when no date can be read.
pub(crate) fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    iso(s)
        .or_else(|| numeric(s))
        .or_else(|| unix(s))
        .or_else(|| textual(s))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = b.get(at..at + n)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        part.iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')),
    )
}

/// `2019-11-18`, `2019-11-18T09:05:00Z`, `2019-11-18 09:05:00+0100`, `20191118`.
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let (y, m, d, mut at) = if b.get(4) == Some(&b'-') || b.get(4) == Some(&b'/') {
        let sep = b[4];
        let y = digits(b, 0, 4)?;
        let m = digits(b, 5, 2)?;
        if b.get(7) != Some(&sep) {
            return None;
        }
        let d = digits(b, 8, 2)?;
        (y, m, d, 10)
    } else if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8)
            .is_none_or(|c| !c.is_ascii_digit() || b.len() == 14)
    {
        (digits(b, 0, 4)?, digits(b, 4, 2)?, digits(b, 6, 2)?, 8)
    } else {
        return None;
    };
    if !valid(y, m, d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    // Optional time.
    if matches!(b.get(at), Some(b'T' | b't' | b' ')) {
        at += 1;
    } else if b.len() == 14 && at == 8 {
        // 20191118090500
    } else {
        return Some(date);
    }
    let Some(hh) = digits(b, at, 2) else {
        return Some(date);
    };
    let colon = b.get(at + 2) == Some(&b':');
    let mm_at = if colon { at + 3 } else { at + 2 };
    let Some(mi) = digits(b, mm_at, 2) else {
        return Some(date);
    };
    at = mm_at + 2;
    let mut ss = 0;
    if (colon && b.get(at) == Some(&b':')) || (!colon && b.get(at).is_some_and(u8::is_ascii_digit))
    {
        let sat = if colon { at + 1 } else { at };
        if let Some(v) = digits(b, sat, 2) {
            ss = v;
            at = sat + 2;
        }
    }
    if hh > 23 || mi > 59 || ss > 60 {
        return Some(date);
    }
    // Fractional seconds are dropped.
    if b.get(at) == Some(&b'.') || b.get(at) == Some(&b',') {
        at += 1;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
    }
    while b.get(at) == Some(&b' ') {
        at += 1;
    }
    let zone = match b.get(at) {
        Some(b'Z' | b'z') => "Z".to_owned(),
        Some(&sign @ (b'+' | b'-')) => {
            let zh = digits(b, at + 1, 2);
            let zm_at = if b.get(at + 3) == Some(&b':') {
                at + 4
            } else {
                at + 3
            };
            let zm = digits(b, zm_at, 2).unwrap_or(0);
            match zh {
                Some(zh) if zh <= 14 && zm < 60 => format!("{}{zh:02}:{zm:02}", sign as char),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    Some(format!("{date}T{hh:02}:{mi:02}:{ss:02}{zone}"))
}

/// `18.11.2019`, `18/11/2019`, `11/18/2019` (day first unless the first number can only
/// be a month... or the second cannot be one).
fn numeric(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut nums = [0u32; 3];
    let mut lens = [0usize; 3];
    let mut n = 0;
    let mut i = 0;
    let mut sep = 0u8;
    while i < b.len() && n < 3 {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 4 {
            return None;
        }
        nums[n] = digits(b, start, i - start)?;
        lens[n] = i - start;
        n += 1;
        if n < 3 {
            let c = *b.get(i)?;
            if !matches!(c, b'.' | b'/' | b'-') || (sep != 0 && c != sep) {
                return None;
            }
            sep = c;
            i += 1;
        }
    }
    if n != 3 || lens[2] != 4 {
        return None;
    }
    let y = nums[2];
    let (d, m) = if sep == b'/' && nums[0] <= 12 && nums[1] > 12 {
        (nums[1], nums[0])
    } else if sep == b'/' && nums[0] <= 12 && nums[1] <= 12 {
        // Ambiguous: slashes are usually American.
        (nums[1], nums[0])
    } else {
        (nums[0], nums[1])
    };
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Seconds (10 digits) or milliseconds (13 digits) since 1970.
fn unix(s: &str) -> Option<String> {
    if !s.bytes().all(|c| c.is_ascii_digit()) || !(s.len() == 10 || s.len() == 13) {
        return None;
    }
    let mut secs: i64 = s.parse().ok()?;
    if s.len() == 13 {
        secs /= 1000;
    }
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let (y, m, d) = (u32::try_from(y).ok()?, m, d);
    valid(y, m, d).then(|| {
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            rem / 3600,
            (rem % 3600) / 60,
            rem % 60
        )
    })
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').as_bytes();
    if w.len() < 3 {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // ASCII case folding only: a word with other letters names no month.
    if w.eq_ignore_ascii_case(b"sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            m.as_bytes()
                .get(..w.len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case(w))
        })
        .map(|i| i as u32 + 1)
}

/// `November 18, 2019`, `Nov. 18 2019`, `18 November 2019`, `Mon, 18 Nov 2019 10:00:00 GMT`,
/// possibly inside a longer line ("Published 18 November 2019, 10:32").
fn textual(s: &str) -> Option<String> {
    let mut slots = [""; 40];
    let mut count = 0;
    for (slot, w) in slots.iter_mut().zip(
        s.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty()),
    ) {
        *slot = w;
        count += 1;
    }
    let words = &slots[..count];
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month(w) else {
            continue;
        };
        let num = |k: usize| -> Option<u32> {
            let t = words.get(k)?.trim_end_matches(['.', 'h']);
            let t = t
                .trim_end_matches("st")
                .trim_end_matches("nd")
                .trim_end_matches("rd")
                .trim_end_matches("th");
            if t.is_empty() || t.len() > 4 || !t.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()
        };
        // Month Day Year
        if let (Some(d), Some(y)) = (num(i + 1), num(i + 2))
            && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        // Day Month Year
        if i > 0
            && let (Some(d), Some(y)) = (num(i - 1), num(i + 1))
            && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn reads_common_forms() {
        assert_eq!(normalize("2019-11-18").as_deref(), Some("2019-11-18"));
        assert_eq!(
            normalize("2019-11-18T09:05:00.000Z").as_deref(),
            Some("2019-11-18T09:05:00Z")
        );
        assert_eq!(
            normalize("2019-11-18 09:05:00+0100").as_deref(),
            Some("2019-11-18T09:05:00+01:00")
        );
        assert_eq!(normalize("2019/11/18").as_deref(), Some("2019-11-18"));
        assert_eq!(normalize("18.11.2019").as_deref(), Some("2019-11-18"));
        assert_eq!(normalize("11/18/2019").as_deref(), Some("2019-11-18"));
        assert_eq!(
            normalize("November 18, 2019").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            normalize("Nov. 18, 2019 10:32 AM").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            normalize("Mon, 18 Nov 2019 10:00:00 GMT").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            normalize("Published 3rd March 2021").as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(
            normalize("1574067900").as_deref(),
            Some("2019-11-18T09:05:00Z")
        );
        assert_eq!(normalize("20191118").as_deref(), Some("2019-11-18"));
    }

    #[test]
    fn rejects_junk() {
        assert_eq!(normalize(""), None);
        assert_eq!(normalize("2019-13-45"), None);
        assert_eq!(normalize("May the force"), None);
        assert_eq!(normalize("yesterday"), None);
    }
}
