//! Behaviour of the quotes stage on short texts written for these tests. Every
//! expected span, speaker and cue was worked out by hand from the text.

use newsmill_core::{Document, Span, Stage, Value, layers};
use newsmill_quotes::{QuotesOptions, QuotesStage};

/// What a test checks about one reported quotation.
#[derive(Debug, PartialEq)]
struct Q {
    text: String,
    kind: String,
    speaker: Option<String>,
    mention: Option<String>,
    cue: Option<String>,
}

fn run_with(text: &str, options: QuotesOptions) -> Vec<Q> {
    let stage = QuotesStage::new(options).expect("stage builds");
    let mut doc = Document::from_text("t", text);
    stage.process(&mut doc).expect("stage runs");
    collect(&doc)
}

fn collect(doc: &Document) -> Vec<Q> {
    let text = doc.text();
    let slice = |v: Option<&Value>| {
        v.and_then(Value::as_range)
            .and_then(|r| text.get(r))
            .map(str::to_owned)
    };
    doc.layer(layers::QUOTES)
        .unwrap_or_default()
        .iter()
        .map(|s| Q {
            text: text.get(s.range()).unwrap_or("").to_owned(),
            kind: s
                .attr("kind")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            speaker: s.attr("speaker").and_then(Value::as_str).map(str::to_owned),
            mention: slice(s.attr("speaker_span")),
            cue: s.attr("cue").and_then(Value::as_str).map(str::to_owned),
        })
        .collect()
}

fn run(text: &str) -> Vec<Q> {
    run_with(text, QuotesOptions::default())
}

/// Every quoted stretch, scare quotes included: for testing mark pairing alone.
fn spans(text: &str) -> Vec<String> {
    let options = QuotesOptions {
        include_scare_quotes: true,
        ..QuotesOptions::default()
    };
    run_with(text, options)
        .into_iter()
        .map(|q| q.text)
        .collect()
}

fn texts(qs: &[Q]) -> Vec<&str> {
    qs.iter().map(|q| q.text.as_str()).collect()
}

fn speakers(qs: &[Q]) -> Vec<Option<&str>> {
    qs.iter().map(|q| q.speaker.as_deref()).collect()
}

// ---- List 1: quotation spans -------------------------------------------------------

#[test]
fn every_mark_style_pairs() {
    assert_eq!(spans("He wrote “curly double” here."), ["curly double"]);
    assert_eq!(
        spans("He wrote \"straight double\" here."),
        ["straight double"]
    );
    assert_eq!(
        spans("The banner read «no to the new road» in red."),
        ["no to the new road"]
    );
    assert_eq!(
        spans("„Wir schaffen das“, sagte sie."),
        ["Wir schaffen das"]
    );
    assert_eq!(spans("Sie sagte ‹ja› und ging."), ["ja"]);
    assert_eq!(spans("The sign read ‘keep out’ in red."), ["keep out"]);
    assert_eq!(spans("The sign read 'keep out' in red."), ["keep out"]);
    // Reversed guillemets, and a `”` used as the opening mark.
    assert_eq!(spans("Er sagte »nie wieder« laut."), ["nie wieder"]);
    assert_eq!(
        spans("”Backwards marks are common,” she said."),
        ["Backwards marks are common,"]
    );
}

#[test]
fn single_quotes_nested_in_double_ones_stay_inside() {
    let qs = run("“They called it a ‘temporary measure’ three years ago,” the spokesman said.");
    assert_eq!(
        texts(&qs),
        ["They called it a ‘temporary measure’ three years ago,"]
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("spokesman"));
    assert_eq!(qs[0].cue.as_deref(), Some("said"));
    let qs = run("\"We were told 'wait and see' for a decade,\" the farmer said.");
    assert_eq!(texts(&qs), ["We were told 'wait and see' for a decade,"]);
}

#[test]
fn a_quotation_of_several_sentences_is_one_span() {
    let qs = run("“The port is full. Ships wait two days. We need a new quay,” Ortiz said.");
    assert_eq!(
        texts(&qs),
        ["The port is full. Ships wait two days. We need a new quay,"]
    );
    assert_eq!(qs[0].kind, "direct");
}

