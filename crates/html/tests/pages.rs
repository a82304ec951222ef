//! Whole pages written for these tests (not taken from any site): what is kept, what is
//! removed and why, the metadata, and where each block comes from in the HTML.

use newsmill_html::{BlockKind, Extraction, HtmlOptions, extract};

/// `(kind, removed, text)` for every block, in order.
fn blocks(ex: &Extraction) -> Vec<(&'static str, Option<&'static str>, &str)> {
    ex.blocks
        .iter()
        .map(|b| (b.kind.as_str(), b.removed, &ex.text[b.range.clone()]))
        .collect()
}

/// Every block maps back to HTML whose visible words are the block's words.
fn assert_blocks_map_back(html: &str, ex: &Extraction) {
    for b in &ex.blocks {
        let text = &ex.text[b.range.clone()];
        let src = ex
            .source_map
            .to_source(b.range.clone())
            .unwrap_or_else(|| panic!("no source for block {text:?}"));
        let source = &html[src.clone()];
        let first = text.split_whitespace().next().unwrap();
        let last = text.split_whitespace().last().unwrap();
        // Words without entities appear verbatim at both ends of the source range.
        if !first.contains(['€', '“', '”', '©', '’']) {
            assert!(
                source.starts_with(first),
                "block {text:?} maps to {source:?}"
            );
        }
        if !last.contains(['€', '“', '”', '©', '’']) {
            assert!(source.ends_with(last), "block {text:?} maps to {source:?}");
        }
    }
}

const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour bridge to reopen after two-year repair | The Valmora Courier</title>
<meta property="og:title" content="Harbour bridge to reopen after two-year repair">
<meta property="og:site_name" content="The Valmora Courier">
<meta name="author" content="Courier Staff">
<meta property="article:published_time" content="2023-08-14T06:30:00+02:00">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Harbour bridge to reopen after two-year repair",
 "datePublished":"2023-08-14T06:30:00+02:00",
 "author":[{"@type":"Person","name":"Marta Ellison"}]}
</script>
<style>.ad{display:block}</style>
<script>window.dataLayer = [{"page": "<p>not text</p>"}];</script>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. By continuing you accept our use of cookies. <button>Accept</button></div>
<header class="site-header">
  <a class="logo" href="/">The Valmora Courier</a>
  <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main>
<article class="story">
  <h1 class="story-headline">Harbour bridge to reopen after two-year repair</h1>
  <div class="byline">By <a rel="author" href="/staff/marta-ellison">Marta Ellison</a></div>
  <time datetime="2023-08-14T06:30:00+02:00">14 August 2023</time>
  <figure><img src="bridge.jpg" alt="The bridge"><figcaption>The eastern span of the bridge, photographed in July. Photo: Jonas Berg</figcaption></figure>
  <div class="story-body">
    <p>The harbour bridge in Valmora will reopen to traffic on Friday, city officials said on Monday, ending two years of repairs that cost &euro;48 million and forced commuters onto crowded ferries.</p>
    <p>&ldquo;We are grateful for the patience of everyone who crossed the water by boat,&rdquo; said deputy mayor Ilse Varga, adding that cyclists would be able to use a widened lane from the first day.</p>
    <div class="ad ad-slot" id="div-gpt-ad-1">Advertisement</div>
    <p>Engineers found corrosion in 140 of the bridge's 600 steel cables during a routine inspection in 2021. All of them have now been replaced, and sensors fitted to the deck will report strain in real time.</p>
    <h2>Tolls stay the same</h2>
    <p>The toll for cars will remain at &euro;2.50, while buses and bicycles will cross free of charge until the end of the year, according to the transport authority.</p>
    <p>Shop owners on the eastern bank said trade had fallen by almost a third while the bridge was closed.<br>Many hope the reopening will bring customers back before the holiday season.</p>
  </div>
  <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
</article>
<aside class="related-stories">
  <h3>Related stories</h3>
  <ul>
   <li><a href="/a">Ferry operators add evening crossings as bridge closure drags on</a></li>
   <li><a href="/b">City council approves budget for harbour repairs</a></li>
   <li><a href="/c">Cyclists campaign for a safer route across the harbour</a></li>
  </ul>
</aside>
<section id="comments" class="comments">
  <h3>Leave a comment</h3>
  <form class="comment-form"><label for="c">Your comment</label><textarea id="c">draft</textarea><button type="submit">Post comment</button></form>
