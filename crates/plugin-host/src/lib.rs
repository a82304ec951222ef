//! Loads stage plugins from dynamic libraries and registers their stage types.
//!
//! [`load_plugin`] opens a library built against the [plugin ABI](newsmill_plugin_abi),
//! checks its descriptor, and returns one [`StageFactory`] per stage type it exports
//! (one, in ABI version 1). The runner registers them next to the built-in stages; from
//! then on a plugin stage is used like any other.
//!
//! # Why this is sound
//!
//! - Only `repr(C)` data and `extern "C"` functions cross the boundary (no `dyn`, no
//!   `Box`, no `String`), so the plugin may come from another compiler.
//! - The host never frees what the plugin allocated and the reverse: the plugin
//!   destroys its own instance, inputs are lent for one call, and outputs come back
//!   through callbacks that copy them.
//! - The ABI version is checked before any other field is read; the descriptor's size
//!   is checked before the fields are read.
//! - Libraries are kept in a process-lifetime list and never unloaded, and each stage
//!   also holds an `Arc` to its library, declared after its instance so the instance is
//!   destroyed first (tested).
//! - Plugin output is validated like a built-in stage's: spans through
//!   [`Document::set_layer`], and only the declared layers and fields are accepted. A
//!   plugin error or a panic caught by the SDK becomes a [`StageError`] for that
//!   document alone.
//! - A plugin that does not declare [`FLAG_THREAD_SAFE`] is called under a lock.
//!
//! What cannot be made safe: loading a library runs its initializers, and its code runs
//! in the runner's process. Load only libraries you trust, named explicitly in the
//! config; this crate never searches the system's library paths.

#![deny(missing_docs)]

use std::any::Any;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use newsmill_core::{
    BuildError, Document, FactoryOrigin, OptionDoc, Span, Stage, StageError, StageFactory,
    StageMeta, Value, suggest,
};
use newsmill_plugin_abi::{
    ABI_VERSION, AttrValue, AttrView, CreateFn, DestroyFn, DocView, ENTRY_SYMBOL,
    ENTRY_SYMBOL_NAME, EntryFn, ErrorSink, FLAG_THREAD_SAFE, HostSink, LayerView, MIN_ABI_VERSION,
    PluginDescriptor, ProcessFn, SpanView, Status, Str, StrList, ValueKind,
};
use thiserror::Error;

/// Why a plugin library was refused.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The configured path does not exist.
    #[error("plugin `{}` not found: no such file", path.display())]
    NotFound {
        /// The configured path.
        path: PathBuf,
    },
    /// The path exists but cannot be read as a file.
    #[error("plugin `{}` cannot be opened: {source}", path.display())]
    Io {
        /// The configured path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The dynamic loader refused the file.
    #[error("plugin `{}` is not a loadable library: {message}", path.display())]
    NotALibrary {
        /// The configured path.
        path: PathBuf,
        /// The loader's message.
        message: String,
    },
    /// The library exports no newsmill entry point.
    #[error(
        "plugin `{}` exports no newsmill entry point (looked for {}); is it built with \
         `newsmill_plugin_sdk::export_stage!`, and does the file keep the name Cargo gave it?",
        path.display(),
        tried.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
    )]
    MissingSymbol {
        /// The configured path.
        path: PathBuf,
        /// The symbol names tried.
        tried: Vec<String>,
    },
    /// The plugin was built for an ABI version this host does not accept.
    #[error(
        "plugin `{}` uses plugin ABI version {found}, but this runner accepts versions \
         {min} to {max}; rebuild the plugin against a matching newsmill-plugin-sdk",
        path.display()
    )]
    AbiVersion {
        /// The configured path.
        path: PathBuf,
        /// The plugin's ABI version.
        found: u32,
        /// Oldest accepted version.
        min: u32,
        /// Newest accepted version.
        max: u32,
    },
    /// The descriptor is malformed.
    #[error("plugin `{}` has a bad descriptor: {problem}", path.display())]
    BadDescriptor {
        /// The configured path.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
}

/// Whatever keeps a plugin's code mapped; in practice its `libloading::Library`.
type KeepAlive = Arc<dyn Any + Send + Sync>;

