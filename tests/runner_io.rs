//! The runner binary end to end: inputs of every kind, bad documents, exit codes.
//! These use a pipeline with no stages where the stages do not matter, so they test
//! reading, rejecting and writing on their own.

mod common;

use common::{Scratch, parse_lines};
use std::io::Write;

const NO_STAGES: &str = "[input]\npath = \"in.jsonl\"\n[output]\npath = \"out/result.jsonl\"\n";

/// A JSONL input with one document of each kind of trouble, and the line each is on.
fn troubled_jsonl() -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(br#"{"id": "ok-1", "text": "The mayor said \u201cyes\u201d.", "url": "https://news.test/1"}"#);
    b.push(b'\n'); // line 1
    b.extend_from_slice(b"{\"id\": \"broken\", \"text\": \"unterminated\n"); // line 2
    b.extend_from_slice(b"\n"); // line 3: blank, not a document
    b.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9 cr\xe8me\"}\n"); // line 4
    b.extend_from_slice(b"{\"text\": \"nobody knows my id\"}\n"); // line 5
    b.extend_from_slice(b"{\"id\": \"empty\"}\n"); // line 6
    b.extend_from_slice(b"[\"an\", \"array\"]\n"); // line 7
    b.extend_from_slice(br#"{"id": 42, "text": "Numeric ids are fine.", "tags": ["a", "b"]}"#); // line 8
    b.extend_from_slice(b"\r\n");
    b.extend_from_slice(br#"{"id": "no-newline-at-end", "text": "Last."}"#); // line 9
    b
}

#[test]
fn malformed_lines_go_to_rejects_with_line_and_reason() {
    let s = Scratch::new();
    s.write("in.jsonl", troubled_jsonl());
    s.write("p.toml", NO_STAGES);
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let out = parse_lines(&s.read("out/result.jsonl"));
    let ids: Vec<&str> = out.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ok-1", "42", "no-newline-at-end"]);
    assert_eq!(out[0]["text"], "The mayor said “yes”.");
    assert_eq!(
        out[0]["url"], "https://news.test/1",
        "other fields are written back"
    );
    assert_eq!(out[1]["tags"], serde_json::json!(["a", "b"]));

    let rejects = parse_lines(&s.read("out/result.rejects.jsonl"));
    let got: Vec<(u64, &str)> = rejects
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(got[0].0, 2);
    assert!(
        got[0].1.starts_with("bad JSON: EOF while parsing a string"),
        "{}",
        got[0].1
    );
    assert_eq!(
        got[1],
        (
            4,
            "invalid UTF-8 in the line at byte 29 (bytes [e9, 20, 63, 72])"
        )
    );
    assert_eq!(got[2], (5, "missing `id`"));
    assert_eq!(got[3], (6, "missing `text` or `html`"));
    assert_eq!(got[4], (7, "bad JSON: the line is not a JSON object"));
    for r in &rejects {
        assert!(r["input"].as_str().unwrap().ends_with("in.jsonl"));
        assert!(r["stage"].is_null(), "reading failures name no stage");
    }
    assert_eq!(rejects[2]["id"], serde_json::Value::Null);
    assert_eq!(
        rejects[3]["id"], "empty",
        "the id is kept when it could be read"
    );

    assert!(
        run.stderr
            .contains("written 3, rejected 5 (read 8 = written + rejected)"),
        "{}",
        run.stderr
    );
}

#[test]
fn strict_turns_rejects_into_a_failure_but_still_writes_everything() {
    let s = Scratch::new();
    s.write("in.jsonl", troubled_jsonl());
    s.write("p.toml", NO_STAGES);
    let run = s.run(&["--config", "p.toml", "--strict"]);
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert!(run.stderr.contains("--strict: 5 document(s) rejected"));
    assert_eq!(parse_lines(&s.read("out/result.jsonl")).len(), 3);
}

#[test]
fn stdin_to_stdout_with_rejects_on_stderr() {
    let s = Scratch::new();
    s.write("p.toml", NO_STAGES);
    let input =
        b"{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
    let run = s.run_with_stdin(
        &["--config", "p.toml", "--input", "-", "--output", "-"],
        Some(input),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = run
        .json_lines()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    let reject_line = run
        .stderr
        .lines()
        .find(|l| l.starts_with('{'))
        .expect("reject on stderr");
    let reject: serde_json::Value = serde_json::from_str(reject_line).unwrap();
    assert_eq!(reject["input"], "-");
    assert_eq!(reject["line"], 2);
    assert!(
        !s.path("out").exists(),
        "nothing written to the configured file"
    );
}

#[test]
fn stdin_plain_text_is_one_document() {
    let s = Scratch::new();
    s.write("p.toml", NO_STAGES);
    let run = s.run_with_stdin(
        &["--config", "p.toml", "-i", "-", "-o", "-", "-q"],
        Some("Plain text from a pipe.\n\nSecond paragraph.\n".as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "stdin");
    assert_eq!(
        docs[0]["text"],
        "Plain text from a pipe.\n\nSecond paragraph.\n"
    );
}

#[test]
fn directory_input_reads_every_text_file_with_its_name_as_id() {
    let s = Scratch::new();
    s.write("docs/b-second.txt", "Second article.");
    s.write("docs/a-first.txt", "First article.");
    s.write("docs/nested/c-third.txt", "Third article.");
    s.write("docs/latin1.txt", b"caf\xe9\n");
    s.write("docs/README.md", "not an article");
    s.write(
        "p.toml",
        "[input]\npath = \"docs\"\n[output]\npath = \"out.jsonl\"\n",
    );
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = parse_lines(&s.read("out.jsonl"))
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a-first.txt", "b-second.txt", "nested/c-third.txt"]);
    let rejects = parse_lines(&s.read("out.rejects.jsonl"));
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["id"], "latin1.txt");
    assert_eq!(rejects[0]["line"], serde_json::Value::Null);
    assert_eq!(
        rejects[0]["reason"],
        "invalid UTF-8 in the file at byte 3 (bytes [e9, 0a])"
    );
    assert!(run.stderr.contains("skipped 1 file(s)"), "{}", run.stderr);
}

#[test]
fn gzip_input_is_read_transparently() {
    let s = Scratch::new();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(
        b"{\"id\": \"z1\", \"text\": \"Compressed.\"}\n{\"id\": \"z2\", \"text\": \"Also.\"}\n",
    )
    .unwrap();
    s.write("in.jsonl.gz", gz.finish().unwrap());
    s.write("p.toml", "[input]\npath = \"in.jsonl.gz\"\n");
    let run = s.run(&["--config", "p.toml", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = run
        .json_lines()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["z1", "z2"]);
}

#[test]
fn gzip_output_when_the_name_ends_in_gz() {
    let s = Scratch::new();
    s.write("in.jsonl", "{\"id\": \"a\", \"text\": \"One.\"}\nbad\n");
    s.write(
        "p.toml",
        "[input]\npath = \"in.jsonl\"\n[output]\npath = \"out.jsonl.gz\"\n",
    );
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let gunzip = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(std::fs::File::open(s.path(name)).unwrap()),
            &mut text,
        )
        .unwrap();
        parse_lines(&text)
    };
    assert_eq!(gunzip("out.jsonl.gz")[0]["id"], "a");
    assert_eq!(gunzip("out.rejects.jsonl.gz")[0]["line"], 2);
}

#[test]
fn many_documents_keep_input_order_across_threads_and_batches() {
    let s = Scratch::new();
    let mut input = String::new();
    for i in 0..5000 {
        // Vary the size so workers finish out of order.
        let body = "word ".repeat(1 + (i * 7919) % 300);
        input.push_str(&format!("{{\"id\": \"d{i}\", \"text\": \"{body}\"}}\n"));
    }
    s.write("in.jsonl", input);
    s.write("p.toml", NO_STAGES);
    let run = s.run(&["--config", "p.toml", "--threads", "4", "--batch-size", "64"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = parse_lines(&s.read("out/result.jsonl"));
    assert_eq!(out.len(), 5000);
    for (i, d) in out.iter().enumerate() {
        assert_eq!(d["id"], format!("d{i}"));
    }
}

#[test]
fn missing_input_and_unwritable_output_are_io_errors() {
    let s = Scratch::new();
    s.write("p.toml", NO_STAGES);
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 4);
    assert!(
        run.stderr.contains("input `") && run.stderr.contains("in.jsonl` does not exist"),
        "{}",
        run.stderr
    );

    s.write("in.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n");
    s.write("blocker", "a file where a directory should be");
    let run = s.run(&["--config", "p.toml", "--output", "blocker/out.jsonl"]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot write output `blocker/out.jsonl`"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_have_their_own_code() {
    let s = Scratch::new();
    let run = s.run(&["--no-such-flag"]);
    assert_eq!(run.code, 2);
    let run = s.run(&[]);
    assert_eq!(run.code, 2, "--config is required: {}", run.stderr);
}

#[test]
fn an_over_long_line_is_rejected_without_stopping_the_run() {
    let s = Scratch::new();
    let long = "x".repeat(3000);
    s.write(
        "in.jsonl",
        format!("{{\"id\": \"short\", \"text\": \"ok\"}}\n{{\"id\": \"long\", \"text\": \"{long}\"}}\n{{\"id\": \"after\", \"text\": \"ok\"}}\n"),
    );
    s.write(
        "p.toml",
        format!("{NO_STAGES}[run]\nmax_document_bytes = 1000\n"),
    );
    let run = s.run(&["--config", "p.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = parse_lines(&s.read("out/result.jsonl"))
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["short", "after"]);
    let rejects = parse_lines(&s.read("out/result.rejects.jsonl"));
    assert_eq!(rejects[0]["line"], 2);
    assert_eq!(
        rejects[0]["reason"],
        "line is longer than the 1000-byte limit (run.max_document_bytes)"
    );
}
