//! A light reader of RON that keeps where every value sits in the file.
//!
//! serde forgets positions once a value is read, so problems found later (an unknown
//! project key, a duplicate id) are located here instead, and `add` uses it to find
//! where a new moment goes. It runs only when a position is needed: reading a valid
//! log never builds an outline.

use std::ops::Range;

/// A byte range in the (BOM-stripped) text.
pub type Span = Range<usize>;

/// One value and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Where the whole value is, from its first to its last byte.
    pub span: Span,
    /// What it is.
    pub kind: NodeKind,
}

/// The shapes a RON value can take, as far as locating things needs.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// `Name`, `Name(...)`, `(...)`: a struct, tuple, enum variant or unit.
    Named {
        /// The identifier before the parentheses, if any, and where it is.
        name: Option<(String, Span)>,
        /// What the parentheses hold, if there are any.
        body: Body,
    },
    /// `[a, b]`.
    List(Vec<Node>),
    /// `{k: v}`.
    Map(Vec<(Node, Node)>),
    /// A string literal, unescaped.
    Str(String),
    /// A number, boolean or character, as written.
    Scalar(String),
}

/// What a pair of parentheses holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// No parentheses: a unit variant like `Decision`.
    None,
    /// `(a, b)`.
    Tuple(Vec<Node>),
    /// `(name: value, ...)`, with each field name's span.
    Struct(Vec<Field>),
}

/// A named field of a struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The field's name.
    pub name: String,
    /// Where the name is.
    pub name_span: Span,
    /// Its value.
    pub value: Node,
}

/// Where the outline reader gave up (the serde reader reports the real error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineError {
    /// Byte offset of the problem.
    pub at: usize,
}

impl Node {
    /// The struct fields of this value, if it is a struct.
    pub fn fields(&self) -> &[Field] {
        match &self.kind {
            NodeKind::Named {
                body: Body::Struct(fields),
                ..
            } => fields,
            _ => &[],
        }
    }

    /// The field with this name, if any (the last one when repeated).
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields().iter().rev().find(|f| f.name == name)
    }

    /// The items of a list.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::List(items) => items,
            _ => &[],
        }
    }

    /// The entries of a map.
    pub fn entries(&self) -> &[(Node, Node)] {
        match &self.kind {
            NodeKind::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The identifier of a named value (`Decision`, `Other`, `Moment`).
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Named {
                name: Some((n, _)), ..
            } => Some(n),
            _ => None,
        }
    }
}

