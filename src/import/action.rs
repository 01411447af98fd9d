//! Action items, in the shapes people write them:
//!
//! - `[Me] do X by 2026-09-01`, `[Manager] …`, `[Tess] …` (an owner in brackets);
//! - `TODO …`, `TODO(@tess): …`, `DOTO …` (read as a misspelt TODO) and `DONE …`;
//! - `2026-09-01 (@owner): task` (the due date first);
//! - `@owner: task`;
//! - anything under an Action items heading (the owner is then guessed: you).
//!
//! A ticked box (`[x]`) or `DONE` makes it held, a struck-through one (`~~…~~`)
//! dropped; the rest are open. The due date is an ISO date after `by`, `due` or a
//! dash; a due date written another way ("by Friday") stays in the text, with a note.

use chrono::NaiveDate;

use super::due;
use super::infer::{find_date, looks_like_name, person};
use super::{DraftCommitment, Guess, People};
use crate::log::{Commitment, CommitmentOwner, Status};

/// An action item read from a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// The commitment, owner perhaps guessed.
    pub commitment: DraftCommitment,
    /// A caveat for the import report (a due date not understood).
    pub note: Option<String>,
}

/// Reads `text` as an action item. `checkbox` is the state of a `[ ]`/`[x]` box
/// already taken off the line; `in_actions` says the line sits under an Action
/// items heading, where any line is one; `meeting` is the date due phrases
/// ("by Friday") are read from. `None` when the line is not an action
/// item (or has nothing left to do once its markers are read).
pub fn parse(
    text: &str,
    checkbox: Option<Status>,
    in_actions: bool,
    meeting: Option<NaiveDate>,
    people: &People,
) -> Option<Action> {
    let mut rest = text.trim().to_string();
    let mut task_due = None;
    let mut status = checkbox.unwrap_or(Status::Open);
    let mut explicit = false;
    let mut owner: Option<CommitmentOwner> = None;
    let mut due: Option<NaiveDate> = None;
    let mut note = None;

    if rest.contains("~~") {
        status = Status::Dropped;
        rest = rest.replace("~~", "");
        rest = rest.trim().to_string();
    }
    // Task dates (Obsidian `📅 DATE`, `✅ DATE`; Logseq `DEADLINE: <DATE>`).
    let (dates, left) = task_dates(&rest);
    rest = left;
    if dates.done {
        status = Status::Held;
    }
    task_due = task_due.or(dates.due);
    // TODO / DOTO / DONE markers (and Logseq's LATER / NOW / CANCELED), with an
    // optional `(owner)` and colon.
    for (marker, marked) in [
        ("TODO", Status::Open),
        ("DOTO", Status::Open),
        ("LATER", Status::Open),
        ("NOW", Status::Open),
        ("DONE", Status::Held),
        ("CANCELED", Status::Dropped),
        ("CANCELLED", Status::Dropped),
    ] {
        if let Some(after) = rest.strip_prefix(marker)
            && !after.starts_with(|c: char| c.is_alphanumeric())
        {
            explicit = true;
            if marked != Status::Open {
                status = marked;
            }
            let mut after = after.trim_start();
            if let Some(inner) = after.strip_prefix('(')
                && let Some((who, tail)) = inner.split_once(')')
                && looks_like_name(who)
            {
                owner = Some(person(who, people));
                after = tail;
            }
            rest = after.trim_start_matches([':', ' ', '-']).trim().to_string();
            break;
        }
    }
    // `[Owner] …`
    if let Some(inner) = rest.strip_prefix('[')
        && let Some((who, tail)) = inner.split_once(']')
        && looks_like_name(who)
        && who.trim().chars().count() > 1
    {
        explicit = true;
        owner = Some(person(who, people));
        rest = tail.trim_start_matches([':', ' ', '-']).trim().to_string();
    }
    // `2026-09-01 (@owner): task`
    if let Some((Ok(date), range)) = find_date(&rest)
        && range.start == 0
    {
        let after = rest[range.end..].trim_start();
        let (who, tail) = match after
            .strip_prefix('(')
            .and_then(|inner| inner.split_once(')'))
        {
            Some((who, tail)) if looks_like_name(who) => (Some(who), tail),
            _ => (None, after),
        };
        if let Some(tail) = tail.trim_start().strip_prefix(':') {
            explicit = true;
            due = Some(date);
            if let Some(who) = who {
                owner = Some(person(who, people));
            }
            rest = tail.trim().to_string();
        }
    }
    // `@owner: task`
    if owner.is_none()
        && let Some(handle) = rest.strip_prefix('@')
        && let Some((who, tail)) = handle_name(handle)
        && looks_like_name(who)
    {
        explicit = true;
        owner = Some(person(who, people));
        rest = tail.trim_start_matches([':', ' ']).trim().to_string();
    }
    if !explicit && !in_actions && checkbox.is_none() {
        return None;
    }
    if task_due.is_some() {
        due = task_due;
    }
    // The due date: `by DATE`, `due DATE`, `(due DATE)`, `— DATE`.
    if due.is_none() {
        let (found, left, caveat) = take_due(&rest, meeting);
        due = found;
        rest = left;
        note = caveat;
    }
    for done in ["(done)", "(held)"] {
        if let Some(left) = rest.strip_suffix(done) {
            status = Status::Held;
            rest = left.trim().to_string();
        }
    }
    let what = rest
        .trim()
        .trim_end_matches(['.', ';', ','])
        .trim()
        .to_string();
    if what.is_empty() {
        return None;
    }
    let owner = match owner {
        Some(owner) => Guess::sure(owner),
        None => Guess::guessed(
            CommitmentOwner::Me,
            "the action item names no owner; taken as yours",
        ),
    };
    Some(Action {
        commitment: DraftCommitment {
            commitment: Commitment {
                owner: owner.value,
                what,
                due,
                status,
            },
            owner_note: owner.note,
        },
        note,
    })
}

