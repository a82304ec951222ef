//! One pass over the page: html5gum's spec tokenizer feeds a light tree builder that
//! writes the visible text block by block, the source map, a layout tree of the
//! non-phrasing elements, and the raw metadata (meta tags, JSON-LD, `<time>`, bylines).
//!
//! The tree builder follows the parts of HTML's tree construction that matter for text:
//! void elements, raw-text elements, implied end tags (`p`, `li`, `dd`/`dt`, table cells
//! and rows, headings, options), end tags that close up to the matching open element
//! or are ignored when none is in scope. Every open element of each name is kept in a
//! per-name stack of positions, so both the matching and the scope checks are O(1) and
//! the whole build is linear whatever the nesting depth. Nothing recurses.

use std::cell::RefCell;
use std::collections::HashMap;
use std::convert::Infallible;
use std::ops::Range;

use html5gum::{Emitter, Error, State, Tokenizer};
use newsmill_core::SourceMap;

use crate::BlockKind;
use crate::hints::{self, Hint};
use crate::tags::Tag;

/// "No index".
pub(crate) const NONE: u32 = u32::MAX;

/// Most text the builder writes: offsets are `u32`, and the generated separators need
/// a little room.
const MAX_TEXT: usize = u32::MAX as usize - 16;

/// Longest attribute value kept (a `content` or `class` longer than this is cut).
const MAX_ATTR_VALUE: usize = 16 * 1024;

/// Most metadata captures kept per page (bylines, headlines, dates).
const MAX_CAPTURES: usize = 256;

/// Most JSON-LD text kept per page.
const MAX_LD_JSON: usize = 4 * 1024 * 1024;

/// Inherited context flags of an open element (and of the text inside it).
pub(crate) mod ctx {
    /// Not rendered (script, style, head, svg, display:none...).
    pub const INVISIBLE: u32 = 1 << 0;
    /// Inside `<svg>` or `<math>`: self-closing syntax counts.
    pub const FOREIGN: u32 = 1 << 1;
    /// Inside a link.
    pub const LINK: u32 = 1 << 2;
    /// Inside `<pre>`: whitespace is kept.
    pub const PRE: u32 = 1 << 3;
    /// Inside a block quotation.
    pub const BLOCKQUOTE: u32 = 1 << 4;
    /// Inside a list item (`li`, `dd`, `dt`).
    pub const LIST_ITEM: u32 = 1 << 5;
    /// Inside a table cell or caption.
    pub const CELL: u32 = 1 << 6;
    /// Inside a `<figure>`.
    pub const FIGURE: u32 = 1 << 7;
    /// Inside a `<figcaption>`.
    pub const FIGCAPTION: u32 = 1 << 8;
    /// Inside `<title>` (in the head).
    pub const TITLE: u32 = 1 << 9;
    /// Inside a JSON-LD `<script>`.
    pub const LD_JSON: u32 = 1 << 10;
    /// Inside a `<time>`.
    pub const TIME: u32 = 1 << 11;
    /// Inside a button, label or other form control.
    pub const CONTROL: u32 = 1 << 12;
    /// Inside `<head>`.
    pub const HEAD: u32 = 1 << 13;
    /// Heading level (1-6) lives in these bits.
    pub const HEADING_SHIFT: u32 = 16;
    /// Mask of the heading level bits.
    pub const HEADING_MASK: u32 = 0b111 << HEADING_SHIFT;
}

/// An element of the layout tree (phrasing elements get none).
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// Parent node, [`NONE`] for the root. Always smaller than the node's own index.
    pub parent: u32,
    /// The element.
    pub tag: Tag,
    /// What the tag, class, id, role and itemprop say.
    pub hint: Hint,
    /// First block whose container is this node or a descendant, [`NONE`] if none yet.
    pub first_block: u32,
    /// `class` and `id` as written, kept only when parsing for a diagnosis.
    pub label: Option<Box<str>>,
}

/// A block of text as written, with the raw counts the scorer starts from.
#[derive(Clone, Debug)]
pub(crate) struct RawBlock {
    /// Byte range in the text.
    pub start: u32,
    /// End of the byte range (exclusive).
    pub end: u32,
    /// The nearest block-level element around the text.
    pub node: u32,
    /// Kind from the element context.
    pub kind: BlockKind,
    /// Heading level, 0 when not a heading.
    pub heading: u8,
    /// Context flags of the element that opened the block.
    pub ctx: u32,
    /// Bytes of text inside links.
    pub link_bytes: u32,
    /// Bytes of text inside `<time>` elements.
    pub time_bytes: u32,
}

/// What a metadata capture is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaptureKind {
    /// `rel=author`, `itemprop=author`, class `byline`/`author`.
    Author,
    /// `itemprop=headline`.
    Headline,
    /// `itemprop=datePublished` or `<time>`.
    Date,
}

/// A piece of visible text (or an attribute value) that names the author, headline or date.
#[derive(Clone, Debug)]
pub(crate) struct Capture {
    /// What it names.
    pub kind: CaptureKind,
    /// Text range written while the element was open.
    pub start: u32,
    /// End of that range.
    pub end: u32,
    /// A machine-readable value from an attribute (`datetime`, `content`).
    pub value: Option<String>,
    /// The element carried a strong marker (itemprop, rel) rather than a class word.
    pub strong: bool,
}

/// Metadata as found, before any choice is made.
#[derive(Clone, Debug, Default)]
pub(crate) struct MetaRaw {
    /// `<meta>` tags of interest: lowercased key (`property`, `name` or `itemprop`) and content.
    pub metas: Vec<(String, String)>,
    /// Text of each JSON-LD script.
    pub ld_json: Vec<String>,
    /// The first `<title>`.
    pub title_tag: Option<String>,
    /// Authors, headlines and dates found in the body.
    pub captures: Vec<Capture>,
}

/// Everything the single pass produces.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub text: String,
    pub map: SourceMap,
    pub nodes: Vec<Node>,
    pub blocks: Vec<RawBlock>,
    pub meta: MetaRaw,
}

/// Parses `html` in one pass.
pub(crate) fn parse(html: &str) -> Page {
    parse_with(html, false)
}

/// Parses `html`; with `labels`, nodes keep their class and id for [`crate::explain`].
pub(crate) fn parse_with(html: &str, labels: bool) -> Page {
    let mut kept = take_kept();
    let mut builder = Builder::new(html.len(), &mut kept);
    builder.labels = labels;
    let sink = Sink::new(html, &mut kept.sink, &mut builder);
    // The string reader never fails and this emitter never yields tokens: running the
    // iterator to its end drives the whole parse.
    for result in Tokenizer::new_with_emitter(html, sink) {
        if result.is_err() {
            break;
        }
    }
    let page = builder.finish();
    builder.keep(&mut kept);
    put_kept(kept);
    page
}

