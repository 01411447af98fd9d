//! One cheap scan of a log's text that finds the top-level items of its `moments: [...]`
//! list, so the items can be parsed in parallel and stitched back in file order.
//!
//! The scan reads RON's lexical layer only — strings, raw strings, nested block
//! comments, line comments and bracket depth — and answers `None` whenever the text is
//! anything but the usual shape: a character literal, an attribute, a raw identifier,
//! a byte string, a bracket that does not match, an empty list item, a second
//! `moments` key, deep nesting, or anything after the root. A `None` sends the caller
//! to the one sequential parse, which reports every problem exactly as before.

use std::ops::Range;

/// Deeper nesting than this is not the usual log: the caller parses the whole text, so
/// ron's recursion limit is met exactly where it always was.
const MAX_DEPTH: usize = 16;

/// Where the `moments` list is in the text.
#[derive(Debug, PartialEq, Eq)]
pub struct MomentList {
    /// The byte just after the list's `[`.
    pub open: usize,
    /// The list's `]`.
    pub close: usize,
    /// How many items it holds.
    pub items: usize,
}

/// Scans `text` for the root's `moments` list. Along the way, each time the list's
/// items since the last cut span at least `cut_every` bytes, the next separating comma
/// cuts them off and `on_piece` gets their range (without the comma); the last piece
/// ends at the `]`. Joining the pieces with commas gives the list's text back. `None`
/// when the text is not the usual shape (see the module's documentation) or has no
/// such list; pieces already handed out are then to be thrown away.
pub fn moment_list(
    text: &str,
    cut_every: usize,
    on_piece: impl FnMut(Range<usize>),
) -> Option<MomentList> {
    let mut scan = Scan {
        cut_every: cut_every.max(1),
        on_piece,
        stack: Vec::new(),
        root_open: false,
        root_closed: false,
        before_root: false,
        last: None,
        list: None,
        found: None,
        item_has_token: false,
        piece_start: 0,
        next_cut: 0,
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Indentation is most of a log's bytes outside its strings: skipped in one loop.
        if bytes[at..].starts_with(b"        ") {
            at += 8;
            continue;
        }
        if matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
            at += 1;
            continue;
        }
        at = scan.step(bytes, at)?;
    }
    // The root closed, nothing but trivia after it, and exactly one list found.
    if !scan.stack.is_empty() || !scan.root_closed {
        return None;
    }
    scan.found
}

/// What the last significant token was, for recognising `moments: [`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet, or a token that cannot precede a key.
    Other,
    /// `(` or `,` at the root's depth: a key may follow.
    KeyStart,
    /// The key `moments` at the root's depth.
    MomentsKey,
    /// `moments:`.
    MomentsColon,
}

struct Scan<F> {
    cut_every: usize,
    on_piece: F,
    /// Open brackets, innermost last.
    stack: Vec<u8>,
    /// The root's `(` was seen; and then its `)`.
    root_open: bool,
    root_closed: bool,
    /// The identifier before the root, if any (only `Log` is the usual shape).
    before_root: bool,
    last: Option<Last>,
    /// The list being read, then the finished list.
    list: Option<MomentList>,
    found: Option<MomentList>,
    /// Whether the current item of the list has a token yet.
    item_has_token: bool,
    /// Where the piece being gathered starts, and the offset past which a comma cuts it.
    piece_start: usize,
    next_cut: usize,
}

impl<F: FnMut(Range<usize>)> Scan<F> {
    /// Reads one token or piece of trivia at `at`; the offset after it, or `None`.
    fn step(&mut self, bytes: &[u8], at: usize) -> Option<usize> {
        let byte = bytes[at];
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => return Some(at + 1),
            b'/' => return comment(bytes, at),
            _ => {}
        }
        if self.root_closed {
            return None;
        }
        // Any token inside the moments list counts for its current item.
        let in_list = self.list.is_some();
        let list_depth = in_list && self.stack.len() == 2;
        if in_list && !(list_depth && matches!(byte, b',' | b']')) {
            self.item_has_token = true;
        }
        let depth = self.stack.len();
        let (next, last) = match byte {
            b'"' => (string(bytes, at + 1, None)?, Last::Other),
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    if byte != b'(' || self.root_open {
                        return None;
                    }
                    self.root_open = true;
                }
                let last = if byte == b'[' && depth == 1 && self.last == Some(Last::MomentsColon) {
                    if self.found.is_some() || self.list.is_some() {
                        return None;
                    }
                    self.list = Some(MomentList {
                        open: at + 1,
                        close: 0,
                        items: 0,
                    });
                    self.item_has_token = false;
                    self.piece_start = at + 1;
                    self.next_cut = at + 1 + self.cut_every;
                    Last::Other
                } else if byte == b'(' && depth == 0 {
                    Last::KeyStart
                } else {
                    Last::Other
                };
                self.stack.push(byte);
                if self.stack.len() > MAX_DEPTH {
                    return None;
                }
                (at + 1, last)
            }
            b')' | b']' | b'}' => {
                let open = match byte {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                if self.stack.pop() != Some(open) {
                    return None;
                }
                if list_depth && byte == b']' {
                    let mut list = self.list.take()?;
                    if self.item_has_token {
                        list.items += 1;
                    } else if list.items == 0 {
                        // `[]`: nothing to split.
                        return None;
                    }
                    // After a trailing comma the last piece may be empty: `[]` reads as no moments.
                    list.close = at;
                    (self.on_piece)(self.piece_start..at);
                    self.found = Some(list);
                }
                if self.stack.is_empty() {
                    self.root_closed = true;
                }
                (at + 1, Last::Other)
            }
            b',' => {
                if list_depth {
                    if !self.item_has_token {
                        return None;
                    }
                    if let Some(list) = self.list.as_mut() {
                        list.items += 1;
                    }
                    self.item_has_token = false;
                    if at >= self.next_cut {
                        (self.on_piece)(self.piece_start..at);
                        self.piece_start = at + 1;
                        self.next_cut = at + 1 + self.cut_every;
                    }
                }
                let last = if depth == 1 {
                    Last::KeyStart
                } else {
                    Last::Other
                };
                (at + 1, last)
            }
            b':' => {
                let last = if depth == 1 && self.last == Some(Last::MomentsKey) {
                    Last::MomentsColon
                } else {
                    Last::Other
                };
                (at + 1, last)
            }
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => {
                let end = at
                    + bytes[at..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                        .count();
                let word = &bytes[at..end];
                match bytes.get(end) {
                    Some(b'"') if word == b"r" => (string(bytes, end + 1, Some(0))?, Last::Other),
                    Some(b'#') if word == b"r" => {
                        let hashes = bytes[end..].iter().take_while(|b| **b == b'#').count();
                        if bytes.get(end + hashes) != Some(&b'"') {
                            return None;
                        }
                        (string(bytes, end + hashes + 1, Some(hashes))?, Last::Other)
                    }
                    Some(b'"' | b'#' | b'\'') => return None,
                    _ => {
                        if depth == 0 {
                            if word != b"Log" || self.before_root || self.root_open {
                                return None;
                            }
                            self.before_root = true;
                        }
                        let last = if depth == 1
                            && word == b"moments"
                            && self.last == Some(Last::KeyStart)
                        {
                            Last::MomentsKey
                        } else {
                            Last::Other
                        };
                        (end, last)
                    }
                }
            }
            b'0'..=b'9' | b'.' | b'-' | b'+' if depth > 0 => (at + 1, Last::Other),
            // Character literals, attributes, non-ASCII outside strings, anything else.
            _ => return None,
        };
        if depth == 0 && !matches!(byte, b'(' | b'A'..=b'Z' | b'a'..=b'z' | b'_') {
            return None;
        }
        self.last = Some(last);
        Some(next)
    }
}

