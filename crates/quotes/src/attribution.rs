//! Attribution: the cue and the speaker of each quotation, and whether a quoted
//! stretch is a quotation at all.
//!
//! The text outside quotations ("gaps") is cut into sentences and searched for cue
//! verbs once. Each cue gets the noun phrase that speaks through it: its subject
//! (`Putin said`, `the Russian leader said`, `Jaime Harrison, chair of ..., said`) or,
//! after a quotation or after `according to`, the phrase that follows it
//! (`,” said President Vladimir Putin`). Each quotation then takes the cue right after
//! it, else the last cue before it in its sentence, else a colon or dash introduction,
//! else the speaker of the quotation before it in the same paragraph. Named speakers
//! are canonicalized to the fullest form of the name in the document; pronouns and role
//! nouns go to the most recent compatible person.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::lexicon::class::*;
use crate::lexicon::{CueForm, Lexicon, WordHash, pronoun};
use crate::marks::{self, Paragraph, RawQuote};
use crate::scan::{self, Run, WordScan};
use crate::text::{Tok, TokKind, TokStream, is_alphanumeric, sentence_breaks, tokenize};

/// Tuning knobs the stage options set.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    /// Resolve pronouns and role nouns to named speakers.
    pub resolve: bool,
    /// Report quoted terms that look like scare quotes, titles or nicknames.
    pub scare_quotes: bool,
    /// Words from which an unattributed quoted stretch counts as a quotation.
    pub min_unattributed_words: usize,
}

/// One reported quotation.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding {
    /// First byte of the quoted words.
    pub start: usize,
    /// End of the quoted words.
    pub end: usize,
    /// Whether the whole utterance is quoted (else a fragment inside a sentence).
    pub direct: bool,
    /// Canonical speaker (shared with the person it names, so passing it from one
    /// quotation to the next costs no copy).
    pub speaker: Option<Rc<str>>,
    /// The mention naming the speaker.
    pub speaker_span: Option<(usize, usize)>,
    /// The cue text (borrowed from the lexicon when it is a listed phrase).
    pub cue: Option<Cow<'static, str>>,
    /// The cue's span.
    pub cue_span: Option<(usize, usize)>,
}

/// Most tokens examined on either side of a cue.
const WINDOW_TOKENS: usize = 40;
/// Most bytes examined on either side of a cue.
const WINDOW_BYTES: usize = 200;
/// The longest paragraph read as a dash signature under a quotation of its own.
const DASH_SIGNATURE_BYTES: usize = 200;
/// Most tokens of an appositive between a speaker's name and the cue (`Lowe, a
/// nurse at the county clinic, said`) read in any sentence.
const APPOSITIVE_TOKENS: usize = 19;
/// Most tokens of an appositive read after a name that opens its clause (see
/// `Analyzer::long_appositive_np`).
const LONG_APPOSITIVE_TOKENS: usize = 32;
/// Fewest words a quotation must share, in order, with another to take its speaker.
const MIN_REPEAT_WORDS: usize = 4;
/// Most words of a quotation with no speaker compared with the others (a headline's or
/// pull quote's length), which bounds the comparison's cost.
const MAX_REPEAT_WORDS: usize = 40;
/// Most quotations with no speaker looked up among the others, per document.
const MAX_REPEAT_LOOKUPS: usize = 16;
/// Words of one quotation searched for in the other before the two are compared word
/// by word.
const PREFILTER_WORDS: usize = 3;
/// Bytes the look-up for repeated words may read per byte of the document.
const REPEAT_BUDGET_PER_BYTE: usize = 16;
/// Most distinct names canonicalized per document.
const MAX_CANONICAL: usize = 64;
/// Most occurrences of a surname read closely (tokenized) for a fuller form.
const MAX_CLASSIFIED: usize = 12;
/// Most occurrences of a surname examined when gathering evidence about it.
const MAX_OCCURRENCES: usize = 64;
/// How many cues may lend their speaker to one another in a chain.
const MAX_DEPTH: usize = 4;
/// How far back (bytes) the antecedent of a pronoun or role noun is looked for.
const LOOKBACK_BYTES: usize = 6000;
/// Paragraphs before a pronoun's own whose names other than subjects and speakers
/// may be its antecedent.
const OBJECT_PARAGRAPHS: usize = 0;
/// Words that stand for an unnamed member of a group as a speaker (`one said`,
/// `said another`): kept as the mention, resolved to no name.
const UNNAMED_MEMBERS: &[&str] = &["one", "another"];
/// Most mentions examined when looking back for the antecedent of a pronoun.
const MAX_LOOKBACK: usize = 48;

#[derive(Clone, Debug, PartialEq)]
enum NpKind {
    /// `he`, `she`...; the gender it implies.
    Pronoun(Option<bool>),
    /// A name: the span of the name proper (titles stripped) and its descriptors.
    Named { name: (usize, usize), org: bool },
    /// A common noun phrase: its head word, and whether it is definite (`the ...`).
    Nominal {
        head: (usize, usize),
        definite: bool,
        text: (usize, usize),
    },
}

#[derive(Clone, Debug, PartialEq)]
struct Np {
    span: (usize, usize),
    kind: NpKind,
    /// Stretches of text describing the speaker (titles, appositives).
    descriptors: Descriptors,
}

/// At most two stretches of text describing a speaker, kept inline so that copying a
/// phrase never allocates.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Descriptors {
    items: [(usize, usize); 2],
    len: u8,
}

impl Descriptors {
    fn one(span: (usize, usize)) -> Self {
        let mut d = Descriptors::default();
        d.push(span);
        d
    }

    fn push(&mut self, span: (usize, usize)) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = span;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(usize, usize)] {
        self.items.get(..usize::from(self.len)).unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    start: usize,
    end: usize,
    form: CueForm,
    /// Start of the sentence holding the cue.
    sentence: usize,
    /// End of that sentence.
    sentence_end: usize,
}

#[derive(Clone, Debug)]
struct Person {
    name: Rc<str>,
    gender: Option<bool>,
    /// The gender comes from the name itself (a first name, `Mr.`, `Ms.`), not
    /// from a pronoun resolved to it.
    named_gender: bool,
    org: bool,
    /// The name ends with a party or nationality word (`Democrats`, `Senate
    /// Republicans`): a group, which `it` does not stand for.
    group: bool,
    /// The name's words make it a place or an organization.
    placeish: bool,
    /// The name's words are a place's or an organization's (whatever the phrase that
    /// named the person first said).
    name_org: bool,
    /// Evidence says this is a person: a speaker, a known first name, a title, or a
    /// full name of several words. Only such names take `he` and `she`.
    person_like: bool,
    /// Stretches of text that described this person (titles, appositives).
    descriptors: PersonDescriptors,
}

/// Most stretches of text kept per person as describing them.
const PERSON_DESCRIPTORS: usize = 16;

/// The stretches of text that described a person, kept inline (at most
/// [`PERSON_DESCRIPTORS`], the first ones met): a person costs no allocation.
#[derive(Clone, Copy, Debug)]
struct PersonDescriptors {
    items: [(usize, usize); PERSON_DESCRIPTORS],
    len: u8,
}

impl PersonDescriptors {
    const EMPTY: Self = PersonDescriptors {
        items: [(0, 0); PERSON_DESCRIPTORS],
        len: 0,
    };

    fn as_slice(&self) -> &[(usize, usize)] {
        self.items.get(..usize::from(self.len)).unwrap_or_default()
    }

    fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Adds `d` unless it is kept already or there is no room left.
    fn add(&mut self, d: (usize, usize)) {
        if !self.as_slice().contains(&d)
            && let Some(slot) = self.items.get_mut(usize::from(self.len))
        {
            *slot = d;
            self.len += 1;
        }
    }
}

/// What the uses of a surname across the document say about who bears it.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    /// A cue stands next to it (`Ortiz said`).
    speaker: bool,
    /// It is capitalized inside a sentence, so it is a proper noun.
    proper: bool,
    /// A title comes before it (`Mr. Ortiz`, `Sen. Ortiz`).
    titled: bool,
    /// A known first name comes before it.
    first_name: bool,
}

impl Evidence {
    fn person(&self) -> bool {
        self.speaker || self.titled || self.first_name || self.proper
    }
}

/// The gaps and quotations of a paragraph in order, none of them empty: the
/// quotation regions (sorted, not overlapping) clipped to the paragraph, and the
/// stretches between them.
struct ParagraphRegions<'r> {
    regions: &'r [(usize, usize)],
    paragraph: Paragraph,
    /// Where the next gap starts.
    pos: usize,
    /// The next quotation region.
    k: usize,
    /// A quotation to hand out after the gap before it.
    pending: Option<scan::Region>,
}

impl<'r> ParagraphRegions<'r> {
    fn new(regions: &'r [(usize, usize)], paragraph: Paragraph) -> Self {
        ParagraphRegions {
            regions,
            paragraph,
            pos: paragraph.start,
            k: regions.partition_point(|r| r.1 <= paragraph.start),
            pending: None,
        }
    }
}

impl Iterator for ParagraphRegions<'_> {
    type Item = scan::Region;

    fn next(&mut self) -> Option<scan::Region> {
        if let Some(q) = self.pending.take() {
            return Some(q);
        }
        let p = self.paragraph;
        while self.pos < p.end {
            let (gap_end, next) = match self.regions.get(self.k) {
                Some(&(s, e)) if s < p.end => (s.max(self.pos), Some((s, e))),
                _ => (p.end, None),
            };
            let gap = (gap_end > self.pos).then_some(scan::Region {
                start: self.pos,
                end: gap_end,
                quotation: false,
            });
            let quotation = next.and_then(|(s, e)| {
                let (qs, qe) = (s.max(self.pos), e.min(p.end));
                (qe > qs).then_some(scan::Region {
                    start: qs,
                    end: qe,
                    quotation: true,
                })
            });
            match next {
                Some((_, e)) => {
                    self.pos = e.max(self.pos);
                    self.k += 1;
                }
                None => self.pos = p.end,
            }
            match (gap, quotation) {
                (Some(g), q) => {
                    self.pending = q;
                    return Some(g);
                }
                (None, Some(q)) => return Some(q),
                (None, None) => {}
            }
        }
        None
    }
}

/// Attribution as decided for one quotation.
#[derive(Clone, Debug, Default)]
struct Attribution {
    speaker: Option<Rc<str>>,
    speaker_span: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
    /// The cue sits right next to the quotation (or introduces it with a colon).
    adjacent: bool,
    /// Found through a cue, colon or dash of its own (not inherited or guessed).
    own: bool,
}

/// Finds the quotations of `text` with their attribution.
pub(crate) fn analyze(text: &str, lex: &Lexicon, settings: Settings) -> Vec<Finding> {
    // Buffers live per thread and are reused by every document: no per-document
    // allocation of the working vectors and maps.
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    }
    SCRATCH.with(|cell| {
        // Used in place (moving it out and back copied a kilobyte per document); a
        // nested call, which the stage never makes, would get fresh buffers.
        match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let found = analyze_with(text, lex, settings, &mut scratch);
                // The buffers grow with the largest document seen; after a very large
                // one they are given back rather than held for the rest of the run.
                if text.len() > KEEP_SCRATCH_BYTES {
                    *scratch = Scratch::default();
                }
                found
            }
            Err(_) => analyze_with(text, lex, settings, &mut Scratch::default()),
        }
    })
}

/// Documents up to this size leave their working buffers for the next document.
const KEEP_SCRATCH_BYTES: usize = 1 << 22;

/// Working space of one analysis, kept between documents.
#[derive(Default)]
struct Scratch {
    paragraphs: Vec<Paragraph>,
    quotes: Vec<RawQuote>,
    marks: marks::MarkBuf,
    regions: Vec<(usize, usize)>,
    breaks: Vec<usize>,
    sentence_ends: Vec<usize>,
    cues: Vec<Cue>,
    cue_nps: Vec<Option<Option<Np>>>,
    subject_nps: Vec<Option<Option<Subject>>>,
    persons: Vec<Person>,
    person_ids: HashMap<Rc<str>, usize, WordHash>,
    canon_cache: HashMap<Rc<str>, Rc<str>, WordHash>,
    surnames: HashMap<NameWord, Rc<str>, WordHash>,
    by_written: HashMap<u64, (usize, usize, usize), WordHash>,
    toks: Vec<Tok>,
    pool: Vec<Vec<Tok>>,
    runs: Vec<Run>,
    para_runs: Vec<(u32, u32)>,
    para_gap_runs: Vec<(u32, u32)>,
    name_uses: Vec<Run>,
    found: Vec<(usize, usize, CueForm)>,
    cue_ranges: Vec<(usize, usize)>,
    mention_people: HashMap<(u32, u32, bool), Option<u32>, WordHash>,
    class_cache: Vec<Cell<(u32, u32, u32)>>,
    cue_subs: Vec<(usize, bool)>,
    run_nps: Vec<u32>,
    run_np_values: Vec<Option<Np>>,
    described_memo: Vec<u32>,
    occurrences: Occurrences,
    listed_cues: ListedCues,
}

/// The listed cue phrases met last, kept from one document to the next (they are
/// static strings: a story says `said` again and again, and so do the next ones).
#[derive(Clone, Copy, Default)]
struct ListedCues {
    phrases: [&'static str; 4],
    next: usize,
}

/// A word of a shared name, as a map key that needs no copy of its own: it hashes
/// and compares as the word's text, and is looked up by it.
struct NameWord {
    name: Rc<str>,
    start: usize,
    end: usize,
}

impl NameWord {
    fn as_str(&self) -> &str {
        self.name.get(self.start..self.end).unwrap_or("")
    }
}

impl PartialEq for NameWord {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for NameWord {}

impl std::hash::Hash for NameWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::borrow::Borrow<str> for NameWord {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// Where one word occurs in the text, kept for the next search for it (a name's
/// fuller form is looked for before its mention, then after it, then the evidence
/// about the name reads its uses): every start before `upto`, in order, so no byte
/// is searched twice for the same word.
#[derive(Default)]
struct Occurrences {
    word: String,
    upto: usize,
    at: Vec<usize>,
}

/// The subject of a sentence. A possessive owner (`Suu Kyi's fate is unclear`) is a
/// weak subject: the speakers of the sentence's cues come before it.
#[derive(Clone, Debug, PartialEq)]
struct Subject {
    np: Np,
    weak: bool,
}

fn analyze_with(
    text: &str,
    lex: &Lexicon,
    settings: Settings,
    scratch: &mut Scratch,
) -> Vec<Finding> {
    with_analyzer(text, lex, settings, scratch, |a| a.attribute_all()).unwrap_or_default()
}

/// Runs `f` on the analyzer of `text`, segmented, with its working space taken from
/// `scratch` and given back after; `None` when the text holds no quotation.
fn with_analyzer<R>(
    text: &str,
    lex: &Lexicon,
    settings: Settings,
    scratch: &mut Scratch,
    f: impl FnOnce(&mut Analyzer<'_>) -> R,
) -> Option<R> {
    let s = scratch;
    marks::scan_into(text, &mut s.paragraphs, &mut s.quotes, &mut s.marks);
    s.quotes.retain(|q| q.start < q.end);
    if s.quotes.is_empty() {
        return None;
    }
    let mut a = Analyzer {
        text,
        lex,
        settings,
        paragraphs: std::mem::take(&mut s.paragraphs),
        quotes: std::mem::take(&mut s.quotes),
        regions: take_cleared(&mut s.regions),
        breaks: take_cleared(&mut s.breaks),
        sentence_ends: take_cleared(&mut s.sentence_ends),
        cues: take_cleared(&mut s.cues),
        cue_nps: take_cleared(&mut s.cue_nps),
        subject_nps: take_cleared(&mut s.subject_nps),
        persons: take_cleared(&mut s.persons),
        person_ids: take_cleared_map(&mut s.person_ids),
        canon_cache: take_cleared_map(&mut s.canon_cache),
        canon_at: 0,
        surnames: take_cleared_map(&mut s.surnames),
        by_written: take_cleared_map(&mut s.by_written),
        toks: take_cleared(&mut s.toks),
        depth: 0,
        role_depth: 0,
        pool: RefCell::new(std::mem::take(&mut s.pool)),
        runs: take_cleared(&mut s.runs),
        para_runs: take_cleared(&mut s.para_runs),
        para_gap_runs: take_cleared(&mut s.para_gap_runs),
        name_uses: take_cleared(&mut s.name_uses),
        found: take_cleared(&mut s.found),
        cue_ranges: take_cleared(&mut s.cue_ranges),
        mention_people: take_cleared_map(&mut s.mention_people),
        class_cache: {
            // Emptied per document: offsets of another text mean nothing here.
            let mut c = std::mem::take(&mut s.class_cache);
            c.clear();
            c.resize(CLASS_CACHE, Cell::new((u32::MAX, 0, 0)));
            c
        },
        cue_subs: take_cleared(&mut s.cue_subs),
        run_nps: take_cleared(&mut s.run_nps),
        run_np_values: take_cleared(&mut s.run_np_values),
        described_memo: take_cleared(&mut s.described_memo),
        occurrences: {
            // Emptied per document: offsets of another text mean nothing here.
            let mut o = std::mem::take(&mut s.occurrences);
            o.word.clear();
            o.upto = 0;
            o.at.clear();
            o
        },
        listed_cues: s.listed_cues,
    };
    a.segment();
    let out = f(&mut a);
    s.paragraphs = a.paragraphs;
    s.quotes = a.quotes;
    s.regions = a.regions;
    s.breaks = a.breaks;
    s.sentence_ends = a.sentence_ends;
    s.cues = a.cues;
    s.cue_nps = a.cue_nps;
    s.subject_nps = a.subject_nps;
    s.persons = a.persons;
    s.person_ids = a.person_ids;
    s.canon_cache = a.canon_cache;
    s.surnames = a.surnames;
    s.by_written = a.by_written;
    s.toks = a.toks;
    s.pool = a.pool.into_inner();
    s.runs = a.runs;
    s.para_runs = a.para_runs;
    s.para_gap_runs = a.para_gap_runs;
    s.name_uses = a.name_uses;
    s.found = a.found;
    s.cue_ranges = a.cue_ranges;
    s.mention_people = a.mention_people;
    s.class_cache = a.class_cache;
    s.cue_subs = a.cue_subs;
    s.run_nps = a.run_nps;
    s.run_np_values = a.run_np_values;
    s.described_memo = a.described_memo;
    s.occurrences = a.occurrences;
    s.listed_cues = a.listed_cues;
    Some(out)
}

/// Whether a run of several capitalized words may end with the word starting at byte
/// `at`. A run joins its words with one space (`Maria Lopez`), a period and a space
/// after an initial (`V. Putin`), or particles between spaces (`de la Cruz`), so the
/// word follows a space and a token that holds a capital or is a particle (every
/// listed particle has at most three letters; a test checks it).
/// Errs on the side of yes: a token read back further than a word's length is taken.
fn may_end_multiword_run(lex: &Lexicon, bytes: &[u8], at: usize) -> bool {
    let Some(space) = at.checked_sub(1) else {
        return false;
    };
    if bytes.get(space) != Some(&b' ') {
        return false;
    }
    let floor = space.saturating_sub(64);
    let token = bytes.get(floor..space).unwrap_or_default();
    let token = match token.iter().rposition(|c| c.is_ascii_whitespace()) {
        Some(k) => token.get(k + 1..).unwrap_or_default(),
        None if floor > 0 => return true,
        None => token,
    };
    // Particles are matched without a final period (`de.` reads as `de`), as the
    // run reader matches them; a short lowercase word that is no particle (`the`,
    // `of`) joins no run, and the paragraph is not read for it.
    let bare = token.iter().rposition(|&c| c != b'.').map_or(0, |k| k + 1);
    token.iter().any(u8::is_ascii_uppercase)
        || (bare <= 3 && std::str::from_utf8(token).is_ok_and(|w| lex.is_connector(w)))
}

/// Calls `f` with every position in `within` where `word` starts in `bytes` (the
/// word may run on past the range), in order, until `f` returns false.
fn for_each_occurrence(
    bytes: &[u8],
    word: &[u8],
    within: std::ops::Range<usize>,
    mut f: impl FnMut(usize) -> bool,
) {
    let (from, to) = (within.start, within.end.min(bytes.len()));
    let Some(&lead) = word.first() else {
        return;
    };
    if from >= to {
        return;
    }
    // A capital is met every few hundred bytes of running text, where a byte search
    // for it is fastest; a word led by a lowercase letter or by a byte of a letter
    // outside ASCII (one lead byte serves a whole alphabet) is searched for by its
    // first two bytes together.
    #[cfg(target_arch = "x86_64")]
    if !lead.is_ascii_uppercase()
        && let Some(pair) = memchr::arch::all::packedpair::Pair::with_indices(word, 0, 1)
        && let Some(finder) = memchr::arch::x86_64::avx2::packedpair::Finder::with_pair(word, pair)
    {
        // A match starting before `to` may end after it.
        let hay_end = to.saturating_add(word.len() - 1).min(bytes.len());
        let mut at = from;
        while let Some(hay) = bytes.get(at..hay_end)
            && at < to
            && hay.len() >= finder.min_haystack_len()
        {
            let Some(k) = finder.find(hay, word) else {
                return;
            };
            let p = at + k;
            if p >= to || !f(p) {
                return;
            }
            at = p + 1;
        }
        // Too little is left for the vector search.
        for p in at..to {
            if bytes.get(p..).is_some_and(|rest| rest.starts_with(word)) && !f(p) {
                return;
            }
        }
        return;
    }
    // Most stops at the lead byte go no further than the second byte (`The` for
    // `Trump`): it is compared before the whole word.
    let second = word.get(1);
    for k in memchr::memchr_iter(lead, bytes.get(from..to).unwrap_or_default()) {
        let p = from + k;
        if bytes.get(p + 1) == second.or(bytes.get(p + 1))
            && bytes.get(p..).is_some_and(|rest| rest.starts_with(word))
            && !f(p)
        {
            return;
        }
    }
}

/// Whether `needle` occurs in `hay`, ASCII letters compared without case. Candidates
/// are found sixteen at a time by their first and last bytes (see
/// `sse2::contains_ignore_ascii_case`), in a short hay by a search for the needle's
/// first byte in either case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    #[cfg(target_arch = "x86_64")]
    if let Some(found) = sse2::contains_ignore_ascii_case(hay, needle) {
        return found;
    }
    contains_ignore_ascii_case_bytewise(hay, needle, first)
}

/// [`contains_ignore_ascii_case`] with candidates found by a byte search for the
/// needle's first byte: the reference of the vector search, and its fallback.
fn contains_ignore_ascii_case_bytewise(hay: &[u8], needle: &[u8], first: u8) -> bool {
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8,
    };

    /// Whether `needle` (of two bytes or more) occurs in `hay`, ASCII letters compared
    /// without case; `None` for a needle too short or a hay shorter than sixteen
    /// bytes past the needle. Sixteen starts are tested at once on the needle's first
    /// and last bytes, both folded to lowercase; each start that passes is compared
    /// whole.
    pub(super) fn contains_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> Option<bool> {
        let n = needle.len();
        let (&first, &last) = (needle.first()?, needle.last()?);
        if n < 2 || hay.len() < n + 15 {
            return None;
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every load reads sixteen bytes
        // inside `hay` (`at + n - 1 + 16 <= hay.len()` is checked before each step).
        unsafe {
            // ASCII capitals to lowercase, every other byte as it is.
            let fold = |v: __m128i| {
                let shifted = _mm_sub_epi8(v, _mm_set1_epi8(b'A' as i8));
                let upper = _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(25)), shifted);
                _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)))
            };
            let f = _mm_set1_epi8(first.to_ascii_lowercase() as i8);
            let l = _mm_set1_epi8(last.to_ascii_lowercase() as i8);
            let starts = hay.len() - n + 1;
            let mut at = 0usize;
            while at < starts {
                // The last step may overlap the one before: it starts sixteen bytes
                // before the last start.
                let from = at.min(starts.saturating_sub(16));
                let head = _mm_loadu_si128(hay.as_ptr().add(from).cast());
                let tail = _mm_loadu_si128(hay.as_ptr().add(from + n - 1).cast());
                let hits =
                    _mm_and_si128(_mm_cmpeq_epi8(fold(head), f), _mm_cmpeq_epi8(fold(tail), l));
                let mut mask = _mm_movemask_epi8(hits) as u32;
                while mask != 0 {
                    let k = from + mask.trailing_zeros() as usize;
                    mask &= mask - 1;
                    if hay
                        .get(k..k + n)
                        .is_some_and(|w| w.eq_ignore_ascii_case(needle))
                    {
                        return Some(true);
                    }
                }
                at = from + 16;
            }
            Some(false)
        }
    }
}

fn take_cleared<T>(v: &mut Vec<T>) -> Vec<T> {
    let mut v = std::mem::take(v);
    v.clear();
    v
}

fn take_cleared_map<K, V>(m: &mut HashMap<K, V, WordHash>) -> HashMap<K, V, WordHash> {
    let mut m = std::mem::take(m);
    m.clear();
    m
}

fn hash_str(s: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = WordHash::default().build_hasher();
    h.write(s.as_bytes());
    h.finish()
}

