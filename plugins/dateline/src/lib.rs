//! A stage plugin that finds datelines, bylines and source credits in news text.
