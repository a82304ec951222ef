//! Word lists the attribution rules rely on: cue verbs, pronouns, titles, role nouns,
//! first names with their usual gender. Hand-written for English news.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// How a cue relates to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueForm {
    /// A finite verb (`said`, `told`): the speaker is its subject, before it, or after it
    /// in the inverted order that follows a quotation (`,” said Putin`).
    Finite,
    /// A participle (`saying`, `adding`): the speaker is the subject of the sentence.
    Participle,
    /// `according to`: the speaker always follows.
    AccordingTo,
}

/// Cue verbs and phrases, each with its form. Matched case-insensitively on word
/// boundaries; the longest match wins (`pointed out` over `pointed`).
const CUES: &[(&str, CueForm)] = {
    use CueForm::*;
    &[
        ("said", Finite),
        ("says", Finite),
        ("say", Finite),
        ("saying", Participle),
        ("told", Finite),
        ("tells", Finite),
        ("telling", Participle),
        ("added", Finite),
        ("adds", Finite),
        ("adding", Participle),
        ("declared", Finite),
        ("declares", Finite),
        ("declaring", Participle),
        ("noted", Finite),
        ("noting", Participle),
        ("stressed", Finite),
        ("stresses", Finite),
        ("stressing", Participle),
        ("warned", Finite),
        ("warns", Finite),
        ("warning", Participle),
        ("wrote", Finite),
        ("writes", Finite),
        ("writing", Participle),
        ("asked", Finite),
        ("asks", Finite),
        ("asking", Participle),
        ("explained", Finite),
        ("explains", Finite),
        ("explaining", Participle),
        ("insisted", Finite),
        ("insists", Finite),
        ("insisting", Participle),
        ("argued", Finite),
        ("argues", Finite),
        ("arguing", Participle),
        ("claimed", Finite),
        ("claiming", Participle),
        ("stated", Finite),
        ("continued", Finite),
        ("continues", Finite),
        ("replied", Finite),
        ("replies", Finite),
        ("responded", Finite),
        ("responds", Finite),
        ("tweeted", Finite),
        ("tweeting", Participle),
        ("posted", Finite),
        ("announced", Finite),
        ("announces", Finite),
        ("announcing", Participle),
        ("acknowledged", Finite),
        ("acknowledges", Finite),
        ("acknowledging", Participle),
        ("admitted", Finite),
        ("admits", Finite),
        ("admitting", Participle),
        ("recalled", Finite),
        ("recalls", Finite),
        ("recalling", Participle),
        ("remarked", Finite),
        ("observed", Finite),
        ("emphasized", Finite),
        ("emphasised", Finite),
        ("emphasizing", Participle),
        ("suggested", Finite),
        ("suggests", Finite),
        ("urged", Finite),
        ("urges", Finite),
        ("urging", Participle),
        ("vowed", Finite),
        ("vows", Finite),
        ("vowing", Participle),
        ("promised", Finite),
        ("promising", Participle),
        ("predicted", Finite),
        ("predicts", Finite),
        ("predicting", Participle),
        ("conceded", Finite),
        ("concedes", Finite),
        ("conceding", Participle),
        ("countered", Finite),
        ("quipped", Finite),
        ("joked", Finite),
        ("shouted", Finite),
        ("exclaimed", Finite),
        ("yelled", Finite),
        ("fumed", Finite),
        ("complained", Finite),
        ("complains", Finite),
        ("complaining", Participle),
        ("charged", Finite),
        ("confirmed", Finite),
        ("confirms", Finite),
        ("denied", Finite),
        ("reported", Finite),
        ("reports", Finite),
        ("testified", Finite),
        ("concluded", Finite),
        ("pointed out", Finite),
        ("points out", Finite),
        ("pointing out", Participle),
        ("went on", Finite),
        ("goes on", Finite),
        ("chimed in", Finite),
        ("wondered", Finite),
        ("mused", Finite),
        ("boasted", Finite),
        ("bragged", Finite),
        ("lamented", Finite),
        ("cautioned", Finite),
        ("assured", Finite),
        ("recounted", Finite),
        ("described", Finite),
        ("describes", Finite),
        ("describing", Participle),
        ("hoped", Finite),
        ("agreed", Finite),
        ("agrees", Finite),
        ("demanded", Finite),
        ("pledged", Finite),
        ("reiterated", Finite),
        ("repeated", Finite),
        ("echoed", Finite),
        ("retorted", Finite),
        ("shot back", Finite),
        ("snapped", Finite),
        ("sighed", Finite),
        ("proclaimed", Finite),
        ("opined", Finite),
        ("confided", Finite),
        ("interjected", Finite),
        ("thundered", Finite),
        ("cried", Finite),
        ("put it", Finite),
        ("expressed confidence", Finite),
        ("expressed hope", Finite),
        ("expressed his confidence", Finite),
        ("expressed her confidence", Finite),
        ("surmised", Finite),
        ("riffed", Finite),
        ("confessed", Finite),
        ("mocked", Finite),
        ("scoffed", Finite),
        ("groused", Finite),
        ("griped", Finite),
        ("marveled", Finite),
        ("texted", Finite),
        ("barked", Finite),
        ("screamed", Finite),
        ("chanted", Finite),
        ("retweeted", Finite),
        ("begged", Finite),
        ("pleaded", Finite),
        ("reasoned", Finite),
        ("speculated", Finite),
        ("elaborated", Finite),
        ("clarified", Finite),
        ("summed up", Finite),
        ("interrupted", Finite),
        ("cut in", Finite),
        ("ventured", Finite),
        ("advised", Finite),
        ("swore", Finite),
        ("threatened", Finite),
        ("gushed", Finite),
        ("raved", Finite),
        ("praised", Finite),
        ("lauded", Finite),
        ("hailed", Finite),
        ("blasted", Finite),
        ("slammed", Finite),
        ("criticized", Finite),
        ("accused", Finite),
        ("contended", Finite),
        ("maintained", Finite),
        ("asserted", Finite),
        ("answered", Finite),
        ("rebutted", Finite),
        ("objected", Finite),
        ("protested", Finite),
        ("mourned", Finite),
        ("laughed", Finite),
        ("teased", Finite),
        ("reacted", Finite),
        ("questioned", Finite),
        ("notes", Finite),
        ("read", Finite),
        ("quoted", Finite),
        ("tweets", Finite),
        ("yelling", Participle),
        ("shouting", Participle),
        ("joking", Participle),
        ("quipping", Participle),
        ("continuing", Participle),
        ("concluding", Participle),
        ("answering", Participle),
        ("responding", Participle),
        ("replying", Participle),
        ("according to", AccordingTo),
    ]
};