/// Takes a due date off the end of an action item. Returns the date, the text
/// without it, and a caveat when a due phrase was there but not understood.
fn take_due(text: &str, meeting: Option<NaiveDate>) -> (Option<NaiveDate>, String, Option<String>) {
    let lower = text.to_lowercase();
    let cues = [" by ", " due ", "(due ", " due: ", " — ", " – ", " - "];
    let cue = cues
        .iter()
        .filter_map(|cue| lower.rfind(cue).map(|at| (at, *cue)))
        .max_by_key(|(at, _)| *at);
    if let Some((at, cue)) = cue {
        let after = &text[at + cue.len()..];
        match find_date(after) {
            Some((Ok(date), range)) if after[..range.start].trim().is_empty() => {
                let tail = after[range.end..].trim().trim_start_matches(')').trim();
                let mut left = text[..at].trim().to_string();
                if !tail.is_empty() {
                    left = format!("{left} {tail}");
                }
                return (Some(date), left, None);
            }
            Some((Err(reason), _)) => {
                return (
                    None,
                    text.to_string(),
                    Some(format!(
                        "due date not used, {reason}; the commitment is undated"
                    )),
                );
            }
            _ if cue.trim() == "by" || cue.trim().starts_with("(due") || cue.trim() == "due" => {
                let phrase = after.trim().trim_end_matches(')');
                if let Some(date) = meeting.and_then(|m| due::resolve(phrase, m)) {
                    return (Some(date), text[..at].trim().to_string(), None);
                }
                if phrase.split_whitespace().count() <= 3 {
                    return (
                        None,
                        text.to_string(),
                        Some(format!(
                            "due `{phrase}` not understood (write a date, a weekday, EOW or MM/DD); the commitment is undated"
                        )),
                    );
                }
            }
            _ => {}
        }
    }
    // A date at the very end, after a space: `send the doc 2026-09-01`.
    if let Some((Ok(date), range)) = find_date(text)
        && range.end == text.trim_end().len()
        && range.start > 0
    {
        return (Some(date), text[..range.start].trim().to_string(), None);
    }
    // `… EOW`, `… (EOD)` at the very end.
    if let Some(meeting) = meeting
        && let Some((head, last)) = text.trim_end().rsplit_once(' ')
    {
        let last = last.trim_matches(['(', ')']);
        if matches!(last.to_lowercase().as_str(), "eow" | "eod" | "eom")
            && let Some(date) = due::resolve(last, meeting)
        {
            return (Some(date), head.trim().to_string(), None);
        }
    }
    (None, text.to_string(), None)
}

/// `Sam Lee send the deck` → `Sam Lee`: a handle and the capitalised words right
/// after it (Notion writes mentions as `@First Last`); a lowercase handle is one word.
fn handle_name(handle: &str) -> Option<(&str, &str)> {
    if let Some((who, tail)) = handle.split_once(':')
        && looks_like_name(who)
    {
        return Some((who, tail));
    }
    let mut end = handle.find(' ')?;
    if handle.starts_with(char::is_uppercase) {
        let mut words = 1;
        while words < 3 {
            let rest = &handle[end + 1..];
            let next = rest.split(' ').next().unwrap_or("");
            let capital = next.starts_with(char::is_uppercase)
                && next.chars().all(char::is_alphabetic)
                && next.chars().count() > 1;
            // Two capitalised words in a row after the name: the task starts.
            if !capital
                || rest[next.len()..]
                    .trim_start()
                    .starts_with(char::is_uppercase)
            {
                break;
            }
            end += 1 + next.len();
            words += 1;
        }
    }
    Some((&handle[..end], &handle[end..]))
}

