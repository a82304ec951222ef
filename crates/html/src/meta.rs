//! Headline, byline and publication date, read from meta tags (Open Graph, `article:`,
//! Parse.ly, Dublin Core...), JSON-LD (`NewsArticle`/`Article`: headline, author,
//! datePublished, articleBody) and the visible page (`<time datetime>`, `rel=author`,
//! `itemprop`, "By ..." lines).

use serde_json::Value as Json;

use crate::BlockKind;
use crate::dates;
use crate::hints::Reason;
use crate::parse::{CaptureKind, Page, collapse_spaces};
use crate::score::Verdict;

/// Page metadata and the structured-data evidence the scorer uses.
#[derive(Clone, Debug, Default)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    /// JSON-LD `articleBody`, when the page has one.
    pub article_body: Option<String>,
    /// Raw title candidates (og:title, headline, `<title>`), used to find the headline block.
    pub title_candidates: Vec<String>,
    /// The title came from `<title>` only (no og:title, JSON-LD or microdata headline).
    pub title_from_tag: bool,
}

#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    body: Option<String>,
}

/// Reads the metadata of a parsed page. The title may later be replaced by the text of
/// the headline block the scorer finds.
pub(crate) fn collect(page: &Page) -> Metadata {
    let meta = &page.meta;
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            meta.metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld(&meta.ld_json);
    let site_name = get(&["og:site_name", "application-name", "twitter:site"]);

    // Title.
    let mut title_candidates = Vec::new();
    let og = get(&[
        "og:title",
        "twitter:title",
        "parsely-title",
        "dc.title",
        "citation_title",
        "headline",
        "title",
    ]);
    title_candidates.extend(og.clone());
    title_candidates.extend(ld.headline.clone());
    let headline_capture = meta
        .captures
        .iter()
        .find(|c| c.kind == CaptureKind::Headline)
        .and_then(|c| capture_text(page, c.start, c.end));
    title_candidates.extend(headline_capture.clone());
    title_candidates.extend(meta.title_tag.clone());
    let title_from_tag = og.is_none() && ld.headline.is_none() && headline_capture.is_none();
    let title = og
        .or(ld.headline.clone())
        .or(headline_capture)
        .or_else(|| meta.title_tag.clone())
        .map(|t| strip_site_name(&t, site_name.as_deref()))
        .filter(|t| !t.is_empty());

    // Byline.
    let mut byline = None;
    if !ld.authors.is_empty() {
        byline = Some(join_names(&ld.authors));
    }
    if byline.is_none() {
        byline = get(&[
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "dcterms.creator",
            "citation_author",
            "cxenseparse:author",
            "byl",
            "byline",
        ])
        .filter(|a| !looks_like_url(a))
        .map(|a| clean_byline(&a))
        .filter(|a| !a.is_empty());
    }
    if byline.is_none() {
        let mut names: Vec<String> = Vec::new();
        for strong in [true, false] {
            for c in meta
                .captures
                .iter()
                .filter(|c| c.kind == CaptureKind::Author && c.strong == strong)
            {
                if let Some(t) = capture_text(page, c.start, c.end) {
                    let t = clean_byline(&t);
                    if !t.is_empty() && t.split_whitespace().count() <= 12 && !names.contains(&t) {
                        names.push(t);
                    }
                }
            }
            if !names.is_empty() {
                break;
            }
        }
        if !names.is_empty() {
            names.truncate(4);
            byline = Some(join_names(&names));
        }
    }

    // Date.
    let mut date = ld.date.as_deref().and_then(dates::normalize);
    if date.is_none() {
        date = [
            "article:published_time",
            "og:article:published_time",
            "published_time",
            "parsely-pub-date",
            "sailthru.date",
            "datepublished",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "dcterms.date",
            "dcterms.created",
            "datecreated",
            "citation_publication_date",
            "citation_date",
            "cxenseparse:publishtime",
            "article.published",
            "original-publish-date",
            "publishdate",
            "publish-date",
            "publish_date",
            "pubdate",
            "date",
        ]
        .iter()
        .filter_map(|k| get(&[k]))
        .find_map(|v| dates::normalize(&v));
    }
    if date.is_none() {
        date = meta
            .captures
            .iter()
            .filter(|c| c.kind == CaptureKind::Date)
            .find_map(|c| {
                c.value.as_deref().and_then(dates::normalize).or_else(|| {
                    capture_text(page, c.start, c.end).and_then(|t| dates::normalize(&t))
                })
            });
    }

    Metadata {
        title,
        byline,
        date,
        article_body: ld.body,
        title_candidates,
        title_from_tag,
    }
}

