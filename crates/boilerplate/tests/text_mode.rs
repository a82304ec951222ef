//! Text mode on articles written for these tests: every kind of page junk around a
//! news story, checked block by block, plus the stage contract (layers, fields,
//! options, compliance harness).

use newsmill_boilerplate::{BoilerplateOptions, Mode, Verdict, judge_text};
use newsmill_core::testing::{assert_compliant, assert_survives_hostile_input, sample_documents};
use newsmill_core::{BuildError, Document, Stage, StageError, Value, layers};

/// A scraped harbour story with its page around it, one block per blank-line
/// paragraph: menu, ad label, section label, headline, byline, stamp, caption,
/// dateline, the story with an ad break and a subheading, a related list, a source
/// credit, share buttons, a cookie banner, a comment form, a newsletter prompt,
/// partner links and the copyright line.
const HARBOUR_PAGE: &[&str] = &[
    "Skip to main content",
    "Home",
    "World",
    "Business",
    "Sport",
    "ADVERTISEMENT",
    "BUSINESS",
    "Valmora harbour expects record cargo year as new cranes arrive",
    "By Lena Fisk and Tomas Berg",
    "Updated 3:45 PM ET, Tue November 18, 2025",
    "Two new gantry cranes on the eastern quay in Valmora. (Photo by Lena Fisk/Getty Images)",
    "VALMORA",
    "The port of Valmora handled nearly 1.2 million containers in the first half of the year, up 8% on the same period last year, the harbour authority said on Tuesday.",
    "“We are running out of quay space,” said director Ana Ortiz. “Ships now wait two days on average before they can unload.”",
    "Advertisement",
    "The authority plans to spend about €450 million on a new terminal, which it says will double capacity by 2030. Environmental groups have asked for a review of the dredging work it requires.",
    "Dredging and the bay",
    "Fishermen say the dredging has already clouded the water near the river mouth, and the regional council will hear their complaint next month.",
    "Related Articles",
    "Ferry strike ends after three weeks",
    "New bridge toll angers commuters",
    "Source: Valmora Harbour Authority annual report",
    "Share this article",
    "Facebook",
    "Twitter",
    "Email",
    "We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Sign up for our newsletter",
    "Our partners",
    "© 2025 Valmora Post. All rights reserved.",
];

/// The verdict expected for each block of [`HARBOUR_PAGE`], in order.
const HARBOUR_VERDICTS: &[&str] = &[
    "-navigation",
    "-navigation",
    "-navigation",
    "-navigation",
    "-navigation",
    "-ad",
    "-metadata",
    "+title",
    "-metadata",
    "-metadata",
    "-caption",
    "-metadata",
    "+paragraph",
    "+paragraph",
    "-ad",
    "+paragraph",
    "+heading",
    "+paragraph",
    "-related",
    "-related",
    "-related",
    "-metadata",
    "-share",
    "-share",
    "-share",
    "-share",
    "-cookie",
    "-comment_form",
    "-comment_form",
    "-subscription",
    "-ad",
    "-footer",
];

fn options() -> BoilerplateOptions {
    BoilerplateOptions {
        mode: Mode::Text,
        ..BoilerplateOptions::default()
    }
}

fn stage_with(options: &BoilerplateOptions) -> Box<dyn Stage> {
    let table = toml::Table::try_from(options).expect("options serialize");
    newsmill_boilerplate::factory()
        .build(&table)
        .expect("options build")
}

fn stage() -> Box<dyn Stage> {
    stage_with(&options())
}

/// `(block text, "+kind" or "-reason")` for every block of `text`.
fn verdicts(text: &str) -> Vec<(String, String)> {
    let (blocks, _) = judge_text(text, &options()).expect("valid options");
    blocks
        .into_iter()
        .map(|b| {
            let label = match b.verdict {
                Verdict::Keep(kind) => format!("+{}", kind.as_str()),
                Verdict::Remove(reason) => format!("-{}", reason.as_str()),
            };
            (text[b.range].to_owned(), label)
        })
        .collect()
}

fn assert_verdicts(text: &str, blocks: &[&str], expected: &[&str]) {
    let got = verdicts(text);
    let got_blocks: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(got_blocks, blocks, "block boundaries");
    for ((block, label), want) in got.iter().zip(expected) {
        assert_eq!(label, want, "verdict of {block:?}");
    }
}

const HARBOUR_BODY: &str = "The port of Valmora handled nearly 1.2 million containers in the first half of the year, up 8% on the same period last year, the harbour authority said on Tuesday.\n\n\
“We are running out of quay space,” said director Ana Ortiz. “Ships now wait two days on average before they can unload.”\n\n\
The authority plans to spend about €450 million on a new terminal, which it says will double capacity by 2030. Environmental groups have asked for a review of the dredging work it requires.\n\n\
Dredging and the bay\n\n\
Fishermen say the dredging has already clouded the water near the river mouth, and the regional council will hear their complaint next month.";

#[test]
fn every_kind_of_junk_around_a_story_is_removed_with_its_reason() {
    let text = HARBOUR_PAGE.join("\n\n");
    assert_verdicts(&text, HARBOUR_PAGE, HARBOUR_VERDICTS);
}

