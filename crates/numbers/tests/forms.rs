//! Every form the stage recognizes, on sentences written for these tests, with the
//! values worked out by hand.

use newsmill_numbers::{Kind, Mention, Num, Unit, extract, extract_with_year};

struct Want {
    text: &'static str,
    kind: Kind,
    value: f64,
    unit: Option<&'static str>,
}

fn want(text: &'static str, kind: Kind, value: f64) -> Want {
    Want {
        text,
        kind,
        value,
        unit: None,
    }
}

fn money(text: &'static str, value: f64, code: &'static str) -> Want {
    Want {
        text,
        kind: Kind::Money,
        value,
        unit: Some(code),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Checks that `sentence` yields exactly `wants`, in order.
fn check(sentence: &str, wants: &[Want]) {
    let found = extract(sentence);
    let show = |m: &Mention| format!("{:?} {:?} {:?}", &sentence[m.span.clone()], m.kind, m.value);
    assert_eq!(
        found.len(),
        wants.len(),
        "{sentence}\nfound: {:?}",
        found.iter().map(show).collect::<Vec<_>>()
    );
    for (m, w) in found.iter().zip(wants) {
        assert_eq!(&sentence[m.span.clone()], w.text, "{sentence}");
        assert_eq!(m.kind, w.kind, "{sentence}: {}", w.text);
        assert!(
            close(m.value.as_f64(), w.value),
            "{sentence}: {} = {:?}, want {}",
            w.text,
            m.value,
            w.value
        );
        assert_eq!(
            m.unit.and_then(Unit::code),
            w.unit,
            "{sentence}: unit of {}",
            w.text
        );
    }
}

fn first(sentence: &str) -> Mention {
    extract(sentence)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing in {sentence}"))
}

fn counted(sentence: &str) -> Option<String> {
    first(sentence).counted.map(|r| sentence[r].to_owned())
}

fn approx(sentence: &str) -> Option<String> {
    first(sentence).approx.map(|(a, _)| a)
}

#[test]
fn digits_with_separators_signs_and_decimals() {
    check(
        "The ministry counted 1,500 firms and 28,500 exhibits.",
        &[
            want("1,500", Kind::Cardinal, 1500.0),
            want("28,500", Kind::Cardinal, 28500.0),
        ],
    );
    check(
        "About 40\u{a0}000 troops and 12\u{202f}500 tanks were moved.",
        &[
            want("40\u{a0}000", Kind::Cardinal, 40000.0),
            want("12\u{202f}500", Kind::Cardinal, 12500.0),
        ],
    );
    check(
        "The index closed at 3.75 after falling to -2.5 overnight.",
        &[
            want("3.75", Kind::Cardinal, 3.75),
            want("-2.5", Kind::Cardinal, -2.5),
        ],
    );
    check(
        "Output rose by 2,7 points, against 1.234.567 units sold.",
        &[
            want("2,7", Kind::Cardinal, 2.7),
            want("1.234.567", Kind::Cardinal, 1_234_567.0),
        ],
    );
    assert_eq!(first("They counted 1,500 ballots.").value, Num::Int(1500));
    assert_eq!(first("It weighed 4.5 tonnes.").value, Num::Float(4.5));
}

#[test]
fn numbers_in_words() {
    check(
        "Forty-two ships and one hundred and five aircraft took part.",
        &[
            want("Forty-two", Kind::Cardinal, 42.0),
            want("one hundred and five", Kind::Cardinal, 105.0),
        ],
    );
    check(
        "She bought a dozen eggs and two and a half loaves.",
        &[
            want("a dozen", Kind::Cardinal, 12.0),
            want("two and a half", Kind::Cardinal, 2.5),
        ],
    );
    check(
        "The city has three million and a half inhabitants.",
        &[want(
            "three million and a half",
            Kind::Cardinal,
            3_500_000.0,
        )],
    );
    check(
        "Nineteen hundred and seventy-two was a long year for twenty-one men.",
        &[
            want("Nineteen hundred and seventy-two", Kind::Cardinal, 1972.0),
            want("twenty-one", Kind::Cardinal, 21.0),
        ],
    );
    check(
        "Two hundred thousand people marched.",
        &[want("Two hundred thousand", Kind::Cardinal, 200_000.0)],
    );
}

#[test]
fn mixed_forms_and_suffix_multipliers() {
    check(
        "Some 1.5 million voters stayed home, 3bn euros were lost and 10k runners came.",
        &[
            want("1.5 million", Kind::Cardinal, 1_500_000.0),
            money("3bn euros", 3e9, "EUR"),
            want("10k", Kind::Cardinal, 10_000.0),
        ],
    );
    check(
        "The club paid €2m for him and $1.2b for the stadium.",
        &[money("€2m", 2e6, "EUR"), money("$1.2b", 1.2e9, "USD")],
    );
    check(
        "Spending reached 500 billion rubles.",
        &[money("500 billion rubles", 5e11, "RUB")],
    );
}

#[test]
fn fractions() {
    check(
        "Half of the voters and three quarters of the members agreed.",
        &[
            want("Half", Kind::Cardinal, 0.5),
            want("three quarters", Kind::Cardinal, 0.75),
        ],
    );
    check(
        "Two thirds of the budget, 1/3 of the staff and ½ of the land.",
        &[
            want("Two thirds", Kind::Cardinal, 2.0 / 3.0),
            want("1/3", Kind::Cardinal, 1.0 / 3.0),
            want("½", Kind::Cardinal, 0.5),
        ],
    );
    check(
        "The board needs a two-thirds majority.",
        &[want("two-thirds", Kind::Cardinal, 2.0 / 3.0)],
    );
    check(
        "Growth was 2 1/4 points.",
        &[want("2 1/4", Kind::Cardinal, 2.25)],
    );
}

#[test]
fn ordinals() {
    check(
        "It was the first time since the 21st century began, the twenty-first attempt.",
        &[
            want("first", Kind::Ordinal, 1.0),
            want("21st", Kind::Ordinal, 21.0),
            want("twenty-first", Kind::Ordinal, 21.0),
        ],
    );
    check(
        "He finished third in the 100th edition.",
        &[
            want("third", Kind::Ordinal, 3.0),
            want("100th", Kind::Ordinal, 100.0),
        ],
    );
}

#[test]
fn percentages_and_points() {
    let pct = |text, value| Want {
        text,
        kind: Kind::Percent,
        value,
        unit: Some("%"),
    };
    check(
        "Prices rose 5% in May, two percent in June and 5 per cent in July.",
        &[
            pct("5%", 5.0),
            pct("two percent", 2.0),
            pct("5 per cent", 5.0),
        ],
    );
    check(
        "The bank added 3 percentage points, then 25 basis points.",
        &[
            Want {
                text: "3 percentage points",
                kind: Kind::Percent,
                value: 3.0,
                unit: Some("pp"),
            },
            Want {
                text: "25 basis points",
                kind: Kind::Percent,
                value: 0.25,
                unit: Some("pp"),
            },
        ],
    );
}

#[test]
fn money_in_symbols_codes_and_names() {
    check(
        "Fines of $400, US$5 million, €30, £12 and ¥900 were paid.",
        &[
            money("$400", 400.0, "USD"),
            money("US$5 million", 5e6, "USD"),
            money("€30", 30.0, "EUR"),
            money("£12", 12.0, "GBP"),
            money("¥900", 900.0, "JPY"),
        ],
    );
    check(
        "The deal was worth ₽700, ₹40 crore, USD 20 and EUR 35.",
        &[
            money("₽700", 700.0, "RUB"),
            money("₹40 crore", 4e8, "INR"),
            money("USD 20", 20.0, "USD"),
            money("EUR 35", 35.0, "EUR"),
        ],
    );
    check(
        "It costs 300 roubles, 80 yuan, 250 rupees, 9 pounds and 4 euros.",
        &[
            money("300 roubles", 300.0, "RUB"),
            money("80 yuan", 80.0, "CNY"),
            money("250 rupees", 250.0, "INR"),
            money("9 pounds", 9.0, "GBP"),
            money("4 euros", 4.0, "EUR"),
        ],
    );
    check(
        "A ticket is 75 cents here and 60 pence there.",
        &[
            money("75 cents", 0.75, "USD"),
            money("60 pence", 0.6, "GBP"),
        ],
    );
    check(
        "He paid 3 dollars and 20 cents for 12 Canadian dollars.",
        &[
            money("3 dollars and 20 cents", 3.2, "USD"),
            money("12 Canadian dollars", 12.0, "CAD"),
        ],
    );
    // The country is open: a null unit.
    let m = first("The shares traded at 80 francs.");
    assert_eq!((m.kind, m.unit.and_then(Unit::code)), (Kind::Money, None));
    // A weight, not money.
    assert_eq!(first("The parcel weighs 20 pounds.").kind, Kind::Cardinal);
}

#[test]
fn qualifiers_lie_outside_the_number() {
    let text = "Officials said nearly $8 billion was spent.";
    let m = first(text);
    assert_eq!(&text[m.span.clone()], "$8 billion");
    let (a, r) = m.approx.unwrap();
    assert_eq!((a.as_str(), &text[r]), ("nearly", "nearly"));
    for (sentence, q) in [
        ("It has almost 300 members.", "almost"),
        ("They seized about 40 boats.", "about"),
        ("It lasted around 50 days.", "around"),
        ("It employs roughly 20 engineers.", "roughly"),
        ("It cost approximately 12 million.", "approximately"),
        ("Some 80 companies came.", "some"),
        ("It raised over $55 billion.", "over"),
        ("They hired more than 1,500 workers.", "more than"),
        ("They need at least 3 votes.", "at least"),
        ("It will hold up to 200 guests.", "up to"),
        ("Fewer than 10 cases were found.", "fewer than"),
        ("Inflation stayed less than 5%.", "less than"),
        ("Children under 12 travel free.", "under"),
        ("As many as 40 people died.", "as many as"),
        ("They sold 100 or more tickets.", "or more"),
    ] {
        assert_eq!(approx(sentence).as_deref(), Some(q), "{sentence}");
    }
    assert_eq!(approx("They counted 30 votes."), None);
}

#[test]
fn vague_quantities_take_the_smallest_plural_count() {
    check(
        "Thousands of soldiers, hundreds of officers and dozens of generals came.",
        &[
            want("Thousands", Kind::Vague, 2000.0),
            want("hundreds", Kind::Vague, 200.0),
            want("dozens", Kind::Vague, 24.0),
        ],
    );
    check(
        "Tens of thousands of people and millions of viewers watched.",
        &[
            want("Tens of thousands", Kind::Vague, 20_000.0),
            want("millions", Kind::Vague, 2e6),
        ],
    );
    check(
        "Several hundred firms lost hundreds of thousands.",
        &[
            want("Several hundred", Kind::Vague, 300.0),
            want("hundreds of thousands", Kind::Vague, 200_000.0),
        ],
    );
    assert_eq!(
        counted("Thousands of soldiers marched.").as_deref(),
        Some("soldiers")
    );
}

#[test]
fn ranges() {
    let text = "Between 5 and 10 people were hurt; prices rose 5-10% and losses reached from 3 to 4 million.";
    let all = extract(text);
    let ranges: Vec<_> = all.iter().filter(|m| m.kind == Kind::Range).collect();
    assert_eq!(ranges.len(), 3, "{all:#?}");
    assert_eq!(&text[ranges[0].span.clone()], "5 and 10");
    assert_eq!(
        (ranges[0].value, ranges[0].upper),
        (Num::Int(5), Some(Num::Int(10)))
    );
    assert_eq!(ranges[1].unit, Some(Unit::Percent));
    assert_eq!(
        (ranges[2].value, ranges[2].upper),
        (Num::Int(3_000_000), Some(Num::Int(4_000_000)))
    );
    // A change is two numbers.
    check(
        "Sales rose from 3 to 4 million.",
        &[
            want("3", Kind::Cardinal, 3e6),
            want("4 million", Kind::Cardinal, 4e6),
        ],
    );
    // A score is not a range.
    check(
        "They won 3-1.",
        &[
            want("3", Kind::Cardinal, 3.0),
            want("1", Kind::Cardinal, 1.0),
        ],
    );
}

#[test]
fn ages_years_and_dates() {
    check(
        "A 50-year-old man and a woman aged 42 were hurt in 2019.",
        &[
            want("50-year-old", Kind::Age, 50.0),
            want("42", Kind::Age, 42.0),
            want("2019", Kind::Year, 2019.0),
        ],
    );
    let text = "The forum opened on Monday, August 14, 2023, and closed on 20 August.";
    let dates: Vec<_> = extract(text);
    let got: Vec<_> = dates
        .iter()
        .map(|m| (&text[m.span.clone()], m.kind, m.date.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("14", Kind::Date, Some("2023-08-14".to_owned())),
            ("2023", Kind::Date, Some("2023-08-14".to_owned())),
            ("20", Kind::Date, Some("--08-20".to_owned())),
        ]
    );
    let with_year = extract_with_year("They met on August 14.", Some(2023));
    assert_eq!(with_year[0].date.as_deref(), Some("2023-08-14"));
    assert_eq!(
        first("Filed on 2022-08-16 at noon.").date.as_deref(),
        Some("2022-08-16")
    );
    assert_eq!(first("Due 5/17/2018.").date.as_deref(), Some("2018-05-17"));
    assert_eq!(
        first("The talks resumed in August 2023.").date.as_deref(),
        Some("2023-08")
    );
}

#[test]
fn counted_noun_phrases() {
    assert_eq!(
        counted("There were 82 foreign companies.").as_deref(),
        Some("foreign companies")
    );
    assert_eq!(
        counted("It showed 28,500 samples of modern weapons.").as_deref(),
        Some("samples")
    );
    assert_eq!(
        counted("About 1,500 leading defense companies took part.").as_deref(),
        Some("leading defense companies")
    );
    assert_eq!(
        counted("Some 80 firms and groups came.").as_deref(),
        Some("firms")
    );
    assert_eq!(
        counted("It killed a 50-year-old man on Monday.").as_deref(),
        Some("man")
    );
    assert_eq!(
        counted("It has 250 events planned.").as_deref(),
        Some("events")
    );
    assert_eq!(counted("Last year the number was 82.").as_deref(), None);
    assert_eq!(counted("In all, 32 died.").as_deref(), None);
}

#[test]
fn things_that_are_not_numbers() {
    for text in [
        "The Army-2023 forum opened.",
        "ARMY-2022 kicked off.",
        "COVID-19 spread fast.",
        "The F-35 flew.",
        "The MH17 report came out.",
        "The G7 met.",
        "The 5G rollout stalled.",
        "The 4x4 trucks and the 11a form.",
        "Which one do you prefer?",
        "That one is better.",
        "No one came.",
        "It is one of the largest forums.",
        "Is it a or an?",
        "The airline ordered more Boeing 737 jets.",
        "The Army 2023 forum opened.",
        "Call the hotline at 800-273-8255 or 1-800-273-8255.",
        "Tips go to (202) 555-0143 or 202.555.0143.",
    ] {
        let found = extract(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn numbers_around_a_telephone_number_are_kept() {
    // The groups of a telephone number are skipped, not what follows; a range of
    // three-digit numbers or a 3-4 grouping is no telephone number.
    check(
        "Call 800-273-8255, said 12 nurses who took 300-400 calls.",
        &[
            want("12", Kind::Cardinal, 12.0),
            want("300-400", Kind::Range, 300.0),
        ],
    );
}

#[test]
fn scanning_goes_on_after_a_rejected_number_before_a_curly_quote() {
    // `5G` is no number; the scan used to resume inside the quote mark after it and
    // stop, losing every number further on.
    check(
        "They built 5G“ and 12 firms signed.",
        &[want("12", Kind::Cardinal, 12.0)],
    );
}

#[test]
fn decades_are_years_or_ages() {
    check(
        "Prices last rose like this in the 1970s and the '80s, then in the ’00s.",
        &[
            want("1970s", Kind::Year, 1970.0),
            want("80s", Kind::Year, 1980.0),
            want("00s", Kind::Year, 2000.0),
        ],
    );
    check(
        "A nurse in her 50s, a driver in his late 60s and two cooks in their mid-20s.",
        &[
            want("50s", Kind::Age, 50.0),
            want("60s", Kind::Age, 60.0),
            want("two", Kind::Cardinal, 2.0),
            want("20s", Kind::Age, 20.0),
        ],
    );
    // `mid-` is a prefix, not a name before a code: `mid-1990s` is a decade.
    check(
        "Output has grown since the mid-1990s.",
        &[want("1990s", Kind::Year, 1990.0)],
    );
    // Without an apostrophe or a possessive, two digits may be years or degrees.
    check(
        "Highs will be in the 90s.",
        &[want("90s", Kind::Year, 90.0)],
    );
}

fn measure(text: &'static str, value: f64, unit: &'static str) -> Want {
    Want {
        text,
        kind: Kind::Measure,
        value,
        unit: Some(unit),
    }
}

#[test]
fn measurements_carry_their_unit() {
    check(
        "The storm dumped 30mm of rain, winds reached 95km/h and it was 4C at dawn.",
        &[
            measure("30mm", 30.0, "mm"),
            measure("95km/h", 95.0, "km/h"),
            measure("4C", 4.0, "°C"),
        ],
    );
    check(
        "She cycled 42 km with a 9kg pack at 18mph; it hit 91°F, then 33 °C.",
        &[
            measure("42 km", 42.0, "km"),
            measure("9kg", 9.0, "kg"),
            measure("18mph", 18.0, "mph"),
            measure("91°F", 91.0, "°F"),
            measure("33 °C", 33.0, "°C"),
        ],
    );
    check(
        "The laptop has 16GB of memory, a 2.4GHz chip and a 70 kWh pack.",
        &[
            measure("16GB", 16.0, "GB"),
            measure("2.4GHz", 2.4, "GHz"),
            measure("70 kWh", 70.0, "kWh"),
        ],
    );
    check(
        "Frost dropped it to -7C and the dish was turned 90°.",
        &[measure("-7C", -7.0, "°C"), measure("90°", 90.0, "°")],
    );
    // A range takes the unit of its upper end.
    check(
        "The farm covers 5-12km of coast and 2 to 3 GW of panels.",
        &[
            Want {
                text: "5-12km",
                kind: Kind::Range,
                value: 5.0,
                unit: Some("km"),
            },
            Want {
                text: "2 to 3 GW",
                kind: Kind::Range,
                value: 2.0,
                unit: Some("GW"),
            },
        ],
    );
    // Implausible temperatures and letters that name other things are no units.
    check("Room 400C is on the left.", &[]);
    check("The 3D film used 4G phones.", &[]);
    // A lower-case `m`: millions before a plural noun, metres before a word of size,
    // and nothing when the text does not say which.
    check(
        "The app has 4.5m users; the dam is 30m high and the 3m-long eel swam.",
        &[
            want("4.5m", Kind::Cardinal, 4_500_000.0),
            measure("30m", 30.0, "m"),
            measure("3m", 3.0, "m"),
        ],
    );
    assert_eq!(counted("The app has 4.5m users.").as_deref(), Some("users"));
    check("She won the 100m and paid a 10m fine.", &[]);
    // A measurement counts nothing.
    assert_eq!(counted("They walked 12 km home."), None);
    // Spelled-out units are still the counted noun, as before.
    assert_eq!(
        counted("They walked 12 miles home.").as_deref(),
        Some("miles")
    );
}

/// The numbers of `sentence` as (text, kind, value, ISO date or time).
fn readings(sentence: &str) -> Vec<(&str, Kind, f64, Option<String>)> {
    extract(sentence)
        .into_iter()
        .map(|m| (&sentence[m.span], m.kind, m.value.as_f64(), m.date))
        .collect()
}

#[test]
fn clock_times_are_times_not_counts() {
    let t = |s: &str| Some(s.to_owned());
    // a.m. and p.m. fix the time of day, glued or not, dotted or not; 12 a.m. is
    // midnight and 12 p.m. noon.
    assert_eq!(
        readings("The buses left at 4:30 a.m. and the doors opened at 10am."),
        [
            ("4", Kind::Time, 4.0, t("T04:30")),
            ("30", Kind::Time, 30.0, t("T04:30")),
            ("10", Kind::Time, 10.0, t("T10:00")),
        ]
    );
    assert_eq!(
        readings("Polls close at 12 a.m., results by 12:15 PM and 7:05:30 p.m."),
        [
            ("12", Kind::Time, 12.0, t("T00:00")),
            ("12", Kind::Time, 12.0, t("T12:15")),
            ("15", Kind::Time, 15.0, t("T12:15")),
            ("7", Kind::Time, 7.0, t("T19:05:30")),
            ("05", Kind::Time, 5.0, t("T19:05:30")),
            ("30", Kind::Time, 30.0, t("T19:05:30")),
        ]
    );
    assert_eq!(
        approx("The buses left at about 4:30 a.m. sharp.").as_deref(),
        Some("about")
    );
    // A 24-hour reading: a leading zero or an hour past noon.
    assert_eq!(
        readings("The talks ended at 23:10 (03:10 in Manila), after a 90-minute delay."),
        [
            ("23", Kind::Time, 23.0, t("T23:10")),
            ("10", Kind::Time, 10.0, t("T23:10")),
            ("03", Kind::Time, 3.0, t("T03:10")),
            ("10", Kind::Time, 10.0, t("T03:10")),
            ("90", Kind::Cardinal, 90.0, None),
        ]
    );
    // A game clock or a lap time is clock notation, but no time of day.
    assert_eq!(
        readings("With 3:08 to play she ran the mile in 3:59.4 flat."),
        [
            ("3", Kind::Time, 3.0, None),
            ("08", Kind::Time, 8.0, None),
            ("3", Kind::Time, 3.0, None),
            ("59.4", Kind::Time, 59.4, None),
        ]
    );
}

#[test]
fn colons_and_letters_that_are_no_clock() {
    // A ratio has a one-digit second field; a second field over 59 reads no time; an
    // hour alone needs a.m. or p.m. as a whole word.
    check(
        "The board voted 3:1 to approve it.",
        &[
            want("3", Kind::Cardinal, 3.0),
            want("1", Kind::Cardinal, 1.0),
        ],
    );
    check(
        "Line 10:75 of the ledger.",
        &[
            want("10", Kind::Cardinal, 10.0),
            want("75", Kind::Cardinal, 75.0),
        ],
    );
    assert_eq!(counted("The fuse takes 10 amps.").as_deref(), Some("amps"));
    assert_eq!(first("The fuse takes 10 amps.").kind, Kind::Cardinal);
}

#[test]
fn over_after_a_measure_is_not_a_qualifier() {
    let sentence = "Rents rose 11% over twelve months, over 300 tenants said.";
    let found = extract(sentence);
    let quals: Vec<_> = found
        .iter()
        .map(|m| {
            (
                &sentence[m.span.clone()],
                m.approx.as_ref().map(|(a, _)| a.as_str()),
            )
        })
        .collect();
    assert_eq!(
        quals,
        [("11%", None), ("twelve", None), ("300", Some("over"))]
    );
    assert_eq!(approx("Exports grew 4 percent over two years."), None);
}

#[test]
fn plural_quarters_without_of_are_periods() {
    check(
        "The slump may last two or three quarters, and three quarters of firms agree.",
        &[
            want("two", Kind::Cardinal, 2.0),
            want("three", Kind::Cardinal, 3.0),
            want("three quarters", Kind::Cardinal, 0.75),
        ],
    );
    assert_eq!(
        counted("Profits fell for three quarters in a row.").as_deref(),
        Some("quarters")
    );
}

#[test]
fn a_name_after_the_counted_noun_is_left_out() {
    assert_eq!(
        counted("The club signed a 19-year-old striker Jonas Berg on Monday.").as_deref(),
        Some("striker")
    );
    assert_eq!(
        counted("Nearly 1,500 leading Nordic shipping firms took part.").as_deref(),
        Some("leading Nordic shipping firms")
    );
}

#[test]
fn a_verb_after_a_singular_head_ends_the_counted_phrase() {
    let cases = [
        ("One councillor voted against the plan.", Some("councillor")),
        ("Only one trawler sank in the storm.", Some("trawler")),
        (
            "One retired firefighter spoke at the hearing.",
            Some("retired firefighter"),
        ),
        ("One delegate agreed to abstain.", Some("delegate")),
        ("Two other corner shops closed.", Some("other corner shops")),
        ("One used-car dealer complained.", Some("used-car dealer")),
        ("The team broke one speed record.", Some("speed record")),
        ("She held one key meeting.", Some("key meeting")),
        // Irregular pasts end the phrase even before a content word, and participles
        // after the head are no part of it.
        (
            "One goalkeeper felt dizzy after the clash.",
            Some("goalkeeper"),
        ),
        ("One juror withdrew on Tuesday.", Some("juror")),
        ("One ferry found shelter in the bay.", Some("ferry")),
        (
            "Only one painting stolen in 1990 was recovered.",
            Some("painting"),
        ),
        // A verb in the present tense after the head.
        (
            "One economist expects a second rate cut.",
            Some("economist"),
        ),
        ("One landlord owns three blocks of flats.", Some("landlord")),
        ("One trader thinks it will rebound.", Some("trader")),
        (
            "One pension fund expects steep losses.",
            Some("pension fund"),
        ),
        // ... while `-s` words that are nouns stay.
        (
            "They passed one county parks levy.",
            Some("county parks levy"),
        ),
        (
            "One cable news channel aired it.",
            Some("cable news channel"),
        ),
        (
            "It was one nature series among many.",
            Some("nature series"),
        ),
        (
            "The council approved one natural gas pipeline.",
            Some("natural gas pipeline"),
        ),
        (
            "He opened one college savings account.",
            Some("college savings account"),
        ),
    ];
    for (sentence, want) in cases {
        assert_eq!(counted(sentence).as_deref(), want, "{sentence}");
    }
}

#[test]
fn at_one_point_counts_nothing() {
    for sentence in [
        "At one point, the mayor left the room.",
        "The crowd, at one time, filled the square.",
    ] {
        let m = first(sentence);
        assert_eq!(&sentence[m.span.clone()], "one", "{sentence}");
        assert_eq!(m.value, Num::Int(1));
        assert_eq!(counted(sentence), None, "{sentence}");
    }
    assert_eq!(
        counted("The index slipped one point on Friday.").as_deref(),
        Some("point")
    );
}

#[test]
fn an_ordinal_inside_a_name_is_no_number() {
    for sentence in [
        "Critics say the rule breaks the Second Amendment.",
        "The case went to the Fifth Circuit in June.",
        "He met the First Lady in Boston.",
    ] {
        assert!(extract(sentence).is_empty(), "{sentence}");
    }
    // A rank stays an ordinal, capitalized or not, at the start of a sentence too.
    check(
        "She came second in the final.",
        &[want("second", Kind::Ordinal, 2.0)],
    );
    check(
        "Third Meeting of the Harbour Board.",
        &[want("Third", Kind::Ordinal, 3.0)],
    );
    check(
        "the third Smith brother",
        &[want("third", Kind::Ordinal, 3.0)],
    );
}

#[test]
fn only_one_counts_unless_a_determiner_makes_it_a_pronoun() {
    check(
        "Only one witness has come forward, and just one lawyer knew of three calls.",
        &[
            want("one", Kind::Cardinal, 1.0),
            want("one", Kind::Cardinal, 1.0),
            want("three", Kind::Cardinal, 3.0),
        ],
    );
    assert_eq!(
        counted("Only one witness has come forward.").as_deref(),
        Some("witness")
    );
    check(
        "She was the only one who stayed, and her only one was gone.",
        &[],
    );
}

#[test]
fn a_mixed_number_that_lost_its_space_before_a_measure() {
    check(
        "The fraud carries 41/2 years in prison.",
        &[want("41/2", Kind::Cardinal, 4.5)],
    );
    check(
        "After a 31/2-hour hearing, rates rose 23/4 percent.",
        &[
            want("31/2", Kind::Cardinal, 3.5),
            Want {
                unit: Some("%"),
                ..want("23/4 percent", Kind::Percent, 2.75)
            },
        ],
    );
    // Without a measure after it the slash is not a mixed number: here a date.
    let date = Some("--11-02".to_owned());
    assert_eq!(
        readings("Polls close on 11/2 at noon."),
        [
            ("11", Kind::Date, 11.0, date.clone()),
            ("2", Kind::Date, 2.0, date),
        ]
    );
}

#[test]
fn a_season_or_fiscal_year_is_a_range_of_years() {
    let text = "Ortiz scored 14 goals in the 2015/16 season, and the 2011-12 budget \
                and the 1999-00 accounts ran over, as in the 2008/2009 crisis.";
    let found = extract(text);
    let seasons: Vec<_> = found
        .iter()
        .map(|m| (&text[m.span.clone()], m.kind, m.value.as_f64(), m.upper))
        .collect();
    let seasons_wanted = [
        ("14", Kind::Cardinal, 14.0, None),
        ("2015/16", Kind::Range, 2015.0, Some(Num::Int(2016))),
        ("2011-12", Kind::Range, 2011.0, Some(Num::Int(2012))),
        ("1999-00", Kind::Range, 1999.0, Some(Num::Int(2000))),
        ("2008/2009", Kind::Range, 2008.0, Some(Num::Int(2009))),
    ];
    assert_eq!(seasons, seasons_wanted);
    // A season counts nothing: `season` and `budget` are not counted nouns.
    assert!(found.iter().skip(1).all(|m| m.counted.is_none()));
    // `2015-06` is no season (the second year would come before the first).
    check(
        "It peaked in 2015-06.",
        &[
            want("2015", Kind::Year, 2015.0),
            want("06", Kind::Cardinal, 6.0),
        ],
    );
}

#[test]
fn slash_pairs_that_are_neither_fractions_nor_dates_count_nothing() {
    // `9/11 attacks` are not eleven attacks, `24/7` is a schedule and `50/50` a split.
    check(
        "Since the 9/11 attacks the desk has run 24/7, and the odds are 50/50 for 3 bids.",
        &[want("3", Kind::Cardinal, 3.0)],
    );
    // Fractions and dates with a year are read as before.
    check(
        "About 3/4 of the 120 voters agreed.",
        &[
            want("3/4", Kind::Cardinal, 0.75),
            want("120", Kind::Cardinal, 120.0),
        ],
    );
    assert_eq!(
        readings("He was born on 9/11/1990.")
            .iter()
            .map(|r| r.3.as_deref())
            .collect::<Vec<_>>(),
        [Some("1990-09-11"); 3]
    );
}

#[test]
fn an_ordinal_that_opens_a_compound_ranks_nothing() {
    check(
        "She sold a second-hand van, had first-hand reports, second-guessed a first-rate \
         plan and backed a third-party bid.",
        &[],
    );
    // These still rank.
    check(
        "It was the first-ever win for the second-largest bank.",
        &[
            want("first", Kind::Ordinal, 1.0),
            want("second", Kind::Ordinal, 2.0),
        ],
    );
}

#[test]
fn a_year_after_since_or_until_and_a_qualifier() {
    check(
        "Turnout was the highest since at least 1984, and the levy runs until about 2031.",
        &[
            want("1984", Kind::Year, 1984.0),
            want("2031", Kind::Year, 2031.0),
        ],
    );
    // After other cues a qualified number is an amount.
    check(
        "The tally rose to nearly 1800 by Friday.",
        &[want("1800", Kind::Cardinal, 1800.0)],
    );
}