/// Subject pronouns and the gender they imply (`Some(true)` male, `Some(false)` female).
const PRONOUNS: &[(&str, Option<bool>)] = &[
    ("he", Some(true)),
    ("she", Some(false)),
    ("they", None),
    ("it", None),
    ("i", None),
    ("we", None),
    ("you", None),
];

/// Titles and honorifics: stripped from a name's canonical form, kept as its
/// descriptors (`President Vladimir Putin` → `Vladimir Putin`, described as president).
const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep",
    "representative", "gov", "governor", "mayor", "mr", "mrs", "ms", "miss", "dr", "prof",
    "professor", "rev", "reverend", "gen", "general", "lt", "col", "colonel", "maj", "capt",
    "captain", "sgt", "sergeant", "adm", "admiral", "judge", "justice", "chief", "chairman",
    "chairwoman", "chair", "director", "ambassador", "speaker", "leader", "spokesman",
    "spokeswoman", "spokesperson", "commissioner", "sheriff", "attorney", "pope", "king",
    "queen", "prince", "princess", "sheikh", "sir", "dame", "lord", "lady", "chancellor",
    "premier", "congressman", "congresswoman", "councilman", "councilwoman", "assemblyman",
    "assemblywoman", "candidate", "nominee", "ceo", "founder", "president-elect", "pastor",
    "rabbi", "bishop", "cardinal", "archbishop", "state", "former", "acting", "deputy",
    "first", "detective", "officer", "host", "anchor", "madam", "gov.", "atty", "supt",
];

/// Role nouns that, after `the`, name a person mentioned before (`the president`).
const ROLE_NOUNS: &[&str] = &[
    "president", "leader", "senator", "governor", "candidate", "nominee", "minister",
    "chancellor", "secretary", "mayor", "congressman", "congresswoman", "lawmaker",
    "businessman", "businesswoman", "billionaire", "mogul", "tycoon", "chairman",
    "chairwoman", "director", "ambassador", "spokesman", "spokeswoman", "premier", "judge",
    "politician", "democrat", "republican", "frontrunner", "front-runner", "contender",
    "hopeful", "host", "anchor", "author", "actor", "actress", "singer", "star", "speaker",
    "executive", "founder", "attorney", "lawyer", "professor", "economist", "analyst",
    "strategist", "adviser", "advisor", "aide", "pollster", "commander", "chief", "man",
    "woman", "widow", "veteran", "president-elect", "king", "queen", "pope", "prince",
    "general", "official", "diplomat", "envoy", "pastor", "rabbi", "reverend", "mogul",
    "magnate", "entrepreneur", "activist", "student", "mother", "father", "son", "daughter",
    "wife", "husband", "governor-elect", "senator-elect", "incumbent", "challenger",
];

