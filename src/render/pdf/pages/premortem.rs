//! The pre-mortem's PDF page: the window, the objections with their dated plan, the
//! open commitments, the owner's record and the stale proof. For the owner only.

use crate::render::Report;
use crate::render::pdf::{Block, ListItem, Page};
use crate::report::premortem::Premortem;

impl Report for Premortem {
    const NAME: &'static str = "premortem";

    fn page(&self) -> Option<Page> {
        let mut blocks = vec![
            Block::Paragraph {
                text: "This report lists private commitments. Keep it on your machine; do not share it.".into(),
                bold_lead: Some("For you only.".into()),
            },
            Block::Paragraph {
                text: self.window_advice.clone(),
                bold_lead: Some(format!("{} days left, {}.", self.days_left, self.window.word())),
            },
        ];
        // The evidence timeline, where the HTML pre-mortem has it; none without a mark.
        if !self.timeline.rows.is_empty() {
            blocks.push(Block::Heading("Evidence over the cycle".into()));
            blocks.push(Block::Timeline(Box::new(self.timeline.clone())));
        }
        blocks.push(Block::Heading(
            "Objections and the plan, in attack order".into(),
        ));
        blocks.push(Block::List {
            items: self
                .objections
                .iter()
                .map(|o| {
                    let action = self.actions.iter().find(|a| a.objection == o.id);
                    let detail = match action {
                        Some(a) => format!(
                            "by {} · {}: {}",
                            a.by,
                            a.one_on_one.as_ref().map_or_else(
                                || format!(
                                    "in a 1:1 before {} (ask {} for one)",
                                    a.by, self.manager
                                ),
                                |d| format!("1:1 on {d}")
                            ),
                            a.ask
                        ),
                        None => o.ask.clone(),
                    };
                    ListItem {
                        lead: format!("{}. {} ({}) ", o.rank, o.title, o.severity),
                        text: o.fix.clone(),
                        detail: Some(detail),
                    }
                })
                .collect(),
            min_items: self.objections.len().min(3),
            more: Some("+{n} more in promo premortem".into()),
        });
        if let Some(note) = &self.no_plan {
            blocks.push(Block::Paragraph {
                text: note.clone(),
                bold_lead: None,
            });
        }
        blocks.push(Block::Heading(format!(
            "Open commitments due before {}",
            self.submission
        )));
        blocks.push(Block::Table {
            headers: vec!["Due".into(), "Who".into(), "What".into()],
            widths: vec![0.2, 0.2, 0.6],
            rows: self
                .open_commitments
                .iter()
                .map(|c| {
                    let mut due = c.due.clone().unwrap_or_else(|| "no date".into());
                    if c.overdue {
                        due.push_str(" (overdue)");
                    }
                    let what = if c.private {
                        format!("{} (private)", c.what)
                    } else {
                        c.what.clone()
                    };
                    vec![due, c.owner.clone(), what]
                })
                .collect(),
            min_rows: self.open_commitments.len().min(3),
            more: Some("+{n} more in promo premortem".into()),
        });
        if self.open_commitments_more > 0 {
            blocks.push(Block::Paragraph {
                text: format!(
                    "+{} more open commitments due before submission",
                    self.open_commitments_more
                ),
                bold_lead: None,
            });
        }
        let r = &self.record;
        blocks.push(Block::Paragraph {
            text: format!(
                "{} held, {} broken, {} dropped, {} open ({} overdue).",
                r.held, r.broken, r.dropped, r.open, r.overdue
            ),
            bold_lead: Some("Your record:".into()),
        });
        if self.manager_record.total() + self.manager_record.dropped > 0 {
            blocks.push(Block::Paragraph {
                text: format!("{}.", self.manager_record.summary()),
                bold_lead: Some(format!("{}'s record:", self.manager)),
            });
        }
        if !self.stale_proof.is_empty() {
            blocks.push(Block::Heading("Stale proof".into()));
            blocks.push(Block::List {
                items: self
                    .stale_proof
                    .iter()
                    .map(|s| ListItem {
                        lead: format!("{} ", s.what),
                        text: s.problems.join(", "),
                        detail: Some(s.fix.clone()),
                    })
                    .collect(),
                min_items: 1,
                more: None,
            });
        }
        let mut subtitle = Vec::new();
        if let Some(role) = &self.role {
            subtitle.push(role.clone());
        }
        subtitle.push(format!("{} → {}", self.level, self.target_level));
        subtitle.push(format!("submission {}", self.submission));
        subtitle.push(format!("as of {}", self.today));
        Some(Page {
            title: format!("Pre-mortem: {}", self.owner),
            subtitle: subtitle.join(" · "),
            blocks,
            footer: "Private: for the owner only. Generated by promo premortem.".into(),
        })
    }
}
