//! A deterministic generator of realistic news articles for benchmarks and tests.
//!
//! Every article is built from templates and word lists written for this project:
//! invented people, places and organisations, quotations of every shape the quotes
//! stage handles (before and after their cue, inverted, pronoun cues, partial quotes,
//! nested single quotes, quotes running over paragraphs, scare quotes, apostrophes),
//! numbers of every form the numbers stage handles, and the junk real scraped pages
//! carry (ads, cookie banners, captions, related-story lists, teasers of other
//! stories, comment forms). Articles come as plain text or as full HTML pages.
//!
//! The same seed always gives the same corpus, on every platform and forever: the
//! random source is a fixed SplitMix64, not a library generator whose algorithm may
//! change between versions.

#![deny(missing_docs)]

use std::fmt::Write as _;

/// SplitMix64: tiny, fast, and fixed by its definition, so corpora are reproducible.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }

    /// One item of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Ana", "Tomas", "Elena", "Marta", "Jorge", "Irene", "Paulo", "Hanne", "Lars", "Sofia", "Jonas",
    "Priya", "Maren", "Oskar", "Dana", "Rui", "Tom", "Leila", "Kofi", "Ingrid", "Mateo", "Yusuf",
    "Grace", "Nadia", "Viktor", "Amara", "Henrik", "Chiara", "Ravi", "Zofia",
];
const LAST: &[&str] = &[
    "Ortiz",
    "Brell",
    "Vasquez",
    "Quental",
    "Almada",
    "Matos",
    "Serrão",
    "Solberg",
    "Eide",
    "Reyes",
    "Kellerman",
    "Raman",
    "Holt",
    "Lund",
    "Whitfield",
    "Tanaka",
    "Okafor",
    "Haddad",
    "Mensah",
    "Berg",
    "Castellano",
    "Demir",
    "Achebe",
    "Kowalska",
    "Petrov",
    "Nwosu",
    "Lindqvist",
    "Moretti",
    "Iyer",
    "Nowak",
];
const ROLES: &[(&str, &str)] = &[
    ("Finance Minister", "the minister"),
    ("Governor", "the governor"),
    ("Mayor", "the mayor"),
    ("President", "the president"),
    ("chief executive", "the chief executive"),
    ("union leader", "the union leader"),
    ("Prime Minister", "the prime minister"),
    ("Health Minister", "the minister"),
    ("police chief", "the police chief"),
    ("director", "the director"),
];
const PLACES: &[&str] = &[
    "Valmora",
    "Norland",
    "Serra",
    "Arbeira",
    "San Teresa",
    "Ashford",
    "Kestrel Bay",
    "Port Alden",
    "Mirovia",
    "Coldwater",
    "Eastmarch",
    "Lysande",
    "Oranmore",
    "Tessaly",
];
const ORGS: &[&str] = &[
    "the harbour board",
    "the regional water agency",
    "the central bank",
    "the transport ministry",
    "the national statistics office",
    "Lumen Systems",
    "Fjord Securities",
    "the city council",
    "the farmers' union",
    "the state news agency",
    "Greyfield Partners",
    "the health ministry",
    "the regional military administration",
    "the electoral commission",
];
const AGENCIES: &[&str] = &[
    "Market Wire",
    "the Coastal Press Agency",
    "NordNews",
    "Reuters",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "noted",
    "stressed",
    "declared",
    "insisted",
    "explained",
    "wrote in a statement",
    "told the newspaper",
    "said in a video address",
];
const TOPICS: &[&str] = &[
    "port", "drought", "rates", "transfer", "museum", "earnings", "strike", "election", "floods",
    "housing",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
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
];
const QUALIFIERS: &[&str] = &[
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "some",
    "over",
    "more than",
    "at least",
    "up to",
    "fewer than",
    "under",
    "approximately",
];
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "fifteen",
    "twenty",
    "forty-two",
    "one hundred",
    "a dozen",
    "two and a half",
    "three hundred",
];
const COUNTED: &[&str] = &[
    "foreign companies",
    "containers",
    "workers",
    "visitors",
    "hectares of maize",
    "new berths",
    "analysts",
    "households",
    "students",
    "flights",
    "hospital beds",
    "electric buses",
];
const VAGUE: &[&str] = &[
    "thousands of",
    "hundreds of",
    "dozens of",
    "millions of",
    "tens of thousands of",
];

