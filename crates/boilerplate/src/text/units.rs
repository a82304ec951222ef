//! Splitting plain text into blocks: one per line, or one per hard-wrapped paragraph
//! when the text separates paragraphs with blank lines and wraps them at a fixed width.

use std::ops::Range;

use super::bytemask::Newlines;

/// One block of the text before it is judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Byte range in the text, trimmed of blanks and invisible characters.
    pub range: Range<usize>,
    /// Whether a blank line (or the start of the text) precedes the block.
    pub after_blank: bool,
}

/// Characters that carry nothing visible: whitespace plus the zero-width and
/// byte-order marks that extracted text often keeps.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
}

/// The range of the line `pos..end` of `text` (between newlines, or the text's ends)
/// without surrounding blanks, or `None` when nothing is left.
#[inline(always)]
fn trimmed(text: &str, pos: usize, end: usize) -> Option<Range<usize>> {
    // Most lines start and end with a visible ASCII character; only a blank or a
    // non-ASCII byte at an edge needs the character-level trim. Such a line's ends
    // are character boundaries, being ASCII bytes.
    let bytes = text.as_bytes();
    match (
        bytes.get(pos),
        end.checked_sub(1).and_then(|last| bytes.get(last)),
    ) {
        (Some(&first), Some(&last))
            if pos < end && is_visible_ascii(first) && is_visible_ascii(last) =>
        {
            Some(pos..end)
        }
        _ => trimmed_by_chars(text.get(pos..end).unwrap_or(""), pos),
    }
}

fn is_visible_ascii(b: u8) -> bool {
    b > b' ' && b < 0x80
}

/// [`trimmed`] of the line `line` at offset `at` of the text, character by character
/// at the edges that need it.
fn trimmed_by_chars(line: &str, at: usize) -> Option<Range<usize>> {
    let bytes = line.as_bytes();
    let start = match bytes.first() {
        Some(&b) if is_visible_ascii(b) => 0,
        _ => line.len() - line.trim_start_matches(is_blank).len(),
    };
    let end = match bytes.last() {
        Some(&b) if is_visible_ascii(b) => line.len(),
        _ => line.trim_end_matches(is_blank).len(),
    };
    (start < end).then(|| at + start..at + end)
}

/// Whether the line opens with a bullet or an item number, which starts a new block
/// even inside a wrapped paragraph.
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('•' | '·' | '▪' | '●' | '◦' | '‣' | '–' | '—') => true,
        Some('-' | '*' | '+') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…', ':', ';'])
}

fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// Splits `text` into units. Lines are units, except that inside a blank-line
/// paragraph, lines wrapped at a fixed width (each near the paragraph's widest line,
/// the next one continuing the sentence) join into one unit. `lines` and `widths` are
/// scratch space.
pub fn split(text: &str, out: &mut Vec<Unit>, lines: &mut Vec<Unit>, widths: &mut Vec<Width>) {
    out.clear();
    let mut after_blank = true;
    let mut saw_paragraph_break = false;
    // The first unit of the current paragraph, and of the first paragraph of two lines
    // or more (only those can join).
    let mut paragraph_start = 0usize;
    let mut first_joinable: Option<usize> = None;
    let mut pos = 0usize;
    let bytes = text.as_bytes();
    for end in Newlines::new(bytes).chain(std::iter::once(bytes.len())) {
        match trimmed(text, pos, end) {
            Some(range) => {
                saw_paragraph_break |= after_blank && !out.is_empty();
                if after_blank {
                    paragraph_start = out.len();
                } else if first_joinable.is_none() {
                    first_joinable = Some(paragraph_start);
                }
                out.push(Unit { range, after_blank });
                after_blank = false;
            }
            None => after_blank = true,
        }
        pos = end + 1;
    }
    if !saw_paragraph_break {
        return;
    }
    // Blank-line paragraphs: the lines found so far are regrouped. A paragraph of one
    // line is its own unit, so those before the first longer one stay as they are, and
    // with no longer one nothing changes.
    let Some(first_joinable) = first_joinable else {
        return;
    };
    std::mem::swap(out, lines);
    out.clear();
    out.extend_from_slice(lines.get(..first_joinable).unwrap_or_default());
    let mut i = first_joinable;
    while i < lines.len() {
        let para_end = lines[i + 1..]
            .iter()
            .position(|unit| unit.after_blank)
            .map_or(lines.len(), |p| i + 1 + p);
        join_wrapped(text, &lines[i..para_end], out, widths);
        i = para_end;
    }
}