/// Buffers a parse leaves for the next one on the same thread: their capacity stays
/// (within bounds), so a stream of pages allocates little.
#[derive(Debug, Default)]
struct Kept {
    sink: SinkBufs,
    stack: Vec<Entry>,
    open_by_name: Vec<Vec<u32>>,
    scratch: Vec<u8>,
    class_cache: hints::ClassCache,
    nodes: Vec<Node>,
    blocks: Vec<RawBlock>,
}

/// Capacity above which a kept buffer is dropped rather than kept (one huge page should
/// not pin its memory to the thread).
const MAX_KEPT: usize = 1 << 16;

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::default();
}

fn take_kept() -> Kept {
    KEPT.try_with(|k| k.try_borrow_mut().map(|mut k| std::mem::take(&mut *k)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
}

fn put_kept(kept: Kept) {
    let _ = KEPT.try_with(|k| {
        if let Ok(mut slot) = k.try_borrow_mut() {
            *slot = kept;
        }
    });
}

/// Gives a page's node and block arrays back for the next page on this thread.
pub(crate) fn recycle(mut nodes: Vec<Node>, mut blocks: Vec<RawBlock>) {
    nodes.clear();
    blocks.clear();
    let _ = KEPT.try_with(|k| {
        if let Ok(mut kept) = k.try_borrow_mut() {
            if nodes.capacity() <= MAX_KEPT && nodes.capacity() > kept.nodes.capacity() {
                kept.nodes = nodes;
            }
            if blocks.capacity() <= MAX_KEPT && blocks.capacity() > kept.blocks.capacity() {
                kept.blocks = blocks;
            }
        }
    });
}

#[derive(Clone, Copy, Debug)]
struct AttrSpan {
    name: (u32, u32),
    value: (u32, u32),
    /// Which of the attributes the builder reads this is; only their values are kept.
    key: Option<AttrKey>,
}

/// The attributes the builder reads, in the order of [`TagAttrs`]' fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AttrKey {
    Class,
    Id,
    Role,
    Itemprop,
    Itemtype,
    Rel,
    Datetime,
    Content,
    Name,
    Property,
    Style,
    Type,
}

impl AttrKey {
    const COUNT: usize = AttrKey::Type as usize + 1;

    fn of(name: &[u8]) -> Option<AttrKey> {
        Some(match name {
            b"class" => AttrKey::Class,
            b"id" => AttrKey::Id,
            b"role" => AttrKey::Role,
            b"itemprop" => AttrKey::Itemprop,
            b"itemtype" => AttrKey::Itemtype,
            b"rel" => AttrKey::Rel,
            b"datetime" => AttrKey::Datetime,
            b"content" => AttrKey::Content,
            b"name" => AttrKey::Name,
            b"property" => AttrKey::Property,
            b"style" => AttrKey::Style,
            b"type" => AttrKey::Type,
            _ => return None,
        })
    }
}

/// The emitter: collects one tag at a time and hands it to the builder.
struct Sink<'h> {
    html: &'h str,
    pos: usize,
    last_end: usize,
    tag_is_end: bool,
    self_closing: bool,
    bufs: &'h mut SinkBufs,
    builder: &'h mut Builder,
}

/// The emitter's buffers, kept from page to page.
#[derive(Debug, Default)]
struct SinkBufs {
    name: Vec<u8>,
    last_start: Vec<u8>,
    attr_buf: Vec<u8>,
    attrs: Vec<AttrSpan>,
}

impl<'h> Sink<'h> {
    fn new(html: &'h str, bufs: &'h mut SinkBufs, builder: &'h mut Builder) -> Self {
        bufs.name.clear();
        bufs.last_start.clear();
        bufs.attr_buf.clear();
        bufs.attrs.clear();
        Sink {
            html,
            pos: 0,
            last_end: 0,
            tag_is_end: false,
            self_closing: false,
            bufs,
            builder,
        }
    }
}

/// The values of the attributes the builder reads: the first of each name, as HTML says.
fn read_attrs<'b>(buf: &'b [u8], attrs: &[AttrSpan]) -> [Option<&'b [u8]>; AttrKey::COUNT] {
    let mut values = [None; AttrKey::COUNT];
    for a in attrs {
        if let Some(key) = a.key {
            let slot = &mut values[key as usize];
            if slot.is_none() {
                *slot = buf.get(a.value.0 as usize..a.value.1 as usize);
            }
        }
    }
    values
}

fn has_attr(buf: &[u8], attrs: &[AttrSpan], name: &[u8]) -> bool {
    attrs.iter().any(|a| {
        buf.get(a.name.0 as usize..a.name.1 as usize)
            .is_some_and(|n| n == name)
    })
}