/// A generated article, before it is rendered as text or HTML.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable id (`gen-<seed>-<n>`).
    pub id: String,
    /// Headline.
    pub title: String,
    /// Author.
    pub byline: String,
    /// ISO date.
    pub date: String,
    /// Place for a dateline, when the article has one.
    pub dateline: Option<String>,
    /// Section label ("BUSINESS").
    pub section: String,
    /// Photo caption with credit.
    pub caption: String,
    /// The article's own paragraphs.
    pub paragraphs: Vec<String>,
    /// Headlines of related stories.
    pub related: Vec<String>,
    /// Teasers of other stories: (time stamp, headline, byline, paragraph).
    pub teasers: Vec<(String, String, String, String)>,
}

/// Generates articles from a seed.
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    seed: u64,
    count: u64,
}

struct Person {
    first: &'static str,
    last: &'static str,
    role: &'static str,
    role_noun: &'static str,
    pronoun: &'static str,
}

impl Generator {
    /// A generator; the same seed gives the same articles.
    pub fn new(seed: u64) -> Self {
        Generator {
            rng: Rng::new(seed),
            seed,
            count: 0,
        }
    }

    fn person(&mut self) -> Person {
        let (role, role_noun) = ROLES[self.rng.below(ROLES.len())];
        Person {
            first: self.rng.pick(FIRST),
            last: self.rng.pick(LAST),
            role,
            role_noun,
            pronoun: if self.rng.chance(0.5) { "she" } else { "he" },
        }
    }

    fn digits(&mut self, lo: u64, hi: u64) -> String {
        group_thousands(self.rng.range(lo, hi))
    }

    fn money(&mut self) -> String {
        let whole = self.rng.range(1, 950);
        let tenth = self.rng.range(0, 9);
        match self.rng.below(9) {
            0 => format!("${whole}.{tenth} billion"),
            1 => format!("€{whole} million"),
            2 => format!("£{whole}m"),
            3 => format!("{whole} billion rubles"),
            4 => format!("US${whole}.{tenth}bn"),
            5 => format!("{} euros", self.digits(1_000, 900_000)),
            6 => format!("¥{} million", self.digits(10, 9_000)),
            7 => format!("{whole} million yuan"),
            _ => format!("${}", self.digits(100, 99_999)),
        }
    }

    fn quantity(&mut self) -> String {
        match self.rng.below(6) {
            0 => format!("{} {}", self.digits(2, 90_000), self.rng.pick(COUNTED)),
            1 => format!("{} {}", self.rng.pick(NUMBER_WORDS), self.rng.pick(COUNTED)),
            2 => format!("{} {}", self.rng.pick(VAGUE), self.rng.pick(COUNTED)),
            3 => format!(
                "{}.{} million {}",
                self.rng.range(1, 9),
                self.rng.range(1, 9),
                self.rng.pick(COUNTED)
            ),
            4 => format!(
                "{} {} {}",
                self.rng.pick(QUALIFIERS),
                self.digits(10, 5_000),
                self.rng.pick(COUNTED)
            ),
            _ => format!(
                "between {} and {} {}",
                self.rng.range(2, 9),
                self.rng.range(10, 40),
                self.rng.pick(COUNTED)
            ),
        }
    }

    fn percent(&mut self) -> String {
        let n = self.rng.range(1, 60);
        match self.rng.below(5) {
            0 => format!("{n}%"),
            1 => format!("{n} percent"),
            2 => format!("{n}.{} per cent", self.rng.range(1, 9)),
            3 => format!(
                "{} percent",
                self.rng.pick(&["two", "three", "five", "ten", "twenty"])
            ),
            _ => format!("{}.{} percent", self.rng.range(0, 9), self.rng.range(1, 9)),
        }
    }

    fn date(&mut self) -> String {
        let month = self.rng.pick(MONTHS);
        let day = self.rng.range(1, 28);
        let year = self.rng.range(2015, 2026);
        match self.rng.below(3) {
            0 => format!("{month} {day}, {year}"),
            1 => format!("{day} {month} {year}"),
            _ => format!("{}, {month} {day}", self.rng.pick(WEEKDAYS)),
        }
    }

