//! A change to a log's text as splices of the original: ranges replaced, the
//! rest copied byte for byte.

use std::ops::Range;

use crate::source::Source;

/// One range of the original text (BOM excluded) replaced by new text; an empty
/// range is an insertion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Splice {
    /// The bytes of the original text replaced.
    pub range: Range<usize>,
    /// What goes there instead.
    pub text: String,
}

impl Splice {
    /// `text` inserted at `at`.
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Self {
            range: at..at,
            text: text.into(),
        }
    }

    /// The bytes in `range` replaced by `text`.
    pub fn replace(range: Range<usize>, text: impl Into<String>) -> Self {
        Self {
            range,
            text: text.into(),
        }
    }
}

/// The new file: the original with its splices applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The whole new file, BOM included when the old one had it.
    pub bytes: Vec<u8>,
    /// Where each splice's new text is in the new text (BOM excluded), in file
    /// order; everything outside these ranges is the old text, byte for byte.
    pub spliced: Vec<Range<usize>>,
}

impl Change {
    /// Applies `splices` (in any order; they must not overlap) to `source`.
    pub fn splice(source: &Source, splices: Vec<Splice>) -> Self {
        Self::splice_text(source.text(), source.has_bom(), splices)
    }

    /// Applies `splices` to `text`, putting a BOM first when `bom`.
    pub fn splice_text(text: &str, bom: bool, mut splices: Vec<Splice>) -> Self {
        splices.sort_by_key(|s| (s.range.start, s.range.end));
        let added: usize = splices.iter().map(|s| s.text.len()).sum();
        let mut new = String::with_capacity(text.len() + added + 3);
        if bom {
            new.push('\u{feff}');
        }
        let offset = new.len();
        let mut spliced = Vec::with_capacity(splices.len());
        let mut copied = 0;
        for splice in &splices {
            let start = splice.range.start.max(copied);
            new.push_str(&text[copied..start]);
            let at = new.len() - offset;
            spliced.push(at..at + splice.text.len());
            new.push_str(&splice.text);
            copied = splice.range.end.max(start);
        }
        new.push_str(&text[copied..]);
        Self {
            bytes: new.into_bytes(),
            spliced,
        }
    }

    /// Whether an offset of the new text (e.g. a warning's span start) lies in spliced text.
    pub fn is_spliced(&self, at: usize) -> bool {
        self.spliced
            .iter()
            .any(|range| range.start <= at && at < range.end)
    }

    /// The new text, BOM excluded (the splices only ever hold text, so it is UTF-8).
    pub fn text(&self) -> &str {
        let text = std::str::from_utf8(&self.bytes).unwrap_or_default();
        text.strip_prefix('\u{feff}').unwrap_or(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splices_replace_and_insert_and_keep_the_rest_and_the_bom() {
        let source = Source::new("t.ron", "\u{feff}abc def".to_string());
        assert_eq!(source.text(), "abc def");
        let change = Change::splice(
            &source,
            vec![Splice::replace(4..7, "XY"), Splice::insert(0, "<")],
        );
        assert_eq!(change.bytes, "\u{feff}<abc XY".as_bytes());
        assert_eq!(change.text(), "<abc XY");
        assert_eq!(change.spliced, vec![0..1, 5..7]);
        assert!(change.is_spliced(5) && !change.is_spliced(4));
    }
}