/// Role nouns generic enough to stand for the most recent named speaker even when no
/// mention carried them as a title (`the Russian leader` after `Putin said`).
const GENERIC_ROLES: &[&str] = &[
    "leader", "president", "president-elect", "politician", "candidate", "nominee", "hopeful", "frontrunner",
    "front-runner", "contender", "billionaire", "mogul", "tycoon", "magnate",
    "businessman", "businesswoman", "man", "woman", "incumbent", "challenger",
];

/// Words that start a noun phrase and are dropped from a nominal speaker.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "these", "those", "one", "another", "some", "several", "many", "two", "three", "four",
    "other", "both", "each", "any", "no", "most", "few",
];

/// Words that may stand between a speaker and its verb (`he also said`,
/// `Putin has repeatedly said`).
const VERB_FILLERS: &[&str] = &[
    "also", "later", "then", "previously", "recently", "once", "earlier", "again", "still",
    "further", "reportedly", "simply", "has", "had", "have", "would", "will", "could",
    "might", "may", "often", "frequently", "repeatedly", "publicly", "privately", "quickly",
    "finally", "just", "even", "never", "always", "first", "angrily", "proudly", "bluntly",
    "flatly", "quietly", "since", "already", "did", "does", "do", "famously", "subsequently", "immediately", "calmly", "softly", "happily",
    "sarcastically", "tersely", "wryly", "jokingly", "confidently", "emphatically",
    "defiantly", "cheerfully", "candidly", "bitterly", "openly", "loudly", "recently",
    "herself", "himself", "then-", "not", "only", "gleefully", "proceeded", "to",
];

/// Capitalized words that are not names (sentence openers, days, months...).
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "with", "from", "to", "of",
    "by", "as", "if", "when", "while", "after", "before", "since", "during", "this", "that",
    "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "its", "our", "my", "your", "there", "here", "what", "who", "why", "how", "where",
    "which", "some", "many", "most", "both", "all", "each", "every", "no", "not", "yes", "so",
    "yet", "still", "also", "even", "just", "only", "now", "then", "today", "yesterday",
    "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "however", "meanwhile", "although", "though",
    "because", "instead", "indeed", "earlier", "later", "last", "next", "sources",
    "officials", "asked", "according", "said", "says", "speaking", "thank", "thanks", "please",
    "well", "oh", "okay", "ok", "said", "one", "two", "three", "first", "second", "after",
    "until", "unlike", "like", "about", "over", "under", "through", "despite", "among",
    "against", "within", "without", "do", "does", "did", "is", "are", "was", "were", "be",
    "been", "being", "have", "has", "had", "let", "let's", "we're", "i'm", "it's", "that's",
    "there's", "we've", "you're", "don't", "can't", "won't", "isn't", "is", "did", "other",
    "another", "such", "any", "more", "less", "much", "few", "several", "again", "never",
    "always", "sometimes", "often", "perhaps", "maybe", "sure", "certainly", "clearly",
    "obviously", "finally", "now", "then", "once", "ever", "whether", "either", "neither",
    "nor", "than", "too", "very", "really", "read", "watch", "click", "photo", "video",
    "getty", "ap", "reuters", "updated", "posted", "related", "advertisement",
];

