//! Loads real plugin libraries built from this workspace: the dateline plugin, a plugin
//! that panics, and one that claims a wrong ABI version.
//!
//! The libraries are built by the test itself with the cargo that runs it (`cargo build
//! -p ...`, same target directory), so the tests work on a fresh clone and after any
//! `cargo test` invocation; cargo reports the exact artifact paths in its JSON messages.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use newsmill_core::testing::{assert_compliant, assert_survives_hostile_input, sample_documents};
use newsmill_core::{BuildError, Document, FactoryOrigin, Stage, StageFactory, Value};
use newsmill_plugin_host::testing::build_plugin_libraries;
use newsmill_plugin_host::{LoadError, load_plugin, loaded_libraries};

const DATELINE: &str = "newsmill-plugin-dateline";
const PANICKY: &str = "newsmill-testkit-panicky";
const WRONG_ABI: &str = "newsmill-testkit-wrong-abi";

/// Builds the three plugin crates once per test binary; returns `(package, library)`.
fn plugins() -> &'static [(String, PathBuf)] {
    static BUILT: OnceLock<Vec<(String, PathBuf)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        // crates/plugin-host → the workspace root.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .nth(2)
            .expect("workspace root");
        build_plugin_libraries(root, &[DATELINE, PANICKY, WRONG_ABI])
    })
}

fn library(package: &str) -> &'static Path {
    plugins()
        .iter()
        .find(|(p, _)| p == package)
        .map(|(_, path)| path.as_path())
        .unwrap_or_else(|| panic!("no library built for {package}: {:?}", plugins()))
}

