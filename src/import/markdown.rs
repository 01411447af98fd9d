//! The running 1:1 document, in Markdown: one section per meeting, headed by its
//! date (newest on top or at the bottom, either works), with Wins / Status /
//! Decisions / Blockers / Feedback / Action items under it.
//!
//! - Items under Wins, Status, Decisions and Blockers (or right under the date)
//!   become moments; nested bullets add an impact, witnesses, quotes, action items
//!   or more text.
//! - Feedback items become quotes, on the moment of the same meeting they share
//!   the most words with.
//! - Action items (under their heading, or anywhere in an explicit shape, see
//!   `action.rs`) become commitments, on the moment of the same meeting they
//!   share the most words with; a meeting with no moment gets a private one to
//!   hold them.
//!
//! Every other line with content is reported with its line number: text before
//! the first dated heading, items under headings promo does not map (a Personal
//! section stays in the document), upcoming meetings, impossible dates, tables,
//! code and HTML comments.

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::detail;
use super::infer::{
    clean_inline, content_words, find_date, project_prefix, reach_from_text, split_impact,
    tag_from_text,
};
use super::{
    Draft, DraftCommitment, DraftQuote, Guess, Parsed, People, ProjectHint, Remark, action,
    feedback,
};
use crate::log::{Reach, Status, Tag};

/// What a heading under a meeting says its items are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Wins,
    Status,
    Decisions,
    Blockers,
    Feedback,
    Actions,
    /// Items right under the date, before any other heading.
    General,
    /// A heading promo does not map (Personal, Agenda, Notes…).
    Unknown,
}

/// Heading words, as people write them, and what they mean.
const KINDS: &[(&str, Kind)] = &[
    ("wins", Kind::Wins),
    ("win", Kind::Wins),
    ("highlights", Kind::Wins),
    ("accomplishments", Kind::Wins),
    ("status", Kind::Status),
    ("updates", Kind::Status),
    ("update", Kind::Status),
    ("progress", Kind::Status),
    ("decisions", Kind::Decisions),
    ("decision", Kind::Decisions),
    ("blockers", Kind::Blockers),
    ("blocker", Kind::Blockers),
    ("risks", Kind::Blockers),
    ("feedback", Kind::Feedback),
    ("action items", Kind::Actions),
    ("action item", Kind::Actions),
    ("actions", Kind::Actions),
    ("next steps", Kind::Actions),
    ("todos", Kind::Actions),
    ("todo", Kind::Actions),
    ("to do", Kind::Actions),
    ("to dos", Kind::Actions),
    ("follow ups", Kind::Actions),
    ("follow up", Kind::Actions),
];

fn kind_of(label: &str) -> Option<Kind> {
    let norm: String = label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
    KINDS
        .iter()
        .find(|(word, _)| norm == *word || norm.starts_with(&format!("{word} ")))
        .map(|(_, kind)| *kind)
}

/// A bullet (or paragraph) and the bullets nested under it.
#[derive(Clone, Debug)]
struct Item {
    line: usize,
    indent: usize,
    text: String,
    checkbox: Option<Status>,
    children: Vec<Item>,
}

impl Item {
    fn count(&self) -> usize {
        1 + self.children.iter().map(Item::count).sum::<usize>()
    }
}

#[derive(Debug)]
struct Block {
    kind: Kind,
    label: String,
    items: Vec<Item>,
}

#[derive(Debug)]
struct Section {
    date: Result<NaiveDate, String>,
    level: usize,
    blocks: Vec<Block>,
}

/// One line, classified.
enum Line<'a> {
    Blank,
    Heading { level: usize, text: &'a str },
    Item { indent: usize, text: &'a str },
    Text { text: &'a str },
    Rule,
}

fn classify(raw: &str) -> Line<'_> {
    let indent = raw
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let line = raw.trim();
    if line.is_empty() {
        return Line::Blank;
    }
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        return Line::Heading {
            level: hashes,
            text: line[hashes..].trim().trim_end_matches('#').trim(),
        };
    }
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
    {
        return Line::Rule;
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(text) = line.strip_prefix(bullet) {
            return Line::Item {
                indent,
                text: text.trim(),
            };
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let rest = &line[digits..];
        if let Some(text) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Line::Item {
                indent,
                text: text.trim(),
            };
        }
    }
    Line::Text { text: line }
}

