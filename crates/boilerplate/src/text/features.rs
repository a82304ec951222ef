//! Per-block measurements gathered in one pass over the bytes: how many words, how many
//! of them function words, how capitalized, how the block ends, and whether it holds a
//! word that may belong to a chrome phrase.
//!
//! The scan dispatches on a byte-class table and handles runs of ASCII letters in a
//! tight inner loop; each run of letters is looked up in a small open-addressing table
//! keyed by its first eight bytes packed into a `u64`. Blocks longer than
//! [`DETAILED_BYTES`] are measured in detail on their head and tail only, and the
//! counts scaled by the number of words of the whole block: ratios are all the judge
//! uses of them, and long blocks are prose or nothing.

use std::sync::OnceLock;

use super::bytemask::{self, Kernel, WINDOW};

/// How a block ends, ignoring closing quotes and brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// `.`, `!`, `?`, `…` or their CJK forms: a sentence.
    Sentence,
    /// `:` or `;`: an introduction to what follows.
    Colon,
    /// Anything else: a label, a headline, a link.
    Open,
}

/// Measurements of one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// Whitespace-separated tokens.
    pub words: u32,
    /// Tokens holding at least one letter.
    pub letter_words: u32,
    /// Letter tokens whose first letter is a capital.
    pub cap_words: u32,
    /// Letter tokens of two or more letters, all ASCII capitals.
    pub upper_words: u32,
    /// Tokens that are function words ("the", "of", "que", "и"...).
    pub stop_words: u32,
    /// CJK ideographs, kana and hangul syllables (languages written without spaces).
    pub cjk_chars: u32,
    /// Letters (ASCII letters and non-ASCII characters outside the punctuation blocks).
    pub letters: u32,
    /// ASCII letters among them.
    pub ascii_letters: u32,
    /// ASCII digits.
    pub digits: u32,
    /// Tab characters (table cells).
    pub tabs: u32,
    /// Relative-time words ("ago", "today").
    pub time_words: u32,
    /// Words that stand for a strong chrome phrase ("cookies", "Getty", "reserved").
    pub trigger_words: u32,
    /// Words that stand for any chrome phrase ("share", "menu", "reply").
    pub chrome_words: u32,
    /// Flags of the first word (see [`FLAG_LEAD`]).
    pub first_word_flags: u8,
    /// Whether an `@` occurs (social handles, e-mail addresses).
    pub has_at: bool,
    /// Whether the block opens with a capitalized headline glued to the sentence after
    /// it ("Bridge Reopens After RepairsThe council said..."): a teaser card whose link
    /// and summary lost their separator in extraction.
    pub glued_headline: bool,
    /// Sentence ends followed by more text (". T").
    pub inner_sentence_ends: u32,
    /// How the block ends.
    pub ending: Ending,
}

impl Features {
    /// The block's length in words, counting two CJK characters as a word so that
    /// unspaced scripts are not mistaken for short labels.
    pub fn weight(&self) -> u32 {
        self.words.max(self.cjk_chars / 2)
    }

    /// Function words per letter token (0 when there are none).
    pub fn stop_density(&self) -> f32 {
        if self.letter_words == 0 {
            0.0
        } else {
            self.stop_words as f32 / self.letter_words as f32
        }
    }

    /// Capitalized tokens per letter token.
    pub fn cap_ratio(&self) -> f32 {
        if self.letter_words == 0 {
            0.0
        } else {
            self.cap_words as f32 / self.letter_words as f32
        }
    }

    /// Whether the block is mostly written in a script without spaces or capitals
    /// (Chinese, Japanese, Korean), where word and capital counts say little.
    pub fn is_cjk(&self) -> bool {
        self.cjk_chars * 2 > self.letters
    }

    /// Whether the block is mostly in a script the function-word list does not cover
    /// (so a low function-word density proves nothing).
    pub fn unknown_language(&self) -> bool {
        self.is_cjk() || (self.stop_words == 0 && self.ascii_letters * 2 < self.letters)
    }
}

const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her", "here",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "it's", "just", "may", "me",
    "might", "more", "most", "must", "my", "no", "not", "now", "of", "on", "once", "one", "only",
    "or", "other", "our", "out", "over", "said", "says", "she", "should", "since", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your", "don't", "didn't", "there's", "that's", "he's", "she's", "we're", "they're",
    "i'm", "isn't", "wasn't", "been", "while", "still", "even", "many", "much", "own", "same",
    "again", "yet", // Spanish, Portuguese, Italian, French
    "el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "es", "por", "con",
    "para", "se", "lo", "como", "más", "pero", "sus", "su", "le", "o", "os", "da", "do", "das",
    "dos", "em", "um", "uma", "e", "é", "não", "na", "nas", "nos", "ao", "il", "gli", "di", "che",
    "è", "per", "non", "della", "dei", "nel", "les", "des", "du", "et", "est", "une", "qui",
    "dans", "pour", "pas", "sur", "au", "aux", "elle", "ne", "ce", "sont",
    // German, Dutch
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "ein", "eine", "zu",
    "auf", "für", "sich", "im", "auch", "sie", "er", "wir", "het", "een", "van", "niet", "op",
    "zijn", "wordt", // Russian, Ukrainian
    "и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "но", "из", "за", "от", "к", "у",
    "о", "же", "для", "его", "она", "был", "все", "так", "то", "та", "що", "і", "до",
];

/// Words that make a block without digits a possible time stamp ("an hour ago").
const TIME_WORDS: &[&str] = &["ago", "today", "yesterday", "now"];

/// Flag of the word table: a function word.
const FLAG_STOP: u8 = 1;
/// Flag: a relative-time word.
const FLAG_TIME: u8 = 2;
/// Flag: a byline or credit opener.
pub const FLAG_LEAD: u8 = 4;
/// Flag: the key word of a strong chrome phrase (see [`super::phrases::key_words`]).
const FLAG_TRIGGER: u8 = 8;
/// Flag: the first eight letters of a longer such word.
const FLAG_TRIGGER_PREFIX: u8 = 16;
/// Flag: the key word of any chrome phrase.
const FLAG_CHROME: u8 = 32;
/// Flag: the first eight letters of a longer such word.
const FLAG_CHROME_PREFIX: u8 = 64;

const TABLE_BITS: u32 = 11;

/// Packs up to eight bytes into a `u64` key, the first byte lowest (as a
/// little-endian load reads them); the length is implied by the bytes (no listed word
/// contains a NUL).
fn pack(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(8)
        .enumerate()
        .fold(0u64, |k, (i, &b)| k | u64::from(b) << (8 * i))
}

/// The key of a word built first byte highest (as [`key_part`] builds it), turned
/// into a [`pack`] key.
fn reversed_key(key: u64) -> u64 {
    let bytes = (64 - key.leading_zeros()).div_ceil(8);
    match bytes {
        0 => 0,
        n => key.swap_bytes() >> (64 - 8 * n),
    }
}

/// Multipliers for the hash, tried in turn until the table builds.
const MULTIPLIERS: &[u64] = &[
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0xD6E8_FEB8_6659_FD93,
    0xFF51_AFD7_ED55_8CCD,
    0x94D0_49BB_1331_11EB,
];

/// Slots of the word table.
const TABLE_SIZE: usize = 1 << TABLE_BITS;

/// A cuckoo hash table from packed words to their flags: every word sits in one of
/// its two slots, so a lookup is two compares without a loop or an unpredictable
/// branch (most words of a text are looked up and half of them are function words,
/// so a branch on "found" would be a coin toss).
struct WordTable {
    keys: [u64; TABLE_SIZE],
    /// One more than the keys: the last is 0, the flags of a word not found.
    flags: [u8; TABLE_SIZE + 1],
    /// The counts each slot's flags add ([`FLAG_COUNTS`]), so that a plain word's
    /// lookup gives its counts in one load.
    lanes: [u64; TABLE_SIZE + 1],
    multiplier: u64,
}

impl WordTable {
    /// The two slots of `key`: the top two groups of bits of one product, so a lookup
    /// costs one multiplication.
    #[inline(always)]
    fn slots(&self, key: u64) -> [usize; 2] {
        let h = key.wrapping_mul(self.multiplier);
        [
            (h >> (64 - TABLE_BITS)) as usize & (TABLE_SIZE - 1),
            (h >> (64 - 2 * TABLE_BITS)) as usize & (TABLE_SIZE - 1),
        ]
    }

    /// The slot of `key`: one of its two, or `TABLE_SIZE` (the empty flags and counts
    /// past the slots) for a word not listed. Always an index of `flags` and `lanes`.
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        let [a, b] = self.slots(key);
        // The slot is selected, not branched to: whether a word is listed is a coin
        // toss. An unlisted word reads the empty flags past the slots.
        let hit_b = std::hint::select_unpredictable(self.keys[b] == key, b, TABLE_SIZE);
        std::hint::select_unpredictable(self.keys[a] == key, a, hit_b)
    }

    #[inline(always)]
    fn get(&self, key: u64) -> u8 {
        self.flags[self.slot(key)]
    }

    /// The counts of the word in `slot` (see [`WordTable::slot`]):
    /// `FLAG_COUNTS[self.get(key)]` for the slot of `key`, in one load.
    #[inline(always)]
    fn lanes_at(&self, slot: usize) -> u64 {
        // `slot` is one `slot` gave: at most `TABLE_SIZE`, an index of `lanes`.
        self.lanes[slot]
    }

    /// The flags of the word in `slot` (see [`WordTable::slot`]); none for a slot
    /// past the table.
    #[inline(always)]
    fn flags_at(&self, slot: usize) -> u8 {
        self.flags.get(slot).copied().unwrap_or(0)
    }

    /// Fills `lanes` from `flags`.
    fn with_lanes(mut self) -> Self {
        for (lane, &flags) in self.lanes.iter_mut().zip(&self.flags) {
            *lane = FLAG_COUNTS[usize::from(flags)];
        }
        self
    }

    /// Whether the table holds the word lists (see [`word_table`]).
    #[cfg(test)]
    fn is_built(&self) -> bool {
        self.keys.iter().any(|&key| key != 0)
    }

    /// Builds the table for `(word, flag)` entries (flags of a repeated word merge),
    /// or `None` when no multiplier places them all.
    fn build(entries: &[(u64, u8)]) -> Option<WordTable> {
        // Sorted by key, the flags of a repeated word merge into its first entry.
        let mut merged: Vec<(u64, u8)> = entries.to_vec();
        merged.sort_unstable_by_key(|&(key, _)| key);
        merged.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.1 |= later.1;
            }
            same
        });
        for &multiplier in MULTIPLIERS {
            let mut table = WordTable {
                keys: [0; TABLE_SIZE],
                flags: [0; TABLE_SIZE + 1],
                lanes: [0; TABLE_SIZE + 1],
                multiplier,
            };
            if merged.iter().all(|&entry| table.insert(entry)) {
                return Some(table.with_lanes());
            }
        }
        None
    }

    /// Cuckoo insertion: take a free slot of the two, or evict and re-place the
    /// occupant, a bounded number of times.
    fn insert(&mut self, mut entry: (u64, u8)) -> bool {
        let mut slot = self.slots(entry.0)[0];
        for _ in 0..64 {
            let [a, b] = self.slots(entry.0);
            for s in [a, b] {
                if self.keys[s] == 0 {
                    (self.keys[s], self.flags[s]) = entry;
                    return true;
                }
            }
            // Evict from the slot not used last time.
            slot = if slot == a { b } else { a };
            let evicted = (self.keys[slot], self.flags[slot]);
            (self.keys[slot], self.flags[slot]) = entry;
            entry = evicted;
        }
        false
    }
}

/// Builds the word table now, so that the first document does not pay for it.
pub fn prepare() {
    word_table();
}

fn word_table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries: Vec<(u64, u8)> = Vec::new();
        for (list, flag) in [
            (STOP_WORDS, FLAG_STOP),
            (TIME_WORDS, FLAG_TIME),
            (super::shapes::CREDIT_OPENERS, FLAG_LEAD),
        ] {
            entries.extend(list.iter().map(|w| (pack(w.as_bytes()), flag)));
        }
        // A block can only hold a phrase if it holds the phrase's key word, so the
        // phrase automaton runs only on blocks with one.
        for (word, strong) in super::phrases::key_words() {
            let long = word.len() > 8;
            let mut flag = if long {
                FLAG_CHROME_PREFIX
            } else {
                FLAG_CHROME
            };
            if strong {
                flag |= if long {
                    FLAG_TRIGGER_PREFIX
                } else {
                    FLAG_TRIGGER
                };
            }
            entries.push((pack(word.as_bytes()), flag));
            if long {
                // The fast scan looks a long word up by its prefix marked as long,
                // and takes these flags as they are.
                let full = FLAG_CHROME | if strong { FLAG_TRIGGER } else { 0 };
                entries.push((pack(word.as_bytes()) | LONG_WORD, full));
            }
        }
        // Every word list is fixed, and the unit tests check that one multiplier fits
        // them; an empty table (no word found) is the harmless fallback.
        WordTable::build(&entries).unwrap_or(WordTable {
            keys: [0; TABLE_SIZE],
            flags: [0; TABLE_SIZE + 1],
            lanes: [0; TABLE_SIZE + 1],
            multiplier: 1,
        })
    })
}