/// Emits the units of one blank-line paragraph, joining hard-wrapped lines. `widths`
/// is scratch space.
fn join_wrapped(text: &str, lines: &[Unit], out: &mut Vec<Unit>, widths: &mut Vec<Width>) {
    if let [single] = lines {
        out.push(single.clone());
        return;
    }
    // Each line's width is counted once (a line is looked at as the widest candidate,
    // as a full line and as the line before the next).
    widths.clear();
    widths.extend(lines.iter().map(|u| Width::of(text, &u.range)));
    let widest = widths.iter().map(|w| w.trimmed).max().unwrap_or(0);
    // Wrapping happens at 40 to 130 columns; wider lines are paragraphs of their own.
    // Two lines at least must reach near the widest: a headline over a short byline is
    // not a wrapped paragraph.
    let full_lines = widths
        .iter()
        .filter(|w| w.trimmed * 4 >= widest * 3)
        .count();
    let wrapped = (40..=130).contains(&widest) && full_lines >= 2;
    let mut current: Option<Unit> = None;
    // Whether the current unit has joined more than one line.
    let mut joined = false;
    for (k, Unit { range, after_blank }) in lines.iter().enumerate() {
        let line = text.get(range.clone()).unwrap_or("");
        let continues = current.is_some() && k > 0 && {
            // The unit's last line as it stands in the unit's text: trimmed when the
            // unit is that line alone, from just after its newline otherwise.
            let prev = &widths[k - 1];
            let prev_width = if joined {
                prev.from_newline
            } else {
                prev.trimmed
            };
            let prev_line = text.get(lines[k - 1].range.clone()).unwrap_or("");
            wrapped
                && prev_width * 4 >= widest * 3
                && !starts_list_item(line)
                && (!ends_sentence(prev_line) || starts_lowercase(line))
        };
        match current.as_mut() {
            Some(unit) if continues => {
                unit.range.end = range.end;
                joined = true;
            }
            _ => {
                if let Some(unit) = current.take() {
                    out.push(unit);
                }
                current = Some(Unit {
                    range: range.clone(),
                    after_blank: *after_blank,
                });
                joined = false;
            }
        }
    }
    out.extend(current);
}

/// The width in characters of a line of a paragraph: trimmed, and from just after the
/// newline before it (with its leading blanks).
#[derive(Clone, Copy, Debug, Default)]
pub struct Width {
    trimmed: usize,
    from_newline: usize,
}