impl Emitter for Sink<'_> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.bufs.last_start.clear();
        self.bufs
            .last_start
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {}

    fn emit_error(&mut self, _error: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, s: &[u8]) {
        let end = self.pos.min(self.html.len());
        let top_ctx = self.builder.top().ctx;
        if top_ctx & ctx::INVISIBLE != 0
            && top_ctx & (ctx::LD_JSON | ctx::TITLE) == 0
            && self.builder.top().tag != Tag::Head
        {
            // Script, style and the like: nothing to write or map.
            self.last_end = end;
            return;
        }
        // A chunk read straight from the input maps byte for byte (and is already valid
        // UTF-8: it is a slice of the input); a decoded entity or a normalized newline
        // maps as a whole to what was consumed since the last chunk.
        let verbatim = end
            .checked_sub(s.len())
            .filter(|&start| self.html.as_bytes().get(start..end) == Some(s))
            .and_then(|start| self.html.get(start..end).map(|t| (start, t)));
        let last_end = self.last_end.min(end);
        self.last_end = end;
        match verbatim {
            Some((start, text)) => self.builder.text(text, start..end),
            None => match std::str::from_utf8(s) {
                Ok(text) => self.builder.text(text, last_end..end),
                Err(_) => {
                    let text = String::from_utf8_lossy(s);
                    self.builder.text(&text, last_end..end);
                }
            },
        }
    }

    fn init_start_tag(&mut self) {
        self.bufs.name.clear();
        self.bufs.attr_buf.clear();
        self.bufs.attrs.clear();
        self.tag_is_end = false;
        self.self_closing = false;
    }

    fn init_end_tag(&mut self) {
        self.bufs.name.clear();
        self.bufs.attr_buf.clear();
        self.bufs.attrs.clear();
        self.tag_is_end = true;
        self.self_closing = false;
    }

    fn init_comment(&mut self) {}

    fn emit_current_tag(&mut self) -> Option<State> {
        self.last_end = self.pos.min(self.html.len());
        if self.tag_is_end {
            self.builder.end_tag(&self.bufs.name);
            return None;
        }
        self.bufs.last_start.clear();
        self.bufs.last_start.extend_from_slice(&self.bufs.name);
        let tag = Tag::from_name(&self.bufs.name);
        let foreign = self.builder.in_foreign();
        let (buf, spans) = (&self.bufs.attr_buf, &self.bufs.attrs);
        let v = read_attrs(buf, spans);
        let attrs = TagAttrs {
            class: v[AttrKey::Class as usize],
            id: v[AttrKey::Id as usize],
            role: v[AttrKey::Role as usize],
            itemprop: v[AttrKey::Itemprop as usize],
            itemtype: v[AttrKey::Itemtype as usize],
            rel: v[AttrKey::Rel as usize],
            datetime: v[AttrKey::Datetime as usize],
            content: v[AttrKey::Content as usize],
            name: v[AttrKey::Name as usize],
            property: v[AttrKey::Property as usize],
            style: v[AttrKey::Style as usize],
            kind: v[AttrKey::Type as usize],
            open: tag == Tag::Dialog && has_attr(buf, spans, b"open"),
        };
        let pushed = self
            .builder
            .start_tag(tag, &self.bufs.name, &attrs, self.self_closing);
        if !pushed {
            return None;
        }
        // Raw-text elements switch the tokenizer, as a browser would. In foreign content
        // only `<script>` does (an svg `<title>` or `<style>` is plain markup there, and
        // a self-closed one has no content at all).
        if foreign && tag != Tag::Script {
            return None;
        }
        html5gum::naive_next_state(&self.bufs.name)
    }

    fn emit_current_comment(&mut self) {
        self.last_end = self.pos.min(self.html.len());
    }

    fn emit_current_doctype(&mut self) {
        self.last_end = self.pos.min(self.html.len());
    }

    fn set_self_closing(&mut self) {
        if !self.tag_is_end {
            self.self_closing = true;
        }
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        if self.bufs.name.len() < 256 {
            self.bufs.name.extend_from_slice(s);
        }
    }

    fn push_comment(&mut self, _s: &[u8]) {}

    fn push_doctype_name(&mut self, _s: &[u8]) {}

    fn init_doctype(&mut self) {}

    fn init_attribute(&mut self) {
        if self.tag_is_end || self.bufs.attrs.len() >= 64 {
            // Attributes of end tags mean nothing; past 64 a tag is junk anyway.
            self.bufs.attrs.push(AttrSpan {
                name: (0, 0),
                value: (0, 0),
                key: None,
            });
            return;
        }
        let at = self.bufs.attr_buf.len() as u32;
        self.bufs.attrs.push(AttrSpan {
            name: (at, at),
            value: (at, at),
            key: None,
        });
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        if self.tag_is_end || self.bufs.attrs.len() > 64 {
            return;
        }
        if let Some(a) = self.bufs.attrs.last_mut() {
            if (a.name.1 - a.name.0) as usize + s.len() <= 64 {
                self.bufs.attr_buf.extend_from_slice(s);
                a.name.1 += s.len() as u32;
            }
            a.value = (a.name.1, a.name.1);
        }
    }

    fn init_attribute_value(&mut self) {
        if let Some(a) = self.bufs.attrs.last_mut() {
            let name = self
                .bufs
                .attr_buf
                .get(a.name.0 as usize..a.name.1 as usize)
                .unwrap_or_default();
            a.key = AttrKey::of(name);
            let end = self.bufs.attr_buf.len() as u32;
            a.value = (end, end);
        }
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if self.tag_is_end {
            return;
        }
        if let Some(a) = self.bufs.attrs.last_mut()
            && a.key.is_some()
            && (a.value.1 - a.value.0) as usize + s.len() <= MAX_ATTR_VALUE
        {
            self.bufs.attr_buf.extend_from_slice(s);
            a.value.1 += s.len() as u32;
        }
    }

    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _s: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _s: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.tag_is_end
            && !self.bufs.last_start.is_empty()
            && self.bufs.last_start == self.bufs.name
    }

    fn move_position(&mut self, offset: isize) {
        self.pos = self.pos.saturating_add_signed(offset);
    }
}

/// The attributes of a start tag the builder looks at.
pub(crate) struct TagAttrs<'a> {
    pub class: Option<&'a [u8]>,
    pub id: Option<&'a [u8]>,
    pub role: Option<&'a [u8]>,
    pub itemprop: Option<&'a [u8]>,
    pub itemtype: Option<&'a [u8]>,
    pub rel: Option<&'a [u8]>,
    pub datetime: Option<&'a [u8]>,
    pub content: Option<&'a [u8]>,
    pub name: Option<&'a [u8]>,
    pub property: Option<&'a [u8]>,
    pub style: Option<&'a [u8]>,
    pub kind: Option<&'a [u8]>,
    pub open: bool,
}

/// An open element.
#[derive(Clone, Copy, Debug)]
struct Entry {
    tag: Tag,
    name_id: u32,
    /// Own node, or the nearest ancestor's for phrasing elements.
    node: u32,
    /// Node of the nearest block-level element (itself included).
    block_node: u32,
    ctx: u32,
    /// Stack position of the nearest scope boundary, itself included.
    scope: u32,
    /// Same, with `ol`/`ul` also bounding (list item scope).
    list_scope: u32,
    /// Stack position of the nearest `table` (or `html`/`template`): table scope.
    table: u32,
    /// Capture this element feeds, or [`NONE`].
    capture: u32,
    /// Stack position of the nearest "special" (block-level) element, itself included.
    special: u32,
}

/// The separator owed before the next word of the open block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    None,
    Space,
    Tab,
    Newline,
}

#[derive(Clone, Copy, Debug)]
struct OpenBlock {
    start: u32,
    node: u32,
    ctx: u32,
    link_bytes: u32,
    time_bytes: u32,
    /// `<br>`s seen since the last word: two in a row end the paragraph.
    breaks: u8,
}

struct Builder {
    text: String,
    map: SourceMap,
    nodes: Vec<Node>,
    blocks: Vec<RawBlock>,
    meta: MetaRaw,
    stack: Vec<Entry>,
    open_by_name: Vec<Vec<u32>>,
    unknown_names: HashMap<Vec<u8>, u32>,
    block: Option<OpenBlock>,
    sep: Sep,
    ld_buf: String,
    title_buf: String,
    scratch: Vec<u8>,
    class_cache: hints::ClassCache,
    body_seen: bool,
    head_seen: bool,
    labels: bool,
}