#[test]
fn a_quotation_continued_over_paragraphs_is_one_span() {
    let text = "The minister read a long statement.\n\n\
        “We have reviewed every contract signed since 2015. Most of them were fair.\n\n\
        “Some were not, and those will be cancelled,” the minister said.";
    let qs = run(text);
    assert_eq!(
        texts(&qs),
        [
            "We have reviewed every contract signed since 2015. Most of them were fair.\n\n\
          “Some were not, and those will be cancelled,"
        ]
    );
    assert_eq!(qs[0].kind, "direct");
    assert_eq!(qs[0].cue.as_deref(), Some("said"));
    assert_eq!(qs[0].speaker.as_deref(), Some("minister"));
}

#[test]
fn partial_quotations_are_fragments() {
    let qs = run(
        "Ana Ortiz runs the harbour. Ortiz called the delay “regrettable but necessary” \
         and said the port would “keep every promise it made.”",
    );
    assert_eq!(
        texts(&qs),
        ["regrettable but necessary", "keep every promise it made."]
    );
    assert!(qs.iter().all(|q| q.kind == "partial"));
    assert_eq!(speakers(&qs), [Some("Ana Ortiz"), Some("Ana Ortiz")]);
}

#[test]
fn headline_quotations_are_found() {
    let qs = run(
        "Mayor Brandt: ‘The bridge will open on time’\n\nTomas Brandt spoke to reporters on Monday.",
    );
    assert_eq!(texts(&qs), ["The bridge will open on time"]);
    assert_eq!(qs[0].kind, "direct");
    assert_eq!(qs[0].speaker.as_deref(), Some("Tomas Brandt"));
    assert_eq!(qs[0].cue.as_deref(), Some(":"));

    let qs = run("Ortiz says port is ready for ‘a record year of growth’\n\n\
         Ana Ortiz, the harbour chief, spoke on Tuesday.");
    assert_eq!(texts(&qs), ["a record year of growth"]);
    assert_eq!(qs[0].kind, "partial");
    assert_eq!(qs[0].speaker.as_deref(), Some("Ana Ortiz"));
    assert_eq!(qs[0].cue.as_deref(), Some("says"));
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let text = "Russia's envoy said the ’90s were different. \
        “We don't play rock 'n' roll any more, and Ukraine’s neighbours know it,” he said.";
    assert_eq!(
        spans(text),
        ["We don't play rock 'n' roll any more, and Ukraine’s neighbours know it,"]
    );
    assert!(spans("The players' union and the ’90s band don't agree on rock 'n' roll.").is_empty());
    assert!(spans("Hawai‘i’s governor isn’t worried about the ’em and ’til forms.").is_empty());
}

#[test]
fn a_stray_mark_never_swallows_the_rest() {
    let text = "The sign on the gate said “closed for repairs.\n\n\
        The council voted on Monday.\n\n\
        “We will reopen in May,” the mayor said.";
    let qs = run(text);
    let all = texts(&qs);
    assert!(all.contains(&"We will reopen in May,"), "{all:?}");
    for q in &qs {
        assert!(
            !q.text.contains("council"),
            "a quotation ran past its paragraph: {q:?}"
        );
    }
    // A lone closing mark (inches) does not pair with the next opening mark.
    let qs = run("He measured 12” of rain. “It never stops,” he said.");
    assert_eq!(texts(&qs), ["It never stops,"]);
    // An opening mark left unclosed before a new quotation starts over.
    let qs = run("He said “first. Then “the real quotation is here,” Ortiz said.");
    assert_eq!(texts(&qs), ["the real quotation is here,"]);
}

#[test]
fn scare_quotes_titles_and_nicknames_are_left_out() {
    let text = "Critics call the plan a “bridge to nowhere” and the show “Morning Report” \
        covered it. Fans know the striker as “The Hammer” across the league.";
    assert!(run(text).is_empty());
    // They are still found when asked for.
    assert_eq!(
        spans(text),
        ["bridge to nowhere", "Morning Report", "The Hammer"]
    );
}

// ---- List 2: attribution -----------------------------------------------------------

