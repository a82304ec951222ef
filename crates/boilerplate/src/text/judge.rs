//! Judging the blocks of a plain text: which are the article, which are page junk.
//!
//! 1. Each block gets a class from its own evidence, as in jusText: *good* (long,
//!    sentence-like, rich in function words), *near* (a short sentence), *headline*
//!    (several words, no sentence ending) or *short*; and chrome evidence when a phrase
//!    or a shape (caption, time stamp, byline...) says what it is.
//! 2. Runs of three or more short link-like blocks are navigation.
//! 3. The main story is the stretch of blocks with the largest total score (good text
//!    counts its words, junk counts against): a maximum-sum segment, so that short
//!    blocks between paragraphs stay and menus, teasers and footers around it go.
//! 4. The headline is looked for just above the story, past bylines, stamps and
//!    captions; what lies above it is the page header.
//! 5. Inside the story, a new headline with its own byline or time stamp starts
//!    another story (live blogs, teasers); it and all after it are `other_story`.
//! 6. Each block then gets its verdict and, when removed, the most specific reason.

use std::ops::Range;

use super::bytemask;
use super::features::{Ending, FLAG_LEAD, Features, PROSE_WITHOUT_ENDING, measure};
use super::phrases::{Hit, Phrases, Strength};
use super::shapes::{self, Shape};
use super::units::{self, Unit};
use crate::model::{BlockKind, Findings, JudgedBlock, Reason, Verdict};

/// The tunables of text mode.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Fewest words for a block to count as article text on its own.
    pub min_good_words: u32,
    /// Fewest function words per word for a block to count as prose.
    pub min_stop_density: f32,
    /// Whether stories that follow the main one are removed.
    pub drop_other_stories: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_good_words: 10,
            min_stop_density: 0.2,
            drop_other_stories: true,
        }
    }
}

/// What a block looks like on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Good,
    Near,
    Headline,
    Short,
}

/// Everything known about one block while judging.
#[derive(Clone, Debug)]
struct Info {
    range: Range<usize>,
    f: Features,
    class: Class,
    /// Chrome evidence: the block is junk for this reason wherever it is.
    evidence: Option<Reason>,
    /// The block alone opens a section of this reason ("Related Articles").
    marker: Option<Reason>,
    shape: Shape,
    /// Short, capitalized, no sentence: how menu entries look.
    link_like: bool,
    /// Part of a run of link-like blocks.
    nav: bool,
    /// No letters or digits at all ("•••", "✕").
    symbols_only: bool,
    /// Ends with a question or exclamation mark (headlines may; paragraphs rarely
    /// stand alone that way).
    question: bool,
}

impl Info {
    fn weight(&self) -> u32 {
        self.f.weight()
    }

    fn is_meta_shape(&self) -> bool {
        matches!(
            self.shape,
            Shape::Byline | Shape::Timestamp | Shape::SourceCredit | Shape::Handle
        )
    }

    /// A block that can stand as a headline: a few words, no chrome, not a sentence
    /// ending in a period.
    fn headline_like(&self) -> bool {
        let w = self.weight();
        self.evidence.is_none()
            && !self.nav
            && !self.symbols_only
            && (3..=30).contains(&w)
            && self.f.ending != Ending::Colon
            && (self.f.ending != Ending::Sentence || self.question)
    }
}

/// Reusable buffers, so judging a document allocates nothing per byte.
#[derive(Default)]
pub struct Scratch {
    units: Vec<Unit>,
    lines: Vec<Unit>,
    widths: Vec<units::Width>,
    infos: Vec<Info>,
    /// Short blocks already described in this document (see [`ShortBlocks`]).
    seen: ShortBlocks,
}

/// Blocks of up to this many bytes are remembered within a document: menu entries,
/// labels and share buttons recur on a page (a fifth of a scraped page's lines repeat
/// an earlier line, most of them of 16 bytes or less), and a block's description
/// depends on its bytes alone. A block this short is its length and two 8-byte words.
const SEEN_BYTES: usize = 16;

/// Slots of the table of short blocks seen, a power of two. A page has about a hundred
/// distinct short lines, but the chrome of the pages before it is worth keeping too: on
/// the scraped pages 256 slots caught 2,500 of the 4,500 repeats a table without
/// collisions would, 4,096 slots (about 450 KB per thread) 4,100. A collision only
/// costs a repeated description.
const SEEN_SLOTS: usize = 4096;

/// A block of 1 to [`SEEN_BYTES`] bytes as its length and its first and last eight
/// bytes (zeros past the end of a shorter one), which together hold every byte of it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortKey {
    head: u64,
    tail: u64,
    len: usize,
}

impl ShortKey {
    /// The key of `text[range]`, for a range of 1 to [`SEEN_BYTES`] bytes, read from
    /// the text with 8-byte loads where it has room.
    #[inline(always)]
    fn of(text: &[u8], range: &Range<usize>) -> Option<ShortKey> {
        let len = range.end.checked_sub(range.start)?;
        if !(1..=SEEN_BYTES).contains(&len) {
            return None;
        }
        let (head, tail) = if len >= 8 {
            (load_u64(text, range.start)?, load_u64(text, range.end - 8)?)
        } else if let Some(word) = load_u64(text, range.start) {
            // The bytes past the block cleared.
            (word & (u64::MAX >> (64 - 8 * len as u32)), 0)
        } else {
            // Near the end of the text: its last 8 bytes, shifted to the block.
            let base = text.len().checked_sub(8)?;
            let word = load_u64(text, base)? >> (8 * range.start.checked_sub(base)? as u32);
            (word & (u64::MAX >> (64 - 8 * len as u32)), 0)
        };
        Some(ShortKey { head, tail, len })
    }

    fn slot(&self) -> usize {
        let mixed = (self.head ^ self.tail.rotate_left(29) ^ (self.len as u64) << 59)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - SEEN_SLOTS.trailing_zeros())) as usize % SEEN_SLOTS
    }
}

/// The eight bytes at `at` of `bytes`, when it has them.
#[inline(always)]
fn load_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    Some(u64::from_le_bytes(word))
}

/// One remembered block: its key and its description.
#[derive(Clone)]
struct Seen {
    key: ShortKey,
    info: Info,
}

