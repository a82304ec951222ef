//! The recognizers: datelines and bylines at the start of a line, credits at the start
//! of a line, in parentheses, or after a sentence.
//!
//! Every recognizer looks at a bounded window of one line, so the scan is linear in
//! the text whatever its shape.

use memchr::{memchr, memchr_iter};

use crate::words::{
    Cursor, bare, credit_keyword, has_outlet_word, is_cap_word, is_date_word, is_initial,
    is_known_agency, is_name_token, is_not_place, is_particle, is_role, is_space, is_upper_word,
    letter_count,
};

/// What a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Where (and when, and for which agency) the story was filed.
    Dateline,
    /// Who wrote or reported it.
    Byline,
    /// Who supplied a photo, a video, a graphic or the information.
    Credit,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Dateline => "dateline",
            Kind::Byline => "byline",
            Kind::Credit => "credit",
        }
    }
}

/// One dateline, byline or credit. Offsets are byte offsets into the whole text; the
/// string fields borrow from it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding<'t> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) place: Option<&'t str>,
    pub(crate) date: Option<&'t str>,
    pub(crate) agency: Option<&'t str>,
    pub(crate) names: Vec<&'t str>,
    pub(crate) credited: Option<&'static str>,
}

impl<'t> Finding<'t> {
    fn new(kind: Kind, start: usize, end: usize) -> Self {
        Finding {
            start,
            end,
            kind,
            place: None,
            date: None,
            agency: None,
            names: Vec::new(),
            credited: None,
        }
    }
}

/// What to look for.
pub(crate) struct Scanner<'o> {
    pub(crate) datelines: bool,
    pub(crate) bylines: bool,
    pub(crate) credits: bool,
    /// Agency names recognized beyond the built-in list.
    pub(crate) extra_agencies: &'o [String],
}

/// Datelines and bylines are looked for in this many bytes at the start of a line.
const HEAD_BYTES: usize = 200;
/// Lines longer than this are prose, never a whole byline or credit line.
const MAX_META_LINE: usize = 240;
/// Longest parenthesized credit examined.
const MAX_PAREN: usize = 160;

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_lead_char(c: char) -> bool {
    is_space(c) || matches!(c, '•' | '·' | '*' | '■' | '▪' | '►' | '|')
}

impl Scanner<'_> {
    /// Appends every finding in `text` to `out`, in text order.
    pub(crate) fn scan<'t>(&self, text: &'t str, out: &mut Vec<Finding<'t>>) {
        let bytes = text.as_bytes();
        let mut line_start = 0;
        let mut prose_lines = 0usize;
        loop {
            let line_end =
                memchr(b'\n', &bytes[line_start..]).map_or(text.len(), |i| line_start + i);
            // '\n' is ASCII, so both ends are char boundaries.
            let raw = &text[line_start..line_end];
            let trimmed = raw.trim_start_matches(is_lead_char);
            let base = line_start + (raw.len() - trimmed.len());
            let line = trimmed.trim_end_matches(is_space);
            if !line.is_empty() {
                let opening = prose_lines <= OPENING_PROSE_LINES;
                self.scan_line(text, line, base, line_end, opening, out);
                prose_lines += usize::from(is_prose(line));
            }
            if line_end >= text.len() {
                break;
            }
            line_start = line_end + 1;
        }
    }

    fn scan_line<'t>(
        &self,
        text: &'t str,
        line: &'t str,
        base: usize,
        line_end: usize,
        opening: bool,
        out: &mut Vec<Finding<'t>>,
    ) {
        let first = out.len();
        let mut whole_line = None;
        if self.datelines {
            whole_line = dateline(line, base, opening, || next_line_is_prose(text, line_end));
        }
        if whole_line.is_none() && self.bylines {
            whole_line = byline(line, base, self.extra_agencies);
        }
        if whole_line.is_none() && self.credits {
            whole_line = line_credit(line, base, self.extra_agencies);
        }
        let mut taken_until = base;
        if let Some(f) = whole_line {
            taken_until = f.end;
            out.push(f);
        }
        if self.credits {
            paren_credits(line, base, taken_until, self.extra_agencies, out);
            let after = out
                .last()
                .filter(|_| out.len() > first)
                .map_or(base, |f| f.end.max(base));
            trailing_credits(line, base, after, self.extra_agencies, out);
            out[first..].sort_by_key(|f| (f.start, f.end));
        }
    }
}

