//! Word lists: number words, ordinals, scales, currencies, qualifiers and the small
//! closed classes (determiners, months, verbs of change) the parser consults.
//!
//! Every lookup lower-cases ASCII into a stack buffer and matches on the bytes, so no
//! lookup allocates.

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

/// Case-insensitive ASCII comparison with a lower-case literal.
pub(crate) fn is(word: &str, lit: &str) -> bool {
    word.eq_ignore_ascii_case(lit)
}

/// Whether `word` is one of the lower-case literals.
pub(crate) fn is_any(word: &str, lits: &[&str]) -> bool {
    lits.iter().any(|l| word.eq_ignore_ascii_case(l))
}

/// The number word `word`, if it is one.
pub(crate) fn num_word(word: &str) -> Option<NumWord> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    let (base, ordinal, plural) = match w {
        b"zero" | b"naught" | b"nought" => (Base::Zero, false, false),
        b"one" => (Base::Unit(1), false, false),
        b"two" => (Base::Unit(2), false, false),
        b"three" => (Base::Unit(3), false, false),
        b"four" => (Base::Unit(4), false, false),
        b"five" => (Base::Unit(5), false, false),
        b"six" => (Base::Unit(6), false, false),
        b"seven" => (Base::Unit(7), false, false),
        b"eight" => (Base::Unit(8), false, false),
        b"nine" => (Base::Unit(9), false, false),
        b"ten" => (Base::Teen(10), false, false),
        b"eleven" => (Base::Teen(11), false, false),
        b"twelve" => (Base::Teen(12), false, false),
        b"thirteen" => (Base::Teen(13), false, false),
        b"fourteen" => (Base::Teen(14), false, false),
        b"fifteen" => (Base::Teen(15), false, false),
        b"sixteen" => (Base::Teen(16), false, false),
        b"seventeen" => (Base::Teen(17), false, false),
        b"eighteen" => (Base::Teen(18), false, false),
        b"nineteen" => (Base::Teen(19), false, false),
        b"twenty" => (Base::Tens(20), false, false),
        b"thirty" => (Base::Tens(30), false, false),
        b"forty" | b"fourty" => (Base::Tens(40), false, false),
        b"fifty" => (Base::Tens(50), false, false),
        b"sixty" => (Base::Tens(60), false, false),
        b"seventy" => (Base::Tens(70), false, false),
        b"eighty" => (Base::Tens(80), false, false),
        b"ninety" => (Base::Tens(90), false, false),
        b"hundred" => (Base::Hundred, false, false),
        b"hundreds" => (Base::Hundred, false, true),
        b"thousand" => (Base::Scale(3), false, false),
        b"thousands" => (Base::Scale(3), false, true),
        b"lakh" | b"lac" => (Base::Scale(5), false, false),
        b"lakhs" | b"lacs" => (Base::Scale(5), false, true),
        b"million" => (Base::Scale(6), false, false),
        b"millions" => (Base::Scale(6), false, true),
        b"crore" => (Base::Scale(7), false, false),
        b"crores" => (Base::Scale(7), false, true),
        b"billion" => (Base::Scale(9), false, false),
        b"billions" => (Base::Scale(9), false, true),
        b"trillion" => (Base::Scale(12), false, false),
        b"trillions" => (Base::Scale(12), false, true),
        b"dozen" => (Base::Dozen, false, false),
        b"dozens" => (Base::Dozen, false, true),
        b"dz" | b"doz" => (Base::Dozen, false, false),
        b"dzs" => (Base::Dozen, false, true),
        b"half" => (Base::Half, false, false),
        b"halves" => (Base::Half, false, true),
        b"quarter" => (Base::Quarter, false, false),
        b"quarters" => (Base::Quarter, false, true),
        b"first" => (Base::Unit(1), true, false),
        b"firsts" => (Base::Unit(1), true, true),
        b"second" => (Base::Unit(2), true, false),
        b"third" => (Base::Unit(3), true, false),
        b"thirds" => (Base::Unit(3), true, true),
        b"fourth" => (Base::Unit(4), true, false),
        b"fourths" => (Base::Unit(4), true, true),
        b"fifth" => (Base::Unit(5), true, false),
        b"fifths" => (Base::Unit(5), true, true),
        b"sixth" => (Base::Unit(6), true, false),
        b"sixths" => (Base::Unit(6), true, true),
        b"seventh" => (Base::Unit(7), true, false),
        b"sevenths" => (Base::Unit(7), true, true),
        b"eighth" => (Base::Unit(8), true, false),
        b"eighths" => (Base::Unit(8), true, true),
        b"ninth" | b"nineth" => (Base::Unit(9), true, false),
        b"ninths" | b"nineths" => (Base::Unit(9), true, true),
        b"tenth" => (Base::Teen(10), true, false),
        b"tenths" => (Base::Teen(10), true, true),
        b"eleventh" => (Base::Teen(11), true, false),
        b"elevenths" => (Base::Teen(11), true, true),
        b"twelfth" => (Base::Teen(12), true, false),
        b"twelfths" => (Base::Teen(12), true, true),
        b"thirteenth" => (Base::Teen(13), true, false),
        b"thirteenths" => (Base::Teen(13), true, true),
        b"fourteenth" => (Base::Teen(14), true, false),
        b"fourteenths" => (Base::Teen(14), true, true),
        b"fifteenth" => (Base::Teen(15), true, false),
        b"fifteenths" => (Base::Teen(15), true, true),
        b"sixteenth" => (Base::Teen(16), true, false),
        b"sixteenths" => (Base::Teen(16), true, true),
        b"seventeenth" => (Base::Teen(17), true, false),
        b"seventeenths" => (Base::Teen(17), true, true),
        b"eighteenth" => (Base::Teen(18), true, false),
        b"eighteenths" => (Base::Teen(18), true, true),
        b"nineteenth" => (Base::Teen(19), true, false),
        b"nineteenths" => (Base::Teen(19), true, true),
        b"twentieth" => (Base::Tens(20), true, false),
        b"twentieths" => (Base::Tens(20), true, true),
        b"thirtieth" => (Base::Tens(30), true, false),
        b"thirtieths" => (Base::Tens(30), true, true),
        b"fortieth" => (Base::Tens(40), true, false),
        b"fortieths" => (Base::Tens(40), true, true),
        b"fiftieth" => (Base::Tens(50), true, false),
        b"fiftieths" => (Base::Tens(50), true, true),
        b"sixtieth" => (Base::Tens(60), true, false),
        b"sixtieths" => (Base::Tens(60), true, true),
        b"seventieth" => (Base::Tens(70), true, false),
        b"seventieths" => (Base::Tens(70), true, true),
        b"eightieth" => (Base::Tens(80), true, false),
        b"eightieths" => (Base::Tens(80), true, true),
        b"ninetieth" => (Base::Tens(90), true, false),
        b"ninetieths" => (Base::Tens(90), true, true),
        b"hundredth" => (Base::Hundred, true, false),
        b"hundredths" => (Base::Hundred, true, true),
        b"thousandth" => (Base::Scale(3), true, false),
        b"thousandths" => (Base::Scale(3), true, true),
        b"millionth" => (Base::Scale(6), true, false),
        b"millionths" => (Base::Scale(6), true, true),
        b"billionth" => (Base::Scale(9), true, false),
        b"billionths" => (Base::Scale(9), true, true),
        b"trillionth" => (Base::Scale(12), true, false),
        b"trillionths" => (Base::Scale(12), true, true),
        _ => return None,
    };
    Some(NumWord {
        base,
        ordinal,
        plural,
    })
}

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

