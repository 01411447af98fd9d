//! The shareable cut of a log's text: every private moment taken out, with the line
//! comments written directly above it, and every project that only private moments
//! used. Everything else stays byte for byte, so the shared log ranks exactly as the
//! original's public part (`promo share`, `docs/calibrate.md`).

use std::collections::HashSet;

use super::outline::{self, Node, NodeKind, Span};
use super::ron::splice::{line_start, starts_line};

/// The shareable text and what was taken out of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// The log's text without its private moments.
    pub text: String,
    /// Private moments taken out.
    pub moments: usize,
    /// Projects taken out because only private moments used them.
    pub projects: usize,
}

/// Why the text could not be cut (the log was validated first, so this is a bug in promo).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot follow the log at byte {at}")]
pub struct Unfollowable {
    /// Where the outline reader gave up.
    pub at: usize,
}

/// The text of a valid log (BOM stripped) without its private moments and the
/// projects only they used.
pub fn without_private(text: &str) -> Result<Shared, Unfollowable> {
    let root = outline::parse(text).map_err(|e| Unfollowable { at: e.at })?;
    let moments = root.field("moments").map_or(&[][..], |f| f.value.items());
    let mut public_projects: HashSet<&str> = HashSet::new();
    let mut private_projects: HashSet<&str> = HashSet::new();
    let mut cuts: Vec<Span> = Vec::new();
    for moment in moments {
        let project = moment.field("project").and_then(|f| f.value.as_str());
        if is_private(moment) {
            cuts.push(cut_of(text, &moment.span));
            private_projects.extend(project);
        } else {
            public_projects.extend(project);
        }
    }
    let removed_moments = cuts.len();
    let entries = root
        .field("projects")
        .map_or(&[][..], |f| f.value.entries());
    for (key, value) in entries {
        if let Some(key_text) = key.as_str()
            && private_projects.contains(key_text)
            && !public_projects.contains(key_text)
        {
            cuts.push(cut_of(text, &(key.span.start..value.span.end)));
        }
    }
    let removed_projects = cuts.len() - removed_moments;
    cuts.sort_by_key(|cut| cut.start);
    let mut shared = String::with_capacity(text.len());
    let mut at = 0;
    for cut in cuts {
        if cut.start > at {
            shared.push_str(&text[at..cut.start]);
        }
        at = at.max(cut.end);
    }
    shared.push_str(&text[at..]);
    Ok(Shared {
        text: shared,
        moments: removed_moments,
        projects: removed_projects,
    })
}

/// Whether a moment says `private: true` (the reader sees `true` as a scalar or a bare name).
fn is_private(moment: &Node) -> bool {
    moment
        .field("private")
        .is_some_and(|f| match &f.value.kind {
            NodeKind::Scalar(s) => s == "true",
            _ => f.value.name() == Some("true"),
        })
}

/// What to take out for the list item or map entry at `span`: the item and the comma
/// after it; when it has its lines to itself, those whole lines, with a comment at the
/// end of its last line and the line comments directly above it (they describe it).
fn cut_of(text: &str, span: &Span) -> Span {
    let bytes = text.as_bytes();
    let mut end = skip_blanks(bytes, span.end);
    if bytes.get(end) == Some(&b',') {
        end += 1;
    } else {
        end = span.end;
    }
    if !starts_line(text, span.start) {
        return span.start..skip_blanks(bytes, end);
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
    let rest = text[end..line_end].trim();
    if !(rest.is_empty() || rest.starts_with("//")) {
        // Another value follows on the same line: it stays where it was.
        return span.start..skip_blanks(bytes, end);
    }
    let mut start = line_start(text, span.start);
    while start > 0 {
        let above = line_start(text, start - 1);
        if text[above..start].trim_start().starts_with("//") {
            start = above;
        } else {
            break;
        }
    }
    start..line_end
}

/// The first offset from `at` that is not a space or a tab.
fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "// header stays\nLog(\n    projects: {\n        \"a\": Project(name: \"A\"),\n        \"secret\": Project(name: \"S\"),\n        \"idle\": Project(name: \"Idle\"),\n    },\n    moments: [\n        Moment(id: \"m1\", project: \"a\", what: \"kept\"),\n        // about the vent\n        Moment(id: \"m2\", project: \"secret\", what: \"VENT\", private: true), // trailing\n        Moment(id: \"m3\", project: \"a\", what: \"also kept\", private: false),\n        Moment(id: \"m4\", project: \"a\", what: \"HR\", private: true)\n    ],\n)\n";

    #[test]
    fn private_moments_their_comments_and_their_only_projects_go_and_the_rest_stays() {
        let shared = without_private(LOG).expect("cut");
        assert_eq!(
            shared.text,
            "// header stays\nLog(\n    projects: {\n        \"a\": Project(name: \"A\"),\n        \"idle\": Project(name: \"Idle\"),\n    },\n    moments: [\n        Moment(id: \"m1\", project: \"a\", what: \"kept\"),\n        Moment(id: \"m3\", project: \"a\", what: \"also kept\", private: false),\n    ],\n)\n"
        );
        assert_eq!((shared.moments, shared.projects), (2, 1));
    }

    #[test]
    fn items_sharing_a_line_are_cut_alone() {
        let text = "Log(projects: {\"a\": Project(name: \"A\")}, moments: [Moment(project: \"a\", private: true), Moment(project: \"a\")])";
        let shared = without_private(text).expect("cut");
        assert_eq!(
            shared.text,
            "Log(projects: {\"a\": Project(name: \"A\")}, moments: [Moment(project: \"a\")])"
        );
        let none = "Log(moments: [Moment(project: \"a\")])";
        assert_eq!(without_private(none).expect("cut").text, none);
    }
}