/// Datelines without an agency (`KYIV —`, `NEW DELHI:`, `ISTANBUL` alone) are only
/// believed in the story's opening: with at most this many lines of prose before them
/// (a headline and a standfirst, say). Further down, capitals at the start of a line
/// are subheadings (`FRANCE WINS`), column salutations and transcript speakers.
const OPENING_PROSE_LINES: usize = 3;

/// Whether a line reads like a sentence of prose: long, many words, and mostly
/// lowercase words (a Title Case headline is not prose). Looks at the first 120 bytes.
fn is_prose(line: &str) -> bool {
    if line.len() < 60 {
        return false;
    }
    let head = &line.as_bytes()[..line.len().min(120)];
    let (mut words, mut lowercase) = (1usize, usize::from(head[0].is_ascii_lowercase()));
    for pair in head.windows(2) {
        if pair[0] == b' ' && pair[1] != b' ' {
            words += 1;
            lowercase += usize::from(pair[1].is_ascii_lowercase());
        }
    }
    words >= 8 && lowercase * 5 >= words * 2
}

/// Whether what follows a dateline's separator continues as a sentence.
fn continues_as_prose(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .split(is_space)
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    words.len() >= 4
        && words
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// Whether the next non-blank line (within three blank lines) is prose opening with a
/// capital or a quote mark.
fn next_line_is_prose(text: &str, line_end: usize) -> bool {
    let bytes = text.as_bytes();
    let mut pos = line_end + 1;
    for _ in 0..4 {
        if pos >= text.len() {
            return false;
        }
        let end = memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_matches(is_space);
        if !line.is_empty() {
            let starts_well = line
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '\'' | '«'));
            return starts_well && is_prose(line);
        }
        pos = end + 1;
    }
    false
}

