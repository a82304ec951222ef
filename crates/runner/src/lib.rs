//! The newsmill runner: reads a TOML pipeline config, builds its stages (built-in and
//! plugin), and streams documents through them in parallel, writing one JSON line per
//! document and one reject record per document that could not be processed.
//!
//! The `runner` binary at the workspace root is a thin wrapper over [`main`].

#![deny(missing_docs)]

pub mod builtins;
pub mod config;
pub mod input;
mod json;
pub mod pipeline;
mod plugins;
pub mod record;
pub mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use newsmill_core::Registry;

use crate::config::{Config, InputFormat, ProgressMode};
use crate::input::{InputPlan, Limits};
use crate::pipeline::Pipeline;
use crate::run::{RunSettings, Sink};

/// Process exit codes of `runner`.
pub mod exit {
    /// The run completed: every document is in the output or the rejects file.
    pub const OK: u8 = 0;
    /// An internal error (a bug in the runner).
    pub const INTERNAL: u8 = 1;
    /// Bad command-line usage.
    pub const USAGE: u8 = 2;
    /// The config file is invalid (bad TOML, unknown key or stage type, a plugin that
    /// cannot be loaded, a stage that needs a layer nothing produces...).
    pub const CONFIG: u8 = 3;
    /// The input cannot be read or the output cannot be written.
    pub const IO: u8 = 4;
    /// `--strict` was given and at least one document was rejected.
    pub const REJECTS: u8 = 5;
}

/// Runs a newsmill pipeline over news articles.
#[derive(Debug, Parser)]
#[command(
    name = "runner",
    version,
    about = "Runs a newsmill pipeline (a TOML config) over news articles: the article's own text, every quotation with its speaker, every number normalized.",
    long_about = None,
    after_help = "Exit codes: 0 run completed (bad documents are in the rejects file), 2 usage error, 3 config error, 4 I/O error, 5 --strict and documents were rejected."
)]
pub struct Cli {
    /// Pipeline config (TOML).
    #[arg(
        short,
        long,
        value_name = "FILE",
        required_unless_present = "list_stages"
    )]
    pub config: Option<PathBuf>,
    /// Input: a JSONL file, a directory of .txt/.html files, a single file, or `-` for
    /// stdin. Overrides [input] path.
    #[arg(short, long, value_name = "PATH")]
    pub input: Option<String>,
    /// Input format. Overrides [input] format.
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// Output JSONL, or `-` for stdout. Overrides [output] path.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,
    /// Rejects JSONL. Overrides [output] rejects.
    #[arg(long, value_name = "PATH")]
    pub rejects: Option<String>,
    /// Worker threads (0 = one per core). Overrides [run] threads.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per batch. Overrides [run] batch_size.
    #[arg(long)]
    pub batch_size: Option<usize>,
    /// Progress bar on stderr. Overrides [run] progress.
    #[arg(long, value_enum)]
    pub progress: Option<ProgressMode>,
    /// Exit with code 5 when any document is rejected.
    #[arg(long)]
    pub strict: bool,
    /// Check the config, print the resolved pipeline, and exit.
    #[arg(long)]
    pub check: bool,
    /// List the stage types (built-in, and plugins of --config) with their options.
    #[arg(long)]
    pub list_stages: bool,
    /// No end-of-run summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Entry point of the `runner` binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    ExitCode::from(execute(&cli))
}

