//! Small text utilities: a word tokenizer for short windows and sentence boundaries.

use crate::marks::is_quote_char;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "st", "jr", "sr", "prof", "rev", "vs", "etc", "inc", "corp", "co", "ltd", "no", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt", "fig",
    "approx", "est", "dept", "univ", "assn", "bros", "maj", "cmdr", "supt", "atty", "pres",
    "gens", "reps", "sens", "govs", "messrs", "mass", "calif", "fla", "ill", "pa", "va",
    "wash", "tex", "ariz", "colo", "conn", "ga", "ky", "la", "md", "mich", "minn", "miss",
    "mo", "mont", "neb", "nev", "okla", "ore", "tenn", "wis", "wyo", "ala", "ark", "del",
    "ind", "kan", "vt", "n.c", "s.c", "n.y", "d.c", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m",
];

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens, periods of abbreviations.
    Word,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `.`, `!`, `?`, `…`
    Stop,
    /// `;`
    Semi,
    /// `(` or `[`
    OpenParen,
    /// `)` or `]`
    CloseParen,
    /// A dash (`—`, `–`, `―`, or a spaced `-`).
    Dash,
    /// A quotation mark.
    Quote,
    /// Anything else.
    Other,
}

/// A token: a byte range of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Kind.
    pub kind: TokKind,
}

impl Tok {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether this is a word starting with an uppercase letter (or a digit-free
    /// handle like `@AP`).
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokKind::Word
            && self
                .text(text)
                .chars()
                .find(|c| *c != '@')
                .is_some_and(char::is_uppercase)
    }

    /// Whether this is a word starting with a lowercase letter.
    pub fn is_lowercase(&self, text: &str) -> bool {
        self.kind == TokKind::Word && self.text(text).chars().next().is_some_and(char::is_lowercase)
    }
}

/// Whether `word` (without its period) is an abbreviation that takes a period.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let mut chars = w.chars();
    // Initials: `V.` in `Vladimir V. Putin`.
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Tokenizes `text[start..end]` into `out` (cleared first). At most `limit` tokens.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, limit: usize, out: &mut Vec<Tok>) {
    out.clear();
    let Some(s) = text.get(start..end) else { return };
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if out.len() >= limit {
            return;
        }
        let at = start + i;
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() || c == '@' || c == '#' {
            let mut e = at + c.len_utf8();
            loop {
                let Some(&(j, d)) = iter.peek() else { break };
                if d.is_alphanumeric() || d == '_' {
                    e = start + j + d.len_utf8();
                    iter.next();
                    continue;
                }
                // Connectors stay inside a word when a letter or digit follows.
                if matches!(d, '\'' | '’' | '-' | '.' | '/' | '&') {
                    let next = s.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                    if next.is_some_and(char::is_alphanumeric) {
                        e = start + j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    if d == '.' {
                        let word = text.get(at..e).unwrap_or("");
                        if word.contains('.') || is_abbreviation(word) {
                            e = start + j + 1;
                            iter.next();
                        }
                    }
                }
                break;
            }
            out.push(Tok {
                start: at,
                end: e,
                kind: TokKind::Word,
            });
            continue;
        }
        let kind = match c {
            ',' => TokKind::Comma,
            ':' => TokKind::Colon,
            '.' | '!' | '?' | '…' => TokKind::Stop,
            ';' => TokKind::Semi,
            '(' | '[' => TokKind::OpenParen,
            ')' | ']' => TokKind::CloseParen,
            '—' | '–' | '―' | '-' => TokKind::Dash,
            c if is_quote_char(c) => TokKind::Quote,
            _ => TokKind::Other,
        };
        out.push(Tok {
            start: at,
            end: at + c.len_utf8(),
            kind,
        });
    }
}

/// Pushes into `out` the sentence boundaries found in `text[start..end]`: the offset
/// just after a sentence-final `.`, `!` or `?` that is followed by a space and then a
/// capital, a digit or a quotation mark, skipping abbreviations and initials.
pub(crate) fn sentence_breaks(text: &str, start: usize, end: usize, out: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            // Closing brackets may follow the stop: `(...).` or `word.)`.
            let mut j = i + 1;
            while j < end && matches!(bytes[j], b'.' | b'!' | b'?' | b')') {
                j += 1;
            }
            if j < end && bytes[j] == b' ' {
                let mut k = j;
                while k < end && bytes[k] == b' ' {
                    k += 1;
                }
                let next = text.get(k..end).and_then(|s| s.chars().next());
                let starts = next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_quote_char(c));
                if starts && (b != b'.' || !abbreviation_before(text, start, i)) {
                    out.push(j);
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

/// Whether the word ending at `dot` (a period) is an abbreviation.
fn abbreviation_before(text: &str, floor: usize, dot: usize) -> bool {
    let Some(before) = text.get(floor..dot) else { return false };
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    !word.is_empty() && is_abbreviation(word)
}
