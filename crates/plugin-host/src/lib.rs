//! Loads stage plugins from dynamic libraries and registers their stage types.
