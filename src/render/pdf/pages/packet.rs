//! The packet's PDF page: the one-minute case, the evidence map, the top examples, the
//! signals and the objections, laid out for one sheet.
//!
//! The `Report` impl lives here, with the page, so the report layer never depends on
//! the renderers: `report` builds contexts, `render` draws them.

use crate::render::Report;
use crate::render::pdf::{Block, ListItem, Page};
use crate::report::packet::{Example, Packet};

impl Report for Packet {
    const NAME: &'static str = "packet";

    fn page(&self) -> Option<Page> {
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
                text: format!("+{} more in the full map", self.map_more),
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
            more: Some("+{n} more questions".into()),
        });
        // Shared with the committee: the footer counts what the packet shows, never
        // what it left out.
        let footer = format!(
            "Built from {} moment{} logged in 1:1s, by promo",
            self.moments,
            if self.moments == 1 { "" } else { "s" }
        );
        Some(Page {
            title: o.name.clone(),
            subtitle: subtitle.join(" · "),
            blocks,
            footer,
        })
    }
}

fn example_detail(e: &Example) -> String {
    let mut parts = vec![e.date.clone(), e.reach.clone(), e.project.clone()];
    if !e.vouched_by.is_empty() {
        parts.push(format!("vouched for by {}", e.vouched_by));
    }
    parts.join(" · ")
}