/// Every library loaded in this process, by canonical path. Never emptied: a library
/// is never unloaded, since function pointers, statics and thread-local destructors of
/// the plugin would dangle after `dlclose`.
static LOADED: Mutex<Vec<(PathBuf, KeepAlive)>> = Mutex::new(Vec::new());

/// Loads the plugin library at `path` and returns a factory for each stage type it
/// exports. Loading the same file twice reuses the library already loaded.
///
/// # Errors
/// A [`LoadError`] saying why the file was refused: missing, not a library, no entry
/// point, wrong ABI version or a malformed descriptor.
pub fn load_plugin(path: &Path) -> Result<Vec<Box<dyn StageFactory>>, LoadError> {
    // An absolute path, so the loader never searches LD_LIBRARY_PATH and friends.
    let canonical = std::fs::canonicalize(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            LoadError::NotFound {
                path: path.to_owned(),
            }
        } else {
            LoadError::Io {
                path: path.to_owned(),
                source,
            }
        }
    })?;
    if !canonical.is_file() {
        return Err(LoadError::NotALibrary {
            path: path.to_owned(),
            message: "not a regular file".into(),
        });
    }
    let library = open_library(path, &canonical)?;
    let lib: &libloading::Library = library
        .downcast_ref()
        .expect("the loaded list holds libloading libraries");
    let mut tried = vec![ENTRY_SYMBOL_NAME.to_owned()];
    tried.extend(sdk_symbol_names(&canonical));
    let mut entry = None;
    for name in &tried {
        let mut symbol = name.clone().into_bytes();
        symbol.push(0);
        // SAFETY: the symbol is declared by the ABI with exactly this type.
        if let Ok(f) = unsafe { lib.get::<EntryFn>(symbol.as_slice()) } {
            entry = Some(*f);
            break;
        }
    }
    debug_assert_eq!(ENTRY_SYMBOL, b"newsmill_plugin_v1\0");
    let Some(entry) = entry else {
        return Err(LoadError::MissingSymbol {
            path: path.to_owned(),
            tried,
        });
    };
    // SAFETY: the entry point takes no arguments and returns a descriptor pointer; the
    // library stays loaded for the rest of the process.
    let descriptor = unsafe { entry() };
    // SAFETY: the ABI requires a null or a pointer to the plugin's static descriptor.
    let factory = unsafe { factory_from_descriptor(descriptor, path, library) }?;
    Ok(vec![factory])
}

/// Checks a descriptor and wraps it in a factory whose stages keep `library` alive.
///
/// # Safety
/// `descriptor` must be null or point to a descriptor (of at least its declared
/// `struct_size` bytes) whose pointers stay valid while `library` is alive.
unsafe fn factory_from_descriptor(
    descriptor: *const PluginDescriptor,
    path: &Path,
    library: KeepAlive,
) -> Result<Box<dyn StageFactory>, LoadError> {
    // SAFETY: forwarded from the caller.
    let info = unsafe { read_descriptor(descriptor) }.map_err(|e| e.at(path))?;
    Ok(Box::new(PluginFactory {
        info: Arc::new(info),
        path: path.to_owned(),
        library,
    }))
}

/// The canonical paths of every plugin library loaded in this process.
pub fn loaded_libraries() -> Vec<PathBuf> {
    let loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
    loaded.iter().map(|(p, _)| p.clone()).collect()
}

