//! The one-minute restatement: what the manager says about the owner in the
//! calibration room, in the manager's own voice — a thesis (the level they already
//! work at), the strongest decision, the widest scope and the clearest leverage, each
//! with its proof, the consistency of it all, and who else would vouch. When a high
//! objection fires it does not claim the level: it says what is proven and what is not
//! yet.
//!
//! Built from public evidence only. Sentences are chosen and shortened whole (see
//! `fit`); a clause is only ever cut where it ends (see `clause::prefixes`); the
//! owner's first-person notes are turned to the speaker's view in `voice`.

mod clause;
mod fit;
mod spoken;
mod voice;

use chrono::NaiveDate;
use serde::Serialize;

use crate::evidence::Evidence;
use crate::evidence::ScoredMoment;
use crate::evidence::score::normal_name;
use crate::evidence::vouch::vouchers;
use crate::ladder::{Ladder, Level};
use crate::log::{Log, Moment, Role, Tag};
use crate::objections::Objection;
use crate::text::{clamp, first_name};
use fit::Sentence;
use voice::{Voice, capitalise};

/// The default word budget: one minute at [`WORDS_PER_MINUTE`].
pub const DEFAULT_WORDS: usize = 150;
/// The speaking rate the time is estimated at.
pub const WORDS_PER_MINUTE: usize = 150;
/// The longest sentence said in one breath; longer versions are never offered.
pub const MAX_SENTENCE_WORDS: usize = 25;
/// People named as vouching, at most.
pub const MAX_VOUCHERS: usize = 4;
/// Moments tried per slot (decision, scope, leverage) before the slot is left out.
const CANDIDATES_PER_SLOT: usize = 25;
/// An impact whose words are mostly the claim's own says nothing new and is left out.
const REPEAT_SHARE_PERCENT: usize = 60;
/// Figures an impact may carry: a number or two with their context ("4 of 5 orgs"),
/// not a table of them.
const MAX_FIGURE_WORDS: usize = 3;

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

/// The one-minute headline of the packet: the restatement at [`DEFAULT_WORDS`], judged
/// against the packet's own `objections`.
pub fn headline(
    log: &Log,
    evidence: &Evidence<'_>,
    ladder: &Ladder,
    objections: &[Objection],
) -> String {
    restate_judged(log, evidence, ladder, objections, DEFAULT_WORDS).text
}

/// The objections `find` finds and the [`headline`] they decide, the sentences that do
/// not depend on them written meanwhile (side by side when `parallel`).
pub fn headline_beside<E: Send>(
    log: &Log,
    evidence: &Evidence<'_>,
    ladder: &Ladder,
    parallel: bool,
    find: impl FnOnce() -> Result<Vec<Objection>, E> + Send,
) -> Result<(Vec<Objection>, String), E> {
    let (objections, prepared) =
        crate::parallel::join(parallel, find, || Prepared::unless_thin(log, evidence));
    let objections = objections?;
    let text = spoken_text(log, evidence, ladder, prepared, &objections, DEFAULT_WORDS);
    Ok((objections, text))
}

/// The restatement of `log`'s case in at most `max_words` words, as of `today` (the
/// objections that fire decide whether it claims the level). A log with too few
/// public moments gets an honest statement that the case is not ready. The text is
/// empty only when `max_words` is too small for any sentence.
pub fn restate(
    log: &Log,
    evidence: &Evidence<'_>,
    ladder: &Ladder,
    today: NaiveDate,
    max_words: usize,
) -> Restatement {
    let objections = ladder
        .get(&log.target.level)
        .map(|level| crate::objections::find_for_level(log, evidence, level, today))
        .unwrap_or_default();
    restate_judged(log, evidence, ladder, &objections, max_words)
}