/// An ISO-like currency code. Codes that are also English words (ALL, TRY, CUP, PEN,
/// MAD...) are left out, and lower case is accepted only for codes that are no word.
pub(crate) fn currency_code(word: &str) -> Option<Currency> {
    let upper = word.bytes().all(|b| b.is_ascii_uppercase());
    let lower_ok = word.bytes().all(|b| b.is_ascii_lowercase());
    if !(upper || lower_ok) || word.len() != 3 {
        return None;
    }
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    let (c, lower_allowed) = match w {
        b"usd" => (cur("USD", "United States dollar"), true),
        b"eur" => (cur("EUR", "euro"), true),
        b"gbp" => (cur("GBP", "British pound"), true),
        b"jpy" => (cur("JPY", "Japanese yen"), true),
        b"cny" => (cur("CNY", "Chinese yuan"), true),
        b"rmb" => (cur("CNY", "Chinese yuan"), true),
        b"rub" => (cur("RUB", "Russian ruble"), false),
        b"inr" => (cur("INR", "Indian rupee"), true),
        b"chf" => (cur("CHF", "Swiss franc"), true),
        b"cad" => (cur("CAD", "Canadian dollar"), false),
        b"aud" => (cur("AUD", "Australian dollar"), true),
        b"nzd" => (cur("NZD", "New Zealand dollar"), true),
        b"hkd" => (cur("HKD", "Hong Kong dollar"), true),
        b"sgd" => (cur("SGD", "Singapore dollar"), true),
        b"sek" => (cur("SEK", "Swedish krona"), false),
        b"nok" => (cur("NOK", "Norwegian krone"), false),
        b"dkk" => (cur("DKK", "Danish krone"), true),
        b"pln" => (cur("PLN", "Polish zloty"), true),
        b"czk" => (cur("CZK", "Czech koruna"), true),
        b"huf" => (cur("HUF", "Hungarian forint"), false),
        b"uah" => (cur("UAH", "Ukrainian hryvnia"), true),
        b"brl" => (cur("BRL", "Brazilian real"), true),
        b"mxn" => (cur("MXN", "Mexican peso"), true),
        b"zar" => (cur("ZAR", "South African rand"), true),
        b"krw" => (cur("KRW", "South Korean won"), true),
        b"twd" => (cur("TWD", "New Taiwan dollar"), true),
        b"thb" => (cur("THB", "Thai baht"), true),
        b"idr" => (cur("IDR", "Indonesian rupiah"), true),
        b"myr" => (cur("MYR", "Malaysian ringgit"), true),
        b"vnd" => (cur("VND", "Vietnamese dong"), true),
        b"sar" => (cur("SAR", "Saudi riyal"), false),
        b"aed" => (cur("AED", "UAE dirham"), true),
        b"ils" => (cur("ILS", "Israeli shekel"), false),
        b"egp" => (cur("EGP", "Egyptian pound"), true),
        b"ngn" => (cur("NGN", "Nigerian naira"), true),
        b"kes" => (cur("KES", "Kenyan shilling"), false),
        b"pkr" => (cur("PKR", "Pakistani rupee"), true),
        b"lkr" => (cur("LKR", "Sri Lankan rupee"), true),
        b"kzt" => (cur("KZT", "Kazakh tenge"), true),
        b"byn" => (cur("BYN", "Belarusian ruble"), true),
        b"qar" => (cur("QAR", "Qatari riyal"), true),
        b"kwd" => (cur("KWD", "Kuwaiti dinar"), true),
        b"ars" => (cur("ARS", "Argentine peso"), false),
        b"clp" => (cur("CLP", "Chilean peso"), true),
        b"cop" => (cur("COP", "Colombian peso"), false),
        b"gel" => (cur("GEL", "Georgian lari"), false),
        b"btc" => (cur("BTC", "bitcoin"), true),
        b"eth" => (cur("ETH", "ether"), false),
        _ => return None,
    };
    (upper || lower_allowed).then_some(c)
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
/// given as its words; the matcher compares word by word, case-insensitively.
pub(crate) const QUALIFIERS_BEFORE: &[&[&str]] = &[
    &["more", "than"],
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["no", "less", "than"],
    &["no", "fewer", "than"],
    &["fewer", "than"],
    &["less", "than"],
    &["greater", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["as", "high", "as"],
    &["as", "low", "as"],
    &["close", "to"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["well", "under"],
    &["just", "below"],
    &["just", "above"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["a", "maximum", "of"],
    &["a", "minimum", "of"],
    &["an", "estimated"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["approx."],
    &["approx"],
    &["some"],
    &["over"],
    &["under"],
    &["below"],
    &["above"],
    &["exceeding"],
    &["circa"],
    &["estimated"],
    &["barely"],
    &["maximum"],
    &["minimum"],
    &["~"],
];

/// Qualifiers written after a number (`100 or more`, `50 or so`).
pub(crate) const QUALIFIERS_AFTER: &[&[&str]] = &[
    &["or", "more"],
    &["or", "so"],
    &["or", "less"],
    &["or", "fewer"],
    &["and", "above"],
    &["and", "up"],
    &["plus"],
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

/// Month names and abbreviations: number 1–12. `strict` months (`May`, `March`) must be
/// capitalized, since the lower-case forms are common words.
pub(crate) fn month(word: &str) -> Option<u8> {
    let first_upper = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    let (m, strict) = match w {
        b"january" | b"jan" => (1, false),
        b"february" | b"feb" => (2, false),
        b"march" | b"mar" => (3, true),
        b"april" | b"apr" => (4, true),
        b"may" => (5, true),
        b"june" | b"jun" => (6, false),
        b"july" | b"jul" => (7, false),
        b"august" | b"aug" => (8, true),
        b"september" | b"sept" | b"sep" => (9, false),
        b"october" | b"oct" => (10, false),
        b"november" | b"nov" => (11, false),
        b"december" | b"dec" => (12, false),
        _ => return None,
    };
    (!strict || first_upper).then_some(m)
}

/// Weekday names.
pub(crate) fn is_weekday(word: &str) -> bool {
    is_any(
        word,
        &[
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
        ],
    )
}

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

/// Function words and verbs that end a counted noun phrase.
pub(crate) fn is_stop_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"from"
            | b"for"
            | b"by"
            | b"with"
            | b"and"
            | b"or"
            | b"but"
            | b"nor"
            | b"the"
            | b"a"
            | b"an"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"being"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"can"
            | b"could"
            | b"should"
            | b"may"
            | b"might"
            | b"must"
            | b"shall"
            | b"do"
            | b"does"
            | b"did"
            | b"said"
            | b"says"
            | b"say"
            | b"told"
            | b"who"
            | b"whom"
            | b"whose"
            | b"which"
            | b"what"
            | b"when"
            | b"where"
            | b"while"
            | b"as"
            | b"than"
            | b"then"
            | b"there"
            | b"here"
            | b"it"
            | b"its"
            | b"he"
            | b"she"
            | b"they"
            | b"we"
            | b"i"
            | b"you"
            | b"them"
            | b"their"
            | b"his"
            | b"her"
            | b"our"
            | b"my"
            | b"your"
            | b"per"
            | b"each"
            | b"every"
            | b"into"
            | b"onto"
            | b"over"
            | b"under"
            | b"after"
            | b"before"
            | b"since"
            | b"until"
            | b"during"
            | b"about"
            | b"against"
            | b"between"
            | b"among"
            | b"through"
            | b"across"
            | b"around"
            | b"near"
            | b"also"
            | b"not"
            | b"no"
            | b"so"
            | b"if"
            | b"because"
            | b"although"
            | b"though"
            | b"up"
            | b"down"
            | b"out"
            | b"off"
            | b"more"
            | b"less"
            | b"most"
            | b"least"
            | b"only"
            | b"just"
            | b"still"
            | b"already"
            | b"now"
            | b"ago"
            | b"later"
            | b"earlier"
            | b"last"
            | b"next"
            | b"year"
            | b"years"
            | b"month"
            | b"months"
            | b"week"
            | b"weeks"
            | b"day"
            | b"days"
            | b"hour"
            | b"hours"
            | b"including"
            | b"like"
            | b"via"
            | b"toward"
            | b"towards"
            | b"within"
            | b"without"
            | b"percent"
            | b"apiece"
            | b"all"
            | b"both"
            | b"either"
            | b"neither"
            | b"too"
            | b"very"
            | b"again"
            | b"away"
            | b"back"
            | b"yet"
            | b"ever"
            | b"never"
            | b"even"
            | b"get"
            | b"got"
            | b"gets"
            | b"make"
            | b"made"
            | b"took"
            | b"take"
            | b"came"
            | b"come"
            | b"went"
            | b"go"
            | b"goes"
    )
}

/// Words that name time units: counted as their own noun phrase (`3 years`) but never
/// extended (`3 years ago`).
pub(crate) fn is_time_unit(word: &str) -> bool {
    is_any(
        word,
        &[
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
        ],
    )
}

/// Irregular plurals and mass nouns that end a counted phrase like a regular plural.
pub(crate) fn is_irregular_plural(word: &str) -> bool {
    is_any(
        word,
        &[
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
        ],
    )
}
