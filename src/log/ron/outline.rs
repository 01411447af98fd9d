//! A light reader of RON that keeps where every value sits in the file.
//!
//! serde forgets positions once a value is read, so problems found later (an unknown
//! project key, a duplicate id) are located here instead, and `add` uses it to find
//! where a new moment goes. It runs only when a position is needed: reading a valid
//! log never builds an outline.

use std::collections::BTreeMap;
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

/// Which values to read in full, as paths from the top value: a struct's fields by
/// name, a list's or a tuple's items and a map's entries by index.
///
/// Building every value of a 100,000-moment log costs more than ron's own parse, and
/// locating a few thousand problems needs a few thousand paths; with a selection the
/// reader still checks every byte but builds only what lies on a path. A value off
/// every path keeps its span and stands as an empty [`NodeKind::Scalar`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    fields: Vec<(String, Selection)>,
    items: BTreeMap<usize, Selection>,
    every_item: Option<Box<Selection>>,
    entries: BTreeMap<usize, Selection>,
}

impl Selection {
    /// Selects the struct field `name` of this value, and returns its selection.
    pub fn field(&mut self, name: &str) -> &mut Selection {
        let index = match self.fields.iter().position(|(n, _)| n == name) {
            Some(index) => index,
            None => {
                self.fields.push((name.to_string(), Selection::default()));
                self.fields.len() - 1
            }
        };
        &mut self.fields[index].1
    }

    /// Selects item `index` of this list or tuple, and returns its selection.
    pub fn item(&mut self, index: usize) -> &mut Selection {
        self.items.entry(index).or_default()
    }

    /// Selects every item of this list or tuple, and returns their selection (an item
    /// also selected by index is built as that selection says instead).
    pub fn every_item(&mut self) -> &mut Selection {
        self.every_item.get_or_insert_with(Box::default)
    }

    /// Selects entry `index` of this map (its key and its value), and returns its selection.
    pub fn entry(&mut self, index: usize) -> &mut Selection {
        self.entries.entry(index).or_default()
    }
}

/// How much of a value the reader builds.
#[derive(Clone, Copy)]
enum Build<'s> {
    /// The value and everything inside it.
    All,
    /// The value, and inside it only what the selection names.
    Selected(&'s Selection),
    /// Only its span.
    Skim,
}

impl<'s> Build<'s> {
    fn keeps(self) -> bool {
        !matches!(self, Build::Skim)
    }

    fn field(self, name: &str) -> Self {
        match self {
            Build::Selected(selection) => selection
                .fields
                .iter()
                .find(|(n, _)| n == name)
                .map_or(Build::Skim, |(_, inner)| Build::Selected(inner)),
            other => other,
        }
    }

    fn item(self, index: usize) -> Self {
        match self {
            Build::Selected(selection) => selection
                .items
                .get(&index)
                .or(selection.every_item.as_deref())
                .map_or(Build::Skim, Build::Selected),
            other => other,
        }
    }

    fn entry(self, index: usize) -> Self {
        match self {
            Build::Selected(selection) => selection
                .entries
                .get(&index)
                .map_or(Build::Skim, Build::Selected),
            other => other,
        }
    }
}

/// Reads the whole text as one RON value (after any `#![enable(...)]` attributes).
pub fn parse(text: &str) -> Result<Node, OutlineError> {
    read(text, Build::All)
}

/// Reads the whole text like [`parse`], building only the selected values (and the
/// values that hold them); every other value is a placeholder with its span.
pub fn parse_selected(text: &str, selection: &Selection) -> Result<Node, OutlineError> {
    read(text, Build::Selected(selection))
}