/// Words that make a capitalized run an organization or place rather than a person.
const ORG_WORDS: &[&str] = &[
    "party", "committee", "department", "ministry", "university", "house", "senate",
    "congress", "news", "times", "post", "journal", "network", "agency", "administration",
    "association", "council", "court", "bank", "group", "institute", "foundation", "center",
    "centre", "campaign", "company", "corp", "inc", "fund", "service", "office", "commission",
    "organization", "organisation", "union", "forum", "street", "station", "city", "county",
    "state", "states", "republic", "kingdom", "federation", "army", "navy", "force", "forces",
    "police", "guard", "church", "school", "college", "club", "team", "media", "press",
    "radio", "tv", "television", "channel", "magazine", "review", "daily", "herald",
    "tribune", "monitor", "report", "kremlin", "pentagon", "cnn", "nbc", "abc", "cbs", "fox",
    "msnbc", "npr", "bbc", "tass", "ria", "sputnik", "interfax", "afp", "politico", "gop",
    "dnc", "rnc", "fbi", "cia", "nsa", "un", "nato", "eu", "airlines", "motors", "capital",
    "partners", "international", "global", "national", "federal", "american", "america",
    "russia", "china", "ukraine", "iran", "mexico", "europe", "washington", "moscow",
    "times", "telegraph", "guardian", "economist", "bloomberg", "wire", "online", "poll",
    "survey", "project", "coalition", "alliance", "caucus", "assembly", "parliament",
    "duma", "cabinet", "government", "region", "province", "district", "club", "hotel",
    "hospital", "museum", "library", "airport", "avenue", "road", "square", "park", "tower",
    "trust", "board", "authority", "bureau", "watch", "initiative", "movement", "pac",
    "super", "media", "post's", "times'", "institute's", "facebook", "twitter", "google",
    "instagram", "youtube", "telegram", "whatsapp", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "day", "act", "law", "bill", "plan",
    // Places and groups: never the antecedent of `he` or `she`.
    "korea", "east", "west", "north", "south", "carolina", "york", "jersey", "florida",
    "arizona", "texas", "ohio", "iowa", "africa", "asia", "israel", "syria", "iraq", "britain",
    "france", "germany", "japan", "india", "canada", "cuba", "turkey", "angeles", "francisco",
    "diego", "vegas", "hampshire", "island", "valley", "beach", "bay", "coast", "lake",
    "river", "michigan", "wisconsin", "pennsylvania", "nevada", "colorado", "minnesota",
    "kentucky", "tennessee", "alabama", "mississippi", "louisiana", "oklahoma", "kansas",
    "nebraska", "utah", "oregon", "maryland", "massachusetts", "connecticut", "vermont",
    "montana", "idaho", "alaska", "hawaii", "indiana", "illinois", "missouri", "arkansas",
    "delaware", "dakota", "wyoming", "brazil", "venezuela", "vietnam", "afghanistan",
    "pakistan", "libya", "egypt", "saudi", "arabia", "emirates", "qatar", "yemen", "lebanon",
    "palestine", "gaza", "crimea", "donbas", "kyiv", "kiev", "kharkiv", "belgrade", "serbia",
    "poland", "hungary", "italy", "spain", "greece", "sweden", "norway", "denmark", "ireland",
    "scotland", "london", "paris", "berlin", "beijing", "tokyo", "tehran", "damascus",
    "baghdad", "manhattan", "brooklyn", "chicago", "boston", "philadelphia", "houston",
    "dallas", "atlanta", "miami", "seattle", "denver", "detroit", "cleveland", "pittsburgh",
    "baltimore", "seoul", "kabul", "islamabad", "cairo", "riyadh", "ankara", "istanbul",
    "americans", "democrats", "republicans", "muslims", "christians", "jews", "latinos",
    "hispanics", "russians", "ukrainians", "europeans", "conservatives", "liberals",
    "progressives", "evangelicals", "audiences", "voters", "britons", "mexicans",
    "african", "asian", "european", "latino", "hispanic", "muslim", "christian", "jewish",
    "democratic", "republican", "russian", "ukrainian", "chinese", "british", "french",
    "german", "israeli", "iranian", "syrian", "iraqi", "mexican", "canadian", "serbian",
    "internet", "web", "online", "street", "wall", "city", "town", "village", "county",
];

