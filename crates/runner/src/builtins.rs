//! The stage types compiled into the runner. Adding a built-in stage is one line here
//! (plus the dependency in this crate's Cargo.toml).

use newsmill_core::{Registry, RegistryError};

/// Registers every compiled-in stage type.
///
/// # Errors
/// [`RegistryError::Duplicate`] if two stages claim the same type name.
pub fn register_builtins(registry: &mut Registry) -> Result<(), RegistryError> {
    registry.register(newsmill_boilerplate::factory())?;
    registry.register(newsmill_quotes::factory())?;
    registry.register(newsmill_numbers::factory())?;
    Ok(())
}
