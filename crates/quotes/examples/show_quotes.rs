//! Prints the quotations the stage finds in text files, one line each with kind,
//! speaker, cue and the mention that named the speaker (for checking by hand).
//!
//! ```text
//! cargo run -p newsmill-quotes --example show_quotes -- FILE...
//! ```

use newsmill_core::{Document, Stage, Value, layers};
use newsmill_quotes::{QuotesOptions, QuotesStage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stage = QuotesStage::new(QuotesOptions::default())?;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let mut doc = Document::from_text(path.clone(), text);
        stage.process(&mut doc)?;
        println!("== {path}");
        let text = doc.text();
        let slice = |v: Option<&Value>| {
            v.and_then(Value::as_range)
                .and_then(|r| text.get(r))
                .unwrap_or("-")
        };
        for s in doc.layer(layers::QUOTES).unwrap_or_default() {
            let get = |k: &str| s.attr(k).and_then(Value::as_str).unwrap_or("-");
            println!(
                "{:>5}..{:<5} {:7} speaker={:?} (mention {:?}) cue={:?}\n      “{}”",
                s.start,
                s.end,
                get("kind"),
                get("speaker"),
                slice(s.attr("speaker_span")),
                get("cue"),
                text.get(s.range()).unwrap_or("")
            );
        }
    }
    Ok(())
}