/// Blocks up to this many bytes are measured in full; longer ones on their head and
/// tail, with the counts scaled to the whole block.
pub const DETAILED_BYTES: usize = 320;

/// Bytes measured in detail at the start of a longer block ...
const HEAD_BYTES: usize = 192;
/// ... and at its end, where captions put their credits.
const TAIL_BYTES: usize = 96;

/// Measures `block`. Inline, so that a block measured in full costs one call (the
/// scan's) rather than two.
#[inline(always)]
pub fn measure(block: &str) -> Features {
    let bytes = block.as_bytes();
    let mut f = if bytes.len() <= DETAILED_BYTES {
        scan(bytes)
    } else {
        measure_sampled(bytes)
    };
    f.ending = ending(block);
    f
}

/// The counts of a block longer than [`DETAILED_BYTES`], from its head and tail.
#[inline(never)]
fn measure_sampled(bytes: &[u8]) -> Features {
    // Cut head and tail at spaces so their tokens are whole (and on char
    // boundaries: a space is one byte).
    let head_end = memchr::memrchr(b' ', &bytes[..HEAD_BYTES]).unwrap_or(HEAD_BYTES);
    let tail_from = bytes.len() - TAIL_BYTES;
    let tail_start = memchr::memchr(b' ', &bytes[tail_from..]).map_or(tail_from, |k| tail_from + k);
    let head = &bytes[..head_end];
    let mut f = scan(head);
    // The scan looks for a glued headline only in what may be prose as a whole block;
    // the head of a longer block may be prose with none of the signs, and is read
    // again in full when the scan may have passed over one (rarely: a head of fewer
    // than 25 words, with no sentence end).
    if f.words < PROSE_WITHOUT_ENDING && f.cap_words >= 3 {
        f.glued_headline = head_glued_headline(head, &f);
    }
    let tail = scan(&bytes[tail_start..]);
    add(&mut f, &tail);
    let sampled = head_end + (bytes.len() - tail_start);
    let total_words = count_words(bytes);
    scale(&mut f, total_words, bytes.len(), sampled);
    f.has_at |= memchr::memchr(b'@', &bytes[head_end..tail_start]).is_some();
    f
}

/// Adds the counts of another sample of the same block.
fn add(f: &mut Features, other: &Features) {
    f.words += other.words;
    f.letter_words += other.letter_words;
    f.cap_words += other.cap_words;
    f.upper_words += other.upper_words;
    f.stop_words += other.stop_words;
    f.time_words += other.time_words;
    f.trigger_words += other.trigger_words;
    f.chrome_words += other.chrome_words;
    f.inner_sentence_ends += other.inner_sentence_ends;
    f.cjk_chars += other.cjk_chars;
    f.letters += other.letters;
    f.ascii_letters += other.ascii_letters;
    f.digits += other.digits;
    f.tabs += other.tabs;
    f.has_at |= other.has_at;
}

/// Whitespace-separated tokens in a long block, estimated from its spaces.
fn count_words(bytes: &[u8]) -> u32 {
    // Prose has one space per word. Counted in byte-wide lanes over chunks short
    // enough for none to overflow, which the compiler vectorizes.
    let spaces: usize = bytes
        .chunks(240)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b' '))))
        .sum();
    (spaces + 1) as u32
}

/// Scales the head's counts to a block of `total_words` words and `total_bytes` bytes.
fn scale(f: &mut Features, total_words: u32, total_bytes: usize, head_bytes: usize) {
    let words = f.words.max(1);
    let by_words = |x: u32| ((u64::from(x) * u64::from(total_words)) / u64::from(words)) as u32;
    let by_bytes = |x: u32| ((x as u64 * total_bytes as u64) / head_bytes.max(1) as u64) as u32;
    f.letter_words = by_words(f.letter_words);
    f.cap_words = by_words(f.cap_words);
    f.upper_words = by_words(f.upper_words);
    f.stop_words = by_words(f.stop_words);
    f.time_words = by_words(f.time_words);
    f.trigger_words = by_words(f.trigger_words);
    f.chrome_words = by_words(f.chrome_words);
    f.inner_sentence_ends = by_words(f.inner_sentence_ends);
    f.cjk_chars = by_bytes(f.cjk_chars);
    f.letters = by_bytes(f.letters);
    f.ascii_letters = by_bytes(f.ascii_letters);
    f.digits = by_bytes(f.digits);
    f.tabs = by_bytes(f.tabs);
    f.words = total_words.max(f.words);
}

fn is_ascii_letter(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

/// Lanes of the byte-class counters: each byte adds one to the lanes of its classes,
/// eight 8-bit lanes in a `u64`, so counting all classes costs one table load and one
/// add per byte.
const LANE_ASCII_LETTER: u32 = 0;
const LANE_LEAD: u32 = 8;
const LANE_SYMBOL_LEAD: u32 = 16;
const LANE_CJK: u32 = 24;
const LANE_DIGIT: u32 = 32;
const LANE_TAB: u32 = 40;
const LANE_AT: u32 = 48;

static LANES: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let mut v = 0u64;
        if (c | 0x20).wrapping_sub(b'a') < 26 {
            v |= 1 << LANE_ASCII_LETTER;
        }
        if c >= 0xC0 {
            v |= 1 << LANE_LEAD;
        }
        // Lead bytes of punctuation and symbols: U+0080–U+00BF (C2), U+2000–U+2FFF (E2).
        if c == 0xC2 || c == 0xE2 {
            v |= 1 << LANE_SYMBOL_LEAD;
        }
        if c >= 0xE3 && c <= 0xED {
            v |= 1 << LANE_CJK;
        }
        if c.is_ascii_digit() {
            v |= 1 << LANE_DIGIT;
        }
        if c == b'\t' {
            v |= 1 << LANE_TAB;
        }
        if c == b'@' {
            v |= 1 << LANE_AT;
        }
        t[b] = v;
        b += 1;
    }
    t
};

/// Per-class byte counts of `bytes`.
fn class_counts(bytes: &[u8]) -> [u32; 7] {
    let mut totals = [0u32; 7];
    // 255 bytes at most per chunk, so no 8-bit lane overflows.
    for chunk in bytes.chunks(255) {
        let mut acc = 0u64;
        for &b in chunk {
            acc += LANES[b as usize];
        }
        for (lane, total) in totals.iter_mut().enumerate() {
            *total += ((acc >> (8 * lane)) & 0xFF) as u32;
        }
    }
    totals
}

/// What one token adds to its block's counts.
#[derive(Clone, Copy, Debug)]
struct Token {
    /// Where it ends (a blank or the end of the block).
    end: usize,
    /// Its counts, one byte lane each (see [`LANE_LETTER_WORDS`]).
    counts: u64,
    /// Word-table flags of its word (with the chrome flags of a `©`).
    flags: u8,
}

// Lanes of a token's packed counts: each count of a block is the sum of its tokens'
// lanes, so adding a token costs one addition. The sentence-end lane counts tokens that end
// a sentence; the ends followed by more text are those but the last token's. A batch
// of [`BATCH`] tokens is summed before the lanes are flushed.
const LANE_SENTENCE_ENDS: u32 = 0;
const LANE_LETTER_WORDS: u32 = 8;
const LANE_CAP_WORDS: u32 = 16;
const LANE_UPPER_WORDS: u32 = 24;
const LANE_STOP_WORDS: u32 = 32;
const LANE_TIME_WORDS: u32 = 40;
const LANE_TRIGGER_WORDS: u32 = 48;
const LANE_CHROME_WORDS: u32 = 56;

/// The lanes a word's flags add (the function-word lane only for a whole word).
static FLAG_COUNTS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut flags = 0usize;
    while flags < 256 {
        let f = flags as u8;
        let mut v = 0u64;
        if f & FLAG_STOP != 0 {
            v |= 1 << LANE_STOP_WORDS;
        }
        if f & FLAG_TIME != 0 {
            v |= 1 << LANE_TIME_WORDS;
        }
        if f & FLAG_TRIGGER != 0 {
            v |= 1 << LANE_TRIGGER_WORDS;
        }
        if f & FLAG_CHROME != 0 {
            v |= 1 << LANE_CHROME_WORDS;
        }
        t[flags] = v;
        flags += 1;
    }
    t
};

/// The packed counts of a token.
#[inline(always)]
fn token_counts(
    flags: u8,
    letter: bool,
    cap: bool,
    upper: bool,
    whole: bool,
    ends_sentence: bool,
) -> u64 {
    let mut counts = FLAG_COUNTS[usize::from(flags)];
    if !whole {
        counts &= !(0xFF << LANE_STOP_WORDS);
    }
    counts
        | u64::from(ends_sentence) << LANE_SENTENCE_ENDS
        | (u64::from(letter) << LANE_LETTER_WORDS)
        | (u64::from(cap) << LANE_CAP_WORDS)
        | (u64::from(upper) << LANE_UPPER_WORDS)
}

const CASE_BITS: u64 = 0x2020_2020_2020_2020;

/// The eight bytes at `pos` (a token's start) of `copy`, the block's zero-padded copy
/// (see [`scan_impl`]), as a little-endian `u64`: one unaligned load, as the copy
/// has eight bytes to spare past its last window.
#[inline(always)]
fn load8(copy: &[u8], pos: usize) -> u64 {
    let mut word = [0u8; 8];
    if let Some(chunk) = copy.get(pos..pos + 8) {
        word.copy_from_slice(chunk);
    }
    u64::from_le_bytes(word)
}

/// Bytes of a block's copy in [`scan_impl`] with room for `windows` windows: sixteen
/// more than the windows, so a token's eight bytes, or those after its opening mark,
/// load in one piece anywhere (see [`WINDOW_SPAN`]).
const fn copy_len(windows: usize) -> usize {
    windows * WINDOW + 16
}

/// The bytes of the copy a window's tokens are read from: the window and the 16
/// bytes after it.
const WINDOW_SPAN: usize = WINDOW + 16;

