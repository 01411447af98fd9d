//! From a meeting's sections to drafts: wins, decisions and items under the
//! date become moments (nested lines add an impact, witnesses, quotes, action
//! items or text); an answered question becomes a decision; status, blockers,
//! priorities and open questions are context, reported, never imported; feedback
//! becomes quotes on the moment it is about; action items become commitments on
//! the moment they share the most words with. Template placeholders are skipped
//! without a word: they hold no content.

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::blocks::Item;
use super::classification::{Kind, is_placeholder};
use super::sections::Meeting;
use crate::import::infer::{
    clean_inline, content_words, project_prefix, reach_from_text, split_impact, tag_from_text,
};
use crate::import::{
    Draft, DraftCommitment, DraftQuote, Guess, People, ProjectHint, Remark, action, detail,
    feedback,
};
use crate::log::{Reach, Tag};

/// Reports every top-level item of a section, and how many lines hang under it.
fn skip_all(items: &[Item], reason: &str, remarks: &mut Vec<Remark>) {
    for item in items {
        if is_placeholder(&item.text) && item.children.iter().all(|c| is_placeholder(&c.text)) {
            continue;
        }
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

/// Items with the placeholders taken out: a placeholder with real lines under it
/// gives way to them.
fn filled(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::new();
    for mut item in items {
        item.children = filled(item.children);
        if is_placeholder(&clean_inline(&item.text)) {
            out.extend(item.children);
        } else {
            out.push(item);
        }
    }
    out
}

/// The drafts of one meeting, and what it could not map.
pub fn map_meeting(
    meeting: Meeting,
    people: &People,
    drafts: &mut Vec<Draft>,
    remarks: &mut Vec<Remark>,
) {
    let date = match meeting.date {
        Err(reason) => {
            for group in &meeting.groups {
                skip_all(
                    &group.items,
                    &format!("under a heading whose date is wrong ({reason})"),
                    remarks,
                );
            }
            return;
        }
        Ok(date) if date > people.today => {
            for group in &meeting.groups {
                skip_all(
                    &group.items,
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
    if let Some(what) = meeting.promo {
        for group in &meeting.groups {
            skip_all(
                &group.items,
                &format!("promo's own {what}: what it says is already in the log"),
                remarks,
            );
        }
        return;
    }
    let mut here: Vec<Draft> = Vec::new();
    let mut actions: Vec<(usize, String, DraftCommitment)> = Vec::new();
    let mut quotes: Vec<(usize, String, DraftQuote)> = Vec::new();

    for group in meeting.groups {
        let items = filled(group.items);
        match group.kind {
            Kind::Unknown => skip_all(
                &items,
                &format!(
                    "under `{}`, a heading promo does not map (it maps Wins, Decisions, Feedback and Action items)",
                    group.label
                ),
                remarks,
            ),
            Kind::Feedback => {
                for item in items {
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
                for item in items {
                    take_actions(&item, true, date, people, &mut actions, remarks);
                }
            }
            Kind::Context(_) | Kind::Questions => {
                let reason = match group.kind {
                    Kind::Context(reason) => reason,
                    _ => "an open question for your manager: agenda, not a moment",
                };
                let mut context = Vec::new();
                for item in items {
                    let cleaned = clean_inline(&item.text);
                    if action::parse(&cleaned, item.checkbox, false, Some(date), people).is_some() {
                        take_actions(&item, false, date, people, &mut actions, remarks);
                    } else if group.kind == Kind::Questions && answered(&cleaned) {
                        here.push(moment(
                            &item,
                            Kind::Questions,
                            &group.label,
                            date,
                            people,
                            remarks,
                        ));
                    } else {
                        context.push(item);
                    }
                }
                skip_all(
                    &context,
                    &format!("under `{}`: {reason}", group.label),
                    remarks,
                );
            }
            Kind::Wins | Kind::Decisions | Kind::General => {
                for item in items {
                    let cleaned = clean_inline(&item.text);
                    if action::parse(&cleaned, item.checkbox, false, Some(date), people).is_some() {
                        take_actions(&item, false, date, people, &mut actions, remarks);
                        continue;
                    }
                    here.push(moment(
                        &item,
                        group.kind,
                        &group.label,
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
        match about(&here, &text) {
            Some(i) => here[i].quotes.push(quote),
            None => remarks.push(Remark::not_imported(
                line,
                "feedback about none of this 1:1's moments; add it to the one it is about with `promo amend ID --quote`",
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

/// Whether a question was answered in the notes: a decision word after the `?`.
fn answered(text: &str) -> bool {
    text.split_once('?')
        .is_some_and(|(_, answer)| tag_from_text(answer) == Some(Tag::Decision))
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
    date: NaiveDate,
    people: &People,
    actions: &mut Vec<(usize, String, DraftCommitment)>,
    remarks: &mut Vec<Remark>,
) {
    let text = clean_inline(&item.text);
    match action::parse(&text, item.checkbox, in_actions, Some(date), people) {
        Some(mut found) => {
            if let Some(note) = found.note.take() {
                remarks.push(Remark::note(item.line, note));
            }
            for child in &item.children {
                let child_text = clean_inline(&child.text);
                if action::parse(&child_text, child.checkbox, false, Some(date), people).is_some() {
                    take_actions(child, false, date, people, actions, remarks);
                } else {
                    found.commitment.commitment.what.push_str("; ");
                    found.commitment.commitment.what.push_str(&child_text);
                }
            }
            if is_placeholder(&found.commitment.commitment.what) {
                return;
            }
            actions.push((item.line, text, found.commitment));
        }
        None if is_placeholder(&text) => {}
        None => remarks.push(Remark::not_imported(
            item.line,
            "an action item with nothing to do",
            &item.text,
        )),
    }
}

/// `#decision`, `#scope`, `#leverage` (Obsidian, Logseq) say the tag; taken off the text.
fn hashtag(text: &str) -> (Option<Tag>, String) {
    let mut tag = None;
    let mut kept = Vec::new();
    for word in text.split_whitespace() {
        let found = match word.to_lowercase().trim_end_matches(['.', ',']) {
            "#decision" => Some(Tag::Decision),
            "#scope" => Some(Tag::Scope),
            "#leverage" => Some(Tag::Leverage),
            _ => None,
        };
        match found {
            Some(found) => {
                tag = tag.or(Some(found));
            }
            None => kept.push(word),
        }
    }
    (tag, kept.join(" "))
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
    let (hashtag, cleaned) = hashtag(&clean_inline(&item.text));
    let (project, text) = match project_prefix(&cleaned) {
        Some((name, rest)) => (ProjectHint::Named(name.to_string()), rest.to_string()),
        None => (ProjectHint::Text, cleaned.clone()),
    };
    // An answered question keeps its answer in its text: the answer is not an impact.
    let (what, impact) = if kind == Kind::Questions {
        (text.replace(" → ", " ").replace(" -> ", " "), None)
    } else {
        split_impact(&text)
    };
    let tag = match hashtag {
        Some(tag) => Guess::sure(tag),
        None if kind == Kind::Decisions => Guess::sure(Tag::Decision),
        None if kind == Kind::Questions => {
            Guess::sure(tag_from_text(&text).unwrap_or(Tag::Decision))
        }
        None => tag_from_text(&text).map_or_else(
            || {
                Guess::guessed(
                    Tag::Decision,
                    format!("no decision, scope or leverage word in the notes (under `{label}`); Decision is a placeholder"),
                )
            },
            Guess::sure,
        ),
    };
    let mut draft = Draft {
        file: 0,
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
        let detail = detail::classify(&child_text, child.checkbox, Some(date), people);
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
        file: 0,
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

/// How many content words a line shares with a draft.
fn shared(draft: &Draft, words: &std::collections::HashSet<String>) -> usize {
    let mut theirs = content_words(&draft.what);
    if let Some(impact) = &draft.impact {
        theirs.extend(content_words(impact));
    }
    words.intersection(&theirs).count()
}

/// The moment of the meeting a line shares the most words with; ties go to the
/// first decision, then the first moment.
fn best(here: &[Draft], text: &str) -> Option<usize> {
    let words = content_words(text);
    here.iter()
        .enumerate()
        .max_by_key(|(i, draft)| {
            (
                shared(draft, &words),
                draft.tag.value == Tag::Decision && draft.tag.note.is_none(),
                Reverse(*i),
            )
        })
        .map(|(i, _)| i)
}

/// The moment a piece of feedback is about: the one it shares the most words
/// with, if it shares any; the only public moment of the meeting otherwise.
fn about(here: &[Draft], text: &str) -> Option<usize> {
    let words = content_words(text);
    let public: Vec<usize> = (0..here.len())
        .filter(|i| !here[*i].private.value)
        .collect();
    let found =
        best(here, text).filter(|i| shared(&here[*i], &words) > 0 && !here[*i].private.value);
    found.or_else(|| (public.len() == 1).then(|| public[0]))
}
