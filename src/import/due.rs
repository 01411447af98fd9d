//! Due dates written the way people say them, resolved against the meeting's
//! date: "Friday" and "by Fri" (the first one after the meeting), "next Tuesday"
//! (that day in the week after the meeting's), "tomorrow", "EOD", "EOW" / "end of
//! week" (the meeting week's Friday), "EOM" / "end of month", "11/14" or
//! "11/14/2026" (month first), "Nov 14" / "14 Nov" (in the meeting's year when no
//! year is written, unless that is over 90 days before it: then the next).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::infer::find_date;

const WEEKDAYS: [(Weekday, &[&str]); 7] = [
    (Weekday::Mon, &["monday", "mon"]),
    (Weekday::Tue, &["tuesday", "tue", "tues"]),
    (Weekday::Wed, &["wednesday", "wed"]),
    (Weekday::Thu, &["thursday", "thu", "thur", "thurs"]),
    (Weekday::Fri, &["friday", "fri"]),
    (Weekday::Sat, &["saturday", "sat"]),
    (Weekday::Sun, &["sunday", "sun"]),
];

fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(_, names)| names.contains(&word))
        .map(|(day, _)| *day)
}

/// The first `day` strictly after `from`.
fn next_weekday(from: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(if ahead == 0 { 7 } else { i64::from(ahead) })
}

/// The date a due phrase names, seen from a meeting on `meeting`; `None` when
/// the phrase is not one promo reads.
pub fn resolve(phrase: &str, meeting: NaiveDate) -> Option<NaiveDate> {
    let lower = phrase
        .trim()
        .trim_end_matches(['.', ')', ',', ';'])
        .trim_start_matches("the ")
        .to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["today"] | ["eod"] | ["end", "of", "day"] | ["end", "of", "today"] => Some(meeting),
        ["tomorrow"] | ["tmrw"] => meeting.succ_opt(),
        ["eow"] | ["end", "of", "week"] | ["end", "of", "the", "week"] | ["this", "week"] => Some(
            if meeting.weekday() == Weekday::Sat || meeting.weekday() == Weekday::Sun {
                next_weekday(meeting, Weekday::Fri)
            } else {
                meeting
                    + Duration::days(
                        i64::from(Weekday::Fri.num_days_from_monday())
                            - i64::from(meeting.weekday().num_days_from_monday()),
                    )
            },
        ),
        ["eom"] | ["end", "of", "month"] | ["end", "of", "the", "month"] => {
            let first_next = if meeting.month() == 12 {
                NaiveDate::from_ymd_opt(meeting.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(meeting.year(), meeting.month() + 1, 1)
            };
            first_next.and_then(|d| d.pred_opt())
        }
        ["next", "week"] => Some(next_weekday(meeting, Weekday::Mon)),
        [day] | ["this", day] if weekday(day).is_some() => {
            weekday(day).map(|d| next_weekday(meeting, d))
        }
        ["next", day] if weekday(day).is_some() => {
            let monday = next_weekday(meeting, Weekday::Mon);
            weekday(day).map(|d| monday + Duration::days(i64::from(d.num_days_from_monday())))
        }
        _ => numeric(&lower, meeting).or_else(|| named(&lower, meeting)),
    }
}

/// `11/14` or `11/14/2026`, month first.
fn numeric(text: &str, meeting: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('/').collect();
    let number = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [m, d] => upcoming(meeting, number(m)?, number(d)?),
        [m, d, y] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, number(m)?, number(d)?)
        }
        _ => None,
    }
}

/// `Nov 14`, `14 November`, or a full date.
fn named(text: &str, meeting: NaiveDate) -> Option<NaiveDate> {
    if let Some((Ok(date), range)) = find_date(text)
        && range == (0..text.len())
    {
        return Some(date);
    }
    // Borrow the meeting's year and read the full date.
    let with_year = format!("{text} {}", meeting.year());
    match find_date(&with_year) {
        Some((Ok(date), range)) if range == (0..with_year.len()) => {
            upcoming(meeting, date.month(), date.day())
        }
        _ => None,
    }
}

/// A month/day in the meeting's year, unless that is more than 90 days before
/// it (then the next year's): a due date a little in the past is overdue, not
/// a year away.
fn upcoming(meeting: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(meeting.year(), month, day);
    match this_year {
        Some(date) if date + Duration::days(90) >= meeting => Some(date),
        _ => NaiveDate::from_ymd_opt(meeting.year() + 1, month, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_resolve_against_the_meeting() {
        // 2026-11-17 is a Tuesday.
        let meeting = NaiveDate::from_ymd_opt(2026, 11, 17).unwrap_or_default();
        let at = |p: &str| resolve(p, meeting).map(|d| d.to_string());
        assert_eq!(at("Friday").as_deref(), Some("2026-11-20"));
        assert_eq!(at("fri").as_deref(), Some("2026-11-20"));
        assert_eq!(at("Tuesday").as_deref(), Some("2026-11-24"));
        assert_eq!(at("next Tuesday").as_deref(), Some("2026-11-24"));
        assert_eq!(at("next Friday").as_deref(), Some("2026-11-27"));
        assert_eq!(at("EOW").as_deref(), Some("2026-11-20"));
        assert_eq!(at("tomorrow").as_deref(), Some("2026-11-18"));
        assert_eq!(at("EOM").as_deref(), Some("2026-11-30"));
        assert_eq!(at("11/14").as_deref(), Some("2026-11-14"));
        assert_eq!(at("2/3").as_deref(), Some("2027-02-03"));
        assert_eq!(at("12/1").as_deref(), Some("2026-12-01"));
        assert_eq!(at("Dec 3").as_deref(), Some("2026-12-03"));
        assert_eq!(at("3 December").as_deref(), Some("2026-12-03"));
        assert_eq!(at("the offsite"), None);
        assert_eq!(at("Q1"), None);
    }
}