fn take_checkbox(text: &str) -> (Option<Status>, &str) {
    for (box_, status) in [
        ("[ ]", Status::Open),
        ("[x]", Status::Held),
        ("[X]", Status::Held),
    ] {
        if let Some(rest) = text.strip_prefix(box_) {
            return (Some(status), rest.trim_start());
        }
    }
    (None, text)
}

fn insert(items: &mut Vec<Item>, item: Item) {
    match items.last_mut() {
        Some(last) if item.indent > last.indent => insert(&mut last.children, item),
        _ => items.push(item),
    }
}

fn deepest_last(items: &mut [Item]) -> Option<&mut Item> {
    let last = items.last_mut()?;
    if last.children.is_empty() {
        Some(last)
    } else {
        deepest_last(&mut last.children)
    }
}

/// Reads a running 1:1 document.
pub fn parse(text: &str, people: &People) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut remarks = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut in_section = false;
    // Whether the previous non-blank line belongs to an item (for wrapped lines).
    let mut continues_item = false;
    let mut in_code = false;
    let mut in_comment = false;

    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            if !trimmed.is_empty() {
                remarks.push(Remark::not_imported(
                    line_no,
                    "inside a code block",
                    trimmed,
                ));
            }
            continue;
        }
        if in_comment || trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            let inner = trimmed
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim();
            if !inner.is_empty() {
                remarks.push(Remark::not_imported(
                    line_no,
                    "inside an HTML comment",
                    inner,
                ));
            }
            continue;
        }
        match classify(raw) {
            Line::Blank => continues_item = false,
            Line::Rule => continues_item = false,
            Line::Heading { level, text } => {
                continues_item = false;
                let cleaned = clean_inline(text);
                if let Some((date, _)) = find_date(&cleaned) {
                    sections.push(Section {
                        date,
                        level,
                        blocks: Vec::new(),
                    });
                    in_section = true;
                } else if let Some(kind) = kind_of(&cleaned) {
                    if let (true, Some(section)) = (in_section, sections.last_mut()) {
                        section.blocks.push(Block {
                            kind,
                            label: cleaned,
                            items: Vec::new(),
                        });
                    }
                } else {
                    match (in_section, sections.last_mut()) {
                        (true, Some(section)) if level > section.level => {
                            section.blocks.push(Block {
                                kind: Kind::Unknown,
                                label: cleaned,
                                items: Vec::new(),
                            });
                        }
                        _ => in_section = false,
                    }
                }
            }
            Line::Item { indent, text } => {
                let (checkbox, text) = take_checkbox(text);
                let item = Item {
                    line: line_no,
                    indent,
                    text: text.to_string(),
                    checkbox,
                    children: Vec::new(),
                };
                match (in_section, sections.last_mut()) {
                    (true, Some(section)) => {
                        if section.blocks.is_empty() {
                            section.blocks.push(Block {
                                kind: Kind::General,
                                label: "the date heading".into(),
                                items: Vec::new(),
                            });
                        }
                        if let Some(block) = section.blocks.last_mut() {
                            insert(&mut block.items, item);
                        }
                    }
                    _ => remarks.push(Remark::not_imported(
                        line_no,
                        "not under a dated 1:1 heading",
                        text,
                    )),
                }
                continues_item = true;
            }
            Line::Text { text } => {
                let cleaned = clean_inline(text);
                let label = cleaned.trim_end_matches(':').trim();
                let short = label.split_whitespace().count() <= 4;
                // `**Wins**` or `Wins:` on a line of its own works as a heading.
                if let (true, true, Some(kind), Some(section)) =
                    (in_section, short, kind_of(label), sections.last_mut())
                    && (cleaned.ends_with(':') || text.starts_with("**") || text.starts_with("__"))
                {
                    section.blocks.push(Block {
                        kind,
                        label: label.to_string(),
                        items: Vec::new(),
                    });
                    continues_item = false;
                    continue;
                }
                // A bold date on a line of its own starts a meeting too.
                if (text.starts_with("**") || text.starts_with("__"))
                    && cleaned.split_whitespace().count() <= 6
                    && let Some((date, _)) = find_date(&cleaned)
                {
                    sections.push(Section {
                        date,
                        level: 7,
                        blocks: Vec::new(),
                    });
                    in_section = true;
                    continues_item = false;
                    continue;
                }
                if text.starts_with('|') {
                    remarks.push(Remark::not_imported(
                        line_no,
                        "a table row (promo reads bullets and paragraphs)",
                        text,
                    ));
                    continue;
                }
                let block = match (in_section, sections.last_mut()) {
                    (true, Some(section)) => {
                        if section.blocks.is_empty() {
                            section.blocks.push(Block {
                                kind: Kind::General,
                                label: "the date heading".into(),
                                items: Vec::new(),
                            });
                        }
                        section.blocks.last_mut()
                    }
                    _ => None,
                };
                match block {
                    Some(block) => {
                        if continues_item && let Some(item) = deepest_last(&mut block.items) {
                            item.text.push(' ');
                            item.text.push_str(text);
                        } else {
                            block.items.push(Item {
                                line: line_no,
                                indent: 0,
                                text: text.to_string(),
                                checkbox: None,
                                children: Vec::new(),
                            });
                        }
                        continues_item = true;
                    }
                    None => {
                        remarks.push(Remark::not_imported(
                            line_no,
                            "not under a dated 1:1 heading",
                            text,
                        ));
                        continues_item = false;
                    }
                }
            }
        }
    }

    let mut drafts = Vec::new();
    for section in sections {
        map_section(section, people, &mut drafts, &mut remarks);
    }
    remarks.sort_by_key(|r| (r.line, r.kind));
    Parsed { drafts, remarks }
}

