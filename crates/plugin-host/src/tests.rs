//! Unit tests with an in-process fake plugin: descriptor checks, the contract checks on
//! what a plugin sends back, and the drop order of instance and library.

use std::cell::RefCell;
use std::mem::size_of;

use super::*;

thread_local! {
    /// Events of the fake plugin and the fake library, on this test's thread.
    static EVENTS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

fn event(e: &'static str) {
    EVENTS.with(|log| log.borrow_mut().push(e));
}

fn events() -> Vec<&'static str> {
    EVENTS.with(|log| log.borrow().clone())
}

/// Stands in for a `libloading::Library`: records when it is released.
struct FakeLibrary;

impl Drop for FakeLibrary {
    fn drop(&mut self) {
        event("library released");
    }
}

unsafe extern "C" fn fake_create(config: Str, errors: *const ErrorSink) -> *mut c_void {
    let config = unsafe { config.as_str() }.unwrap_or("");
    if config.contains("\"fail\"") {
        let sink = unsafe { &*errors };
        unsafe { (sink.report)(sink.ctx, Str::new("fail"), Str::new("must not be set")) };
        return std::ptr::null_mut();
    }
    Box::into_raw(Box::new(0u64)).cast()
}

unsafe extern "C" fn fake_destroy(instance: *mut c_void) {
    drop(unsafe { Box::from_raw(instance.cast::<u64>()) });
    event("instance destroyed");
}

/// Behaves according to the document's text: annotates the first word, or breaks the
/// contract in the way the text names.
unsafe extern "C" fn fake_process(
    _: *mut c_void,
    doc: *const DocView,
    sink: *const HostSink,
) -> Status {
    let (doc, sink) = unsafe { (&*doc, &*sink) };
    let text = unsafe { doc.text.as_str() }.unwrap();
    let call = |f: &dyn Fn() -> Status| f();
    unsafe {
        match text {
            "undeclared layer" => {
                call(&|| (sink.begin_layer)(sink.ctx, Str::new("secret")));
            }
            "undeclared field" => {
                call(&|| (sink.set_field)(sink.ctx, Str::new("secret"), &AttrValue::NULL));
            }
            "span out of bounds" => {
                (sink.begin_layer)(sink.ctx, Str::new("first"));
                (sink.add_span)(sink.ctx, 0, 999);
            }
            "refuse" => {
                (sink.report_error)(sink.ctx, Str::new("cannot read this"));
                return Status::ERROR;
            }
            "lent layers" => {
                // Echo how many boilerplate spans were lent, as a field.
                let layers = std::slice::from_raw_parts(doc.layers, doc.layer_count);
                let n = layers.iter().map(|l| l.span_count).sum::<usize>();
                let mut v = AttrValue::NULL;
                v.kind = ValueKind::INT;
                v.int = n as i64;
                (sink.set_field)(sink.ctx, Str::new("count"), &v);
            }
            _ => {
                let end = text.find(' ').unwrap_or(text.len()) as u32;
                (sink.begin_layer)(sink.ctx, Str::new("first"));
                (sink.add_span)(sink.ctx, 0, end);
                let items = [
                    AttrValue {
                        kind: ValueKind::STR,
                        str: Str::new("a"),
                        ..AttrValue::NULL
                    },
                    AttrValue {
                        kind: ValueKind::RANGE,
                        start: 0,
                        end,
                        ..AttrValue::NULL
                    },
                ];
                let list = AttrValue {
                    kind: ValueKind::LIST,
                    items: items.as_ptr(),
                    len: 2,
                    ..AttrValue::NULL
                };
                (sink.add_attr)(sink.ctx, Str::new("parts"), &list);
            }
        }
    }
    Status::OK
}

static PRODUCES: [Str; 1] = [Str::new("first")];
static READS: [Str; 1] = [Str::new("boilerplate")];
static FIELDS: [Str; 1] = [Str::new("count")];

