//! How objections talk about a log: citing a moment by id and its opening words,
//! percents, lists and plurals, so every fix reads as written for this log.

use crate::log::{Moment, Reach};

/// How many characters of a moment's text a citation keeps.
const CITE_CHARS: usize = 60;

/// `m003 (“Shipped onboarding v2 to all new signups”)`, shortened at a word.
pub fn cite(moment: &Moment) -> String {
    format!("{} (“{}”)", moment.id, shorten(&moment.what, CITE_CHARS))
}

/// The first words of `text`, at most `limit` characters, with `…` when cut.
pub fn shorten(text: &str, limit: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = if out.is_empty() {
            word.chars().count()
        } else {
            out.chars().count() + 1 + word.chars().count()
        };
        if next > limit {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(limit).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '.', '—', '-', ' ']);
    format!("{out}…")
}

/// `part` as a whole percent of `whole`, rounded down so a shown share never
/// overstates what the rule measured (0 when `whole` is 0).
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(0)
}

/// `a`, `a and b`, `a, b and c`.
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `""` for one, `"s"` otherwise.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What a reach gets to, in a sentence: "several teams", "the org".
pub fn reach_phrase(reach: Reach) -> &'static str {
    match reach {
        Reach::Team => "the team",
        Reach::CrossTeam => "several teams",
        Reach::Org => "the whole org",
        Reach::Company => "the company",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("Ran the retro", 60), "Ran the retro");
        assert_eq!(
            shorten(
                "Picked the annual plan toggle over the coupon field for next sprint",
                30
            ),
            "Picked the annual plan toggle…"
        );
        assert_eq!(shorten("Supercalifragilistic", 5), "Super…");
    }

    #[test]
    fn lists_and_percents_read_naturally() {
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&items(&["m001"])), "m001");
        assert_eq!(
            list(&items(&["m001", "m002", "m003"])),
            "m001, m002 and m003"
        );
        assert_eq!(percent(2, 12), 16);
        assert_eq!(percent(3, 5), 60);
        assert_eq!(percent(1, 0), 0);
    }
}