/// Fills a missing byline or date from the blocks the scorer marked as metadata
/// ("By Jane Doe", "Posted on 3 June 2019").
pub(crate) fn from_visible_lines(page: &Page, verdicts: &[Verdict], meta: &mut Metadata) {
    // Without a declared headline (og:title, JSON-LD, microdata), the heading the scorer
    // matched to `<title>` is the headline as the page shows it, without the site name.
    let headline = page
        .blocks
        .iter()
        .zip(verdicts)
        .find(|(b, v)| v.kind == BlockKind::Title && b.heading > 0)
        .and_then(|(b, _)| page.text.get(b.start as usize..b.end as usize));
    if let Some(h) = headline.filter(|_| meta.title_from_tag || meta.title.is_none()) {
        let h = collapse_spaces(h);
        if !h.is_empty() && h.len() <= 400 {
            meta.title = Some(h);
        }
    }
    if let Some(t) = &meta.title
        && t.contains('&')
    {
        meta.title = Some(html_unescape_basic(t));
    }
    if meta.byline.is_some() && meta.date.is_some() {
        return;
    }
    for (b, v) in page.blocks.iter().zip(verdicts) {
        if v.removed != Some(Reason::Metadata) {
            continue;
        }
        let Some(text) = page.text.get(b.start as usize..b.end as usize) else {
            continue;
        };
        if text.len() > 200 {
            continue;
        }
        if meta.byline.is_none() {
            for line in text.lines() {
                let line = line.trim();
                if line.starts_with("By ") || line.starts_with("BY ") {
                    let name = clean_byline(line);
                    if !name.is_empty() && name.split_whitespace().count() <= 8 {
                        meta.byline = Some(name);
                        break;
                    }
                }
            }
        }
        if meta.date.is_none() {
            meta.date = dates::normalize(text);
        }
        if meta.byline.is_some() && meta.date.is_some() {
            return;
        }
    }
}

fn capture_text(page: &Page, start: u32, end: u32) -> Option<String> {
    let t = page.text.get(start as usize..end as usize)?;
    let t = collapse_spaces(t);
    (!t.is_empty() && t.len() < 400).then_some(t)
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || s.starts_with('/')
}

fn join_names(names: &[String]) -> String {
    names.join(", ")
}

/// "By Jane Doe, Staff Writer" → "Jane Doe, Staff Writer"; "By JANE DOE and JOHN ROE" kept
/// as written apart from the "By".
pub(crate) fn clean_byline(s: &str) -> String {
    let s = collapse_spaces(s);
    let mut t = s.as_str();
    for prefix in [
        "By ",
        "BY ",
        "by ",
        "Por ",
        "Par ",
        "Von ",
        "Di ",
        "Автор: ",
        "Текст: ",
        "Text: ",
        "Texto: ",
        "Texte : ",
        "Texte: ",
        "Written by ",
        "Words by ",
        "Reporting by ",
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest;
            break;
        }
    }
    t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '-' | '—' | ':'))
        .to_owned()
}

