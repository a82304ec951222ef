//! Prints what the numbers stage finds in each argument (a debugging aid).

fn main() {
    for text in std::env::args().skip(1) {
        println!("{text}");
        for m in newsmill_numbers::extract(&text) {
            let approx = m.approx.as_ref().map(|(a, _)| a.as_str()).unwrap_or("");
            let counted = m.counted.clone().and_then(|r| text.get(r)).unwrap_or("");
            println!(
                "  {:?} {:?} {:?} unit={:?} approx={approx:?} counted={counted:?} upper={:?} date={:?}",
                text.get(m.span.clone()).unwrap_or(""),
                m.kind,
                m.value,
                m.unit.and_then(newsmill_numbers::Unit::code),
                m.upper,
                m.date
            );
        }
    }
}