#[test]
fn cue_after_before_and_between_quotations() {
    let text = "Harbour chief Ana Ortiz spoke on Tuesday.\n\n\
        “We are running out of quay space,” Ortiz said. “Ships now wait two days.”\n\n\
        Ortiz told reporters: “The expansion will pay for itself.”\n\n\
        “It is late,” she said, “but it is coming.”";
    let qs = run(text);
    assert_eq!(
        texts(&qs),
        [
            "We are running out of quay space,",
            "Ships now wait two days.",
            "The expansion will pay for itself.",
            "It is late,",
            "but it is coming."
        ]
    );
    assert!(
        speakers(&qs).iter().all(|s| *s == Some("Ana Ortiz")),
        "{qs:?}"
    );
    let cues: Vec<_> = qs.iter().map(|q| q.cue.as_deref()).collect();
    assert_eq!(
        cues,
        [
            Some("said"),
            Some("said"),
            Some("told"),
            Some("said"),
            Some("said")
        ]
    );
    assert_eq!(qs[4].mention.as_deref(), Some("she"));
    assert!(qs.iter().all(|q| q.kind == "direct"));
}

#[test]
fn inverted_order_and_titles() {
    let text = "Mayor Tomas Brandt opened the bridge on Friday.\n\n\
        “This bridge joins two halves of one city,” said Mayor Brandt.\n\n\
        “It took eleven years,” said President Elena Varga of the regional council.\n\n\
        “Traffic will fall by a third,” said Brandt.";
    let qs = run(text);
    assert_eq!(
        speakers(&qs),
        [
            Some("Tomas Brandt"),
            Some("Elena Varga"),
            Some("Tomas Brandt")
        ]
    );
    assert_eq!(qs[0].mention.as_deref(), Some("Mayor Brandt"));
    assert_eq!(qs[1].mention.as_deref(), Some("President Elena Varga"));
    assert!(qs.iter().all(|q| q.cue.as_deref() == Some("said")));
}

#[test]
fn an_occupation_opening_a_sentence_is_not_part_of_the_name() {
    // `Architect` and `Epidemiologist` are capitalized only because they open their
    // sentences; the people are Maria Young and Ravi Anand.
    let text = "Architect Maria Young drew the plans for the new library.\n\n\
        “We kept the old reading room,” Young said.\n\n\
        Epidemiologist Ravi Anand said, “The numbers have fallen for three weeks.”";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Maria Young"), Some("Ravi Anand")]);
    assert_eq!(qs[0].mention.as_deref(), Some("Young"));
}
#[test]
fn according_to_and_organizations() {
    let text = "“The river has risen by two metres overnight,” according to the regional water agency.\n\n\
        According to TASS, “the delegation will arrive on Monday and stay for three days.”\n\n\
        “Two houses were damaged near the bridge,” the regional military administration said on Telegram.\n\n\
        “Residents near the bank should move to higher ground,” added the regional military administration.";
    let qs = run(text);
    assert_eq!(
        speakers(&qs),
        [
            Some("regional water agency"),
            Some("TASS"),
            Some("regional military administration"),
            Some("regional military administration")
        ]
    );
    let cues: Vec<_> = qs.iter().map(|q| q.cue.as_deref()).collect();
    assert_eq!(
        cues,
        [
            Some("according to"),
            Some("According to"),
            Some("said"),
            Some("added")
        ]
    );
}

#[test]
fn pronouns_and_role_nouns_resolve_to_the_named_speaker() {
    let text = "President Vladimir Putin addressed the forum by video.\n\n\
        “Our industry is ready to share its technology,” Putin said.\n\n\
        “We expect new contracts this year,” the Russian leader said.\n\n\
        “Cooperation must be equal,” the president added.\n\n\
        “Partners will not be disappointed,” he added.";
    let qs = run(text);
    assert_eq!(qs.len(), 4);
    assert!(
        speakers(&qs).iter().all(|s| *s == Some("Vladimir Putin")),
        "{qs:?}"
    );
    let mentions: Vec<_> = qs.iter().map(|q| q.mention.as_deref()).collect();
    assert_eq!(
        mentions,
        [
            Some("Putin"),
            Some("the Russian leader"),
            Some("the president"),
            Some("he")
        ]
    );
}

#[test]
fn pronouns_agree_in_gender() {
    let text = "Senator Maria Lopez and Governor Paul Smith met on Monday.\n\n\
        “The budget is balanced,” Smith said.\n\n\
        “We will review every line of it,” she said.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Paul Smith"), Some("Maria Lopez")]);
}

#[test]
fn names_take_their_fullest_form_without_titles() {
    let text = "Prime Minister Jonas Vidar Lund met farmers on Monday.\n\n\
        “Prices will stabilize,” Mr. Lund said.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Jonas Vidar Lund")]);
    assert_eq!(qs[0].mention.as_deref(), Some("Mr. Lund"));
}

