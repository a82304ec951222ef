//! The README's first command, checked: the default pipeline over the sample corpus that
//! ships in `corpus/sample`. Every expected value below was read off the articles by
//! hand (they were written for this project), not copied from the output.

mod common;

use std::collections::HashMap;

use common::{repo_root, run_in};
use serde_json::Value;

fn sample_output() -> HashMap<String, Value> {
    let root = repo_root();
    let run = run_in(
        &root,
        &["--config", "config/pipeline.toml", "--quiet"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.trim().is_empty(),
        "no rejects expected: {}",
        run.stderr
    );
    run.json_lines()
        .into_iter()
        .map(|d| (d["id"].as_str().unwrap().to_owned(), d))
        .collect()
}

fn removed(doc: &Value) -> Vec<(&str, &str)> {
    doc["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["reason"].as_str().unwrap(), b["text"].as_str().unwrap()))
        .collect()
}

fn quote<'a>(doc: &'a Value, starts: &str) -> &'a Value {
    doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("no quote starting {starts:?} in {}", doc["id"]))
}

fn number<'a>(doc: &'a Value, text: &str) -> &'a Value {
    doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["text"] == text)
        .unwrap_or_else(|| panic!("no number {text:?} in {}", doc["id"]))
}

#[test]
fn the_default_pipeline_reads_every_sample_article() {
    let out = sample_output();
    let mut ids: Vec<&str> = out.keys().map(String::as_str).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "kellerman-transfer.txt",
            "lumen-earnings.html",
            "museum-reopening.html",
            "norland-rates.txt",
            "serra-drought-live.txt",
            "valmora-port-expansion.txt"
        ]
    );
    for doc in out.values() {
        for key in [
            "text",
            "clean_text",
            "title",
            "blocks",
            "boilerplate",
            "quotes",
            "numbers",
        ] {
            assert!(doc.get(key).is_some(), "{} lacks {key}", doc["id"]);
        }
        // Every span's text is the slice of `text` its offsets name.
        let text = doc["text"].as_str().unwrap();
        for layer in ["blocks", "boilerplate", "quotes", "numbers"] {
            for span in doc[layer].as_array().unwrap() {
                let (s, e) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    text.get(s..e),
                    span["text"].as_str(),
                    "{} {layer}",
                    doc["id"]
                );
            }
        }
    }
}

#[test]
fn junk_is_removed_and_the_story_kept_in_text_articles() {
    let out = sample_output();
    let valmora = &out["valmora-port-expansion.txt"];
    let junk = removed(valmora);
    for (reason, starts) in [
        ("ad", "ADVERTISEMENT"),
        ("caption", "Cranes unload a container ship"),
        ("related", "Related Articles"),
        ("cookie", "• We use cookies"),
    ] {
        assert!(
            junk.iter()
                .any(|(r, t)| *r == reason && t.starts_with(starts)),
            "valmora: no {reason} block starting {starts:?}: {junk:?}"
        );
    }
    let clean = valmora["clean_text"].as_str().unwrap();
    assert!(
        clean.starts_with("The harbour board of Valmora on Tuesday approved"),
        "{clean}"
    );
    assert!(
        clean.ends_with(
            "Construction is due to start on March 3, 2026 and to finish within six years."
        ),
        "{clean}"
    );
    assert_eq!(
        valmora["title"],
        "Valmora port approves €1.2 billion expansion as cargo hits record"
    );

    let serra = &out["serra-drought-live.txt"];
    let junk = removed(serra);
    assert!(
        junk.iter()
            .any(|(r, t)| *r == "other_story" && t.starts_with("2 hours ago\nRail workers")),
        "{junk:?}"
    );
    assert!(
        junk.iter()
            .any(|(r, t)| *r == "comment_form" && t.starts_with("Leave a Reply")),
        "{junk:?}"
    );
    let clean = serra["clean_text"].as_str().unwrap();
    assert!(
        clean.ends_with("until the weekend."),
        "the live-blog teasers are not part of the story: {clean}"
    );

    let norland = &out["norland-rates.txt"];
    assert_eq!(norland["date"], "2025-06-12");
    assert!(
        removed(norland)
            .iter()
            .any(|(_, t)| t.starts_with("Our partners"))
    );
}