fn read(text: &str, build: Build<'_>) -> Result<Node, OutlineError> {
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
                let mut items = Vec::new();
                let mut index = 0;
                loop {
                    self.skip_trivia()?;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        break;
                    }
                    let item = self.value(build.item(index))?;
                    if keep {
                        items.push(item);
                    }
                    index += 1;
                    if !self.comma_or_close(b']')? {
                        break;
                    }
                }
                NodeKind::List(items)
            }
            b'{' => {
                self.pos += 1;
                let mut entries = Vec::new();
                let mut index = 0;
                loop {
                    self.skip_trivia()?;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        break;
                    }
                    let key = self.value(build.entry(index))?;
                    self.skip_trivia()?;
                    self.eat(b':')?;
                    self.skip_trivia()?;
                    let value = self.value(build.entry(index))?;
                    if keep {
                        entries.push((key, value));
                    }
                    index += 1;
                    if !self.comma_or_close(b'}')? {
                        break;
                    }
                }
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
            loop {
                self.skip_trivia()?;
                if self.peek() == Some(b')') {
                    self.pos += 1;
                    break;
                }
                let name_span = self.identifier();
                let name = self.name_of(&name_span);
                if name.is_empty() {
                    return Err(self.error());
                }
                self.skip_trivia()?;
                self.eat(b':')?;
                self.skip_trivia()?;
                let value = self.value(build.field(name))?;
                if keep {
                    fields.push(Field {
                        name: name.to_string(),
                        name_span,
                        value,
                    });
                }
                if !self.comma_or_close(b')')? {
                    break;
                }
            }
            Ok(Body::Struct(fields))
        } else {
            let mut items = Vec::new();
            let mut index = 0;
            loop {
                self.skip_trivia()?;
                if self.peek() == Some(b')') {
                    self.pos += 1;
                    break;
                }
                let item = self.value(build.item(index))?;
                if keep {
                    items.push(item);
                }
                index += 1;
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
    fn a_selection_builds_its_paths_as_the_full_outline_does_and_skims_the_rest() {
        let text = "Log(projects: {\"a\": Project(name: \"A\")}, moments: [Moment(id: \"m1\", what: \"x\\\"y\"), Moment(id: r#\"m2\"#, quotes: [Quote(by: \"Zoë\")])])";
        let full = parse(text).expect("outline");
        let mut selection = Selection::default();
        selection
            .field("moments")
            .item(1)
            .field("quotes")
            .item(0)
            .field("by");
        selection.field("projects").entry(0);
        let part = parse_selected(text, &selection).expect("outline");
        let moments = |root: &Node| root.field("moments").expect("moments").value.clone();
        let (full_moments, part_moments) = (moments(&full), moments(&part));
        assert_eq!(part.span, full.span);
        assert_eq!(part_moments.span, full_moments.span);
        // On the path: built exactly as the full outline builds it.
        let quote =
            |moment: &Node| moment.field("quotes").expect("quotes").value.items()[0].clone();
        assert_eq!(
            quote(&part_moments.items()[1]),
            quote(&full_moments.items()[1])
        );
        // A selected value is built one level down: its own name and fields' names.
        let entry =
            |root: &Node| root.field("projects").expect("projects").value.entries()[0].clone();
        let ((part_key, part_value), (full_key, full_value)) = (entry(&part), entry(&full));
        assert_eq!(part_key, full_key);
        assert_eq!(part_value.span, full_value.span);
        assert_eq!(part_value.name(), Some("Project"));
        assert_eq!(
            part_value.fields()[0].name_span,
            full_value.fields()[0].name_span
        );
        // Off the path: the same span, nothing built.
        let (skimmed, built) = (&part_moments.items()[0], &full_moments.items()[0]);
        assert_eq!(skimmed.span, built.span);
        assert!(skimmed.fields().is_empty());
        assert_eq!(skimmed.kind, NodeKind::Scalar(String::new()));
        let id = &part_moments.items()[1].field("id").expect("id").value;
        assert_eq!(id.kind, NodeKind::Scalar(String::new()));
        assert_eq!(&text[id.span.clone()], "r#\"m2\"#");
    }

    #[test]
    fn every_item_selects_each_item_of_a_list() {
        let text = "Log(moments: [Moment(id: \"m1\", what: \"x\"), Moment(id: r#\"m2\"#)])";
        let mut selection = Selection::default();
        selection.field("moments").every_item().field("id");
        let root = parse_selected(text, &selection).expect("outline");
        let moments = &root.field("moments").expect("moments").value;
        let ids: Vec<Option<&str>> = moments
            .items()
            .iter()
            .map(|m| m.field("id").and_then(|f| f.value.as_str()))
            .collect();
        assert_eq!(ids, [Some("m1"), Some("m2")]);
        let what = &moments.items()[0].field("what").expect("what").value;
        assert_eq!(what.kind, NodeKind::Scalar(String::new()));
        assert_eq!(&text[what.span.clone()], "\"x\"");
    }

    #[test]
    fn refuses_truncated_text_and_deep_nesting() {
        assert!(parse("Log(moments: [").is_err());
        assert!(parse(&"[".repeat(10_000)).is_err());
    }
}
