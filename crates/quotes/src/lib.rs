//! The quotes stage: every quotation with its speaker and cue.