struct Analyzer<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    settings: Settings,
    paragraphs: Vec<Paragraph>,
    quotes: Vec<RawQuote>,
    /// Regions covered by quotations, `[open, close_end)`, clipped per paragraph.
    regions: Vec<(usize, usize)>,
    /// Sentence starts, sorted (paragraph starts included).
    breaks: Vec<usize>,
    /// Per sentence start in `breaks`, where the sentence ends (the next break or
    /// the end of its paragraph).
    sentence_ends: Vec<usize>,
    cues: Vec<Cue>,
    /// Each cue's speaker phrase, worked out when first needed.
    cue_nps: Vec<Option<Option<Np>>>,
    /// Each sentence's subject, worked out when first needed.
    subject_nps: Vec<Option<Option<Subject>>>,
    persons: Vec<Person>,
    person_ids: HashMap<Rc<str>, usize, WordHash>,
    /// A name searched for a fuller form → that form (the same shared copy when the
    /// name is its own fullest form).
    canon_cache: HashMap<Rc<str>, Rc<str>, WordHash>,
    /// Position of the mention being canonicalized (the text before it is searched first).
    canon_at: usize,
    /// Last word of a name → the fullest form of it met so far.
    surnames: HashMap<NameWord, Rc<str>, WordHash>,
    /// Hash of a name as written → its person and where it was written, so a repeated
    /// mention costs one look-up.
    by_written: HashMap<u64, (usize, usize, usize), WordHash>,
    toks: Vec<Tok>,
    /// How many cue speakers are being worked out inside one another.
    depth: usize,
    /// How many role nouns are being resolved inside one another (at most one).
    role_depth: usize,
    /// Token buffers lent to nested look-ups, so no call allocates its own.
    pool: RefCell<Vec<Vec<Tok>>>,
    /// Runs of capitalized words of the paragraphs read so far: each paragraph's
    /// runs together and in text order, the paragraphs in the order they were read.
    runs: Vec<Run>,
    /// Per paragraph: its runs in `runs`, or `u32::MAX` while it is unread.
    para_runs: Vec<(u32, u32)>,
    /// Per paragraph: the runs of its gaps alone in `runs` (see
    /// [`Analyzer::paragraph_gap_runs`]), or `u32::MAX` while they are unread.
    para_gap_runs: Vec<(u32, u32)>,
    /// Buffer for the uses of a surname (see [`Analyzer::multiword_runs_ending_with`]).
    name_uses: Vec<Run>,
    /// Cues as found by the word pass.
    found: Vec<(usize, usize, CueForm)>,
    /// Stretches around quotations where cues are looked for, in order.
    cue_ranges: Vec<(usize, usize)>,
    /// The person each mention met by an antecedent walk names.
    mention_people: HashMap<(u32, u32, bool), Option<u32>, WordHash>,
    /// The word class of recently read tokens by position (see [`Analyzer::tclass`]).
    class_cache: Vec<Cell<(u32, u32, u32)>>,
    /// Per cue: the sentence start it was judged in and whether it is subordinate.
    cue_subs: Vec<(usize, bool)>,
    /// Per capitalized run: index of its phrase in `run_np_values`, or `u32::MAX`.
    run_nps: Vec<u32>,
    run_np_values: Vec<Option<Np>>,
    /// Per person, whether the role being resolved describes them (see
    /// [`Analyzer::role_referent`]); emptied by each resolution.
    described_memo: Vec<u32>,
    /// The occurrences of the word searched for last (see [`Occurrences`]).
    occurrences: Occurrences,
    /// See [`ListedCues`].
    listed_cues: ListedCues,
}

/// Slots of the token class cache (a power of two). Slot `start % CLASS_CACHE`:
/// the tokens read again are those of the phrase being read, whose starts differ
/// within a few dozen bytes, so a small direct-mapped cache keeps them, and it is
/// cheap to empty for each document (a bigger one cost more to empty than it saved).
const CLASS_CACHE: usize = 64;

impl<'a> Analyzer<'a> {
    /// The lexicon class bits of word token `t`. The same words are read again and
    /// again (a sentence's subject by each pronoun after it, a phrase by several
    /// readers), so a small cache by position saves most look-ups.
    #[inline]
    fn tclass(&self, t: &Tok) -> u32 {
        let (start, end) = (t.start as u32, t.end as u32);
        let slot = self.class_cache.get(t.start & (CLASS_CACHE - 1));
        if let Some(slot) = slot {
            let (s, e, c) = slot.get();
            if s == start && e == end {
                return c;
            }
        }
        let c = self.lex.class_in(self.text, t.start, t.end);
        if let Some(slot) = slot {
            slot.set((start, end, c));
        }
        c
    }

    /// Tokenizes `text[from..to]` (at most `limit` tokens) into a pooled buffer and
    /// runs `f` on the tokens.
    fn with_tokens<R>(
        &self,
        from: usize,
        to: usize,
        limit: usize,
        f: impl FnOnce(&[Tok]) -> R,
    ) -> R {
        let mut buf = self.pool.borrow_mut().pop().unwrap_or_default();
        tokenize(self.text, from, to, limit, &mut buf);
        let r = f(&buf);
        self.pool.borrow_mut().push(buf);
        r
    }

    /// Runs `f` on the tokens of `text[from..to]` (at most `limit`), tokenized only as
    /// far as `f` reads them, in a pooled buffer.
    fn with_token_stream<R>(
        &self,
        from: usize,
        to: usize,
        limit: usize,
        f: impl FnOnce(&mut TokStream<'_>) -> R,
    ) -> R {
        let mut buf = self.pool.borrow_mut().pop().unwrap_or_default();
        let r = f(&mut TokStream::new(self.text, from, to, limit, &mut buf));
        self.pool.borrow_mut().push(buf);
        r
    }

    fn word(&self, t: &Tok) -> &'a str {
        t.text(self.text)
    }

    /// What descriptor stretches say: the gender of the first gendered title in them
    /// (`Mr.`, `spokeswoman`), and whether any word is a title. One look-up per word.
    fn descriptor_info(&self, spans: &[(usize, usize)]) -> (Option<bool>, bool) {
        let mut gender = None;
        let mut title = false;
        let mut take = |c: u32| {
            title |= c & TITLE != 0;
            if gender.is_none() {
                gender = if c & FEMALE_TITLE != 0 {
                    Some(false)
                } else if c & MALE_TITLE != 0 {
                    Some(true)
                } else {
                    None
                };
            }
        };
        for &(a, b) in spans {
            let s = self.text.get(a..b).unwrap_or("");
            // The words are slices of `s`: their offsets in the text, for the look-up
            // from the text.
            for_each_descriptor_word(s, |w| {
                let at = (w.as_ptr() as usize).wrapping_sub(s.as_ptr() as usize);
                take(if at <= s.len() && w.len() <= s.len() - at {
                    self.lex.class_in(self.text, a + at, a + at + w.len())
                } else {
                    self.lex.class(w)
                })
            });
        }
        (gender, title)
    }

    /// Cuts every paragraph into gaps (text outside quotations) and sentences, and
    /// reads the words of the gaps near quotations for cues. Capitalized runs are
    /// read later, paragraph by paragraph, only where a name is looked for (see
    /// [`Analyzer::paragraph_runs`]).
    fn segment(&mut self) {
        let text = self.text;
        // Quotation regions, in order; a continued quotation covers whole paragraphs.
        self.regions
            .extend(self.quotes.iter().map(|q| (q.open, q.close_end)));
        self.breaks.reserve(self.paragraphs.len() * 3);
        let mut no_runs = Vec::new();
        let mut found = std::mem::take(&mut self.found);
        let mut words = WordScan::new(text, self.lex, &mut no_runs, &mut found);
        let mut qi = 0usize;
        for pi in 0..self.paragraphs.len() {
            let p = self.paragraphs[pi];
            let first_break = self.breaks.len();
            self.breaks.push(p.start);
            let mut pos = p.start;
            while qi < self.regions.len() && self.regions[qi].1 <= p.start {
                qi += 1;
            }
            let mut k = qi;
            loop {
                let (gap_end, next) = match self.regions.get(k) {
                    Some(&(s, e)) if s < p.end => (s.max(pos), Some((s, e))),
                    _ => (p.end, None),
                };
                if gap_end > pos {
                    sentence_breaks(text, pos, gap_end, p.end, &mut self.breaks);
                }
                let Some((_, e)) = next else { break };
                // A quotation ending its sentence: `“We won.” Then ...`.
                if let Some(q) = self.quotes.get(k) {
                    let ends_sentence = text
                        .get(q.start..q.end)
                        .and_then(|s| s.chars().next_back())
                        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
                    if ends_sentence
                        && q.closed
                        && e < p.end
                        && text
                            .get(e..p.end)
                            .and_then(|s| s.trim_start().chars().next())
                            .is_some_and(|c| c.is_uppercase() || marks::is_quote_char(c))
                    {
                        self.breaks.push(e);
                    }
                }
                pos = e.max(pos);
                k += 1;
                if pos >= p.end {
                    break;
                }
            }
            // Where each sentence of the paragraph ends: at the next break, the last
            // one at the paragraph's end (the breaks of a paragraph lie inside it).
            let next_breaks = self.breaks.get(first_break + 1..).unwrap_or_default();
            self.sentence_ends.extend(
                next_breaks
                    .iter()
                    .map(|&b| b.min(p.end))
                    .chain(std::iter::once(p.end)),
            );
        }
        // The breaks come out in order and once each (paragraphs and their gaps are
        // read in order, and every break lies after the one before); the sort and the
        // ends read again are a safety net that costs nothing when they do.
        let in_order = self.breaks.is_sorted();
        if !in_order {
            self.breaks.sort_unstable();
        }
        let count = self.breaks.len();
        self.breaks.dedup();
        if !in_order || self.breaks.len() != count || self.sentence_ends.len() != count {
            self.sentence_ends_again();
        }

        // Cues are read around each quotation only: in its sentences, the one
        // before (an introduction) and the one after (`“...” Trump asked.`).
        self.cue_ranges.clear();
        // Quotations come in text order, so each of the three positions read per
        // quotation only moves forward: one cursor each into the sentence table.
        let (mut k_open, mut k_close, mut k_end) = (0usize, 0usize, 0usize);
        for q in &self.quotes {
            let (first, _) = self.sentence_from(&mut k_open, q.open);
            let lo = match self.breaks.get(k_open) {
                Some(&b) if b == first => match k_open.checked_sub(1) {
                    Some(k) => self.breaks[k],
                    None => first,
                },
                _ => match self.breaks.partition_point(|&b| b < first) {
                    0 => first,
                    k => self.breaks[k - 1],
                },
            };
            // Each position lies at or after the one before it: its cursor starts
            // from the last one's instead of walking the same sentences again.
            k_close = k_close.max(k_open);
            let (_, last_end) = self.sentence_from(&mut k_close, q.close_end.saturating_sub(1));
            k_end = k_end.max(k_close);
            let (_, hi) = self.sentence_from(&mut k_end, last_end);
            match self.cue_ranges.last_mut() {
                Some(r) if r.1 >= lo => r.1 = r.1.max(hi),
                _ => self.cue_ranges.push((lo, hi)),
            }
        }
        let mut ri = 0usize;
        let mut pi = 0usize;
        for &(lo, hi) in &self.cue_ranges {
            // Only the text outside quotations holds cues.
            let mut pos = lo;
            while ri < self.regions.len() && self.regions[ri].1 <= lo {
                ri += 1;
            }
            let mut k = ri;
            while pos < hi {
                let (gap_end, next) = match self.regions.get(k) {
                    Some(&(s, e)) if s < hi => (s.max(pos), e),
                    _ => (hi, hi),
                };
                // A gap never runs over a paragraph break: cues stay in their line.
                let mut a = pos;
                while a < gap_end {
                    // The pieces are read in text order: the paragraph of `a` is at or
                    // after the last one's.
                    if self.paragraphs.get(pi).is_some_and(|p| p.start > a) {
                        pi = self
                            .paragraphs
                            .partition_point(|p| p.start <= a)
                            .saturating_sub(1);
                    }
                    while self.paragraphs.get(pi + 1).is_some_and(|p| p.start <= a) {
                        pi += 1;
                    }
                    let para_end = self
                        .paragraphs
                        .get(pi)
                        .map_or(gap_end, |p| p.end.max(a + 1));
                    let b = gap_end.min(para_end);
                    words.gap(a, b, &[], false, true);
                    a = b;
                    // Skip the line break.
                    while a < gap_end
                        && self
                            .text
                            .as_bytes()
                            .get(a)
                            .is_some_and(|c| c.is_ascii_whitespace())
                    {
                        a += 1;
                    }
                }
                pos = next.max(pos + 1);
                k += 1;
            }
        }
        self.cues
            .extend(found.iter().map(|&(start, end, form)| Cue {
                start,
                end,
                form,
                sentence: 0,
                sentence_end: 0,
            }));
        let mut k_cue = 0usize;
        for i in 0..self.cues.len() {
            let c = self.cues[i];
            let (s, e) = self.sentence_from(&mut k_cue, c.start);
            self.cues[i].sentence = s;
            self.cues[i].sentence_end = e;
        }
        self.found = found;
        self.para_runs.clear();
        self.para_runs
            .resize(self.paragraphs.len(), (u32::MAX, u32::MAX));
        self.para_gap_runs.clear();
        self.para_gap_runs
            .resize(self.paragraphs.len(), (u32::MAX, u32::MAX));
    }

    /// Where each sentence ends: at the next break or its paragraph's end. Breaks
    /// include every paragraph start, so a break and every position up to the next
    /// one lie in the same paragraph.
    fn sentence_ends_again(&mut self) {
        self.sentence_ends.clear();
        let mut pi = 0usize;
        for (k, &b) in self.breaks.iter().enumerate() {
            while self.paragraphs.get(pi + 1).is_some_and(|p| p.start <= b) {
                pi += 1;
            }
            let para_end = self.paragraphs.get(pi).map_or(self.text.len(), |p| p.end);
            let end = self
                .breaks
                .get(k + 1)
                .map_or(para_end, |&next| next.min(para_end));
            self.sentence_ends.push(end);
        }
    }

    /// The capitalized runs of paragraph `pi`, as indices into `runs`, read the first
    /// time they are asked for. The paragraph is read as one pass over the whole text
    /// would read it: its gaps and quotations in order, with its sentence breaks (a
    /// run never crosses a paragraph, and nothing carries from one to the next).
    /// The runs of the paragraph holding `at` when it is not `last_para` (then the new
    /// last one): the walks over a word's occurrences read each paragraph once.
    #[inline(always)]
    fn runs_of_new_paragraph(
        &mut self,
        at: usize,
        last_para: &mut usize,
    ) -> Option<(usize, usize)> {
        let pi = self.paragraph_index(at);
        if pi == *last_para || self.paragraphs.get(pi).is_none_or(|p| at >= p.end) {
            return None;
        }
        *last_para = pi;
        Some(self.paragraph_runs(pi))
    }

    /// Reads the capitalized runs of paragraph `p` onto `runs` (its quotations too
    /// with `QUOTATIONS`) and gives their range there: the paragraph's gaps and
    /// quotations in order, with its sentence breaks.
    #[inline(always)]
    fn read_paragraph_runs<const QUOTATIONS: bool>(&mut self, p: Paragraph) -> (usize, usize) {
        let first = self.runs.len();
        let lo = self.breaks.partition_point(|&b| b < p.start);
        let hi = self.breaks.partition_point(|&b| b < p.end);
        let breaks = self.breaks.get(lo..hi).unwrap_or_default();
        let mut no_cues = Vec::new();
        let mut words = WordScan::new(self.text, self.lex, &mut self.runs, &mut no_cues);
        for r in ParagraphRegions::new(&self.regions, p) {
            if !r.quotation {
                words.gap(r.start, r.end, breaks, true, false);
            } else if QUOTATIONS {
                words.quotation(r.start, r.end);
            }
        }
        words.end_paragraph(p.start, p.end);
        (first, self.runs.len())
    }

    fn paragraph_runs(&mut self, pi: usize) -> (usize, usize) {
        if let Some(&(a, b)) = self.para_runs.get(pi)
            && a != u32::MAX
        {
            return (a as usize, b as usize);
        }
        let Some(p) = self.paragraphs.get(pi).copied() else {
            return (0, 0);
        };
        let text = self.text;
        let (first, end) = self.read_paragraph_runs::<true>(p);
        // `Putin said`, `said Putin`: a cue next to a name is evidence of a speaker.
        // Only a space may stand between them, so both lie in this paragraph.
        let runs = self.runs.get_mut(first..end).unwrap_or_default();
        let c0 = self.found.partition_point(|&(cs, _, _)| cs < p.start);
        for &(cs, ce, _) in self.found.get(c0..).unwrap_or_default() {
            if cs >= p.end {
                break;
            }
            let before = runs.partition_point(|r| (r.start as usize) < cs);
            if let Some(r) = before.checked_sub(1).and_then(|k| runs.get_mut(k))
                && text.get(r.end as usize..cs) == Some(" ")
            {
                r.flags |= scan::NEXT_TO_CUE;
            }
            if let Some(r) = runs.get_mut(before)
                && text.get(ce..r.start as usize) == Some(" ")
            {
                r.flags |= scan::NEXT_TO_CUE;
            }
        }
        if let Some(slot) = self.para_runs.get_mut(pi) {
            *slot = (first as u32, end as u32);
        }
        (first, end)
    }

    /// The runs of paragraph `pi` outside its quotations, for readers that pass over
    /// the others ([`scan::IN_QUOTE`]) and read no flag but [`scan::HEADLINE`]: the
    /// runs [`Analyzer::paragraph_runs`] gives when the paragraph has been read whole,
    /// else its gaps read alone (once). Reading a quotation changes nothing in the
    /// runs of the gaps: it counts no words for the headline test, and no run joins
    /// across a quotation mark, so the gaps alone give the same runs outside
    /// quotations in the same order, with the same [`scan::HEADLINE`] flags
    /// ([`scan::NEXT_TO_CUE`] is not set). Most paragraphs an antecedent walk reads
    /// are read for nothing else.
    fn paragraph_gap_runs(&mut self, pi: usize) -> (usize, usize) {
        for read in [&self.para_runs, &self.para_gap_runs] {
            if let Some(&(a, b)) = read.get(pi)
                && a != u32::MAX
            {
                return (a as usize, b as usize);
            }
        }
        let Some(p) = self.paragraphs.get(pi).copied() else {
            return (0, 0);
        };
        let (first, end) = self.read_paragraph_runs::<false>(p);
        if let Some(slot) = self.para_gap_runs.get_mut(pi) {
            *slot = (first as u32, end as u32);
        }
        (first, end)
    }

    /// The runs of several words (outside title-case headlines) whose last word is
    /// `word`, in text order, as the runs of the paragraphs that hold the word list
    /// them: the paragraphs are found by a search for the word, and only a paragraph
    /// where the word follows, after one space, a token that could be the word before
    /// it in a run (one holding a capital, or a short particle such as `de`) is looked
    /// at. Only uses of the word starting `within` that range of bytes are looked for.
    ///
    /// A paragraph not read yet is not read for them when the bytes around each such
    /// use tell its run (see [`scan::run_ending_at`]): most such paragraphs are read
    /// for nothing else.
    fn multiword_runs_ending_with(
        &mut self,
        word: &str,
        within: std::ops::Range<usize>,
        out: &mut Vec<Run>,
    ) {
        out.clear();
        let text = self.text;
        let bytes = text.as_bytes();
        let occurrences = self.take_occurrences(word, within.end);
        let ats = &occurrences.at;
        let first = ats.partition_point(|&at| at < within.start);
        let mut last_para = usize::MAX;
        for &at in ats.get(first..).unwrap_or_default() {
            if at >= within.end {
                break;
            }
            if !may_end_multiword_run(self.lex, bytes, at) {
                continue;
            }
            let pi = self.paragraph_index(at);
            let Some(p) = self.paragraphs.get(pi).copied() else {
                continue;
            };
            if pi == last_para || at >= p.end {
                continue;
            }
            last_para = pi;
            let read = self.para_runs.get(pi).is_some_and(|&(a, _)| a != u32::MAX);
            // The local reading needs every use in the paragraph found.
            if !read && occurrences.upto >= p.end && self.local_multiword_runs(p, word, ats, out) {
                continue;
            }
            let (a, b) = self.paragraph_runs(pi);
            out.extend(self.runs.get(a..b).unwrap_or_default().iter().filter(|r| {
                r.flags & scan::HEADLINE == 0 && r.words >= 2 && r.last_word(text) == word
            }));
        }
        self.occurrences = occurrences;
    }

    /// [`Analyzer::multiword_runs_ending_with`] for the paragraph `p`, read from the
    /// bytes around each use of `word` (`ats`: every use in the paragraph), appended to
    /// `out`; false, with nothing appended, when that cannot tell them (a title-case
    /// headline, a use the bytes around cannot settle).
    fn local_multiword_runs(
        &self,
        p: Paragraph,
        word: &str,
        ats: &[usize],
        out: &mut Vec<Run>,
    ) -> bool {
        let text = self.text;
        let para = text.get(p.start..p.end).unwrap_or("");
        if !scan::surely_not_title_case(para.as_bytes()) && scan::title_case(para) {
            return false;
        }
        let mark = out.len();
        // Every sentence start of the text: the paragraph's own start is one, so the
        // last one at or before a word is the paragraph's, as in its own list.
        let breaks = &self.breaks;
        let from = ats.partition_point(|&a| a < p.start);
        for &at in ats.get(from..).unwrap_or_default() {
            if at >= p.end {
                break;
            }
            // Only single words end a run where this says no.
            if !may_end_multiword_run(self.lex, text.as_bytes(), at) {
                continue;
            }
            let run = self
                .region_of(p, at)
                .and_then(|region| scan::run_ending_at(text, self.lex, region, breaks, at));
            match run {
                None => {
                    out.truncate(mark);
                    return false;
                }
                Some(Some(r)) if r.words >= 2 && r.last_word(text) == word => out.push(r),
                Some(_) => {}
            }
        }
        true
    }

    /// The gap or quotation of paragraph `p` holding byte `at`, as
    /// [`Analyzer::paragraph_runs`] cuts the paragraph.
    fn region_of(&self, p: Paragraph, at: usize) -> Option<scan::Region> {
        ParagraphRegions::new(&self.regions, p).find(|r| (r.start..r.end).contains(&at))
    }

    /// The runs whose last word is `word`, paragraph by paragraph: `visit` is given each
    /// paragraph's uses in text order, and the search stops when it returns false
    /// (the later paragraphs are then not read).
    fn paragraphs_ending_runs_with(
        &mut self,
        word: &str,
        within: std::ops::Range<usize>,
        mut visit: impl FnMut(&Self, &mut dyn Iterator<Item = usize>) -> bool,
    ) {
        let text = self.text;
        let mut last_para = usize::MAX;
        let occurrences = self.take_occurrences(word, within.end);
        let first = occurrences.at.partition_point(|&at| at < within.start);
        for &at in occurrences.at.get(first..).unwrap_or_default() {
            if at >= within.end {
                break;
            }
            let Some((a, b)) = self.runs_of_new_paragraph(at, &mut last_para) else {
                continue;
            };
            let mut uses = (a..b).filter(|&i| {
                self.runs
                    .get(i)
                    .is_some_and(|r| r.flags & scan::HEADLINE == 0 && r.last_word(text) == word)
            });
            if !visit(self, &mut uses) {
                break;
            }
        }
        self.occurrences = occurrences;
    }

    /// The occurrences of `word` in the text, searched up to `to` at least, taken out
    /// of the analyzer (the caller puts them back): the part already searched for
    /// the same word is not searched again.
    fn take_occurrences(&mut self, word: &str, to: usize) -> Occurrences {
        let mut o = std::mem::take(&mut self.occurrences);
        if o.word != word {
            o.word.clear();
            o.word.push_str(word);
            o.upto = 0;
            o.at.clear();
        }
        let to = to.min(self.text.len());
        if to > o.upto {
            let at = &mut o.at;
            for_each_occurrence(self.text.as_bytes(), word.as_bytes(), o.upto..to, |p| {
                at.push(p);
                true
            });
            o.upto = to;
        }
        o
    }

    /// The sentence containing `pos`: from the last break at or before it to the next
    /// break or paragraph end.
    fn sentence_of(&self, pos: usize) -> (usize, usize) {
        let i = self.breaks.partition_point(|&b| b <= pos);
        if let Some(k) = i.checked_sub(1)
            && let (Some(&start), Some(&end)) = (self.breaks.get(k), self.sentence_ends.get(k))
        {
            return (start, end);
        }
        let start = if i > 0 { self.breaks[i - 1] } else { 0 };
        let para_end = self.paragraph_end(pos);
        let end = self
            .breaks
            .get(i)
            .copied()
            .map_or(para_end, |b| b.min(para_end));
        (start, end)
    }

    /// [`Analyzer::sentence_of`] for positions asked for mostly in increasing order:
    /// `k` is a cursor into `breaks` (start it at 0) that walks forward from the
    /// sentence of the last position, and is searched for again only when `pos` lies
    /// before it.
    #[inline]
    fn sentence_from(&self, k: &mut usize, pos: usize) -> (usize, usize) {
        if self.breaks.get(*k).is_none_or(|&b| b > pos) {
            match self.breaks.partition_point(|&b| b <= pos).checked_sub(1) {
                Some(j) => *k = j,
                None => return self.sentence_of(pos),
            }
        }
        while self.breaks.get(*k + 1).is_some_and(|&b| b <= pos) {
            *k += 1;
        }
        match (self.breaks.get(*k), self.sentence_ends.get(*k)) {
            (Some(&start), Some(&end)) => (start, end),
            _ => self.sentence_of(pos),
        }
    }