#[test]
fn an_unfound_speaker_is_null() {
    let qs = run("“Nobody told us anything,” he said.");
    assert_eq!(speakers(&qs), [None]);
    assert_eq!(qs[0].mention.as_deref(), Some("he"));
    assert_eq!(qs[0].cue.as_deref(), Some("said"));
    let qs = run(
        "The hall was quiet for a long time.\n\n“Nobody expected a result like this one tonight.”",
    );
    assert_eq!(speakers(&qs), [None]);
    assert_eq!(qs[0].cue, None);
}

#[test]
fn consecutive_quotations_keep_the_speaker() {
    let text = "\"We will appeal,\" the lawyer said. \"The ruling ignores the evidence.\" \
        \"And the judge knows it.\"";
    let qs = run(text);
    assert_eq!(
        texts(&qs),
        [
            "We will appeal,",
            "The ruling ignores the evidence.",
            "And the judge knows it."
        ]
    );
    assert!(speakers(&qs).iter().all(|s| *s == Some("lawyer")));
}

#[test]
fn colon_and_dash_introductions() {
    let text = "Ana Ortiz summed up the year:\n\n\
        “Every berth was full from March to October.”\n\n\
        “Fear is not a plan.” ― Maria Keller";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Ana Ortiz"), Some("Maria Keller")]);
    assert_eq!(qs[0].cue.as_deref(), Some("summed up"));
    assert_eq!(qs[1].cue.as_deref(), Some("―"));
}

#[test]
fn a_quotation_standing_alone_is_signed_by_a_dash_in_the_next_paragraph() {
    // A "quotable" box: each quotation a paragraph, its signature the next one.
    let text = "Heard at the hearing.\n\n\
        “We will not stop until every family has clean water.”\n\n\
        —Mayor Karen Weiss, speaking at the town hall on Monday.\n\n\
        “Nobody told us the pipes were this old.”\n\n\
        – Dennis Hollis, a retired plumber.\n";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Karen Weiss"), Some("Dennis Hollis")]);
    assert_eq!(qs[0].mention.as_deref(), Some("Mayor Karen Weiss"));
    assert_eq!(qs[0].cue.as_deref(), Some("—"));
    assert_eq!(qs[1].cue.as_deref(), Some("–"));
}

#[test]
fn a_dash_paragraph_signs_only_a_quotation_that_is_a_paragraph_of_its_own() {
    // The first quotation shares its paragraph with the reporter's words (its source
    // is the letter), and the long paragraphs after the quotations are list items,
    // not signatures: neither names Harbor Street.
    let text = "Residents said the letter called the plan “a first step toward safe water.”\n\n\
        — Harbor Street, where the pipes were laid in 1921 and have never been \
        replaced, will be dug up first, followed by the streets around the market \
        and the old mill, according to the schedule the utility sent to every home.\n\n\
        “Nothing in this schedule is new.”\n\n\
        — Harbor Street, Mill Lane and Market Square will be dug up first, then the \
        streets around the school, the station and the old cannery, according to the \
        schedule the utility sent to every household in the district last week.\n";
    assert_eq!(speakers(&run(text)), [Some("letter"), None]);
}

#[test]
fn appositives_and_participles() {
    let text = "“The strike is over,” Jaime Ortega, chair of the dockers’ union, said on Monday.\n\n\
        Union leaders met the owners, saying “nothing was agreed in writing.”";
    let qs = run(text);
    assert_eq!(speakers(&qs)[0], Some("Jaime Ortega"));
    assert_eq!(qs[0].mention.as_deref(), Some("Jaime Ortega"));
}

#[test]
fn quotations_inside_removed_text_are_not_reported() {
    let text = "“The port is open again,” Ortiz said.\n\nMORE NEWS\n\n“Markets fell sharply today,” the analyst said.";
    let stage = QuotesStage::new(QuotesOptions::default()).unwrap();
    let mut doc = Document::from_text("r", text);
    let more = text.find("MORE NEWS").unwrap();
    doc.set_layer(
        layers::BOILERPLATE,
        vec![Span::new(more, text.len()).with("reason", "other_story")],
    )
    .unwrap();
    stage.process(&mut doc).unwrap();
    assert_eq!(texts(&collect(&doc)), ["The port is open again,"]);
}