    fn ordinal(&mut self) -> String {
        let n = self.rng.range(1, 40);
        match self.rng.below(3) {
            0 => format!("{n}{}", ordinal_suffix(n)),
            1 => self
                .rng
                .pick(&[
                    "first",
                    "second",
                    "third",
                    "fourth",
                    "tenth",
                    "twenty-first",
                ])
                .to_owned(),
            _ => format!("{}{}", n, ordinal_suffix(n)),
        }
    }

    /// A sentence that states a figure, with the figure in one of many forms.
    fn figure_sentence(&mut self, place: &str) -> String {
        let org = self.rng.pick(ORGS);
        let weekday = self.rng.pick(WEEKDAYS);
        match self.rng.below(10) {
            0 => format!(
                "{} said on {weekday} that revenue rose {} to {}, {} forecasts.",
                capitalize(org),
                self.percent(),
                self.money(),
                self.rng.pick(&["beating", "missing", "in line with"])
            ),
            1 => format!(
                "The project, worth {} {}, is expected to create {} by {}.",
                self.rng.pick(QUALIFIERS),
                self.money(),
                self.quantity(),
                self.rng.range(2026, 2035)
            ),
            2 => format!(
                "In {place}, {} were affected, and officials counted {} damaged since {}.",
                self.quantity(),
                self.quantity(),
                self.date()
            ),
            3 => format!(
                "A {}-year-old man was taken to hospital, and a woman aged {} was treated at the scene, {org} said.",
                self.rng.range(20, 79),
                self.rng.range(18, 90)
            ),
            4 => format!(
                "Inflation slowed to {} in {}, and the bank cut rates by 0.{} percentage points, the {} cut in a row.",
                self.percent(),
                self.rng.pick(MONTHS),
                self.rng.pick(&["25", "5", "75"]),
                self.ordinal()
            ),
            5 => format!(
                "Roughly two thirds of the {} budget, or {}, will go to {}, and a quarter to repairs.",
                self.rng.range(2019, 2026),
                self.money(),
                self.quantity()
            ),
            6 => format!(
                "The team finished {} last season and has spent {} {} on {} since the '90s.",
                self.ordinal(),
                self.rng.pick(QUALIFIERS),
                self.money(),
                self.quantity()
            ),
            7 => format!(
                "Prices rose by 1/3 in the {} quarter, and by {} over twelve months, to an average of {}.",
                self.rng.pick(&["first", "second", "third", "fourth"]),
                self.percent(),
                self.money()
            ),
            8 => format!(
                "Army-{} and the F-35 programme were not affected; COVID-19 rules ended in {}.",
                self.rng.range(2018, 2025),
                self.rng.range(2021, 2023)
            ),
            _ => format!(
                "One of the {} said {} had already left {place}, {} more than a year earlier.",
                self.rng.pick(COUNTED),
                self.quantity(),
                self.percent()
            ),
        }
    }

