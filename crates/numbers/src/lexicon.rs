//! Word lists: number words, ordinals, scales, currencies, qualifiers and the small
//! closed classes (determiners, months, verbs of change) the parser consults.
//!
//! The lists are data; at first use they are folded into one hash table from the word
//! (lower-cased ASCII packed in 16 bytes) to a [`Lex`]: its classes as bit flags, its
//! number-word reading, its month, its currency code and its [`Word`] id. Tokens and
//! the words before a number carry their `Lex`, so the grammar's many questions about
//! a word cost one lookup and then integer tests. The few matches that pair two words
//! (currency names) stay `match` statements, reached only for words flagged as such.

/// What a number word contributes to the value it is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    /// `zero`, `naught`, `nought`.
    Zero,
    /// 1–9.
    Unit(u8),
    /// 10–19.
    Teen(u8),
    /// 20, 30 … 90.
    Tens(u8),
    /// `hundred`.
    Hundred,
    /// A power of ten ≥ 3: thousand, lakh, million, crore, billion, trillion.
    Scale(u8),
    /// `dozen`.
    Dozen,
    /// `half` / `halves`.
    Half,
    /// `quarter` / `quarters`.
    Quarter,
}

/// A number word: its base, and whether it is written as an ordinal and in the plural.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NumWord {
    pub base: Base,
    pub ordinal: bool,
    pub plural: bool,
}

impl NumWord {
    /// The value of the word alone (thousand = 1000, twentieth = 20...).
    pub fn value(self) -> f64 {
        match self.base {
            Base::Zero => 0.0,
            Base::Unit(v) | Base::Teen(v) | Base::Tens(v) => f64::from(v),
            Base::Hundred => 100.0,
            Base::Scale(e) => 10f64.powi(i32::from(e)),
            Base::Dozen => 12.0,
            Base::Half => 2.0,
            Base::Quarter => 4.0,
        }
    }
}

/// Copies `word` lower-cased into `buf` when it is short ASCII; `None` otherwise.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !bytes.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    Some(out)
}

/// Every number word: its base, whether it is an ordinal, whether it is plural.
const NUM_WORDS: &[(&str, Base, bool, bool)] = &[
    ("zero", Base::Zero, false, false),
    ("naught", Base::Zero, false, false),
    ("nought", Base::Zero, false, false),
    ("one", Base::Unit(1), false, false),
    ("two", Base::Unit(2), false, false),
    ("three", Base::Unit(3), false, false),
    ("four", Base::Unit(4), false, false),
    ("five", Base::Unit(5), false, false),
    ("six", Base::Unit(6), false, false),
    ("seven", Base::Unit(7), false, false),
    ("eight", Base::Unit(8), false, false),
    ("nine", Base::Unit(9), false, false),
    ("ten", Base::Teen(10), false, false),
    ("eleven", Base::Teen(11), false, false),
    ("twelve", Base::Teen(12), false, false),
    ("thirteen", Base::Teen(13), false, false),
    ("fourteen", Base::Teen(14), false, false),
    ("fifteen", Base::Teen(15), false, false),
    ("sixteen", Base::Teen(16), false, false),
    ("seventeen", Base::Teen(17), false, false),
    ("eighteen", Base::Teen(18), false, false),
    ("nineteen", Base::Teen(19), false, false),
    ("twenty", Base::Tens(20), false, false),
    ("thirty", Base::Tens(30), false, false),
    ("forty", Base::Tens(40), false, false),
    ("fourty", Base::Tens(40), false, false),
    ("fifty", Base::Tens(50), false, false),
    ("sixty", Base::Tens(60), false, false),
    ("seventy", Base::Tens(70), false, false),
    ("eighty", Base::Tens(80), false, false),
    ("ninety", Base::Tens(90), false, false),
    ("hundred", Base::Hundred, false, false),
    ("hundreds", Base::Hundred, false, true),
    ("thousand", Base::Scale(3), false, false),
    ("thousands", Base::Scale(3), false, true),
    ("lakh", Base::Scale(5), false, false),
    ("lac", Base::Scale(5), false, false),
    ("lakhs", Base::Scale(5), false, true),
    ("lacs", Base::Scale(5), false, true),
    ("million", Base::Scale(6), false, false),
    ("millions", Base::Scale(6), false, true),
    ("crore", Base::Scale(7), false, false),
    ("crores", Base::Scale(7), false, true),
    ("billion", Base::Scale(9), false, false),
    ("billions", Base::Scale(9), false, true),
    ("trillion", Base::Scale(12), false, false),
    ("trillions", Base::Scale(12), false, true),
    ("dozen", Base::Dozen, false, false),
    ("dozens", Base::Dozen, false, true),
    ("dz", Base::Dozen, false, false),
    ("doz", Base::Dozen, false, false),
    ("dzs", Base::Dozen, false, true),
    ("half", Base::Half, false, false),
    ("halves", Base::Half, false, true),
    ("quarter", Base::Quarter, false, false),
    ("quarters", Base::Quarter, false, true),
    ("first", Base::Unit(1), true, false),
    ("firsts", Base::Unit(1), true, true),
    ("second", Base::Unit(2), true, false),
    ("third", Base::Unit(3), true, false),
    ("thirds", Base::Unit(3), true, true),
    ("fourth", Base::Unit(4), true, false),
    ("fourths", Base::Unit(4), true, true),
    ("fifth", Base::Unit(5), true, false),
    ("fifths", Base::Unit(5), true, true),
    ("sixth", Base::Unit(6), true, false),
    ("sixths", Base::Unit(6), true, true),
    ("seventh", Base::Unit(7), true, false),
    ("sevenths", Base::Unit(7), true, true),
    ("eighth", Base::Unit(8), true, false),
    ("eighths", Base::Unit(8), true, true),
    ("ninth", Base::Unit(9), true, false),
    ("nineth", Base::Unit(9), true, false),
    ("ninths", Base::Unit(9), true, true),
    ("nineths", Base::Unit(9), true, true),
    ("tenth", Base::Teen(10), true, false),
    ("tenths", Base::Teen(10), true, true),
    ("eleventh", Base::Teen(11), true, false),
    ("elevenths", Base::Teen(11), true, true),
    ("twelfth", Base::Teen(12), true, false),
    ("twelfths", Base::Teen(12), true, true),
    ("thirteenth", Base::Teen(13), true, false),
    ("thirteenths", Base::Teen(13), true, true),
    ("fourteenth", Base::Teen(14), true, false),
    ("fourteenths", Base::Teen(14), true, true),
    ("fifteenth", Base::Teen(15), true, false),
    ("fifteenths", Base::Teen(15), true, true),
    ("sixteenth", Base::Teen(16), true, false),
    ("sixteenths", Base::Teen(16), true, true),
    ("seventeenth", Base::Teen(17), true, false),
    ("seventeenths", Base::Teen(17), true, true),
    ("eighteenth", Base::Teen(18), true, false),
    ("eighteenths", Base::Teen(18), true, true),
    ("nineteenth", Base::Teen(19), true, false),
    ("nineteenths", Base::Teen(19), true, true),
    ("twentieth", Base::Tens(20), true, false),
    ("twentieths", Base::Tens(20), true, true),
    ("thirtieth", Base::Tens(30), true, false),
    ("thirtieths", Base::Tens(30), true, true),
    ("fortieth", Base::Tens(40), true, false),
    ("fortieths", Base::Tens(40), true, true),
    ("fiftieth", Base::Tens(50), true, false),
    ("fiftieths", Base::Tens(50), true, true),
    ("sixtieth", Base::Tens(60), true, false),
    ("sixtieths", Base::Tens(60), true, true),
    ("seventieth", Base::Tens(70), true, false),
    ("seventieths", Base::Tens(70), true, true),
    ("eightieth", Base::Tens(80), true, false),
    ("eightieths", Base::Tens(80), true, true),
    ("ninetieth", Base::Tens(90), true, false),
    ("ninetieths", Base::Tens(90), true, true),
    ("hundredth", Base::Hundred, true, false),
    ("hundredths", Base::Hundred, true, true),
    ("thousandth", Base::Scale(3), true, false),
    ("thousandths", Base::Scale(3), true, true),
    ("millionth", Base::Scale(6), true, false),
    ("millionths", Base::Scale(6), true, true),
    ("billionth", Base::Scale(9), true, false),
    ("billionths", Base::Scale(9), true, true),
    ("trillionth", Base::Scale(12), true, false),
    ("trillionths", Base::Scale(12), true, true),
];