/// Finds a dateline at the start of `line`: `WASHINGTON, Aug. 14 (AP) —`,
/// `MOSCOW (Reuters) -`, `KYIV, Ukraine —`, `NEW DELHI:`, `Moscow, August 14. /TASS/.`,
/// or a place alone on its line before the story's first paragraph (`ISTANBUL`).
fn dateline<'t>(
    line: &'t str,
    base: usize,
    opening: bool,
    next_is_prose: impl FnOnce() -> bool,
) -> Option<Finding<'t>> {
    let head = &line[..floor_boundary(line, HEAD_BYTES)];
    let mut c = Cursor::new(head);
    if c.eat("(") {
        return agency_only_dateline(head, base);
    }

    // The place: one to five words, all capitals (or capitalized, when an agency follows).
    let (_, first_end) = c.word()?;
    let first = &head[..first_end];
    let upper = is_upper_word(first);
    if !(upper || is_cap_word(first)) || letter_count(first) < 2 {
        return None;
    }
    if is_not_place(first) || is_not_place(bare(first)) {
        return None;
    }
    let mut place_end = first_end;
    let mut place_words = 1;
    while place_words < 5 {
        let save = c.pos;
        match c.next_word() {
            Some((s, e))
                if (upper && is_upper_word(&head[s..e]))
                    || (!upper && is_cap_word(&head[s..e])) =>
            {
                place_end = e;
                place_words += 1;
            }
            _ => {
                c.pos = save;
                break;
            }
        }
    }
    c.pos = place_end;

    // Comma-separated region and date: `, Ukraine`, `, Aug. 14`, `, Aug. 14, 2023`.
    let mut date: Option<(usize, usize)> = None;
    for _ in 0..3 {
        let save = c.pos;
        if !c.eat(",") {
            break;
        }
        c.skip_spaces();
        let seg_start = c.pos;
        let mut seg_end = c.pos;
        let (mut words, mut has_date_word, mut all_digits, mut any_digit, mut all_caps) =
            (0, false, true, false, true);
        let mut next = c.word();
        while let Some((s, e)) = next {
            let w = &head[s..e];
            words += 1;
            seg_end = e;
            has_date_word |= is_date_word(w);
            let digits = w.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit())
                && w.bytes().any(|b| b.is_ascii_digit());
            any_digit |= digits;
            all_digits &= digits;
            all_caps &= is_cap_word(w) || is_upper_word(w) || is_initial(w);
            if words > 4 {
                break;
            }
            next = c.next_word();
        }
        if words == 0 || words > 4 {
            c.pos = save;
            break;
        }
        c.pos = seg_end;
        if has_date_word || (all_digits && date.is_some()) {
            date = Some((date.map_or(seg_start, |d| d.0), seg_end));
        } else if all_caps
            && !any_digit
            && date.is_none()
            && seg_end - seg_start <= 32
            && !is_organization(&head[seg_start..seg_end], &[])
        {
            place_end = seg_end;
        } else {
            c.pos = save;
            break;
        }
    }
    // A date written `14.` before `/TASS/.` keeps its period in the text, not the value.
    let date = date.map(|(s, e)| {
        let d = &head[s..e];
        let keep = if d.ends_with('.') && d[..d.len() - 1].ends_with(|ch: char| ch.is_ascii_digit())
        {
            e - 1
        } else {
            e
        };
        (s, keep)
    });

    // The agency: `(AP)`, `(Reuters)`, `(RFE/RL)`; or TASS's `. /TASS/.`
    let mut agency = None;
    let mut slash_form = false;
    let save = c.pos;
    c.skip_spaces();
    if c.eat("(") {
        let inner_start = c.pos;
        match agency_in(head, inner_start, b')') {
            Some(close) => {
                agency = Some((inner_start, close));
                c.pos = close + 1;
            }
            None => c.pos = save,
        }
    } else {
        c.pos = save;
        c.eat(".");
        c.skip_spaces();
        // TASS style always has the date: `MOSCOW, August 14. /TASS/.`
        if upper && date.is_some() && c.eat("/") {
            let inner_start = c.pos;
            if let Some(close) = agency_in(head, inner_start, b'/') {
                agency = Some((inner_start, close));
                c.pos = close + 1;
                c.eat(".");
                slash_form = true;
            }
        }
        if !slash_form {
            c.pos = save;
        }
    }
    let content_end = c.pos;

    // The separator, or the end of the line for a place standing alone.
    c.skip_spaces();
    let end = if slash_form {
        content_end
    } else if c.at_end() && head.len() == line.len() {
        let standalone = upper && opening && place_words <= 3 && next_is_prose();
        if !standalone {
            return None;
        }
        content_end
    } else {
        let colon = c.eat(":");
        let dash = !colon && ["—", "–", "―", "--", "-"].iter().any(|d| c.eat(d));
        let spaced = c.at_end() || c.peek().is_some_and(is_space);
        if !(dash || colon && upper) || !spaced {
            return None;
        }
        // Without an agency, only in the opening and only before a sentence.
        if agency.is_none() && !(opening && continues_as_prose(c.rest())) {
            return None;
        }
        c.pos
    };
    // A capitalized place needs a known agency: `Moscow (Reuters) -`, not a language
    // menu's `United States (English) -`.
    let known_agency =
        agency.is_some_and(|(s, e)| is_known_agency(head[s..e].trim_matches(is_space), &[]));
    if !upper && !known_agency {
        return None;
    }
    let mut f = Finding::new(Kind::Dateline, base, base + end);
    f.place = Some(&line[..place_end]);
    f.date = date.map(|(s, e)| &line[s..e]);
    f.agency = agency.map(|(s, e)| line[s..e].trim_matches(is_space));
    Some(f)
}

