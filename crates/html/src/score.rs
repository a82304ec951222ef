//! Main-content detection: which blocks are the article and why the others are not.
//!
//! 1. Every block gets text features (length, link density, sentence punctuation, stop
//!    words) and a prose score in `[0, 1]`.
//! 2. Class/id/tag hints are weighed: a negative hint on an element that holds most of
//!    the page's prose, or that wraps strong positive evidence, is a wrapper's name and
//!    is ignored.
//! 3. Every element gets the sum of its blocks' values (prose counts for, link lists and
//!    fragments against, data-table rows for nothing, hinted boilerplate strongly
//!    against; positive hints and holding the headline add a bonus) and the element
//!    with the best sum is the article's core: the subtree that keeps the most prose
//!    while taking in the least junk. The container is the ancestor of the core with
//!    the best adjusted total, which gathers articles split into sections or around an
//!    ad slot but not the teaser lists and comment threads beside them.
//! 4. Inside the container, blocks are removed for the hints between the container and
//!    the block, for being captions, link lists, bylines, datelines, share or
//!    subscription prompts; headings stay when article text follows them. Outside it,
//!    everything is boilerplate, with the reason its nearest hint gives.
//!
//! Every pass walks the node array forward (parents before children) or backward
//! (children before parents): linear, no recursion.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use memchr::memmem;

use crate::hints::Reason;
use crate::meta::Metadata;
use crate::parse::{NONE, Page, ctx};
use crate::words::{self, TextStats, is_alnum};
use crate::{BlockKind, HtmlOptions};

/// Share of an element's value added to its score as the article's core when it holds
/// the headline.
const HEADLINE_BONUS: f64 = 0.25;

/// The decision on one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub kind: BlockKind,
    pub removed: Option<Reason>,
}

struct Feat {
    st: TextStats,
    /// Link density: share of the block's bytes inside links.
    link: f64,
    /// Length measure (non-space characters, CJK weighted).
    len: f64,
    /// How much the block reads like running prose, 0-1.
    prose: f64,
}

fn prose_score(st: &TextStats, link: f64) -> f64 {
    let len = st.weight();
    if len < 1.0 {
        return 0.0;
    }
    let mut s = ((len - 20.0) / 130.0).clamp(0.0, 1.0) * 0.45;
    if st.ends_sentence {
        s += 0.25;
    }
    if st.sentences + st.commas >= 1 {
        s += 0.15;
    }
    if st.cjk > 0 {
        s += 0.15;
    } else if st.words >= 4 {
        let r = st.stop_ratio();
        if r >= 0.18 {
            s += 0.15;
        } else if r < 0.06 {
            s -= 0.2;
        }
    }
    (s * (1.0 - link)).clamp(0.0, 1.0)
}

/// Judges every block of `page`.
pub(crate) fn judge(page: &Page, meta: &Metadata, options: &HtmlOptions) -> Vec<Verdict> {
    analyse(page, meta, options).verdicts
}

/// Everything the judgement computed, for [`explain`].
struct Analysis {
    verdicts: Vec<Verdict>,
    feats: Vec<Feat>,
    value: Vec<f64>,
    prose: Vec<f64>,
    is_root: Vec<bool>,
    credible: Vec<bool>,
    total: Vec<f64>,
    link_blocks: Vec<u32>,
    prose_blocks: Vec<u32>,
    best: usize,
}

/// A human-readable diagnosis: each block, its verdict and features, and the hinted
/// elements above it.
pub(crate) fn explain(page: &Page, meta: &Metadata, options: &HtmlOptions) -> String {
    use std::fmt::Write;
    let a = analyse(page, meta, options);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "title={:?} byline={:?} date={:?}",
        meta.title, meta.byline, meta.date
    );
    for (i, b) in page.blocks.iter().enumerate() {
        let text = page
            .text
            .get(b.start as usize..b.end as usize)
            .unwrap_or_default();
        let short: String = text
            .chars()
            .take(90)
            .collect::<String>()
            .replace('\n', " / ");
        let (Some(v), Some(f)) = (a.verdicts.get(i), a.feats.get(i)) else {
            continue;
        };
        let _ = write!(
            out,
            "{:<12} {:<10} len={:<5.0} link={:.2} prose={:.2} | {short}\n     ",
            v.removed.map_or("KEEP", |r| r.as_str()),
            v.kind.as_str(),
            f.len,
            f.link,
            f.prose,
        );
        let mut node = b.node;
        let mut depth = 0;
        while let Some(n) = page.nodes.get(node as usize) {
            let i = node as usize;
            if depth < 16 {
                let _ = write!(
                    out,
                    " < {}{:?}{}{}{}{} v={:.0} p={:.0} t={:.0} lb={} pb={}",
                    if i == a.best {
                        "**BEST** "
                    } else if a.is_root[i] {
                        "**ROOT** "
                    } else {
                        ""
                    },
                    n.tag,
                    n.label
                        .as_deref()
                        .map(|l| l.chars().take(60).collect::<String>())
                        .unwrap_or_default(),
                    n.hint
                        .neg
                        .map(|r| format!(" -{}", r.as_str()))
                        .unwrap_or_default(),
                    if n.hint.neg.is_some() {
                        if a.credible[i] { "(c)" } else { "(x)" }
                    } else {
                        ""
                    },
                    if n.hint.pos > 0 {
                        format!(" +{}", n.hint.pos)
                    } else {
                        String::new()
                    },
                    a.value[i],
                    a.prose[i],
                    a.total[i],
                    a.link_blocks[i],
                    a.prose_blocks[i],
                );
            }
            depth += 1;
            node = n.parent;
        }
        out.push('\n');
    }
    out
}

