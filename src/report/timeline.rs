//! The evidence timeline: the projects by quarter over the cycle window, one mark per
//! counted public moment, shaped by its tag and sized by its reach, so a committee sees
//! at a glance whether the evidence is a pattern (several projects, several quarters)
//! or one strong stretch.
//!
//! It is data, not a picture: `templates/timeline.html` draws it as inline SVG and
//! `render/pdf/pages/premortem.rs` as PDF vector shapes, both from the same values.
//! Positions are in thousandths of the plot's width, so a drawing maps them with one
//! multiplication and no date arithmetic. Only public moments reach it ([`Evidence`]
//! reads nothing else), so it can go into shared outputs as it is.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::evidence::Evidence;
use crate::evidence::coverage;
use crate::evidence::quarter::Quarter;
use crate::log::{Log, Reach, Tag};
use crate::text::{clamp, join_names};

/// Project rows drawn at most: past this, `rows_more` says how many were left out.
pub const TIMELINE_ROWS: usize = 8;
/// Longest project label, in characters.
const LABEL_CHARS: usize = 28;
/// The plot's width in the units `at`, `from` and `to` use.
pub const PLOT_UNITS: u32 = 1000;

/// The evidence over the cycle window. `docs/templates.md` lists every field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// First day of the cycle window, `YYYY-MM-DD`.
    pub start: String,
    /// Last day of the window (the submission), `YYYY-MM-DD`.
    pub end: String,
    /// The window's calendar quarters, oldest first.
    pub quarters: Vec<QuarterColumn>,
    /// One row per project with a drawn mark, strongest project first.
    pub rows: Vec<TimelineRow>,
    /// Projects with marks left out past [`TIMELINE_ROWS`].
    pub rows_more: usize,
    /// Marks drawn (in `rows`).
    pub marks: usize,
    /// Counted moments dated before the window's first quarter: not drawn.
    pub earlier: usize,
    /// Quarters up to today with no public moment, e.g. `2026-Q3`.
    pub empty_quarters: Vec<String>,
    /// One sentence saying what the picture shows (the SVG's `aria-label`).
    pub summary: String,
    /// What each shape means, one entry per tag.
    pub shapes: Vec<ShapeKey>,
    /// What each size means, one entry per reach, narrowest first.
    pub sizes: Vec<SizeKey>,
}

/// One quarter of the window: a column of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuarterColumn {
    /// E.g. `2026-Q3`.
    pub label: String,
    /// `covered` (a mark in it), `empty` (begun, no public moment) or `ahead` (not begun yet).
    pub status: &'static str,
    /// Marks in this quarter, over every drawn row.
    pub marks: usize,
    /// Left edge, in thousandths of the plot's width.
    pub from: u32,
    /// Right edge, in thousandths of the plot's width.
    pub to: u32,
}

/// One project's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineRow {
    /// The project's name, shortened to fit a label.
    pub project: String,
    /// Its marks, oldest first.
    pub marks: Vec<Mark>,
}

/// One public moment on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mark {
    /// Index into `quarters`.
    pub quarter: usize,
    /// Centre, in thousandths of the plot's width: the row's marks of one quarter are
    /// spread evenly across its column, in date order, so none hides another.
    pub at: u32,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// `decision`, `scope` or `leverage`.
    pub tag: &'static str,
    /// `circle` (decision), `square` (scope) or `triangle` (leverage).
    pub shape: &'static str,
    /// Its reach, e.g. `Cross-team`.
    pub reach: &'static str,
    /// 1 (team) to 4 (company): how large it is drawn.
    pub size: u8,
    /// "2026-02-03 · decision · Cross-team", for a tooltip or a screen reader.
    pub label: String,
}

/// A tag and the shape it is drawn with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShapeKey {
    /// `decision`, `scope` or `leverage`.
    pub tag: &'static str,
    /// `circle`, `square` or `triangle`.
    pub shape: &'static str,
}

/// A reach and the size it is drawn at.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SizeKey {
    /// E.g. `Cross-team`.
    pub reach: &'static str,
    /// 1 to 4.
    pub size: u8,
}

