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
pub(crate) fn add_class(h: &mut Hint, value: &[u8], scratch: &mut Vec<u8>) {
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
        let note_neg = |r: Reason, strong: bool, c_neg: &mut Option<(Reason, bool)>| match c_neg {
            None => *c_neg = Some((r, strong)),
            Some((_, false)) if strong => *c_neg = Some((r, true)),
            _ => {}
        };
        match glued_class(glued) {
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
                b"article" | b"story" | b"post" | b"entry" | b"news" | b"blog" => c_article = true,
                b"body" | b"text" | b"content" | b"copy" | b"prose" => c_body = true,
                _ => {}
            }
            match word_hint(word) {
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
    } else if let Some(r) = weak_neg {
        if !pos_class {
            h.neg(r, false);
        }
    }
    if h.neg.is_none() {
        if strong_pos {
            h.pos = h.pos.max(2);
        } else if pos_class {
            h.pos = h.pos.max(1);
        }
    }
}

enum WordHint {
    Pos(bool),
    Neg(Reason, bool),
}

/// Whole class names (separators removed) that say something only as a whole.
fn glued_class(c: &[u8]) -> Option<WordHint> {
    use Reason::*;
    use WordHint::*;
    Some(match c {
        b"articlebody" | b"storybody" | b"entrycontent" | b"postcontent" | b"articlecontent"
        | b"storycontent" | b"articletext" | b"storytext" | b"postbody" | b"bodytext"
        | b"articlebodytext" | b"mainarticle" | b"articlecopy" | b"storyline" => Pos(true),
        b"hentry" | b"hnews" | b"prose" | b"richtext" => Pos(false),
        b"readmore" | b"mostread" | b"mostpopular" | b"youmaylike" | b"morestories"
        | b"morenews" | b"alsoread" | b"readnext" | b"upnext" | b"whatsnext" | b"morefrom"
        | b"moreon" | b"relatedlinks" | b"seealso" => Neg(Related, true),
        b"sronly" | b"visuallyhidden" | b"screenreadertext" | b"screenreaderonly" | b"hidden"
        | b"hide" | b"invisible" | b"offscreen" => Neg(Other, true),
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
fn word_hint(w: &[u8]) -> Option<WordHint> {
    use Reason::*;
    use WordHint::*;
    let exact = match w {
        b"article" | b"story" | b"entry" | b"post" => Some(Pos(false)),
        b"content" | b"main" | b"text" | b"blog" | b"prose" | b"paragraph" => Some(Pos(false)),
        b"articlebody" | b"storybody" | b"richtext" | b"bodytext" => Some(Pos(true)),
        b"ad" | b"ads" | b"adv" | b"advert" | b"advertisement" | b"advertising" | b"adsense"
        | b"dfp" | b"gpt" | b"sponsor" | b"sponsored" | b"sponsors" | b"sponsorship"
        | b"promoted" | b"outbrain" | b"taboola" | b"doubleclick" | b"leaderboard" | b"mpu"
        | b"skyscraper" | b"commercial" | b"adslot" | b"adunit" | b"billboard" | b"banners" => {
            Some(Neg(Ad, true))
        }
        b"promo" | b"promos" | b"promotion" | b"banner" => Some(Neg(Ad, false)),
        b"cookie" | b"cookies" | b"consent" | b"gdpr" | b"onetrust" | b"cookiebanner" | b"cmp" => {
            Some(Neg(Cookie, true))
        }
        b"nav" | b"navbar" | b"navigation" | b"menu" | b"menus" | b"breadcrumb"
        | b"breadcrumbs" | b"pagination" | b"pager" | b"submenu" | b"megamenu" | b"hamburger"
        | b"dropdown" | b"toolbar" | b"topbar" | b"skip" | b"sitemap" | b"navlinks" => {
            Some(Neg(Navigation, true))
        }
        b"related" | b"recommended" | b"recommendations" | b"recommendation" | b"popular"
        | b"trending" | b"mostread" | b"suggested" | b"suggestions" | b"recirc"
        | b"recirculation" | b"also" | b"readmore" | b"morestories" | b"morelinks"
        | b"relatedarticles" | b"relatedposts" | b"relatedcontent" | b"related_posts" => {
            Some(Neg(Related, true))
        }
        b"more" | b"next" | b"previous" | b"prev" | b"latest" => Some(Neg(Related, false)),
        b"teaser" | b"teasers" | b"card" | b"cards" | b"feed" | b"river" | b"tout" | b"touts"
        | b"headlines" | b"stories" | b"storylist" | b"newsfeed" | b"carousel" | b"slider"
        | b"ticker" | b"tiles" | b"tile" => Some(Neg(OtherStory, false)),
        b"caption" | b"captions" | b"figcaption" | b"credit" | b"credits" | b"photocredit"
        | b"imagecredit" | b"wpcaption" | b"legend" => Some(Neg(Caption, true)),
        b"comment" | b"comments" | b"disqus" | b"respond" | b"reply" | b"replies"
        | b"discussion" | b"commentform" | b"conversation" | b"livefyre" | b"coral" => {
            Some(Neg(CommentForm, true))
        }
        b"byline" | b"bylines" | b"author" | b"authors" | b"dateline" | b"timestamp"
        | b"pubdate" | b"published" | b"updated" | b"date" | b"datetime" | b"time" | b"meta"
        | b"metadata" | b"postmeta" | b"entrymeta" | b"tags" | b"tag" | b"tagged" | b"category"
        | b"categories" | b"kicker" | b"eyebrow" | b"readtime" | b"posted" | b"contributor"
        | b"contributors" | b"writer" | b"info" | b"details" | b"topics" | b"keywords"
        | b"source" | b"rubric" | b"bio" | b"biography" | b"profile" => Some(Neg(Metadata, false)),
        b"share" | b"shares" | b"sharing" | b"sharebar" | b"social" | b"socials" | b"addthis"
        | b"sociable" | b"shareaholic" | b"sharethis" | b"facebook" | b"twitter" | b"whatsapp"
        | b"pinterest" | b"linkedin" | b"follow" | b"print" | b"email" | b"mail" | b"tools"
        | b"actions" | b"icons" | b"reactions" => Some(Neg(Share, false)),
        b"newsletter" | b"newsletters" | b"subscribe" | b"subscription" | b"subscriptions"
        | b"signup" | b"paywall" | b"register" | b"registration" | b"membership" | b"donate"
        | b"donation" | b"optin" | b"cta" | b"login" | b"signin" => Some(Neg(Subscription, true)),
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
        | b"gallery" | b"slideshow" | b"video" | b"player" | b"audio" | b"podcast" | b"weather"
        | b"search" | b"form" | b"contact" | b"tooltip" => Some(Neg(Other, false)),
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

fn trim_ascii(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

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