    fn paragraph_index(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.start <= pos)
            .saturating_sub(1)
    }

    fn paragraph_end(&self, pos: usize) -> usize {
        self.paragraphs
            .get(self.paragraph_index(pos))
            .map_or(self.text.len(), |p| p.end)
    }

    /// End of the last quotation region that ends at or before `pos` and after `floor`.
    fn last_region_end_before(&self, floor: usize, pos: usize) -> usize {
        let i = self.regions.partition_point(|r| r.1 <= pos);
        match i.checked_sub(1).and_then(|j| self.regions.get(j)) {
            Some(r) if r.1 > floor => r.1,
            _ => floor,
        }
    }

    /// Start of the first quotation region that starts at or after `pos` before `ceil`.
    fn next_region_start_after(&self, pos: usize, ceil: usize) -> usize {
        let i = self.regions.partition_point(|r| r.0 < pos);
        match self.regions.get(i) {
            Some(r) if r.0 < ceil => r.0,
            _ => ceil,
        }
    }

    /// The speaker phrase of cue `i` (memoized).
    fn cue_np(&mut self, i: usize) -> Option<Np> {
        if self.cue_nps.len() != self.cues.len() {
            self.cue_nps.clear();
            self.cue_nps.resize(self.cues.len(), None);
        }
        if let Some(Some(np)) = self.cue_nps.get(i) {
            return np.clone();
        }
        // A cue may borrow the speaker of the cue before it (`said ... and added`);
        // the chain is cut short so no input can make the recursion deep.
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let np = self.cue_speaker(i);
        self.depth -= 1;
        if let Some(slot) = self.cue_nps.get_mut(i) {
            *slot = Some(np.clone());
        }
        np
    }

    /// The subject of sentence `bi` (memoized), if it has one worth knowing: a name,
    /// a pronoun, or `the` with a role noun.
    fn subject_at(&mut self, bi: usize) -> Option<Subject> {
        if self.subject_nps.len() != self.breaks.len() {
            self.subject_nps.clear();
            self.subject_nps.resize(self.breaks.len(), None);
        }
        if let Some(Some(np)) = self.subject_nps.get(bi) {
            return np.clone();
        }
        let b = self.breaks.get(bi).copied()?;
        // The window may run through a short quotation inside an opening clause
        // (`At an event billed as “Hard Hats for Hillary,” Clinton unveiled`).
        let end = self.paragraph_end(b).min(b + WINDOW_BYTES);
        let end = self.floor_char_boundary(end);
        let np = if end > b {
            self.with_token_stream(b, end, WINDOW_TOKENS, |toks| self.subject_np(toks))
        } else {
            None
        };
        if let Some(slot) = self.subject_nps.get_mut(bi) {
            *slot = Some(np.clone());
        }
        np
    }

    /// The subject of the sentence held in `toks`: after leading conjunctions and an
    /// opening clause up to its comma, a pronoun, or a noun phrase whose last name
    /// is the subject (`Clinton campaign Chairman John Podesta`).
    fn subject_np(&self, toks: &mut TokStream<'_>) -> Option<Subject> {
        let mut i = 0;
        for _ in 0..4 {
            let t = toks.get(i)?;
            match t.kind {
                // A sentence opening with a quotation has its speaker in a cue.
                TokKind::Quote | TokKind::Stop => return None,
                TokKind::Word => {}
                _ => {
                    i += 1;
                    continue;
                }
            }
            let w = self.word(&t);
            if self.tclass(&t) & CONJUNCTION != 0 {
                i += 1;
                if toks.get(i).is_some_and(|t| t.kind == TokKind::Comma) {
                    i += 1;
                }
                continue;
            }
            // `There, ...`, `Yesterday, ...`: a word and its comma before the subject.
            if toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Comma)
                && !self.name_token(&t)
                && pronoun(w).is_none()
            {
                i += 2;
                continue;
            }
            if self.opens_clause(toks, i) {
                // Skip to the comma closing the clause; quotations inside are read
                // through.
                let comma = (i..i + 40)
                    .map_while(|k| toks.get(k))
                    .position(|t| t.kind == TokKind::Comma || t.kind == TokKind::Stop)?;
                if toks.get(i + comma)?.kind != TokKind::Comma {
                    return None;
                }
                i += comma + 1;
                while toks.get(i).is_some_and(|t| t.kind == TokKind::Quote) {
                    i += 1;
                }
                // `In St. Clairsville, Ohio, 62-year-old Brenda Johnson railed`: a
                // place's state or country goes with the clause.
                let mut k = i;
                while toks.get(k).is_some_and(|t| {
                    t.is_capitalized(self.text)
                        && (self.tclass(&t) & ORG != 0 || self.word(&t).contains('.'))
                }) {
                    k += 1;
                }
                if k > i && toks.get(k).is_some_and(|t| t.kind == TokKind::Comma) {
                    i = k + 1;
                }
                continue;
            }
            break;
        }
        let first = toks.get(i)?;
        if first.kind != TokKind::Word {
            return None;
        }
        if let Some(g) = pronoun(self.word(&first)) {
            return Some(Subject {
                np: Np {
                    span: (first.start, first.end),
                    kind: NpKind::Pronoun(g),
                    descriptors: Descriptors::default(),
                },
                weak: false,
            });
        }
        let mut j = i;
        let mut best: Option<(usize, usize)> = None;
        let mut owner: Option<(usize, usize)> = None;
        let mut described: Option<(usize, usize)> = None;
        let mut lower = 0;
        while let Some(t) = toks.get(j) {
            match t.kind {
                TokKind::Word if self.name_token(&t) && t.is_capitalized(self.text) => {
                    let mut k = j + 1;
                    let mut last = t;
                    if !is_possessive(self.word(&t)) {
                        // `Yin Myint May`: inside a name a month is a name word.
                        while let Some(n) = toks
                            .get(k)
                            .filter(|n| self.name_token(n) || self.name_like_month(n))
                        {
                            k += 1;
                            last = n;
                            if is_possessive(self.word(&n)) {
                                break;
                            }
                        }
                    }
                    if is_possessive(self.word(&last)) {
                        owner = Some((j, k));
                        best = None;
                        lower = 0;
                    } else if best.is_none()
                        && toks.slice(j, k).iter().all(|t| self.tclass(t) & ORG != 0)
                    {
                        // `Democratic presidential front-runner Hillary Clinton`: a
                        // party or nation before a name describes it; with no name
                        // after it, it is the subject itself (`West landed a dig`).
                        described.get_or_insert((j, k));
                        lower += 1;
                    } else {
                        best = Some((j, k));
                    }
                    j = k;
                }
                TokKind::Word => {
                    let w = self.word(&t);
                    if pronoun(w).is_some() {
                        break;
                    }
                    let c = self.tclass(&t);
                    let modifier = c & (DETERMINER | ROLE | TITLE | ORG) != 0;
                    if best.is_some() {
                        // After a name only its modifiers go on to another name
                        // (`Trump adviser Flynn`); anything else is the verb.
                        if !modifier || lower >= 4 {
                            break;
                        }
                    } else if (!modifier && (c & NP_STOP != 0 || w.ends_with("ly"))) || lower >= 4 {
                        break;
                    }
                    lower += 1;
                    j += 1;
                }
                TokKind::Comma if best.is_none() && j > i => {
                    // `Kazakhstan's foreign minister, Erlan Idrissov, plays down`,
                    // `Her father, Brad, 39, worried`.
                    let mut k = j + 1;
                    while toks.get(k).is_some_and(|t| self.name_token(&t)) {
                        k += 1;
                    }
                    let closed = toks.get(k).is_none_or(|t| {
                        matches!(t.kind, TokKind::Comma | TokKind::OpenParen)
                            || self.word(&t) == "of"
                    });
                    if k > j + 1 && closed {
                        best = Some((j + 1, k));
                    }
                    break;
                }
                _ => break,
            }
        }
        // Every token read from here on has been looked at above.
        let toks = toks.seen();
        if let Some((a, mut b)) = best.or(described) {
            // A participle or adverb opening the sentence is no first name:
            // `Understated Perez`, `Chastened Trump`.
            let mut a = a;
            if a == i && b - a >= 2 && self.suspicious_opener(self.word(&toks[a])) {
                a += 1;
            }
            while b > a + 1
                && self.tclass(&toks[b - 1]) & NOT_NAME != 0
                && !self.name_like_month(&toks[b - 1])
            {
                b -= 1;
            }
            // The words before the name describe it: `Republican nominee Donald Trump`.
            let from = i.max(a.saturating_sub(6));
            let from = if toks[from..a].iter().any(|t| t.kind != TokKind::Word) {
                a
            } else {
                from
            };
            let named = |toks: &[Tok]| {
                self.classify_np(toks)
                    .filter(|np| matches!(np.kind, NpKind::Named { .. }))
            };
            // `A spokeswoman for the House committee`: the phrase is headed by a
            // common noun; the name alone still says who spoke.
            match named(&toks[from..b]).or_else(|| named(&toks[a..b])) {
                Some(np) => return Some(Subject { np, weak: false }),
                // `The Republican candidate appeared to ...`: a party or nation word
                // describing a role noun, read below.
                None => return None,
            }
        }
        if let Some((a, b)) = owner {
            // The owner's name without its possessive ending.
            let a = a.max(b.saturating_sub(8));
            let mut buf = [first; 8];
            let n = b - a;
            buf[..n].copy_from_slice(&toks[a..b]);
            let last = &mut buf[n - 1];
            last.end = last.start + possessive_stem_len(self.word(last));
            let np = self.classify_np(&buf[..n])?;
            return matches!(np.kind, NpKind::Named { org: false, .. })
                .then_some(Subject { np, weak: true });
        }
        // `The minority leader said flatly`: a role noun as the subject, ending at
        // the last role noun (`The Republican candidate appeared to ...`).
        if self.word(&first).eq_ignore_ascii_case("the") && j > i + 1 {
            let np = self.classify_np(&toks[i..j])?;
            if matches!(np.kind, NpKind::Nominal { definite: true, .. }) {
                return Some(Subject { np, weak: false });
            }
        }
        None
    }

    /// Whether the word at `toks[i]` opens an adverbial clause that ends with a comma
    /// before the subject: a preposition or subordinator (`After`, `While`, `On`), or
    /// a participle (`Asked by reporters, ...`, `Chastened by the analyses, ...`).
    fn opens_clause(&self, toks: &mut TokStream<'_>, i: usize) -> bool {
        let Some(t) = toks.get(i) else { return false };
        let w = self.word(&t);
        if self.tclass(&t) & (CLAUSE_OPENER | TIME) != 0 {
            return true;
        }
        let next_lower = toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokKind::Comma || n.is_lowercase(self.text));
        next_lower && t.is_capitalized(self.text) && self.suspicious_opener(w)
    }

    /// Whether the words of a name (`toks`) make it an organization or a place. A
    /// word that also names things is still a surname after a known first name
    /// (`Bill Clinton`, `Steven Law`, `Cornel West`). The classes are read through
    /// the token class cache: the phrase readers have looked most of them up already.
    fn org_name_toks(&self, toks: &[Tok]) -> bool {
        let Some(first) = toks.first() else {
            return false;
        };
        let first_class = self.tclass(first);
        if toks.len() == 1 {
            return first_class & ORG != 0 || is_acronym(self.word(first));
        }
        let n = toks.len();
        let person_led = first_class & (MALE | FEMALE) != 0;
        toks.iter().enumerate().any(|(k, t)| {
            let c = if k == 0 { first_class } else { self.tclass(t) };
            c & ORG != 0
                && !(k == 0 && person_led)
                && !(person_led && k + 1 == n && c & NAME_LIKE_ORG != 0)
        })
    }

    /// [`Analyzer::org_name_toks`] of `n` words.
    fn org_name_of<'w>(&self, words: impl Iterator<Item = &'w str>, n: usize) -> bool {
        let mut words = words.enumerate().peekable();
        let Some(&(_, first)) = words.peek() else {
            return false;
        };
        let first_class = self.lex.class(first);
        if n == 1 {
            return first_class & ORG != 0 || is_acronym(first);
        }
        let person_led = first_class & (MALE | FEMALE) != 0;
        // One look-up per word answers both of its questions.
        words.any(|(k, w)| {
            let c = if k == 0 {
                first_class
            } else {
                self.lex.class(w)
            };
            c & ORG != 0
                && !(k == 0 && person_led)
                && !(person_led && k + 1 == n && c & NAME_LIKE_ORG != 0)
        })
    }

    /// A capitalized word opening a sentence that is more likely a participle or an
    /// adverb than a name: `-ed`, `-ing`, `-ly` and not a known first name.
    fn suspicious_opener(&self, w: &str) -> bool {
        w.len() >= 5
            && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
            && !self.lex.is_first_name(w)
    }

    /// Whether word token `t` may be part of a name: a capitalized word not listed
    /// as no name, or a lowercase name particle (`van`, `de`). Inlined into the
    /// phrase readers, which ask it of most tokens: a word opening with an ASCII
    /// letter is answered here, any other in [`Analyzer::name_token_by_text`].
    #[inline(always)]
    fn name_token(&self, t: &Tok) -> bool {
        if t.kind != TokKind::Word {
            return false;
        }
        match self.text.as_bytes().get(t.start) {
            Some(b) if b.is_ascii_uppercase() => self.tclass(t) & NOT_NAME == 0,
            Some(b) if b.is_ascii_lowercase() => {
                is_name_particle(self.text.as_bytes().get(t.start..t.end).unwrap_or_default())
            }
            _ => self.name_token_by_text(t),
        }
    }

    /// [`Analyzer::name_token`] of a word token opening with another byte than an
    /// ASCII letter (a digit, `@`, a letter of another script).
    #[inline(never)]
    fn name_token_by_text(&self, t: &Tok) -> bool {
        // A capitalized word is no lowercase particle: its class alone answers.
        if t.is_capitalized(self.text) {
            return self.tclass(t) & NOT_NAME == 0;
        }
        is_name_particle(self.text.as_bytes().get(t.start..t.end).unwrap_or_default())
    }

    /// A month that is also a name (`Theresa May`, `Ms. May`, `Ai Jun`): a name word
    /// when a first name or title goes before it, or when nothing but punctuation does
    /// (`,” May said`). After `in` or `since` it stays a month.
    fn month_as_name(&self, toks: &[Tok], k: usize) -> bool {
        toks.get(k).is_some_and(|t| self.name_like_month(t))
            && k.checked_sub(1).and_then(|p| toks.get(p)).is_none_or(|p| {
                p.kind != TokKind::Word
                    || (self.name_token(p) && !is_possessive(self.word(p)))
                    || self.tclass(p) & TITLE != 0
            })
    }

    /// A capitalized month that is also a first name or surname.
    #[inline]
    fn name_like_month(&self, t: &Tok) -> bool {
        // Each of them opens with `M`, `J` or `A`: most words are turned away on that.
        t.kind == TokKind::Word
            && matches!(self.text.as_bytes().get(t.start), Some(b'M' | b'J' | b'A'))
            && matches!(self.word(t), "May" | "June" | "April" | "August" | "Jun")
    }

    /// The speaker phrase of cue `i`.
    fn cue_speaker(&mut self, i: usize) -> Option<Np> {
        let c = self.cues[i];
        match c.form {
            CueForm::AccordingTo => self.forward_np(c.end, c.sentence_end),
            CueForm::Participle => {
                // `one of her ads asking, ...`: a phrase right before speaks.
                let floor = self
                    .last_region_end_before(c.sentence, c.start)
                    .max(c.start.saturating_sub(WINDOW_BYTES));
                let floor = self.floor_char_boundary(floor);
                let direct = self.with_tokens(floor, c.start, usize::MAX, |toks| {
                    let skip = toks.len().saturating_sub(WINDOW_TOKENS);
                    let toks = &toks[skip..];
                    match toks.last() {
                        Some(t) if t.kind == TokKind::Word => self.backward_np(toks),
                        _ => None,
                    }
                });
                direct.or_else(|| self.clause_subject(i))
            }
            CueForm::Finite => {
                let floor = self
                    .last_region_end_before(c.sentence, c.start)
                    .max(c.start.saturating_sub(WINDOW_BYTES));
                let floor = self.floor_char_boundary(floor);
                let mut toks = std::mem::take(&mut self.toks);
                tokenize(self.text, floor, c.start, usize::MAX, &mut toks);
                let skip = toks.len().saturating_sub(WINDOW_TOKENS);
                let after_comma = toks.last().is_some_and(|t| t.kind == TokKind::Comma);
                let np = self.backward_np(&toks[skip..]);
                self.toks = toks;
                // `..., noted NBC's Dante Chinni.` / `..., said Alan Abramowitz, a
                // demographer`: after a clause and its comma the speaker follows.
                if after_comma
                    && !np
                        .as_ref()
                        .is_some_and(|n| matches!(n.kind, NpKind::Named { .. }))
                    && let Some(fwd) = self.forward_np(c.end, c.sentence_end)
                    && matches!(fwd.kind, NpKind::Named { .. })
                {
                    return Some(fwd);
                }
                np.or_else(|| {
                    // Inverted order after a quotation or opening a sentence:
                    // `,” said Putin`, `Said Putin: “...”`.
                    let before = self.text.get(floor..c.start).unwrap_or("");
                    let inverted = before.trim_end().is_empty()
                        || before
                            .trim_end()
                            .trim_end_matches([',', ' '])
                            .chars()
                            .next_back()
                            .is_some_and(marks::is_quote_char);
                    if inverted {
                        self.forward_np(c.end, c.sentence_end)
                    } else if before.trim_end().ends_with(" and")
                        || before.trim_end().ends_with(" but")
                        || before.trim_end().ends_with(" then")
                        || before.trim_end().ends_with(" to")
                    {
                        // `The president noted ..., and added:` shares the subject.
                        self.clause_subject(i)
                    } else {
                        None
                    }
                })
            }
        }
    }

    /// The speaker of a cue with no subject of its own (`..., adding`, `and added`):
    /// the speaker of the previous finite cue in the sentence, else the sentence's
    /// opening name or pronoun.
    fn clause_subject(&mut self, i: usize) -> Option<Np> {
        let c = self.cues[i];
        if let Some(k) = i.checked_sub(1) {
            let prev = self.cues[k];
            if prev.start >= c.sentence
                && prev.form == CueForm::Finite
                && let Some(np) = self.cue_np(k)
            {
                return Some(np);
            }
        }
        let end = self
            .next_region_start_after(c.sentence, c.start)
            .min(c.start);
        self.with_token_stream(c.sentence, end, WINDOW_TOKENS, |toks| {
            self.sentence_subject(toks)
        })
    }

    fn floor_char_boundary(&self, mut i: usize) -> usize {
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// A pronoun or name opening a sentence (for participle cues).
    fn sentence_subject(&self, toks: &mut TokStream<'_>) -> Option<Np> {
        let t = (0..)
            .map_while(|k| toks.get(k))
            .find(|t| t.kind == TokKind::Word)?;
        if let Some(g) = pronoun(self.word(&t)) {
            return Some(Np {
                span: (t.start, t.end),
                kind: NpKind::Pronoun(g),
                descriptors: Descriptors::default(),
            });
        }
        self.subject_np(toks).map(|s| s.np).or_else(|| {
            // `And although he thanked them, he sounded ..., saying`: the first
            // pronoun standing as a subject.
            (0..12).map_while(|k| toks.get(k)).find_map(|t| {
                let w = self.word(&t);
                matches!(w, "he" | "she" | "He" | "She").then(|| Np {
                    span: (t.start, t.end),
                    kind: NpKind::Pronoun(pronoun(w).flatten()),
                    descriptors: Descriptors::default(),
                })
            })
        })
    }

    /// The noun phrase ending at the end of `toks` (the words just before a cue).
    fn backward_np(&self, toks: &[Tok]) -> Option<Np> {
        let mut i = toks.len();
        let mut skipped = 0;
        // Words between subject and verb: `he also said`, `Putin on Monday said`.
        while i > 0 && skipped < 4 {
            let t = toks[i - 1];
            if t.kind != TokKind::Word {
                break;
            }
            let w = self.word(&t);
            let c = self.tclass(&t);
            if t.is_lowercase(self.text) && (c & FILLER != 0 || (w.ends_with("ly") && w.len() > 4))
            {
                i -= 1;
                skipped += 1;
            } else if c & TIME != 0 {
                i -= 1;
                skipped += 1;
                if i > 0 && self.tclass(&toks[i - 1]) & TIME_PREPOSITION != 0 {
                    i -= 1;
                }
            } else {
                break;
            }
        }
        let toks = &toks[..i];
        let last = *toks.last()?;
        match last.kind {
            TokKind::Word => {
                match self.word(&last) {
                    "who" => return self.relative_np(&toks[..toks.len() - 1], true),
                    "which" => return self.relative_np(&toks[..toks.len() - 1], false),
                    _ => {}
                }
                if let Some(g) = pronoun(self.word(&last)) {
                    // `that he said` is fine; `told him he said` too.
                    return Some(Np {
                        span: (last.start, last.end),
                        kind: NpKind::Pronoun(g),
                        descriptors: Descriptors::default(),
                    });
                }
                let start = self.np_start(toks, toks.len());
                // `no one said`, `every one said`: nobody in particular.
                if start + 1 == toks.len()
                    && start > 0
                    && self.word(&last).eq_ignore_ascii_case("one")
                    && toks[start - 1].kind == TokKind::Word
                {
                    return None;
                }
                self.classify_np(&toks[start..])
            }
            TokKind::CloseParen => self.parenthesized_np(toks),
            TokKind::Comma => self.appositive_np(&toks[..toks.len() - 1]),
            _ => None,
        }
    }

    /// The phrase a relative pronoun ending `toks` stands for, as the speaker of the
    /// pronoun's verb: `Sanders, who says`, `the audit report, which notes`. After
    /// `who` only a person: the name ending the phrase (`a reply from Dana Kirwan
    /// who wrote`) or the name an appositive describes (`Scott Reed, the group's
    /// strategist, who added`). The object of a cue (`told a young woman who
    /// suggested`) is not taken: the cue before it is the sentence's own.
    fn relative_np(&self, toks: &[Tok], who: bool) -> Option<Np> {
        let (inner, comma) = match toks {
            [rest @ .., c] if c.kind == TokKind::Comma => (rest, true),
            _ => (toks, false),
        };
        if inner.last().is_none_or(|t| t.kind != TokKind::Word) {
            return None;
        }
        // `which` stands for the nearest thing (`voted for the resolution which
        // said`), `who` may stand for a person after a preposition (`a reply from
        // Dana Kirwan who wrote`).
        let start = if who {
            self.np_start(inner, inner.len())
        } else {
            self.np_start_simple(inner, inner.len())
        };
        if start
            .checked_sub(1)
            .and_then(|p| inner.get(p))
            .is_some_and(|t| {
                t.kind == TokKind::Word && self.lex.cue_at(self.text, t.start, t.end).is_some()
            })
        {
            return None;
        }
        let np = self.classify_np(inner.get(start..)?)?;
        if !who {
            return Some(np);
        }
        match np.kind {
            NpKind::Named { org: false, .. } => Some(np),
            NpKind::Nominal { .. } => {
                // The name ending the phrase: `a harsh response from Donald Trump Jr.`.
                let mut s = inner.len();
                while s > start && self.name_token(&inner[s - 1]) {
                    s -= 1;
                }
                let named = (s < inner.len() && s > start)
                    .then(|| self.classify_np(&inner[s..]))
                    .flatten()
                    .filter(|n| matches!(n.kind, NpKind::Named { org: false, .. }));
                if named.is_some() {
                    return named;
                }
                // `Scott Reed, the group's strategist, who`: the name before the
                // description.
                let described = comma
                    && start >= 2
                    && inner
                        .get(start - 1)
                        .is_some_and(|t| t.kind == TokKind::Comma)
                    && inner
                        .get(start)
                        .is_some_and(|t| self.tclass(t) & DETERMINER != 0);
                if described
                    && let Some(apposed) = self.appositive_np(inner)
                    && matches!(apposed.kind, NpKind::Named { org: false, .. })
                {
                    return Some(apposed);
                }
                None
            }
            _ => None,
        }
    }

    /// `Sen. Bernie Sanders (Vt.) said`: the phrase before a closing parenthesis.
    fn parenthesized_np(&self, toks: &[Tok]) -> Option<Np> {
        let last = toks.last()?;
        let open = toks
            .iter()
            .rposition(|t| t.kind == TokKind::OpenParen)
            .filter(|&o| toks.len() - o <= 12)?;
        let inner = &toks[..open];
        let start = self.np_start(inner, inner.len());
        let mut np = self.classify_np(inner.get(start..)?)?;
        np.span.1 = last.end;
        Some(np)
    }

    /// `Jaime Harrison, chair of the party, said` / `the chairman, Bob Corker, said`.
    fn appositive_np(&self, toks: &[Tok]) -> Option<Np> {
        let lo = toks.len().saturating_sub(LONG_APPOSITIVE_TOKENS);
        let mut k = None;
        for j in (lo..toks.len()).rev() {
            match toks[j].kind {
                TokKind::Comma => {
                    k = Some(j);
                    break;
                }
                // `Mitch Carlson, R-Ky., said`: the period of an abbreviation written
                // against its word ends no sentence.
                TokKind::Stop
                    if self.word(&toks[j]) == "."
                        && j > 0
                        && toks[j - 1].kind == TokKind::Word
                        && toks[j - 1].end == toks[j].start
                        && toks.get(j + 1).is_none_or(|t| t.kind == TokKind::Comma) => {}
                TokKind::Stop | TokKind::Quote | TokKind::Colon | TokKind::Semi => {
                    return None;
                }
                _ => {}
            }
        }
        let k = k?;
        let appositive = &toks[k + 1..];
        if appositive.len() > APPOSITIVE_TOKENS {
            return self.long_appositive_np(&toks[..k], appositive);
        }
        let mut before = &toks[..k];
        // `Beth Lowe, 20, a biology major, said`: an age between name and appositive.
        if let [rest @ .., comma, age] = before
            && comma.kind == TokKind::Comma
            && age.kind == TokKind::Word
            && (1..=3).contains(&self.word(age).len())
            && self.word(age).bytes().all(|b| b.is_ascii_digit())
        {
            before = rest;
        }
        let head = if before.last().is_some_and(|t| t.kind == TokKind::CloseParen) {
            self.parenthesized_np(before)
        } else {
            let start = self.np_start(before, before.len());
            let mut np = if start < before.len() {
                self.classify_np(&before[start..])
            } else {
                None
            };
            // `Scott Pruitt, the attorney general of Oklahoma, one of the states
            // suing, said`: a second appositive; the name stands before the first.
            if let Some(Np {
                kind: NpKind::Nominal { .. },
                span,
                ..
            }) = np
                && start >= 2
                && before[start - 1].kind == TokKind::Comma
                && appositive
                    .iter()
                    .any(|t| t.kind == TokKind::Word && t.is_lowercase(self.text))
            {
                let inner = &before[..start - 1];
                let s2 = self.np_start(inner, inner.len());
                // The name must open its phrase (`to the Observer, her adviser` is
                // an object).
                if s2 < inner.len()
                    && s2
                        .checked_sub(1)
                        .is_none_or(|p| inner[p].kind != TokKind::Word)
                    && let Some(mut named) = self.classify_np(&inner[s2..])
                    && matches!(named.kind, NpKind::Named { org: false, .. })
                {
                    named.descriptors.push(span);
                    np = Some(named);
                }
            }
            np
        };
        let words = match (appositive.first(), appositive.last()) {
            (Some(a), Some(b)) => Some((a.start, b.end)),
            _ => None,
        };
        match head {
            Some(mut np) if matches!(np.kind, NpKind::Named { .. } | NpKind::Pronoun(_)) => {
                if let Some(w) = words {
                    np.descriptors.push(w);
                }
                Some(np)
            }
            other => {
                // The name may be the appositive itself.
                if appositive.last().is_some_and(|t| self.name_token(t)) {
                    let s = self.np_start(appositive, appositive.len());
                    if let Some(mut np) = self.classify_np(&appositive[s..])
                        && matches!(np.kind, NpKind::Named { .. })
                    {
                        if let Some(h) = &other {
                            np.descriptors.push(h.span);
                        }
                        return Some(np);
                    }
                }
                other
            }
        }
    }

    /// `“...,” Whitfield, the party's candidate for governor and the polling leader
    /// in the north by a wide margin after the spring primaries, said`: a long
    /// appositive is taken only in this plain shape, a person's name right after a
    /// quotation or at the start of the sentence. Deeper in a sentence, a long
    /// stretch between commas is more often a clause (`..., a union that has
    /// endorsed him and that has been busing members, also said`) than a
    /// description of the speaker.
    fn long_appositive_np(&self, before: &[Tok], appositive: &[Tok]) -> Option<Np> {
        let start = self.np_start(before, before.len());
        if start >= before.len()
            || start
                .checked_sub(1)
                .is_some_and(|p| !matches!(before[p].kind, TokKind::Quote | TokKind::Stop))
        {
            return None;
        }
        let mut np = self.classify_np(&before[start..])?;
        if !matches!(np.kind, NpKind::Named { org: false, .. }) {
            return None;
        }
        if let (Some(a), Some(b)) = (appositive.first(), appositive.last()) {
            np.descriptors.push((a.start, b.end));
        }
        Some(np)
    }

    /// Index in `toks[..end]` where the noun phrase ending at `end` starts.
    fn np_start(&self, toks: &[Tok], end: usize) -> usize {
        let mut j = end;
        let mut words = 0;
        let mut extended = false;
        while j > 0 && words < 9 {
            let t = toks[j - 1];
            if t.kind != TokKind::Word {
                // `9/11 widow`, `Army-2023`: digits and slashes inside the phrase.
                break;
            }
            let w = self.word(&t);
            let c = self.tclass(&t);
            if c & DETERMINER != 0 {
                j -= 1;
                // `a spokesman for the Russian Defense Ministry`
                if !extended
                    && j >= 2
                    && toks[j - 1].kind == TokKind::Word
                    && matches!(
                        self.word(&toks[j - 1]),
                        "of" | "for" | "at" | "from" | "with" | "in"
                    )
                {
                    let before = j - 1;
                    let s = self.np_start_simple(toks, before);
                    if s < before {
                        j = s;
                        extended = true;
                        continue;
                    }
                }
                break;
            }
            if t.is_capitalized(self.text) {
                if c & NOT_NAME != 0 && c & TITLE == 0 && !self.month_as_name(toks, j - 1) {
                    break;
                }
            } else if c & NP_STOP != 0 || pronoun(w).is_some() || w.ends_with("ly") {
                break;
            }
            j -= 1;
            words += 1;
        }
        j
    }

    fn np_start_simple(&self, toks: &[Tok], end: usize) -> usize {
        let mut j = end;
        let mut words = 0;
        while j > 0 && words < 5 {
            let t = toks[j - 1];
            if t.kind != TokKind::Word {
                break;
            }
            let w = self.word(&t);
            let c = self.tclass(&t);
            if c & DETERMINER != 0 {
                return j - 1;
            }
            if c & NP_STOP != 0
                || pronoun(w).is_some()
                || (t.is_capitalized(self.text) && c & NOT_NAME != 0)
            {
                break;
            }
            j -= 1;
            words += 1;
        }
        j
    }

    /// The noun phrase right after a cue (inverted order, `according to`).
    fn forward_np(&self, from: usize, sentence_end: usize) -> Option<Np> {
        let end = self
            .next_region_start_after(from, sentence_end)
            .min(from + WINDOW_BYTES)
            .min(self.text.len());
        let end = self.floor_char_boundary(end);
        // Tokenized only as far as read: the phrase mostly ends within a few words.
        self.with_token_stream(from, end, 24, |toks| self.forward_np_in(toks))
    }

    fn forward_np_in(&self, toks: &mut TokStream<'_>) -> Option<Np> {
        let mut i = 0;
        // `said on Monday Putin` is rare; `said Monday` is not a speaker.
        let mut words = 0;
        let mut first_word = true;
        while words < 9 {
            let Some(t) = toks.get(i) else { break };
            if t.kind != TokKind::Word {
                break;
            }
            let w = self.word(&t);
            let c = self.tclass(&t);
            if t.is_lowercase(self.text) {
                if first_word && c & DETERMINER != 0 {
                    i += 1;
                    first_word = false;
                    continue;
                }
                if w == "of" && !first_word {
                    // `the director of the FBI`, `University of Michigan`.
                    let next_cap = |n: Option<Tok>| n.is_some_and(|n| n.is_capitalized(self.text));
                    let the = toks.get(i + 1).is_some_and(|n| self.word(&n) == "the");
                    if next_cap(toks.get(i + 1)) || (the && next_cap(toks.get(i + 2))) {
                        i += if the { 2 } else { 1 };
                        continue;
                    }
                    break;
                }
                if c & NP_STOP != 0
                    || is_forward_stop(w)
                    || w.ends_with("ly")
                    || (pronoun(w).is_some() && !first_word)
                {
                    break;
                }
                if let Some(g) = pronoun(w) {
                    return Some(Np {
                        span: (t.start, t.end),
                        kind: NpKind::Pronoun(g),
                        descriptors: Descriptors::default(),
                    });
                }
            } else if (c & NOT_NAME != 0 && c & TITLE == 0 && !self.month_as_name(toks.seen(), i))
                || c & TIME != 0
            {
                break;
            }
            first_word = false;
            words += 1;
            i += 1;
        }
        // Drop a trailing `of`.
        while i > 0 && toks.get(i - 1).is_some_and(|t| self.word(&t) == "of") {
            i -= 1;
        }
        if i == 0 {
            return None;
        }
        let mut np = self.classify_np(toks.slice(0, i))?;
        // `said Trump's campaign manager, Kellyanne Conway.`
        if matches!(np.kind, NpKind::Nominal { .. })
            && toks.get(i).is_some_and(|t| t.kind == TokKind::Comma)
        {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|t| self.name_token(&t)) {
                j += 1;
            }
            let ends = toks
                .get(j)
                .is_none_or(|t| matches!(t.kind, TokKind::Comma | TokKind::Stop));
            if j > i + 1
                && ends
                && let Some(named) = self.classify_np(toks.slice(i + 1, j))
                && matches!(named.kind, NpKind::Named { .. })
            {
                np = named;
            }
        }
        Some(np)
    }

    /// Names, pronouns and common noun phrases, from the words of a phrase.
    /// `toks` as a common noun phrase headed by `head`, definite when it opens with
    /// `the`; its text runs from after an opening determiner to the phrase's end.
    fn common_np(&self, toks: &[Tok], head: &Tok) -> Option<Np> {
        let (first, last) = (toks.first()?, toks.last()?);
        let definite = self.word(first).eq_ignore_ascii_case("the");
        let text_start = match toks.get(1) {
            Some(second) if self.tclass(first) & DETERMINER != 0 => second.start,
            _ => first.start,
        };
        Some(Np {
            span: (first.start, last.end),
            kind: NpKind::Nominal {
                head: (head.start, head.end),
                definite,
                text: (text_start, last.end),
            },
            descriptors: Descriptors::default(),
        })
    }

    /// The first token of `toks` that is `of`, `at` or `from`, and the first that
    /// is `of`, `for`, `at`, `from`, `with` or `in` (the prepositions that cut a
    /// phrase): one pass, each token told by its length and bytes.
    #[inline]
    fn first_prepositions(&self, toks: &[Tok]) -> (Option<usize>, Option<usize>) {
        let bytes = self.text.as_bytes();
        let mut any = None;
        for (k, t) in toks.iter().enumerate() {
            // A byte range equal to one of these ASCII words is on character
            // boundaries, so comparing bytes answers as comparing the token's text.
            let of_at_from = match bytes.get(t.start..t.end) {
                Some(b"of" | b"at" | b"from") => true,
                Some(b"for" | b"with" | b"in") => false,
                _ => continue,
            };
            if of_at_from {
                return (Some(k), any.or(Some(k)));
            }
            if any.is_none() {
                any = Some(k);
            }
        }
        (None, any)
    }

    fn classify_np(&self, toks: &[Tok]) -> Option<Np> {
        let first = toks.first()?;
        let last = toks.last()?;
        let span = (first.start, last.end);
        if toks.len() == 1
            && let Some(g) = pronoun(self.word(first))
        {
            return Some(Np {
                span,
                kind: NpKind::Pronoun(g),
                descriptors: Descriptors::default(),
            });
        }
        // `,” one said.`, `said another.`: an unnamed member of a group named before.
        // The words are the speaker's mention; `resolve` names nobody for them.
        if toks.len() == 1
            && UNNAMED_MEMBERS
                .iter()
                .any(|w| self.word(first).eq_ignore_ascii_case(w))
        {
            return Some(Np {
                span,
                kind: NpKind::Nominal {
                    head: span,
                    definite: false,
                    text: span,
                },
                descriptors: Descriptors::default(),
            });
        }
        // `Jeffrey Lewis of the James Martin Center`, `Del. Stacey Plaskett of the Virgin
        // Islands`: a person's name before `of`, `at` or `from` is the speaker and the
        // rest describes them.
        // The prepositions of both tests below, found in one pass.
        let (of_at_from, any_prep) = self.first_prepositions(toks);
        if let Some(p) = of_at_from
            && p > 0
            && self.name_token(&toks[p - 1])
            && !is_possessive(self.word(&toks[p - 1]))
            && let Some(mut head) = self.classify_np(&toks[..p])
            && matches!(head.kind, NpKind::Named { org: false, .. })
        {
            head.descriptors.push((toks[p].start, last.end));
            return Some(head);
        }
        let lw = self.word(last);
        // `The President`, `the Russian President`: a title alone is a role noun.
        let lc = self.tclass(last);
        let title_only = lc & ROLE != 0
            && toks
                .iter()
                .all(|t| self.tclass(t) & (TITLE | DETERMINER | ORG) != 0);
        if title_only {
            return self.common_np(toks, last);
        }
        // `a biology major from Mobile`, `the director of the FBI`: a common noun
        // before the preposition heads the phrase; the name after it is a place or
        // an employer. Only when the name is the preposition's whole object: in
        // `secretary of state Hillary Clinton` the name follows the title, and in `who
        // worked for Sen. Lamar Alexander` the word before is a verb. A group ending
        // the object of `for` is no person either (`a spokesman for committee
        // Democrats`); in `a chorus of prominent Republicans` the group speaks.
        let ends_with_group = lc & GROUP != 0;
        let common_head = any_prep
            .filter(|&p| {
                (ends_with_group && self.word(&toks[p]) == "for")
                    || toks[p + 1..]
                        .iter()
                        .skip_while(|t| self.tclass(t) & DETERMINER != 0)
                        .all(|t| self.name_token(t))
            })
            .and_then(|p| p.checked_sub(1))
            .is_some_and(|h| {
                let t = &toks[h];
                let w = self.word(t);
                t.kind == TokKind::Word
                    && !t.is_capitalized(self.text)
                    && self.tclass(t) & (NP_STOP | DETERMINER) == 0
                    && !w.ends_with("ed")
                    && !w.ends_with("ing")
            });
        if !common_head
            && (self.name_token(last) || self.month_as_name(toks, toks.len() - 1))
            && !is_possessive(lw)
            && lc & TIME == 0
        {
            // The name run at the end, then titles stripped from its front.
            let mut s = toks.len() - 1;
            while s > 0 && self.name_token(&toks[s - 1]) && !is_possessive(self.word(&toks[s - 1]))
            {
                s -= 1;
            }
            let run = &toks[s..];
            let mut name_from = 0;
            for (k, t) in run.iter().enumerate() {
                if k + 1 < run.len() && self.tclass(t) & TITLE != 0 {
                    name_from = k + 1;
                } else if k == name_from && run.len() - k >= 3 {
                    // `Democrat Hillary Clinton`, `Korean-born Monte Haines`: a role or
                    // an origin before a full name describes it.
                    let w = self.word(t);
                    if self.tclass(t) & ROLE != 0 || w.ends_with("-born") || w.ends_with("-based") {
                        name_from = k + 1;
                    }
                }
            }
            // Capitalized determiners and sentence openers at the front are not the name.
            while name_from + 1 < run.len() && self.tclass(&run[name_from]) & NOT_NAME != 0 {
                name_from += 1;
            }
            // `Republican Donald Trump`, `Russian Vladimir Putin`: a party or nation
            // before a full personal name describes it.
            while name_from + 1 < run.len()
                && self.tclass(&run[name_from]) & ORG != 0
                && (run.len() - name_from > 2
                    || self.tclass(&run[name_from + 1]) & (MALE | FEMALE) != 0)
                && !run[name_from + 1..]
                    .iter()
                    .any(|t| self.tclass(t) & ORG != 0)
            {
                name_from += 1;
            }
            let name_toks = &run[name_from..];
            // `one senior Democrat`, `the Texan`, `of Republican claims`: a party or
            // nationality word, singular or an adjective, names a member of a group,
            // not a person; the phrase is a common one (`Democrats` stays a group).
            if ends_with_group
                && !lw.ends_with('s')
                && name_toks.iter().all(|t| self.tclass(t) & GROUP != 0)
                && !toks[..s + name_from]
                    .iter()
                    .any(|t| self.tclass(t) & TITLE != 0)
            {
                return self.common_np(toks, last);
            }
            let descriptors = match (toks.first(), toks[..s + name_from].last()) {
                (Some(a), Some(b)) => Descriptors::one((a.start, b.end)),
                _ => Descriptors::default(),
            };
            let org = self.org_name_toks(name_toks);
            return Some(Np {
                span,
                kind: NpKind::Named {
                    name: (name_toks.first()?.start, name_toks.last()?.end),
                    org,
                },
                descriptors,
            });
        }
        // The head of `a spokesman for the ministry` is `spokesman`, of `the mother of
        // three` is `mother`, of `a staffer in the room` is `staffer`.
        let head = any_prep
            .and_then(|p| p.checked_sub(1))
            .map_or(*last, |p| toks[p]);
        let lowerish = head.kind == TokKind::Word && !head.is_capitalized(self.text);
        if lowerish && self.tclass(&head) & (NP_STOP | DETERMINER) == 0 {
            return self.common_np(toks, &head);
        }
        None
    }

    /// The person (or organization) a named phrase refers to, registered by its
    /// canonical name.
    /// Speakers get their name looked up over the whole document; other mentions only
    /// among the names met so far.
    fn person_for(&mut self, np: &Np, speaker: bool) -> Option<usize> {
        let NpKind::Named { name, org } = np.kind else {
            return None;
        };
        let raw = self.text.get(name.0..name.1)?;
        self.canon_at = name.0;
        let key = hash_str(raw);
        let known = self
            .by_written
            .get(&key)
            .filter(|&&(_, a, b)| self.text.get(a..b) == Some(raw))
            .map(|&(id, _, _)| id);
        if let Some(id) = known {
            // What the descriptors say can only change a person not yet known to be
            // one or with no gender yet: most repeated mentions skip reading them.
            let p = &self.persons[id];
            let (gender_hint, has_title) =
                if p.gender.is_none() || !(p.org || p.person_like || p.placeish) {
                    self.descriptor_info(np.descriptors.as_slice())
                } else {
                    (None, false)
                };
            let p = &mut self.persons[id];
            let placeish = p.placeish;
            if p.gender.is_none() && gender_hint.is_some() {
                p.gender = gender_hint;
                p.named_gender = true;
            }
            if !p.org && (has_title || gender_hint.is_some() || (speaker && !raw.contains(' '))) {
                p.person_like |= !placeish;
            }
            for &d in np.descriptors.as_slice() {
                p.descriptors.add(d);
            }
            return Some(id);
        }
        let (gender_hint, has_title) = self.descriptor_info(np.descriptors.as_slice());
        let mut org = org;
        // The name is copied once, into the person's shared name, and only when it
        // is not known already.
        let cleaned = clean_name_cow(raw);
        // A name that needed no cleaning is handed to the search for a fuller form as
        // clean (cleaning a cleaned name again may trim it further, so only then).
        let clean = matches!(cleaned, Cow::Borrowed(_));
        let canonical: Rc<str> = if org {
            // `West landed a sharp dig`: a surname that also names places, when the
            // document names a person with it (`Cornel West`).
            if !cleaned.contains(' ') && self.lex.is_name_like_org_word(&cleaned) {
                let full = self.canonical(&cleaned, clean, gender_hint);
                if full.contains(' ') {
                    org = false;
                    full
                } else {
                    Rc::from(&*cleaned)
                }
            } else {
                Rc::from(&*cleaned)
            }
        } else if cleaned.contains(' ') {
            // A name of several words is taken as written: looking for a fuller
            // form costs a scan of the text and rarely finds one.
            Rc::from(&*cleaned)
        } else {
            match self.surnames.get(&*cleaned) {
                Some(known) => known.clone(),
                None => self.canonical(&cleaned, clean, gender_hint),
            }
        };
        let (words, first_word, last_word) = word_summary(&canonical);
        if !org
            && words >= 2
            && let Some(last) = last_word
        {
            let longer = self
                .surnames
                .get(last)
                .is_none_or(|known| self::words(known).count() < words);
            if longer {
                let start = last.as_ptr() as usize - canonical.as_ptr() as usize;
                let word = NameWord {
                    name: canonical.clone(),
                    start,
                    end: start + last.len(),
                };
                self.surnames.insert(word, canonical.clone());
            }
        }
        // A surname that also names places stays a person's (`Cornel West`).
        let converted = np_org_flag(np) && !org;
        // The surname is read across the document only if nothing else settles
        // whether this is a person: it costs a search of the text.
        let surname = last_word.map_or(0..0, |last| {
            let start = last.as_ptr() as usize - canonical.as_ptr() as usize;
            start..start + last.len()
        });
        // What the name's words say (a place's or an organization's words) is read
        // once per person: it depends on the name alone.
        let (id, name_org) = match self.person_ids.get(&*canonical) {
            Some(&id) => (id, self.persons[id].name_org),
            None => {
                let id = self.persons.len();
                let name_org = self.org_name_of(self::words(&canonical), words);
                let group = canonical
                    .get(surname.clone())
                    .is_some_and(|w| self.lex.is_group_word(w));
                self.persons.push(Person {
                    name: canonical.clone(),
                    gender: None,
                    named_gender: false,
                    org,
                    group,
                    placeish: !converted && name_org,
                    name_org,
                    person_like: false,
                    descriptors: PersonDescriptors::EMPTY,
                });
                self.person_ids.insert(canonical.clone(), id);
                (id, name_org)
            }
        };
        let placeish = !converted && name_org;
        // The first name's gender is looked up only for a person with none yet.
        if self.persons[id].gender.is_none()
            && let Some(g) =
                gender_hint.or_else(|| first_word.and_then(|f| self.lex.first_name_gender(f)))
        {
            let p = &mut self.persons[id];
            p.gender = Some(g);
            p.named_gender = true;
        }
        let p = &mut self.persons[id];
        let settled = p.person_like
            || has_title
            || p.gender.is_some()
            || (speaker && words <= 3)
            || (2..=3).contains(&words);
        if !org
            && !placeish
            && (settled
                || self
                    .name_evidence(canonical.get(surname).unwrap_or(""))
                    .person())
        {
            self.persons[id].person_like = true;
        }
        let p = &mut self.persons[id];
        for &d in np.descriptors.as_slice() {
            p.descriptors.add(d);
        }
        self.by_written.insert(key, (id, name.0, name.1));
        Some(id)
    }

    /// The fullest form of `name` used in the document, titles stripped; `clean`: the
    /// name needs no cleaning.
    fn canonical(&mut self, name: &str, clean: bool, gender: Option<bool>) -> Rc<str> {
        let name = if clean {
            Cow::Borrowed(name)
        } else {
            clean_name_cow(name)
        };
        if let Some(c) = self.canon_cache.get(&*name) {
            return c.clone();
        }
        if self.canon_cache.len() >= MAX_CANONICAL {
            return Rc::from(&*name);
        }
        let (parts_len, Some(first), Some(last)) = word_summary(&name) else {
            return Rc::from(&*name);
        };
        let mut best: Option<(usize, Cow<'a, str>)> = None;
        let text = self.text;
        // A full name is usually repeated as written: the first forms read are kept.
        let mut seen_forms: [&str; 8] = [""; 8];
        let mut seen = 0usize;
        let mut uses = std::mem::take(&mut self.name_uses);
        // The uses before the mention all lie in paragraphs up to the mention's, the
        // others in paragraphs from the mention's on.
        let (mention_para_start, mention_para_end) = self
            .paragraphs
            .get(self.paragraph_index(self.canon_at))
            .map_or((0, text.len()), |p| (p.start, p.end));
        // News introduces a person by full name before using the surname alone, so the
        // uses before the mention are read first, the later ones only if that fails
        // (and only then are the later paragraphs read for runs).
        for before_pass in [true, false] {
            let within = if before_pass {
                0..mention_para_end
            } else {
                mention_para_start..text.len()
            };
            // Only names of several words are fuller forms.
            self.multiword_runs_ending_with(last, within, &mut uses);
            // Read after the mention only, a bare surname takes its gender from the
            // titles the story gives it (`Mr. Obama`), so that a later `Michelle
            // Obama` is not taken for `President Obama`. Titles of both genders for
            // the surname say nothing.
            let gender = match gender {
                None if !before_pass && parts_len == 1 => self.title_gender_of(&uses, last),
                known => known,
            };
            let mut classified = 0usize;
            for &run in &uses {
                let (start, end) = run.span();
                if (start < self.canon_at) != before_pass
                    || run.words < 2
                    || run.last_word(text) != last
                {
                    continue;
                }
                // A full name is usually repeated as written: read each form once.
                let form = text.get(start..end).unwrap_or("");
                if seen_forms.get(..seen).unwrap_or_default().contains(&form) {
                    continue;
                }
                if let Some(slot) = seen_forms.get_mut(seen) {
                    *slot = form;
                    seen += 1;
                }
                classified += 1;
                if classified > MAX_CLASSIFIED {
                    break;
                }
                let Some(np) = self.with_tokens(start, end, 16, |toks| self.classify_np(toks))
                else {
                    continue;
                };
                let NpKind::Named { name: span, .. } = np.kind else {
                    continue;
                };
                let candidate = clean_name_cow(text.get(span.0..span.1).unwrap_or(""));
                let (clen, cfirst, clast) = word_summary(&candidate);
                if clast != Some(last) || clen < parts_len {
                    continue;
                }
                if parts_len > 1 && cfirst != Some(first) {
                    continue;
                }
                // The surname itself may be a word that also names places (`West`).
                let named_by = if self.lex.is_name_like_org_word(last) && clen > 1 {
                    clen - 1
                } else {
                    clen
                };
                if self.org_name_of(words(&candidate).take(named_by), named_by) {
                    continue;
                }
                if let (Some(g), Some(f)) =
                    (gender, cfirst.and_then(|f| self.lex.first_name_gender(f)))
                    && g != f
                    && clen > 1
                {
                    continue;
                }
                if run.flags & scan::INITIAL != 0
                    && cfirst.is_some_and(|f| self.suspicious_opener(f))
                {
                    continue;
                }
                // Only a fuller form is worth taking: the same name under a title
                // (`Mayor Brandt`) must not stop the search for `Tomas Brandt`.
                if clen > parts_len && best.as_ref().is_none_or(|(n, _)| clen > *n) {
                    best = Some((clen, candidate));
                }
            }
            if best.is_some() {
                break;
            }
        }
        self.name_uses = uses;
        let result: Rc<str> = Rc::from(best.as_ref().map_or(&*name, |(_, c)| &**c));
        let key = if best.is_some() {
            Rc::from(&*name)
        } else {
            result.clone()
        };
        self.canon_cache.insert(key, result.clone());
        result
    }

    /// The gender the titles before `surname` imply over the runs `uses` (`Mr.
    /// Obama`, `Mrs. Clinton`), when they all agree.
    fn title_gender_of(&self, uses: &[Run], surname: &str) -> Option<bool> {
        let mut found: Option<bool> = None;
        for run in uses {
            let (start, end) = run.span();
            let Some(form) = self.text.get(start..end) else {
                continue;
            };
            let mut words = form.split(' ');
            let (Some(title), Some(name), None) = (words.next(), words.next(), words.next()) else {
                continue;
            };
            if name != surname {
                continue;
            }
            if let Some(g) = self.lex.title_gender(title) {
                match found {
                    Some(f) if f != g => return None,
                    _ => found = Some(g),
                }
            }
        }
        found
    }

    /// The speaker a phrase names: a canonical name, a resolved pronoun or role noun,
    /// or a common noun phrase as written.
    fn resolve(&mut self, np: &Np) -> Option<Rc<str>> {
        match np.kind {
            NpKind::Named { .. } => {
                let id = self.person_for(np, true)?;
                Some(self.persons[id].name.clone())
            }
            NpKind::Pronoun(gender) => {
                if !self.settings.resolve {
                    return None;
                }
                let w = self.text.get(np.span.0..np.span.1).unwrap_or("");
                let want_org = w.eq_ignore_ascii_case("it");
                if !(w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she") || want_org) {
                    return None;
                }
                let id = self.antecedent(np.span.0, false, |_, p| {
                    if want_org {
                        p.org && !p.group
                    } else {
                        p.person_like && (p.gender.is_none() || p.gender == gender)
                    }
                })?;
                if !want_org && self.persons[id].gender.is_none() {
                    self.persons[id].gender = gender;
                }
                Some(self.persons[id].name.clone())
            }
            NpKind::Nominal {
                head,
                definite,
                text,
            } => {
                let written = self.text.get(text.0..text.1)?;
                // `one said`: the mention is kept, but it names nobody.
                if UNNAMED_MEMBERS
                    .iter()
                    .any(|w| written.eq_ignore_ascii_case(w))
                {
                    return None;
                }
                // `a Democrat`, `the Texan`: a member of a group is named only when
                // resolved; the group word alone is no speaker's name.
                let member = self
                    .text
                    .get(head.0..head.1)
                    .is_some_and(|h| !h.ends_with('s') && self.lex.is_group_word(h));
                let written = (!member).then(|| Rc::from(written));
                if !self.settings.resolve || !definite {
                    return written;
                }
                match self.role_referent(np.span.0, head, text) {
                    Some(id) => Some(self.persons[id].name.clone()),
                    None => written,
                }
            }
        }
    }

    /// The person a definite role noun (`the senator`, `the Russian leader`) at `pos`
    /// stands for: the last person the text described with that role (`Sen. Maria
    /// Lopez`, `Lopez, the senator,`), else, for generic roles, the last speaker.
    fn role_referent(
        &mut self,
        pos: usize,
        head: (usize, usize),
        phrase: (usize, usize),
    ) -> Option<usize> {
        let head_start = head.0;
        let head = self.text.get(head.0..head.1)?;
        if !self.lex.is_role(head) {
            return None;
        }
        // Most role nouns are written in lowercase already: no copy is made of them.
        let head: Cow<'_, str> = if head.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            Cow::Owned(head.to_lowercase())
        } else {
            Cow::Borrowed(head)
        };
        let gender = self.lex.title_gender(&head);
        let compatible = |p: &Person| {
            p.person_like && (gender.is_none() || p.gender.is_none() || p.gender == gender)
        };
        let text = self.text;
        // `the former president` is not the sitting one.
        let former = text.get(phrase.0..phrase.1).is_some_and(|t| {
            t.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("former"))
        });
        // The short forms of the role (`Sen.` for `senator`), looked up once here
        // rather than for every word of every descriptor read below.
        let mut shorts = [""; 8];
        for (slot, (short, _)) in shorts
            .iter_mut()
            .zip(ROLE_SHORT_FORMS.iter().filter(|(_, full)| *full == head))
        {
            *slot = short;
        }
        let matches_role = |w: &str| {
            w.eq_ignore_ascii_case(&head)
                || shorts
                    .iter()
                    .any(|s| !s.is_empty() && w.eq_ignore_ascii_case(s))
        };
        let described = |p: &Person| {
            p.descriptors.as_slice().iter().any(|&(a, b)| {
                let d = text.get(a..b).unwrap_or("");
                let mut prev = "";
                let mut found = false;
                let mut was_former = false;
                for_each_role_word(d, |w| {
                    if w.eq_ignore_ascii_case("former") || w.eq_ignore_ascii_case("ex") {
                        was_former = true;
                    }
                    // `Vice President`, `Deputy Director`: another role.
                    if !found
                        && matches_role(w)
                        && !ROLE_MODIFIERS.iter().any(|m| prev.eq_ignore_ascii_case(m))
                    {
                        found = true;
                    }
                    prev = w;
                });
                found && (was_former || !former)
            })
        };
        // A walk meets the same people again and again (a story's main figure in
        // most of its sentences): whether one is described with the role is worked
        // out once per person, and again only when a descriptor was added to them
        // (descriptors are only ever appended). Per person: 0 while unknown, else
        // `(descriptors + 1) << 1 | described`.
        let memo = RefCell::new(std::mem::take(&mut self.described_memo));
        memo.borrow_mut().clear();
        let described_once = |id: usize, p: &Person| {
            let stamp = (p.descriptors.len() as u32 + 1) << 1;
            let mut memo = memo.borrow_mut();
            if let Some(&e) = memo.get(id)
                && e & !1 == stamp
            {
                return e & 1 == 1;
            }
            let found = described(p);
            if memo.len() <= id {
                memo.resize(id + 1, 0);
            }
            if let Some(slot) = memo.get_mut(id) {
                *slot = stamp | u32::from(found);
            }
            found
        };
        self.role_depth += 1;
        let mut found = self.antecedent(pos, false, |id, p| compatible(p) && described_once(id, p));
        // `the vice president`: the title search below reads the role word alone.
        let modified_role = text.get(phrase.0..head_start).is_some_and(|before| {
            before
                .split_whitespace()
                .next_back()
                .is_some_and(|w| ROLE_MODIFIERS.iter().any(|m| w.eq_ignore_ascii_case(m)))
        });
        if found.is_none() && !modified_role {
            // The walk reads subjects and the speakers of cues near quotations; a
            // person introduced elsewhere (`..., police chief Viktor Kellerman
            // confirmed.`, `lawmakers accused Sen. Maria Lopez of ...`) is found by
            // the role written before their name.
            let words = std::iter::once(head.as_ref()).chain(shorts.iter().copied());
            found = self.titled_name_before(pos, phrase.0, words, former, &compatible);
        }
        if found.is_none() && self.lex.is_generic_role(&head) {
            found = self.antecedent(pos, !former, |_, p| compatible(p));
        }
        self.role_depth -= 1;
        self.described_memo = memo.into_inner();
        found
    }

    /// The person whose name follows one of `roles` as a title (`police chief Viktor
    /// Kellerman`, `Sen. Lopez`) most recently before `pos`, within
    /// [`LOOKBACK_BYTES`], outside quotations and the mention itself (which starts at
    /// `mention`), that `ok` accepts. The role becomes one of the person's descriptors.
    /// `former` says whether the mention is of a former holder of the role: only a
    /// title that says so too (`former Gov. Ortiz`) names one. Titles after `vice`,
    /// `deputy`... name another role.
    fn titled_name_before<'r>(
        &mut self,
        pos: usize,
        mention: usize,
        roles: impl Iterator<Item = &'r str>,
        former: bool,
        ok: &impl Fn(&Person) -> bool,
    ) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let floor = pos.saturating_sub(LOOKBACK_BYTES);
        let end = mention.min(pos);
        // A few of the latest titled names per role word, latest first overall.
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        let hay = bytes.get(floor..end).unwrap_or_default();
        const LONGEST_ROLE: usize = 32;
        let mut capitalized = [0u8; LONGEST_ROLE];
        for role in roles.filter(|r| !r.is_empty() && r.len() <= LONGEST_ROLE) {
            // Titles are written in lowercase (`police chief Ortiz`) or capitalized
            // (`Police Chief Ortiz`, `Sen. Lopez`); role words are listed in lowercase.
            let lower = role.as_bytes();
            let upper = capitalized.get_mut(..lower.len()).unwrap_or_default();
            upper.copy_from_slice(lower);
            if let Some(c) = upper.first_mut() {
                c.make_ascii_uppercase();
            }
            for form in [lower, &*upper] {
                // The forward search is the vectorized one; the window holds few
                // occurrences, of which the last four titled ones are kept.
                let from = hits.len();
                for i in memchr::memmem::find_iter(hay, form) {
                    let at = floor + i;
                    if let Some(after) = titled_word_at(bytes, at, role) {
                        if hits.len() - from == 4 {
                            hits.remove(from);
                        }
                        hits.push((at, at + role.len(), after));
                    }
                }
            }
        }
        hits.sort_unstable_by_key(|h| std::cmp::Reverse(h.0));
        for (role_start, role_end, name_start) in hits {
            if self.inside_quotation(role_start) {
                continue;
            }
            let before = text
                .get(floor.max(role_start.saturating_sub(24))..role_start)
                .unwrap_or("");
            let mut prev = before
                .split(|c: char| !is_alphanumeric(c))
                .filter(|w| !w.is_empty())
                .rev();
            let (w1, w2) = (prev.next().unwrap_or(""), prev.next().unwrap_or(""));
            if ROLE_MODIFIERS.iter().any(|m| w1.eq_ignore_ascii_case(m)) {
                continue;
            }
            let was_former = [w1, w2]
                .iter()
                .any(|w| w.eq_ignore_ascii_case("former") || w.eq_ignore_ascii_case("ex"));
            if former && !was_former {
                continue;
            }
            let (first, last) = self.paragraph_runs(self.paragraph_index(name_start));
            let runs = self.runs.get(first..last).unwrap_or_default();
            let k = runs.partition_point(|r| (r.start as usize) <= name_start);
            let Some(ri) = k.checked_sub(1).map(|k| first + k) else {
                continue;
            };
            if self
                .runs
                .get(ri)
                .is_none_or(|r| (r.end as usize) <= name_start)
            {
                continue;
            }
            let Some(mut np) = self.run_np(ri) else {
                continue;
            };
            if !matches!(np.kind, NpKind::Named { org: false, .. }) || np.span.1 > pos {
                continue;
            }
            if !np
                .descriptors
                .as_slice()
                .iter()
                .any(|&(a, b)| a <= role_start && role_end <= b)
            {
                np.descriptors.push((role_start, role_end));
            }
            if let Some(id) = self.person_for(&np, false)
                && self.persons.get(id).is_some_and(ok)
            {
                return Some(id);
            }
        }
        None
    }

    /// Whether `pos` lies inside a quotation region.
    fn inside_quotation(&self, pos: usize) -> bool {
        let i = self.regions.partition_point(|r| r.1 <= pos);
        self.regions.get(i).is_some_and(|r| r.0 <= pos)
    }

    /// What the uses of a surname across the document say about it.
    fn name_evidence(&mut self, surname: &str) -> Evidence {
        let text = self.text;
        // With no more occurrences than uses are read at most, no use is cut off,
        // and an occurrence whose use could say nothing (see
        // [`Analyzer::use_adds_nothing`]) needs no paragraph read: the uses that do
        // say something are met in the same order.
        let occurrences = self.take_occurrences(surname, text.len());
        if occurrences.at.len() > MAX_OCCURRENCES {
            self.occurrences = occurrences;
            return self.name_evidence_of_all(surname);
        }
        let mut ev = Evidence::default();
        let mut last_para = usize::MAX;
        for &at in &occurrences.at {
            if self.use_adds_nothing(at, surname.len()) {
                continue;
            }
            let Some((a, b)) = self.runs_of_new_paragraph(at, &mut last_para) else {
                continue;
            };
            for run in self.runs.get(a..b).unwrap_or_default() {
                if run.flags & scan::HEADLINE == 0 && run.last_word(text) == surname {
                    self.add_evidence(&mut ev, run);
                }
            }
            // Only `person()` is asked for, an `or` of the flags: once it holds, no
            // later use can change the answer, and the paragraphs after are not read.
            if ev.person() {
                break;
            }
        }
        self.occurrences = occurrences;
        ev
    }

    /// [`Analyzer::name_evidence`] of a surname with more occurrences than are read:
    /// every paragraph with one is read, in order, until enough uses are.
    fn name_evidence_of_all(&mut self, surname: &str) -> Evidence {
        let mut ev = Evidence::default();
        let mut read = 0usize;
        self.paragraphs_ending_runs_with(surname, 0..self.text.len(), |a, uses| {
            for ri in uses {
                if read >= MAX_OCCURRENCES {
                    return false;
                }
                read += 1;
                if let Some(run) = a.runs.get(ri) {
                    a.add_evidence(&mut ev, run);
                }
            }
            !ev.person()
        });
        ev
    }

    /// What one use of a surname (`run`, a capitalized run ending with it) says.
    fn add_evidence(&self, ev: &mut Evidence, run: &Run) {
        let flags = run.flags;
        if flags & scan::IN_QUOTE == 0 {
            ev.speaker |= flags & scan::NEXT_TO_CUE != 0;
            // Capitalized inside a sentence: a proper noun.
            ev.proper |= flags & scan::INITIAL == 0;
        }
        if run.words >= 2 {
            let (start, end) = run.span();
            let first = self
                .text
                .get(start..end)
                .and_then(|r| r.split([' ', '.']).next())
                .unwrap_or("");
            if self.lex.is_title(first) {
                ev.titled = true;
            } else if self.lex.is_first_name(first) {
                ev.first_name = true;
            }
        }
    }

    /// Whether the `len` bytes at `at`, if they are the last word of a run at all,
    /// make a use that says nothing: a word alone (no name word or particle before
    /// it), outside quotations, opening its sentence, with no cue next to it. The
    /// tests are those of the run reader: sentence openers as
    /// `scan::SentenceStart` tells them, cues next to a run as `paragraph_runs`
    /// flags them.
    fn use_adds_nothing(&self, at: usize, len: usize) -> bool {
        let text = self.text;
        let bytes = text.as_bytes();
        if self.inside_quotation(at) || may_end_multiword_run(self.lex, bytes, at) {
            return false;
        }
        // Only punctuation between the sentence's start and the word.
        let (sentence, _) = self.sentence_of(at);
        if sentence > at
            || !text.is_char_boundary(sentence)
            || !text.is_char_boundary(at)
            || bytes
                .get(sentence..at)
                .is_none_or(|b| b.iter().any(u8::is_ascii_alphanumeric))
        {
            return false;
        }
        // No cue right after the word, or ending right before it, a space apart.
        let end = at + len;
        let k = self.found.partition_point(|&(cs, _, _)| cs < at);
        let after = self
            .found
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(cs, _, _)| cs <= end + 1)
            .any(|&(cs, _, _)| text.get(end..cs) == Some(" "));
        let before = k
            .checked_sub(1)
            .and_then(|j| self.found.get(j))
            .is_some_and(|&(_, ce, _)| text.get(ce..at) == Some(" "));
        !after && !before
    }

    /// The most recent person mentioned before `pos` that `ok` accepts. Sentences are
    /// read backwards; in each, its subject comes first, then the speakers of its cues
    /// from the last, then a possessive owner. With `speakers_only`, subjects are
    /// skipped. At most [`MAX_LOOKBACK`] mentions within [`LOOKBACK_BYTES`].
    fn antecedent(
        &mut self,
        pos: usize,
        speakers_only: bool,
        ok: impl Fn(usize, &Person) -> bool,
    ) -> Option<usize> {
        let mut bi = self.breaks.partition_point(|&b| b <= pos);
        let mut ci = self.cues.partition_point(|c| c.start < pos);
        let floor = pos.saturating_sub(LOOKBACK_BYTES);
        // Names that are neither subjects nor speakers count only close by.
        let para = self.paragraph_index(pos);
        let object_floor = self
            .paragraphs
            .get(para.saturating_sub(OBJECT_PARAGRAPHS))
            .map_or(0, |p| p.start);
        let mut seen = 0;
        while bi > 0 && seen < MAX_LOOKBACK {
            bi -= 1;
            let start = self.breaks[bi];
            if start < floor {
                break;
            }
            if !speakers_only {
                seen += 1;
            }
            // The sentence's cues, latest first: those of its main clause (`..., said
            // Ortiz`) come before its subject, those of a subordinate clause (`when
            // Tapper asked`) after it.
            let first_cue = ci;
            while ci > 0 && self.cues[ci - 1].start >= start {
                ci -= 1;
            }
            seen += first_cue - ci;
            // The subject is worked out (once per sentence; it depends on the text
            // alone) only when no main-clause cue has answered.
            let mut subject: Option<Option<Subject>> = None;
            for pass in 0..2 {
                for k in (ci..first_cue).rev() {
                    let Some(np) = self.cue_np(k) else { continue };
                    if self.cue_subordinate(k, start, &np) != (pass == 1) {
                        continue;
                    }
                    // `that Tom Hale, who has called the plan a hoax, could win`: the
                    // speaker of a relative clause is often not who the text goes
                    // on about; such a cue lends its speaker to its quotation only.
                    if pass == 1 && self.relative_cue(&np, self.cues[k].start) {
                        continue;
                    }
                    if let Some(id) = self.candidate(&np, pos, true, &ok) {
                        return Some(id);
                    }
                }
                if pass == 0 {
                    let found = if speakers_only {
                        None
                    } else {
                        let s = self.subject_at(bi);
                        let strong = s.as_ref().filter(|s| !s.weak).map(|s| s.np.clone());
                        subject = Some(s);
                        strong.and_then(|np| self.candidate(&np, pos, false, &ok))
                    };
                    if let Some(id) = found {
                        return Some(id);
                    }
                }
            }
            let subject = subject.flatten();
            let pronoun_subject = subject
                .as_ref()
                .is_some_and(|s| matches!(s.np.kind, NpKind::Pronoun(_)));
            let weak = subject.filter(|s| s.weak).map(|s| s.np);
            if let Some(id) = weak.and_then(|np| self.candidate(&np, pos, false, &ok)) {
                return Some(id);
            }
            // Other names in the sentence, last first (`It became an issue, with
            // Hillary Clinton lambasting the plan.`), unless a pronoun subject carries
            // the person talked about on.
            if speakers_only || pronoun_subject || start < object_floor {
                continue;
            }
            let end = self
                .breaks
                .get(bi + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .min(pos);
            // The sentence lies in one paragraph, whose runs are in text order.
            let (first, last) = self.paragraph_gap_runs(self.paragraph_index(start));
            let para = self.runs.get(first..last).unwrap_or_default();
            let lo = first + para.partition_point(|r| (r.start as usize) < start);
            let hi = first + para.partition_point(|r| (r.start as usize) < end);
            for ri in (lo..hi).rev() {
                let run = self.runs[ri];
                if run.flags & (scan::IN_QUOTE | scan::HEADLINE) != 0 || run.end as usize > pos {
                    continue;
                }
                seen += 1;
                let Some(np) = self.run_np(ri) else {
                    continue;
                };
                // Places and things are named this way too: only a name known to be
                // a man's or a woman's is taken.
                if let Some(id) = self.candidate(&np, pos, false, &ok)
                    && self.persons[id].named_gender
                {
                    return Some(id);
                }
            }
        }
        None
    }

    /// [`Analyzer::subordinate`] for cue `k` in the sentence starting at `sentence`,
    /// worked out once: every antecedent walk through the sentence asks again.
    fn cue_subordinate(&mut self, k: usize, sentence: usize, np: &Np) -> bool {
        if self.cue_subs.len() != self.cues.len() {
            self.cue_subs.clear();
            self.cue_subs.resize(self.cues.len(), (usize::MAX, false));
        }
        if let Some(&(s, sub)) = self.cue_subs.get(k)
            && s == sentence
        {
            return sub;
        }
        let cue = self.cues.get(k).map_or(0, |c| c.start);
        let sub = self.subordinate(sentence, np, cue);
        if let Some(slot) = self.cue_subs.get_mut(k) {
            *slot = (sentence, sub);
        }
        sub
    }

    /// The phrase capitalized run `ri` reads as (memoized: antecedent walks read the
    /// same names again for every pronoun after them).
    fn run_np(&mut self, ri: usize) -> Option<Np> {
        // Runs are read paragraph by paragraph: the memo grows with them.
        if self.run_nps.len() < self.runs.len() {
            self.run_nps.resize(self.runs.len(), u32::MAX);
        }
        match self.run_nps.get(ri).copied() {
            Some(u32::MAX) | None => {}
            Some(k) => return self.run_np_values.get(k as usize).cloned().flatten(),
        }
        let (a, b) = self.runs.get(ri)?.span();
        let np = self.with_tokens(a, b, 16, |toks| self.classify_np(toks));
        if let Some(slot) = self.run_nps.get_mut(ri) {
            *slot = self.run_np_values.len() as u32;
            self.run_np_values.push(np.clone());
        }
        np
    }

    /// Whether a relative pronoun stands between a cue's speaker phrase and the cue,
    /// with at most two words after it (`Sanders, who says`, `Hale, who has long
    /// called`).
    fn relative_cue(&self, np: &Np, cue: usize) -> bool {
        // Three words of the relative clause fit in the last 24 bytes before the cue;
        // most cues follow their speaker with nothing or a space between.
        let from = self.floor_char_boundary(cue.saturating_sub(24).max(np.span.1.min(cue)));
        let between = self.text.get(from..cue).unwrap_or("");
        if between.len() < 4 || !between.as_bytes().windows(2).any(|w| w == b"wh") {
            return false;
        }
        between
            .rsplit(|c: char| !is_alphanumeric(c))
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| matches!(w, "who" | "which"))
    }

    /// Whether a cue's speaker phrase opens a subordinate clause (`when Tapper asked`,
    /// `after Ortiz said`) of the sentence starting at `sentence`.
    fn subordinate(&self, sentence: usize, np: &Np, cue: usize) -> bool {
        // `..., both of whom advised him`: a relative clause.
        let before_cue = self
            .text
            .get(np.span.1.min(cue)..cue)
            .unwrap_or("")
            .trim_end();
        let last = before_cue
            .rsplit(|c: char| !is_alphanumeric(c))
            .next()
            .unwrap_or("");
        if matches!(last, "who" | "whom" | "which" | "that") || self.relative_cue(np, cue) {
            return true;
        }
        let before = self
            .text
            .get(sentence.min(np.span.0)..np.span.0)
            .unwrap_or("")
            .trim_end();
        let word = before
            .rsplit(|c: char| !is_alphanumeric(c))
            .next()
            .unwrap_or("");
        !word.is_empty() && self.lex.is_subordinator(word)
    }

    /// The person a phrase names, if it lies before `pos` and `ok` accepts it.
    fn candidate(
        &mut self,
        np: &Np,
        pos: usize,
        speaker: bool,
        ok: &impl Fn(usize, &Person) -> bool,
    ) -> Option<usize> {
        if np.span.0 >= pos {
            return None;
        }
        // A walk meets the same mentions again for every pronoun after them.
        let key = (np.span.0 as u32, np.span.1 as u32, speaker);
        if let Some(&known) = self.mention_people.get(&key) {
            let id = known? as usize;
            return self
                .persons
                .get(id)
                .is_some_and(|p| ok(id, p))
                .then_some(id);
        }
        let id = match np.kind {
            NpKind::Named { .. } => self.person_for(np, speaker),
            // `the campaign manager said ... “...,” he told the AP`: a role noun
            // speaking stands for the person it names.
            NpKind::Nominal {
                head,
                definite: true,
                text,
            } if speaker && self.role_depth == 0 && self.settings.resolve => {
                self.role_referent(np.span.0, head, text)
            }
            _ => None,
        };
        self.mention_people.insert(key, id.map(|id| id as u32));
        let id = id?;
        self.persons
            .get(id)
            .is_some_and(|p| ok(id, p))
            .then_some(id)
    }

    fn attribute_all(&mut self) -> Vec<Finding> {
        let mut out: Vec<Finding> = Vec::with_capacity(self.quotes.len());
        // The last attributed quotation: the paragraph it ends in and its finding (the
        // attribution is read back from the finding, not kept as a copy).
        let mut prev: Option<(usize, usize)> = None;
        // Where the paragraph of the last attributed quotation ends its last sentence.
        let mut prev_close = 0usize;
        // Quotations come in text order: their sentences are found by cursors.
        let (mut k_open, mut k_close) = (0usize, 0usize);
        // The listed cues met last (a story says `said` again and again): a cue equal
        // to one of them is that static string, without a look-up.
        let ListedCues {
            phrases: mut listed_cues,
            next: mut next_listed,
        } = self.listed_cues;
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi].clone();
            let (sent_start, _) = self.sentence_from(&mut k_open, q.open);
            // The close lies at or after the open: its cursor starts from the open's.
            k_close = k_close.max(k_open);
            let (_, sent_end) =
                self.sentence_from(&mut k_close, q.close_end.saturating_sub(1).max(q.open));
            let mut attr = self.own_attribution(&q, sent_start, sent_end);
            let para_start = self.paragraphs.get(q.para).map_or(0, |p| p.start);
            let opens_paragraph = self.text.get(para_start..q.open).is_some_and(is_blank);
            let prev_para_end = q
                .para
                .checked_sub(1)
                .and_then(|i| self.paragraphs.get(i))
                .map_or(0, |p| p.end);
            let inherited_ok = prev.as_ref().is_some_and(|(last_para, _)| {
                *last_para == q.para
                    || (opens_paragraph
                        && *last_para + 1 == q.para
                        && self.sentence_of(prev_close).1 >= prev_para_end)
            });
            if attr.is_none()
                && inherited_ok
                && let Some(p) = prev.and_then(|(_, i)| out.get(i))
            {
                attr = Some(Attribution {
                    speaker: p.speaker.clone(),
                    speaker_span: p.speaker_span,
                    cue: p.cue_span,
                    adjacent: false,
                    own: false,
                });
            }
            let direct = self.is_direct(&q, sent_start, sent_end, attr.as_ref());
            if attr.is_none() && !direct {
                attr = self.subject_fallback(sent_start, q.open);
            }
            let keep = self.keep(&q, attr.as_ref(), direct);
            if !keep {
                continue;
            }
            let a = attr.unwrap_or_default();
            if a.speaker.is_some() || a.cue.is_some() {
                prev_close = q.close_end;
                prev = Some((q.last_para, out.len()));
            } else {
                prev = None;
            }
            out.push(Finding {
                start: q.start,
                end: q.end,
                direct,
                speaker: a.speaker,
                speaker_span: a.speaker_span,
                cue: a.cue.and_then(|(s, e)| self.text.get(s..e)).map(|c| {
                    if let Some(&listed) = listed_cues.iter().find(|&&l| !l.is_empty() && l == c) {
                        return Cow::Borrowed(listed);
                    }
                    let value = self.cue_value(c);
                    if let Cow::Borrowed(listed) = value
                        && let Some(slot) = listed_cues.get_mut(next_listed % 4)
                    {
                        *slot = listed;
                        next_listed += 1;
                    }
                    value
                }),
                cue_span: a.cue,
            });
        }
        self.listed_cues = ListedCues {
            phrases: listed_cues,
            next: next_listed,
        };
        self.speakers_of_repeated_words(&mut out);
        out
    }

    /// Gives a quotation found with no speaker the speaker of another quotation of the
    /// same words: a headline or a pull quote repeats what the story attributes
    /// (`‘Is that all there is?’` over a story that has `“Is that all there is?”
    /// Whitfield said.`). The words must repeat in order, several of them, so a
    /// repeated catchphrase of a few words does not carry a speaker over.
    fn speakers_of_repeated_words(&self, out: &mut [Finding]) {
        let text = self.text;
        let words = |f: &Finding| {
            text.get(f.start..f.end)
                .unwrap_or("")
                .split(|c: char| !is_alphanumeric(c))
                .filter(|w| !w.is_empty())
        };
        let mut looked = 0;
        let mut budget = REPEAT_BUDGET_PER_BYTE * text.len() + 4096;
        for i in 0..out.len() {
            if out[i].speaker.is_some() {
                continue;
            }
            // Headlines and pull quotes: the first paragraph, or a quotation that
            // ends its paragraph (a quotation inside a sentence of narration is the
            // reporter's echo of a phrase more often than a repeated utterance).
            let f = &out[i];
            let ends_paragraph = text
                .get(f.end..self.paragraph_end(f.start).max(f.end))
                .is_some_and(|rest| {
                    all_chars(rest, |c| {
                        c.is_whitespace() || c.is_ascii_punctuation() || marks::is_quote_char(c)
                    })
                });
            if self.paragraph_index(f.start) > 0 && !ends_paragraph {
                continue;
            }
            looked += 1;
            if looked > MAX_REPEAT_LOOKUPS {
                break;
            }
            let wanted: Vec<&str> = words(&out[i]).take(MAX_REPEAT_WORDS + 1).collect();
            if wanted.len() < MIN_REPEAT_WORDS || wanted.len() > MAX_REPEAT_WORDS {
                continue;
            }
            let own_text = text.get(out[i].start..out[i].end).unwrap_or("");
            // Only a name is carried over: a common noun (`people`, `officials`) is
            // too loose a speaker to stand for the same words elsewhere.
            let source = out.iter().enumerate().find_map(|(j, f)| {
                if j == i
                    || !f
                        .speaker
                        .as_deref()
                        .and_then(|s| s.chars().next())
                        .is_some_and(char::is_uppercase)
                {
                    return None;
                }
                // A quotation longer (in bytes) than this one may hold it whole, and
                // then holds each of its words; a shorter one may be held whole in
                // it, and then each of its words is in this one. Most quotations
                // are passed over by byte searches for the longer words, before a
                // long one is read word by word.
                let theirs_text = text.get(f.start..f.end).unwrap_or("");
                // Each search reads one of the two texts: a few searches per pair,
                // charged to a budget in proportion to the document, keep the whole
                // comparison linear in its length whatever the quotations are.
                let cost = PREFILTER_WORDS * (theirs_text.len() + own_text.len());
                if cost > budget {
                    return None;
                }
                budget -= cost;
                let may_match = if f.end - f.start > out[i].end - out[i].start {
                    wanted
                        .iter()
                        .filter(|w| w.len() >= 4)
                        .take(PREFILTER_WORDS)
                        .all(|w| contains_ignore_ascii_case(theirs_text, w))
                } else {
                    words(f)
                        .filter(|w| w.len() >= 4)
                        .take(PREFILTER_WORDS)
                        .all(|w| contains_ignore_ascii_case(own_text, w))
                };
                if !may_match {
                    return None;
                }
                // Read word by word, and compared at each word of the longer text
                // (the first word mostly differs at once).
                let cost = 8 * theirs_text.len();
                if cost > budget {
                    return None;
                }
                budget -= cost;
                let theirs: Vec<&str> = words(f).collect();
                let same = |a: &[&str], b: &[&str]| {
                    a.iter().zip(b).all(|(x, y)| x.eq_ignore_ascii_case(y))
                };
                // Either quotation may be the shorter: a headline cuts a quotation
                // short, a story quotes a fragment of a headline's sentence (a
                // fragment no longer in bytes than the headline's quotation).
                let (short, long) = if wanted.len() <= theirs.len() {
                    (&wanted[..], &theirs[..])
                } else {
                    (&theirs[..], &wanted[..])
                };
                (short.len() >= MIN_REPEAT_WORDS
                    && long.windows(short.len()).any(|w| same(w, short)))
                .then(|| (f.speaker.clone(), f.speaker_span))
            });
            if let Some((speaker, span)) = source {
                out[i].speaker = speaker;
                out[i].speaker_span = span;
            }
        }
    }

    /// A cue's text as a value: the listed phrase when it is written that way (no
    /// allocation), else the text as written.
    fn cue_value(&self, cue: &str) -> Cow<'static, str> {
        const MARKS: &[&str] = &[":", "―", "—", "–", "-"];
        if let Some(&m) = MARKS.iter().find(|&&m| m == cue) {
            return Cow::Borrowed(m);
        }
        match self.lex.cue_phrase(cue) {
            Some(phrase) if phrase == cue => Cow::Borrowed(phrase),
            _ => Cow::Owned(cue.to_owned()),
        }
    }

    /// The attribution a quotation has of its own: a cue in its sentence, a colon or
    /// dash introduction.
    fn own_attribution(
        &mut self,
        q: &RawQuote,
        sent_start: usize,
        sent_end: usize,
    ) -> Option<Attribution> {
        // 1. The cue right after the quotation: `,” he said`, `,” said Putin`, and
        // after a quotation that ends its sentence: `“Why?” Trump asked.`
        let first_after = self.cues.partition_point(|c| c.start < q.close_end);
        if let Some(c) = self.cues.get(first_after).copied() {
            let next_end = if sent_end <= q.close_end {
                self.sentence_of(q.close_end).1
            } else {
                sent_end
            };
            // A capitalized cue opens the next sentence (`Asked whether ..., she
            // said`); it is not this quotation's.
            let capitalized = || {
                self.text
                    .get(c.start..c.end)
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase)
                    && self.text.get(q.close_end..c.start).is_some_and(is_blank)
            };
            if c.start < next_end && !capitalized() {
                let no_quote_between =
                    self.next_region_start_after(q.close_end, c.start) >= c.start;
                let between_ok =
                    no_quote_between && self.only_speaker_between(q.close_end, first_after);
                if between_ok {
                    return Some(self.attribution_from_cue(first_after, true));
                }
            }
        }
        // 2. A dash signature: `” ― Sonya Herridge`.
        if let Some(a) = self.dash_attribution(q) {
            return Some(a);
        }
        // 3. The last cue before the quotation in its sentence.
        let before = self.cues.partition_point(|c| c.end <= q.open);
        if before > 0 {
            let c = self.cues[before - 1];
            if c.start >= sent_start {
                let gap = self.text.get(c.end..q.open).unwrap_or("");
                let adjacent = gap.trim().len() <= 2 || gap.trim_end().ends_with(':');
                let a = self.attribution_from_cue(before - 1, adjacent);
                if a.speaker.is_some() || (adjacent && gap.trim().len() <= 2) {
                    return Some(a);
                }
                if adjacent {
                    // `Asked which county he liked, he demurred: “...”`: the clause
                    // before the colon may name the speaker.
                    return self.colon_attribution(q, sent_start).or(Some(a));
                }
            }
        }
        // 4. `Putin: “...”` and a paragraph ending with a colon before a quotation.
        if let Some(a) = self.colon_attribution(q, sent_start) {
            return Some(a);
        }
        // 5. Any later cue in the sentence (partial quotations: `is “open,” Putin added`),
        // but not one of a relative clause (`... “outsource” ... and attacked Trump,
        // who has said`): it speaks for its own clause.
        if let Some(c) = self.cues.get(first_after).copied()
            && c.start < sent_end
            && !self
                .cue_np(first_after)
                .is_some_and(|np| self.relative_cue(&np, c.start))
        {
            let a = self.attribution_from_cue(first_after, false);
            // With no other quotation in between, the cue is this one's even when
            // its speaker could not be read.
            let alone = self.next_region_start_after(q.close_end, c.start) >= c.start;
            if a.speaker.is_some() || alone {
                return Some(a);
            }
        }
        // 6. A quotation opening its sentence after one that ends with its cue:
        // `Her friend Brittany Lockwood chimed in. “I did not think ...”`.
        self.previous_sentence_intro(q, sent_start)
    }

    fn previous_sentence_intro(&mut self, q: &RawQuote, sent_start: usize) -> Option<Attribution> {
        let para_start = self.paragraphs.get(q.para).map_or(0, |p| p.start);
        if !is_blank(self.text.get(sent_start..q.open)?) {
            return None;
        }
        if sent_start <= para_start {
            return self.previous_paragraph_intro(q);
        }
        let (prev_start, _) = self.sentence_of(sent_start.saturating_sub(1));
        self.previous_sentence_cue(sent_start, prev_start, para_start)
            .or_else(|| self.previous_sentence_subject(q, sent_start, prev_start, para_start))
    }

    /// [`Analyzer::previous_sentence_intro`] when the sentence before ends with its cue.
    fn previous_sentence_cue(
        &mut self,
        sent_start: usize,
        prev_start: usize,
        para_start: usize,
    ) -> Option<Attribution> {
        let ci = self.cues.partition_point(|c| c.start < sent_start);
        let k = ci.checked_sub(1)?;
        let c = self.cues[k];
        if c.start < prev_start.max(para_start) {
            return None;
        }
        // Only a few words may follow the cue: `said to cheers.`, `agreed.`; or, in
        // inverted order, the speaker and what describes them: `..., said Bart
        // Nolan, an analyst at Public Watch. “It would ...”`.
        let tail = self.text.get(c.end..sent_start)?;
        if tail.contains(|ch: char| marks::is_quote_char(ch)) {
            return None;
        }
        let words = tail.split_whitespace().count();
        if words > 16 {
            return None;
        }
        // `... if the governor called.`: a cue in a subordinate clause introduces
        // nobody's words.
        if let Some(np) = self.cue_np(k)
            && self.cue_subordinate(k, prev_start, &np)
        {
            return None;
        }
        let a = self.attribution_from_cue(k, true);
        // `..., said Bart Nolan, an analyst.` is the sentence's only attribution;
        // `Trump said ..., according to audio obtained by ...` is not one.
        let only_cue = k == 0 || self.cues[k - 1].start < prev_start.max(para_start);
        let inverted = c.form == CueForm::Finite
            && only_cue
            && a.speaker_span.is_some_and(|(s, _)| s >= c.end);
        (a.speaker.is_some() && (words <= 4 || inverted)).then_some(a)
    }

    /// A quotation that closes its paragraph after a sentence of narration about a
    /// named person: `Kessler distanced himself from the protest. “I'm going to back
    /// him.”` The story turns to that person's words, so the subject is the speaker.
    /// Only a name is taken (or a pronoun, resolved): a common noun as subject
    /// (`The report found ...`) is too often not who is quoted.
    fn previous_sentence_subject(
        &mut self,
        q: &RawQuote,
        sent_start: usize,
        prev_start: usize,
        para_start: usize,
    ) -> Option<Attribution> {
        let own = self.paragraphs.get(q.last_para).copied()?;
        if !q.closed || !is_blank(self.text.get(q.close_end..own.end)?) {
            return None;
        }
        // An earlier quotation in the paragraph has its own speaker, whom this one
        // follows (see `attribute_all`).
        if prev_start < para_start
            || self.next_region_start_after(para_start, sent_start) < sent_start
        {
            return None;
        }
        let bi = self.breaks.partition_point(|&b| b < prev_start);
        if self.breaks.get(bi) != Some(&prev_start) {
            return None;
        }
        let subject = self.subject_at(bi)?;
        if subject.weak
            || !matches!(
                subject.np.kind,
                NpKind::Named { org: false, .. } | NpKind::Pronoun(_)
            )
        {
            return None;
        }
        if let NpKind::Named { .. } = subject.np.kind {
            let id = self.person_for(&subject.np, false)?;
            if !self.persons.get(id).is_some_and(|p| p.person_like) {
                return None;
            }
        }
        let speaker = self.resolve(&subject.np)?;
        Some(Attribution {
            speaker: Some(speaker),
            speaker_span: Some(subject.np.span),
            cue: None,
            adjacent: false,
            own: false,
        })
    }

    /// A paragraph that is one quotation and nothing else, after a paragraph that
    /// ends in reported speech: `Schoen argued in an op-ed that the delegates may
    /// reconsider.` / `“A win in California would ...”`. The quotation goes on in the
    /// reporter's voice's stead, so it is the same speaker's.
    fn previous_paragraph_intro(&mut self, q: &RawQuote) -> Option<Attribution> {
        let prev = self.paragraphs.get(q.para.checked_sub(1)?).copied()?;
        let own = self.paragraphs.get(q.last_para).copied()?;
        let rest = self.text.get(q.close_end..own.end)?;
        if !q.closed || !is_blank(rest) {
            return None;
        }
        let (prev_sentence, _) = self.sentence_of(prev.end.saturating_sub(1).max(prev.start));
        // Reported speech only: a quotation in that sentence has its own speaker.
        if self.next_region_start_after(prev_sentence, prev.end) < prev.end {
            return None;
        }
        // The main clause's cue comes first: `Schoen argued that delegates pledged
        // to her may reconsider` is Schoen's, not the delegates'.
        let from = prev_sentence.max(prev.start);
        let k = self.cues.partition_point(|c| c.start < from);
        if self.cues.get(k).is_none_or(|c| c.start >= prev.end) {
            return None;
        }
        let np = self.cue_np(k)?;
        if !matches!(np.kind, NpKind::Named { .. } | NpKind::Pronoun(_)) {
            return None;
        }
        let a = self.attribution_from_cue(k, false);
        a.speaker
            .is_some()
            .then_some(Attribution { own: false, ..a })
    }

    /// Whether only a speaker phrase (or nothing) stands between `from` and cue `ci`.
    fn only_speaker_between(&mut self, from: usize, ci: usize) -> bool {
        let Some(c) = self.cues.get(ci) else {
            return false;
        };
        let gap = self.text.get(from..c.start).unwrap_or("");
        if gap.len() > WINDOW_BYTES {
            return false;
        }
        if all_chars(gap, |ch| {
            ch.is_whitespace() || ch == ',' || marks::is_quote_char(ch)
        }) {
            return true;
        }
        match self.cue_np(ci) {
            Some(np) => {
                let lead = self.text.get(from..np.span.0).unwrap_or("");
                let lead = lead.trim_matches(|ch: char| {
                    ch.is_whitespace()
                        || matches!(ch, ',' | '—' | '–' | '-')
                        || marks::is_quote_char(ch)
                });
                lead.is_empty()
                    || lead
                        .split_whitespace()
                        .all(|w| self.lex.is_filler(w) || self.lex.is_time_word(w))
            }
            _ => false,
        }
    }

    fn attribution_from_cue(&mut self, ci: usize, adjacent: bool) -> Attribution {
        let c = self.cues[ci];
        let np = self.cue_np(ci);
        let speaker = np.as_ref().and_then(|np| self.resolve(np));
        Attribution {
            speaker,
            speaker_span: np.map(|np| np.span),
            cue: Some((c.start, c.end)),
            adjacent,
            own: true,
        }
    }

    /// Whether nothing but space stands before the quotation's opening mark in its
    /// paragraph.
    fn opens_paragraph(&self, q: &RawQuote) -> bool {
        let start = self.paragraphs.get(q.para).map_or(0, |p| p.start);
        self.text.get(start..q.open).is_some_and(is_blank)
    }

    fn dash_attribution(&mut self, q: &RawQuote) -> Option<Attribution> {
        if !q.closed {
            return None;
        }
        let mut para_end = self.paragraph_end(q.close_end.saturating_sub(1));
        let mut after = q.close_end;
        if is_blank(self.text.get(after..para_end)?) && self.opens_paragraph(q) {
            // A quotation standing as a paragraph of its own, signed in the next one
            // (`“...”` then `—Mayor Karen Weiss, at the hearing.`): quote boxes,
            // epigraphs and "quotable" lists. A signature is short; a longer
            // paragraph opening with a dash is a list item or an aside.
            let next = self
                .paragraphs
                .get(q.last_para + 1)
                .filter(|p| p.end - p.start <= DASH_SIGNATURE_BYTES)?;
            (after, para_end) = (next.start, next.end);
        }
        let rest = self.text.get(after..para_end)?;
        let trimmed = rest.trim_start();
        let dash = trimmed
            .chars()
            .next()
            .filter(|c| matches!(c, '―' | '—' | '–' | '-'))?;
        let dash_at = after + (rest.len() - trimmed.len());
        let from = dash_at + dash.len_utf8();
        let end = para_end.min(from + 120);
        let end = self.floor_char_boundary(end);
        let np = self.with_tokens(from, end, 12, |toks| {
            let mut j = 0;
            while j < toks.len()
                && (self.name_token(&toks[j]) || self.word(&toks[j]).starts_with('@'))
            {
                j += 1;
            }
            let tail_ok = toks
                .get(j)
                .is_none_or(|t| matches!(t.kind, TokKind::Stop | TokKind::Comma));
            if j == 0 || !tail_ok {
                return None;
            }
            self.classify_np(&toks[..j])
        })?;
        let speaker = self.resolve(&np);
        Some(Attribution {
            speaker,
            speaker_span: Some(np.span),
            cue: Some((dash_at, from)),
            adjacent: true,
            own: true,
        })
    }

    fn colon_attribution(&mut self, q: &RawQuote, sent_start: usize) -> Option<Attribution> {
        let para_start = self.paragraphs.get(q.para).map_or(0, |p| p.start);
        let prefix = self.text.get(sent_start.max(para_start)..q.open)?;
        let trimmed = prefix.trim_end();
        if trimmed.ends_with(':') {
            // `Putin: “...”` — a name and a colon.
            let colon = sent_start.max(para_start) + trimmed.len() - 1;
            let from = self.floor_char_boundary(colon.saturating_sub(WINDOW_BYTES).max(sent_start));
            let (np, object_name) = self.with_tokens(from, colon, usize::MAX, |toks| {
                let skip = toks.len().saturating_sub(WINDOW_TOKENS);
                let toks = &toks[skip..];
                // `Rep. Tom Gowder (R-S.C.): “...”`
                if toks.last().is_some_and(|t| t.kind == TokKind::CloseParen) {
                    return (self.parenthesized_np(toks), None);
                }
                let start = self.np_start(toks, toks.len());
                let clean_start = start == 0
                    || toks
                        .get(start.wrapping_sub(1))
                        .is_some_and(|t| t.kind != TokKind::Word);
                if clean_start {
                    (self.classify_np(&toks[start..]), None)
                } else {
                    (None, self.name_ending_clause(toks))
                }
            });
            let named = np.filter(|np| matches!(np.kind, NpKind::Named { .. }));
            // `Asked which county he liked best, he demurred: “...”`: the subject of a
            // short clause before the colon.
            let np = named.or_else(|| {
                let from = sent_start.max(para_start);
                let subject = self
                    .with_token_stream(from, colon, WINDOW_TOKENS, |toks| self.subject_np(toks));
                let strong = subject.as_ref().filter(|s| {
                    !s.weak && matches!(s.np.kind, NpKind::Named { .. } | NpKind::Pronoun(_))
                });
                let Some(subject) = strong else {
                    // `The surge does not surprise pollster Dana Reyes: “...”`: with
                    // no person as the subject, a person named last before the
                    // colon introduces the quotation.
                    return object_name;
                };
                let tail = self.text.get(subject.np.span.1..colon)?;
                // `Trump quickly deflected with a non sequitur: “...”`, `Gill on the
                // Budget: ‘...’` (a headline): a short predicate, with no clause of
                // its own, leads from the subject to the quotation.
                let short = tail.split_whitespace().count() <= 8
                    && tail
                        .chars()
                        .all(|c| is_alphanumeric(c) || c == ' ' || c == '-');
                short.then(|| subject.np.clone())
            });
            if let Some(np) = np {
                let speaker = self.resolve(&np);
                return Some(Attribution {
                    speaker,
                    speaker_span: Some(np.span),
                    cue: Some((colon, colon + 1)),
                    adjacent: true,
                    own: true,
                });
            }
            return None;
        }
        // A quotation opening its paragraph after one that ends with a colon.
        if !trimmed.is_empty() || q.para == 0 {
            return None;
        }
        let prev = self.paragraphs.get(q.para - 1).copied()?;
        let prev_text = self.text.get(prev.start..prev.end)?.trim_end();
        if !prev_text.ends_with(':') {
            return None;
        }
        let colon = prev.start + prev_text.len() - 1;
        let ci = self.cues.partition_point(|c| c.start < colon);
        if ci > 0 {
            let c = self.cues[ci - 1];
            if c.start >= prev.start && c.sentence_end >= colon {
                let mut a = self.attribution_from_cue(ci - 1, true);
                if a.speaker.is_some() {
                    a.adjacent = true;
                    return Some(a);
                }
            }
        }
        None
    }

    /// A person's full name, with the roles and titles before it, ending `toks` after a
    /// lowercase word (`... surprise Republican pollster Dana Reyes`): the words
    /// before a colon when they do not start with the name.
    fn name_ending_clause(&self, toks: &[Tok]) -> Option<Np> {
        let mut j = toks.len();
        while j > 0 && self.name_token(&toks[j - 1]) && !is_possessive(self.word(&toks[j - 1])) {
            j -= 1;
        }
        if toks.len() - j < 2 {
            return None;
        }
        let name_start = j;
        while j > 0
            && name_start - j < 3
            && toks[j - 1].kind == TokKind::Word
            && self.tclass(&toks[j - 1]) & (ROLE | TITLE | GROUP) != 0
        {
            j -= 1;
        }
        let before = toks.get(j.checked_sub(1)?)?;
        if before.kind != TokKind::Word || !before.is_lowercase(self.text) {
            return None;
        }
        let np = self.classify_np(&toks[j..])?;
        let NpKind::Named { name, org: false } = np.kind else {
            return None;
        };
        self.text
            .get(name.0..name.1)
            .is_some_and(|n| n.contains(' '))
            .then_some(np)
    }

    /// For a fragment with no cue: the named subject of its sentence
    /// (`Putin hoped the forum will strengthen “...”`).
    fn subject_fallback(&mut self, sent_start: usize, open: usize) -> Option<Attribution> {
        let end = self.next_region_start_after(sent_start, open).min(open);
        let np = self.with_token_stream(sent_start, end, WINDOW_TOKENS, |toks| {
            self.sentence_subject(toks)
        });
        let np = np?;
        let speaker = self.resolve(&np)?;
        Some(Attribution {
            speaker: Some(speaker),
            speaker_span: Some(np.span),
            cue: None,
            adjacent: false,
            own: false,
        })
    }

    fn is_direct(
        &self,
        q: &RawQuote,
        sent_start: usize,
        sent_end: usize,
        attr: Option<&Attribution>,
    ) -> bool {
        if q.last_para > q.para {
            return true;
        }
        let para_start = self.paragraphs.get(q.para).map_or(0, |p| p.start);
        let prefix = self
            .text
            .get(sent_start.max(para_start)..q.open)
            .unwrap_or("")
            .trim();
        let cue_before = attr
            .and_then(|a| a.cue)
            .is_some_and(|(_, e)| e <= q.open && e >= sent_start);
        let before_ok = prefix.is_empty()
            || prefix.ends_with(':')
            || (prefix.ends_with(',') && cue_before)
            || (cue_before
                && attr.and_then(|a| a.cue).is_some_and(|(_, e)| {
                    self.text
                        .get(e..q.open)
                        .is_some_and(|g| g.trim().len() <= 1)
                }))
            || prefix.chars().next_back().is_some_and(marks::is_quote_char);
        if !before_ok {
            return false;
        }
        // `expressed confidence “that ...”`: a fragment continuing the sentence.
        let lower_start = self
            .text
            .get(q.start..q.end)
            .and_then(|c| c.chars().next())
            .is_some_and(char::is_lowercase);
        if lower_start && !prefix.is_empty() && !prefix.ends_with([':', ',']) {
            return false;
        }
        let para_end = self.paragraph_end(q.close_end.saturating_sub(1).max(q.open));
        let suffix = self
            .text
            .get(q.close_end..sent_end.min(para_end).max(q.close_end))
            .unwrap_or("");
        let suffix_t = suffix
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | ')' | ';'));
        let cue_after =
            attr.is_some_and(|a| a.adjacent && a.cue.is_some_and(|(s, _)| s >= q.close_end));
        suffix_t.is_empty()
            || cue_after
            || suffix_t.starts_with(['―', '—', '–'])
            || suffix_t.chars().next().is_some_and(marks::is_quote_char)
    }

    /// Whether a quoted stretch is reported: quotations are; scare quotes, titles and
    /// nicknames are not (unless the options ask for them).
    fn keep(&self, q: &RawQuote, attr: Option<&Attribution>, direct: bool) -> bool {
        if self.settings.scare_quotes && q.closed {
            return true;
        }
        let content = self.text.get(q.start..q.end).unwrap_or("");
        let QuoteShape { words, title_like } = quote_shape(content);
        if words == 0 {
            return false;
        }
        // `<tweet id="..." author="...">`: attribute values of stray markup.
        if self.text.get(..q.open).is_some_and(|s| s.ends_with('=')) {
            return false;
        }
        let own = attr.is_some_and(|a| a.own);
        // Outside headlines, single marks with no cue of their own are scare quotes or
        // subheads (`'A healthy environment.'`), not quotations.
        if q.single && !own && q.para > 0 {
            return false;
        }
        // `“Meet the Press”`, `“Make America Great Again”`, `“Lyin' Ted”`: `title_like`.
        // Headlines are in title case; a colon or dash signature makes a quotation too.
        let signed = attr
            .and_then(|a| a.cue)
            .and_then(|(s, e)| self.text.get(s..e))
            .is_some_and(|c| {
                c.chars()
                    .all(|ch| matches!(ch, ':' | '―' | '—' | '–' | '-'))
            });
        if title_like && !(q.para == 0 || signed) {
            return false;
        }
        if !q.closed {
            return (own && words >= 3) || words >= 2 * self.settings.min_unattributed_words;
        }
        if words >= self.settings.min_unattributed_words {
            return true;
        }
        if direct && attr.is_some() {
            return true;
        }
        own
    }
}