/// A dateline without a place, as some sites print wire copy: `(Reuters) — ...`. The
/// agency must be a known one.
fn agency_only_dateline(head: &str, base: usize) -> Option<Finding<'_>> {
    let close = agency_in(head, 1, b')')?;
    let agency = head[1..close].trim_matches(is_space);
    if !is_known_agency(agency, &[]) {
        return None;
    }
    let mut c = Cursor::new(head);
    c.pos = close + 1;
    c.skip_spaces();
    if !["—", "–", "―", "--", "-"].iter().any(|d| c.eat(d)) || !continues_as_prose(c.rest()) {
        return None;
    }
    let mut f = Finding::new(Kind::Dateline, base, base + c.pos);
    f.agency = Some(agency);
    Some(f)
}

/// If the bytes from `start` up to the next `close` (within 40 bytes) name an agency,
/// returns the position of `close`.
fn agency_in(head: &str, start: usize, close: u8) -> Option<usize> {
    let window = &head.as_bytes()[start..head.len().min(start + 40)];
    let close = start + memchr(close, window)?;
    let inner = head.get(start..close)?.trim_matches(is_space);
    let words: Vec<&str> = inner.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    let shaped = |w: &&str| {
        is_upper_word(w) || is_cap_word(w) || matches!(*w, "of" | "and" | "&" | "de" | "dpa")
    };
    let ok = (1..=5).contains(&words.len())
        && words.iter().all(shaped)
        && inner
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || inner == "dpa");
    ok.then_some(close)
}

/// Role phrases that open a byline segment, longest first.
const ROLE_PREFIXES: &[&str] = &[
    "additional reporting by ",
    "reporting by ",
    "reported by ",
    "writing by ",
    "written by ",
    "editing by ",
    "edited by ",
    "compiled by ",
    "words by ",
    "story by ",
    "text by ",
    "authors: ",
    "author: ",
    "by ",
];

fn eat_role(c: &mut Cursor<'_>) -> bool {
    ROLE_PREFIXES.iter().any(|p| c.eat_ci(p))
}

/// Parses one personal name of two to five words (`Jane Doe`, `J. R. Smith`,
/// `Ursula von der Leyen`, `KOSTAN NECHYPORENKO`). Restores the cursor on failure.
fn person_name(c: &mut Cursor<'_>) -> Option<(usize, usize)> {
    let save = c.pos;
    let (start, first_end) = c.word()?;
    if !is_name_token(&c.s[start..first_end]) {
        c.pos = save;
        return None;
    }
    let (mut end, mut words) = (first_end, 1);
    while words < 5 {
        let before = c.pos;
        match c.next_word() {
            Some((s, e)) if is_name_token(&c.s[s..e]) => {
                end = e;
                words += 1;
            }
            Some((s, e)) if is_particle(&c.s[s..e]) => match c.next_word() {
                Some((s2, e2)) if is_name_token(&c.s[s2..e2]) => {
                    end = e2;
                    words += 2;
                }
                _ => {
                    c.pos = before;
                    break;
                }
            },
            _ => {
                c.pos = before;
                break;
            }
        }
    }
    if words < 2 {
        c.pos = save;
        return None;
    }
    // "By Jane Doe." — the sentence's period is not part of the name.
    let last_word_start = c.s[..end].rfind(is_space).map_or(start, |i| i + 1);
    if c.s[..end].ends_with('.') && !is_initial(&c.s[last_word_start..end]) {
        end -= 1;
    }
    c.pos = end;
    Some((start, end))
}

/// An organization rather than a person: a known agency or a name with an outlet word.
fn is_organization(name: &str, extra: &[String]) -> bool {
    is_known_agency(name, extra) || has_outlet_word(name)
}

