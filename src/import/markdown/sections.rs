//! From blocks to meetings: a heading (or a bold line) holding a date starts a
//! meeting; headings and labels under it open its sections; nothing but another
//! date ends it. A page or daily note dated by its front matter, its `Date:`
//! property or its file name is one meeting from its first line. Outline notes
//! (Logseq) write sections as bullets: a bullet that is only a section's name
//! opens that section for the bullets under it.

use chrono::NaiveDate;

use super::blocks::{Block, Item};
use super::classification::{Kind, is_label, kind_of, names_the_meeting, properties};
use crate::import::Remark;
use crate::import::infer::find_date;

/// The items under one heading of a meeting.
#[derive(Debug)]
pub struct Group {
    /// What they are.
    pub kind: Kind,
    /// The heading, as written.
    pub label: String,
    /// The items.
    pub items: Vec<Item>,
}

/// One meeting: its date and its sections.
#[derive(Debug)]
pub struct Meeting {
    /// Its date, or why the date is wrong.
    pub date: Result<NaiveDate, String>,
    /// Whether it is promo's own agenda or recap pasted back: what it says is
    /// already in the log.
    pub promo: Option<&'static str>,
    /// Its sections, in order.
    pub groups: Vec<Group>,
}

impl Meeting {
    fn new(date: Result<NaiveDate, String>, heading: &str) -> Self {
        let lower = heading.to_lowercase();
        let promo = if lower.starts_with("recap: 1:1 of") {
            Some("recap")
        } else if lower.trim_end().ends_with("— agenda") {
            Some("agenda")
        } else {
            None
        };
        Self {
            date,
            promo,
            groups: Vec::new(),
        }
    }

    fn open(&mut self, kind: Kind, label: &str) {
        self.groups.push(Group {
            kind,
            label: label.to_string(),
            items: Vec::new(),
        });
    }

    fn push(&mut self, item: Item) {
        if self.groups.is_empty() {
            self.open(Kind::General, "the date heading");
        }
        if let Some(group) = self.groups.last_mut() {
            group.items.push(item);
        }
    }

    /// Adds a top-level item; a bullet naming a section (or the 1:1) with
    /// bullets under it opens that section for them.
    fn add(&mut self, item: Item) {
        if !item.children.is_empty() && find_date(&item.text).is_none() {
            if is_label(&item.text)
                && let Some(kind) = kind_of(&item.text)
            {
                self.open(kind, item.text.trim_end_matches(':'));
                for child in item.children {
                    self.push(child);
                }
                return;
            }
            if names_the_meeting(&item.text) {
                self.open(Kind::General, &item.text);
                for child in item.children {
                    self.add(child);
                }
                // What follows the 1:1's bullet is the rest of the daily note.
                self.open(
                    Kind::Context("a line of the daily note outside its 1:1, not a moment"),
                    &item.text,
                );
                return;
            }
        }
        self.push(item);
    }
}

/// What the blocks say: the meetings, and the lines outside any.
#[derive(Debug, Default)]
pub struct Document {
    /// The meetings, in the document's order.
    pub meetings: Vec<Meeting>,
    /// Lines not imported, with why.
    pub remarks: Vec<Remark>,
}

/// Groups `blocks` into meetings. `dated` is the date of the whole page (front
/// matter, `Date:` property or file name), when it has one.
pub fn meetings(blocks: Vec<Block>, dated: Option<NaiveDate>) -> Document {
    let mut doc = Document::default();
    if let Some(date) = dated {
        doc.meetings.push(Meeting::new(Ok(date), ""));
    }
    for block in blocks {
        match block {
            Block::FrontMatter(_) => {}
            Block::Skipped { line, reason, text } => {
                doc.remarks.push(Remark::not_imported(line, reason, &text));
            }
            Block::Heading { text, .. } => {
                if let Some((date, _)) = find_date(&text) {
                    doc.meetings.push(Meeting::new(date, &text));
                } else if let Some(meeting) = doc.meetings.last_mut() {
                    let kind = kind_of(&text)
                        .or_else(|| names_the_meeting(&text).then_some(Kind::General))
                        .unwrap_or(Kind::Unknown);
                    meeting.open(kind, &text);
                }
            }
            Block::Paragraph { lines, emphasised } => {
                let joined = lines
                    .iter()
                    .map(|(_, t)| t.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let label = joined.trim_end_matches(':').trim();
                // promo's own recap labels its lists in bold: structure, not content.
                if emphasised && doc.meetings.last().is_some_and(|m| m.promo.is_some()) {
                    continue;
                }
                let short = label.split_whitespace().count() <= 6;
                if short
                    && emphasised
                    && let Some((date, _)) = find_date(label)
                {
                    doc.meetings.push(Meeting::new(date, label));
                    continue;
                }
                if (emphasised || joined.ends_with(':'))
                    && is_label(label)
                    && let Some(kind) = kind_of(label)
                {
                    if let Some(meeting) = doc.meetings.last_mut() {
                        meeting.open(kind, label);
                    }
                    continue;
                }
                // A page's property lines are read for its date, never imported.
                if properties(&lines).is_some() {
                    continue;
                }
                let line = lines.first().map_or(0, |(l, _)| *l);
                let item = Item {
                    line,
                    text: joined,
                    ..Item::default()
                };
                match doc.meetings.last_mut() {
                    Some(meeting) => meeting.push(item),
                    None => doc.remarks.push(Remark::not_imported(
                        line,
                        "not under a dated 1:1 heading",
                        &item.text,
                    )),
                }
            }
            Block::Item(item) => match doc.meetings.last_mut() {
                Some(meeting) => meeting.add(item),
                None => doc.remarks.push(Remark::not_imported(
                    item.line,
                    "not under a dated 1:1 heading",
                    &item.text,
                )),
            },
        }
    }
    doc
}

/// The date of a whole page: its front matter's `date:`, else a `Date:` property
/// line before its first list, else its file name.
pub fn page_date(blocks: &[Block], file_name: Option<&str>) -> Option<NaiveDate> {
    let from = |value: &str| find_date(value).and_then(|(date, _)| date.ok());
    for block in blocks {
        match block {
            Block::FrontMatter(lines) => {
                for (_, line) in lines {
                    if let Some((key, value)) = line.split_once(':')
                        && key.trim().eq_ignore_ascii_case("date")
                        && let Some(date) = from(value)
                    {
                        return Some(date);
                    }
                }
            }
            Block::Paragraph { lines, .. } => {
                if let Some(pairs) = properties(lines)
                    && let Some(date) = pairs
                        .iter()
                        .filter(|(key, _)| key.contains("date") || key == "when")
                        .find_map(|(_, value)| from(value))
                {
                    return Some(date);
                }
            }
            Block::Item(_) => break,
            _ => {}
        }
    }
    file_name.and_then(from)
}
