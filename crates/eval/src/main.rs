//! `newsmill-eval`: runs the real runner over the evaluation sets that sit beside the
//! repository (`../shared/eval`) and prints the figures of each set's own scorer.
//!
//! ```text
//! cargo run --release -p newsmill-eval -- all
//! cargo run --release -p newsmill-eval -- boilerplate --shared /path/to/shared
//! ```
//!
//! For each task it writes the runner's input (from the eval files), a pipeline config
//! and the runner's output under `target/eval/`, turns the output into the scorer's
//! prediction format, and runs `python3 score.py`. When the data or python3 is absent
//! it says so and exits with success, so it can run anywhere.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::{Parser, ValueEnum};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Task {
    /// Main-text extraction, HTML and plain-text modes, scrapinghub and WCXB sets.
    Boilerplate,
    /// Quotations and speakers (PolNeAR).
    Quotes,
    /// Numbers (Recognizers-Text English suites).
    Numbers,
    /// All of the above.
    All,
}

/// Scores the newsmill stages on the shared evaluation sets, through the runner.
#[derive(Parser, Debug)]
#[command(name = "newsmill-eval", version, about)]
struct Args {
    /// What to evaluate.
    #[arg(value_enum, default_value = "all")]
    task: Task,
    /// The shared data directory (holding `eval/`). Default: `../shared` beside the
    /// repository, or $NEWSMILL_SHARED.
    #[arg(long)]
    shared: Option<PathBuf>,
    /// Where inputs, configs and outputs are written.
    #[arg(long, default_value = "target/eval")]
    work: PathBuf,
}

