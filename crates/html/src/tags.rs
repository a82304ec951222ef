//! The HTML element names the extractor knows, and what each one means for layout:
//! whether it is void, invisible, a block boundary, a scope boundary for implied end tags.

/// Declares the known tags once: enum variant, lowercase name.
macro_rules! tags {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A known element name. Everything else is [`Tag::Other`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub(crate) enum Tag {
            $($variant,)*
            /// Any element this module does not know (custom elements included).
            Other,
        }

        impl Tag {
            /// Number of known tags (the id of the first unknown name).
            pub(crate) const COUNT: usize = Tag::Other as usize;

            /// The tag for a lowercase element name.
            pub(crate) fn from_name(name: &[u8]) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    A => b"a", Abbr => b"abbr", Address => b"address", Applet => b"applet", Area => b"area",
    Article => b"article", Aside => b"aside", Audio => b"audio", B => b"b", Base => b"base",
    Basefont => b"basefont", Bdi => b"bdi", Bdo => b"bdo", Bgsound => b"bgsound", Big => b"big",
    Blockquote => b"blockquote", Body => b"body", Br => b"br", Button => b"button",
    Canvas => b"canvas", Caption => b"caption", Center => b"center", Cite => b"cite",
    Code => b"code", Col => b"col", Colgroup => b"colgroup", Data => b"data",
    Datalist => b"datalist", Dd => b"dd", Del => b"del", Details => b"details", Dfn => b"dfn",
    Dialog => b"dialog", Dir => b"dir", Div => b"div", Dl => b"dl", Dt => b"dt", Em => b"em",
    Embed => b"embed", Fieldset => b"fieldset", Figcaption => b"figcaption",
    Figure => b"figure", Font => b"font", Footer => b"footer", Form => b"form",
    Frame => b"frame", Frameset => b"frameset", H1 => b"h1", H2 => b"h2", H3 => b"h3",
    H4 => b"h4", H5 => b"h5", H6 => b"h6", Head => b"head", Header => b"header",
    Hgroup => b"hgroup", Hr => b"hr", Html => b"html", I => b"i", Iframe => b"iframe",
    Img => b"img", Input => b"input", Ins => b"ins", Kbd => b"kbd", Keygen => b"keygen",
    Label => b"label", Legend => b"legend", Li => b"li", Link => b"link",
    Listing => b"listing", Main => b"main", Map => b"map", Mark => b"mark",
    Marquee => b"marquee", Math => b"math", Menu => b"menu", Meta => b"meta",
    Nav => b"nav", Nobr => b"nobr", Noembed => b"noembed", Noframes => b"noframes",
    Noscript => b"noscript", Object => b"object", Ol => b"ol", Optgroup => b"optgroup",
    Option => b"option", Output => b"output", P => b"p", Param => b"param",
    Picture => b"picture", Plaintext => b"plaintext", Pre => b"pre", Q => b"q", S => b"s",
    Samp => b"samp", Script => b"script", Search => b"search", Section => b"section",
    Select => b"select", Small => b"small", Source => b"source", Span => b"span",
    Strike => b"strike", Strong => b"strong", Style => b"style", Sub => b"sub",
    Summary => b"summary", Sup => b"sup", Svg => b"svg", Table => b"table", Tbody => b"tbody",
    Td => b"td", Template => b"template", Textarea => b"textarea", Tfoot => b"tfoot",
    Th => b"th", Thead => b"thead", Time => b"time", Title => b"title", Tr => b"tr",
    Track => b"track", Tt => b"tt", U => b"u", Ul => b"ul", Var => b"var", Video => b"video",
    Wbr => b"wbr", Xmp => b"xmp",
}

impl Tag {
    /// Elements that never have content or an end tag.
    pub(crate) fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Basefont
                | Bgsound
                | Br
                | Col
                | Embed
                | Frame
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    /// Elements whose whole subtree a reader never sees.
    pub(crate) fn is_invisible(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Head | Title
                | Script
                | Style
                | Template
                | Noscript
                | Svg
                | Math
                | Iframe
                | Object
                | Applet
                | Canvas
                | Select
                | Datalist
                | Textarea
                | Map
                | Audio
                | Video
                | Noembed
                | Noframes
                | Frameset
                | Dialog
        )
    }

    /// Elements that start and end a text block (paragraph-like boxes and their containers).
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Html
                | Legend
                | Li
                | Listing
                | Main
                | Menu
                | Nav
                | Ol
                | Optgroup
                | Option
                | P
                | Plaintext
                | Pre
                | Search
                | Section
                | Summary
                | Table
                | Tbody
                | Tfoot
                | Thead
                | Tr
                | Ul
                | Xmp
                | Iframe
                | Video
                | Audio
                | Canvas
                | Object
                | Picture
        )
    }

    /// Phrasing elements: they live inside a block and get no node of their own in the
    /// layout tree (their text counts for the enclosing block).
    pub(crate) fn is_phrasing(self) -> bool {
        use Tag::*;
        matches!(
            self,
            A | Abbr
                | B
                | Bdi
                | Bdo
                | Big
                | Br
                | Cite
                | Code
                | Data
                | Del
                | Dfn
                | Em
                | Font
                | I
                | Img
                | Ins
                | Kbd
                | Mark
                | Nobr
                | Q
                | S
                | Samp
                | Small
                | Strike
                | Strong
                | Sub
                | Sup
                | Time
                | Tt
                | U
                | Var
                | Wbr
                | Output
        )
    }

    /// "Special" elements in HTML's sense: block-level and structural elements that
    /// an end tag of an inline element never closes.
    pub(crate) fn is_special(self) -> bool {
        use Tag::*;
        self.is_block()
            || matches!(
                self,
                Td | Th
                    | Caption
                    | Colgroup
                    | Iframe
                    | Textarea
                    | Select
                    | Template
                    | Script
                    | Style
                    | Title
                    | Head
                    | Button
                    | Object
                    | Applet
                    | Marquee
                    | Noscript
                    | Noembed
                    | Noframes
                    | Svg
                    | Math
            )
    }

    /// Form controls and embedded boxes: rendered as boxes apart from the words around.
    pub(crate) fn is_control(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Button
                | Input
                | Select
                | Textarea
                | Iframe
                | Video
                | Audio
                | Canvas
                | Object
                | Embed
                | Img
        )
    }

    /// Formatting elements (HTML's adoption agency list).
    pub(crate) fn is_formatting(self) -> bool {
        use Tag::*;
        matches!(
            self,
            A | B | Big | Code | Em | Font | I | Nobr | S | Small | Strike | Strong | Tt | U
        )
    }

    /// Start tags that close an open `<p>` (HTML's "close a p element" list).
    pub(crate) fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Dd
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Li
                | Listing
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Plaintext
                | Pre
                | Search
                | Section
                | Summary
                | Table
                | Ul
                | Xmp
        )
    }

    /// Elements that bound the "has an element in scope" search of implied end tags.
    pub(crate) fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Applet
                | Caption
                | Html
                | Table
                | Td
                | Th
                | Marquee
                | Object
                | Template
                | Svg
                | Math
                | Button
        )
    }

    /// Heading level 1-6, or 0.
    pub(crate) fn heading_level(self) -> u8 {
        match self {
            Tag::H1 => 1,
            Tag::H2 => 2,
            Tag::H3 => 3,
            Tag::H4 => 4,
            Tag::H5 => 5,
            Tag::H6 => 6,
            _ => 0,
        }
    }

    /// Elements allowed inside `<head>`; any other start tag ends the head.
    pub(crate) fn allowed_in_head(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Base | Basefont
                | Bgsound
                | Link
                | Meta
                | Title
                | Script
                | Style
                | Noscript
                | Template
                | Noframes
                | Object
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Tag;

    #[test]
    fn names_round_trip() {
        assert_eq!(Tag::from_name(b"p"), Tag::P);
        assert_eq!(Tag::from_name(b"blockquote"), Tag::Blockquote);
        assert_eq!(Tag::from_name(b"my-widget"), Tag::Other);
        assert!(Tag::Br.is_void());
        assert!(Tag::Script.is_invisible());
        assert!(Tag::Div.is_block() && !Tag::Span.is_block());
        assert_eq!(Tag::H3.heading_level(), 3);
    }
}
