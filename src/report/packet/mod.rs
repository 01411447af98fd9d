//! The one-page packet's context: everything the packet shows, gathered once from the
//! ranked evidence and the objections, and rendered by every format alike.
//!
//! The packet is shared: it speaks only to the calibration committee. Built only from
//! public evidence, it holds nothing of private moments, not even their number; no
//! moment ids (promo's bookkeeping, meaningless in the room); and no instruction to the
//! owner (what to fix lives in `promo objections` and `promo premortem`). Long texts
//! are shortened here, so every format (and a user's template) gets a page's worth,
//! not an archive.
//!
//! Files: this one (the context and its building), `signals.rs` (manager, peer and
//! outcome signals), `print.rs` (the HTML print stylesheet's font size). The PDF page
//! is drawn by `render/pdf/pages/packet.rs`.

mod print;
mod signals;

use serde::Serialize;

use super::case::Case;
use crate::error::Error;
use crate::evidence::map;
use crate::evidence::{Evidence, ScoredMoment};
use crate::log::Log;
use crate::objections::Objection;
use crate::text::{clamp, join_names};

/// Rows of the evidence map the packet carries at most (the PDF may show fewer).
pub const MAP_ROWS: usize = 8;
/// Objection rows the packet carries at most.
pub const OBJECTION_ROWS: usize = 5;
/// Longest `what` shown, in characters.
const WHAT_CHARS: usize = 220;
/// Longest impact, quote or answer shown, in characters.
const LINE_CHARS: usize = 170;

/// The packet's context. `docs/templates.md` lists every field.
#[derive(Clone, Debug, Serialize)]
pub struct Packet {
    /// Who the packet is for.
    pub owner: Owner,
    /// The date the packet was generated (`--today`).
    pub generated: String,
    /// What the manager says in the room: the one-minute restatement.
    pub headline: String,
    /// The evidence map, strongest project first.
    pub map: Vec<MapRow>,
    /// Projects with evidence left out of `map`.
    pub map_more: usize,
    /// The 3–5 top examples, decision-first, in rank order.
    pub examples: Vec<Example>,
    /// Manager, peer and outcome signals.
    pub signals: Signals,
    /// The likely objections: open gaps first (attack order), then those already answered.
    pub objections: Vec<ObjectionRow>,
    /// Moments the packet was built from.
    pub moments: usize,
    /// Paper size the page is laid out for: `letter` or `a4`.
    pub paper: String,
    /// Body font size, in points, at which the HTML's print stylesheet fits one page.
    pub print_font_pt: f32,
    /// The competency × evidence matrix at the target level, when the log cites
    /// competencies (see [`crate::report::competencies::shared`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<crate::report::competencies::SharedRow>,
    /// The public evidence by project and quarter over the cycle window.
    pub timeline: crate::report::timeline::Timeline,
}

/// The owner and the promotion.
#[derive(Clone, Debug, Serialize)]
pub struct Owner {
    /// Full name.
    pub name: String,
    /// Job title, if given.
    pub role: Option<String>,
    /// Current level.
    pub level: String,
    /// Target level.
    pub target_level: String,
    /// Calibration cycle, if given.
    pub cycle: Option<String>,
    /// Submission date, `YYYY-MM-DD`.
    pub submission: String,
    /// The manager (the sponsor).
    pub manager: String,
}

/// One row of the evidence map.
#[derive(Clone, Debug, Serialize)]
pub struct MapRow {
    /// The project key.
    pub key: String,
    /// The project's name.
    pub project: String,
    /// Widest reach and the counts by tag, e.g. "Company · 3 decisions, 2 leverage".
    pub scope: String,
    /// The strongest impact statements, quantified first, joined with "; ".
    pub impact: String,
    /// The project's aggregate score.
    pub score: i64,
}

/// A top example.
#[derive(Clone, Debug, Serialize)]
pub struct Example {
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// `decision`, `scope` or `leverage`.
    pub tag: String,
    /// Its reach, e.g. "Cross-team".
    pub reach: String,
    /// The project's name.
    pub project: String,
    /// What happened, decision-first.
    pub what: String,
    /// The outcome, if written.
    pub impact: Option<String>,
    /// Who can vouch, e.g. "Sam Lee (manager)".
    pub vouchers: Vec<String>,
    /// `vouchers` joined for a sentence.
    pub vouched_by: String,
    /// Its score.
    pub score: i64,
}

