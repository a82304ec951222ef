//! Plugins through the runner binary: a real plugin built from `plugins/`, loaded with
//! `[[plugin]]`, listed, run and checked; a plugin that panics costs one document; a
//! plugin built for another ABI version is refused with both versions named.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::{Scratch, repo_root};
use newsmill_plugin_host::testing::build_plugin_libraries;

fn library(package: &str) -> PathBuf {
    static BUILT: OnceLock<Vec<(String, PathBuf)>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        build_plugin_libraries(
            &repo_root(),
            &[
                "newsmill-plugin-dateline",
                "newsmill-testkit-panicky",
                "newsmill-testkit-wrong-abi",
            ],
        )
    });
    built
        .iter()
        .find(|(p, _)| p == package)
        .map(|(_, path)| path.clone())
        .unwrap_or_else(|| panic!("{package} was not built: {built:?}"))
}

fn config(plugin: &str, stage: &str) -> String {
    format!(
        "[input]\npath = \"in.jsonl\"\n[output]\npath = \"out.jsonl\"\n\n[[plugin]]\npath = {:?}\n\n[[stage]]\ntype = \"{stage}\"\n",
        library(plugin).to_string_lossy()
    )
}

#[test]
fn the_dateline_plugin_runs_in_the_pipeline_and_annotates() {
    let s = Scratch::new();
    let text = "PORT ALDEN (Coastal Press) — The ferry strike ended on Tuesday after 12 days, the union said.\n\nBy Mira Castellano\n\nTalks will resume in March.";
    s.write(
        "in.jsonl",
        serde_json::json!({"id": "ferry", "text": text}).to_string() + "\n",
    );
    s.write("p.toml", config("newsmill-plugin-dateline", "dateline"));

    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = common::parse_lines(&s.read("out.jsonl"));
    let spans = out[0]["datelines"].as_array().expect("datelines layer");
    let kinds: Vec<(&str, &str)> = spans
        .iter()
        .map(|s| (s["kind"].as_str().unwrap(), s["text"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds[0].0, "dateline");
    assert!(
        kinds[0].1.starts_with("PORT ALDEN (Coastal Press)"),
        "{kinds:?}"
    );
    assert_eq!(spans[0]["place"], "PORT ALDEN");
    assert_eq!(spans[0]["agency"], "Coastal Press");
    let byline = spans
        .iter()
        .find(|s| s["kind"] == "byline")
        .expect("a byline");
    assert_eq!(byline["names"], serde_json::json!(["Mira Castellano"]));

    let listed = s.run(&["--config", "p.toml", "--list-stages"]);
    assert_eq!(listed.code, 0);
    assert!(
        listed.stdout.contains("dateline (plugin "),
        "{}",
        listed.stdout
    );
    assert!(listed.stdout.contains("quotes (built-in)"));
}

#[test]
fn a_panicking_plugin_costs_only_the_document_it_panics_on() {
    let s = Scratch::new();
    s.write(
        "in.jsonl",
        "{\"id\": \"a\", \"text\": \"Calm!\"}\n{\"id\": \"b\", \"text\": \"PANIC now\"}\n{\"id\": \"c\", \"text\": \"REFUSE this\"}\n{\"id\": \"d\", \"text\": \"Still fine!\"}\n",
    );
    s.write(
        "p.toml",
        config("newsmill-testkit-panicky", "testkit-panicky"),
    );
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = common::parse_lines(&s.read("out.jsonl"))
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "d"]);
    let rejects = common::parse_lines(&s.read("out.rejects.jsonl"));
    assert_eq!(rejects.len(), 2);
    assert_eq!(rejects[0]["id"], "b");
    assert_eq!(rejects[0]["line"], 2);
    assert_eq!(rejects[0]["stage"], "testkit-panicky");
    let reason = rejects[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("panic") && reason.contains("asked to panic on `b`"),
        "{reason}"
    );
    assert_eq!(rejects[1]["id"], "c");
    assert!(
        rejects[1]["reason"]
            .as_str()
            .unwrap()
            .contains("refuses this document")
    );
    assert!(
        run.stderr
            .contains("written 2, rejected 2 (read 4 = written + rejected)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_plugin_built_for_another_abi_is_refused_with_both_versions() {
    let s = Scratch::new();
    s.write("in.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n");
    s.write("p.toml", config("newsmill-testkit-wrong-abi", "anything"));
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: p.toml:7:8: plugin `"), "{first}");
    assert!(
        first.contains("uses plugin ABI version 99, but this runner accepts versions 1 to 1"),
        "{first}"
    );
}

#[test]
fn a_missing_plugin_file_is_a_config_error_at_its_line() {
    let s = Scratch::new();
    s.write("in.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n");
    s.write(
        "p.toml",
        "[input]\npath = \"in.jsonl\"\n\n[[plugin]]\npath = \"plugins/libnothing.so\"\n",
    );
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("p.toml:5:8: plugin `"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("libnothing.so` not found: no such file"),
        "{}",
        run.stderr
    );
}
