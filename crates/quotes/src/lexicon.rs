//! Word lists the attribution rules rely on: cue verbs, pronouns, titles, role nouns,
//! first names with their usual gender. Hand-written for English news.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
        // Verbs of saying in the present (feature and advice writing) and a few more
        // pasts; forms that are also common nouns (`posts`, `remarks`, `comments`)
        // are left out, since `his remarks` would read as a speaker and a cue, and so
        // are verbs that mostly do something else (`maintains a monitor`, `the alleged
        // victim said`).
        ("advises", Finite),
        ("advised", Finite),
        ("assures", Finite),
        ("boasts", Finite),
        ("cautions", Finite),
        ("contends", Finite),
        ("pleads", Finite),
        ("quips", Finite),
        ("recounts", Finite),
        ("reiterates", Finite),
        ("retorts", Finite),
        ("wonders", Finite),
        ("yells", Finite),
        ("emphasizes", Finite),
        ("observes", Finite),
        ("alleges", Finite),
        ("commented", Finite),
        ("emailed", Finite),
        ("concurred", Finite),
        ("disagreed", Finite),
        ("murmured", Finite),
        ("whispered", Finite),
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
        ("called", Finite),
        ("calls", Finite),
        ("calling", Participle),
        ("referred to", Finite),
        ("labeled", Finite),
        ("labelled", Finite),
        ("dubbed", Finite),
        ("branded", Finite),
        ("termed", Finite),
        ("accusing", Participle),
        ("claims", Finite),
        ("asserts", Finite),
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
    "president",
    "pres",
    "vice",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "rev",
    "reverend",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "capt",
    "captain",
    "cmdr",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "judge",
    "justice",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ambassador",
    "speaker",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commissioner",
    "sheriff",
    "attorney",
    "atty",
    "amb",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sir",
    "dame",
    "lord",
    "lady",
    "chancellor",
    "premier",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "assemblyman",
    "assemblywoman",
    "candidate",
    "nominee",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "executive",
    "manager",
    "coach",
    "skipper",
    "editor",
    "editor-in-chief",
    "publisher",
    "correspondent",
    "columnist",
    "commentator",
    "treasurer",
    "comptroller",
    "controller",
    "auditor",
    "commander",
    "inspector",
    "superintendent",
    "provost",
    "chairperson",
    "vice-chair",
    "vice-president",
    "vice-chairman",
    "councillor",
    "councilor",
    "alderman",
    "delegate",
    "del",
    "amb",
    "sens",
    "reps",
    "govs",
    "gens",
    "staff",
    "magistrate",
    "prosecutor",
    "constable",
    "trooper",
    "economist",
    "strategist",
    "pollster",
    "analyst",
    "adviser",
    "advisor",
    "lawmaker",
    "activist",
    "organizer",
    "organiser",
    "retired",
    "then-sen",
    "then-gov",
    "founder",
    "president-elect",
    "pastor",
    "rabbi",
    "bishop",
    "cardinal",
    "archbishop",
    "state",
    "former",
    "acting",
    "deputy",
    "first",
    "detective",
    "officer",
    "host",
    "anchor",
    "madam",
    "gov.",
    "atty",
    "supt",
    // Occupations written before a name (`architect Maria Young`, `Nurse Ada Cole`
    // opening a sentence), leaving out those that are also common surnames
    // (Baker, Cook, Farmer, Mason, Porter...).
    "architect",
    "engineer",
    "scientist",
    "researcher",
    "historian",
    "teacher",
    "nurse",
    "physician",
    "surgeon",
    "pharmacist",
    "psychologist",
    "psychiatrist",
    "epidemiologist",
    "accountant",
    "banker",
    "investor",
    "consultant",
    "designer",
    "planner",
    "contractor",
    "photographer",
    "filmmaker",
    "producer",
    "novelist",
    "playwright",
    "journalist",
    "reporter",
    "lawyer",
    "sociologist",
    "biologist",
    "chemist",
    "physicist",
    "geologist",
    "meteorologist",
    "entrepreneur",
    "rancher",
    "veterinarian",
    "librarian",
    "curator",
    "archaeologist",
    "statistician",
    "demographer",
    "criminologist",
    "coroner",
    "diplomat",
    "envoy",
    "negotiator",
    "regulator",
    "firefighter",
    "paramedic",
    "coordinator",
    "administrator",
    "supervisor",
];

/// Role nouns that, after `the`, name a person mentioned before (`the president`).
const ROLE_NOUNS: &[&str] = &[
    "president",
    "leader",
    "senator",
    "governor",
    "candidate",
    "nominee",
    "minister",
    "chancellor",
    "secretary",
    "mayor",
    "congressman",
    "congresswoman",
    "lawmaker",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "tycoon",
    "chairman",
    "chairwoman",
    "director",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "premier",
    "judge",
    "politician",
    "democrat",
    "republican",
    "frontrunner",
    "front-runner",
    "contender",
    "hopeful",
    "host",
    "anchor",
    "author",
    "actor",
    "actress",
    "singer",
    "star",
    "speaker",
    "executive",
    "founder",
    "attorney",
    "lawyer",
    "professor",
    "economist",
    "analyst",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "pollster",
    "commander",
    "chief",
    "man",
    "woman",
    "widow",
    "veteran",
    "president-elect",
    "king",
    "queen",
    "pope",
    "prince",
    "general",
    "official",
    "diplomat",
    "envoy",
    "pastor",
    "rabbi",
    "reverend",
    "mogul",
    "magnate",
    "entrepreneur",
    "activist",
    "student",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "governor-elect",
    "senator-elect",
    "incumbent",
    "challenger",
];

/// Role nouns generic enough to stand for the most recent named speaker even when no
/// mention carried them as a title (`the Russian leader` after `Putin said`).
const GENERIC_ROLES: &[&str] = &[
    "leader",
    "president",
    "president-elect",
    "politician",
    "candidate",
    "nominee",
    "hopeful",
    "frontrunner",
    "front-runner",
    "contender",
    "billionaire",
    "mogul",
    "tycoon",
    "magnate",
    "businessman",
    "businesswoman",
    "man",
    "woman",
    "incumbent",
    "challenger",
];

/// Words that start a noun phrase and are dropped from a nominal speaker.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "one", "another", "some", "several", "many", "two", "three", "four", "other", "both",
    "each", "any", "no", "most", "few",
];

/// Words that may stand between a speaker and its verb (`he also said`,
/// `Putin has repeatedly said`).
const VERB_FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "once",
    "earlier",
    "again",
    "still",
    "further",
    "reportedly",
    "simply",
    "has",
    "had",
    "have",
    "would",
    "will",
    "could",
    "might",
    "may",
    "often",
    "frequently",
    "repeatedly",
    "publicly",
    "privately",
    "quickly",
    "finally",
    "just",
    "even",
    "never",
    "always",
    "first",
    "angrily",
    "proudly",
    "bluntly",
    "flatly",
    "quietly",
    "since",
    "already",
    "did",
    "does",
    "do",
    "famously",
    "subsequently",
    "immediately",
    "calmly",
    "softly",
    "happily",
    "sarcastically",
    "tersely",
    "wryly",
    "jokingly",
    "confidently",
    "emphatically",
    "defiantly",
    "cheerfully",
    "candidly",
    "bitterly",
    "openly",
    "loudly",
    "recently",
    "herself",
    "himself",
    "then-",
    "not",
    "only",
    "gleefully",
    "proceeded",
    "to",
];

/// Capitalized words that are not names (sentence openers, days, months...).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "to",
    "of",
    "by",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "during",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "some",
    "many",
    "most",
    "both",
    "all",
    "each",
    "every",
    "no",
    "not",
    "yes",
    "so",
    "yet",
    "still",
    "also",
    "even",
    "just",
    "only",
    "now",
    "then",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "however",
    "meanwhile",
    "although",
    "though",
    "because",
    "instead",
    "indeed",
    "earlier",
    "later",
    "last",
    "next",
    "sources",
    "officials",
    "asked",
    "according",
    "said",
    "says",
    "speaking",
    "thank",
    "thanks",
    "please",
    "well",
    "oh",
    "okay",
    "ok",
    "said",
    "one",
    "two",
    "three",
    "first",
    "second",
    "after",
    "until",
    "unlike",
    "like",
    "about",
    "over",
    "under",
    "through",
    "despite",
    "among",
    "against",
    "within",
    "without",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "let",
    "let's",
    "we're",
    "i'm",
    "it's",
    "that's",
    "there's",
    "we've",
    "you're",
    "don't",
    "can't",
    "won't",
    "isn't",
    "is",
    "did",
    "other",
    "another",
    "such",
    "any",
    "more",
    "less",
    "much",
    "few",
    "several",
    "again",
    "never",
    "always",
    "sometimes",
    "often",
    "perhaps",
    "maybe",
    "sure",
    "certainly",
    "clearly",
    "obviously",
    "finally",
    "now",
    "then",
    "once",
    "ever",
    "whether",
    "either",
    "neither",
    "nor",
    "than",
    "too",
    "very",
    "really",
    "watch",
    "click",
    "photo",
    "video",
    "getty",
    "ap",
    "reuters",
    "updated",
    "posted",
    "related",
    "advertisement",
];

