//! The one-page packet's context: everything the packet shows, gathered once from the
//! ranked evidence and the objections, and rendered by every format alike.
//!
//! Built only from public evidence: private moments contribute a count and nothing
//! else, so no template can reach their text. Long texts are shortened here, so every
//! format (and a user's template) gets a page's worth, not an archive.

use serde::Serialize;

use crate::evidence::{Evidence, ScoredMoment, impact, signal};
use crate::log::{Log, Role};
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
    /// Private moments left out (a count, nothing else of them).
    pub private_left_out: usize,
    /// Public moments the packet was built from.
    pub public_moments: usize,
    /// Paper size the page is laid out for: `letter` or `a4`.
    pub paper: String,
    /// Body font size, in points, at which the HTML's print stylesheet fits one page.
    pub print_font_pt: f32,
    /// The competency × evidence matrix at the target level, when the log cites
    /// competencies (set by the command; see [`crate::report::competencies::shared`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<crate::report::competencies::SharedRow>,
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
    /// The moment's id.
    pub id: String,
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
    /// The answer from the evidence, or the fix for an open gap.
    pub answer: String,
}

impl Packet {
    /// Gathers the packet from the ranked evidence and the objections (attack order).
    pub fn build(
        log: &Log,
        evidence: &Evidence<'_>,
        objections: &[Objection],
        headline: String,
        today: chrono::NaiveDate,
    ) -> Self {
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
            .map(|p| MapRow {
                key: p.key.clone(),
                project: clamp(&p.name, 60),
                scope: scope_label(p),
                impact: clamp(
                    &p.impacts
                        .iter()
                        .take(2)
                        .map(|i| clamp(i, 90))
                        .collect::<Vec<_>>()
                        .join("; "),
                    LINE_CHARS,
                ),
                score: p.score,
            })
            .collect();
        let examples = evidence.top_examples().map(|m| example(log, m)).collect();
        Self {
            owner,
            generated: today.to_string(),
            headline,
            map,
            map_more: evidence.projects.len().saturating_sub(MAP_ROWS),
            examples,
            signals: signals(log, evidence),
            objections: objection_rows(log, evidence, objections),
            private_left_out: log.private.len(),
            public_moments: log.moments.len(),
            paper: "letter".into(),
            print_font_pt: PRINT_FONT_MAX,
            competencies: Vec::new(),
        }
    }
}

/// The largest body size the HTML print stylesheet uses.
const PRINT_FONT_MAX: f32 = 8.3;
/// The smallest: below this a printed page stops being readable.
const PRINT_FONT_MIN: f32 = 5.6;

impl Packet {
    /// Sets the paper and picks the largest print font size at which the HTML packet
    /// still fits one sheet. The browser lays the page out, not promo, so this is an
    /// estimate from the text's length with a safety margin (checked in Chromium by
    /// the browser test).
    pub fn fit_print(&mut self, a4: bool) {
        self.paper = if a4 { "a4" } else { "letter" }.into();
        let (width_mm, height_mm) = if a4 {
            (210.0 - 26.0, 297.0 - 22.0)
        } else {
            (215.9 - 26.0, 279.4 - 22.0)
        };
        let mut size = PRINT_FONT_MAX;
        while size > PRINT_FONT_MIN && self.print_height_mm(size, width_mm) * 1.12 > height_mm {
            size -= 0.1;
        }
        self.print_font_pt = (size * 10.0).round() / 10.0;
    }

