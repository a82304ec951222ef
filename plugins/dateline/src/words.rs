//! Lexical helpers: a cursor over one line, word shapes and the word lists the
//! recognizers consult.

/// Horizontal white space inside a line (no line breaks).
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}'
    )
}

/// Characters that make up a word: letters, digits, and the punctuation found inside
/// names and abbreviations (`St.`, `O'Brien`, `Jean-Paul`, `D.C.`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '‐' | '&')
}

/// A position in one line; `pos` is always on a char boundary.
#[derive(Clone, Copy)]
pub(crate) struct Cursor<'t> {
    pub(crate) s: &'t str,
    pub(crate) pos: usize,
}

impl<'t> Cursor<'t> {
    pub(crate) fn new(s: &'t str) -> Self {
        Cursor { s, pos: 0 }
    }

    pub(crate) fn rest(&self) -> &'t str {
        self.s.get(self.pos..).unwrap_or("")
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    pub(crate) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Skips white space; returns how many bytes were skipped.
    pub(crate) fn skip_spaces(&mut self) -> usize {
        let rest = self.rest();
        let trimmed = rest.trim_start_matches(is_space);
        let n = rest.len() - trimmed.len();
        self.pos += n;
        n
    }

    /// Consumes `lit` when the rest starts with it (case-sensitive).
    pub(crate) fn eat(&mut self, lit: &str) -> bool {
        if self.rest().starts_with(lit) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }

    /// Consumes the ASCII `lit` when the rest starts with it, ignoring ASCII case.
    pub(crate) fn eat_ci(&mut self, lit: &str) -> bool {
        let rest = self.rest().as_bytes();
        match rest.get(..lit.len()) {
            // Equal to ASCII bytes means these bytes are ASCII: the end is a boundary.
            Some(head) if head.eq_ignore_ascii_case(lit.as_bytes()) => {
                self.pos += lit.len();
                true
            }
            _ => false,
        }
    }

    /// Consumes one word; returns its byte range in the line.
    pub(crate) fn word(&mut self) -> Option<(usize, usize)> {
        let rest = self.rest();
        let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        if len == 0 {
            return None;
        }
        let start = self.pos;
        self.pos += len;
        Some((start, self.pos))
    }

    /// Consumes the spaces before a word and the word; restores the position when no
    /// word follows the spaces (or there are no spaces).
    pub(crate) fn next_word(&mut self) -> Option<(usize, usize)> {
        let save = self.pos;
        if self.skip_spaces() == 0 {
            return None;
        }
        let word = self.word();
        if word.is_none() {
            self.pos = save;
        }
        word
    }
}

/// The letters of a word, ignoring its punctuation.
fn letters(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars().filter(|c| c.is_alphabetic())
}

/// All letters uppercase, at least one letter, no digits: `WASHINGTON`, `ST.`, `D.C.`.
pub(crate) fn is_upper_word(w: &str) -> bool {
    letters(w).next().is_some()
        && letters(w).all(char::is_uppercase)
        && !w.chars().any(|c| c.is_numeric())
}

/// Capitalized with lowercase letters after: `Moscow`, `O'Brien`, `McAllen`, `Jean-Paul`.
pub(crate) fn is_cap_word(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some(c) if c.is_uppercase())
        && letters(w).any(char::is_lowercase)
        && !w.chars().any(|c| c.is_numeric())
}

/// An initial or initials: `J.`, `J.R.`.
pub(crate) fn is_initial(w: &str) -> bool {
    w.len() >= 2
        && w.ends_with('.')
        && w.split_terminator('.').all(|p| {
            let mut c = p.chars();
            matches!((c.next(), c.next()), (Some(a), None) if a.is_uppercase())
        })
}