fn open_library(path: &Path, canonical: &Path) -> Result<KeepAlive, LoadError> {
    let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, lib)) = loaded.iter().find(|(p, _)| p == canonical) {
        return Ok(lib.clone());
    }
    // SAFETY: loading runs the library's initializers; the user named this file in the
    // config, which is the trust decision (see the crate docs).
    let lib =
        unsafe { libloading::Library::new(canonical) }.map_err(|e| LoadError::NotALibrary {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    let lib: KeepAlive = Arc::new(lib);
    loaded.push((canonical.to_owned(), lib.clone()));
    Ok(lib)
}

/// Entry symbol names the SDK's `export_stage!` could have given this library:
/// `newsmill_plugin_v1_<crate name>`, the crate name read off the file name.
fn sdk_symbol_names(path: &Path) -> Vec<String> {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut add = |crate_name: &str| {
        let name = format!("{ENTRY_SYMBOL_NAME}_{}", crate_name.replace('-', "_"));
        if !names.contains(&name) {
            names.push(name);
        }
    };
    if let Some(unprefixed) = stem.strip_prefix("lib") {
        add(unprefixed);
    }
    add(stem);
    names
}

/// A descriptor problem, before the path is known.
struct DescriptorError {
    problem: String,
    version: Option<u32>,
}

impl DescriptorError {
    fn bad(problem: impl Into<String>) -> Self {
        DescriptorError {
            problem: problem.into(),
            version: None,
        }
    }

    fn at(self, path: &Path) -> LoadError {
        match self.version {
            Some(found) => LoadError::AbiVersion {
                path: path.to_owned(),
                found,
                min: MIN_ABI_VERSION,
                max: ABI_VERSION,
            },
            None => LoadError::BadDescriptor {
                path: path.to_owned(),
                problem: self.problem,
            },
        }
    }
}

/// What the host keeps of a descriptor: owned copies of its strings and its function
/// pointers.
#[derive(Debug)]
struct PluginInfo {
    meta: StageMeta,
    thread_safe: bool,
    options: Option<Vec<OptionDoc>>,
    create: CreateFn,
    process: ProcessFn,
    destroy: DestroyFn,
}

/// Reads and validates a descriptor.
///
/// # Safety
/// `ptr` must be null or point to at least `struct_size` readable bytes, as the ABI
/// requires of a plugin's descriptor.
unsafe fn read_descriptor(ptr: *const PluginDescriptor) -> Result<PluginInfo, DescriptorError> {
    if ptr.is_null() {
        return Err(DescriptorError::bad(
            "the entry point returned null (the plugin could not describe itself; see its \
             messages on stderr)",
        ));
    }
    if !ptr.cast::<u32>().is_aligned() {
        return Err(DescriptorError::bad("the descriptor is misaligned"));
    }
    // Only the first two fields are common to every ABI version; read them alone first.
    // SAFETY: every version's descriptor starts with two u32 fields.
    let (version, size) = unsafe { (ptr.cast::<u32>().read(), ptr.cast::<u32>().add(1).read()) };
    if !(MIN_ABI_VERSION..=ABI_VERSION).contains(&version) {
        return Err(DescriptorError {
            problem: String::new(),
            version: Some(version),
        });
    }
    if !ptr.is_aligned() {
        return Err(DescriptorError::bad("the descriptor is misaligned"));
    }
    let needed = std::mem::size_of::<PluginDescriptor>();
    if (size as usize) < needed {
        return Err(DescriptorError::bad(format!(
            "struct_size is {size} bytes, smaller than the {needed} bytes of an ABI \
             version {version} descriptor"
        )));
    }
    // SAFETY: aligned, and the plugin declares at least `needed` bytes.
    let d = unsafe { &*ptr };
    // SAFETY (string and list reads): the descriptor's views point into the plugin's
    // statics, valid while the library is loaded, which is for ever.
    let string = |what: &str, s: Str| -> Result<String, DescriptorError> {
        unsafe { s.as_str() }
            .map(str::to_owned)
            .ok_or_else(|| DescriptorError::bad(format!("its {what} is not valid UTF-8")))
    };
    let list = |what: &str, l: StrList| -> Result<Vec<String>, DescriptorError> {
        let items = unsafe { l.as_slice() }
            .ok_or_else(|| DescriptorError::bad(format!("its {what} list is a null pointer")))?;
        items.iter().map(|s| string(what, *s)).collect()
    };
    let name = string("name", d.name)?;
    let valid_name = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !valid_name {
        return Err(DescriptorError::bad(format!(
            "its stage name {name:?} is not 1 to 64 characters of [a-z0-9_-]"
        )));
    }
    let mut meta = StageMeta::new(
        &name,
        &string("version", d.version)?,
        &string("description", d.description)?,
    );
    meta.produces = list("produces", d.produces)?;
    meta.requires = list("requires", d.requires)?;
    meta.reads = list("reads", d.reads)?;
    meta.fields = list("fields", d.fields)?;
    let options = parse_option_docs(&string("options description", d.options_json)?)?;
    let (Some(create), Some(process), Some(destroy)) = (d.create, d.process, d.destroy) else {
        return Err(DescriptorError::bad(
            "create, process or destroy is a null pointer",
        ));
    };
    Ok(PluginInfo {
        meta,
        thread_safe: d.flags & FLAG_THREAD_SAFE != 0,
        options,
        create,
        process,
        destroy,
    })
}

/// Parses the descriptor's options JSON (see [`PluginDescriptor::options_json`]).
fn parse_option_docs(json: &str) -> Result<Option<Vec<OptionDoc>>, DescriptorError> {
    if json.trim().is_empty() {
        return Ok(None);
    }
    let bad = |why: &str| DescriptorError::bad(format!("its options description {why}"));
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| bad(&format!("is not valid JSON: {e}")))?;
    let items = value.as_array().ok_or_else(|| bad("is not a JSON array"))?;
    items
        .iter()
        .map(|item| {
            let name = item
                .get("name")
                .and_then(|v| v.as_str())
                .ok_or_else(|| bad("has an entry without a string `name`"))?;
            let help = item.get("help").and_then(|v| v.as_str()).unwrap_or("");
            let default = item
                .get("default")
                .and_then(json_to_toml)
                .map(|v| v.to_string())
                .unwrap_or_default();
            Ok(OptionDoc {
                name: name.to_owned(),
                default,
                help: help.to_owned(),
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn json_to_toml(v: &serde_json::Value) -> Option<toml::Value> {
    Some(match v {
        serde_json::Value::Null => return None,
        serde_json::Value::Bool(b) => toml::Value::Boolean(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64()?),
        },
        serde_json::Value::String(s) => toml::Value::String(s.clone()),
        serde_json::Value::Array(items) => {
            toml::Value::Array(items.iter().filter_map(json_to_toml).collect())
        }
        serde_json::Value::Object(map) => toml::Value::Table(
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), json_to_toml(v)?)))
                .collect(),
        ),
    })
}

fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => s.as_str().into(),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
        }
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.iter().map(toml_to_json).collect(),
        toml::Value::Table(t) => table_to_json(t),
    }
}

fn table_to_json(t: &toml::Table) -> serde_json::Value {
    serde_json::Value::Object(
        t.iter()
            .map(|(k, v)| (k.clone(), toml_to_json(v)))
            .collect(),
    )
}

/// The factory of one plugin stage type.
struct PluginFactory {
    info: Arc<PluginInfo>,
    path: PathBuf,
    library: KeepAlive,
}

impl StageFactory for PluginFactory {
    fn type_name(&self) -> &str {
        &self.info.meta.type_name
    }

    fn description(&self) -> &str {
        &self.info.meta.description
    }

    fn options(&self) -> Option<Vec<OptionDoc>> {
        self.info.options.clone()
    }

    fn origin(&self) -> FactoryOrigin {
        FactoryOrigin::Plugin(self.path.clone())
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Stage>, BuildError> {
        if let Some(known) = &self.info.options {
            for key in options.keys() {
                if !known.iter().any(|o| o.name == *key) {
                    let hint = suggest(key, known.iter().map(|o| o.name.as_str()))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    return Err(BuildError::Option {
                        key: Some(key.clone()),
                        message: format!(
                            "unknown option of stage `{}`{hint}",
                            self.info.meta.type_name
                        ),
                    });
                }
            }
        }
        let json = table_to_json(options).to_string();
        let mut errors: Vec<(String, String)> = Vec::new();
        let sink = ErrorSink {
            ctx: (&raw mut errors).cast::<c_void>(),
            report: collect_create_error,
        };
        // SAFETY: the config and the sink outlive the call; `create` is the plugin's.
        let instance = unsafe { (self.info.create)(Str::new(&json), &sink) };
        if instance.is_null() {
            let name = &self.info.meta.type_name;
            return Err(match errors.into_iter().next() {
                Some((key, message)) if !key.is_empty() => BuildError::Option {
                    key: Some(key),
                    message,
                },
                Some((_, message)) => {
                    BuildError::Other(format!("plugin stage `{name}`: {message}"))
                }
                None => BuildError::Other(format!(
                    "plugin stage `{name}` could not be built and gave no reason"
                )),
            });
        }
        Ok(Box::new(PluginStage::new(
            self.info.clone(),
            instance,
            self.library.clone(),
        )))
    }
}

/// `ErrorSink::report` for `create`: collects the plugin's messages.
unsafe extern "C" fn collect_create_error(ctx: *mut c_void, key: Str, message: Str) {
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `ctx` is the `Vec` passed by `build`, alive and unshared for the call.
        let errors = unsafe { &mut *ctx.cast::<Vec<(String, String)>>() };
        // SAFETY: lent by the plugin for the duration of the callback.
        let text =
            |s: Str| unsafe { s.as_bytes() }.map(|b| String::from_utf8_lossy(b).into_owned());
        errors.push((
            text(key).unwrap_or_default(),
            text(message).unwrap_or_default(),
        ));
    }));
}