/// The eight bytes at `at` of a window's span, as a little-endian `u64`. A token
/// starts within the window and its mark is short, so `at` is at most 66; clamped,
/// the load needs no bounds check.
#[inline(always)]
fn span_load8(span: &[u8; WINDOW_SPAN], at: usize) -> u64 {
    let at = at.min(WINDOW_SPAN - 8);
    let mut word = [0u8; 8];
    word.copy_from_slice(&span[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Windows of [`bytemask::WINDOW`] bytes a block may have for [`scan`] to take its fast
/// path (longer samples go through [`scan_general`]). 384 bytes cover every sample
/// [`measure`] takes, and hold at most 192 tokens, so no byte lane of the packed counts
/// can overflow.
const MAX_WINDOWS: usize = 6;

/// Measures `bytes` in full. Its blanks (ASCII blanks and controls, no-break spaces),
/// letters and other classes come as bit masks of 64-byte windows (see [`bytemask`]):
/// the byte classes are counted from them, and the tokens (runs of non-blank bytes)
/// are walked from one start bit to the next. A token of ASCII letters, with at most
/// one closing mark after them (or one opening mark before them), has its word's key
/// taken from one 8-byte load of the block's padded copy and looked up at once; a bare
/// token (ASCII without letters: a number, a dash) needs no lookup; any other token is
/// read in full by [`slow_token`].
#[inline(always)]
fn scan(bytes: &[u8]) -> Features {
    #[cfg(target_arch = "x86_64")]
    if let Some(avx2) = bytemask::Avx2::detect() {
        // SAFETY: `detect` found the features `scan_avx2` is compiled for.
        return unsafe { scan_avx2(bytes, avx2) };
    }
    scan_baseline(bytes)
}

/// [`scan`] for the CPUs without AVX2, out of line as [`scan_avx2`] is.
#[inline(never)]
fn scan_baseline(bytes: &[u8]) -> Features {
    scan_sized(bytes, bytemask::Baseline)
}

/// [`scan`] compiled for the CPUs that have AVX2 and the bit-manipulation extensions:
/// 32-byte masks, and one instruction for each count, shift and bit scan.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1,bmi2,popcnt,lzcnt")]
fn scan_avx2(bytes: &[u8], avx2: bytemask::Avx2) -> Features {
    scan_sized(bytes, avx2)
}

/// [`scan_impl`] with mask arrays as small as the sample allows (most blocks are one
/// line of one or two windows).
#[inline(always)]
fn scan_sized(bytes: &[u8], kernel: impl TokenKernel) -> Features {
    match bytes.len() {
        // Most lines of scraped pages' text: half a window.
        0..=32 => scan_impl::<2, { copy_len(1) }, true>(bytes, kernel),
        33..=64 => scan_impl::<2, { copy_len(1) }, false>(bytes, kernel),
        65..=128 => scan_impl::<3, { copy_len(2) }, false>(bytes, kernel),
        129..=192 => scan_impl::<4, { copy_len(3) }, false>(bytes, kernel),
        _ => scan_impl::<{ MAX_WINDOWS + 1 }, { copy_len(MAX_WINDOWS) }, false>(bytes, kernel),
    }
}

/// Sizes of [`scan_impl`] up to this one read all their windows.
const SMALL_L: usize = 2;

/// The fast path of [`scan`], with room for `L - 1` windows (one more holds the masks
/// past the end) and a copy of `C` bytes (see [`copy_len`]).
#[inline(always)]
fn scan_impl<const L: usize, const C: usize, const HALF: bool>(
    bytes: &[u8],
    kernel: impl TokenKernel,
) -> Features {
    let n = bytes.len();
    if n > (L - 1) * WINDOW || C < copy_len(L - 1) || (HALF && (L != 2 || n > WINDOW / 2)) {
        return scan_general_prose(bytes);
    }
    let table = word_table();
    // A window of the zero padding adds nothing (zeros are blanks of no class), so the
    // small sizes, whose blocks fill all their windows but one at most, read every
    // window: the loops below then have a fixed count and unroll.
    let windows = if L <= SMALL_L {
        L - 1
    } else {
        n.div_ceil(WINDOW)
    };
    // Past the end everything is blank: a token's end is always found.
    let mut blank = [u64::MAX; L];
    // ASCII letters, and the ASCII bytes that are neither blank nor letters.
    let mut letter = [0u64; L];
    // Bytes that make a token more than a bare number or mark: letters and non-ASCII.
    let mut wordy = [0u64; L];
    let mut other_ascii = [0u64; L];
    let mut upper = [0u64; L];
    let mut stop = [0u64; L];
    // Capitals right after a lower-case letter, a digit or a ")": only a token holding
    // one can be a glued headline.
    let mut glue = [0u64; L];
    let mut glue_carry = 0u64;
    let mut nbsp_lead = [0u64; L];
    let mut nbsp_tail = [0u64; L];
    let mut ascii_letters = 0u32;
    let mut digits = 0u32;
    let mut tabs = 0u32;
    let mut has_at = false;
    let mut lead = 0u32;
    let mut symbol_lead = 0u32;
    let mut cjk_chars = 0u32;
    let mut any_high = false;
    // The block, zero-padded: zeros are blanks of no class, so every window is read
    // whole and every token's first eight bytes in one load, with no case for the end.
    let mut copy = [0u8; C];
    // A block of one window has its masks read from the block itself (see
    // `Kernel::first_window`), which also fills the copy.
    let first = if L <= SMALL_L {
        kernel.first_window::<HALF>(bytes, &mut copy)
    } else {
        None
    };
    if first.is_none() {
        copy[..n].copy_from_slice(bytes);
    }
    for w in 0..windows {
        let from = w * WINDOW;
        let Some(window) = copy
            .get(from..from + WINDOW)
            .and_then(|chunk| <&[u8; WINDOW]>::try_from(chunk).ok())
        else {
            break;
        };
        let (m, first_high) = if w == 0
            && let Some((m, h)) = first
        {
            (m, Some(h))
        } else if HALF {
            // A block of half a window: the copy's second half is zeros.
            (kernel.masks_of_half(window), None)
        } else {
            (kernel.masks(window), None)
        };
        blank[w] = m.blank;
        letter[w] = m.letter;
        wordy[w] = m.letter | m.high;
        other_ascii[w] = !m.blank & !m.letter & !m.high;
        upper[w] = m.upper;
        stop[w] = m.stop;
        ascii_letters += m.letter.count_ones();
        if m.digit != 0 {
            digits += m.digit.count_ones();
        }
        if m.tab | m.at != 0 {
            tabs += m.tab.count_ones();
            has_at |= m.at != 0;
        }
        glue[w] = ((m.glue_lead << 1) | glue_carry) & m.upper;
        glue_carry = m.glue_lead >> 63;
        if m.high != 0 {
            let h = match first_high {
                Some(h) => h,
                None if HALF => kernel.high_masks_of_half(window),
                None => kernel.high_masks(window),
            };
            lead += h.lead.count_ones();
            symbol_lead += h.symbol_lead.count_ones();
            cjk_chars += h.cjk.count_ones();
            nbsp_lead[w] = h.c2;
            nbsp_tail[w] = h.a0;
            any_high = true;
        }
    }
    if any_high {
        // No-break spaces (C2 A0, maybe across two windows) are blanks.
        for w in 0..windows {
            let nbsp = nbsp_lead[w] & ((nbsp_tail[w] >> 1) | (nbsp_tail[w + 1] << 63));
            let (here, next) = (nbsp | (nbsp << 1), nbsp >> 63);
            blank[w] |= here;
            blank[w + 1] |= next;
        }
    }

    // Token starts: a non-blank byte after a blank (or the start of the block).
    let mut starts = [0u64; L];
    let mut carry = 1u64;
    for w in 0..windows {
        starts[w] = !blank[w] & ((blank[w] << 1) | carry);
        carry = blank[w] >> 63;
    }
    let first_start = starts
        .iter()
        .enumerate()
        .find(|(_, s)| **s != 0)
        .map_or(usize::MAX, |(w, s)| {
            w * WINDOW + s.trailing_zeros() as usize
        });

    // Where a plain token's run of letters may stop: a blank, or one other ASCII byte
    // (a mark, a digit) right before a blank.
    let mut run_stops = [u64::MAX; L];
    for w in 0..windows {
        let before_blank = (blank[w] >> 1) | (blank[w + 1] << 63);
        run_stops[w] = blank[w] | (other_ascii[w] & before_blank);
    }

    // Each token: a plain one (ASCII letters, maybe closed by one other ASCII byte)
    // adds its word's flags here and the rest of its counts in bulk below; any other
    // token is read in full by `slow_token`, which reads a plain one the same way.
    // A token is plain when its first non-letter byte (`run` bytes in) is one where a
    // run may stop: only two masks are shifted per token, and its length is not
    // needed.
    let mut counts = 0u64;
    let mut first_word_flags = 0u8;
    // The table slot of the first plain token, on blocks of one window (their first
    // token's flags then cost no second reading nor lookup of it; on longer blocks, two
    // instructions a token cost more than that reading).
    let mut first_slot = usize::MAX;
    // Last bytes of the tokens read in full (their sentence ends are their own).
    let mut slow_ends = [0u64; L];
    let mut slow_starts = [0u64; L];
    let mut last_slow = false;
    let mut last_slow_ends = 0u32;
    for w in 0..windows {
        let (letter_lo, letter_hi) = (letter[w], letter[w + 1]);
        let (stops_lo, stops_hi) = (run_stops[w], run_stops[w + 1]);
        let Some(span) = copy
            .get(w * WINDOW..w * WINDOW + WINDOW_SPAN)
            .and_then(|span| <&[u8; WINDOW_SPAN]>::try_from(span).ok())
        else {
            break;
        };
        let mut pending = starts[w];
        while pending != 0 {
            let off = pending.trailing_zeros();
            pending &= pending - 1;
            let non_letters = !bits_at(letter_lo, letter_hi, off);
            let run = non_letters.trailing_zeros();
            let first_non_letter = non_letters & non_letters.wrapping_neg();
            // The first byte is no stop (a run has a letter at least), nor is the 64th
            // (a run of 63 letters may hold a 64-byte token, which the masks do not see
            // to its end).
            const RUN_ENDS: u64 = !1 & (u64::MAX >> 1);
            let plain = first_non_letter & bits_at(stops_lo, stops_hi, off) & RUN_ENDS != 0;
            let start = w * WINDOW + off as usize;
            if plain {
                let x = span_load8(span, off as usize);
                let run = run as usize;
                // Key of the first eight letters, lower-cased.
                let by_run = &BY_RUN[run];
                let key = ((x | CASE_BITS) & by_run.key_mask) | by_run.long_bit;
                let all_capitals = (x & by_run.capitals_test) == 0;
                let slot = table.slot(key);
                counts += table.lanes_at(slot) | u64::from(all_capitals) << LANE_UPPER_WORDS;
                if L <= SMALL_L {
                    first_slot = if first_slot == usize::MAX {
                        slot
                    } else {
                        first_slot
                    };
                }
                last_slow = false;
            } else if let blanks = bits_at(blank[w], blank[w + 1], off)
                && let len = blanks.trailing_zeros() as usize
                && len < 64
                && bits_at(wordy[w], wordy[w + 1], off) & TOKEN_BITS[len] == 0
                && !matches!(
                    copy.get(start + len.max(1) - 1),
                    Some(b'"' | b'\'' | b')' | b']') | None
                )
            {
                // A bare token ("2019", "0.5", "&"), as `other_token` reads it (no
                // letter, so none of its word paths applies): no counts, no flags,
                // its sentence end counted in bulk; only its start is marked, so that
                // the bulk counts do not take it for a letter token.
                slow_starts[w] |= 1 << off;
                if start == first_start {
                    first_word_flags = 0;
                }
                last_slow = false;
                last_slow_ends = 0;
            } else {
                let other = kernel.other_token(
                    &copy,
                    bytes,
                    table,
                    start,
                    &TokenMasks {
                        letters: bits_at(letter_lo, letter_hi, off),
                        stops: bits_at(stops_lo, stops_hi, off),
                        blanks: bits_at(blank[w], blank[w + 1], off),
                        wordy: bits_at(wordy[w], wordy[w + 1], off),
                    },
                );
                counts += other.counts;
                slow_starts[w] |= 1 << off;
                if let Some(mask) = slow_ends.get_mut(other.slow_end / WINDOW) {
                    *mask |= 1 << (other.slow_end % WINDOW);
                }
                if start == first_start {
                    first_word_flags = other.flags;
                }
                last_slow = other.last_slow_ends.is_some();
                last_slow_ends = other.last_slow_ends.unwrap_or(0);
            }
        }
    }
    let words: u32 = starts.iter().map(|s| s.count_ones()).sum();
    // The plain tokens in bulk: each holds a letter; a capital starts some; those
    // whose closing mark ends a sentence end on one, as do the bare ones.
    let mut plain_ends = 0u32;
    let mut last_plain_ends = 0u32;
    for w in 0..windows {
        let plain = starts[w] & !slow_starts[w];
        counts += u64::from(plain.count_ones()) << LANE_LETTER_WORDS;
        counts += u64::from((plain & upper[w]).count_ones()) << LANE_CAP_WORDS;
        let token_ends = !blank[w] & ((blank[w] >> 1) | (blank[w + 1] << 63));
        let sentence_ends = token_ends & stop[w] & !slow_ends[w];
        plain_ends += sentence_ends.count_ones();
        if token_ends != 0 {
            // The last token of the block ends in the last window holding an end.
            let last_end = 63 - token_ends.leading_zeros();
            last_plain_ends = ((sentence_ends >> last_end) & 1) as u32;
        }
    }
    counts += u64::from(plain_ends) << LANE_SENTENCE_ENDS;
    let last_ends = if last_slow {
        last_slow_ends
    } else {
        last_plain_ends
    };
    if first_start < n && slow_starts[first_start / WINDOW] & (1 << (first_start % WINDOW)) == 0 {
        // The first token is plain, so it was the first plain one read.
        first_word_flags = if L <= SMALL_L {
            table.flags_at(first_slot)
        } else {
            plain_flags(bytes, first_start, &blank, &copy, table)
        };
    }
    let lane = |l: u32| ((counts >> l) & 0xFF) as u32;
    // A glued token has three letter tokens before it, three quarters of them
    // capitalized, so three capitalized ones at least (as the block counts them): most
    // blocks with a glue bit ("GamesBeat", "iPhone") have fewer tokens than that.
    let glued_headline = glue.iter().any(|&g| g != 0)
        && words >= 4
        && lane(LANE_CAP_WORDS) >= 3
        && may_be_prose(
            bytes,
            words.max(cjk_chars / 2),
            lane(LANE_SENTENCE_ENDS).saturating_sub(last_ends),
        )
        && glued_headline(bytes, &starts, &slow_starts, &upper, &glue, table);
    Features {
        words,
        letter_words: lane(LANE_LETTER_WORDS),
        cap_words: lane(LANE_CAP_WORDS),
        upper_words: lane(LANE_UPPER_WORDS),
        stop_words: lane(LANE_STOP_WORDS),
        cjk_chars,
        letters: ascii_letters + lead.saturating_sub(symbol_lead),
        ascii_letters,
        digits,
        tabs,
        time_words: lane(LANE_TIME_WORDS),
        trigger_words: lane(LANE_TRIGGER_WORDS),
        chrome_words: lane(LANE_CHROME_WORDS),
        first_word_flags,
        has_at,
        glued_headline,
        inner_sentence_ends: lane(LANE_SENTENCE_ENDS).saturating_sub(last_ends),
        ending: Ending::Open,
    }
}

/// Whether `bytes`, measured as a whole block of `weight` (see [`Features::weight`])
/// with `inner_sentence_ends`, may be judged prose (good or near): the judge asks no
/// other block whether it opens with a glued headline, so [`scan`] looks for one in
/// these only. Prose ends like a sentence or an introduction, or is long, or holds a
/// sentence end inside, whatever the judge's parameters.
#[inline(never)]
pub fn may_be_prose(bytes: &[u8], weight: u32, inner_sentence_ends: u32) -> bool {
    weight >= PROSE_WITHOUT_ENDING
        || inner_sentence_ends >= 1
        || matches!(ending_of(bytes), Ending::Sentence | Ending::Colon)
}

/// Whether `bytes` opens with a glued headline, as the full reading says, prose or not.
#[cfg(test)]
pub fn glued_headline_in_full(bytes: &[u8]) -> bool {
    scan_general(bytes).glued_headline
}

/// [`scan_general`] with its glued headline kept only where [`scan`] looks for one.
#[inline(never)]
fn scan_general_prose(bytes: &[u8]) -> Features {
    let mut f = scan_general(bytes);
    f.glued_headline &= may_be_prose(bytes, f.weight(), f.inner_sentence_ends);
    f
}

/// Whether the head of a long block measured as `f` opens with a glued headline, as the
/// scan would say with no regard to [`may_be_prose`].
#[inline(never)]
fn head_glued_headline(head: &[u8], f: &Features) -> bool {
    if f.words >= 4 && !may_be_prose(head, f.weight(), f.inner_sentence_ends) {
        scan_general(head).glued_headline
    } else {
        f.glued_headline
    }
}

/// Words from which a block may be judged prose whatever its ending (see
/// [`may_be_prose`]).
pub const PROSE_WITHOUT_ENDING: u32 = 25;

/// The masks of a window pair read from a token's first byte (bit `i`: byte
/// `start + i`), for [`other_token`].
struct TokenMasks {
    /// ASCII letters.
    letters: u64,
    /// Where a plain token's run of letters may stop (see `run_stops` in [`scan_impl`]).
    stops: u64,
    /// Blanks.
    blanks: u64,
    /// Letters and non-ASCII bytes.
    wordy: u64,
}

/// What a token that is no plain one adds to its block's counts (see [`other_token`]).
struct OtherToken {
    /// Its packed counts, but those of a bare token (counted in bulk).
    counts: u64,
    /// Its word-table flags (with the chrome flags of a `©`).
    flags: u8,
    /// Its last byte when it was read in full (its sentence end is its own, not the
    /// bulk count's), else `usize::MAX`.
    slow_end: usize,
    /// When it was read in full: whether it ends a sentence.
    last_slow_ends: Option<u32>,
}

/// A [`Kernel`] with its own compiled copy of [`other_token`]: kept out of line (see
/// there), the token reader would otherwise be compiled for the baseline CPU only and
/// count bits in software even when the scan that calls it has POPCNT and BMI.
trait TokenKernel: Kernel {
    /// [`other_token`], compiled for this kernel's CPU features.
    fn other_token(
        self,
        copy: &[u8],
        bytes: &[u8],
        table: &WordTable,
        start: usize,
        m: &TokenMasks,
    ) -> OtherToken;
}

impl TokenKernel for bytemask::Baseline {
    /// Out of line, so that the loop over the plain tokens (nine in ten) keeps its
    /// registers.
    #[inline(never)]
    fn other_token(
        self,
        copy: &[u8],
        bytes: &[u8],
        table: &WordTable,
        start: usize,
        m: &TokenMasks,
    ) -> OtherToken {
        other_token(copy, bytes, table, start, m)
    }
}

#[cfg(target_arch = "x86_64")]
impl TokenKernel for bytemask::Avx2 {
    #[inline(always)]
    fn other_token(
        self,
        copy: &[u8],
        bytes: &[u8],
        table: &WordTable,
        start: usize,
        m: &TokenMasks,
    ) -> OtherToken {
        // SAFETY: an `Avx2` value exists only on a CPU with the features
        // `other_token_avx2` is compiled for.
        unsafe { other_token_avx2(copy, bytes, table, start, m) }
    }
}

/// [`other_token`] for the CPUs of [`bytemask::Avx2`], out of line as the baseline's
/// copy is.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1,bmi2,popcnt,lzcnt")]
#[inline(never)]
fn other_token_avx2(
    copy: &[u8],
    bytes: &[u8],
    table: &WordTable,
    start: usize,
    m: &TokenMasks,
) -> OtherToken {
    other_token(copy, bytes, table, start, m)
}

/// Reads a token of [`scan_impl`] whose first run of letters does not end at a blank
/// or at one mark before a blank. `copy` is the block's zero-padded copy. Inlined into
/// one out-of-line copy per kernel (see [`TokenKernel`]).
#[inline(always)]
fn other_token(
    copy: &[u8],
    bytes: &[u8],
    table: &WordTable,
    start: usize,
    m: &TokenMasks,
) -> OtherToken {
    let non_letters = !m.letters;
    let run = non_letters.trailing_zeros();
    // The token runs to the next blank, in this window or the next (64 when it is
    // that long or longer).
    let len = m.blanks.trailing_zeros();
    // A word of ASCII letters and what follows it up to the blank, with no apostrophe
    // that goes on with letters: closing marks ("said,”", "end.\"") or a compound
    // ("well-known", "U.S."). Read as `word_token` reads it: the word is the run of
    // letters, and the rest is looked at for letters and a `©` by `rest_flags`.
    if (run >= 1) & (len < 64) & (run < len) {
        let after = load8(copy, start + run as usize);
        let apostrophe = if after as u8 == b'\'' {
            1
        } else if after & 0xFF_FFFF == 0x99_80E2 {
            3
        } else {
            0
        };
        // The apostrophe lies inside the token, so the byte after it is at most the
        // blank: a letter there is the token's.
        let goes_on = apostrophe != 0 && (m.letters >> (run + apostrophe)) & 1 != 0;
        if !goes_on {
            let x = load8(copy, start);
            let run = run as usize;
            let end = start + len as usize;
            // A rest of ASCII bytes only (most: closing marks, a hyphen and a word) has
            // its letters in the mask and no `©`; one with non-ASCII bytes is read.
            let rest_bits = TOKEN_BITS[len as usize] & !TOKEN_BITS[run];
            let (letters_after, copyright) = if m.wordy & !m.letters & rest_bits == 0 {
                (m.letters & rest_bits != 0, false)
            } else {
                rest_flags(copy, start + run, end)
            };
            let key = ((x | CASE_BITS) & KEY_MASK[run]) | LONG_BIT[run];
            let flags = table.get(key)
                | if copyright {
                    FLAG_TRIGGER | FLAG_CHROME
                } else {
                    0
                };
            let ends = token_ends_sentence(copy.get(start..end).unwrap_or(&[]));
            let counts = token_counts(
                flags,
                true,
                x & 0x20 == 0,
                (x & CAPITALS_TEST[run]) == 0,
                !letters_after,
                ends,
            );
            return OtherToken {
                counts,
                flags,
                slow_end: end - 1,
                last_slow_ends: Some(u32::from(ends)),
            };
        }
    }
    // A word with one apostrophe inside ("don't", "Russia’s"), maybe closed by one
    // mark: read as `slow_token` reads it, the run after the apostrophe from the masks
    // too. Its key holds the apostrophe as `'`, which counts as a capital. Its letter
    // counts are added here, as for a word after a mark (below).
    if run >= 1 {
        let after = load8(copy, start + run as usize);
        let apostrophe = if after as u8 == b'\'' {
            1
        } else if after & 0xFF_FFFF == 0x99_80E2 {
            3
        } else {
            0
        };
        let next = run + apostrophe;
        if apostrophe != 0 && next < 63 {
            let rest = non_letters >> next;
            let run2 = rest.trailing_zeros();
            let stop_bit = rest & rest.wrapping_neg();
            if (run2 >= 1) & (next + run2 < 63) & (stop_bit & (m.stops >> next) != 0) {
                let first = run as usize;
                let units = first + 1 + run2 as usize;
                let x = load8(copy, start);
                // The word's first eight units, the apostrophe as one byte.
                let raw = if apostrophe == 1 {
                    x
                } else {
                    // A first run of eight letters or more fills the key alone.
                    let mut raw = x & KEY_BYTES[first.min(8)];
                    if first < 8 {
                        raw |= u64::from(b'\'') << (8 * first);
                    }
                    if first + 1 < 8 {
                        raw |= load8(copy, start + first + 3) << (8 * (first + 1));
                    }
                    raw
                };
                let apostrophe_case = if first < 8 { 0x20 << (8 * first) } else { 0 };
                let key = ((raw | CASE_BITS) & KEY_MASK[units]) | LONG_BIT[units];
                let flags = table.get(key);
                return OtherToken {
                    counts: FLAG_COUNTS[usize::from(flags)]
                        | u64::from((raw & CAPITALS_TEST[units] & !apostrophe_case) == 0)
                            << LANE_UPPER_WORDS
                        | 1 << LANE_LETTER_WORDS
                        | u64::from(x & 0x20 == 0) << LANE_CAP_WORDS,
                    flags,
                    slow_end: usize::MAX,
                    last_slow_ends: None,
                };
            }
        }
    }
    // A plain word after one opening mark (`"We`, `(Photo`, `“The`): read as
    // `slow_token` reads it, its word from the masks past the mark. Its capital is not
    // its first byte's, so its letter counts are added here and it is kept out of the
    // bulk ones.
    let mark = opening_mark_len(load8(copy, start));
    let after_mark = non_letters >> mark;
    let run = after_mark.trailing_zeros();
    let stop_bit = after_mark & after_mark.wrapping_neg();
    if (mark != 0) & (stop_bit & (m.stops >> mark) != 0) & (run >= 1) & (run + mark < 63) {
        let x = load8(copy, start + mark as usize);
        let run = run as usize;
        let key = ((x | CASE_BITS) & KEY_MASK[run]) | LONG_BIT[run];
        let flags = table.get(key);
        return OtherToken {
            counts: FLAG_COUNTS[usize::from(flags)]
                | u64::from((x & CAPITALS_TEST[run]) == 0) << LANE_UPPER_WORDS
                | 1 << LANE_LETTER_WORDS
                | u64::from(x & 0x20 == 0) << LANE_CAP_WORDS,
            flags,
            slow_end: usize::MAX,
            last_slow_ends: None,
        };
    }
    // A bare token (ASCII without letters: "2019", "0.5", "&") is no letter token and
    // carries no flags; its sentence end is its last byte's unless a closing quote or
    // bracket follows the mark, so it is counted in bulk with the plain ones, but for
    // the letter counts.
    let in_token = TOKEN_BITS[len as usize];
    let last = copy.get(start + len as usize - 1).copied().unwrap_or(b')');
    if (len < 64) & (m.wordy & in_token == 0) & !matches!(last, b'"' | b'\'' | b')' | b']') {
        return OtherToken {
            counts: 0,
            flags: 0,
            slow_end: usize::MAX,
            last_slow_ends: None,
        };
    }
    let end = if len < 64 {
        start + len as usize
    } else {
        token_end(bytes, start)
    };
    // Most tokens that get here are one word with closing quotes or a second mark
    // ("said,”"), a hyphen, or a word of another script: read from the masks; the
    // rest byte by byte.
    let token = if len < 64 {
        word_token(copy, start, len, mark, m.letters, m.wordy, table)
    } else {
        None
    }
    .unwrap_or_else(|| slow_token(copy, start, end, table));
    OtherToken {
        counts: token.counts,
        flags: token.flags,
        slow_end: token.end - 1,
        last_slow_ends: Some(((token.counts >> LANE_SENTENCE_ENDS) & 1) as u32),
    }
}

/// The length of the opening mark that [`slow_token`] skips at the start of a token
/// whose first eight bytes are `x`, when it is one mark before a letter may follow:
/// ASCII punctuation, a 3-byte `“ ‘ —` (E2 80, but the apostrophe `’`) or a 2-byte
/// Latin-1 sign (C2, but the no-break space and the `©` that flags a credit); else 0.
#[inline(always)]
fn opening_mark_len(x: u64) -> u32 {
    let [b0, b1, b2, ..] = x.to_le_bytes();
    if b0.is_ascii_punctuation() {
        1
    } else if b0 == 0xE2 && b1 == 0x80 && b2 != 0x99 {
        3
    } else if b0 == 0xC2 && b1 != 0xA0 && b1 != 0xA9 {
        2
    } else {
        0
    }
}

/// Where the token starting at `start` ends: at the next blank (an ASCII blank or
/// control, or a no-break space) or the end of `bytes`.
fn token_end(bytes: &[u8], start: usize) -> usize {
    let mut pos = start;
    while let Some(&c) = bytes.get(pos) {
        if c <= b' ' || (c == 0xC2 && bytes.get(pos + 1) == Some(&0xA0)) {
            break;
        }
        pos += 1;
    }
    pos
}

/// The flags of the word of the plain token (see [`scan`]) starting at `start`.
fn plain_flags(bytes: &[u8], start: usize, blank: &[u64], copy: &[u8], table: &WordTable) -> u8 {
    let (w, off) = (start / WINDOW, (start % WINDOW) as u32);
    let next = blank.get(w + 1).copied().unwrap_or(u64::MAX);
    let len = bits_at(blank.get(w).copied().unwrap_or(u64::MAX), next, off).trailing_zeros();
    let last = bytes.get(start + len as usize - 1).copied().unwrap_or(0);
    let run = len - u32::from(!is_ascii_letter(last));
    let x = load8(copy, start);
    let run = (run as usize).min(64);
    table.get(((x | CASE_BITS) & KEY_MASK[run]) | LONG_BIT[run])
}

/// Whether the block opens with a Title-Case headline glued to the sentence after it:
/// among its first 25 tokens, from the fourth on, one is glued (see [`is_glued`]) after
/// three letter tokens at least, three quarters of them capitalized. Only a token
/// holding a `glue` bit (a capital after a lower-case letter, a digit or a `)`) can be,
/// so only those are looked at, with the counts before them taken from the masks (a
/// plain token is one letter token, capitalized when a capital starts it).
#[allow(clippy::too_many_arguments)]
fn glued_headline(
    bytes: &[u8],
    starts: &[u64],
    slow_starts: &[u64],
    upper: &[u64],
    glue: &[u64],
    table: &WordTable,
) -> bool {
    let mut last_checked = usize::MAX;
    for (gw, &window_glue) in glue.iter().enumerate() {
        let mut pending_glue = window_glue;
        while pending_glue != 0 {
            let at = gw * WINDOW + pending_glue.trailing_zeros() as usize;
            pending_glue &= pending_glue - 1;
            // The token holding the glue: the last start at or before it, and its rank.
            let (mut rank, mut start) = (0u32, None);
            for (w, &window_starts) in starts.iter().enumerate() {
                let upto = match (w * WINDOW).cmp(&(at - at % WINDOW)) {
                    std::cmp::Ordering::Less => window_starts,
                    std::cmp::Ordering::Equal => window_starts & TOKEN_BITS[at % WINDOW + 1],
                    std::cmp::Ordering::Greater => 0,
                };
                rank += upto.count_ones();
                if upto != 0 {
                    start = Some(w * WINDOW + 63 - upto.leading_zeros() as usize);
                }
            }
            let Some(start) = start else { continue };
            if rank > 25 {
                return false;
            }
            if rank < 4 || start == last_checked {
                continue;
            }
            last_checked = start;
            // Letter and capitalized tokens before it: the plain ones from the masks.
            let before_in = |w: usize| match (w * WINDOW).cmp(&(start - start % WINDOW)) {
                std::cmp::Ordering::Less => u64::MAX,
                std::cmp::Ordering::Equal => TOKEN_BITS[start % WINDOW],
                std::cmp::Ordering::Greater => 0,
            };
            let (mut letter_words, mut cap_words, mut slow_tokens) = (0u32, 0u32, 0u32);
            for (w, &window_starts) in starts.iter().enumerate() {
                let before = before_in(w);
                let slow = slow_starts.get(w).copied().unwrap_or(0) & window_starts & before;
                let plain = window_starts & !slow & before;
                letter_words += plain.count_ones();
                cap_words += (plain & upper.get(w).copied().unwrap_or(0)).count_ones();
                slow_tokens += slow.count_ones();
            }
            // Each token read in full adds one letter token at most, and is
            // capitalized only when it is one: were all of them capitalized letter
            // tokens, the words before would be as many and as capitalized as they can
            // be. When even that is too few or too little capitalized, they need no
            // reading.
            let (most_letters, most_caps) = (letter_words + slow_tokens, cap_words + slow_tokens);
            if most_letters < 3 || most_caps * 4 < most_letters * 3 {
                continue;
            }
            for (w, &window_starts) in starts.iter().enumerate() {
                let slow = slow_starts.get(w).copied().unwrap_or(0) & window_starts & before_in(w);
                let mut pending = slow;
                while pending != 0 {
                    let from = w * WINDOW + pending.trailing_zeros() as usize;
                    pending &= pending - 1;
                    let token = slow_token(bytes, from, token_end(bytes, from), table);
                    letter_words += ((token.counts >> LANE_LETTER_WORDS) & 0xFF) as u32;
                    cap_words += ((token.counts >> LANE_CAP_WORDS) & 0xFF) as u32;
                }
            }
            let end = token_end(bytes, start);
            if letter_words >= 3
                && cap_words * 4 >= letter_words * 3
                && is_glued(bytes.get(start..end).unwrap_or(&[]))
            {
                return true;
            }
        }
    }
    false
}

/// The 64 bits from bit `off` of a window's mask `lo` followed by the next window's
/// `hi` (`off` below 64).
#[inline(always)]
fn bits_at(lo: u64, hi: u64, off: u32) -> u64 {
    // Two shifts, so that `off == 0` shifts `hi` out entirely.
    (lo >> off) | ((hi << 1) << (63 - off))
}

/// The low `len` bits set, for a token of `len` bytes (64: a token at least that long).
const TOKEN_BITS: [u64; 65] = {
    let mut t = [u64::MAX; 65];
    let mut len = 0;
    while len < 64 {
        t[len] = (1u64 << len) - 1;
        len += 1;
    }
    t
};

/// The low `n` bytes set, for the key of a word's first `n` letters (`n` up to 8).
const KEY_BYTES: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        t[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    t
};

/// [`KEY_BYTES`] by the length of a plain token's run of letters (up to 64): the
/// bytes of its key.
const KEY_MASK: [u64; 65] = {
    let mut t = [0u64; 65];
    let mut run = 0;
    while run <= 64 {
        t[run] = KEY_BYTES[if run < 8 { run } else { 8 }];
        run += 1;
    }
    t
};

/// [`LONG_WORD`] for the runs longer than a key holds, by run length.
const LONG_BIT: [u64; 65] = {
    let mut t = [0u64; 65];
    let mut run = 9;
    while run <= 64 {
        t[run] = LONG_WORD;
        run += 1;
    }
    t
};

/// By run length, the case bits of a key's letters, which are all clear when its
/// letters are capitals (an all-capitals word has two letters at least, so a shorter
/// run tests a bit that an ASCII letter always has set: 0x40).
const CAPITALS_TEST: [u64; 65] = {
    let mut t = [0u64; 65];
    let mut run = 0;
    while run <= 64 {
        t[run] = if run < 2 {
            0x40
        } else {
            KEY_MASK[run] & CASE_BITS
        };
        run += 1;
    }
    t
};

/// [`KEY_MASK`], [`LONG_BIT`] and [`CAPITALS_TEST`] of one run length, side by side:
/// a plain word's key is made from one entry.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct ByRun {
    key_mask: u64,
    long_bit: u64,
    capitals_test: u64,
}

/// [`ByRun`] by the length of a plain token's run of letters (up to 64).
static BY_RUN: [ByRun; 65] = {
    let mut t = [ByRun {
        key_mask: 0,
        long_bit: 0,
        capitals_test: 0,
    }; 65];
    let mut run = 0;
    while run <= 64 {
        t[run] = ByRun {
            key_mask: KEY_MASK[run],
            long_bit: LONG_BIT[run],
            capitals_test: CAPITALS_TEST[run],
        };
        run += 1;
    }
    t
};

/// Bit of a key marking a word longer than the eight letters the key holds (no key
/// uses it: the last byte of an eight-letter key is a lower-case ASCII letter, and a
/// key of another script holds whole UTF-8 characters). The table holds the
/// eight-letter prefixes of the long chrome words under it.
const LONG_WORD: u64 = 1 << 63;

/// The flags that hold for a word longer than its eight-letter key: only the prefix
/// flags, as the full flags they stand for (each prefix flag is its full flag's
/// double).
#[inline(always)]
fn prefix_flags(looked: u8) -> u8 {
    const _: () =
        assert!(FLAG_TRIGGER_PREFIX == FLAG_TRIGGER << 1 && FLAG_CHROME_PREFIX == FLAG_CHROME << 1);
    (looked >> 1) & (FLAG_TRIGGER | FLAG_CHROME)
}

/// [`slow_token`] for the tokens of fewer than 64 bytes that open with at most one
/// mark (as [`opening_mark_len`] reads it) and then an ASCII letter, a letter of
/// another script or nothing, or that open with a digit: the same [`Token`], with the
/// runs of letters taken from `letters` (bit `i`: byte `start + i` is an ASCII letter)
/// instead of byte loops, and its non-ASCII bytes from `wordy` (ASCII letters and
/// non-ASCII bytes, the same way). `None` for any other token (two opening marks, a
/// `©` first...), which `slow_token` reads. `copy` is the block's zero-padded copy,
/// `len` the token's length up to its blank and `mark` its opening mark's length as
/// [`opening_mark_len`] reads it (the caller has read it).
#[inline(always)]
fn word_token(
    copy: &[u8],
    start: usize,
    len: u32,
    mark: u32,
    letters: u64,
    wordy: u64,
    table: &WordTable,
) -> Option<Token> {
    let len = len as usize;
    let end = start + len;
    let x = load8(copy, start);
    let first = x as u8;
    // The mark is none when a letter opens the token (as `opening_mark_len` says).
    let mark = mark as usize;
    let mut flags = 0u8;
    let mut cap = false;
    let mut upper_word = false;
    // Where the rest of the token (after its word) starts, and whether a word was read.
    let (rest_start, word) = if mark < len && (letters >> mark) & 1 != 0 {
        // ASCII letters, apostrophes between them ("don't"; "it’s" keys as "it's").
        let mut at = mark;
        let mut key = 0u64;
        let mut run = 0usize;
        let mut upper = 0u32;
        loop {
            // `at` is below `len`, so below 64.
            let stop = at + (!letters >> at).trailing_zeros() as usize;
            let take = (stop - at).min(8 - run.min(8));
            if take > 0 {
                let part = load8(copy, start + at) & KEY_BYTES[take];
                let case_bits = CASE_BITS & KEY_BYTES[take];
                upper += (!part & case_bits).count_ones();
                key |= (part | case_bits) << (8 * run);
            }
            run += stop - at;
            let apostrophe = match copy.get(start + stop..start + stop + 3) {
                Some([b'\'', ..]) => 1,
                Some([0xE2, 0x80, 0x99]) => 3,
                _ => 0,
            };
            let next = stop + apostrophe;
            if apostrophe == 0 || next >= len || (letters >> next) & 1 == 0 {
                at = stop;
                break;
            }
            if run < 8 {
                key |= u64::from(b'\'') << (8 * run);
                upper += 1;
            }
            run += 1;
            at = next;
        }
        cap = copy.get(start + mark).is_some_and(|&c| c < b'a');
        upper_word = run >= 2 && upper as usize == run.min(8);
        let looked = table.get(key);
        flags = if run <= 8 {
            looked
        } else {
            prefix_flags(looked)
        };
        (start + at, true)
    } else if mark < len
        && let Some(&lead) = copy.get(start + mark)
        && lead >= 0xC3
        && lead != 0xE2
    {
        // A word in another script: the bytes of its letters are the key. It runs
        // to the first character that is ASCII or led by C2 or E2 (the first byte
        // of the text that is one of those: no other byte of a character is), found
        // eight bytes at a time. The token's end is such a byte (a blank, or the
        // zeros past the block).
        let word_start = start + mark;
        let at = word_start + other_script_run(copy, word_start);
        if at > end {
            // Not valid text: read slowly.
            return None;
        }
        let width = match lead {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        if word_start + width > at {
            // A character cut by the word's end: not valid text, read slowly.
            return None;
        }
        cap = first_char_is_uppercase(copy.get(word_start..word_start + width)?);
        let word = copy.get(word_start..at)?;
        if word.len() <= 8 {
            // `pack` of the word: its bytes in one load of the copy, which has eight
            // to spare past every word.
            let key = match copy.get(word_start..word_start + 8) {
                Some(chunk) => {
                    let mut eight = [0u8; 8];
                    eight.copy_from_slice(chunk);
                    u64::from_le_bytes(eight) & KEY_BYTES[word.len()]
                }
                None => pack(word),
            };
            flags = table.get(key);
        }
        (at, true)
    } else if mark == len || (mark == 0 && first.is_ascii_digit()) {
        // Only a mark ("—"), or digits first ("2nd", "1990s."): no word.
        (start + mark, false)
    } else {
        return None;
    };
    // A rest of ASCII bytes only has its letters in the mask and no `©` (see
    // `other_token`).
    // Every branch above starts the rest at `start` or after it (wrapping cannot
    // happen; were it to, the bound keeps the index in the table).
    let rest_bits = TOKEN_BITS[len] & !TOKEN_BITS[rest_start.wrapping_sub(start).min(len)];
    let (letters_after, copyright) = if wordy & !letters & rest_bits == 0 {
        (letters & rest_bits != 0, false)
    } else {
        rest_flags(copy, rest_start, end)
    };
    if copyright {
        flags |= FLAG_TRIGGER | FLAG_CHROME;
    }
    let whole = !letters_after || rest_start == start;
    Some(Token {
        end,
        counts: token_counts(
            flags,
            word || letters_after,
            cap,
            upper_word,
            whole,
            token_ends_sentence(copy.get(start..end).unwrap_or(&[])),
        ),
        flags,
    })
}

/// The bytes from `from` of `copy` up to the first one that is ASCII, 0xC2 or 0xE2
/// (or the end of `copy`): in valid UTF-8, the run of characters that are neither
/// ASCII nor led by those bytes, as the token readers step over a word in another
/// script character by character.
#[inline(always)]
fn other_script_run(copy: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // The high bit of each zero byte of `v`, exactly.
    let zero_lanes = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    let mut at = from;
    while at < copy.len() {
        // Eight bytes in one load where the copy has them (the block's copy has
        // sixteen to spare), the last few of a shorter slice zero-padded: a copy of
        // a length known only at run time is a call to `memcpy`.
        let x = match copy.get(at..at + 8) {
            Some(chunk) => {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                u64::from_le_bytes(word)
            }
            None => {
                let mut word = [0u8; 8];
                let take = (copy.len() - at).min(8);
                word[..take].copy_from_slice(&copy[at..at + take]);
                u64::from_le_bytes(word)
            }
        };
        let stops = (!x & HIGH) | zero_lanes(x ^ (0xC2 * ONES)) | zero_lanes(x ^ (0xE2 * ONES));
        if stops != 0 {
            return at - from + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    copy.len().saturating_sub(from)
}

/// Capitals among the characters U+0000 to U+07FF (those of one or two bytes in UTF-8),
/// bit `c % 64` of entry `c / 64`, as `char::is_uppercase` says.
static TWO_BYTE_CAPITALS: [u64; 32] = {
    let mut t = [0u64; 32];
    let mut c = 0u32;
    while c < 0x800 {
        if let Some(ch) = char::from_u32(c)
            && ch.is_uppercase()
        {
            t[(c / 64) as usize] |= 1 << (c % 64);
        }
        c += 1;
    }
    t
};

/// Capitals among the characters of three bytes in UTF-8 (U+0800 to U+FFFF), bit
/// `c % 64` of entry `c / 64`, as `char::is_uppercase` says (8 KB; the entries below
/// U+0800 and the surrogates stay empty).
static THREE_BYTE_CAPITALS: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut c = 0x800u32;
    while c < 0x10000 {
        if let Some(ch) = char::from_u32(c)
            && ch.is_uppercase()
        {
            t[(c / 64) as usize] |= 1 << (c % 64);
        }
        c += 1;
    }
    t
};

/// Whether the character whose UTF-8 bytes are `bytes` is a capital, as
/// `char::is_uppercase` says: two-byte characters (Latin, Greek, Cyrillic) and
/// three-byte ones (CJK, kana, hangul, Indic scripts) decoded in place and looked up in
/// [`TWO_BYTE_CAPITALS`] and [`THREE_BYTE_CAPITALS`], others through `str::from_utf8`
/// as [`slow_token`] reads them.
#[inline(always)]
fn first_char_is_uppercase(bytes: &[u8]) -> bool {
    match *bytes {
        [a @ 0xC2..=0xDF, b] if b & 0xC0 == 0x80 => {
            let c = (u32::from(a) & 0x1F) << 6 | (u32::from(b) & 0x3F);
            TWO_BYTE_CAPITALS[(c / 64) as usize] >> (c % 64) & 1 != 0
        }
        [a @ 0xE0..=0xEF, b, c] if b & 0xC0 == 0x80 && c & 0xC0 == 0x80 => {
            let ch =
                (u32::from(a) & 0x0F) << 12 | (u32::from(b) & 0x3F) << 6 | (u32::from(c) & 0x3F);
            // Overlong forms and surrogates are no valid text: none is a capital,
            // as the table says of them (it holds no capital below U+0800 and none
            // among the surrogates).
            THREE_BYTE_CAPITALS[(ch / 64) as usize] >> (ch % 64) & 1 != 0
        }
        _ => std::str::from_utf8(bytes)
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase),
    }
}

/// Reads the token from `start` to `end` (its blank) in full: opening punctuation, a
/// word of ASCII letters with inner apostrophes or of another script, and whatever
/// follows.
#[inline(never)]
fn slow_token(bytes: &[u8], start: usize, end: usize, table: &WordTable) -> Token {
    let n = end.min(bytes.len());
    let mut pos = start;
    let mut copyright = false;
    // Opening punctuation: ASCII, or the 3-byte “ ‘ and 2-byte « forms.
    while pos < n {
        match bytes[pos] {
            c if c.is_ascii_punctuation() => pos += 1,
            0xE2 if bytes.get(pos + 1) == Some(&0x80) && bytes.get(pos + 2) != Some(&0x99) => {
                pos += 3
            }
            0xC2 if bytes.get(pos + 1) != Some(&0xA0) => {
                copyright |= bytes.get(pos + 1) == Some(&0xA9);
                pos += 2;
            }
            _ => break,
        }
    }
    let pos_word = pos.min(n);
    let first = bytes.get(pos_word).copied().unwrap_or(b' ');
    let mut flags = 0u8;
    let mut letter = false;
    let mut cap = false;
    let mut upper_word = false;
    pos = pos_word;
    if is_ascii_letter(first) {
        // The run of letters, apostrophes inside it included ("don't"; "it’s"
        // keys as "it's").
        let mut key = 0u64;
        let mut run = 0usize;
        let mut upper = 0usize;
        loop {
            let run_start = pos;
            pos = letter_run_end(bytes, pos);
            let take = (pos - run_start).min(8 - run.min(8));
            let (part, part_upper) = key_part(bytes, run_start, take);
            key = if take == 8 {
                part
            } else {
                (key << (8 * take)) | part
            };
            upper += part_upper;
            run += pos - run_start;
            let apostrophe = match bytes.get(pos) {
                Some(b'\'') => 1,
                Some(0xE2) if bytes.get(pos + 1..pos + 3) == Some(&[0x80, 0x99]) => 3,
                _ => 0,
            };
            if apostrophe == 0
                || !bytes
                    .get(pos + apostrophe)
                    .is_some_and(|&d| is_ascii_letter(d))
            {
                break;
            }
            if run < 8 {
                key = (key << 8) | u64::from(b'\'');
                upper += 1;
            }
            run += 1;
            pos += apostrophe;
        }
        // Capitals are counted on the first eight letters: enough to tell "NASA"
        // or "ADVERTISEMENT" from "Nasa".
        letter = true;
        cap = first < b'a';
        upper_word = run >= 2 && upper == run.min(8);
        let looked = table.get(reversed_key(key));
        flags = if run <= 8 {
            looked
        } else {
            prefix_flags(looked)
        };
    } else if first >= 0xC3 && first != 0xE2 {
        // A word in another script: the bytes of its letters are the key.
        let word_start = pos;
        let mut first_char = true;
        while pos < n && bytes[pos] >= 0xC3 && bytes[pos] != 0xE2 {
            let width = match bytes[pos] {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let end = (pos + width).min(n);
            if first_char {
                cap = std::str::from_utf8(&bytes[pos..end])
                    .ok()
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_uppercase);
                first_char = false;
            }
            pos = end;
        }
        letter = true;
        let word = &bytes[word_start..pos];
        if word.len() <= 8 {
            flags = table.get(pack(word));
        }
    }
    // The rest of the token, up to its known end (the word never runs past it: no
    // blank is a letter, an apostrophe or opening punctuation).
    let rest_start = pos;
    let (letters_after, copyright_after) = rest_flags(bytes, pos, end);
    copyright |= copyright_after;
    pos = end.max(pos);
    if !letter && letters_after {
        // Digits or symbols first ("2nd", "©Reuters").
        letter = true;
    }
    if copyright {
        flags |= FLAG_TRIGGER | FLAG_CHROME;
    }
    // A word with more letters after it ("U.S.", "e-mail") is not the listed word; a
    // credit glued to a name ("REUTERS/Brendan") still triggers.
    let whole = !letters_after || rest_start == start;
    Token {
        end: pos,
        counts: token_counts(
            flags,
            letter,
            cap,
            upper_word,
            whole,
            token_ends_sentence(bytes.get(start..pos).unwrap_or(&[])),
        ),
        flags,
    }
}

/// What the rest of a token, `bytes[from..end]`, holds: a letter (ASCII, or a lead
/// byte of another script's character, 0xC3 and up but 0xE2), and a `©` (C2 A9).
/// Eight bytes at a time where the slice has them (the block's padded copy always
/// does), each class found in all eight lanes at once.
#[inline(always)]
fn rest_flags(bytes: &[u8], from: usize, end: usize) -> (bool, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // The high bit of each lane whose byte is zero.
    let zero_lanes = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    let mut pos = from;
    let mut letters = 0u64;
    let mut copyright = 0u64;
    // The high bit of the first lane when the byte before the chunk was 0xC2.
    let mut after_c2 = 0u64;
    while pos < end {
        let Some(chunk) = bytes.get(pos..pos + 8) else {
            // The last bytes of a slice without spare room.
            let mut previous = if after_c2 != 0 { 0xC2 } else { 0 };
            for &c in bytes.get(pos..end).unwrap_or(&[]) {
                letters |= u64::from(is_ascii_letter(c) | ((c >= 0xC3) & (c != 0xE2)));
                copyright |= u64::from((previous == 0xC2) & (c == 0xA9));
                previous = c;
            }
            break;
        };
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let valid = KEY_BYTES[(end - pos).min(8)] & HIGH;
        // ASCII letters (as in `letter_run_end`), and high bytes from 0xC3 but 0xE2.
        let y = (x | (0x20 * ONES)) & !HIGH;
        let ascii =
            (y + (0x80 - u64::from(b'a')) * ONES) & !(y + (0x80 - u64::from(b'z') - 1) * ONES) & !x;
        let from_c3 = x & ((x & LOW7) + (0x80 - 0x43) * ONES);
        let other_script = from_c3 & !zero_lanes(x ^ (0xE2 * ONES));
        letters |= (ascii | other_script) & valid;
        let c2 = zero_lanes(x ^ (0xC2 * ONES)) & valid;
        copyright |= ((c2 << 8) | after_c2) & zero_lanes(x ^ (0xA9 * ONES)) & valid;
        after_c2 = c2 >> 56;
        pos += 8;
    }
    (letters != 0, copyright != 0)
}

/// The first, straightforward form of [`scan`]: byte classes through [`LANES`], then
/// one pass over the tokens. It measures samples too long for the fast path, and is the
/// reference the fast path is tested against.
fn scan_general(bytes: &[u8]) -> Features {
    let table = word_table();
    let n = bytes.len();
    let counts = class_counts(bytes);
    let lane = |l: u32| counts[(l / 8) as usize];
    let ascii_letters = lane(LANE_ASCII_LETTER);
    let mut f = Features {
        words: 0,
        letter_words: 0,
        cap_words: 0,
        upper_words: 0,
        stop_words: 0,
        cjk_chars: lane(LANE_CJK),
        letters: ascii_letters + lane(LANE_LEAD).saturating_sub(lane(LANE_SYMBOL_LEAD)),
        ascii_letters,
        digits: lane(LANE_DIGIT),
        tabs: lane(LANE_TAB),
        time_words: 0,
        trigger_words: 0,
        chrome_words: 0,
        first_word_flags: 0,
        has_at: lane(LANE_AT) > 0,
        glued_headline: false,
        inner_sentence_ends: 0,
        ending: Ending::Open,
    };
    let mut pos = 0usize;
    let mut prev_sentence_end = false;
    while pos < n {
        // Separators: ASCII whitespace and controls, and the no-break space (C2 A0)
        // that extracted text often puts between words.
        let b = bytes[pos];
        if b <= b' ' {
            pos += 1;
            continue;
        }
        if b == 0xC2 && bytes.get(pos + 1) == Some(&0xA0) {
            pos += 2;
            continue;
        }
        let start = pos;
        let caps_at_start = f.cap_words;
        f.words += 1;
        if prev_sentence_end {
            f.inner_sentence_ends += 1;
        }
        let mut copyright = false;
        // Opening punctuation: ASCII, or the 3-byte “ ‘ and 2-byte « forms.
        while pos < n {
            match bytes[pos] {
                c if c.is_ascii_punctuation() => pos += 1,
                0xE2 if bytes.get(pos + 1) == Some(&0x80) && bytes.get(pos + 2) != Some(&0x99) => {
                    pos += 3
                }
                0xC2 if bytes.get(pos + 1) != Some(&0xA0) => {
                    copyright |= bytes.get(pos + 1) == Some(&0xA9);
                    pos += 2;
                }
                _ => break,
            }
        }
        let pos_word = pos.min(n);
        let first = bytes.get(pos_word).copied().unwrap_or(b' ');
        let mut flags = 0u8;
        let mut letter_token = false;
        let mut letters_after = false;
        pos = pos_word;
        if is_ascii_letter(first) {
            // The run of letters, apostrophes inside it included ("don't"; "it’s"
            // keys as "it's").
            let mut key = 0u64;
            let mut run = 0usize;
            let mut upper = 0usize;
            loop {
                let run_start = pos;
                pos = letter_run_end(bytes, pos);
                let take = (pos - run_start).min(8 - run.min(8));
                let (part, part_upper) = key_part(bytes, run_start, take);
                key = if take == 8 {
                    part
                } else {
                    (key << (8 * take)) | part
                };
                upper += part_upper;
                run += pos - run_start;
                let apostrophe = match bytes.get(pos) {
                    Some(b'\'') => 1,
                    Some(0xE2) if bytes.get(pos + 1..pos + 3) == Some(&[0x80, 0x99]) => 3,
                    _ => 0,
                };
                if apostrophe == 0
                    || !bytes
                        .get(pos + apostrophe)
                        .is_some_and(|&d| is_ascii_letter(d))
                {
                    break;
                }
                if run < 8 {
                    key = (key << 8) | u64::from(b'\'');
                    upper += 1;
                }
                run += 1;
                pos += apostrophe;
            }
            // Capitals are counted on the first eight letters: enough to tell "NASA"
            // or "ADVERTISEMENT" from "Nasa".
            letter_token = true;
            f.cap_words += u32::from(first < b'a');
            f.upper_words += u32::from(run >= 2 && upper == run.min(8));
            let looked = table.get(reversed_key(key));
            flags = if run <= 8 {
                looked
            } else {
                prefix_flags(looked)
            };
        } else if first >= 0xC3 && first != 0xE2 {
            // A word in another script: the bytes of its letters are the key.
            let word_start = pos;
            let mut first_char = true;
            while pos < n && bytes[pos] >= 0xC3 && bytes[pos] != 0xE2 {
                let width = match bytes[pos] {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                let end = (pos + width).min(n);
                if first_char {
                    let upper = std::str::from_utf8(&bytes[pos..end])
                        .ok()
                        .and_then(|s| s.chars().next())
                        .is_some_and(char::is_uppercase);
                    f.cap_words += u32::from(upper);
                    first_char = false;
                }
                pos = end;
            }
            letter_token = true;
            let word = &bytes[word_start..pos];
            if word.len() <= 8 {
                flags = table.get(pack(word));
            }
        }
        // The rest of the token.
        let rest_start = pos;
        while pos < n {
            let c = bytes[pos];
            if c <= b' ' || (c == 0xC2 && bytes.get(pos + 1) == Some(&0xA0)) {
                break;
            }
            letters_after |= is_ascii_letter(c) || (c >= 0xC3 && c != 0xE2);
            copyright |= c == 0xC2 && bytes.get(pos + 1) == Some(&0xA9);
            pos += 1;
        }
        let token = &bytes[start..pos];
        // The words before the glue read as a Title-Case headline: three or more, at
        // least three quarters capitalized (the current token's capital is not yet
        // counted in `letter_words`, so compare without it).
        let caps_before = caps_at_start;
        let headline_so_far = (4..=25).contains(&f.words)
            & (f.letter_words >= 3)
            & (caps_before * 4 >= f.letter_words * 3);
        if headline_so_far && !f.glued_headline && is_glued(token) {
            f.glued_headline = true;
        }
        if !letter_token && letters_after {
            // Digits or symbols first ("2nd", "©Reuters").
            letter_token = true;
        }
        if copyright {
            flags |= FLAG_TRIGGER | FLAG_CHROME;
        }
        if letter_token {
            f.letter_words += 1;
        }
        if f.words == 1 {
            f.first_word_flags = flags;
        }
        // A word with more letters after it ("U.S.", "e-mail") is not the listed word;
        // a credit glued to a name ("REUTERS/Brendan") still triggers.
        let whole = !letters_after || rest_start == start;
        f.stop_words += u32::from(flags & FLAG_STOP != 0) & u32::from(whole);
        f.time_words += u32::from(flags & FLAG_TIME != 0);
        f.trigger_words += u32::from(flags & FLAG_TRIGGER != 0);
        f.chrome_words += u32::from(flags & FLAG_CHROME != 0);
        prev_sentence_end = token_ends_sentence(token);
    }
    f
}

/// The lower-cased key bytes of the `take` (at most eight) ASCII letters at `start`,
/// and how many of them are capitals; one 8-byte load when the text allows it.
fn key_part(bytes: &[u8], start: usize, take: usize) -> (u64, usize) {
    if take == 0 {
        return (0, 0);
    }
    let letters = match bytes.get(start..start + 8) {
        Some(chunk) => {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            // Big-endian: the first letter in the highest byte; keep `take` of them.
            u64::from_be_bytes(word) >> (8 * (8 - take))
        }
        None => bytes
            .get(start..start + take)
            .unwrap_or(&[])
            .iter()
            .fold(0u64, |k, &c| (k << 8) | u64::from(c)),
    };
    let case_bits = 0x2020_2020_2020_2020u64 >> (8 * (8 - take));
    // Capitals are the letters with the 0x20 bit clear.
    let upper = (!letters & case_bits).count_ones() as usize;
    (letters | case_bits, upper)
}

/// The end of the run of ASCII letters starting at `pos`, eight bytes at a time.
fn letter_run_end(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Lower-cased, high bits cleared so the additions below cannot carry.
        let y = (x | (0x20 * ONES)) & !HIGH;
        let at_least_a = y + (0x80 - u64::from(b'a')) * ONES;
        let past_z = y + (0x80 - u64::from(b'z') - 1) * ONES;
        let letters = at_least_a & !past_z & !x & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return pos + (others.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while pos < bytes.len() && is_ascii_letter(bytes[pos]) {
        pos += 1;
    }
    pos
}

/// Whether a token glues two words without a space: a lower-case letter, a digit or
/// a closing bracket directly followed by a capital that starts a word
/// ("SteakhouseA", "250,000The", "Morning)Some"). Three letters at least come before
/// the capital, so "iPhone", "eBay" and "McCain" are not glued.
fn is_glued(token: &[u8]) -> bool {
    token.windows(3).enumerate().any(|(i, w)| {
        let before_ok = match w[0] {
            b'a'..=b'z' => {
                i >= 2 && token[i - 1].is_ascii_alphabetic() && token[i - 2].is_ascii_alphabetic()
            }
            b'0'..=b'9' | b')' => true,
            _ => false,
        };
        before_ok && w[1].is_ascii_uppercase() && !w[2].is_ascii_uppercase()
    }) || token.len() >= 3
        && token[token.len() - 1].is_ascii_uppercase()
        && token[token.len() - 2].is_ascii_lowercase()
        && token[token.len() - 3].is_ascii_lowercase()
}

/// Whether a token ends a sentence ("said.", "end.”", "why?").
fn token_ends_sentence(token: &[u8]) -> bool {
    // Most tokens end in a letter or digit.
    if token.last().is_none_or(u8::is_ascii_alphanumeric) {
        return false;
    }
    let mut end = token.len();
    // Closing quotes and brackets after the mark: ASCII, or a 3-byte ” ’ .
    while end > 0 {
        match token[end - 1] {
            b'"' | b'\'' | b')' | b']' => end -= 1,
            0x9D | 0x99 if end >= 3 && token[end - 3] == 0xE2 => end -= 3,
            _ => break,
        }
    }
    match end.checked_sub(1).map(|i| token[i]) {
        Some(b'.' | b'!' | b'?') => true,
        // "…" (E2 80 A6) and "。" (E3 80 82).
        Some(0xA6 | 0x82) => end >= 3 && matches!(token[end - 3], 0xE2 | 0xE3),
        _ => false,
    }
}

/// How the block ends, skipping closing quotes, brackets and trailing symbols like "*".
/// Inline, so that most blocks are told by their last byte without a call.
#[inline(always)]
pub fn ending(block: &str) -> Ending {
    ending_of(block.as_bytes())
}

/// [`ending`] of a block's bytes.
#[inline(always)]
fn ending_of(bytes: &[u8]) -> Ending {
    // On the bytes: a character's last bytes identify it in valid UTF-8.
    // Most headlines, labels and menu entries end with a letter or a digit, which no
    // pattern below takes away or ends with; most paragraphs with a period, which
    // none takes away either.
    match bytes.last() {
        Some(b'.') => Ending::Sentence,
        Some(b) if b.is_ascii_alphanumeric() => Ending::Open,
        _ => ending_past_marks(bytes),
    }
}

/// [`ending`] of a block that does not end in a period, a letter or a digit.
fn ending_past_marks(bytes: &[u8]) -> Ending {
    let mut end = bytes.len();
    loop {
        match bytes[..end] {
            [.., b'"' | b'\'' | b')' | b']' | b'*' | b' '] => end -= 1,
            // ” and ’, then ».
            [.., 0xE2, 0x80, 0x9D | 0x99] => end -= 3,
            [.., 0xC2, 0xBB] => end -= 2,
            _ => break,
        }
    }
    match bytes[..end] {
        // . ! ? … 。 ！ ？
        [.., b'.' | b'!' | b'?']
        | [.., 0xE2, 0x80, 0xA6]
        | [.., 0xE3, 0x80, 0x82]
        | [.., 0xEF, 0xBC, 0x81 | 0x9F] => Ending::Sentence,
        // : ; ：
        [.., b':' | b';'] | [.., 0xEF, 0xBC, 0x9A] => Ending::Colon,
        _ => Ending::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counts_words_function_words_and_capitals() {
        let f = measure("The mayor of Valmora said the port will grow.");
        assert_eq!(f.words, 9);
        assert_eq!(f.letter_words, 9);
        // the, of, said, the, will
        assert_eq!(f.stop_words, 5);
        assert_eq!(f.cap_words, 2);
        assert_eq!(f.ending, Ending::Sentence);
    }

    #[test]
    fn punctuation_around_words_is_ignored_but_compounds_are_not_words() {
        let f = measure("“And” (the) U.S. it’s");
        assert_eq!(f.stop_words, 3, "and, the, it’s");
        assert_eq!(
            f.upper_words, 0,
            "U.S. is single letters, not a capitalized word"
        );
    }

    #[test]
    fn non_breaking_spaces_separate_words() {
        let f = measure("Russia\u{a0}is\u{a0}open");
        assert_eq!(f.words, 3);
        assert_eq!(f.stop_words, 1);
    }

    #[test]
    fn cjk_text_gets_weight_from_characters() {
        let f = measure("政府は新しい計画を発表しました。");
        assert!(f.is_cjk());
        assert!(f.weight() >= 6, "{f:?}");
        assert_eq!(f.ending, Ending::Sentence);
    }

    #[test]
    fn every_listed_word_is_found() {
        let table = word_table();
        assert!(table.is_built(), "a multiplier fits the word lists");
        for word in STOP_WORDS {
            assert_ne!(table.get(pack(word.as_bytes())) & FLAG_STOP, 0, "{word}");
        }
        for (word, _) in super::super::phrases::key_words() {
            let flags = table.get(pack(word.as_bytes()));
            assert_ne!(flags & (FLAG_CHROME | FLAG_CHROME_PREFIX), 0, "{word}");
        }
        assert_eq!(table.get(pack(b"harbour")), 0);
    }

    /// The character-level form of [`ending`].
    fn ending_by_chars(block: &str) -> Ending {
        let core = block.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', ' ']);
        match core.chars().next_back() {
            Some('.' | '!' | '?' | '…' | '。' | '！' | '？') => Ending::Sentence,
            Some(':' | ';' | '：') => Ending::Colon,
            _ => Ending::Open,
        }
    }

    #[test]
    fn endings_read_on_bytes_as_on_characters() {
        for block in [
            "",
            " ",
            "He said “yes.”",
            "Why? ”",
            "Note: »",
            "Done！",
            "質問？",
            "以下：",
            "Wait…’",
            "End。)",
            "a *",
            "» »",
            "’",
            "Ends in é",
            "x\u{a0}.",
            "(a)]*",
        ] {
            assert_eq!(ending(block), ending_by_chars(block), "{block:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn endings_agree_on_any_text(block in "[a-zA-Z0-9 .!?:;*)\\]\"'”’»…。！？：é]{0,8}") {
            prop_assert_eq!(ending(&block), ending_by_chars(&block));
        }
    }

    #[test]
    fn endings() {
        assert_eq!(ending("He said “yes.”"), Ending::Sentence);
        assert_eq!(ending("Required fields are marked *"), Ending::Open);
        assert_eq!(ending("as follows:"), Ending::Colon);
        assert_eq!(ending("Related Articles"), Ending::Open);
    }

    /// Pieces of text that exercise every path of the scan: plain words and marks,
    /// apostrophes, quotes, no-break spaces, digits, symbols, other scripts, controls.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[a-zA-Z]{1,12}",
            2 => proptest::sample::select(vec![
                " ", " ", " ", "  ", "\n", "\t", "\u{a0}", "\u{1}", ".", ",", ";", ":", "!", "?",
                ")", "(", "\"", "'", "’", "“", "”", "«", "©", "@", "-", "/", "…", "。", "&",
                "the", "The", "THE", "don't", "it’s", "By", "ago", "cookies", "Getty",
                "advertisement", "ADVERTISEMENT", "SteakhouseA", "2019", "3:45", "é", "и",
                "Москва", "政府", "😀", "ﬁ", "Ωmega", "U.S.", "e-mail", "©Reuters",
                "McCain", "iPhone", "2019The", "Morning)Some", "HarbourThe", "Bridge", "Reopens",
                "Russia’s", "Clinton's", "DON'T", "it,”", "them.”", "Sanders’", "front-runner",
                "“It’s", "García", "Jäger,", "—", "–", "(“We", "'90s", "2nd", "1990s.", "Ä",
                "И", "Россия,", "Ångström", "ßig", "ǅemal", "ΑΘΗΝΑ", "can’t!", "rock’n’roll",
                "o'clock", "«Le", "»", "editor's", "editors’", "didn’t.”", "p.m.", "Jr.,",
                "advertisement’s", "Advertisement's", "NEWSLETTERS’", "subscription’s",
                "well-known", "COOKIES.”", "said,''", "a...", "SUBSCRIBE—", "advertisements,”",
                "x-©", "Co.»", "it'", "Getty’", "up-to-date", "Getty/AFP", "café-é",
            ])
            .prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    // A tenth of the cases in debug builds (the CI test run), where each takes ~30x longer;
    // `cargo test --release` runs them all.
    proptest! {
        #![proptest_config(ProptestConfig { cases: if cfg!(debug_assertions) { 3_000 } else { 30_000 }, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn fast_scan_counts_as_the_reference_does(pieces in proptest::collection::vec(piece(), 0..200)) {
            let text: String = pieces.concat();
            let reference = scan_general_prose(text.as_bytes());
            prop_assert_eq!(scan(text.as_bytes()), reference, "{:?}", text);
            // The kernel every CPU has, whichever `scan` picked.
            prop_assert_eq!(scan_sized(text.as_bytes(), bytemask::Baseline), reference, "{:?}", text);
            // The widest arrays on short samples too.
            prop_assert_eq!(scan_impl::<{ MAX_WINDOWS + 1 }, { copy_len(MAX_WINDOWS) }, false>(text.as_bytes(), bytemask::Baseline), reference, "{:?}", text);
        }

        /// A block longer than the detailed measure keeps the glued headline its head
        /// opens with, though the scan looks for one only in what may be prose.
        #[test]
        fn long_blocks_keep_the_glued_headline_of_their_head(
            pieces in proptest::collection::vec(piece(), 0..160),
        ) {
            let text: String = pieces.concat();
            let bytes = text.as_bytes();
            if bytes.len() <= DETAILED_BYTES {
                return Ok(());
            }
            // The head as `measure_sampled` cuts it.
            let head_end = memchr::memrchr(b' ', &bytes[..HEAD_BYTES]).unwrap_or(HEAD_BYTES);
            let Some(head) = bytes.get(..head_end) else {
                return Ok(());
            };
            prop_assert_eq!(
                measure_sampled(bytes).glued_headline,
                scan_general(head).glued_headline,
                "{:?}", text
            );
        }

        /// Short lines (half a window or one) as the scraped pages' menus have them.
        #[test]
        fn fast_scan_counts_short_lines_as_the_reference_does(pieces in proptest::collection::vec(piece(), 0..10)) {
            let text: String = pieces.concat();
            let reference = scan_general_prose(text.as_bytes());
            prop_assert_eq!(scan(text.as_bytes()), reference, "{:?}", text);
            prop_assert_eq!(scan_sized(text.as_bytes(), bytemask::Baseline), reference, "{:?}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: if cfg!(debug_assertions) { 3_000 } else { 30_000 }, failure_persistence: None, ..ProptestConfig::default() })]

        /// Every token `word_token` takes is read as `slow_token` reads it.
        #[test]
        fn word_tokens_read_as_slow_tokens_do(pieces in proptest::collection::vec(piece(), 1..6)) {
            let text: String = pieces.concat();
            // One token: from the first byte that is no blank up to the next blank, as
            // the scan cuts it.
            let is_blank = |b: &[u8], i: usize| b[i] <= b' ' || (b[i] == 0xC2 && b.get(i + 1) == Some(&0xA0));
            let lead = text.bytes().take_while(|&b| b <= b' ').count();
            let token = text.get(lead..).unwrap_or("");
            let bytes = token.as_bytes();
            let len = (0..bytes.len()).find(|&i| is_blank(bytes, i)).unwrap_or(bytes.len());
            if len == 0 || len >= 64 {
                return Ok(());
            }
            let mut copy = bytes[..len].to_vec();
            copy.extend([b' '; 1]);
            copy.extend([0u8; 24]);
            let letters = (0..len).fold(0u64, |m, i| m | u64::from(is_ascii_letter(copy[i])) << i);
            let table = word_table();
            let wordy = (0..len).fold(0u64, |m, i| m | u64::from(is_ascii_letter(copy[i]) || copy[i] >= 0x80) << i);
            let mark = opening_mark_len(load8(&copy, 0));
            if let Some(fast) = word_token(&copy, 0, len as u32, mark, letters, wordy, table) {
                let slow = slow_token(&copy, 0, len, table);
                prop_assert_eq!((fast.end, fast.counts, fast.flags), (slow.end, slow.counts, slow.flags), "{:?}", &token[..len]);
            }
        }
    }

    #[test]
    fn capitals_of_other_scripts_as_char_says() {
        for c in [
            'É', 'é', 'Ж', 'ж', 'Ω', 'ω', 'ǅ', 'ß', '×', '政', 'Ａ', '𝐀', '😀',
        ] {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(first_char_is_uppercase(bytes), c.is_uppercase(), "{c}");
        }
    }

    #[test]
    fn three_byte_capitals_as_char_says() {
        for c in (0x800u32..0x10000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(first_char_is_uppercase(bytes), c.is_uppercase(), "{c}");
        }
        // Byte triples that are no character (overlong forms, surrogates) are no
        // capitals, as `str::from_utf8` refuses them.
        for bytes in [
            [0xE0u8, 0x80, 0x81],
            [0xE0, 0x81, 0x81],
            [0xED, 0xA0, 0x80],
            [0xEF, 0xBF, 0xBF],
        ] {
            let by_str = std::str::from_utf8(&bytes)
                .ok()
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_uppercase);
            assert_eq!(first_char_is_uppercase(&bytes), by_str, "{bytes:?}");
        }
    }

    #[test]
    fn two_byte_capitals_as_char_says() {
        for c in (0u32..0x800).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if bytes.len() == 2 {
                assert_eq!(first_char_is_uppercase(bytes), c.is_uppercase(), "{c}");
            }
        }
    }

    /// The character-at-a-time form of [`other_script_run`]: characters that are
    /// neither ASCII nor led by C2 or E2.
    fn other_script_run_by_chars(text: &str) -> usize {
        text.char_indices()
            .find(|&(i, c)| c.is_ascii() || matches!(text.as_bytes()[i], 0xC2 | 0xE2))
            .map_or(text.len(), |(i, _)| i)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn other_script_runs_end_where_characters_say(pieces in proptest::collection::vec(piece(), 0..8)) {
            let text: String = pieces.concat();
            for (i, _) in text.char_indices() {
                prop_assert_eq!(
                    other_script_run(text.as_bytes(), i),
                    other_script_run_by_chars(&text[i..]),
                    "{:?} from {}", text, i
                );
            }
        }
    }

    /// The byte-at-a-time form of [`rest_flags`].
    fn rest_flags_by_bytes(bytes: &[u8]) -> (bool, bool) {
        let mut letters = false;
        let mut copyright = false;
        let mut previous = 0u8;
        for &c in bytes {
            letters |= is_ascii_letter(c) | ((c >= 0xC3) & (c != 0xE2));
            copyright |= (previous == 0xC2) & (c == 0xA9);
            previous = c;
        }
        (letters, copyright)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn rest_flags_agree_with_the_byte_loop(
            bytes in proptest::collection::vec(prop_oneof![
                Just(0xC2u8), Just(0xA9), Just(0xE2), Just(0xC3), Just(0xC1), Just(0x80),
                Just(b'a'), Just(b'Z'), Just(b'@'), Just(b'['), Just(b'`'), Just(b'{'),
                Just(b'0'), Just(b'.'), Just(0), Just(0xFF), any::<u8>(),
            ], 0..40),
            cut in 0usize..40,
            tail in 0usize..12,
        ) {
            let from = cut.min(bytes.len());
            let end = bytes.len().saturating_sub(tail).max(from);
            let expected = rest_flags_by_bytes(&bytes[from..end]);
            prop_assert_eq!(rest_flags(&bytes, from, end), expected);
            // With bytes to spare past the end, as in the block's copy.
            let mut padded = bytes.clone();
            padded.extend([0xC2, 0xA9, b'a', 0, 0, 0, 0, 0]);
            prop_assert_eq!(rest_flags(&padded, from, end), expected);
        }
    }

    #[test]
    fn fast_scan_matches_the_reference_with_many_tokens() {
        // The most tokens the fast path takes: one letter and one blank each, across
        // six windows, with the key batches flushed on the way.
        let text = "a ".repeat(MAX_WINDOWS * WINDOW / 2);
        let f = scan(text.as_bytes());
        assert_eq!(f, scan_general(text.as_bytes()));
        assert_eq!(f, scan_sized(text.as_bytes(), bytemask::Baseline));
        assert_eq!((f.words, f.stop_words), (192, 192));
        // Longer samples take the general path.
        let text = "The mayor of Valmora said the port, it’s true, will grow. ".repeat(60);
        let f = scan(text.as_bytes());
        assert_eq!(f.words, 660);
        assert_eq!(
            f.stop_words, 360,
            "the, of, said, the, it’s, will: six of eleven"
        );
    }

    #[test]
    fn a_long_word_before_an_apostrophe_keeps_its_key() {
        // The key is the first eight letters; the apostrophe after them is not in it.
        for block in ["advertisement’a", "advertisement's", "Subscription’s"] {
            let f = scan(block.as_bytes());
            assert_eq!(f, scan_general(block.as_bytes()), "{block}");
            assert_eq!(f.chrome_words, 1, "{block}");
        }
    }

    #[test]
    fn glued_headlines_are_looked_for_in_what_may_be_prose() {
        // A teaser card's headline glued to its summary: a sentence, so prose.
        let card = "Harbour Bridge Reopens After RepairsThe council said the work ended early.";
        assert!(measure(card).glued_headline);
        // A headline of the same words but no sentence: never prose, so not looked at
        // (the reference finds the glue; the judge asks no such block about it).
        let label = "Harbour Bridge Reopens After RepairsThe Council Votes";
        assert!(scan_general(label.as_bytes()).glued_headline);
        assert!(!measure(label).glued_headline);
        // Long enough to be prose without a sentence end: looked at.
        let long = format!(
            "Harbour Bridge Reopens After RepairsThe {}",
            "council votes ".repeat(12)
        );
        assert!(measure(long.trim_end()).glued_headline);
    }

    #[test]
    fn cyrillic_stop_words_and_capitals() {
        let f = measure("Москва и Киев");
        assert_eq!(f.stop_words, 1);
        assert_eq!(f.cap_words, 2);
    }
}
