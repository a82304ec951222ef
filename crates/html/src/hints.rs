//! What an element's tag, `class`, `id`, `role` and `itemprop` say about its content:
//! boilerplate of some kind (with the contract's reason) or article text.
//!
//! Class and id values are split into lowercase words at every non-alphanumeric
//! character and at camelCase humps (`relatedStories` → `related`, `stories`), and words
//! are matched whole or by prefix. Whole-word matching is what keeps `ad` from firing on
//! `header` or `load`.

use crate::tags::Tag;

/// Why a block is boilerplate. The names are the stage contract's `reason` vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum Reason {
    Ad = 1,
    Cookie,
    Navigation,
    Related,
    Caption,
    OtherStory,
    CommentForm,
    Metadata,
    Share,
    Subscription,
    Header,
    Footer,
    Other,
}

impl Reason {
    /// The contract's name for the reason.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Reason::Ad => "ad",
            Reason::Cookie => "cookie",
            Reason::Navigation => "navigation",
            Reason::Related => "related",
            Reason::Caption => "caption",
            Reason::OtherStory => "other_story",
            Reason::CommentForm => "comment_form",
            Reason::Metadata => "metadata",
            Reason::Share => "share",
            Reason::Subscription => "subscription",
            Reason::Header => "header",
            Reason::Footer => "footer",
            Reason::Other => "other",
        }
    }
}

/// Evidence carried by one element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hint {
    /// The element looks like boilerplate of this kind.
    pub neg: Option<Reason>,
    /// The negative evidence is strong (semantic tag, ARIA role, unambiguous word).
    pub neg_strong: bool,
    /// Positive evidence: 0 none, 1 weak (`content`, `post`, `text`), 2 strong
    /// (`article-body`, `itemprop=articleBody`, `<article>`).
    pub pos: u8,
}

impl Hint {
    fn neg(&mut self, reason: Reason, strong: bool) {
        // The first negative word wins, except that a strong one replaces a weak one.
        match self.neg {
            None => {
                self.neg = Some(reason);
                self.neg_strong = strong;
            }
            Some(_) if strong && !self.neg_strong => {
                self.neg = Some(reason);
                self.neg_strong = true;
            }
            _ => {}
        }
    }
}

/// The hint a tag gives by itself.
pub(crate) fn tag_hint(tag: Tag) -> Hint {
    let mut h = Hint::default();
    match tag {
        Tag::Nav | Tag::Menu => h.neg(Reason::Navigation, true),
        Tag::Footer => h.neg(Reason::Footer, true),
        Tag::Header => h.neg(Reason::Header, false),
        Tag::Aside => h.neg(Reason::Related, false),
        Tag::Figcaption => h.neg(Reason::Caption, true),
        Tag::Form | Tag::Fieldset => h.neg(Reason::Other, false),
        Tag::Button | Tag::Label | Tag::Legend => h.neg(Reason::Other, false),
        Tag::Address => h.neg(Reason::Metadata, false),
        Tag::Dialog => h.neg(Reason::Other, true),
        Tag::Article => h.pos = 2,
        Tag::Main => h.pos = 1,
        _ => {}
    }
    h
}

/// Adds the evidence of an ARIA `role` value.
pub(crate) fn add_role(h: &mut Hint, role: &[u8]) {
    let role = trim_ascii(role);
    if role.eq_ignore_ascii_case(b"navigation") || role.eq_ignore_ascii_case(b"menubar") {
        h.neg(Reason::Navigation, true);
    } else if role.eq_ignore_ascii_case(b"banner") {
        h.neg(Reason::Header, true);
    } else if role.eq_ignore_ascii_case(b"contentinfo") {
        h.neg(Reason::Footer, true);
    } else if role.eq_ignore_ascii_case(b"complementary") {
        h.neg(Reason::Related, false);
    } else if role.eq_ignore_ascii_case(b"dialog") || role.eq_ignore_ascii_case(b"alertdialog") {
        h.neg(Reason::Other, false);
    } else if role.eq_ignore_ascii_case(b"search") {
        h.neg(Reason::Navigation, false);
    } else if role.eq_ignore_ascii_case(b"main") || role.eq_ignore_ascii_case(b"article") {
        h.pos = h.pos.max(2);
    }
}

/// Adds the evidence of a microdata `itemprop` value.
pub(crate) fn add_itemprop(h: &mut Hint, itemprop: &[u8]) {
    for word in itemprop.split(|b| b.is_ascii_whitespace()) {
        if word.eq_ignore_ascii_case(b"articleBody") || word.eq_ignore_ascii_case(b"text") {
            h.pos = 2;
        } else if word.eq_ignore_ascii_case(b"author")
            || word.eq_ignore_ascii_case(b"datePublished")
            || word.eq_ignore_ascii_case(b"dateModified")
            || word.eq_ignore_ascii_case(b"dateCreated")
        {
            h.neg(Reason::Metadata, true);
        } else if word.eq_ignore_ascii_case(b"comment") {
            h.neg(Reason::CommentForm, true);
        } else if word.eq_ignore_ascii_case(b"caption") {
            h.neg(Reason::Caption, true);
        }
    }
}

/// Adds the evidence of a `class` or `id` value. `scratch` is a reused buffer.
///
/// Within one class name the negative word wins ("article-tags", "post-meta",
/// "entry-footer" are parts around an article). Across class names, a positive class
/// name outweighs weak negative ones ("post category-news tag-election": taxonomy labels
/// on an article's own element). Strong positive evidence needs an article word and a
/// body word in one name ("article-body", "entry-content", "story__text").
#[cfg(test)]
pub(crate) fn add_class(h: &mut Hint, value: &[u8], scratch: &mut Vec<u8>) {
    class_evidence(value, scratch).apply(h);
}

/// What a whole `class` or `id` value says, before it meets the element's other hints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ClassEvidence {
    strong_neg: Option<Reason>,
    weak_neg: Option<Reason>,
    pos_class: bool,
    strong_pos: bool,
}

impl ClassEvidence {
    pub(crate) fn apply(self, h: &mut Hint) {
        if let Some(r) = self.strong_neg {
            h.neg(r, true);
        } else if let Some(r) = self.weak_neg
            && !self.pos_class
        {
            h.neg(r, false);
        }
        if h.neg.is_none() {
            if self.strong_pos {
                h.pos = h.pos.max(2);
            } else if self.pos_class {
                h.pos = h.pos.max(1);
            }
        }
    }
}

/// The evidence of the `class` and `id` values already seen on a page: pages repeat
/// their values (every item of a list, every paragraph of a story) and, across values,
/// their class names ("flex", "mt-4", "card"): each is worked out once.
#[derive(Debug, Default)]
pub(crate) struct ClassCache {
    values: ByteCache<ClassEvidence>,
    names: ByteCache<NameEvidence>,
}

impl ClassCache {
    /// Forgets every value, keeping the memory when it is modest.
    pub(crate) fn clear(&mut self) {
        self.values.clear();
        self.names.clear();
    }

    /// The evidence of `value`, from the cache or worked out (and cached).
    pub(crate) fn evidence(&mut self, value: &[u8], scratch: &mut Vec<u8>) -> ClassEvidence {
        let ClassCache { values, names } = self;
        values.get_or_insert_with(value, || {
            let mut ev = ClassEvidence::default();
            let mut embed = false;
            for_each_class_name(value, |name| {
                let found = names.get_or_insert_with(name, || name_evidence(name, scratch));
                ev.add(found, &mut embed);
            });
            ev.finish(embed)
        })
    }
}

/// Values and class names longer than this are worked out every time (they are rare
/// and seldom repeat).
const MAX_CACHED_KEY: usize = 1024;

/// A map from byte strings (up to [`MAX_CACHED_KEY`] bytes) to small `Copy` values:
/// open addressing over hashes, keys stored one after another in an arena.
#[derive(Debug)]
struct ByteCache<V> {
    arena: Vec<u8>,
    /// `len` is 0 for an empty slot (no empty key is cached).
    slots: Vec<CacheSlot<V>>,
    used: usize,
}

