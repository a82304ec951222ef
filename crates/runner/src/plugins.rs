//! Loading `[[plugin]]` libraries into the registry.

use std::path::Path;

use newsmill_core::Registry;

/// Loads the plugin library at `path` and registers its stage types.
///
/// # Errors
/// A message saying why the library was refused.
pub fn load_into(path: &Path, registry: &mut Registry) -> Result<(), String> {
    let _ = registry;
    Err(format!(
        "cannot load plugin `{}`: plugin loading is not built into this runner yet",
        path.display()
    ))
}