fn analyse(page: &Page, meta: &Metadata, options: &HtmlOptions) -> Analysis {
    let blocks = &page.blocks;
    let nodes = &page.nodes;
    let n_nodes = nodes.len();
    let mut verdicts: Vec<Verdict> = blocks
        .iter()
        .map(|b| Verdict {
            kind: b.kind,
            removed: None,
        })
        .collect();
    if blocks.is_empty() || n_nodes == 0 {
        return Analysis {
            verdicts,
            feats: Vec::new(),
            value: vec![0.0; n_nodes],
            prose: vec![0.0; n_nodes],
            is_root: vec![false; n_nodes],
            credible: vec![false; n_nodes],
            total: vec![0.0; n_nodes],
            link_blocks: vec![0; n_nodes],
            prose_blocks: vec![0; n_nodes],
            best: 0,
        };
    }
    let text_of = |i: usize| -> &str {
        blocks
            .get(i)
            .and_then(|b| page.text.get(b.start as usize..b.end as usize))
            .unwrap_or_default()
    };

    // 1. Features.
    // The JSON-LD articleBody, when there is one, vouches for the blocks it contains.
    let body_words: std::collections::HashSet<&str> = match &meta.article_body {
        Some(body) if options.use_structured_data => {
            body.split_whitespace().take(100_000).collect()
        }
        _ => std::collections::HashSet::new(),
    };
    let feats: Vec<Feat> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let text = text_of(i);
            let st = words::stats(text);
            let bytes = f64::from((b.end - b.start).max(1));
            let link = (f64::from(b.link_bytes) / bytes).min(1.0);
            let mut prose = prose_score(&st, link);
            if body_words.len() >= 40 && st.words >= 6 {
                let found = text
                    .split_whitespace()
                    .filter(|w| body_words.contains(w))
                    .count();
                if found as f64 >= 0.9 * f64::from(st.words) {
                    prose = prose.max(0.9);
                }
            }
            Feat {
                len: st.weight(),
                prose,
                st,
                link,
            }
        })
        .collect();

    // 2. Prose per subtree, and whether a subtree holds strong positive evidence.
    let mut prose = vec![0.0f64; n_nodes];
    for (b, f) in blocks.iter().zip(&feats) {
        if let Some(p) = prose.get_mut(b.node as usize) {
            *p += f.len * f.prose;
        }
    }
    // Headline links (a teaser's title, not a button or a name) and prose paragraphs
    // per subtree: a list of teasers has about one of each per item.
    let mut link_blocks = vec![0u32; n_nodes];
    let mut prose_blocks = vec![0u32; n_nodes];
    for (b, f) in blocks.iter().zip(&feats) {
        let node = b.node as usize;
        if node < n_nodes {
            if f.link > 0.5 && f.st.words >= 4 {
                link_blocks[node] += 1;
            } else if f.prose >= 0.5 && f.len >= 80.0 {
                prose_blocks[node] += 1;
            }
        }
    }
    // has_pos: a strict descendant carries strong positive evidence and no negative.
    let mut has_pos = vec![false; n_nodes];
    for i in (1..n_nodes).rev() {
        let parent = nodes[i].parent as usize;
        if parent < i {
            link_blocks[parent] += link_blocks[i];
            prose_blocks[parent] += prose_blocks[i];
            prose[parent] += prose[i];
            if has_pos[i] || (nodes[i].hint.pos >= 2 && nodes[i].hint.neg.is_none()) {
                has_pos[parent] = true;
            }
        }
    }
    let total_prose = prose[0].max(1.0);
    // A negative hint is believed unless its element is a wrapper: most of the page's
    // prose, or strong positive evidence, lies inside it.
    let credible: Vec<bool> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            n.hint.neg.is_some()
                && i != 0
                && !matches!(n.tag, crate::tags::Tag::Body | crate::tags::Tag::Html)
                && prose[i] < if n.hint.neg_strong { 0.8 } else { 0.5 } * total_prose
                && !has_pos[i]
                // Boilerplate is not made of many paragraphs of prose, except comment
                // threads (and teaser lists, which come with a headline link apiece).
                && !(prose_blocks[i] >= 4
                    && 2 * link_blocks[i] <= prose_blocks[i]
                    && n.hint.neg != Some(Reason::CommentForm))
        })
        .collect();
    // Nearest credible negative hint above each node (itself included).
    let mut neg_above: Vec<u32> = vec![NONE; n_nodes];
    for i in 0..n_nodes {
        let parent = nodes[i].parent;
        neg_above[i] = if credible[i] {
            i as u32
        } else if (parent as usize) < i {
            neg_above[parent as usize]
        } else {
            NONE
        };
    }

    // 3. Local values and the container. As in readability, a block's value goes to
    // its own element and its parent in full and to further ancestors with a decay, so
    // a distant common ancestor of the article and a long list of teasers does not
    // collect both.
    const DECAY: [f64; 6] = [1.0, 1.0, 0.5, 1.0 / 3.0, 0.25, 0.2];
    let mut value = vec![0.0f64; n_nodes];
    // Whole-subtree sums: value, link-list blocks and prose paragraphs.
    let mut total = vec![0.0f64; n_nodes];
    for (b, f) in blocks.iter().zip(&feats) {
        let node = b.node as usize;
        let hinted = neg_above.get(node).copied().unwrap_or(NONE);
        // Prose counts for the element, link text against it, other text (scores,
        // fragments, labels) mildly against.
        let plain = f.len * ((1.0 - f.link) * (1.2 * f.prose - 0.2) - f.link);
        // A row of a data table (several cells, few links) is no sentence but no junk
        // either: standings, results and figures are what some articles are made of.
        // It counts for nothing, so the table does not push the container away from
        // the text around it. Strongly hinted rows (in a footer, a nav) stay against.
        let data_row = b.kind == BlockKind::Table && f.link < 0.2;
        let strong_hint = hinted != NONE
            && nodes
                .get(hinted as usize)
                .is_some_and(|n| n.hint.neg_strong);
        let v = if data_row && !strong_hint {
            plain.max(0.0)
        } else if hinted == NONE {
            plain
        } else if strong_hint {
            -f.len
        } else if f.prose >= 0.6 {
            // A weak hint (a class word like "info" or "promo") does not outweigh prose.
            plain * 0.5
        } else {
            -0.5 * f.len
        };
        if let Some(slot) = total.get_mut(b.node as usize) {
            *slot += v;
        }
        let mut at = b.node;
        for w in DECAY {
            let Some(slot) = value.get_mut(at as usize) else {
                break;
            };
            *slot += v * w;
            at = nodes[at as usize].parent;
        }
    }
    // Adjusted totals: a child that reads like a list of teasers or comments (a link
    // block for every two prose paragraphs or fewer) counts against its parent.
    for i in (1..n_nodes).rev() {
        let parent = nodes[i].parent as usize;
        if parent < i {
            let teasers =
                link_blocks[i] >= 1 && 2 * link_blocks[i] > prose_blocks[i] && prose_blocks[i] >= 1;
            total[parent] += if teasers {
                -0.5 * total[i].abs()
            } else {
                total[i]
            };
        }
    }
    // The elements that hold the headline: the article's text is under its headline,
    // a teaser's under its own.
    let headlines = title_candidates(page, meta, &feats);
    let mut holds_headline = vec![false; n_nodes];
    if let Some(b) = pick_title(page, &headlines, &[]).and_then(|t| blocks.get(t)) {
        let mut at = b.node;
        while let Some(slot) = holds_headline.get_mut(at as usize) {
            *slot = true;
            at = nodes[at as usize].parent;
        }
    }
    let mut best = 0usize;
    let mut best_score = f64::MIN;
    for (i, n) in nodes.iter().enumerate() {
        let mut weight = match n.hint.pos {
            2 if n.hint.neg.is_none() => 0.25,
            1 if n.hint.neg.is_none() => 0.1,
            _ => 0.0,
        };
        if holds_headline[i] {
            weight += HEADLINE_BONUS;
        }
        let bonus = weight * value[i].max(0.0);
        // A subtree whose whole reads as teasers or junk (negative total) is no core.
        let score = value[i].min(total[i].max(0.0)) + bonus;
        if score >= best_score {
            best_score = score;
            best = i;
        }
    }

    // The container: from the densest element, climb to the ancestor with the best
    // adjusted total (articles split into sections or around ad slots are gathered,
    // teaser lists and comment threads next to the article are not).
    let core = best;
    let mut at = nodes[core].parent;
    // Positive evidence (article-body classes, itemprop=articleBody, <article>) pulls
    // the container up to the element it names.
    let climb_score = |i: usize| {
        let weight = match nodes[i].hint.pos {
            _ if nodes[i].hint.neg.is_some() => 0.0,
            2 => 0.5,
            1 => 0.1,
            _ => 0.0,
        };
        total[i] + weight * prose[i]
    };
    let mut best_total = climb_score(core);
    while at != NONE && at != 0 {
        let i = at as usize;
        if matches!(nodes[i].tag, crate::tags::Tag::Html) {
            break;
        }
        let sc = climb_score(i);
        if sc > best_total {
            best_total = sc;
            best = i;
        }
        at = nodes[i].parent;
    }
    let mut is_root = vec![false; n_nodes];
    is_root[best] = true;
    let mut inside = vec![false; n_nodes];
    // Within the article, hints below the container decide; a hint on an element that
    // holds most of the article's prose is a wrapper's name again.
    let mut root_of = vec![NONE; n_nodes];
    let mut inner_neg = vec![NONE; n_nodes];
    // The nearest strong one: a weak hint nearer the block that does not apply (a
    // vague "widget" class inside a comment thread) must not hide it.
    let mut inner_strong = vec![NONE; n_nodes];
    for i in 0..n_nodes {
        let parent = nodes[i].parent as usize;
        if is_root[i] {
            inside[i] = true;
            root_of[i] = i as u32;
            inner_neg[i] = NONE;
            inner_strong[i] = NONE;
            continue;
        }
        if parent >= i {
            continue;
        }
        inside[i] = inside[parent];
        root_of[i] = root_of[parent];
        let own = nodes[i].hint.neg.is_some()
            && {
                let root_prose = root_of[i]
                    .checked_sub(0)
                    .and_then(|r| prose.get(r as usize))
                    .copied()
                    .unwrap_or(total_prose);
                prose[i] < 0.6 * root_prose.max(1.0)
            }
            && !(nodes[i].hint.neg == Some(Reason::Ad)
                && prose_blocks[i] >= 2
                && 2 * link_blocks[i] <= prose_blocks[i]);
        inner_neg[i] = if own { i as u32 } else { inner_neg[parent] };
        inner_strong[i] = if own && nodes[i].hint.neg_strong {
            i as u32
        } else {
            inner_strong[parent]
        };
    }
    // Nearest hint of any credibility, for naming the reason of blocks outside.
    let mut any_neg = vec![NONE; n_nodes];
    for i in 0..n_nodes {
        let parent = nodes[i].parent as usize;
        any_neg[i] = if nodes[i].hint.neg.is_some() && i != 0 {
            i as u32
        } else if parent < i {
            any_neg[parent]
        } else {
            NONE
        };
    }

    // 4. Verdicts.
    let title_block = pick_title(page, &headlines, &inside);

    // Several <article> elements inside the article's container are teasers of other
    // stories (or comments); the one with the headline or most of the prose is not.
    let mut outer_article = vec![NONE; n_nodes];
    for i in 1..n_nodes {
        let parent = nodes[i].parent as usize;
        if parent >= i || !inside[i] || is_root[i] {
            continue;
        }
        outer_article[i] = if outer_article[parent] != NONE {
            outer_article[parent]
        } else if nodes[i].tag == crate::tags::Tag::Article {
            i as u32
        } else {
            NONE
        };
    }
    let mut inner_articles: Vec<u32> = (0..n_nodes as u32)
        .filter(|&i| outer_article[i as usize] == i)
        .collect();
    let title_article = title_block
        .and_then(|t| blocks.get(t))
        .map_or(NONE, |b| outer_article[b.node as usize]);
    inner_articles.retain(|&a| {
        let root = root_of[a as usize] as usize;
        a != title_article && prose[a as usize] < 0.5 * prose.get(root).copied().unwrap_or(0.0)
    });
    let mut other_story = vec![false; n_nodes];
    if inner_articles.len() >= 2 {
        for &a in &inner_articles {
            other_story[a as usize] = true;
        }
    }
    let first_inside = blocks.iter().position(|b| inside[b.node as usize]);
    // Lowercased text of the block being tested, reused from block to block.
    let mut lower = String::new();
    for (i, b) in blocks.iter().enumerate() {
        let f = &feats[i];
        let node = b.node as usize;
        let text = text_of(i);
        if Some(i) == title_block {
            verdicts[i] = Verdict {
                kind: BlockKind::Title,
                removed: None,
            };
            continue;
        }
        if !inside[node] {
            let hinted = match any_neg[node] {
                NONE => None,
                h => nodes[h as usize].hint.neg,
            };
            // A generic name (header, footer, other) yields to what the words say.
            let reason = match hinted {
                Some(r) if !matches!(r, Reason::Header | Reason::Footer | Reason::Other) => r,
                _ => text_reason(b, f, text, &mut lower)
                    .or(hinted)
                    .unwrap_or_else(|| {
                        outside_reason(
                            f,
                            b.kind,
                            text,
                            first_inside.is_none_or(|s| i < s),
                            &mut lower,
                        )
                    }),
            };
            verdicts[i].removed = Some(reason);
            continue;
        }
        verdicts[i].removed = if other_story[outer_article[node] as usize % n_nodes.max(1)]
            && outer_article[node] != NONE
        {
            Some(Reason::OtherStory)
        } else {
            let teaser_hint = inner_neg[node] != NONE && {
                let h = inner_neg[node] as usize;
                link_blocks[h] >= 1 && 2 * link_blocks[h] > prose_blocks[h]
            };
            let strong = inner_strong[node];
            inside_reason(
                page,
                i,
                f,
                text,
                inner_neg[node],
                teaser_hint,
                options,
                &mut lower,
            )
            .or_else(|| {
                (strong != inner_neg[node] && strong != NONE)
                    .then(|| inside_reason(page, i, f, text, strong, false, options, &mut lower))
                    .flatten()
            })
        };
    }

    // A heading that announces other stories ("You may also like", "More from...")
    // takes the rest of its section with it: the blocks after it under the same parent
    // element, up to the next heading of its level.
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        if verdicts[i].kind != BlockKind::Heading || !announces_other_stories(text_of(i)) {
            i += 1;
            continue;
        }
        verdicts[i].removed = Some(Reason::Related);
        let level = b.heading;
        let parent = nodes.get(b.node as usize).map_or(NONE, |n| n.parent);
        let mut j = i + 1;
        while j < blocks.len() {
            let next = &blocks[j];
            if next.heading > 0 && next.heading <= level {
                break;
            }
            if !is_under(nodes, next.node, parent) {
                break;
            }
            if verdicts[j].kind != BlockKind::Title {
                verdicts[j].removed.get_or_insert(Reason::Related);
            }
            j += 1;
        }
        i = j;
    }

    // Captions asked for: those between the headline and the end of the article.
    if options.keep_captions {
        let start = title_block.or(first_inside).unwrap_or(usize::MAX);
        let end = blocks
            .iter()
            .rposition(|b| inside[b.node as usize])
            .unwrap_or(0);
        let end = end.min(blocks.len().saturating_sub(1));
        for v in verdicts.iter_mut().take(end + 1).skip(start) {
            if v.removed == Some(Reason::Caption) {
                v.removed = None;
            }
        }
    }

    // Headings stay only when article text follows them before the next heading.
    let mut next_kept_is_text = false;
    for i in (0..blocks.len()).rev() {
        let v = verdicts[i];
        if v.kind == BlockKind::Title {
            continue;
        }
        if v.kind == BlockKind::Heading {
            if v.removed.is_none() && !next_kept_is_text {
                verdicts[i].removed = Some(Reason::Other);
            }
            next_kept_is_text = false;
            continue;
        }
        if v.removed.is_none() {
            next_kept_is_text = true;
        }
    }
    Analysis {
        verdicts,
        feats,
        value,
        prose,
        is_root,
        credible,
        total,
        link_blocks,
        prose_blocks,
        best,
    }
}