    /// Estimated printed height at body size `pt`.
    fn print_height_mm(&self, pt: f32, width_mm: f32) -> f32 {
        const MM_PER_PT: f32 = 0.3528;
        // DejaVu Sans averages a little over half an em per character.
        let lines = |text: &str, size: f32, width: f32| -> f32 {
            let per_line = (width / (size * 0.56 * MM_PER_PT)).max(1.0);
            (text.chars().count() as f32 / per_line).ceil().max(1.0)
        };
        let line_mm = |size: f32| size * 1.22 * MM_PER_PT;
        let heading_mm = 8.0 * MM_PER_PT + line_mm(pt);
        let mut h = 13.0 * 1.3 * MM_PER_PT + 4.0;
        let sub = format!(
            "{:?} {} {} {:?} {} {}",
            self.owner.role,
            self.owner.level,
            self.owner.target_level,
            self.owner.cycle,
            self.owner.submission,
            self.owner.manager
        );
        h += lines(&sub, 0.95 * pt, width_mm) * line_mm(0.95 * pt);
        h += 5.0 * heading_mm;
        h += lines(&self.headline, 1.05 * pt, width_mm) * line_mm(1.05 * pt);
        let table = 0.94 * pt;
        h += line_mm(table) + 1.0;
        for row in &self.map {
            let cells = [
                (&row.project, 0.24),
                (&row.scope, 0.22),
                (&row.impact, 0.54),
            ];
            let tallest = cells
                .iter()
                .map(|(t, share)| lines(t, table, width_mm * share - 3.0))
                .fold(1.0, f32::max);
            h += tallest * line_mm(table) + 1.0;
        }
        if self.map_more > 0 {
            h += line_mm(0.86 * pt);
        }
        let item_width = width_mm - 8.0;
        for ex in &self.examples {
            let text = format!("{} — {}", ex.what, ex.impact.as_deref().unwrap_or(""));
            h += lines(&text, pt, item_width) * line_mm(pt);
            h += lines(
                &format!(
                    "{} {} {} {} {}",
                    ex.id, ex.date, ex.reach, ex.project, ex.vouched_by
                ),
                0.86 * pt,
                item_width,
            ) * line_mm(0.86 * pt);
            h += 0.6;
        }
        for signal in [
            &self.signals.manager,
            &self.signals.peer,
            &self.signals.outcome,
        ] {
            h += lines(
                &format!("{}: {}", signal.label, signal.text),
                pt,
                item_width,
            ) * line_mm(pt)
                + 0.6;
        }
        h += lines(&self.signals.verdict, pt, width_mm) * line_mm(pt);
        for o in &self.objections {
            h += lines(
                &format!("{} open {} {}", o.question, o.severity, o.answer),
                pt,
                item_width,
            ) * line_mm(pt)
                + 0.6;
        }
        h + line_mm(0.86 * pt) + 3.0
    }
}