/// [`restate`] with the objections already found.
pub fn restate_judged(
    log: &Log,
    evidence: &Evidence<'_>,
    ladder: &Ladder,
    objections: &[Objection],
    max_words: usize,
) -> Restatement {
    let prepared = Prepared::unless_thin(log, evidence);
    let text = spoken_text(log, evidence, ladder, prepared, objections, max_words);
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

/// The honest statement for a log too thin to restate.
fn not_ready(log: &Log, n: usize, level: Option<&Level>) -> Vec<Sentence> {
    let name = clamp(&log.owner.name, 60);
    let first = first_name(&name).to_string();
    let level = spoken::level_spoken(log, level);
    let min = crate::objections::THIN_LOG_MIN_MOMENTS;
    let moments = match n {
        0 => "no public moments yet".to_string(),
        1 => "one public moment".to_string(),
        n => format!("{n} public moments"),
    };
    vec![
        Sentence::new(
            vec![
                format!("I cannot make {name}'s case for {level} yet: the log has {moments}, and a one-minute case needs at least {min}."),
                format!("I cannot make {first}'s case for {level} yet."),
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

    /// The words that open the proof, a sentence of its own.
    fn proof(self) -> &'static str {
        match self {
            Slot::Decision => "The result:",
            Slot::Scope => "The outcome:",
            Slot::Leverage => "What changed:",
        }
    }
}

/// The restatement's text in at most `max_words` words: the full case (thesis, decision,
/// scope, leverage, then either what is not proven yet, when a high objection fires, or
/// the consistency of the case, and the vouchers), or, for a thin log (no `prepared`),
/// the honest statement that the case is not ready.
fn spoken_text(
    log: &Log,
    evidence: &Evidence<'_>,
    ladder: &Ladder,
    prepared: Option<Prepared>,
    objections: &[Objection],
    max_words: usize,
) -> String {
    let level = ladder.get(&log.target.level);
    let sentences = match prepared {
        Some(prepared) => prepared.case(log, level, objections),
        None => not_ready(log, evidence.counted.len(), level),
    };
    fit::fit(sentences, max_words).join(" ")
}

/// The sentences of the case that do not depend on the objections, so they can be
/// written while the objections are found.
struct Prepared {
    voice: Voice,
    /// Decision, scope and leverage, those that found a moment.
    slots: Vec<Sentence>,
    /// What is said when no high objection fires.
    consistency: Sentence,
    vouch: Sentence,
}

impl Prepared {
    /// The prepared sentences, or `None` for a thin log. Counted moments: a story told
    /// twice, or a moment not yet due, is not a moment more.
    fn unless_thin(log: &Log, evidence: &Evidence<'_>) -> Option<Self> {
        (evidence.counted.len() >= crate::objections::THIN_LOG_MIN_MOMENTS)
            .then(|| Self::of(log, evidence))
    }

    fn of(log: &Log, evidence: &Evidence<'_>) -> Self {
        let voice = Voice::new(log);
        let mut used: Vec<&Moment> = Vec::new();
        let mut slots = Vec::new();
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
            slots.push(sentence);
        }
        let vouch = vouch_sentence(log, &voice, &used);
        Self {
            consistency: spoken::consistency(evidence),
            voice,
            slots,
            vouch,
        }
    }

    /// The case's sentences, in order, once the objections are known.
    fn case(self, log: &Log, level: Option<&Level>, objections: &[Objection]) -> Vec<Sentence> {
        let highs = spoken::high(objections);
        let holding_back = !highs.is_empty();
        let mut sentences = vec![spoken::thesis(log, level, holding_back)];
        sentences.extend(self.slots);
        if holding_back {
            sentences.push(spoken::not_this_cycle(&self.voice, &highs));
        } else {
            sentences.push(self.consistency);
        }
        sentences.push(self.vouch);
        sentences
    }
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

/// "On judgment, she killed the in-house pay-later lending build. The result: $4.8M of
/// credit losses avoided." in every version that fits in one breath each: the `what`
/// cut at its clauses, the proof cut at its clauses. The proof is left out when it
/// repeats the claim or reads as a table of figures, and dropped last when words run
/// short.
fn evidence_sentence(voice: &Voice, slot: Slot, moment: &Moment, rank: u8) -> Sentence {
    let subject = voice.pronoun().subject();
    let fits = |text: &String| word_count(text) <= MAX_SENTENCE_WORDS;
    let whats: Vec<String> = clause::prefixes(&moment.what)
        .iter()
        .map(|what| {
            let spoken = voice.speak(what);
            if Voice::opens_with_verb(what) {
                format!("{} {subject} {spoken}.", slot.intro())
            } else {
                format!("{} {spoken}.", slot.intro())
            }
        })
        .filter(fits)
        .collect();
    let proofs: Vec<String> = moment
        .impact
        .as_deref()
        .map(clause::prefixes)
        .unwrap_or_default()
        .iter()
        // A semicolon or a colon joins fragments in an impact; said after "The
        // result:" it would dangle.
        .filter(|impact| {
            !impact.contains([';', ':'])
                && !repeats(impact, &moment.what)
                && figure_words(impact) <= MAX_FIGURE_WORDS
        })
        .map(|impact| format!("{} {}.", slot.proof(), voice.speak(impact)))
        .filter(fits)
        .collect();
    let mut versions: Vec<String> = Vec::new();
    for proof in &proofs {
        for what in &whats {
            versions.push(format!("{what} {proof}"));
        }
    }
    versions.extend(whats);
    Sentence::new(versions, rank, rank)
}

/// Words of `text` that are figures: they open with a digit or a currency sign
/// ("1,400", "$4.8M"), not labels such as "Q3" or "H1".
fn figure_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            let w = w.trim_start_matches(['(', '~', '+', '-', '$', '€', '£']);
            w.starts_with(|c: char| c.is_ascii_digit())
        })
        .count()
}