const fn descriptor(
    abi_version: u32,
    struct_size: u32,
    name: &'static str,
    flags: u64,
) -> PluginDescriptor {
    PluginDescriptor {
        abi_version,
        struct_size,
        flags,
        name: Str::new(name),
        version: Str::new("1.0.0"),
        description: Str::new("annotates the first word"),
        produces: StrList::new(&PRODUCES),
        requires: StrList::EMPTY,
        reads: StrList::new(&READS),
        fields: StrList::new(&FIELDS),
        options_json: Str::new(
            r#"[{"name":"fail","default":false,"help":"fail on create"},{"name":"label","default":"x","help":"a label"}]"#,
        ),
        create: Some(fake_create),
        process: Some(fake_process),
        destroy: Some(fake_destroy),
    }
}

const SIZE: u32 = size_of::<PluginDescriptor>() as u32;
static GOOD: PluginDescriptor = descriptor(ABI_VERSION, SIZE, "first-word", FLAG_THREAD_SAFE);
static SERIAL: PluginDescriptor = descriptor(ABI_VERSION, SIZE, "first-word", 0);

fn factory(d: &'static PluginDescriptor) -> Result<Box<dyn StageFactory>, LoadError> {
    unsafe { factory_from_descriptor(d, Path::new("/plugins/libfake.so"), Arc::new(FakeLibrary)) }
}

fn stage() -> Box<dyn Stage> {
    factory(&GOOD).unwrap().build(&toml::Table::new()).unwrap()
}

#[test]
fn the_instance_is_destroyed_before_the_library_is_released() {
    EVENTS.with(|log| log.borrow_mut().clear());
    let factory = factory(&GOOD).unwrap();
    let stage = factory.build(&toml::Table::new()).unwrap();
    drop(factory);
    assert!(events().is_empty(), "the stage still holds the library");
    drop(stage);
    assert_eq!(events(), ["instance destroyed", "library released"]);
}

#[test]
fn factory_reports_plugin_metadata_and_options() {
    let f = factory(&GOOD).unwrap();
    assert_eq!(f.type_name(), "first-word");
    assert_eq!(
        f.origin(),
        FactoryOrigin::Plugin("/plugins/libfake.so".into())
    );
    let options = f.options().unwrap();
    assert_eq!(options[0].name, "fail");
    assert_eq!(options[0].default, "false");
    assert_eq!(options[1].default, "\"x\"");
    let meta = stage().meta().clone();
    assert_eq!(meta.produces, ["first"]);
    assert_eq!(meta.reads, ["boilerplate"]);
    assert_eq!(meta.version, "1.0.0");
}

