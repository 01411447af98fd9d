//! `promo import ics`: the 1:1 series from a calendar export (Google, Outlook, Apple).
//!
//! The file is read with `icalendar`'s parser and each series is expanded with `rrule`
//! (time zones through its chrono-tz): every instance the rule makes is a scheduled
//! 1:1; one removed by `EXDATE` or overridden with `STATUS:CANCELLED` is cancelled; one
//! overridden (`RECURRENCE-ID`) with a new start is on its new date. Past instances are
//! held, those from today on are still ahead. Only the 1:1 is kept: an event whose
//! people are the manager and at most one other (the owner), or, with `--series TEXT`,
//! every event whose summary contains TEXT. Nothing here writes the log.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use icalendar::parser::{Component, Property, read_calendar, unfold};
use rrule::{RRuleSet, Tz};

use crate::log::{Meeting, MeetingStatus};

/// How far past today a series is expanded: scheduled 1:1s beyond it are not recorded.
pub const AHEAD_DAYS: i64 = 183;

/// At most this many instances per series (a weekly series over ten years is ~520).
const MAX_INSTANCES: u16 = 2000;

/// The rule of a single event (rrule needs a rule or an RDATE to make an instance).
const ONCE: &str = "RRULE:FREQ=DAILY;COUNT=1";

/// Why a calendar file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsError {
    /// Line in the file, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::is_manager;

    #[test]
    fn the_manager_is_found_by_name_or_email() {
        assert!(is_manager("|sam lee", "Sam Lee"));
        assert!(is_manager("x@example.com|lee, sam", "Sam Lee"));
        assert!(is_manager("sam.lee@example.com|", "Sam Lee"));
        assert!(is_manager("slee@example.com|", "Sam Lee"));
        assert!(!is_manager("dana.whit@example.com|dana whit", "Sam Lee"));
        assert!(!is_manager("sam@example.com|sam", "Sam Lee"));
    }
}

/// Which events are the 1:1.
#[derive(Clone, Debug)]
pub enum Series<'a> {
    /// The manager's name, as the log has it: matched against CN and email.
    Manager(&'a str),
    /// Text the summary contains (`--series`).
    Summary(&'a str),
}

/// What a calendar gave: the meetings by date and how many events were left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    /// The 1:1s, one per date, in date order.
    pub meetings: Vec<Meeting>,
    /// The series (or single events) that matched.
    pub series: usize,
    /// Events that were not the 1:1.
    pub ignored: usize,
}

/// Reads `text` (a whole `.ics` file) into the 1:1 meetings of `series`.
pub fn parse(text: &str, series: &Series<'_>, today: NaiveDate) -> Result<Calendar, IcsError> {
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).map_err(|message| IcsError {
        line: 1,
        col: 1,
        message: format!("not an iCalendar file: {}", first_line(&message)),
    })?;
    let events: Vec<&Component<'_>> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    if events.is_empty() && calendar.components.is_empty() {
        return Err(IcsError {
            line: 1,
            col: 1,
            message: "no VCALENDAR with events in this file".into(),
        });
    }
    let until = today + Duration::days(AHEAD_DAYS);
    let mut found = Calendar::default();
    let mut days: BTreeMap<NaiveDate, MeetingStatus> = BTreeMap::new();
    for event in events
        .iter()
        .filter(|e| e.find_prop("RECURRENCE-ID").is_none())
    {
        if !is_one_on_one(event, series) {
            found.ignored += 1;
            continue;
        }
        if value(event, "STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED")) {
            // A whole series cancelled before it began: nothing was scheduled.
            found.ignored += 1;
            continue;
        }
        found.series += 1;
        let start = prop(event, "DTSTART")
            .ok_or_else(|| located(text, "DTSTART", "an event without DTSTART"))?;
        let mut rules = vec![as_line("DTSTART", start)];
        for p in event
            .properties
            .iter()
            .filter(|p| p.name == "RRULE" || p.name == "RDATE")
        {
            rules.push(as_line(p.name.as_str(), p));
        }
        if rules.len() == 1 {
            // A single event: its one instance.
            rules.push(ONCE.to_string());
        }
        let all = expand(text, &rules, until)?;
        let zone = all.first().map_or(Tz::UTC, |d| d.timezone());
        let mut kept_rules = rules.clone();
        for p in event.properties.iter().filter(|p| p.name == "EXDATE") {
            kept_rules.push(as_line("EXDATE", p));
        }
        let kept: Vec<NaiveDate> = expand(text, &kept_rules, until)?
            .iter()
            .map(|d| d.date_naive())
            .collect();
        for instance in &all {
            let day = instance.date_naive();
            let status = if !kept.contains(&day) {
                MeetingStatus::Cancelled
            } else {
                held_or_ahead(day, today)
            };
            days.insert(day, status);
        }
        let uid = value(event, "UID").unwrap_or_default();
        let overrides = events
            .iter()
            .filter(|e| e.find_prop("RECURRENCE-ID").is_some() && value(e, "UID") == Some(uid));
        for moved in overrides {
            let Some(original) = prop(moved, "RECURRENCE-ID") else {
                continue;
            };
            let was = one_date(text, original, zone)?;
            let cancelled =
                value(moved, "STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
            if cancelled {
                days.insert(was, MeetingStatus::Cancelled);
                continue;
            }
            let now = match prop(moved, "DTSTART") {
                Some(start) => one_date(text, start, zone)?,
                None => was,
            };
            if now != was {
                days.remove(&was);
            }
            if now <= until {
                days.insert(now, held_or_ahead(now, today));
            }
        }
    }
    found.meetings = days
        .into_iter()
        .map(|(date, status)| Meeting { date, status })
        .collect();
    Ok(found)
}