impl<V> Default for ByteCache<V> {
    fn default() -> Self {
        ByteCache {
            arena: Vec::new(),
            slots: Vec::new(),
            used: 0,
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct CacheSlot<V> {
    hash: u64,
    start: u32,
    len: u32,
    value: V,
}

impl<V: Copy + Default> ByteCache<V> {
    /// Empties the cache. Large tables are dropped rather than wiped: wiping costs as
    /// much as their size, and the next page may need little.
    fn clear(&mut self) {
        if self.slots.len() > 4096 || self.arena.capacity() > 1 << 20 {
            *self = ByteCache::default();
        } else {
            self.slots.fill(CacheSlot::default());
            self.arena.clear();
            self.used = 0;
        }
    }

    fn get_or_insert_with(&mut self, key: &[u8], make: impl FnOnce() -> V) -> V {
        if key.is_empty() || key.len() > MAX_CACHED_KEY {
            return make();
        }
        if self.slots.is_empty() {
            self.slots = vec![CacheSlot::default(); 256];
        }
        let hash = hash_bytes(key);
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let Some(slot) = self.slots.get(at) else {
                return make();
            };
            if slot.len == 0 {
                break;
            }
            if slot.hash == hash
                && slot.len as usize == key.len()
                && self
                    .arena
                    .get(slot.start as usize..slot.start as usize + key.len())
                    == Some(key)
            {
                return slot.value;
            }
            at = (at + 1) & mask;
        }
        let value = make();
        let Ok(start) = u32::try_from(self.arena.len()) else {
            return value;
        };
        self.arena.extend_from_slice(key);
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = CacheSlot {
                hash,
                start,
                len: key.len() as u32,
                value,
            };
            self.used += 1;
        }
        if 2 * self.used > self.slots.len() {
            self.grow();
        }
        value
    }

    fn grow(&mut self) {
        let doubled = vec![CacheSlot::default(); 2 * self.slots.len()];
        let old = std::mem::replace(&mut self.slots, doubled);
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.len != 0) {
            let mut at = slot.hash as usize & mask;
            while self.slots.get(at).is_some_and(|s| s.len != 0) {
                at = (at + 1) & mask;
            }
            if let Some(s) = self.slots.get_mut(at) {
                *s = slot;
            }
        }
    }
}

/// A fast non-cryptographic hash of `bytes` (eight bytes at a time).
fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(c).unwrap_or_default());
        h = (h.rotate_left(5) ^ x).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    for (d, &s) in tail.iter_mut().zip(chunks.remainder()) {
        *d = s;
    }
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // Fold the high bits down: the slot index uses the low ones.
    h ^ (h >> 29) ^ (h >> 47)
}

/// Longest class name kept for matching (alphanumeric characters, lowercased).
const MAX_GLUED: usize = 512;

/// Byte flags for splitting class names into words.
mod byte {
    /// `[A-Za-z0-9]`: part of a word.
    pub const ALNUM: u8 = 1 << 0;
    /// `[A-Z]`: starts a word after a lowercase letter or a digit (camelCase). Bit 1,
    /// so that `UPPER << 4` is the ASCII lowercase bit.
    pub const UPPER: u8 = 1 << 1;
    /// `[a-z0-9]`.
    pub const LOWER_OR_DIGIT: u8 = 1 << 2;
    /// ASCII whitespace: separates class names.
    pub const SPACE: u8 = 1 << 3;
}

static BYTE_FLAGS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_uppercase() {
            t[b] = byte::ALNUM | byte::UPPER;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            t[b] = byte::ALNUM | byte::LOWER_OR_DIGIT;
        } else if c.is_ascii_whitespace() {
            t[b] = byte::SPACE;
        }
        b += 1;
    }
    t
};

/// The evidence of a whole `class` or `id` value.
#[cfg(test)]
pub(crate) fn class_evidence(value: &[u8], scratch: &mut Vec<u8>) -> ClassEvidence {
    let mut ev = ClassEvidence::default();
    let mut embed = false;
    for_each_class_name(value, |name| {
        ev.add(name_evidence(name, scratch), &mut embed)
    });
    ev.finish(embed)
}

/// Calls `f` with each class name of `value` (the pieces between ASCII whitespace).
fn for_each_class_name(value: &[u8], mut f: impl FnMut(&[u8])) {
    let mut rest = value;
    loop {
        let start = rest
            .iter()
            .position(|&b| BYTE_FLAGS[b as usize] & byte::SPACE == 0)
            .unwrap_or(rest.len());
        rest = rest.get(start..).unwrap_or_default();
        if rest.is_empty() {
            break;
        }
        let len = rest
            .iter()
            .position(|&b| BYTE_FLAGS[b as usize] & byte::SPACE != 0)
            .unwrap_or(rest.len());
        let (name, tail) = rest.split_at_checked(len).unwrap_or((rest, &[]));
        rest = tail;
        f(name);
    }
}

/// What one class name says by itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct NameEvidence {
    /// The first negative word (a strong one replacing a weak one).
    neg: Option<(Reason, bool)>,
    /// A positive word or an article word with a body word.
    pos: bool,
    strong_pos: bool,
    /// Names an embedded post ("twitter-tweet", "embed--instagram"): quoted content,
    /// not a share button.
    embed: bool,
}

impl ClassEvidence {
    /// Adds the evidence of the next class name of the value.
    fn add(&mut self, name: NameEvidence, embed: &mut bool) {
        *embed |= name.embed;
        match name.neg {
            Some((r, true)) => {
                self.strong_neg.get_or_insert(r);
            }
            Some((r, false)) => {
                if name.pos {
                    // Mixed name: the negative word names a part of the article.
                    self.strong_neg.get_or_insert(r);
                } else {
                    self.weak_neg.get_or_insert(r);
                }
            }
            None => {
                if name.pos {
                    self.pos_class = true;
                    self.strong_pos |= name.strong_pos;
                }
            }
        }
    }

    fn finish(mut self, embed: bool) -> Self {
        if embed {
            self.strong_neg = self.strong_neg.filter(|&r| r != Reason::Share);
            self.weak_neg = self.weak_neg.filter(|&r| r != Reason::Share);
        }
        self
    }
}

