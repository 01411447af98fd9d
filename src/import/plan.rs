//! From drafts to moments the log can take: each draft gets a project (one the
//! log has, one the notes name, or a guess), drafts the log already holds are
//! left out (so importing a growing doc again adds only the new meetings), and
//! the rest get the next free ids, oldest first.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::infer::{display_name, find_phrase, slug};
use super::sync::{self, Known, Memory};
use super::{Draft, Guess, Parsed, ProjectHint, Remark};
use crate::log::append::{NewMoment, ron_commitment};
use crate::log::outline::{Node, Span};
use crate::log::{Commitment, Project, Quote, Status};

/// The key of the project that holds moments whose notes name none, when the log
/// has several projects and `--project` was not given.
pub const FALLBACK_PROJECT: &str = "imported";

/// One step from a moment to a value inside it, to place a guess's marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A field by name.
    Field(&'static str),
    /// A list item, from 0.
    Item(usize),
}

/// A project the import adds to the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewProject {
    /// Its key.
    pub key: String,
    /// Its display name.
    pub name: String,
    /// Why the name was guessed, if it was.
    pub name_note: Option<String>,
}

/// A moment ready to insert, with the guesses to mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// The line of the notes it comes from.
    pub line: usize,
    /// The moment.
    pub moment: NewMoment,
    /// Each guessed value (as a path from the moment) and why it was guessed.
    pub guesses: Vec<(Vec<Step>, String)>,
    /// The fingerprint of the notes item (see [`sync`]).
    pub source: String,
}

/// A change the notes make to a commitment the log already holds: a ticked box,
/// a moved due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Update {
    /// The file and line of the notes that say so.
    pub file: usize,
    /// The line.
    pub line: usize,
    /// The log's bytes to replace (empty: an insertion).
    pub at: Span,
    /// The new text.
    pub text: String,
    /// What changed, for a person.
    pub says: String,
    /// How many commitments it adds (action items new under a meeting imported
    /// before); 0 when it changes one.
    pub adds: usize,
}

/// Everything the import will add, and everything it has to say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Projects to add, in order.
    pub projects: Vec<NewProject>,
    /// Moments to add, oldest first.
    pub moments: Vec<Planned>,
    /// Lines not imported and caveats, by line.
    pub remarks: Vec<Remark>,
    /// Commitments of earlier imports the notes changed.
    pub updates: Vec<Update>,
    /// The action items' fingerprints, for the ledger (see [`sync`]).
    pub items: Vec<String>,
}

/// What the log holds already, as the planner needs it.
pub struct Existing<'a> {
    /// The log's projects, in file order.
    pub projects: &'a IndexMap<String, Project>,
    /// Every moment's `(date, what)`, private ones included.
    pub moments: HashSet<(String, String)>,
    /// The next free `mNNN` id, and every id taken.
    pub next_id: String,
    /// Every id in the file.
    pub taken: HashSet<String>,
    /// What earlier imports left: fingerprints and their moments' commitments.
    pub memory: Memory,
}