</section>
</main>
<div class="newsletter-signup"><p>Get the Courier's morning briefing in your inbox every weekday.</p><a href="/subscribe">Sign up</a></div>
<footer class="site-footer"><p>&copy; 2023 The Valmora Courier. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact us</a></li></ul></footer>
</body>
</html>
"##;

#[test]
fn news_page_blocks_and_reasons() {
    let ex = extract(NEWS_PAGE, &HtmlOptions::default());
    let expected: Vec<(&str, Option<&str>, &str)> = vec![
        (
            "paragraph",
            Some("cookie"),
            "We use cookies to improve your experience. By continuing you accept our use of cookies. Accept",
        ),
        ("paragraph", Some("header"), "The Valmora Courier"),
        ("list_item", Some("navigation"), "News"),
        ("list_item", Some("navigation"), "Sport"),
        ("list_item", Some("navigation"), "Business"),
        ("list_item", Some("navigation"), "Opinion"),
        (
            "title",
            None,
            "Harbour bridge to reopen after two-year repair",
        ),
        ("paragraph", Some("metadata"), "By Marta Ellison"),
        ("paragraph", Some("metadata"), "14 August 2023"),
        (
            "paragraph",
            Some("caption"),
            "The eastern span of the bridge, photographed in July. Photo: Jonas Berg",
        ),
        (
            "paragraph",
            None,
            "The harbour bridge in Valmora will reopen to traffic on Friday, city officials said on Monday, ending two years of repairs that cost €48 million and forced commuters onto crowded ferries.",
        ),
        (
            "paragraph",
            None,
            "“We are grateful for the patience of everyone who crossed the water by boat,” said deputy mayor Ilse Varga, adding that cyclists would be able to use a widened lane from the first day.",
        ),
        ("paragraph", Some("ad"), "Advertisement"),
        (
            "paragraph",
            None,
            "Engineers found corrosion in 140 of the bridge's 600 steel cables during a routine inspection in 2021. All of them have now been replaced, and sensors fitted to the deck will report strain in real time.",
        ),
        ("heading", None, "Tolls stay the same"),
        (
            "paragraph",
            None,
            "The toll for cars will remain at €2.50, while buses and bicycles will cross free of charge until the end of the year, according to the transport authority.",
        ),
        (
            "paragraph",
            None,
            "Shop owners on the eastern bank said trade had fallen by almost a third while the bridge was closed.\nMany hope the reopening will bring customers back before the holiday season.",
        ),
        (
            "paragraph",
            Some("share"),
            "Share on Facebook Share on Twitter Email",
        ),
        ("heading", Some("related"), "Related stories"),
        (
            "list_item",
            Some("related"),
            "Ferry operators add evening crossings as bridge closure drags on",
        ),
        (
            "list_item",
            Some("related"),
            "City council approves budget for harbour repairs",
        ),
        (
            "list_item",
            Some("related"),
            "Cyclists campaign for a safer route across the harbour",
        ),
        ("heading", Some("comment_form"), "Leave a comment"),
        (
            "paragraph",
            Some("comment_form"),
            "Your comment Post comment",
        ),
        (
            "paragraph",
            Some("subscription"),
            "Get the Courier's morning briefing in your inbox every weekday.",
        ),
        ("paragraph", Some("subscription"), "Sign up"),
        (
            "paragraph",
            Some("footer"),
            "© 2023 The Valmora Courier. All rights reserved.",
        ),
        ("list_item", Some("footer"), "Privacy"),
        ("list_item", Some("footer"), "Contact us"),
    ];
    assert_eq!(blocks(&ex), expected);
    assert_eq!(
        ex.clean_text(),
        "The harbour bridge in Valmora will reopen to traffic on Friday, city officials said on Monday, ending two years of repairs that cost €48 million and forced commuters onto crowded ferries.\n\n\
         “We are grateful for the patience of everyone who crossed the water by boat,” said deputy mayor Ilse Varga, adding that cyclists would be able to use a widened lane from the first day.\n\n\
         Engineers found corrosion in 140 of the bridge's 600 steel cables during a routine inspection in 2021. All of them have now been replaced, and sensors fitted to the deck will report strain in real time.\n\n\
         Tolls stay the same\n\n\
         The toll for cars will remain at €2.50, while buses and bicycles will cross free of charge until the end of the year, according to the transport authority.\n\n\
         Shop owners on the eastern bank said trade had fallen by almost a third while the bridge was closed.\nMany hope the reopening will bring customers back before the holiday season."
    );
}