/// Words that make a capitalized run an organization or place rather than a person.
const ORG_WORDS: &[&str] = &[
    "party",
    "committee",
    "department",
    "ministry",
    "university",
    "house",
    "senate",
    "congress",
    "news",
    "times",
    "post",
    "journal",
    "network",
    "agency",
    "administration",
    "association",
    "council",
    "court",
    "bank",
    "group",
    "institute",
    "foundation",
    "center",
    "centre",
    "campaign",
    "company",
    "corp",
    "inc",
    "fund",
    "service",
    "office",
    "commission",
    "organization",
    "organisation",
    "union",
    "forum",
    "street",
    "station",
    "city",
    "county",
    "state",
    "states",
    "republic",
    "kingdom",
    "federation",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "guard",
    "church",
    "school",
    "college",
    "club",
    "team",
    "media",
    "press",
    "radio",
    "tv",
    "television",
    "channel",
    "magazine",
    "review",
    "daily",
    "herald",
    "tribune",
    "monitor",
    "report",
    "kremlin",
    "pentagon",
    "cnn",
    "nbc",
    "abc",
    "cbs",
    "fox",
    "msnbc",
    "npr",
    "bbc",
    "tass",
    "ria",
    "sputnik",
    "interfax",
    "afp",
    "politico",
    "gop",
    "dnc",
    "rnc",
    "fbi",
    "cia",
    "nsa",
    "un",
    "nato",
    "eu",
    "airlines",
    "motors",
    "capital",
    "partners",
    "international",
    "global",
    "national",
    "federal",
    "american",
    "america",
    "russia",
    "china",
    "ukraine",
    "iran",
    "mexico",
    "europe",
    "washington",
    "moscow",
    "times",
    "telegraph",
    "guardian",
    "economist",
    "bloomberg",
    "wire",
    "online",
    "poll",
    "survey",
    "project",
    "coalition",
    "alliance",
    "caucus",
    "assembly",
    "parliament",
    "duma",
    "cabinet",
    "government",
    "region",
    "province",
    "district",
    "club",
    "hotel",
    "hospital",
    "museum",
    "library",
    "airport",
    "avenue",
    "road",
    "square",
    "park",
    "tower",
    "trust",
    "board",
    "authority",
    "bureau",
    "watch",
    "initiative",
    "movement",
    "pac",
    "super",
    "media",
    "post's",
    "times'",
    "institute's",
    "facebook",
    "twitter",
    "google",
    "instagram",
    "youtube",
    "telegram",
    "whatsapp",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "day",
    "act",
    "law",
    "bill",
    "plan",
    // Places and groups: never the antecedent of `he` or `she`.
    "korea",
    "east",
    "west",
    "north",
    "south",
    "carolina",
    "york",
    "jersey",
    "florida",
    "arizona",
    "texas",
    "ohio",
    "iowa",
    "africa",
    "asia",
    "israel",
    "syria",
    "iraq",
    "britain",
    "france",
    "germany",
    "japan",
    "india",
    "canada",
    "cuba",
    "turkey",
    "angeles",
    "francisco",
    "diego",
    "vegas",
    "hampshire",
    "island",
    "valley",
    "beach",
    "bay",
    "coast",
    "lake",
    "river",
    "michigan",
    "wisconsin",
    "pennsylvania",
    "nevada",
    "colorado",
    "minnesota",
    "kentucky",
    "tennessee",
    "alabama",
    "mississippi",
    "louisiana",
    "oklahoma",
    "kansas",
    "nebraska",
    "utah",
    "oregon",
    "maryland",
    "massachusetts",
    "connecticut",
    "vermont",
    "montana",
    "idaho",
    "alaska",
    "hawaii",
    "indiana",
    "illinois",
    "missouri",
    "arkansas",
    "delaware",
    "dakota",
    "wyoming",
    "brazil",
    "venezuela",
    "vietnam",
    "afghanistan",
    "pakistan",
    "libya",
    "egypt",
    "saudi",
    "arabia",
    "emirates",
    "qatar",
    "yemen",
    "lebanon",
    "palestine",
    "gaza",
    "crimea",
    "donbas",
    "kyiv",
    "kiev",
    "kharkiv",
    "belgrade",
    "serbia",
    "poland",
    "hungary",
    "italy",
    "spain",
    "greece",
    "sweden",
    "norway",
    "denmark",
    "ireland",
    "scotland",
    "london",
    "paris",
    "berlin",
    "beijing",
    "tokyo",
    "tehran",
    "damascus",
    "baghdad",
    "manhattan",
    "brooklyn",
    "chicago",
    "boston",
    "philadelphia",
    "houston",
    "dallas",
    "atlanta",
    "miami",
    "seattle",
    "denver",
    "detroit",
    "cleveland",
    "pittsburgh",
    "baltimore",
    "seoul",
    "kabul",
    "islamabad",
    "cairo",
    "riyadh",
    "ankara",
    "istanbul",
    "americans",
    "democrats",
    "republicans",
    "muslims",
    "christians",
    "jews",
    "latinos",
    "hispanics",
    "russians",
    "ukrainians",
    "europeans",
    "conservatives",
    "liberals",
    "progressives",
    "evangelicals",
    "audiences",
    "voters",
    "britons",
    "mexicans",
    "african",
    "asian",
    "european",
    "latino",
    "hispanic",
    "muslim",
    "christian",
    "jewish",
    "democratic",
    "republican",
    "russian",
    "ukrainian",
    "chinese",
    "british",
    "french",
    "german",
    "israeli",
    "iranian",
    "syrian",
    "iraqi",
    "mexican",
    "canadian",
    "serbian",
    "internet",
    "web",
    "online",
    "street",
    "wall",
    "city",
    "town",
    "village",
    "county",
];