#[test]
fn every_span_has_the_same_keys() {
    let qs_doc = {
        let stage = QuotesStage::new(QuotesOptions::default()).unwrap();
        let mut doc = Document::from_text("k", "“Nobody knows,” he said. “Yes,” said Ana Ortiz.");
        stage.process(&mut doc).unwrap();
        doc
    };
    for span in qs_doc.layer(layers::QUOTES).unwrap() {
        let keys: Vec<&str> = span.attrs.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["kind", "speaker", "speaker_span", "cue", "cue_span"]);
    }
}

#[test]
fn pronoun_resolution_can_be_switched_off() {
    let options = QuotesOptions {
        resolve_pronouns: false,
        ..QuotesOptions::default()
    };
    let text = "“The port is full,” Ana Ortiz said.\n\n“Ships wait two days,” she added.";
    let qs = run_with(text, options);
    assert_eq!(speakers(&qs), [Some("Ana Ortiz"), None]);
}

#[test]
fn titles_before_a_name_are_not_part_of_the_speaker() {
    let text = "The warehouse reopened on Thursday after a week of repairs.\n\n\
        “Every order placed before the flood will ship by Friday,” Manager Sofia Reyes said.\n\n\
        Mayor Oskar Lindqvist said at a news conference that the road would stay closed.\n\n\
        “We need another month for the embankment,” said Senator Hanna Berg.\n\n\
        “The crews are working around the clock,” Reyes added.";
    let qs = run(text);
    assert_eq!(
        speakers(&qs),
        [Some("Sofia Reyes"), Some("Hanna Berg"), Some("Sofia Reyes")]
    );
    let mentions: Vec<_> = qs.iter().map(|q| q.mention.as_deref()).collect();
    assert_eq!(
        mentions,
        [
            Some("Manager Sofia Reyes"),
            Some("Senator Hanna Berg"),
            Some("Reyes")
        ]
    );
}

#[test]
fn a_month_that_is_a_surname_stays_in_the_name() {
    let text = "Britain's prime minister flew to Brussels in May.\n\n\
        “We will get a fair deal,” Prime Minister Theresa May said on Friday.\n\n\
        “The talks were hard,” May said.\n\n\
        “It was a long night,” said Ms. May.\n\n\
        “We stayed until June,” the report published in May said.";
    let qs = run(text);
    assert_eq!(
        speakers(&qs)[..3],
        [
            Some("Theresa May"),
            Some("Theresa May"),
            Some("Theresa May")
        ]
    );
    assert_eq!(qs[1].mention.as_deref(), Some("May"));
    // After `in`, May is the month: the report is not the prime minister.
    assert_eq!(qs.len(), 4);
    assert_ne!(qs[3].speaker.as_deref(), Some("Theresa May"));

    let text = "One volunteer was more careful. Aung Thein May, 60, a doctor, said she         was happy but still feared the army.

        “We have to be cautious about it,” she said.";
    assert_eq!(speakers(&run(text)), [Some("Aung Thein May")]);
}

#[test]
fn unnamed_members_of_a_group_have_a_mention_but_no_name() {
    let text = "Four students met in the library on Friday.\n\n\
        “I am voting for the first time,” one said. “It feels strange.”\n\n\
        “I have not decided yet,” said another.";
    let qs = run(text);
    assert_eq!(qs.len(), 3);
    assert_eq!(speakers(&qs), [None, None, None]);
    let mentions: Vec<_> = qs.iter().map(|q| q.mention.as_deref()).collect();
    assert_eq!(mentions, [Some("one"), Some("one"), Some("another")]);
    assert!(qs.iter().all(|q| q.kind == "direct"));
}

#[test]
fn speakers_behind_ages_states_and_second_appositives() {
    let text = "The council voted late on Tuesday.\n\n\
        Her neighbour Beth Lowe, 34, a nurse from Dayton, chimed in. “We waited for years.”\n\n\
        “The veto will be overridden,” Senator Mitch Carlson, R-Ky., said Tuesday.\n\n\
        “It is an invasion of the state domain,” Scott Pruett, the attorney general of \
        Oklahoma, one of the states suing the agency, said at an event.";
    let qs = run(text);
    assert_eq!(
        speakers(&qs),
        [
            Some("Beth Lowe"),
            Some("Mitch Carlson"),
            Some("Scott Pruett")
        ]
    );
}