/// Whether most of the impact's words are already in the claim ("took over partner API
/// strategy" / "owns partner API strategy"), comparing word stems.
fn repeats(impact: &str, what: &str) -> bool {
    let stems = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.chars().count() >= 4)
            .map(|w| w.chars().take(5).collect())
            .collect()
    };
    // A figure the claim does not have is news ("adopted by 4 of 5 orgs").
    let figures = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .collect()
    };
    let claimed = figures(what);
    if figures(impact).iter().any(|f| !claimed.contains(f)) {
        return false;
    }
    let claim = stems(what);
    let said = stems(impact);
    if said.is_empty() {
        return false;
    }
    let repeated = said.iter().filter(|s| claim.contains(s)).count();
    repeated * 100 >= said.len() * REPEAT_SHARE_PERCENT
}

/// "Skip-level Dana Whitfield, stakeholders Marcus Bell and Aiko Tanaka, and peer José
/// Ramírez would vouch for this." — the people behind the cited moments, other than the
/// manager (who is the one speaking) and the owner, with the role the log gives them.
fn vouch_sentence(log: &Log, voice: &Voice, cited: &[&Moment]) -> Sentence {
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
                capitalise(&named_by_role(voice, &people[..n]))
            )
        })
        .collect();
    Sentence::new(versions, 5, 4)
}