/// The short blocks described so far, by a hash of their bytes, kept from one document
/// to the next: besides a page's own repeats, chrome words ("Advertisement", "Read
/// More", a site's menu entries) recur from page to page. A block's description
/// depends on its bytes and on the [`Params`] alone, so the table is emptied when
/// the parameters change.
#[derive(Default)]
struct ShortBlocks {
    slots: Vec<Option<Seen>>,
    params: Option<Params>,
}

impl ShortBlocks {
    /// Readies the table for a document judged with `params`.
    fn start(&mut self, params: &Params) {
        if self.params.as_ref() != Some(params) || self.slots.len() != SEEN_SLOTS {
            self.slots.clear();
            self.slots.resize(SEEN_SLOTS, None);
            self.params = Some(*params);
        }
    }

    /// The description of an earlier block with the same bytes, if it is remembered.
    #[inline(always)]
    fn earlier(&self, key: &ShortKey) -> Option<&Info> {
        match self.slots.get(key.slot()) {
            Some(Some(seen)) if seen.key == *key => Some(&seen.info),
            _ => None,
        }
    }

    /// Remembers the description of the block of `key`, in place of the block that
    /// held its slot.
    #[inline(always)]
    fn remember(&mut self, key: ShortKey, info: &Info) {
        if let Some(slot) = self.slots.get_mut(key.slot()) {
            *slot = Some(Seen {
                key,
                info: info.clone(),
            });
        }
    }
}

// The date of the story is looked for only in blocks with a digit, as the measures
// count them: exactly on every block the date reader reads.
const _: () = assert!(shapes::MAX_SHAPE_BYTES <= super::features::DETAILED_BYTES);

/// Longest block, in bytes, that is checked for chrome phrases: chrome is short, and a
/// cookie banner or comment form notice fits well within it.
const MAX_PHRASE_SCAN: usize = 1200;

/// Most words a block may have and still be removed for a strong chrome phrase: past
/// that, the phrase is more likely quoted in an article than the article a banner.
const STRONG_LIMIT: u32 = 60;

/// The same limit for cookie and consent phrases.
const COOKIE_LIMIT: u32 = 150;

/// Judges every block of `text`.
pub fn judge(
    text: &str,
    params: &Params,
    phrases: &Phrases,
    scratch: &mut Scratch,
) -> (Vec<JudgedBlock>, Findings) {
    units::split(
        text,
        &mut scratch.units,
        &mut scratch.lines,
        &mut scratch.widths,
    );
    scratch.infos.clear();
    // One growth at most, to the page's size, rather than doubling step by step.
    scratch.infos.reserve(scratch.units.len());
    scratch.seen.start(params);
    for unit in &scratch.units {
        let key = ShortKey::of(text.as_bytes(), &unit.range);
        if let Some(earlier) = key.as_ref().and_then(|key| scratch.seen.earlier(key)) {
            let mut info = earlier.clone();
            info.range = unit.range.clone();
            scratch.infos.push(info);
            continue;
        }
        let block = text.get(unit.range.clone()).unwrap_or("");
        let info = describe(block, unit.range.clone(), params, phrases);
        if let Some(key) = key {
            scratch.seen.remember(key, &info);
        }
        scratch.infos.push(info);
    }
    let infos = &mut scratch.infos;
    mark_navigation(infos);
    let verdicts = decide(infos, text, params);
    let blocks = infos
        .iter()
        .zip(verdicts.verdicts)
        .map(|(info, verdict)| JudgedBlock {
            range: info.range.clone(),
            verdict,
        })
        .collect();
    (blocks, verdicts.findings)
}