/// Calls `f` on the words of a descriptor stretch: split at whitespace and commas,
/// with the punctuation around each word trimmed off. ASCII text (the usual case) is
/// split byte by byte; other text goes through the Unicode-aware split.
fn for_each_descriptor_word<'t>(s: &'t str, mut f: impl FnMut(&'t str)) {
    if !s.is_ascii() {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches(|c: char| !is_alphanumeric(c)))
            .filter(|w| !w.is_empty())
            .for_each(f);
        return;
    }
    // Pieces between whitespace and commas, found byte by byte.
    let bytes = s.as_bytes();
    let mut piece_start = 0usize;
    for k in 0..=bytes.len() {
        if bytes
            .get(k)
            .is_some_and(|&c| !is_ascii_space(c) && c != b',')
        {
            continue;
        }
        let piece = bytes.get(piece_start..k).unwrap_or_default();
        let from = piece_start;
        piece_start = k + 1;
        let Some(first) = piece.iter().position(u8::is_ascii_alphanumeric) else {
            continue;
        };
        let last = piece
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .unwrap_or(first);
        if let Some(w) = s.get(from + first..=from + last) {
            f(w);
        }
    }
}

/// Calls `f` on the words of a descriptor as read for its roles: runs of letters,
/// digits and hyphens. ASCII text is split byte by byte, other text by characters.
fn for_each_role_word<'t>(d: &'t str, mut f: impl FnMut(&'t str)) {
    if d.is_ascii() {
        d.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .for_each(f);
    } else {
        for w in d.split(|c: char| !is_alphanumeric(c) && c != '-') {
            if !w.is_empty() {
                f(w);
            }
        }
    }
}