/// The number words, plus `percent` (for `percent of 10`) and `scores` (`scores of`):
/// the scanner builds its first-two-letters filter from them.
pub(crate) const ANCHOR_WORDS: &[&str] = &[
    "zero",
    "naught",
    "nought",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "dozen",
    "dozens",
    "half",
    "halves",
    "quarter",
    "quarters",
    "first",
    "second",
    "third",
    "thirds",
    "fourth",
    "fourths",
    "fifth",
    "fifths",
    "sixth",
    "sixths",
    "seventh",
    "sevenths",
    "eighth",
    "eighths",
    "ninth",
    "nineth",
    "ninths",
    "nineths",
    "tenth",
    "tenths",
    "eleventh",
    "elevenths",
    "twelfth",
    "twelfths",
    "thirteenth",
    "thirteenths",
    "fourteenth",
    "fourteenths",
    "fifteenth",
    "fifteenths",
    "sixteenth",
    "sixteenths",
    "seventeenth",
    "seventeenths",
    "eighteenth",
    "eighteenths",
    "nineteenth",
    "nineteenths",
    "twentieth",
    "twentieths",
    "thirtieth",
    "thirtieths",
    "fortieth",
    "fortieths",
    "fiftieth",
    "fiftieths",
    "sixtieth",
    "sixtieths",
    "seventieth",
    "seventieths",
    "eightieth",
    "eightieths",
    "ninetieth",
    "ninetieths",
    "hundredth",
    "hundredths",
    "thousandth",
    "thousandths",
    "millionth",
    "millionths",
    "billionth",
    "billionths",
    "trillionth",
    "trillionths",
    "percent",
    "per cent",
    "scores",
    "firsts",
];

/// Every word the scanner stops at: the number words, `percent` and `scores`.
pub(crate) fn anchor_words() -> impl Iterator<Item = &'static str> {
    NUM_WORDS
        .iter()
        .map(|&(w, ..)| w)
        .chain(["percent", "scores"])
}

/// The value of a vulgar-fraction character.
pub(crate) fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        '⅐' => 1.0 / 7.0,
        '⅑' => 1.0 / 9.0,
        '⅒' => 1.0 / 10.0,
        _ => return None,
    })
}

/// A currency: its ISO 4217 code when the name pins one down, and an English name
/// (the name is what an ambiguous unit like bare "francs" still has).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 code (BTC for bitcoin, by common use); `None` when the text leaves the
    /// country open (bare "francs", "pesos", "dinars").
    pub iso: Option<&'static str>,
    /// English name of the unit, e.g. "United States dollar", "franc".
    pub name: &'static str,
}

const fn cur(iso: &'static str, name: &'static str) -> Currency {
    Currency {
        iso: Some(iso),
        name,
    }
}

const fn vague_cur(name: &'static str) -> Currency {
    Currency { iso: None, name }
}

/// A currency written with a symbol, and whether the symbol is a dollar sign (a
/// dollar sign can take a country prefix: `US$`, `C$`).
pub(crate) fn currency_symbol(s: &str) -> Option<Currency> {
    Some(match s {
        "$" => cur("USD", "dollar"),
        "€" => cur("EUR", "euro"),
        "£" => cur("GBP", "pound"),
        "¥" | "￥" => cur("JPY", "yen"),
        "₽" => cur("RUB", "ruble"),
        "₹" => cur("INR", "rupee"),
        "₿" => cur("BTC", "bitcoin"),
        "元" => cur("CNY", "yuan"),
        "₾" => cur("GEL", "lari"),
        "₭" => cur("LAK", "kip"),
        "ரூ" => cur("LKR", "Sri Lankan rupee"),
        "₺" => cur("TRY", "Turkish lira"),
        "₩" => cur("KRW", "won"),
        "₴" => cur("UAH", "hryvnia"),
        "₪" => cur("ILS", "shekel"),
        "₦" => cur("NGN", "naira"),
        "₱" => cur("PHP", "Philippine peso"),
        "₫" => cur("VND", "dong"),
        "฿" => cur("THB", "baht"),
        _ => return None,
    })
}

/// The dollar a country prefix glued to `$` names (`US$`, `C$`, `HK$`, `Mex$`...).
pub(crate) fn dollar_prefix(prefix: &str, glued: bool) -> Option<Currency> {
    let mut buf = [0u8; 24];
    let p = lower(prefix, &mut buf)?;
    let c = match p {
        b"us" | b"u.s." | b"usd" => cur("USD", "United States dollar"),
        b"c" | b"ca" | b"cad" | b"can" => cur("CAD", "Canadian dollar"),
        b"a" | b"au" | b"aud" if glued => cur("AUD", "Australian dollar"),
        b"aud" => cur("AUD", "Australian dollar"),
        b"nz" | b"nzd" => cur("NZD", "New Zealand dollar"),
        b"hk" | b"hkd" => cur("HKD", "Hong Kong dollar"),
        b"s" | b"sg" | b"sgd" if glued => cur("SGD", "Singapore dollar"),
        b"r" if glued => cur("BRL", "Brazilian real"),
        b"mex" | b"mx" | b"mxn" => cur("MXN", "Mexican peso"),
        b"nt" | b"twd" if glued => cur("TWD", "New Taiwan dollar"),
        _ => return None,
    };
    Some(c)
}