fn outside_reason(
    f: &Feat,
    kind: BlockKind,
    text: &str,
    before_article: bool,
    lower: &mut String,
) -> Reason {
    let mut footer_words = || {
        text.contains('©') || {
            lowercase_into(text, lower);
            let found = phrases_in(lower, 0..0);
            found.anywhere & (COPYRIGHT | ALL_RIGHTS_RESERVED) != 0
        }
    };
    if f.st.words <= 40 && footer_words() {
        Reason::Footer
    } else if f.link > 0.5 {
        if kind == BlockKind::ListItem && f.st.words >= 5 {
            Reason::OtherStory
        } else {
            Reason::Navigation
        }
    } else if before_article && f.prose < 0.5 {
        Reason::Header
    } else {
        Reason::Other
    }
}

#[allow(clippy::too_many_arguments)]
fn inside_reason(
    page: &Page,
    i: usize,
    f: &Feat,
    text: &str,
    hint_node: u32,
    teaser_hint: bool,
    options: &HtmlOptions,
    lower: &mut String,
) -> Option<Reason> {
    let b = &page.blocks[i];
    if hint_node != NONE
        && let Some(n) = page.nodes.get(hint_node as usize)
        && let Some(reason) = n.hint.neg
    {
        // Weak words for teasers ("card", "more", "tile") inside the article
        // count only where the text looks like teasers or links.
        let vague = matches!(reason, Reason::Related | Reason::OtherStory | Reason::Other);
        let applies = if n.hint.neg_strong {
            true
        } else if vague {
            teaser_hint || f.link > 0.3
        } else {
            f.prose < 0.7 || f.st.words < 25
        };
        if applies {
            if matches!(reason, Reason::Header | Reason::Footer | Reason::Other)
                && let Some(r) = text_reason(b, f, text, lower)
            {
                return Some(r);
            }
            if !(options.keep_captions && reason == Reason::Caption) {
                return Some(reason);
            }
        }
    }
    if !options.keep_captions
        && (b.ctx & ctx::FIGCAPTION != 0 || (b.ctx & ctx::FIGURE != 0 && f.prose < 0.5))
    {
        return Some(Reason::Caption);
    }
    if f.link > options.max_link_density && !(f.st.words >= 40 && f.link < 0.8) {
        return Some(if b.kind == BlockKind::ListItem && f.st.words >= 5 {
            Reason::Related
        } else {
            Reason::Navigation
        });
    }
    if f.st.words <= 150 && is_cookie_notice(text, lower) {
        return Some(Reason::Cookie);
    }
    if f.st.words <= 2 && b.kind == BlockKind::Paragraph && !text.chars().any(char::is_alphabetic) {
        // A lone count or symbol ("27", "•", "›"): a widget's number, not a sentence.
        return Some(Reason::Other);
    }
    if f.st.words <= 30 && b.ctx & ctx::BLOCKQUOTE == 0 {
        if let Some(r) = short_text_reason(text, f, lower)
            && !(options.keep_captions && r == Reason::Caption)
        {
            return Some(r);
        }
        if b.time_bytes * 2 > b.end - b.start {
            return Some(Reason::Metadata);
        }
    }
    None
}