impl Builder {
    fn new(html_len: usize, kept: &mut Kept) -> Self {
        let mut nodes = std::mem::take(&mut kept.nodes);
        nodes.clear();
        nodes.reserve(html_len / 200);
        let mut blocks = std::mem::take(&mut kept.blocks);
        blocks.clear();
        blocks.reserve(html_len / 1000);
        let mut stack = std::mem::take(&mut kept.stack);
        stack.clear();
        let mut open_by_name = std::mem::take(&mut kept.open_by_name);
        open_by_name.truncate(Tag::COUNT + 1);
        open_by_name.iter_mut().for_each(Vec::clear);
        open_by_name.resize(Tag::COUNT + 1, Vec::new());
        let mut class_cache = std::mem::take(&mut kept.class_cache);
        class_cache.clear();
        let mut b = Builder {
            text: String::with_capacity(html_len / 6),
            map: SourceMap::new(),
            nodes,
            blocks,
            meta: MetaRaw::default(),
            stack,
            open_by_name,
            unknown_names: HashMap::new(),
            block: None,
            sep: Sep::None,
            ld_buf: String::new(),
            title_buf: String::new(),
            scratch: std::mem::take(&mut kept.scratch),
            class_cache,
            body_seen: false,
            head_seen: false,
            labels: false,
        };
        // The document itself: node 0, stack bottom, never popped.
        b.nodes.push(Node {
            parent: NONE,
            tag: Tag::Html,
            hint: Hint::default(),
            first_block: NONE,
            label: None,
        });
        b.stack.push(Entry {
            tag: Tag::Html,
            name_id: NONE,
            node: 0,
            block_node: 0,
            ctx: 0,
            scope: 0,
            list_scope: 0,
            table: 0,
            capture: NONE,
            special: 0,
        });
        b
    }

    fn top(&self) -> Entry {
        // The root entry is never popped, so the stack is never empty.
        self.stack.last().copied().unwrap_or(Entry {
            tag: Tag::Html,
            name_id: NONE,
            node: 0,
            block_node: 0,
            ctx: 0,
            scope: 0,
            list_scope: 0,
            table: 0,
            capture: NONE,
            special: 0,
        })
    }

    fn in_foreign(&self) -> bool {
        self.top().ctx & ctx::FOREIGN != 0
    }

    fn name_id(&mut self, tag: Tag, name: &[u8]) -> u32 {
        if tag != Tag::Other {
            return tag as u32;
        }
        if let Some(&id) = self.unknown_names.get(name) {
            return id;
        }
        let id = self.open_by_name.len() as u32;
        self.open_by_name.push(Vec::new());
        self.unknown_names.insert(name.to_vec(), id);
        id
    }

    /// Stack position of the nearest open element with this name id.
    fn nearest(&self, name_id: u32) -> Option<u32> {
        self.open_by_name
            .get(name_id as usize)
            .and_then(|v| v.last().copied())
    }

    // ---- text -------------------------------------------------------------------