/// The three signals a committee looks for, and whether they agree.
#[derive(Clone, Debug, Serialize)]
pub struct Signals {
    /// The sponsor's voice (manager or skip-level).
    pub manager: Signal,
    /// Peers' and stakeholders' voice.
    pub peer: Signal,
    /// The outcome: the strongest quantified impact.
    pub outcome: Signal,
    /// Whether all three are present and substantive.
    pub aligned: bool,
    /// One sentence on whether they point the same way.
    pub verdict: String,
}

/// One signal line.
#[derive(Clone, Debug, Serialize)]
pub struct Signal {
    /// "Manager", "Peers", "Outcome".
    pub label: String,
    /// The line to show (a quote with its author, an impact, or what is missing).
    pub text: String,
    /// Whether the signal is there and carries weight.
    pub strong: bool,
}

/// An objection and where it stands.
#[derive(Clone, Debug, Serialize)]
pub struct ObjectionRow {
    /// The rule's id, e.g. `thin-scope`.
    pub id: String,
    /// `high`, `medium` or `low`; empty for an answered question.
    pub severity: String,
    /// The reviewer's question.
    pub question: String,
    /// `open` (a gap still to close) or `answered`.
    pub status: String,
    /// What the evidence says: the answer, or for an open gap how far it goes (never
    /// what the owner should do about it).
    pub answer: String,
}

impl Packet {
    /// The packet of `case`: its evidence, objections and one-minute headline.
    pub fn of(case: &Case) -> Result<Self, Error> {
        let evidence = case.evidence();
        let (log, ladder, today) = (&case.log, case.ladder()?, case.today);
        // The objections and the headline they decide, beside the parts of the packet
        // that only read the evidence: on a big log each has a core.
        let parallel = crate::parallel::worth_it(log.moments.len());
        let (judged, (gathered, competencies)) = crate::parallel::join(
            parallel,
            || {
                crate::restate::headline_beside(log, &evidence, ladder, parallel, || {
                    crate::objections::find(log, &evidence, ladder, today)
                })
            },
            || {
                crate::parallel::join(
                    parallel,
                    || Gathered::of(log, &evidence, today),
                    || crate::report::competencies::cited_matrix(log, ladder),
                )
            },
        );
        let (objections, headline) = judged?;
        let mut packet = gathered.into_packet(&objections, headline);
        packet.competencies = crate::report::competencies::shared(&competencies?);
        Ok(packet)
    }

    /// Gathers the packet from the ranked evidence and the objections (attack order).
    pub fn build(
        log: &Log,
        evidence: &Evidence<'_>,
        objections: &[Objection],
        headline: String,
        today: chrono::NaiveDate,
    ) -> Self {
        Gathered::of(log, evidence, today).into_packet(objections, headline)
    }
}

/// The parts of a packet that do not depend on the objections: gathered while they
/// are found.
struct Gathered {
    owner: Owner,
    generated: String,
    map: Vec<MapRow>,
    map_more: usize,
    examples: Vec<Example>,
    signals: Signals,
    answered: Vec<(&'static str, &'static str, String)>,
    moments: usize,
    timeline: crate::report::timeline::Timeline,
}

impl Gathered {
    fn of(log: &Log, evidence: &Evidence<'_>, today: chrono::NaiveDate) -> Self {
        let owner = Owner {
            name: clamp(&log.owner.name, 80),
            role: log.owner.role.as_deref().map(|r| clamp(r, 60)),
            level: clamp(&log.owner.level, 30),
            target_level: clamp(&log.target.level, 30),
            cycle: log.target.cycle.as_deref().map(|c| clamp(c, 40)),
            submission: log.target.submission.to_string(),
            manager: clamp(&log.manager, 80),
        };
        let map = evidence
            .projects
            .iter()
            .take(MAP_ROWS)
            .map(|p| MapRow::of(&map::row(p)))
            .collect();
        let examples = evidence.top_examples().map(|m| example(log, m)).collect();
        Self {
            owner,
            generated: today.to_string(),
            map,
            map_more: evidence.projects.len().saturating_sub(MAP_ROWS),
            examples,
            signals: signals::signals(log, evidence),
            answered: crate::objections::answered(log, evidence),
            moments: evidence.counted.len(),
            timeline: crate::report::timeline::Timeline::of(log, evidence, today),
        }
    }

