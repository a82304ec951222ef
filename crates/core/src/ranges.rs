//! Range sets over the text, and the map from text offsets back to source (HTML) offsets.

use std::ops::Range;

use crate::Span;

/// A sorted set of disjoint byte ranges, queried by binary search.
///
/// Stages use it to skip what an earlier stage removed: build it once per document from
/// the boilerplate layer, then ask [`RangeSet::covers`] for each finding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RangeSet {
    ranges: Vec<(u32, u32)>,
}

impl RangeSet {
    /// The set covering the union of `spans` (any order; overlaps and touching ranges merge).
    pub fn from_spans(spans: &[Span]) -> Self {
        let mut ranges: Vec<(u32, u32)> = spans
            .iter()
            .filter(|s| s.start < s.end)
            .map(|s| (s.start, s.end))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        RangeSet { ranges: merged }
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Whether `range` lies wholly inside the set. An empty range is covered when its
    /// position is strictly inside a member range.
    pub fn covers(&self, range: Range<usize>) -> bool {
        let idx = self
            .ranges
            .partition_point(|&(_, e)| (e as usize) <= range.start);
        match self.ranges.get(idx) {
            Some(&(s, e)) => {
                (s as usize) <= range.start
                    && range.end <= e as usize
                    && (range.start < range.end || (s as usize) < range.start)
            }
            None => false,
        }
    }

    /// Whether `range` shares at least one byte with the set.
    pub fn overlaps(&self, range: Range<usize>) -> bool {
        let idx = self
            .ranges
            .partition_point(|&(_, e)| (e as usize) <= range.start);
        matches!(self.ranges.get(idx), Some(&(s, _)) if (s as usize) < range.end)
    }

    /// The member ranges, sorted and disjoint.
    pub fn iter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.ranges.iter().map(|&(s, e)| s as usize..e as usize)
    }

    /// The parts of `0..len` not in the set, in order.
    pub fn gaps(&self, len: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut pos = 0usize;
        let mut members = self.iter();
        let mut done = false;
        std::iter::from_fn(move || {
            while !done {
                match members.next() {
                    Some(r) => {
                        let gap = pos..r.start.min(len);
                        pos = pos.max(r.end);
                        if gap.start < gap.end {
                            return Some(gap);
                        }
                    }
                    None => {
                        done = true;
                        if pos < len {
                            return Some(pos..len);
                        }
                    }
                }
            }
            None
        })
    }
}

/// One run of the source map: a piece of `text` and the piece of source it came from.
/// When both have the same length the text is a verbatim copy and offsets map one to
/// one; otherwise (decoded entities, collapsed whitespace) the run maps as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    text_start: u32,
    text_len: u32,
    src_start: u32,
    src_len: u32,
}

