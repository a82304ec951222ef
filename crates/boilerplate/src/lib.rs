//! The boilerplate stage: keeps the article, marks ads, navigation, captions and other stories as removed.