/// Common first names with their usual gender, for agreement with `he`/`she`.
const MALE_NAMES: &[&str] = &[
    "aaron",
    "adam",
    "alan",
    "albert",
    "alex",
    "alexander",
    "alexei",
    "andrew",
    "andy",
    "anthony",
    "antonio",
    "ben",
    "benjamin",
    "bernie",
    "bill",
    "billy",
    "bob",
    "bobby",
    "boris",
    "brad",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "charles",
    "charlie",
    "chris",
    "christopher",
    "chuck",
    "colin",
    "corey",
    "craig",
    "dan",
    "daniel",
    "danny",
    "darrell",
    "dave",
    "david",
    "dennis",
    "dick",
    "dmitry",
    "don",
    "donald",
    "doug",
    "douglas",
    "ed",
    "eddie",
    "edward",
    "emmanuel",
    "eric",
    "frank",
    "fred",
    "gary",
    "george",
    "gerald",
    "greg",
    "gregory",
    "harry",
    "henry",
    "howard",
    "ivan",
    "jack",
    "jacob",
    "jake",
    "james",
    "jamie",
    "jason",
    "jeb",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "josh",
    "juan",
    "justin",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "kim",
    "larry",
    "lee",
    "lindsey",
    "luis",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "michael",
    "mike",
    "mitch",
    "mitt",
    "mohammed",
    "muhammad",
    "nathan",
    "newt",
    "nicholas",
    "nick",
    "oleg",
    "paul",
    "pete",
    "peter",
    "phil",
    "philip",
    "ralph",
    "rand",
    "randy",
    "ray",
    "reince",
    "richard",
    "rick",
    "rob",
    "robert",
    "roger",
    "ron",
    "ronald",
    "roy",
    "rudy",
    "rush",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scott",
    "sean",
    "sergei",
    "sergey",
    "stephen",
    "steve",
    "steven",
    "ted",
    "terry",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tommy",
    "tony",
    "victor",
    "viktor",
    "vladimir",
    "volodymyr",
    "walter",
    "wayne",
    "william",
    "willie",
    "xi",
    "yuri",
    "recep",
    "bashar",
    "benjamin",
    "barack",
    "hosni",
    "kim",
    "dmitri",
    "nikolai",
    "aleksandar",
    "emmanuel",
    "olaf",
    "angus",
    "boris",
    "narendra",
    "shinzo",
    "justin",
    "jens",
    "ali",
    "ahmed",
    "omar",
    "hassan",
    "abdullah",
    "mohammad",
    "jared",
    "eric",
    "hunter",
    "beau",
    "reince",
    "rudy",
    "abraham",
    "adrian",
    "alberto",
    "alejandro",
    "alfred",
    "alvin",
    "andre",
    "andres",
    "angelo",
    "arnold",
    "arthur",
    "barry",
    "bert",
    "blake",
    "brandon",
    "brent",
    "brett",
    "bryan",
    "calvin",
    "cecil",
    "cesar",
    "chester",
    "clarence",
    "claude",
    "clifford",
    "clint",
    "clyde",
    "cody",
    "cornel",
    "cory",
    "curtis",
    "dale",
    "damon",
    "darren",
    "derek",
    "desmond",
    "devin",
    "dominic",
    "donnie",
    "duane",
    "dustin",
    "dwight",
    "edgar",
    "eduardo",
    "elijah",
    "emilio",
    "enrique",
    "ernest",
    "ernesto",
    "eugene",
    "evan",
    "everett",
    "felipe",
    "fernando",
    "francis",
    "francisco",
    "gavin",
    "gene",
    "geoffrey",
    "gilbert",
    "glenn",
    "harold",
    "harvey",
    "hector",
    "herbert",
    "herman",
    "hugh",
    "hugo",
    "ian",
    "isaac",
    "jaime",
    "jamal",
    "javier",
    "jay",
    "jeffery",
    "jerome",
    "jesse",
    "jesus",
    "joaquin",
    "joey",
    "julian",
    "julio",
    "karl",
    "kurt",
    "kyle",
    "lawrence",
    "leo",
    "leon",
    "leonard",
    "leroy",
    "lester",
    "lloyd",
    "lonnie",
    "louis",
    "lucas",
    "luke",
    "manuel",
    "marc",
    "marcus",
    "mario",
    "marvin",
    "maurice",
    "melvin",
    "miguel",
    "nathaniel",
    "neil",
    "noah",
    "norman",
    "oliver",
    "orlando",
    "oscar",
    "owen",
    "pablo",
    "patrick",
    "pedro",
    "rafael",
    "ramon",
    "raul",
    "reggie",
    "reginald",
    "ricardo",
    "ricky",
    "roberto",
    "rodney",
    "rodrigo",
    "roland",
    "rolando",
    "ruben",
    "rudolph",
    "salvador",
    "sanjay",
    "santiago",
    "seth",
    "shane",
    "shawn",
    "sidney",
    "simon",
    "stuart",
    "terrence",
    "theodore",
    "tobias",
    "trevor",
    "troy",
    "vernon",
    "vince",
    "vincent",
    "wade",
    "wesley",
    "wilbur",
    "zachary",
    "yitzhak",
    "ehud",
    "hamid",
    "mahmoud",
    "mustafa",
    "ibrahim",
    "khalid",
    "rahul",
    "raj",
    "vivek",
    "amir",
    "reza",
    "hossein",
    "sergio",
    "giuseppe",
    "matteo",
    "silvio",
    "francois",
    "jacques",
    "pierre",
    "jean-claude",
    "hans",
    "helmut",
    "wolfgang",
    "friedrich",
    "sigmar",
    "horst",
    "heinz",
    "lars",
    "sven",
    "nils",
    "mikhail",
    "alexey",
    "andrei",
    "igor",
    "pavel",
    "petr",
    "yevgeny",
    "nikita",
    "taro",
    "hiroshi",
    "akira",
    "kenji",
    "wei",
    "jian",
    "ming",
    "jae",
    "moon",
    "joko",
    "mauricio",
    "nicolas",
    "manny",
    "denis",
    "dieter",
    "rainer",
    "frankie",
    "rocco",
    "vito",
    "sal",
    "dom",
];

const FEMALE_NAMES: &[&str] = &[
    "alice",
    "amanda",
    "amy",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "betsy",
    "betty",
    "beth",
    "carly",
    "carol",
    "caroline",
    "catherine",
    "chelsea",
    "christina",
    "christine",
    "claire",
    "condoleezza",
    "cynthia",
    "deborah",
    "debbie",
    "diana",
    "diane",
    "donna",
    "dorothy",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "erin",
    "eva",
    "florence",
    "gina",
    "hillary",
    "hilary",
    "helen",
    "huma",
    "ivanka",
    "jane",
    "janet",
    "jennifer",
    "jessica",
    "jill",
    "joan",
    "jodi",
    "julia",
    "julie",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathy",
    "kelly",
    "kellyanne",
    "kirsten",
    "kristen",
    "laura",
    "lauren",
    "linda",
    "lisa",
    "liz",
    "loretta",
    "lynn",
    "madeleine",
    "margaret",
    "maria",
    "marie",
    "marine",
    "martha",
    "mary",
    "megyn",
    "melania",
    "melissa",
    "michele",
    "michelle",
    "nancy",
    "natalia",
    "nicola",
    "nikki",
    "olga",
    "pam",
    "pamela",
    "patricia",
    "paula",
    "rachel",
    "rebecca",
    "sally",
    "samantha",
    "sandra",
    "sarah",
    "sharon",
    "sheila",
    "stephanie",
    "susan",
    "susana",
    "suzanne",
    "tammy",
    "teresa",
    "theresa",
    "tulsi",
    "ursula",
    "valerie",
    "victoria",
    "virginia",
    "wendy",
    "yulia",
    "angela",
    "jacinda",
    "kamala",
    "elizabeth",
    "debbie",
    "donna",
    "hope",
    "katrina",
    "maxine",
    "nina",
    "sonia",
    "sophie",
    "tina",
    "tracy",
    "veronica",
    "yvette",
    "zoe",
    "ivana",
    "tiffany",
    "meghan",
    "brenda",
    "gloria",
    "heather",
    "holly",
    "irene",
    "jo",
    "joanna",
    "kay",
    "leslie",
    "louise",
    "lucy",
    "marcia",
    "abigail",
    "alexandra",
    "alexis",
    "alicia",
    "allison",
    "alyssa",
    "amber",
    "andrea",
    "angelina",
    "anita",
    "annie",
    "arlene",
    "ashley",
    "audrey",
    "barbra",
    "beatrice",
    "becky",
    "bernadette",
    "beverly",
    "bonnie",
    "bridget",
    "brittany",
    "candace",
    "carla",
    "carmen",
    "carolyn",
    "cassandra",
    "cathy",
    "charlene",
    "charlotte",
    "cheryl",
    "chloe",
    "christy",
    "cindy",
    "claudia",
    "colleen",
    "connie",
    "courtney",
    "crystal",
    "daisy",
    "dana",
    "danielle",
    "darlene",
    "debra",
    "delores",
    "denise",
    "dolores",
    "doris",
    "edith",
    "eileen",
    "elaine",
    "eleanor",
    "elena",
    "elise",
    "eliza",
    "ella",
    "elsa",
    "erica",
    "erika",
    "esther",
    "ethel",
    "eunice",
    "evelyn",
    "felicia",
    "frances",
    "francesca",
    "gabriela",
    "gabrielle",
    "gail",
    "geraldine",
    "gladys",
    "glenda",
    "gwen",
    "hannah",
    "harriet",
    "ingrid",
    "isabel",
    "isabella",
    "jackie",
    "jacqueline",
    "jamie",
    "janice",
    "jasmine",
    "jean",
    "jeanne",
    "jenna",
    "jenny",
    "joann",
    "joanne",
    "jocelyn",
    "josephine",
    "joyce",
    "juanita",
    "judith",
    "judy",
    "karina",
    "kathryn",
    "katie",
    "kayla",
    "keisha",
    "kimberly",
    "kristin",
    "lana",
    "latoya",
    "leah",
    "lena",
    "lillian",
    "lily",
    "lindsay",
    "lois",
    "lorraine",
    "lucia",
    "lydia",
    "mabel",
    "mandy",
    "marcy",
    "margarita",
    "marian",
    "marilyn",
    "marissa",
    "marjorie",
    "marlene",
    "maureen",
    "megan",
    "melanie",
    "mia",
    "michaela",
    "mildred",
    "miranda",
    "molly",
    "monica",
    "monique",
    "myra",
    "nadia",
    "naomi",
    "natalie",
    "nellie",
    "nicole",
    "nora",
    "norma",
    "olivia",
    "paige",
    "patty",
    "paulette",
    "pauline",
    "peggy",
    "phyllis",
    "priscilla",
    "raquel",
    "regina",
    "renee",
    "rhonda",
    "rita",
    "roberta",
    "rosa",
    "rosalind",
    "roxanne",
    "ruth",
    "sabrina",
    "samira",
    "sara",
    "shannon",
    "shawna",
    "shelley",
    "sherry",
    "shirley",
    "silvia",
    "sofia",
    "sonya",
    "stacey",
    "stacy",
    "stella",
    "sue",
    "sylvia",
    "tamara",
    "tanya",
    "tara",
    "teri",
    "tessa",
    "thelma",
    "tonya",
    "tracey",
    "vanessa",
    "vera",
    "vicki",
    "viola",
    "vivian",
    "wanda",
    "yolanda",
    "yvonne",
    "zelda",
    "frauke",
    "sahra",
    "sylvie",
    "segolene",
    "anne-marie",
    "ségolène",
    "benazir",
    "indira",
    "golda",
    "yingluck",
    "tsai",
];