/// ISO-like currency codes: the code in lower case, its currency, and whether the
/// lower-case spelling counts (not when it is also a word: `rub`, `cad`, `sek`...).
static CODES: &[(&str, Currency, bool)] = &[
    ("usd", cur("USD", "United States dollar"), true),
    ("eur", cur("EUR", "euro"), true),
    ("gbp", cur("GBP", "British pound"), true),
    ("jpy", cur("JPY", "Japanese yen"), true),
    ("cny", cur("CNY", "Chinese yuan"), true),
    ("rmb", cur("CNY", "Chinese yuan"), true),
    ("rub", cur("RUB", "Russian ruble"), false),
    ("inr", cur("INR", "Indian rupee"), true),
    ("chf", cur("CHF", "Swiss franc"), true),
    ("cad", cur("CAD", "Canadian dollar"), false),
    ("aud", cur("AUD", "Australian dollar"), true),
    ("nzd", cur("NZD", "New Zealand dollar"), true),
    ("hkd", cur("HKD", "Hong Kong dollar"), true),
    ("sgd", cur("SGD", "Singapore dollar"), true),
    ("sek", cur("SEK", "Swedish krona"), false),
    ("nok", cur("NOK", "Norwegian krone"), false),
    ("dkk", cur("DKK", "Danish krone"), true),
    ("pln", cur("PLN", "Polish zloty"), true),
    ("czk", cur("CZK", "Czech koruna"), true),
    ("huf", cur("HUF", "Hungarian forint"), false),
    ("uah", cur("UAH", "Ukrainian hryvnia"), true),
    ("brl", cur("BRL", "Brazilian real"), true),
    ("mxn", cur("MXN", "Mexican peso"), true),
    ("zar", cur("ZAR", "South African rand"), true),
    ("krw", cur("KRW", "South Korean won"), true),
    ("twd", cur("TWD", "New Taiwan dollar"), true),
    ("thb", cur("THB", "Thai baht"), true),
    ("idr", cur("IDR", "Indonesian rupiah"), true),
    ("myr", cur("MYR", "Malaysian ringgit"), true),
    ("vnd", cur("VND", "Vietnamese dong"), true),
    ("sar", cur("SAR", "Saudi riyal"), false),
    ("aed", cur("AED", "UAE dirham"), true),
    ("ils", cur("ILS", "Israeli shekel"), false),
    ("egp", cur("EGP", "Egyptian pound"), true),
    ("ngn", cur("NGN", "Nigerian naira"), true),
    ("kes", cur("KES", "Kenyan shilling"), false),
    ("pkr", cur("PKR", "Pakistani rupee"), true),
    ("lkr", cur("LKR", "Sri Lankan rupee"), true),
    ("kzt", cur("KZT", "Kazakh tenge"), true),
    ("byn", cur("BYN", "Belarusian ruble"), true),
    ("qar", cur("QAR", "Qatari riyal"), true),
    ("kwd", cur("KWD", "Kuwaiti dinar"), true),
    ("ars", cur("ARS", "Argentine peso"), false),
    ("clp", cur("CLP", "Chilean peso"), true),
    ("cop", cur("COP", "Colombian peso"), false),
    ("gel", cur("GEL", "Georgian lari"), false),
    ("btc", cur("BTC", "bitcoin"), true),
    ("eth", cur("ETH", "ether"), false),
];

/// An ISO-like currency code. Codes that are also English words (ALL, TRY, CUP, PEN,
/// MAD...) are left out, and lower case is accepted only for codes that are no word.
pub(crate) fn currency_code(word: &str) -> Option<&'static Currency> {
    currency_code_of(lex(word), word)
}

/// [`currency_code`] for a word whose lexicon entry is at hand.
pub(crate) fn currency_code_of(l: Lex, word: &str) -> Option<&'static Currency> {
    let (_, c, lower_allowed) = CODES.get(usize::from(l.code.checked_sub(1)?))?;
    let upper = word.bytes().all(|b| b.is_ascii_uppercase());
    let lower_ok = word.bytes().all(|b| b.is_ascii_lowercase());
    if !(upper || lower_ok) || word.len() != 3 {
        return None;
    }
    (upper || *lower_allowed).then_some(c)
}