/// Reads the whole text as one RON value (after any `#![enable(...)]` attributes).
pub fn parse(text: &str) -> Result<Node, OutlineError> {
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
    let node = reader.value()?;
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

impl Reader<'_> {
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

    fn value(&mut self) -> Result<Node, OutlineError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error());
        }
        let node = self.value_inner();
        self.depth -= 1;
        node
    }

    fn value_inner(&mut self) -> Result<Node, OutlineError> {
        let start = self.pos;
        match self.peek().ok_or_else(|| self.error())? {
            b'"' => {
                let s = self.string()?;
                Ok(self.node(start, NodeKind::Str(s)))
            }
            b'r' if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                let s = self.raw_string()?;
                Ok(self.node(start, NodeKind::Str(s)))
            }
            b'b' if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                let s = self.string()?;
                Ok(self.node(start, NodeKind::Str(s)))
            }
            b'\'' => {
                self.char_literal()?;
                let text = self.text[start..self.pos].to_string();
                Ok(self.node(start, NodeKind::Scalar(text)))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_trivia()?;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        break;
                    }
                    items.push(self.value()?);
                    if !self.comma_or_close(b']')? {
                        break;
                    }
                }
                Ok(self.node(start, NodeKind::List(items)))
            }
            b'{' => {
                self.pos += 1;
                let mut entries = Vec::new();
                loop {
                    self.skip_trivia()?;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        break;
                    }
                    let key = self.value()?;
                    self.skip_trivia()?;
                    self.eat(b':')?;
                    self.skip_trivia()?;
                    let value = self.value()?;
                    entries.push((key, value));
                    if !self.comma_or_close(b'}')? {
                        break;
                    }
                }
                Ok(self.node(start, NodeKind::Map(entries)))
            }
            b'(' => {
                let body = self.parenthesised()?;
                Ok(self.node(start, NodeKind::Named { name: None, body }))
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let name = self.identifier();
                let name_span = start..self.pos;
                let after_name = self.pos;
                self.skip_trivia()?;
                if self.peek() == Some(b'(') {
                    let body = self.parenthesised()?;
                    Ok(self.node(
                        start,
                        NodeKind::Named {
                            name: Some((name, name_span)),
                            body,
                        },
                    ))
                } else {
                    self.pos = after_name;
                    Ok(self.node(
                        start,
                        NodeKind::Named {
                            name: Some((name, name_span)),
                            body: Body::None,
                        },
                    ))
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
                let text = self.text[start..self.pos].to_string();
                Ok(self.node(start, NodeKind::Scalar(text)))
            }
            _ => Err(self.error()),
        }
    }

    fn node(&self, start: usize, kind: NodeKind) -> Node {
        Node {
            span: start..self.pos,
            kind,
        }
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
    fn parenthesised(&mut self) -> Result<Body, OutlineError> {
        self.eat(b'(')?;
        self.skip_trivia()?;
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(Body::Tuple(Vec::new()));
        }
        if self.looks_like_field() {
            let mut fields = Vec::new();
            loop {
                self.skip_trivia()?;
                if self.peek() == Some(b')') {
                    self.pos += 1;
                    break;
                }
                let name_start = self.pos;
                let name = self.identifier();
                if name.is_empty() {
                    return Err(self.error());
                }
                let name_span = name_start..self.pos;
                self.skip_trivia()?;
                self.eat(b':')?;
                self.skip_trivia()?;
                let value = self.value()?;
                fields.push(Field {
                    name,
                    name_span,
                    value,
                });
                if !self.comma_or_close(b')')? {
                    break;
                }
            }
            Ok(Body::Struct(fields))
        } else {
            let mut items = Vec::new();
            loop {
                self.skip_trivia()?;
                if self.peek() == Some(b')') {
                    self.pos += 1;
                    break;
                }
                items.push(self.value()?);
                if !self.comma_or_close(b')')? {
                    break;
                }
            }
            Ok(Body::Tuple(items))
        }
    }

    /// Whether the next tokens are `identifier :` (a struct field).
    fn looks_like_field(&mut self) -> bool {
        let saved = self.pos;
        let name = self.identifier();
        let ok = !name.is_empty() && self.skip_trivia().is_ok() && self.peek() == Some(b':');
        self.pos = saved;
        ok
    }

    fn identifier(&mut self) -> String {
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
        self.text[start..self.pos]
            .trim_start_matches("r#")
            .to_string()
    }

    fn string(&mut self) -> Result<String, OutlineError> {
        self.eat(b'"')?;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek().ok_or_else(|| self.error())? {
                b'"' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    let escaped = self.peek().ok_or_else(|| self.error())?;
                    self.pos += 1;
                    match escaped {
                        b'n' => out.push('\n'),
                        b't' => out.push('\t'),
                        b'r' => out.push('\r'),
                        b'0' => out.push('\0'),
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
                            out.push(code);
                        }
                        b'x' => {
                            let hex = self
                                .text
                                .get(self.pos..self.pos + 2)
                                .ok_or_else(|| self.error())?;
                            let code = u8::from_str_radix(hex, 16).map_err(|_| self.error())?;
                            self.pos += 2;
                            out.push(char::from(code));
                        }
                        b'\n' => {
                            // A line continuation: skip the leading white space of the next line.
                            while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                                self.pos += 1;
                            }
                        }
                        other => out.push(char::from(other)),
                    }
                    run = self.pos;
                }
                _ => self.pos += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Result<String, OutlineError> {
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
                        return Ok(self.text[start..end].to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_fields_lists_and_maps() {
        let text = "// c\nLog(version: 1, projects: {\"a\": Project(name: \"A\")}, moments: [Moment(tag: Decision, owner: Other(\"x\"), what: r#\"q\"#)])";
        let root = parse(text).expect("outline");
        assert_eq!(root.name(), Some("Log"));
        let projects = &root.field("projects").expect("projects").value;
        assert_eq!(projects.entries()[0].0.as_str(), Some("a"));
        let moment = &root.field("moments").expect("moments").value.items()[0];
        let tag = &moment.field("tag").expect("tag").value;
        assert_eq!(&text[tag.span.clone()], "Decision");
        assert_eq!(
            moment.field("what").and_then(|f| f.value.as_str()),
            Some("q")
        );
        let owner = &moment.field("owner").expect("owner").value;
        assert_eq!(&text[owner.span.clone()], "Other(\"x\")");
    }

    #[test]
    fn unescapes_strings_and_skips_nested_comments() {
        let root = parse("/* a /* b */ c */ (s: \"x\\\"y\\u{e9}\")").expect("outline");
        assert_eq!(
            root.field("s").and_then(|f| f.value.as_str()),
            Some("x\"yé")
        );
    }

    #[test]
    fn refuses_truncated_text_and_deep_nesting() {
        assert!(parse("Log(moments: [").is_err());
        assert!(parse(&"[".repeat(10_000)).is_err());
    }
}