/// Common first names with their usual gender, for agreement with `he`/`she`.
const MALE_NAMES: &[&str] = &[
    "aaron", "adam", "alan", "albert", "alex", "alexander", "alexei", "andrew", "andy",
    "anthony", "antonio", "ben", "benjamin", "bernie", "bill", "billy", "bob", "bobby",
    "boris", "brad", "brian", "bruce", "carl", "carlos", "charles", "charlie", "chris",
    "christopher", "chuck", "colin", "corey", "craig", "dan", "daniel", "danny", "darrell",
    "dave", "david", "dennis", "dick", "dmitry", "don", "donald", "doug", "douglas", "ed",
    "eddie", "edward", "emmanuel", "eric", "frank", "fred", "gary", "george", "gerald",
    "greg", "gregory", "harry", "henry", "howard", "ivan", "jack", "jacob", "jake", "james",
    "jamie", "jason", "jeb", "jeff", "jeffrey", "jeremy", "jerry", "jim", "jimmy", "joe",
    "joel", "john", "johnny", "jon", "jonathan", "jorge", "jose", "joseph", "josh", "juan",
    "justin", "keith", "ken", "kenneth", "kevin", "kim", "larry", "lee", "lindsey", "luis",
    "marco", "mark", "martin", "matt", "matthew", "michael", "mike", "mitch", "mitt",
    "mohammed", "muhammad", "nathan", "newt", "nicholas", "nick", "oleg", "paul", "pete",
    "peter", "phil", "philip", "ralph", "rand", "randy", "ray", "reince", "richard", "rick",
    "rob", "robert", "roger", "ron", "ronald", "roy", "rudy", "rush", "russell", "ryan",
    "sam", "samuel", "scott", "sean", "sergei", "sergey", "stephen", "steve", "steven",
    "ted", "terry", "thomas", "tim", "timothy", "todd", "tom", "tommy", "tony", "victor",
    "viktor", "vladimir", "volodymyr", "walter", "wayne", "william", "willie", "xi",
    "yuri", "recep", "bashar", "benjamin", "barack", "hosni", "kim", "dmitri", "nikolai",
    "aleksandar", "emmanuel", "olaf", "angus", "boris", "narendra", "shinzo", "justin",
    "jens", "ali", "ahmed", "omar", "hassan", "abdullah", "mohammad", "jared", "eric",
    "hunter", "beau", "reince", "rudy",
];

const FEMALE_NAMES: &[&str] = &[
    "alice", "amanda", "amy", "angela", "ann", "anna", "anne", "barbara", "betsy", "betty",
    "beth", "carly", "carol", "caroline", "catherine", "chelsea", "christina", "christine",
    "claire", "condoleezza", "cynthia", "deborah", "debbie", "diana", "diane", "donna",
    "dorothy", "elizabeth", "ellen", "emily", "emma", "erin", "eva", "florence", "gina",
    "hillary", "hilary", "helen", "huma", "ivanka", "jane", "janet", "jennifer", "jessica",
    "jill", "joan", "jodi", "julia", "julie", "karen", "kate", "katherine", "kathleen",
    "kathy", "kelly", "kellyanne", "kirsten", "kristen", "laura", "lauren", "linda", "lisa",
    "liz", "loretta", "lynn", "madeleine", "margaret", "maria", "marie", "marine", "martha",
    "mary", "megyn", "melania", "melissa", "michele", "michelle", "nancy", "natalia",
    "nicola", "nikki", "olga", "pam", "pamela", "patricia", "paula", "rachel", "rebecca",
    "sally", "samantha", "sandra", "sarah", "sharon", "sheila", "stephanie", "susan",
    "susana", "suzanne", "tammy", "teresa", "theresa", "tulsi", "ursula", "valerie",
    "victoria", "virginia", "wendy", "yulia", "angela", "jacinda", "kamala", "elizabeth",
    "debbie", "donna", "hope", "katrina", "maxine", "nina", "sonia", "sophie", "tina",
    "tracy", "veronica", "yvette", "zoe", "ivana", "tiffany", "meghan", "brenda", "gloria",
    "heather", "holly", "irene", "jo", "joanna", "kay", "leslie", "louise", "lucy", "marcia",
];

/// A fast hash for short keys (words), in the style of FxHash; the keys are the
/// stage's own word lists, so no untrusted input chooses them.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// Builds [`WordHasher`]s.
pub(crate) type WordHash = BuildHasherDefault<WordHasher>;

/// A set of lowercase ASCII-folded words, looked up without allocating. Masks of the
/// lengths and first letters present turn most misses away before hashing.
struct WordSet {
    words: HashSet<Box<[u8]>, WordHash>,
    lengths: u64,
    initials: u64,
}

impl WordSet {
    fn new(words: &[&str]) -> Self {
        let mut set = HashSet::with_capacity_and_hasher(words.len(), WordHash::default());
        let (mut lengths, mut initials) = (0u64, 0u64);
        for w in words {
            let lower = w.to_ascii_lowercase().into_bytes();
            lengths |= 1u64 << lower.len().min(63);
            initials |= 1u64 << (lower.first().copied().unwrap_or(0) & 63);
            set.insert(lower.into_boxed_slice());
        }
        WordSet {
            words: set,
            lengths,
            initials,
        }
    }

