//! iCalendar output (RFC 5545) for open commitments, so a calendar or task app
//! shows who owes what by when.
//!
//! What calendar apps need, and what this module guarantees: CRLF line endings,
//! content lines folded at 75 octets (never inside a UTF-8 character), TEXT values
//! escaped, a `DTSTAMP` taken from the caller (`--today`, so output is reproducible),
//! and a UID per commitment that stays the same from one export to the next, so
//! importing again updates events instead of duplicating them.

use crate::report::commitments::Commitments;
use chrono::Datelike;
use chrono::NaiveDate;

/// The longest content line allowed, in octets, without its CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// One calendar entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The stable UID ([`uid`]).
    pub uid: String,
    /// One line: who owes what.
    pub summary: String,
    /// Where it comes from (the moment), for the details pane.
    pub description: String,
    /// The due date; an entry without one can only be a to-do.
    pub due: Option<NaiveDate>,
}

/// How entries are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An all-day `VEVENT` on the due date (a `VTODO` when there is no date): what
    /// calendar apps show.
    Events,
    /// A `VTODO` each: what task apps show.
    Todos,
}

/// A whole `VCALENDAR` holding `entries`, as text with CRLF line endings.
pub fn calendar(name: &str, entries: &[Entry], stamp: NaiveDate, kind: Kind) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:-//promo//promo {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(name)),
    ];
    let dtstamp = format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d"));
    for entry in entries {
        let event = kind == Kind::Events && entry.due.is_some();
        let component = if event { "VEVENT" } else { "VTODO" };
        lines.push(format!("BEGIN:{component}"));
        lines.push(format!("UID:{}", escape_text(&entry.uid)));
        lines.push(dtstamp.clone());
        match (event, entry.due) {
            (true, Some(due)) => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")));
                // 9999-12-31 ends in year 10000, which iCalendar cannot write:
                // a one-day duration says the same.
                match due.succ_opt().filter(|end| end.year() <= 9999) {
                    Some(end) => lines.push(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d"))),
                    None => lines.push("DURATION:P1D".into()),
                }
                // A reminder, not a meeting: it must not block the day.
                lines.push("TRANSP:TRANSPARENT".into());
            }
            (false, Some(due)) => lines.push(format!("DUE;VALUE=DATE:{}", due.format("%Y%m%d"))),
            _ => {}
        }
        lines.push(format!("SUMMARY:{}", escape_text(&entry.summary)));
        lines.push(format!("DESCRIPTION:{}", escape_text(&entry.description)));
        lines.push("CATEGORIES:promo".into());
        if !event {
            lines.push("STATUS:NEEDS-ACTION".into());
        }
        lines.push(format!("END:{component}"));
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold(line));
    }
    out
}

/// A UID that depends only on the log's owner, the moment id and the commitment's
/// position in its moment: the same commitment gets the same UID in every export.
pub fn uid(owner: &str, moment_id: &str, index: usize) -> String {
    let hash = fnv1a(format!("{owner}\u{0}{moment_id}\u{0}{index}").as_bytes());
    format!("{moment_id}.{index}-{hash:016x}@promo")
}

/// FNV-1a, 64 bits: tiny, and stable across Rust versions (unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Escapes a TEXT value: backslash, `;`, `,` and newlines; other control characters
/// (not allowed in TEXT) become spaces.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: at most [`MAX_LINE_OCTETS`] octets per physical line,
/// continuation lines starting with a space, each ended by CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 60 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

/// Reverses [`fold`]: for tests and for anyone reading the output back.
pub fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split("\r\n").enumerate() {
        match line.strip_prefix(' ') {
            Some(rest) if i > 0 => out.push_str(rest),
            _ => {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(line);
            }
        }
    }
    out
}

/// The calendar of a commitments report's open ones (build it without private moments:
/// the file leaves this machine).
pub fn commitments(report: &Commitments, kind: Kind) -> String {
    let entries: Vec<Entry> = report
        .commitments
        .iter()
        .filter(|r| r.status == "open")
        .map(|r| Entry {
            uid: uid(&report.owner, &r.moment, r.index),
            summary: format!("{}: {}", r.owner_name, r.what),
            description: format!(
                "Agreed in the 1:1 of {} ({}: {}). When it is done: promo done {}",
                r.moment_date,
                r.moment,
                r.moment_what.as_deref().unwrap_or(""),
                r.id
            ),
            due: r.due,
        })
        .collect();
    calendar(
        &format!("promo: {}'s commitments", report.owner),
        &entries,
        report.today,
        kind,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(80));
        let folded = fold(&line);
        for physical in folded.split_terminator("\r\n") {
            assert!(
                physical.len() <= MAX_LINE_OCTETS,
                "{} octets",
                physical.len()
            );
        }
        assert!(folded.ends_with("\r\n"));
        assert_eq!(unfold(folded.trim_end_matches("\r\n")), line);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(
            escape_text("a;b,c\\d\ne\r\nf\u{7}"),
            "a\\;b\\,c\\\\d\\ne\\nf "
        );
    }

    #[test]
    fn uids_are_stable_and_distinct() {
        assert_eq!(uid("Ana", "m001", 1), uid("Ana", "m001", 1));
        assert_ne!(uid("Ana", "m001", 1), uid("Ana", "m001", 2));
        assert_ne!(uid("Ana", "m001", 1), uid("Kai", "m001", 1));
        assert!(uid("Ana", "m001", 1).starts_with("m001.1-"));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
