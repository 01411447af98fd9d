//! The planned import, put into the log's text without touching any other byte:
//! new projects go at the end of `projects`, the moments go through the same
//! [`Appender`] `promo add` uses, and each guessed value gets its `promo:guessed`
//! comment right after it. The result is re-checked before anyone writes it.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::{Plan, Step};
use crate::log::append::{AppendError, Appender, ron_string};
use crate::log::edit::{Change, Splice};
use crate::log::guessed;
use crate::log::load::Checked;
use crate::log::outline::{self, Node, NodeKind, Span};
use crate::log::ron::splice::{
    block_before, closing, has_comma_after, indent_unit, line_indent, starts_line,
};
use crate::source::Source;

/// The log with the import in it.
#[derive(Debug)]
pub struct Imported {
    /// The whole new file, BOM included when the old one had it.
    pub change: Change,
    /// The new text as `promo check` saw it (its warnings included).
    pub checked: Checked,
    /// Where each new project entry and each new moment is in the new text (BOM
    /// excluded), in file order: what a dry run shows.
    pub added: Vec<Span>,
}

/// Inserts `plan` into `source` and re-checks the result: refused if the new text
/// has an error or does not hold exactly the old moments plus the new ones.
pub fn apply(
    source: &Source,
    plan: &Plan,
    path: &Path,
    today: NaiveDate,
) -> Result<Imported, AppendError> {
    // Commitments the notes changed are updated first, in the text as it was.
    let updated = apply_updates(source.text(), plan);
    let before = count_moments(source.text())?;
    let marked = if plan.moments.is_empty() {
        if plan.items.is_empty() {
            updated
        } else {
            add_ledger(&updated, plan, today)?
        }
    } else {
        let with_projects = add_projects(&updated, plan)?;
        let staged = Source::new(source.path(), with_projects);
        let appender = Appender::new(&staged)?;
        let moments: Vec<_> = plan.moments.iter().map(|p| p.moment.clone()).collect();
        let insertion = appender.insert(&moments)?;
        let text = insertion.change.text();
        let inserted = text.strip_prefix('\u{feff}').unwrap_or(text);
        add_ledger(&mark_guesses(inserted, plan)?, plan, today)?
    };

    let change = Change::splice_text(&marked, source.has_bom(), Vec::new());
    let checked = change.recheck(path, today, before + plan.moments.len())?;
    let root = outline::parse(&marked)?;
    let added = added_spans(&root, plan);
    if added.len() != plan.projects.len() + plan.moments.len() {
        return Err(AppendError::Miscounted {
            expected: plan.projects.len() + plan.moments.len(),
            found: added.len(),
        });
    }
    Ok(Imported {
        change,
        checked,
        added,
    })
}

/// The text with each commitment update in place.
fn apply_updates(text: &str, plan: &Plan) -> String {
    let mut updates: Vec<&super::Update> = plan.updates.iter().collect();
    updates.sort_by_key(|u| std::cmp::Reverse(u.at.start));
    let mut out = text.to_string();
    let mut last = usize::MAX;
    for update in updates {
        // Two updates of the same bytes (the same item twice): the first wins.
        if update.at.end > last || out.get(update.at.clone()).is_none() {
            continue;
        }
        out.replace_range(update.at.clone(), &update.text);
        last = update.at.start;
    }
    out
}

/// The ledger line for this import, right after the `version` line:
/// `// promo:imported DATE: FP FP …`, the new moments' fingerprints then the
/// action items' (see [`super::sync`]).
fn add_ledger(text: &str, plan: &Plan, today: NaiveDate) -> Result<String, AppendError> {
    let root = outline::parse(text)?;
    let Some(version) = root.field("version") else {
        return Ok(text.to_string());
    };
    let end_of_line = text[version.value.span.end..]
        .find('\n')
        .map_or(text.len(), |i| version.value.span.end + i);
    let crlf = text[..end_of_line].ends_with('\r');
    let at = if crlf { end_of_line - 1 } else { end_of_line };
    let newline = if crlf { "\r\n" } else { "\n" };
    let indent = line_indent(text, version.name_span.start);
    let fps: Vec<&str> = plan
        .moments
        .iter()
        .map(|p| p.source.as_str())
        .chain(plan.items.iter().map(String::as_str))
        .collect();
    let line = format!(
        "{newline}{indent}{}{today}: {}",
        super::sync::LEDGER,
        fps.join(" ")
    );
    Ok(apply_edits(text, vec![(at, line)]))
}