/// Dates a task app writes on the line, and whether it is ticked.
#[derive(Default)]
struct TaskDates {
    due: Option<NaiveDate>,
    done: bool,
}

/// Takes `📅 DATE` (due), `✅ DATE` (done), `⏳` / `🛫` / `➕ DATE` (scheduled,
/// start, created: dropped) and Logseq's `DEADLINE:` / `SCHEDULED: <DATE …>` off a line.
fn task_dates(text: &str) -> (TaskDates, String) {
    let mut dates = TaskDates::default();
    let mut out = text.to_string();
    for marker in ["📅", "✅", "⏳", "🛫", "➕", "DEADLINE:", "SCHEDULED:"] {
        while let Some(at) = out.find(marker) {
            let after = &out[at + marker.len()..];
            let trimmed = after.trim_start().trim_start_matches('<');
            let skipped = after.len() - trimmed.len();
            let Some((Ok(date), range)) = find_date(trimmed).filter(|(_, r)| r.start == 0) else {
                break;
            };
            let mut end = at + marker.len() + skipped + range.end;
            // Logseq closes with `Fri>`.
            if let Some(close) = out[end..].find('>')
                && out[end..end + close]
                    .trim()
                    .chars()
                    .all(char::is_alphabetic)
            {
                end += close + 1;
            }
            match marker {
                "📅" | "DEADLINE:" => dates.due = Some(date),
                "✅" => dates.done = true,
                "SCHEDULED:" => dates.due = dates.due.or(Some(date)),
                _ => {}
            }
            out = format!("{} {}", out[..at].trim_end(), out[end..].trim_start());
        }
    }
    for priority in ["⏫", "🔼", "🔽", "🔺", "⏬"] {
        out = out.replace(priority, "");
    }
    (dates, out.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(CommitmentOwner, String, Option<String>, Status, bool)> {
        parse(text, None, false, None, &People::testing()).map(|a| {
            (
                a.commitment.commitment.owner,
                a.commitment.commitment.what,
                a.commitment.commitment.due.map(|d| d.to_string()),
                a.commitment.commitment.status,
                a.commitment.owner_note.is_some(),
            )
        })
    }

    #[test]
    fn every_listed_shape() {
        assert_eq!(
            read("[Me] Send the readout by 2026-12-01"),
            Some((
                CommitmentOwner::Me,
                "Send the readout".into(),
                Some("2026-12-01".into()),
                Status::Open,
                false
            ))
        );
        assert_eq!(
            read("[Manager] raise the quota"),
            Some((
                CommitmentOwner::Manager,
                "raise the quota".into(),
                None,
                Status::Open,
                false
            ))
        );
        assert_eq!(
            read("2026-11-28 (@priya): share the eval docs"),
            Some((
                CommitmentOwner::Other("Priya".into()),
                "share the eval docs".into(),
                Some("2026-11-28".into()),
                Status::Open,
                false
            ))
        );
        assert_eq!(
            read("TODO write the checklist"),
            Some((
                CommitmentOwner::Me,
                "write the checklist".into(),
                None,
                Status::Open,
                true
            ))
        );
        assert_eq!(
            read("DOTO [Tess] confirm with Dana by 2026-11-14"),
            Some((
                CommitmentOwner::Manager,
                "confirm with Dana".into(),
                Some("2026-11-14".into()),
                Status::Open,
                false
            ))
        );
        assert_eq!(
            read("DONE [Me] draft the note").map(|r| r.3),
            Some(Status::Held)
        );
        assert_eq!(
            read("[Tess] ~~get me a slot~~ (no slot)").map(|r| r.3),
            Some(Status::Dropped)
        );
        assert_eq!(
            read("@tess: intro me to Dana").map(|r| r.0),
            Some(CommitmentOwner::Manager)
        );
        assert_eq!(read("Killed the rewrite"), None);
        assert_eq!(read("TODO"), None);
    }

    #[test]
    fn a_due_date_not_understood_stays_in_the_text_with_a_note() {
        let action = parse(
            "Follow up with Finance by next Friday",
            None,
            true,
            None,
            &People::testing(),
        )
        .expect("in actions");
        assert_eq!(
            action.commitment.commitment.what,
            "Follow up with Finance by next Friday"
        );
        assert_eq!(action.commitment.commitment.due, None);
        assert!(
            action
                .note
                .as_deref()
                .is_some_and(|n| n.contains("`next Friday` not understood"))
        );
        let action = parse(
            "[Me] file it by 2026-02-30",
            None,
            false,
            None,
            &People::testing(),
        )
        .expect("explicit");
        assert!(
            action
                .note
                .as_deref()
                .is_some_and(|n| n.contains("February 2026 has 28 days"))
        );
    }
}