/// A currency named in words after the amount, possibly after a country adjective
/// (`dutch guilders`, `us dollars`). `adjective` is the word before `noun`, if any;
/// the returned flag says whether the adjective was used. Sub-units (cents, pence)
/// come back with `sub = true` and their parent currency.
pub(crate) fn currency_word(adjective: Option<&str>, noun: &str) -> Option<(Currency, bool, bool)> {
    let mut nb = [0u8; 24];
    let n = lower(noun, &mut nb)?;
    let mut ab = [0u8; 24];
    let a = adjective.and_then(|a| lower(a, &mut ab));
    // Each noun: its default currency (when the bare noun names one), then the
    // adjectives that pin it down.
    let (default, sub): (Option<Currency>, bool) = match n {
        b"dollar" | b"dollars" => (Some(cur("USD", "dollar")), false),
        b"buck" | b"bucks" => (Some(cur("USD", "dollar")), false),
        b"euro" | b"euros" => (Some(cur("EUR", "euro")), false),
        b"pound" | b"pounds" => (Some(cur("GBP", "pound")), false),
        b"sterling" => (Some(cur("GBP", "pound")), false),
        b"pence" | b"penny" | b"pennies" => (Some(cur("GBP", "pound")), true),
        b"cent" | b"cents" => (Some(cur("USD", "dollar")), true),
        b"yen" => (Some(cur("JPY", "Japanese yen")), false),
        b"yuan" | b"renminbi" | b"rmb" => (Some(cur("CNY", "Chinese yuan")), false),
        b"ruble" | b"rubles" | b"rouble" | b"roubles" => (Some(cur("RUB", "Russian ruble")), false),
        b"rupee" | b"rupees" => (Some(cur("INR", "rupee")), false),
        b"franc" | b"francs" => (Some(vague_cur("franc")), false),
        b"lira" | b"liras" | b"lire" => (Some(cur("TRY", "Turkish lira")), false),
        b"guilder" | b"guilders" => (Some(cur("NLG", "Netherlands guilder")), false),
        b"peso" | b"pesos" => (Some(vague_cur("peso")), false),
        b"real" => (None, false),
        b"reais" | b"reals" => (Some(cur("BRL", "Brazilian real")), false),
        b"rand" => (Some(cur("ZAR", "South African rand")), false),
        b"won" => (None, false),
        b"hryvnia" | b"hryvnias" | b"hryvnas" | b"hryvnya" => {
            (Some(cur("UAH", "Ukrainian hryvnia")), false)
        }
        b"zloty" | b"zlotys" | b"zlotych" => (Some(cur("PLN", "Polish zloty")), false),
        b"krona" | b"kronor" => (Some(cur("SEK", "Swedish krona")), false),
        b"krone" | b"kroner" => (Some(vague_cur("krone")), false),
        b"koruna" | b"korunas" | b"koruny" => (Some(cur("CZK", "Czech koruna")), false),
        b"forint" | b"forints" => (Some(cur("HUF", "Hungarian forint")), false),
        b"dinar" | b"dinars" => (Some(vague_cur("dinar")), false),
        b"dirham" | b"dirhams" => (Some(vague_cur("dirham")), false),
        b"riyal" | b"riyals" | b"rial" | b"rials" => (Some(vague_cur("riyal")), false),
        b"shekel" | b"shekels" => (Some(cur("ILS", "Israeli shekel")), false),
        b"baht" => (Some(cur("THB", "Thai baht")), false),
        b"ringgit" => (Some(cur("MYR", "Malaysian ringgit")), false),
        b"rupiah" => (Some(cur("IDR", "Indonesian rupiah")), false),
        b"naira" => (Some(cur("NGN", "Nigerian naira")), false),
        b"cedi" | b"cedis" => (Some(cur("GHS", "Ghanaian cedi")), false),
        b"shilling" | b"shillings" => (Some(vague_cur("shilling")), false),
        b"tenge" => (Some(cur("KZT", "Kazakh tenge")), false),
        b"lari" => (Some(cur("GEL", "Georgian lari")), false),
        b"kip" => (Some(cur("LAK", "Lao kip")), false),
        b"bitcoin" | b"bitcoins" => (Some(cur("BTC", "bitcoin")), false),
        b"manat" | b"manats" => (Some(vague_cur("manat")), false),
        _ => return None,
    };
    let by_adjective = a.and_then(|a| {
        let c = match (a, n) {
            (b"us" | b"u.s." | b"american", b"dollar" | b"dollars") => {
                cur("USD", "United States dollar")
            }
            (b"canadian", b"dollar" | b"dollars") => cur("CAD", "Canadian dollar"),
            (b"australian", b"dollar" | b"dollars") => cur("AUD", "Australian dollar"),
            (b"singapore", b"dollar" | b"dollars") => cur("SGD", "Singapore dollar"),
            (b"taiwan" | b"taiwanese", b"dollar" | b"dollars") => cur("TWD", "New Taiwan dollar"),
            (b"zealand", b"dollar" | b"dollars") => cur("NZD", "New Zealand dollar"),
            (b"kong", b"dollar" | b"dollars") => cur("HKD", "Hong Kong dollar"),
            (b"euro", b"cent" | b"cents") => cur("EUR", "euro"),
            (b"british", b"pound" | b"pounds") => cur("GBP", "British pound"),
            (b"egyptian", b"pound" | b"pounds") => cur("EGP", "Egyptian pound"),
            (b"lebanese", b"pound" | b"pounds") => cur("LBP", "Lebanese pound"),
            (b"syrian", b"pound" | b"pounds") => cur("SYP", "Syrian pound"),
            (b"japanese", b"yen") => cur("JPY", "Japanese yen"),
            (b"chinese", b"yuan" | b"renminbi") => cur("CNY", "Chinese yuan"),
            (b"russian", b"ruble" | b"rubles" | b"rouble" | b"roubles") => {
                cur("RUB", "Russian ruble")
            }
            (b"belarusian", b"ruble" | b"rubles" | b"rouble" | b"roubles") => {
                cur("BYN", "Belarusian ruble")
            }
            (b"indian", b"rupee" | b"rupees") => cur("INR", "Indian rupee"),
            (b"pakistani", b"rupee" | b"rupees") => cur("PKR", "Pakistani rupee"),
            (b"lankan", b"rupee" | b"rupees") => cur("LKR", "Sri Lankan rupee"),
            (b"nepalese" | b"nepali", b"rupee" | b"rupees") => cur("NPR", "Nepalese rupee"),
            (b"swiss", b"franc" | b"francs") => cur("CHF", "Swiss franc"),
            (b"french", b"franc" | b"francs") => cur("FRF", "French franc"),
            (b"belgian", b"franc" | b"francs") => cur("BEF", "Belgian franc"),
            (b"cfa", b"franc" | b"francs") => cur("XOF", "CFA franc"),
            (b"turkish", b"lira" | b"liras" | b"lire") => cur("TRY", "Turkish lira"),
            (b"italian", b"lira" | b"liras" | b"lire") => cur("ITL", "Italian lira"),
            (b"dutch", b"guilder" | b"guilders") => cur("NLG", "Netherlands guilder"),
            (b"mexican", b"peso" | b"pesos") => cur("MXN", "Mexican peso"),
            (b"philippine", b"peso" | b"pesos") => cur("PHP", "Philippine peso"),
            (b"argentine" | b"argentinian", b"peso" | b"pesos") => cur("ARS", "Argentine peso"),
            (b"chilean", b"peso" | b"pesos") => cur("CLP", "Chilean peso"),
            (b"colombian", b"peso" | b"pesos") => cur("COP", "Colombian peso"),
            (b"brazilian", b"real" | b"reais" | b"reals") => cur("BRL", "Brazilian real"),
            (b"african", b"rand") => cur("ZAR", "South African rand"),
            (b"korean", b"won") => cur("KRW", "South Korean won"),
            (b"ukrainian", b"hryvnia" | b"hryvnias") => cur("UAH", "Ukrainian hryvnia"),
            (b"norwegian", b"krone" | b"kroner") => cur("NOK", "Norwegian krone"),
            (b"danish", b"krone" | b"kroner") => cur("DKK", "Danish krone"),
            (b"swedish", b"krona" | b"kronor") => cur("SEK", "Swedish krona"),
            (b"icelandic", b"krona" | b"kronur") => cur("ISK", "Icelandic krona"),
            (b"kuwaiti", b"dinar" | b"dinars") => cur("KWD", "Kuwaiti dinar"),
            (b"jordanian", b"dinar" | b"dinars") => cur("JOD", "Jordanian dinar"),
            (b"iraqi", b"dinar" | b"dinars") => cur("IQD", "Iraqi dinar"),
            (b"bahraini", b"dinar" | b"dinars") => cur("BHD", "Bahraini dinar"),
            (b"serbian", b"dinar" | b"dinars") => cur("RSD", "Serbian dinar"),
            (b"uae" | b"emirati", b"dirham" | b"dirhams") => cur("AED", "UAE dirham"),
            (b"moroccan", b"dirham" | b"dirhams") => cur("MAD", "Moroccan dirham"),
            (b"saudi", b"riyal" | b"riyals") => cur("SAR", "Saudi riyal"),
            (b"qatari", b"riyal" | b"riyals") => cur("QAR", "Qatari riyal"),
            (b"iranian", b"rial" | b"rials") => cur("IRR", "Iranian rial"),
            (b"omani", b"rial" | b"rials") => cur("OMR", "Omani rial"),
            (b"kenyan", b"shilling" | b"shillings") => cur("KES", "Kenyan shilling"),
            (b"ugandan", b"shilling" | b"shillings") => cur("UGX", "Ugandan shilling"),
            (b"tanzanian", b"shilling" | b"shillings") => cur("TZS", "Tanzanian shilling"),
            (b"azerbaijani", b"manat" | b"manats") => cur("AZN", "Azerbaijani manat"),
            _ => return None,
        };
        Some(c)
    });
    match (by_adjective, default) {
        (Some(c), _) => Some((c, sub, true)),
        (None, Some(c)) => Some((c, sub, false)),
        (None, None) => None,
    }
}

