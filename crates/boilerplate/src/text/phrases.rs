//! The phrases of page chrome: the words a site's interface (not its journalists) puts
//! on the page, found with one Aho-Corasick automaton (ASCII case-insensitive).
//!
//! Each phrase has a reason and a strength. A *strong* phrase ("we use cookies",
//! "your email address will not be published", "Getty Images") marks a block as chrome
//! even when it is a long sentence. A *weak* one ("share", "related", "subscribe")
//! only marks a block that is little more than the phrase itself, because the same
//! words occur in articles ("shares fell", "a related case"). A *marker* is a weak
//! phrase that, standing alone, opens a section of the page ("Related Articles",
//! "Leave a Reply") whose reason carries over to the blocks after it.

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind};

use crate::model::Reason;

/// How much a phrase proves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Chrome even inside a long sentence.
    Strong,
    /// Chrome only when the block is mostly this phrase.
    Weak,
    /// Weak, and when alone it opens a section of that reason.
    Marker,
}

use Reason::*;
use Strength::*;

/// The phrase table: `(phrase, reason, strength)`. Phrases are matched on word
/// boundaries where they begin or end with a letter or digit.
const PHRASES: &[(&str, Reason, Strength)] = &[
    // Advertising and partner content.
    ("advertisement", Ad, Weak),
    ("advertisements", Ad, Weak),
    ("advert", Ad, Weak),
    ("advertising", Ad, Weak),
    ("sponsored", Ad, Weak),
    ("sponsored content", Ad, Weak),
    ("sponsored links", Ad, Weak),
    ("paid content", Ad, Weak),
    ("partner content", Ad, Weak),
    ("our partners", Ad, Weak),
    ("from our partners", Ad, Weak),
    ("promoted", Ad, Weak),
    ("promoted stories", Ad, Weak),
    ("ad feedback", Ad, Weak),
    ("reader-supported", Ad, Strong),
    ("affiliate commission", Ad, Strong),
    ("affiliate links", Ad, Strong),
    ("earn a commission", Ad, Strong),
    ("may earn a commission", Ad, Strong),
    ("affiliate advertising program", Ad, Strong),
    ("story continues below advertisement", Ad, Strong),
    ("article continues below advertisement", Ad, Strong),
    ("continue reading below", Ad, Strong),
    ("continue reading the main story", Ad, Strong),
    ("story continues below", Ad, Strong),
    ("article continues below", Ad, Strong),
    ("skip advert", Ad, Weak),
    ("advertise with us", Footer, Weak),
    ("advertise", Footer, Weak),
    // Cookie and consent banners.
    ("cookie", Cookie, Weak),
    ("cookies", Cookie, Weak),
    ("we use cookies", Cookie, Strong),
    ("uses cookies", Cookie, Strong),
    ("use of cookies", Cookie, Strong),
    ("cookie policy", Cookie, Strong),
    ("cookie settings", Cookie, Strong),
    ("cookie preferences", Cookie, Strong),
    ("cookie notice", Cookie, Strong),
    ("accept cookies", Cookie, Strong),
    ("accept all cookies", Cookie, Strong),
    ("accept all", Cookie, Weak),
    ("i accept", Cookie, Weak),
    ("manage consent", Cookie, Weak),
    ("manage preferences", Cookie, Weak),
    ("privacy settings", Cookie, Weak),
    ("by continuing to use", Cookie, Strong),
    ("by continuing to browse", Cookie, Strong),
    ("by using this site", Cookie, Strong),
    ("by using this website", Cookie, Strong),
    ("by using our site", Cookie, Strong),
    ("this site uses", Cookie, Strong),
    ("this website uses", Cookie, Strong),
    // Sharing.
    ("share", Share, Weak),
    ("shares", Share, Weak),
    ("share this", Share, Weak),
    ("share this article", Share, Weak),
    ("share this story", Share, Weak),
    ("share on facebook", Share, Weak),
    ("share on twitter", Share, Weak),
    ("share via email", Share, Weak),
    ("share this on facebook", Share, Weak),
    ("share this on twitter", Share, Weak),
    ("sharing options", Share, Weak),
    ("share all sharing options", Share, Strong),
    ("tweet", Share, Weak),
    ("tweet this", Share, Weak),
    ("facebook", Share, Weak),
    ("twitter", Share, Weak),
    ("whatsapp", Share, Weak),
    ("linkedin", Share, Weak),
    ("pinterest", Share, Weak),
    ("reddit", Share, Weak),
    ("flipboard", Share, Weak),
    ("pocket", Share, Weak),
    ("telegram", Share, Weak),
    ("email", Share, Weak),
    ("print", Share, Weak),
    ("copy link", Share, Weak),
    ("copy url", Share, Weak),
    ("link copied", Share, Weak),
    ("follow us", Share, Weak),
    ("follow us on", Share, Weak),
    // Subscriptions, sign-in, apps.
    ("subscribe", Subscription, Weak),
    ("subscribe now", Subscription, Weak),
    ("subscribe to our newsletter", Subscription, Strong),
    ("subscribe to our", Subscription, Strong),
    ("subscribe for", Subscription, Weak),
    ("subscriber", Subscription, Weak),
    ("subscribers", Subscription, Weak),
    ("subscription", Subscription, Weak),
    ("already a subscriber", Subscription, Strong),
    ("sign up", Subscription, Weak),
    ("sign up for our", Subscription, Strong),
    ("sign up to our", Subscription, Strong),
    ("sign up for the", Subscription, Weak),
    ("sign in", Subscription, Weak),
    ("sign out", Subscription, Weak),
    ("log in", Subscription, Weak),
    ("log out", Subscription, Weak),
    ("login", Subscription, Weak),
    ("logout", Subscription, Weak),
    ("register", Subscription, Weak),
    ("create account", Subscription, Weak),
    ("create an account", Subscription, Weak),
    ("my account", Subscription, Weak),
    ("newsletter", Subscription, Weak),
    ("newsletters", Subscription, Weak),
    ("delivered to your inbox", Subscription, Strong),
    ("straight to your inbox", Subscription, Strong),
    ("in your inbox", Subscription, Weak),
    ("your inbox", Subscription, Weak),
    ("get the app", Subscription, Weak),
    ("download the app", Subscription, Weak),
    ("download our app", Subscription, Weak),
    ("free trial", Subscription, Weak),
    ("unlimited access", Subscription, Weak),
    ("unlimited digital access", Subscription, Strong),
    ("support our journalism", Subscription, Weak),
    ("support independent journalism", Subscription, Weak),
    ("become a member", Subscription, Weak),
    ("donate", Subscription, Weak),
    ("thanks for signing up", Subscription, Strong),
    ("thank you for signing up", Subscription, Strong),
    ("protected by recaptcha", Subscription, Strong),
    ("successfully subscribed", Subscription, Strong),
    ("thank you for subscribing", Subscription, Strong),
    ("thanks for subscribing", Subscription, Strong),
    ("confirm your subscription", Subscription, Strong),
    ("activate your subscription", Subscription, Strong),
    ("activation link", Subscription, Weak),
    ("stay up to date", Subscription, Weak),
    ("stay informed", Subscription, Weak),
    // Navigation.
    ("home", Navigation, Weak),
    ("homepage", Navigation, Weak),
    ("menu", Navigation, Weak),
    ("main menu", Navigation, Weak),
    ("search", Navigation, Weak),
    ("site search", Navigation, Weak),
    ("search form", Navigation, Weak),
    ("skip to content", Navigation, Weak),
    ("skip to main content", Navigation, Weak),
    ("skip to navigation", Navigation, Weak),
    ("toggle navigation", Navigation, Weak),
    ("navigation", Navigation, Weak),
    ("back to top", Navigation, Weak),
    ("back to top button", Navigation, Weak),
    ("go to top", Navigation, Weak),
    ("scroll to top", Navigation, Weak),
    ("next article", Navigation, Weak),
    ("previous article", Navigation, Weak),
    ("next story", Navigation, Weak),
    ("previous story", Navigation, Weak),
    ("next post", Navigation, Weak),
    ("previous post", Navigation, Weak),
    ("next", Navigation, Weak),
    ("previous", Navigation, Weak),
    ("prev", Navigation, Weak),
    ("close", Navigation, Weak),
    ("more", Navigation, Weak),
    ("see all", Navigation, Weak),
    ("view all", Navigation, Weak),
    ("show more", Navigation, Weak),
    ("load more", Navigation, Weak),
    ("learn more", Navigation, Weak),
    ("read more", Navigation, Weak),
    ("continue reading", Navigation, Weak),
    ("click here", Navigation, Weak),
    ("click here to", Navigation, Strong),
    ("you are here", Navigation, Weak),
    ("you are at", Navigation, Weak),
    ("sections", Navigation, Weak),
    ("tags", Navigation, Weak),
    ("topics", Navigation, Weak),
    ("categories", Navigation, Weak),
    ("filed under", Navigation, Weak),
    ("watch live", Navigation, Weak),
    ("live tv", Navigation, Weak),
    ("video", Navigation, Weak),
    ("videos", Navigation, Weak),
    ("photos", Navigation, Weak),
    ("podcasts", Navigation, Weak),
    ("loading", Navigation, Weak),
    ("play video", Navigation, Weak),
    ("open", Navigation, Weak),
    ("play", Navigation, Weak),
    ("settings", Navigation, Weak),
    ("account", Navigation, Weak),
    ("help", Navigation, Weak),
    ("quick links", Navigation, Marker),
    ("useful links", Navigation, Marker),
    // Links to other articles.
    ("related", Related, Marker),
    ("related articles", Related, Marker),
    ("related stories", Related, Marker),
    ("related posts", Related, Marker),
    ("related content", Related, Marker),
    ("related news", Related, Marker),
    ("related coverage", Related, Marker),
    ("related topics", Related, Marker),
    ("related tags", Related, Marker),
    ("read also", Related, Marker),
    ("also read", Related, Marker),
    ("read next", Related, Marker),
    ("see also", Related, Marker),
    ("more from", Related, Marker),
    ("more on", Related, Marker),
    ("more stories", Related, Marker),
    ("more news", Related, Marker),
    ("more articles", Related, Marker),
    ("more videos", Related, Marker),
    ("recommended", Related, Marker),
    ("recommended for you", Related, Marker),
    ("recommended stories", Related, Marker),
    ("you may also like", Related, Marker),
    ("you might also like", Related, Marker),
    ("you may like", Related, Marker),
    ("you might like", Related, Marker),
    ("we recommend", Related, Marker),
    ("most read", Related, Marker),
    ("most popular", Related, Marker),
    ("most viewed", Related, Marker),
    ("most shared", Related, Marker),
    ("popular", Related, Marker),
    ("popular now", Related, Marker),
    ("trending", Related, Marker),
    ("trending now", Related, Marker),
    ("top stories", Related, Marker),
    ("latest news", Related, Marker),
    ("latest stories", Related, Marker),
    ("latest", Related, Marker),
    ("editor's picks", Related, Marker),
    ("editors' picks", Related, Marker),
    ("don't miss", Related, Marker),
    ("up next", Related, Marker),
    ("watch next", Related, Marker),
    ("what to read next", Related, Marker),
    ("in case you missed it", Related, Marker),
    ("further reading", Related, Marker),
    ("see more", Related, Marker),
    ("also on", Related, Marker),
    ("elsewhere on", Related, Marker),
    ("around the web", Related, Marker),
    ("story timeline", Related, Marker),
    // Comment sections.
    ("leave a reply", CommentForm, Marker),
    ("leave a comment", CommentForm, Marker),
    ("post a comment", CommentForm, Marker),
    ("add a comment", CommentForm, Marker),
    ("add comment", CommentForm, Marker),
    ("post comment", CommentForm, Marker),
    ("comments", CommentForm, Marker),
    ("comment", CommentForm, Marker),
    ("show comments", CommentForm, Marker),
    ("view comments", CommentForm, Marker),
    ("join the conversation", CommentForm, Marker),
    ("join the discussion", CommentForm, Marker),
    ("reply", CommentForm, Weak),
    ("cancel reply", CommentForm, Weak),
    (
        "your email address will not be published",
        CommentForm,
        Strong,
    ),
    ("will not be published", CommentForm, Weak),
    ("required fields are marked", CommentForm, Strong),
    ("notify me of", CommentForm, Strong),
    ("save my name, email", CommentForm, Strong),
    ("comment policy", CommentForm, Weak),
    // The same comment-form notices as the most common blog software prints them in
    // other languages.
    ("deixe uma resposta", CommentForm, Marker),
    ("deja una respuesta", CommentForm, Marker),
    ("deja un comentario", CommentForm, Marker),
    ("laisser un commentaire", CommentForm, Marker),
    ("schreibe einen kommentar", CommentForm, Marker),
    ("lascia un commento", CommentForm, Marker),
    ("não será publicado", CommentForm, Strong),
    ("no será publicada", CommentForm, Strong),
    ("ne sera pas publiée", CommentForm, Strong),
    ("wird nicht veröffentlicht", CommentForm, Strong),
    ("non sarà pubblicato", CommentForm, Strong),
    ("community guidelines", CommentForm, Weak),
    // Footer.
    ("all rights reserved", Footer, Strong),
    ("all right reserved", Footer, Strong),
    ("copyright", Footer, Weak),
    ("copyright ©", Footer, Strong),
    ("©", Footer, Strong),
    ("terms of use", Footer, Weak),
    ("terms of service", Footer, Weak),
    ("terms and conditions", Footer, Weak),
    ("terms & conditions", Footer, Weak),
    ("privacy policy", Footer, Weak),
    ("privacy notice", Footer, Weak),
    ("privacy", Footer, Weak),
    ("contact us", Footer, Weak),
    ("contact", Footer, Weak),
    ("about us", Footer, Weak),
    ("careers", Footer, Weak),
    ("sitemap", Footer, Weak),
    ("site map", Footer, Weak),
    ("rss", Footer, Weak),
    ("accessibility", Footer, Weak),
    ("do not sell my", Footer, Weak),
    ("powered by", Footer, Weak),
    ("faq", Footer, Weak),
    ("feedback", Footer, Weak),
    ("masthead", Footer, Weak),
    // Credits and dates.
    ("published", Metadata, Weak),
    ("updated", Metadata, Weak),
    ("last updated", Metadata, Weak),
    ("last modified", Metadata, Weak),
    ("posted", Metadata, Weak),
    ("posted on", Metadata, Weak),
    ("min read", Metadata, Weak),
    ("minute read", Metadata, Weak),
    ("minutes read", Metadata, Weak),
    ("reading time", Metadata, Weak),
    ("key points", Metadata, Weak),
    ("highlights", Metadata, Weak),
    // Photo captions and credits.
    ("getty images", Caption, Strong),
    ("getty", Caption, Weak),
    ("(photo", Caption, Strong),
    ("photo:", Caption, Strong),
    ("photos:", Caption, Strong),
    ("photo by", Caption, Strong),
    ("photos by", Caption, Strong),
    ("photograph:", Caption, Strong),
    ("photograph by", Caption, Strong),
    ("(image", Caption, Strong),
    ("image:", Caption, Strong),
    ("image credit", Caption, Strong),
    ("photo credit", Caption, Strong),
    ("picture:", Caption, Strong),
    ("(picture", Caption, Strong),
    ("credit:", Caption, Strong),
    ("illustration:", Caption, Strong),
    ("illustration by", Caption, Strong),
    ("ap photo", Caption, Strong),
    ("reuters/", Caption, Strong),
    ("afp/", Caption, Strong),
    ("/afp", Caption, Strong),
    ("epa/", Caption, Strong),
    ("/ ap", Caption, Strong),
    ("shutterstock", Caption, Strong),
    ("istock", Caption, Strong),
    ("via getty", Caption, Strong),
    ("file photo", Caption, Strong),
    ("pictured:", Caption, Strong),
    ("(foto", Caption, Strong),
    ("foto:", Caption, Strong),
    ("click to enlarge", Caption, Strong),
    ("enlarge this image", Caption, Strong),
    ("image source", Caption, Strong),
    ("image copyright", Caption, Strong),
    ("image caption", Caption, Strong),
    ("media caption", Caption, Strong),
];