    fn contains(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.').as_bytes();
        let mut buf = [0u8; 32];
        if w.is_empty() || w.len() > buf.len() || self.lengths & (1u64 << w.len()) == 0 {
            return false;
        }
        if self.initials & (1u64 << (w[0].to_ascii_lowercase() & 63)) == 0 {
            return false;
        }
        for (d, s) in buf.iter_mut().zip(w) {
            *d = s.to_ascii_lowercase();
        }
        self.words.contains(&buf[..w.len()])
    }
}

/// The compiled lexicons, built once per stage and shared by every worker.
pub(crate) struct Lexicon {
    cue_matcher: AhoCorasick,
    titles: WordSet,
    not_names: WordSet,
    org_words: WordSet,
    male: WordSet,
    female: WordSet,
    determiners: WordSet,
    fillers: WordSet,
    roles: WordSet,
    generic_roles: WordSet,
}

impl Lexicon {
    /// Builds the automata and word sets.
    pub(crate) fn new() -> Result<Self, aho_corasick::BuildError> {
        let cue_matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(CUES.iter().map(|(w, _)| w))?;
        Ok(Lexicon {
            cue_matcher,
            titles: WordSet::new(TITLES),
            not_names: WordSet::new(NOT_NAMES),
            org_words: WordSet::new(ORG_WORDS),
            male: WordSet::new(MALE_NAMES),
            female: WordSet::new(FEMALE_NAMES),
            determiners: WordSet::new(DETERMINERS),
            fillers: WordSet::new(VERB_FILLERS),
            roles: WordSet::new(ROLE_NOUNS),
            generic_roles: WordSet::new(GENERIC_ROLES),
        })
    }

    /// Cue phrases in `text[start..end]`, on word boundaries, as `(start, end, form)`.
    pub(crate) fn cues_in(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Vec<(usize, usize, CueForm)>,
    ) {
        let Some(hay) = text.get(..end) else { return };
        if start >= end {
            return;
        }
        let input = aho_corasick::Input::new(hay).range(start..end);
        for m in self.cue_matcher.find_iter(input) {
            let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
            let after = text.get(m.end()..).and_then(|s| s.chars().next());
            let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if boundary(before) && boundary(after) {
                if let Some((_, form)) = CUES.get(m.pattern().as_usize()) {
                    out.push((m.start(), m.end(), *form));
                }
            }
        }
    }

    /// Whether `word` is a title or honorific.
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// Whether `word` is a capitalized word that does not start a name.
    pub(crate) fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// Whether `word` marks an organization or place.
    pub(crate) fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// Whether `word` starts a noun phrase (`the`, `a`, `his`...).
    pub(crate) fn is_determiner(&self, word: &str) -> bool {
        self.determiners.contains(word)
    }

    /// Whether `word` may stand between a speaker and its verb.
    pub(crate) fn is_filler(&self, word: &str) -> bool {
        self.fillers.contains(word)
    }

    /// Whether `word` is a role noun (`president`, `leader`).
    pub(crate) fn is_role(&self, word: &str) -> bool {
        self.roles.contains(word)
    }

    /// Whether `word` is a role noun generic enough to stand for the last named speaker.
    pub(crate) fn is_generic_role(&self, word: &str) -> bool {
        self.generic_roles.contains(word)
    }

    /// `Some(true)` for a usually male first name, `Some(false)` for a female one.
    pub(crate) fn first_name_gender(&self, word: &str) -> Option<bool> {
        match (self.male.contains(word), self.female.contains(word)) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    }
}

/// The gender a title implies (`Mr.`, `Ms.`, `spokeswoman`), if any.
pub(crate) fn title_gender(word: &str) -> Option<bool> {
    let w = word.trim_end_matches('.');
    let is = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    if is(&[
        "mr", "sir", "lord", "king", "prince", "congressman", "councilman", "assemblyman",
        "spokesman", "businessman", "chairman", "father", "husband", "son",
    ]) {
        Some(true)
    } else if is(&[
        "mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "congresswoman",
        "councilwoman", "assemblywoman", "spokeswoman", "businesswoman", "chairwoman",
        "mother", "wife", "daughter", "widow", "actress",
    ]) {
        Some(false)
    } else {
        None
    }
}

/// The gender a subject pronoun implies, or `None` when `word` is no pronoun.
pub(crate) fn pronoun(word: &str) -> Option<Option<bool>> {
    PRONOUNS
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(word))
        .map(|(_, g)| *g)
}