/// Number of letters in a word.
pub(crate) fn letter_count(w: &str) -> usize {
    letters(w).count()
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The word without a trailing period (`Aug.` → `Aug`).
pub(crate) fn bare(w: &str) -> &str {
    w.trim_end_matches('.')
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
];

/// A month or weekday name, full or abbreviated, any case.
pub(crate) fn is_date_word(w: &str) -> bool {
    let w = bare(w);
    in_list(MONTHS, w) || in_list(WEEKDAYS, w)
}

/// All-caps words that open a line like a dateline but are labels: section names,
/// kickers, page furniture, and acronyms that start sentences.
const NOT_PLACES: &[&str] = &[
    "ADVERTISEMENT",
    "ADVERTISING",
    "ALERT",
    "ALSO",
    "ANALYSIS",
    "AUDIO",
    "BREAKING",
    "BUSINESS",
    "CLOSE",
    "COMMENT",
    "COMMENTARY",
    "COMMENTS",
    "CONTACT",
    "CORRECTION",
    "CULTURE",
    "ECONOMY",
    "EDITORIAL",
    "EDITOR'S",
    "EDITOR’S",
    "ENTERTAINMENT",
    "EXCLUSIVE",
    "EXPLAINER",
    "FACT",
    "FEATURE",
    "FEATURES",
    "FILE",
    "GALLERY",
    "GRAPHIC",
    "HEALTH",
    "HOME",
    "INTERVIEW",
    "LATEST",
    "LIFESTYLE",
    "LISTEN",
    "LIVE",
    "LOGIN",
    "MENU",
    "MORE",
    "NEWS",
    "NEWSLETTER",
    "NOTE",
    "OPINION",
    "PHOTO",
    "PHOTOS",
    "PODCAST",
    "POLITICS",
    "PROMOTED",
    "READ",
    "RELATED",
    "REVIEW",
    "SCIENCE",
    "SEARCH",
    "SEE",
    "SHARE",
    "SIGN",
    "SPONSORED",
    "SPORT",
    "SPORTS",
    "SUBSCRIBE",
    "TECH",
    "TECHNOLOGY",
    "TOP",
    "TRAVEL",
    "TRENDING",
    "UPDATE",
    "UPDATED",
    "VIDEO",
    "VIDEOS",
    "WARNING",
    "WATCH",
    "WEATHER",
    "WORLD",
    "AND",
    "BUT",
    "THE",
    "FOR",
    "WITH",
    "NOT",
    "NO",
    "YES",
    "OK",
    "CEO",
    "NATO",
    "EU",
    "UN",
    "US",
    "USA",
    "UK",
    "FBI",
    "CIA",
    "IMF",
    "WHO",
    "OPEC",
    "GDP",
    "AI",
    "TV",
    "COVID",
    "PS",
    "Q",
    "A",
    "I",
    "P.S.",
    "BY",
    "SOURCE",
    "CREDIT",
    "IMAGE",
    "PICTURE",
    "DEAR",
    "IN",
    "ON",
    "AT",
    "TO",
    "OF",
    "FROM",
    "ABOUT",
    "PUBLISHED",
    "POSTED",
    "LAST",
    "PRIVACY",
    "TERMS",
    "COPYRIGHT",
    "ATTENTION",
    "TIP",
    "TIPS",
    "QUOTE",
    "QUOTES",
    "MUST",
    "DON'T",
    "DON’T",
    "HOW",
    "WHY",
    "WHAT",
    "WHEN",
    "WHERE",
    "WHO'S",
    "HERE'S",
    "THIS",
    "THAT",
    "IT",
    "WE",
    "YOU",
    "HE",
    "SHE",
    "THEY",
    "MY",
    "OUR",
];

/// Whether an all-caps word is a known label rather than a place.
pub(crate) fn is_not_place(w: &str) -> bool {
    in_list(NOT_PLACES, w)
}

/// Capitalized words that begin phrases after "By" but are not names ("By Monday",
/// "By The Way"), and words that may not open a name.
const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Then",
    "Now",
    "Far",
    "Contrast",
    "Comparison",
    "Law",
    "Way",
    "Default",
    "Design",
    "Definition",
    "Tomorrow",
    "Today",
    "Tonight",
    "Yesterday",
    "Noon",
    "Midnight",
    "Midday",
    "Nightfall",
    "Dawn",
    "Dusk",
    "Mid",
    "Late",
    "Early",
    "End",
    "Next",
    "Last",
    "Our",
    "Its",
    "His",
    "Her",
    "Their",
    "Your",
    "My",
    "All",
    "Some",
    "Most",
    "Many",
    "Using",
    "Order",
    "Christmas",
    "Easter",
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
    "Election",
    "Year",
    "Month",
    "Week",
    "Day",
    "Night",
    "Morning",
    "Evening",
    "Afternoon",
    "Air",
    "Road",
    "Rail",
    "Sea",
    "Car",
    "Train",
    "Bus",
    "Plane",
    "Phone",
    "Email",
    "Any",
    "Every",
    "Each",
    "No",
    "One",
    "Two",
    "Three",
    "Several",
    "Both",
    "Either",
    "Means",
    "Mail",
    "Hand",
    "Chance",
    "Accident",
    "Contrast",
    "Then",
    "Itself",
    "Themselves",
];

