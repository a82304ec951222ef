//! The pipeline configuration: parsing the TOML file, checking every part of it, and
//! building the stages, with errors that point at the file, line and key.
//!
//! Checking happens in two phases. The file is first parsed into a spanned tree, so
//! every key keeps its position. Then everything is checked (top-level tables, the
//! input/output/run tables, plugins, each stage's type and options, the order of
//! stages) and *all* problems are collected before any is reported, so a user fixes a
//! config in one pass rather than one error per run.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use newsmill_core::{BuildError, Registry, Stage, suggest};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// One problem found in a config file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The config file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong, and how to fix it when we can tell.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Every problem found in a config, sorted by position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigErrors(pub Vec<Diagnostic>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {d}")?;
        }
        Ok(())
    }
}

/// How input files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// By file extension (`.jsonl`, `.txt`, `.html`, each optionally `.gz`); stdin is
    /// sniffed from its first byte.
    #[default]
    Auto,
    /// One JSON object per line with `id` and `text` or `html`.
    Jsonl,
    /// Each file is one plain-text document.
    Text,
    /// Each file is one HTML page.
    Html,
}

/// `[input]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// A JSONL file, a directory of `.txt`/`.html` files, a single file, or `-` for stdin.
    pub path: Option<String>,
    /// How to read it.
    pub format: InputFormat,
}
const INPUT_KEYS: &[&str] = &["path", "format"];

/// `[output]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Output JSONL path, or `-` for stdout (the default).
    pub path: Option<String>,
    /// Rejects JSONL path. Defaults to `<output stem>.rejects.jsonl` beside a file
    /// output, and to stderr when the output is stdout.
    pub rejects: Option<String>,
    /// Only these top-level keys are written (e.g. `["id", "clean_text", "quotes"]`).
    pub fields: Option<Vec<String>>,
    /// Also write the input `html` back (off by default: it is large).
    pub include_html: bool,
    /// Which layers' spans carry the text they cover as `"text"`.
    pub span_text: SpanText,
}
const OUTPUT_KEYS: &[&str] = &["path", "rejects", "fields", "include_html", "span_text"];

/// `[output] span_text`: whether each span is written with the text it covers.
///
/// The text is a convenience: a span's offsets already locate it in `text`. Over a large
/// corpus it is most of the output (the `blocks` layer alone repeats the whole
/// `clean_text`), so a consumer that slices `text` itself can turn it off, for every
/// layer (`false`) or for all but a list of layers (`["quotes", "numbers"]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum SpanText {
    /// Every layer (`true`, the default) or none (`false`).
    All(bool),
    /// Only these layers.
    Layers(Vec<String>),
}

impl Default for SpanText {
    fn default() -> Self {
        SpanText::All(true)
    }
}

impl SpanText {
    /// Whether spans of `layer` are written with their text.
    pub fn covers(&self, layer: &str) -> bool {
        match self {
            SpanText::All(all) => *all,
            SpanText::Layers(layers) => layers.iter().any(|l| l == layer),
        }
    }
}

/// When to draw a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ProgressMode {
    /// When stderr is a terminal.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `[run]`: how documents are scheduled.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RunConfig {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Documents read ahead and processed together; bounds memory with `batch_bytes`.
    pub batch_size: usize,
    /// A batch also closes when its documents reach this many bytes.
    pub batch_bytes: usize,
    /// Progress bar on stderr.
    pub progress: ProgressMode,
    /// Longest document (JSONL line or file) accepted; longer ones are rejected without
    /// being held in memory.
    pub max_document_bytes: usize,
}
const RUN_KEYS: &[&str] = &[
    "threads",
    "batch_size",
    "batch_bytes",
    "progress",
    "max_document_bytes",
];

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            threads: 0,
            batch_size: 1024,
            batch_bytes: 64 << 20,
            progress: ProgressMode::Auto,
            max_document_bytes: 1 << 30,
        }
    }
}

/// `[[plugin]]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PluginConfig {
    /// Path of the dynamic library.
    pub path: String,
}
const PLUGIN_KEYS: &[&str] = &["path"];

const TOP_KEYS: &[&str] = &["input", "output", "run", "plugin", "stage"];
const STAGE_RESERVED: &[&str] = &["type", "name", "enabled"];

