//! Unit tests of the recognizers on sentences written for these tests.

use super::*;

/// One finding as `(kind, covered text, place, date, agency, names, credited)`.
type Row = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
    Option<String>,
);

fn find(text: &str) -> Vec<Row> {
    let mut doc = Document::from_text("t", text);
    Dateline::new(DatelineOptions::default())
        .process(&mut doc)
        .unwrap();
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    doc.layer(LAYER)
        .unwrap()
        .iter()
        .map(|sp| {
            let names = match sp.attr("names") {
                Some(Value::List(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            };
            (
                s(sp.attr("kind")).unwrap(),
                text[sp.range()].to_owned(),
                s(sp.attr("place")),
                s(sp.attr("date")),
                s(sp.attr("agency")),
                names,
                s(sp.attr("credited")),
            )
        })
        .collect()
}

fn one(text: &str) -> Row {
    let found = find(text);
    assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
    found.into_iter().next().unwrap()
}

fn o(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

const PROSE: &str = "Port officials said on Monday that the new container terminal would open next spring, two years later than planned.";

#[test]
fn wire_datelines() {
    let r = one(
        "MOSCOW (Reuters) — Russia's central bank raised its key rate by two points on Tuesday.",
    );
    assert_eq!(
        (r.0.as_str(), r.1.as_str()),
        ("dateline", "MOSCOW (Reuters) —")
    );
    assert_eq!((r.2, r.3, r.4), (o("MOSCOW"), None, o("Reuters")));

    let r =
        one("WASHINGTON, Aug. 14 (AP) — The Senate voted 52-48 on Monday to confirm the nominee.");
    assert_eq!(r.1, "WASHINGTON, Aug. 14 (AP) —");
    assert_eq!((r.2, r.3, r.4), (o("WASHINGTON"), o("Aug. 14"), o("AP")));

    let r = one(
        "LONDON, March 3, 2024 (Reuters) - Britain's economy grew slightly faster than expected.",
    );
    assert_eq!(r.1, "LONDON, March 3, 2024 (Reuters) -");
    assert_eq!(
        (r.2, r.3, r.4),
        (o("LONDON"), o("March 3, 2024"), o("Reuters"))
    );

    let r = one("(Reuters) — Harbour workers at Valmora ended their strike on Friday.");
    assert_eq!(
        (r.1.as_str(), r.2, r.4),
        ("(Reuters) —", None, o("Reuters"))
    );
    assert!(find("(Valmora Times) — a weekly").is_empty());

    let r = one("NEW YORK (AP) -- Stocks drifted lower in afternoon trading.");
    assert_eq!((r.1.as_str(), r.2), ("NEW YORK (AP) --", o("NEW YORK")));
}

#[test]
fn regions_colons_and_tass_style() {
    let r = one("KYIV, Ukraine — Air raid sirens sounded across the capital before dawn.");
    assert_eq!(
        (r.1.as_str(), r.2, r.4),
        ("KYIV, Ukraine —", o("KYIV, Ukraine"), None)
    );

    let r = one("NEW DELHI: India's parliament passed the data protection bill on Wednesday.");
    assert_eq!((r.1.as_str(), r.2), ("NEW DELHI:", o("NEW DELHI")));

    let r =
        one("MOSCOW, August 14. /TASS/. The grain deal will not be extended, a spokesman said.");
    assert_eq!(r.1, "MOSCOW, August 14. /TASS/.");
    assert_eq!((r.2, r.3, r.4), (o("MOSCOW"), o("August 14"), o("TASS")));

    let r = one("Moscow (Reuters) - Russia will raise export duties, the ministry said.");
    assert_eq!((r.2, r.4), (o("Moscow"), o("Reuters")));

    let r = one("SÃO PAULO (Reuters) - Brazil's central bank held rates steady.");
    assert_eq!(r.2, o("SÃO PAULO"));
}

#[test]
fn a_place_alone_on_its_line_needs_prose_after_it() {
    let text = format!("ISTANBUL\n\n{PROSE}");
    let r = one(&text);
    assert_eq!(
        (r.0.as_str(), r.1.as_str(), r.2),
        ("dateline", "ISTANBUL", o("ISTANBUL"))
    );
    // A label before a short line, or a known section name, is not a dateline.
    assert!(find("ISTANBUL\n\nSee more").is_empty());
    assert!(find(&format!("WORLD\n\n{PROSE}")).is_empty());
    assert!(find("ISTANBUL").is_empty());
    // A Title Case headline after it is not prose.
    assert!(
        find("SCIENCE\n\nNASA Just Confirmed There Are Water Plumes Above The Icy Moon").is_empty()
    );
}

#[test]
fn datelines_without_an_agency_belong_to_the_story_opening() {
    let opening = format!("Harbour strike ends\n\nKYIV — {PROSE}");
    assert_eq!(one(&opening).2, o("KYIV"));
    // Deep in the story, capitals opening a line are subheadings and salutations.
    let deep = format!(
        "{PROSE}\n{PROSE}\n{PROSE}\n{PROSE}\nFRANCE WINS\n{PROSE}\nDEAR READERS: {PROSE}\nKYIV — {PROSE}"
    );
    assert!(find(&deep).is_empty(), "{:?}", find(&deep));
    // With an agency, a dateline is believed anywhere (live blogs, digests).
    let wire = format!("{PROSE}\n{PROSE}\n{PROSE}\n{PROSE}\nKYIV (Reuters) — {PROSE}");
    assert_eq!(one(&wire).4, o("Reuters"));
    // Capitals before a non-sentence are labels: "GIRF - INSTALLATION".
    assert!(find("PERMITS - INSTALLATION GUIDE").is_empty());
}

#[test]
fn things_that_look_like_datelines_but_are_not() {
    for text in [
        "BREAKING — Markets fell sharply at the open.",
        "NATO — the alliance — said it would respond.",
        "Officials said - after a long pause - that talks would resume.",
        "COVID-19 — cases rose again in the north.",
        "The UN said on Monday: aid convoys were blocked.",
        "FILE - A container ship is moored at the port.",
        "Moscow - the city that never sleeps - hosted the forum.",
        "ADVERTISEMENT",
        "United States (English) - Change language",
        "Tomas Berg/Valmora Post/ Reuters",
    ] {
        assert!(find(text).is_empty(), "{text:?}: {:?}", find(text));
    }
}

#[test]
fn bylines() {
    let r = one("By Kostan Nechyporenko");
    assert_eq!(
        (r.0.as_str(), r.1.as_str(), r.5.clone(), r.4),
        (
            "byline",
            "By Kostan Nechyporenko",
            v(&["Kostan Nechyporenko"]),
            None
        )
    );

    assert_eq!(
        one("By Jane Doe and John Roe").5,
        v(&["Jane Doe", "John Roe"])
    );
    assert_eq!(
        one("By Jane Doe, John Roe and Ann Poe").5,
        v(&["Jane Doe", "John Roe", "Ann Poe"])
    );

    let r = one("By JANE DOE, Associated Press");
    assert_eq!((r.5, r.4), (v(&["JANE DOE"]), o("Associated Press")));

    let r = one("By Reuters");
    assert_eq!((r.5, r.4), (v(&[]), o("Reuters")));

    let r = one("By Maria da Silva, Staff Writer");
    assert_eq!((r.5, r.4), (v(&["Maria da Silva"]), None));

    let r = one("Reporting by Jane Doe in London; Editing by John Roe and Ann Poe");
    assert_eq!(r.5, v(&["Jane Doe", "John Roe", "Ann Poe"]));

    let r = one("By Jane Doe | Published Aug 14, 2023, 5:04 PM");
    assert_eq!((r.1.as_str(), r.5), ("By Jane Doe", v(&["Jane Doe"])));

    let r = one("By Tomas Berg - 10/02/24 06:56 AM EST");
    assert_eq!((r.1.as_str(), r.4), ("By Tomas Berg", None));

    let r = one("Written by Lena Fisk, MS, RD");
    assert_eq!((r.5, r.4), (v(&["Lena Fisk"]), None));

    let r = one("By J. R. Hartley for The Valmora Post");
    assert_eq!((r.5, r.4), (v(&["J. R. Hartley"]), o("The Valmora Post")));
}

#[test]
fn sentences_starting_with_by_are_not_bylines() {
    for text in [
        "By the end of the year, prices had doubled.",
        "By Monday, the storm had passed.",
        "By Tuesday evening the roads were clear.",
        "By then, Jane Doe had already left the company.",
        "By Jane Doe's own account, the meeting went badly wrong.",
        "By Any Means Necessary",
    ] {
        assert!(find(text).is_empty(), "{text:?}: {:?}", find(text));
    }
}

#[test]
fn credits() {
    let r = one("Source - Official website of the President of Russia");
    assert_eq!(
        (r.0.as_str(), r.6, r.4),
        (
            "credit",
            o("source"),
            o("Official website of the President of Russia")
        )
    );

    let r = one(
        "Firefighters work at the scene in central Kharkiv. (Photo by Jane Doe/AFP via Getty Images)",
    );
    assert_eq!(r.1, "(Photo by Jane Doe/AFP via Getty Images)");
    assert_eq!(
        (r.5, r.4, r.6),
        (v(&["Jane Doe"]), o("AFP via Getty Images"), o("photo"))
    );

    let r = one("The minister arrives for talks. (AP Photo/Ken Marlow)");
    assert_eq!(
        (r.1.as_str(), r.4, r.5),
        ("(AP Photo/Ken Marlow)", o("AP"), v(&["Ken Marlow"]))
    );

    let r = one("Photo: Reuters");
    assert_eq!((r.4, r.6), (o("Reuters"), o("photo")));

    let r = one("Image source, Getty Images");
    assert_eq!((r.4, r.6), (o("Getty Images"), o("image")));

    let r = one("A view of the harbour at dawn. Photo: Lena Fisk/Valmora Post");
    assert_eq!(r.1, "Photo: Lena Fisk/Valmora Post");
    assert_eq!((r.5, r.4), (v(&["Lena Fisk"]), o("Valmora Post")));

    let r = one("Courtesy of the Valmora Harbour Authority");
    assert_eq!(
        (r.4, r.6),
        (o("the Valmora Harbour Authority"), o("credit"))
    );

    let r = one("Source: Valmora harbour authority");
    assert_eq!(r.4, o("Valmora harbour authority"));

    let r = one("(Image credit: Valmora Crane Systems, Inc.)");
    assert_eq!((r.5, r.4), (v(&[]), o("Valmora Crane Systems, Inc")));

    let r = one("Photo: Ana Ortiz, AP");
    assert_eq!((r.5, r.4), (v(&["Ana Ortiz"]), o("AP")));

    let r = one("Source: Valmora Port Authority, October 2, 2024");
    assert_eq!(r.4, o("Valmora Port Authority"));

    let r = one("(credit: ESA/Lena Fisk)");
    assert_eq!((r.5, r.4), (v(&["Lena Fisk"]), o("ESA")));

    let r = one("Photo illustration by Valmora Post. Photo by Ana Ortiz.");
    assert_eq!((r.4, r.6), (o("Valmora Post"), o("illustration")));

    let r = one("Cranes at dawn (Image: kremlin.ru)");
    assert_eq!(r.4, o("kremlin.ru"));
}

#[test]
fn things_that_look_like_credits_but_are_not() {
    for text in [
        "Video: Protesters clash with police in the capital",
        "Sources say the deal is close.",
        "Photos of the crash spread quickly online.",
        "(Photographs were not allowed inside the courtroom)",
        "Source: the ministry said on Tuesday that it would not comment on the report.",
        "Source: Officials say the port will close for two weeks next month",
        "He said (in a photo caption) that it was fine.",
    ] {
        assert!(find(text).is_empty(), "{text:?}: {:?}", find(text));
    }
}

#[test]
fn a_whole_article_in_order_with_every_kind() {
    let text = format!(
        "Harbour strike ends after nine days\n\nBy Lena Fisk and Tomas Berg\n\n\
         VALMORA, Oct. 2 (Reuters) - {PROSE}\n\n\
         Dockers leave the terminal on Friday. (Photo by Ana Ortiz/AFP via Getty Images)\n\n\
         Reporting by Lena Fisk; Editing by Mark Hale"
    );
    let kinds: Vec<String> = find(&text).into_iter().map(|r| r.0).collect();
    assert_eq!(kinds, ["byline", "dateline", "credit", "byline"]);
}

#[test]
fn kinds_option_and_removed_text() {
    let text = "By Jane Doe\n\nADVERTISEMENT (Photo: Reuters)\n\nMOSCOW (Reuters) — Talks resumed.";
    let mut doc = Document::from_text("t", text);
    // The byline was removed as metadata (kept by default), the ad line as an ad.
    let ad = text.find("ADVERTISEMENT").unwrap();
    doc.set_layer(
        layers::BOILERPLATE,
        vec![
            Span::new(0, 11).with("reason", "metadata"),
            Span::new(ad, ad + "ADVERTISEMENT (Photo: Reuters)".len()).with("reason", "ad"),
        ],
    )
    .unwrap();
    let stage = Dateline::new(DatelineOptions::default());
    stage.process(&mut doc).unwrap();
    let kinds: Vec<&str> = doc
        .layer(LAYER)
        .unwrap()
        .iter()
        .filter_map(|s| s.attr("kind")?.as_str())
        .collect();
    assert_eq!(kinds, ["byline", "dateline"]);

    let strict = Dateline::new(DatelineOptions {
        keep_in_removed: vec![],
        kinds: vec![FindingKind::Byline, FindingKind::Credit],
        ..DatelineOptions::default()
    });
    strict.process(&mut doc).unwrap();
    assert!(doc.layer(LAYER).unwrap().is_empty());
}

#[test]
fn every_span_has_every_attribute() {
    let text = format!("By Jane Doe\n\nMOSCOW (Reuters) — {PROSE} (Photo: Reuters)");
    let mut doc = Document::from_text("t", text);
    Dateline::new(DatelineOptions::default())
        .process(&mut doc)
        .unwrap();
    let spans = doc.layer(LAYER).unwrap();
    assert_eq!(spans.len(), 3);
    for span in spans {
        let keys: Vec<&str> = span.attrs.iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            ["kind", "place", "date", "agency", "names", "credited"]
        );
    }
}