/// An instance made by a plugin's `create`, destroyed by its `destroy` on drop.
struct Instance {
    ptr: *mut c_void,
    destroy: DestroyFn,
}

impl Drop for Instance {
    fn drop(&mut self) {
        // SAFETY: made by the same plugin's `create`, destroyed exactly once, while the
        // library is still loaded (the stage drops its library handle after this).
        unsafe { (self.destroy)(self.ptr) };
    }
}

/// A stage run by a plugin.
///
/// Field order matters: fields drop in declaration order, so `instance` (whose drop
/// calls into the library) must come before `library`.
struct PluginStage {
    info: Arc<PluginInfo>,
    /// Serializes calls when the plugin does not declare `FLAG_THREAD_SAFE`.
    lock: Option<Mutex<()>>,
    instance: Instance,
    library: KeepAlive,
}

// SAFETY: the instance pointer is only used through the plugin's `process` (called
// concurrently only when the plugin declares FLAG_THREAD_SAFE, under `lock` otherwise)
// and its `destroy`; the ABI requires instances not to be tied to a thread.
unsafe impl Send for PluginStage {}
unsafe impl Sync for PluginStage {}

impl PluginStage {
    fn new(info: Arc<PluginInfo>, ptr: *mut c_void, library: KeepAlive) -> Self {
        PluginStage {
            lock: (!info.thread_safe).then(|| Mutex::new(())),
            instance: Instance {
                ptr,
                destroy: info.destroy,
            },
            info,
            library,
        }
    }

    fn name(&self) -> &str {
        &self.info.meta.type_name
    }
}

impl Stage for PluginStage {
    fn meta(&self) -> &StageMeta {
        &self.info.meta
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = &self.library; // Held for its lifetime only.
        let meta = &self.info.meta;
        let mut collector = Collector {
            meta,
            layers: Vec::new(),
            current: None,
            fields: Vec::new(),
            error: None,
            violation: None,
        };
        let status = {
            let lent = LentLayers::new(doc, meta);
            let layer_views = lent.views();
            let view = DocView {
                struct_size: std::mem::size_of::<DocView>() as u32,
                id: Str::new(&doc.id),
                text: Str::new(doc.text()),
                layers: layer_views.as_ptr(),
                layer_count: layer_views.len(),
            };
            let sink = HostSink {
                ctx: (&raw mut collector).cast::<c_void>(),
                begin_layer: sink_begin_layer,
                add_span: sink_add_span,
                add_attr: sink_add_attr,
                set_field: sink_set_field,
                report_error: sink_report_error,
            };
            let _guard = self
                .lock
                .as_ref()
                .map(|m| m.lock().unwrap_or_else(PoisonError::into_inner));
            // SAFETY: the instance is live; the view, everything it points to and the
            // sink's context outlive the call.
            unsafe { (self.info.process)(self.instance.ptr, &view, &sink) }
        };
        let name = self.name();
        if let Some(violation) = collector.violation {
            return Err(StageError::Failed(format!(
                "plugin stage `{name}` broke the stage contract: {violation}"
            )));
        }
        let reason = || {
            collector
                .error
                .clone()
                .unwrap_or_else(|| "no reason given".into())
        };
        match status {
            Status::OK => {}
            Status::ERROR => {
                return Err(StageError::Failed(format!(
                    "plugin stage `{name}`: {}",
                    reason()
                )));
            }
            Status::PANIC => {
                return Err(StageError::Failed(format!(
                    "plugin stage `{name}` panicked: {}",
                    reason()
                )));
            }
            Status::INVALID_ARGUMENT => {
                return Err(StageError::Failed(format!(
                    "plugin stage `{name}` refused its arguments: {}",
                    reason()
                )));
            }
            Status(code) => {
                return Err(StageError::Failed(format!(
                    "plugin stage `{name}` returned unknown status {code}"
                )));
            }
        }
        for (layer, spans) in collector.layers {
            doc.set_layer(&layer, spans)?;
        }
        for (field, value) in collector.fields {
            doc.set_field(field, value);
        }
        Ok(())
    }
}