#[test]
fn one_block_per_line_is_judged_the_same() {
    let text = HARBOUR_PAGE.join("\n");
    assert_verdicts(&text, HARBOUR_PAGE, HARBOUR_VERDICTS);
}

#[test]
fn layers_and_fields_follow_the_contract() {
    let mut doc = Document::from_text("harbour", HARBOUR_PAGE.join("\n\n"));
    stage()
        .process(&mut doc)
        .expect("text mode accepts the page");
    assert_eq!(
        doc.field(layers::CLEAN_TEXT_FIELD),
        Some(&Value::from(HARBOUR_BODY))
    );
    assert_eq!(
        doc.field("title"),
        Some(&Value::from(
            "Valmora harbour expects record cargo year as new cranes arrive"
        ))
    );
    assert_eq!(
        doc.field("byline"),
        Some(&Value::from("Lena Fisk and Tomas Berg"))
    );
    assert_eq!(doc.field("date"), Some(&Value::from("2025-11-18")));

    let text = doc.text().to_owned();
    let blocks = doc.layer(layers::BLOCKS).expect("blocks layer");
    let kinds: Vec<&str> = blocks
        .iter()
        .map(|s| s.attr("kind").and_then(Value::as_str).unwrap_or("?"))
        .collect();
    assert_eq!(
        kinds,
        [
            "title",
            "paragraph",
            "paragraph",
            "paragraph",
            "heading",
            "paragraph"
        ]
    );
    assert_eq!(&text[blocks[0].range()], HARBOUR_PAGE[7]);

    // Removed blocks are covered by `removed()`, kept ones are not, and consecutive
    // blocks removed for the same reason share one span (the menu is one span).
    let removed = doc.removed();
    for (block, verdict) in HARBOUR_PAGE.iter().zip(HARBOUR_VERDICTS) {
        let start = text.find(block).expect("block in text");
        let range = start..start + block.len();
        assert_eq!(
            removed.covers(range.clone()),
            verdict.starts_with('-'),
            "{block}"
        );
    }
    let spans = doc.layer(layers::BOILERPLATE).expect("boilerplate layer");
    assert_eq!(
        &text[spans[0].range()],
        "Skip to main content\n\nHome\n\nWorld\n\nBusiness\n\nSport"
    );
    assert_eq!(spans[0].attr("reason"), Some(&Value::from("navigation")));
    assert!(
        spans
            .iter()
            .all(|s| s.attr("reason").and_then(Value::as_str).is_some())
    );
}

/// A live blog: the main story, then teasers of other stories, each with its own
/// time stamp, headline and byline.
const LIVE_BLOG: &str = "Storm closes coastal road for second day\n\n\
By Ana Ortiz\n\n\
The coastal road between Valmora and Pelt stayed closed on Wednesday after waves damaged the sea wall, the regional roads office said.\n\n\
Engineers expect to finish a temporary repair by Friday, but heavy lorries will be diverted inland until the wall is rebuilt next spring.\n\n\
“We will not reopen the road until the wall is safe,” said the office's chief engineer, Piet Lamers.\n\n\
2 hours ago\n\
Council approves budget for new school\n\
By Marta Quell\n\
The city council voted on Tuesday to fund a new primary school in the northern district, where classes have grown by a third in five years.\n\n\
Construction is due to start in the autumn.\n\n\
5 hours ago\n\
Museum reopens after roof repairs\n\
By Tomas Berg\n\
The maritime museum welcomed its first visitors in eight months on Monday after a leak forced it to close last winter.";

#[test]
fn teasers_of_other_stories_after_the_main_one_are_removed() {
    let got = verdicts(LIVE_BLOG);
    let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "+title",
            "-metadata",
            "+paragraph",
            "+paragraph",
            "+paragraph",
            "-other_story",
            "-other_story",
            "-other_story",
            "-other_story",
            "-other_story",
            "-other_story",
            "-other_story",
            "-other_story",
            "-other_story",
        ]
    );
    let mut doc = Document::from_text("live", LIVE_BLOG);
    stage().process(&mut doc).expect("text mode");
    assert_eq!(
        doc.field("byline"),
        Some(&Value::from("Ana Ortiz")),
        "the main story's byline"
    );
    let clean = doc
        .field(layers::CLEAN_TEXT_FIELD)
        .and_then(Value::as_str)
        .unwrap_or("");
    assert!(clean.starts_with("The coastal road"));
    assert!(clean.ends_with("Piet Lamers."));
    assert!(!clean.contains("school"));

    // Kept when the option says so.
    let keep = BoilerplateOptions {
        drop_other_stories: false,
        ..options()
    };
    let mut doc = Document::from_text("live", LIVE_BLOG);
    stage_with(&keep).process(&mut doc).expect("text mode");
    let clean = doc
        .field(layers::CLEAN_TEXT_FIELD)
        .and_then(Value::as_str)
        .unwrap_or("");
    assert!(clean.contains("new primary school"));
}