/// Reports every top-level item of a section, and how many lines hang under it.
fn skip_all(items: &[Item], reason: &str, remarks: &mut Vec<Remark>) {
    for item in items {
        let under = item.count() - 1;
        let reason = if under == 0 {
            reason.to_string()
        } else {
            format!(
                "{reason} (with the {under} line{} under it)",
                if under == 1 { "" } else { "s" }
            )
        };
        remarks.push(Remark::not_imported(item.line, reason, &item.text));
    }
}

fn map_section(
    section: Section,
    people: &People,
    drafts: &mut Vec<Draft>,
    remarks: &mut Vec<Remark>,
) {
    let date = match section.date {
        Err(reason) => {
            for block in &section.blocks {
                skip_all(
                    &block.items,
                    &format!("under a heading whose date is wrong ({reason})"),
                    remarks,
                );
            }
            return;
        }
        Ok(date) if date > people.today => {
            for block in &section.blocks {
                skip_all(
                    &block.items,
                    &format!(
                        "in the {date} meeting, after today: an upcoming 1:1; import it after the meeting"
                    ),
                    remarks,
                );
            }
            return;
        }
        Ok(date) => date,
    };
    let mut here: Vec<Draft> = Vec::new();
    let mut actions: Vec<(usize, String, DraftCommitment)> = Vec::new();
    let mut quotes: Vec<(usize, String, DraftQuote)> = Vec::new();

    for block in section.blocks {
        match block.kind {
            Kind::Unknown => skip_all(
                &block.items,
                &format!(
                    "under `{}`, a heading promo does not map (it maps Wins, Status, Decisions, Blockers, Feedback and Action items)",
                    block.label
                ),
                remarks,
            ),
            Kind::Feedback => {
                for item in block.items {
                    let mut text = clean_inline(&item.text);
                    for child in flatten(&item.children) {
                        text.push(' ');
                        text.push_str(&clean_inline(&child.text));
                    }
                    match feedback::parse(&text, false, people) {
                        Some(quote) => quotes.push((item.line, text, quote)),
                        None => remarks.push(Remark::not_imported(
                            item.line,
                            "feedback with nothing said",
                            &item.text,
                        )),
                    }
                }
            }
            Kind::Actions => {
                for item in block.items {
                    take_actions(&item, true, people, &mut actions, remarks);
                }
            }
            Kind::Wins | Kind::Status | Kind::Decisions | Kind::Blockers | Kind::General => {
                for item in block.items {
                    let cleaned = clean_inline(&item.text);
                    if action::parse(&cleaned, item.checkbox, false, people).is_some() {
                        take_actions(&item, false, people, &mut actions, remarks);
                        continue;
                    }
                    here.push(moment(
                        &item,
                        block.kind,
                        &block.label,
                        date,
                        people,
                        remarks,
                    ));
                }
            }
        }
    }

    if here.is_empty() && !actions.is_empty() {
        here.push(holder(actions[0].0, date));
    }
    for (line, text, quote) in quotes {
        match best(&here, &text) {
            Some(i) => here[i].quotes.push(quote),
            None => remarks.push(Remark::not_imported(
                line,
                "feedback from a 1:1 with no moment to put it on; add it to one with `promo add --quote`",
                &text,
            )),
        }
    }
    for (_, text, commitment) in actions {
        if let Some(i) = best(&here, &text) {
            here[i].commitments.push(commitment);
        }
    }
    drafts.extend(here);
}