#[test]
fn a_quotation_after_an_inverted_attribution_sentence_keeps_its_speaker() {
    let text = "The regulator could act within weeks, said Bart Nolan, a policy analyst \
        at Public Watch. “It would avoid a long fight in the Senate.”";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Bart Nolan")]);
}

#[test]
fn a_subject_leads_to_a_colon_over_a_short_predicate() {
    let text = "Gill on the Budget Deal: ‘I Think It Will Pass’\n\n\
        Senator Marta Gill spoke on Friday.\n\n\
        But Gill quickly changed the subject with a joke: “Nobody reads the annex anyway.”";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Marta Gill"), Some("Marta Gill")]);
}

#[test]
fn a_quotation_paragraph_after_reported_speech_is_the_reporters_source() {
    let text = "Pollster Dana Whitfield argued in a newspaper column that delegates pledged \
        to the senator may still change sides.\n\n\
        “A loss in the west would show every weakness of her campaign.”\n\n\
        The senator's team did not reply.\n\n\
        “We are confident,” a campaign aide said.";
    let qs = run(text);
    assert_eq!(
        speakers(&qs),
        [Some("Dana Whitfield"), Some("campaign aide")]
    );
    assert_eq!(qs[0].cue.as_deref(), Some("argued"));
}

#[test]
fn present_tense_cues_of_feature_writing() {
    let text = "“Write the worry down and set it aside,” advises psychologist Nora Feld.\n\n\
        “Sleep is the first thing to go,” Feld cautions.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Nora Feld"), Some("Nora Feld")]);
    let cues: Vec<_> = qs.iter().map(|q| q.cue.as_deref()).collect();
    assert_eq!(cues, [Some("advises"), Some("cautions")]);
}

#[test]
fn a_place_after_the_speaker_is_not_the_speaker() {
    let text = "The minister spoke for an hour on Friday.\n\n\
        “Will she run for the Senate?” a young staffer in the room wondered.\n\n\
        Likewise, Senator Ines Moreau had this to say about the plan: “It will not pass.”";
    let qs = run(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(
        qs[0].mention.as_deref(),
        Some("a young staffer in the room")
    );
    assert_eq!(qs[1].speaker.as_deref(), Some("Ines Moreau"));
}

#[test]
fn a_name_with_its_party_before_a_colon_and_a_place_before_the_subject() {
    let text = "The hearing ran late into the evening.\n\n\
        Rep. Tom Gowder (R-S.C.): “Who told you that figure?”\n\n\
        Here in Columbia, Senator Ada Brennan stepped up her attacks, saying, “The plan \
        fails every family in this state.”";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Tom Gowder"), Some("Ada Brennan")]);
    assert_eq!(qs[0].mention.as_deref(), Some("Rep. Tom Gowder (R-S.C.)"));
}

#[test]
fn descriptions_before_a_full_name_leave_the_canonical_name() {
    let text = "Democrat Maria Okafor won the seat in 2014.\n\n\
        “We will fix the roads first,” Okafor said.\n\n\
        Texas-based strategist Dan Whitcomb disagreed. “The roads can wait,” he said.\n\n\
        “They forgot there was an election,” Okafor said at a fundraiser, according to \
        audio obtained by the Daily Ledger. “Nobody saw them.”";
    let qs = run(text);
    assert_eq!(
        speakers(&qs),
        [
            Some("Maria Okafor"),
            Some("Dan Whitcomb"),
            Some("Maria Okafor"),
            Some("Maria Okafor")
        ]
    );
}

#[test]
fn adjectives_that_look_like_cues_do_not_take_the_quotation() {
    let text = "The trial opened on Monday.\n\n\
        “He followed me home every night,” the alleged victim said.\n\n\
        Cmdr. Lena Ruiz, a navy spokesperson, told reporters the claim “is patently false.”";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("alleged victim"), Some("Lena Ruiz")]);
    assert_eq!(qs[0].cue.as_deref(), Some("said"));
}