#[test]
fn quotes_have_their_speakers_across_cue_shapes() {
    let out = sample_output();
    let norland = &out["norland-rates.txt"];
    let q = quote(norland, "Inflation is still too high");
    assert_eq!(q["speaker"], "Hanne Solberg");
    assert_eq!(q["kind"], "direct");
    // "..." she said: a pronoun resolved to the last named speaker.
    assert_eq!(
        quote(norland, "a source of concern")["speaker"],
        "Hanne Solberg"
    );
    assert_eq!(
        quote(norland, "The bank is fighting yesterday's battle")["speaker"],
        "Lars Eide"
    );

    let valmora = &out["valmora-port-expansion.txt"];
    // "..." the mayor said: a role noun resolved to Mayor Elena Vasquez.
    assert_eq!(
        quote(valmora, "Nobody will be forgotten")["speaker"],
        "Elena Vasquez"
    );
    assert_eq!(
        quote(valmora, "It is the largest investment")["speaker"],
        "Ana Ortiz"
    );
    // A quote nested in a quote stays inside its speaker's quotation.
    assert_eq!(
        quote(valmora, "Now they say ‘trust us’ again.")["speaker"],
        "Tomas Brell"
    );

    let kellerman = &out["kellerman-transfer.txt"];
    // The headline's quotation, attributed to the fullest form of the name.
    let headline = &kellerman["quotes"][0];
    assert_eq!(
        headline["text"],
        "I came here to win trophies, not to make friends"
    );
    assert_eq!(headline["speaker"], "Jonas Kellerman");
    // Apostrophes in rock 'n' roll are not quotation marks.
    assert!(
        kellerman["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| !q["text"].as_str().unwrap().contains("roll")),
        "{}",
        kellerman["quotes"]
    );

    // Quotes inside removed teasers are not reported.
    let serra = &out["serra-drought-live.txt"];
    assert!(
        serra["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["speaker"] != "Paulo Serrão")
    );
}

#[test]
fn a_quote_running_over_two_paragraphs_is_one_span() {
    let out = sample_output();
    let kellerman = &out["kellerman-transfer.txt"];
    let q = quote(
        kellerman,
        "He reminds me of the players I grew up watching.",
    );
    let text = q["text"].as_str().unwrap();
    assert!(
        text.contains("he is hungry.\n\n“We will not put pressure on him."),
        "{text}"
    );
    assert!(
        text.ends_with("He has time,") || text.ends_with("He has time"),
        "{text}"
    );
}

#[test]
fn numbers_are_normalized_with_unit_qualifier_and_counted_noun() {
    let out = sample_output();
    let valmora = &out["valmora-port-expansion.txt"];
    let euros: Vec<&Value> = valmora["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["text"] == "€1.2 billion")
        .collect();
    assert_eq!(euros.len(), 2, "headline and body");
    let body = euros
        .iter()
        .find(|n| n["approx"] == "nearly")
        .expect("nearly €1.2 billion");
    assert_eq!(body["value"], 1_200_000_000u64);
    assert_eq!(body["kind"], "money");
    assert_eq!(body["unit"], "EUR");
    let jobs = number(valmora, "1,500");
    assert_eq!(
        (
            jobs["value"].as_u64(),
            jobs["approx"].as_str(),
            jobs["counted"].as_str()
        ),
        (Some(1500), Some("some"), Some("jobs"))
    );
    assert_eq!(number(valmora, "3.4 million")["value"], 3_400_000u64);
    assert_eq!(number(valmora, "8%")["unit"], "%");

    let norland = &out["norland-rates.txt"];
    let pp = number(norland, "0.25 percentage points");
    assert_eq!(
        (
            pp["value"].as_f64(),
            pp["kind"].as_str(),
            pp["unit"].as_str()
        ),
        (Some(0.25), Some("percent"), Some("pp"))
    );
    assert_eq!(number(norland, "two percent")["value"], 2);
    let debt = number(norland, "$55 billion");
    assert_eq!(
        (
            debt["value"].as_u64(),
            debt["unit"].as_str(),
            debt["approx"].as_str()
        ),
        (Some(55_000_000_000), Some("USD"), Some("over"))
    );

    let serra = &out["serra-drought-live.txt"];
    let range = number(serra, "35 and 40");
    assert_eq!(
        (
            range["kind"].as_str(),
            range["value"].as_u64(),
            range["upper"].as_u64()
        ),
        (Some("range"), Some(35), Some(40))
    );
    assert_eq!(number(serra, "Thousands")["kind"], "vague");
    assert!(
        serra["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["text"] != "4.5%"),
        "teaser numbers are dropped"
    );

    let kellerman = &out["kellerman-transfer.txt"];
    let age = number(kellerman, "19-year-old");
    assert_eq!(
        (age["kind"].as_str(), age["value"].as_u64()),
        (Some("age"), Some(19))
    );
    let fee = number(kellerman, "£48m");
    assert_eq!(
        (fee["value"].as_u64(), fee["unit"].as_str()),
        (Some(48_000_000), Some("GBP"))
    );
    assert_eq!(number(kellerman, "21st")["kind"], "ordinal");
}

#[test]
fn html_pages_become_text_with_metadata() {
    let out = sample_output();
    let museum = &out["museum-reopening.html"];
    assert_eq!(
        museum["title"],
        "Lindqvist Museum reopens after four-year restoration"
    );
    assert_eq!(museum["byline"], "Priya Raman");
    assert!(museum["date"].as_str().unwrap().starts_with("2025-09-20"));
    let clean = museum["clean_text"].as_str().unwrap();
    assert!(
        clean.starts_with("The Lindqvist Museum reopened its doors on Saturday"),
        "{clean}"
    );
    for junk in [
        "We use cookies",
        "Share on Facebook",
        "Get the culture newsletter",
        "Opera house roof",
        "Post comment",
        "All rights reserved",
        "(Photo: Jan Berg",
    ] {
        assert!(!clean.contains(junk), "{junk:?} leaked into {clean}");
    }
    assert_eq!(
        quote(museum, "We wanted people to see the building")["speaker"],
        "Maren Holt"
    );
    assert_eq!(number(museum, "€86 million")["value"], 86_000_000);

    let lumen = &out["lumen-earnings.html"];
    assert_eq!(lumen["byline"], "Tom Okafor");
    assert_eq!(
        quote(lumen, "Demand is running ahead")["speaker"],
        "Dana Whitfield"
    );
    let clean = lumen["clean_text"].as_str().unwrap();
    assert!(
        !clean.contains("Most read") && !clean.contains("Oil falls"),
        "{clean}"
    );
}