/// Measures a block and gathers its evidence.
fn describe(block: &str, range: Range<usize>, params: &Params, phrases: &Phrases) -> Info {
    let f = measure(block);
    let w = f.weight();
    let sentence = f.ending == Ending::Sentence;
    // Worked out only for blocks long enough to ask (most are short).
    let density_ok = || f.stop_density() >= params.min_stop_density || f.unknown_language();
    let sentence_like = matches!(f.ending, Ending::Sentence | Ending::Colon);
    let class = if (w >= params.min_good_words
        && density_ok()
        && (sentence_like || w >= PROSE_WITHOUT_ENDING || f.inner_sentence_ends >= 1))
        || (w >= 40 && f.stop_density() >= params.min_stop_density / 2.0)
    {
        Class::Good
    } else if w >= 5 && sentence_like && (density_ok() || f.stop_density() >= 0.15) {
        Class::Near
    } else if w >= 3 && !sentence_like {
        Class::Headline
    } else {
        Class::Short
    };

    // Stamps need a digit or a relative-time word, bylines and credits a leading
    // "By"/"Source", handles an "@": most blocks are spared the tokenizing.
    let lead = f.first_word_flags & FLAG_LEAD != 0;
    let maybe_shape = f.digits > 0 || f.time_words > 0 || f.has_at || lead;
    let shape = if maybe_shape && block.len() <= shapes::MAX_SHAPE_BYTES {
        // The scan flags a first word that opens a credit ("By", "(Source:") unless it
        // is longer than its keys: without either, the first token opens none, and its
        // check is spared.
        let lead = lead || shapes::opens_long_credit(block);
        // Most of these are sentences with a number. One of seven words or more, with
        // no "@" and not opening with "By" or "Source", can only be a time stamp,
        // which is no long sentence and has no more than 16 words that are not
        // separators (a word with a letter is none): the shape says so after
        // tokenizing it, the scan's counts (whole on a block this short) say it at
        // once, when its words split on ASCII whitespace as the shape's do.
        if !f.has_at
            && ((sentence && f.words >= 7) || f.letter_words > 16)
            && !bytemask::has_odd_blanks(block.as_bytes())
            && !(lead && shapes::first_token_opens_credit(block))
        {
            Shape::Plain
        } else {
            // The block is measured in full (it is no longer than the scan's full
            // reading), so its `@` count is exact.
            shapes::shape_with_at(block, sentence, f.digits, f.has_at, lead)
        }
    } else {
        Shape::Plain
    };

    // Phrase evidence.
    let mut strong: Option<(Reason, usize)> = None;
    let mut weak: Option<(Reason, Strength, usize)> = None;
    let mut covered = 0usize;
    // Weak phrases only decide short blocks, and a block can only hold a phrase that
    // has its key word (of a long block, only head and tail are looked at: notices
    // name their subject early, captions credit at the end).
    let worth_scanning = (w <= 12 && f.chrome_words > 0) || f.trigger_words > 0;
    if worth_scanning && f.words <= COOKIE_LIMIT && block.len() <= MAX_PHRASE_SCAN {
        // A menu entry, a label: one word of ASCII letters is looked up whole.
        let one_word = f.words == 1 && f.ascii_letters as usize == block.len();
        let mut on_hit = |hit: Hit| {
            covered += hit.len;
            match hit.strength {
                Strength::Strong => {
                    if strong.is_none() {
                        strong = Some((hit.reason, hit.len));
                    }
                }
                Strength::Weak | Strength::Marker => {
                    if weak.is_none_or(|(_, _, len)| hit.len > len) {
                        weak = Some((hit.reason, hit.strength, hit.len));
                    }
                }
            }
        };
        if one_word {
            // Its bytes are all ASCII letters, as the measures count them.
            phrases.scan_letters(block, &mut on_hit);
        } else {
            phrases.scan(block, &mut on_hit);
        }
    }

    let mut evidence = None;
    let mut marker = None;
    if let Some((reason, _)) = strong {
        // Consent notices run long; nothing else in them reads like news.
        let limit = if reason == Reason::Cookie {
            COOKIE_LIMIT
        } else {
            STRONG_LIMIT
        };
        if f.words <= limit {
            evidence = Some(reason);
        }
    }
    if evidence.is_none()
        && f.words <= STRONG_LIMIT
        && block.ends_with(')')
        && shapes::ends_with_photo_credit(block)
    {
        evidence = Some(Reason::Caption);
    }
    if evidence.is_none() && shape != Shape::Plain && shape != Shape::PostCredit {
        evidence = Some(Reason::Metadata);
    }
    if evidence.is_none() && f.glued_headline && matches!(class, Class::Good | Class::Near) {
        evidence = Some(Reason::Related);
    }
    if evidence.is_none()
        && let Some((reason, strength, _)) = weak
    {
        let mostly_phrase = {
            // The share of the block the phrases cover, only for a block with a weak one.
            let coverage = covered as f32 / block.len().max(1) as f32;
            coverage >= 0.5 || (w <= 5 && !sentence) || (w <= 12 && coverage >= 0.3 && !sentence)
        };
        if mostly_phrase {
            evidence = Some(reason);
            if strength == Strength::Marker && w <= 6 {
                marker = Some(reason);
            }
        }
    }
    let symbols_only = f.letters == 0 && f.digits == 0;
    let link_like = matches!(class, Class::Headline | Class::Short)
        && w <= 8
        && !sentence
        && f.tabs == 0
        && (w <= 2 || f.cap_ratio() >= 0.5 || f.is_cjk());
    Info {
        range,
        f,
        class,
        evidence,
        marker,
        shape,
        link_like,
        nav: false,
        symbols_only,
        // A question ends like a sentence (`ending` looks past the same closing
        // marks, and more), so most blocks need no look at their end.
        question: sentence && ends_with_question(block),
    }
}

/// Whether `block` ends with a question or exclamation mark, past closing quotes and
/// brackets (`"`, `'`, `”`, `’`, `)`). On the bytes: in valid UTF-8 a character's last
/// bytes identify it.
fn ends_with_question(block: &str) -> bool {
    let mut bytes = block.as_bytes();
    loop {
        match bytes {
            [rest @ .., b'"' | b'\'' | b')'] => bytes = rest,
            [rest @ .., 0xE2, 0x80, 0x9D | 0x99] => bytes = rest,
            [.., b'?' | b'!'] => return true,
            _ => return false,
        }
    }
}

/// Marks runs of three or more link-like blocks (or chrome blocks among them) as
/// navigation.
fn mark_navigation(infos: &mut [Info]) {
    let menu_item = |info: &Info| {
        (info.link_like && info.class != Class::Good)
            || matches!(
                info.evidence,
                Some(Reason::Navigation | Reason::Share | Reason::Footer | Reason::Subscription)
            ) && info.weight() <= 8
    };
    let mut i = 0;
    while i < infos.len() {
        if !menu_item(&infos[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < infos.len() && menu_item(&infos[i]) {
            i += 1;
        }
        if i - start >= 3 {
            for info in &mut infos[start..i] {
                info.nav = true;
            }
        }
    }
}

/// The contribution of a block to the main story's score.
fn score(info: &Info) -> f32 {
    // The weight, only for the blocks whose score it is.
    let w = || info.weight() as f32;
    if info.marker.is_some() {
        return -10.0;
    }
    if info.evidence.is_some() {
        return -(2.0 + 0.5 * w()).min(30.0);
    }
    if info.nav {
        return -2.0;
    }
    match info.class {
        Class::Good => w(),
        Class::Near => 0.5 * w(),
        Class::Headline | Class::Short => -1.0,
    }
}

/// The maximum-sum stretch of blocks, or `None` when no block scores above zero.
fn main_stretch(infos: &[Info]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0usize;
    for (i, info) in infos.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += score(info);
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, s, e)| {
        // The stretch starts at its first positive block.
        let s = (s..=e).find(|&i| score(&infos[i]) > 0.0).unwrap_or(s);
        (s, e)
    })
}

/// A part of the stretch beyond a break is kept when it has at least this share of the
/// heaviest part's text: a story interrupted by a list of links goes on, a sidebar
/// after it does not.
const PART_SHARE: f32 = 0.3;

/// A part with this many words of text is kept whatever its share.
const PART_WORDS: f32 = 120.0;

/// Words of story that must precede a comment-section marker for it to end the story
/// for good (a comment count or form above the story does not); at least 30% of the
/// stretch's text must precede it too.
const COMMENTS_AFTER_WORDS: f32 = 150.0;