/// The evidence of one class name (no whitespace in it).
fn name_evidence(class: &[u8], scratch: &mut Vec<u8>) -> NameEvidence {
    // Room for the glued name and for reading 16 bytes from any position in it.
    if scratch.len() < MAX_GLUED + 16 {
        scratch.resize(MAX_GLUED + 16, 0);
    }
    let mut embed = false;
    // The name's alphanumeric characters, lowercased and glued, and where its words
    // (split at other characters and at camelCase humps) lie among them.
    let mut glued_len = 0usize;
    let mut prev_lower = false;
    let mut words: [(u16, u16); 8] = [(0, 0); 8];
    let mut n_words = 0usize;
    let mut word_start = 0usize;
    if let Some(buf) = scratch
        .get_mut(..MAX_GLUED)
        .and_then(|b| <&mut [u8; MAX_GLUED]>::try_from(b).ok())
    {
        for &b in class {
            let f = BYTE_FLAGS[b as usize];
            let is_alnum = f & byte::ALNUM != 0;
            let hump = f & byte::UPPER != 0 && prev_lower;
            if (!is_alnum || hump) && glued_len > word_start {
                if n_words < words.len() {
                    words[n_words] = (word_start as u16, glued_len as u16);
                    n_words += 1;
                }
                word_start = glued_len;
            }
            if is_alnum && glued_len < MAX_GLUED {
                // `UPPER` is bit 1: shifted to bit 5 it lowercases an ASCII letter.
                buf[glued_len] = b | ((f & byte::UPPER) << 4);
                glued_len += 1;
            }
            prev_lower = f & byte::LOWER_OR_DIGIT != 0;
        }
    }
    if glued_len > word_start && n_words < words.len() {
        words[n_words] = (word_start as u16, glued_len as u16);
        n_words += 1;
    }
    let glued = scratch.get(..glued_len).unwrap_or_default();
    let mut c_pos = false;
    let mut c_strong_pos = false;
    let mut c_article = false;
    let mut c_body = false;
    let mut c_neg: Option<(Reason, bool)> = None;
    let note_neg = |r: Reason, strong: bool, c_neg: &mut Option<(Reason, bool)>| match c_neg {
        None => *c_neg = Some((r, strong)),
        Some((_, false)) if strong => *c_neg = Some((r, true)),
        _ => {}
    };
    match decode(lookup(&GLUED_TABLE, scratch, 0, glued_len)) {
        Some(WordHint::Pos(strong)) => {
            c_pos = true;
            c_strong_pos |= strong;
        }
        Some(WordHint::Neg(r, strong)) => note_neg(r, strong, &mut c_neg),
        None => {}
    }
    for &(s, e) in &words[..n_words] {
        let Some(word) = glued.get(s as usize..e as usize) else {
            continue;
        };
        let found = if might_be_listed(word) {
            lookup(&WORD_TABLE, scratch, s as usize, word.len())
        } else {
            0
        };
        embed |= found & info::EMBED != 0;
        c_article |= found & info::ARTICLE != 0;
        c_body |= found & info::BODY != 0;
        match decode(found).or_else(|| prefix_hint(word)) {
            Some(WordHint::Pos(strong)) => {
                c_pos = true;
                c_strong_pos |= strong;
            }
            Some(WordHint::Neg(r, strong)) => note_neg(r, strong, &mut c_neg),
            None => {}
        }
    }
    if c_article && c_body && n_words <= 4 {
        c_pos = true;
        c_strong_pos = true;
    }
    if names_author_box(glued, &words[..n_words]) {
        note_neg(Reason::Metadata, true, &mut c_neg);
    }
    NameEvidence {
        neg: c_neg,
        pos: c_pos,
        strong_pos: c_strong_pos,
        embed,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordHint {
    Pos(bool),
    Neg(Reason, bool),
}

/// What a word or a glued class name says, packed in a `u16` for the lookup tables.
mod info {
    /// Positive evidence (bits 0-1: 1 weak, 2 strong).
    pub const POS_MASK: u16 = 0b11;
    /// Negative evidence, with its reason in bits 4-7.
    pub const NEG: u16 = 1 << 2;
    /// The negative evidence is strong.
    pub const NEG_STRONG: u16 = 1 << 3;
    /// Where the reason of negative evidence lives.
    pub const REASON_SHIFT: u16 = 4;
    /// The word names an embedded post.
    pub const EMBED: u16 = 1 << 8;
    /// The word names an article ("story", "post").
    pub const ARTICLE: u16 = 1 << 9;
    /// The word names a body of text ("body", "content").
    pub const BODY: u16 = 1 << 10;
}

const fn pos(strong: bool) -> u16 {
    if strong { 2 } else { 1 }
}

const fn neg(reason: Reason, strong: bool) -> u16 {
    info::NEG | if strong { info::NEG_STRONG } else { 0 } | ((reason as u16) << info::REASON_SHIFT)
}

fn decode(found: u16) -> Option<WordHint> {
    if found & info::NEG != 0 {
        let reason = match (found >> info::REASON_SHIFT) & 0xf {
            1 => Reason::Ad,
            2 => Reason::Cookie,
            3 => Reason::Navigation,
            4 => Reason::Related,
            5 => Reason::Caption,
            6 => Reason::OtherStory,
            7 => Reason::CommentForm,
            8 => Reason::Metadata,
            9 => Reason::Share,
            10 => Reason::Subscription,
            11 => Reason::Header,
            12 => Reason::Footer,
            _ => Reason::Other,
        };
        Some(WordHint::Neg(reason, found & info::NEG_STRONG != 0))
    } else {
        match found & info::POS_MASK {
            0 => None,
            p => Some(WordHint::Pos(p == 2)),
        }
    }
}

/// Whole class names (separators removed) that say something only as a whole.
const GLUED_CLASSES: &[(&str, u16)] = &[
    ("articlebody", pos(true)),
    ("storybody", pos(true)),
    ("entrycontent", pos(true)),
    ("postcontent", pos(true)),
    ("articlecontent", pos(true)),
    ("storycontent", pos(true)),
    ("articletext", pos(true)),
    ("storytext", pos(true)),
    ("postbody", pos(true)),
    ("bodytext", pos(true)),
    ("articlebodytext", pos(true)),
    ("mainarticle", pos(true)),
    ("articlecopy", pos(true)),
    ("storyline", pos(true)),
    ("hentry", pos(false)),
    ("hnews", pos(false)),
    ("prose", pos(false)),
    ("richtext", pos(false)),
    ("readmore", neg(Reason::Related, true)),
    ("mostread", neg(Reason::Related, true)),
    ("mostpopular", neg(Reason::Related, true)),
    ("youmaylike", neg(Reason::Related, true)),
    ("morestories", neg(Reason::Related, true)),
    ("morenews", neg(Reason::Related, true)),
    ("alsoread", neg(Reason::Related, true)),
    ("readnext", neg(Reason::Related, true)),
    ("upnext", neg(Reason::Related, true)),
    ("whatsnext", neg(Reason::Related, true)),
    ("morefrom", neg(Reason::Related, true)),
    ("moreon", neg(Reason::Related, true)),
    ("relatedlinks", neg(Reason::Related, true)),
    ("seealso", neg(Reason::Related, true)),
    ("sronly", neg(Reason::Other, true)),
    ("visuallyhidden", neg(Reason::Other, true)),
    ("screenreadertext", neg(Reason::Other, true)),
    ("screenreaderonly", neg(Reason::Other, true)),
    ("hidden", neg(Reason::Other, true)),
    ("hide", neg(Reason::Other, true)),
    ("invisible", neg(Reason::Other, true)),
    ("offscreen", neg(Reason::Other, true)),
    ("adslot", neg(Reason::Ad, true)),
    ("adunit", neg(Reason::Ad, true)),
    ("adcontainer", neg(Reason::Ad, true)),
    ("adwrapper", neg(Reason::Ad, true)),
    ("adblock", neg(Reason::Ad, true)),
    ("dfpad", neg(Reason::Ad, true)),
    ("googleads", neg(Reason::Ad, true)),
    ("adsbygoogle", neg(Reason::Ad, true)),
    ("advertising", neg(Reason::Ad, true)),
    ("skiplink", neg(Reason::Navigation, true)),
    ("skiplinks", neg(Reason::Navigation, true)),
    ("skipnav", neg(Reason::Navigation, true)),
    ("skiptocontent", neg(Reason::Navigation, true)),
    ("wpcaptiontext", neg(Reason::Caption, true)),
    ("imagecaption", neg(Reason::Caption, true)),
    ("photocaption", neg(Reason::Caption, true)),
    ("mediacaption", neg(Reason::Caption, true)),
];

/// Words of class names and ids.
const CLASS_WORDS: &[(&str, u16)] = &[
    ("article", pos(false)),
    ("story", pos(false)),
    ("entry", pos(false)),
    ("post", pos(false)),
    ("content", pos(false)),
    ("main", pos(false)),
    ("text", pos(false)),
    ("blog", pos(false)),
    ("prose", pos(false)),
    ("paragraph", pos(false)),
    ("articlebody", pos(true)),
    ("storybody", pos(true)),
    ("richtext", pos(true)),
    ("bodytext", pos(true)),
    ("ad", neg(Reason::Ad, true)),
    ("ads", neg(Reason::Ad, true)),
    ("adv", neg(Reason::Ad, true)),
    ("advert", neg(Reason::Ad, true)),
    ("advertisement", neg(Reason::Ad, true)),
    ("advertising", neg(Reason::Ad, true)),
    ("adsense", neg(Reason::Ad, true)),
    ("dfp", neg(Reason::Ad, true)),
    ("gpt", neg(Reason::Ad, true)),
    ("sponsor", neg(Reason::Ad, true)),
    ("sponsored", neg(Reason::Ad, true)),
    ("sponsors", neg(Reason::Ad, true)),
    ("sponsorship", neg(Reason::Ad, true)),
    ("promoted", neg(Reason::Ad, true)),
    ("outbrain", neg(Reason::Ad, true)),
    ("taboola", neg(Reason::Ad, true)),
    ("doubleclick", neg(Reason::Ad, true)),
    ("leaderboard", neg(Reason::Ad, true)),
    ("mpu", neg(Reason::Ad, true)),
    ("skyscraper", neg(Reason::Ad, true)),
    ("commercial", neg(Reason::Ad, true)),
    ("adslot", neg(Reason::Ad, true)),
    ("adunit", neg(Reason::Ad, true)),
    ("billboard", neg(Reason::Ad, true)),
    ("banners", neg(Reason::Ad, true)),
    ("promo", neg(Reason::Ad, false)),
    ("promos", neg(Reason::Ad, false)),
    ("promotion", neg(Reason::Ad, false)),
    ("banner", neg(Reason::Ad, false)),
    ("cookie", neg(Reason::Cookie, true)),
    ("cookies", neg(Reason::Cookie, true)),
    ("consent", neg(Reason::Cookie, true)),
    ("gdpr", neg(Reason::Cookie, true)),
    ("onetrust", neg(Reason::Cookie, true)),
    ("cookiebanner", neg(Reason::Cookie, true)),
    ("cmp", neg(Reason::Cookie, true)),
    ("nav", neg(Reason::Navigation, true)),
    ("navbar", neg(Reason::Navigation, true)),
    ("navigation", neg(Reason::Navigation, true)),
    ("menu", neg(Reason::Navigation, true)),
    ("menus", neg(Reason::Navigation, true)),
    ("breadcrumb", neg(Reason::Navigation, true)),
    ("breadcrumbs", neg(Reason::Navigation, true)),
    ("pagination", neg(Reason::Navigation, true)),
    ("pager", neg(Reason::Navigation, true)),
    ("submenu", neg(Reason::Navigation, true)),
    ("megamenu", neg(Reason::Navigation, true)),
    ("hamburger", neg(Reason::Navigation, true)),
    ("dropdown", neg(Reason::Navigation, true)),
    ("toolbar", neg(Reason::Navigation, true)),
    ("topbar", neg(Reason::Navigation, true)),
    ("skip", neg(Reason::Navigation, true)),
    ("sitemap", neg(Reason::Navigation, true)),
    ("navlinks", neg(Reason::Navigation, true)),
    ("related", neg(Reason::Related, true)),
    ("recommended", neg(Reason::Related, true)),
    ("recommendations", neg(Reason::Related, true)),
    ("recommendation", neg(Reason::Related, true)),
    ("popular", neg(Reason::Related, true)),
    ("trending", neg(Reason::Related, true)),
    ("mostread", neg(Reason::Related, true)),
    ("suggested", neg(Reason::Related, true)),
    ("suggestions", neg(Reason::Related, true)),
    ("recirc", neg(Reason::Related, true)),
    ("recirculation", neg(Reason::Related, true)),
    ("also", neg(Reason::Related, true)),
    ("readmore", neg(Reason::Related, true)),
    ("morestories", neg(Reason::Related, true)),
    ("morelinks", neg(Reason::Related, true)),
    ("relatedarticles", neg(Reason::Related, true)),
    ("relatedposts", neg(Reason::Related, true)),
    ("relatedcontent", neg(Reason::Related, true)),
    ("related_posts", neg(Reason::Related, true)),
    ("more", neg(Reason::Related, false)),
    ("next", neg(Reason::Related, false)),
    ("previous", neg(Reason::Related, false)),
    ("prev", neg(Reason::Related, false)),
    ("latest", neg(Reason::Related, false)),
    ("teaser", neg(Reason::OtherStory, false)),
    ("teasers", neg(Reason::OtherStory, false)),
    ("card", neg(Reason::OtherStory, false)),
    ("cards", neg(Reason::OtherStory, false)),
    ("feed", neg(Reason::OtherStory, false)),
    ("river", neg(Reason::OtherStory, false)),
    ("tout", neg(Reason::OtherStory, false)),
    ("touts", neg(Reason::OtherStory, false)),
    ("headlines", neg(Reason::OtherStory, false)),
    ("stories", neg(Reason::OtherStory, false)),
    ("storylist", neg(Reason::OtherStory, false)),
    ("newsfeed", neg(Reason::OtherStory, false)),
    ("carousel", neg(Reason::OtherStory, false)),
    ("slider", neg(Reason::OtherStory, false)),
    ("ticker", neg(Reason::OtherStory, false)),
    ("tiles", neg(Reason::OtherStory, false)),
    ("tile", neg(Reason::OtherStory, false)),
    ("caption", neg(Reason::Caption, true)),
    ("captions", neg(Reason::Caption, true)),
    ("figcaption", neg(Reason::Caption, true)),
    ("credit", neg(Reason::Caption, true)),
    ("credits", neg(Reason::Caption, true)),
    ("photocredit", neg(Reason::Caption, true)),
    ("imagecredit", neg(Reason::Caption, true)),
    ("wpcaption", neg(Reason::Caption, true)),
    ("legend", neg(Reason::Caption, true)),
    ("comment", neg(Reason::CommentForm, true)),
    ("comments", neg(Reason::CommentForm, true)),
    ("disqus", neg(Reason::CommentForm, true)),
    ("respond", neg(Reason::CommentForm, true)),
    ("reply", neg(Reason::CommentForm, true)),
    ("replies", neg(Reason::CommentForm, true)),
    ("discussion", neg(Reason::CommentForm, true)),
    ("commentform", neg(Reason::CommentForm, true)),
    ("conversation", neg(Reason::CommentForm, true)),
    ("livefyre", neg(Reason::CommentForm, true)),
    ("coral", neg(Reason::CommentForm, true)),
    ("byline", neg(Reason::Metadata, false)),
    ("bylines", neg(Reason::Metadata, false)),
    ("author", neg(Reason::Metadata, false)),
    ("authors", neg(Reason::Metadata, false)),
    ("dateline", neg(Reason::Metadata, false)),
    ("timestamp", neg(Reason::Metadata, false)),
    ("pubdate", neg(Reason::Metadata, false)),
    ("published", neg(Reason::Metadata, false)),
    ("updated", neg(Reason::Metadata, false)),
    ("date", neg(Reason::Metadata, false)),
    ("datetime", neg(Reason::Metadata, false)),
    ("time", neg(Reason::Metadata, false)),
    ("meta", neg(Reason::Metadata, false)),
    ("metadata", neg(Reason::Metadata, false)),
    ("postmeta", neg(Reason::Metadata, false)),
    ("entrymeta", neg(Reason::Metadata, false)),
    ("tags", neg(Reason::Metadata, false)),
    ("tag", neg(Reason::Metadata, false)),
    ("tagged", neg(Reason::Metadata, false)),
    ("category", neg(Reason::Metadata, false)),
    ("categories", neg(Reason::Metadata, false)),
    ("kicker", neg(Reason::Metadata, false)),
    ("eyebrow", neg(Reason::Metadata, false)),
    ("readtime", neg(Reason::Metadata, false)),
    ("posted", neg(Reason::Metadata, false)),
    ("contributor", neg(Reason::Metadata, false)),
    ("contributors", neg(Reason::Metadata, false)),
    ("writer", neg(Reason::Metadata, false)),
    ("info", neg(Reason::Metadata, false)),
    ("details", neg(Reason::Metadata, false)),
    ("topics", neg(Reason::Metadata, false)),
    ("keywords", neg(Reason::Metadata, false)),
    ("source", neg(Reason::Metadata, false)),
    ("rubric", neg(Reason::Metadata, false)),
    ("bio", neg(Reason::Metadata, false)),
    ("biography", neg(Reason::Metadata, false)),
    ("profile", neg(Reason::Metadata, false)),
    ("share", neg(Reason::Share, false)),
    ("shares", neg(Reason::Share, false)),
    ("sharing", neg(Reason::Share, false)),
    ("sharebar", neg(Reason::Share, false)),
    ("social", neg(Reason::Share, false)),
    ("socials", neg(Reason::Share, false)),
    ("addthis", neg(Reason::Share, false)),
    ("sociable", neg(Reason::Share, false)),
    ("shareaholic", neg(Reason::Share, false)),
    ("sharethis", neg(Reason::Share, false)),
    ("facebook", neg(Reason::Share, false)),
    ("twitter", neg(Reason::Share, false)),
    ("whatsapp", neg(Reason::Share, false)),
    ("pinterest", neg(Reason::Share, false)),
    ("linkedin", neg(Reason::Share, false)),
    ("follow", neg(Reason::Share, false)),
    ("print", neg(Reason::Share, false)),
    ("email", neg(Reason::Share, false)),
    ("mail", neg(Reason::Share, false)),
    ("tools", neg(Reason::Share, false)),
    ("actions", neg(Reason::Share, false)),
    ("icons", neg(Reason::Share, false)),
    ("reactions", neg(Reason::Share, false)),
    ("newsletter", neg(Reason::Subscription, true)),
    ("newsletters", neg(Reason::Subscription, true)),
    ("subscribe", neg(Reason::Subscription, true)),
    ("subscription", neg(Reason::Subscription, true)),
    ("subscriptions", neg(Reason::Subscription, true)),
    ("signup", neg(Reason::Subscription, true)),
    ("paywall", neg(Reason::Subscription, true)),
    ("register", neg(Reason::Subscription, true)),
    ("registration", neg(Reason::Subscription, true)),
    ("membership", neg(Reason::Subscription, true)),
    ("donate", neg(Reason::Subscription, true)),
    ("donation", neg(Reason::Subscription, true)),
    ("optin", neg(Reason::Subscription, true)),
    ("cta", neg(Reason::Subscription, true)),
    ("login", neg(Reason::Subscription, true)),
    ("signin", neg(Reason::Subscription, true)),
    ("header", neg(Reason::Header, false)),
    ("masthead", neg(Reason::Header, false)),
    ("branding", neg(Reason::Header, false)),
    ("logo", neg(Reason::Header, false)),
    ("topnav", neg(Reason::Header, false)),
    ("siteheader", neg(Reason::Header, false)),
    ("footer", neg(Reason::Footer, false)),
    ("copyright", neg(Reason::Footer, false)),
    ("colophon", neg(Reason::Footer, false)),
    ("siteinfo", neg(Reason::Footer, false)),
    ("legal", neg(Reason::Footer, false)),
    ("sitefooter", neg(Reason::Footer, false)),
    ("disclaimer", neg(Reason::Footer, false)),
    ("footnote", neg(Reason::Footer, false)),
    ("footnotes", neg(Reason::Footer, false)),
    ("modal", neg(Reason::Other, true)),
    ("popup", neg(Reason::Other, true)),
    ("overlay", neg(Reason::Other, true)),
    ("lightbox", neg(Reason::Other, true)),
    ("dialog", neg(Reason::Other, true)),
    ("interstitial", neg(Reason::Other, true)),
    ("sidebar", neg(Reason::Other, false)),
    ("aside", neg(Reason::Other, false)),
    ("rail", neg(Reason::Other, false)),
    ("hidden", neg(Reason::Other, false)),
    ("hide", neg(Reason::Other, false)),
    ("shoutbox", neg(Reason::Other, false)),
    ("combx", neg(Reason::Other, false)),
    ("sronly", neg(Reason::Other, false)),
    ("offscreen", neg(Reason::Other, false)),
    ("visuallyhidden", neg(Reason::Other, false)),
    ("alert", neg(Reason::Other, false)),
    ("notification", neg(Reason::Other, false)),
    ("gallery", neg(Reason::Other, false)),
    ("slideshow", neg(Reason::Other, false)),
    ("video", neg(Reason::Other, false)),
    ("player", neg(Reason::Other, false)),
    ("audio", neg(Reason::Other, false)),
    ("podcast", neg(Reason::Other, false)),
    ("weather", neg(Reason::Other, false)),
    ("search", neg(Reason::Other, false)),
    ("form", neg(Reason::Other, false)),
    ("contact", neg(Reason::Other, false)),
    ("tooltip", neg(Reason::Other, false)),
    // Words that say nothing alone but do in company.
    ("embed", info::EMBED),
    ("embedded", info::EMBED),
    ("tweet", info::EMBED),
    ("instagram", info::EMBED),
    ("tiktok", info::EMBED),
    ("oembed", info::EMBED),
    ("article", info::ARTICLE),
    ("story", info::ARTICLE),
    ("post", info::ARTICLE),
    ("entry", info::ARTICLE),
    ("news", info::ARTICLE),
    ("blog", info::ARTICLE),
    ("body", info::BODY),
    ("text", info::BODY),
    ("content", info::BODY),
    ("copy", info::BODY),
    ("prose", info::BODY),
];

/// Slots of a word table: a power of two, more than twice the entries.
const TABLE_SLOTS: usize = 1024;

/// A table entry: the word's bytes (up to 16) little-endian, its length (0: empty
/// slot) and what it says.
type Entry = (u128, u8, u16);

/// The first 16 bytes of `word`, little-endian, zero-padded.
const fn key_of(word: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut k = 0;
    while k < word.len() && k < 16 {
        key |= (word[k] as u128) << (8 * k);
        k += 1;
    }
    key
}

const fn slot_of(key: u128, len: usize) -> usize {
    let lo = key as u64;
    let hi = (key >> 64) as u64;
    let h = (lo ^ hi.rotate_left(23) ^ (len as u64).wrapping_mul(0xA076_1D64_78BD_642F))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - TABLE_SLOTS.trailing_zeros())) as usize
}