fn held_or_ahead(day: NaiveDate, today: NaiveDate) -> MeetingStatus {
    if day < today {
        MeetingStatus::Held
    } else {
        MeetingStatus::Scheduled
    }
}

/// Whether `event` is the 1:1 of `series`.
fn is_one_on_one(event: &Component<'_>, series: &Series<'_>) -> bool {
    match series {
        Series::Summary(text) => {
            value(event, "SUMMARY").is_some_and(|s| s.to_lowercase().contains(&text.to_lowercase()))
        }
        Series::Manager(name) => {
            let mut people: Vec<String> = event
                .properties
                .iter()
                .filter(|p| p.name == "ATTENDEE" || p.name == "ORGANIZER")
                .filter(|p| !is_resource(p))
                .map(person_of)
                .collect();
            people.sort();
            people.dedup();
            let manager = people.iter().any(|p| is_manager(p, name));
            // The manager and the owner; an all-hands has many people.
            manager && people.len() <= 2
        }
    }
}

/// A room or a piece of equipment booked as an attendee (`CUTYPE=ROOM|RESOURCE`): not a person.
fn is_resource(p: &Property<'_>) -> bool {
    p.params.iter().any(|param| {
        param.key == "CUTYPE"
            && param.val.as_ref().is_some_and(|v| {
                let v = v.as_str().trim_matches('"');
                v.eq_ignore_ascii_case("ROOM") || v.eq_ignore_ascii_case("RESOURCE")
            })
    })
}

/// One person of an ATTENDEE or ORGANIZER: the email when given, else the name.
fn person_of(p: &Property<'_>) -> String {
    let email = p.val.as_str().trim();
    let email = email
        .strip_prefix("mailto:")
        .or_else(|| email.strip_prefix("MAILTO:"))
        .unwrap_or(email);
    let name = p
        .params
        .iter()
        .find(|param| param.key == "CN")
        .and_then(|param| param.val.as_ref())
        .map(|v| v.as_str().trim_matches('"').to_string());
    if email.is_empty() {
        name.unwrap_or_default().to_lowercase()
    } else {
        format!(
            "{}|{}",
            email.to_lowercase(),
            name.unwrap_or_default().to_lowercase()
        )
    }
}

