//! The byte-level RON reader behind the outline: trivia, values, literals, and the
//! nesting limit.

use super::selection::Build;
use super::{Body, Field, Node, NodeKind, OutlineError, Span};

/// Reads the whole text as one value after any `#![enable(...)]` attributes.
pub(super) fn read(text: &str, build: Build<'_>) -> Result<Node, OutlineError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
    };
    reader.skip_trivia()?;
    while reader.peek() == Some(b'#') {
        reader.skip_attribute()?;
        reader.skip_trivia()?;
    }
    let node = reader.value(build)?;
    reader.skip_trivia()?;
    if reader.pos != reader.bytes.len() {
        return Err(reader.error());
    }
    Ok(node)
}

/// Deeper nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn error(&self) -> OutlineError {
        OutlineError { at: self.pos }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, byte: u8) -> Result<(), OutlineError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    /// Skips white space and comments (block comments nest, as in RON).
    fn skip_trivia(&mut self) -> Result<(), OutlineError> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    while let Some(b) = self.peek() {
                        if b == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    self.pos += 2;
                    let mut level = 1;
                    while level > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (Some(b'/'), Some(b'*')) => {
                                level += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                level -= 1;
                                self.pos += 2;
                            }
                            (Some(_), _) => self.pos += 1,
                            (None, _) => return Err(self.error()),
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn skip_attribute(&mut self) -> Result<(), OutlineError> {
        // `#![enable(...)]`: skip to the matching `]`.
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b']' {
                return Ok(());
            }
        }
        Err(self.error())
    }

    fn value(&mut self, build: Build<'_>) -> Result<Node, OutlineError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error());
        }
        let node = self.value_inner(build);
        self.depth -= 1;
        node
    }

    fn value_inner(&mut self, build: Build<'_>) -> Result<Node, OutlineError> {
        let start = self.pos;
        let keep = build.keeps();
        // A skimmed value builds nothing: its lists stay empty and its strings unread,
        // which allocates nothing.
        let kind = match self.peek().ok_or_else(|| self.error())? {
            b'"' => NodeKind::Str(self.string(keep)?),
            b'r' if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                NodeKind::Str(self.raw_string(keep)?)
            }
            b'b' if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                NodeKind::Str(self.string(keep)?)
            }
            b'\'' => {
                self.char_literal()?;
                self.scalar(start, keep)
            }
            b'[' => {
                self.pos += 1;
                NodeKind::List(self.items(b']', build)?)
            }
            b'{' => {
                self.pos += 1;
                let mut entries = Vec::new();
                self.elements(b'}', |reader, index| {
                    let key = reader.value(build.entry(index))?;
                    reader.colon()?;
                    let value = reader.value(build.entry(index))?;
                    if keep {
                        entries.push((key, value));
                    }
                    Ok(())
                })?;
                NodeKind::Map(entries)
            }
            b'(' => NodeKind::Named {
                name: None,
                body: self.parenthesised(build)?,
            },
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let name_span = self.identifier();
                let name = if keep {
                    self.name_of(&name_span).to_string()
                } else {
                    String::new()
                };
                let after_name = self.pos;
                self.skip_trivia()?;
                let body = if self.peek() == Some(b'(') {
                    self.parenthesised(build)?
                } else {
                    self.pos = after_name;
                    Body::None
                };
                NodeKind::Named {
                    name: Some((name, name_span)),
                    body,
                }
            }
            b if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.') => {
                while let Some(b) = self.peek() {
                    if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.' | b'_') {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                self.scalar(start, keep)
            }
            _ => return Err(self.error()),
        };
        Ok(if keep {
            self.node(start, kind)
        } else {
            self.node(start, NodeKind::Scalar(String::new()))
        })
    }

    fn node(&self, start: usize, kind: NodeKind) -> Node {
        Node {
            span: start..self.pos,
            kind,
        }
    }

    /// The text from `start` to here, as a scalar (empty when skimmed).
    fn scalar(&self, start: usize, keep: bool) -> NodeKind {
        NodeKind::Scalar(if keep {
            self.text[start..self.pos].to_string()
        } else {
            String::new()
        })
    }

    /// After an element: a comma (returns true, more may follow) or the closing byte.
    fn comma_or_close(&mut self, close: u8) -> Result<bool, OutlineError> {
        self.skip_trivia()?;
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.error()),
        }
    }

    /// `( ... )` after an optional name: a struct body if it starts with `ident:`.
    fn parenthesised(&mut self, build: Build<'_>) -> Result<Body, OutlineError> {
        let keep = build.keeps();
        self.eat(b'(')?;
        self.skip_trivia()?;
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(Body::Tuple(Vec::new()));
        }
        if self.looks_like_field() {
            let mut fields = Vec::new();
            self.elements(b')', |reader, _| {
                let name_span = reader.identifier();
                let name = reader.name_of(&name_span);
                if name.is_empty() {
                    return Err(reader.error());
                }
                reader.colon()?;
                let value = reader.value(build.field(name))?;
                if keep {
                    fields.push(Field {
                        name: name.to_string(),
                        name_span,
                        value,
                    });
                }
                Ok(())
            })?;
            Ok(Body::Struct(fields))
        } else {
            Ok(Body::Tuple(self.items(b')', build)?))
        }
    }

    /// Comma-separated elements up to and including `close` (a trailing comma is
    /// allowed): `element` reads each one, given its index.
    fn elements(
        &mut self,
        close: u8,
        mut element: impl FnMut(&mut Self, usize) -> Result<(), OutlineError>,
    ) -> Result<(), OutlineError> {
        let mut index = 0;
        loop {
            self.skip_trivia()?;
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(());
            }
            element(self, index)?;
            index += 1;
            if !self.comma_or_close(close)? {
                return Ok(());
            }
        }
    }

    /// The values of a list or a tuple up to `close`, built as `build` says (none when
    /// skimmed).
    fn items(&mut self, close: u8, build: Build<'_>) -> Result<Vec<Node>, OutlineError> {
        let keep = build.keeps();
        let mut items = Vec::new();
        self.elements(close, |reader, index| {
            let item = reader.value(build.item(index))?;
            if keep {
                items.push(item);
            }
            Ok(())
        })?;
        Ok(items)
    }

    /// A `:` between a key or field name and its value, with the trivia around it.
    fn colon(&mut self) -> Result<(), OutlineError> {
        self.skip_trivia()?;
        self.eat(b':')?;
        self.skip_trivia()
    }

    /// Whether the next tokens are `identifier :` (a struct field).
    fn looks_like_field(&mut self) -> bool {
        let saved = self.pos;
        let span = self.identifier();
        let ok = !self.name_of(&span).is_empty()
            && self.skip_trivia().is_ok()
            && self.peek() == Some(b':');
        self.pos = saved;
        ok
    }

    /// Reads an identifier (`r#` included) and returns where it is.
    fn identifier(&mut self) -> Span {
        let start = self.pos;
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.pos += 2;
        }
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.pos += 1;
            } else {
                break;
            }
        }
        start..self.pos
    }

    /// An identifier's name: its text without the raw `r#` prefix.
    fn name_of(&self, span: &Span) -> &'a str {
        let text: &'a str = self.text;
        text[span.clone()].trim_start_matches("r#")
    }

    /// Reads a string literal; unescapes it only when `keep` (a skimmed string stays empty).
    fn string(&mut self, keep: bool) -> Result<String, OutlineError> {
        self.eat(b'"')?;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek().ok_or_else(|| self.error())? {
                b'"' => {
                    if keep {
                        out.push_str(&self.text[run..self.pos]);
                    }
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    if keep {
                        out.push_str(&self.text[run..self.pos]);
                    }
                    self.pos += 1;
                    let escaped = self.peek().ok_or_else(|| self.error())?;
                    self.pos += 1;
                    let unescaped = match escaped {
                        b'n' => Some('\n'),
                        b't' => Some('\t'),
                        b'r' => Some('\r'),
                        b'0' => Some('\0'),
                        b'u' => {
                            self.eat(b'{')?;
                            let hex_start = self.pos;
                            while self.peek().is_some_and(|b| b != b'}') {
                                self.pos += 1;
                            }
                            let code = u32::from_str_radix(&self.text[hex_start..self.pos], 16)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or_else(|| self.error())?;
                            self.eat(b'}')?;
                            Some(code)
                        }
                        b'x' => {
                            let hex = self
                                .text
                                .get(self.pos..self.pos + 2)
                                .ok_or_else(|| self.error())?;
                            let code = u8::from_str_radix(hex, 16).map_err(|_| self.error())?;
                            self.pos += 2;
                            Some(char::from(code))
                        }
                        b'\n' => {
                            // A line continuation: skip the leading white space of the next line.
                            while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                                self.pos += 1;
                            }
                            None
                        }
                        other => Some(char::from(other)),
                    };
                    if let (true, Some(c)) = (keep, unescaped) {
                        out.push(c);
                    }
                    run = self.pos;
                }
                _ => self.pos += 1,
            }
        }
    }

    fn raw_string(&mut self, keep: bool) -> Result<String, OutlineError> {
        self.eat(b'r')?;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.eat(b'"')?;
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error()),
                Some(b'"') => {
                    let end = self.pos;
                    self.pos += 1;
                    let mut closing = 0;
                    while closing < hashes && self.peek() == Some(b'#') {
                        closing += 1;
                        self.pos += 1;
                    }
                    if closing == hashes {
                        return Ok(if keep {
                            self.text[start..end].to_string()
                        } else {
                            String::new()
                        });
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn char_literal(&mut self) -> Result<(), OutlineError> {
        self.eat(b'\'')?;
        loop {
            match self.peek().ok_or_else(|| self.error())? {
                b'\\' => self.pos += 2,
                b'\'' => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => self.pos += 1,
            }
        }
    }
}