/// An open-addressing table of `words`; a word listed twice gets both meanings.
const fn build_table(lists: &[&[(&str, u16)]]) -> [Entry; TABLE_SLOTS] {
    let mut table = [(0u128, 0u8, 0u16); TABLE_SLOTS];
    let mut count = 0;
    let mut l = 0;
    while l < lists.len() {
        let words = lists[l];
        let mut w = 0;
        while w < words.len() {
            let (word, found) = words[w];
            let bytes = word.as_bytes();
            assert!(!bytes.is_empty() && bytes.len() <= 16);
            let key = key_of(bytes);
            let mut slot = slot_of(key, bytes.len());
            loop {
                let (k, len, _) = table[slot];
                if len == 0 {
                    table[slot] = (key, bytes.len() as u8, found);
                    count += 1;
                    break;
                }
                if k == key && len as usize == bytes.len() {
                    table[slot].2 |= found;
                    break;
                }
                slot = (slot + 1) % TABLE_SLOTS;
            }
            w += 1;
        }
        l += 1;
    }
    assert!(2 * count <= TABLE_SLOTS);
    table
}

static GLUED_TABLE: [Entry; TABLE_SLOTS] = build_table(&[GLUED_CLASSES]);
static WORD_TABLE: [Entry; TABLE_SLOTS] = build_table(&[CLASS_WORDS]);

