//! Corroboration: whether anyone but the owner stands behind a moment.
//!
//! A number nobody else saw is a claim. A moment is *corroborated* when it names a
//! witness, or carries a quote that is specific by content
//! ([`signal::names_scope_or_leverage`]) and does not hedge. Generic praise ("great
//! launch") does not corroborate a figure; a hedge corroborates nothing. An
//! uncorroborated moment keeps only [`UNCORROBORATED_SHARE_NUM`]/[`UNCORROBORATED_SHARE_DEN`]
//! of its reach and impact points (`docs/ranking.md`).

use super::signal;
use crate::log::Moment;

/// An uncorroborated moment's reach and impact points are multiplied by this …
pub const UNCORROBORATED_SHARE_NUM: i64 = 1;
/// … and divided by this, rounded down: a third of them.
pub const UNCORROBORATED_SHARE_DEN: i64 = 3;

/// Whether someone other than the owner stands behind `moment`.
pub fn is_corroborated(moment: &Moment) -> bool {
    moment.witnesses.iter().any(|w| !w.trim().is_empty())
        || moment
            .quotes
            .iter()
            .any(|q| signal::read(&q.text).corroborates())
}

/// `points` as an uncorroborated moment keeps them.
pub fn discounted(points: i64) -> i64 {
    points * UNCORROBORATED_SHARE_NUM / UNCORROBORATED_SHARE_DEN
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::moment;
    use crate::log::{Quote, Reach, Role, Tag};

    #[test]
    fn a_witness_or_a_specific_quote_corroborates_generic_praise_and_hedges_do_not() {
        let mut m = moment("m1", "2026-07-07", Tag::Decision, Reach::Company);
        assert!(!is_corroborated(&m));
        let quote = |text: &str| Quote {
            by: "Sam Lee".into(),
            role: Role::Manager,
            text: text.into(),
        };
        m.quotes = vec![quote("Great launch!")];
        assert!(!is_corroborated(&m));
        m.quotes = vec![quote("Not sure she owns it yet.")];
        assert!(!is_corroborated(&m));
        m.quotes = vec![quote("She owns it.")];
        assert!(is_corroborated(&m));
        m.quotes.clear();
        m.witnesses = vec!["  ".into()];
        assert!(!is_corroborated(&m));
        m.witnesses = vec!["Dana".into()];
        assert!(is_corroborated(&m));
    }

    #[test]
    fn a_third_is_kept_rounded_down() {
        assert_eq!([45, 30, 20, 15, 5, 0].map(discounted), [15, 10, 6, 5, 1, 0]);
    }
}