/// Runs the command described by `cli` and returns its exit code.
pub fn execute(cli: &Cli) -> u8 {
    let mut registry = Registry::new();
    if let Err(e) = builtins::register_builtins(&mut registry) {
        eprintln!("error: {e}");
        return exit::INTERNAL;
    }
    let Some(config_path) = &cli.config else {
        print!("{}", describe_stages(&registry));
        return exit::OK;
    };
    let config = match config::load(config_path, &mut registry, &mut plugins::load_into) {
        Ok(c) => c,
        Err(errors) => {
            eprintln!("{errors}");
            eprintln!(
                "{} error{} in {}",
                errors.0.len(),
                if errors.0.len() == 1 { "" } else { "s" },
                config_path.display()
            );
            return exit::CONFIG;
        }
    };
    for w in &config.warnings {
        eprintln!("warning: {w}");
    }
    if cli.list_stages {
        print!("{}", describe_stages(&registry));
        return exit::OK;
    }
    let settings = match resolve(cli, &config) {
        Ok(s) => s,
        Err((code, message)) => {
            eprintln!("error: {message}");
            return code;
        }
    };
    if cli.check {
        print!("{}", describe_pipeline(&config, &settings));
        return exit::OK;
    }
    let pipeline = Pipeline::new(config.stages, &config.output);
    match run::run(&pipeline, &settings) {
        Ok(summary) => {
            if !settings.plan.skipped.is_empty() {
                eprintln!(
                    "note: skipped {} file(s) whose extension is not .jsonl/.txt/.html (e.g. {}); set [input] format to read them",
                    settings.plan.skipped.len(),
                    settings.plan.skipped[0].display()
                );
            }
            if !cli.quiet {
                eprint!("{}", run::format_summary(&summary));
            }
            if cli.strict && summary.rejected > 0 {
                eprintln!("error: --strict: {} document(s) rejected", summary.rejected);
                return exit::REJECTS;
            }
            exit::OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            exit::IO
        }
    }
}

/// Applies command-line overrides to the config and resolves the input.
fn resolve(cli: &Cli, config: &Config) -> Result<RunSettings, (u8, String)> {
    let input = cli
        .input
        .clone()
        .or_else(|| config.input.path.clone())
        .ok_or((
            exit::CONFIG,
            format!(
                "no input: set `path` in [input] of {} or pass --input",
                config.file.display()
            ),
        ))?;
    let format = cli.format.unwrap_or(config.input.format);
    let output_path = cli
        .output
        .clone()
        .or_else(|| config.output.path.clone())
        .unwrap_or_else(|| "-".to_owned());
    let output = if output_path == "-" {
        Sink::Stdout
    } else {
        Sink::File(output_path.clone())
    };
    let rejects = match cli
        .rejects
        .clone()
        .or_else(|| config.output.rejects.clone())
    {
        Some(p) if p == "-" => Sink::Stderr,
        Some(p) => Sink::File(p),
        None => match &output {
            Sink::File(p) => Sink::File(default_rejects_path(p)),
            _ => Sink::Stderr,
        },
    };
    if output == rejects && output != Sink::Stderr {
        return Err((
            exit::CONFIG,
            "output and rejects must be different files".to_owned(),
        ));
    }
    let plan = InputPlan::new(&input, format).map_err(|e| (exit::IO, e.to_string()))?;
    let batch_size = cli.batch_size.unwrap_or(config.run.batch_size).max(1);
    Ok(RunSettings {
        plan,
        output,
        rejects,
        threads: cli.threads.unwrap_or(config.run.threads),
        limits: Limits {
            batch_size,
            batch_bytes: config.run.batch_bytes.max(1),
            max_record_bytes: config
                .run
                .max_document_bytes
                .min(newsmill_core::MAX_TEXT_LEN),
        },
        progress: run::want_progress(cli.progress.unwrap_or(config.run.progress)),
    })
}

/// `out/x.jsonl` → `out/x.rejects.jsonl`.
fn default_rejects_path(output: &str) -> String {
    let (stem, gz) = match output.strip_suffix(".gz") {
        Some(s) => (s, ".gz"),
        None => (output, ""),
    };
    let stem = stem.strip_suffix(".jsonl").unwrap_or(stem);
    format!("{stem}.rejects.jsonl{gz}")
}