fn count_moments(text: &str) -> Result<usize, AppendError> {
    let root = outline::parse(text)?;
    Ok(root.field("moments").map_or(0, |f| f.value.items().len()))
}

/// The spans of the new project entries and new moments, in file order.
fn added_spans(root: &Node, plan: &Plan) -> Vec<Span> {
    let mut spans = Vec::new();
    if let Some(projects) = root.field("projects") {
        for (key, value) in projects.value.entries() {
            if key
                .as_str()
                .is_some_and(|k| plan.projects.iter().any(|p| p.key == k))
            {
                spans.push(key.span.start..value.span.end);
            }
        }
    }
    for moment in root.field("moments").map_or(&[][..], |f| f.value.items()) {
        let id = moment.field("id").and_then(|f| f.value.as_str());
        if id.is_some_and(|id| plan.moments.iter().any(|p| p.moment.id == id)) {
            spans.push(moment.span.clone());
        }
    }
    spans
}

/// The text with the plan's new projects at the end of `projects` (the field is
/// created when the log has none).
pub fn add_projects(text: &str, plan: &Plan) -> Result<String, AppendError> {
    if plan.projects.is_empty() {
        return Ok(text.to_string());
    }
    let root = outline::parse(text)?;
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let unit = indent_unit(text, &root);
    let entries: Vec<String> = plan
        .projects
        .iter()
        .map(|p| {
            let mark = p
                .name_note
                .as_deref()
                .map(|n| format!(" {}", guessed::marker(n)))
                .unwrap_or_default();
            format!(
                "{}: Project(name: {}{mark})",
                ron_string(&p.key),
                ron_string(&p.name)
            )
        })
        .collect();
    let mut edits: Vec<(usize, String)> = Vec::new();
    match root.field("projects") {
        Some(field) => {
            let map = &field.value;
            if !matches!(map.kind, NodeKind::Map(_)) {
                return Err(AppendError::NotALog);
            }
            let close = closing(text, map)?;
            let field_indent = line_indent(text, field.name_span.start).to_string();
            let item_indent = match map.entries().last() {
                Some((key, value)) => {
                    if !has_comma_after(text, value.span.end) {
                        edits.push((value.span.end, ",".into()));
                    }
                    if starts_line(text, key.span.start) {
                        line_indent(text, key.span.start).to_string()
                    } else {
                        format!("{field_indent}{unit}")
                    }
                }
                None => format!("{field_indent}{unit}"),
            };
            let items: Vec<String> = entries
                .iter()
                .map(|e| format!("{item_indent}{e},"))
                .collect();
            edits.push(block_before(text, close, &items, &field_indent, nl));
        }
        None => {
            let fields = root.fields();
            let last = fields.last().ok_or(AppendError::NotALog)?;
            let close = closing(text, &root)?;
            if !has_comma_after(text, last.value.span.end) {
                edits.push((last.value.span.end, ",".into()));
            }
            let root_indent = line_indent(text, root.span.start).to_string();
            let field_indent = format!("{root_indent}{unit}");
            let mut field_text = format!("{field_indent}projects: {{");
            for entry in &entries {
                let _ = write!(field_text, "{nl}{field_indent}{unit}{entry},");
            }
            let _ = write!(field_text, "{nl}{field_indent}}},");
            edits.push(block_before(text, close, &[field_text], &root_indent, nl));
        }
    }
    Ok(apply_edits(text, edits))
}

/// The text with a `promo:source` comment after each new moment's id and a
/// `promo:guessed` comment after every guessed value (moments found by id).
fn mark_guesses(text: &str, plan: &Plan) -> Result<String, AppendError> {
    let root = outline::parse(text)?;
    let moments = root.field("moments").map_or(&[][..], |f| f.value.items());
    let mut edits = Vec::new();
    for planned in &plan.moments {
        let Some(node) = moments.iter().find(|m| {
            m.field("id").and_then(|f| f.value.as_str()) == Some(planned.moment.id.as_str())
        }) else {
            return Err(AppendError::Unreadable { at: root.span.end });
        };
        if let Some(id) = node.field("id") {
            edits.push((
                id.value.span.end,
                format!(" /* {}{} */", super::sync::SOURCE, planned.source),
            ));
        }
        for (path, note) in &planned.guesses {
            let value = follow(node, path).ok_or(AppendError::Unreadable {
                at: node.span.start,
            })?;
            edits.push((value.span.end, format!(" {}", guessed::marker(note))));
        }
    }
    Ok(apply_edits(text, edits))
}