    /// The packet, with the objections (attack order) and the headline.
    fn into_packet(self, objections: &[Objection], headline: String) -> Packet {
        Packet {
            owner: self.owner,
            generated: self.generated,
            headline,
            map: self.map,
            map_more: self.map_more,
            examples: self.examples,
            signals: self.signals,
            objections: objection_rows(&self.answered, objections),
            moments: self.moments,
            paper: "letter".into(),
            print_font_pt: print::PRINT_FONT_MAX,
            competencies: Vec::new(),
            timeline: self.timeline,
        }
    }
}

impl MapRow {
    /// The packet's row of an evidence map row: names shortened, the two strongest
    /// impacts joined, so a row fits its share of one page.
    fn of(row: &map::MapRow) -> Self {
        Self {
            key: row.project.clone(),
            project: clamp(&row.name, 60),
            scope: row.scope.clone(),
            impact: clamp(
                &row.impact
                    .iter()
                    .take(2)
                    .map(|i| clamp(i, 90))
                    .collect::<Vec<_>>()
                    .join("; "),
                LINE_CHARS,
            ),
            score: row.score,
        }
    }
}

/// Who can vouch for a moment: its quotes' authors with their role, then witnesses.
fn vouchers(log: &Log, moment: &crate::log::Moment) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    // A set, so a moment quoting 30,000 people stays linear (issue 16).
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut quotes: Vec<&crate::log::Quote> = moment.quotes.iter().collect();
    quotes.sort_by_key(|q| q.role);
    for quote in quotes {
        if seen.insert(&quote.by) {
            names.push(format!("{} ({})", clamp(&quote.by, 40), quote.role.label()));
        }
    }
    for witness in &moment.witnesses {
        if seen.insert(witness) {
            let label = if *witness == log.manager {
                format!("{} (manager)", clamp(witness, 40))
            } else {
                clamp(witness, 40)
            };
            names.push(label);
        }
    }
    names.truncate(4);
    names
}

fn example(log: &Log, scored: &ScoredMoment<'_>) -> Example {
    let m = scored.moment;
    let vouchers = vouchers(log, m);
    Example {
        date: m.date.to_string(),
        tag: m.tag.word().to_string(),
        reach: m.reach.label().to_string(),
        project: clamp(log.project_name(&m.project), 60),
        what: clamp(&m.what, WHAT_CHARS),
        impact: m.impact.as_deref().map(|i| clamp(i, LINE_CHARS)),
        vouched_by: join_names(&vouchers),
        vouchers,
        score: scored.score,
    }
}

/// What an open gap's row says when its rule has no answer from the evidence.
const NOT_ANSWERED: &str = "Not answered by the evidence yet.";

/// Open gaps (fired objections, attack order), then the questions the evidence
/// already answers, up to [`OBJECTION_ROWS`]. An open gap shows what the evidence
/// says on its question, not the owner's fix: the packet is for the committee.
fn objection_rows(
    answered: &[(&'static str, &'static str, String)],
    objections: &[Objection],
) -> Vec<ObjectionRow> {
    let said = |id: &str| {
        answered
            .iter()
            .find(|(rule, _, _)| *rule == id)
            .map_or_else(|| NOT_ANSWERED.to_string(), |(_, _, answer)| answer.clone())
    };
    let mut rows: Vec<ObjectionRow> = objections
        .iter()
        .take(OBJECTION_ROWS)
        .map(|o| ObjectionRow {
            id: o.id.id().to_string(),
            severity: o.severity.word().to_string(),
            question: clamp(&o.question, LINE_CHARS),
            status: "open".into(),
            answer: clamp(&said(o.id.id()), 220),
        })
        .collect();
    for (id, question, answer) in answered {
        // Answered questions fill the section to four rows; open gaps may take all five.
        if rows.len() >= 4 {
            break;
        }
        if objections.iter().any(|o| o.id.id() == *id) {
            continue;
        }
        rows.push(ObjectionRow {
            id: (*id).to_string(),
            severity: String::new(),
            question: (*question).to_string(),
            status: "answered".into(),
            answer: clamp(answer, 220),
        });
    }
    rows
}