/// `--list-stages`: every stage type with its description and options.
pub fn describe_stages(registry: &Registry) -> String {
    let mut out = String::new();
    for f in registry.iter() {
        out.push_str(&format!(
            "{} ({})\n    {}\n",
            f.type_name(),
            f.origin(),
            f.description()
        ));
        match f.options() {
            Some(opts) if opts.is_empty() => out.push_str("    no options\n"),
            Some(opts) => {
                const MAX_WIDTH: usize = 32;
                let lhs: Vec<String> = opts
                    .iter()
                    .map(|o| {
                        if o.default.is_empty() {
                            o.name.clone()
                        } else {
                            format!("{} = {}", o.name, o.default)
                        }
                    })
                    .collect();
                let width = lhs
                    .iter()
                    .map(String::len)
                    .filter(|&w| w <= MAX_WIDTH)
                    .max()
                    .unwrap_or(0);
                for (lhs, o) in lhs.iter().zip(&opts) {
                    if lhs.len() > MAX_WIDTH {
                        // A long default (a nested table) gets its own line.
                        out.push_str(&format!("    {lhs}\n    {:width$}  {}\n", "", o.help));
                    } else {
                        out.push_str(&format!("    {lhs:<width$}  {}\n", o.help));
                    }
                }
            }
            None => out.push_str("    options are checked by the plugin itself\n"),
        }
    }
    if out.is_empty() {
        out.push_str("no stage types are registered\n");
    }
    out
}

fn describe_sink(sink: &Sink) -> String {
    match sink {
        Sink::File(p) => p.clone(),
        Sink::Stdout => "stdout".into(),
        Sink::Stderr => "stderr".into(),
    }
}

/// `--check`: the resolved pipeline.
fn describe_pipeline(config: &Config, settings: &RunSettings) -> String {
    let mut out = format!("config:  {}\n", config.file.display());
    out.push_str(&format!(
        "input:   {} file(s){}\n",
        settings.plan.file_count(),
        if settings.plan.skipped.is_empty() {
            String::new()
        } else {
            format!(", {} skipped", settings.plan.skipped.len())
        }
    ));
    out.push_str(&format!("output:  {}\n", describe_sink(&settings.output)));
    out.push_str(&format!("rejects: {}\n", describe_sink(&settings.rejects)));
    out.push_str(&format!(
        "run:     threads = {}, batch_size = {}, batch_bytes = {}, max_document_bytes = {}\n",
        if settings.threads == 0 {
            "all cores".to_owned()
        } else {
            settings.threads.to_string()
        },
        settings.limits.batch_size,
        settings.limits.batch_bytes,
        settings.limits.max_record_bytes
    ));
    for p in &config.plugins {
        out.push_str(&format!("plugin:  {}\n", p.display()));
    }
    out.push_str(&format!("stages:  {}\n", config.stages.len()));
    let list = |v: &[String]| {
        if v.is_empty() {
            "-".to_owned()
        } else {
            v.join(", ")
        }
    };
    for (i, s) in config.stages.iter().enumerate() {
        let m = s.stage.meta();
        out.push_str(&format!(
            "  {}. {} (type {} {}): {}\n",
            i + 1,
            s.name,
            m.type_name,
            m.version,
            m.description
        ));
        for (k, v) in &s.options {
            out.push_str(&format!("       {k} = {v}\n"));
        }
        out.push_str(&format!(
            "       requires: {}; reads: {}; produces: {}; fields: {}{}\n",
            list(&m.requires),
            list(&m.reads),
            list(&m.produces),
            list(&m.fields),
            if m.sets_text { "; sets text" } else { "" }
        ));
    }
    out.push_str("config ok\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_sit_beside_the_output() {
        assert_eq!(default_rejects_path("out/a.jsonl"), "out/a.rejects.jsonl");
        assert_eq!(
            default_rejects_path("out/a.jsonl.gz"),
            "out/a.rejects.jsonl.gz"
        );
        assert_eq!(default_rejects_path("out/a"), "out/a.rejects.jsonl");
    }
}