/// The layers lent to a plugin (those it requires or reads), converted to the ABI's
/// views. Owns every buffer the views point into; build the views with
/// [`LentLayers::views`] and keep `self` alive while they are used.
struct LentLayers<'d> {
    layers: Vec<(&'d str, usize, usize)>,
    spans: Vec<SpanView>,
    attrs: Vec<AttrView>,
    /// Element arrays of list values; their heap buffers never move once pushed.
    lists: Vec<Vec<AttrValue>>,
}

impl<'d> LentLayers<'d> {
    fn new(doc: &'d Document, meta: &StageMeta) -> Self {
        let mut lent = LentLayers {
            layers: Vec::new(),
            spans: Vec::new(),
            attrs: Vec::new(),
            lists: Vec::new(),
        };
        let wanted = meta.requires.iter().chain(&meta.reads);
        let mut seen: Vec<&str> = Vec::new();
        // Attribute views first, recording where each span's run starts; the span views
        // point into `attrs` only once it has stopped growing.
        let mut runs: Vec<(u32, u32, usize, usize)> = Vec::new();
        for name in wanted {
            if seen.contains(&name.as_str()) {
                continue;
            }
            seen.push(name);
            let Some((name, spans)) = doc.layers().find(|(n, _)| n == name) else {
                continue;
            };
            lent.layers.push((name, runs.len(), spans.len()));
            for span in spans {
                let first = lent.attrs.len();
                for (key, value) in span.attrs.iter() {
                    let value = lower(value, &mut lent.lists, 0);
                    lent.attrs.push(AttrView {
                        key: Str::new(key),
                        value,
                    });
                }
                runs.push((span.start, span.end, first, lent.attrs.len() - first));
            }
        }
        let base = lent.attrs.as_ptr();
        lent.spans = runs
            .into_iter()
            .map(|(start, end, first, count)| SpanView {
                start,
                end,
                // SAFETY: `first + count <= attrs.len()`; `wrapping_add` keeps this safe
                // to compute even for the empty case.
                attrs: base.wrapping_add(first),
                attr_count: count,
            })
            .collect();
        lent
    }

    fn views(&self) -> Vec<LayerView> {
        self.layers
            .iter()
            .map(|&(name, first, count)| LayerView {
                name: Str::new(name),
                spans: self.spans.as_ptr().wrapping_add(first),
                span_count: count,
            })
            .collect()
    }
}

/// Lists nested deeper than this are cut (sent or kept as null), so a value's depth can
/// never overflow the stack on either side.
const MAX_VALUE_DEPTH: usize = 16;

