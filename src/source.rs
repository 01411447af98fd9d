//! A log file's text, and the mapping between byte offsets and `line:col` positions.

use std::cell::OnceCell;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A UTF-8 byte-order mark; accepted at the start of a log and kept on write.
const BOM: &str = "\u{feff}";

/// A line and column, both counted from 1; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// The text of one file, ready for parsing and for pointing at.
#[derive(Debug)]
pub struct Source {
    path: PathBuf,
    text: String,
    bom: bool,
    line_starts: OnceCell<Vec<usize>>,
}

impl Source {
    /// Wraps text read from `path`, setting a leading BOM aside.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let (text, bom) = match text.strip_prefix(BOM) {
            Some(rest) => (rest.to_string(), true),
            None => (text, false),
        };
        Self {
            path: path.into(),
            text,
            bom,
            line_starts: OnceCell::new(),
        }
    }

    /// The path the text came from, as the user named it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text, without a BOM.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the file started with a BOM.
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// The file's bytes as they were on disk (BOM included).
    pub fn original_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.text.len() + BOM.len());
        if self.bom {
            bytes.extend_from_slice(BOM.as_bytes());
        }
        bytes.extend_from_slice(self.text.as_bytes());
        bytes
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The position of a byte offset (clamped to the text; a BOM is not counted).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        Position { line, col }
    }

    /// The byte offset of a `line:col` position (as ron reports them), clamped to the text.
    pub fn offset(&self, position: Position) -> usize {
        let starts = self.line_starts();
        let Some(&start) = starts.get(position.line.saturating_sub(1)) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let skip = position.col.saturating_sub(1);
        start
            + line
                .char_indices()
                .nth(skip)
                .map_or_else(|| line.find('\n').unwrap_or(line.len()), |(i, _)| i)
    }

    /// The text of a line (from 1), without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let starts = self.line_starts();
        let Some(&start) = starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = starts.get(line).map_or(self.text.len(), |&next| next);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }
}

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub enum ReadError {
    /// The OS refused (missing file, permissions…).
    Io(std::io::Error),
    /// A directory, FIFO, device or socket: `kind` says which.
    NotRegular(&'static str),
    /// Longer than the limit; the size seen so far.
    TooLarge(u64),
}

/// Reads a regular file of at most `limit` bytes. A FIFO is opened without
/// blocking and refused, as is a device (`/dev/zero` would never end), so
/// nothing can hang here; the read stops one byte past the limit whatever size
/// the file claims.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(crate::store::kind_of(&metadata)));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadError::TooLarge(read));
    }
    Ok(bytes)
}

/// The largest file promo reads, a log or any other input (import notes, a ladder):
/// a person's log is well under a megabyte, and a 100,000-moment log is about 40 MB.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Why [`read_input`] read nothing, with the file it tried; `crate::error::Error`
/// (or the log's own error, for a log) says it to a person.
#[derive(Debug)]
pub struct InputError {
    /// The file, as given.
    pub path: PathBuf,
    /// What went wrong.
    pub error: ReadError,
}

/// [`read_regular`] for a file promo reads as input, with the limit of a log.
pub fn read_input(path: &Path) -> Result<Vec<u8>, InputError> {
    read_regular(path, MAX_INPUT_BYTES).map_err(|error| InputError {
        path: path.to_path_buf(),
        error,
    })
}

/// The largest char boundary at or below `index`.
fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_ignore_crlf_and_bom() {
        let source = Source::new("x.ron", "\u{feff}ab\r\nçé x\r\n".to_string());
        assert!(source.has_bom());
        let x = source.text().find('x').expect("x");
        assert_eq!(source.position(x), Position { line: 2, col: 4 });
        assert_eq!(source.offset(Position { line: 2, col: 4 }), x);
        assert_eq!(source.line_text(2), "çé x");
        assert_eq!(source.original_bytes()[..3], [0xef, 0xbb, 0xbf]);
    }
}