impl Width {
    fn of(text: &str, range: &Range<usize>) -> Width {
        let count = |r: Range<usize>| text.get(r).map_or(0, |s| s.chars().count());
        let trimmed = count(range.clone());
        let bytes = text.as_bytes();
        // Most lines have no leading blanks: the newline is right before them.
        let line_start = match range.start.checked_sub(1).map(|i| bytes.get(i)) {
            None | Some(Some(b'\n')) => range.start,
            _ => {
                memchr::memrchr(b'\n', bytes.get(..range.start).unwrap_or(&[])).map_or(0, |i| i + 1)
            }
        };
        let from_newline = if line_start == range.start {
            trimmed
        } else {
            trimmed + count(line_start..range.start)
        };
        Width {
            trimmed,
            from_newline,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first form of [`join_wrapped`], which measures the lines again for each use.
    fn join_wrapped_reference(text: &str, lines: &[Unit], out: &mut Vec<Unit>) {
        if let [single] = lines {
            out.push(single.clone());
            return;
        }
        let width = |r: &Range<usize>| text.get(r.clone()).map_or(0, |s| s.chars().count());
        let widest = lines.iter().map(|u| width(&u.range)).max().unwrap_or(0);
        let full_lines = lines
            .iter()
            .filter(|u| width(&u.range) * 4 >= widest * 3)
            .count();
        let wrapped = (40..=130).contains(&widest) && full_lines >= 2;
        let mut current: Option<Unit> = None;
        for Unit { range, after_blank } in lines {
            let line = text.get(range.clone()).unwrap_or("");
            let continues = current.as_ref().is_some_and(|unit| {
                let prev = text.get(unit.range.clone()).unwrap_or("");
                let prev_last = prev.rsplit('\n').next().unwrap_or(prev);
                wrapped
                    && prev_last.chars().count() * 4 >= widest * 3
                    && !starts_list_item(line)
                    && (!ends_sentence(prev_last) || starts_lowercase(line))
            });
            match current.as_mut() {
                Some(unit) if continues => unit.range.end = range.end,
                _ => {
                    if let Some(unit) = current.take() {
                        out.push(unit);
                    }
                    current = Some(Unit {
                        range: range.clone(),
                        after_blank: *after_blank,
                    });
                }
            }
        }
        out.extend(current);
    }

    fn line() -> impl Strategy<Value = String> {
        (
            proptest::sample::select(vec![
                "",
                "",
                " ",
                "\t",
                "\u{3000}",
                "\u{200b}",
                "            ",
            ]),
            proptest::collection::vec(
                proptest::sample::select(vec![
                    "the", "council", "Met", "é", "—", "said.", "on", "•", "1.", "2)", "yes”",
                ]),
                0..16,
            ),
            proptest::sample::select(vec!["", " ", "\r", " \u{a0}"]),
        )
            .prop_map(|(lead, words, trail)| format!("{lead}{}{trail}", words.join(" ")))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn wrapped_lines_join_as_the_reference_does(lines in proptest::collection::vec(line(), 0..12)) {
            let text = lines.join("\n");
            let mut units = Vec::new();
            split(&text, &mut units, &mut Vec::new(), &mut Vec::new());
            // The reference cuts the lines itself, then regroups every paragraph when
            // there is a paragraph break.
            let mut first_pass = Vec::new();
            let (mut pos, mut after_blank) = (0, true);
            for line in text.split('\n') {
                match trimmed_by_chars(line, pos) {
                    Some(range) => {
                        first_pass.push(Unit { range, after_blank });
                        after_blank = false;
                    }
                    None => after_blank = true,
                }
                pos += line.len() + 1;
            }
            let mut reference = Vec::new();
            if first_pass.iter().skip(1).any(|u| u.after_blank) {
                let mut i = 0;
                while i < first_pass.len() {
                    let para_end = first_pass[i + 1..]
                        .iter()
                        .position(|unit| unit.after_blank)
                        .map_or(first_pass.len(), |p| i + 1 + p);
                    join_wrapped_reference(&text, &first_pass[i..para_end], &mut reference);
                    i = para_end;
                }
            } else {
                reference = first_pass;
            }
            prop_assert_eq!(units, reference);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Lines are trimmed on their edge bytes as the character trim does it.
        #[test]
        fn lines_trim_as_characters_do(lines in proptest::collection::vec(line(), 0..8)) {
            let text = lines.join("\n");
            let mut pos = 0;
            for line in text.split('\n') {
                let end = pos + line.len();
                let by_chars = trimmed_by_chars(line, pos);
                prop_assert_eq!(trimmed(&text, pos, end), by_chars.clone(), "{:?}", line);
                let reference = (!line.trim_matches(is_blank).is_empty()).then(|| {
                    let start = line.len() - line.trim_start_matches(is_blank).len();
                    pos + start..pos + line.trim_end_matches(is_blank).len()
                });
                prop_assert_eq!(by_chars, reference, "{:?}", line);
                pos = end + 1;
            }
        }
    }

    fn pieces(text: &str) -> Vec<&str> {
        let mut units = Vec::new();
        split(text, &mut units, &mut Vec::new(), &mut Vec::new());
        units.iter().map(|u| &text[u.range.clone()]).collect()
    }

    #[test]
    fn one_unit_per_line_without_blank_lines() {
        assert_eq!(
            pieces("Home\r\n  News \nThe mayor spoke.\n"),
            ["Home", "News", "The mayor spoke."]
        );
    }

    #[test]
    fn blank_line_paragraphs_keep_unwrapped_lines_apart() {
        let text = "Title here\n\n1 hour ago\nA short headline of a teaser\nBy Ann Lee\nThe body of the teaser goes on for a long while and ends here.\n\nNext.";
        assert_eq!(
            pieces(text),
            [
                "Title here",
                "1 hour ago",
                "A short headline of a teaser",
                "By Ann Lee",
                "The body of the teaser goes on for a long while and ends here.",
                "Next."
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_join() {
        let text = "The council met on Tuesday to discuss the budget for\n\
                    next year, which rises by four percent after a long\n\
                    debate.\n\nA second paragraph follows here.";
        assert_eq!(
            pieces(text),
            [
                "The council met on Tuesday to discuss the budget for\nnext year, which rises by four percent after a long\ndebate.",
                "A second paragraph follows here."
            ]
        );
    }

    #[test]
    fn an_indented_wrapped_line_counts_its_indent_once_joined() {
        // Widest 59 columns: a line continues the unit when the one before it reaches
        // 45. The second line is 35 wide, 47 with its indent, which the joined text
        // keeps.
        let first = "The harbour board met on Tuesday to discuss the dredging of";
        let second = "            the channel near the old ferry quay";
        let third = "and the costs of the work, which the board puts at";
        let fourth = "four million over three years.";
        assert_eq!((first.len(), second.trim().len()), (59, 35));
        let text = format!("Harbour\n\n{first}\n{second}\n{third}\n{fourth}");
        let got = pieces(&text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].ends_with("three years."), "{got:?}");
    }

    #[test]
    fn scratch_space_from_an_earlier_text_is_not_reused_as_units() {
        let mut units = Vec::new();
        let mut lines = Vec::new();
        let first = "Harbour news\n\nThe ferry left at noon.\nIt came back late.";
        split(first, &mut units, &mut lines, &mut Vec::new());
        assert_eq!(units.len(), 3);
        let second = "Weather\n\nRain all day.";
        split(second, &mut units, &mut lines, &mut Vec::new());
        let got: Vec<&str> = units.iter().map(|u| &second[u.range.clone()]).collect();
        assert_eq!(got, ["Weather", "Rain all day."]);
    }

    #[test]
    fn invisible_characters_are_blank() {
        assert_eq!(pieces("\u{feff}\nText\n\u{200b} \n"), ["Text"]);
        assert!(pieces("").is_empty());
        assert!(pieces("\n\n \n").is_empty());
    }
}