#[test]
fn news_page_text_layout() {
    let ex = extract(NEWS_PAGE, &HtmlOptions::default());
    // Blocks are separated by exactly one blank line and cover all of the text.
    let mut joined = String::new();
    for b in &ex.blocks {
        if !joined.is_empty() {
            joined.push_str("\n\n");
        }
        joined.push_str(&ex.text[b.range.clone()]);
    }
    assert_eq!(joined, ex.text);
    assert!(!ex.text.contains("not text"), "script content leaked");
    assert!(!ex.text.contains("draft"), "textarea content leaked");
    assert!(!ex.text.contains("display:block"), "style content leaked");
}

#[test]
fn news_page_metadata() {
    let ex = extract(NEWS_PAGE, &HtmlOptions::default());
    assert_eq!(
        ex.title.as_deref(),
        Some("Harbour bridge to reopen after two-year repair")
    );
    // JSON-LD names the reporter; the meta tag only says "Courier Staff".
    assert_eq!(ex.byline.as_deref(), Some("Marta Ellison"));
    assert_eq!(ex.date.as_deref(), Some("2023-08-14T06:30:00+02:00"));
}

#[test]
fn news_page_source_map() {
    let ex = extract(NEWS_PAGE, &HtmlOptions::default());
    assert_blocks_map_back(NEWS_PAGE, &ex);
    // The headline maps to the inside of the <h1>.
    let title = ex
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .unwrap();
    let src = ex.source_map.to_source(title.range.clone()).unwrap();
    assert_eq!(
        &NEWS_PAGE[src.clone()],
        "Harbour bridge to reopen after two-year repair"
    );
    assert!(NEWS_PAGE[..src.start].ends_with("<h1 class=\"story-headline\">"));
    // An entity maps to the whole entity.
    let euro = ex.text.find('€').unwrap();
    let src = ex
        .source_map
        .to_source(euro..euro + '€'.len_utf8())
        .unwrap();
    assert_eq!(&NEWS_PAGE[src], "&euro;");
    // A word inside a link inside a block maps exactly.
    let at = ex.text.find("Marta Ellison").unwrap();
    let src = ex
        .source_map
        .to_source(at..at + "Marta Ellison".len())
        .unwrap();
    assert_eq!(&NEWS_PAGE[src.clone()], "Marta Ellison");
    assert!(NEWS_PAGE[..src.start].ends_with("href=\"/staff/marta-ellison\">"));
}

const OLD_LAYOUT_PAGE: &str = r##"<html><head><title>Village fair raises record sum - Northfield Gazette</title></head>
<body bgcolor="#ffffff">
<table width="100%"><tr><td width="150" valign="top">
<a href="/">Home</a><br><a href="/news">News</a><br><a href="/events">Events</a><br><a href="/archive">Archive</a>
</td><td valign="top">
<h2>Village fair raises record sum</h2>
<font size="2">Posted on 3 June 2019</font><br><br>
The annual Northfield village fair raised more than 12,000 pounds for the local school this weekend, the organisers said, the highest total in the fair's forty-year history.<br><br>
Volunteers ran more than thirty stalls, from home-made jam to a tombola, and the dog show alone attracted sixty entries despite the heavy rain on Saturday afternoon.<br><br>
The money will pay for a new roof on the school's library, which has leaked for several winters, and for books chosen by the pupils themselves.<br><br>
<a href="/news/2019/05/">Previous story</a> | <a href="/news/2019/07/">Next story</a>
</td></tr></table>
<p><small>Copyright 2019 Northfield Gazette</small></p>
</body></html>"##;

