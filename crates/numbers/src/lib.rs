//! The numbers stage: every number normalized with unit, qualifier and what it counts.
