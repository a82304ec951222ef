//! A stage plugin that finds datelines, bylines and source credits in news text.
//!
//! News text carries its provenance in a few conventional lines: the **dateline** that
//! opens the story (`WASHINGTON, Aug. 14 (AP) —`), the **byline** naming its authors
//! (`By Jane Doe and John Roe`), and **credits** for photos, videos and information
//! (`(Photo by Jane Doe/AFP via Getty Images)`, `Source - Official website of the
//! President of Russia`). Analysts use them to tell wire copy from original reporting,
//! to attribute stories and images, and to place a story geographically. The stage
//! `dateline` marks each of them as a span of the layer `datelines`.
//!
//! The crate is built both as a `cdylib` (load it with `[[plugin]] path = ...`) and as
//! an `rlib` (compile it into the runner with [`factory`]); the two run the same code.
//!
//! # Layer `datelines`
//!
//! Every span has every attribute below; an attribute that does not apply is `null`.
//!
//! | attribute | type | meaning |
//! |---|---|---|
//! | `kind` | str | `dateline`, `byline` or `credit` |
//! | `place` | str or null | dateline: the place as written, with its region (`KYIV, Ukraine`, `MOSCOW`) |
//! | `date` | str or null | dateline: the date as written (`Aug. 14`, `August 14`) |
//! | `agency` | str or null | the organization named: the dateline's agency (`AP`), a byline's outlet (`Associated Press`), the credited agency or source (`AFP via Getty Images`, `Official website of the President of Russia`) |
//! | `names` | list of str or null | people named: a byline's authors, a credit's photographer |
//! | `credited` | str or null | credit: what is credited, `photo`, `image`, `video`, `illustration`, `graphic`, `source` or `credit` (unspecified) |
//!
//! Spans: a dateline span runs from the place through its separator (`MOSCOW
//! (Reuters) —`); a byline or a line-long credit covers its line (without page
//! furniture after a `|`); a parenthesized credit includes its parentheses; a credit
//! closing a caption runs from its keyword (`Photo:`) to the end of the line.
//!
//! # What is recognized
//!
//! - Datelines at the start of a line: a place in capitals (one to five words), an
//!   optional region and date after commas, an optional agency in parentheses, then a
//!   dash or a colon: `MOSCOW (Reuters) —`, `WASHINGTON, Aug. 14 (AP) —`,
//!   `KYIV, Ukraine —`, `NEW DELHI:`. A capitalized place (`Moscow (Reuters) -`) counts
//!   only with a known agency. TASS style `MOSCOW, August 14. /TASS/.`, and a known
//!   agency alone, `(Reuters) —`, too. A place in capitals alone on its line
//!   (`ISTANBUL`) counts when a paragraph of prose follows. Section labels (`WORLD`,
//!   `BREAKING`, `FILE`...) and acronyms (`NATO`) are not places.
//!
//!   A dateline *without* an agency is only believed in the story's opening (at most
//!   three lines of prose before it) and before a sentence: further down, capitals at
//!   the start of a line are subheadings (`FRANCE WINS`), column salutations (`DEAR
//!   ABBY:`) or transcript speakers. With an agency, a dateline is believed anywhere.
//! - Bylines filling a line: `By Kostan Nechyporenko`, `By Jane Doe and John Roe`,
//!   `By JANE DOE, Associated Press`, `By Reuters`, `Reporting by Jane Doe in London;
//!   Editing by John Roe`, `Written by ...`. Names are two to five capitalized words,
//!   initials and particles (`von der`); "By Monday" or "By the end of the year" are not
//!   bylines. A time stamp after the names (`By Jane Doe - 11/19/19 06:56 AM EST`) or
//!   anything after a `|` is page furniture and left out of the span; degrees after a
//!   name (`, MS, RD`) are not an agency.
//! - Credits: a line starting with a credit keyword and a separator
//!   (`Photo: Jane Doe/Reuters`, `Image source, Getty Images`, `Source - ...`,
//!   `Courtesy of ...`); a parenthesized credit anywhere (`(Photo by X/AFP via Getty
//!   Images)`, `(AP Photo/Evan Vucci)`, `(Image: Reuters)`); and `Photo: ...` closing a
//!   caption after its last sentence. Credited text must be short and name-like, so
//!   `Video: Protesters clash with police in the capital` is not a credit.
//!
//! # Removed text
//!
//! Datelines, bylines and credits are exactly what a boilerplate stage removes as
//! `metadata` or `caption`. Findings wholly inside removed text are skipped, as the
//! stage contract requires, *except* inside spans whose `reason` is listed in the
//! option `keep_in_removed` (default `["metadata", "caption"]`: the article's own
//! provenance lines). Set it to `[]` for the strict rule.

#![deny(missing_docs)]

mod scan;
mod words;