/// Qualifiers written before a number, longest first within each first word. Each is
/// given as the phrase reported in `approx` and its words; the matcher compares word by
/// word, case-insensitively.
pub(crate) const QUALIFIERS_BEFORE: &[(&str, &[&str])] = &[
    ("more than", &["more", "than"]),
    ("no more than", &["no", "more", "than"]),
    ("not more than", &["not", "more", "than"]),
    ("no less than", &["no", "less", "than"]),
    ("no fewer than", &["no", "fewer", "than"]),
    ("fewer than", &["fewer", "than"]),
    ("less than", &["less", "than"]),
    ("greater than", &["greater", "than"]),
    ("at least", &["at", "least"]),
    ("at most", &["at", "most"]),
    ("up to", &["up", "to"]),
    ("as many as", &["as", "many", "as"]),
    ("as much as", &["as", "much", "as"]),
    ("as few as", &["as", "few", "as"]),
    ("as little as", &["as", "little", "as"]),
    ("as high as", &["as", "high", "as"]),
    ("as low as", &["as", "low", "as"]),
    ("close to", &["close", "to"]),
    ("just over", &["just", "over"]),
    ("just under", &["just", "under"]),
    ("well over", &["well", "over"]),
    ("well under", &["well", "under"]),
    ("just below", &["just", "below"]),
    ("just above", &["just", "above"]),
    ("upwards of", &["upwards", "of"]),
    ("in excess of", &["in", "excess", "of"]),
    ("a maximum of", &["a", "maximum", "of"]),
    ("a minimum of", &["a", "minimum", "of"]),
    ("an estimated", &["an", "estimated"]),
    ("nearly", &["nearly"]),
    ("almost", &["almost"]),
    ("about", &["about"]),
    ("around", &["around"]),
    ("roughly", &["roughly"]),
    ("approximately", &["approximately"]),
    ("approx.", &["approx."]),
    ("approx", &["approx"]),
    ("some", &["some"]),
    ("over", &["over"]),
    ("under", &["under"]),
    ("below", &["below"]),
    ("above", &["above"]),
    ("exceeding", &["exceeding"]),
    ("circa", &["circa"]),
    ("estimated", &["estimated"]),
    ("barely", &["barely"]),
    ("maximum", &["maximum"]),
    ("minimum", &["minimum"]),
    ("~", &["~"]),
];

/// Qualifiers written after a number (`100 or more`, `50 or so`), as phrase and words.
pub(crate) const QUALIFIERS_AFTER: &[(&str, &[&str])] = &[
    ("or more", &["or", "more"]),
    ("or so", &["or", "so"]),
    ("or less", &["or", "less"]),
    ("or fewer", &["or", "fewer"]),
    ("and above", &["and", "above"]),
    ("and up", &["and", "up"]),
    ("plus", &["plus"]),
];

/// Words after which `one` is a pronoun (`the one`, `which one`, `no one`).
pub(crate) const PRONOUN_ONE_BEFORE: &[&str] = &[
    "the",
    "this",
    "that",
    "which",
    "no",
    "any",
    "every",
    "each",
    "another",
    "what",
    "whichever",
    "such",
    "only",
    "last",
    "next",
    "other",
    "little",
    "big",
    "new",
    "old",
    "right",
    "wrong",
    "good",
    "bad",
    "same",
    "single",
    "first",
    "second",
    "third",
    "latest",
    "better",
    "best",
    "worst",
    "someone",
    "everyone",
];

/// Words after which `one` is a pronoun (`one of`, `one another`, `one is`).
pub(crate) const PRONOUN_ONE_AFTER: &[&str] = &[
    "of", "another", "is", "was", "can", "could", "would", "should", "will", "must", "might",
    "may", "does", "did", "has", "had", "who", "which", "that", "you", "i", "he", "she", "we",
    "they", "thing", "way", "or", "hand", "knows",
];

/// Month names and abbreviations with their number; `strict` months (`May`, `March`)
/// count only when capitalized, since the lower-case forms are common words.
const MONTHS: &[(&str, u8, bool)] = &[
    ("january", 1, false),
    ("jan", 1, false),
    ("february", 2, false),
    ("feb", 2, false),
    ("march", 3, true),
    ("mar", 3, true),
    ("april", 4, true),
    ("apr", 4, true),
    ("may", 5, true),
    ("june", 6, false),
    ("jun", 6, false),
    ("july", 7, false),
    ("jul", 7, false),
    ("august", 8, true),
    ("aug", 8, true),
    ("september", 9, false),
    ("sept", 9, false),
    ("sep", 9, false),
    ("october", 10, false),
    ("oct", 10, false),
    ("november", 11, false),
    ("nov", 11, false),
    ("december", 12, false),
    ("dec", 12, false),
];

/// [`month`] for a word whose lexicon entry is at hand.
pub(crate) fn month_of(l: Lex, word: &str) -> Option<u8> {
    if l.month == 0 {
        return None;
    }
    let first_upper = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    (l.flags & F_MONTH_STRICT == 0 || first_upper).then_some(l.month)
}

/// Weekday names and abbreviations.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Verbs and adverbs that make `from X to Y` a change rather than a range.
pub(crate) const CHANGE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "grew",
    "grown",
    "grow",
    "grows",
    "climbed",
    "climb",
    "dropped",
    "drop",
    "drops",
    "jumped",
    "jump",
    "declined",
    "decline",
    "slipped",
    "surged",
    "soared",
    "plunged",
    "plummeted",
    "up",
    "down",
    "went",
    "cut",
    "raised",
    "raise",
    "lowered",
    "lower",
    "reduced",
    "reduce",
    "expanded",
    "shrank",
    "shrunk",
    "changed",
    "revised",
    "moved",
    "widened",
    "narrowed",
    "slid",
    "tumbled",
    "doubled",
    "tripled",
    "boosted",
    "hiked",
    "trimmed",
    "eased",
];

/// Words after which a bare 4-digit number reads as a year.
pub(crate) const YEAR_CUES: &[&str] = &[
    "in", "since", "the", "of", "by", "from", "until", "till", "to", "during", "before", "after",
    "year", "early", "mid", "late", "end", "its", "their", "his", "her", "our", "and", "through",
    "between", "spring", "summer", "autumn", "fall", "winter", "fiscal", "for", "around", "circa",
    "c.", "season", "last", "this", "next", "on", "at",
];