#[test]
fn old_table_layout_with_double_breaks() {
    let ex = extract(OLD_LAYOUT_PAGE, &HtmlOptions::default());
    let expected: Vec<(&str, Option<&str>, &str)> = vec![
        (
            "paragraph",
            Some("navigation"),
            "Home\nNews\nEvents\nArchive",
        ),
        ("title", None, "Village fair raises record sum"),
        ("paragraph", Some("metadata"), "Posted on 3 June 2019"),
        (
            "paragraph",
            None,
            "The annual Northfield village fair raised more than 12,000 pounds for the local school this weekend, the organisers said, the highest total in the fair's forty-year history.",
        ),
        (
            "paragraph",
            None,
            "Volunteers ran more than thirty stalls, from home-made jam to a tombola, and the dog show alone attracted sixty entries despite the heavy rain on Saturday afternoon.",
        ),
        (
            "paragraph",
            None,
            "The money will pay for a new roof on the school's library, which has leaked for several winters, and for books chosen by the pupils themselves.",
        ),
        (
            "paragraph",
            Some("navigation"),
            "Previous story | Next story",
        ),
        (
            "paragraph",
            Some("footer"),
            "Copyright 2019 Northfield Gazette",
        ),
    ];
    assert_eq!(blocks(&ex), expected);
    assert_eq!(ex.title.as_deref(), Some("Village fair raises record sum"));
    // No meta tags: the date comes from the visible "Posted on" line.
    assert_eq!(ex.date.as_deref(), Some("2019-06-03"));
    assert_eq!(ex.byline, None);
    assert_blocks_map_back(OLD_LAYOUT_PAGE, &ex);
}