/// What `table` says about the word `buf[at..at + len]` (lowercase alphanumeric), 0
/// when it is not listed. `buf` is read 16 bytes at a time: it should extend at least 16
/// bytes past the word (a word near its end is copied first).
#[inline]
fn lookup(table: &[Entry; TABLE_SLOTS], buf: &[u8], at: usize, len: usize) -> u16 {
    if len == 0 || len > 16 {
        return 0;
    }
    let sixteen = match buf
        .get(at..at + 16)
        .and_then(|b| <[u8; 16]>::try_from(b).ok())
    {
        Some(b) => b,
        None => {
            let mut b = [0u8; 16];
            for (d, &c) in b.iter_mut().zip(buf.get(at..).unwrap_or_default()) {
                *d = c;
            }
            b
        }
    };
    let mask = if len == 16 {
        u128::MAX
    } else {
        (1u128 << (8 * len)) - 1
    };
    let key = u128::from_le_bytes(sixteen) & mask;
    let mut slot = slot_of(key, len);
    // The table is at most half full, so an empty slot always ends the probe.
    loop {
        match table.get(slot) {
            Some(&(k, l, found)) if l as usize == len && k == key => return found,
            Some(&(_, 0, _)) | None => return 0,
            Some(_) => slot = (slot + 1) % TABLE_SLOTS,
        }
    }
}