fn lower(v: &Value, lists: &mut Vec<Vec<AttrValue>>, depth: usize) -> AttrValue {
    let mut out = AttrValue::NULL;
    match v {
        Value::Null => {}
        Value::Bool(b) => {
            out.kind = ValueKind::BOOL;
            out.int = i64::from(*b);
        }
        Value::Int(i) => {
            out.kind = ValueKind::INT;
            out.int = *i;
        }
        Value::Float(f) => {
            out.kind = ValueKind::FLOAT;
            out.float = *f;
        }
        Value::Str(s) => {
            out.kind = ValueKind::STR;
            out.str = Str::new(s);
        }
        Value::Range(s, e) => {
            out.kind = ValueKind::RANGE;
            out.start = *s;
            out.end = *e;
        }
        Value::List(items) if depth < MAX_VALUE_DEPTH => {
            let lowered: Vec<AttrValue> =
                items.iter().map(|i| lower(i, lists, depth + 1)).collect();
            out.kind = ValueKind::LIST;
            out.items = lowered.as_ptr();
            out.len = lowered.len();
            lists.push(lowered);
        }
        Value::List(_) => {}
    }
    out
}

/// Converts a value sent by the plugin into an owned one; `None` when it is malformed.
///
/// # Safety
/// The value's pointers must be valid for the call (the plugin lends them).
unsafe fn lift(v: &AttrValue, depth: usize) -> Option<Value> {
    Some(match v.kind {
        ValueKind::NULL => Value::Null,
        ValueKind::BOOL => Value::Bool(v.int != 0),
        ValueKind::INT => Value::Int(v.int),
        ValueKind::FLOAT => Value::Float(v.float),
        // SAFETY: lent for the call.
        ValueKind::STR => Value::Str(unsafe { v.str.as_str() }?.to_owned().into()),
        ValueKind::RANGE => Value::Range(v.start, v.end),
        ValueKind::LIST if depth < MAX_VALUE_DEPTH => {
            let items = if v.len == 0 {
                &[][..]
            } else if v.items.is_null() {
                return None;
            } else {
                // SAFETY: non-null, `len` elements lent for the call.
                unsafe { std::slice::from_raw_parts(v.items, v.len) }
            };
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                // SAFETY: as above.
                out.push(unsafe { lift(item, depth + 1) }?);
            }
            Value::List(out)
        }
        _ => return None,
    })
}

/// What a plugin sends back during one `process` call.
struct Collector<'m> {
    meta: &'m StageMeta,
    layers: Vec<(String, Vec<Span>)>,
    current: Option<usize>,
    fields: Vec<(String, Value)>,
    /// The plugin's own reason for refusing the document.
    error: Option<String>,
    /// The first breach of the contract seen by the host; the document is then rejected.
    violation: Option<String>,
}

impl Collector<'_> {
    fn breach(&mut self, problem: impl FnOnce() -> String) -> Status {
        if self.violation.is_none() {
            self.violation = Some(problem());
        }
        Status::INVALID_ARGUMENT
    }
}

