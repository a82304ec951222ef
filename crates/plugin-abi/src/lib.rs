//! The C ABI between the newsmill runner and stage plugins loaded at run time.
//!
//! A plugin is a dynamic library (a Rust `cdylib`, or C/C++) that exports one symbol,
//! [`ENTRY_SYMBOL`] (`newsmill_plugin_v1`), an `extern "C"` function returning a pointer
//! to a static [`PluginDescriptor`]. Everything that crosses the boundary is defined
//! here: `repr(C)` structs, integer constants and `extern "C"` function pointers. No
//! Rust-only type (`String`, `Vec`, `Box`, trait objects, `Result`) ever crosses, so the
//! plugin and the runner may be built by different compilers, with different flags,
//! allocators or even languages.
//!
//! # Design (tree-sitter / dora style)
//!
//! - **Versioning.** [`PluginDescriptor::abi_version`] is the first field; the host
//!   accepts any version in [`MIN_ABI_VERSION`]`..=`[`ABI_VERSION`]. New versions may only
//!   *append* fields to the descriptor; [`PluginDescriptor::struct_size`] says how many
//!   bytes the plugin's descriptor really has, so an older plugin is read only as far as
//!   it goes.
//! - **Ownership.** The plugin creates and frees its own instance (`create` /
//!   `destroy`). Inputs are *lent* by the host for the duration of one call
//!   ([`DocView`]); outputs go back through host callbacks ([`HostSink`]) that copy what
//!   they receive, so no allocation is ever freed by the side that did not make it.
//! - **Errors and panics.** `create` reports failures through an [`ErrorSink`];
//!   `process` returns a [`Status`]. A plugin must never unwind out of an entry point
//!   (since Rust 1.81 that aborts the process): the SDK wraps each one in
//!   `catch_unwind`.
//! - **Threads.** [`FLAG_THREAD_SAFE`] declares that `process` may run concurrently on
//!   one instance; without it the host serializes calls. Whatever the flag, an instance
//!   must not be tied to the thread that created it: the host may call `process` and
//!   `destroy` from any thread.
//! - **Lifetime.** The host never unloads a library during a run, so the descriptor,
//!   its strings and its function pointers must stay valid as long as the library is
//!   loaded (statics do).
//!
//! # Strings
//!
//! Every string is a [`Str`]: pointer plus length in bytes, UTF-8, not NUL-terminated.
//! A null pointer is allowed only with length 0.

#![no_std]
#![deny(missing_docs)]

use core::ffi::c_void;

/// The ABI version this crate describes: the newest one the host understands.
pub const ABI_VERSION: u32 = 1;

/// The oldest ABI version the host still accepts.
pub const MIN_ABI_VERSION: u32 = 1;

/// Name of the symbol every plugin exports, NUL-terminated for `dlsym`.
pub const ENTRY_SYMBOL: &[u8] = b"newsmill_plugin_v1\0";

/// [`ENTRY_SYMBOL`] without its NUL, for messages.
pub const ENTRY_SYMBOL_NAME: &str = "newsmill_plugin_v1";

/// Descriptor flag: `process` may be called concurrently on one instance from several
/// threads. Without it the host holds a lock around every call.
pub const FLAG_THREAD_SAFE: u64 = 1;

/// The type of the exported entry point. It returns a pointer to a descriptor that
/// lives as long as the library, or null when the plugin cannot describe itself.
pub type EntryFn = unsafe extern "C" fn() -> *const PluginDescriptor;

/// Borrowed UTF-8 bytes: pointer plus length, not NUL-terminated.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Str {
    /// First byte; may be null only when `len` is 0.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

// A `Str` is a view of immutable bytes; descriptors hold them in statics, which must be
// `Sync`. Whoever builds one promises the bytes outlive every reader.
unsafe impl Sync for Str {}
unsafe impl Send for Str {}

impl Str {
    /// The empty string.
    pub const EMPTY: Str = Str {
        ptr: core::ptr::null(),
        len: 0,
    };