impl<'a> Existing<'a> {
    /// Reads what `root` (the log's outline) holds.
    pub fn read(
        text: &str,
        root: &Node,
        projects: &'a IndexMap<String, Project>,
        next_id: String,
    ) -> Self {
        let mut moments = HashSet::new();
        let mut taken = HashSet::new();
        for node in root.field("moments").map_or(&[][..], |f| f.value.items()) {
            let text = |name: &str| {
                node.field(name)
                    .and_then(|f| f.value.as_str())
                    .map(str::to_string)
            };
            if let (Some(date), Some(what)) = (text("date"), text("what")) {
                moments.insert((date, normalise(&what)));
            }
            if let Some(id) = text("id") {
                taken.insert(id);
            }
        }
        let memory = Memory::read(
            text,
            root.field("moments").map_or(&[][..], |f| f.value.items()),
        );
        Self {
            projects,
            moments,
            next_id,
            taken,
            memory,
        }
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Plans the import of `parsed` into a log holding `existing`. `default_project`
/// is `--project` (already checked to be a key of the log).
pub fn plan(parsed: Parsed, existing: &Existing<'_>, default_project: Option<&str>) -> Plan {
    let Parsed {
        mut drafts,
        mut remarks,
    } = parsed;
    // Oldest first, as a log reads; the notes' order within a day is kept.
    drafts.sort_by_key(|d| d.date);
    let mut projects: Vec<NewProject> = Vec::new();
    let mut seen = existing.moments.clone();
    let mut ids = IdSequence::new(&existing.next_id, &existing.taken);
    let mut moments = Vec::new();
    let mut updates = Vec::new();
    let mut fresh = HashSet::new();
    let mut items = Vec::new();
    for mut draft in drafts {
        let source = sync::fingerprint(&draft);
        let before = existing.memory.seen.contains(&source);
        let first = fresh.insert(source.clone());
        if before || !first {
            let reason = match existing.memory.moments.get(&source) {
                _ if !first => "the same item twice in the notes",
                Some(known) => {
                    updates.extend(changes(
                        &draft,
                        &source,
                        known,
                        &existing.memory,
                        &mut items,
                    ));
                    "imported before (the same notes item); what the log says now is kept"
                }
                None => "imported before and deleted from the log since: not brought back",
            };
            let mut remark = Remark::not_imported(draft.line, reason, &draft.what);
            remark.file = draft.file;
            remarks.push(remark);
            continue;
        }
        let key = (draft.date.to_string(), normalise(&draft.what));
        if !seen.insert(key) {
            let mut remark = Remark::not_imported(
                draft.line,
                "already in the log (same date and text)",
                &draft.what,
            );
            remark.file = draft.file;
            remarks.push(remark);
            continue;
        }
        items.extend(
            draft
                .commitments
                .iter()
                .map(|c| sync::item_fingerprint(&source, &c.commitment.what)),
        );
        let project = resolve_project(&mut draft, existing, default_project, &mut projects);
        moments.push(planned(draft, project, ids.next_id(), source));
    }
    remarks.sort_by_key(|r| (r.file, r.line, r.kind));
    Plan {
        projects,
        moments,
        remarks,
        updates,
        items,
    }
}

/// What the notes now say about commitments the log holds from an earlier
/// import: a box ticked (or struck) since, a due date added or moved. A status
/// the log moved on from `Open` (`promo done`, `promo broken`) is never put back.
/// An action item the log never took (its fingerprint is not in `memory`) is
/// added to the moment as a new commitment; its fingerprint goes to `items`.
fn changes(
    draft: &Draft,
    source: &str,
    known: &Known,
    memory: &Memory,
    items: &mut Vec<String>,
) -> Vec<Update> {
    let mut out = Vec::new();
    let mut added: Vec<&Commitment> = Vec::new();
    for found in &draft.commitments {
        let c = &found.commitment;
        let Some(h) = known.held.iter().find(|h| h.what == sync::fold(&c.what)) else {
            let item = sync::item_fingerprint(source, &c.what);
            if !memory.seen.contains(&item) && !items.contains(&item) {
                items.push(item);
                added.push(c);
            }
            continue;
        };
        let update = |at: Span, text: String, says: String| Update {
            file: draft.file,
            line: draft.line,
            at,
            text,
            says,
            adds: 0,
        };
        if let Some((now, span)) = &h.status
            && now == "Open"
            && matches!(c.status, Status::Held | Status::Dropped)
        {
            let new = format!("{:?}", c.status);
            out.push(update(
                span.clone(),
                new.clone(),
                format!("\"{}\" is now {new}", c.what),
            ));
        }
        if let Some(due) = c.due {
            let due = due.to_string();
            match &h.due {
                Some((now, span)) if *now != due => out.push(update(
                    span.clone(),
                    format!("\"{due}\""),
                    format!("\"{}\" is now due {due} (was {now})", c.what),
                )),
                None => out.push(update(
                    h.what_end..h.what_end,
                    format!(", due: \"{due}\""),
                    format!("\"{}\" is now due {due}", c.what),
                )),
                _ => {}
            }
        }
    }
    if let (Some(slot), false) = (&known.slot, added.is_empty()) {
        let ron: Vec<String> = added.iter().map(|c| ron_commitment(c)).collect();
        let (at, text) = slot.fill(&ron);
        let whats: Vec<String> = added.iter().map(|c| format!("\"{}\"", c.what)).collect();
        out.push(Update {
            file: draft.file,
            line: draft.line,
            at,
            text,
            says: format!("{} on the moment this meeting gave", whats.join(", ")),
            adds: added.len(),
        });
    }
    out
}

/// The project of a draft: a `Label:` or jrnl tag the log knows (by key or name),
/// else one added for it; a key or name in the text; `--project`; the log's only
/// project; or [`FALLBACK_PROJECT`]. Only the last three are guesses.
fn resolve_project(
    draft: &mut Draft,
    existing: &Existing<'_>,
    default_project: Option<&str>,
    added: &mut Vec<NewProject>,
) -> Guess<String> {
    let known = |label: &str| -> Option<String> {
        let key = slug(label);
        existing
            .projects
            .iter()
            .find(|(k, p)| {
                k.eq_ignore_ascii_case(label) || **k == key || p.name.eq_ignore_ascii_case(label)
            })
            .map(|(k, _)| k.clone())
            .or_else(|| added.iter().find(|p| p.key == key).map(|p| p.key.clone()))
    };
    match &draft.project {
        ProjectHint::Named(label) => {
            if let Some(key) = known(label) {
                return Guess::sure(key);
            }
            let key = slug(label);
            if !key.is_empty() {
                let lower = label.chars().all(|c| !c.is_uppercase());
                added.push(NewProject {
                    key: key.clone(),
                    name: display_name(label),
                    name_note: lower.then(|| format!("named after the tag `{label}` in the notes")),
                });
                return Guess::sure(key);
            }
        }
        ProjectHint::Text => {
            let lower = draft.what.to_lowercase();
            if let Some((key, _)) = existing.projects.iter().find(|(k, p)| {
                find_phrase(&lower, &k.to_lowercase()).is_some()
                    || find_phrase(&lower, &p.name.to_lowercase()).is_some()
            }) {
                return Guess::sure(key.clone());
            }
        }
    }
    if let Some(key) = default_project {
        return Guess::sure(key.to_string());
    }
    if existing.projects.len() == 1
        && let Some(key) = existing.projects.keys().next()
    {
        return Guess::guessed(
            key.clone(),
            "the notes name no project; this is the log's only one",
        );
    }
    if !existing.projects.contains_key(FALLBACK_PROJECT)
        && !added.iter().any(|p| p.key == FALLBACK_PROJECT)
    {
        added.push(NewProject {
            key: FALLBACK_PROJECT.into(),
            name: "Imported notes".into(),
            name_note: None,
        });
    }
    Guess::guessed(
        FALLBACK_PROJECT.to_string(),
        "the notes name no project; move it to the right one",
    )
}

fn planned(draft: Draft, project: Guess<String>, id: String, source: String) -> Planned {
    let mut guesses = Vec::new();
    let mut mark = |path: Vec<Step>, note: &Option<String>| {
        if let Some(note) = note {
            guesses.push((path, note.clone()));
        }
    };
    mark(vec![Step::Field("tag")], &draft.tag.note);
    mark(vec![Step::Field("project")], &project.note);
    mark(vec![Step::Field("reach")], &draft.reach.note);
    if draft.private.value {
        mark(vec![Step::Field("private")], &draft.private.note);
    }
    let mut quotes: Vec<Quote> = Vec::with_capacity(draft.quotes.len());
    for (i, quote) in draft.quotes.into_iter().enumerate() {
        for (field, note) in quote.guesses {
            guesses.push((
                vec![Step::Field("quotes"), Step::Item(i), Step::Field(field)],
                note,
            ));
        }
        quotes.push(quote.quote);
    }
    let mut commitments: Vec<Commitment> = Vec::with_capacity(draft.commitments.len());
    for (i, commitment) in draft.commitments.into_iter().enumerate() {
        if let Some(note) = commitment.owner_note {
            guesses.push((
                vec![
                    Step::Field("commitments"),
                    Step::Item(i),
                    Step::Field("owner"),
                ],
                note,
            ));
        }
        commitments.push(commitment.commitment);
    }
    Planned {
        line: draft.line,
        moment: NewMoment {
            id,
            date: draft.date,
            tag: draft.tag.value,
            project: project.value,
            what: draft.what,
            reach: draft.reach.value,
            impact: draft.impact,
            witnesses: draft.witnesses,
            quotes,
            commitments,
            private: draft.private.value,
            competencies: Vec::new(),
        },
        guesses,
        source,
    }
}

/// `m012`, `m013`, …: from the log's next free id on, skipping taken ones.
struct IdSequence<'a> {
    next: u128,
    width: usize,
    taken: &'a HashSet<String>,
}

impl<'a> IdSequence<'a> {
    fn new(first: &str, taken: &'a HashSet<String>) -> Self {
        let digits = first.strip_prefix('m').unwrap_or("001");
        Self {
            next: digits.parse().unwrap_or(1),
            width: digits.len().max(3),
            taken,
        }
    }

    fn next_id(&mut self) -> String {
        loop {
            let id = format!("m{:0width$}", self.next, width = self.width);
            self.next = self.next.saturating_add(1);
            if !self.taken.contains(&id) {
                return id;
            }
        }
    }
}