/// What the words of a block alone say it is, if anything.
fn text_reason(
    b: &crate::parse::RawBlock,
    f: &Feat,
    text: &str,
    lower: &mut String,
) -> Option<Reason> {
    if f.st.words <= 150 && is_cookie_notice(text, lower) {
        return Some(Reason::Cookie);
    }
    if f.st.words <= 30 && b.ctx & ctx::BLOCKQUOTE == 0 {
        if let Some(r) = short_text_reason(text, f, lower) {
            return Some(r);
        }
        if f.st.words <= 12 && b.time_bytes * 2 > b.end - b.start {
            return Some(Reason::Metadata);
        }
    }
    None
}

/// A cookie or consent notice: mentions cookies together with consent vocabulary.
fn is_cookie_notice(text: &str, lower: &mut String) -> bool {
    static OOKIE: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("ookie"));
    if OOKIE.find(text.as_bytes()).is_none() {
        return false;
    }
    lowercase_into(text, lower);
    [
        "consent",
        "accept",
        "use cookies",
        "uses cookies",
        "privacy",
        "browsing experience",
        "this site",
        "this website",
        "our site",
        "our website",
        "opt-out",
        "opt out",
        "agree",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Phrases the text tests look for inside a block, found in one pass over its lowercased
/// text. The bit masks below name them by group.
const PHRASES: &[&str] = &[
    "all rights reserved",
    "copyright",
    // Credits of a caption left outside <figure>.
    "(image:",
    "(photo:",
    "(picture:",
    "(credit:",
    "(image credit",
    "(photo credit",
    "(foto:",
    // Newsletter prompts.
    "newsletter",
    "subscribe to",
    // Taxonomy and posting lines.
    "tags:",
    "category:",
    "categories:",
    "posted by",
    "publicado por",
    "filed under",
    "categoria:",
];
const ALL_RIGHTS_RESERVED: u32 = 1 << 0;
const COPYRIGHT: u32 = 1 << 1;
const CREDIT_IN_BRACKETS: u32 = 0b111_1111 << 2;
const NEWSLETTER_WORD: u32 = 1 << 9;
const SUBSCRIBE_TO: u32 = 1 << 10;
const FILED_UNDER: u32 = 0b111_1111 << 11;

/// Which [`PHRASES`] a text holds (bit `i` for phrase `i`): anywhere, and wholly inside
/// a given range of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Found {
    anywhere: u32,
    in_trimmed: u32,
}