/// A built stage with the name it has in this pipeline.
pub struct ConfiguredStage {
    /// Instance name (`name`, defaulting to the type).
    pub name: String,
    /// The stage.
    pub stage: Box<dyn Stage>,
    /// Its options as written (for `--check`).
    pub options: toml::Table,
}

/// A fully checked configuration, with its stages built.
pub struct Config {
    /// The config file.
    pub file: PathBuf,
    /// `[input]`, paths resolved against the config file's directory.
    pub input: InputConfig,
    /// `[output]`, paths resolved likewise.
    pub output: OutputConfig,
    /// `[run]`.
    pub run: RunConfig,
    /// Plugin libraries, resolved.
    pub plugins: Vec<PathBuf>,
    /// The enabled stages in order.
    pub stages: Vec<ConfiguredStage>,
    /// Problems that do not stop a run (e.g. a stage reading a layer produced later).
    pub warnings: Vec<Diagnostic>,
}

/// Loads plugin libraries named by the config; returns an error message per failure.
pub type PluginLoader<'a> = dyn FnMut(&Path, &mut Registry) -> Result<(), String> + 'a;

/// Reads, checks and builds the config at `file`. Plugins are loaded into `registry`
/// through `load_plugin` before stage types are resolved.
///
/// # Errors
/// Every problem found, each with its line.
pub fn load(
    file: &Path,
    registry: &mut Registry,
    load_plugin: &mut PluginLoader<'_>,
) -> Result<Config, ConfigErrors> {
    let source = std::fs::read_to_string(file).map_err(|e| {
        ConfigErrors(vec![Diagnostic {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: format!("cannot read config file: {e}"),
        }])
    })?;
    parse(file, &source, registry, load_plugin)
}

/// Checks and builds a config from its text (`file` is used in messages and to resolve
/// relative paths).
///
/// # Errors
/// Every problem found, each with its line.
pub fn parse(
    file: &Path,
    source: &str,
    registry: &mut Registry,
    load_plugin: &mut PluginLoader<'_>,
) -> Result<Config, ConfigErrors> {
    let mut ck = Checker {
        file,
        source,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            ck.error(span, format!("invalid TOML: {}", e.message().trim()));
            return Err(ck.finish_errors());
        }
    };
    let root = root.into_inner();
    let base = file.parent().unwrap_or(Path::new("")).to_owned();

    for (key, _) in root.iter() {
        ck.check_known(key, TOP_KEYS, "top-level table");
    }
    let mut input: InputConfig = ck.table(&root, "input", INPUT_KEYS).unwrap_or_default();
    let mut output: OutputConfig = ck.table(&root, "output", OUTPUT_KEYS).unwrap_or_default();
    let run: RunConfig = ck.table(&root, "run", RUN_KEYS).unwrap_or_default();
    if run.batch_size == 0
        && let Some((k, _)) = root.get("run").and_then(|r| find_key(r, "batch_size"))
    {
        ck.error(k.span(), "`batch_size` must be at least 1".into());
    }
    input.path = input.path.map(|p| resolve(&base, &p));
    output.path = output.path.map(|p| resolve(&base, &p));
    output.rejects = output.rejects.map(|p| resolve(&base, &p));

    let mut plugins = Vec::new();
    for entry in ck.array_of_tables(&root, "plugin") {
        if let Some(pc) = ck.typed::<PluginConfig>(entry, PLUGIN_KEYS, "[[plugin]]") {
            let path = PathBuf::from(resolve(&base, &pc.path));
            if let Err(message) = load_plugin(&path, registry) {
                let span = find_key(entry, "path").map_or(entry.span(), |(_, v)| v.span());
                ck.error(span, message);
            }
            plugins.push(path);
        }
    }

    let stages = ck.stages(&root, registry);
    ck.check_order(&stages);
    let fields = output.fields.clone().unwrap_or_default();
    ck.check_output_fields(&root, &fields, &stages);
    if let SpanText::Layers(layers) = &output.span_text {
        ck.check_span_text_layers(&root, layers, &stages);
    }

    if ck.errors.is_empty() {
        let warnings = std::mem::take(&mut ck.warnings);
        Ok(Config {
            file: file.to_owned(),
            input,
            output,
            run,
            plugins,
            stages: stages.into_iter().map(|s| s.configured).collect(),
            warnings,
        })
    } else {
        Err(ck.finish_errors())
    }
}

