//! When the owner's strongest evidence is private: it can never reach the packet, so
//! the pre-mortem (read by the owner only) says which moment it is — by id, never its
//! text — and what a shareable version would need.

use chrono::NaiveDate;
use serde::Serialize;

use crate::evidence::Evidence;
use crate::evidence::score::score;
use crate::log::Log;

/// The strongest moment is private.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrivateStrongest {
    /// The private moment's id.
    pub id: String,
    /// What a shareable version of it would need.
    pub advice: String,
}

/// Some when a private moment outscores every public one as of `today`.
pub fn private_strongest(
    log: &Log,
    evidence: &Evidence<'_>,
    today: NaiveDate,
) -> Option<PrivateStrongest> {
    let (id, points) = log.private.strongest_for_owner(|m| score(m, today).score)?;
    let best_public = evidence.moments.first().map(|m| m.score);
    if best_public.is_some_and(|p| p >= points) {
        return None;
    }
    Some(PrivateStrongest {
        advice: format!(
            "Your strongest evidence ({id}) is private, so the packet cannot use it. A shareable version needs the call and its reach without the confidential detail, an outcome you may state (a rounded figure will do), and a witness who agrees to be named; log that as a new public moment and keep {id} private."
        ),
        id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{PrivateMoments, Reach, Tag};

    #[test]
    fn fires_only_when_a_private_moment_outscores_the_public_ones() {
        let today = date("2026-11-21");
        let public = moment("m1", "2026-10-01", Tag::Decision, Reach::Team);
        let mut secret = moment("m2", "2026-10-08", Tag::Decision, Reach::Company);
        secret.what = "SECRET-WHAT".into();
        secret.impact = Some("$2M saved".into());
        secret.private = true;
        let mut with_secret = log(&["p"], vec![public.clone()]);
        with_secret.private = PrivateMoments::new(vec![secret.clone()]);
        let evidence = Evidence::rank(&with_secret, today);
        let found = private_strongest(&with_secret, &evidence, today).expect("fires");
        assert_eq!(found.id, "m2");
        assert!(found.advice.contains("shareable version"), "{found:?}");
        assert!(!found.advice.contains("SECRET"), "{found:?}");
        // The same moment in public outscores it: quiet.
        let mut strong_public = secret.clone();
        strong_public.id = "m3".into();
        strong_public.private = false;
        let mut quiet = log(&["p"], vec![public, strong_public]);
        quiet.private = PrivateMoments::new(vec![secret]);
        let evidence = Evidence::rank(&quiet, today);
        assert_eq!(private_strongest(&quiet, &evidence, today), None);
    }
}