/// Maps byte offsets in a document's `text` back to byte offsets in the source it was
/// extracted from (usually the raw HTML).
///
/// It stores run-length segments rather than one entry per byte, so an article costs a
/// few hundred segments, and lookups are binary searches. Text that was generated
/// rather than copied (the blank line between two blocks) has no segment; a range that
/// starts or ends there snaps to the nearest mapped text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `text` came from `source`. Calls must come in increasing text order;
    /// a call out of order or with offsets above `u32::MAX` is ignored. Adjacent verbatim
    /// copies merge into one segment.
    pub fn push(&mut self, text: Range<usize>, source: Range<usize>) {
        let (Ok(ts), Ok(te), Ok(ss), Ok(se)) = (
            u32::try_from(text.start),
            u32::try_from(text.end),
            u32::try_from(source.start),
            u32::try_from(source.end),
        ) else {
            return;
        };
        if te < ts || se < ss {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            if ts < last.text_start + last.text_len {
                return;
            }
            let last_verbatim = last.text_len == last.src_len;
            if last_verbatim
                && te - ts == se - ss
                && last.text_start + last.text_len == ts
                && last.src_start + last.src_len == ss
            {
                last.text_len += te - ts;
                last.src_len += se - ss;
                return;
            }
        }
        self.segments.push(Segment {
            text_start: ts,
            text_len: te - ts,
            src_start: ss,
            src_len: se - ss,
        });
    }

    /// Number of stored segments (a measure of the map's memory).
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The source range that `text` came from, or `None` when no mapped text lies in it.
    pub fn to_source(&self, text: Range<usize>) -> Option<Range<usize>> {
        // First segment ending after the start, last segment starting before the end.
        let first = self
            .segments
            .partition_point(|s| (s.text_start + s.text_len) as usize <= text.start);
        let last = self
            .segments
            .partition_point(|s| (s.text_start as usize) < text.end.max(text.start + 1));
        if first >= last {
            return None;
        }
        let a = self.segments[first];
        let b = self.segments[last - 1];
        let start = if a.text_len == a.src_len && text.start >= a.text_start as usize {
            a.src_start as usize + (text.start - a.text_start as usize)
        } else {
            a.src_start as usize
        };
        let b_text_end = (b.text_start + b.text_len) as usize;
        let end = if b.text_len == b.src_len && text.end <= b_text_end {
            b.src_start as usize + (text.end.max(b.text_start as usize) - b.text_start as usize)
        } else {
            (b.src_start + b.src_len) as usize
        };
        Some(start..end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ranges: &[(usize, usize)]) -> RangeSet {
        let spans: Vec<Span> = ranges.iter().map(|&(s, e)| Span::new(s, e)).collect();
        RangeSet::from_spans(&spans)
    }

    #[test]
    fn merges_overlapping_and_touching_ranges() {
        let s = set(&[(10, 20), (0, 5), (15, 30), (30, 32)]);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0..5, 10..32]);
    }

    #[test]
    fn covers_only_what_lies_wholly_inside() {
        let s = set(&[(10, 20), (40, 50)]);
        assert!(s.covers(10..20));
        assert!(s.covers(12..15));
        assert!(!s.covers(5..12));
        assert!(!s.covers(18..41));
        assert!(!s.covers(20..25));
        assert!(!s.covers(0..0));
        assert!(s.covers(15..15));
        assert!(!set(&[]).covers(1..2));
    }

    #[test]
    fn overlap_needs_a_shared_byte() {
        let s = set(&[(10, 20)]);
        assert!(s.overlaps(19..25));
        assert!(!s.overlaps(20..25));
        assert!(!s.overlaps(0..10));
        assert!(s.overlaps(0..11));
    }

    #[test]
    fn gaps_are_the_complement() {
        let s = set(&[(0, 3), (5, 8)]);
        assert_eq!(s.gaps(10).collect::<Vec<_>>(), vec![3..5, 8..10]);
        assert_eq!(set(&[]).gaps(4).collect::<Vec<_>>(), vec![0..4]);
        assert_eq!(set(&[(0, 4)]).gaps(4).count(), 0);
    }

    #[test]
    fn source_map_maps_copies_exactly_and_entities_as_a_whole() {
        // source: "<p>Fish &amp; chips</p><p>Tea</p>"
        // text:   "Fish & chips\n\nTea"
        let mut m = SourceMap::new();
        m.push(0..5, 3..8); // "Fish "
        m.push(5..6, 8..13); // "&" from "&amp;"
        m.push(6..12, 13..19); // " chips"
        m.push(14..17, 26..29); // "Tea"
        assert_eq!(m.len(), 4);
        assert_eq!(m.to_source(0..4), Some(3..7)); // "Fish"
        assert_eq!(m.to_source(5..6), Some(8..13)); // the entity, whole
        assert_eq!(m.to_source(7..12), Some(14..19)); // "chips"
        assert_eq!(m.to_source(0..17), Some(3..29)); // everything
        assert_eq!(m.to_source(12..14), None); // the generated blank line
        assert_eq!(m.to_source(12..17), Some(26..29)); // snaps into "Tea"
    }

    #[test]
    fn adjacent_copies_merge() {
        let mut m = SourceMap::new();
        m.push(0..3, 10..13);
        m.push(3..6, 13..16);
        assert_eq!(m.len(), 1);
        assert_eq!(m.to_source(2..4), Some(12..14));
    }
}