/// Strips trailing job-title words: `Reuters Staff` → `Reuters`.
fn without_roles(s: &str) -> &str {
    let mut s = s.trim_matches(is_space);
    while let Some(i) = s.rfind(is_space) {
        if is_role(&s[i + 1..]) {
            s = s[..i].trim_end_matches(is_space);
        } else {
            break;
        }
    }
    s
}

/// Whether `s` reads like the name of an outlet or agency after a byline or in a
/// credit: short, capitalized, with at most `max_lowercase` lowercase words that are not
/// function words (a name has none; "Official website of ..." has one).
fn is_short_org(s: &str, max_words: usize, max_lowercase: usize, extra: &[String]) -> bool {
    if is_known_agency(s, extra) {
        return true;
    }
    let words = || s.split(is_space).filter(|w| !w.is_empty());
    let function = |w: &str| {
        matches!(
            w,
            "of" | "the" | "and" | "for" | "via" | "de" | "du" | "des" | "&" | "on" | "in"
        )
    };
    let lowercase_content = words()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()) && !function(w))
        .count();
    let count = words().take(max_words + 1).count();
    (1..=max_words).contains(&count)
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && lowercase_content <= max_lowercase
        && !s.ends_with(['?', '!'])
}

/// Finds a byline filling `line`: `By Jane Doe and John Roe`, `By JANE DOE, Associated
/// Press`, `By Reuters`, `Reporting by Jane Doe in London; Editing by John Roe`.
fn byline<'t>(line: &'t str, base: usize, extra: &[String]) -> Option<Finding<'t>> {
    if line.len() > MAX_META_LINE {
        return None;
    }
    let mut c = Cursor::new(line);
    if !eat_role(&mut c) {
        return None;
    }
    let mut f = Finding::new(Kind::Byline, base, base + line.len());
    let mut end = line.len();
    loop {
        c.skip_spaces();
        let segment_start = c.pos;
        let mut organization = None;
        while let Some((s, e)) = person_name(&mut c) {
            let name = &line[s..e];
            if is_organization(name, extra) {
                organization = Some(without_roles(name));
                break;
            }
            if is_role(name) {
                break;
            }
            f.names.push(name);
            // Reuters' trailers place each reporter: "Reporting by Jane Doe in London".
            let save = c.pos;
            match c.next_word() {
                Some((s, e)) if &line[s..e] == "in" => {
                    if person_name(&mut c).is_none() && c.next_word().is_none() {
                        c.pos = save;
                    }
                }
                _ => c.pos = save,
            }
            let save = c.pos;
            c.skip_spaces();
            if c.eat(",") {
                c.skip_spaces();
                c.eat("and ");
                let before_name = c.pos;
                if person_name(&mut c).is_some() {
                    c.pos = before_name;
                    continue;
                }
                c.pos = save;
                break;
            }
            if c.eat("and ") || c.eat("& ") || c.eat("AND ") {
                continue;
            }
            c.pos = save;
            break;
        }
        if let Some(org) = organization {
            f.agency = Some(org);
        }
        if f.names.is_empty() && f.agency.is_none() {
            // "By Reuters", "By AFP", "By Reuters Staff".
            let rest = without_roles(c.rest().trim_end_matches(['.', ' ']));
            if c.pos == segment_start
                && !rest.is_empty()
                && is_short_org(rest, 4, 1, extra)
                && is_organization(rest, extra)
            {
                f.agency = Some(rest);
                return Some(f);
            }
            return None;
        }
        c.skip_spaces();
        let before_period = c.pos;
        if c.eat(".") && c.at_end() {
            end = before_period;
            break;
        }
        c.pos = before_period;
        if c.at_end() {
            break;
        }
        if c.eat(";") {
            c.skip_spaces();
            if eat_role(&mut c) {
                continue;
            }
            return None;
        }
        // Page furniture after a bar or a dot (dates, "5 min read") ends the byline.
        let tail_start = c.pos;
        if ["|", "·", "•"].iter().any(|s| c.eat(s)) {
            end = line[..tail_start].trim_end_matches(is_space).len();
            break;
        }
        let separated =
            [",", "—", "–", "-"].iter().any(|s| c.eat(s)) || c.eat("for ") || c.eat("of ");
        if !separated {
            return None;
        }
        let tail = c.rest().trim_matches(is_space).trim_end_matches('.');
        // A time stamp after the names ("By Jane Doe - 11/19/19 06:56 AM EST") is page
        // furniture, like anything after a bar.
        if tail.bytes().any(|b| b.is_ascii_digit()) && tail.len() <= 80 {
            end = line[..tail_start].trim_end_matches(is_space).len();
            break;
        }
        if tail.is_empty() || tail.len() > 60 || !is_short_org(tail, 6, 1, extra) {
            return None;
        }
        if !is_role(tail) && !is_credentials(tail) {
            let org = without_roles(tail);
            if f.agency.is_none() && !org.is_empty() {
                f.agency = Some(org);
            }
        }
        break;
    }
    f.end = base + end;
    Some(f)
}

