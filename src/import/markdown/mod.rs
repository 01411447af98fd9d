//! The notes people keep in Markdown: a running 1:1 document (one section per
//! meeting, headed by its date, newest on top or at the bottom), a Google Docs
//! export, a Notion page, an Obsidian or Logseq daily note.
//!
//! Data flows one way: `blocks` reads the file with `pulldown-cmark` (escapes,
//! emphasis, task boxes, front matter, wikilinks resolved); `sections` groups
//! the blocks into meetings and their sections; `classification` says what a
//! heading, label or line means; `mapping` turns each meeting into drafts.
//! Every line with content that is not imported is reported with its line.

mod blocks;
mod classification;
mod mapping;
mod sections;

use super::{Parsed, People};

/// Reads a running 1:1 document whose file name says nothing.
pub fn parse(text: &str, people: &People) -> Parsed {
    parse_named(text, None, people)
}

/// Reads a Markdown file; `file_name` (a daily note's `2026-11-17.md`, a Notion
/// page's title) dates the page when neither its front matter nor a `Date:`
/// property does.
pub fn parse_named(text: &str, file_name: Option<&str>, people: &People) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blocks = blocks::read(text);
    let dated = sections::page_date(&blocks, file_name);
    let doc = sections::meetings(blocks, dated);
    let mut remarks = doc.remarks;
    let mut drafts = Vec::new();
    for meeting in doc.meetings {
        mapping::map_meeting(meeting, people, &mut drafts, &mut remarks);
    }
    remarks.sort_by_key(|r| (r.line, r.kind));
    Parsed { drafts, remarks }
}
