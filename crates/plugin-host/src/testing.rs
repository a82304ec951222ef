//! Building plugin libraries of this workspace from tests , so
//! tests that load real plugins work on a fresh clone.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds `packages` (cdylib plugin crates of the workspace at `root`) with the cargo
/// that runs the tests, into the test binary's own target directory, and returns
/// `(package, library path)` for each dynamic library built. Cargo reports the exact
/// artifact paths in its JSON messages, so no file name is guessed.
///
/// # Panics
/// When cargo fails to build them: this is test support, and a test cannot go on.
pub fn build_plugin_libraries(root: &Path, packages: &[&str]) -> Vec<(String, PathBuf)> {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.current_dir(root)
        .args(["build", "--message-format=json-render-diagnostics"]);
    for package in packages {
        cmd.args(["-p", package]);
    }
    // The same target directory as this test binary, so nothing is built twice:
    // CARGO_TARGET_DIR when set, else the directory three levels above this
    // executable (<target>/<profile>/deps/<test>).
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
        "building the test plugins failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut libs = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        let Some(package) = msg["target"]["name"].as_str() else {
            continue;
        };
        let cdylib = msg["target"]["crate_types"]
            .as_array()
            .is_some_and(|t| t.iter().any(|k| k == "cdylib"));
        if !cdylib {
            continue;
        }
        for file in msg["filenames"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str())
        {
            if [".so", ".dylib", ".dll"]
                .iter()
                .any(|ext| file.ends_with(ext))
            {
                libs.push((package.replace('_', "-"), PathBuf::from(file)));
            }
        }
    }
    libs
}