/// Per byte, for the words of a quotation ([`quote_shape_from`]): 0 for an ASCII byte
/// outside words, 1 for one inside (letter, digit, `'`), 2 for the first byte of a
/// multi-byte character (decoded to decide).
static QUOTED_WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            2
        } else if b.is_ascii_alphanumeric() || b == b'\'' {
            1
        } else {
            0
        };
        i += 1;
    }
    t
};

/// What the first words of a quotation say about it (see [`Analyzer::keep`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct QuoteShape {
    /// Words, counted up to [`STAT_WORDS`].
    words: usize,
    /// In title case, of a title's length (`Meet the Press`, `Make America Great
    /// Again`): every word that is not a function word is capitalized.
    title_like: bool,
}

/// Words of a quotation counted for [`QuoteShape`]: every threshold is below ten, so
/// long quotations are not read to their end.
const STAT_WORDS: usize = 12;

/// The counts behind [`QuoteShape::title_like`], kept while the words read so far
/// leave title case possible; after that only words are counted.
#[derive(Clone, Copy, Debug, Default)]
struct ShapeCounts {
    words: usize,
    /// Words other than the function words of titles, capitalized or of four bytes
    /// or more.
    long_words: usize,
    /// Those of them that are capitalized.
    capitalized: usize,
    /// A lowercase word that title case would capitalize, or a long word in
    /// lowercase, was read: the counts above no longer matter.
    not_title: bool,
}

