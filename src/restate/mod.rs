//! The one-minute restatement: what the manager says about the owner in calibration.
//!
//! The one-minute restatement: what the manager says about the owner in the
//! calibration room — who, the level they already work at, the strongest decision,
//! the widest scope and the clearest leverage, each with its proof, and who else would
//! vouch — in plain spoken sentences that fit a word budget.
//!
//! Built from public evidence only. Sentences are chosen and shortened whole (see
//! `fit`); a clause is only ever cut where it ends (see `clause::prefixes`).

mod clause;
mod fit;

use serde::Serialize;

use crate::evidence::Evidence;
use crate::evidence::ScoredMoment;
use crate::evidence::score::normal_name;
use crate::evidence::vouch::vouchers;
use crate::ladder::{Ladder, Level};
use crate::log::{Log, Moment, Role, Tag};
use crate::text::{clamp, first_name};
use clause::Voice;
use fit::Sentence;

/// The default word budget: one minute at [`WORDS_PER_MINUTE`].
pub const DEFAULT_WORDS: usize = 150;
/// The speaking rate the time is estimated at.
pub const WORDS_PER_MINUTE: usize = 150;
/// The longest sentence said in one breath; longer versions are never offered.
pub const MAX_SENTENCE_WORDS: usize = 40;
/// People named as vouching, at most.
pub const MAX_VOUCHERS: usize = 4;
/// Moments tried per slot (decision, scope, leverage) before the slot is left out.
const CANDIDATES_PER_SLOT: usize = 25;

/// A restatement and how long it takes to say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Restatement {
    /// What to say.
    pub text: String,
    /// Whitespace-separated words in `text`.
    pub words: usize,
    /// Seconds to say it at [`WORDS_PER_MINUTE`], rounded up.
    pub seconds: u64,
}

/// The one-minute headline of the packet: the restatement at [`DEFAULT_WORDS`].
pub fn headline(log: &Log, evidence: &Evidence<'_>, ladder: &Ladder) -> String {
    restate(log, evidence, ladder, DEFAULT_WORDS).text
}

/// The restatement of `log`'s case in at most `max_words` words. A log with too few
/// public moments gets an honest statement that the case is not ready. The text is
/// empty only when `max_words` is too small for any sentence.
pub fn restate(
    log: &Log,
    evidence: &Evidence<'_>,
    ladder: &Ladder,
    max_words: usize,
) -> Restatement {
    let level = ladder.get(&log.target.level);
    // Counted moments: a story told twice, or a moment not yet due, is not a moment more.
    let sentences = if evidence.counted.len() < crate::objections::THIN_LOG_MIN_MOMENTS {
        not_ready(log, evidence.counted.len(), level)
    } else {
        case(log, evidence, level)
    };
    let text = fit::fit(sentences, max_words).join(" ");
    let words = word_count(&text);
    Restatement {
        text,
        words,
        seconds: speaking_seconds(words),
    }
}

/// Whitespace-separated words, as the word limit counts them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Seconds to say `words` words at [`WORDS_PER_MINUTE`], rounded up.
pub fn speaking_seconds(words: usize) -> u64 {
    let words = u64::try_from(words).unwrap_or(u64::MAX);
    (words.saturating_mul(60)).div_ceil(WORDS_PER_MINUTE as u64)
}

/// The target level as people say it: the ladder's id with its first alias, keeping
/// the log's own name first when it is an alias ("Staff (L6)").
fn level_name(log: &Log, level: Option<&Level>) -> String {
    let written = clamp(&log.target.level, 40);
    match level {
        Some(level) if level.id.eq_ignore_ascii_case(log.target.level.trim()) => level.label(),
        Some(level) => format!("{written} ({})", level.id),
        None => written,
    }
}

/// The ladder's line on the level as a relative clause ("the level that sets direction
/// for an area across several teams"), when its first clause opens with a verb.
fn level_gloss(level: Option<&Level>) -> Option<String> {
    let description = level?.description.trim();
    let first_clause = description
        .split(['.', ';'])
        .next()
        .unwrap_or(description)
        .trim();
    let verb = first_clause.split_whitespace().next()?;
    let is_verb = verb.chars().all(char::is_alphabetic)
        && verb.chars().next().is_some_and(char::is_uppercase)
        && verb.ends_with('s')
        && !verb.ends_with("ss");
    if !is_verb || word_count(first_clause) > 20 {
        return None;
    }
    let mut chars = first_clause.chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    Some(format!("the level that {lowered}"))
}