/// A fast hash for short keys (words), in the style of FxHash; the keys are the
/// stage's own word lists or names from one document, so no input can make it slow
/// for long.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a step (a name is one or two), the last ones zero-padded: the
        // steps are a chain of multiplications, so fewer of them is faster.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            if let Ok(c) = <[u8; 8]>::try_from(chunk) {
                self.mix(u64::from_le_bytes(c));
            }
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut c = [0u8; 8];
            c[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(c) ^ ((rest.len() as u64) << 59));
        }
    }

    // Integer keys (positions, hashes) are mixed in one step, not byte by byte.
    fn write_u8(&mut self, v: u8) {
        self.mix(u64::from(v));
    }

    fn write_u32(&mut self, v: u32) {
        self.mix(u64::from(v));
    }

    fn write_u64(&mut self, v: u64) {
        self.mix(v);
    }

    fn write_usize(&mut self, v: usize) {
        self.mix(v as u64);
    }
}

impl WordHasher {
    #[inline]
    fn mix(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Builds [`WordHasher`]s.
pub(crate) type WordHash = BuildHasherDefault<WordHasher>;

/// Eight bytes with their ASCII capitals folded to lowercase (every other byte
/// kept), all at once.
#[inline]
fn fold_ascii(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = v & !HIGH;
    let upper = (low7 + (0x80 - 0x41) * ONES) & !(low7 + (0x7F - 0x5A) * ONES) & !v & HIGH;
    v | (upper >> 2)
}

/// Longest word a [`WordTable`] holds (every listed word is shorter; a longer word
/// is on no list).
const MAX_KEY: usize = 16;

/// Up to eight bytes as a little-endian integer, zero-padded: overlapping loads of
/// one, four or eight bytes instead of a loop over the bytes (a word of up to
/// three bytes takes its first, middle and last byte, which overlap as needed).
#[inline]
fn load_short(b: &[u8]) -> u64 {
    let n = b.len();
    let at = |k: usize| u64::from(b.get(k).copied().unwrap_or(0));
    let u32_at = |k: usize| {
        b.get(k..k + 4)
            .and_then(|c| <[u8; 4]>::try_from(c).ok())
            .map_or(0, |c| u64::from(u32::from_le_bytes(c)))
    };
    match n {
        0 => 0,
        1..=3 => at(0) | (at(n / 2) << (8 * (n / 2))) | (at(n - 1) << (8 * (n - 1))),
        4..=7 => u32_at(0) | (u32_at(n - 4) << (8 * (n - 4))),
        _ => match b.get(..8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            Some(c) => u64::from_le_bytes(c),
            None => 0,
        },
    }
}

/// A word folded to lowercase and packed into two machine words, so that comparing
/// two keys is two integer comparisons.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    parts: [u64; 2],
    len: u8,
}

impl Key {
    #[inline]
    fn new(word: &[u8]) -> Option<Key> {
        let n = word.len();
        if n == 0 || n > MAX_KEY {
            return None;
        }
        // Most words fit the first part; the second is then zero as folded.
        let (head, tail) = word.split_at(n.min(8));
        let second = if tail.is_empty() {
            0
        } else {
            fold_ascii(load_short(tail))
        };
        Some(Key {
            parts: [fold_ascii(load_short(head)), second],
            len: n as u8,
        })
    }