fn follow<'a>(node: &'a Node, path: &[Step]) -> Option<&'a Node> {
    let mut node = node;
    for step in path {
        node = match step {
            Step::Field(name) => &node.field(name)?.value,
            Step::Item(i) => node.items().get(*i)?,
        };
    }
    Some(node)
}

/// The text with each `(offset, text)` inserted: the log's own splicing, on a
/// stage of the import's text.
fn apply_edits(text: &str, edits: Vec<(usize, String)>) -> String {
    let splices = edits
        .into_iter()
        .map(|(at, insertion)| Splice::insert(at, insertion))
        .collect();
    Change::splice_text(text, false, splices).text().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{NewProject, Planned};
    use crate::log::append::NewMoment;
    use crate::log::{Reach, Tag};

    const TODAY: &str = "2026-11-21";

    fn plan() -> Plan {
        Plan {
            projects: vec![NewProject {
                key: "search".into(),
                name: "Search".into(),
                name_note: Some("named after a tag".into()),
            }],
            moments: vec![Planned {
                line: 3,
                moment: NewMoment {
                    competencies: Vec::new(),
                    id: "m001".into(),
                    date: "2026-11-17".parse().expect("date"),
                    tag: Tag::Decision,
                    project: "search".into(),
                    what: "Killed the rewrite".into(),
                    reach: Reach::Team,
                    impact: Some("freed 2 engineers".into()),
                    witnesses: vec![],
                    quotes: vec![],
                    commitments: vec![],
                    private: false,
                },
                guesses: vec![(vec![Step::Field("reach")], "the notes do not say".into())],
                source: "00ff00ff00ff00ff".into(),
            }],
            remarks: vec![],
            updates: vec![],
            items: vec![],
        }
    }

    fn import(text: &str) -> Imported {
        let source = Source::new("t.ron", text.to_string());
        apply(
            &source,
            &plan(),
            Path::new("t.ron"),
            TODAY.parse().expect("date"),
        )
        .expect("applies")
    }

    #[test]
    fn projects_moments_and_markers_are_insertions_only() {
        let text = "// mine\r\nLog(\r\n    version: 1,\r\n    owner: Person(name: \"Mara\", level: \"L5\"),\r\n    manager: \"Tess\",\r\n    target: Target(level: \"L6\", submission: \"2027-03-01\"),\r\n    projects: {\r\n        // none yet\r\n    },\r\n    moments: [],\r\n)\r\n";
        let imported = import(text);
        let new = String::from_utf8(imported.change.bytes).expect("utf8");
        assert!(new.contains("    projects: {\r\n        // none yet\r\n        \"search\": Project(name: \"Search\" /* promo:guessed: named after a tag */),\r\n    },"), "{new}");
        assert!(
            new.contains("reach: Team /* promo:guessed: the notes do not say */,\r\n"),
            "{new}"
        );
        assert!(!new.replace("\r\n", "").contains('\n'), "CRLF kept");
        assert!(
            new.contains(
                "    version: 1,\r\n    // promo:imported 2026-11-21: 00ff00ff00ff00ff\r\n"
            ),
            "{new}"
        );
        assert!(
            new.contains("id: \"m001\" /* promo:source 00ff00ff00ff00ff */,"),
            "{new}"
        );
        let warnings: Vec<String> = imported
            .checked
            .warnings()
            .map(|d| d.problem.to_string())
            .collect();
        assert!(
            warnings.contains(&"`reach` guessed by import: the notes do not say".to_string()),
            "{warnings:?}"
        );
        assert!(
            warnings.contains(&"`name` guessed by import: named after a tag".to_string()),
            "{warnings:?}"
        );
        assert_eq!(imported.added.len(), 2);
    }

    #[test]
    fn a_log_without_projects_gets_the_field() {
        let text = "Log(version: 1, owner: Person(name: \"M\", level: \"L5\"), manager: \"T\", target: Target(level: \"L6\", submission: \"2027-03-01\"))";
        let imported = import(text);
        assert!(imported.checked.log.is_some());
        let new = String::from_utf8(imported.change.bytes).expect("utf8");
        assert!(new.starts_with(text.trim_end_matches(')')), "{new}");
    }
}