/// The honest statement for a log too thin to restate.
fn not_ready(log: &Log, n: usize, level: Option<&Level>) -> Vec<Sentence> {
    let name = clamp(&log.owner.name, 60);
    let first = first_name(&name).to_string();
    let level = level_name(log, level);
    let min = crate::objections::THIN_LOG_MIN_MOMENTS;
    let moments = match n {
        0 => "no public moments yet".to_string(),
        1 => "one public moment".to_string(),
        n => format!("{n} public moments"),
    };
    vec![
        Sentence::new(
            vec![
                format!("{name}'s case for {level} is not ready to restate yet: the log has {moments}, and a one-minute case needs at least {min}."),
                format!("{first}'s case for {level} is not ready to restate yet."),
            ],
            0,
            1,
        ),
        Sentence::new(
            vec![
                "Run `promo objections` to see what to gather first, and log a moment at every 1:1.".to_string(),
                "Run `promo objections` to see what to gather first.".to_string(),
            ],
            1,
            0,
        ),
    ]
}

/// What each slot of the case says and which moments may fill it.
#[derive(Clone, Copy)]
enum Slot {
    Decision,
    Scope,
    Leverage,
}

impl Slot {
    fn tag(self) -> Tag {
        match self {
            Slot::Decision => Tag::Decision,
            Slot::Scope => Tag::Scope,
            Slot::Leverage => Tag::Leverage,
        }
    }

    /// The words that open the sentence, so a listener hears which signal it is.
    fn intro(self) -> &'static str {
        match self {
            Slot::Decision => "On judgment,",
            Slot::Scope => "On scope,",
            Slot::Leverage => "On leverage,",
        }
    }
}

/// The full case: who and level, decision, scope, leverage, vouchers.
fn case(log: &Log, evidence: &Evidence<'_>, level: Option<&Level>) -> Vec<Sentence> {
    let voice = Voice::new(log);
    let name = clamp(&log.owner.name, 60);
    let level_text = level_name(log, level);
    let mut opener = Vec::new();
    if let Some(gloss) = level_gloss(level) {
        opener.push(format!("{name} already operates at {level_text}, {gloss}."));
    }
    opener.push(format!("{name} already operates at {level_text}."));
    // The opener is kept above all, but grows last: the evidence matters more than
    // the ladder's generic line.
    let mut sentences = vec![Sentence::new(opener, 0, 9)];
    let mut used: Vec<&Moment> = Vec::new();
    for (rank, slot) in [Slot::Decision, Slot::Scope, Slot::Leverage]
        .into_iter()
        .enumerate()
    {
        let Some((moment, sentence)) = candidates(evidence, slot)
            .filter(|m| !used.iter().any(|u| u.id == m.id))
            .take(CANDIDATES_PER_SLOT)
            .find_map(|m| {
                let sentence = evidence_sentence(&voice, slot, m, 1 + rank as u8);
                (!sentence.is_empty()).then_some((m, sentence))
            })
        else {
            continue;
        };
        used.push(moment);
        sentences.push(sentence);
    }
    sentences.push(vouch_sentence(log, &used));
    sentences
}

/// The moments that may fill a slot, best first: the strongest decision, the widest
/// scope (widest reach, then rank), the clearest leverage.
fn candidates<'e, 'a>(
    evidence: &'e Evidence<'a>,
    slot: Slot,
) -> impl Iterator<Item = &'a Moment> + 'e {
    let mut ranked: Vec<&ScoredMoment<'a>> = evidence
        .moments
        .iter()
        .filter(|m| m.moment.tag == slot.tag())
        .collect();
    if let Slot::Scope = slot {
        // Stable: rank order survives within a reach.
        ranked.sort_by_key(|m| std::cmp::Reverse(m.moment.reach));
    }
    ranked.into_iter().map(|m| m.moment)
}