    #[inline]
    fn hash(&self) -> u64 {
        (self.parts[0] ^ self.parts[1].rotate_left(29) ^ (u64::from(self.len) << 58))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// An open-addressing table from short words (ASCII case folded) to a small value.
/// Built once per stage; a look-up folds the word, hashes three machine words and
/// usually probes one slot, without allocating.
struct WordTable {
    slots: Box<[(Key, u32)]>,
    shift: u32,
}

impl WordTable {
    fn new<'w>(words: impl IntoIterator<Item = (&'w str, u32)>) -> Self {
        let words: Vec<(&str, u32)> = words.into_iter().collect();
        // At most a quarter full: misses end on an empty slot quickly.
        let bits = (words.len().max(1) * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut slots = vec![(Key::default(), 0u32); 1usize << bits].into_boxed_slice();
        let shift = 64 - bits;
        let mask = slots.len() - 1;
        for (w, value) in words {
            let Some(key) = Key::new(w.as_bytes()) else {
                continue;
            };
            let mut i = (key.hash() >> shift) as usize;
            loop {
                let slot = &mut slots[i];
                if slot.0.len == 0 || slot.0 == key {
                    *slot = (key, value);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        WordTable { slots, shift }
    }

    #[inline]
    fn get(&self, word: &[u8]) -> Option<u32> {
        Key::new(word).and_then(|key| self.find(key))
    }

    /// The value of `key`, 0 when it is in no slot (as [`Lexicon::class`] reads it).
    #[inline]
    fn get_key(&self, key: Key) -> u32 {
        self.find(key).unwrap_or(0)
    }

    #[inline]
    fn find(&self, key: Key) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = (key.hash() >> self.shift) as usize;
        loop {
            let (k, v) = self.slots.get(i)?;
            if k.len == 0 {
                return None;
            }
            if *k == key {
                return Some(*v);
            }
            i = (i + 1) & mask;
        }
    }
}

/// Cue phrases indexed by their first word: a bitmap of (length, first two letters)
/// turns almost every other word away before any hashing.
struct CueTable {
    /// First word → index of its first entry in `entries`.
    first: WordTable,
    /// Entries grouped by first word, longest phrase first (`pointed out` before a
    /// lone `pointed`), each group ended by `None`.
    entries: Vec<Option<CueEntry>>,
    /// Bit `len * 1024 + a * 32 + b` is set when a first word of that length starts
    /// with letters `a`, `b` (folded to 5 bits).
    filter: Box<[u64; 256]>,
    /// Bit `a * 1024 + b * 32 + c` is set when a first word starts with the letters
    /// `a`, `b`, `c` (folded to 5 bits): most words are turned away on this alone,
    /// before their end is even looked for.
    prefixes: Box<[u64; 512]>,
    /// Bit [`quad_bit`] of the first four letters of every first word (three and a
    /// zero for a three-letter word): the second test of [`Lexicon::cue_start`], which
    /// turns away `that`, `with`, `state` that pass the three-letter one.
    quads: Box<[u64; 64]>,
}

#[derive(Clone, Copy)]
struct CueEntry {
    /// The words after the first one, with their leading space (`" out"`), or `""`.
    rest: &'static str,
    form: CueForm,
    /// The phrase as listed, lowercase.
    phrase: &'static str,
}

/// The prefix bit of the word starting `rest` (three ASCII letters), if it has one.
#[inline]
fn prefix_bit(rest: &[u8]) -> Option<usize> {
    match rest {
        [a, b, c, ..]
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic() =>
        {
            Some(usize::from(a & 31) * 1024 + usize::from(b & 31) * 32 + usize::from(c & 31))
        }
        _ => None,
    }
}

/// The bit of a first word's first four bytes folded to lowercase, the fourth zero
/// unless it is an ASCII letter, in a table of 4096 bits (hashed: a false hit only
/// costs a look-up).
#[inline]
fn quad_bit(quad: u32) -> usize {
    (quad.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// The quad of [`quad_bit`] of a listed first word: its first three letters and its
/// fourth byte if that is a letter, folded to lowercase.
fn quad_of(word: &[u8]) -> u32 {
    let byte = |k: usize| u32::from(word.get(k).copied().unwrap_or(0).to_ascii_lowercase());
    let fourth = match word.get(3) {
        Some(b) if b.is_ascii_alphabetic() => byte(3),
        _ => 0,
    };
    byte(0) | (byte(1) << 8) | (byte(2) << 16) | (fourth << 24)
}

/// The high bit of each byte of `v` that is an ASCII letter.
#[inline]
fn letter_mask32(v: u32) -> u32 {
    const ONES: u32 = 0x0101_0101;
    const HIGH: u32 = 0x8080_8080;
    let folded = (v & !HIGH) | (0x20 * ONES);
    let letter = (folded + (0x80 - 0x61) * ONES) & !(folded + (0x7F - 0x7A) * ONES);
    letter & !v & HIGH
}

/// What the cue filters say of a word that starts at some byte (see
/// [`Lexicon::cue_start`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueStart {
    /// Its first three bytes are not letters that start a cue word.
    No,
    /// Its first three letters start a cue word, but no cue word starts with its first
    /// four bytes: it is no cue.
    Prefix,
    /// It may be a cue.
    Maybe,
}

#[inline]
fn filter_bit(word: &[u8]) -> Option<usize> {
    let (&a, &b) = (word.first()?, word.get(1)?);
    if word.len() > 15 {
        return None;
    }
    Some(word.len() * 1024 + usize::from(a & 31) * 32 + usize::from(b & 31))
}

impl CueTable {
    fn new(cues: &'static [(&'static str, CueForm)]) -> Self {
        let mut groups: Vec<(&'static str, Vec<CueEntry>)> = Vec::new();
        for &(phrase, form) in cues {
            let (first, rest) = match phrase.find(' ') {
                Some(k) => (&phrase[..k], &phrase[k..]),
                None => (phrase, ""),
            };
            let entry = CueEntry { rest, form, phrase };
            match groups.iter_mut().find(|(f, _)| *f == first) {
                Some((_, list)) => list.push(entry),
                None => groups.push((first, vec![entry])),
            }
        }
        let mut entries = Vec::new();
        let mut firsts = Vec::new();
        let mut filter = Box::new([0u64; 256]);
        let mut prefixes = Box::new([0u64; 512]);
        let mut quads = Box::new([0u64; 64]);
        for (first, mut list) in groups {
            if let Some(bit) = prefix_bit(first.as_bytes()) {
                prefixes[bit / 64] |= 1 << (bit % 64);
            }
            let bit = quad_bit(quad_of(first.as_bytes()));
            quads[bit / 64] |= 1 << (bit % 64);
            list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
            firsts.push((first, entries.len() as u32));
            entries.extend(list.into_iter().map(Some));
            entries.push(None);
            if let Some(bit) = filter_bit(first.as_bytes()) {
                filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        CueTable {
            first: WordTable::new(firsts),
            entries,
            filter,
            prefixes,
            quads,
        }
    }

    /// The cue starting with the word `text[start..end]`: its end and form.
    #[inline(always)]
    fn match_at(&self, text: &str, start: usize, end: usize) -> Option<(usize, CueForm)> {
        let bytes = text.as_bytes();
        let word = bytes.get(start..end)?;
        let bit = filter_bit(word)?;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mut k = self.first.get(word)? as usize;
        while let Some(Some(entry)) = self.entries.get(k) {
            let rest = entry.rest.as_bytes();
            let after = end + rest.len();
            if bytes
                .get(end..after)
                .is_some_and(|r| r.eq_ignore_ascii_case(rest))
                && word_boundary_at(text, after)
            {
                return Some((after, entry.form));
            }
            k += 1;
        }
        None
    }

    /// The listed phrase equal (ignoring case) to `cue`, or `None`.
    fn phrase(&self, cue: &str) -> Option<&'static str> {
        let first_end = cue.bytes().position(|b| b == b' ').unwrap_or(cue.len());
        let mut k = self.first.get(cue.as_bytes().get(..first_end)?)? as usize;
        while let Some(Some(entry)) = self.entries.get(k) {
            if entry.phrase.eq_ignore_ascii_case(cue) {
                return Some(entry.phrase);
            }
            k += 1;
        }
        None
    }
}

/// Whether no word character (letter, digit or hyphen) follows byte `i`. Inlined
/// into the cue match: an ASCII byte (the usual case) is told here, a character of
/// another script in [`no_letter_at`].
#[inline(always)]
fn word_boundary_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => true,
        Some(&b) if b < 0x80 => !(b.is_ascii_alphanumeric() || b == b'-'),
        Some(_) => no_letter_at(text, i),
    }
}

/// Whether the character at byte `i` of `text` (not ASCII) is no letter or digit.
#[inline(never)]
fn no_letter_at(text: &str, i: usize) -> bool {
    !text
        .get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(crate::text::is_alphanumeric)
}

/// Word classes: the lists a word is on, as bits of one value, so that one look-up
/// answers every question about a word. The lists up to [`CONNECTOR`] ignore a final
/// period (`Sen.` is `sen`); the grammar lists from [`NP_STOP`] on match the word
/// exactly (ignoring ASCII case).
pub(crate) mod class {
    /// A title or honorific.
    pub const TITLE: u32 = 1 << 0;
    /// A capitalized word that does not start a name.
    pub const NOT_NAME: u32 = 1 << 1;
    /// A word of organization and place names.
    pub const ORG: u32 = 1 << 2;
    /// A usually male first name.
    pub const MALE: u32 = 1 << 3;
    /// A usually female first name.
    pub const FEMALE: u32 = 1 << 4;
    /// A determiner (`the`, `a`, `his`).
    pub const DETERMINER: u32 = 1 << 5;
    /// A word that may stand between a speaker and its verb.
    pub const FILLER: u32 = 1 << 6;
    /// A role noun (`president`).
    pub const ROLE: u32 = 1 << 7;
    /// A role noun generic enough to stand for the last speaker.
    pub const GENERIC_ROLE: u32 = 1 << 8;
    /// A lowercase particle inside names (`de`, `van`).
    pub const CONNECTOR: u32 = 1 << 9;
    /// A title or noun that says a person is a man.
    pub const MALE_TITLE: u32 = 1 << 10;
    /// A title or noun that says a person is a woman.
    pub const FEMALE_TITLE: u32 = 1 << 11;
    /// The lists that ignore a final period.
    pub const PERIOD_FREE: u32 = (1 << 12) - 1;
    /// A lowercase word that cannot be inside a speaker phrase.
    pub const NP_STOP: u32 = 1 << 16;
    /// A conjunction or sentence adverb opening a sentence.
    pub const CONJUNCTION: u32 = 1 << 17;
    /// A word opening an adverbial clause before the subject.
    pub const CLAUSE_OPENER: u32 = 1 << 18;
    /// A word opening a subordinate clause.
    pub const SUBORDINATOR: u32 = 1 << 19;
    /// A place or organization word that is also a common surname.
    pub const NAME_LIKE_ORG: u32 = 1 << 20;
    /// A time word (`Monday`, `yesterday`).
    pub const TIME: u32 = 1 << 21;
    /// A word that goes before a time word (`on`, `last`).
    pub const TIME_PREPOSITION: u32 = 1 << 22;
    /// A party, nationality or faith word naming a member of a group or the group
    /// (`Democrat`, `Texan`, `Republicans`): no person's name.
    pub const GROUP: u32 = 1 << 23;
}

use class::*;

/// The compiled lexicons, built once per stage and shared by every worker.
pub(crate) struct Lexicon {
    cues: CueTable,
    /// Every listed word and its [`class`] bits.
    classes: WordTable,
}

/// Lowercase particles inside names (`Charles de Gaulle`, `Ursula von der Leyen`).
const NAME_CONNECTORS: &[&str] = &[
    "de", "da", "van", "von", "bin", "al", "del", "la", "le", "di", "du", "der", "ibn", "dos",
    "das", "ben",
];

impl Lexicon {
    /// Builds the tables.
    pub(crate) fn new() -> Self {
        let lists: &[(&[&str], u32)] = &[
            (TITLES, TITLE),
            (NOT_NAMES, NOT_NAME),
            (ORG_WORDS, ORG),
            (MALE_NAMES, MALE),
            (FEMALE_NAMES, FEMALE),
            (DETERMINERS, DETERMINER),
            (VERB_FILLERS, FILLER),
            (ROLE_NOUNS, ROLE),
            (GENERIC_ROLES, GENERIC_ROLE),
            (NAME_CONNECTORS, CONNECTOR),
            (MALE_TITLES, MALE_TITLE),
            (FEMALE_TITLES, FEMALE_TITLE),
            (NP_STOP_WORDS, NP_STOP),
            (CONJUNCTIONS, CONJUNCTION),
            (CLAUSE_OPENERS, CLAUSE_OPENER),
            (SUBORDINATORS, SUBORDINATOR),
            (NAME_LIKE_ORG_WORDS, NAME_LIKE_ORG),
            (TIME_WORDS, TIME),
            (TIME_PREPOSITIONS, TIME_PREPOSITION),
            (GROUP_WORDS, GROUP),
        ];
        // Words are keyed folded to lowercase, so a word on several lists (in any
        // case) gets the bits of all of them.
        let mut merged: HashMap<String, u32> = HashMap::new();
        for &(words, bit) in lists {
            for w in words {
                *merged.entry(w.to_ascii_lowercase()).or_default() |= bit;
            }
        }
        Lexicon {
            cues: CueTable::new(CUES),
            classes: WordTable::new(merged.iter().map(|(w, bits)| (w.as_str(), *bits))),
        }
    }

    /// The [`class`] bits of `word`: a period-free look-up for the lists that ignore a
    /// final period, an exact one for the others (no listed word ends with a period,
    /// so a word that does is on none of them).
    #[inline]
    pub(crate) fn class(&self, word: &str) -> u32 {
        let w = word.as_bytes();
        match w.last() {
            Some(b'.') => match w.iter().rposition(|&b| b != b'.') {
                Some(last) => self.classes.get(&w[..=last]).unwrap_or(0) & PERIOD_FREE,
                None => 0,
            },
            Some(_) => self.classes.get(w).unwrap_or(0),
            None => 0,
        }
    }

    /// [`Lexicon::class`] of `text[start..end]` (a word of the text): a word of at
    /// most eight bytes is read with one load from the text, one of up to sixteen
    /// with two, instead of pieced together from its own bytes. A range off character boundaries, whose text is
    /// empty, is on no list either way: its bytes open or end with part of a
    /// character, and every listed word is whole UTF-8 (folding ASCII capitals
    /// changes no other byte), so no key can equal them. Kept out of line: the token
    /// class cache calls it from every phrase reader, and inlined there it cost more
    /// than it saved.
    #[inline(never)]
    pub(crate) fn class_in(&self, text: &str, start: usize, end: usize) -> u32 {
        let bytes = text.as_bytes();
        let n = end.wrapping_sub(start);
        if (1..=8).contains(&n)
            && let Some(chunk) = bytes
                .get(start..start.wrapping_add(8))
                .and_then(|c| <[u8; 8]>::try_from(c).ok())
            // A word ending with a period takes the period-free look-up below.
            && bytes.get(end - 1) != Some(&b'.')
        {
            let v = u64::from_le_bytes(chunk) & (u64::MAX >> (64 - 8 * n));
            return self.classes.get_key(Key {
                parts: [fold_ascii(v), 0],
                len: n as u8,
            });
        }
        // A word of nine to sixteen bytes: two loads, the second masked to its end.
        if (9..=MAX_KEY).contains(&n)
            && let Some(chunk) = bytes
                .get(start..start.wrapping_add(16))
                .and_then(|c| <[u8; 16]>::try_from(c).ok())
            && bytes.get(end - 1) != Some(&b'.')
        {
            let v = u128::from_le_bytes(chunk);
            let second = (v >> 64) as u64 & (u64::MAX >> (128 - 8 * n));
            return self.classes.get_key(Key {
                parts: [fold_ascii(v as u64), fold_ascii(second)],
                len: n as u8,
            });
        }
        self.class(text.get(start..end).unwrap_or(""))
    }

    /// The cue phrase whose first word is `text[start..end]` (a whole word): where the
    /// phrase ends and its form.
    #[inline]
    pub(crate) fn cue_at(&self, text: &str, start: usize, end: usize) -> Option<(usize, CueForm)> {
        self.cues.match_at(text, start, end)
    }

    /// Whether a cue phrase may start at the beginning of `rest` (its first three
    /// letters begin some cue word): the reference [`Lexicon::cue_start`] is tested
    /// against.
    #[cfg(test)]
    pub(crate) fn may_start_cue(&self, rest: &[u8]) -> bool {
        prefix_bit(rest).is_some_and(|bit| self.cues.prefixes[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// The cue filters on the word starting at `bytes[ws]` and ending by `end`:
    /// [`CueStart::No`] exactly when [`Lexicon::may_start_cue`] is false for
    /// `bytes[ws..end]`, [`CueStart::Maybe`] for every word that [`Lexicon::cue_at`]
    /// matches. Four bytes are tested at once.
    #[inline]
    pub(crate) fn cue_start(&self, bytes: &[u8], ws: usize, end: usize) -> CueStart {
        let avail = end.min(bytes.len()).saturating_sub(ws);
        if avail < 3 {
            return CueStart::No;
        }
        let v = match bytes.get(ws..ws + 4) {
            Some(&[a, b, c, d]) if avail >= 4 => u32::from_le_bytes([a, b, c, d]),
            _ => match bytes.get(ws..ws + 3) {
                Some(&[a, b, c]) => u32::from_le_bytes([a, b, c, 0]),
                _ => return CueStart::No,
            },
        };
        let letters = letter_mask32(v);
        if letters & 0x0080_8080 != 0x0080_8080 {
            return CueStart::No;
        }
        self.cue_start_of_letters(v, letters & 0x8000_0000 != 0)
    }

    /// [`Lexicon::cue_start`] of a word whose first three bytes, the low three of
    /// `v`, are ASCII letters inside the window; `fourth_letter` says whether the
    /// fourth byte (the high one of `v`) is a letter inside it too. The word pass
    /// knows this from its letter mask and skips the letter test.
    #[inline]
    pub(crate) fn cue_start_of_letters(&self, v: u32, fourth_letter: bool) -> CueStart {
        // The three letters' low five bits side by side: `a * 1024 + b * 32 + c`.
        let bit = (((v & 31) << 10) | ((v >> 3) & (31 << 5)) | ((v >> 16) & 31)) as usize;
        if self.cues.prefixes[bit / 64] & (1 << (bit % 64)) == 0 {
            return CueStart::No;
        }
        let f = v | 0x2020_2020;
        // A word of a cue has its fourth letter in the quad, or ends after three.
        let quad = if fourth_letter { f } else { f & 0x00FF_FFFF };
        let bit = quad_bit(quad);
        if self.cues.quads[bit / 64] & (1 << (bit % 64)) == 0 {
            CueStart::Prefix
        } else {
            CueStart::Maybe
        }
    }

    /// The listed cue phrase equal to `cue` ignoring case, as a static string.
    pub(crate) fn cue_phrase(&self, cue: &str) -> Option<&'static str> {
        self.cues.phrase(cue)
    }

    /// Whether `word` is a title or honorific.
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.class(word) & TITLE != 0
    }

    /// Whether `word` may stand between a speaker and its verb.
    pub(crate) fn is_filler(&self, word: &str) -> bool {
        self.class(word) & FILLER != 0
    }

    /// Whether `word` is a role noun (`president`, `leader`).
    pub(crate) fn is_role(&self, word: &str) -> bool {
        self.class(word) & ROLE != 0
    }

    /// Whether `word` is a role noun generic enough to stand for the last named speaker.
    pub(crate) fn is_generic_role(&self, word: &str) -> bool {
        self.class(word) & GENERIC_ROLE != 0
    }

    /// Whether `word` is a lowercase particle inside names (`de`, `van`, `bin`).
    pub(crate) fn is_connector(&self, word: &str) -> bool {
        self.class(word) & CONNECTOR != 0
    }

    /// `Some(true)` for a usually male first name, `Some(false)` for a female one.
    pub(crate) fn first_name_gender(&self, word: &str) -> Option<bool> {
        gender_of_first_name(self.class(word))
    }

    /// The gender a title or noun implies (`Mr.`, `Ms.`, `spokeswoman`), if any.
    pub(crate) fn title_gender(&self, word: &str) -> Option<bool> {
        let c = self.class(word);
        if c & FEMALE_TITLE != 0 {
            Some(false)
        } else if c & MALE_TITLE != 0 {
            Some(true)
        } else {
            None
        }
    }

    /// Whether `word` is a listed first name of either gender.
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        self.class(word) & (MALE | FEMALE) != 0
    }

    /// Whether `word` opens a subordinate clause: a cue after it is not the sentence's
    /// main attribution.
    pub(crate) fn is_subordinator(&self, word: &str) -> bool {
        self.class(word) & SUBORDINATOR != 0
    }

    /// Whether `word` is a place or organization word that is also a common surname.
    pub(crate) fn is_name_like_org_word(&self, word: &str) -> bool {
        self.class(word) & NAME_LIKE_ORG != 0
    }

    /// Whether `word` is a party, nationality or faith word (`Democrat`, `Texans`).
    pub(crate) fn is_group_word(&self, word: &str) -> bool {
        self.class(word) & GROUP != 0
    }

    /// Whether `word` is a time word (`Monday`, `yesterday`, `week`).
    pub(crate) fn is_time_word(&self, word: &str) -> bool {
        self.class(word) & TIME != 0
    }
}

/// The gender of a first name from its class bits: `None` when it is on both lists
/// or on neither.
#[inline]
fn gender_of_first_name(c: u32) -> Option<bool> {
    match (c & MALE != 0, c & FEMALE != 0) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Titles and nouns that say a person is a man (`Mr.`, `spokesman`).
const MALE_TITLES: &[&str] = &[
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "congressman",
    "councilman",
    "assemblyman",
    "spokesman",
    "businessman",
    "chairman",
    "father",
    "husband",
    "son",
];

/// Titles and nouns that say a person is a woman (`Ms.`, `spokeswoman`).
const FEMALE_TITLES: &[&str] = &[
    "mrs",
    "ms",
    "miss",
    "madam",
    "dame",
    "lady",
    "queen",
    "princess",
    "congresswoman",
    "councilwoman",
    "assemblywoman",
    "spokeswoman",
    "businesswoman",
    "chairwoman",
    "mother",
    "wife",
    "daughter",
    "widow",
    "actress",
];

/// The gender a subject pronoun implies, or `None` when `word` is no pronoun.
#[inline]
pub(crate) fn pronoun(word: &str) -> Option<Option<bool>> {
    // `he's`, `she'd`, `he’ll`: the pronoun of a contraction. A pronoun has at most
    // three letters, so only an apostrophe among the first four bytes can matter.
    let b = word.as_bytes();
    // Most words are longer than any pronoun and hold no apostrophe that could cut
    // them to one (only one after the first byte cuts): bytes 1 to 3 are tested at
    // once for `'` and for the lead byte of `’`.
    if let Some(&[_, x, y, z]) = b.get(..4).and_then(|h| <&[u8; 4]>::try_from(h).ok()) {
        let v = u32::from_le_bytes([x, y, z, 0x20]);
        let has_byte = |c: u8| {
            let t = v ^ (u32::from(c) * 0x0101_0101);
            t.wrapping_sub(0x0101_0101) & !t & 0x8080_8080 != 0
        };
        if !has_byte(b'\'') && !has_byte(0xE2) {
            return None;
        }
    }
    pronoun_in_full(word)
}

/// [`pronoun`] without its first test for an apostrophe: the apostrophe looked for
/// byte by byte among the first four, the list scanned.
fn pronoun_in_full(word: &str) -> Option<Option<bool>> {
    let b = word.as_bytes();
    let apostrophe = (0..b.len().min(4)).find(|&k| match b[k] {
        b'\'' => true,
        0xE2 => b.get(k + 1..k + 3) == Some(&[0x80, 0x99]),
        _ => false,
    });
    let word = match apostrophe {
        Some(k) if k > 0 => word.get(..k).unwrap_or(word),
        _ => word,
    };
    if word.len() > 3 {
        return None;
    }
    PRONOUNS
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(word))
        .map(|(_, g)| *g)
}

/// Days, parts of the day and other time words (`said Monday`, `on Monday said`).
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "now",
];

/// Words before a time word that go with it (`on Monday`, `last week`).
const TIME_PREPOSITIONS: &[&str] = &[
    "on", "last", "this", "earlier", "late", "early", "next", "that",
];

/// Lowercase words that cannot be inside a speaker phrase.
const NP_STOP_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "or", "but", "because", "when", "while", "as",
    "if", "than", "so", "to", "is", "was", "are", "were", "be", "been", "has", "have", "had",
    "not", "said", "says", "told", "there", "here", "what", "where", "why", "how", "also", "in",
    "on", "at", "by", "into", "about", "after", "before", "during", "since", "until", "it", "this",
    "these", "those", "them", "him", "her", "us", "me", "you", "would", "will", "could", "should",
    "can", "may", "might", "must", "do", "does", "did", "just", "even", "only", "then", "now",
    "yet", "still", "however", "though", "although", "all", "out", "up", "over", "under", "more",
    "most", "very", "too", "no", "never", "ever", "once", "again", "already", "being", "having",
    "get", "got", "make", "made", "want", "wants", "think", "thinks", "know", "knows", "see",
    "saw", "said,", "like",
];

/// Conjunctions and sentence adverbs that may open a sentence before its subject
/// (`But he said`, `Still, Ortiz insisted`).
const CONJUNCTIONS: &[&str] = &[
    "and",
    "but",
    "yet",
    "so",
    "or",
    "still",
    "then",
    "also",
    "now",
    "meanwhile",
    "even",
    "however",
    "instead",
    "indeed",
    "nonetheless",
    "nevertheless",
    "moreover",
    "likewise",
    "similarly",
    "furthermore",
    "plus",
    "separately",
    "again",
    "finally",
    "ultimately",
    "later",
    "earlier",
    "today",
];

/// Prepositions and subordinators that open an adverbial clause ending with a comma
/// before the subject (`After the vote, Ortiz said`).
const CLAUSE_OPENERS: &[&str] = &[
    // `Here in Columbia, Sanders said`, `Back in Washington, ...`.
    "here",
    "back",
    "in",
    "on",
    "at",
    "after",
    "before",
    "while",
    "when",
    "whenever",
    "as",
    "since",
    "during",
    "despite",
    "although",
    "though",
    "because",
    "if",
    "unless",
    "unlike",
    "like",
    "among",
    "for",
    "with",
    "without",
    "from",
    "under",
    "over",
    "through",
    "throughout",
    "following",
    "amid",
    "until",
    "once",
    "along",
    "given",
    "by",
    "upon",
    "across",
    "inside",
    "outside",
    "whether",
    "to",
    "of",
    "beyond",
    "against",
    "besides",
    "asked",
    "speaking",
    "addressing",
    "writing",
    "responding",
    "where",
    "days",
    "hours",
    "weeks",
    "months",
    "years",
    "minutes",
    "shortly",
    "soon",
    "last",
    "next",
    "this",
    "that",
    "late",
    "early",
];

/// Words that open a subordinate clause: a cue after them is not the sentence's main
/// attribution.
const SUBORDINATORS: &[&str] = &[
    "when", "as", "after", "while", "because", "if", "before", "since", "until", "that", "who",
    "whom", "which", "where", "whether", "although", "though", "once", "unless", "whenever",
    "than",
];

/// Party, nationality, regional and faith words, singular and plural: `one senior
/// Democrat`, `the Texan`, `committee Republicans` name a member of a group or the
/// group, never a person. Words that are also common first names or surnames
/// (`Christian`, `French`, `English`, `Cuban`) are left out.
const GROUP_WORDS: &[&str] = &[
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "democratic",
    "libertarian",
    "libertarians",
    "tory",
    "tories",
    "american",
    "americans",
    "mexican",
    "mexicans",
    "canadian",
    "canadians",
    "texan",
    "texans",
    "californian",
    "californians",
    "floridian",
    "floridians",
    "virginian",
    "virginians",
    "iowan",
    "iowans",
    "ohioan",
    "ohioans",
    "minnesotan",
    "minnesotans",
    "coloradan",
    "coloradans",
    "arizonan",
    "arizonans",
    "kansan",
    "kansans",
    "alaskan",
    "alaskans",
    "hawaiian",
    "hawaiians",
    "russian",
    "russians",
    "ukrainian",
    "ukrainians",
    "chinese",
    "british",
    "briton",
    "britons",
    "german",
    "germans",
    "israeli",
    "israelis",
    "palestinian",
    "palestinians",
    "iranian",
    "iranians",
    "iraqi",
    "iraqis",
    "syrian",
    "syrians",
    "afghan",
    "afghans",
    "pakistani",
    "pakistanis",
    "saudi",
    "saudis",
    "egyptian",
    "egyptians",
    "libyan",
    "libyans",
    "lebanese",
    "yemeni",
    "yemenis",
    "turkish",
    "kurdish",
    "kurd",
    "kurds",
    "arab",
    "arabs",
    "japanese",
    "korean",
    "koreans",
    "vietnamese",
    "filipino",
    "filipinos",
    "european",
    "europeans",
    "african",
    "africans",
    "asian",
    "asians",
    "australian",
    "australians",
    "italian",
    "italians",
    "spanish",
    "greek",
    "greeks",
    "swedish",
    "polish",
    "dutch",
    "nigerian",
    "nigerians",
    "kenyan",
    "kenyans",
    "venezuelan",
    "venezuelans",
    "brazilian",
    "brazilians",
    "colombian",
    "colombians",
    "haitian",
    "haitians",
    "muslim",
    "muslims",
    "jewish",
    "jew",
    "jews",
    "catholic",
    "catholics",
    "mormon",
    "mormons",
    "evangelical",
    "evangelicals",
    "sunni",
    "sunnis",
    "shiite",
    "shiites",
    "hindu",
    "hindus",
    "latino",
    "latinos",
    "latina",
    "latinas",
    "hispanic",
    "hispanics",
];

/// Words of the place and organization list that are also common surnames.
const NAME_LIKE_ORG_WORDS: &[&str] = &[
    "law", "day", "house", "west", "east", "north", "south", "park", "street", "wall", "bay",
    "lake", "river", "price", "bill", "act", "plan", "guard", "trust", "post", "bank", "fox",
    "press", "young", "hill", "field", "kingdom", "court", "chase",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list with its class bit and whether it ignores a final period.
    fn lists() -> Vec<(&'static [&'static str], u32, bool)> {
        vec![
            (TITLES, TITLE, true),
            (NOT_NAMES, NOT_NAME, true),
            (ORG_WORDS, ORG, true),
            (MALE_NAMES, MALE, true),
            (FEMALE_NAMES, FEMALE, true),
            (DETERMINERS, DETERMINER, true),
            (VERB_FILLERS, FILLER, true),
            (ROLE_NOUNS, ROLE, true),
            (GENERIC_ROLES, GENERIC_ROLE, true),
            (NAME_CONNECTORS, CONNECTOR, true),
            (MALE_TITLES, MALE_TITLE, true),
            (FEMALE_TITLES, FEMALE_TITLE, true),
            (NP_STOP_WORDS, NP_STOP, false),
            (CONJUNCTIONS, CONJUNCTION, false),
            (CLAUSE_OPENERS, CLAUSE_OPENER, false),
            (SUBORDINATORS, SUBORDINATOR, false),
            (NAME_LIKE_ORG_WORDS, NAME_LIKE_ORG, false),
            (TIME_WORDS, TIME, false),
            (TIME_PREPOSITIONS, TIME_PREPOSITION, false),
            (GROUP_WORDS, GROUP, false),
        ]
    }

