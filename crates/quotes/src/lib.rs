//! The quotes stage: every quotation in an article with its speaker and cue.
//!
//! Quotation marks of every common style (`“…”`, `"…"`, `‘…’` nested, `«…»`, `„…“`)
//! are paired in one linear pass that tells apostrophes from quotes and never lets a
//! stray mark run past its paragraph; a quotation continued over several paragraphs
//! by the news convention (each new paragraph reopens with a mark, the unfinished one
//! has no closing mark) is one span. Each quotation is then attributed: the cue verb
//! next to it or in its sentence (`said`, `told`, `added`, `according to`...), and the
//! speaker that goes with the cue, in either order (`Putin said`, `said President
//! Vladimir Putin`), through an appositive, a colon or a dash signature. Pronouns and
//! role nouns resolve to the most recent compatible named person, and names are given
//! in the fullest form the article uses. Quoted stretches that are not quotations
//! (scare quotes, titles, nicknames) are left out. See `docs/stage-contract.md` for the
//! layer's attributes.

#![deny(missing_docs)]

mod attribution;
mod lexicon;
mod marks;
mod scan;
mod text;

use newsmill_core::{
    Attrs, BuildError, Document, KeySet, Span, Stage, StageError, StageFactory, StageMeta,
    StageOptions, TypedFactory, Value, layers,
};
use serde::{Deserialize, Serialize};

use attribution::{Settings, analyze};
use lexicon::Lexicon;

/// Registry name of the stage.
pub const TYPE_NAME: &str = "quotes";

/// Behaviour version recorded in the stage's meta.
pub const VERSION: &str = "1";

const DESCRIPTION: &str = "every quotation with its speaker and cue (layer `quotes`)";

/// Options of the `quotes` stage (`[[stage]] type = "quotes"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesOptions {
    /// Resolve `he`/`she`/`it` and role nouns (`the president`) to the most recent
    /// compatible named speaker; when false, such speakers are null.
    pub resolve_pronouns: bool,
    /// Also report quoted terms that are not quotations: scare quotes, titles and
    /// nicknames in quotation marks.
    pub include_scare_quotes: bool,
    /// Number of words from which a quoted stretch with no speaker and no cue nearby
    /// still counts as a quotation.
    pub min_unattributed_words: usize,
}

impl Default for QuotesOptions {
    fn default() -> Self {
        QuotesOptions {
            resolve_pronouns: true,
            include_scare_quotes: false,
            min_unattributed_words: 4,
        }
    }
}

impl StageOptions for QuotesOptions {
    const HELP: &'static [(&'static str, &'static str)] = &[
        (
            "resolve_pronouns",
            "resolve pronouns and role nouns (`the president`) to the last compatible named speaker",
        ),
        (
            "include_scare_quotes",
            "also report scare quotes, titles and nicknames in quotation marks",
        ),
        (
            "min_unattributed_words",
            "words from which a quoted stretch with no cue nearby still counts as a quotation",
        ),
    ];
}

/// The `quotes` stage: finds quotations and attributes them.
pub struct QuotesStage {
    meta: StageMeta,
    lexicon: Lexicon,
    settings: Settings,
}

/// The attributes of a quotation, in layer order: each span's attributes are built in
/// one allocation with no search per key.
const KEY_NAMES: [&str; 5] = ["kind", "speaker", "speaker_span", "cue", "cue_span"];
const KEYS: KeySet = KeySet::new(&KEY_NAMES);

impl QuotesStage {
    /// Builds the stage (compiles its lexicons).
    ///
    /// # Errors
    /// [`BuildError::Option`] when an option is out of range.
    pub fn new(options: QuotesOptions) -> Result<Self, BuildError> {
        if options.min_unattributed_words == 0 {
            return Err(BuildError::Option {
                key: Some("min_unattributed_words".into()),
                message: "must be at least 1".into(),
            });
        }
        let lexicon = Lexicon::new();
        Ok(QuotesStage {
            meta: StageMeta::new(TYPE_NAME, VERSION, DESCRIPTION)
                .reads(&[layers::BOILERPLATE])
                .produces(&[layers::QUOTES]),
            lexicon,
            settings: Settings {
                resolve: options.resolve_pronouns,
                scare_quotes: options.include_scare_quotes,
                min_unattributed_words: options.min_unattributed_words,
            },
        })
    }
}

fn range_value(r: Option<(usize, usize)>) -> Value {
    r.map_or(Value::Null, |(s, e)| Value::range(s, e))
}

impl Stage for QuotesStage {
    fn meta(&self) -> &StageMeta {
        &self.meta
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let removed = doc.removed();
        let findings = analyze(doc.text(), &self.lexicon, self.settings);
        let spans = findings
            .into_iter()
            .filter(|f| !removed.covers(f.start..f.end))
            .map(|f| {
                let kind = if f.direct { "direct" } else { "partial" };
                // The values are made as the attribute list takes them, in key
                // order, with no array of them built and moved first.
                let (mut speaker, mut cue) = (f.speaker, f.cue);
                let values = (0..KEY_NAMES.len()).map(|k| match k {
                    0 => Value::static_str(kind),
                    1 => speaker.take().map_or(Value::Null, |s| Value::from(&*s)),
                    2 => range_value(f.speaker_span),
                    3 => cue.take().map_or(Value::Null, Value::Str),
                    _ => range_value(f.cue_span),
                });
                Span::with_attrs(f.start, f.end, Attrs::from_keys(&KEYS, values))
            })
            .collect();
        doc.set_layer(layers::QUOTES, spans)?;
        Ok(())
    }
}

/// The factory that registers the `quotes` stage type.
pub fn factory() -> Box<dyn StageFactory> {
    Box::new(TypedFactory::<QuotesOptions>::new(
        TYPE_NAME,
        DESCRIPTION,
        |options| Ok(Box::new(QuotesStage::new(options)?)),
    ))
}