/// For each word length (1-16) the first letters of the listed words of that length,
/// as bits (`a` is bit 0, a digit is bit 26): most words of a page's class names
/// ("mt", "px", "col", "lg") are refused without a table lookup.
static LISTED_SHAPES: [u32; 17] = {
    let mut shapes = [0u32; 17];
    let mut w = 0;
    while w < CLASS_WORDS.len() {
        let word = CLASS_WORDS[w].0.as_bytes();
        shapes[word.len()] |= first_letter_bit(word[0]);
        w += 1;
    }
    shapes
};

const fn first_letter_bit(c: u8) -> u32 {
    if c.is_ascii_lowercase() {
        1 << (c - b'a')
    } else {
        1 << 26
    }
}

/// Whether `word` (lowercase alphanumeric) may be in [`CLASS_WORDS`] or start with one
/// of the prefixes of [`prefix_hint`] (all of five letters or more).
#[inline]
fn might_be_listed(word: &[u8]) -> bool {
    match word.first() {
        Some(&c) => {
            word.len() >= 5
                || LISTED_SHAPES
                    .get(word.len())
                    .is_some_and(|&shape| shape & first_letter_bit(c) != 0)
        }
        None => false,
    }
}

/// Prefixes for families of words ("advertorial", "sponsoredlinks", "commenting",
/// "subscriber", "socialshare", "newsletterform"). None is a prefix of another, so at
/// most one applies.
/// Whether a class name (its glued lowercase letters and its words' ranges) names a
/// box about the author ("author-bio", "about_author", "authorBox", "author-card"): a
/// biography set after (or beside) the article, boilerplate however long its prose,
/// unlike a plain "author" class, which may name a byline inside the text.
fn names_author_box(glued: &[u8], words: &[(u16, u16)]) -> bool {
    const AUTHOR: &[&[u8]] = &[b"author", b"authors", b"writer", b"contributor"];
    const BOX: &[&[u8]] = &[
        b"bio",
        b"bios",
        b"biography",
        b"about",
        b"box",
        b"card",
        b"desc",
        b"description",
        b"profile",
        b"details",
        b"info",
    ];
    const GLUED: &[&[u8]] = &[
        b"authorbio",
        b"authorbox",
        b"authorinfo",
        b"authorcard",
        b"authorprofile",
        b"authordescription",
        b"aboutauthor",
        b"abouttheauthor",
        b"aboutthewriter",
    ];
    if GLUED.contains(&glued) {
        return true;
    }
    let word = |&(s, e): &(u16, u16)| glued.get(s as usize..e as usize).unwrap_or_default();
    words.iter().any(|w| AUTHOR.contains(&word(w))) && words.iter().any(|w| BOX.contains(&word(w)))
}

