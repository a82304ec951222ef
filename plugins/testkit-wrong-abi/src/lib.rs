//! Test plugin: exports a descriptor claiming ABI version 99, which no host accepts.
//! The host must refuse it before reading anything past the version.

#![deny(missing_docs)]

use newsmill_plugin_abi::{PluginDescriptor, Str, StrList};

/// The ABI version this plugin claims.
pub const CLAIMED_ABI_VERSION: u32 = 99;

static DESCRIPTOR: PluginDescriptor = PluginDescriptor {
    abi_version: CLAIMED_ABI_VERSION,
    struct_size: size_of::<PluginDescriptor>() as u32,
    flags: 0,
    name: Str::new("wrong-abi"),
    version: Str::new("0.0.0"),
    description: Str::new("claims a future ABI"),
    produces: StrList::EMPTY,
    requires: StrList::EMPTY,
    reads: StrList::EMPTY,
    fields: StrList::EMPTY,
    options_json: Str::EMPTY,
    create: None,
    process: None,
    destroy: None,
};

/// The plain entry point, as a plugin written in C would export it.
#[unsafe(no_mangle)]
pub extern "C" fn newsmill_plugin_v1() -> *const PluginDescriptor {
    &DESCRIPTOR
}
