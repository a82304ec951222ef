//! HTML mode through the stage: the page becomes the document's text once, with a
//! source map, and the blocks the HTML extractor judged are written with the same
//! layers and fields as text mode.

use newsmill_boilerplate::factory;
use newsmill_core::testing::assert_compliant;
use newsmill_core::{BuildError, Document, Stage, Value, layers};

const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Tram line to reach the airport by 2029 | Eastmarch Herald</title>
<meta property="og:title" content="Tram line to reach the airport by 2029">
<meta name="author" content="Ines Moretti">
<meta property="article:published_time" content="2026-03-02T07:15:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>
<article><h1>Tram line to reach the airport by 2029</h1>
<p>The city council on Monday approved a 9-kilometre extension of the tram line to the airport, a project expected to cost about &euro;410 million.</p>
<p>&ldquo;This will take thousands of cars off the ring road every day,&rdquo; said transport councillor Ines Moretti after the vote.</p>
<figure><img src="tram.jpg"><figcaption>A tram crosses the river bridge. (Photo: Herald)</figcaption></figure>
<p>Work on the first section is due to begin next spring, and the line should carry 40,000 passengers a day.</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Bus fares to rise in May</a></li><li><a href="/b">New cycle lanes open</a></li></ul></aside>
<footer>&copy; 2026 Eastmarch Herald. All rights reserved.</footer></body></html>"#;

fn stage(options: &str) -> Box<dyn Stage> {
    let table: toml::Table = toml::from_str(options).expect("toml");
    factory().build(&table).expect("builds")
}

#[test]
fn a_page_becomes_text_with_the_article_kept_and_its_chrome_removed() {
    let out = assert_compliant(stage("").as_ref(), [Document::from_html("tram", PAGE)]);
    let doc = &out[0];
    let text = doc.text();
    assert!(
        text.contains("The city council on Monday approved"),
        "{text}"
    );
    assert!(!text.contains("<p>"), "markup is gone");

    let clean = doc
        .field(layers::CLEAN_TEXT_FIELD)
        .and_then(Value::as_str)
        .unwrap();
    assert_eq!(
        clean,
        "The city council on Monday approved a 9-kilometre extension of the tram line to the airport, a project expected to cost about €410 million.\n\n\
         “This will take thousands of cars off the ring road every day,” said transport councillor Ines Moretti after the vote.\n\n\
         Work on the first section is due to begin next spring, and the line should carry 40,000 passengers a day."
    );
    assert_eq!(
        doc.field("title"),
        Some(&Value::from("Tram line to reach the airport by 2029"))
    );
    assert_eq!(doc.field("byline"), Some(&Value::from("Ines Moretti")));
    assert_eq!(
        doc.field("date"),
        Some(&Value::from("2026-03-02T07:15:00Z"))
    );

    let removed: Vec<(&str, &str)> = doc
        .layer(layers::BOILERPLATE)
        .unwrap()
        .iter()
        .map(|s| {
            (
                s.attr("reason").and_then(Value::as_str).unwrap(),
                &text[s.range()],
            )
        })
        .collect();
    for (reason, starts) in [
        ("navigation", "Home"),
        ("caption", "A tram crosses"),
        ("related", "Related"),
        ("footer", "© 2026"),
    ] {
        assert!(
            removed
                .iter()
                .any(|(r, t)| *r == reason && t.starts_with(starts)),
            "no {reason} block starting {starts:?} in {removed:?}"
        );
    }
}

#[test]
fn spans_map_back_to_the_html() {
    let out = assert_compliant(stage("").as_ref(), [Document::from_html("tram", PAGE)]);
    let doc = &out[0];
    let map = doc.source_map().expect("a source map");
    let at = doc.text().find("“This will take").unwrap();
    let end = at + "“This will take".len();
    let source = map.to_source(at..end).unwrap();
    // The curly quote came from an entity: the range starts at `&ldquo;`.
    assert_eq!(&PAGE[source], "&ldquo;This will take");
}

#[test]
fn html_options_are_a_nested_table_checked_like_the_rest() {
    let keep = stage("html.keep_captions = true");
    let mut doc = Document::from_html("tram", PAGE);
    keep.process(&mut doc).unwrap();
    let clean = doc
        .field(layers::CLEAN_TEXT_FIELD)
        .and_then(Value::as_str)
        .unwrap();
    assert!(
        clean.contains("A tram crosses the river bridge."),
        "{clean}"
    );

    let table: toml::Table = toml::from_str("html.keep_caption = true").unwrap();
    match factory().build(&table) {
        Err(BuildError::Option { key, message }) => {
            assert_eq!(key.as_deref(), Some("html.keep_caption"), "{message}");
            assert!(
                message.contains("unknown field `keep_caption`"),
                "{message}"
            );
        }
        Err(other) => panic!("unexpected {other:?}"),
        Ok(_) => panic!("a misspelled html option must be refused"),
    }
}