const BLOG_PAGE: &str = r##"<!doctype html>
<html><head>
<meta property="og:title" content="Ten years of the Linden Street allotments">
<meta property="article:published_time" content="2021-04-02">
<script type="application/ld+json">{ "@type": "BlogPosting", "headline": "Ten years of the
Linden Street allotments", "author": {"name": "Priya Natarajan"}, }</script>
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<div class="site-content">
<article id="post-77" class="post type-post status-publish category-community tag-gardens hentry">
<header class="entry-header"><h1 class="entry-title">Ten years of the Linden Street allotments</h1>
<div class="entry-meta">Posted by <span class="author vcard">Priya Natarajan</span></div></header>
<div class="entry-content">
<p>When the council first offered the derelict lot on Linden Street to residents, nobody expected more than a handful of raised beds. A decade later, forty-two families grow vegetables there.</p>
<blockquote><p>It started with six of us and a borrowed wheelbarrow.</p></blockquote>
<p>The founding members kept a simple rule: every plot holder spends one Saturday a month on shared work, from repairing the fence to turning the compost heaps.</p>
<ul><li>Potatoes and leeks in the north beds</li><li>Soft fruit along the south wall</li></ul>
<pre>Plot  Holder
 1    Okafor
 2    Lindqvist</pre>
<p>Next spring the group plans a seed library, open to anyone in the neighbourhood, run from the old tool shed.</p>
</div>
<footer class="entry-footer">Tags: <a href="/tag/gardens">gardens</a>, <a href="/tag/community">community</a></footer>
</article>
<div id="comments" class="comments-area">
<h2 class="comments-title">3 thoughts on this post</h2>
<ol class="comment-list">
<li class="comment"><div class="comment-body"><p>My grandmother had plot number nine for years and still talks about the pumpkins she grew there every autumn.</p></div></li>
<li class="comment"><div class="comment-body"><p>Wonderful to see the seed library idea. Will it be open on weekday evenings as well as at the weekend?</p></div></li>
</ol>
</div>
</div>
</div>
</body></html>"##;

#[test]
fn blog_post_with_comments_and_broken_json_ld() {
    let ex = extract(BLOG_PAGE, &HtmlOptions::default());
    let expected: Vec<(&str, Option<&str>, &str)> = vec![
        ("title", None, "Ten years of the Linden Street allotments"),
        ("paragraph", Some("metadata"), "Posted by Priya Natarajan"),
        (
            "paragraph",
            None,
            "When the council first offered the derelict lot on Linden Street to residents, nobody expected more than a handful of raised beds. A decade later, forty-two families grow vegetables there.",
        ),
        (
            "blockquote",
            None,
            "It started with six of us and a borrowed wheelbarrow.",
        ),
        (
            "paragraph",
            None,
            "The founding members kept a simple rule: every plot holder spends one Saturday a month on shared work, from repairing the fence to turning the compost heaps.",
        ),
        ("list_item", None, "Potatoes and leeks in the north beds"),
        ("list_item", None, "Soft fruit along the south wall"),
        (
            "preformatted",
            None,
            "Plot  Holder\n 1    Okafor\n 2    Lindqvist",
        ),
        (
            "paragraph",
            None,
            "Next spring the group plans a seed library, open to anyone in the neighbourhood, run from the old tool shed.",
        ),
        ("paragraph", Some("metadata"), "Tags: gardens, community"),
        ("heading", Some("comment_form"), "3 thoughts on this post"),
        (
            "list_item",
            Some("comment_form"),
            "My grandmother had plot number nine for years and still talks about the pumpkins she grew there every autumn.",
        ),
        (
            "list_item",
            Some("comment_form"),
            "Wonderful to see the seed library idea. Will it be open on weekday evenings as well as at the weekend?",
        ),
    ];
    assert_eq!(blocks(&ex), expected);
    assert_eq!(
        ex.title.as_deref(),
        Some("Ten years of the Linden Street allotments")
    );
    // The JSON-LD has a raw newline in a string and a trailing comma: the newline is
    // repaired, the trailing comma makes it unreadable, and the author comes from the page.
    assert_eq!(ex.byline.as_deref(), Some("Priya Natarajan"));
    assert_eq!(ex.date.as_deref(), Some("2021-04-02"));
    assert_blocks_map_back(BLOG_PAGE, &ex);
}

#[test]
fn captions_can_be_kept() {
    let options = HtmlOptions {
        keep_captions: true,
        ..HtmlOptions::default()
    };
    let ex = extract(NEWS_PAGE, &options);
    assert!(
        ex.clean_text()
            .contains("The eastern span of the bridge, photographed in July.")
    );
}

#[test]
fn options_parse_from_toml_and_refuse_unknown_keys() {
    let table: toml::Table = toml::from_str("keep_captions = true").unwrap();
    let o: HtmlOptions = newsmill_core::parse_options(&table).unwrap();
    assert!(o.keep_captions);
    assert_eq!(o.max_link_density, 0.5);
    let bad: toml::Table = toml::from_str("keep_caption = true").unwrap();
    assert!(newsmill_core::parse_options::<HtmlOptions>(&bad).is_err());
}

#[test]
fn empty_and_textless_pages() {
    for html in [
        "",
        "   ",
        "<html></html>",
        "<script>x()</script>",
        "<!-- only a comment -->",
    ] {
        let ex = extract(html, &HtmlOptions::default());
        assert_eq!(ex.text, "");
        assert!(ex.blocks.is_empty());
        assert_eq!(ex.clean_text(), "");
    }
    let ex = extract("just some words", &HtmlOptions::default());
    assert_eq!(ex.text, "just some words");
    assert_eq!(ex.blocks.len(), 1);
}

#[test]
fn a_heading_announcing_other_stories_takes_its_section() {
    let html = r#"<html><body><div>
<h1>Library extends opening hours</h1>
<p>The central library will stay open until nine in the evening from next month, the city's culture department announced, after a survey of almost two thousand readers.</p>
<p>Staff numbers will grow by four, paid for by savings on heating since the roof was insulated last winter, officials said in a statement on Tuesday.</p>
<h3>You may also like</h3>
<p>Museum night returns with free entry to twelve venues across the old town, organisers said this week.</p>
<p>The city's oldest bookshop has found a new owner after months of uncertainty, its staff said.</p>
</div></body></html>"#;
    let ex = extract(html, &HtmlOptions::default());
    let expected: Vec<(&str, Option<&str>, &str)> = vec![
        ("title", None, "Library extends opening hours"),
        (
            "paragraph",
            None,
            "The central library will stay open until nine in the evening from next month, the city's culture department announced, after a survey of almost two thousand readers.",
        ),
        (
            "paragraph",
            None,
            "Staff numbers will grow by four, paid for by savings on heating since the roof was insulated last winter, officials said in a statement on Tuesday.",
        ),
        ("heading", Some("related"), "You may also like"),
        (
            "paragraph",
            Some("related"),
            "Museum night returns with free entry to twelve venues across the old town, organisers said this week.",
        ),
        (
            "paragraph",
            Some("related"),
            "The city's oldest bookshop has found a new owner after months of uncertainty, its staff said.",
        ),
    ];
    assert_eq!(blocks(&ex), expected);
    // No <title> or meta tags: the first <h1> is the headline.
    assert_eq!(ex.title.as_deref(), Some("Library extends opening hours"));
}

#[test]
fn a_results_table_stays_with_the_article_that_presents_it() {
    // The article is a short introduction and a long standings table; beside it, a
    // column teaser with a paragraph of its own. The table's rows are no prose, but
    // they are no junk either, so the column must not win the page.
    let mut rows = String::new();
    let first = [
        "Ana", "Tomas", "Priya", "Jorge", "Mei", "Oskar", "Lucia", "Kwame",
    ];
    let last = ["Ferreira", "Lindqvist", "Raman", "Salas", "Tanaka"];
    for pos in 0..40 {
        let name = format!("{} {}", first[pos % 8], last[pos % 5]);
        let points = 400 - 9 * pos;
        let wins = (40 - pos) / 10;
        rows.push_str(&format!(
            "<tr class=\"row player-{pos}\"><td>{}</td><td>{name}</td><td>{points}</td><td>{wins}</td></tr>\n",
            pos + 1
        ));
    }
    let html = format!(
        r#"<html><head><title>Championship standings after round nine</title></head><body>
<div class="page">
<div class="article-body">
<h1>Championship standings after round nine</h1>
<p>Ferreira leads the championship by fourteen points with three rounds to go, after a second place on Sunday that her closest rival could only watch from the gravel.</p>
<table class="standings"><tr><th>Pos.</th><th>Rider</th><th>Points</th><th>Wins</th></tr>
{rows}</table>
<p>Only the top ten riders keep their places for next season's opening round.</p>
</div>
<div class="column">
<h3>Column</h3>
<p>Our columnist looks back on a season that has been full of surprises, from the wet race in the hills to the crash at the final corner that changed the title fight.</p>
<ul><li><a href="/c/1">Why tyre rules made the races closer</a></li><li><a href="/c/2">The crash that changed the title fight</a></li><li><a href="/c/3">Letters from readers</a></li></ul>
</div>
</div></body></html>"#
    );
    let ex = extract(&html, &HtmlOptions::default());
    let kept = ex.clean_text();
    assert!(
        kept.starts_with("Ferreira leads the championship"),
        "{kept}"
    );
    assert!(kept.contains("1\tAna Ferreira\t400\t4"), "{kept}");
    assert!(kept.contains("40\tKwame Tanaka\t49\t0"), "{kept}");
    assert!(kept.contains("Only the top ten riders"), "{kept}");
    assert!(!kept.contains("Our columnist"), "{kept}");
}

#[test]
fn the_post_under_the_headline_beats_cleaner_teasers_below_it() {
    // A blog post of one long paragraph wrapped in sharing and tagging links, then
    // excerpts of other posts, each shorter but with nothing around it. The post is the
    // one under the page's headline.
    let teaser = |title: &str, body: &str| {
        format!(
            "<article class=\"post\"><h2><a href=\"/p/{}\">{title}</a></h2><p>{body}</p></article>\n",
            title.len()
        )
    };
    let html = format!(
        r##"<html><head><title>Letting go of old letters</title><meta property="og:title" content="Letting go of old letters"></head><body>
<div id="main">
<article class="post">
<h1 class="entry-title">Letting go of old letters</h1>
<p class="crumbs"><a href="/">Home</a> » <a href="/life">Life and family</a> » <a href="/life/letters">Letting go of old letters</a></p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Pinterest</a> <a href="#">Send by WhatsApp</a> <a href="#">Download as image</a></div>
<p>For years I kept every letter my grandmother wrote to me in a shoebox under the bed. Last winter I finally read them all again, one evening at a time, and chose the ten that still made me laugh out loud.</p>
<p>The rest went into the fire, and I was surprised by how light the room felt afterwards, as if the box had been taking up more space than it ever did. I do not miss them, and I think she would have laughed at me for keeping them so long.</p>
<p><a href="/tag/memories">Memories and keepsakes</a>, <a href="/tag/home">Home and family life</a>, <a href="/tag/letters">Letters we keep</a></p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Pinterest</a> <a href="#">Send by WhatsApp</a> <a href="#">Download as image</a></div>
</article>
<div class="more">
{}{}{}
</div>
</div></body></html>"##,
        teaser(
            "A garden in four pots",
            "When we moved into the flat there was no garden at all, only a narrow balcony facing west. I bought four large pots and filled them with herbs, tomatoes and a small lemon tree, and by August we were eating from them almost every day of the week. The lemon tree has given no fruit yet, but it smells wonderful after the rain."
        ),
        teaser(
            "Walking to work",
            "It takes fifty minutes to walk to the office, and for a long time that seemed like far too much. Then the buses went on strike for a week and I had no choice, and by the end of it I had found a bakery that opens at six, learned the names of three dogs and stopped reading the news on my phone."
        ),
        teaser(
            "The kettle that lasted",
            "My parents bought a kettle in the year I was born and it still boils water every morning. When I asked my father why it had lasted, he said that nobody had ever tried to make it clever, and I think about that answer every time something new breaks."
        ),
    );
    let ex = extract(&html, &HtmlOptions::default());
    let kept = ex.clean_text();
    assert!(kept.starts_with("For years I kept every letter"), "{kept}");
    assert!(!kept.contains("lemon tree"), "{kept}");
    assert!(!kept.contains("fifty minutes"), "{kept}");
    assert!(!kept.contains("kettle"), "{kept}");
    assert_eq!(ex.title.as_deref(), Some("Letting go of old letters"));
}

#[test]
fn an_author_box_after_the_post_is_removed_however_long() {
    let html = r#"<html><head><title>Repairing a dry stone wall</title></head><body>
<article class="post">
<h1>Repairing a dry stone wall</h1>
<div class="entry-content">
<p>A dry stone wall holds itself up by weight and friction alone, so a repair starts by taking the damaged stretch down to sound footing rather than patching the gap from above.</p>
<p>Sort the stones by size as they come off, keep the long through-stones aside, and rebuild in courses that lean slightly inwards, with every joint covered by the stone above it.</p>
<p>Fill the middle with small hearting stones as each course goes up; a wall with a hollow heart will bulge within a winter, however neat its faces look.</p>
</div>
<div class="author-box">
<p class="author-description">Hannah Orme has rebuilt walls on hill farms in three counties for almost twenty years. She teaches weekend courses for beginners, writes about rural crafts for several magazines and lives with two sheepdogs who are no help at all.</p>
</div>
</article>
</body></html>"#;
    let ex = extract(html, &HtmlOptions::default());
    let kept = ex.clean_text();
    assert!(
        kept.starts_with("A dry stone wall holds itself up"),
        "{kept}"
    );
    assert!(kept.ends_with("however neat its faces look."), "{kept}");
    let bio = blocks(&ex)
        .into_iter()
        .find(|b| b.2.starts_with("Hannah Orme"))
        .unwrap();
    assert_eq!(bio.1, Some("metadata"));
}

#[test]
fn a_weak_hint_inside_a_comment_thread_does_not_hide_the_thread() {
    // The comment thread sits inside the article's element; a notice in it carries a
    // vague class word of its own ("notification"), which alone would not remove a
    // text with no links. The thread's strong hint still applies to it.
    let html = r#"<html><head><title>Town hall clock chimes again</title></head><body>
<div class="story">
<h1>Town hall clock chimes again</h1>
<p>The clock on the town hall chimed on Saturday for the first time in eleven years, after volunteers spent two winters cleaning and repairing its mechanism by hand.</p>
<p>The restoration was paid for by a collection among residents, which raised more than twice the amount the volunteers had asked for, the council said.</p>
<p>The clock will be wound every Sunday morning, and visitors can climb the tower to watch on the first Sunday of each month, according to the volunteers.</p>
<section id="comments">
<div class="notification">Twelve readers have responded so far, newest shown first</div>
<div class="comment-text">Lovely to hear it again.</div>
</section>
</div>
</body></html>"#;
    let ex = extract(html, &HtmlOptions::default());
    let notice = blocks(&ex)
        .into_iter()
        .find(|b| b.2.starts_with("Twelve readers"))
        .unwrap();
    assert_eq!(notice.1, Some("comment_form"));
    assert!(ex.clean_text().ends_with("according to the volunteers."));
}

#[test]
fn ad_and_related_labels_in_other_wordings_and_languages() {
    let html = r#"<html><head><title>Ferry timetable changes</title></head><body><div class="story">
<h1>Ferry timetable changes</h1>
<p>The island ferry will run an extra crossing on weekday evenings from March, the operator said, after commuters complained that the last boat left too early for shift workers.</p>
<div>Advert</div>
<p>The new crossing leaves the harbour at half past nine and returns an hour later, and fares will not change until the end of the year, the operator added.</p>
<div>関連記事</div>
<div>광고</div>
<p>Season tickets bought before March remain valid on every crossing, including the new one, according to the operator's statement.</p>
</div></body></html>"#;
    let ex = extract(html, &HtmlOptions::default());
    let reasons: Vec<_> = blocks(&ex)
        .into_iter()
        .filter(|b| b.2.chars().count() < 10)
        .map(|b| (b.2, b.1))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("Advert", Some("ad")),
            ("関連記事", Some("related")),
            ("광고", Some("ad"))
        ]
    );
    assert_eq!(ex.clean_text().matches("\n\n").count(), 2);
}