/// The shape a tag is drawn with: outlines differ, so it reads in greyscale.
pub fn shape(tag: Tag) -> &'static str {
    match tag {
        Tag::Decision => "circle",
        Tag::Scope => "square",
        Tag::Leverage => "triangle",
    }
}

/// The size (1 to 4) a reach is drawn at: wider reach, larger mark.
pub fn size(reach: Reach) -> u8 {
    match reach {
        Reach::Team => 1,
        Reach::CrossTeam => 2,
        Reach::Org => 3,
        Reach::Company => 4,
    }
}

impl Timeline {
    /// The timeline of `log`'s counted public moments over its cycle window, as of `today`.
    pub fn of(log: &Log, evidence: &Evidence<'_>, today: NaiveDate) -> Self {
        let (start, end) = coverage::window(&log.target);
        let (first, last) = (Quarter::of(start), Quarter::of(end));
        let labels: Vec<Quarter> = Quarter::range(first, last).collect();
        let n = labels.len().max(1) as u32;
        let edge = |i: u32| i * PLOT_UNITS / n;

        // Projects in rank order; each project's moments in date order. The moments are
        // bucketed by project in one pass (in rank order, as a filter per project would
        // keep them), not scanned once per project.
        let row_of: HashMap<&str, usize> = evidence
            .projects
            .iter()
            .enumerate()
            .rev()
            .map(|(i, project)| (project.key.as_str(), i))
            .collect();
        let mut buckets: Vec<Vec<(usize, &crate::log::Moment)>> =
            vec![Vec::new(); evidence.projects.len()];
        let mut earlier = 0;
        for m in &evidence.moments {
            let Some(&row) = row_of.get(m.moment.project.as_str()) else {
                continue;
            };
            let q = Quarter::of(m.moment.date);
            match labels.iter().position(|l| *l == q) {
                Some(i) => buckets[row].push((i, m.moment)),
                None if q < first => earlier += 1,
                None => {}
            }
        }
        let mut rows: Vec<(String, Vec<(usize, &crate::log::Moment)>)> = Vec::new();
        for (project, mut moments) in evidence.projects.iter().zip(buckets) {
            if moments.is_empty() {
                continue;
            }
            moments.sort_by(|a, b| a.1.date.cmp(&b.1.date).then_with(|| a.1.id.cmp(&b.1.id)));
            rows.push((clamp(&project.name, LABEL_CHARS), moments));
        }
        let rows_more = rows.len().saturating_sub(TIMELINE_ROWS);
        rows.truncate(TIMELINE_ROWS);

        let mut per_quarter = vec![0usize; labels.len()];
        let rows: Vec<TimelineRow> = rows
            .into_iter()
            .map(|(project, moments)| {
                let mut marks = Vec::with_capacity(moments.len());
                for (q, group) in moments.chunk_by(|a, b| a.0 == b.0).map(|g| (g[0].0, g)) {
                    per_quarter[q] += group.len();
                    let (from, to) = (edge(q as u32), edge(q as u32 + 1));
                    let count = group.len() as u32;
                    for (i, (_, m)) in group.iter().enumerate() {
                        // Centre of the i-th of `count` equal slots of the column.
                        let at = from + (to - from) * (2 * i as u32 + 1) / (2 * count);
                        marks.push(Mark {
                            quarter: q,
                            at,
                            date: m.date.to_string(),
                            tag: m.tag.word(),
                            shape: shape(m.tag),
                            reach: m.reach.label(),
                            size: size(m.reach),
                            label: format!("{} · {} · {}", m.date, m.tag.word(), m.reach.label()),
                        });
                    }
                }
                TimelineRow { project, marks }
            })
            .collect();

        let begun = Quarter::of(today.min(end));
        let quarters: Vec<QuarterColumn> = labels
            .iter()
            .enumerate()
            .map(|(i, q)| QuarterColumn {
                label: q.to_string(),
                status: if per_quarter[i] > 0 {
                    "covered"
                } else if *q > begun || today < start {
                    "ahead"
                } else {
                    "empty"
                },
                marks: per_quarter[i],
                from: edge(i as u32),
                to: edge(i as u32 + 1),
            })
            .collect();
        let empty_quarters: Vec<String> = quarters
            .iter()
            .filter(|q| q.status == "empty")
            .map(|q| q.label.clone())
            .collect();
        let marks = per_quarter.iter().sum();
        let summary = summary(&quarters, rows.len() + rows_more, marks, &empty_quarters);
        Self {
            start: start.to_string(),
            end: end.to_string(),
            quarters,
            rows,
            rows_more,
            marks,
            earlier,
            empty_quarters,
            summary,
            shapes: [Tag::Decision, Tag::Scope, Tag::Leverage]
                .into_iter()
                .map(|t| ShapeKey {
                    tag: t.word(),
                    shape: shape(t),
                })
                .collect(),
            sizes: Reach::ALL
                .into_iter()
                .map(|r| SizeKey {
                    reach: r.label(),
                    size: size(r),
                })
                .collect(),
        }
    }
}