    /// A view of a string; valid as long as `s` is.
    pub const fn new(s: &str) -> Str {
        Str {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// The bytes viewed, or `None` when the pointer is null with a non-zero length.
    ///
    /// # Safety
    /// `ptr` must point to `len` readable bytes that stay valid and unchanged for `'a`.
    pub unsafe fn as_bytes<'a>(self) -> Option<&'a [u8]> {
        if self.len == 0 {
            Some(&[])
        } else if self.ptr.is_null() {
            None
        } else {
            // SAFETY: non-null, and the caller vouches for `len` readable bytes.
            Some(unsafe { core::slice::from_raw_parts(self.ptr, self.len) })
        }
    }

    /// The string viewed, or `None` when it is not valid UTF-8 (or null with a length).
    ///
    /// # Safety
    /// As for [`Str::as_bytes`].
    pub unsafe fn as_str<'a>(self) -> Option<&'a str> {
        // SAFETY: forwarded to the caller.
        unsafe { self.as_bytes() }.and_then(|b| core::str::from_utf8(b).ok())
    }
}

/// A borrowed array of strings: pointer plus count.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct StrList {
    /// First element; may be null only when `len` is 0.
    pub ptr: *const Str,
    /// Number of elements.
    pub len: usize,
}

unsafe impl Sync for StrList {}
unsafe impl Send for StrList {}

impl StrList {
    /// The empty list.
    pub const EMPTY: StrList = StrList {
        ptr: core::ptr::null(),
        len: 0,
    };

    /// A view of a slice of strings; valid as long as `items` is.
    pub const fn new(items: &[Str]) -> StrList {
        StrList {
            ptr: items.as_ptr(),
            len: items.len(),
        }
    }

    /// The elements, or `None` when the pointer is null with a non-zero length.
    ///
    /// # Safety
    /// `ptr` must point to `len` initialized elements valid for `'a`.
    pub unsafe fn as_slice<'a>(self) -> Option<&'a [Str]> {
        if self.len == 0 {
            Some(&[])
        } else if self.ptr.is_null() {
            None
        } else {
            // SAFETY: non-null, and the caller vouches for `len` elements.
            Some(unsafe { core::slice::from_raw_parts(self.ptr, self.len) })
        }
    }
}

/// The outcome of a `process` call.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status(pub i32);

impl Status {
    /// The document was processed; what was sent through the [`HostSink`] stands.
    pub const OK: Status = Status(0);
    /// The plugin refused this document (it has reported why through
    /// [`HostSink::report_error`]); the host discards everything sent for it.
    pub const ERROR: Status = Status(1);
    /// The plugin's code panicked (or hit another internal bug) and the panic was
    /// caught at the boundary; the message was reported through the sink.
    pub const PANIC: Status = Status(2);
    /// The plugin was called with arguments it cannot use (null pointers...).
    pub const INVALID_ARGUMENT: Status = Status(3);
}

/// What kind of value an [`AttrValue`] holds.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueKind(pub u32);

impl ValueKind {
    /// No value (`null`).
    pub const NULL: ValueKind = ValueKind(0);
    /// A boolean in [`AttrValue::int`] (0 or 1).
    pub const BOOL: ValueKind = ValueKind(1);
    /// An integer in [`AttrValue::int`].
    pub const INT: ValueKind = ValueKind(2);
    /// A real number in [`AttrValue::float`].
    pub const FLOAT: ValueKind = ValueKind(3);
    /// A string in [`AttrValue::str`].
    pub const STR: ValueKind = ValueKind(4);
    /// A byte range of the text: [`AttrValue::start`]..[`AttrValue::end`].
    pub const RANGE: ValueKind = ValueKind(5);
    /// A list: [`AttrValue::items`] points to [`AttrValue::len`] values.
    pub const LIST: ValueKind = ValueKind(6);
}

/// A typed attribute value, lent for one call. Only the fields that [`AttrValue::kind`]
/// names are meaningful; the others should be zero. (A plain struct rather than a
/// union, so reading the wrong field is merely meaningless, never undefined.)
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct AttrValue {
    /// Which fields hold the value.
    pub kind: ValueKind,
    /// Range start (for [`ValueKind::RANGE`]).
    pub start: u32,
    /// Range end (for [`ValueKind::RANGE`]).
    pub end: u32,
    /// Integer or boolean value.
    pub int: i64,
    /// Real value.
    pub float: f64,
    /// String value.
    pub str: Str,
    /// List elements (for [`ValueKind::LIST`]); may be null only when `len` is 0.
    pub items: *const AttrValue,
    /// Number of list elements.
    pub len: usize,
}

impl AttrValue {
    /// The null value.
    pub const NULL: AttrValue = AttrValue {
        kind: ValueKind::NULL,
        start: 0,
        end: 0,
        int: 0,
        float: 0.0,
        str: Str::EMPTY,
        items: core::ptr::null(),
        len: 0,
    };
}

/// One attribute of a lent span.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct AttrView {
    /// Attribute name.
    pub key: Str,
    /// Attribute value.
    pub value: AttrValue,
}

