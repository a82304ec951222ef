//! The stage through the compliance harness, its layer schema, removed text, options,
//! and properties: numbers rendered in digits or words parse back; no input panics;
//! time grows linearly.

use std::time::Instant;

use newsmill_core::testing::{assert_compliant, assert_survives_hostile_input, sample_documents};
use newsmill_core::{Document, Span, Stage, Value, layers};
use newsmill_numbers::{Kind, Num, NumbersOptions, NumbersStage, extract, factory};
use proptest::prelude::*;

const ARTICLE: &str = "Port traffic hits record\n\n\
    ADVERTISEMENT: 50% off all 3 plans\n\n\
    The port of Valmora handled nearly 1.2 million containers in 2023, up 8% on the year \
    before, and the authority expects about €450 million of investment.\n\n\
    Some 80 foreign companies and thousands of workers took part. A 42-year-old crane \
    driver said he had worked there since August 14, 2019.";

fn article() -> Document {
    let mut doc = Document::from_text("valmora", ARTICLE);
    let ad_start = ARTICLE.find("ADVERTISEMENT").unwrap();
    let ad_end = ARTICLE[ad_start..].find("\n\n").unwrap() + ad_start;
    doc.set_layer(
        layers::BOILERPLATE,
        vec![Span::new(ad_start, ad_end).with("reason", "ad")],
    )
    .unwrap();
    doc
}

#[test]
fn compliant_on_articles_and_samples() {
    let stage = NumbersStage::default();
    let mut docs = sample_documents();
    docs.push(article());
    let out = assert_compliant(&stage, docs);
    let doc = out.last().unwrap();
    let spans = doc.layer(layers::NUMBERS).unwrap();
    let keys = [
        "value",
        "kind",
        "unit",
        "approx",
        "approx_span",
        "counted",
        "counted_span",
        "upper",
        "date",
        "parts",
    ];
    for span in spans {
        let got: Vec<&str> = span.attrs.iter().map(|(k, _)| k).collect();
        assert_eq!(got, keys, "every span has every key, in contract order");
    }
    let texts: Vec<&str> = spans.iter().map(|s| &doc.text()[s.range()]).collect();
    assert_eq!(
        texts,
        [
            "1.2 million",
            "2023",
            "8%",
            "€450 million",
            "80",
            "thousands",
            "42-year-old",
            "14",
            "2019"
        ]
    );
    let first = &spans[0];
    assert_eq!(first.attr("value"), Some(&Value::Int(1_200_000)));
    assert_eq!(first.attr("approx"), Some(&Value::from("nearly")));
    assert_eq!(first.attr("counted"), Some(&Value::from("containers")));
    let money = &spans[3];
    assert_eq!(money.attr("kind"), Some(&Value::from("money")));
    assert_eq!(money.attr("unit"), Some(&Value::from("EUR")));
    assert_eq!(
        spans[4].attr("counted"),
        Some(&Value::from("foreign companies"))
    );
    assert_eq!(spans[8].attr("date"), Some(&Value::from("2019-08-14")));
    assert_eq!(spans[0].attr("upper"), Some(&Value::Null));
    // One plain numeral has no parts; a compound mention lists its numerals.
    assert_eq!(spans[0].attr("parts"), Some(&Value::Null));
    assert_eq!(spans[7].attr("parts"), Some(&Value::Null));
    let numeral = |text: &str, value: i64| {
        let start = doc.text().find(text).unwrap();
        Value::List(vec![
            Value::range(start, start + text.len()),
            Value::Int(value),
            Value::from("cardinal"),
        ])
    };
    assert_eq!(
        money.attr("parts"),
        Some(&Value::List(vec![numeral("450 million", 450_000_000)]))
    );
    assert_eq!(
        spans[6].attr("parts"),
        Some(&Value::List(vec![numeral("42", 42)]))
    );
}

#[test]
fn numbers_in_removed_text_are_not_reported() {
    let stage = NumbersStage::default();
    let mut doc = article();
    stage.process(&mut doc).unwrap();
    let removed = doc.removed();
    let kept = doc.layer(layers::NUMBERS).unwrap();
    for span in kept {
        assert!(
            !removed.covers(span.range()),
            "{:?}",
            &doc.text()[span.range()]
        );
    }
    // The removed block is stepped over, not just filtered out afterwards: everything
    // else is found exactly as in the whole text, including the number right after the
    // block, with its qualifier.
    let mut whole = Document::from_text("valmora", ARTICLE);
    stage.process(&mut whole).unwrap();
    let outside: Vec<&Span> = whole
        .layer(layers::NUMBERS)
        .unwrap()
        .iter()
        .filter(|s| !removed.covers(s.range()))
        .collect();
    assert_eq!(kept.iter().collect::<Vec<_>>(), outside);
    let texts: Vec<&str> = kept.iter().map(|s| &ARTICLE[s.range()]).collect();
    assert!(
        !texts.contains(&"50%") && !texts.contains(&"3"),
        "{texts:?}"
    );
    let first = &kept[0];
    assert_eq!(&ARTICLE[first.range()], "1.2 million");
    assert_eq!(first.attr("approx"), Some(&Value::from("nearly")));
}