    /// A sentence of background prose with no figure and no quotation. Real news is
    /// mostly this: on the PolNeAR articles and the seed articles a number comes every
    /// 315-330 bytes and a quotation every 490-540, and a generator made only of figure
    /// and quote sentences (one number every 60 bytes) would measure a corpus no user
    /// has.
    fn narrative_sentence(&mut self, place: &str, who: &Person) -> String {
        let org = self.rng.pick(ORGS);
        let other = self.rng.pick(ORGS);
        let topic = self.rng.pick(TOPICS);
        let weekday = self.rng.pick(WEEKDAYS);
        match self.rng.below(12) {
            0 => format!(
                "The talks in {place} have dragged on for months, and {org} has so far declined to say what it would accept."
            ),
            1 => format!(
                "Critics say the {topic} plan was drawn up in a hurry and leaves the poorest households to carry most of the cost."
            ),
            2 => format!(
                "{} {} has faced growing pressure from within {} since the spring, when a string of setbacks left the government exposed.",
                capitalize(who.role),
                who.last,
                self.rng.pick(&["the party", "the coalition", "the board"])
            ),
            3 => format!(
                "Residents of {place} described long queues outside the offices of {org} on {weekday}, where staff handed out forms and advice."
            ),
            4 => format!(
                "{} did not respond to a request for comment, and {other} referred questions to the regional authorities.",
                capitalize(org)
            ),
            5 => format!(
                "The dispute over {topic} has become a test of whether the new government can keep its promises while balancing the books."
            ),
            6 => format!(
                "Opposition lawmakers accused {} of moving too slowly and called for an independent inquiry into how the decision was reached.",
                who.role_noun
            ),
            7 => format!(
                "Analysts said the outcome would depend largely on the weather over the coming weeks and on how quickly {org} could act."
            ),
            8 => format!(
                "Many of those affected in {place} said they had not been told about the changes until the letters arrived."
            ),
            9 => format!(
                "The announcement came after a tense meeting in {place} between {org} and representatives of {other}."
            ),
            10 => format!(
                "It was not immediately clear how the measures would be paid for, or whether {} would need to approve them.",
                self.rng
                    .pick(&["parliament", "the regional assembly", "the shareholders"])
            ),
            _ => format!(
                "{} has been under scrutiny since {} raised concerns about delays, rising costs and a lack of oversight.",
                capitalize(org),
                other
            ),
        }
    }

    fn quote_text(&mut self) -> String {
        const OPENERS: &[&str] = &[
            "We will not leave anyone behind",
            "This is the largest investment in our history",
            "Nobody expected the numbers to move this fast",
            "We are running out of time",
            "The decision was not easy, but it was necessary",
            "Our customers will not wait forever",
            "It is too early to say what caused it",
            "We have never seen anything like it",
        ];
        const FOLLOWERS: &[&str] = &[
            "We have done what we promised.",
            "The rest is up to the government.",
            "I don't think anyone can say otherwise.",
            "People deserve to know the truth.",
            "We expect the first results within months.",
            "That's what the voters asked us to do.",
        ];
        let mut q = self.rng.pick(OPENERS).to_owned();
        if self.rng.chance(0.5) {
            q.push_str(". ");
            q.push_str(self.rng.pick(FOLLOWERS));
            if self.rng.chance(0.3) {
                let _ = write!(q, " We have {} on the table.", self.money());
            }
        }
        q
    }

    /// A paragraph with a quotation in one of the shapes news uses.
    fn quote_paragraph(&mut self, p: &Person, first_mention: bool) -> String {
        let q = self.quote_text();
        let q = q.trim_end_matches('.');
        let cue = self.rng.pick(CUES);
        let full = format!("{} {}", p.first, p.last);
        let name = if first_mention {
            format!("{} {full}", p.role)
        } else {
            p.last.to_owned()
        };
        let (open, close) = if self.rng.chance(0.6) {
            ("“", "”")
        } else {
            ("\"", "\"")
        };
        let q_comma = format!("{q},");
        match self.rng.below(8) {
            0 => format!("{open}{q_comma}{close} {name} {cue}."),
            1 => format!("{open}{q_comma}{close} {cue} {name}."),
            2 => format!("{} {cue}: {open}{q}.{close}", capitalize(&name)),
            3 => {
                let more = self.quote_text();
                format!(
                    "{open}{q_comma}{close} {} {cue}. {open}{}.{close}",
                    p.pronoun,
                    more.trim_end_matches('.')
                )
            }
            4 => format!(
                "{} described the plan as {open}{}{close} and said it would {open}change everything{close}.",
                capitalize(p.role_noun),
                self.rng
                    .pick(&["a turning point", "long overdue", "the only way forward"])
            ),
            5 => format!(
                "{open}My grandfather used to say, ‘Never trust a quiet harbour,’ and he was right,{close} {name} {cue}."
            ),
            6 => format!("{open}{q_comma}{close} {} {cue}.", p.role_noun),
            _ => format!(
                "According to {}, {name} {cue} that the so-called {open}reform{close} was {}.",
                self.rng.pick(AGENCIES),
                self.rng.pick(&["premature", "a mistake", "overdue"])
            ),
        }
    }

    fn multi_paragraph_quote(&mut self, p: &Person) -> [String; 2] {
        let a = self.quote_text();
        let b = self.quote_text();
        let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
        [
            format!(
                "“{a}. We knew it would be hard, and we knew it would cost {}.",
                self.money()
            ),
            format!("“{b},” {} {} said.", p.first, p.last),
        ]
    }