fn flatten(items: &[Item]) -> Vec<&Item> {
    items
        .iter()
        .flat_map(|i| std::iter::once(i).chain(flatten(&i.children)))
        .collect()
}

/// An action item and any nested under it: nested action items are their own,
/// other nested lines add to its text.
fn take_actions(
    item: &Item,
    in_actions: bool,
    people: &People,
    actions: &mut Vec<(usize, String, DraftCommitment)>,
    remarks: &mut Vec<Remark>,
) {
    let text = clean_inline(&item.text);
    match action::parse(&text, item.checkbox, in_actions, people) {
        Some(mut found) => {
            if let Some(note) = found.note.take() {
                remarks.push(Remark::note(item.line, note));
            }
            for child in &item.children {
                let child_text = clean_inline(&child.text);
                if action::parse(&child_text, child.checkbox, false, people).is_some() {
                    take_actions(child, false, people, actions, remarks);
                } else {
                    found.commitment.commitment.what.push_str("; ");
                    found.commitment.commitment.what.push_str(&child_text);
                }
            }
            actions.push((item.line, text, found.commitment));
        }
        None => remarks.push(Remark::not_imported(
            item.line,
            "an action item with nothing to do",
            &item.text,
        )),
    }
}

/// The moment an item describes, with what its nested lines add.
fn moment(
    item: &Item,
    kind: Kind,
    label: &str,
    date: NaiveDate,
    people: &People,
    remarks: &mut Vec<Remark>,
) -> Draft {
    let cleaned = clean_inline(&item.text);
    let (project, text) = match project_prefix(&cleaned) {
        Some((name, rest)) => (ProjectHint::Named(name.to_string()), rest.to_string()),
        None => (ProjectHint::Text, cleaned.clone()),
    };
    let (what, impact) = split_impact(&text);
    let tag = if kind == Kind::Decisions {
        Guess::sure(Tag::Decision)
    } else {
        tag_from_text(&what).map_or_else(
            || {
                Guess::guessed(
                    Tag::Decision,
                    format!("no decision, scope or leverage word in the notes (under `{label}`); Decision is a placeholder"),
                )
            },
            Guess::sure,
        )
    };
    let mut draft = Draft {
        line: item.line,
        date,
        tag,
        project,
        what,
        reach: Guess::sure(Reach::Team),
        impact,
        witnesses: Vec::new(),
        quotes: Vec::new(),
        commitments: Vec::new(),
        private: Guess::sure(false),
    };
    let mut said = cleaned;
    for child in flatten(&item.children) {
        let child_text = clean_inline(&child.text);
        said.push(' ');
        said.push_str(&child_text);
        // Action items nested under a moment are that moment's, not the meeting's.
        let detail = detail::classify(&child_text, child.checkbox, people);
        detail::apply(&mut draft, detail, child.line, remarks);
    }
    draft.reach = reach_from_text(&said).map_or_else(
        || Guess::guessed(Reach::Team, "the notes do not say how far it reached"),
        Guess::sure,
    );
    draft
}

/// A private moment to hold the action items of a meeting that has no moment.
fn holder(line: usize, date: NaiveDate) -> Draft {
    let placeholder = "a placeholder for the action items of a 1:1 with no moment";
    Draft {
        line,
        date,
        tag: Guess::guessed(Tag::Decision, placeholder),
        project: ProjectHint::Text,
        what: format!("Action items agreed in the 1:1 of {date}"),
        reach: Guess::guessed(Reach::Team, placeholder),
        impact: None,
        witnesses: Vec::new(),
        quotes: Vec::new(),
        commitments: Vec::new(),
        private: Guess::guessed(
            true,
            "holds the action items of a 1:1 with no other moment; private, so it never counts as evidence",
        ),
    }
}

/// The moment of the meeting a line shares the most words with; ties go to the
/// first decision, then the first moment.
fn best(here: &[Draft], text: &str) -> Option<usize> {
    let words = content_words(text);
    here.iter()
        .enumerate()
        .max_by_key(|(i, draft)| {
            let mut theirs = content_words(&draft.what);
            if let Some(impact) = &draft.impact {
                theirs.extend(content_words(impact));
            }
            (
                words.intersection(&theirs).count(),
                draft.tag.value == Tag::Decision && draft.tag.note.is_none(),
                Reverse(*i),
            )
        })
        .map(|(i, _)| i)
}