fn resolve(base: &Path, path: &str) -> String {
    if path == "-" || Path::new(path).is_absolute() {
        path.to_owned()
    } else {
        base.join(path).to_string_lossy().into_owned()
    }
}

type Entry<'a, 'i> = (
    &'a Spanned<toml::de::DeString<'i>>,
    &'a Spanned<DeValue<'i>>,
);

fn find_key<'a, 'i>(table: &'a Spanned<DeValue<'i>>, key: &str) -> Option<Entry<'a, 'i>> {
    match table.get_ref() {
        DeValue::Table(t) => t.get_key_value(key),
        _ => None,
    }
}

/// A stage as checked: built, with where it was declared, for order checks.
struct CheckedStage {
    configured: ConfiguredStage,
    span: Range<usize>,
}

struct Checker<'a> {
    file: &'a Path,
    source: &'a str,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn diagnostic(&self, span: Range<usize>, message: String) -> Diagnostic {
        let at = span.start.min(self.source.len());
        let at = (0..=at)
            .rev()
            .find(|&i| self.source.is_char_boundary(i))
            .unwrap_or(0);
        let before = &self.source[..at];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Diagnostic {
            file: self.file.to_owned(),
            line,
            column,
            message,
        }
    }

    fn error(&mut self, span: Range<usize>, message: String) {
        let d = self.diagnostic(span, message);
        self.errors.push(d);
    }

    fn warn(&mut self, span: Range<usize>, message: String) {
        let d = self.diagnostic(span, message);
        self.warnings.push(d);
    }

    fn finish_errors(mut self) -> ConfigErrors {
        self.errors.sort_by_key(|d| (d.line, d.column));
        ConfigErrors(self.errors)
    }

    fn check_known(&mut self, key: &Spanned<toml::de::DeString<'_>>, known: &[&str], what: &str) {
        let name: &str = key.get_ref();
        if known.contains(&name) {
            return;
        }
        let hint = match suggest(name, known.iter().copied()) {
            Some(s) => format!(" (did you mean `{s}`?)"),
            None => format!("; expected one of: {}", quoted_list(known)),
        };
        self.error(key.span(), format!("unknown key `{name}` in {what}{hint}"));
    }

    /// Deserializes `[name]` into `T` after checking its keys.
    fn table<T: DeserializeOwned>(
        &mut self,
        root: &DeTable<'_>,
        name: &str,
        keys: &[&str],
    ) -> Option<T> {
        let value = root.get(name)?;
        self.typed(value, keys, &format!("[{name}]"))
    }

    fn typed<T: DeserializeOwned>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        keys: &[&str],
        what: &str,
    ) -> Option<T> {
        let DeValue::Table(table) = value.get_ref() else {
            self.error(value.span(), format!("{what} must be a table"));
            return None;
        };
        let before = self.errors.len();
        for (key, _) in table.iter() {
            self.check_known(key, keys, what);
        }
        if self.errors.len() > before {
            return None;
        }
        match T::deserialize(ValueDeserializer::from(value.clone())) {
            Ok(v) => Some(v),
            Err(e) => {
                let span = e.span().unwrap_or(value.span());
                self.error(span, format!("in {what}: {}", e.message().trim()));
                None
            }
        }
    }

    fn array_of_tables<'v, 'i>(
        &mut self,
        root: &'v DeTable<'i>,
        name: &str,
    ) -> Vec<&'v Spanned<DeValue<'i>>> {
        match root.get(name).map(Spanned::get_ref) {
            None => Vec::new(),
            Some(DeValue::Array(items)) => items.iter().collect(),
            Some(_) => {
                let span = root.get(name).map(Spanned::span).unwrap_or(0..0);
                self.error(
                    span,
                    format!("`{name}` must be an array of tables, written [[{name}]]"),
                );
                Vec::new()
            }
        }
    }

    fn stages(&mut self, root: &DeTable<'_>, registry: &Registry) -> Vec<CheckedStage> {
        let mut out: Vec<CheckedStage> = Vec::new();
        let mut names: HashSet<String> = HashSet::new();
        for (index, entry) in self.array_of_tables(root, "stage").into_iter().enumerate() {
            let what = format!("[[stage]] #{}", index + 1);
            let DeValue::Table(table) = entry.get_ref() else {
                self.error(entry.span(), format!("{what} must be a table"));
                continue;
            };
            let Some((type_key, type_value)) = table.get_key_value("type") else {
                self.error(entry.span(), format!("{what} has no `type` key"));
                continue;
            };
            let Some(type_name) = type_value.get_ref().as_str() else {
                self.error(
                    type_value.span(),
                    format!("in {what}: `type` must be a string"),
                );
                continue;
            };
            let what = format!("[[stage]] #{} (`{type_name}`)", index + 1);
            let Some(factory) = registry.get(type_name) else {
                let hint = match registry.suggest(type_name) {
                    Some(s) => format!(" (did you mean `{s}`?)"),
                    None => String::new(),
                };
                let known: Vec<&str> = registry.iter().map(|f| f.type_name()).collect();
                self.error(
                    type_value.span(),
                    format!(
                        "unknown stage type `{type_name}`{hint}; known types: {}",
                        quoted_list(&known)
                    ),
                );
                continue;
            };
            let _ = type_key;
            let mut name = type_name.to_owned();
            let mut enabled = true;
            let mut options = toml::Table::new();
            let valid: Option<Vec<String>> = factory
                .options()
                .map(|o| o.into_iter().map(|o| o.name).collect());
            let before = self.errors.len();
            for (key, value) in table.iter() {
                let k: &str = key.get_ref();
                match k {
                    "type" => {}
                    "name" => match value.get_ref().as_str() {
                        Some(n) => name = n.to_owned(),
                        None => {
                            self.error(value.span(), format!("in {what}: `name` must be a string"))
                        }
                    },
                    "enabled" => match value.get_ref().as_bool() {
                        Some(b) => enabled = b,
                        None => self.error(
                            value.span(),
                            format!("in {what}: `enabled` must be true or false"),
                        ),
                    },
                    _ => {
                        if let Some(valid) = &valid
                            && !valid.iter().any(|v| v == k)
                        {
                            let all: Vec<&str> = valid
                                .iter()
                                .map(String::as_str)
                                .chain(STAGE_RESERVED.iter().copied())
                                .collect();
                            let hint = match suggest(k, all.iter().copied()) {
                                Some(s) => format!(" (did you mean `{s}`?)"),
                                None => format!("; valid keys: {}", quoted_list(&all)),
                            };
                            self.error(key.span(), format!("unknown key `{k}` in {what}{hint}"));
                            continue;
                        }
                        match toml::Value::deserialize(ValueDeserializer::from(value.clone())) {
                            Ok(v) => {
                                options.insert(k.to_owned(), v);
                            }
                            Err(e) => {
                                self.error(value.span(), format!("in {what}: {}", e.message()))
                            }
                        }
                    }
                }
            }
            if self.errors.len() > before || !enabled {
                continue;
            }
            if !names.insert(name.clone()) {
                self.error(
                    entry.span(),
                    format!("{what}: another stage is already named `{name}`; give this one a different `name`"),
                );
                continue;
            }
            match factory.build(&options) {
                Ok(stage) => out.push(CheckedStage {
                    configured: ConfiguredStage {
                        name,
                        stage,
                        options,
                    },
                    span: type_value.span(),
                }),
                Err(BuildError::Option { key, message }) => {
                    let span = key
                        .as_deref()
                        .and_then(|k| k.split('.').next())
                        .and_then(|k| table.get_key_value(k))
                        .map_or(entry.span(), |(_, v)| v.span());
                    let key = key.map(|k| format!(" option `{k}`:")).unwrap_or_default();
                    self.error(span, format!("in {what}:{key} {message}"));
                }
                Err(BuildError::Other(message)) => {
                    self.error(type_value.span(), format!("in {what}: {message}"))
                }
            }
        }
        out
    }

    /// Requires/produces order, one text-setting stage before any annotation, no layer
    /// produced twice.
    fn check_order(&mut self, stages: &[CheckedStage]) {
        let mut produced: Vec<(&str, &str)> = Vec::new(); // (layer, stage name)
        for (i, s) in stages.iter().enumerate() {
            let meta = s.configured.stage.meta();
            let name = &s.configured.name;
            for req in &meta.requires {
                if !produced.iter().any(|(l, _)| l == req) {
                    let later = stages[i + 1..]
                        .iter()
                        .find(|o| o.configured.stage.meta().produces.contains(req));
                    let hint = match later {
                        Some(o) => format!(
                            "; stage `{}` produces it but runs later: move it before `{name}`",
                            o.configured.name
                        ),
                        None => "; add a stage that produces it before this one".to_owned(),
                    };
                    self.error(
                        s.span.clone(),
                        format!("stage `{name}` requires layer `{req}`, which no earlier stage produces{hint}"),
                    );
                }
            }
            for read in &meta.reads {
                let later = stages[i + 1..]
                    .iter()
                    .find(|o| o.configured.stage.meta().produces.contains(read));
                if let Some(o) = later {
                    self.warn(
                        s.span.clone(),
                        format!(
                            "stage `{name}` uses layer `{read}` when present, but `{}` produces it later; `{name}` will not see it",
                            o.configured.name
                        ),
                    );
                }
            }
            if meta.sets_text && !produced.is_empty() {
                self.error(
                    s.span.clone(),
                    format!("stage `{name}` may replace the text, so it must run before every stage that annotates (`{}` runs earlier)", produced[0].1),
                );
            }
            for layer in &meta.produces {
                if let Some((_, other)) = produced.iter().find(|(l, _)| l == layer) {
                    self.error(
                        s.span.clone(),
                        format!("stage `{name}` produces layer `{layer}`, which stage `{other}` already produces"),
                    );
                } else {
                    produced.push((layer, name));
                }
            }
        }
    }

    fn check_output_fields(
        &mut self,
        root: &DeTable<'_>,
        fields: &[String],
        stages: &[CheckedStage],
    ) {
        let Some(output) = root.get("output") else {
            return;
        };
        let Some((_, list)) = find_key(output, "fields") else {
            return;
        };
        let mut known: Vec<String> = ["id", "text", "html", "input_fields"]
            .map(String::from)
            .to_vec();
        for s in stages {
            let meta = s.configured.stage.meta();
            known.extend(meta.produces.iter().cloned());
            known.extend(meta.fields.iter().cloned());
        }
        for f in fields {
            if !known.contains(f) {
                let hint = did_you_mean(f, known.iter().map(String::as_str));
                self.warn(
                    list.span(),
                    format!("output field `{f}` is not produced by any stage{hint}; it is written only when an input document has it"),
                );
            }
        }
    }

    /// A layer named in `[output] span_text` that no stage produces is an error: unlike
    /// an output field, a layer can only come from a stage, so the name is a typo.
    fn check_span_text_layers(
        &mut self,
        root: &DeTable<'_>,
        layers: &[String],
        stages: &[CheckedStage],
    ) {
        let Some((_, list)) = root.get("output").and_then(|o| find_key(o, "span_text")) else {
            return;
        };
        let produced: Vec<String> = stages
            .iter()
            .flat_map(|s| s.configured.stage.meta().produces.iter().cloned())
            .collect();
        for layer in layers {
            if !produced.contains(layer) {
                let hint = did_you_mean(layer, produced.iter().map(String::as_str));
                self.error(
                    list.span(),
                    format!("`span_text` names layer `{layer}`, which no stage produces{hint}"),
                );
            }
        }
    }
}