#[test]
fn sentences_about_newsletters_stay_and_sign_up_prompts_go() {
    let html = r#"<html><head><title>Why local newsletters are growing</title></head><body><div class="story">
<h1>Why local newsletters are growing</h1>
<p>Small towns that lost their weekly paper are finding news again in their inboxes, as former reporters start local newsletters funded by readers.</p>
<p>The Riverside newsletter now reaches four thousand homes every Friday.</p>
<p>Most of these newsletters cost less than a coffee a month, and many stay free for anyone who cannot pay, their founders said in interviews this spring.</p>
<p>Half of the readers surveyed said they unsubscribe from newsletters that arrive more than twice a week.</p>
<div>Sign up for our newsletter and get the week's best stories in your inbox.</div>
</div></body></html>"#;
    let ex = extract(html, &HtmlOptions::default());
    let kept = ex.clean_text();
    assert!(
        kept.contains("The Riverside newsletter now reaches"),
        "{kept}"
    );
    assert!(kept.contains("they unsubscribe from newsletters"), "{kept}");
    let prompt = blocks(&ex)
        .into_iter()
        .find(|b| b.2.starts_with("Sign up"))
        .unwrap();
    assert_eq!(prompt.1, Some("subscription"));
}

#[test]
fn an_ad_slot_that_wraps_the_rest_of_the_story_does_not_take_it_away() {
    // Some templates open an ad slot in the middle of the story and close it only at
    // the end, so the slot's element holds the story's second half. Ads are not made
    // of paragraphs of prose: the slot's name is not believed for them.
    let html = r#"<html><head><title>Volunteers needed for river clean-up</title></head><body>
<article class="story">
<h1>Volunteers needed for river clean-up</h1>
<p>The river trust is looking for two hundred volunteers to clear litter from the banks of the Aln on the first weekend of May, its coordinator said on Tuesday.</p>
<p>Last year's clean-up removed more than three tonnes of rubbish, including forty shopping trolleys and a rowing boat that had sunk near the weir.</p>
<div class="ad-container"><div class="ad-label">Advertisement</div>
<p>Volunteers will be given gloves, litter pickers and waders, and no experience is needed, although children must be accompanied by an adult at all times.</p>
<p>The trust will provide lunch at the boathouse on both days, paid for by a grant from the county council and donations from local businesses.</p>
<p>Anyone who wants to take part can register at the library or at the boathouse until the end of April, the coordinator said.</p>
</div>
</article>
</body></html>"#;
    let ex = extract(html, &HtmlOptions::default());
    let kept = ex.clean_text();
    assert!(kept.contains("Volunteers will be given gloves"), "{kept}");
    assert!(kept.ends_with("the coordinator said."), "{kept}");
    assert!(!kept.contains("Advertisement"), "{kept}");
}

#[test]
fn a_heading_classed_as_a_header_is_still_a_heading_of_the_article() {
    let html = r#"<html><head><title>Night trains return to the coast</title></head><body><div class="post-body">
<h1>Night trains return to the coast</h1>
<p>Night trains will run between the capital and the coast again from June, the rail company said, eight years after the last sleeper service was withdrawn.</p>
<h2 class="section-header">What the new service offers</h2>
<p>Each train will have six sleeping cars and a restaurant car, and tickets will go on sale in April at prices starting below those of a hotel room, the company said.</p>
</div></body></html>"#;
    let ex = extract(html, &HtmlOptions::default());
    let heading = blocks(&ex)
        .into_iter()
        .find(|b| b.2 == "What the new service offers")
        .unwrap();
    assert_eq!(heading, ("heading", None, "What the new service offers"));
}
