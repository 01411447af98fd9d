//! The sponsor-follow-through objection: the manager keeps breaking the promises they
//! made in 1:1s. That is data about the sponsor, not friction.

use super::ids;
use crate::evidence::sponsor;
use crate::log::Moment;
use crate::objections::case::Case;
use crate::objections::phrase::{percent, plural, shorten};
use crate::objections::{Objection, Rule, Severity};

/// Broken (or open past due) manager commitments that make the rule fire on their own.
pub const SPONSOR_BROKEN_MIN: usize = 2;
/// Or this share, in percent, of the manager's commitments (dropped ones aside), reached
/// with at least one broken.
pub const SPONSOR_BROKEN_PERCENT: usize = 40;

/// sponsor-follow-through: high when the manager broke (or let run past due)
/// [`SPONSOR_BROKEN_MIN`] or more of the commitments they made on public moments, or
/// [`SPONSOR_BROKEN_PERCENT`]% or more of them. Unlike the share rules, both thresholds
/// fire when reached: one promise in two broken is already a pattern worth acting on.
pub(super) fn check(case: &Case<'_, '_>) -> Option<Objection> {
    let record = sponsor::record(case.log, case.today);
    let missed = record.not_kept();
    let total = record.total();
    if missed == 0 || (missed < SPONSOR_BROKEN_MIN && missed * 100 < total * SPONSOR_BROKEN_PERCENT)
    {
        return None;
    }
    let manager = case.manager();
    // The moments holding them, in file order; one set lookup per moment, so a big log
    // with many broken promises stays linear.
    let missed_on: std::collections::HashSet<&str> =
        record.missed.iter().map(|m| m.moment.as_str()).collect();
    let moments: Vec<&Moment> = case
        .public()
        .into_iter()
        .filter(|p| missed_on.contains(p.id.as_str()))
        .collect();
    let listed: Vec<String> = record
        .missed
        .iter()
        .take(3)
        .map(|m| {
            let due = m.due.map_or_else(String::new, |d| format!(", due {d}"));
            format!(
                "“{}” ({}{due}, {})",
                shorten(&m.what, 50),
                m.moment,
                m.state
            )
        })
        .collect();
    Some(Objection {
        id: Rule::SponsorFollowThrough,
        severity: Severity::High,
        title: format!("{manager} does not follow through"),
        question: format!(
            "Will {manager} actually carry {}'s case into the room?",
            case.first_name()
        ),
        evidence: ids(moments),
        finding: format!(
            "{manager} kept {} of {total} commitment{} made in 1:1s and broke {missed} ({}%): {}",
            record.held,
            plural(total),
            percent(missed, total),
            listed.join("; ")
        ),
        fix: format!(
            "Do not rest the case on {manager} alone: get a skip-level on record (a quote on your strongest moment), and ask {manager} to say your case back to you in one minute, so you hear what will be said in the room."
        ),
        ask: format!(
            "At your next 1:1, ask {manager}: “Could you tell me, in a minute, how you would put my case in calibration? And could you set up the introduction to your manager we talked about, with a date?”"
        ),
    })
}