impl ShapeCounts {
    /// Counts the word `content[start..end]` (`ascii` when all its bytes are).
    #[inline]
    fn add(&mut self, content: &str, start: usize, end: usize, ascii: bool) {
        self.words += 1;
        if self.not_title {
            return;
        }
        let word = content.as_bytes().get(start..end).unwrap_or_default();
        let (lowercase, uppercase) = match word.first() {
            Some(&b) if b < 0x80 => (b.is_ascii_lowercase(), b.is_ascii_uppercase()),
            _ => content
                .get(start..)
                .and_then(|r| r.chars().next())
                .map_or((false, false), |c| (c.is_lowercase(), c.is_uppercase())),
        };
        // Listed words are lowercase ASCII of at most five bytes: a word of another
        // shape is none of them.
        let class = if lowercase && ascii && word.len() <= 5 {
            title_word_class(pack_word(word))
        } else {
            0
        };
        if class == 1 {
            return;
        }
        if lowercase && class == 0 {
            self.not_title = true;
        }
        if word.len() >= 4 || uppercase {
            self.long_words += 1;
            if uppercase {
                self.capitalized += 1;
            } else {
                self.not_title = true;
            }
        }
    }

    fn shape(&self) -> QuoteShape {
        let words = self.words.min(STAT_WORDS);
        QuoteShape {
            words,
            title_like: !self.not_title
                && self.long_words > 0
                && (words == 1 || self.capitalized >= 2)
                && words <= 8,
        }
    }
}