    /// The next article.
    pub fn article(&mut self) -> Article {
        self.count += 1;
        let id = format!("gen-{}-{}", self.seed, self.count);
        let place = self.rng.pick(PLACES).to_owned();
        let topic = self.rng.pick(TOPICS);
        let lead = self.person();
        let second = self.person();
        let title = match self.rng.below(3) {
            0 => format!("{}: “{}”", lead.last, self.quote_text()),
            1 => format!("{place} {topic} plan worth {} approved", self.money()),
            _ => format!(
                "{} {} as {topic} talks stall in {place}",
                capitalize(self.rng.pick(ORGS)),
                self.rng.pick(&["warns", "acts", "retreats"])
            ),
        };
        // Article length is skewed: most are short, a few are very long.
        let size = match self.rng.below(10) {
            0..=4 => self.rng.range(4, 9),
            5..=8 => self.rng.range(10, 24),
            _ => self.rng.range(25, 80),
        };
        let mut paragraphs = Vec::with_capacity(size as usize + 2);
        let lede = self.figure_sentence(&place);
        paragraphs.push(format!(
            "{} on {} said {}, {} {} {} {}.",
            capitalize(self.rng.pick(ORGS)),
            self.rng.pick(WEEKDAYS),
            lowercase_first(lede.trim_end_matches('.')),
            lead.role,
            lead.first,
            lead.last,
            self.rng.pick(&["confirmed", "announced", "told reporters"])
        ));
        let mut mentioned = false;
        for i in 0..size {
            let para = match self.rng.below(9) {
                0 | 1 => {
                    let p = self.quote_paragraph(&lead, !mentioned);
                    mentioned = true;
                    p
                }
                2 => self.quote_paragraph(&second, i < 2),
                3 if i + 1 < size => {
                    let [a, b] = self.multi_paragraph_quote(&lead);
                    paragraphs.push(a);
                    b
                }
                4..=6 => {
                    // Background: prose, now and then with one figure.
                    let mut p = self.narrative_sentence(&place, &lead);
                    for _ in 0..self.rng.range(1, 3) {
                        p.push(' ');
                        if self.rng.chance(0.05) {
                            p.push_str(&self.figure_sentence(&place));
                        } else {
                            p.push_str(&self.narrative_sentence(&place, &lead));
                        }
                    }
                    p
                }
                _ => {
                    let mut p = self.narrative_sentence(&place, &lead);
                    p.push(' ');
                    if self.rng.chance(0.5) {
                        p.push_str(&self.figure_sentence(&place));
                    } else {
                        p.push_str(&self.narrative_sentence(&place, &lead));
                    }
                    if self.rng.chance(0.5) {
                        p.push(' ');
                        p.push_str(&self.narrative_sentence(&place, &lead));
                    }
                    p
                }
            };
            paragraphs.push(para);
        }
        let related = (0..self.rng.range(0, 4))
            .map(|_| {
                format!(
                    "{} {} after {} days",
                    capitalize(self.rng.pick(ORGS)),
                    self.rng
                        .pick(&["ends strike", "wins appeal", "delays vote"]),
                    self.rng.range(2, 30)
                )
            })
            .collect();
        let teasers = (0..self.rng.range(0, 3))
            .map(|_| {
                let who = self.person();
                (
                    format!("{} hours ago", self.rng.range(1, 9)),
                    format!(
                        "{} {} in {}",
                        capitalize(self.rng.pick(ORGS)),
                        self.rng.pick(&[
                            "votes to close schools",
                            "reports record losses",
                            "calls off strike"
                        ]),
                        self.rng.pick(PLACES)
                    ),
                    format!("By {} {}", who.first, who.last),
                    format!(
                        "{} The decision affects {}.",
                        self.figure_sentence(&place),
                        self.quantity()
                    ),
                )
            })
            .collect();
        Article {
            id,
            byline: format!("{} {}", self.rng.pick(FIRST), self.rng.pick(LAST)),
            date: format!(
                "{}-{:02}-{:02}",
                self.rng.range(2019, 2026),
                self.rng.range(1, 12),
                self.rng.range(1, 28)
            ),
            dateline: self.rng.chance(0.4).then(|| place.to_uppercase()),
            section: self
                .rng
                .pick(&["BUSINESS", "POLITICS", "WORLD", "SPORT", "CULTURE"])
                .to_owned(),
            caption: format!(
                "{} {} {} in {place} on {}. (Photo by {} {}/{} via Getty Images)",
                lead.first,
                lead.last,
                self.rng.pick(&[
                    "speaks to reporters",
                    "arrives for talks",
                    "visits the site"
                ]),
                self.rng.pick(WEEKDAYS),
                self.rng.pick(FIRST),
                self.rng.pick(LAST),
                self.rng.pick(&["AFP", "Reuters", "AP"])
            ),
            title,
            paragraphs,
            related,
            teasers,
        }
    }