/// The key word of each phrase, and whether the phrase is strong: the longest of the
/// words that open its tokens (the word a block scanner sees first in each token:
/// "photo" for "(Photo", "reuters" for "REUTERS/"). A block without any key word
/// cannot hold a phrase, so it need not be searched.
pub fn key_words() -> impl Iterator<Item = (String, bool)> {
    PHRASES.iter().filter_map(|(phrase, _, strength)| {
        let best = phrase
            .split_whitespace()
            .filter_map(|token| {
                let word: String = token
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic() || *c == '\'')
                    .collect();
                (!word.is_empty()).then_some(word)
            })
            .max_by_key(String::len)?;
        Some((best.to_ascii_lowercase(), *strength == Strength::Strong))
    })
}

/// One chrome phrase found in a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Why a block made of it would be removed.
    pub reason: Reason,
    /// How much it proves.
    pub strength: Strength,
    /// Its length in bytes.
    pub len: usize,
}

/// The compiled phrase set. The table is fixed, so one automaton serves every stage:
/// see [`Phrases::shared`].
pub struct Phrases {
    automaton: PhraseDfa,
    /// The phrases that are one word of ASCII letters: a table by [`word_key`] with
    /// open addressing (see [`Phrases::scan_word`]), each slot the key and the
    /// phrase's index in [`PHRASES`]; key 0 (no word has it) marks an empty slot.
    words: Box<[(u64, u16)]>,
}

