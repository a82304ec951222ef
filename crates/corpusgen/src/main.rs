//! `corpusgen`: writes a deterministic corpus of generated news articles as JSONL.
//!
//! ```text
//! corpusgen --format text --mb 200 --seed 42 --output /tmp/corpus-200mb.jsonl
//! ```

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use newsmill_corpusgen::Generator;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// `{"id","url","date","text"}` lines: plain text with scraper junk.
    Text,
    /// `{"id","url","html"}` lines: full HTML pages.
    Html,
}

/// Writes generated news articles as JSONL until the output reaches the requested size.
#[derive(Parser, Debug)]
#[command(name = "corpusgen", version, about)]
struct Args {
    /// Text or HTML articles.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Size to write, in MB (10^6 bytes); the last article may overshoot it.
    #[arg(long, default_value_t = 10.0)]
    mb: f64,
    /// Seed: the same seed and size give the same file.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Output file (stdout when absent).
    #[arg(long, short)]
    output: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let target = (args.mb * 1e6) as u64;
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("error: cannot create {}: {e}", path.display());
                return ExitCode::from(4);
            }
        },
        None => Box::new(std::io::stdout()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let mut generator = Generator::new(args.seed);
    let (mut written, mut docs) = (0u64, 0u64);
    while written < target {
        let line = match args.format {
            Format::Text => generator.text_record(),
            Format::Html => generator.html_record(),
        };
        if let Err(e) = out.write_all(line.as_bytes()) {
            eprintln!("error: write failed: {e}");
            return ExitCode::from(4);
        }
        written += line.len() as u64;
        docs += 1;
    }
    if let Err(e) = out.flush() {
        eprintln!("error: write failed: {e}");
        return ExitCode::from(4);
    }
    eprintln!("corpusgen: {docs} articles, {written} bytes");
    ExitCode::SUCCESS
}