#[test]
fn a_bare_story_keeps_everything_and_finds_no_byline() {
    let text = "Tram line to the airport opens\n\n\
        The new tram line to Valmora airport carried 12,000 passengers on its first day, the transport company said.\n\n\
        Trams run every ten minutes from six in the morning until midnight.";
    let mut doc = Document::from_text("bare", text);
    stage().process(&mut doc).expect("text mode");
    assert_eq!(
        doc.field("title"),
        Some(&Value::from("Tram line to the airport opens"))
    );
    assert_eq!(doc.field("byline"), Some(&Value::Null));
    assert_eq!(doc.field("date"), Some(&Value::Null));
    assert_eq!(
        doc.field(layers::CLEAN_TEXT_FIELD),
        Some(&Value::from(
            "The new tram line to Valmora airport carried 12,000 passengers on its first day, the transport company said.\n\n\
             Trams run every ten minutes from six in the morning until midnight."
        ))
    );
    assert!(doc.removed().is_empty());
}

#[test]
fn empty_and_blank_texts_give_empty_layers_and_null_fields() {
    for text in ["", "\n\n  \n", "\u{feff}"] {
        let mut doc = Document::from_text("empty", text);
        stage().process(&mut doc).expect("text mode");
        assert_eq!(doc.layer(layers::BLOCKS), Some(&[][..]));
        assert_eq!(doc.layer(layers::BOILERPLATE), Some(&[][..]));
        assert_eq!(doc.field(layers::CLEAN_TEXT_FIELD), Some(&Value::from("")));
        for field in ["title", "byline", "date"] {
            assert_eq!(doc.field(field), Some(&Value::Null), "{field}");
        }
    }
}

#[test]
fn modes_pick_the_input() {
    let auto = stage_with(&BoilerplateOptions::default());
    // HTML and no text: HTML mode turns the page into text.
    let mut html_only = Document::from_html("h", "<p>Hello there, this is the whole story.</p>");
    auto.process(&mut html_only).expect("html mode");
    assert_eq!(html_only.text(), "Hello there, this is the whole story.");
    assert!(html_only.source_map().is_some());
    // Text present: text mode, even with HTML alongside.
    let mut both = Document::from_text("b", HARBOUR_PAGE.join("\n"));
    both.html = Some("<p>ignored</p>".into());
    auto.process(&mut both).expect("text mode");
    assert!(both.layer(layers::BLOCKS).is_some_and(|b| !b.is_empty()));
    // Forced HTML mode without HTML is an input error.
    let html = stage_with(&BoilerplateOptions {
        mode: Mode::Html,
        ..BoilerplateOptions::default()
    });
    let mut text_only = Document::from_text("t", "Some text.");
    assert!(matches!(
        html.process(&mut text_only),
        Err(StageError::Input(_))
    ));
}

#[test]
fn options_are_checked_and_documented() {
    let factory = newsmill_boilerplate::factory();
    assert_eq!(factory.type_name(), "boilerplate");
    let docs = factory.options().expect("typed options");
    let names: Vec<&str> = docs.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "mode",
            "min_paragraph_words",
            "min_stopword_density",
            "drop_other_stories",
            "html"
        ]
    );
    assert_eq!(docs[0].default, "\"auto\"");
    let bad: toml::Table = toml::from_str("min_stopword_density = 1.5").expect("toml");
    assert!(matches!(
        factory.build(&bad),
        Err(BuildError::Option { key: Some(k), .. }) if k == "min_stopword_density"
    ));
    let unknown: toml::Table = toml::from_str("mood = \"text\"").expect("toml");
    assert!(factory.build(&unknown).is_err());
    let mode: toml::Table = toml::from_str("mode = \"pdf\"").expect("toml");
    assert!(factory.build(&mode).is_err());
    let meta = stage().meta().clone();
    assert_eq!(meta.produces, ["blocks", "boilerplate"]);
    assert_eq!(meta.fields, ["clean_text", "title", "byline", "date"]);
    assert!(meta.sets_text);
}

#[test]
fn compliance_on_written_documents() {
    let mut docs: Vec<Document> = sample_documents()
        .into_iter()
        .filter(|d| !d.text().is_empty())
        .collect();
    docs.push(Document::from_text("harbour", HARBOUR_PAGE.join("\n\n")));
    docs.push(Document::from_text("live", LIVE_BLOG));
    let out = assert_compliant(stage().as_ref(), docs);
    // The core sample: ad label, related list and "Read More" go; the story stays.
    let clean = out[0]
        .field(layers::CLEAN_TEXT_FIELD)
        .and_then(Value::as_str)
        .unwrap_or("");
    assert!(clean.starts_with("The port of Valmora"));
    assert!(clean.ends_with("about €450 million."));
    assert!(!clean.contains("ADVERTISEMENT") && !clean.contains("Read More"));
}

#[test]
fn survives_hostile_input() {
    assert_survives_hostile_input(stage().as_ref(), 64);
    assert_survives_hostile_input(stage_with(&BoilerplateOptions::default()).as_ref(), 32);
}
