//! Language-light text statistics for judging a block: words, stop words, sentence
//! punctuation, commas, and whether it ends like a sentence.

use crate::parse::space_len;

/// Counts over one block of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TextStats {
    /// Characters that are not whitespace.
    pub chars: u32,
    /// Whitespace-separated words.
    pub words: u32,
    /// Words from the stop-word lists (function words of running prose).
    pub stop: u32,
    /// Sentence-ending punctuation marks (`.`, `!`, `?`, `…`, `。`...) followed by a
    /// space or the end, i.e. ends of sentences.
    pub sentences: u32,
    /// Commas and semicolons.
    pub commas: u32,
    /// Characters of scripts written without spaces (CJK).
    pub cjk: u32,
    /// The text ends with sentence punctuation (closing quotes and brackets skipped).
    pub ends_sentence: bool,
    /// Words that start with an uppercase letter.
    pub capitalized: u32,
}

impl TextStats {
    /// A measure of length comparable across scripts: non-space characters, with CJK
    /// characters counted three times (one CJK character carries about a word).
    pub fn weight(&self) -> f64 {
        f64::from(self.chars) + 2.0 * f64::from(self.cjk)
    }

    /// Share of words that are stop words.
    pub fn stop_ratio(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            f64::from(self.stop) / f64::from(self.words)
        }
    }
}

/// Statistics of `text`, in one pass over its bytes.
pub(crate) fn stats(text: &str) -> TextStats {
    let mut st = TextStats::default();
    let b = text.as_bytes();
    let mut i = 0;
    let mut last_significant: Option<char> = None;
    while i < b.len() {
        let w = space_len(b, i);
        if w > 0 {
            i += w;
            continue;
        }
        // One word: from here to the next space.
        let start = i;
        let mut prev_end = false;
        let mut first = true;
        while i < b.len() {
            let byte = b[i];
            let c = if byte < 0x80 {
                if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                    break;
                }
                i += 1;
                byte as char
            } else {
                if space_len(b, i) > 0 {
                    break;
                }
                let c = text
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .unwrap_or('\u{fffd}');
                i += c.len_utf8();
                c
            };
            if first {
                first = false;
                if c.is_uppercase() {
                    st.capitalized += 1;
                }
            }
            st.chars += 1;
            match c {
                '.' | '!' | '?' | '…' => prev_end = true,
                '。' | '！' | '？' => {
                    st.sentences += 1;
                    prev_end = false;
                }
                ',' | ';' | '、' | '，' | '；' => {
                    st.commas += 1;
                    prev_end = false;
                }
                '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）' | '*' => {
                    continue;
                }
                _ => {
                    if c >= '\u{3040}' && is_cjk(c) {
                        st.cjk += 1;
                    }
                    prev_end = false;
                }
            }
            last_significant = Some(c);
        }
        st.words += 1;
        if i - start <= 16 && is_stop_word(text.get(start..i).unwrap_or_default()) {
            st.stop += 1;
        }
        if prev_end {
            st.sentences += 1;
        }
    }
    st.ends_sentence = matches!(
        last_significant,
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | ':' | ';')
    );
    st
}

fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF
    )
}

/// Whether `word` (with any surrounding punctuation) is a function word of English or
/// another common language of news text.
pub(crate) fn is_stop_word(word: &str) -> bool {
    // Trim ASCII punctuation cheaply; quotes and other marks need the char version.
    let w = word.trim_matches(|c: char| c.is_ascii_punctuation());
    let w = if w.is_ascii() {
        w
    } else {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    };
    if w.is_empty() || w.len() > 12 {
        return false;
    }
    let mut buf = [0u8; 12];
    let lower: &str = if w.is_ascii() {
        for (d, s) in buf.iter_mut().zip(w.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..w.len()]).unwrap_or(w)
    } else {
        w
    };
    matches!(
        lower,
        // English
        "the" | "of" | "and" | "a" | "to" | "in" | "is" | "was" | "it" | "for" | "on" | "that"
            | "with" | "as" | "at" | "by" | "he" | "she" | "they" | "his" | "her" | "their"
            | "be" | "are" | "were" | "been" | "has" | "have" | "had" | "from" | "this"
            | "which" | "or" | "an" | "but" | "not" | "will" | "would" | "said" | "its"
            | "who" | "we" | "you" | "i" | "there" | "after" | "more" | "one" | "also"
            | "about" | "than" | "when" | "can" | "what" | "all" | "up" | "out" | "so" | "if"
            | "into" | "over" | "other" | "no" | "some" | "could" | "them" | "our" | "may"
            | "these" | "him" | "do" | "did" | "just" | "only" | "while" | "where" | "because"
            | "how" | "those" | "such" | "then" | "should" | "any" | "most" | "says" | "before"
            | "between" | "being" | "both" | "during" | "through" | "under" | "very" | "my"
            | "me" | "your" | "us" | "it's" | "against" | "since" | "though" | "whether"
            | "am" | "does" | "here" | "now" | "many" | "much" | "own" | "same" | "each"
            // Spanish, Portuguese, Italian, French, German
            | "de" | "la" | "el" | "en" | "y" | "que" | "los" | "las" | "del" | "se" | "por"
            | "con" | "una" | "un" | "para" | "es" | "le" | "les" | "des" | "et" | "est"
            | "une" | "du" | "dans" | "pour" | "il" | "che" | "di" | "e" | "per" | "non"
            | "della" | "da" | "o" | "um" | "uma" | "os" | "não" | "com" | "na" | "em"
            | "der" | "die" | "das" | "und" | "ist" | "nicht" | "ein" | "eine" | "zu" | "mit"
            | "sich" | "auf" | "für" | "von" | "mais" | "como" | "sua" | "seu" | "nos" | "ao"
            | "às" | "pelo" | "pela" | "foi" | "são" | "mas" | "ha" | "sono" | "anche" | "nel"
            | "alla" | "gli" | "lo" | "al" | "sur" | "qui" | "pas" | "au" | "aux" | "ce"
            | "den" | "dem" | "im" | "auch" | "wird" | "sie" | "er" | "werden"
            // Russian
            | "и" | "в" | "не" | "на" | "что" | "с" | "по" | "это" | "как" | "а" | "к" | "из"
            | "у" | "за" | "о" | "от" | "он" | "она" | "они" | "его" | "но" | "же" | "так"
            | "было" | "был" | "для" | "до" | "при" | "их" | "ее" | "её" | "также" | "бы"
            | "уже" | "или" | "если" | "то" | "все" | "этом" | "том"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_prose() {
        let st =
            stats("The mayor said the bridge, closed since May, would reopen. “Soon,” she added.");
        assert_eq!(st.words, 13);
        assert_eq!(st.sentences, 2);
        assert_eq!(st.commas, 3);
        assert!(st.ends_sentence);
        assert!(st.stop >= 4);
    }

    #[test]
    fn menu_is_not_prose() {
        let st = stats("Home World Business Sport");
        assert_eq!(st.stop, 0);
        assert_eq!(st.sentences, 0);
        assert!(!st.ends_sentence);
        assert_eq!(st.capitalized, 4);
    }

    #[test]
    fn cjk_weight() {
        let st = stats("東京都は新しい計画を発表した。");
        assert_eq!(st.words, 1);
        assert!(st.cjk >= 12);
        assert_eq!(st.sentences, 1);
        assert!(st.weight() > 40.0);
    }
}