/// Runs a sink callback on the collector, never letting a panic unwind into the plugin.
///
/// # Safety
/// `ctx` must be the collector passed by `process`, alive and not otherwise borrowed.
unsafe fn with_collector(ctx: *mut c_void, f: impl FnOnce(&mut Collector<'_>) -> Status) -> Status {
    if ctx.is_null() {
        return Status::INVALID_ARGUMENT;
    }
    // SAFETY: per the function's contract; callbacks do not re-enter each other.
    let collector = unsafe { &mut *ctx.cast::<Collector<'_>>() };
    catch_unwind(AssertUnwindSafe(|| f(collector))).unwrap_or(Status::INVALID_ARGUMENT)
}

unsafe extern "C" fn sink_begin_layer(ctx: *mut c_void, name: Str) -> Status {
    // SAFETY: the host's own context; the name is lent for the call.
    unsafe {
        with_collector(ctx, |c| {
            let Some(name) = name.as_str() else {
                return c.breach(|| "a layer name is not valid UTF-8".into());
            };
            if !c.meta.produces.iter().any(|p| p == name) {
                return c.breach(|| format!("stored undeclared layer `{name}`"));
            }
            let index = match c.layers.iter().position(|(n, _)| n == name) {
                Some(i) => {
                    c.layers[i].1.clear();
                    i
                }
                None => {
                    c.layers.push((name.to_owned(), Vec::new()));
                    c.layers.len() - 1
                }
            };
            c.current = Some(index);
            Status::OK
        })
    }
}

unsafe extern "C" fn sink_add_span(ctx: *mut c_void, start: u32, end: u32) -> Status {
    // SAFETY: the host's own context.
    unsafe {
        with_collector(ctx, |c| match c.current {
            Some(i) => {
                c.layers[i].1.push(Span {
                    start,
                    end,
                    attrs: Default::default(),
                });
                Status::OK
            }
            None => c.breach(|| "sent a span before starting a layer".into()),
        })
    }
}

unsafe extern "C" fn sink_add_attr(ctx: *mut c_void, key: Str, value: *const AttrValue) -> Status {
    // SAFETY: the host's own context; key and value are lent for the call.
    unsafe {
        with_collector(ctx, |c| {
            let (Some(key), Some(value)) = (key.as_str(), value.as_ref().and_then(|v| lift(v, 0)))
            else {
                return c.breach(|| "sent a malformed attribute".into());
            };
            let span = c.current.and_then(|i| c.layers[i].1.last_mut());
            match span {
                Some(span) => {
                    span.attrs.insert(intern(key), value);
                    Status::OK
                }
                None => c.breach(|| format!("sent attribute `{key}` before any span")),
            }
        })
    }
}

unsafe extern "C" fn sink_set_field(
    ctx: *mut c_void,
    name: Str,
    value: *const AttrValue,
) -> Status {
    // SAFETY: the host's own context; name and value are lent for the call.
    unsafe {
        with_collector(ctx, |c| {
            let (Some(name), Some(value)) =
                (name.as_str(), value.as_ref().and_then(|v| lift(v, 0)))
            else {
                return c.breach(|| "sent a malformed field".into());
            };
            if !c.meta.fields.iter().any(|f| f == name) {
                return c.breach(|| format!("set undeclared field `{name}`"));
            }
            match c.fields.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = value,
                None => c.fields.push((name.to_owned(), value)),
            }
            Status::OK
        })
    }
}

/// Longest error message kept from a plugin; the rest is cut (on a char boundary).
const MAX_ERROR_LEN: usize = 4096;

unsafe extern "C" fn sink_report_error(ctx: *mut c_void, message: Str) {
    // SAFETY: the host's own context; the message is lent for the call.
    unsafe {
        with_collector(ctx, |c| {
            if c.error.is_none() {
                let bytes = message.as_bytes().unwrap_or(b"(null message)");
                let mut text = String::from_utf8_lossy(bytes).into_owned();
                if text.len() > MAX_ERROR_LEN {
                    let mut cut = MAX_ERROR_LEN;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    text.truncate(cut);
                    text.push('…');
                }
                c.error = Some(text);
            }
            Status::OK
        });
    }
}

/// How many distinct attribute names may be interned; past that names are owned per
/// span, so a plugin inventing names cannot grow the process's memory without bound.
const MAX_INTERNED: usize = 1024;

/// Attribute names as `&'static str`, so the spans of a plugin cost no allocation per
/// attribute name, as with built-in stages. A thread-local cache avoids the global lock.
fn intern(key: &str) -> Cow<'static, str> {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    static GLOBAL: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    if let Some(hit) = CACHE.with(|c| c.borrow().iter().find(|k| **k == key).copied()) {
        return Cow::Borrowed(hit);
    }
    let interned = {
        let mut global = GLOBAL.lock().unwrap_or_else(PoisonError::into_inner);
        let set = global.get_or_insert_with(HashSet::new);
        match set.get(key) {
            Some(k) => Some(*k),
            None if set.len() < MAX_INTERNED => {
                let leaked: &'static str = Box::leak(key.to_owned().into_boxed_str());
                set.insert(leaked);
                Some(leaked)
            }
            None => None,
        }
    };
    match interned {
        Some(k) => {
            CACHE.with(|c| {
                let mut cache = c.borrow_mut();
                if cache.len() < 64 {
                    cache.push(k);
                }
            });
            Cow::Borrowed(k)
        }
        None => Cow::Owned(key.to_owned()),
    }
}

pub mod testing;

#[cfg(test)]
mod tests;