/// "Evidence timeline, 2026-Q1 to 2027-Q1: 24 public moments over 6 projects; no
/// public moment in 2026-Q3."
fn summary(quarters: &[QuarterColumn], projects: usize, marks: usize, empty: &[String]) -> String {
    let span = match (quarters.first(), quarters.last()) {
        (Some(a), Some(b)) if a.label != b.label => format!("{} to {}", a.label, b.label),
        (Some(a), _) => a.label.clone(),
        _ => String::new(),
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut text = format!(
        "Evidence timeline, {span}: {} over {}",
        plural(marks, "public moment"),
        plural(projects, "project")
    );
    if !empty.is_empty() {
        text.push_str(&format!("; no public moment in {}", join_names(empty)));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::testing::date;

    fn log(text: &str) -> Log {
        crate::log::load::load_bytes("t.ron".into(), text.as_bytes().to_vec(), date("2026-11-21"))
            .expect("a valid log")
            .0
    }

    const LOG: &str = r#"Log(
    version: 1,
    owner: Person(name: "Ana", level: "L5"),
    manager: "Sam",
    target: Target(level: "L6", submission: "2027-01-15", cycle_start: "2026-01-10"),
    projects: {
        "a": Project(name: "Alpha <launch>"),
        "b": Project(name: "Beta"),
        "c": Project(name: "Hidden"),
    },
    moments: [
        Moment(id: "m1", date: "2026-01-20", tag: Decision, project: "a", what: "Chose web first over both apps at once", reach: Team),
        Moment(id: "m2", date: "2026-02-03", tag: Scope, project: "a", what: "Asked to own the pricing tests", reach: Org),
        Moment(id: "m3", date: "2026-05-04", tag: Leverage, project: "b", what: "Wrote the guardrail others now reuse", reach: Company),
        Moment(id: "m4", date: "2026-10-01", tag: Decision, project: "b", what: "Cut the sync feature from the beta", reach: CrossTeam),
        Moment(id: "m5", date: "2025-12-01", tag: Decision, project: "a", what: "Chose the vendor after a bake-off", reach: Team),
        Moment(id: "m6", date: "2026-06-01", tag: Decision, project: "c", what: "PRIVATE-CANARY vent", reach: Company, private: true),
    ],
)"#;

    fn timeline() -> Timeline {
        let log = log(LOG);
        let today = date("2026-11-21");
        let evidence = Evidence::rank(&log, today);
        Timeline::of(&log, &evidence, today)
    }

    #[test]
    fn quarters_span_the_cycle_window_and_say_which_are_empty_or_ahead() {
        let t = timeline();
        let labels: Vec<(&str, &str)> = t
            .quarters
            .iter()
            .map(|q| (q.label.as_str(), q.status))
            .collect();
        assert_eq!(
            labels,
            [
                ("2026-Q1", "covered"),
                ("2026-Q2", "covered"),
                ("2026-Q3", "empty"),
                ("2026-Q4", "covered"),
                ("2027-Q1", "ahead"),
            ]
        );
        assert_eq!(t.empty_quarters, ["2026-Q3"]);
        assert_eq!(
            t.quarters
                .iter()
                .map(|q| (q.from, q.to))
                .collect::<Vec<_>>(),
            [(0, 200), (200, 400), (400, 600), (600, 800), (800, 1000)]
        );
        assert_eq!(
            t.summary,
            "Evidence timeline, 2026-Q1 to 2027-Q1: 4 public moments over 2 projects; no public moment in 2026-Q3."
        );
    }

    #[test]
    fn one_row_per_project_one_mark_per_public_moment_shaped_and_sized() {
        let t = timeline();
        let rows: Vec<&str> = t.rows.iter().map(|r| r.project.as_str()).collect();
        assert_eq!(rows.len(), 2);
        assert!(rows.contains(&"Alpha <launch>") && rows.contains(&"Beta"));
        let alpha = t
            .rows
            .iter()
            .find(|r| r.project == "Alpha <launch>")
            .expect("alpha");
        let marks: Vec<(usize, u32, &str, u8)> = alpha
            .marks
            .iter()
            .map(|m| (m.quarter, m.at, m.shape, m.size))
            .collect();
        // Two marks in Q1 share its column in date order; m5 is before the window.
        assert_eq!(marks, [(0, 50, "circle", 1), (0, 150, "square", 3)]);
        let beta = t.rows.iter().find(|r| r.project == "Beta").expect("beta");
        let marks: Vec<(usize, u32, &str, u8)> = beta
            .marks
            .iter()
            .map(|m| (m.quarter, m.at, m.shape, m.size))
            .collect();
        assert_eq!(marks, [(1, 300, "triangle", 4), (3, 700, "circle", 2)]);
        assert_eq!(beta.marks[0].label, "2026-05-04 · leverage · Company");
        assert_eq!(t.marks, 4);
        assert_eq!(t.earlier, 1);
        assert_eq!(
            t.quarters.iter().map(|q| q.marks).collect::<Vec<_>>(),
            [2, 1, 0, 1, 0]
        );
    }

    #[test]
    fn a_private_moment_and_its_project_never_reach_the_timeline() {
        let t = timeline();
        let json = serde_json::to_string(&t).expect("json");
        assert!(!json.contains("Hidden"), "{json}");
        assert!(!json.contains("CANARY"), "{json}");
        assert!(!json.contains("2026-06-01"), "{json}");
    }

    #[test]
    fn rows_past_the_limit_are_counted_not_drawn() {
        let mut projects = String::new();
        let mut moments = String::new();
        for i in 0..TIMELINE_ROWS + 3 {
            projects.push_str(&format!("\"p{i}\": Project(name: \"Project {i}\"),\n"));
            moments.push_str(&format!(
                "Moment(id: \"m{i}\", date: \"2026-03-{:02}\", tag: Decision, project: \"p{i}\", what: \"Chose plan {i} over the rest\", reach: Team),\n",
                i + 1
            ));
        }
        let text = format!(
            r#"Log(version: 1, owner: Person(name: "Ana", level: "L5"), manager: "Sam",
            target: Target(level: "L6", submission: "2027-01-15"), projects: {{ {projects} }}, moments: [ {moments} ])"#
        );
        let log = log(&text);
        let today = date("2026-11-21");
        let t = Timeline::of(&log, &Evidence::rank(&log, today), today);
        assert_eq!(t.rows.len(), TIMELINE_ROWS);
        assert_eq!(t.rows_more, 3);
        assert_eq!(t.marks, TIMELINE_ROWS);
        assert!(t.summary.contains("over 11 projects"), "{}", t.summary);
    }

    #[test]
    fn a_quiet_window_has_no_rows_and_every_begun_quarter_empty() {
        let text = r#"Log(version: 1, owner: Person(name: "Ana", level: "L5"), manager: "Sam",
            target: Target(level: "L6", submission: "2027-01-15", cycle_start: "2026-07-01"), projects: {}, moments: [])"#;
        let log = log(text);
        let today = date("2026-11-21");
        let t = Timeline::of(&log, &Evidence::rank(&log, today), today);
        assert!(t.rows.is_empty());
        assert_eq!(t.empty_quarters, ["2026-Q3", "2026-Q4"]);
        assert_eq!(t.quarters.last().map(|q| q.status), Some("ahead"));
    }
}
