//! Prints [`newsmill_html::explain`] for one page (plain or gzipped HTML file).
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: explain PAGE.html[.gz]")?;
    let mut raw = Vec::new();
    std::fs::File::open(&path)?.read_to_end(&mut raw)?;
    let html = if path.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(raw.as_slice()).read_to_string(&mut s)?;
        s
    } else {
        String::from_utf8_lossy(&raw).into_owned()
    };
    print!(
        "{}",
        newsmill_html::explain(&html, &newsmill_html::HtmlOptions::default())
    );
    Ok(())
}