/// Irregular past tenses and participles that end a counted noun phrase after its first
/// word (`one officer spoke`, `one player felt sick`, `one car stolen`). Those that are
/// also common nouns or adjectives (`rose`, `saw`, `won`, `shot`, `left`, `bound`,
/// `ground`) are left out: `one red rose` counts roses.
pub(crate) const IRREGULAR_PASTS: &[&str] = &[
    "spoke",
    "took",
    "made",
    "went",
    "came",
    "gave",
    "fell",
    "ran",
    "paid",
    "sent",
    "held",
    "began",
    "became",
    "knew",
    "brought",
    "bought",
    "stood",
    "sold",
    "wrote",
    "broke",
    "grew",
    "threw",
    "fought",
    "thought",
    "lost",
    "met",
    "led",
    "kept",
    "sank",
    "struck",
    "flew",
    "drove",
    "fled",
    "sought",
    "taught",
    "caught",
    "built",
    "spent",
    "heard",
    "found",
    "felt",
    "got",
    "chose",
    "forgot",
    "forgave",
    "swore",
    "hid",
    "understood",
    "withdrew",
    "froze",
    "meant",
    "stole",
    "woke",
    "awoke",
    "wore",
    "tore",
    "rode",
    "rang",
    "sang",
    "swam",
    "slid",
    "slept",
    "swept",
    "wept",
    "crept",
    "dealt",
    "dug",
    "drew",
    "drank",
    "ate",
    "hung",
    "lent",
    "shook",
    "sat",
    "spun",
    "stuck",
    "swung",
    "arose",
    "bled",
    "blew",
    "bred",
    "flung",
    "foresaw",
    "knelt",
    "leapt",
    "misled",
    "mistook",
    "overcame",
    "oversaw",
    "overtook",
    "rebuilt",
    "repaid",
    "retook",
    "rewrote",
    "sped",
    "strode",
    "strove",
    "underwent",
    "undertook",
    "upheld",
    "withheld",
    "withstood",
    "forbade",
    "shone",
    "begun",
    "chosen",
    "stolen",
    "forgotten",
    "spoken",
    "gotten",
    "undergone",
    "withdrawn",
];

/// Function words and verbs that end a counted noun phrase.
const STOP_WORDS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "for",
    "by",
    "with",
    "and",
    "or",
    "but",
    "nor",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "said",
    "says",
    "say",
    "told",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "while",
    "as",
    "than",
    "then",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "them",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "per",
    "each",
    "every",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "since",
    "until",
    "during",
    "about",
    "against",
    "between",
    "among",
    "through",
    "across",
    "around",
    "near",
    "also",
    "not",
    "no",
    "so",
    "if",
    "because",
    "although",
    "though",
    "up",
    "down",
    "out",
    "off",
    "more",
    "less",
    "most",
    "least",
    "only",
    "just",
    "still",
    "already",
    "now",
    "ago",
    "later",
    "earlier",
    "last",
    "next",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "including",
    "like",
    "via",
    "toward",
    "towards",
    "within",
    "without",
    "percent",
    "apiece",
    "all",
    "both",
    "either",
    "neither",
    "too",
    "very",
    "again",
    "away",
    "back",
    "yet",
    "ever",
    "never",
    "even",
    "get",
    "got",
    "gets",
    "make",
    "made",
    "took",
    "take",
    "came",
    "come",
    "went",
    "go",
    "goes",
];

/// Words that name time units.
const TIME_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "night",
    "nights",
    "times",
];

/// Irregular plurals and mass nouns.
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "feet",
    "teeth",
    "mice",
    "geese",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "troops",
    "data",
    "media",
    "crew",
    "livestock",
    "offspring",
    "militia",
];

macro_rules! grammar_words {
    ($($name:ident = $lit:literal,)*) => {
        /// The words the grammar tests for by name, so a test is one comparison of
        /// small integers instead of a case-insensitive string comparison.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub(crate) enum Word {
            /// Any word that is not one of these.
            #[default]
            Unlisted,
            /// Stands for a listed phrase word that no text word can equal (`approx.`).
            Never,
            $($name,)*
        }

        /// Each grammar word with its spelling.
        const GRAMMAR_WORDS: &[(&str, Word)] = &[$(($lit, Word::$name),)*];
    };
}

grammar_words! {
    Of = "of",
    A = "a",
    An = "an",
    And = "and",
    Or = "or",
    One = "one",
    Point = "point",
    Percent = "percent",
    Percents = "percents",
    Pct = "pct",
    Per = "per",
    Cent = "cent",
    Basis = "basis",
    Percentage = "percentage",
    Points = "points",
    Year = "year",
    Years = "years",
    Old = "old",
    Olds = "olds",
    Until = "until",
    United = "united",
    To = "to",
    The = "the",
    Than = "than",
    Tens = "tens",
    Hundreds = "hundreds",
    Sri = "sri",
    South = "south",
    North = "north",
    New = "new",
    Hong = "hong",
    Since = "since",
    Several = "several",
    Few = "few",
    Scores = "scores",
    Rs = "rs",
    Inr = "inr",
    R = "r",
    S = "s",
    U = "u",
    Over = "over",
    Out = "out",
    In = "in",
    Negative = "negative",
    Minus = "minus",
    Half = "half",
    From = "from",
    During = "during",
    Ca = "ca",
    C = "c",
    Approx = "approx",
    By = "by",
    Between = "between",
    Aged = "aged",
    Age = "age",
    Ages = "ages",
    Other = "other",
    Latter = "latter",
    Former = "former",
    Better = "better",
    Top = "top",
    Bottom = "bottom",
    Back = "back",
    Front = "front",
    More = "more",
    No = "no",
    Not = "not",
    Less = "less",
    Fewer = "fewer",
    Greater = "greater",
    At = "at",
    Least = "least",
    Most = "most",
    Up = "up",
    As = "as",
    Many = "many",
    Much = "much",
    Little = "little",
    High = "high",
    Low = "low",
    Close = "close",
    Just = "just",
    Under = "under",
    Well = "well",
    Below = "below",
    Above = "above",
    Upwards = "upwards",
    Excess = "excess",
    Maximum = "maximum",
    Minimum = "minimum",
    Estimated = "estimated",
    Nearly = "nearly",
    Almost = "almost",
    About = "about",
    Around = "around",
    Roughly = "roughly",
    Approximately = "approximately",
    Some = "some",
    Exceeding = "exceeding",
    Circa = "circa",
    Barely = "barely",
    So = "so",
    Plus = "plus",
}

/// A qualifier phrase as grammar words: the phrase reported in `approx` and its words.
pub(crate) struct Qualifier {
    pub phrase: &'static str,
    pub words: [Word; 3],
    pub len: usize,
}

fn qualifier_table(list: &'static [(&'static str, &'static [&'static str])]) -> Vec<Qualifier> {
    list.iter()
        .map(|&(phrase, words)| {
            let mut ids = [Word::Never; 3];
            for (id, w) in ids.iter_mut().zip(words) {
                *id = grammar_word(w);
            }
            Qualifier {
                phrase,
                words: ids,
                len: words.len(),
            }
        })
        .collect()
}

