//! The `runner` binary: executes a TOML-configured newsmill pipeline.
//! All of its logic lives in the `newsmill-runner` crate.

fn main() -> std::process::ExitCode {
    newsmill_runner::main()
}