/// "On judgment, Ana killed the in-house pay-later lending build — $4.8M … avoided."
/// in every version that fits in one breath: the `what` cut at its clauses, the impact
/// cut at its clauses. The impact is the proof, so it is dropped only when no version
/// with it fits.
fn evidence_sentence(voice: &Voice, slot: Slot, moment: &Moment, rank: u8) -> Sentence {
    let subject = |what: &str| {
        let spoken = voice.speak(what);
        if Voice::opens_with_verb(what) {
            format!("{} {} {spoken}", slot.intro(), voice.first())
        } else {
            format!("{} {spoken}", slot.intro())
        }
    };
    let whats: Vec<String> = clause::prefixes(&moment.what)
        .iter()
        .map(|w| subject(w))
        .collect();
    let impacts: Vec<String> = moment
        .impact
        .as_deref()
        .map(clause::prefixes)
        .unwrap_or_default()
        .iter()
        .map(|i| voice.speak(i))
        .collect();
    let fits = |text: &String| word_count(text) <= MAX_SENTENCE_WORDS;
    let mut with_proof: Vec<String> = Vec::new();
    for impact in &impacts {
        for what in &whats {
            with_proof.push(format!("{what} — {impact}."));
        }
    }
    with_proof.retain(fits);
    let versions = if with_proof.is_empty() {
        whats.iter().map(|w| format!("{w}.")).filter(fits).collect()
    } else {
        with_proof
    };
    Sentence::new(versions, rank, rank)
}

/// "Skip-level Dana Whitfield, stakeholders Marcus Bell and Aiko Tanaka, and peer José
/// Ramírez would vouch for this." — the people behind the cited moments, other than the
/// manager (who is the one speaking) and the owner, with the role the log gives them.
fn vouch_sentence(log: &Log, cited: &[&Moment]) -> Sentence {
    let manager = normal_name(&log.manager);
    let owner = normal_name(&log.owner.name);
    let mut people: Vec<(String, Option<Role>)> = Vec::new();
    // The people named so far, by normal name: a moment quoting 30,000 people stays
    // linear (issue 16).
    let mut named: std::collections::HashSet<String> = std::collections::HashSet::new();
    for moment in cited {
        for voucher in vouchers(moment, log) {
            let key = normal_name(&voucher.name);
            if key == manager || key == owner || !named.insert(key) {
                continue;
            }
            let role = voucher.role;
            if role == Some(Role::Manager) {
                continue;
            }
            people.push((clamp(&voucher.name, 40), role));
        }
    }
    // Stable: the order of the cited moments survives within a role.
    people.sort_by_key(|(_, role)| role.map_or(Role::ALL.len(), |r| r as usize));
    people.truncate(MAX_VOUCHERS);
    let versions = (1..=people.len())
        .rev()
        .map(|n| {
            format!(
                "{} would vouch for this.",
                capitalise(&named_by_role(log, &people[..n]))
            )
        })
        .collect();
    Sentence::new(versions, 4, 4)
}