    /// The next article as plain text with the junk a scraper leaves in.
    pub fn text_article(&mut self) -> (Article, String) {
        let a = self.article();
        let mut t = String::new();
        let block = |t: &mut String, s: &str| {
            t.push_str(s);
            t.push_str("\n\n");
        };
        if self.rng.chance(0.5) {
            block(&mut t, "ADVERTISEMENT");
        }
        block(&mut t, &a.section);
        block(&mut t, &a.title);
        if let Some(d) = &a.dateline {
            block(&mut t, d);
        }
        if self.rng.chance(0.6) {
            block(&mut t, &a.caption);
        }
        for (i, p) in a.paragraphs.iter().enumerate() {
            block(&mut t, p);
            if i == 3 && self.rng.chance(0.3) {
                block(&mut t, "Advertisement");
            }
        }
        if !a.related.is_empty() {
            block(&mut t, "Related Articles");
            for r in &a.related {
                block(&mut t, r);
            }
        }
        for (when, head, by, para) in &a.teasers {
            let _ = write!(t, "{when}\n{head}\n{by}\n{para}\n\n");
        }
        if self.rng.chance(0.4) {
            block(
                &mut t,
                "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
            );
        }
        if self.rng.chance(0.5) {
            block(
                &mut t,
                "  • We use cookies on our website to give you a better experience. By clicking “Accept” you agree to our use of cookies.\n\n    Read More",
            );
        }
        block(&mut t, "Back to top button");
        (a, t)
    }

