//! Plain-text mode: judging extracted text block by block.

mod bytemask;
mod features;
mod judge;
mod phrases;
mod shapes;
mod units;

pub use judge::{Params, Scratch, judge};
pub use phrases::Phrases;

/// Builds the word tables that text mode looks words up in (the phrase automaton is
/// built by [`Phrases::shared`]): once per process, when a stage is built rather than
/// inside its first document.
pub fn prepare() {
    features::prepare();
    shapes::prepare();
}
