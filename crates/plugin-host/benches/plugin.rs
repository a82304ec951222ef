//! The cost of running a stage as a loaded plugin instead of compiled in: the dateline
//! stage both ways over the same generated articles (group `plugin/overhead`).
//!
//! The plugin library is built by the bench itself (`cargo build --release -p
//! newsmill-plugin-dateline`, same target directory), so the comparison is between two
//! optimized builds of the same code.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsmill_core::Document;

/// A news article of about 3 KB with a byline, a dateline, quotes, numbers and a
/// captioned photo, varied by `i`.
fn article(i: usize) -> String {
    let places = [
        "MOSCOW",
        "WASHINGTON, Aug. 14",
        "KYIV, Ukraine",
        "VALMORA",
        "NEW DELHI",
    ];
    let agencies = ["Reuters", "AP", "AFP", "TASS", "PTI"];
    let mut text = format!(
        "Harbour authority expects record cargo year {i}\n\nBy Lena Fisk and Tomas Berg\n\n\
         {} ({}) — The port handled nearly {}.2 million containers in the first half, up {}% on \
         last year, the harbour authority said on Tuesday.\n\n",
        places[i % places.len()],
        agencies[i % agencies.len()],
        i % 9 + 1,
        i % 13 + 2,
    );
    for p in 0..6 {
        text.push_str(&format!(
            "“We are running out of quay space,” said director Ana Ortiz, adding that ships now \
             wait {p} days on average and that the expansion would cost about €{}50 million. \
             Dockers, who ended a nine-day strike in March, say shifts have grown longer (see \
             chart) and that overtime is paid late, sometimes by weeks.\n\n",
            p + i % 7
        ));
        if p == 2 {
            text.push_str(
                "Cranes unload a ship at dawn. (Photo by Ana Ortiz/AFP via Getty Images)\n\n",
            );
        }
    }
    text.push_str("Source - Official website of the Valmora harbour authority\n\nReporting by Lena Fisk; Editing by Mark Hale");
    text
}

/// Builds the dateline cdylib in release mode and returns its path.
fn build_plugin() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("workspace root");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.current_dir(root).args([
        "build",
        "--release",
        "-p",
        "newsmill-plugin-dateline",
        "--message-format=json-render-diagnostics",
    ]);
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            Some(exe.parent()?.parent()?.parent()?.to_owned())
        });
    if let Some(dir) = target_dir {
        cmd.arg("--target-dir").arg(dir);
    }
    let output = cmd.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|m| {
            m["reason"] == "compiler-artifact" && m["target"]["name"] == "newsmill_plugin_dateline"
        })
        .flat_map(|m| {
            m["filenames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.as_str().map(PathBuf::from))
                .collect::<Vec<_>>()
        })
        .find(|f| {
            f.extension()
                .is_some_and(|e| e == "so" || e == "dylib" || e == "dll")
        })
        .expect("cargo reported the cdylib")
}

fn overhead(c: &mut Criterion) {
    let docs: Vec<Document> = (0..64)
        .map(|i| Document::from_text(format!("a{i}"), article(i)))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let options = toml::Table::new();
    let compiled_in = newsmill_plugin_dateline::factory().build(&options).unwrap();
    let path = build_plugin();
    let loaded = newsmill_plugin_host::load_plugin(&path)
        .unwrap()
        .remove(0)
        .build(&options)
        .unwrap();

    // Same output both ways, or the comparison means nothing.
    for doc in &docs {
        let (mut a, mut b) = (doc.clone(), doc.clone());
        compiled_in.process(&mut a).unwrap();
        loaded.process(&mut b).unwrap();
        assert_eq!(a, b);
        let found: Vec<&str> = a
            .layer("datelines")
            .unwrap()
            .iter()
            .map(|s| &a.text()[s.range()])
            .collect();
        assert_eq!(found.len(), 5, "{found:?}");
    }

    let mut group = c.benchmark_group("plugin/overhead");
    group.throughput(Throughput::Bytes(bytes as u64));
    for (name, stage) in [("compiled_in", &compiled_in), ("loaded_plugin", &loaded)] {
        group.bench_function(name, |b| {
            b.iter_batched_ref(
                || docs.clone(),
                |docs| {
                    for doc in docs.iter_mut() {
                        stage.process(doc).unwrap();
                    }
                },
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, overhead);
criterion_main!(benches);