fn scope_label(project: &crate::evidence::ProjectEvidence) -> String {
    let mut counts = Vec::new();
    for (n, one, many) in [
        (project.decisions, "decision", "decisions"),
        (project.scopes, "scope", "scope"),
        (project.leverages, "leverage", "leverage"),
    ] {
        if n > 0 {
            counts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    format!("{} · {}", project.widest_reach.label(), counts.join(", "))
}

/// Who can vouch for a moment: its quotes' authors with their role, then witnesses.
fn vouchers(log: &Log, moment: &crate::log::Moment) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut quotes: Vec<&crate::log::Quote> = moment.quotes.iter().collect();
    quotes.sort_by_key(|q| q.role);
    for quote in quotes {
        if !seen.contains(&quote.by.as_str()) {
            seen.push(&quote.by);
            names.push(format!("{} ({})", clamp(&quote.by, 40), quote.role.label()));
        }
    }
    for witness in &moment.witnesses {
        if !seen.contains(&witness.as_str()) {
            seen.push(witness);
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
        id: m.id.clone(),
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

fn signals(log: &Log, evidence: &Evidence<'_>) -> Signals {
    // Quotes from the strongest moments first.
    let quotes = || evidence.moments.iter().flat_map(|m| m.moment.quotes.iter());
    let sponsor = quotes()
        .find(|q| q.role == Role::Manager)
        .or_else(|| quotes().find(|q| q.role == Role::Skip));
    let manager = match sponsor {
        Some(q) => Signal {
            label: "Manager".into(),
            text: format!(
                "“{}” — {} ({})",
                clamp(&q.text, 130),
                clamp(&q.by, 40),
                q.role.label()
            ),
            strong: true,
        },
        None => Signal {
            label: "Manager".into(),
            text: format!(
                "No quote from {} or a skip-level yet.",
                clamp(&log.manager, 40)
            ),
            strong: false,
        },
    };
    let is_peer = |q: &&crate::log::Quote| matches!(q.role, Role::Peer | Role::Stakeholder);
    let substantive = quotes()
        .filter(is_peer)
        .find(|q| signal::names_scope_or_leverage(&q.text));
    let peer = match (substantive, quotes().find(is_peer)) {
        (Some(q), _) => Signal {
            label: "Peers".into(),
            text: format!(
                "“{}” — {} ({})",
                clamp(&q.text, 130),
                clamp(&q.by, 40),
                q.role.label()
            ),
            strong: true,
        },
        (None, Some(q)) => Signal {
            label: "Peers".into(),
            text: format!(
                "Only general praise so far (“{}” — {}).",
                clamp(&q.text, 80),
                clamp(&q.by, 40)
            ),
            strong: false,
        },
        (None, None) => Signal {
            label: "Peers".into(),
            text: "No peer or stakeholder quote yet.".into(),
            strong: false,
        },
    };
    let quantified = evidence
        .top_examples()
        .chain(evidence.moments.iter())
        .find_map(|m| {
            m.moment
                .impact
                .as_deref()
                .filter(|i| impact::is_quantified(i))
        });
    let outcome = match quantified {
        Some(text) => Signal {
            label: "Outcome".into(),
            text: clamp(text, 150),
            strong: true,
        },
        None => Signal {
            label: "Outcome".into(),
            text: "No quantified outcome yet.".into(),
            strong: false,
        },
    };
    let missing: Vec<&str> = [
        (&manager, "the manager"),
        (&peer, "peers"),
        (&outcome, "the outcome"),
    ]
    .iter()
    .filter(|(s, _)| !s.strong)
    .map(|(_, name)| *name)
    .collect();
    let aligned = missing.is_empty();
    let verdict = if aligned {
        "All three point the same way: the manager, peers and the numbers tell one story."
            .to_string()
    } else {
        format!(
            "Not yet aligned: {} {} not carry the case yet.",
            join_names(&missing.iter().map(|s| (*s).to_string()).collect::<Vec<_>>()),
            if missing.len() == 1 && missing[0] != "peers" {
                "does"
            } else {
                "do"
            }
        )
    };
    Signals {
        manager,
        peer,
        outcome,
        aligned,
        verdict,
    }
}

/// Open gaps (fired objections, attack order), then the questions the evidence
/// already answers, up to [`OBJECTION_ROWS`].
fn objection_rows(
    log: &Log,
    evidence: &Evidence<'_>,
    objections: &[Objection],
) -> Vec<ObjectionRow> {
    let mut rows: Vec<ObjectionRow> = objections
        .iter()
        .take(OBJECTION_ROWS)
        .map(|o| ObjectionRow {
            id: o.id.id().to_string(),
            severity: o.severity.word().to_string(),
            question: clamp(&o.question, LINE_CHARS),
            status: "open".into(),
            answer: clamp(&o.fix, 220),
        })
        .collect();
    for (id, question, answer) in crate::objections::answered(log, evidence) {
        // Answered questions fill the section to four rows; open gaps may take all five.
        if rows.len() >= 4 {
            break;
        }
        if objections.iter().any(|o| o.id.id() == id) {
            continue;
        }
        rows.push(ObjectionRow {
            id: id.to_string(),
            severity: String::new(),
            question: question.to_string(),
            status: "answered".into(),
            answer: clamp(&answer, 220),
        });
    }
    rows
}

impl crate::render::Report for Packet {
    const NAME: &'static str = "packet";

    fn page(&self) -> crate::render::pdf::Page {
        use crate::render::pdf::{Block, ListItem, Page};
        let o = &self.owner;
        let mut subtitle = Vec::new();
        if let Some(role) = &o.role {
            subtitle.push(role.clone());
        }
        subtitle.push(format!("{} → {}", o.level, o.target_level));
        if let Some(cycle) = &o.cycle {
            subtitle.push(cycle.clone());
        }
        subtitle.push(format!("submission {}", o.submission));
        subtitle.push(format!("manager {}", o.manager));
        subtitle.push(format!("generated {}", self.generated));

        let mut blocks = vec![
            Block::Heading("The one-minute case".into()),
            Block::Paragraph {
                text: self.headline.clone(),
                bold_lead: None,
            },
            Block::Heading("Evidence map".into()),
            Block::Table {
                headers: vec!["Project".into(), "Scope".into(), "Org-level impact".into()],
                widths: vec![0.24, 0.25, 0.51],
                rows: self
                    .map
                    .iter()
                    .map(|r| vec![r.project.clone(), r.scope.clone(), r.impact.clone()])
                    .collect(),
                // Rows already left out of the context cannot be counted by the layout,
                // so a shortened map keeps what it has and says how many are missing.
                min_rows: if self.map_more > 0 {
                    self.map.len()
                } else {
                    1.min(self.map.len())
                },
                more: Some("+{n} more in the full map".into()),
            },
        ];
        if self.map_more > 0 {
            blocks.push(Block::Paragraph {
                text: format!("+{} more in the full map (promo map)", self.map_more),
                bold_lead: None,
            });
        }
        blocks.push(Block::Heading("Top examples".into()));
        blocks.push(Block::List {
            items: self
                .examples
                .iter()
                .map(|e| ListItem {
                    lead: e.what.clone(),
                    text: e.impact.clone().unwrap_or_default(),
                    detail: Some(example_detail(e)),
                })
                .collect(),
            min_items: self.examples.len().min(3),
            more: Some("+{n} more examples in the full map".into()),
        });
        blocks.push(Block::Heading("Signals".into()));
        blocks.push(Block::List {
            items: [
                &self.signals.manager,
                &self.signals.peer,
                &self.signals.outcome,
            ]
            .into_iter()
            .map(|s| ListItem {
                lead: format!("{}: ", s.label),
                text: s.text.clone(),
                detail: None,
            })
            .collect(),
            min_items: 3,
            more: None,
        });
        blocks.push(Block::Paragraph {
            text: self.signals.verdict.clone(),
            bold_lead: None,
        });
        blocks.push(Block::Heading(
            "Likely objections, and their answers".into(),
        ));
        blocks.push(Block::List {
            items: self
                .objections
                .iter()
                .map(|o| ListItem {
                    lead: format!("{} ", o.question),
                    text: if o.status == "open" {
                        format!("Open ({}): {}", o.severity, o.answer)
                    } else {
                        o.answer.clone()
                    },
                    detail: None,
                })
                .collect(),
            min_items: self.objections.len().min(1),
            more: Some("+{n} more in promo objections".into()),
        });
        let mut footer = Vec::new();
        if self.private_left_out > 0 {
            footer.push(format!(
                "{} private moment{} left out",
                self.private_left_out,
                if self.private_left_out == 1 { "" } else { "s" }
            ));
        }
        footer.push(format!(
            "built from {} public moment{} by promo",
            self.public_moments,
            if self.public_moments == 1 { "" } else { "s" }
        ));
        Page {
            title: o.name.clone(),
            subtitle: subtitle.join(" · "),
            blocks,
            footer: footer.join(" · "),
        }
    }
}

fn example_detail(e: &Example) -> String {
    let mut parts = vec![
        e.id.clone(),
        e.date.clone(),
        e.reach.clone(),
        e.project.clone(),
    ];
    if !e.vouched_by.is_empty() {
        parts.push(format!("vouched for by {}", e.vouched_by));
    }
    parts.join(" · ")
}
