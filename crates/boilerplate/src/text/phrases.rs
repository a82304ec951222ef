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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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
    automaton: AhoCorasick,
    /// The phrases that are one word of ASCII letters, sorted by [`word_key`], with
    /// their index in [`PHRASES`].
    words: Vec<(u64, usize)>,
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

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

impl Phrases {
    /// Compiles the phrase table.
    ///
    /// # Errors
    /// The automaton's build error (it cannot fail for this fixed table in practice).
    pub fn new() -> Result<Self, aho_corasick::BuildError> {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(PHRASES.iter().map(|(p, _, _)| p))?;
        let mut words: Vec<(u64, usize)> = PHRASES
            .iter()
            .enumerate()
            .filter(|(_, (p, _, _))| p.bytes().all(|b| b.is_ascii_lowercase()))
            .map(|(i, (p, _, _))| (word_key(p.as_bytes()), i))
            .collect();
        words.sort_unstable();
        Ok(Phrases { automaton, words })
    }

    /// The automaton shared by all stages, compiled on first use.
    ///
    /// # Errors
    /// The automaton's build error (it cannot fail for this fixed table in practice).
    pub fn shared() -> Result<&'static Phrases, aho_corasick::BuildError> {
        static SHARED: std::sync::OnceLock<Result<Phrases, aho_corasick::BuildError>> =
            std::sync::OnceLock::new();
        SHARED
            .get_or_init(Phrases::new)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// What [`Phrases::scan`] finds in a block that is a single word of ASCII letters:
    /// at most the phrase that is the whole word. (A phrase inside the word would need
    /// a boundary inside it, and phrases that carry other bytes cannot occur in it.)
    pub fn scan_word(&self, word: &str, mut found: impl FnMut(Hit)) {
        let bytes = word.as_bytes();
        if !bytes.iter().all(u8::is_ascii_alphabetic) {
            return self.scan(word, found);
        }
        let key = word_key(bytes);
        let start = self.words.partition_point(|&(k, _)| k < key);
        for &(k, i) in self.words.get(start..).unwrap_or(&[]) {
            if k != key {
                break;
            }
            // Keys of long words share their first eight letters: compare in full.
            if let Some(&(phrase, reason, strength)) = PHRASES.get(i)
                && phrase.as_bytes().eq_ignore_ascii_case(bytes)
            {
                found(Hit {
                    reason,
                    strength,
                    len: bytes.len(),
                });
                return;
            }
        }
    }

    /// Calls `found` for each phrase in `block` that stands on word boundaries.
    pub fn scan(&self, block: &str, mut found: impl FnMut(Hit)) {
        for m in self.automaton.find_iter(block) {
            let Some(&(phrase, reason, strength)) = PHRASES.get(m.pattern().as_usize()) else {
                continue;
            };
            let pb = phrase.as_bytes();
            // Phrases ending in punctuation ("Credit:", "REUTERS/") are credits that
            // pages often glue to the word before them ("treatmentCredit: EPA").
            let glued = !pb.last().copied().is_some_and(is_word_byte);
            let left_ok = glued
                || !pb.first().copied().is_some_and(is_word_byte)
                || !block
                    .get(..m.start())
                    .and_then(|before| before.chars().next_back())
                    .is_some_and(char::is_alphanumeric);
            let right_ok = !pb.last().copied().is_some_and(is_word_byte)
                || !block
                    .get(m.end()..)
                    .and_then(|after| after.chars().next())
                    .is_some_and(char::is_alphanumeric);
            if left_ok && right_ok {
                found(Hit {
                    reason,
                    strength,
                    len: m.end() - m.start(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<(Reason, Strength)> {
        let phrases = Phrases::new().unwrap();
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
        let phrases = Phrases::new().unwrap();
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