    /// The next article as a full HTML page: navigation, cookie banner, header, figure,
    /// article body, related list, comments, footer, scripts and JSON-LD.
    pub fn html_article(&mut self) -> (Article, String) {
        let a = self.article();
        let mut h = String::with_capacity(8192);
        let _ = write!(
            h,
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} | The Coastal Courier</title>\
             <meta property=\"og:title\" content=\"{}\"><meta name=\"author\" content=\"{}\">\
             <meta property=\"article:published_time\" content=\"{}T09:00:00Z\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{}\",\"datePublished\":\"{}\"}}</script>\
             <script>window.dataLayer=[];function track(e){{dataLayer.push(e)}}</script>\
             <style>.nav a{{margin:0 4px}}.cookie{{position:fixed}}</style></head><body>",
            esc(&a.title),
            esc(&a.title),
            esc(&a.byline),
            a.date,
            json_esc(&a.title),
            a.date
        );
        h.push_str("<div class=\"cookie-banner\" id=\"cookies\"><p>We use cookies to personalise content and ads. <a href=\"/privacy\">Privacy policy</a></p><button>Accept</button></div>");
        h.push_str(
            "<header><a class=\"logo\" href=\"/\">The Coastal Courier</a><nav class=\"nav\"><ul>",
        );
        for s in [
            "News",
            "World",
            "Business",
            "Sport",
            "Culture",
            "Opinion",
            "Subscribe",
        ] {
            let _ = write!(h, "<li><a href=\"/{}\">{s}</a></li>", s.to_lowercase());
        }
        h.push_str("</ul></nav></header><main><article class=\"story\">");
        let _ = write!(
            h,
            "<span class=\"section\">{}</span><h1>{}</h1><div class=\"byline\">By <a rel=\"author\">{}</a> <time datetime=\"{}\">{}</time></div>\
             <div class=\"share\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\
             <figure><img src=\"/i.jpg\" alt=\"\"><figcaption>{}</figcaption></figure><div class=\"story-body\">",
            a.section,
            esc(&a.title),
            esc(&a.byline),
            a.date,
            a.date,
            esc(&a.caption)
        );
        for (i, p) in a.paragraphs.iter().enumerate() {
            let _ = write!(h, "<p>{}</p>", esc(p));
            if i == 2 {
                h.push_str("<div class=\"ad-slot\"><span>Advertisement</span><iframe src=\"/ads\"></iframe></div>");
            }
        }
        h.push_str("</div></article>");
        if !a.related.is_empty() {
            h.push_str("<aside class=\"related\"><h2>Related stories</h2><ul>");
            for r in &a.related {
                let _ = write!(h, "<li><a href=\"/r\">{}</a></li>", esc(r));
            }
            h.push_str("</ul></aside>");
        }
        h.push_str("<section class=\"comments\"><h2>Comments</h2><form><textarea></textarea><button>Post</button></form></section></main>");
        h.push_str("<footer><p>&copy; 2025 The Coastal Courier. All rights reserved.</p><a href=\"/terms\">Terms</a> <a href=\"/contact\">Contact</a></footer></body></html>");
        (a, h)
    }

    /// The next article as a JSONL line of the text corpus:
    /// `{"id", "url", "title", "date", "text"}` and a trailing newline.
    pub fn text_record(&mut self) -> String {
        let (a, text) = self.text_article();
        let mut line = serde_json::json!({
            "id": a.id, "url": format!("https://courier.example/{}", a.id), "date": a.date, "text": text,
        })
        .to_string();
        line.push('\n');
        line
    }

    /// The next article as a JSONL line of the HTML corpus: `{"id", "url", "html"}`.
    pub fn html_record(&mut self) -> String {
        let (a, html) = self.html_article();
        let mut line = serde_json::json!({
            "id": a.id, "url": format!("https://courier.example/{}", a.id), "html": html,
        })
        .to_string();
        line.push('\n');
        line
    }
}

fn ordinal_suffix(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Writes `n` with comma thousands separators (`28500` → `28,500`).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep proper nouns ("Lumen Systems", "Army-2020") capitalized.
        Some(f)
            if s.starts_with("The ")
                || s.starts_with("In ")
                || s.starts_with("A ")
                || s.starts_with("Prices")
                || s.starts_with("Inflation")
                || s.starts_with("Roughly")
                || s.starts_with("One of") =>
        {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_owned(),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn json_esc(s: &str) -> String {
    serde_json::to_string(s)
        .map(|q| q[1..q.len() - 1].to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a: Vec<String> = {
            let mut g = Generator::new(7);
            (0..20).map(|_| g.text_record()).collect()
        };
        let b: Vec<String> = {
            let mut g = Generator::new(7);
            (0..20).map(|_| g.text_record()).collect()
        };
        assert_eq!(a, b);
        let mut other = Generator::new(8);
        assert_ne!(a[0], other.text_record());
    }

    #[test]
    fn splitmix_is_the_published_sequence() {
        // First outputs of SplitMix64 seeded with 0, from its reference definition.
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn records_are_valid_json_lines_with_realistic_content() {
        let mut g = Generator::new(1);
        let mut text_bytes = 0;
        let mut saw = [false; 5];
        for _ in 0..200 {
            let line = g.text_record();
            assert!(line.ends_with('\n'));
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            let text = v["text"].as_str().unwrap();
            text_bytes += text.len();
            saw[0] |= text.contains('“');
            saw[1] |= text.contains("hours ago");
            saw[2] |= text.contains('%') || text.contains("percent");
            saw[3] |= text.contains("Related Articles");
            saw[4] |= text.contains("-year-old");
        }
        assert!(saw.iter().all(|&s| s), "{saw:?}");
        assert!(text_bytes > 200 * 1000, "articles average over 1 KB");
        let html = g.html_record();
        let v: serde_json::Value = serde_json::from_str(&html).unwrap();
        assert!(
            v["html"]
                .as_str()
                .unwrap()
                .contains("<article class=\"story\">")
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(28_500), "28,500");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }
}