/// Finds every occurrence of every phrase of [`PHRASES`] in `lower`.
fn phrases_in(lower: &str, trimmed: std::ops::Range<usize>) -> Found {
    // Leftmost-first matching lets the searcher use its SIMD prefilter. No phrase is a
    // prefix of another, so at most one phrase matches at a position, and searching
    // again from one past each match start finds every occurrence.
    static MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(PHRASES)
            .ok()
    });
    let mut found = Found::default();
    let mut note = |id: usize, start: usize, end: usize| {
        found.anywhere |= 1 << id;
        if trimmed.start <= start && end <= trimmed.end {
            found.in_trimmed |= 1 << id;
        }
    };
    match MATCHER.as_ref() {
        Some(ac) => {
            let mut at = 0;
            while at < lower.len() {
                let Some(m) = ac.find(Input::new(lower).span(at..lower.len())) else {
                    break;
                };
                note(m.pattern().as_usize(), m.start(), m.end());
                at = m.start() + 1;
            }
        }
        None => {
            // Cannot happen with these phrases; the plain search gives the same answer.
            for (id, p) in PHRASES.iter().enumerate() {
                for (at, _) in lower.match_indices(p) {
                    note(id, at, at + p.len());
                }
            }
        }
    }
    found
}

/// Writes `text` lowercased into `out`: the same string as `str::to_lowercase`, without
/// allocating once `out` has grown.
fn lowercase_into(text: &str, out: &mut String) {
    out.clear();
    let b = text.as_bytes();
    // Runs of ASCII and of caseless punctuation (U+2000-U+20FF: quotes, dashes,
    // currency signs) are copied whole; other characters are mapped one by one.
    let mut run_start = 0;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            i += 1;
            // Eight ASCII bytes at a time.
            while let Some(eight) = b.get(i..i + 8).and_then(|e| <[u8; 8]>::try_from(e).ok()) {
                if u64::from_le_bytes(eight) & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            continue;
        }
        if c == 0xE2 && matches!(b.get(i + 1), Some(0x80..=0x83)) {
            i += 3;
            continue;
        }
        if c == 0xCE && b.get(i + 1) == Some(&0xA3) {
            // A capital sigma lowercases by its position in the word: leave it to std.
            out.clear();
            out.push_str(&text.to_lowercase());
            return;
        }
        push_ascii_lowercase(out, text.get(run_start..i).unwrap_or_default());
        let ch = text
            .get(i..)
            .and_then(|r| r.chars().next())
            .unwrap_or('\u{fffd}');
        out.extend(ch.to_lowercase());
        i += ch.len_utf8();
        run_start = i;
    }
    push_ascii_lowercase(out, text.get(run_start..).unwrap_or_default());
}