/// [`QUALIFIERS_BEFORE`] as grammar words.
pub(crate) fn qualifiers_before() -> &'static [Qualifier] {
    static TABLE: std::sync::OnceLock<Vec<Qualifier>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| qualifier_table(QUALIFIERS_BEFORE))
}

/// For each grammar word, the indices in [`qualifiers_before`] of the qualifiers that
/// end with it, in list order: a number after `of` is checked against the four
/// qualifiers that end in `of`, not all fifty.
pub(crate) fn qualifiers_ending_with(w: Word) -> &'static [u8] {
    static TABLE: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Vec<Vec<u8>> = Vec::new();
        for (i, q) in qualifiers_before().iter().enumerate() {
            let Some(&last) = q.len.checked_sub(1).and_then(|l| q.words.get(l)) else {
                continue;
            };
            let slot = last as usize;
            if t.len() <= slot {
                t.resize(slot + 1, Vec::new());
            }
            if let (Some(list), Ok(i)) = (t.get_mut(slot), u8::try_from(i)) {
                list.push(i);
            }
        }
        t
    });
    table.get(w as usize).map_or(&[], Vec::as_slice)
}

/// [`QUALIFIERS_AFTER`] as grammar words.
pub(crate) fn qualifiers_after() -> &'static [Qualifier] {
    static TABLE: std::sync::OnceLock<Vec<Qualifier>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| qualifier_table(QUALIFIERS_AFTER))
}

/// The grammar word spelled `lit` (lower case), or [`Word::Never`] when no word is.
pub(crate) fn grammar_word(lit: &str) -> Word {
    GRAMMAR_WORDS
        .iter()
        .find(|(w, _)| *w == lit)
        .map_or(Word::Never, |&(_, id)| id)
}

// ----- the word table ----------------------------------------------------------------

/// A number word, `percent` or `scores`: a word the scanner stops at.
pub(crate) const F_ANCHOR: u32 = 1;
/// In [`STOP_WORDS`].
pub(crate) const F_STOP_WORDS: u32 = 1 << 1;
/// In [`TIME_UNITS`].
pub(crate) const F_TIME_UNITS: u32 = 1 << 2;
/// In [`IRREGULAR_PLURALS`].
pub(crate) const F_IRREGULAR_PLURALS: u32 = 1 << 3;
/// In [`WEEKDAYS`].
pub(crate) const F_WEEKDAYS: u32 = 1 << 4;
/// In [`CHANGE_WORDS`].
pub(crate) const F_CHANGE: u32 = 1 << 5;
/// In [`YEAR_CUES`].
pub(crate) const F_YEAR_CUE: u32 = 1 << 6;
/// In [`PRONOUN_ONE_BEFORE`].
pub(crate) const F_PRONOUN_BEFORE: u32 = 1 << 7;
/// In [`PRONOUN_ONE_AFTER`].
pub(crate) const F_PRONOUN_AFTER: u32 = 1 << 8;
/// The last word of a qualifier in [`QUALIFIERS_BEFORE`].
pub(crate) const F_QUALIFIER_END: u32 = 1 << 9;
/// The first word of a qualifier in [`QUALIFIERS_AFTER`].
pub(crate) const F_QUALIFIER_AFTER: u32 = 1 << 10;
/// A currency noun [`currency_word`] knows.
pub(crate) const F_CURRENCY_NOUN: u32 = 1 << 11;
/// A word that can come before a currency noun and pin it down (`canadian`, `hong`).
pub(crate) const F_CURRENCY_ADJ: u32 = 1 << 12;
/// A month that counts only when capitalized (`May`).
pub(crate) const F_MONTH_STRICT: u32 = 1 << 13;
/// In [`DESIGNATION_EXCLUDED`].
pub(crate) const F_NOT_DESIGNATION: u32 = 1 << 14;
/// In [`IRREGULAR_PASTS`].
pub(crate) const F_IRREGULAR_PAST: u32 = 1 << 15;

/// What the lexicon knows about a word: its classes, its number-word reading, its month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lex {
    pub flags: u32,
    pub num: Option<NumWord>,
    /// 1–12 for a month name, 0 otherwise.
    pub month: u8,
    /// 1 + the index in [`CODES`] for a currency code, 0 otherwise.
    pub code: u8,
    /// Which grammar word it is, if any.
    pub word: Word,
}

