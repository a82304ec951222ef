//! Role nouns (`the mayor`, `the senator`) resolved through a title written before a
//! name (`Mayor Ines Varga`, `Sen. Maria Lopez`) in a sentence the stage does not read
//! for speakers: a trailing attribution of reported speech, or an object. Texts
//! written for these tests; expected speakers worked out by hand.

use newsmill_core::{Document, Stage, Value, layers};
use newsmill_quotes::{QuotesOptions, QuotesStage};

/// `(speaker, mention as written)` of every quotation, in order.
fn speakers(text: &str) -> Vec<(Option<String>, Option<String>)> {
    let stage = QuotesStage::new(QuotesOptions::default()).expect("stage builds");
    let mut doc = Document::from_text("t", text);
    stage.process(&mut doc).expect("stage runs");
    let text = doc.text();
    doc.layer(layers::QUOTES)
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let speaker = s.attr("speaker").and_then(Value::as_str).map(str::to_owned);
            let mention = s
                .attr("speaker_span")
                .and_then(Value::as_range)
                .and_then(|r| text.get(r))
                .map(str::to_owned);
            (speaker, mention)
        })
        .collect()
}

fn pair(speaker: &str, mention: &str) -> (Option<String>, Option<String>) {
    (Some(speaker.to_owned()), Some(mention.to_owned()))
}

#[test]
fn a_capitalized_title_in_a_trailing_attribution_names_the_role() {
    let text = "Ferry fares to rise in Kestrel Bay\n\n\
        The ferry company said on Monday that fares would rise by a tenth from June, \
        Mayor Ines Varga confirmed.\n\n\
        Commuters said the increase would hit families hardest. Opposition councillors \
        accused the council of ignoring them.\n\n\
        “We had no choice after two years of losses,” the mayor said.\n";
    assert_eq!(speakers(text), [pair("Ines Varga", "the mayor")]);
}

#[test]
fn a_short_title_before_a_name_in_an_object_names_the_role() {
    let text = "Water bill stalls again\n\n\
        Lawmakers on Tuesday accused Sen. Maria Lopez of stalling the water bill for a \
        third month.\n\n\
        Farmers in the valley say their wells have run dry since the spring.\n\n\
        “The bill will pass before the summer recess,” the senator said.\n";
    assert_eq!(speakers(text), [pair("Maria Lopez", "the senator")]);
}

#[test]
fn a_lowercase_title_names_the_role_and_the_pronoun_after_it() {
    let text = "Port strike ends\n\n\
        Dock workers returned on Friday after the port authority agreed to a new rota, \
        police chief Jonas Eberle said.\n\n\
        The strike had lasted nine days. Shippers welcomed the deal.\n\n\
        “Nobody was hurt, and that is what matters,” the police chief told reporters. \
        “We kept the gates open.”\n\n\
        “It was a long week,” he added.\n";
    assert_eq!(
        speakers(text),
        [
            pair("Jonas Eberle", "the police chief"),
            pair("Jonas Eberle", "the police chief"),
            pair("Jonas Eberle", "he"),
        ]
    );
}

#[test]
fn the_vice_president_is_not_the_president_named_earlier() {
    let text = "Trade order signed\n\n\
        Earlier this week, the order was signed in the capital, President Tomas Brandt \
        confirmed.\n\n\
        Exporters said the rules would take months to learn.\n\n\
        “We will review every tariff line,” the vice president said.\n";
    let found = speakers(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1.as_deref(), Some("the vice president"));
    assert_ne!(found[0].0.as_deref(), Some("Tomas Brandt"));
}

#[test]
fn an_abbreviated_title_is_not_part_of_the_name() {
    let text = "Budget talks resume\n\n\
        Talks on the budget resumed on Monday after a week-long pause, Pres. Marta \
        Duarte told the assembly.\n\n\
        Unions said they would watch the talks closely.\n\n\
        “Nobody leaves this room without a budget,” the president said.\n";
    assert_eq!(speakers(text), [pair("Marta Duarte", "the president")]);
}