/// "skip-level Dana Whitfield, peers A and B, and C": one group per role, in the order given.
fn named_by_role(log: &Log, people: &[(String, Option<Role>)]) -> String {
    let mut groups: Vec<(Option<Role>, Vec<String>)> = Vec::new();
    for (name, role) in people {
        match groups.iter_mut().find(|(r, _)| r == role) {
            Some((_, names)) => names.push(name.clone()),
            None => groups.push((*role, vec![name.clone()])),
        }
    }
    let first = first_name(&log.owner.name);
    let phrases: Vec<String> = groups
        .iter()
        .map(|(role, names)| {
            let many = names.len() > 1;
            let label = match role {
                Some(Role::Skip) => Some(if many {
                    "skip-levels".to_string()
                } else {
                    "skip-level".to_string()
                }),
                Some(Role::Peer) => Some(if many {
                    "peers".to_string()
                } else {
                    "peer".to_string()
                }),
                Some(Role::Stakeholder) => Some(if many {
                    "stakeholders".to_string()
                } else {
                    "stakeholder".to_string()
                }),
                Some(Role::Report) => Some(format!(
                    "{first}'s {}",
                    if many { "reports" } else { "report" }
                )),
                Some(Role::Manager) | None => None,
            };
            let names = crate::text::join_names(names);
            match label {
                Some(label) => format!("{label} {names}"),
                None => names,
            }
        })
        .collect();
    match phrases.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] if !a.contains(" and ") => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::{date, log, moment};
    use crate::log::{Quote, Reach};

    fn strong_log() -> Log {
        let mut d = moment("m1", "2026-07-07", Tag::Decision, Reach::Company);
        d.what = "Killed the in-house lending build and recommended a partner, after pressure-testing the loss model with Finance".into();
        d.impact = Some("$4.8M of credit losses avoided; partner live in 7 weeks".into());
        d.witnesses = vec!["Sam Lee".into(), "Dana Whitfield".into()];
        d.quotes = vec![Quote {
            by: "Marcus Bell".into(),
            role: Role::Stakeholder,
            text: "We agreed.".into(),
        }];
        let mut s = moment("m2", "2026-08-07", Tag::Scope, Reach::Org);
        s.what = "Asked Sam for ownership of the expansion to the UK".into();
        s.impact = Some("Named expansion owner".into());
        let mut s2 = moment("m3", "2026-08-08", Tag::Scope, Reach::Team);
        s2.what = "Took over the backlog".into();
        let mut l = moment("m4", "2026-09-07", Tag::Leverage, Reach::Company);
        l.what = "Wrote the fee guardrails that every org now uses".into();
        l.impact = Some("Adopted by 4 of 5 orgs".into());
        l.quotes = vec![Quote {
            by: "Dana Whitfield".into(),
            role: Role::Skip,
            text: "Company standard.".into(),
        }];
        let extra = moment("m5", "2026-10-07", Tag::Decision, Reach::Team);
        log(&["p"], vec![d, s, s2, l, extra])
    }

    #[test]
    fn the_case_has_its_shape_and_names_the_people_who_would_vouch() {
        let log = strong_log();
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ladder = Ladder::builtin().expect("ladder");
        let r = restate(&log, &evidence, &ladder, DEFAULT_WORDS);
        assert_eq!(
            r.text,
            "Ana Ruiz already operates at L6 (Staff), the level that sets direction for an area across several teams. \
             On judgment, Ana killed the in-house lending build and recommended a partner, after pressure-testing the loss model with Finance — $4.8M of credit losses avoided; partner live in 7 weeks. \
             On scope, Ana asked Sam for ownership of the expansion to the UK — named expansion owner. \
             On leverage, Ana wrote the fee guardrails that every org now uses — adopted by 4 of 5 orgs. \
             Skip-level Dana Whitfield and stakeholder Marcus Bell would vouch for this."
        );
        assert_eq!(r.words, word_count(&r.text));
        assert_eq!(r.seconds, speaking_seconds(r.words));
        assert_eq!(headline(&log, &evidence, &ladder), r.text);
    }

    #[test]
    fn a_small_budget_shortens_then_drops_whole_sentences() {
        let log = strong_log();
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ladder = Ladder::builtin().expect("ladder");
        for max in [20, 25, 30, 40, 60] {
            let r = restate(&log, &evidence, &ladder, max);
            assert!(r.words <= max, "{max}: {}", r.text);
            assert!(r.text.ends_with('.'), "{max}: {}", r.text);
            assert!(
                r.text
                    .starts_with("Ana Ruiz already operates at L6 (Staff)"),
                "{max}: {}",
                r.text
            );
        }
        // 20 words hold the opener only; 25 hold the strongest decision with its proof, cut at its clauses.
        let r = restate(&log, &evidence, &ladder, 20);
        assert!(!r.text.contains("On judgment"), "{}", r.text);
        let r = restate(&log, &evidence, &ladder, 25);
        assert!(r.text.contains("On judgment, Ana killed the in-house lending build and recommended a partner — $4.8M of credit losses avoided."), "{}", r.text);
        assert!(!r.text.contains("On leverage"), "{}", r.text);
        assert_eq!(restate(&log, &evidence, &ladder, 3).text, "");
    }

    #[test]
    fn a_thin_log_says_the_case_is_not_ready() {
        let log = log(
            &["p"],
            vec![moment("m1", "2026-07-07", Tag::Decision, Reach::Company)],
        );
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ladder = Ladder::builtin().expect("ladder");
        let r = restate(&log, &evidence, &ladder, DEFAULT_WORDS);
        assert_eq!(
            r.text,
            "Ana Ruiz's case for L6 (Staff) is not ready to restate yet: the log has one public moment, and a one-minute case needs at least 5. \
             Run `promo objections` to see what to gather first, and log a moment at every 1:1."
        );
        let r = restate(&log, &evidence, &ladder, 20);
        assert_eq!(
            r.text,
            "Ana's case for L6 (Staff) is not ready to restate yet. Run `promo objections` to see what to gather first."
        );
    }

    #[test]
    fn seconds_are_rounded_up() {
        assert_eq!(
            [0, 1, 150, 151, 75].map(speaking_seconds),
            [0, 1, 60, 61, 30]
        );
    }
}