fn prefix_hint(w: &[u8]) -> Option<WordHint> {
    use Reason::*;
    let candidates: &[(&[u8], Reason, bool)] = match w.first()? {
        b'a' => &[(b"advert", Ad, true)],
        b'b' => &[
            (b"breadcrumb", Navigation, true),
            (b"byline", Metadata, true),
        ],
        b'c' => &[
            (b"cookie", Cookie, true),
            (b"consent", Cookie, true),
            (b"caption", Caption, true),
            (b"comment", CommentForm, true),
        ],
        b'd' => &[(b"disqus", CommentForm, true)],
        b'f' => &[(b"footer", Footer, false)],
        b'n' => &[
            (b"navig", Navigation, true),
            (b"newsletter", Subscription, true),
        ],
        b'p' => &[(b"paywall", Subscription, true)],
        b'r' => &[(b"recommend", Related, true), (b"related", Related, true)],
        b's' => &[
            (b"sponsor", Ad, true),
            (b"social", Share, false),
            (b"share", Share, false),
            (b"subscri", Subscription, true),
            (b"sidebar", Other, false),
        ],
        _ => return None,
    };
    candidates
        .iter()
        .find(|(p, _, _)| w.starts_with(p))
        .map(|&(_, r, s)| WordHint::Neg(r, s))
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The code the table-driven matching replaced: the new code must agree with it.
    /// Adds the evidence of a `class` or `id` value. `scratch` is a reused buffer.
    ///
    /// Within one class name the negative word wins ("article-tags", "post-meta",
    /// "entry-footer" are parts around an article). Across class names, a positive class
    /// name outweighs weak negative ones ("post category-news tag-election": taxonomy labels
    /// on an article's own element). Strong positive evidence needs an article word and a
    /// body word in one name ("article-body", "entry-content", "story__text").
    fn reference_add_class(h: &mut Hint, value: &[u8], scratch: &mut Vec<u8>) {
        let mut pos_class = false;
        let mut strong_pos = false;
        let mut strong_neg: Option<Reason> = None;
        let mut weak_neg: Option<Reason> = None;
        // An embedded post ("twitter-tweet", "embed--instagram") is quoted content, not a
        // share button.
        let mut embed = false;
        for class in value.split(|b| b.is_ascii_whitespace()) {
            if class.is_empty() {
                continue;
            }
            scratch.clear();
            let mut prev_lower = false;
            let mut words: [(u16, u16); 8] = [(0, 0); 8];
            let mut n_words = 0usize;
            let mut word_start = 0usize;
            for &b in class {
                let is_alnum = b.is_ascii_alphanumeric();
                let hump = b.is_ascii_uppercase() && prev_lower;
                if (!is_alnum || hump) && scratch.len() > word_start {
                    if n_words < words.len() {
                        words[n_words] = (word_start as u16, scratch.len() as u16);
                        n_words += 1;
                    }
                    word_start = scratch.len();
                }
                if is_alnum && scratch.len() < 512 {
                    scratch.push(b.to_ascii_lowercase());
                }
                prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            }
            if scratch.len() > word_start && n_words < words.len() {
                words[n_words] = (word_start as u16, scratch.len() as u16);
                n_words += 1;
            }
            let glued = scratch.as_slice();
            let mut c_pos = false;
            let mut c_strong_pos = false;
            let mut c_article = false;
            let mut c_body = false;
            let mut c_neg: Option<(Reason, bool)> = None;
            let note_neg = |r: Reason, strong: bool, c_neg: &mut Option<(Reason, bool)>| match c_neg
            {
                None => *c_neg = Some((r, strong)),
                Some((_, false)) if strong => *c_neg = Some((r, true)),
                _ => {}
            };
            match reference_glued_class(glued) {
                Some(WordHint::Pos(strong)) => {
                    c_pos = true;
                    c_strong_pos |= strong;
                }
                Some(WordHint::Neg(r, strong)) => note_neg(r, strong, &mut c_neg),
                None => {}
            }
            for &(s, e) in &words[..n_words] {
                let Some(word) = glued.get(s as usize..e as usize) else {
                    continue;
                };
                match word {
                    b"embed" | b"embedded" | b"tweet" | b"instagram" | b"tiktok" | b"oembed" => {
                        embed = true
                    }
                    b"article" | b"story" | b"post" | b"entry" | b"news" | b"blog" => {
                        c_article = true
                    }
                    b"body" | b"text" | b"content" | b"copy" | b"prose" => c_body = true,
                    _ => {}
                }
                match reference_word_hint(word) {
                    Some(WordHint::Pos(strong)) => {
                        c_pos = true;
                        c_strong_pos |= strong;
                    }
                    Some(WordHint::Neg(r, strong)) => note_neg(r, strong, &mut c_neg),
                    None => {}
                }
            }
            if c_article && c_body && n_words <= 4 {
                c_pos = true;
                c_strong_pos = true;
            }
            let listed = |w: &[u8]| match w {
                b"author" | b"authors" | b"writer" | b"contributor" => 1,
                b"bio" | b"bios" | b"biography" | b"about" | b"box" | b"card" | b"desc"
                | b"description" | b"profile" | b"details" | b"info" => 2,
                _ => 0,
            };
            let kinds = words[..n_words].iter().fold(0, |k, &(s, e)| {
                k | glued.get(s as usize..e as usize).map_or(0, listed)
            });
            let glued_box = matches!(
                glued,
                b"authorbio"
                    | b"authorbox"
                    | b"authorinfo"
                    | b"authorcard"
                    | b"authorprofile"
                    | b"authordescription"
                    | b"aboutauthor"
                    | b"abouttheauthor"
                    | b"aboutthewriter"
            );
            if kinds == 3 || glued_box {
                note_neg(Reason::Metadata, true, &mut c_neg);
            }
            match c_neg {
                Some((r, true)) => {
                    strong_neg.get_or_insert(r);
                }
                Some((r, false)) => {
                    if c_pos {
                        // Mixed name: the negative word names a part of the article.
                        strong_neg.get_or_insert(r);
                    } else {
                        weak_neg.get_or_insert(r);
                    }
                }
                None => {
                    if c_pos {
                        pos_class = true;
                        strong_pos |= c_strong_pos;
                    }
                }
            }
        }
        if embed {
            strong_neg = strong_neg.filter(|&r| r != Reason::Share);
            weak_neg = weak_neg.filter(|&r| r != Reason::Share);
        }
        if let Some(r) = strong_neg {
            h.neg(r, true);
        } else if let Some(r) = weak_neg
            && !pos_class
        {
            h.neg(r, false);
        }
        if h.neg.is_none() {
            if strong_pos {
                h.pos = h.pos.max(2);
            } else if pos_class {
                h.pos = h.pos.max(1);
            }
        }
    }

    /// Whole class names (separators removed) that say something only as a whole.
    fn reference_glued_class(c: &[u8]) -> Option<WordHint> {
        use Reason::*;
        use WordHint::*;
        Some(match c {
            b"articlebody" | b"storybody" | b"entrycontent" | b"postcontent"
            | b"articlecontent" | b"storycontent" | b"articletext" | b"storytext" | b"postbody"
            | b"bodytext" | b"articlebodytext" | b"mainarticle" | b"articlecopy" | b"storyline" => {
                Pos(true)
            }
            b"hentry" | b"hnews" | b"prose" | b"richtext" => Pos(false),
            b"readmore" | b"mostread" | b"mostpopular" | b"youmaylike" | b"morestories"
            | b"morenews" | b"alsoread" | b"readnext" | b"upnext" | b"whatsnext" | b"morefrom"
            | b"moreon" | b"relatedlinks" | b"seealso" => Neg(Related, true),
            b"sronly" | b"visuallyhidden" | b"screenreadertext" | b"screenreaderonly"
            | b"hidden" | b"hide" | b"invisible" | b"offscreen" => Neg(Other, true),
            b"adslot" | b"adunit" | b"adcontainer" | b"adwrapper" | b"adblock" | b"dfpad"
            | b"googleads" | b"adsbygoogle" | b"advertising" => Neg(Ad, true),
            b"skiplink" | b"skiplinks" | b"skipnav" | b"skiptocontent" => Neg(Navigation, true),
            b"wpcaptiontext" | b"imagecaption" | b"photocaption" | b"mediacaption" => {
                Neg(Caption, true)
            }
            _ => return None,
        })
    }

    /// One word of a class or id.
    fn reference_word_hint(w: &[u8]) -> Option<WordHint> {
        use Reason::*;
        use WordHint::*;
        let exact = match w {
            b"article" | b"story" | b"entry" | b"post" => Some(Pos(false)),
            b"content" | b"main" | b"text" | b"blog" | b"prose" | b"paragraph" => Some(Pos(false)),
            b"articlebody" | b"storybody" | b"richtext" | b"bodytext" => Some(Pos(true)),
            b"ad" | b"ads" | b"adv" | b"advert" | b"advertisement" | b"advertising"
            | b"adsense" | b"dfp" | b"gpt" | b"sponsor" | b"sponsored" | b"sponsors"
            | b"sponsorship" | b"promoted" | b"outbrain" | b"taboola" | b"doubleclick"
            | b"leaderboard" | b"mpu" | b"skyscraper" | b"commercial" | b"adslot" | b"adunit"
            | b"billboard" | b"banners" => Some(Neg(Ad, true)),
            b"promo" | b"promos" | b"promotion" | b"banner" => Some(Neg(Ad, false)),
            b"cookie" | b"cookies" | b"consent" | b"gdpr" | b"onetrust" | b"cookiebanner"
            | b"cmp" => Some(Neg(Cookie, true)),
            b"nav" | b"navbar" | b"navigation" | b"menu" | b"menus" | b"breadcrumb"
            | b"breadcrumbs" | b"pagination" | b"pager" | b"submenu" | b"megamenu"
            | b"hamburger" | b"dropdown" | b"toolbar" | b"topbar" | b"skip" | b"sitemap"
            | b"navlinks" => Some(Neg(Navigation, true)),
            b"related" | b"recommended" | b"recommendations" | b"recommendation" | b"popular"
            | b"trending" | b"mostread" | b"suggested" | b"suggestions" | b"recirc"
            | b"recirculation" | b"also" | b"readmore" | b"morestories" | b"morelinks"
            | b"relatedarticles" | b"relatedposts" | b"relatedcontent" | b"related_posts" => {
                Some(Neg(Related, true))
            }
            b"more" | b"next" | b"previous" | b"prev" | b"latest" => Some(Neg(Related, false)),
            b"teaser" | b"teasers" | b"card" | b"cards" | b"feed" | b"river" | b"tout"
            | b"touts" | b"headlines" | b"stories" | b"storylist" | b"newsfeed" | b"carousel"
            | b"slider" | b"ticker" | b"tiles" | b"tile" => Some(Neg(OtherStory, false)),
            b"caption" | b"captions" | b"figcaption" | b"credit" | b"credits" | b"photocredit"
            | b"imagecredit" | b"wpcaption" | b"legend" => Some(Neg(Caption, true)),
            b"comment" | b"comments" | b"disqus" | b"respond" | b"reply" | b"replies"
            | b"discussion" | b"commentform" | b"conversation" | b"livefyre" | b"coral" => {
                Some(Neg(CommentForm, true))
            }
            b"byline" | b"bylines" | b"author" | b"authors" | b"dateline" | b"timestamp"
            | b"pubdate" | b"published" | b"updated" | b"date" | b"datetime" | b"time"
            | b"meta" | b"metadata" | b"postmeta" | b"entrymeta" | b"tags" | b"tag" | b"tagged"
            | b"category" | b"categories" | b"kicker" | b"eyebrow" | b"readtime" | b"posted"
            | b"contributor" | b"contributors" | b"writer" | b"info" | b"details" | b"topics"
            | b"keywords" | b"source" | b"rubric" | b"bio" | b"biography" | b"profile" => {
                Some(Neg(Metadata, false))
            }
            b"share" | b"shares" | b"sharing" | b"sharebar" | b"social" | b"socials"
            | b"addthis" | b"sociable" | b"shareaholic" | b"sharethis" | b"facebook"
            | b"twitter" | b"whatsapp" | b"pinterest" | b"linkedin" | b"follow" | b"print"
            | b"email" | b"mail" | b"tools" | b"actions" | b"icons" | b"reactions" => {
                Some(Neg(Share, false))
            }
            b"newsletter" | b"newsletters" | b"subscribe" | b"subscription" | b"subscriptions"
            | b"signup" | b"paywall" | b"register" | b"registration" | b"membership"
            | b"donate" | b"donation" | b"optin" | b"cta" | b"login" | b"signin" => {
                Some(Neg(Subscription, true))
            }
            b"header" | b"masthead" | b"branding" | b"logo" | b"topnav" | b"siteheader" => {
                Some(Neg(Header, false))
            }
            b"footer" | b"copyright" | b"colophon" | b"siteinfo" | b"legal" | b"sitefooter"
            | b"disclaimer" | b"footnote" | b"footnotes" => Some(Neg(Footer, false)),
            b"modal" | b"popup" | b"overlay" | b"lightbox" | b"dialog" | b"interstitial" => {
                Some(Neg(Other, true))
            }
            b"sidebar" | b"aside" | b"rail" | b"hidden" | b"hide" | b"shoutbox" | b"combx"
            | b"sronly" | b"offscreen" | b"visuallyhidden" | b"alert" | b"notification"
            | b"gallery" | b"slideshow" | b"video" | b"player" | b"audio" | b"podcast"
            | b"weather" | b"search" | b"form" | b"contact" | b"tooltip" => Some(Neg(Other, false)),
            _ => None,
        };
        if exact.is_some() {
            return exact;
        }
        // Prefixes for families of words ("advertorial", "sponsoredlinks", "commenting",
        // "subscriber", "socialshare", "newsletterform").
        const PREFIXES: &[(&[u8], Reason, bool)] = &[
            (b"advert", Reason::Ad, true),
            (b"sponsor", Reason::Ad, true),
            (b"cookie", Reason::Cookie, true),
            (b"consent", Reason::Cookie, true),
            (b"breadcrumb", Reason::Navigation, true),
            (b"navig", Reason::Navigation, true),
            (b"recommend", Reason::Related, true),
            (b"related", Reason::Related, true),
            (b"caption", Reason::Caption, true),
            (b"comment", Reason::CommentForm, true),
            (b"disqus", Reason::CommentForm, true),
            (b"byline", Reason::Metadata, true),
            (b"social", Reason::Share, false),
            (b"share", Reason::Share, false),
            (b"newsletter", Reason::Subscription, true),
            (b"subscri", Reason::Subscription, true),
            (b"paywall", Reason::Subscription, true),
            (b"footer", Reason::Footer, false),
            (b"sidebar", Reason::Other, false),
        ];
        PREFIXES
            .iter()
            .find(|(p, _, _)| w.starts_with(p))
            .map(|&(_, r, s)| Neg(r, s))
    }

    fn class_value() -> impl Strategy<Value = String> {
        let words: Vec<&'static str> = GLUED_CLASSES
            .iter()
            .chain(CLASS_WORDS)
            .map(|&(w, _)| w)
            .chain([
                "Article",
                "Body",
                "relatedStories",
                "div-gpt-ad",
                "socialShare",
                "x",
                "bio",
                "about",
                "box",
                "writer",
                "profile",
                "authorBio",
                "abouttheauthor",
            ])
            .collect();
        let piece = prop_oneof![
            proptest::sample::select(words).prop_map(str::to_owned),
            proptest::sample::select(vec!["-", "_", "__", " ", "  ", "\t", "9", "é", "--"])
                .prop_map(str::to_owned),
            "[a-zA-Z0-9_-]{1,10}",
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn table_matching_agrees_with_the_reference(value in class_value(), start in 0usize..4) {
            let before = match start {
                0 => Hint::default(),
                1 => tag_hint(Tag::Header),
                2 => tag_hint(Tag::Article),
                _ => tag_hint(Tag::Nav),
            };
            let (mut fast, mut slow) = (before, before);
            add_class(&mut fast, value.as_bytes(), &mut Vec::new());
            reference_add_class(&mut slow, value.as_bytes(), &mut Vec::new());
            prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn cached_evidence_is_the_evidence() {
        let mut cache = ClassCache::default();
        let mut scratch = Vec::new();
        let values: Vec<String> = (0..2000)
            .map(|i| match i % 5 {
                0 => format!("related-{i}"),
                1 => format!("story-body c{i}"),
                2 => "nav-item".to_owned(),
                3 => format!("ad-slot x{}", i % 7),
                _ => "p".repeat(i % 40 + 1).to_string(),
            })
            .chain(["a".repeat(2000), String::new(), " ".to_owned()])
            .collect();
        for round in 0..2 {
            for v in &values {
                let want = class_evidence(v.as_bytes(), &mut Vec::new());
                assert_eq!(
                    cache.evidence(v.as_bytes(), &mut scratch),
                    want,
                    "{v} {round}"
                );
            }
        }
        assert!(cache.values.slots.len() >= 2 * cache.values.used);
        assert!(cache.names.used > 0);
    }

    #[test]
    fn every_listed_word_is_found() {
        let find = |table, w: &[u8]| lookup(table, w, 0, w.len());
        for &(w, found) in CLASS_WORDS {
            assert_eq!(find(&WORD_TABLE, w.as_bytes()) & found, found, "{w}");
        }
        for &(w, found) in GLUED_CLASSES {
            assert_eq!(find(&GLUED_TABLE, w.as_bytes()), found, "{w}");
        }
        assert_eq!(find(&WORD_TABLE, b"articles"), 0);
        assert_eq!(find(&WORD_TABLE, b""), 0);
        assert_eq!(
            lookup(&WORD_TABLE, b"xxnavxx", 2, 3),
            lookup(&WORD_TABLE, b"nav", 0, 3)
        );
    }

    fn class(v: &str) -> Hint {
        let mut h = Hint::default();
        add_class(&mut h, v.as_bytes(), &mut Vec::new());
        h
    }

    #[test]
    fn splits_words_and_humps() {
        assert_eq!(class("relatedStories").neg, Some(Reason::Related));
        assert_eq!(class("c-article-body__content").pos, 2);
        assert_eq!(class("story").pos, 1);
        assert_eq!(class("site-header").neg, Some(Reason::Header));
        assert_eq!(class("div-gpt-ad-123").neg, Some(Reason::Ad));
        assert_eq!(class("shadow loading").neg, None);
        assert_eq!(class("headline").neg, None);
        assert_eq!(class("cookie-banner").neg, Some(Reason::Cookie));
        assert_eq!(class("wp-caption-text").neg, Some(Reason::Caption));
        assert_eq!(class("articleBody").pos, 2);
    }

    #[test]
    fn author_boxes_are_strong_metadata_hints() {
        for value in [
            "author-bio",
            "about-the-author",
            "entry-author author-box",
            "better-author-bio-div-meta",
            "authorBio",
            "abouttheauthor",
            "writer_profile",
        ] {
            let h = class(value);
            assert_eq!(h.neg, Some(Reason::Metadata), "{value}");
            assert!(h.neg_strong, "{value}");
        }
        // A plain author class (a byline) stays a weak hint.
        let h = class("author vcard");
        assert_eq!(h.neg, Some(Reason::Metadata));
        assert!(!h.neg_strong);
        assert_eq!(class("about-us").neg, None);
    }

    #[test]
    fn taxonomy_classes_do_not_hide_the_article() {
        let h = class("post type-post status-publish category-news tag-election hentry");
        assert_eq!(h.neg, None);
        assert_eq!(h.pos, 1);
        let h = class("ArticlePage-tagsActions");
        assert_eq!(h.neg, Some(Reason::Metadata));
        assert_eq!(class("cli-modal-body").neg, Some(Reason::Other));
        assert_eq!(class("entry-content").pos, 2);
        assert_eq!(class("HeroTextBelow-description").pos, 1);
    }

    #[test]
    fn strong_negative_replaces_weak() {
        let h = class("promo newsletter-signup");
        assert_eq!(h.neg, Some(Reason::Subscription));
        assert!(h.neg_strong);
    }
}