/// "skip-level Dana Whitfield, peers A and B, and C": one group per role, in the order given.
fn named_by_role(voice: &Voice, people: &[(String, Option<Role>)]) -> String {
    let mut groups: Vec<(Option<Role>, Vec<String>)> = Vec::new();
    for (name, role) in people {
        match groups.iter_mut().find(|(r, _)| r == role) {
            Some((_, names)) => names.push(name.clone()),
            None => groups.push((*role, vec![name.clone()])),
        }
    }
    let own = voice.pronoun().possessive();
    let phrases: Vec<String> = groups
        .iter()
        .map(|(role, names)| {
            let many = names.len() > 1;
            let label = match role {
                Some(Role::Skip) => {
                    Some(if many { "skip-levels" } else { "skip-level" }.to_string())
                }
                Some(Role::Peer) => Some(if many { "peers" } else { "peer" }.to_string()),
                Some(Role::Stakeholder) => {
                    Some(if many { "stakeholders" } else { "stakeholder" }.to_string())
                }
                Some(Role::Report) => {
                    Some(format!("{own} {}", if many { "reports" } else { "report" }))
                }
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
        let mut log = log(&["p"], vec![d, s, s2, l, extra]);
        log.owner.pronouns = Some("she".into());
        log
    }

    fn high(rule: crate::objections::Rule) -> Objection {
        Objection {
            id: rule,
            severity: crate::objections::Severity::High,
            title: "Nothing reaches beyond the team".into(),
            question: String::new(),
            evidence: Vec::new(),
            finding: String::new(),
            fix: String::new(),
            ask: String::new(),
        }
    }

    #[test]
    fn a_clean_case_claims_the_level_in_the_managers_voice() {
        let log = strong_log();
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ladder = Ladder::builtin().expect("ladder");
        let r = restate_judged(&log, &evidence, &ladder, &[], DEFAULT_WORDS);
        assert_eq!(
            r.text,
            "Ana Ruiz already operates at Staff level, the level that sets direction for an area across several teams. \
             On judgment, she killed the in-house lending build and recommended a partner, after pressure-testing the loss model with Finance. \
             The result: $4.8M of credit losses avoided. \
             On scope, she asked me for ownership of the expansion to the UK. \
             On leverage, she wrote the fee guardrails that every org now uses. What changed: adopted by 4 of 5 orgs. \
             That is one pattern over two quarters, not a single good month. \
             Skip-level Dana Whitfield and stakeholder Marcus Bell would vouch for this."
        );
        assert_eq!(r.words, word_count(&r.text));
        assert_eq!(r.seconds, speaking_seconds(r.words));
        assert_eq!(headline(&log, &evidence, &ladder, &[]), r.text);
    }

    #[test]
    fn a_high_objection_holds_the_claim_back_and_says_what_is_not_proven() {
        let log = strong_log();
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ladder = Ladder::builtin().expect("ladder");
        let highs = [high(crate::objections::Rule::ThinScope)];
        let r = restate_judged(&log, &evidence, &ladder, &highs, DEFAULT_WORDS);
        assert!(
            r.text.starts_with("Ana Ruiz is growing toward Staff level, and this is what is proven so far. On judgment, she killed"),
            "{}",
            r.text
        );
        assert!(
            r.text
                .contains(" Still to prove before the room decides: scope beyond the team. "),
            "{}",
            r.text
        );
        assert!(!r.text.contains("operates at"), "{}", r.text);
        assert!(!r.text.contains("one pattern"), "{}", r.text);
        // Even at 20 words the hold-back is said with the thesis.
        let r = restate_judged(&log, &evidence, &ladder, &highs, 20);
        assert!(r.text.contains("Still to prove"), "{}", r.text);
        assert!(r.words <= 20, "{}", r.text);
        // Two gaps are not this cycle; the sponsor's own objections are no gap at all.
        let two = [
            high(crate::objections::Rule::ThinScope),
            high(crate::objections::Rule::NoMetric),
            high(crate::objections::Rule::LukewarmSponsor),
        ];
        let r = restate_judged(&log, &evidence, &ladder, &two, DEFAULT_WORDS);
        assert!(
            r.text.contains(" Not proven yet, so not this cycle: scope beyond the team and numbers that show the impact. "),
            "{}",
            r.text
        );
        let sponsor_only = [high(crate::objections::Rule::SponsorFollowThrough)];
        let r = restate_judged(&log, &evidence, &ladder, &sponsor_only, DEFAULT_WORDS);
        assert!(r.text.contains("already operates at"), "{}", r.text);
        assert!(!r.text.contains("support I promised"), "{}", r.text);
    }

    #[test]
    fn a_small_budget_shortens_then_drops_whole_sentences() {
        let log = strong_log();
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ladder = Ladder::builtin().expect("ladder");
        for max in [20, 25, 30, 40, 60] {
            let r = restate_judged(&log, &evidence, &ladder, &[], max);
            assert!(r.words <= max, "{max}: {}", r.text);
            assert!(r.text.ends_with('.'), "{max}: {}", r.text);
            assert!(
                r.text
                    .starts_with("Ana Ruiz already operates at Staff level"),
                "{max}: {}",
                r.text
            );
        }
        // 20 words hold the thesis and the decision cut at its clauses; 30 add its proof.
        let r = restate_judged(&log, &evidence, &ladder, &[], 20);
        assert!(
            r.text.contains(
                "On judgment, she killed the in-house lending build and recommended a partner."
            ),
            "{}",
            r.text
        );
        assert!(!r.text.contains("The result"), "{}", r.text);
        let r = restate_judged(&log, &evidence, &ladder, &[], 30);
        assert!(
            r.text
                .contains(" The result: $4.8M of credit losses avoided."),
            "{}",
            r.text
        );
        assert!(!r.text.contains("On scope"), "{}", r.text);
        assert_eq!(restate_judged(&log, &evidence, &ladder, &[], 3).text, "");
    }

    #[test]
    fn repeated_claims_and_tables_of_figures_are_not_said_as_proof() {
        assert!(repeats(
            "Owns partner API strategy",
            "Took over partner API strategy"
        ));
        assert!(!repeats(
            "Adopted by 4 of 5 orgs",
            "Wrote the fee guardrails"
        ));
        assert!(!repeats(
            "4 of 5 orgs adopted the guardrails",
            "Got orgs to adopt the guardrails"
        ));
        assert!(repeats(
            "Named owner for the 2027 plan",
            "Asked for ownership of the 2027 plan"
        ));
        assert_eq!(figure_words("$4.8M saved in Q3 across 2 teams"), 2);
    }

    #[test]
    fn a_thin_log_says_the_case_is_not_ready() {
        let log = log(
            &["p"],
            vec![moment("m1", "2026-07-07", Tag::Decision, Reach::Company)],
        );
        let evidence = Evidence::rank(&log, date("2026-11-21"));
        let ladder = Ladder::builtin().expect("ladder");
        let r = restate(&log, &evidence, &ladder, date("2026-11-21"), DEFAULT_WORDS);
        assert_eq!(
            r.text,
            "I cannot make Ana Ruiz's case for Staff level yet: the log has one public moment, and a one-minute case needs at least 5. \
             Run `promo objections` to see what to gather first, and log a moment at every 1:1."
        );
        let r = restate(&log, &evidence, &ladder, date("2026-11-21"), 20);
        assert_eq!(
            r.text,
            "I cannot make Ana's case for Staff level yet. Run `promo objections` to see what to gather first."
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