type Result<T> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args = Args::parse();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = args
        .shared
        .clone()
        .or_else(|| std::env::var_os("NEWSMILL_SHARED").map(PathBuf::from))
        .unwrap_or_else(|| repo.join("../shared"));
    let eval = shared.join("eval");
    if !eval.is_dir() {
        println!(
            "newsmill-eval: skipped: no evaluation data at {} (the sets live beside the repository in ../shared/eval; pass --shared PATH)",
            eval.display()
        );
        return ExitCode::SUCCESS;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        println!("newsmill-eval: skipped: python3 is needed to run the scorers");
        return ExitCode::SUCCESS;
    }
    let tasks: &[Task] = match args.task {
        Task::All => &[Task::Boilerplate, Task::Quotes, Task::Numbers],
        Task::Boilerplate => &[Task::Boilerplate],
        Task::Quotes => &[Task::Quotes],
        Task::Numbers => &[Task::Numbers],
    };
    for task in tasks {
        let result = match task {
            Task::Boilerplate => {
                boilerplate(&eval.join("boilerplate"), &args.work.join("boilerplate"))
            }
            Task::Quotes => quotes(&eval.join("quotes"), &args.work.join("quotes")),
            Task::Numbers => numbers(&eval.join("numbers"), &args.work.join("numbers")),
            Task::All => Ok(()),
        };
        if let Err(e) = result {
            eprintln!("newsmill-eval: {task:?}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    BufReader::new(file)
        .lines()
        .enumerate()
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(i, l)| {
            let l = l.map_err(|e| format!("{}: {e}", path.display()))?;
            serde_json::from_str(&l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

fn write_jsonl(path: &Path, rows: impl IntoIterator<Item = Value>) -> Result<()> {
    let err = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut out = BufWriter::new(std::fs::File::create(path).map_err(err)?);
    for row in rows {
        serde_json::to_writer(&mut out, &row).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(err)?;
    }
    out.flush().map_err(err)
}

/// Runs the runner (in this process, through its normal entry point) over `input`
/// with the given `[[stage]]` tables; returns the output documents by input order.
fn run_pipeline(work: &Path, name: &str, stages: &str, input: &Path) -> Result<Vec<Value>> {
    std::fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let config = work.join(format!("{name}.toml"));
    let output = work.join(format!("{name}.out.jsonl"));
    let toml = format!(
        "[input]\npath = {}\nformat = \"jsonl\"\n\n[output]\npath = {}\n\n[run]\nprogress = \"never\"\n\n{stages}",
        toml_string(&input.canonicalize().unwrap_or(input.to_owned())),
        toml_string(&std::path::absolute(&output).unwrap_or(output.clone())),
    );
    std::fs::write(&config, toml).map_err(|e| format!("{}: {e}", config.display()))?;
    let cli = newsmill_runner::Cli::parse_from(["runner", "--config", &config.to_string_lossy()]);
    eprintln!("-- runner --config {}", config.display());
    let code = newsmill_runner::execute(&cli);
    if code != 0 {
        return Err(format!("the runner exited with code {code}"));
    }
    read_jsonl(&output)
}

fn toml_string(path: &Path) -> String {
    serde_json::to_string(&path.to_string_lossy()).unwrap_or_default()
}

/// Runs `python3 score.py GOLD PRED extra...` and prints its report; with `last_only`,
/// only its final line.
fn score(dir: &Path, gold: &Path, pred: &Path, extra: &[&str], last_only: bool) -> Result<()> {
    let out = Command::new("python3")
        .arg(dir.join("score.py"))
        .arg(gold)
        .arg(pred)
        .args(extra)
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "score.py failed: {}{}",
            stdout,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    if last_only {
        println!(
            "{}",
            stdout
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
        );
    } else {
        print!("{stdout}");
    }
    Ok(())
}

fn gunzip(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text)
}

fn boilerplate(dir: &Path, work: &Path) -> Result<()> {
    std::fs::create_dir_all(work).map_err(|e| e.to_string())?;
    for (set, file) in [
        ("scrapinghub", "public.jsonl"),
        ("wcxb", "public_wcxb.jsonl"),
    ] {
        let gold_path = dir.join(file);
        let gold = read_jsonl(&gold_path)?;
        for mode in ["html", "text"] {
            let name = format!("{set}-{mode}");
            let input = work.join(format!("{name}.in.jsonl"));
            let rows = gold
                .iter()
                .map(|g| {
                    let id = g["id"].clone();
                    Ok(if mode == "html" {
                        let html = gunzip(&dir.join(g["html_path"].as_str().unwrap_or_default()))?;
                        json!({"id": id, "html": html})
                    } else {
                        json!({"id": id, "text": g["full_text"]})
                    })
                })
                .collect::<Result<Vec<Value>>>()?;
            write_jsonl(&input, rows)?;
            let stages = format!("[[stage]]\ntype = \"boilerplate\"\nmode = \"{mode}\"\n");
            let out = run_pipeline(work, &name, &stages, &input)?;
            let pred = work.join(format!("{name}.pred.jsonl"));
            write_jsonl(
                &pred,
                out.iter()
                    .map(|d| json!({"id": d["id"], "text": d["clean_text"]})),
            )?;
            println!(
                "\n== boilerplate, {mode} mode, {set} public half ({} pages)",
                gold.len()
            );
            score(dir, &gold_path, &pred, &[], false)?;
        }
    }
    Ok(())
}

fn quotes(dir: &Path, work: &Path) -> Result<()> {
    std::fs::create_dir_all(work).map_err(|e| e.to_string())?;
    let gold_path = dir.join("public.jsonl");
    let gold = read_jsonl(&gold_path)?;
    let input = work.join("quotes.in.jsonl");
    write_jsonl(
        &input,
        gold.iter()
            .map(|g| json!({"id": g["id"], "text": g["text"]})),
    )?;
    let out = run_pipeline(work, "quotes", "[[stage]]\ntype = \"quotes\"\n", &input)?;
    // Two readings of the same output. The gold speaker is the mention as the annotator
    // marked it ("he" included), with a resolved name when CoreNLP found one; so the
    // canonical names the stage gives are scored once, and the mentions once.
    for (reading, canonical) in [
        ("canonical speaker", true),
        ("speaker mention as written", false),
    ] {
        let pred = work.join(if canonical {
            "quotes.pred.jsonl"
        } else {
            "quotes.surface.pred.jsonl"
        });
        write_jsonl(&pred, out.iter().map(|d| quote_predictions(d, canonical)))?;
        println!(
            "\n== quotes, PolNeAR public half ({} articles), {reading}",
            gold.len()
        );
        score(dir, &gold_path, &pred, &[], false)?;
        println!("-- --mode quoted:");
        score(dir, &gold_path, &pred, &["--mode", "quoted"], true)?;
    }
    Ok(())
}

/// One document's quotes in the scorer's format. With `canonical`, the speaker is the
/// stage's canonical name, or the mention as written when the stage could not name one
/// (an unresolved pronoun: that is what the text itself says); otherwise always the
/// mention as written.
fn quote_predictions(doc: &Value, canonical: bool) -> Value {
    let text = doc["text"].as_str().unwrap_or_default();
    let quotes: Vec<Value> = doc["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|q| {
            let mention = q["speaker_span"].as_array().and_then(|r| {
                let (s, e) = (r.first()?.as_u64()? as usize, r.get(1)?.as_u64()? as usize);
                text.get(s..e).map(str::to_owned)
            });
            let speaker = if canonical {
                q["speaker"].as_str().map(str::to_owned).or(mention)
            } else {
                mention
            };
            json!({"start": q["start"], "end": q["end"], "speaker": speaker})
        })
        .collect();
    json!({"id": doc["id"], "quotes": quotes})
}

fn numbers(dir: &Path, work: &Path) -> Result<()> {
    std::fs::create_dir_all(work).map_err(|e| e.to_string())?;
    let gold_path = dir.join("recognizers_public.jsonl");
    let gold = read_jsonl(&gold_path)?;
    let input = work.join("numbers.in.jsonl");
    write_jsonl(
        &input,
        gold.iter()
            .map(|g| json!({"id": g["id"], "text": g["text"]})),
    )?;
    let out = run_pipeline(work, "numbers", "[[stage]]\ntype = \"numbers\"\n", &input)?;
    let pred = work.join("numbers.pred.jsonl");
    write_jsonl(
        &pred,
        out.iter().map(|d| {
            let text = d["text"].as_str().unwrap_or_default();
            let spans: Vec<newsmill_core::Span> = d["numbers"]
                .as_array()
                .into_iter()
                .flatten()
                .map(span_from_json)
                .collect();
            json!({"id": d["id"], "numbers": newsmill_numbers::recognizers_predictions(text, &spans)})
        }),
    )?;
    println!(
        "\n== numbers, Recognizers-Text English suites, public half ({} cases)",
        gold.len()
    );
    score(dir, &gold_path, &pred, &[], false)
}

/// Reads a span of the runner's output back into a core span, so the numbers crate's
/// eval glue sees exactly what the stage wrote.
fn span_from_json(span: &Value) -> newsmill_core::Span {
    let offset = |k: &str| span[k].as_u64().unwrap_or(0) as usize;
    let mut out = newsmill_core::Span::new(offset("start"), offset("end"));
    if let Some(object) = span.as_object() {
        for (k, v) in object {
            if !matches!(k.as_str(), "start" | "end" | "text") {
                out.attrs.insert(k.clone(), value_from_json(v));
            }
        }
    }
    out
}

/// JSON → attribute value; a pair of offsets (`[start, end]`) is a range, as the output
/// format writes ranges.
fn value_from_json(v: &Value) -> newsmill_core::Value {
    use newsmill_core::Value as V;
    match v {
        Value::Null => V::Null,
        Value::Bool(b) => V::Bool(*b),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| V::Float(n.as_f64().unwrap_or(f64::NAN)), V::Int),
        Value::String(s) => V::from(s.as_str()),
        Value::Array(items) => match items.as_slice() {
            [Value::Number(a), Value::Number(b)] if a.is_u64() && b.is_u64() => V::range(
                a.as_u64().unwrap_or(0) as usize,
                b.as_u64().unwrap_or(0) as usize,
            ),
            _ => V::List(items.iter().map(value_from_json).collect()),
        },
        Value::Object(_) => V::Null,
    }
}