use newsmill_core::{
    BuildError, Document, RangeSet, Span, Stage, StageError, StageFactory, StageMeta, StageOptions,
    TypedFactory, Value, layers,
};
use serde::{Deserialize, Serialize};

use crate::scan::{Finding, Scanner};

/// Registry key of the stage.
pub const STAGE_NAME: &str = "dateline";

/// Name of the layer the stage produces.
pub const LAYER: &str = "datelines";

/// Which kinds of findings to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// `WASHINGTON, Aug. 14 (AP) —`
    Dateline,
    /// `By Jane Doe and John Roe`
    Byline,
    /// `(Photo by Jane Doe/AFP via Getty Images)`
    Credit,
}

/// Options of the `dateline` stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatelineOptions {
    /// Which kinds of findings to report.
    pub kinds: Vec<FindingKind>,
    /// Boilerplate `reason`s whose removed text is still searched.
    pub keep_in_removed: Vec<String>,
    /// Agency or outlet names to recognize beyond the built-in list.
    pub extra_agencies: Vec<String>,
}

impl Default for DatelineOptions {
    fn default() -> Self {
        DatelineOptions {
            kinds: vec![
                FindingKind::Dateline,
                FindingKind::Byline,
                FindingKind::Credit,
            ],
            keep_in_removed: vec!["metadata".into(), "caption".into()],
            extra_agencies: Vec::new(),
        }
    }
}

impl StageOptions for DatelineOptions {
    const HELP: &'static [(&'static str, &'static str)] = &[
        (
            "kinds",
            "which findings to report: any of \"dateline\", \"byline\", \"credit\"",
        ),
        (
            "keep_in_removed",
            "boilerplate reasons whose removed text is still searched (the article's own metadata and captions)",
        ),
        (
            "extra_agencies",
            "agency or outlet names to recognize beyond the built-in list",
        ),
    ];
}

/// The `dateline` stage.
pub struct Dateline {
    meta: StageMeta,
    options: DatelineOptions,
}

impl Dateline {
    /// A stage with these options.
    pub fn new(options: DatelineOptions) -> Self {
        Dateline {
            meta: StageMeta::new(
                STAGE_NAME,
                env!("CARGO_PKG_VERSION"),
                "Finds datelines, bylines and photo/source credits (layer `datelines`).",
            )
            .reads(&[layers::BOILERPLATE])
            .produces(&[LAYER]),
            options,
        }
    }

    /// The text to skip: boilerplate spans whose reason is not kept.
    fn skipped(&self, doc: &Document) -> RangeSet {
        let Some(removed) = doc.layer(layers::BOILERPLATE) else {
            return RangeSet::default();
        };
        let kept = |s: &Span| {
            s.attr("reason")
                .and_then(Value::as_str)
                .is_some_and(|r| self.options.keep_in_removed.iter().any(|k| k == r))
        };
        let skipped: Vec<Span> = removed.iter().filter(|s| !kept(s)).cloned().collect();
        RangeSet::from_spans(&skipped)
    }
}

fn to_span(f: &Finding<'_>) -> Span {
    let names = if f.names.is_empty() {
        Value::Null
    } else {
        Value::List(f.names.iter().map(|n| Value::from(*n)).collect())
    };
    Span::new(f.start, f.end)
        .with("kind", Value::static_str(f.kind.as_str()))
        .with("place", f.place)
        .with("date", f.date)
        .with("agency", f.agency)
        .with("names", names)
        .with(
            "credited",
            f.credited.map_or(Value::Null, Value::static_str),
        )
}

impl Stage for Dateline {
    fn meta(&self) -> &StageMeta {
        &self.meta
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let skipped = self.skipped(doc);
        let kinds = &self.options.kinds;
        let scanner = Scanner {
            datelines: kinds.contains(&FindingKind::Dateline),
            bylines: kinds.contains(&FindingKind::Byline),
            credits: kinds.contains(&FindingKind::Credit),
            extra_agencies: &self.options.extra_agencies,
        };
        let mut findings = Vec::new();
        scanner.scan(doc.text(), &mut findings);
        let spans = findings
            .iter()
            .filter(|f| skipped.is_empty() || !skipped.covers(f.start..f.end))
            .map(to_span)
            .collect();
        doc.set_layer(LAYER, spans)?;
        Ok(())
    }
}

/// The factory for the `dateline` stage, to register it compiled in.
pub fn factory() -> Box<dyn StageFactory> {
    Box::new(TypedFactory::<DatelineOptions>::new(
        STAGE_NAME,
        "Finds datelines, bylines and photo/source credits (layer `datelines`).",
        |options| -> Result<Box<dyn Stage>, BuildError> { Ok(Box::new(Dateline::new(options))) },
    ))
}

newsmill_plugin_sdk::export_stage!(factory);

#[cfg(test)]
mod tests;
