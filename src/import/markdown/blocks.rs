//! The document as blocks, read with `pulldown-cmark`: headings, list items (with
//! their checkbox and nested items), paragraphs (line by line), front matter, and
//! the lines promo never reads (tables, code, HTML), each with its line number.
//! Escapes (`fraud\-check`), emphasis, links and `[[wikilinks]]` are resolved
//! here, so everything after sees the text a person reads.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::log::Status;

/// A list item and the items nested under it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// Its first line, from 1.
    pub line: usize,
    /// Its text, Markdown resolved; `~~` kept around struck-through words.
    pub text: String,
    /// The state of its task checkbox, if it has one.
    pub checkbox: Option<Status>,
    /// The items nested under it.
    pub children: Vec<Item>,
}

impl Item {
    /// The item and every item under it.
    pub fn count(&self) -> usize {
        1 + self.children.iter().map(Item::count).sum::<usize>()
    }
}

/// One block of the document, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// `#` to `######`.
    Heading {
        /// Its line.
        line: usize,
        /// 1 to 6.
        level: usize,
        /// Its text.
        text: String,
    },
    /// A top-level list item.
    Item(Item),
    /// A paragraph, one entry per source line.
    Paragraph {
        /// Each line and its text.
        lines: Vec<(usize, String)>,
        /// Whether all its text is bold or italic (`**Wins**`): a label.
        emphasised: bool,
    },
    /// The front matter (`---` YAML block at the top).
    FrontMatter(Vec<(usize, String)>),
    /// A line promo does not read, and why.
    Skipped {
        /// Its line.
        line: usize,
        /// Why.
        reason: &'static str,
        /// Its text.
        text: String,
    },
}

/// Where each line starts, to turn byte offsets into line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self(starts)
    }

    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|start| *start <= offset)
    }
}

/// What the text being read belongs to.
enum Target {
    Heading(usize, usize, String),
    Paragraph(Vec<(usize, String)>),
    None,
}