    fn text(&mut self, s: &str, src: Range<usize>) {
        let top = self.top();
        if top.ctx & ctx::INVISIBLE != 0 {
            if top.ctx & ctx::LD_JSON != 0 && self.ld_buf.len() + s.len() <= MAX_LD_JSON {
                self.ld_buf.push_str(s);
            } else if top.ctx & ctx::TITLE != 0 && self.title_buf.len() + s.len() <= 64 * 1024 {
                self.title_buf.push_str(s);
            } else if top.tag == Tag::Head && s.bytes().any(|b| !b.is_ascii_whitespace()) {
                // Text in the head ends it, as in a browser; then it is body text.
                self.pop_to(self.stack.len() as u32 - 1);
                self.text(s, src);
            }
            return;
        }
        let verbatim = s.len() == src.len();
        let bytes = s.as_bytes();
        let pre = top.ctx & ctx::PRE != 0;
        let mut i = 0;
        while i < bytes.len() {
            if pre {
                // Preformatted text keeps its line breaks; spaces and tabs stay as they are.
                match bytes[i] {
                    b'\n' => {
                        self.owe(Sep::Newline);
                        i += 1;
                        continue;
                    }
                    b'\r' | b'\x0c' => {
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
                let start = i;
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r' | b'\x0c') {
                    i += 1;
                }
                let run = s.get(start..i).unwrap_or_default();
                if run.trim_ascii().is_empty() && self.sep >= Sep::Newline {
                    // Indentation of an empty line.
                    continue;
                }
                self.write_run(run, run_source(verbatim, &src, start, i), top.ctx);
                continue;
            }
            let w = space_len(bytes, i);
            if w > 0 {
                self.owe(Sep::Space);
                i += w;
                continue;
            }
            // A stretch of words with single ASCII spaces between them is written as it
            // stands: the same text as word by word with a space owed between, in one
            // copy and one source map segment.
            let start = i;
            let (end, spaces) = stretch_end(bytes, i);
            i = end;
            let run = s.get(start..i).unwrap_or_default();
            self.write_words(run, run_source(verbatim, &src, start, i), top.ctx, spaces);
        }
    }

    fn owe(&mut self, sep: Sep) {
        if sep > self.sep {
            self.sep = sep;
        }
    }

    fn write_run(&mut self, run: &str, src: Range<usize>, ctx_flags: u32) {
        self.write_words(run, src, ctx_flags, 0);
    }

    /// Writes `run`, which holds `spaces` single spaces between its words, after the
    /// separator owed. The spaces do not count as text inside links or times.
    fn write_words(&mut self, run: &str, src: Range<usize>, ctx_flags: u32, spaces: u32) {
        if run.is_empty() || self.text.len() + run.len() + 2 > MAX_TEXT {
            return;
        }
        match &mut self.block {
            Some(block) => {
                let sep = match self.sep {
                    Sep::None => None,
                    Sep::Space => Some(" "),
                    Sep::Tab => Some("\t"),
                    Sep::Newline => Some("\n"),
                };
                if let Some(sep) = sep {
                    self.text.push_str(sep);
                }
                block.breaks = 0;
            }
            None => {
                if !self.text.is_empty() {
                    self.text.push_str("\n\n");
                }
                let top = self.top();
                self.block = Some(OpenBlock {
                    start: self.text.len() as u32,
                    node: top.block_node,
                    ctx: ctx_flags,
                    link_bytes: 0,
                    time_bytes: 0,
                    breaks: 0,
                });
                let mut node = top.block_node;
                let block_index = self.blocks.len() as u32;
                // Mark the first block of this node and of ancestors still without one;
                // each node is marked once, so this stays linear overall.
                while let Some(n) = self.nodes.get_mut(node as usize) {
                    if n.first_block != NONE {
                        break;
                    }
                    n.first_block = block_index;
                    node = n.parent;
                }
            }
        }
        self.sep = Sep::None;
        let at = self.text.len();
        self.text.push_str(run);
        self.map.push(at..self.text.len(), src);
        if let Some(block) = &mut self.block {
            let word_bytes = (run.len() as u32).saturating_sub(spaces);
            if ctx_flags & ctx::LINK != 0 {
                block.link_bytes += word_bytes;
            }
            if ctx_flags & ctx::TIME != 0 {
                block.time_bytes += word_bytes;
            }
        }
    }

    /// Ends the open block, if any.
    fn boundary(&mut self) {
        self.sep = Sep::None;
        let Some(block) = self.block.take() else {
            return;
        };
        let end = self.text.len() as u32;
        if end <= block.start {
            return;
        }
        let level = ((block.ctx & ctx::HEADING_MASK) >> ctx::HEADING_SHIFT) as u8;
        let kind = if level > 0 {
            BlockKind::Heading
        } else if block.ctx & ctx::PRE != 0 {
            BlockKind::Preformatted
        } else if block.ctx & ctx::BLOCKQUOTE != 0 {
            BlockKind::Blockquote
        } else if block.ctx & ctx::LIST_ITEM != 0 {
            BlockKind::ListItem
        } else if block.ctx & ctx::CELL != 0
            && self
                .text
                .get(block.start as usize..end as usize)
                .is_some_and(|t| t.contains('\t'))
        {
            // A row of cells; text alone in a (layout) cell is a paragraph.
            BlockKind::Table
        } else {
            BlockKind::Paragraph
        };
        self.blocks.push(RawBlock {
            start: block.start,
            end,
            node: block.node,
            kind,
            heading: level,
            ctx: block.ctx,
            link_bytes: block.link_bytes,
            time_bytes: block.time_bytes,
        });
    }

    fn line_break(&mut self) {
        if let Some(block) = &mut self.block {
            block.breaks = block.breaks.saturating_add(1);
            if block.breaks >= 2 {
                // `<br><br>`: a paragraph break in pages laid out without <p>.
                self.boundary();
            } else {
                self.sep = Sep::Newline;
            }
        }
    }

    // ---- tags -------------------------------------------------------------------

    /// Handles a start tag; returns whether an element was opened (so that raw-text
    /// elements may switch the tokenizer state).
    fn start_tag(
        &mut self,
        tag: Tag,
        name: &[u8],
        attrs: &TagAttrs<'_>,
        self_closing: bool,
    ) -> bool {
        let top = self.top();
        if top.ctx & ctx::FOREIGN != 0 {
            // Inside svg/math nothing is rendered as text; only nesting matters.
            if self_closing {
                return false;
            }
            let name_id = self.name_id(tag, name);
            self.push(Entry {
                tag,
                name_id,
                capture: NONE,
                ..top
            });
            return true;
        }
        if top.ctx & ctx::HEAD != 0 && !tag.allowed_in_head() && !self.head_is_inside_raw() {
            // Content starts: the head ends.
            if let Some(head) = self.nearest(Tag::Head as u32) {
                self.pop_to(head);
            }
        }
        match tag {
            Tag::Html => return false,
            Tag::Body => {
                if let Some(head) = self.nearest(Tag::Head as u32) {
                    self.pop_to(head);
                }
                if self.body_seen || self.nearest(Tag::Body as u32).is_some() {
                    return false;
                }
                self.body_seen = true;
            }
            Tag::Head => {
                if self.head_seen || self.body_seen {
                    return false;
                }
                self.head_seen = true;
            }
            Tag::Meta => {
                self.meta_tag(attrs);
                return false;
            }
            _ => {}
        }
        self.implied_end_tags(tag);
        if tag == Tag::Br {
            self.line_break();
            return false;
        }
        if tag.is_block() {
            self.boundary();
        }
        if tag.is_control() {
            // Buttons, fields and embedded boxes stand apart from the words around them.
            self.owe(Sep::Space);
        }
        if tag.is_void() {
            if tag == Tag::Hr {
                self.boundary();
            }
            return false;
        }
        if matches!(tag, Tag::Td | Tag::Th) {
            self.owe(Sep::Tab);
        }

        let top = self.top();
        let mut flags = top.ctx & !ctx::HEAD;
        let invisible = match tag {
            Tag::Dialog => !attrs.open,
            Tag::Head => true,
            t => t.is_invisible(),
        } || attrs.style.is_some_and(hides);
        if invisible {
            flags |= ctx::INVISIBLE;
        }
        match tag {
            Tag::Svg | Tag::Math => flags |= ctx::FOREIGN,
            Tag::A => flags |= ctx::LINK,
            Tag::Pre | Tag::Listing | Tag::Xmp | Tag::Plaintext => flags |= ctx::PRE,
            Tag::Blockquote => flags |= ctx::BLOCKQUOTE,
            Tag::Li | Tag::Dd | Tag::Dt => flags |= ctx::LIST_ITEM,
            Tag::Td | Tag::Th | Tag::Caption => flags |= ctx::CELL,
            Tag::Figure => flags |= ctx::FIGURE,
            Tag::Figcaption => flags |= ctx::FIGCAPTION,
            Tag::Time => flags |= ctx::TIME,
            Tag::Button | Tag::Label | Tag::Option | Tag::Legend => flags |= ctx::CONTROL,
            Tag::Head => flags |= ctx::HEAD,
            Tag::Title => flags |= ctx::TITLE,
            Tag::Script
                if attrs.kind.is_some_and(|t| {
                    t.trim_ascii().eq_ignore_ascii_case(b"application/ld+json")
                }) =>
            {
                flags |= ctx::LD_JSON;
                self.ld_buf.clear();
            }
            _ => {}
        }
        if tag == Tag::Title {
            self.title_buf.clear();
        }
        // A block element inside a cell or list item starts its own kind of block.
        if tag.is_block() && !matches!(tag, Tag::Td | Tag::Th | Tag::Caption) {
            flags &= !ctx::CELL;
        }
        let level = tag.heading_level();
        if level > 0 {
            flags = (flags & !ctx::HEADING_MASK) | (u32::from(level) << ctx::HEADING_SHIFT);
        }

        let name_id = self.name_id(tag, name);
        let index = self.stack.len() as u32;
        let (node, block_node) = if tag.is_phrasing() {
            (top.node, top.block_node)
        } else {
            let mut hint = hints::tag_hint(tag);
            if let Some(v) = attrs.class {
                self.class_cache
                    .evidence(v, &mut self.scratch)
                    .apply(&mut hint);
            }
            if let Some(v) = attrs.id {
                self.class_cache
                    .evidence(v, &mut self.scratch)
                    .apply(&mut hint);
            }
            if let Some(v) = attrs.role {
                hints::add_role(&mut hint, v);
            }
            if let Some(v) = attrs.itemprop {
                hints::add_itemprop(&mut hint, v);
            }
            if let Some(v) = attrs.itemtype
                && is_article_type(v)
            {
                hint.pos = hint.pos.max(1);
            }
            if level > 0 && hint.neg == Some(hints::Reason::Header) {
                // "section-header", "header-anchor": a heading's own class calls it a
                // header in the typographic sense, not the page's masthead.
                hint.neg = None;
                hint.neg_strong = false;
            }
            if tag == Tag::Blockquote && hint.neg == Some(hints::Reason::Share) {
                // An embedded tweet or post: quoted in the article.
                hint.neg = None;
            }
            let id = self.nodes.len() as u32;
            let label = self.labels.then(|| {
                let mut l = String::new();
                if let Some(v) = attrs.id {
                    l.push('#');
                    l.push_str(&String::from_utf8_lossy(v));
                }
                if let Some(v) = attrs.class {
                    l.push('.');
                    l.push_str(&String::from_utf8_lossy(v));
                }
                l.into_boxed_str()
            });
            self.nodes.push(Node {
                parent: top.node,
                tag,
                hint,
                first_block: NONE,
                label,
            });
            let block_node = if tag.is_block() { id } else { top.block_node };
            (id, block_node)
        };
        let scope = if tag.is_scope_boundary() {
            index
        } else {
            top.scope
        };
        let list_scope = if tag.is_scope_boundary() || matches!(tag, Tag::Ol | Tag::Ul) {
            index
        } else {
            top.list_scope
        };
        let table = if matches!(tag, Tag::Table | Tag::Template) {
            index
        } else {
            top.table
        };
        let capture = self.open_capture(tag, attrs, flags);
        let special = if tag.is_special() { index } else { top.special };
        self.push(Entry {
            tag,
            name_id,
            node,
            block_node,
            ctx: flags,
            scope,
            list_scope,
            table,
            capture,
            special,
        });
        true
    }

    /// Whether the current position is inside a raw element of the head (a script in
    /// the head may hold anything).
    fn head_is_inside_raw(&self) -> bool {
        self.top().tag != Tag::Head
    }

    fn implied_end_tags(&mut self, tag: Tag) {
        let top = self.top();
        if tag.closes_p()
            && let Some(p) = self.nearest(Tag::P as u32)
            && p >= top.scope
        {
            self.pop_to(p);
        }
        match tag {
            Tag::Li => {
                if let Some(li) = self.nearest(Tag::Li as u32)
                    && li >= self.top().list_scope
                {
                    self.pop_to(li);
                }
            }
            Tag::Dd | Tag::Dt => {
                let dd = self.nearest(Tag::Dd as u32);
                let dt = self.nearest(Tag::Dt as u32);
                if let Some(at) = dd.max(dt)
                    && at >= self.top().scope
                {
                    self.pop_to(at);
                }
            }
            Tag::Td | Tag::Th | Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                let table = self.top().table;
                let mut closers = [
                    self.nearest(Tag::Td as u32),
                    self.nearest(Tag::Th as u32),
                    None,
                    None,
                ];
                if matches!(tag, Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot) {
                    closers[2] = self.nearest(Tag::Tr as u32);
                }
                if matches!(tag, Tag::Tbody | Tag::Thead | Tag::Tfoot) {
                    closers[3] = [Tag::Tbody, Tag::Thead, Tag::Tfoot]
                        .iter()
                        .filter_map(|t| self.nearest(*t as u32))
                        .max();
                }
                // The outermost open one inside the current table goes, with all above it.
                if let Some(at) = closers.iter().flatten().filter(|&&i| i > table).min() {
                    self.pop_to(*at);
                }
            }
            Tag::Option | Tag::Optgroup => {
                if matches!(self.top().tag, Tag::Option) {
                    let at = self.stack.len() as u32 - 1;
                    self.pop_to(at);
                }
            }
            Tag::A => {
                if let Some(a) = self.nearest(Tag::A as u32)
                    && a >= self.top().scope
                {
                    self.close_formatting(a);
                }
            }
            _ => {}
        }
        if tag.heading_level() > 0 && self.top().tag.heading_level() > 0 {
            let at = self.stack.len() as u32 - 1;
            self.pop_to(at);
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        let tag = Tag::from_name(name);
        match tag {
            Tag::Br => {
                self.line_break();
                return;
            }
            Tag::Body | Tag::Html => {
                self.boundary();
                return;
            }
            _ => {}
        }
        let name_id = if tag == Tag::Other {
            match self.unknown_names.get(name) {
                Some(&id) => id,
                None => return,
            }
        } else {
            tag as u32
        };
        let Some(at) = self.nearest(name_id) else {
            if tag == Tag::P {
                // `</p>` with no open p: a browser makes an empty paragraph.
                self.boundary();
            }
            return;
        };
        let top = self.top();
        let in_scope = if self.in_foreign() {
            true
        } else {
            match tag {
                Tag::Li => at >= top.list_scope,
                Tag::Td | Tag::Th | Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                    at > top.table
                }
                t if t.is_scope_boundary() => true,
                _ => at >= top.scope,
            }
        };
        if !in_scope {
            if tag.is_block() {
                self.boundary();
            }
            return;
        }
        if tag.is_special() || self.in_foreign() {
            self.pop_to(at);
        } else if tag.is_formatting() {
            self.close_formatting(at);
        } else if self.top().special <= at {
            // Any other element: closed only when no block-level element is open
            // inside it (a browser ignores `</span>` across a `<div>`).
            self.pop_to(at);
        }
    }