/// A lowercase ASCII word of at most eight bytes as one integer (zero-padded), so a
/// word is matched against a list by integer comparisons.
const fn pack_word(w: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < w.len() && i < 8 {
        key |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

// Words that title case leaves in lowercase, packed by [`pack_word`].
const W_WITH: u64 = pack_word(b"with");
const W_FROM: u64 = pack_word(b"from");
const W_INTO: u64 = pack_word(b"into");
const W_OVER: u64 = pack_word(b"over");
const W_UPON: u64 = pack_word(b"upon");
const W_ABOUT: u64 = pack_word(b"about");
const W_THAN: u64 = pack_word(b"than");
const W_THAT: u64 = pack_word(b"that");
const W_A: u64 = pack_word(b"a");
const W_AN: u64 = pack_word(b"an");
const W_THE: u64 = pack_word(b"the");
const W_AND: u64 = pack_word(b"and");
const W_BUT: u64 = pack_word(b"but");
const W_OR: u64 = pack_word(b"or");
const W_NOR: u64 = pack_word(b"nor");
const W_FOR: u64 = pack_word(b"for");
const W_SO: u64 = pack_word(b"so");
const W_AS: u64 = pack_word(b"as");
const W_AT: u64 = pack_word(b"at");
const W_BY: u64 = pack_word(b"by");
const W_IN: u64 = pack_word(b"in");
const W_OF: u64 = pack_word(b"of");
const W_ON: u64 = pack_word(b"on");
const W_TO: u64 = pack_word(b"to");
const W_UP: u64 = pack_word(b"up");
const W_VS: u64 = pack_word(b"vs");

/// How title case treats a lowercase ASCII word packed by [`pack_word`]: 1 for the
/// function words titles keep in lowercase (`This Week with George Stephanopoulos`),
/// 2 for the short words it leaves in lowercase (`a`, `the`, `of`), 0 for others.
#[inline]
fn title_word_class(key: u64) -> u8 {
    match key {
        W_WITH | W_FROM | W_INTO | W_OVER | W_UPON | W_ABOUT | W_THAN | W_THAT => 1,
        W_A | W_AN | W_THE | W_AND | W_BUT | W_OR | W_NOR | W_FOR | W_SO | W_AS | W_AT | W_BY
        | W_IN | W_OF | W_ON | W_TO | W_UP | W_VS => 2,
        _ => 0,
    }
}

/// The [`QuoteShape`] of a quotation's text. Its words are maximal runs of letters,
/// digits and apostrophes (`'`, `’`). ASCII text is read eight bytes at a time, a bit
/// per byte that belongs to a word; once title case is ruled out (most quotations
/// are sentences: their first lowercase word does it) words are only counted, by
/// their first bytes. From the first eight bytes that hold a character outside ASCII
/// on, [`quote_shape_from`] reads a character at a time. The tests check both
/// against [`quote_shape_reference`].
fn quote_shape(content: &str) -> QuoteShape {
    let bytes = content.as_bytes();
    let mut counts = ShapeCounts::default();
    let mut at = 0usize;
    // Start of a word that runs on into the next eight bytes.
    let mut open: Option<usize> = None;
    while let Some(v) = scan::load8(bytes, at) {
        if v & scan::HIGH_BITS != 0 {
            break;
        }
        let bits = word_byte_bits(v);
        if counts.not_title {
            // Only words are counted now: one per first byte.
            let carried = u32::from(open.is_some());
            let firsts = bits & !((bits << 1) | carried);
            counts.words += firsts.count_ones() as usize;
            if counts.words >= STAT_WORDS {
                return counts.shape();
            }
            open = (bits & 0x80 != 0).then(|| {
                // The last word's first byte: after the highest byte outside words.
                let outside = !bits & 0xFF;
                match outside.checked_ilog2() {
                    Some(k) => at + k as usize + 1,
                    None => open.unwrap_or(at),
                }
            });
            at += 8;
            continue;
        }
        let mut mask = bits;
        let mut k = 0u32;
        loop {
            if let Some(start) = open {
                // The word goes on over the bytes whose bits are set from `k`.
                let run = (!mask).trailing_zeros();
                if k + run >= 8 {
                    break;
                }
                k += run;
                mask >>= run;
                open = None;
                counts.add(content, start, at + k as usize, true);
                if counts.words >= STAT_WORDS {
                    return counts.shape();
                }
                if counts.not_title {
                    // The words that start in the rest of these bytes, and whether
                    // the last one runs on.
                    let firsts = mask & !(mask << 1);
                    counts.words += firsts.count_ones() as usize;
                    if counts.words >= STAT_WORDS {
                        return counts.shape();
                    }
                    if bits & 0x80 != 0 {
                        let outside = !bits & 0xFF;
                        open = Some(outside.checked_ilog2().map_or(at, |j| at + j as usize + 1));
                    }
                    break;
                }
            }
            if mask == 0 {
                break;
            }
            let skip = mask.trailing_zeros();
            k += skip;
            mask >>= skip;
            open = Some(at + k as usize);
        }
        at += 8;
    }
    // The rest (a character outside ASCII, or the last bytes). A word read into it
    // is read again from its start, uncounted unless only words are counted; `at`
    // follows ASCII bytes only, so it is a character boundary.
    match open {
        Some(start) if counts.not_title => {
            counts.words = counts.words.saturating_sub(1);
            quote_shape_from(content, start, counts)
        }
        Some(start) => quote_shape_from(content, start, counts),
        None => quote_shape_from(content, at, counts),
    }
}

/// Bit `k` set for each byte `k` of `v` (eight ASCII bytes) that belongs to a word:
/// a letter, a digit or `'`.
#[inline]
fn word_byte_bits(v: u64) -> u32 {
    const LOW7: u64 = !scan::HIGH_BITS;
    // A byte equal to `'` is zero after the xor; adding 0x7F to its low seven bits
    // sets the high bit of every other byte (no carry crosses bytes).
    let x = v ^ (u64::from(b'\'') * 0x0101_0101_0101_0101);
    let apostrophe = !(((x & LOW7) + LOW7) | x | LOW7);
    let high = scan::alnum_mask(v) | apostrophe;
    // Gathers the high bit of byte `k` into bit `k` (the products never overlap).
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// [`quote_shape`] from byte `i` of `content` (a character boundary outside a word
/// or at a word's first byte) with `counts` of the words before it, a character at a
/// time.
fn quote_shape_from(content: &str, mut i: usize, mut counts: ShapeCounts) -> QuoteShape {
    // Whether the character at byte `i` (not ASCII, on a char boundary) is inside a
    // word, and its length.
    let wide = |i: usize| {
        content
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((false, 1), |c| {
                (c == '’' || is_alphanumeric(c), c.len_utf8())
            })
    };
    let bytes = content.as_bytes();
    while counts.words < STAT_WORDS {
        // The next word's first byte.
        loop {
            let Some(&b) = bytes.get(i) else {
                return counts.shape();
            };
            match QUOTED_WORD_BYTE[usize::from(b)] {
                0 => i += 1,
                1 => break,
                _ => match wide(i) {
                    (true, _) => break,
                    (false, len) => i += len,
                },
            }
        }
        let start = i;
        let mut ascii = true;
        while let Some(&b) = bytes.get(i) {
            match QUOTED_WORD_BYTE[usize::from(b)] {
                0 => break,
                1 => i += 1,
                _ => match wide(i) {
                    (true, len) => {
                        ascii = false;
                        i += len;
                    }
                    (false, _) => break,
                },
            }
        }
        counts.add(content, start, i, ascii);
    }
    counts.shape()
}

/// A name without possessive endings, stray apostrophes or commas, single-spaced;
/// borrowed when it is already clean (the usual case).
fn clean_name_cow(raw: &str) -> std::borrow::Cow<'_, str> {
    if is_clean_name(raw) {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for w in words(raw) {
        let w = w
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’', ',']);
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a name as written needs no cleaning: no apostrophe, comma, newline or tab,
/// no double space, nothing to trim (as `!raw.contains(['\'', '’', ',', '\n', '\t'])
/// && !raw.contains("  ") && raw.trim() == raw`, read byte by byte: the marks are
/// ASCII bytes or the bytes of `’`, which no other character contains).
fn is_clean_name(raw: &str) -> bool {
    let b = raw.as_bytes();
    let mut prev = 0u8;
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'\'' | b',' | b'\n' | b'\t' => return false,
            b' ' if prev == b' ' => return false,
            0xE2 if b.get(k + 1..k + 3) == Some(&[0x80, 0x99]) => return false,
            _ => {}
        }
        prev = c;
    }
    !raw.starts_with(char::is_whitespace) && !raw.ends_with(char::is_whitespace)
}

/// Whether byte `b` is whitespace to `char::is_whitespace` (tab to carriage return,
/// and space; vertical tab included, unlike `u8::is_ascii_whitespace`).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The words of `s` as `str::split_whitespace` gives them; ASCII text (names, nearly
/// always) is split byte by byte instead of character by character.
fn words(s: &str) -> Words<'_> {
    if s.is_ascii() {
        Words::Ascii(s, 0)
    } else {
        Words::Other(s.split_whitespace())
    }
}

/// See [`words`].
#[derive(Clone)]
enum Words<'a> {
    /// The text and how far it has been read.
    Ascii(&'a str, usize),
    Other(std::str::SplitWhitespace<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        match self {
            Words::Ascii(s, at) => {
                let b = s.as_bytes();
                let mut i = *at;
                while b.get(i).is_some_and(|&c| is_ascii_space(c)) {
                    i += 1;
                }
                if i >= b.len() {
                    *at = i;
                    return None;
                }
                let start = i;
                while b.get(i).is_some_and(|&c| !is_ascii_space(c)) {
                    i += 1;
                }
                *at = i;
                s.get(start..i)
            }
            Words::Other(it) => it.next(),
        }
    }
}

/// How many words `s` has (split at whitespace), its first and its last, read in
/// one pass.
fn word_summary(s: &str) -> (usize, Option<&str>, Option<&str>) {
    let (mut n, mut first, mut last) = (0usize, None, None);
    if s.is_ascii() {
        let b = s.as_bytes();
        let mut i = 0usize;
        loop {
            while b.get(i).is_some_and(|&c| is_ascii_space(c)) {
                i += 1;
            }
            if i >= b.len() {
                return (n, first, last);
            }
            let start = i;
            while b.get(i).is_some_and(|&c| !is_ascii_space(c)) {
                i += 1;
            }
            n += 1;
            let w = s.get(start..i);
            first = first.or(w);
            last = w;
        }
    }
    for w in words(s) {
        n += 1;
        first = first.or(Some(w));
        last = Some(w);
    }
    (n, first, last)
}

/// Whether every character of `s` is one `keep` accepts (as
/// `s.trim_matches(|c| keep(c)).is_empty()`), ASCII bytes tested without decoding.
#[inline]
fn all_chars(s: &str, keep: impl Fn(char) -> bool) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => return false,
            }
        };
        if !keep(c) {
            return false;
        }
        i += len;
    }
    true
}

/// Whether `s` is empty or only whitespace (as `s.trim().is_empty()`): an ASCII
/// character that is not a space answers at once, without trimming both ends.
#[inline]
fn is_blank(s: &str) -> bool {
    for &b in s.as_bytes() {
        if b >= 0x80 {
            return s.trim().is_empty();
        }
        if !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            return false;
        }
    }
    true
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

fn is_acronym(w: &str) -> bool {
    // Words are read byte by byte, an ASCII lowercase letter (the second byte of
    // most names asked about) ending the test at once in any script: an acronym has
    // no lowercase letter.
    let b = w.as_bytes();
    if b.iter().any(u8::is_ascii_lowercase) {
        return false;
    }
    if w.is_ascii() {
        return b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| !c.is_lowercase())
}

/// Words that end a speaker phrase read forwards (`said Putin in a statement`).
fn is_forward_stop(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "to"
            | "as"
            | "when"
            | "while"
            | "after"
            | "before"
            | "because"
            | "and"
            | "from"
            | "about"
            | "with"
            | "for"
            | "who"
            | "which"
            | "that"
            | "told"
            | "said"
            | "adding"
            | "saying"
            | "referring"
            | "speaking"
            | "via"
            | "by"
            | "through"
            | "into"
            | "over"
            | "of"
    )
}

/// Length of a possessive word without its ending (`Putin's` → `Putin`).
fn possessive_stem_len(w: &str) -> usize {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return stem.len();
        }
    }
    w.len()
}

fn np_org_flag(np: &Np) -> bool {
    matches!(np.kind, NpKind::Named { org: true, .. })
}

