//! Config errors as users meet them: each names the file, the line and the key, and
//! suggests the right name; all of them are reported at once; exit code 3.

mod common;

use common::Scratch;

fn config_errors(toml: &str) -> (i32, Vec<String>) {
    let s = Scratch::new();
    s.write("in.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n");
    s.write("pipeline.toml", toml);
    let run = s.run(&["--config", "pipeline.toml"]);
    let errors = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .map(str::to_owned)
        .collect();
    (run.code, errors)
}

#[test]
fn a_misspelled_stage_type_is_named_with_its_line_and_a_suggestion() {
    let (code, errors) =
        config_errors("[input]\npath = \"in.jsonl\"\n\n[[stage]]\ntype = \"qoutes\"\n");
    assert_eq!(code, 3);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("error: pipeline.toml:5:8: unknown stage type `qoutes` (did you mean `quotes`?); known types: "),
        "{}",
        errors[0]
    );
}

#[test]
fn unknown_keys_are_named_with_line_and_suggestion_and_all_reported_at_once() {
    let toml = "\
[input]
path = \"in.jsonl\"
fromat = \"jsonl\"

[outptu]
path = \"out.jsonl\"

[[stage]]
type = \"quotes\"
resolve_pronoun = false
";
    let (code, errors) = config_errors(toml);
    assert_eq!(code, 3);
    assert_eq!(
        errors,
        [
            "error: pipeline.toml:3:1: unknown key `fromat` in [input] (did you mean `format`?)",
            "error: pipeline.toml:5:2: unknown key `outptu` in top-level table (did you mean `output`?)",
            "error: pipeline.toml:10:1: unknown key `resolve_pronoun` in [[stage]] #1 (`quotes`) (did you mean `resolve_pronouns`?)",
        ]
    );
}

#[test]
fn a_wrong_option_type_points_at_the_value() {
    let (code, errors) = config_errors(
        "[input]\npath = \"in.jsonl\"\n[[stage]]\ntype = \"quotes\"\nmin_unattributed_words = \"six\"\n",
    );
    assert_eq!(code, 3);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("error: pipeline.toml:5:26: in [[stage]] #1 (`quotes`): option `min_unattributed_words`: invalid type: string \"six\""),
        "{}",
        errors[0]
    );
}

#[test]
fn bad_toml_names_the_line() {
    let (code, errors) =
        config_errors("[input]\npath = \"in.jsonl\n[[stage]]\ntype = \"quotes\"\n");
    assert_eq!(code, 3);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("error: pipeline.toml:2:"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("invalid TOML"), "{}", errors[0]);
}

#[test]
fn a_missing_config_file_is_a_config_error() {
    let s = Scratch::new();
    let run = s.run(&["--config", "nope.toml"]);
    assert_eq!(run.code, 3);
    assert!(
        run.stderr
            .contains("nope.toml:1:1: cannot read config file"),
        "{}",
        run.stderr
    );
}

#[test]
fn two_stages_with_the_same_name_are_refused() {
    let (code, errors) = config_errors(
        "[input]\npath = \"in.jsonl\"\n[[stage]]\ntype = \"quotes\"\n[[stage]]\ntype = \"quotes\"\n",
    );
    assert_eq!(code, 3);
    assert!(
        errors[0].contains("another stage is already named `quotes`"),
        "{errors:?}"
    );
}

#[test]
fn list_stages_shows_each_type_with_description_and_options() {
    let s = Scratch::new();
    let run = s.run(&["--list-stages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    {
        let stage = "quotes";
        assert!(
            run.stdout.contains(&format!("{stage} (built-in)\n")),
            "{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains("    resolve_pronouns = true"),
        "{}",
        run.stdout
    );
}

#[test]
fn check_prints_the_resolved_pipeline_without_running_it() {
    let s = Scratch::new();
    s.write("in.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n");
    s.write(
        "conf/pipeline.toml",
        "[input]\npath = \"../in.jsonl\"\n[output]\npath = \"../out/r.jsonl\"\n[[stage]]\ntype = \"quotes\"\nname = \"q\"\nresolve_pronouns = false\n",
    );
    let run = s.run(&["--config", "conf/pipeline.toml", "--check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("output:  conf/../out/r.jsonl"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("rejects: conf/../out/r.rejects.jsonl"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1. q (type quotes"), "{}", run.stdout);
    assert!(
        run.stdout.contains("resolve_pronouns = false"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("config ok"));
    assert!(!s.path("out").exists(), "--check writes nothing");
}