/// Whether `person` (`email|name`) is the manager called `name` in the log: the same
/// name, or an email whose local part is the name (`sam.lee`, `samlee`, `slee`, `sam`).
fn is_manager(person: &str, name: &str) -> bool {
    let name = name.trim().to_lowercase();
    let (email, cn) = person.split_once('|').unwrap_or(("", person));
    // "Sam Lee", or Outlook's "Lee, Sam": the same words in any order.
    let mut cn_words: Vec<&str> = cn.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let mut name_words: Vec<&str> = name.split_whitespace().collect();
    cn_words.sort_unstable();
    name_words.sort_unstable();
    if !cn_words.is_empty() && cn_words == name_words {
        return true;
    }
    let local = email.split('@').next().unwrap_or_default();
    let words: Vec<&str> = name.split_whitespace().collect();
    let initial_last = match words.as_slice() {
        [first, .., last] => first.chars().next().map(|c| format!("{c}{last}")),
        _ => None,
    };
    !local.is_empty()
        && (local == words.join(".")
            || local == words.join("")
            || local == words.join("_")
            || initial_last.as_deref() == Some(local))
}

fn prop<'a>(event: &'a Component<'a>, name: &str) -> Option<&'a Property<'a>> {
    event.properties.iter().find(|p| p.name == name)
}

fn value<'a>(event: &'a Component<'a>, name: &str) -> Option<&'a str> {
    prop(event, name).map(|p| p.val.as_str().trim())
}

/// `NAME;PARAM=V:VALUE`, the line rrule reads.
fn as_line(name: &str, p: &Property<'_>) -> String {
    let mut line = name.to_string();
    for param in &p.params {
        line.push(';');
        line.push_str(param.key.as_str());
        if let Some(v) = &param.val {
            line.push('=');
            line.push_str(v.as_str());
        }
    }
    line.push(':');
    line.push_str(p.val.as_str().trim());
    line
}

/// Every instance of the rules up to `until`.
fn expand(
    text: &str,
    rules: &[String],
    until: NaiveDate,
) -> Result<Vec<chrono::DateTime<Tz>>, IcsError> {
    let set: RRuleSet = rules
        .join("\n")
        .parse()
        .map_err(|e: rrule::RRuleError| located_value(text, rules, &e.to_string()))?;
    let end = until
        .and_hms_opt(23, 59, 59)
        .map(|t| t.and_utc().with_timezone(&Tz::UTC));
    let set = match end {
        Some(end) => set.before(end),
        None => set,
    };
    Ok(set.all(MAX_INSTANCES).dates)
}

/// The date of a single DTSTART or RECURRENCE-ID, in the series' zone.
fn one_date(text: &str, p: &Property<'_>, zone: Tz) -> Result<NaiveDate, IcsError> {
    // A DTSTART alone is no set to rrule: one daily instance makes it one.
    let line = as_line("DTSTART", p);
    let set: RRuleSet = format!("{line}\n{ONCE}")
        .parse()
        .map_err(|e: rrule::RRuleError| {
            located_value(text, std::slice::from_ref(&line), &e.to_string())
        })?;
    Ok(set.get_dt_start().with_timezone(&zone).date_naive())
}

/// An error at the line of the file holding the value of the rule rrule refused.
fn located_value(text: &str, rules: &[String], message: &str) -> IcsError {
    // The start alone (with a one-instance rule) reads: the fault is in a later rule.
    let start_reads = rules
        .first()
        .is_some_and(|start| format!("{start}\n{ONCE}").parse::<RRuleSet>().is_ok());
    let culprit = if start_reads {
        rules.last()
    } else {
        rules.first()
    };
    let needle = culprit
        .and_then(|r| r.split_once(':').map(|(_, v)| v.to_string()))
        .unwrap_or_default();
    located(
        text,
        &needle,
        &format!("a date or rule rrule cannot read: {message}"),
    )
}

fn located(text: &str, needle: &str, message: &str) -> IcsError {
    for (n, line) in text.lines().enumerate() {
        if let Some(col) = line.find(needle).filter(|_| !needle.is_empty()) {
            return IcsError {
                line: n + 1,
                col: col + 1,
                message: message.to_string(),
            };
        }
    }
    IcsError {
        line: 1,
        col: 1,
        message: message.to_string(),
    }
}

fn first_line(message: &str) -> &str {
    message
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(message)
        .trim()
}