/// Reads `text` into blocks.
pub fn read(text: &str) -> Vec<Block> {
    let lines = Lines::new(text);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_WIKILINKS;
    let mut blocks = Vec::new();
    // Open list items, outermost first.
    let mut items: Vec<Item> = Vec::new();
    let mut target = Target::None;
    // Nesting of emphasis, and whether text outside it was seen in this paragraph.
    let mut emphasis = 0usize;
    let mut plain = false;
    let mut skip_until: Option<TagEnd> = None;
    let mut in_front_matter = false;
    let mut new_line = false;

    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if let Some(end) = &skip_until {
            if matches!(&event, Event::End(e) if e == end) {
                skip_until = None;
            }
            continue;
        }
        let line = lines.line(range.start);
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front_matter = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(t) if in_front_matter => {
                let first = line;
                let entries = t
                    .lines()
                    .enumerate()
                    .map(|(i, l)| (first + i, l.to_string()))
                    .collect();
                blocks.push(Block::FrontMatter(entries));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                target = Target::Heading(line, heading_level(level), String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Target::Heading(line, level, text) =
                    std::mem::replace(&mut target, Target::None)
                {
                    let text = fold(&text);
                    match items.last_mut() {
                        // A heading inside a list item (Logseq `- ## Wins`) is its text.
                        Some(item) => item.text.push_str(&text),
                        None => blocks.push(Block::Heading { line, level, text }),
                    }
                }
            }
            Event::Start(Tag::Paragraph) => {
                if items.is_empty() {
                    target = Target::Paragraph(Vec::new());
                    emphasis = 0;
                    plain = false;
                } else if let Some(item) = items.last_mut()
                    && !item.text.is_empty()
                {
                    item.text.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Target::Paragraph(para) = std::mem::replace(&mut target, Target::None) {
                    let lines: Vec<(usize, String)> = para
                        .into_iter()
                        .map(|(l, t)| (l, fold(&t)))
                        .filter(|(_, t)| !t.is_empty())
                        .collect();
                    if !lines.is_empty() {
                        blocks.push(Block::Paragraph {
                            lines,
                            emphasised: !plain,
                        });
                    }
                }
                new_line = false;
            }
            Event::Start(Tag::Item) => items.push(Item {
                line,
                ..Item::default()
            }),
            Event::End(TagEnd::Item) => {
                if let Some(mut item) = items.pop() {
                    item.text = fold(&item.text);
                    match items.last_mut() {
                        Some(parent) => parent.children.push(item),
                        None => blocks.push(Block::Item(item)),
                    }
                }
            }
            Event::TaskListMarker(done) => {
                if let Some(item) = items.last_mut() {
                    item.checkbox = Some(if done { Status::Held } else { Status::Open });
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => emphasis += 1,
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => {
                push_text("~~", line, &mut target, &mut items, &mut new_line);
            }
            Event::Text(t) | Event::Code(t) => {
                if emphasis == 0 && !t.trim().is_empty() {
                    plain = true;
                }
                push_text(&t, line, &mut target, &mut items, &mut new_line);
            }
            Event::SoftBreak | Event::HardBreak => {
                if matches!(target, Target::Paragraph(..)) {
                    new_line = true;
                } else {
                    push_text(" ", line, &mut target, &mut items, &mut new_line);
                }
            }
            Event::InlineHtml(html) => {
                let lower = html.to_lowercase();
                if lower.starts_with("<br") {
                    push_text(" ", line, &mut target, &mut items, &mut new_line);
                }
            }
            Event::Start(Tag::Table(_)) => {
                skip_lines(
                    text,
                    &range,
                    &lines,
                    "a table row (promo reads bullets and paragraphs)",
                    &mut blocks,
                );
                skip_until = Some(TagEnd::Table);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                skip_lines(text, &range, &lines, "inside a code block", &mut blocks);
                skip_until = Some(TagEnd::CodeBlock);
            }
            Event::Start(Tag::HtmlBlock) => {
                skip_lines(text, &range, &lines, "inside an HTML comment", &mut blocks);
                skip_until = Some(TagEnd::HtmlBlock);
            }
            _ => {}
        }
    }
    blocks
}

/// Adds a piece of text to what is being read.
fn push_text(
    piece: &str,
    line: usize,
    target: &mut Target,
    items: &mut [Item],
    new_line: &mut bool,
) {
    match target {
        Target::Heading(_, _, text) => text.push_str(piece),
        Target::Paragraph(para) => {
            if *new_line || para.is_empty() {
                para.push((line, String::new()));
                *new_line = false;
            }
            if let Some((_, text)) = para.last_mut() {
                text.push_str(piece);
            }
        }
        Target::None => {
            if let Some(item) = items.last_mut() {
                item.text.push_str(piece);
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Reports every line of a table, code block or HTML block with content.
fn skip_lines(
    text: &str,
    range: &std::ops::Range<usize>,
    lines: &Lines,
    reason: &'static str,
    blocks: &mut Vec<Block>,
) {
    let first = lines.line(range.start);
    let end = range.end.min(text.len());
    let start = range.start.min(end);
    for (i, raw) in text[start..end].lines().enumerate() {
        let mut line = raw.trim();
        if line.starts_with("```") || line.starts_with("~~~") {
            continue;
        }
        if reason.contains("HTML") {
            line = line
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim();
        }
        if !line.is_empty() {
            blocks.push(Block::Skipped {
                line: first + i,
                reason,
                text: line.to_string(),
            });
        }
    }
}

/// White space folded to single spaces.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_emphasis_and_task_boxes_are_read_as_a_person_reads_them() {
        let blocks = read(
            "**Wins**\n\n* Shipped the fraud\\-check on 2026\\-11\\-21 in **2\\.4s**\n  - [x] \\[Manager\\] book it\n\nDate: Nov 17\nStatus: Done\n",
        );
        assert_eq!(
            blocks[0],
            Block::Paragraph {
                lines: vec![(1, "Wins".into())],
                emphasised: true
            }
        );
        let Block::Item(item) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(item.text, "Shipped the fraud-check on 2026-11-21 in 2.4s");
        assert_eq!(item.line, 3);
        assert_eq!(item.children[0].text, "[Manager] book it");
        assert_eq!(item.children[0].checkbox, Some(Status::Held));
        assert_eq!(item.children[0].line, 4);
        assert_eq!(
            blocks[2],
            Block::Paragraph {
                lines: vec![(6, "Date: Nov 17".into()), (7, "Status: Done".into())],
                emphasised: false
            }
        );
    }

    #[test]
    fn wikilinks_front_matter_tables_and_strikes() {
        let blocks = read(
            "---\ndate: 2026-11-17\n---\n- See [[Search Relevance]] and [[ads|Ads team]] ~~old~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert_eq!(
            blocks[0],
            Block::FrontMatter(vec![(2, "date: 2026-11-17".into())])
        );
        let Block::Item(item) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(item.text, "See Search Relevance and Ads team ~~old~~");
        let rows: Vec<usize> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Skipped { line, .. } => Some(*line),
                _ => None,
            })
            .collect();
        assert_eq!(rows, [6, 7, 8]);
    }
}