/// Degrees and titles after an author's name: `MS, RD`, `PhD`.
fn is_credentials(tail: &str) -> bool {
    const CREDENTIALS: &[&str] = &[
        "MS", "MSc", "BSc", "BA", "MA", "PhD", "MD", "DO", "RD", "RDN", "LD", "APD", "RN", "MPH",
        "MBA", "JD", "Esq", "CPT", "CSCS", "CDE", "CA", "Jr", "Sr", "II", "III",
    ];
    tail.split([',', ' ', '(', ')', '.'])
        .filter(|t| !t.is_empty())
        .all(|t| CREDENTIALS.contains(&t))
}

/// Splits credited text into people and an organization: `Jane Doe/AFP via Getty
/// Images` → names `Jane Doe`, agency `AFP via Getty Images`.
fn split_credit<'t>(content: &'t str, by: bool, extra: &[String], f: &mut Finding<'t>) {
    // A source is an organization unless a person is named beside one.
    let source = f.credited == Some("source");
    let mut content = content.trim_matches(is_space);
    // "Photo illustration by Slate. Photo by ...": the first credit only.
    if let Some(i) = memchr::memmem::find(content.as_bytes(), b". ")
        && content[i + 2..].starts_with(char::is_uppercase)
        && !is_initial(last_word(&content[..=i]))
    {
        content = &content[..i];
    }
    // "Russian Defense Ministry, October 25, 2019": the date is not the source.
    if let Some(i) = content.find(',')
        && content[i..].bytes().any(|b| b.is_ascii_digit())
    {
        content = content[..i].trim_end_matches(is_space);
    }
    let is_person = |s: &str| {
        let mut c = Cursor::new(s);
        matches!(person_name(&mut c), Some((0, e)) if e == s.len()) && !is_organization(s, extra)
    };
    // After "by", what precedes a slash is the person, even a one-word name.
    let is_credited_person = |s: &str| {
        is_person(s)
            || (by
                && !s.is_empty()
                && !is_organization(s, extra)
                && s.split(is_space).filter(|w| !w.is_empty()).count() <= 4
                && s.split(is_space)
                    .filter(|w| !w.is_empty())
                    .all(|w| is_name_token(w) || is_cap_word(w) || is_upper_word(w)))
    };
    if let Some(slash) = content.find('/') {
        let (left, right) = (
            content[..slash].trim_matches(is_space),
            content[slash + 1..].trim_matches(is_space),
        );
        if is_credited_person(left) && !right.is_empty() {
            f.names.push(left);
            f.agency = Some(right);
            return;
        }
        // "AP/Jane Doe", "NASA/Jude Guidry": an organization or an acronym, then a person.
        let acronym = !left.contains(' ') && is_upper_word(left) && letter_count(left) >= 2;
        if (is_organization(left, extra) || acronym) && is_person(right) {
            f.agency = Some(left);
            f.names.push(right);
            return;
        }
    }
    // AP style "Meg Kinnard, AP": a person, then the agency.
    if let Some(i) = content.rfind(", ") {
        let (left, right) = (&content[..i], content[i + 2..].trim_matches(is_space));
        let suffix = matches!(
            right.trim_end_matches('.'),
            "Inc" | "Ltd" | "LLC" | "Corp" | "Co" | "plc" | "AG" | "SA" | "GmbH"
        );
        if !suffix
            && is_person(left)
            && (is_known_agency(right, extra) || is_organization(right, extra))
        {
            f.names.push(left);
            f.agency = Some(right);
            return;
        }
    }
    if let Some(i) = memchr::memmem::find(content.as_bytes(), b" for ") {
        let (left, right) = (&content[..i], content[i + 5..].trim_matches(is_space));
        if is_credited_person(left) && !right.is_empty() {
            f.names.push(left);
            f.agency = Some(right);
            return;
        }
    }
    if !source && is_credited_person(content) && !is_organization(content, extra) {
        f.names.push(content);
    } else {
        f.agency = Some(content);
    }
}