#[test]
fn a_headline_quotation_takes_the_speaker_the_story_gives_the_same_words() {
    let text = "‘We will not close the Dorset plant’\n\n\
        Workers gathered at the gates on Monday as the owners met in town.\n\n\
        “We will not close the Dorset plant, and we never planned to,” said Hanna Berg, \
        the company's chief executive.";
    let qs = run(text);
    assert_eq!(
        texts(&qs),
        [
            "We will not close the Dorset plant",
            "We will not close the Dorset plant, and we never planned to,"
        ]
    );
    assert_eq!(speakers(&qs), [Some("Hanna Berg"), Some("Hanna Berg")]);
    // The mention is the one the story attributes the words to.
    assert_eq!(qs[0].mention.as_deref(), Some("Hanna Berg"));

    // Three shared words are a phrase, not the same quotation.
    let text = "‘Not for sale, ever again’\n\n\
        “The land is not for sale,” said Hanna Berg, the chief executive.";
    let qs = run(text);
    assert_eq!(qs[0].text, "Not for sale, ever again");
    assert_eq!(qs[0].speaker, None);
    assert_eq!(qs[1].speaker.as_deref(), Some("Hanna Berg"));

    // Only a name is carried over, not a common noun.
    let text = "‘Close the clinic and we all lose’\n\n\
        “Close the clinic and we all lose,” residents said at the meeting.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [None, Some("residents")]);
}

#[test]
fn a_long_description_of_the_speaker_after_a_quotation() {
    let text = "“Very good engineer, very good engineer this woman,” Whitfield, the Labor \
        candidate for governor and current polling leader in North Dakota by a wide margin \
        after winning the New Mexico primaries, said when Ortega asked her a question.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Whitfield")]);
    assert_eq!(qs[0].kind, "direct");

    // Deeper in a sentence, a long stretch between commas is a clause: the speaker
    // is still the name that opens the sentence.
    let text = "But the protest has support. Rosa DeMarco, executive director of Coastal \
        Nurses Alliance, a union that has endorsed Mr. Hale and that has been busing its \
        members across the state to campaign for him, also said her group would march.\n\n\
        \"We will be a big force inside and a big force outside,\" she said.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Rosa DeMarco")]);
}

#[test]
fn a_quotation_closing_a_paragraph_after_narration_about_a_person() {
    let text = "Senator Ivo Kessler distanced himself from the protest by saying he would \
        serve if the governor called. “I'm going to back him, and back him fully.”\n\n\
        Becky Lund has voted for both parties in the past.\n\n\
        She sighs. \"I'm 50/50 at this point.\"";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Ivo Kessler"), Some("Becky Lund")]);
    assert_eq!(qs[0].cue, None);

    // A common noun as the subject is not taken for the speaker, and neither is a
    // name when the paragraph holds an earlier quotation with a speaker of its own.
    let text = "The audit found that costs rose in every district. “Costs will keep \
        rising.”\n\n\
        “We saw it coming,” said Mayor Ana Ortiz. Ortiz thanked the auditors. “They \
        were thorough.”";
    let qs = run(text);
    assert_eq!(speakers(&qs), [None, Some("Ana Ortiz"), Some("Ana Ortiz")]);
}

#[test]
fn a_party_or_nationality_word_is_no_speakers_name() {
    // An unnamed member of a party or nation keeps the mention and names nobody; a
    // role noun made of such a word names someone only when it resolves.
    let text = "Budget talks in the capital stalled again on Tuesday.\n\n\
        “The votes are simply not there,” one senior Republican said.\n\n\
        “We will keep pushing,” a Democrat said.\n\n\
        “Nobody has read the annex,” the Texan said after the session.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [None, None, None]);
    let mentions: Vec<_> = qs.iter().map(|q| q.mention.as_deref()).collect();
    assert_eq!(
        mentions,
        [
            Some("one senior Republican"),
            Some("a Democrat"),
            Some("the Texan")
        ]
    );
}

#[test]
fn a_spokesman_for_a_group_is_the_speaker_not_the_group() {
    let text = "The committee released its findings on Monday.\n\n\
        “The facts have not changed,” a spokesman for committee Democrats said.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("spokesman for committee Democrats")]);
    assert_eq!(
        qs[0].mention.as_deref(),
        Some("a spokesman for committee Democrats")
    );
    // A group that speaks as a group stays the speaker.
    let text = "Some Democrats say the vote could come too late. “We are running out of \
        days,” Democrats said in a statement.";
    assert_eq!(speakers(&run(text)), [Some("Democrats")]);
}