    /// Closes the formatting element at stack position `at` (`</b>`, `</a>`, or a new
    /// `<a>` inside an open one). When block-level elements were opened inside it, they
    /// stay open, as HTML's adoption agency keeps them: the element is only taken off
    /// the list of elements an end tag can match.
    fn close_formatting(&mut self, at: u32) {
        if self.top().special <= at {
            self.pop_to(at);
            return;
        }
        let Some(entry) = self.stack.get_mut(at as usize) else {
            return;
        };
        let name_id = entry.name_id;
        entry.name_id = NONE;
        if let Some(v) = self.open_by_name.get_mut(name_id as usize)
            && v.last() == Some(&at)
        {
            v.pop();
        }
    }

    fn push(&mut self, entry: Entry) {
        let index = self.stack.len() as u32;
        if let Some(v) = self.open_by_name.get_mut(entry.name_id as usize) {
            v.push(index);
        }
        self.stack.push(entry);
    }

    /// Pops every element from the top down to stack position `at`, inclusive. The root
    /// (position 0) is never popped.
    fn pop_to(&mut self, at: u32) {
        let at = (at as usize).max(1);
        while self.stack.len() > at {
            let Some(entry) = self.stack.pop() else {
                break;
            };
            if let Some(v) = self.open_by_name.get_mut(entry.name_id as usize) {
                v.pop();
            }
            self.close(entry);
        }
    }