/// Where the name starts when `role` is written at `at` as a title before a name: a
/// whole word (any case), an optional period (`Sen.`), one space, then a capital.
fn titled_word_at(bytes: &[u8], at: usize, role: &str) -> Option<usize> {
    let word = bytes.get(at..at + role.len())?;
    if !word.eq_ignore_ascii_case(role.as_bytes()) {
        return None;
    }
    if at > 0
        && bytes
            .get(at - 1)
            .is_none_or(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    {
        return None;
    }
    let mut k = at + role.len();
    if bytes.get(k) == Some(&b'.') {
        k += 1;
    }
    if bytes.get(k) != Some(&b' ') {
        return None;
    }
    bytes
        .get(k + 1)
        .is_some_and(u8::is_ascii_uppercase)
        .then_some(k + 1)
}

/// Words that make a role another one when written before it (`Vice President`,
/// `Deputy Director`).
const ROLE_MODIFIERS: &[&str] = &["vice", "deputy", "assistant", "lieutenant", "lt"];

/// Short forms of role words (`sen` for `senator`) and the role (lowercase) each
/// stands for: a word describing a person names a role when it is the role or one of
/// its short forms (at most eight per role, see `role_referent`).
const ROLE_SHORT_FORMS: &[(&str, &str)] = &[
    ("sen", "senator"),
    ("gov", "governor"),
    ("rep", "congressman"),
    ("rep", "congresswoman"),
    ("rep", "lawmaker"),
    ("sen", "lawmaker"),
    ("senator", "lawmaker"),
    ("congressman", "lawmaker"),
    ("congresswoman", "lawmaker"),
    ("gen", "general"),
    ("adm", "admiral"),
    ("col", "colonel"),
    ("capt", "captain"),
    ("sgt", "sergeant"),
    ("pres", "president"),
    ("atty", "attorney"),
    ("amb", "ambassador"),
    ("prof", "professor"),
    ("chairwoman", "chair"),
    ("chairman", "chair"),
    ("ceo", "executive"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
];

/// Whether `w` (a word's bytes) is a lowercase name particle (`de`, `van`, `bin`).
/// The particles are ASCII: their bytes compare as their text would (an ASCII byte
/// range of the text lies on character boundaries).
#[inline(always)]
fn is_name_particle(w: &[u8]) -> bool {
    w.len() <= 3
        && matches!(
            w,
            b"de"
                | b"da"
                | b"van"
                | b"von"
                | b"bin"
                | b"al"
                | b"del"
                | b"la"
                | b"le"
                | b"di"
                | b"du"
                | b"der"
                | b"ibn"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{Run, WordScan};

    fn collect(f: impl Fn(&str, &mut dyn FnMut(&str)), s: &str) -> Vec<String> {
        let mut out = Vec::new();
        f(s, &mut |w: &str| out.push(w.to_owned()));
        out
    }

    /// Runs `f` on the analyzer of `text` with the stage's default settings.
    /// `parts` joined into a phrase that opens a text with a quotation after it (so the
    /// text is analyzed at all), and the phrase's tokens, the last cut `cut` bytes short
    /// (a token cut short, as a possessive's stem is, may end inside a word).
    fn phrase_tokens(parts: &[&str], cut: usize) -> (String, Vec<Tok>) {
        let phrase = parts.concat();
        let text = format!("{phrase}. “Yes,” she said.");
        let mut toks = Vec::new();
        crate::text::tokenize(&text, 0, phrase.len(), usize::MAX, &mut toks);
        if let Some(t) = toks.last_mut() {
            t.end = t.end.saturating_sub(cut).max(t.start);
        }
        (text, toks)
    }

    fn with_default_analyzer<R>(text: &str, f: impl FnOnce(&mut Analyzer<'_>) -> R) -> Option<R> {
        let lex = Lexicon::new();
        let settings = Settings {
            resolve: true,
            scare_quotes: false,
            min_unattributed_words: 4,
        };
        with_analyzer(text, &lex, settings, &mut Scratch::default(), f)
    }

    /// The runs of every paragraph, read one paragraph at a time in any order, are
    /// those one pass over the whole text reads (the way they were read before they
    /// were read lazily), flags included.
    fn lazy_runs_match_one_pass(text: &str, order: &[usize]) {
        with_default_analyzer(text, |a| {
            let n = a.paragraphs.len();
            for &k in order {
                a.paragraph_runs(k % n.max(1));
            }
            let lazy: Vec<Run> = (0..n)
                .flat_map(|pi| {
                    let (s, e) = a.paragraph_runs(pi);
                    a.runs[s..e].to_vec()
                })
                .collect();
            let mut eager = Vec::new();
            let mut no_cues = Vec::new();
            let mut words = WordScan::new(text, a.lex, &mut eager, &mut no_cues);
            for p in &a.paragraphs {
                let lo = a.breaks.partition_point(|&b| b < p.start);
                let hi = a.breaks.partition_point(|&b| b < p.end);
                let breaks = &a.breaks[lo..hi];
                let mut pos = p.start;
                let mut k = a.regions.partition_point(|r| r.1 <= p.start);
                loop {
                    let (gap_end, next) = match a.regions.get(k) {
                        Some(&(s, e)) if s < p.end => (s.max(pos), Some((s, e))),
                        _ => (p.end, None),
                    };
                    if gap_end > pos {
                        words.gap(pos, gap_end, breaks, true, false);
                    }
                    let Some((s, e)) = next else { break };
                    if e.min(p.end) > s.max(pos) {
                        words.quotation(s.max(pos), e.min(p.end));
                    }
                    pos = e.max(pos);
                    k += 1;
                    if pos >= p.end {
                        break;
                    }
                }
                words.end_paragraph(p.start, p.end);
            }
            for &(cs, ce, _) in &a.found {
                let before = eager.partition_point(|r| (r.start as usize) < cs);
                if let Some(r) = before.checked_sub(1).and_then(|k| eager.get_mut(k))
                    && text.get(r.end as usize..cs) == Some(" ")
                {
                    r.flags |= scan::NEXT_TO_CUE;
                }
                if let Some(r) = eager.get_mut(before)
                    && text.get(ce..r.start as usize) == Some(" ")
                {
                    r.flags |= scan::NEXT_TO_CUE;
                }
            }
            assert_eq!(lazy, eager, "{text:?}");
            // The filter that spares reading paragraphs for fuller names lets every
            // run of several words through.
            for r in eager.iter().filter(|r| r.words >= 2) {
                assert!(
                    may_end_multiword_run(a.lex, text.as_bytes(), r.last_start as usize),
                    "{text:?} {r:?}"
                );
            }
        });
    }

    /// The runs of several words ending with each capitalized word, found from the
    /// bytes around its uses (paragraphs left unread), are those the runs of the
    /// paragraphs read whole list, but for the cue flag the local reading leaves out;
    /// and every run the bytes around a word tell is the paragraph's run ending there.
    fn local_runs_match_paragraph_runs(text: &str) {
        let mask = |r: &Run| Run {
            flags: r.flags & !scan::NEXT_TO_CUE,
            ..*r
        };
        let bytes = text.as_bytes();
        let mut words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            .collect();
        words.sort_unstable();
        words.dedup();
        for word in words {
            let local = with_default_analyzer(text, |a| {
                let mut out = Vec::new();
                a.multiword_runs_ending_with(word, 0..text.len(), &mut out);
                out.iter().map(mask).collect::<Vec<_>>()
            });
            let whole = with_default_analyzer(text, |a| {
                (0..a.paragraphs.len())
                    .flat_map(|pi| {
                        let (s, e) = a.paragraph_runs(pi);
                        a.runs[s..e].to_vec()
                    })
                    .filter(|r| {
                        r.flags & scan::HEADLINE == 0 && r.words >= 2 && r.last_word(text) == word
                    })
                    .map(|r| mask(&r))
                    .collect::<Vec<_>>()
            });
            assert_eq!(local, whole, "{text:?} {word:?}");
        }
        with_default_analyzer(text, |a| {
            for pi in 0..a.paragraphs.len() {
                let p = a.paragraphs[pi];
                if scan::title_case(&text[p.start..p.end]) {
                    continue;
                }
                let breaks = a.breaks.clone();
                let told: Vec<(usize, Option<Option<Run>>)> = (p.start + 1..p.end)
                    .filter(|&at| bytes[at - 1] == b' ' && text.is_char_boundary(at))
                    .map(|at| {
                        let run = a
                            .region_of(p, at)
                            .and_then(|r| scan::run_ending_at(text, a.lex, r, &breaks, at));
                        (at, run)
                    })
                    .collect();
                let (s, e) = a.paragraph_runs(pi);
                let runs = a.runs[s..e].to_vec();
                for (at, run) in told {
                    let Some(run) = run else { continue };
                    let expected = runs.iter().find(|r| r.last_start as usize == at).map(mask);
                    assert_eq!(run.map(|r| mask(&r)), expected, "{text:?} at {at}");
                }
            }
        });
    }

    #[test]
    fn local_runs_of_a_news_story() {
        local_runs_match_paragraph_runs(
            "Mayor Tomas Brandt said on Monday that the office would open in May. \
             “We waited long enough,” Brandt said, and Sen. Maria de la Cruz agreed.\n\n\
             (Ana Ortiz) told reporters: “Brandt’s plan is fine, Mr. Brandt.” The \
             x-Ray Brandt, Ki-moon Brandt and V. Brandt's aide, Ursula von der Leyen.",
        );
    }

    /// The phrase after a cue, read from tokens made only as far as read: the name
    /// after a role and its comma is read to its end.
    #[test]
    fn forward_phrases_of_a_news_story() {
        for (text, want) in [
            (
                "“Yes,” said the spokeswoman, Ana Maria Lopez Ortiz. “No,” she said.",
                Some("Ana Maria Lopez Ortiz"),
            ),
            (
                "“Yes,” said President Vladimir Putin on Monday.",
                Some("Vladimir Putin"),
            ),
            ("“Yes,” said the director of the FBI. Then he left.", None),
        ] {
            let from = "“Yes,” said".len();
            with_default_analyzer(text, |a| {
                let lazy = a.with_token_stream(from, text.len(), 24, |t| a.forward_np_in(t));
                let whole = a.with_token_stream(from, text.len(), 24, |t| {
                    t.get(usize::MAX - 1);
                    a.forward_np_in(t)
                });
                assert_eq!(lazy, whole, "{text:?}");
                let named = lazy.and_then(|np| match np.kind {
                    NpKind::Named { name, .. } => text.get(name.0..name.1),
                    _ => None,
                });
                assert_eq!(named, want, "{text:?}");
            });
        }
    }

    #[test]
    fn lazy_runs_of_a_news_story() {
        let text = "City Hall Opens New Harbour Office\n\n\
            Mayor Tomas Brandt said on Monday that the office would open in May. \
            “We waited long enough,” Brandt said.\n\n\
            “It is a good day for Ashford,” added Sen. Maria de la Cruz, who chairs the \
            committee. She said the plan was “long overdue”.\n\n\
            Brandt’s deputy, Ana Ortiz, told reporters: “We will open on time.”";
        lazy_runs_match_one_pass(text, &[3, 0, 2]);
        lazy_runs_match_one_pass(text, &[]);
    }

    /// A story of fewer than `max` [`RUN_PIECES`].
    fn run_story(max: usize) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::sample::select(RUN_PIECES), 0..max)
            .prop_map(|parts| parts.concat())
    }

    /// Pieces of stories for the proptests over capitalized runs: names with titles,
    /// particles and possessives, cues, quote marks, breaks, and tokens that look like
    /// parts of names and are not.
    const RUN_PIECES: &[&str] = &[
        "Putin",
        " said",
        " Maria Lopez",
        " told",
        " the",
        "Sen.",
        " ",
        ". ",
        "“",
        "”",
        "\"",
        "\n",
        "\n\n",
        ",",
        "Ortiz’s",
        " de",
        " Gaulle",
        " And",
        " Mr.",
        " V.",
        " according to",
        " added",
        "The Port",
        " On",
        ":",
        "'",
        " la",
        " von der",
        " De.",
        " van.",
        " Ki-moon",
        "Ursula",
        " ibn.",
        " Lopez",
        " Lopez's",
        " x-Ray",
        " (Lopez",
        " 3M",
        " e.g.",
        " é",
        " Él",
        " Lopez,",
        " reportedly announced yesterday afternoon",
        " A",
        "-",
        " O'Neil",
        " a",
        " Lopez.",
        " Lopez Lopez",
        "\t",
        " US-Lopez",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 128, failure_persistence: None, ..Default::default()
        })]

        /// The vector search for a word in either case answers as the byte search,
        /// for words met once, twice, cut by the end, or differing only in case.
        #[test]
        fn case_blind_search_matches_the_byte_search(
            hay in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Putin", "putin", "PUTIN", " ", "said", "Sa", "é", "É", "@", "`", "[", "{",
                    "z", "Z", "“", "a", "A", "utin", "Puti",
                ]),
                0..40,
            ),
            needle in proptest::sample::select(vec![
                "putin", "Putin", "said", "SAID", "é", "zz", "@[", "`{", "pu", "utin said",
                "a", "“a", "ÉÉ",
            ]),
        ) {
            let hay = hay.concat();
            let first = needle.as_bytes()[0];
            proptest::prop_assert_eq!(
                contains_ignore_ascii_case(&hay, needle),
                contains_ignore_ascii_case_bytewise(hay.as_bytes(), needle.as_bytes(), first),
                "{:?} {:?}", hay, needle
            );
        }

        /// An acronym is told as by its characters: at least two letters and none of
        /// them lowercase, in any script.
        #[test]
        fn acronyms_match_a_test_by_characters(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "A", "b", "N", "7", ".", "-", "&", "É", "é", "Ø", "ß", "中", "Σ", "σ", "'",
                ]),
                0..7,
            ),
        ) {
            let w: String = parts.concat();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let expected = letters >= 2 && w.chars().all(|c| !c.is_lowercase());
            proptest::prop_assert_eq!(is_acronym(&w), expected, "{:?}", w);
        }

        /// The occurrences of a word are those a test at every byte finds, for words
        /// led by capitals, lowercase letters and letters outside ASCII, overlapping
        /// ones, and ones running past the end of the range.
        #[test]
        fn occurrences_match_a_test_at_every_byte(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Мой", " Я", "Теперь", " ", "Ortiz", "Orti", "oo", "o", "é", "Éric",
                    "de", "d", ".", "\n", "abcdefghijklmnopqrstuvwxyz",
                ]),
                0..24,
            ),
            word in proptest::sample::select(vec![
                "Мой", "Я", "Ortiz", "oo", "o", "Éric", "de", "abcdefghijklmnopqrstuvwxyzq",
            ]),
            from in 0usize..200,
            to in 0usize..220,
        ) {
            let text: String = parts.concat();
            let bytes = text.as_bytes();
            let mut found = Vec::new();
            for_each_occurrence(bytes, word.as_bytes(), from..to, |p| {
                found.push(p);
                true
            });
            let expected: Vec<usize> = (from..to.min(bytes.len()))
                .filter(|&p| bytes[p..].starts_with(word.as_bytes()))
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// The prepositions found in one pass over a phrase's bytes are the first
        /// tokens whose text the two searches by text find, for any tokens, cut
        /// ones and tokens of other kinds included.
        #[test]
        fn prepositions_match_a_search_by_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " of", " at", " from", " for", " with", " in", " Of", " off", " o",
                    " fro", " within", " into", " the", " Maria", " spokesman", ",", " “",
                    " é", " ofé", " in’s",
                ]),
                0..16,
            ),
            cut in 0usize..4,
        ) {
            let (text, toks) = phrase_tokens(&parts, cut);
            let agreed = with_default_analyzer(&text, |a| {
                let of_at_from = toks
                    .iter()
                    .position(|t| matches!(a.word(t), "of" | "at" | "from"));
                let any = toks.iter().position(|t| {
                    matches!(a.word(t), "of" | "for" | "at" | "from" | "with" | "in")
                });
                a.first_prepositions(&toks) == (of_at_from, any)
            });
            proptest::prop_assert_eq!(agreed, Some(true), "{:?}", text);
        }

        /// Whether a name's tokens make an organization, their classes read through
        /// the token class cache, is what the test of its words by the lexicon says:
        /// party and nation words, first names, words that also name things, acronyms.
        #[test]
        fn org_names_of_tokens_match_org_names_of_words(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " Bill", " Clinton", " Steven", " Law", " Cornel", " West", " Democratic",
                    " Republican", " Russian", " Senate", " FBI", " Maria", " Lopez", " House",
                    " NATO", " U.S.", " de", " Ørsted", " É", " Ministry",
                ]),
                1..6,
            ),
        ) {
            let (text, toks) = phrase_tokens(&parts, 0);
            let agreed = with_default_analyzer(&text, |a| {
                // Twice: the second reading of each class comes from the cache.
                (0..2).all(|_| {
                    a.org_name_toks(&toks)
                        == a.org_name_of(toks.iter().map(|t| a.word(t)), toks.len())
                })
            });
            proptest::prop_assert_eq!(agreed, Some(true), "{:?}", text);
        }

        /// What descriptors say is read from the text as from their words' own text:
        /// titles, gendered nouns, periods, commas, other scripts.
        #[test]
        fn descriptor_info_matches_classes_of_words(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " Mr.", " Ms.", " spokeswoman", " senator", ", ", " the", " Sen.", " é",
                    " Ørsted", " chairman", " x", " former", " U.S.", "  ", " Mrs",
                ]),
                0..8,
            ),
        ) {
            let phrase = parts.concat();
            let text = format!("{phrase}. “Yes,” she said.");
            let same = with_default_analyzer(&text, |a| {
                let mut gender = None;
                let mut title = false;
                for_each_descriptor_word(&phrase, |w| {
                    let c = a.lex.class(w);
                    title |= c & TITLE != 0;
                    if gender.is_none() {
                        gender = if c & FEMALE_TITLE != 0 {
                            Some(false)
                        } else if c & MALE_TITLE != 0 {
                            Some(true)
                        } else {
                            None
                        };
                    }
                });
                a.descriptor_info(&[(0, phrase.len())]) == (gender, title)
            });
            proptest::prop_assert_eq!(same, Some(true), "{:?}", text);
        }

        /// A name token is told as by its text: capitalized words by their class,
        /// lowercase ones by the list of name particles, tokens cut inside a word too,
        /// words opening with a digit, `@` or a letter of another script as well.
        #[test]
        fn name_tokens_match_a_test_by_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " de", " da", " van", " von", " bin", " al", " del", " la", " le", " di",
                    " du", " der", " ibn", " dé", " De", " ibné", " Maria", " the", " The",
                    " d", " vo", " dera", ",", " é", " Ørsted", " @AP", " @de", " 3M", " Élodie",
                    " élan",
                ]),
                0..10,
            ),
            cut in 0usize..3,
        ) {
            let (text, toks) = phrase_tokens(&parts, cut);
            let agreed = with_default_analyzer(&text, |a| {
                toks.iter().all(|t| {
                    let by_text = t.kind == TokKind::Word
                        && if t.is_capitalized(a.text) {
                            a.lex.class(a.word(t)) & NOT_NAME == 0
                        } else {
                            matches!(
                                a.word(t),
                                "de" | "da" | "van" | "von" | "bin" | "al" | "del" | "la"
                                    | "le" | "di" | "du" | "der" | "ibn"
                            )
                        };
                    a.name_token(t) == by_text
                })
            });
            proptest::prop_assert_eq!(agreed, Some(true), "{:?}", text);
        }

        /// Passing over the occurrences whose use could say nothing changes no
        /// evidence about any name.
        #[test]
        fn evidence_skips_only_silent_uses(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Analysts", " Analysts", "Ortiz", " Ortiz", " said", " told", " expect",
                    " Maria", " Mr.", " Sen.", " the", ". ", "“", "”", "\"", "\n", "\n\n",
                    ", ", " according to", "Said", " de", "Ortiz’s", " Critics", " and",
                    "(", ")", ": ", " Analysts said",
                ]),
                0..50,
            ),
        ) {
            let text = parts.concat();
            let agreed = with_default_analyzer(&text, |a| {
                ["Analysts", "Ortiz", "Critics", "Maria"].iter().all(|w| {
                    let fast = a.name_evidence(w);
                    let all = a.name_evidence_of_all(w);
                    (fast.speaker, fast.proper, fast.titled, fast.first_name)
                        == (all.speaker, all.proper, all.titled, all.first_name)
                })
            });
            proptest::prop_assert!(agreed.unwrap_or(true), "{text:?}");
        }

        #[test]
        fn local_runs_match_paragraph_runs_on_any_story(
            text in run_story(80),
        ) {
            local_runs_match_paragraph_runs(&text);
        }

        /// The phrase after a cue read from tokens made as far as read is the one
        /// read from the whole window tokenized first.
        #[test]
        fn forward_phrases_read_lazily_match_a_whole_window(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " the", " President", " of", " the", " United States", " Vladimir Putin",
                    " Putin", ",", " a", " spokeswoman", " for", " May", " June", " Mr.",
                    " on Monday", " recently", " he", " she", " Kellyanne Conway", ".",
                    " University", " Michigan", " director", " FBI", " who", " and", " 's",
                    " Ana Maria Lopez Ortiz", " campaign manager,", " the spokeswoman,",
                ]),
                0..30,
            ),
        ) {
            let text = format!("“Yes,” said{}. “No,” she said.", parts.concat());
            let from = "“Yes,” said".len();
            let end = text.len().min(from + WINDOW_BYTES);
            let end = (0..=end).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
            with_default_analyzer(&text, |a| {
                let lazy = a.with_token_stream(from, end, 24, |t| a.forward_np_in(t));
                let whole = a.with_token_stream(from, end, 24, |t| {
                    t.get(usize::MAX - 1);
                    a.forward_np_in(t)
                });
                assert_eq!(lazy, whole, "{text:?}");
            });
        }

        /// The runs of a paragraph's gaps read alone are its runs outside quotations
        /// read whole, in order, flags aside from the cue flag; read first or after
        /// the whole paragraph.
        #[test]
        fn gap_runs_match_the_runs_outside_quotations(
            text in run_story(80),
            whole_first in proptest::bool::ANY,
        ) {
            let mask = |r: &Run| Run {
                flags: r.flags & !scan::NEXT_TO_CUE,
                ..*r
            };
            with_default_analyzer(&text, |a| {
                for pi in 0..a.paragraphs.len() {
                    let (gap, whole) = if whole_first {
                        let (s, e) = a.paragraph_runs(pi);
                        let whole = a.runs[s..e].to_vec();
                        let (s, e) = a.paragraph_gap_runs(pi);
                        (a.runs[s..e].to_vec(), whole)
                    } else {
                        let (s, e) = a.paragraph_gap_runs(pi);
                        let gap = a.runs[s..e].to_vec();
                        let (s, e) = a.paragraph_runs(pi);
                        (gap, a.runs[s..e].to_vec())
                    };
                    let outside: Vec<Run> = whole
                        .iter()
                        .filter(|r| r.flags & scan::IN_QUOTE == 0)
                        .map(mask)
                        .collect();
                    let gap: Vec<Run> = gap
                        .iter()
                        .filter(|r| r.flags & scan::IN_QUOTE == 0)
                        .map(mask)
                        .collect();
                    assert_eq!(gap, outside, "{text:?} paragraph {pi}");
                }
            });
        }

        #[test]
        fn lazy_runs_match_one_pass_on_any_story(
            text in run_story(60),
            order in proptest::collection::vec(0usize..20, 0..8),
        ) {
            lazy_runs_match_one_pass(&text, &order);
        }

        /// The sentence of every position, read from the table of sentence ends, is
        /// the one a search of the breaks and paragraphs gives.
        #[test]
        fn sentence_ends_match_a_search(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Putin", " said", " Maria Lopez", ". ", "! ", "“", "”", "\"", "\n",
                    "\n\n", ",", " Mr.", " V.", " The", " it", "? ", "é", " ",
                ]),
                0..60,
            ),
        ) {
            let text = parts.concat();
            let checked = with_default_analyzer(&text, |a| {
                // The ends tabled while segmenting are those read again from the breaks.
                let tabled = a.sentence_ends.clone();
                a.sentence_ends_again();
                if tabled != a.sentence_ends {
                    return Err(usize::MAX);
                }
                for pos in 0..=text.len() + 1 {
                    let i = a.breaks.partition_point(|&b| b <= pos);
                    let start = if i > 0 { a.breaks[i - 1] } else { 0 };
                    let para_end = a
                        .paragraphs
                        .get(a.paragraphs.partition_point(|p| p.start <= pos).saturating_sub(1))
                        .map_or(text.len(), |p| p.end);
                    let end = a.breaks.get(i).copied().map_or(para_end, |b| b.min(para_end));
                    if a.sentence_of(pos) != (start, end) {
                        return Err(pos);
                    }
                }
                Ok(())
            });
            proptest::prop_assert_eq!(checked.unwrap_or(Ok(())), Ok(()));
        }
    }

    /// The counts [`quote_shape`] stands for, as first written: every word through
    /// `char` methods and string matches.
    #[derive(Default)]
    struct WordStats {
        words: usize,
        long_words: usize,
        capitalized: usize,
        lower_content: usize,
    }

    /// [`quote_shape`] as first written.
    fn quote_shape_reference(content: &str) -> QuoteShape {
        let mut st = WordStats::default();
        let words = content
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty());
        for w in words {
            if st.words >= STAT_WORDS {
                break;
            }
            st.words += 1;
            let function_word = matches!(
                w,
                "with" | "from" | "into" | "over" | "upon" | "about" | "than" | "that"
            );
            let lowercase = w.chars().next().is_some_and(char::is_lowercase);
            if lowercase
                && !function_word
                && !matches!(
                    w,
                    "a" | "an"
                        | "the"
                        | "and"
                        | "but"
                        | "or"
                        | "nor"
                        | "for"
                        | "so"
                        | "as"
                        | "at"
                        | "by"
                        | "in"
                        | "of"
                        | "on"
                        | "to"
                        | "up"
                        | "vs"
                )
            {
                st.lower_content += 1;
            }
            if !function_word && (w.len() >= 4 || w.chars().next().is_some_and(char::is_uppercase))
            {
                st.long_words += 1;
                if w.chars().next().is_some_and(char::is_uppercase) {
                    st.capitalized += 1;
                }
            }
        }
        QuoteShape {
            words: st.words,
            title_like: st.long_words > 0
                && st.capitalized == st.long_words
                && st.lower_content == 0
                && (st.words == 1 || st.capitalized >= 2)
                && st.words <= 8,
        }
    }

    #[test]
    fn shapes_of_titles_and_sentences() {
        let shape = |words, title_like| QuoteShape { words, title_like };
        assert_eq!(quote_shape("Meet the Press"), shape(3, true));
        assert_eq!(
            quote_shape("This Week with George Stephanopoulos"),
            shape(5, true)
        );
        // `run` and `she` make it a sentence.
        assert_eq!(quote_shape("Will she run for the Senate?"), shape(6, false));
        assert_eq!(quote_shape("Lyin’ Ted"), shape(2, true));
        assert_eq!(quote_shape("— … !"), shape(0, false));
        // Counted up to twelve words.
        assert_eq!(
            quote_shape("We knew it would be hard, and we knew it would cost a lot of money."),
            shape(12, false)
        );
    }

    #[test]
    fn every_role_has_room_for_its_short_forms() {
        for (_, full) in ROLE_SHORT_FORMS {
            let n = ROLE_SHORT_FORMS.iter().filter(|(_, f)| f == full).count();
            assert!(n <= 8, "{full} has {n} short forms");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 512, failure_persistence: None, ..Default::default()
        })]

        /// The byte-wise word splits give the words of the char-wise splits they
        /// stand for, on ASCII and on other text alike.
        #[test]
        fn fast_word_splits_match_char_splits(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Sen.", "the", " ", ",", "  ", "\t", "\u{b}", "ex-", "former", "(", ")", "'s",
                    "’", "don't", "É", "é", "—", "\u{a0}", "42", "-", ".", "x", "Vice",
                    "\n", "\r", "\u{c}", "\u{2003}", "’s", "\u{2019}", "Maria", "NATO", "U.S",
                ]),
                0..14,
            ),
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(
                words(&s).collect::<Vec<_>>(),
                s.split_whitespace().collect::<Vec<_>>()
            );
            let keep = |c: char| c.is_whitespace() || c == ',' || c == '’';
            proptest::prop_assert_eq!(all_chars(&s, keep), s.trim_matches(keep).is_empty());
            let letters = s.chars().filter(|c| c.is_alphabetic()).count();
            proptest::prop_assert_eq!(
                is_acronym(&s),
                letters >= 2 && s.chars().all(|c| !c.is_lowercase())
            );
            proptest::prop_assert_eq!(
                word_summary(&s),
                (
                    s.split_whitespace().count(),
                    s.split_whitespace().next(),
                    s.split_whitespace().next_back()
                )
            );
            let clean = !s.contains(['\'', '’', ',', '\n', '\t'])
                && !s.contains("  ")
                && s.trim() == s;
            proptest::prop_assert_eq!(is_clean_name(&s), clean);
            let descriptor_words: Vec<String> = s
                .split(|c: char| c.is_whitespace() || c == ',')
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            proptest::prop_assert_eq!(
                collect(|s, f| for_each_descriptor_word(s, f), &s),
                descriptor_words
            );
            let role_words: Vec<String> = s
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            proptest::prop_assert_eq!(collect(|s, f| for_each_role_word(s, f), &s), role_words);
        }

        /// The shape read eight bytes at a time, and a character at a time, is the
        /// one of the string-matching reference.
        #[test]
        fn quote_shapes_match_reference(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "with", "With", "about", "abouts", "the", "The", "a", "A", "vs", "up",
                    "run", "she", "Élan", "élan", "être", "Über", "'em", "don't", "’tis",
                    "42", " ", ", ", "—", "\u{a0}", ".", "Meet", "Press", "wITh", "ab",
                    "thatch", "x", "ǅ", "ß", "İ", "Abcdefghijkl", "'", "''", "0123456",
                ]),
                0..40,
            ),
        ) {
            let s: String = parts.concat();
            let want = quote_shape_reference(&s);
            proptest::prop_assert_eq!(quote_shape(&s), want);
            proptest::prop_assert_eq!(quote_shape_from(&s, 0, ShapeCounts::default()), want);
        }
    }
}