fn load_one(package: &str) -> Box<dyn StageFactory> {
    let mut factories = load_plugin(library(package)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(factories.len(), 1);
    factories.pop().unwrap()
}

fn news_documents() -> Vec<Document> {
    let body = "Port officials said on Monday that the new container terminal would open next spring, two years later than planned.";
    vec![
        Document::from_text(
            "wire",
            format!(
                "Harbour strike ends\n\nBy Lena Fisk and Tomas Berg\n\nVALMORA, Oct. 2 (Reuters) - {body}\n\nDockers leave the terminal. (Photo by Ana Ortiz/AFP via Getty Images)"
            ),
        ),
        Document::from_text(
            "standalone",
            format!("ISTANBUL\n\n{body}\n\nSource - Official website of the harbour authority"),
        ),
        Document::from_text("plain", body),
    ]
}

#[test]
fn the_dateline_plugin_loads_and_is_compliant() {
    let factory = load_one(DATELINE);
    assert_eq!(factory.type_name(), "dateline");
    assert_eq!(
        factory.origin(),
        FactoryOrigin::Plugin(library(DATELINE).to_owned())
    );
    let options = factory.options().unwrap();
    let names: Vec<&str> = options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["kinds", "keep_in_removed", "extra_agencies"]);
    assert_eq!(options[1].default, r#"["metadata", "caption"]"#);

    let stage = factory.build(&toml::Table::new()).unwrap();
    assert_eq!(stage.meta().produces, ["datelines"]);
    assert_eq!(stage.meta().reads, ["boilerplate"]);
    let docs: Vec<Document> = sample_documents()
        .into_iter()
        .chain(news_documents())
        .collect();
    assert_compliant(stage.as_ref(), docs);
    assert_survives_hostile_input(stage.as_ref(), 48);
}

#[test]
fn the_plugin_annotates_exactly_like_the_compiled_in_stage() {
    let table: toml::Table = toml::from_str("kinds = [\"dateline\", \"credit\"]").unwrap();
    let loaded = load_one(DATELINE).build(&table).unwrap();
    let builtin = newsmill_plugin_dateline::factory().build(&table).unwrap();
    for doc in news_documents() {
        let (mut a, mut b) = (doc.clone(), doc);
        loaded.process(&mut a).unwrap();
        builtin.process(&mut b).unwrap();
        assert_eq!(a, b);
    }
    let mut doc = news_documents().remove(0);
    loaded.process(&mut doc).unwrap();
    let spans = doc.layer("datelines").unwrap();
    let covered: Vec<&str> = spans.iter().map(|s| &doc.text()[s.range()]).collect();
    assert_eq!(
        covered,
        [
            "VALMORA, Oct. 2 (Reuters) -",
            "(Photo by Ana Ortiz/AFP via Getty Images)"
        ]
    );
    assert_eq!(spans[0].attr("place"), Some(&Value::from("VALMORA")));
    assert_eq!(spans[0].attr("date"), Some(&Value::from("Oct. 2")));
    assert_eq!(
        spans[1].attr("names"),
        Some(&Value::List(vec![Value::from("Ana Ortiz")]))
    );
    assert_eq!(
        spans[1].attr("agency"),
        Some(&Value::from("AFP via Getty Images"))
    );
}

#[test]
fn plugin_options_are_checked_like_built_in_ones() {
    let factory = load_one(DATELINE);
    let table: toml::Table = toml::from_str("kind = [\"byline\"]").unwrap();
    match factory.build(&table).err().unwrap() {
        BuildError::Option { key, message } => {
            assert_eq!(key.as_deref(), Some("kind"));
            assert!(message.contains("did you mean `kinds`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let table: toml::Table = toml::from_str("kinds = [\"headline\"]").unwrap();
    match factory.build(&table).err().unwrap() {
        BuildError::Option { key, message } => {
            assert_eq!(key.as_deref(), Some("kinds[0]"));
            assert!(message.contains("unknown variant `headline`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_panic_in_a_plugin_rejects_that_document_only() {
    let stage = load_one(PANICKY).build(&toml::Table::new()).unwrap();
    let mut bad = Document::from_text("doc-7", "please PANIC now!");
    let err = stage.process(&mut bad).unwrap_err().to_string();
    assert!(err.contains("panicked"), "{err}");
    assert!(
        err.contains("testkit-panicky was asked to panic on `doc-7`"),
        "{err}"
    );
    assert!(bad.layer("marks").is_none());

    let mut refused = Document::from_text("doc-8", "REFUSE me");
    let err = stage.process(&mut refused).unwrap_err().to_string();
    assert!(err.contains("refuses this document"), "{err}");

    // The plugin keeps working after the panic.
    let mut good = Document::from_text("doc-9", "Hello! World!");
    stage.process(&mut good).unwrap();
    assert_eq!(good.layer("marks").unwrap().len(), 2);
    // The harness accepts errors: a refused document is not a contract breach.
    assert_compliant(stage.as_ref(), [bad, good]);
}

#[test]
fn a_wrong_abi_version_is_refused_with_both_versions() {
    let err = load_plugin(library(WRONG_ABI)).err().unwrap();
    assert!(
        matches!(err, LoadError::AbiVersion { found: 99, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("ABI version 99"), "{message}");
    let accepted = format!(
        "accepts versions {} to {}",
        newsmill_plugin_abi::MIN_ABI_VERSION,
        newsmill_plugin_abi::ABI_VERSION
    );
    assert!(message.contains(&accepted), "{message}");
}

#[test]
fn missing_files_libraries_and_symbols_are_clear_errors() {
    let missing = Path::new("/nonexistent/dir/libnewsmill_plugin_nothing.so");
    let err = load_plugin(missing).err().unwrap();
    assert!(matches!(err, LoadError::NotFound { .. }));
    assert!(
        err.to_string()
            .contains("libnewsmill_plugin_nothing.so` not found"),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("libjunk.so");
    std::fs::write(&junk, "not a library").unwrap();
    let err = load_plugin(&junk).err().unwrap();
    assert!(matches!(err, LoadError::NotALibrary { .. }), "{err:?}");

    // A real library without the entry point: the dateline plugin under another name,
    // so the SDK's crate-named symbol is not where the host looks.
    let renamed = dir.path().join("librenamed_plugin.so");
    std::fs::copy(library(DATELINE), &renamed).unwrap();
    let err = load_plugin(&renamed).err().unwrap();
    assert!(matches!(err, LoadError::MissingSymbol { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("`newsmill_plugin_v1`"), "{message}");
    assert!(
        message.contains("`newsmill_plugin_v1_renamed_plugin`"),
        "{message}"
    );
}

#[test]
fn loading_twice_reuses_the_library_which_stays_loaded() {
    let a = load_one(DATELINE);
    let b = load_one(DATELINE);
    let stage = a.build(&toml::Table::new()).unwrap();
    drop(a);
    drop(b);
    // Factories gone; the stage still runs (it holds the library, as does the
    // process-wide list).
    let mut doc = Document::from_text("d", "By Jane Doe and John Roe");
    stage.process(&mut doc).unwrap();
    assert_eq!(doc.layer("datelines").unwrap().len(), 1);
    let canonical = std::fs::canonicalize(library(DATELINE)).unwrap();
    assert_eq!(
        loaded_libraries()
            .iter()
            .filter(|p| **p == canonical)
            .count(),
        1
    );
}

#[test]
fn plugin_stages_run_concurrently() {
    let stage: Box<dyn Stage> = load_one(DATELINE).build(&toml::Table::new()).unwrap();
    std::thread::scope(|s| {
        for t in 0..4 {
            let stage = &stage;
            s.spawn(move || {
                for i in 0..25 {
                    let mut doc = Document::from_text(
                        format!("{t}-{i}"),
                        "MOSCOW (Reuters) — Talks resumed.",
                    );
                    stage.process(&mut doc).unwrap();
                    assert_eq!(doc.layer("datelines").unwrap().len(), 1);
                }
            });
        }
    });
}