impl Lex {
    pub fn has(self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

/// The nouns [`currency_word`] reads (its first match).
const CURRENCY_NOUNS: &[&str] = &[
    "dollar",
    "dollars",
    "buck",
    "bucks",
    "euro",
    "euros",
    "pound",
    "pounds",
    "sterling",
    "pence",
    "penny",
    "pennies",
    "cent",
    "cents",
    "yen",
    "yuan",
    "renminbi",
    "rmb",
    "ruble",
    "rubles",
    "rouble",
    "roubles",
    "rupee",
    "rupees",
    "franc",
    "francs",
    "lira",
    "liras",
    "lire",
    "guilder",
    "guilders",
    "peso",
    "pesos",
    "real",
    "reais",
    "reals",
    "rand",
    "won",
    "hryvnia",
    "hryvnias",
    "hryvnas",
    "hryvnya",
    "zloty",
    "zlotys",
    "zlotych",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "koruna",
    "korunas",
    "koruny",
    "forint",
    "forints",
    "dinar",
    "dinars",
    "dirham",
    "dirhams",
    "riyal",
    "riyals",
    "rial",
    "rials",
    "shekel",
    "shekels",
    "baht",
    "ringgit",
    "rupiah",
    "naira",
    "cedi",
    "cedis",
    "shilling",
    "shillings",
    "tenge",
    "lari",
    "kip",
    "bitcoin",
    "bitcoins",
    "manat",
    "manats",
];

/// The words before a currency noun that [`currency_word`] and the parser's
/// multi-word currency names read (`hong kong dollars`).
const CURRENCY_ADJECTIVES: &[&str] = &[
    "us",
    "american",
    "canadian",
    "australian",
    "singapore",
    "taiwan",
    "taiwanese",
    "zealand",
    "kong",
    "euro",
    "british",
    "egyptian",
    "lebanese",
    "syrian",
    "japanese",
    "chinese",
    "russian",
    "belarusian",
    "indian",
    "pakistani",
    "lankan",
    "nepalese",
    "nepali",
    "swiss",
    "french",
    "belgian",
    "cfa",
    "turkish",
    "italian",
    "dutch",
    "mexican",
    "philippine",
    "argentine",
    "argentinian",
    "chilean",
    "colombian",
    "brazilian",
    "african",
    "korean",
    "ukrainian",
    "norwegian",
    "danish",
    "swedish",
    "icelandic",
    "kuwaiti",
    "jordanian",
    "iraqi",
    "bahraini",
    "serbian",
    "uae",
    "emirati",
    "moroccan",
    "saudi",
    "qatari",
    "iranian",
    "omani",
    "kenyan",
    "ugandan",
    "tanzanian",
    "azerbaijani",
    "hong",
    "new",
    "sri",
    "south",
    "north",
    "united",
];

/// Capitalized words that are not names before a number, so `In 2019` or `Over 300`
/// is no designation like `Boeing 737`.
pub(crate) const DESIGNATION_EXCLUDED: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "of",
    "to",
    "for",
    "from",
    "since",
    "until",
    "about",
    "over",
    "under",
    "some",
    "nearly",
    "almost",
    "around",
    "only",
    "just",
    "and",
    "or",
    "but",
    "the",
    "all",
    "with",
    "than",
    "between",
    "after",
    "before",
    "during",
    "top",
    "up",
    "no",
    "nr",
    "page",
    "rs",
    "approximately",
    "roughly",
    "above",
    "below",
    "more",
    "less",
    "least",
    "most",
    "per",
    "is",
    "was",
    "are",
    "were",
    "said",
    "says",
    "killed",
    "injured",
    "had",
    "has",
    "have",
    "see",
    "via",
    "plus",
    "minus",
    "times",
    "total",
    "another",
    "other",
    "like",
    "last",
    "first",
    "next",
    "every",
    "each",
    "these",
    "those",
    "mid",
    "early",
    "late",
    "fiscal",
    "year",
    "aged",
    "age",
];

/// The lower-cased ASCII word packed into 16 bytes (the lexicon's key), or `None` when
/// the word is longer or holds anything but ASCII letters (no such word is listed).
pub(crate) fn word_key(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    // Two 64-bit halves: shifting a u128 by a variable amount costs several instructions.
    let mut halves = [0u64; 2];
    for (half, chunk) in halves.iter_mut().zip(word.chunks(8)) {
        let mut v = 0u64;
        for (i, &b) in chunk.iter().enumerate() {
            if !b.is_ascii_alphabetic() {
                return None;
            }
            v |= u64::from(b | 0x20) << (8 * i);
        }
        *half = v;
    }
    Some(u128::from(halves[0]) | (u128::from(halves[1]) << 64))
}

/// [`word_key`] for `start..end` of `bytes` when the caller knows the range holds
/// only ASCII letters: two 8-byte loads and a mask instead of a loop over the bytes.
pub(crate) fn letters_key(bytes: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end.checked_sub(start)?;
    if len == 0 || len > 16 {
        return None;
    }
    let load = |at: usize, n: usize| -> u64 {
        let mut buf = [0u8; 8];
        match bytes.get(at..at + 8) {
            Some(chunk) => buf.copy_from_slice(chunk),
            None => {
                if let Some(part) = bytes.get(at..at + n) {
                    buf[..n].copy_from_slice(part);
                }
            }
        }
        let mask = if n >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        (u64::from_le_bytes(buf) | 0x2020_2020_2020_2020) & mask
    };
    let lo = load(start, len.min(8));
    let hi = if len > 8 { load(start + 8, len - 8) } else { 0 };
    Some(u128::from(lo) | (u128::from(hi) << 64))
}

const TABLE_BITS: u32 = 11;

fn slot(key: u128) -> usize {
    let lo = key as u64;
    let hi = (key >> 64) as u64;
    let h = lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ hi.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (h >> (64 - TABLE_BITS)) as usize
}

/// An open-addressing table from [`word_key`] to [`Lex`], built once. One lookup
/// answers every question the parser asks about a word, where matching the word
/// against each list cost a comparison per entry.
struct Table {
    keys: Vec<u128>,
    vals: Vec<Lex>,
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let size = 1usize << TABLE_BITS;
        let mut t = Table {
            keys: vec![0; size],
            vals: vec![Lex::default(); size],
        };
        let mut add = |word: &str, f: &dyn Fn(&mut Lex)| {
            let Some(key) = word_key(word.as_bytes()) else {
                return;
            };
            let mut i = slot(key);
            while t.keys[i] != 0 && t.keys[i] != key {
                i = (i + 1) & (size - 1);
            }
            t.keys[i] = key;
            f(&mut t.vals[i]);
        };
        for &(w, base, ordinal, plural) in NUM_WORDS {
            add(w, &|l| {
                l.num = Some(NumWord {
                    base,
                    ordinal,
                    plural,
                });
                l.flags |= F_ANCHOR;
            });
        }
        for w in ["percent", "scores"] {
            add(w, &|l| l.flags |= F_ANCHOR);
        }
        for &(w, m, strict) in MONTHS {
            add(w, &|l| {
                l.month = m;
                if strict {
                    l.flags |= F_MONTH_STRICT;
                }
            });
        }
        for &(w, id) in GRAMMAR_WORDS {
            add(w, &|l| l.word = id);
        }
        for (i, &(w, ..)) in CODES.iter().enumerate() {
            let code = u8::try_from(i + 1).unwrap_or(0);
            add(w, &|l| l.code = code);
        }
        let lists: [(&[&str], u32); 12] = [
            (STOP_WORDS, F_STOP_WORDS),
            (TIME_UNITS, F_TIME_UNITS),
            (IRREGULAR_PLURALS, F_IRREGULAR_PLURALS),
            (WEEKDAYS, F_WEEKDAYS),
            (CHANGE_WORDS, F_CHANGE),
            (YEAR_CUES, F_YEAR_CUE),
            (PRONOUN_ONE_BEFORE, F_PRONOUN_BEFORE),
            (PRONOUN_ONE_AFTER, F_PRONOUN_AFTER),
            (CURRENCY_NOUNS, F_CURRENCY_NOUN),
            (CURRENCY_ADJECTIVES, F_CURRENCY_ADJ),
            (DESIGNATION_EXCLUDED, F_NOT_DESIGNATION),
            (IRREGULAR_PASTS, F_IRREGULAR_PAST),
        ];
        for (words, flag) in lists {
            for w in words {
                add(w, &|l| l.flags |= flag);
            }
        }
        for (_, words) in QUALIFIERS_BEFORE {
            if let Some(last) = words.last() {
                add(last, &|l| l.flags |= F_QUALIFIER_END);
            }
        }
        for (_, words) in QUALIFIERS_AFTER {
            if let Some(first) = words.first() {
                add(first, &|l| l.flags |= F_QUALIFIER_AFTER);
            }
        }
        t
    })
}

/// What the lexicon knows about the word with this key.
pub(crate) fn lex_key(key: u128) -> Lex {
    let t = table();
    let mask = t.keys.len() - 1;
    let mut i = slot(key);
    loop {
        let k = t.keys[i];
        if k == key {
            return t.vals[i];
        }
        if k == 0 {
            return Lex::default();
        }
        i = (i + 1) & mask;
    }
}

/// What the lexicon knows about `word` (case-insensitive).
pub(crate) fn lex(word: &str) -> Lex {
    word_key(word.as_bytes()).map_or_else(Lex::default, lex_key)
}