fn push_ascii_lowercase(out: &mut String, run: &str) {
    let start = out.len();
    out.push_str(run);
    if let Some(added) = out.get_mut(start..) {
        added.make_ascii_lowercase();
    }
}

/// Whole-text labels of ad slots.
const AD: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "anzeige",
    "publicidad",
    "publicité",
    "pubblicità",
    "реклама",
    "ad",
    "advert",
    "werbung",
    "広告",
    "スポンサードリンク",
    "スポンサーリンク",
    "광고",
];

/// Whole-text labels of share buttons.
const SHARE: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "copy link",
    "comments",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
];

/// Whole-text labels (or label prefixes) of related-stories boxes.
const RELATED: &[&str] = &[
    "read more",
    "related",
    "related articles",
    "related stories",
    "related content",
    "see also",
    "more stories",
    "more from",
    "also read",
    "recommended",
    "most read",
    "most popular",
    "you may also like",
    "read next",
    "up next",
    "explore further",
    "don't miss",
    "don’t miss",
    "more on this story",
    "trending",
    "popular",
    "latest news",
    "top stories",
    "関連記事",
    "관련기사",
    "leia também",
    "veja também",
    "leggi anche",
    "lesen sie auch",
    "читайте также",
];

/// The longest phrase of [`AD`], [`SHARE`] and [`RELATED`], in bytes.
const LONGEST_LABEL: usize = {
    let lists: [&[&str]; 3] = [AD, SHARE, RELATED];
    let mut max = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if lists[i][j].len() > max {
                max = lists[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    max
};

/// Boilerplate recognizable from the words of a short block.
fn short_text_reason(text: &str, f: &Feat, lower: &mut String) -> Option<Reason> {
    let t = text.trim();
    lowercase_into(t, lower);
    let lower = lower.as_str();
    let from_alnum = lower.trim_start_matches(|c: char| !is_alnum(c));
    let l = from_alnum.trim_end_matches(|c: char| !is_alnum(c));
    let l_start = lower.len() - from_alnum.len();
    let found = phrases_in(lower, l_start..l_start + l.len());
    if f.st.words <= 40
        && (has_copyright_sign(t)
            || found.anywhere & ALL_RIGHTS_RESERVED != 0
            || lower.starts_with("copyright"))
    {
        return Some(Reason::Footer);
    }
    if f.st.words <= 30 && t.ends_with(')') && found.anywhere & CREDIT_IN_BRACKETS != 0 {
        // "A 14th-century plague doctor (Image: Getty)": a caption left outside <figure>.
        return Some(Reason::Caption);
    }
    // The lists below hold short phrases: a longer text matches none of them, except
    // as a prefix of a related-stories label, which needs a short text too.
    if l.len() <= LONGEST_LABEL || f.st.words <= 8 {
        if AD.contains(&l) {
            return Some(Reason::Ad);
        }
        if SHARE.contains(&l) {
            return Some(Reason::Share);
        }
        if RELATED
            .iter()
            .any(|p| l == *p || (l.starts_with(p) && f.st.words <= 8 && t.contains(':')))
        {
            return Some(Reason::Related);
        }
    }
    const SUBSCRIBE: &[&str] = &[
        "subscribe",
        "sign up",
        "newsletter",
        "register",
        "log in",
        "sign in",
    ];
    if f.st.words <= 10 && SUBSCRIBE.iter().any(|p| l.starts_with(p)) {
        return Some(Reason::Subscription);
    }
    if f.st.words <= 30
        && (found.in_trimmed & SUBSCRIBE_TO != 0
            || (found.in_trimmed & NEWSLETTER_WORD != 0 && asks_to_sign_up(lower)))
    {
        return Some(Reason::Subscription);
    }
    if f.st.words <= 8
        && (t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("by "))
        && !f.st.ends_sentence
    {
        return Some(Reason::Metadata);
    }
    if f.st.words <= 8 && contains_numeric_date(t) {
        // "기사입력 :[ 2018-09-28 17:32 ]", "Updated 2019/11/18": a time stamp.
        return Some(Reason::Metadata);
    }
    if f.st.words <= 25 && found.in_trimmed & FILED_UNDER != 0 {
        return Some(Reason::Metadata);
    }
    if f.st.words > 12 {
        return None;
    }
    if lower.starts_with("image ") && f.st.words <= 4 && lower.contains(" of ") {
        // "Image 2 of 5": a gallery counter.
        return Some(Reason::Caption);
    }
    if f.st.words <= 10 {
        for p in [
            "published",
            "updated",
            "posted",
            "last updated",
            "first published",
        ] {
            if l.starts_with(p) {
                return Some(Reason::Metadata);
            }
        }
        if crate::dates::normalize(t).is_some() && f.st.words <= 7 {
            return Some(Reason::Metadata);
        }
    }
    for p in [
        "photo:",
        "photograph:",
        "image:",
        "picture:",
        "credit:",
        "photo by",
        "image by",
        "(photo",
        "foto:",
    ] {
        if lower.starts_with(p) {
            return Some(Reason::Caption);
        }
    }
    None
}

/// Whether a lowercased text asks the reader to sign up, join or give an address: what
/// makes a sentence naming a newsletter a prompt rather than a sentence about one.
fn asks_to_sign_up(lower: &str) -> bool {
    const CALLS: &[&str] = &[
        "sign up",
        "sign-up",
        "signup",
        "join",
        "inbox",
        "your email",
        "email address",
        "receive",
        "delivered",
        "opt-in",
        "opt in",
        "agree",
    ];
    CALLS.iter().any(|c| lower.contains(c))
        || lower.match_indices("subscribe").any(|(at, _)| {
            lower
                .get(..at)
                .is_some_and(|before| !before.ends_with("un"))
        })
}

/// Whether `node` lies under `ancestor` (looking at most 32 levels up).
fn is_under(nodes: &[crate::parse::Node], mut node: u32, ancestor: u32) -> bool {
    if ancestor == NONE {
        return false;
    }
    for _ in 0..32 {
        if node == ancestor {
            return true;
        }
        match nodes.get(node as usize) {
            Some(n) if n.parent != NONE => node = n.parent,
            _ => return false,
        }
    }
    false
}

/// A heading that introduces links to other stories.
fn announces_other_stories(text: &str) -> bool {
    if text.len() > 48 || text.split_whitespace().count() > 6 {
        return false;
    }
    let l = text.trim().to_lowercase();
    let l = l.trim_matches(|c: char| !c.is_alphanumeric());
    [
        "related",
        "you may also",
        "you might also",
        "you may like",
        "you might like",
        "recommended",
        "read more",
        "read next",
        "more from",
        "more on this",
        "more stories",
        "more news",
        "most popular",
        "most read",
        "trending",
        "latest news",
        "latest stories",
        "top stories",
        "don't miss",
        "don’t miss",
        "also read",
        "see also",
        "popular posts",
        "recent posts",
        "similar posts",
        "more articles",
        "other stories",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// Whether `t` contains a numeric date `YYYY-MM-DD` (or with `/` or `.`).
fn contains_numeric_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.windows(10).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && matches!(w[4], b'-' | b'/' | b'.')
            && w[7] == w[4]
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[8..10].iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' || w[0] == b'2')
    })
}

/// The block holding the headline: a heading whose words match a title candidate,
/// preferring `h1` and blocks at or before the article.
/// Blocks that could be the headline, with how well each matches the page's title
/// candidates (word overlap, plus a bonus for `<h1>` and other headings). The position
/// relative to the article's container is weighed later, by [`pick_title`].
fn title_candidates(page: &Page, meta: &Metadata, feats: &[Feat]) -> Vec<(usize, f64)> {
    let mut candidates: Vec<NormWords> = Vec::new();
    for t in meta.title_candidates.iter().chain(meta.title.iter()) {
        let mut words = NormWords::default();
        words.fill(t);
        // The same headline often comes from several sources: the best overlap with
        // one copy is the best overlap with all.
        if !words.ranges.is_empty() && !candidates.iter().any(|c| c.iter().eq(words.iter())) {
            candidates.push(words);
        }
    }
    let title_words = TitleWords::new(&candidates);
    let mut found = Vec::new();
    let mut words = NormWords::default();
    for (i, b) in page.blocks.iter().enumerate() {
        if feats[i].st.words > 40
            || feats[i].len < 3.0
            || (b.heading == 0 && feats[i].st.ends_sentence)
        {
            continue;
        }
        if b.heading == 0
            && candidates
                .iter()
                .all(|c| c.ranges.len() + 3 < feats[i].st.words as usize)
        {
            continue;
        }
        let text = page
            .text
            .get(b.start as usize..b.end as usize)
            .unwrap_or_default();
        words.fill(text);
        if words.ranges.is_empty() {
            continue;
        }
        let sim = title_words.best_overlap(&words);
        if sim < 0.6 && !(b.heading == 1 && candidates.is_empty()) {
            continue;
        }
        let mut score = sim;
        if b.heading == 1 {
            score += 0.3;
        } else if b.heading > 0 {
            score += 0.1;
        }
        found.push((i, score));
    }
    found
}

/// The headline among [`title_candidates`]: the best match, preferring a block inside
/// the article's container (`inside`, by node; an empty slice when the container is
/// not known yet) over one far after the container's first block.
fn pick_title(page: &Page, candidates: &[(usize, f64)], inside: &[bool]) -> Option<usize> {
    let is_inside = |i: usize| {
        page.blocks
            .get(i)
            .is_some_and(|b| inside.get(b.node as usize).copied().unwrap_or(false))
    };
    let first_inside = (0..page.blocks.len()).find(|&i| is_inside(i));
    let mut best: Option<(usize, f64)> = None;
    for &(i, base) in candidates {
        let mut score = base;
        if is_inside(i) {
            score += 0.1;
        } else if first_inside.is_some_and(|s| i > s + 3) {
            score -= 0.3;
        }
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

/// [`norm_words`] of one text after another, into buffers reused from text to text.
#[derive(Default)]
struct NormWords {
    /// The lowercased words, one after the other.
    buf: String,
    /// Each word's range in `buf`.
    ranges: Vec<(u32, u32)>,
    /// A word being lowercased.
    tmp: String,
}

impl NormWords {
    fn fill(&mut self, s: &str) {
        self.ranges.clear();
        // Lowercasing keeps every character one character, alphanumeric or not, except
        // a capital sigma (which depends on its neighbours) and a dotted capital I
        // (which gains a combining dot): without them, the whole text can be lowercased
        // once and split afterwards.
        if !has_context_cased(s) {
            lowercase_into(s, &mut self.buf);
            let b = self.buf.as_bytes();
            let mut start = None;
            let mut at = 0;
            while at <= b.len() {
                let (alnum, len) = match b.get(at) {
                    None => (false, 1),
                    Some(&c) if c < 0x80 => (c.is_ascii_alphanumeric(), 1),
                    Some(_) => {
                        let c = self.buf.get(at..).and_then(|r| r.chars().next());
                        c.map_or((false, 1), |c| (is_alnum(c), c.len_utf8()))
                    }
                };
                match (alnum, start) {
                    (true, None) => start = Some(at),
                    (false, Some(s)) => {
                        self.ranges.push((s as u32, at as u32));
                        start = None;
                        if self.ranges.len() == 64 {
                            break;
                        }
                    }
                    _ => {}
                }
                at += len;
            }
            return;
        }
        self.buf.clear();
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(64)
        {
            let start = self.buf.len();
            lowercase_into(w, &mut self.tmp);
            self.buf.push_str(&self.tmp);
            self.ranges.push((start as u32, self.buf.len() as u32));
        }
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.ranges
            .iter()
            .map(|&(s, e)| self.buf.get(s as usize..e as usize).unwrap_or_default())
    }
}

/// Whether `t` holds `©` or `ⓒ` (found by their UTF-8 lead bytes, not char by char).
fn has_copyright_sign(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr2_iter(0xC2, 0xE2, b).any(|at| {
        matches!(
            (b.get(at), b.get(at + 1), b.get(at + 2)),
            (Some(0xC2), Some(0xA9), _) | (Some(0xE2), Some(0x93), Some(0x92))
        )
    })
}

/// Whether `s` holds a capital sigma or a dotted capital I, whose lowercase depends on
/// the neighbouring letters or is two characters.
fn has_context_cased(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(0xCE, 0xC4, b).any(|at| {
        matches!(
            (b.get(at), b.get(at + 1)),
            (Some(0xCE), Some(0xA3)) | (Some(0xC4), Some(0xB0))
        )
    })
}

/// The lowercased alphanumeric words of `s` (at most 64): what [`NormWords`] holds.
#[cfg(test)]
fn norm_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(64)
        .collect()
}

/// The words of the title candidates, indexed so that a block's words are matched
/// against all candidates in one pass.
struct TitleWords<'c> {
    candidates: &'c [NormWords],
    /// For each word, which candidates hold it (bit `i` for candidate `i`).
    holders: HashMap<&'c str, u64, BuildHasherDefault<WordHasher>>,
}

impl<'c> TitleWords<'c> {
    fn new(candidates: &'c [NormWords]) -> Self {
        let words = candidates.iter().map(|c| c.ranges.len()).sum();
        let mut holders: HashMap<&str, u64, _> =
            HashMap::with_capacity_and_hasher(words, BuildHasherDefault::default());
        // There are at most five candidates (og:title, JSON-LD, microdata, <title>, the
        // chosen title); a mask holds 64.
        for (i, c) in candidates.iter().enumerate().take(64) {
            for w in c.iter() {
                *holders.entry(w).or_insert(0) |= 1 << i;
            }
        }
        TitleWords {
            candidates,
            holders,
        }
    }

    /// The best Dice overlap of `words` with a candidate, each compared as a set: the
    /// block's words found in the candidate, over both lengths.
    fn best_overlap(&self, words: &NormWords) -> f64 {
        if words.ranges.is_empty() {
            return 0.0;
        }
        let mut common = [0u32; 64];
        for w in words.iter() {
            if let Some(&mask) = self.holders.get(w) {
                let mut m = mask;
                while m != 0 {
                    common[m.trailing_zeros() as usize] += 1;
                    m &= m - 1;
                }
            }
        }
        self.candidates
            .iter()
            .zip(common)
            .filter(|(c, _)| !c.ranges.is_empty())
            .map(|(c, n)| 2.0 * f64::from(n) / (words.ranges.len() + c.ranges.len()) as f64)
            .fold(0.0f64, f64::max)
    }
}

/// A fast hasher for short words (the title index is rebuilt for every page and holds
/// a few dozen words, so hash flooding is no concern).
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let x = u64::from_le_bytes(<[u8; 8]>::try_from(c).unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
        }
        let mut tail = [0u8; 8];
        for (d, &s) in tail.iter_mut().zip(chunks.remainder()) {
            *d = s;
        }
        self.0 =
            (self.0.rotate_left(5) ^ u64::from_le_bytes(tail) ^ bytes.len() as u64).wrapping_mul(K);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mixed_case_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-zA-Z :,.()'-]{1,12}",
            Just("“Quoted”".to_owned()),
            Just("ΟΔΟΣ Σοφία".to_owned()),
            Just("İstanbul".to_owned()),
            Just("\u{212a}elvin".to_owned()),
            Just("Ünïcödé — €5".to_owned()),
            Just("All Rights Reserved".to_owned()),
            Just("Tags:".to_owned()),
            Just("copyrightags:".to_owned()),
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn lowercase_into_is_to_lowercase(text in mixed_case_text()) {
            let mut out = String::from("left over");
            lowercase_into(&text, &mut out);
            prop_assert_eq!(out, text.to_lowercase());
        }

        #[test]
        fn phrases_are_all_found(text in mixed_case_text(), a in 0usize..64, b in 0usize..64) {
            let lower = text.to_lowercase();
            let (a, b) = (a.min(lower.len()), b.min(lower.len()));
            let trimmed = a.min(b)..a.max(b);
            let found = phrases_in(&lower, trimmed.clone());
            for (id, p) in PHRASES.iter().enumerate() {
                let anywhere = lower.contains(p);
                let inside = lower
                    .match_indices(p)
                    .any(|(at, _)| trimmed.start <= at && at + p.len() <= trimmed.end);
                prop_assert_eq!(found.anywhere & (1 << id) != 0, anywhere, "{}", p);
                prop_assert_eq!(found.in_trimmed & (1 << id) != 0, inside, "{}", p);
            }
        }

        #[test]
        fn reused_norm_words_match_fresh_ones(text in mixed_case_text()) {
            let mut words = NormWords::default();
            words.fill("Some earlier Text");
            words.fill(&text);
            let got: Vec<&str> = words.iter().collect();
            prop_assert_eq!(got, norm_words(&text));
        }
    }

    #[test]
    fn general_punctuation_is_not_alphanumeric() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in ['a', 'Z', '7', 'é', 'Ж', '東', '²', '“', '-', ' '] {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(has_context_cased("ΟΔΟΣ"));
        for t in [
            "© 2024 Post",
            "ⓒ Herald",
            "x ©",
            "no sign — “here”",
            "",
            "Café",
        ] {
            assert_eq!(has_copyright_sign(t), t.contains(['©', 'ⓒ']), "{t}");
        }
        assert!(has_context_cased("İstanbul"));
        assert!(!has_context_cased("Ölçek Σ".trim_end_matches('Σ')));
    }

    #[test]
    fn phrases_overlapping_each_other_are_both_found() {
        let found = phrases_in("copyrightags: x", 0..15);
        assert_ne!(found.anywhere & COPYRIGHT, 0);
        assert_ne!(found.anywhere & FILED_UNDER, 0);
        assert_eq!(phrases_in("tags:", 0..4).in_trimmed, 0);
    }

    #[test]
    fn label_lists_fit_the_length_guard() {
        for p in AD.iter().chain(SHARE).chain(RELATED) {
            assert!(p.len() <= LONGEST_LABEL);
        }
    }
}