#[test]
fn unknown_and_refused_options_name_their_key() {
    let f = factory(&GOOD).unwrap();
    let table: toml::Table = toml::from_str("lable = \"y\"").unwrap();
    match f.build(&table).err().unwrap() {
        BuildError::Option { key, message } => {
            assert_eq!(key.as_deref(), Some("lable"));
            assert!(message.contains("did you mean `label`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let table: toml::Table = toml::from_str("fail = true").unwrap();
    let err = f.build(&table).err().unwrap();
    assert_eq!(
        err,
        BuildError::Option {
            key: Some("fail".into()),
            message: "must not be set".into()
        }
    );
}

#[test]
fn spans_and_list_attributes_come_back() {
    let mut doc = Document::from_text("d", "Harbour strike ends");
    stage().process(&mut doc).unwrap();
    let spans = doc.layer("first").unwrap();
    assert_eq!(spans.len(), 1);
    assert_eq!(&doc.text()[spans[0].range()], "Harbour");
    assert_eq!(
        spans[0].attr("parts"),
        Some(&Value::List(vec![Value::from("a"), Value::Range(0, 7)]))
    );
    assert!(matches!(spans[0].attrs.iter().next(), Some(("parts", _))));
}

#[test]
fn contract_breaches_and_refusals_become_stage_errors() {
    let stage = stage();
    for (text, expected) in [
        ("undeclared layer", "undeclared layer `secret`"),
        ("undeclared field", "undeclared field `secret`"),
        ("span out of bounds", "outside the text"),
        ("refuse", "cannot read this"),
    ] {
        let mut doc = Document::from_text("d", text);
        let err = stage.process(&mut doc).unwrap_err().to_string();
        assert!(err.contains(expected), "{text}: {err}");
        assert!(doc.layer("first").is_none() && doc.field("secret").is_none());
    }
}

#[test]
fn only_declared_layers_are_lent() {
    let mut doc = Document::from_text("d", "lent layers");
    doc.set_layer("boilerplate", vec![Span::new(0, 4).with("reason", "ad")])
        .unwrap();
    doc.set_layer("other", vec![Span::new(0, 1), Span::new(1, 2)])
        .unwrap();
    stage().process(&mut doc).unwrap();
    assert_eq!(doc.field("count"), Some(&Value::Int(1)));
}

#[test]
fn a_plugin_that_is_not_thread_safe_is_serialized_and_still_usable() {
    let stage = factory(&SERIAL)
        .unwrap()
        .build(&toml::Table::new())
        .unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..50 {
                    let mut doc = Document::from_text("d", "Quay space");
                    stage.process(&mut doc).unwrap();
                    assert_eq!(doc.layer("first").unwrap()[0].end, 4);
                }
            });
        }
    });
}

#[test]
fn bad_descriptors_are_refused_with_reasons() {
    static OLD: PluginDescriptor = descriptor(0, SIZE, "x", 0);
    static NEW: PluginDescriptor = descriptor(ABI_VERSION + 1, SIZE, "x", 0);
    static SHORT: PluginDescriptor = descriptor(ABI_VERSION, 16, "x", 0);
    static BAD_NAME: PluginDescriptor = descriptor(ABI_VERSION, SIZE, "Bad Name", 0);
    let err = |d| factory(d).err().unwrap().to_string();
    let e = err(&NEW);
    assert!(e.contains(&format!("version {}", ABI_VERSION + 1)), "{e}");
    assert!(
        e.contains(&format!("versions {MIN_ABI_VERSION} to {ABI_VERSION}")),
        "{e}"
    );
    assert!(err(&OLD).contains("version 0"));
    assert!(
        err(&SHORT).contains("struct_size is 16 bytes"),
        "{}",
        err(&SHORT)
    );
    assert!(err(&BAD_NAME).contains("\"Bad Name\""));
    let null = unsafe { factory_from_descriptor(std::ptr::null(), Path::new("p"), Arc::new(())) };
    assert!(null.err().unwrap().to_string().contains("returned null"));
}

#[test]
fn invalid_utf8_in_a_descriptor_is_refused() {
    static BYTES: [u8; 2] = [0xff, 0xfe];
    static BAD: PluginDescriptor = PluginDescriptor {
        version: Str {
            ptr: BYTES.as_ptr(),
            len: 2,
        },
        ..descriptor(ABI_VERSION, SIZE, "x", 0)
    };
    let e = factory(&BAD).err().unwrap().to_string();
    assert!(e.contains("version is not valid UTF-8"), "{e}");
}

#[test]
fn sdk_symbol_names_follow_the_file_name() {
    assert_eq!(
        sdk_symbol_names(Path::new("/t/libnewsmill_plugin_dateline.so")),
        [
            "newsmill_plugin_v1_newsmill_plugin_dateline",
            "newsmill_plugin_v1_libnewsmill_plugin_dateline"
        ]
    );
    assert_eq!(
        sdk_symbol_names(Path::new("my-plugin.dll")),
        ["newsmill_plugin_v1_my_plugin"]
    );
}

#[test]
fn interned_keys_are_shared() {
    let a = intern("speaker");
    let b = intern("speaker");
    assert!(matches!((&a, &b), (Cow::Borrowed(x), Cow::Borrowed(y)) if std::ptr::eq(*x, *y)));
}