#[test]
fn it_does_not_stand_for_a_party_or_its_members() {
    // `it` is the memo, which names no speaker; neither the Democrats nor the Senate
    // Republicans are an `it`.
    let text = "Senate Republicans want a vote by Friday, and House Democrats oppose it.\n\n\
        The memo from the panel was released on Thursday. “Costs rose by a third,” it \
        stated.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [None]);
    assert_eq!(qs[0].mention.as_deref(), Some("it"));
    // An organization still is.
    let text = "The Harbor Freight Company cut its forecast on Monday. “Demand has \
        softened,” it said.";
    assert_eq!(speakers(&run(text)), [Some("Harbor Freight Company")]);
}

#[test]
fn a_full_name_ending_the_words_before_a_colon_introduces_the_quotation() {
    let text = "The drop in turnout does not surprise Democratic strategist Lena Ortiz: \
        “Nobody gave young voters a reason to show up.”";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Lena Ortiz")]);
    assert_eq!(
        qs[0].mention.as_deref(),
        Some("Democratic strategist Lena Ortiz")
    );
    // With a person as the subject, the person addressed is not taken (and the
    // subject is too far from the colon to be taken either: no guess).
    let text = "Mayor Tom Brandt spoke at length on Monday, then turned to his longtime \
        rival councilwoman Anna Kobel: “You voted against every one of these projects.”";
    assert_eq!(speakers(&run(text)), [None]);
}

#[test]
fn a_relative_pronoun_speaks_for_the_phrase_before_it() {
    let text = "Among the replies was this post from Dana Kirwan who wrote, “Nobody in \
        this town was asked about the plan.”\n\n\
        The mayor cited the audit report, which notes, “More than half of the contracts \
        were never reviewed.”\n\n\
        Contrast that with Hale, who has called the levy “a disaster,” and Ortega, who \
        says it is “overdue.”";
    let qs = run(text);
    assert_eq!(
        speakers(&qs),
        [
            Some("Dana Kirwan"),
            Some("audit report"),
            Some("Hale"),
            Some("Ortega")
        ]
    );
    // The object of a cue is not the speaker of the quotation after it.
    let text = "At the forum, Mayor Tom Brandt told a young woman who suggested that \
        voting was pointless that “every vote in this city counts.”";
    assert_eq!(speakers(&run(text)), [Some("Tom Brandt")]);
}

#[test]
fn a_relative_clause_speaker_is_not_a_later_pronouns_antecedent() {
    // `he` is Ortega, who demurred; the relative clause about Hale is no
    // attribution the story goes on with. Ortega is not named as a speaker before
    // `he`, so the stage names nobody rather than Hale.
    let text = "Asked whether he was worried that Tom Hale, the party's nominee, who has \
        called the climate plan a hoax, could win the race, Ortega demurred.\n\n\
        “When it comes to the climate, there is no left or right,” he said.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [None]);
    assert_eq!(qs[0].mention.as_deref(), Some("he"));
}

#[test]
fn a_bare_surname_keeps_the_gender_its_titles_give() {
    // The only fuller form of `Haller` comes after the quotations and names the
    // mayor's wife; `Mr. Haller` says the mayor is a man, so his words stay `Haller`.
    let text = "Mayor Haller is pressing a new message on voters.\n\n\
        “This race is about the harbour,” Mayor Haller said on Friday.\n\n\
        “We will not give it away,” Mr. Haller said later.\n\n\
        Among the guests was Ingrid Haller, who runs a bakery on the quay.";
    let qs = run(text);
    assert_eq!(speakers(&qs), [Some("Haller"), Some("Haller")]);
    // With no title that says otherwise, the later full form is taken.
    let text = "“This race is about the harbour,” Haller said on Friday.\n\n\
        Ingrid Haller, who runs a bakery on the quay, has led the campaign since May.";
    assert_eq!(speakers(&run(text)), [Some("Ingrid Haller")]);
}

#[test]
fn a_surname_that_is_also_a_verb_is_a_name() {
    // `Read` is a surname as much as a verb; as a page's `Read more` chrome it is the
    // boilerplate stage's business, not the speaker finder's.
    let text = "The pension board met on Tuesday.\n\n\
        “We cannot afford another delay,” board chair Tom Read said.\n\n\
        “The fund is sound,” said Alice Read, its treasurer. Read more than once \
        asked for an audit.";
    assert_eq!(speakers(&run(text)), [Some("Tom Read"), Some("Alice Read")]);
}
