//! The HTML packet's print size: the largest body font at which the page still fits one
//! sheet of the chosen paper, estimated from the context's text (the browser lays out
//! the HTML, not promo).

use super::Packet;

/// The largest body size the HTML print stylesheet uses.
pub(super) const PRINT_FONT_MAX: f32 = 8.3;
/// The smallest: below this a printed page stops being readable.
const PRINT_FONT_MIN: f32 = 5.6;
/// The timeline's printed height at most, in mm: `max-height` in templates/packet.html.
const TIMELINE_PRINT_MM: f32 = 30.0;

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
        h += 6.0 * heading_mm;
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
        // The timeline: as tall as its viewBox at the page's width, capped by the
        // print stylesheet's `max-height` (templates/packet.html).
        let rows = self.timeline.rows.len().max(1) as f32;
        h += (width_mm * (70.0 + 28.0 * rows) / 1260.0).min(TIMELINE_PRINT_MM) + 1.0;
        let item_width = width_mm - 8.0;
        for ex in &self.examples {
            let text = format!("{} — {}", ex.what, ex.impact.as_deref().unwrap_or(""));
            h += lines(&text, pt, item_width) * line_mm(pt);
            h += lines(
                &format!("{} {} {} {}", ex.date, ex.reach, ex.project, ex.vouched_by),
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
