//! Loading `[[plugin]]` libraries into the registry.

use std::path::Path;

use newsmill_core::Registry;

/// Loads the plugin library at `path` and registers its stage types next to the
/// built-ins.
///
/// # Errors
/// A message saying why the library or one of its stage types was refused.
pub fn load_into(path: &Path, registry: &mut Registry) -> Result<(), String> {
    let factories = newsmill_plugin_host::load_plugin(path).map_err(|e| e.to_string())?;
    for factory in factories {
        registry.register(factory).map_err(|e| e.to_string())?;
    }
    Ok(())
}