/// Removes a site name from a page title: "Headline | Site", "Site - Headline".
pub(crate) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let title = collapse_spaces(title);
    const SEPS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
    let Some(sep) = SEPS.iter().find(|s| title.contains(*s)) else {
        return title;
    };
    let parts: Vec<&str> = title.split(sep).collect();
    let site_lower = site.map(str::to_lowercase);
    let is_site = |p: &str| {
        let p = p.trim().to_lowercase();
        match &site_lower {
            Some(s) => !s.is_empty() && (p == *s || s.contains(&p) || p.contains(s.as_str())),
            None => false,
        }
    };
    if site_lower.is_some() {
        let kept: Vec<&str> = parts.iter().copied().filter(|p| !is_site(p)).collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            return kept.join(sep);
        }
    }
    // No declared site name: a short last (or first) segment is the site.
    let words = |p: &str| p.split_whitespace().count();
    if let (Some(first), Some(last)) = (parts.first(), parts.last()) {
        if parts.len() >= 2 && words(last) <= 4 && words(first) >= 3 {
            return parts[..parts.len() - 1].join(sep);
        }
        if parts.len() >= 2 && words(first) <= 3 && words(last) >= 4 {
            return parts[1..].join(sep);
        }
    }
    title
}

/// Finds the article object in the page's JSON-LD scripts.
fn json_ld(scripts: &[String]) -> LdArticle {
    let mut best = LdArticle::default();
    let mut best_rank = 0;
    for script in scripts {
        let Some(value) = parse_lenient(script) else {
            continue;
        };
        // Walk with an explicit stack; serde_json already bounds the depth.
        let mut stack: Vec<&Json> = vec![&value];
        let mut visited = 0;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > 10_000 {
                break;
            }
            match v {
                Json::Array(items) => stack.extend(items.iter().rev()),
                Json::Object(map) => {
                    let rank = article_rank(map.get("@type"));
                    if rank > best_rank {
                        best_rank = rank;
                        best = read_article(map);
                    }
                    for key in [
                        "@graph",
                        "mainEntity",
                        "mainEntityOfPage",
                        "itemListElement",
                    ] {
                        if let Some(child) = map.get(key) {
                            stack.push(child);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    best
}

/// How much a JSON-LD type looks like the article itself: 3 news/blog article types,
/// 2 other articles, 1 a web page, 0 anything else.
fn article_rank(ty: Option<&Json>) -> u8 {
    let rank_of = |t: &str| -> u8 {
        let t = t.rsplit('/').next().unwrap_or(t);
        if t.ends_with("NewsArticle")
            || t == "BlogPosting"
            || t == "LiveBlogPosting"
            || t == "Report"
        {
            3
        } else if t.ends_with("Article") || t.ends_with("Posting") {
            2
        } else if t == "WebPage" || t == "ItemPage" {
            1
        } else {
            0
        }
    };
    match ty {
        Some(Json::String(t)) => rank_of(t),
        Some(Json::Array(ts)) => ts
            .iter()
            .filter_map(Json::as_str)
            .map(rank_of)
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

fn read_article(map: &serde_json::Map<String, Json>) -> LdArticle {
    let text = |v: Option<&Json>| -> Option<String> {
        match v? {
            Json::String(s) => {
                Some(collapse_spaces(&html_unescape_basic(s))).filter(|s| !s.is_empty())
            }
            Json::Array(items) => items.iter().find_map(|i| i.as_str().map(collapse_spaces)),
            _ => None,
        }
    };
    let mut authors = Vec::new();
    for key in ["author", "creator"] {
        match map.get(key) {
            Some(Json::Array(items)) => items.iter().for_each(|v| push_author(&mut authors, v)),
            Some(v) => push_author(&mut authors, v),
            None => {}
        }
        if !authors.is_empty() {
            break;
        }
    }
    let body = match map.get("articleBody") {
        Some(Json::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    };
    LdArticle {
        headline: text(map.get("headline")).or_else(|| text(map.get("name"))),
        authors,
        date: text(map.get("datePublished"))
            .or_else(|| text(map.get("dateCreated")))
            .or_else(|| text(map.get("uploadDate"))),
        body,
    }
}

fn push_author(authors: &mut Vec<String>, v: &Json) {
    let name = match v {
        Json::String(s) => Some(s.clone()),
        Json::Object(o) => o.get("name").and_then(|n| match n {
            Json::String(s) => Some(s.clone()),
            Json::Array(a) => a.iter().find_map(|x| x.as_str().map(str::to_owned)),
            _ => None,
        }),
        _ => None,
    };
    if let Some(name) = name {
        let name = clean_byline(&name);
        if !name.is_empty()
            && !looks_like_url(&name)
            && !authors.contains(&name)
            && authors.len() < 8
        {
            authors.push(name);
        }
    }
}

/// Decodes the entities left in strings that were escaped twice (JSON-LD, meta tags):
/// the common named ones and numeric references.
fn html_unescape_basic(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (digits, radix) = match after.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (after, 10),
        };
        let len = digits.find(';').filter(|&n| n > 0 && n <= 8);
        let decoded = len
            .and_then(|n| u32::from_str_radix(&digits[..n], radix).ok())
            .and_then(char::from_u32)
            .filter(|c| !c.is_control());
        match (decoded, len) {
            (Some(c), Some(n)) => {
                out.push(c);
                rest = &digits[n + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

/// Parses JSON-LD as written in the wild: HTML comment or CDATA wrappers, raw newlines
/// and tabs inside strings, a trailing semicolon, several objects in a row.
fn parse_lenient(script: &str) -> Option<Json> {
    let mut s = script.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim();
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim();
            }
        }
    }
    let s = s.trim_end_matches(';').trim();
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    // Control characters are not allowed inside JSON strings; outside they are only
    // whitespace. Replacing them all with spaces repairs the common breakage.
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(v) = serde_json::from_str(&cleaned) {
        return Some(v);
    }
    // Several top-level values: take what parses.
    let values: Vec<Json> = serde_json::Deserializer::from_str(&cleaned)
        .into_iter::<Json>()
        .map_while(Result::ok)
        .collect();
    (!values.is_empty()).then_some(Json::Array(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_names() {
        assert_eq!(
            strip_site_name(
                "Bridge reopens after repairs | The Valmora Post",
                Some("The Valmora Post")
            ),
            "Bridge reopens after repairs"
        );
        assert_eq!(
            strip_site_name(
                "Bridge reopens after two years of repairs - Valmora Post",
                None
            ),
            "Bridge reopens after two years of repairs"
        );
        assert_eq!(
            strip_site_name("No separator here", None),
            "No separator here"
        );
    }

    #[test]
    fn bylines_lose_their_by() {
        assert_eq!(clean_byline("By  Jane Doe "), "Jane Doe");
        assert_eq!(clean_byline("BY JOHN ROE |"), "JOHN ROE");
        assert_eq!(clean_byline("Текст: Анна Волкова"), "Анна Волкова");
        assert_eq!(clean_byline("Text: Jonas Berg"), "Jonas Berg");
    }

    #[test]
    fn lenient_json_ld() {
        let v = parse_lenient("<!-- {\"@type\": \"NewsArticle\", \"headline\": \"a\nb\"}; -->")
            .unwrap();
        assert_eq!(v["headline"], "a b");
        let art = json_ld(&[
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Post"},
               {"@type":"NewsArticle","headline":"Storm hits coast","datePublished":"2023-08-14T06:00:00Z",
                "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Tom Ng"}],
                "articleBody":"Body text."}]}"#
                .to_owned(),
        ]);
        assert_eq!(art.headline.as_deref(), Some("Storm hits coast"));
        assert_eq!(art.authors, vec!["Ana Lima", "Tom Ng"]);
        assert_eq!(art.date.as_deref(), Some("2023-08-14T06:00:00Z"));
        assert_eq!(art.body.as_deref(), Some("Body text."));
    }
}
