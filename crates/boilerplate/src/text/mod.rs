//! Plain-text mode: judging extracted text block by block.

mod bytemask;
mod features;
mod judge;
mod phrases;
mod shapes;
mod units;

pub use judge::{Params, Scratch, judge};
pub use phrases::Phrases;