/// The last space-separated word of `s`.
fn last_word(s: &str) -> &str {
    s.rsplit(is_space).next().unwrap_or(s)
}

/// Whether credited text is short and name-like rather than a sentence. A source may
/// be described ("Official website of the harbour authority"); a photo credit names.
fn is_credit_content(content: &str, what: &str, max_bytes: usize, extra: &[String]) -> bool {
    let max_lowercase = if matches!(what, "source" | "credit") {
        3
    } else {
        1
    };
    let domain = !content.contains(' ') && content.contains('.') && content.len() >= 4;
    // "Courtesy of the Valmora Harbour Authority": the article does not start the name.
    let named = content.strip_prefix("the ").unwrap_or(content);
    (2..=max_bytes).contains(&content.len())
        && (domain || is_short_org(named, 16, max_lowercase, extra))
}

/// Reads a credit keyword (`Photo`, `Image source`, `Courtesy of`) and the separator
/// after it; returns what is credited and whether the separator was "by".
fn credit_lead(c: &mut Cursor<'_>) -> Option<(&'static str, bool)> {
    let (s, e) = c.word()?;
    let keyword = &c.s[s..e];
    let mut what = credit_keyword(keyword)?;
    let save = c.pos;
    match c.next_word() {
        Some((s, e)) => match c.s[s..e].to_ascii_lowercase().as_str() {
            "credit" | "credits" | "source" | "of" => {}
            "illustration" => what = "illustration",
            _ => c.pos = save,
        },
        None => c.pos = save,
    }
    if what == "credit" && keyword.eq_ignore_ascii_case("courtesy") && c.s[..c.pos].ends_with(" of")
    {
        c.skip_spaces();
        return Some((what, false));
    }
    if c.eat(":") || c.eat(",") {
        c.skip_spaces();
        return Some((what, false));
    }
    c.skip_spaces();
    if ["—", "–", "-"].iter().any(|d| c.eat(d)) {
        c.skip_spaces();
        return Some((what, false));
    }
    if c.eat_ci("by ") {
        c.skip_spaces();
        return Some((what, true));
    }
    None
}

/// A credit filling `line`: `Source - Official website of the President of Russia`,
/// `Photo: Jane Doe/Reuters`, `Image source, Getty Images`.
fn line_credit<'t>(line: &'t str, base: usize, extra: &[String]) -> Option<Finding<'t>> {
    if line.len() > MAX_META_LINE {
        return None;
    }
    let mut c = Cursor::new(line);
    let (what, by) = credit_lead(&mut c)?;
    let content = c.rest().trim_end_matches(['.', ' ']);
    if !is_credit_content(content, what, 120, extra) {
        return None;
    }
    let mut f = Finding::new(Kind::Credit, base, base + line.len());
    f.credited = Some(what);
    split_credit(content, by, extra, &mut f);
    Some(f)
}