/// One span of a lent layer.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SpanView {
    /// Start byte offset into [`DocView::text`].
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
    /// The span's attributes; may be null only when `attr_count` is 0.
    pub attrs: *const AttrView,
    /// Number of attributes.
    pub attr_count: usize,
}

/// One layer of the document, lent to the plugin.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct LayerView {
    /// Layer name.
    pub name: Str,
    /// Spans sorted by `(start, end)`; may be null only when `span_count` is 0.
    pub spans: *const SpanView,
    /// Number of spans.
    pub span_count: usize,
}

/// The document as lent to `process`: valid only for the duration of that call.
///
/// The host lends the layers the plugin declared in `requires` and `reads` (those
/// present in the document), nothing else.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct DocView {
    /// Size of this struct as the host built it, so fields can be appended later.
    pub struct_size: u32,
    /// The document's identifier.
    pub id: Str,
    /// The document's text; every offset refers to it.
    pub text: Str,
    /// The lent layers; may be null only when `layer_count` is 0.
    pub layers: *const LayerView,
    /// Number of lent layers.
    pub layer_count: usize,
}

/// Host callbacks through which a plugin reports why `create` failed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ErrorSink {
    /// Host context; pass it back unchanged.
    pub ctx: *mut c_void,
    /// Reports a configuration error: `key` is the dotted path of the offending option
    /// (empty when the error is not about one option), `message` says what is wrong.
    pub report: unsafe extern "C" fn(ctx: *mut c_void, key: Str, message: Str),
}

/// Host callbacks through which a plugin returns its results from `process`. The host
/// copies everything it receives; the plugin may free or reuse its buffers as soon as
/// a callback returns. Call them only from the thread running `process`, before it
/// returns; the sink is invalid afterwards. Every callback returns [`Status::OK`] or
/// [`Status::INVALID_ARGUMENT`] (undeclared layer or field, bad UTF-8, an attribute
/// before any span...); after an invalid call the host rejects the document whatever
/// `process` returns, so a plugin may simply ignore these statuses.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HostSink {
    /// Host context; pass it back unchanged.
    pub ctx: *mut c_void,
    /// Starts layer `name` (one the plugin declared in `produces`), replacing any spans
    /// sent for it earlier in this call. Later spans go to this layer.
    pub begin_layer: unsafe extern "C" fn(ctx: *mut c_void, name: Str) -> Status,
    /// Appends a span `start..end` (byte offsets into the text) to the current layer.
    pub add_span: unsafe extern "C" fn(ctx: *mut c_void, start: u32, end: u32) -> Status,
    /// Sets an attribute of the last span added.
    pub add_attr:
        unsafe extern "C" fn(ctx: *mut c_void, key: Str, value: *const AttrValue) -> Status,
    /// Sets a document field (one the plugin declared in `fields`).
    pub set_field:
        unsafe extern "C" fn(ctx: *mut c_void, name: Str, value: *const AttrValue) -> Status,
    /// Says why the document was refused; use before returning [`Status::ERROR`] or
    /// [`Status::PANIC`].
    pub report_error: unsafe extern "C" fn(ctx: *mut c_void, message: Str),
}

