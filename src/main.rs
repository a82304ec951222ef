//! The `runner` binary: executes a TOML-configured newsmill pipeline.
//! All of its logic lives in the `newsmill-runner` crate.

/// Documents are built on the reader thread, worked on by rayon's threads and freed on
/// the writer thread; mimalloc keeps peak memory flat over such runs where the system
/// allocator's per-thread arenas let it creep with the corpus size.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its position in the option enum of mimalloc.h).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // Freed pages are kept instead of being given back to the OS after a second: every
    // document frees and allocates about its own size again, and pages given back were
    // mapped and zeroed anew by the kernel, a tenth of a pipeline run's time. Peak
    // memory is unchanged, since it is the working set either way.
    // SAFETY: a plain integer option, set before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    newsmill_runner::main()
}