/// Credits in parentheses anywhere in the line, from `from` on: `(Photo by Jane
/// Doe/AFP via Getty Images)`, `(AP Photo/Evan Vucci)`, `(Image: Reuters)`.
fn paren_credits<'t>(
    line: &'t str,
    base: usize,
    from: usize,
    extra: &[String],
    out: &mut Vec<Finding<'t>>,
) {
    let bytes = line.as_bytes();
    for open in memchr_iter(b'(', bytes) {
        if base + open < from {
            continue;
        }
        let window = &bytes[open + 1..bytes.len().min(open + 1 + MAX_PAREN)];
        let Some(len) = memchr::memchr2(b')', b'(', window) else {
            continue;
        };
        if window[len] != b')' {
            continue;
        }
        // Both ends are ASCII parentheses, hence char boundaries.
        let inner = &line[open + 1..open + 1 + len];
        let mut f = Finding::new(Kind::Credit, base + open, base + open + len + 2);
        let mut c = Cursor::new(inner);
        if let Some((what, by)) = credit_lead(&mut c) {
            let content = c.rest().trim_end_matches(['.', ' ']);
            if !is_credit_content(content, what, MAX_PAREN, extra) {
                continue;
            }
            f.credited = Some(what);
            split_credit(content, by, extra, &mut f);
        } else if let Some(photo) = memchr::memmem::find(inner.as_bytes(), b" Photo") {
            // Wire style: "(AP Photo/Evan Vucci)", "(AFP Photo)".
            let agency = inner[..photo].trim_matches(is_space);
            let after = &inner[photo + " Photo".len()..];
            let photographer = after.strip_prefix('/').map(|p| p.trim_matches(is_space));
            let agency_ok = is_short_org(agency, 3, 1, extra)
                && agency
                    .split(is_space)
                    .all(|w| is_upper_word(w) || is_cap_word(w));
            let rest_ok = match photographer {
                Some(p) => !p.is_empty() && p.len() <= 60 && is_short_org(p, 5, 1, extra),
                None => after.trim_matches(is_space).is_empty(),
            };
            if !(agency_ok && rest_ok) {
                continue;
            }
            f.credited = Some("photo");
            f.agency = Some(agency);
            f.names.extend(photographer);
        } else {
            continue;
        }
        out.push(f);
    }
}

/// A credit closing a caption line after its last sentence: `… on Monday. Photo: Jane
/// Doe/Reuters`. Only colons after `after` are considered.
fn trailing_credits<'t>(
    line: &'t str,
    base: usize,
    after: usize,
    extra: &[String],
    out: &mut Vec<Finding<'t>>,
) {
    // The credit is short, so only the end of the line can hold its colon.
    let from = floor_boundary(line, line.len().saturating_sub(120)).max(after.saturating_sub(base));
    let Some(tail) = line.as_bytes().get(from..) else {
        return;
    };
    for colon in memchr_iter(b':', tail).map(|i| from + i) {
        let before = &line[..colon];
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(colon, |(i, _)| i);
        let keyword = &before[word_start..];
        if keyword.is_empty() || !keyword.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(what) = credit_keyword(keyword) else {
            continue;
        };
        let prev = before[..word_start].trim_end_matches(is_space);
        let after_sentence = prev.ends_with(['.', '!', '?', '”', '"', ')', '’']);
        if prev.is_empty() || !after_sentence || prev.len() == word_start {
            continue;
        }
        let content = line[colon + 1..]
            .trim_matches(is_space)
            .trim_end_matches('.');
        if !is_credit_content(content, what, 100, extra) {
            continue;
        }
        let mut f = Finding::new(Kind::Credit, base + word_start, base + line.len());
        f.credited = Some(what);
        split_credit(content, false, extra, &mut f);
        out.push(f);
        break;
    }
}