/// Lowercase particles inside personal names (`Ursula von der Leyen`).
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "van",
    "von", "bin", "ibn", "al", "el", "ter", "ten", "y", "zu",
];

pub(crate) fn is_particle(w: &str) -> bool {
    NAME_PARTICLES.contains(&w)
}

/// A word that may stand inside a personal name.
pub(crate) fn is_name_token(w: &str) -> bool {
    if is_initial(w) {
        return true;
    }
    let shaped = is_cap_word(w) || (is_upper_word(w) && letter_count(w) >= 2);
    shaped && !in_list(NOT_NAME_WORDS, bare(w)) && !is_date_word(w)
}

/// News agencies, photo agencies and wire services credited in news text. Compared
/// case-insensitively against a whole credited name.
const AGENCIES: &[&str] = &[
    "AAP",
    "ABC",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "Agencies",
    "Al Jazeera",
    "Alamy",
    "ANI",
    "Anadolu",
    "Anadolu Agency",
    "ANSA",
    "AP",
    "Associated Press",
    "The Associated Press",
    "BBC",
    "Bloomberg",
    "Bloomberg News",
    "Canadian Press",
    "The Canadian Press",
    "CNN",
    "dpa",
    "EFE",
    "EPA",
    "EPA-EFE",
    "Getty",
    "Getty Images",
    "IANS",
    "Interfax",
    "IRNA",
    "Jiji",
    "KCNA",
    "Kremlin",
    "Kremlin.ru",
    "Kyodo",
    "NHK",
    "NurPhoto",
    "PA",
    "PA Media",
    "Press Association",
    "PTI",
    "Reuters",
    "RFE/RL",
    "RIA Novosti",
    "Shutterstock",
    "SOPA Images",
    "Sputnik",
    "TASS",
    "UNIAN",
    "Ukrinform",
    "UPI",
    "WAFA",
    "Xinhua",
    "Xinhua News Agency",
    "Yonhap",
    "ZUMA Press",
    "Zuma Wire",
];

/// Whether `name` is a known agency, or one of `extra`.
pub(crate) fn is_known_agency(name: &str, extra: &[String]) -> bool {
    in_list(AGENCIES, name) || extra.iter().any(|e| e.eq_ignore_ascii_case(name))
}

