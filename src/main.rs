//! The `runner` binary: executes a TOML-configured newsmill pipeline.
//! All of its logic lives in the `newsmill-runner` crate.

/// Documents are built on the reader thread, worked on by rayon's threads and freed on
/// the writer thread; mimalloc keeps peak memory flat over such runs where the system
/// allocator's per-thread arenas let it creep with the corpus size.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    newsmill_runner::main()
}