    fn close(&mut self, entry: Entry) {
        if entry.tag.is_block() {
            self.boundary();
        } else if entry.tag.is_control() {
            self.owe(Sep::Space);
        }
        if entry.capture != NONE
            && let Some(c) = self.meta.captures.get_mut(entry.capture as usize)
        {
            c.end = self.text.len() as u32;
        }
        match entry.tag {
            Tag::Script
                if entry.ctx & ctx::LD_JSON != 0 && !self.ld_buf.trim_ascii().is_empty() =>
            {
                self.meta.ld_json.push(std::mem::take(&mut self.ld_buf));
            }
            Tag::Title if entry.ctx & ctx::FOREIGN == 0 && self.meta.title_tag.is_none() => {
                let t = collapse_spaces(&self.title_buf);
                if !t.is_empty() {
                    self.meta.title_tag = Some(t);
                }
            }
            _ => {}
        }
    }

    /// Hands the buffers worth keeping to `kept` (after [`Builder::finish`]).
    fn keep(self, kept: &mut Kept) {
        if self.stack.capacity() <= MAX_KEPT {
            kept.stack = self.stack;
        }
        if self.open_by_name.iter().map(Vec::capacity).sum::<usize>() <= MAX_KEPT {
            kept.open_by_name = self.open_by_name;
        }
        if self.scratch.capacity() <= MAX_KEPT {
            kept.scratch = self.scratch;
        }
        kept.class_cache = self.class_cache;
        let sink = &mut kept.sink;
        if sink.attr_buf.capacity() > MAX_KEPT {
            *sink = SinkBufs::default();
        }
    }

    fn finish(&mut self) -> Page {
        self.pop_to(1);
        self.boundary();
        Page {
            text: std::mem::take(&mut self.text),
            map: std::mem::take(&mut self.map),
            nodes: std::mem::take(&mut self.nodes),
            blocks: std::mem::take(&mut self.blocks),
            meta: std::mem::take(&mut self.meta),
        }
    }

    // ---- metadata ---------------------------------------------------------------

    fn meta_tag(&mut self, attrs: &TagAttrs<'_>) {
        let Some(content) = attrs.content else {
            return;
        };
        for key in [attrs.property, attrs.name, attrs.itemprop]
            .into_iter()
            .flatten()
        {
            let key = key.trim_ascii();
            if key.is_empty() || key.len() > 64 || !wanted_meta(key) {
                continue;
            }
            if self.meta.metas.len() >= 512 {
                return;
            }
            let key = String::from_utf8_lossy(key).to_ascii_lowercase();
            let value = collapse_spaces(&String::from_utf8_lossy(content));
            if !value.is_empty() {
                self.meta.metas.push((key, value));
            }
        }
    }

    fn open_capture(&mut self, tag: Tag, attrs: &TagAttrs<'_>, flags: u32) -> u32 {
        if flags & ctx::INVISIBLE != 0 || self.meta.captures.len() >= MAX_CAPTURES {
            return NONE;
        }
        let mut kind = None;
        let mut strong = false;
        let mut value = None;
        if let Some(prop) = attrs.itemprop {
            for word in prop.split(|b| b.is_ascii_whitespace()) {
                if word.eq_ignore_ascii_case(b"author") || word.eq_ignore_ascii_case(b"creator") {
                    kind = Some(CaptureKind::Author);
                } else if word.eq_ignore_ascii_case(b"headline") {
                    kind = Some(CaptureKind::Headline);
                } else if word.eq_ignore_ascii_case(b"datePublished") {
                    kind = Some(CaptureKind::Date);
                    value = attrs.datetime.or(attrs.content);
                }
            }
            strong = kind.is_some();
        }
        if kind.is_none()
            && attrs.rel.is_some_and(|r| {
                r.split(|b| b.is_ascii_whitespace())
                    .any(|w| w.eq_ignore_ascii_case(b"author"))
            })
        {
            kind = Some(CaptureKind::Author);
            strong = true;
        }
        if kind.is_none() && tag == Tag::Time {
            kind = Some(CaptureKind::Date);
            value = attrs.datetime;
        }
        if kind.is_none()
            && let Some(class) = attrs.class
            && class_has_word(
                class,
                &[b"byline", b"author", b"byline__author", b"author-name"],
            )
        {
            kind = Some(CaptureKind::Author);
        }
        let Some(kind) = kind else {
            return NONE;
        };
        let at = self.text.len() as u32;
        self.meta.captures.push(Capture {
            kind,
            start: at,
            end: at,
            value: value
                .map(|v| collapse_spaces(&String::from_utf8_lossy(v)))
                .filter(|v| !v.is_empty()),
            strong,
        });
        (self.meta.captures.len() - 1) as u32
    }
}

fn run_source(verbatim: bool, src: &Range<usize>, start: usize, end: usize) -> Range<usize> {
    if verbatim {
        src.start + start..src.start + end
    } else {
        src.clone()
    }
}

/// Whitespace classes of bytes, for [`stretch_end`].
mod ws {
    /// Part of a word.
    pub const WORD: u8 = 0;
    /// ASCII whitespace.
    pub const SPACE: u8 = 1;
    /// May start a multi-byte space (no-break, en, em, ideographic...): see
    /// [`super::space_len`].
    pub const LEAD: u8 = 2;
}

static WS_CLASS: [u8; 256] = {
    let mut t = [ws::WORD; 256];
    t[b' ' as usize] = ws::SPACE;
    t[b'\t' as usize] = ws::SPACE;
    t[b'\n' as usize] = ws::SPACE;
    t[b'\r' as usize] = ws::SPACE;
    t[0x0c] = ws::SPACE;
    t[0xC2] = ws::LEAD;
    t[0xE2] = ws::LEAD;
    t[0xE3] = ws::LEAD;
    t
};

