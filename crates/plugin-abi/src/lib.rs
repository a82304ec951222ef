//! The C ABI between the newsmill runner and stage plugins loaded at run time.