/// Words that mark an organization (`… Press`, `… Times`, `… Images`).
const OUTLET_WORDS: &[&str] = &[
    "Agency",
    "Agencies",
    "Bureau",
    "Channel",
    "Chronicle",
    "Daily",
    "Gazette",
    "Group",
    "Guardian",
    "Herald",
    "Images",
    "Institute",
    "Journal",
    "Magazine",
    "Media",
    "Ministry",
    "Network",
    "News",
    "Newspaper",
    "Observer",
    "Office",
    "Online",
    "Photos",
    "Pictures",
    "Post",
    "Press",
    "Radio",
    "Review",
    "Service",
    "Telegraph",
    "Television",
    "Times",
    "Today",
    "Tribune",
    "TV",
    "Website",
    "Wire",
    "Agency's",
    "Corp",
    "Corp.",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "LLC",
    "Company",
    "Foundation",
    "University",
    "Museum",
    "Center",
    "Centre",
    "Laboratory",
    "Observatory",
    "Collaboration",
    "Administration",
    "Department",
    "Government",
    "Council",
    "Commission",
    "Association",
    "Society",
    "Archive",
    "Archives",
    "Library",
    "Studio",
    "Studios",
    "Films",
    "Entertainment",
    "Records",
    "Presswire",
    "Authority",
    "Authorities",
    "Police",
    "Army",
    "Forces",
    "Navy",
    "Party",
    "Committee",
    "Court",
    "Parliament",
    "Embassy",
    "Board",
    "Fund",
    "Bank",
    "Union",
    "Organization",
    "Organisation",
    "Programme",
    "Program",
    "Project",
    "Trust",
    "Hospital",
    "School",
    "College",
];

/// Job titles that follow a byline (`By Jane Doe, Staff Writer`): not an agency.
const ROLE_WORDS: &[&str] = &[
    "Staff",
    "Writer",
    "Reporter",
    "Correspondent",
    "Correspondents",
    "Editor",
    "Contributor",
    "Columnist",
    "Desk",
    "Team",
    "Editors",
    "Reporters",
    "Senior",
    "Chief",
    "Special",
];

/// Whether some word of `name` marks an organization.
pub(crate) fn has_outlet_word(name: &str) -> bool {
    name.split(is_space).any(|w| in_list(OUTLET_WORDS, w))
}

/// Whether every word of `name` is a job title word (`Staff Writer`).
pub(crate) fn is_role(name: &str) -> bool {
    let mut words = name.split(is_space).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| in_list(ROLE_WORDS, w))
}

/// What a credit keyword says is credited, or `None` when the word is not one.
pub(crate) fn credit_keyword(w: &str) -> Option<&'static str> {
    const KEYWORDS: &[(&str, &str)] = &[
        ("photo", "photo"),
        ("photos", "photo"),
        ("photograph", "photo"),
        ("photographs", "photo"),
        ("photography", "photo"),
        ("picture", "photo"),
        ("pictures", "photo"),
        ("pic", "photo"),
        ("image", "image"),
        ("images", "image"),
        ("video", "video"),
        ("footage", "video"),
        ("illustration", "illustration"),
        ("graphic", "graphic"),
        ("graphics", "graphic"),
        ("map", "graphic"),
        ("chart", "graphic"),
        ("source", "source"),
        ("sources", "source"),
        ("credit", "credit"),
        ("credits", "credit"),
        ("courtesy", "credit"),
    ];
    KEYWORDS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|(_, what)| *what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shapes() {
        assert!(is_upper_word("WASHINGTON"));
        assert!(is_upper_word("ST."));
        assert!(is_upper_word("SÃO"));
        assert!(!is_upper_word("COVID-19"));
        assert!(!is_upper_word("Moscow"));
        assert!(is_cap_word("Moscow"));
        assert!(is_cap_word("O'Brien"));
        assert!(!is_cap_word("moscow"));
        assert!(is_initial("J."));
        assert!(is_initial("J.R."));
        assert!(!is_initial("Jr."));
        assert!(is_date_word("Aug."));
        assert!(is_date_word("AUGUST"));
        assert!(!is_date_word("Augustine"));
    }

    #[test]
    fn cursor_never_splits_characters() {
        let mut c = Cursor::new("Zürich — Ж");
        assert_eq!(c.word(), Some((0, 7)));
        assert_eq!(c.skip_spaces(), 1);
        assert!(c.eat("—"));
        assert!(!c.eat_ci("x"));
        assert_eq!(c.next_word(), Some((12, 14)));
        assert!(c.at_end());
    }
}