#[test]
fn options_turn_kinds_off_and_unknown_keys_are_refused() {
    let f = factory();
    let table: toml::Table =
        toml::from_str("ordinals = false\ndates = false\nyears = false\ntimes = false").unwrap();
    let stage = f.build(&table).unwrap();
    let mut doc = Document::from_text(
        "d",
        "The first forum, in 2019, opened on August 14 at 9:30 a.m. with 20 firms.",
    );
    stage.process(&mut doc).unwrap();
    let kinds: Vec<_> = doc
        .layer(layers::NUMBERS)
        .unwrap()
        .iter()
        .map(|s| s.attr("kind").cloned())
        .collect();
    assert_eq!(kinds, [Some(Value::from("cardinal"))]);
    let bad: toml::Table = toml::from_str("ordinal = false").unwrap();
    assert!(f.build(&bad).is_err());
    assert_eq!(f.options().unwrap().len(), 4);
    let _ = NumbersOptions::default();
}

#[test]
fn survives_hostile_input() {
    // The harness's fixed extreme documents (a 4 MB line among them) dominate the
    // time in debug builds; the generated cases add variety.
    assert_survives_hostile_input(&NumbersStage::default(), 24);
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn below_thousand(n: u64, and: bool) -> String {
    let (h, rest) = (n / 100, n % 100);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{} hundred", UNITS[h as usize]));
    }
    if rest > 0 {
        let r = if rest < 20 {
            UNITS[rest as usize].to_owned()
        } else if rest % 10 == 0 {
            TENS[(rest / 10) as usize].to_owned()
        } else {
            format!(
                "{}-{}",
                TENS[(rest / 10) as usize],
                UNITS[(rest % 10) as usize]
            )
        };
        if h > 0 && and {
            parts.push("and".to_owned());
        }
        parts.push(r);
    }
    parts.join(" ")
}

/// `n` in English words (n ≥ 1), optionally with the British `and`.
fn words(n: u64, and: bool) -> String {
    let scales = [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1000, "thousand"),
    ];
    let mut rest = n;
    let mut parts = Vec::new();
    for (size, name) in scales {
        if rest >= size {
            parts.push(format!("{} {name}", below_thousand(rest / size, and)));
            rest %= size;
        }
    }
    if rest > 0 {
        parts.push(below_thousand(rest, and));
    }
    parts.join(" ")
}

fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn numbers_in_words_parse_back(n in 1u64..999_999_999_999, and in any::<bool>()) {
        let text = format!("Officials said {} people attended.", words(n, and));
        let found = extract(&text);
        prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
        prop_assert_eq!(found[0].value, Num::Int(n as i64), "{}", text);
    }

    #[test]
    fn numbers_in_digits_parse_back(
        n in 1u64..999_999_999_999,
        sep in proptest::sample::select(vec![",", "\u{a0}", "\u{202f}", ""]),
    ) {
        let text = format!("The agency counted {} cases.", grouped(n, sep));
        let found = extract(&text);
        prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
        prop_assert_eq!(found[0].value, Num::Int(n as i64), "{}", text);
    }

    #[test]
    fn money_with_scales_parses_back(
        whole in 1u64..999,
        tenth in 0u64..10,
        scale in proptest::sample::select(vec![("million", 1_000_000u64), ("billion", 1_000_000_000), ("thousand", 1000)]),
        cur in proptest::sample::select(vec![("$", "", "USD"), ("€", "", "EUR"), ("£", "", "GBP"), ("", " rubles", "RUB"), ("", " dollars", "USD"), ("", " yuan", "CNY")]),
    ) {
        let number = if tenth > 0 { format!("{whole}.{tenth}") } else { whole.to_string() };
        let text = format!("The contract is worth {}{number} {}{} in total.", cur.0, scale.0, cur.1);
        let found = extract(&text);
        prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
        let expected = (whole * 10 + tenth) * scale.1 / 10;
        prop_assert_eq!(found[0].value, Num::Int(expected as i64), "{}", text);
        prop_assert_eq!(found[0].kind, Kind::Money);
        prop_assert_eq!(found[0].unit.and_then(newsmill_numbers::Unit::code), Some(cur.2));
    }

    #[test]
    fn no_panic_on_any_text(text in "\\PC{0,300}") {
        let found = extract(&text);
        for m in found {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
        }
    }

    #[test]
    fn no_panic_on_number_soup(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "1", ",", ".", "-", "/", " ", "one", "hundred", "and", "a", "half", "thirds", "$", "€", "%",
        "million", "point", "over", "out of", "between", "to", "k", "e", "^", "\u{a0}", "twenty", "-",
        "first", "USD", "cents", "aged", "year-old", "August", "2023", "½", "\n", "of", "thousands",
        ":", "05", "a.m.", "pm", "P.M", "12", "\u{a0}am",
    ]), 0..60)) {
        let text = pieces.concat();
        let found = extract(&text);
        for m in found {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
    }
}

/// Time for `text`, the best of three runs.
fn time_of(text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(extract(text));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn time_grows_linearly_on_dense_and_degenerate_input() {
    for piece in [
        "one one one hundred and ",
        "1-1-1-1-",
        "1,1,1,1,",
        "and a half and ",
        "$ $ 1 $ ",
        "nearly 1,500 firms spent over $8 billion; ",
        "hundred thousand million billion ",
        "twenty-twenty-twenty-",
    ] {
        let small = piece.repeat(10_000 / piece.len());
        let large = piece.repeat(80_000 / piece.len());
        let (ts, tl) = (time_of(&small), time_of(&large));
        // 8x the input may take at most ~16x the time (noise on a shared machine).
        assert!(
            tl < 16.0 * ts + 0.05,
            "{piece:?}: {ts}s for 10 KB, {tl}s for 80 KB"
        );
    }
    let digits = "7".repeat(500_000);
    let t = Instant::now();
    let found = extract(&digits);
    assert!(found.len() <= 1);
    assert!(t.elapsed().as_secs_f64() < 5.0);
}