/// Builds a configured instance. `config_json` is a JSON object of the stage's options
/// (the `[[stage]]` table without `type`, `name` and `enabled`). Returns null on failure,
/// after reporting why through `errors`.
pub type CreateFn = unsafe extern "C" fn(config_json: Str, errors: *const ErrorSink) -> *mut c_void;

/// Processes one document (see [`DocView`] and [`HostSink`]).
pub type ProcessFn = unsafe extern "C" fn(
    instance: *mut c_void,
    doc: *const DocView,
    sink: *const HostSink,
) -> Status;

/// Frees an instance made by `create`. Called exactly once per instance.
pub type DestroyFn = unsafe extern "C" fn(instance: *mut c_void);

/// Everything the host needs to know about a plugin's stage type, returned by the entry
/// point. It must live as long as the library (a `static`).
///
/// Fields are only ever appended in later ABI versions; the host reads
/// [`PluginDescriptor::abi_version`] and [`PluginDescriptor::struct_size`] before
/// anything else.
#[repr(C)]
#[derive(Debug)]
pub struct PluginDescriptor {
    /// The ABI version the plugin was built against ([`ABI_VERSION`] of its copy of
    /// this crate).
    pub abi_version: u32,
    /// `size_of::<PluginDescriptor>()` as the plugin saw it.
    pub struct_size: u32,
    /// Bit set of `FLAG_*` constants.
    pub flags: u64,
    /// Registry key: the `type` of `[[stage]]` tables. Lowercase, `[a-z0-9_-]`.
    pub name: Str,
    /// Version of the stage's behaviour, recorded with its outputs.
    pub version: Str,
    /// One line saying what the stage does.
    pub description: Str,
    /// Layers the stage stores.
    pub produces: StrList,
    /// Layers an earlier stage must have produced.
    pub requires: StrList,
    /// Layers used when present.
    pub reads: StrList,
    /// Document fields the stage sets.
    pub fields: StrList,
    /// The options the stage accepts, as a JSON array of objects
    /// `{"name": "...", "default": <JSON value or null>, "help": "..."}`; the empty
    /// string when the plugin does not declare its options (then the host passes every
    /// key through).
    pub options_json: Str,
    /// Builds an instance; see [`CreateFn`]. Must not be null.
    pub create: Option<CreateFn>,
    /// Processes a document; see [`ProcessFn`]. Must not be null.
    pub process: Option<ProcessFn>,
    /// Frees an instance; see [`DestroyFn`]. Must not be null.
    pub destroy: Option<DestroyFn>,
}

// Descriptors are immutable statics shared by every thread of the host.
unsafe impl Sync for PluginDescriptor {}
unsafe impl Send for PluginDescriptor {}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::{offset_of, size_of};

    #[test]
    fn version_fields_come_first_whatever_the_version() {
        assert_eq!(offset_of!(PluginDescriptor, abi_version), 0);
        assert_eq!(offset_of!(PluginDescriptor, struct_size), 4);
        const { assert!(MIN_ABI_VERSION <= ABI_VERSION) };
    }

    #[test]
    fn layouts_are_the_documented_c_layouts() {
        // Pinned on 64-bit targets so an accidental field change shows up as a failure.
        if size_of::<usize>() == 8 {
            assert_eq!(size_of::<Str>(), 16);
            assert_eq!(size_of::<AttrValue>(), 64);
            assert_eq!(size_of::<PluginDescriptor>(), 168);
            assert_eq!(size_of::<Option<ProcessFn>>(), 8);
        }
    }

    #[test]
    fn str_views_refuse_null_with_length() {
        let bad = Str {
            ptr: core::ptr::null(),
            len: 3,
        };
        assert!(unsafe { bad.as_bytes() }.is_none());
        assert_eq!(unsafe { Str::EMPTY.as_str() }, Some(""));
        assert_eq!(unsafe { Str::new("héllo").as_str() }, Some("héllo"));
        let invalid = [0xffu8, 0xfe];
        let s = Str {
            ptr: invalid.as_ptr(),
            len: 2,
        };
        assert!(unsafe { s.as_str() }.is_none());
    }
}