impl std::fmt::Debug for Phrases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Phrases")
            .field("patterns", &PHRASES.len())
            .finish()
    }
}

/// A word's lower-cased first eight bytes and its length, as one number.
fn word_key(word: &[u8]) -> u64 {
    let head = word
        .iter()
        .take(7)
        .fold(0u64, |k, &b| (k << 8) | u64::from(b.to_ascii_lowercase()));
    (head << 8) | (word.len() as u64).min(255)
}

/// The first slot of a word's key in a table of `mask + 1` slots (a power of two).
fn word_slot(key: u64, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

/// Whether the character of `block` that ends at `at` is alphanumeric: an ASCII byte
/// says it alone (for ASCII, `char::is_alphanumeric` is the ASCII test), another is
/// read as a character.
#[inline(always)]
fn alphanumeric_before(block: &str, at: usize) -> bool {
    match at.checked_sub(1).and_then(|i| block.as_bytes().get(i)) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => block
            .get(..at)
            .and_then(|before| before.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether the character of `block` that starts at `at` is alphanumeric (see
/// [`alphanumeric_before`]).
#[inline(always)]
fn alphanumeric_at(block: &str, at: usize) -> bool {
    match block.as_bytes().get(at) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => block
            .get(at..)
            .and_then(|after| after.chars().next())
            .is_some_and(char::is_alphanumeric),
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The phrase automaton: the transitions of Aho-Corasick's DFA for [`PHRASES`]
/// (ASCII case-insensitive, leftmost-longest), re-encoded small. That DFA tells `A`
/// from `a` in its byte classes and lays each state over 128 of them, 1.5 MB in all,
/// so that a walk through text misses the cache at most bytes; here bytes that act
/// alike in every state share one class, and a state's row is 64 transitions of 16
/// bits. The states are those the unanchored search reaches, numbered with the dead
/// state first, then the match states, so that one compare tells a state that needs a
/// look. A state is carried as its number times [`STATE_STEP`] (see
/// [`PhraseDfa::next`]).
struct PhraseDfa {
    /// Class of each byte.
    classes: [u8; 256],
    /// Transitions: `trans[(state << CLASS_BITS) | class]` is the next state (times
    /// [`STATE_STEP`]) for the state of that number. Every entry is a state whose row
    /// lies inside (checked when built).
    trans: Box<[u16]>,
    /// The state every search starts in (times [`STATE_STEP`], as all states below).
    start: u16,
    /// States up to this one are the dead state or match states.
    max_special: u16,
    /// The pattern a match state matches, by state number (0 for the others).
    patterns: Box<[u16]>,
    /// Each pattern's length in bytes.
    pattern_lens: Box<[u16]>,
    /// Bytes that no phrase holds (in either case): no match spans one, so the text
    /// before it and the text after it are searched apart (and at once).
    barrier: [bool; 256],
}

/// Bits of a class: a state's row has `1 << CLASS_BITS` transitions.
const CLASS_BITS: u32 = 6;

/// Bits of [`STATE_STEP`].
const STATE_BITS: u32 = 4;

/// What a state is carried as, times its number: a row's `1 << CLASS_BITS` entries
/// of two bytes are `STATE_STEP * 8` bytes, so the row's address is the state times
/// eight, which a load's address takes as it is (see [`PhraseDfa::next`]). A state's
/// number times it must fit 16 bits (checked when built).
const STATE_STEP: usize = 1 << STATE_BITS;

/// The dead state: the search has found its longest match.
const DEAD: u16 = 0;

/// Why the phrase automaton could not be built (neither happens with the fixed
/// phrase table: a unit test builds it).
#[derive(Debug, Clone, thiserror::Error)]
pub enum BuildError {
    /// Aho-Corasick's own build error.
    #[error(transparent)]
    AhoCorasick(#[from] aho_corasick::BuildError),
    /// More states than 16-bit transitions address, or more byte classes than a row
    /// holds.
    #[error("the phrase automaton has {states} states and {classes} byte classes, too many")]
    TooLarge {
        /// States reached.
        states: usize,
        /// Byte classes.
        classes: usize,
    },
    /// Two bytes put in one class act differently somewhere.
    #[error("the phrase automaton's byte classes do not hold")]
    Classes,
}

/// Blocks of this many bytes or more are walked in two halves at once (see
/// [`PhraseDfa::find_iter`]), when a byte no phrase holds lies past their middle and a
/// quarter of this before their end.
const SPLIT_BYTES: usize = 48;

/// Matches of the second half of a block, reported once the first half's are.
const LATER_MATCHES: usize = 32;

/// One search of [`PhraseDfa::find_iter`] in progress over `hay[at..end]`.
#[derive(Clone, Copy)]
struct Lane {
    /// The next byte to read.
    at: usize,
    /// Where the lane's text ends.
    end: usize,
    state: u16,
    /// The longest match of the current search so far: its state (DEAD when none)
    /// and end.
    last: u16,
    last_end: usize,
}

impl Lane {
    fn new(start: u16, at: usize, end: usize) -> Lane {
        Lane {
            at,
            end,
            state: start,
            last: DEAD,
            last_end: 0,
        }
    }
}

impl PhraseDfa {
    fn new() -> Result<Self, BuildError> {
        let dfa = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(PHRASES.iter().map(|(p, _, _)| p))?;
        let too_large = |states, classes| BuildError::TooLarge { states, classes };
        let start = dfa.start_state(Anchored::No).map_err(|_| too_large(0, 0))?;
        // Bytes that no phrase holds act alike, and so do the two cases of a letter:
        // each other byte a phrase holds gets a class of its own (checked below).
        let mut classes = [0u8; 256];
        let mut representatives: Vec<u8> = vec![0];
        for (phrase, _, _) in PHRASES {
            for byte in phrase.bytes().map(|b| b.to_ascii_lowercase()) {
                if classes[usize::from(byte)] == 0 {
                    let class = representatives.len().min(255) as u8;
                    representatives.push(byte);
                    classes[usize::from(byte)] = class;
                    classes[usize::from(byte.to_ascii_uppercase())] = class;
                }
            }
        }
        // The reachable states, in the order found (`seen` maps a state's ID to its
        // place), and the places each one's classes lead to.
        let mut found = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        let mut place = |sid: aho_corasick::automaton::StateID, found: &mut Vec<_>| {
            let id = sid.as_usize();
            if seen.len() <= id {
                seen.resize(id + 1, u32::MAX);
            }
            if seen[id] == u32::MAX {
                seen[id] = found.len() as u32;
                found.push(sid);
            }
            seen[id] as usize
        };
        place(start, &mut found);
        let mut rows: Vec<Vec<usize>> = Vec::new();
        while let Some(&sid) = found.get(rows.len()) {
            let next: Vec<_> = representatives
                .iter()
                .map(|&byte| dfa.next_state(Anchored::No, sid, byte))
                .collect();
            // Every byte acts as its class's representative.
            for byte in 0..=255u8 {
                let class = usize::from(classes[usize::from(byte)]);
                if dfa.next_state(Anchored::No, sid, byte) != next[class] {
                    return Err(BuildError::Classes);
                }
            }
            rows.push(next.iter().map(|&sid| place(sid, &mut found)).collect());
        }
        // Numbering: the dead state, the match states, the others.
        let is_dead = |sid| dfa.is_dead(sid);
        let is_match = |sid| !dfa.is_dead(sid) && dfa.is_match(sid);
        let mut order: Vec<usize> = (0..found.len()).filter(|&i| !is_dead(found[i])).collect();
        order.sort_by_key(|&i| (!is_match(found[i]), i));
        let states = order.len() + 1;
        if states * STATE_STEP > usize::from(u16::MAX) + 1
            || representatives.len() > 1 << CLASS_BITS
        {
            return Err(too_large(states, representatives.len()));
        }
        let mut number = vec![DEAD; found.len()];
        for (n, &i) in order.iter().enumerate() {
            number[i] = n as u16 + 1;
        }
        let mut trans = vec![DEAD; states << CLASS_BITS].into_boxed_slice();
        let mut patterns = vec![0u16; states].into_boxed_slice();
        let mut max_special = DEAD;
        for (i, &sid) in found.iter().enumerate() {
            if is_dead(sid) {
                // The dead state's row stays dead.
                continue;
            }
            let state = usize::from(number[i]);
            if is_match(sid) {
                patterns[state] = dfa.match_pattern(sid, 0).as_usize() as u16;
                max_special = max_special.max(number[i]);
            }
            for (class, &next) in rows[i].iter().enumerate() {
                // At most `(states - 1) * STATE_STEP`, which fits (checked above).
                trans[(state << CLASS_BITS) | class] = number[next] << STATE_BITS;
            }
        }
        let mut barrier = [true; 256];
        for (phrase, _, _) in PHRASES {
            for b in phrase.bytes() {
                barrier[usize::from(b.to_ascii_lowercase())] = false;
                barrier[usize::from(b.to_ascii_uppercase())] = false;
            }
        }
        Ok(PhraseDfa {
            classes,
            trans,
            start: number[0] << STATE_BITS,
            max_special: max_special << STATE_BITS,
            patterns,
            pattern_lens: PHRASES.iter().map(|(p, _, _)| p.len() as u16).collect(),
            barrier,
        })
    }

    /// The state after `state` reads `byte`. States are carried as `usize` in the
    /// walks, with no widening of a 16-bit value on the way, and as their number
    /// times [`STATE_STEP`]: the entry's address is the byte's column in the table
    /// (which does not wait for the state) plus the state times eight, one load with
    /// nothing between it and the last step's.
    #[inline(always)]
    fn next(&self, state: usize, byte: u8) -> usize {
        let class = usize::from(self.classes[usize::from(byte)]);
        // SAFETY: `state` is the start state or an entry of `trans`, every one of which
        // is a state's number times `STATE_STEP` with the number below the number of
        // states (`new` numbers the states it fills rows for, and `trans` has
        // `1 << CLASS_BITS` entries per state); a class is below `1 << CLASS_BITS`
        // (`new` refuses more classes). So `class + (state << (CLASS_BITS -
        // STATE_BITS))`, the state's row and the class's column, lies inside `trans`.
        // The proptest `finds_what_aho_corasick_finds` walks it over arbitrary text
        // against the automaton it was built from.
        unsafe {
            let column = self.trans.as_ptr().add(class);
            usize::from(*column.add(state << (CLASS_BITS - STATE_BITS)))
        }
    }

    /// Reads bytes of `lane` until its search ends: `true` when it ended (on the
    /// dead state, or with a match when its text ended), `false` when its text ended
    /// without a match.
    #[inline(always)]
    fn run(&self, hay: &[u8], lane: &mut Lane) -> bool {
        loop {
            let Some(bytes) = hay.get(lane.at..lane.end).filter(|b| !b.is_empty()) else {
                return lane.last != DEAD;
            };
            // Up to the next state that needs a look, without another check per byte.
            let max_special = usize::from(self.max_special);
            let mut state = usize::from(lane.state);
            let mut read = bytes.len();
            for (i, &byte) in bytes.iter().enumerate() {
                state = self.next(state, byte);
                if state <= max_special {
                    read = i + 1;
                    break;
                }
            }
            // Every state is below 2^16 (`new` numbers them as `u16`).
            lane.state = state as u16;
            lane.at += read;
            if state > max_special {
                return lane.last != DEAD;
            }
            if self.look(lane) {
                return true;
            }
        }
    }

    /// Looks at a lane's state after a byte: `true` when the search has ended (the
    /// dead state); a match state is kept as the lane's longest match.
    #[inline(always)]
    fn look(&self, lane: &mut Lane) -> bool {
        if lane.state <= self.max_special {
            if lane.state == DEAD {
                return true;
            }
            lane.last = lane.state;
            lane.last_end = lane.at;
        }
        false
    }

    /// The match `lane` ended its search with (pattern, start, end), and the lane
    /// set to search on from its end; `None`, and the lane ended, when the search
    /// found none (as `AhoCorasick::find_iter` then stops).
    #[inline(always)]
    fn take_match(&self, lane: &mut Lane) -> Option<(usize, usize, usize)> {
        if lane.last == DEAD {
            lane.at = lane.end;
            return None;
        }
        let pattern = usize::from(
            self.patterns
                .get(usize::from(lane.last >> STATE_BITS))
                .copied()
                .unwrap_or(0),
        );
        let len = usize::from(self.pattern_lens.get(pattern).copied().unwrap_or(0));
        let end = lane.last_end;
        *lane = Lane::new(self.start, end, lane.end);
        Some((pattern, end.saturating_sub(len), end))
    }

    /// Runs `lane` to its end, calling `found` for each match.
    #[inline(always)]
    fn finish(&self, hay: &[u8], lane: &mut Lane, found: &mut impl FnMut(usize, usize, usize)) {
        while self.run(hay, lane) {
            if let Some((pattern, start, end)) = self.take_match(lane) {
                found(pattern, start, end);
            }
        }
    }

    /// Calls `found(pattern, start, end)` for each phrase found in `hay`, in order, as
    /// `AhoCorasick::find_iter` finds them: the leftmost match, the longest of those
    /// that start there, then the next search from its end. A block long enough is
    /// cut at a byte no phrase holds near its middle, and both halves are walked in
    /// one loop: each byte's step waits for the last one's (the load of its row), so
    /// two walks take little more time than one, down to blocks of a short line.
    fn find_iter(&self, hay: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        let n = hay.len();
        let cut = if n >= SPLIT_BYTES {
            let middle = n / 2;
            hay[middle..]
                .iter()
                .position(|&b| self.barrier[usize::from(b)])
                .map(|k| middle + k)
                .filter(|&cut| cut + SPLIT_BYTES / 4 < n)
        } else {
            None
        };
        let Some(cut) = cut else {
            self.finish(hay, &mut Lane::new(self.start, 0, n), &mut found);
            return;
        };
        let mut first = Lane::new(self.start, 0, cut);
        let mut second = Lane::new(self.start, cut, n);
        let mut later = [(0u16, 0u16, 0u16); LATER_MATCHES];
        let mut later_count = 0usize;
        // Both lanes step while both have bytes, up to a state of either that needs a
        // look; a lane whose search ends takes its match and searches on.
        loop {
            let steps = (first.end - first.at).min(second.end - second.at);
            let (Some(a), Some(b)) = (
                hay.get(first.at..first.at + steps),
                hay.get(second.at..second.at + steps),
            ) else {
                break;
            };
            if steps == 0 {
                break;
            }
            let max_special = usize::from(self.max_special);
            let (mut state_a, mut state_b) = (usize::from(first.state), usize::from(second.state));
            let mut read = 0;
            for (&x, &y) in a.iter().zip(b) {
                state_a = self.next(state_a, x);
                state_b = self.next(state_b, y);
                read += 1;
                if (state_a <= max_special) | (state_b <= max_special) {
                    break;
                }
            }
            first.state = state_a as u16;
            second.state = state_b as u16;
            first.at += read;
            second.at += read;
            if self.look(&mut first)
                && let Some((pattern, start, end)) = self.take_match(&mut first)
            {
                found(pattern, start, end);
            }
            if self.look(&mut second)
                && let Some((pattern, start, end)) = self.take_match(&mut second)
            {
                if let Some(slot) = later.get_mut(later_count) {
                    *slot = (pattern as u16, start as u16, end as u16);
                }
                later_count += 1;
            }
        }
        // The lane left finishes alone (and each lane its last search).
        self.finish(hay, &mut first, &mut found);
        if later_count > LATER_MATCHES || n > usize::from(u16::MAX) {
            // Too many to keep: the second half is searched again on its own.
            self.finish(hay, &mut Lane::new(self.start, cut, n), &mut found);
            return;
        }
        for &(pattern, start, end) in later.iter().take(later_count) {
            found(usize::from(pattern), usize::from(start), usize::from(end));
        }
        self.finish(hay, &mut second, &mut found);
    }
}

impl Phrases {
    /// Compiles the phrase table.
    ///
    /// # Errors
    /// The automaton's build error (it cannot fail for this fixed table in practice).
    pub fn new() -> Result<Self, BuildError> {
        let automaton = PhraseDfa::new()?;
        let mut words: Vec<(u64, usize)> = PHRASES
            .iter()
            .enumerate()
            .filter(|(_, (p, _, _))| p.bytes().all(|b| b.is_ascii_lowercase()))
            .map(|(i, (p, _, _))| (word_key(p.as_bytes()), i))
            .collect();
        words.sort_unstable();
        // A slot per word at least twice over, so that a probe rarely goes far. The
        // words go in in the order of their keys and indices: those of one key are
        // met in the order the phrase table lists them, as a sorted search met them.
        let mut table = vec![(0u64, 0u16); (words.len() * 2).next_power_of_two().max(2)];
        let mask = table.len() - 1;
        for &(key, index) in &words {
            let mut slot = word_slot(key, mask);
            while table[slot].0 != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = (key, index as u16);
        }
        Ok(Phrases {
            automaton,
            words: table.into_boxed_slice(),
        })
    }

    /// The automaton shared by all stages, compiled on first use.
    ///
    /// # Errors
    /// The automaton's build error (it cannot fail for this fixed table in practice).
    pub fn shared() -> Result<&'static Phrases, BuildError> {
        static SHARED: std::sync::OnceLock<Result<Phrases, BuildError>> =
            std::sync::OnceLock::new();
        SHARED
            .get_or_init(Phrases::new)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// What [`Phrases::scan`] finds in a block that is a single word of ASCII letters:
    /// at most the phrase that is the whole word. (A phrase inside the word would need
    /// a boundary inside it, and phrases that carry other bytes cannot occur in it.)
    #[cfg(test)]
    pub fn scan_word(&self, word: &str, found: impl FnMut(Hit)) {
        if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return self.scan(word, found);
        }
        self.scan_letters(word, found);
    }

    /// [`Phrases::scan_word`] of a word known to be made of ASCII letters only (the
    /// caller has counted them).
    pub fn scan_letters(&self, word: &str, mut found: impl FnMut(Hit)) {
        let bytes = word.as_bytes();
        let key = word_key(bytes);
        let mask = self.words.len() - 1;
        let mut slot = word_slot(key, mask);
        // Up to the first empty slot: the table is half empty at most, so there is one.
        for _ in 0..self.words.len() {
            let Some(&(k, i)) = self.words.get(slot) else {
                return;
            };
            if k == 0 {
                return;
            }
            // Keys of long words share their first seven letters: compare in full.
            if k == key
                && let Some(&(phrase, reason, strength)) = PHRASES.get(usize::from(i))
                && phrase.as_bytes().eq_ignore_ascii_case(bytes)
            {
                found(Hit {
                    reason,
                    strength,
                    len: bytes.len(),
                });
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Calls `found` for each phrase in `block` that stands on word boundaries.
    pub fn scan(&self, block: &str, mut found: impl FnMut(Hit)) {
        self.automaton
            .find_iter(block.as_bytes(), |pattern, start, end| {
                let Some(&(phrase, reason, strength)) = PHRASES.get(pattern) else {
                    return;
                };
                let pb = phrase.as_bytes();
                // Phrases ending in punctuation ("Credit:", "REUTERS/") are credits that
                // pages often glue to the word before them ("treatmentCredit: EPA").
                let glued = !pb.last().copied().is_some_and(is_word_byte);
                let left_ok = glued
                    || !pb.first().copied().is_some_and(is_word_byte)
                    || !alphanumeric_before(block, start);
                let right_ok =
                    !pb.last().copied().is_some_and(is_word_byte) || !alphanumeric_at(block, end);
                if left_ok && right_ok {
                    found(Hit {
                        reason,
                        strength,
                        len: end - start,
                    });
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The automaton the phrases were first searched with, the reference.
    fn reference() -> &'static aho_corasick::AhoCorasick {
        static REFERENCE: std::sync::OnceLock<aho_corasick::AhoCorasick> =
            std::sync::OnceLock::new();
        REFERENCE.get_or_init(|| {
            aho_corasick::AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .prefilter(false)
                .build(PHRASES.iter().map(|(p, _, _)| p))
                .unwrap()
        })
    }

    fn matches_of(dfa: &PhraseDfa, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        dfa.find_iter(text.as_bytes(), |p, s, e| out.push((p, s, e)));
        out
    }

    /// Pieces of text dense in phrases, their prefixes and overlaps, and in bytes
    /// that cut a block in two.
    fn piece() -> impl Strategy<Value = String> {
        let phrase =
            proptest::sample::select(PHRASES.iter().map(|(p, _, _)| *p).collect::<Vec<_>>());
        prop_oneof![
            3 => phrase.clone().prop_map(str::to_owned),
            2 => (phrase, 1usize..12).prop_map(|(p, k)| p.chars().take(k).collect()),
            2 => proptest::sample::select(vec![
                " ", " ", ".", ". ", "\n", "1", "\"", ",", ":", "/", "(", "'", "©", "é", "ã",
                "SHARE", "Cookies", "the", "Reuters/", "Getty Images", "x", "ing",
            ])
            .prop_map(str::to_owned),
            1 => "[a-zA-Z .]{1,20}",
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The word-boundary tests on the bytes say what the character tests say, at
        /// every offset (boundaries of characters or not).
        #[test]
        fn boundaries_read_on_bytes_as_on_characters(block in "[a-zA-Z0-9 .,'é日ß’\u{a0}-]{0,12}") {
            for at in 0..=block.len() + 1 {
                let before = block
                    .get(..at)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(char::is_alphanumeric);
                let after = block
                    .get(at..)
                    .and_then(|a| a.chars().next())
                    .is_some_and(char::is_alphanumeric);
                prop_assert_eq!(alphanumeric_before(&block, at), before, "{:?} {}", block, at);
                prop_assert_eq!(alphanumeric_at(&block, at), after, "{:?} {}", block, at);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: if cfg!(debug_assertions) { 500 } else { 5_000 }, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn finds_what_aho_corasick_finds(pieces in proptest::collection::vec(piece(), 0..120)) {
            let text: String = pieces.concat();
            let expected: Vec<(usize, usize, usize)> = reference()
                .find_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            let phrases = Phrases::shared().unwrap();
            prop_assert_eq!(matches_of(&phrases.automaton, &text), expected, "{:?}", text);
        }
    }

    #[test]
    fn the_automaton_builds_and_finds_in_both_halves() {
        let phrases = Phrases::shared().unwrap();
        // Long enough to be cut in two at a full stop, with more matches in the second
        // half than it keeps aside.
        let text = format!(
            "{}. {}",
            "The council met on Tuesday about the harbour budget and the ferry ".repeat(3),
            "share email print ".repeat(20)
        );
        let expected: Vec<(usize, usize, usize)> = reference()
            .find_iter(&text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        assert!(expected.len() > LATER_MATCHES);
        assert_eq!(matches_of(&phrases.automaton, &text), expected);
    }

    fn hits(text: &str) -> Vec<(Reason, Strength)> {
        let phrases = Phrases::shared().unwrap();
        let mut out = Vec::new();
        phrases.scan(text, |h| out.push((h.reason, h.strength)));
        out
    }

    #[test]
    fn phrases_match_on_word_boundaries_only() {
        assert_eq!(hits("Share"), [(Share, Weak)]);
        assert!(hits("Shareholders voted").is_empty());
        assert_eq!(hits("We use cookies to improve"), [(Cookie, Strong)]);
        assert_eq!(hits("Related Articles"), [(Related, Marker)]);
    }

    #[test]
    fn a_single_word_finds_what_the_automaton_finds() {
        let phrases = Phrases::shared().unwrap();
        let mut words: Vec<String> = PHRASES.iter().map(|(p, _, _)| p.to_string()).collect();
        words.extend(
            [
                "Shared",
                "Homepage",
                "HOME",
                "Sharemore",
                "Commentsection",
                "Related",
                "Getty",
                "mayor",
                "Printing",
                "Advertisements",
                "Cookies",
                "Email",
                "a",
                "",
            ]
            .map(String::from),
        );
        for word in words.iter().flat_map(|w| [w.clone(), w.to_uppercase()]) {
            let (mut by_word, mut by_automaton) = (Vec::new(), Vec::new());
            phrases.scan_word(&word, |h| by_word.push(h));
            phrases.scan(&word, |h| by_automaton.push(h));
            assert_eq!(by_word, by_automaton, "{word:?}");
        }
    }

    #[test]
    fn punctuation_edged_phrases_match_inside_tokens() {
        assert_eq!(hits("REUTERS/Brendan McDermid"), [(Caption, Strong)]);
        assert_eq!(hits("hospital in BeijingCredit: EPA"), [(Caption, Strong)]);
    }
}