/// The offset after the comment at `at` (`//` to the line's end, `/* */` nested as
/// ron nests them), or `None` when it is not a comment or does not close.
fn comment(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at + 1)? {
        b'/' => Some(memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n + 1)),
        b'*' => {
            let mut level = 1;
            let mut i = at + 2;
            while level > 0 {
                i += memchr::memchr2(b'/', b'*', bytes.get(i..)?)?;
                if bytes[i..].starts_with(b"/*") {
                    level += 1;
                    i += 2;
                } else if bytes[i..].starts_with(b"*/") {
                    level -= 1;
                    i += 2;
                } else {
                    i += 1;
                }
            }
            Some(i)
        }
        _ => None,
    }
}

/// The offset after the string whose text starts at `at`: a plain string (`raw` is
/// `None`) honours backslash escapes; a raw string ends at a `"` followed by its
/// `raw` `#`s. `None` when it does not close.
fn string(bytes: &[u8], mut at: usize, raw: Option<usize>) -> Option<usize> {
    if let Some(hashes) = raw {
        loop {
            at += memchr::memchr(b'"', bytes.get(at..)?)?;
            let tail = bytes.get(at + 1..at + 1 + hashes)?;
            if tail.iter().all(|b| *b == b'#') {
                return Some(at + 1 + hashes);
            }
            at += 1;
        }
    }
    loop {
        at += memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        // The escaped character is one byte (`\"`, `\\`, `\n`, `\u`): skip it.
        at += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces handed out at a cut every `every` bytes, and the list.
    fn cut(text: &str, every: usize) -> Option<(Vec<&str>, MomentList)> {
        let mut pieces = Vec::new();
        let list = moment_list(text, every, |range| pieces.push(range))?;
        Some((pieces.into_iter().map(|r| &text[r]).collect(), list))
    }

    #[test]
    fn pieces_joined_with_commas_give_the_list_back() {
        let text = r##"Log(version: 1, moments: [A("a, ]"), /* ], ( /* */ */ B(r#"x"], "#),
            // ], [
            C(")"), D("\"],"),], meetings: [])"##;
        for every in [1, 5, 20, 1000] {
            let (pieces, list) = cut(text, every).expect("the usual shape");
            assert_eq!(
                pieces.join(","),
                &text[list.open..list.close],
                "every {every}"
            );
            assert_eq!(list.items, 4);
        }
        let (pieces, _) = cut(text, 1).expect("the usual shape");
        assert_eq!(pieces.len(), 5, "{pieces:?}");
        assert_eq!(
            pieces[4], "",
            "the trailing comma leaves an empty last piece"
        );
    }

    #[test]
    fn anything_unusual_is_left_to_the_whole_parse() {
        for text in [
            "Log(moments: [A, , B])",
            "Log(moments: [, A])",
            "Log(moments: [])",
            "Log(moments: [A], moments: [B])",
            "Log(moments: [A]) Log()",
            "Log(moments: [A, 'b'])",
            "#![enable(implicit_some)] Log(moments: [A])",
            "Log(moments: [A, r#b])",
            "Log(moments: [A, b\"x\"])",
            "Log(moments: [A, B)]",
            "Log(moments: [A, \"open])",
            "Log(moments: [A /* open])",
            "Log(moments: [A / B])",
            "Other(moments: [A])",
            "Log(projects: [A])",
            "Log(x: (moments: [A]))",
            "Log(moments: [A((((((((((((((((((1))))))))))))))))))])",
            "Log(moments: [A, \u{a0}B])",
        ] {
            assert_eq!(cut(text, 1), None, "{text}");
        }
        assert!(cut("(moments: [A])", 1).is_some());
        assert!(cut("Log(moments: [A])", 1).is_some());
    }
}
