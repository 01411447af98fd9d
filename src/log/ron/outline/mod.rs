//! A light reader of RON that keeps where every value sits in the file.
//!
//! serde forgets positions once a value is read, so problems found later (an unknown
//! project key, a duplicate id) are located here instead, and `add` uses it to find
//! where a new moment goes. It runs only when a position is needed: reading a valid
//! log never builds an outline.
//!
//! Files: this one (the tree of located values and the entry points), `selection.rs`
//! (which values to build), `reader.rs` (the byte-level reader).

mod reader;
mod selection;

use std::ops::Range;

use selection::Build;
pub use selection::Selection;

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
    reader::read(text, Build::All)
}

/// Reads the whole text like [`parse`], building only the selected values (and the
/// values that hold them); every other value is a placeholder with its span.
pub fn parse_selected(text: &str, selection: &Selection) -> Result<Node, OutlineError> {
    reader::read(text, Build::Selected(selection))
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