    /// The class bits of `word` by scanning every list: what the table must give.
    fn reference_class(word: &str) -> u32 {
        let trimmed = word.trim_end_matches('.');
        lists()
            .into_iter()
            .filter(|&(words, _, period_free)| {
                let w = if period_free { trimmed } else { word };
                !w.is_empty() && words.iter().any(|l| l.eq_ignore_ascii_case(w))
            })
            .fold(0, |bits, (_, bit, _)| bits | bit)
    }

    /// The pronoun reading before the byte-wise apostrophe search.
    fn reference_pronoun(word: &str) -> Option<Option<bool>> {
        let word = match word.find(['\'', '’']) {
            Some(k) if k > 0 => &word[..k],
            _ => word,
        };
        if word.len() > 3 {
            return None;
        }
        PRONOUNS
            .iter()
            .find(|(p, _)| p.eq_ignore_ascii_case(word))
            .map(|(_, g)| *g)
    }

    /// The four-byte cue filter lets every listed cue's first word through, in any
    /// case and before any ending.
    #[test]
    fn cue_start_lets_every_cue_through() {
        let lex = Lexicon::new();
        for (phrase, _) in CUES {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            for word in [first.to_owned(), first.to_ascii_uppercase()] {
                for ending in ["", " x", ",", ".", "\u{a0}", "’"] {
                    let text = format!("{word}{ending}");
                    let hint = lex.cue_start(text.as_bytes(), 0, text.len());
                    assert_eq!(hint, CueStart::Maybe, "{text:?}");
                    if !phrase.contains(' ') {
                        assert!(lex.cue_at(&text, 0, word.len()).is_some(), "{text:?}");
                    }
                }
            }
        }
        // Common words the three-letter test lets through are mostly turned away.
        let turned = ["that", "with", "state", "which", "control", "not", "all"]
            .iter()
            .filter(|w| lex.cue_start(w.as_bytes(), 0, w.len()) != CueStart::Maybe)
            .count();
        assert!(turned >= 4, "{turned}");
    }

