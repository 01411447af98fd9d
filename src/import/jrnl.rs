//! A jrnl JSON export (`jrnl --export json`):
//! `{"tags": {...}, "entries": [{"title", "body", "date", "time", "tags", "starred"}]}`.
//!
//! One entry is one moment. Its title is the text; its body adds lines the same way
//! nested bullets do in Markdown (an `Impact:` line, `Witnesses:`, quotes, action
//! items), and the rest of the body is more text. Tags map as follows:
//! `@decision` / `@scope` / `@leverage` give the tag; `@team` / `@cross-team` /
//! `@org` / `@company` the reach; `@private` keeps it private; the manager's first
//! name makes them a witness; any other tag names the project (the first one does,
//! the others are reported). `time` is dropped (a moment has a date only), and a
//! star is reported, since the log has no place for it.

use serde::Deserialize;

use super::detail;
use super::infer::{person, reach_from_text, tag_from_text};
use super::{Draft, Guess, Parsed, People, ProjectHint, Remark};
use crate::log::validate::parse_date;
use crate::log::{CommitmentOwner, Reach, Tag};

/// The export as jrnl writes it; fields jrnl may add later are ignored.
#[derive(Debug, Deserialize)]
struct Export {
    entries: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    date: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

/// Why a file is not a jrnl export, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads a jrnl JSON export.
pub fn parse(text: &str, people: &People) -> Result<Parsed, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let export: Export = serde_json::from_str(text).map_err(|error| SyntaxError {
        line: error.line().max(1),
        col: error.column().max(1),
        message: format!("not a jrnl JSON export: {error}"),
    })?;
    let lines = entry_lines(text);
    let mut parsed = Parsed::default();
    for (index, entry) in export.entries.into_iter().enumerate() {
        let line = lines.get(index).copied().unwrap_or(1);
        map_entry(entry, line, people, &mut parsed);
    }
    parsed.remarks.sort_by_key(|r| (r.line, r.kind));
    Ok(parsed)
}

