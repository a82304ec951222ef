//! The newsmill runner (under construction).

/// Entry point of the `runner` binary.
pub fn main() -> std::process::ExitCode {
    std::process::ExitCode::SUCCESS
}
