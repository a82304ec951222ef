//! HTML to text with block structure, a source map, page metadata and main-content scoring.