fn map_entry(entry: Entry, line: usize, people: &People, parsed: &mut Parsed) {
    let label = entry.title.trim().to_string();
    let date = match parse_date(entry.date.trim()) {
        Ok(date) => date,
        Err(problem) => {
            parsed.remarks.push(Remark::not_imported(
                line,
                format!("entry dated wrongly ({problem})"),
                &label,
            ));
            return;
        }
    };
    if date > people.today {
        parsed.remarks.push(Remark::not_imported(
            line,
            format!("entry dated {date}, after today"),
            &label,
        ));
        return;
    }
    if label.is_empty() && entry.body.trim().is_empty() {
        parsed
            .remarks
            .push(Remark::not_imported(line, "an empty entry", &entry.date));
        return;
    }

    let mut tag: Option<Tag> = None;
    let mut reach: Option<Reach> = None;
    let mut private = false;
    let mut witnesses = Vec::new();
    let mut projects: Vec<String> = Vec::new();
    for raw in &entry.tags {
        let name = raw.trim().trim_start_matches('@');
        let lower = name.to_lowercase();
        let as_tag = match lower.as_str() {
            "decision" | "decisions" => Some(Tag::Decision),
            "scope" => Some(Tag::Scope),
            "leverage" => Some(Tag::Leverage),
            _ => None,
        };
        let as_reach = match lower.as_str() {
            "team" => Some(Reach::Team),
            "cross-team" | "crossteam" | "cross_team" => Some(Reach::CrossTeam),
            "org" | "org-wide" => Some(Reach::Org),
            "company" | "company-wide" => Some(Reach::Company),
            _ => None,
        };
        if let Some(found) = as_tag {
            match tag {
                Some(kept) if kept != found => parsed.remarks.push(Remark::note(
                    line,
                    format!(
                        "tag `{raw}` not used: a moment has one tag, and `@{}` came first",
                        kept.word()
                    ),
                )),
                _ => tag = Some(found),
            }
        } else if let Some(found) = as_reach {
            reach = Some(reach.map_or(found, |r| r.max(found)));
        } else if lower == "private" {
            private = true;
        } else if person(name, people) == CommitmentOwner::Manager {
            witnesses.push(people.manager.clone());
        } else if person(name, people) == CommitmentOwner::Me {
            // Tagging yourself says nothing the log does not.
        } else if !projects.iter().any(|p| p.eq_ignore_ascii_case(name)) {
            projects.push(name.to_string());
        }
    }
    for extra in projects.iter().skip(1) {
        parsed.remarks.push(Remark::note(
            line,
            format!(
                "tag `@{extra}` not used: a moment belongs to one project, and `@{}` came first",
                projects[0]
            ),
        ));
    }
    if entry.starred {
        parsed.remarks.push(Remark::note(
            line,
            "the star is not imported: the log has no place for it (a starred entry may be a top example)",
        ));
    }

    let what = strip_tags(&label);
    let mut draft = Draft {
        file: 0,
        line,
        date,
        tag: Guess::sure(Tag::Decision),
        project: projects
            .first()
            .map_or(ProjectHint::Text, |p| ProjectHint::Named(p.clone())),
        what: if what.is_empty() {
            "(untitled entry)".to_string()
        } else {
            what
        },
        reach: Guess::sure(Reach::Team),
        impact: None,
        witnesses,
        quotes: Vec::new(),
        commitments: Vec::new(),
        private: Guess::sure(private),
    };
    let mut said = draft.what.clone();
    for body_line in entry.body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let body_line = body_line
            .strip_prefix("- ")
            .or_else(|| body_line.strip_prefix("* "))
            .unwrap_or(body_line);
        let body_line = strip_tags(body_line);
        if body_line.is_empty() {
            continue;
        }
        said.push(' ');
        said.push_str(&body_line);
        let detail = detail::classify(&body_line, None, Some(draft.date), people);
        detail::apply(&mut draft, detail, line, &mut parsed.remarks);
    }
    draft.tag = match tag {
        Some(tag) => Guess::sure(tag),
        None => tag_from_text(&said).map_or_else(
            || {
                Guess::guessed(
                    Tag::Decision,
                    "no @decision, @scope or @leverage tag and no such word in the entry; Decision is a placeholder",
                )
            },
            Guess::sure,
        ),
    };
    draft.reach = match reach {
        Some(reach) => Guess::sure(reach),
        None => reach_from_text(&said).map_or_else(
            || {
                Guess::guessed(
                    Reach::Team,
                    "no reach tag and no word saying how far it reached",
                )
            },
            Guess::sure,
        ),
    };
    parsed.drafts.push(draft);
}

/// The text without jrnl's `@tags`: trailing ones dropped, inline ones kept as words.
fn strip_tags(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| w.starts_with('@') && w.len() > 1)
    {
        words.pop();
    }
    words
        .iter()
        .map(|w| match w.strip_prefix('@') {
            Some(rest) if !rest.is_empty() => rest,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The line each element of the top-level `entries` array starts on, in order.
/// A small JSON scanner: it only tracks strings and nesting, which is all it takes
/// to find where each entry begins.
fn entry_lines(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // Depth of the `entries` array once it is open.
    let mut entries_depth: Option<usize> = None;
    let mut last_key: Option<(usize, usize)> = None;
    let mut string_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                last_key = Some((string_start, i));
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b'[' => {
                let is_entries =
                    depth == 1 && last_key.is_some_and(|(s, e)| &text[s..e] == "entries");
                depth += 1;
                if is_entries {
                    entries_depth = Some(depth);
                }
            }
            b'{' => {
                if entries_depth == Some(depth) {
                    lines.push(line);
                }
                depth += 1;
            }
            b']' | b'}' => {
                if entries_depth == Some(depth) && b == b']' {
                    entries_depth = None;
                }
                depth = depth.saturating_sub(1);
            }
            b',' => last_key = None,
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_each_entry() {
        let text = "{\n \"tags\": {\"@a\": 1},\n \"entries\": [\n  {\"title\": \"x [{\\\"\", \"tags\": []},\n  {\n   \"title\": \"y\"\n  }\n ]\n}";
        assert_eq!(entry_lines(text), vec![4, 5]);
    }

    #[test]
    fn tags_are_stripped_from_the_text() {
        assert_eq!(
            strip_tags("Cut the @search rewrite @decision @org"),
            "Cut the search rewrite"
        );
    }
}