    /// `attribution::may_end_multiword_run` takes a particle to be at most three
    /// letters long.
    #[test]
    fn name_particles_are_short() {
        assert!(NAME_CONNECTORS.iter().all(|c| c.len() <= 3));
    }

    #[test]
    fn every_listed_word_has_its_classes() {
        let lex = Lexicon::new();
        for (words, bit, period_free) in lists() {
            for w in words {
                assert_ne!(lex.class(w) & bit, 0, "{w}");
                let upper = w.to_ascii_uppercase();
                assert_ne!(lex.class(&upper) & bit, 0, "{upper}");
                let dotted = format!("{w}.");
                assert_eq!(lex.class(&dotted) & bit != 0, period_free, "{dotted}");
                assert_eq!(lex.class(w), reference_class(w), "{w}");
            }
        }
        assert_eq!(lex.title_gender("Mr."), Some(true));
        assert_eq!(lex.title_gender("spokeswoman"), Some(false));
        assert_eq!(lex.title_gender("senator"), None);
        assert_eq!(lex.class(""), 0);
        assert_eq!(lex.class("..."), 0);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 512, failure_persistence: None, ..Default::default()
        })]

        /// Pronouns are told as the byte-by-byte reference tells them.
        #[test]
        fn pronouns_match_the_reference(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "h", "H", "e", "s", "S", "i", "t", "w", "y", "o", "u", "'", "’", "ll",
                    "d", "é", "\u{e2}", "x", "they", "She",
                ]),
                0..6,
            ),
        ) {
            let w: String = parts.concat();
            proptest::prop_assert_eq!(pronoun(&w), pronoun_in_full(&w), "{:?}", w);
        }

        /// The class of a range of a text, words of up to sixteen bytes read with one
        /// or two loads, is the class of the range's text: listed words in any case, words with periods,
        /// ranges at the text's end, off character boundaries, empty or reversed.
        #[test]
        fn classes_in_a_text_match_classes_of_words(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Sen.", "senator", "Maria", "the", "The", " ", "é", "Ørsted", "U.S.",
                    "Democrats", "mr", ".", "’s", "said", "abcdefgh", "abcdefghi", "x",
                    "spokeswoman", "\u{a0}",
                ]),
                0..8,
            ),
            after in proptest::sample::select(vec!["", " said the", "xxxxxxxxx", "é"]),
        ) {
            let lex = Lexicon::new();
            // Every range of up to seventeen bytes, at every byte: whole words, parts
            // of words and ranges across or off character boundaries, with more text
            // after them or none.
            let text = format!("{}{after}", parts.concat());
            for start in 0..=text.len() + 1 {
                for end in start.saturating_sub(1)..=start + 17 {
                    let expected = lex.class(text.get(start..end).unwrap_or(""));
                    proptest::prop_assert_eq!(
                        lex.class_in(&text, start, end), expected, "{:?} {}..{}", text, start, end
                    );
                }
            }
        }

        /// A short load is the word's first eight bytes, zero-padded, as a loop over
        /// the bytes builds them.
        #[test]
        fn short_loads_match_a_loop_over_the_bytes(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..12),
        ) {
            let expected = bytes
                .iter()
                .take(8)
                .enumerate()
                .fold(0u64, |v, (k, &b)| v | (u64::from(b) << (8 * k)));
            proptest::prop_assert_eq!(load_short(&bytes), expected, "{:?}", bytes);
        }

        /// A cue's listed phrase is the one a scan of the cue list finds equal to it
        /// ignoring case: one word or several, in any case, near misses, spaces.
        #[test]
        fn cue_phrases_match_a_scan_of_the_cues(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "said", "Said", "SAID", "according", "to", "told", "pointed", "out", " ",
                    "  ", "é", "x", "sai", "d", "warned", "Tweeted", "in", "a", "statement",
                ]),
                0..5,
            ),
        ) {
            let lex = Lexicon::new();
            let cue: String = parts.concat();
            let expected = CUES
                .iter()
                .find(|(phrase, _)| phrase.eq_ignore_ascii_case(&cue))
                .map(|(phrase, _)| *phrase);
            proptest::prop_assert_eq!(lex.cue_phrase(&cue), expected, "{:?}", cue);
        }

        /// A word boundary is told as by the character after it: none, or no letter,
        /// digit or hyphen, in any script, at every byte (off character boundaries
        /// too) and past the end.
        #[test]
        fn word_boundaries_match_a_test_by_character(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "7", "-", " ", ",", "é", "Ø", "’", "\u{a0}", "中", "٣", "—",
                ]),
                0..8,
            ),
        ) {
            let text: String = parts.concat();
            for i in 0..=text.len() + 1 {
                let expected = text
                    .get(i..)
                    .and_then(|s| s.chars().next())
                    .is_none_or(|c| !(crate::text::is_alphanumeric(c) || c == '-'));
                proptest::prop_assert_eq!(word_boundary_at(&text, i), expected, "{:?} {}", text, i);
            }
        }

        /// The one-table look-up answers as a scan of the lists would, for listed
        /// words, near misses, long words, periods, apostrophes and other scripts.
        #[test]
        fn classes_match_a_scan_of_the_lists(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "the", "The", "he", "She", "sen", "Sen", ".", "'", "’", "s", "ll", "president",
                    "PRESIDENT", "on", "monday", "x", "é", "Ørsted", "west", "vladimirovich",
                    "abcdefghijklmnop", "q",
                ]),
                0..4,
            ),
        ) {
            let lex = Lexicon::new();
            let word: String = parts.concat();
            proptest::prop_assert_eq!(lex.class(&word), reference_class(&word));
            proptest::prop_assert_eq!(pronoun(&word), reference_pronoun(&word));
        }
    }
}