/// ` (did you mean `x`?)` for the candidate closest to `name`, or nothing.
fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    suggest(name, candidates)
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known_keys<T: DeserializeOwned>(keys: &[&str], sample: &str) {
        let table: toml::Table = toml::from_str(sample).unwrap();
        let got: Vec<&str> = table.keys().map(String::as_str).collect();
        assert_eq!(got, keys, "key list and sample disagree");
        T::deserialize(table).expect("every listed key is accepted");
    }

    #[test]
    fn key_lists_match_the_structs() {
        known_keys::<InputConfig>(INPUT_KEYS, "path = 'a'\nformat = 'jsonl'");
        known_keys::<OutputConfig>(
            OUTPUT_KEYS,
            "path = 'a'\nrejects = 'b'\nfields = ['id']\ninclude_html = true\nspan_text = false",
        );
        known_keys::<RunConfig>(
            RUN_KEYS,
            "threads = 2\nbatch_size = 3\nbatch_bytes = 4\nprogress = 'never'\nmax_document_bytes = 5",
        );
        known_keys::<PluginConfig>(PLUGIN_KEYS, "path = 'x.so'");
    }

    fn parse_str(src: &str) -> Result<Config, ConfigErrors> {
        let mut reg = Registry::new();
        parse(Path::new("p.toml"), src, &mut reg, &mut |_, _| Ok(()))
    }

    #[test]
    fn errors_carry_line_column_and_suggestion() {
        let src = "[input]\npath = 'x'\nfromat = 'jsonl'\n\n[outptu]\npath = '-'\n";
        let errs = parse_str(src).err().unwrap().0;
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!((errs[0].line, errs[0].column), (3, 1));
        assert!(
            errs[0]
                .message
                .contains("unknown key `fromat` in [input] (did you mean `format`?)")
        );
        assert_eq!(errs[1].line, 5);
        assert!(errs[1].message.contains("(did you mean `output`?)"));
    }

    #[test]
    fn syntax_and_type_errors_point_at_their_line() {
        let errs = parse_str("[input]\npath = \n").err().unwrap().0;
        assert_eq!(errs[0].line, 2);
        assert!(errs[0].message.starts_with("invalid TOML"));
        let errs = parse_str("[run]\nthreads = 'many'\n").err().unwrap().0;
        assert_eq!(errs[0].line, 2, "{errs:?}");
        let errs = parse_str("[input]\nformat = 'xml'\n").err().unwrap().0;
        assert_eq!(errs[0].line, 2, "{errs:?}");
        assert!(errs[0].message.contains("unknown variant"), "{errs:?}");
    }

    /// A stage type whose meta is given by its name: `p:<layer>` produces, `r:<layer>`
    /// requires, `u:<layer>` reads, `text` sets text.
    struct MetaOnly(newsmill_core::StageMeta);
    impl Stage for MetaOnly {
        fn meta(&self) -> &newsmill_core::StageMeta {
            &self.0
        }
        fn process(
            &self,
            _: &mut newsmill_core::Document,
        ) -> Result<(), newsmill_core::StageError> {
            Ok(())
        }
    }
    struct MetaFactory(&'static str);
    impl newsmill_core::StageFactory for MetaFactory {
        fn type_name(&self) -> &str {
            self.0
        }
        fn description(&self) -> &str {
            "test"
        }
        fn options(&self) -> Option<Vec<newsmill_core::OptionDoc>> {
            Some(vec![])
        }
        fn build(&self, _: &toml::Table) -> Result<Box<dyn Stage>, BuildError> {
            let mut meta = newsmill_core::StageMeta::new(self.0, "1", "test");
            for part in self.0.split('+') {
                match part.split_once(':') {
                    Some(("p", l)) => meta.produces.push(l.into()),
                    Some(("r", l)) => meta.requires.push(l.into()),
                    Some(("u", l)) => meta.reads.push(l.into()),
                    _ if part == "text" => meta.sets_text = true,
                    _ => {}
                }
            }
            Ok(Box::new(MetaOnly(meta)))
        }
    }

    fn order_errors(types: &[&'static str]) -> (Vec<String>, Vec<String>) {
        let mut reg = Registry::new();
        for t in types {
            let _ = reg.register(Box::new(MetaFactory(t)));
        }
        let src: String = types
            .iter()
            .map(|t| format!("[[stage]]\ntype = \"{t}\"\n"))
            .collect();
        match parse(Path::new("p.toml"), &src, &mut reg, &mut |_, _| Ok(())) {
            Ok(c) => (
                vec![],
                c.warnings
                    .iter()
                    .map(|w| format!("{}: {}", w.line, w.message))
                    .collect(),
            ),
            Err(e) => (
                e.0.iter()
                    .map(|d| format!("{}: {}", d.line, d.message))
                    .collect(),
                vec![],
            ),
        }
    }

    #[test]
    fn stage_order_is_checked_before_any_document_is_read() {
        let (errors, _) = order_errors(&["r:tokens+p:x", "p:tokens"]);
        assert_eq!(
            errors,
            [
                "2: stage `r:tokens+p:x` requires layer `tokens`, which no earlier stage produces; stage `p:tokens` produces it but runs later: move it before `r:tokens+p:x`"
            ]
        );
        let (errors, _) = order_errors(&["r:nothing"]);
        assert!(
            errors[0].ends_with("add a stage that produces it before this one"),
            "{errors:?}"
        );
        let (errors, _) = order_errors(&["p:a", "text+p:b"]);
        assert_eq!(
            errors,
            [
                "4: stage `text+p:b` may replace the text, so it must run before every stage that annotates (`p:a` runs earlier)"
            ]
        );
        let (errors, _) = order_errors(&["p:a", "p:a+u:z"]);
        assert_eq!(
            errors,
            ["4: stage `p:a+u:z` produces layer `a`, which stage `p:a` already produces"]
        );
        let (errors, warnings) = order_errors(&["u:a", "p:a"]);
        assert!(errors.is_empty());
        assert_eq!(
            warnings,
            [
                "2: stage `u:a` uses layer `a` when present, but `p:a` produces it later; `u:a` will not see it"
            ]
        );
        let (errors, warnings) = order_errors(&["text+p:a", "r:a+u:a"]);
        assert!(
            errors.is_empty() && warnings.is_empty(),
            "{errors:?} {warnings:?}"
        );
    }

    #[test]
    fn span_text_takes_a_switch_or_layers_that_stages_produce() {
        let mut reg = Registry::new();
        reg.register(Box::new(MetaFactory("p:quotes"))).unwrap();
        reg.register(Box::new(MetaFactory("p:blocks"))).unwrap();
        let stages = "[[stage]]\ntype = \"p:blocks\"\n\n[[stage]]\ntype = \"p:quotes\"\n";
        let mut parse_with = |output: &str| {
            let src = format!("[output]\n{output}\n\n{stages}");
            parse(Path::new("p.toml"), &src, &mut reg, &mut |_, _| Ok(()))
        };
        let span_text = |c: Result<Config, ConfigErrors>| c.unwrap().output.span_text;
        assert_eq!(span_text(parse_with("")), SpanText::All(true));
        assert_eq!(
            span_text(parse_with("span_text = false")),
            SpanText::All(false)
        );
        let only_quotes = span_text(parse_with("span_text = [\"quotes\"]"));
        assert_eq!(only_quotes, SpanText::Layers(vec!["quotes".into()]));
        assert!(only_quotes.covers("quotes") && !only_quotes.covers("blocks"));
        let errs = parse_with("span_text = [\"quotse\"]").err().unwrap().0;
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].line, 2);
        assert_eq!(
            errs[0].message,
            "`span_text` names layer `quotse`, which no stage produces (did you mean `quotes`?)"
        );
        assert!(parse_with("span_text = \"yes\"").is_err());
    }

    #[test]
    fn every_stage_problem_is_reported_at_once() {
        let mut reg = Registry::new();
        reg.register(Box::new(MetaFactory("p:a"))).unwrap();
        let src = "[[stage]]\ntype = \"p:b\"\n\n[[stage]]\ntype = \"p:a\"\nspeed = 3\n\n[[stage]]\nname = \"x\"\n";
        let errs = parse(Path::new("p.toml"), src, &mut reg, &mut |_, _| Ok(()))
            .err()
            .unwrap()
            .0;
        let lines: Vec<usize> = errs.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 6, 8], "{errs:?}");
        assert!(
            errs[0]
                .message
                .contains("unknown stage type `p:b` (did you mean `p:a`?)")
        );
        assert!(
            errs[1]
                .message
                .contains("unknown key `speed` in [[stage]] #2 (`p:a`)")
        );
        assert!(errs[2].message.contains("[[stage]] #3 has no `type` key"));
    }

    #[test]
    fn relative_paths_resolve_against_the_config_directory() {
        let mut reg = Registry::new();
        let cfg = parse(
            Path::new("conf/p.toml"),
            "[input]\npath = '../corpus'\n[output]\npath = '-'\n",
            &mut reg,
            &mut |_, _| Ok(()),
        )
        .ok()
        .unwrap();
        assert_eq!(cfg.input.path.as_deref(), Some("conf/../corpus"));
        assert_eq!(cfg.output.path.as_deref(), Some("-"));
    }
}