/// Cuts the maximum-sum stretch at the section markers inside it ("Related Articles",
/// "Comments", "Most Read") and keeps the heaviest part with the neighbouring parts
/// that carry enough text. Only markers cut: an article's own lists and headings
/// interrupt it without ending it, while what a marker opens is the page's.
fn trim_stretch(infos: &[Info], start: usize, end: usize) -> (usize, usize) {
    struct Part {
        start: usize,
        end: usize,
        mass: f32,
        /// Whether the break after this part opens a comment section.
        comments_after: bool,
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut part_start = start;
    let mut last_positive = start;
    let mut mass = 0.0f32;
    let mut gap_marker = false;
    let mut gap_comments = false;
    for (i, info) in infos.iter().enumerate().take(end + 1).skip(start) {
        let sc = score(info);
        if sc > 0.0 {
            if gap_marker {
                parts.push(Part {
                    start: part_start,
                    end: last_positive,
                    mass,
                    comments_after: gap_comments,
                });
                part_start = i;
                mass = 0.0;
            }
            gap_marker = false;
            gap_comments = false;
            mass += sc;
            last_positive = i;
        } else if let Some(reason) = info.marker {
            gap_marker = true;
            gap_comments |= reason == Reason::CommentForm;
        }
    }
    parts.push(Part {
        start: part_start,
        end: last_positive,
        mass,
        comments_after: false,
    });
    // A comment section, once the story has had real text, ends the candidates: the
    // comments may well outweigh the story.
    let total: f32 = parts.iter().map(|p| p.mass).sum();
    let mut candidates = parts.len();
    let mut mass_so_far = 0.0;
    for (k, part) in parts.iter().enumerate() {
        mass_so_far += part.mass;
        if part.comments_after && mass_so_far >= COMMENTS_AFTER_WORDS.max(0.3 * total) {
            candidates = k + 1;
            break;
        }
    }
    let Some(main) = (0..candidates).max_by(|&a, &b| parts[a].mass.total_cmp(&parts[b].mass))
    else {
        return (start, end);
    };
    let floor = (parts[main].mass * PART_SHARE).min(PART_WORDS);
    let mut lo = main;
    while lo > 0 && parts[lo - 1].mass >= floor {
        lo -= 1;
    }
    let mut hi = main;
    while hi + 1 < candidates && parts[hi + 1].mass >= floor {
        hi += 1;
    }
    (parts[lo].start, parts[hi].end)
}

struct Decision {
    verdicts: Vec<Verdict>,
    findings: Findings,
}

/// Finds the headline above the story start. Walking up past bylines, stamps,
/// captions, ads and section labels, up to four headline-like blocks are candidates;
/// each is scored: printed twice (breadcrumb and heading), sitting right above the
/// byline or stamp, a headline's length, few digits; a nearer block that reads like
/// prose is the standfirst under the headline rather than the headline.
fn find_title(infos: &[Info], text: &str, story_start: usize) -> Option<usize> {
    let floor = story_start.saturating_sub(12);
    let mut candidates: Vec<usize> = Vec::new();
    let mut i = story_start;
    while i > floor && candidates.len() < 4 {
        i -= 1;
        let info = &infos[i];
        let w = info.weight();
        // A headline next to menu entries may have been taken into their run.
        let candidate = (info.headline_like() || (info.nav && w >= 4 && info.evidence.is_none()))
            || (info.class == Class::Near
                && w <= 30
                && (info.question || info.f.cap_ratio() >= 0.6)
                && !starts_list_item(text.get(info.range.clone()).unwrap_or("")));
        if candidate && !(info.nav && w < 4) {
            candidates.push(i);
            continue;
        }
        let skippable = info.is_meta_shape()
            || info.nav
            || info.marker.is_none()
                && matches!(
                    info.evidence,
                    Some(
                        Reason::Metadata
                            | Reason::Caption
                            | Reason::Ad
                            | Reason::Share
                            | Reason::Subscription
                            | Reason::Related
                            | Reason::Navigation
                    )
                )
            // A credit line ("© Ann Lee") under the headline.
            || (info.evidence == Some(Reason::Footer) && w <= 5)
            || info.symbols_only
            || w <= 2
            || (w <= 3 && info.f.upper_words == info.f.letter_words);
        if !skippable {
            break;
        }
    }
    // Labels in capitals ("SPACE", "ANN LEE, AGENCY") sit among bylines and stamps.
    let is_label =
        |x: &Info| x.weight() <= 4 && x.f.letter_words > 0 && x.f.upper_words == x.f.letter_words;
    let below_is_meta = |i: usize| {
        infos[i + 1..story_start.max(i + 1)]
            .iter()
            .take_while(|x| {
                matches!(
                    x.evidence,
                    Some(Reason::Caption | Reason::Ad | Reason::Metadata)
                ) || x.is_meta_shape()
                    || is_label(x)
            })
            .any(|x| x.is_meta_shape() || x.evidence == Some(Reason::Metadata))
    };
    let mut best: Option<(f32, usize)> = None;
    for (k, &c) in candidates.iter().enumerate() {
        let info = &infos[c];
        let w = info.weight();
        let mut score = -0.5 * k as f32;
        let printed_twice =
            (floor..story_start).any(|j| j != c && same_text(text, &infos[j], info));
        if printed_twice {
            score += 2.0;
        }
        if below_is_meta(c) {
            score += 1.5;
        }
        if (4..=20).contains(&w) {
            score += 1.0;
        }
        if info.f.digits >= 4 {
            score -= 1.5;
        }
        if info.class == Class::Near {
            score -= 1.0;
        }
        if is_label(info) || (info.f.letter_words >= 2 && info.f.upper_words == info.f.letter_words)
        {
            score -= 1.0;
        }
        // A prose-like block (sentence case, function words) with a candidate above
        // it is the standfirst.
        if k + 1 < candidates.len()
            && info.f.stop_density() >= 0.25
            && info.f.cap_ratio() < 0.5
            && w > infos[candidates[k + 1]].weight()
        {
            score -= 1.5;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    let (_, mut t) = best?;
    // Of a headline printed twice in a row, the first copy is the title.
    while t > floor && same_text(text, &infos[t - 1], &infos[t]) {
        t -= 1;
    }
    Some(t)
}

fn same_text(text: &str, a: &Info, b: &Info) -> bool {
    text.get(a.range.clone()) == text.get(b.range.clone())
}

/// Finds where another story starts inside the main stretch: a headline with its own
/// byline or time stamp next to it, after the main story has had real text.
fn find_other_story(infos: &[Info], story_start: usize, end: usize) -> Option<usize> {
    let mut words_before = 0u32;
    let mut i = story_start;
    while i <= end {
        let info = &infos[i];
        if i > story_start
            && words_before >= 40
            && let Some(start) = story_header_at(infos, i, end)
        {
            return Some(start);
        }
        if info.evidence.is_none() && info.class == Class::Good {
            words_before += info.weight();
        }
        i += 1;
    }
    None
}

/// Whether a story header (stamps/bylines around a headline) starts at `i`.
fn story_header_at(infos: &[Info], i: usize, end: usize) -> Option<usize> {
    let is_meta = |k: usize| {
        infos
            .get(k)
            .is_some_and(|x| matches!(x.shape, Shape::Byline | Shape::Timestamp))
    };
    // A header has a stamp or two and a byline; looking further would make a long run
    // of stamps quadratic.
    const MAX_META: usize = 3;
    let mut k = i;
    let mut meta = 0;
    while k <= end && meta < MAX_META && is_meta(k) {
        meta += 1;
        k += 1;
    }
    let headline = infos.get(k)?;
    if k > end || !headline.headline_like() || headline.class == Class::Good {
        return None;
    }
    k += 1;
    let before = meta;
    while k <= end && meta < before + MAX_META && is_meta(k) {
        meta += 1;
        k += 1;
    }
    let followed_by_text = infos.get(k).is_some_and(|x| {
        k <= end && x.evidence.is_none() && matches!(x.class, Class::Good | Class::Near)
    });
    (meta >= 1 && (followed_by_text || meta >= 2)).then_some(i)
}

fn kept_kind(info: &Info, text: &str) -> BlockKind {
    let block = text.get(info.range.clone()).unwrap_or("");
    if info.shape == Shape::PostCredit {
        BlockKind::Blockquote
    } else if info.f.tabs > 0 {
        BlockKind::Table
    } else if starts_list_item(block) {
        BlockKind::ListItem
    } else if info.f.ending == Ending::Open && info.weight() <= 15 && !info.f.is_cjk() {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

fn starts_list_item(block: &str) -> bool {
    // Most kept blocks open with a letter, which opens no list item.
    if block
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
    {
        return false;
    }
    let mut chars = block.chars();
    match chars.next() {
        Some('•' | '·' | '▪' | '●' | '◦' | '‣') => true,
        Some('-' | '*' | '+') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = block.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// The reason for a removed block without evidence of its own, from where it is.
fn positional_reason(info: &Info, context: Reason) -> Reason {
    if let Some(reason) = info.evidence {
        return reason;
    }
    if info.symbols_only {
        return Reason::Other;
    }
    match context {
        Reason::Header | Reason::Footer if info.nav => Reason::Navigation,
        other => other,
    }
}

fn decide(infos: &[Info], text: &str, params: &Params) -> Decision {
    let n = infos.len();
    let mut verdicts = vec![Verdict::Remove(Reason::Other); n];
    let mut findings = Findings::default();
    let Some((stretch_start, stretch_end)) =
        main_stretch(infos).map(|(s, e)| trim_stretch(infos, s, e))
    else {
        // No block reads like article text: keep what carries no chrome evidence.
        for (v, info) in verdicts.iter_mut().zip(infos) {
            *v = if info.evidence.is_none() && !info.nav && !info.symbols_only {
                Verdict::Keep(kept_kind(info, text))
            } else {
                Verdict::Remove(positional_reason(info, Reason::Other))
            };
        }
        return Decision { verdicts, findings };
    };
    // A stretch may open with the headline itself when it ends like a sentence
    // ("Is the oxygen bar real?"): a capitalized short block followed by more story.
    let opens_with_headline = {
        let first = &infos[stretch_start];
        let shaped_like_headline = match first.class {
            Class::Near => first.f.cap_ratio() >= 0.6 || first.question,
            // "Want a good EV? Here are the best ones": two clauses, no final stop.
            Class::Good => first.f.ending == Ending::Open && first.f.inner_sentence_ends <= 1,
            _ => false,
        };
        stretch_start < stretch_end
            && shaped_like_headline
            && first.weight() <= 20
            && first.evidence.is_none()
    };
    let story_start = if opens_with_headline {
        stretch_start + 1
    } else {
        stretch_start
    };
    let title = find_title(infos, text, story_start);
    let article_start = title.unwrap_or(story_start);
    let other_start = if params.drop_other_stories {
        find_other_story(infos, story_start, stretch_end)
    } else {
        None
    };

    // Above the article: the page header.
    for i in 0..article_start {
        let info = &infos[i];
        let near_title = title.is_some_and(|t| t - i <= 2);
        let label = near_title
            && info.weight() <= 3
            && info.f.letter_words > 0
            && info.f.upper_words == info.f.letter_words;
        verdicts[i] = Verdict::Remove(if label && info.evidence.is_none() {
            Reason::Metadata
        } else {
            positional_reason(info, Reason::Header)
        });
    }
    // Between the headline and the story: standfirst, bylines, stamps, captions.
    if let Some(t) = title {
        verdicts[t] = Verdict::Keep(BlockKind::Title);
        findings.title = text.get(infos[t].range.clone()).map(str::to_owned);
        for i in t + 1..story_start {
            let info = &infos[i];
            verdicts[i] = if info.evidence.is_some() || info.symbols_only {
                Verdict::Remove(positional_reason(info, Reason::Metadata))
            } else if same_text(text, info, &infos[t]) {
                Verdict::Remove(Reason::Metadata)
            } else if matches!(info.class, Class::Good | Class::Near)
                || (info.weight() >= 8 && info.f.stop_density() >= params.min_stop_density)
            {
                Verdict::Keep(BlockKind::Paragraph)
            } else {
                Verdict::Remove(Reason::Metadata)
            };
        }
    }
    // The story itself.
    let story_end = other_start.map_or(stretch_end, |s| s.saturating_sub(1));
    let mut section: Option<Reason> = None;
    let mut headline_run_start: Option<usize> = None;
    for i in story_start..=stretch_end {
        let info = &infos[i];
        if other_start.is_some_and(|s| i >= s) {
            verdicts[i] = Verdict::Remove(
                info.evidence
                    .filter(|r| *r == Reason::Ad)
                    .unwrap_or(Reason::OtherStory),
            );
            continue;
        }
        if let Some(reason) = info.marker {
            section = Some(reason);
        } else if info.evidence.is_none() && matches!(info.class, Class::Good | Class::Near) {
            section = None;
        }
        verdicts[i] = if info.shape == Shape::PostCredit {
            Verdict::Keep(BlockKind::Blockquote)
        } else if info.evidence.is_some() || info.symbols_only {
            Verdict::Remove(positional_reason(info, Reason::Other))
        } else if let Some(reason) = section {
            Verdict::Remove(reason)
        } else if info.nav {
            Verdict::Remove(Reason::Navigation)
        } else {
            Verdict::Keep(kept_kind(info, text))
        };
        // Three or more Title-Case headlines in a row inside the story are a list of
        // links (a list of descriptions in sentence case is the article's own list).
        let is_headline = info.class == Class::Headline
            && (4..=20).contains(&info.weight())
            && info.f.cap_ratio() >= 0.6
            && info.f.tabs == 0
            && info.evidence.is_none();
        match (is_headline, headline_run_start) {
            (true, None) => headline_run_start = Some(i),
            (false, Some(s)) => {
                close_headline_run(&mut verdicts, s, i);
                headline_run_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = headline_run_start {
        close_headline_run(&mut verdicts, s, story_end.max(s) + 1);
    }
    // Below the story: footer, or the section a marker opened.
    let mut context = Reason::Footer;
    for i in stretch_end + 1..n {
        let info = &infos[i];
        if let Some(reason) = info.marker {
            context = reason;
        }
        if other_start.is_some() && context == Reason::Footer {
            context = Reason::OtherStory;
        }
        // The stamps and bylines among other stories are theirs.
        let reason = match (context, info.evidence) {
            (Reason::OtherStory, Some(Reason::Metadata)) => Reason::OtherStory,
            _ => positional_reason(info, context),
        };
        verdicts[i] = Verdict::Remove(reason);
    }

    // Byline and date of the main story, from the blocks around its top.
    let window_start = article_start.saturating_sub(4);
    let window_end = (story_start + 4).min(other_start.unwrap_or(n)).min(n);
    for info in &infos[window_start..window_end] {
        let Some(block) = text.get(info.range.clone()) else {
            continue;
        };
        if findings.byline.is_none() && info.shape == Shape::Byline {
            findings.byline = shapes::byline_name(block);
        }
        // Every date `find_date` reads has a digit, and it reads no block longer than
        // the measures' own full reading, whose digit count is exact: a byline without
        // one is passed over.
        if findings.date.is_none()
            && info.f.digits > 0
            && (info.is_meta_shape() || info.evidence == Some(Reason::Metadata))
        {
            findings.date = shapes::find_date(block);
        }
    }
    let _ = story_end;
    Decision { verdicts, findings }
}

/// Removes a run of headlines `start..end` as related links when it has three or more.
fn close_headline_run(verdicts: &mut [Verdict], start: usize, end: usize) {
    if end.saturating_sub(start) >= 3 {
        for v in verdicts.iter_mut().take(end).skip(start) {
            if matches!(v, Verdict::Keep(_)) {
                *v = Verdict::Remove(Reason::Related);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(block: &str) -> Option<Reason> {
        let phrases = Phrases::shared().expect("phrases");
        describe(block, 0..block.len(), &Params::default(), phrases).evidence
    }

    #[test]
    fn questions_end_past_closing_marks() {
        for (block, expected) in [
            ("Is the ferry late?", true),
            ("Who pays for the bridge?”", true),
            ("What now?\")'’", true),
            ("Stop the vote!", true),
            ("The mayor asked why.", false),
            ("Why?” she said", false),
            ("?", true),
            ("”", false),
            ("", false),
        ] {
            let by_chars = block
                .trim_end_matches(['"', '\'', '”', '’', ')'])
                .ends_with(['?', '!']);
            assert_eq!(by_chars, expected, "{block:?}");
            assert_eq!(ends_with_question(block), expected, "{block:?}");
        }
    }

    /// Words and marks of stamps, bylines, handles and headlines with figures, and the
    /// blanks the shape's tokens and the scan's differ on.
    fn shape_piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            3 => "[a-zA-Z]{1,9}",
            2 => "[0-9]{1,4}",
            3 => proptest::sample::select(vec![
                " ", " ", " ", " ", "  ", "\t", "\u{a0}", "\u{1}", ".", ",", ":", "|", "-", "—",
                "/", "(", ")", "@", "By", "by", "Source:", "Courtesy", "of", "November",
                "Nov.", "Tuesday", "ago", "today", "hours", "AM", "p.m.", "GMT", "Updated",
                "9:02", "2019-11-19", "19.11.2019", "11/19/19", "(AP)", "@valmora",
                "Ana Ruiz", "Москва", "ноября", "2019年", "©", "the", "port", "said",
            ])
            .prop_map(str::to_owned),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: if cfg!(debug_assertions) { 1_000 } else { 10_000 }, failure_persistence: None, ..proptest::prelude::ProptestConfig::default() })]

        /// The shape `describe` settles on from the scan's counts, without tokenizing
        /// the block when they rule every shape but `Plain` out, is the shape the
        /// tokenizing finds.
        #[test]
        fn shapes_ruled_out_by_counts_are_plain(
            pieces in proptest::collection::vec(shape_piece(), 1..40),
            stamp in proptest::collection::vec(proptest::sample::select(vec![
                "Updated", "Published", "Tuesday", "November", "Nov.", "19,", "19", "2019",
                "9:02", "AM", "EST", "GMT", "|", "-", "at", "hours", "ago", "today", "2",
            ]), 0..24),
            end in proptest::sample::select(vec!["", ".", "!", ":", " 2019"]),
        ) {
            // Half the cases a time stamp (words of dates joined by spaces) after the
            // pieces, most of them without pieces.
            let lead = if stamp.len() % 2 == 0 { pieces.concat() } else { String::new() };
            let block = lead + " " + &stamp.join(" ") + end;
            let block = block.trim_matches(|c: char| c.is_whitespace());
            if block.is_empty() || block.len() > shapes::MAX_SHAPE_BYTES {
                return Ok(());
            }
            let (info, full) = described_and_full_shape(block);
            proptest::prop_assert_eq!(info.shape, full.unwrap_or(Shape::Plain), "{:?}", block);
        }
    }

    /// How `describe` reads `block`, and the shape the full recognizer gives it when
    /// the block's measures say it may have one and it is short enough to be read for
    /// one (`None` otherwise: the block is plain).
    fn described_and_full_shape(block: &str) -> (Info, Option<Shape>) {
        let phrases = Phrases::shared().expect("phrases");
        let info = describe(block, 0..block.len(), &Params::default(), phrases);
        let f = measure_for_test(block);
        let maybe_shape =
            f.digits > 0 || f.time_words > 0 || f.has_at || f.first_word_flags & FLAG_LEAD != 0;
        let full = (maybe_shape && block.len() <= shapes::MAX_SHAPE_BYTES)
            .then(|| shapes::shape(block, f.ending == Ending::Sentence, f.digits));
        (info, full)
    }

    /// A first token that may open a credit, in the forms pages write it, and others.
    fn opener_piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let opener = proptest::sample::select(vec![
            "By",
            "BY",
            "by",
            "bY",
            "Por",
            "von",
            "PAR",
            "door",
            "Author",
            "authors",
            "Autor",
            "Written",
            "Words",
            "posted",
            "Story",
            "Text",
            "Reporting",
            "reported",
            "Source",
            "SOURCES",
            "Fonte",
            "fontes",
            "Fuente",
            "fuentes",
            "Quelle",
            "Courtesy",
            "Bye",
            "Byline",
            "Sourced",
            "Stories",
            "Pa",
            "B",
            "Writtenby",
            "Coverage",
        ]);
        let before = proptest::sample::select(vec!["", "", "(", "((", "\"", "“", "'", "[", "-"]);
        let after = proptest::sample::select(vec![
            "", "", ":", ",", ".", ")", ":-", "…", "’", "\u{a0}", "\u{a0}:", "\u{1}", "é", "—",
            "'s", "s", "1", "/", ";", "::", "\u{200b}", "@x",
        ]);
        (before, opener, after).prop_map(|(b, o, a)| format!("{b}{o}{a}"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: if cfg!(debug_assertions) { 3_000 } else { 30_000 }, failure_persistence: None, ..proptest::prelude::ProptestConfig::default() })]

        /// A block whose first token may open a credit has its first word flagged as an
        /// opener by the scan or opens with a long opener, so that no check of it is
        /// skipped that could say yes.
        #[test]
        fn credit_openers_are_flagged_by_the_scan(
            first in opener_piece(),
            rest in proptest::collection::vec(shape_piece(), 0..8),
            join in proptest::sample::select(vec![" ", "\t", "  ", "\u{a0}", "\u{1}"]),
        ) {
            let block = format!("{first}{join}{}", rest.concat());
            let block = block.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
            if block.is_empty() {
                return Ok(());
            }
            let bare = block.trim_start_matches('(');
            let long_by_chars = bare.len() >= 9
                && bare.is_char_boundary(9)
                && bare[..9].eq_ignore_ascii_case("reporting");
            proptest::prop_assert_eq!(shapes::opens_long_credit(block), long_by_chars, "{:?}", block);
            if shapes::first_token_opens_credit(block) {
                let f = measure_for_test(block);
                proptest::prop_assert!(
                    f.first_word_flags & FLAG_LEAD != 0 || shapes::opens_long_credit(block),
                    "{:?}", block
                );
            }
            // And the shape comes out as the full recognizer's.
            let (info, full) = described_and_full_shape(block);
            if let Some(full) = full {
                proptest::prop_assert_eq!(info.shape, full, "{:?}", block);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2_000, failure_persistence: None, ..proptest::prelude::ProptestConfig::default() })]

        /// Dates have digits: a block without one has none to find.
        #[test]
        fn dates_need_digits(pieces in proptest::collection::vec(shape_piece(), 1..30)) {
            let block: String = pieces.concat();
            let digits = measure_for_test(&block).digits;
            if block.len() <= shapes::MAX_SHAPE_BYTES && digits == 0 {
                proptest::prop_assert_eq!(shapes::find_date(&block), None, "{:?}", block);
            }
        }
    }

    /// The descriptions of every block of `text` with `scratch`, as their debug text
    /// (an [`Info`] has no equality of its own).
    fn described(text: &str, params: &Params, scratch: &mut Scratch) -> Vec<String> {
        let phrases = Phrases::shared().expect("phrases");
        judge(text, params, phrases, scratch);
        scratch
            .infos
            .iter()
            .map(|info| format!("{info:?}"))
            .collect()
    }

    /// The same, each block described afresh (and the navigation marked, as `judge`
    /// marks it).
    fn described_afresh(text: &str, params: &Params) -> Vec<String> {
        let phrases = Phrases::shared().expect("phrases");
        let (mut units, mut lines, mut widths) = (Vec::new(), Vec::new(), Vec::new());
        units::split(text, &mut units, &mut lines, &mut widths);
        let mut infos: Vec<Info> = units
            .iter()
            .map(|unit| {
                let block = text.get(unit.range.clone()).unwrap_or("");
                describe(block, unit.range.clone(), params, phrases)
            })
            .collect();
        mark_navigation(&mut infos);
        infos.iter().map(|info| format!("{info:?}")).collect()
    }

    #[test]
    fn repeated_short_blocks_are_described_as_afresh() {
        let page = "Home\nWorld\nSport\nHome\nShare\n3 hours ago\nWorld\n\
                    The ferry from the island ran late again on Monday, the harbour master said.\n\
                    Share\nRead more\n3 hours ago\nHome";
        let next = "Sport\nHome\nBy Ann Lee\nShare\nThe council met on Tuesday to vote on it.";
        let params = Params::default();
        let other = Params {
            min_good_words: 3,
            min_stop_density: 0.5,
            drop_other_stories: false,
        };
        let mut scratch = Scratch::default();
        // Within a page, across pages, and when the parameters change in between.
        for (text, params) in [
            (page, &params),
            (next, &params),
            (page, &other),
            (next, &params),
        ] {
            assert_eq!(
                described(text, params, &mut scratch),
                described_afresh(text, params)
            );
        }
    }

    #[test]
    fn blocks_that_share_a_slot_replace_each_other() {
        // More distinct short lines than the table has slots, so that slots are taken
        // over, then the same lines again (some answered, some described anew).
        let lines: Vec<String> = (0..SEEN_SLOTS + SEEN_SLOTS / 2)
            .map(|i| match i % 3 {
                0 => format!("Menu {i}"),
                1 => format!("{i} hours ago"),
                _ => format!("Read {i}"),
            })
            .collect();
        let text = lines.join("\n");
        let params = Params::default();
        let mut scratch = Scratch::default();
        for _ in 0..2 {
            assert_eq!(
                described(&text, &params, &mut scratch),
                described_afresh(&text, &params)
            );
        }
    }

    #[test]
    fn short_keys_tell_every_pair_of_stretches_apart() {
        // Every pair of stretches of 1 to 16 bytes of a few texts, shorter and longer
        // than a load, with repeats at the start, the middle and the end.
        for text in [
            "ab\0a",
            "ééé\0a",
            "abab\0abab",
            "Home\nHome\nHome Homeé\0Home\nHome",
        ] {
            let bytes = text.as_bytes();
            let stretches: Vec<Range<usize>> = (0..bytes.len())
                .flat_map(|a| (a + 1..=(a + 16).min(bytes.len())).map(move |b| a..b))
                .collect();
            for ra in &stretches {
                for rb in &stretches {
                    let (ka, kb) = (ShortKey::of(bytes, ra), ShortKey::of(bytes, rb));
                    assert_eq!(ka.is_some(), bytes.len() >= 8, "{text:?} {ra:?}");
                    if let (Some(ka), Some(kb)) = (ka, kb) {
                        assert_eq!(
                            ka == kb,
                            bytes[ra.clone()] == bytes[rb.clone()],
                            "{text:?} {ra:?} {rb:?}"
                        );
                    }
                }
            }
        }
    }

    /// A short line, often one from a small set, so that lines repeat.
    fn short_line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            3 => proptest::sample::select(vec![
                "Home", "home", "Home ", "Sport", "AI", "A", "B", "Share", "Read More",
                "Related Articles", "Related Articles!", "2 hours ago", "By Ann Lee",
                "Москва", "日本語", "@valmora", "Nov. 19, 2019", "Advertisement",
            ])
            .prop_map(str::to_owned),
            2 => "[a-zA-Z0-9 .:@]{1,20}",
            1 => "[ \t\u{a0}“”é日a-z]{0,18}",
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..proptest::prelude::ProptestConfig::default() })]

        /// Blocks answered from the table of short blocks seen, within a page and from
        /// the pages before, are described as a fresh description describes them.
        #[test]
        fn remembered_blocks_are_described_as_afresh(
            pages in proptest::collection::vec(proptest::collection::vec(short_line(), 0..40), 1..4),
            loose in proptest::bool::ANY,
        ) {
            let params = if loose {
                Params { min_good_words: 2, ..Params::default() }
            } else {
                Params::default()
            };
            let mut scratch = Scratch::default();
            for lines in &pages {
                let text = lines.join("\n");
                proptest::prop_assert_eq!(
                    described(&text, &params, &mut scratch),
                    described_afresh(&text, &params)
                );
            }
        }

        /// Two short stretches of a text have the same key exactly when they have the
        /// same bytes, wherever they lie (at the text's ends too).
        #[test]
        fn short_keys_tell_bytes_apart(
            text in "[ab\u{0}é]{0,24}",
            a in 0usize..24, a_len in 1usize..=SEEN_BYTES,
            b in 0usize..24, b_len in 1usize..=SEEN_BYTES,
        ) {
            let bytes = text.as_bytes();
            let (ra, rb) = (a..a + a_len, b..b + b_len);
            if ra.end <= bytes.len() && rb.end <= bytes.len() {
                let (ka, kb) = (ShortKey::of(bytes, &ra), ShortKey::of(bytes, &rb));
                if bytes.len() >= 8 {
                    proptest::prop_assert!(ka.is_some() && kb.is_some());
                }
                if let (Some(ka), Some(kb)) = (ka, kb) {
                    proptest::prop_assert_eq!(ka == kb, bytes[ra] == bytes[rb]);
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: if cfg!(debug_assertions) { 5_000 } else { 20_000 }, failure_persistence: None, ..proptest::prelude::ProptestConfig::default() })]

        /// Whatever the parameters, a block judged prose (good or near) has the glued
        /// headline the full reading finds: the scan passes over it only in blocks that
        /// cannot be prose.
        #[test]
        fn prose_blocks_have_their_glued_headline(
            headline in proptest::collection::vec("[A-Z][a-z]{1,7}|[a-z]{1,4}", 2..7),
            glued in proptest::sample::select(vec!["RepairsThe", "2019The", "Morning)Some", "GamesBeat", "iPhone", "Repairs The"]),
            rest in proptest::collection::vec(proptest::prelude::prop_oneof![
                3 => "[a-zA-Z]{1,9}",
                1 => proptest::strategy::Strategy::prop_map(proptest::sample::select(vec![
                    "the", "of", "and", "said", "it.", "end.", "why?", "them.”", "so:", "Москва",
                    "政府", "Council", "2019",
                ]), str::to_owned),
            ], 0..40),
            end in proptest::sample::select(vec!["", ".", "!", ":", ";", "?”", " 2019", ")"]),
            min_good_words in 0u32..40,
            min_stop_density in 0.0f32..0.6,
        ) {
            let block = format!("{} {} {}{}", headline.join(" "), glued, rest.join(" "), end);
            if block.len() > super::super::features::DETAILED_BYTES {
                return Ok(());
            }
            let params = Params { min_good_words, min_stop_density, drop_other_stories: true };
            let phrases = Phrases::shared().expect("phrases");
            let info = describe(&block, 0..block.len(), &params, phrases);
            if matches!(info.class, Class::Good | Class::Near) {
                let full = super::super::features::glued_headline_in_full(block.as_bytes());
                proptest::prop_assert_eq!(info.f.glued_headline, full, "{:?}", block);
            }
        }
    }

    fn measure_for_test(block: &str) -> Features {
        super::super::features::measure(block)
    }

    #[test]
    fn chrome_sentences_are_evidence() {
        assert_eq!(
            evidence("Stay up to date with Valmora.\u{a0}Subscribe to our newsletter."),
            Some(Reason::Subscription)
        );
    }
}