/// Whether a word character (not whitespace) starts at `i`.
#[inline]
fn word_at(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(&c) => match WS_CLASS[c as usize] {
            ws::WORD => true,
            ws::LEAD => space_len(b, i) == 0,
            _ => false,
        },
        None => false,
    }
}

/// From the start of a word at `i`, the end of the stretch of words joined by single
/// ASCII spaces, and the number of those spaces.
#[inline]
fn stretch_end(b: &[u8], mut i: usize) -> (usize, u32) {
    let mut spaces = 0;
    while let Some(&c) = b.get(i) {
        match WS_CLASS[c as usize] {
            ws::WORD => i += 1,
            ws::LEAD if space_len(b, i) == 0 => i += 1,
            ws::SPACE if c == b' ' && word_at(b, i + 1) => {
                spaces += 1;
                i += 1;
            }
            _ => break,
        }
    }
    (i, spaces)
}

/// Length of the whitespace character starting at `i`, or 0. ASCII whitespace and the
/// Unicode spaces a reader sees as blanks (no-break, en/em, thin, ideographic...).
#[inline]
pub(crate) fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => 1,
        Some(0xC2) => match b.get(i + 1) {
            Some(0xA0 | 0x85) => 2,
            _ => 0,
        },
        Some(0xE2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) => 3,
            (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        Some(0xE3) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80)) => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    let mut pending = false;
    while i < b.len() {
        let w = space_len(b, i);
        if w > 0 {
            pending = !out.is_empty();
            i += w;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() && space_len(b, i) == 0 {
            i += 1;
        }
        if pending {
            out.push(' ');
            pending = false;
        }
        out.push_str(s.get(start..i).unwrap_or_default());
    }
    out
}

/// Inline styles that hide an element.
fn hides(style: &[u8]) -> bool {
    let mut compact = [0u8; 64];
    // Look at declarations without spaces, lowercased: "display:none", "visibility:hidden".
    for decl in style.split(|&b| b == b';') {
        let mut n = 0;
        for &b in decl {
            if !b.is_ascii_whitespace() && n < compact.len() {
                compact[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        let d = &compact[..n];
        if d.starts_with(b"display:none") || d.starts_with(b"visibility:hidden") {
            return true;
        }
    }
    false
}

fn is_article_type(itemtype: &[u8]) -> bool {
    let t = itemtype.trim_ascii();
    let last = t.rsplit(|&b| b == b'/').next().unwrap_or(t);
    matches!(
        last,
        b"Article"
            | b"NewsArticle"
            | b"BlogPosting"
            | b"ReportageNewsArticle"
            | b"AnalysisNewsArticle"
            | b"OpinionNewsArticle"
            | b"ReviewNewsArticle"
            | b"TechArticle"
            | b"ScholarlyArticle"
            | b"Report"
            | b"LiveBlogPosting"
    )
}

fn class_has_word(class: &[u8], words: &[&[u8]]) -> bool {
    class
        .split(|b| b.is_ascii_whitespace())
        .any(|c| words.iter().any(|w| c.eq_ignore_ascii_case(w)))
}

/// Meta keys the metadata step reads.
fn wanted_meta(key: &[u8]) -> bool {
    let mut lower = [0u8; 64];
    let n = key.len().min(64);
    for (d, s) in lower.iter_mut().zip(key) {
        *d = s.to_ascii_lowercase();
    }
    let k = &lower[..n];
    k.starts_with(b"og:")
        || k.starts_with(b"article:")
        || k.starts_with(b"parsely-")
        || k.starts_with(b"sailthru.")
        || k.starts_with(b"dc.")
        || k.starts_with(b"dcterms.")
        || k.starts_with(b"citation_")
        || k.starts_with(b"twitter:title")
        || matches!(
            k,
            b"author"
                | b"byl"
                | b"byline"
                | b"title"
                | b"headline"
                | b"date"
                | b"pubdate"
                | b"publishdate"
                | b"publish-date"
                | b"publish_date"
                | b"published_time"
                | b"datepublished"
                | b"datecreated"
                | b"article.published"
                | b"original-publish-date"
                | b"application-name"
                | b"cxenseparse:publishtime"
                | b"cxenseparse:author"
                | b"news_keywords"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        let page = parse(html);
        page.blocks
            .iter()
            .map(|b| page.text[b.start as usize..b.end as usize].to_owned())
            .collect()
    }

    #[test]
    fn paragraphs_and_breaks() {
        assert_eq!(
            blocks("<p>One  two\n three</p><p>Four<br>five</p><div>six<br><br>seven</div>"),
            vec!["One two three", "Four\nfive", "six", "seven"]
        );
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(
            blocks("<ul><li>a<li>b</ul><p>c<p>d<div>e</div>f"),
            vec!["a", "b", "c", "d", "e", "f"]
        );
        assert_eq!(
            blocks("<table><tr><td>a<td>b<tr><td>c</table>"),
            vec!["a\tb", "c"]
        );
    }

    #[test]
    fn invisible_content_is_dropped() {
        let page = parse(
            "<html><head><title>T &amp; U</title><script>var x='<p>';</script></head>\
             <body><p>Visible</p><style>p{}</style><svg><title>x</title><text>y</text></svg>\
             <div style='display: none'>hidden</div><noscript>ns</noscript><p>end</p></body>",
        );
        assert_eq!(page.text, "Visible\n\nend");
        assert_eq!(page.meta.title_tag.as_deref(), Some("T & U"));
    }

    #[test]
    fn entities_map_back_to_their_source() {
        let html = "<p>Fish &amp; chips</p>";
        let page = parse(html);
        assert_eq!(page.text, "Fish & chips");
        assert_eq!(page.map.to_source(0..4), Some(3..7));
        assert_eq!(page.map.to_source(5..6), Some(8..13));
        assert_eq!(page.map.to_source(7..12), Some(14..19));
    }

    #[test]
    fn crlf_text_maps_word_by_word() {
        let html = "<p>line one\r\nline two</p>";
        let page = parse(html);
        assert_eq!(page.text, "line one line two");
        let r = page.map.to_source(9..13).unwrap();
        assert_eq!(&html[r], "line");
    }

    #[test]
    fn unmatched_end_tags_are_ignored() {
        assert_eq!(blocks("<div>a</span></b>b</div></div>c"), vec!["ab", "c"]);
    }

    #[test]
    fn pre_keeps_lines() {
        assert_eq!(blocks("<pre>a  b\n\n  c\n</pre>"), vec!["a  b\n  c"]);
    }
}
