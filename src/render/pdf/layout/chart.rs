//! The evidence timeline as one unbreakable unit: quarter columns (an empty quarter
//! shaded and hatched), one row per project with its label on the left, one mark per
//! public moment shaped by its tag and sized by its reach, a key and the summary line.
//! Black and grey only, so it reads when printed in greyscale. Its height depends only
//! on the body size and the number of rows, so the fitter counts it like a paragraph.

use super::super::font::{Face, Measurer};
use super::super::wrap::wrap;
use super::geometry::line_height;
use super::geometry::{BAND, Cmd, Geometry, INK, MARK, MUTED, RULE, SEPARATOR, Shape, Style};
use super::measure::{Kind, Unit, span};
use crate::report::timeline::{PLOT_UNITS, Timeline};

/// Share of the content width given to the project labels.
const LABEL_SHARE: f32 = 0.25;
/// Space between a label and the plot, in points.
const LABEL_PAD: f32 = 5.0;
/// Distance between hatching lines, in points.
const HATCH: f32 = 4.0;
/// Length of a dash (and of the gap after it) on the rule of a quarter ahead, in points.
const DASH: f32 = 2.5;

fn shape(name: &str) -> Shape {
    match name {
        "square" => Shape::Square,
        "triangle" => Shape::Triangle,
        _ => Shape::Circle,
    }
}

/// Radius of a mark of `size` (1 to 4) in a row `row` points tall.
fn radius(size: u8, row: f32) -> f32 {
    row * (2.0 + f32::from(size.min(4))) / 14.0
}

/// The timeline `t` laid out across the content width at the body size of `s`.
pub(super) fn timeline_unit(t: &Timeline, geo: &Geometry, m: &Measurer, s: &Style) -> Unit {
    let mut u = Unit::new(Kind::Content);
    let small = s.detail;
    let lh = line_height(small);
    let plot_x = geo.left + geo.content_width() * LABEL_SHARE;
    let plot_w = geo.right - plot_x;
    let x_of = |units: u32| plot_x + plot_w * units as f32 / PLOT_UNITS as f32;
    let row_h = s.body * 1.55;
    let plot_top = 2.0 * lh + 2.0;
    let plot_bottom = plot_top + t.rows.len().max(1) as f32 * row_h;

    // Quarter columns: an empty quarter is shaded and hatched, every column has a rule
    // on its left and its label and mark count on top.
    for q in &t.quarters {
        let (x0, x1) = (x_of(q.from), x_of(q.to));
        if q.status == "empty" {
            u.cmds.push(Cmd::Fill {
                x: x0,
                y: plot_top,
                w: x1 - x0,
                h: plot_bottom - plot_top,
                color: BAND,
            });
            hatch(&mut u.cmds, (x0, plot_top), (x1, plot_bottom));
        }
        if q.status == "ahead" {
            // A quarter not begun yet has a dashed rule, as in the SVG.
            let mut y = 0.0;
            while y < plot_bottom {
                u.cmds.push(Cmd::Line {
                    x1: x0 + 0.25,
                    y1: y,
                    x2: x0 + 0.25,
                    y2: (y + DASH).min(plot_bottom),
                    width: 0.5,
                    color: RULE,
                });
                y += 2.0 * DASH;
            }
        } else {
            u.cmds.push(Cmd::Fill {
                x: x0,
                y: 0.0,
                w: 0.5,
                h: plot_bottom,
                color: RULE,
            });
        }
        let room = (x1 - x0 - 4.0).max(1.0);
        let label = wrap(m, &[span(Face::Bold, &q.label)], small, room, Some(1));
        u.add_text(&label, x0 + 3.0, 0.0, small, INK, m);
        let status = match q.status {
            "empty" => "no moment".to_string(),
            "ahead" => "ahead".to_string(),
            _ => format!("{} moment{}", q.marks, if q.marks == 1 { "" } else { "s" }),
        };
        let status = wrap(m, &[span(Face::Regular, &status)], small, room, Some(1));
        u.add_text(&status, x0 + 3.0, lh, small, MUTED, m);
    }
    u.cmds.push(Cmd::Fill {
        x: geo.right - 0.5,
        y: 0.0,
        w: 0.5,
        h: plot_bottom,
        color: RULE,
    });

    // Rows: the project's name right-aligned before the plot, its marks on a centre line.
    let label_size = s.detail;
    let label_room = plot_x - geo.left - LABEL_PAD;
    for (i, row) in t.rows.iter().enumerate() {
        let top = plot_top + i as f32 * row_h;
        let cy = top + row_h / 2.0;
        u.cmds.push(Cmd::Fill {
            x: geo.left,
            y: top + row_h - 0.5,
            w: geo.content_width(),
            h: 0.5,
            color: SEPARATOR,
        });
        let label = wrap(
            m,
            &[span(Face::Regular, &row.project)],
            label_size,
            label_room,
            Some(1),
        );
        let width = label.lines.first().map_or(0.0, |l| l.width);
        let text_top = cy - line_height(label_size) / 2.0;
        u.add_text(
            &label,
            plot_x - LABEL_PAD - width,
            text_top,
            label_size,
            INK,
            m,
        );
        for mark in &row.marks {
            u.cmds.push(Cmd::Mark {
                shape: shape(mark.shape),
                cx: x_of(mark.at),
                cy,
                r: radius(mark.size, row_h),
                color: MARK,
            });
        }
    }
    if t.rows.is_empty() {
        let text = "No public moment in the cycle window yet.";
        let w = wrap(m, &[span(Face::Regular, text)], small, plot_w, Some(1));
        let width = w.lines.first().map_or(0.0, |l| l.width);
        let x = plot_x + (plot_w - width) / 2.0;
        u.add_text(&w, x, plot_top + (row_h - lh) / 2.0, small, MUTED, m);
    }

    // The key, flowing left to right and wrapping: "+N more projects", a shape per
    // tag, then a size per reach.
    let mut y = plot_bottom + s.body * 0.35;
    let key_h = (2.0 * radius(4, row_h)).max(lh) + 2.0;
    let mut x = geo.left;
    let mut place = |u: &mut Unit, mark: Option<(Shape, f32)>, text: &str, gap: f32| {
        let text_w = m.width(Face::Regular, text, small);
        let mark_w = mark.map_or(0.0, |(_, r)| 2.0 * r + 3.0);
        if x > geo.left && x + mark_w + text_w > geo.right {
            x = geo.left;
            y += key_h;
        }
        let cy = y + key_h / 2.0;
        if let Some((shape, r)) = mark {
            u.cmds.push(Cmd::Mark {
                shape,
                cx: x + r,
                cy,
                r,
                color: MARK,
            });
        }
        let w = wrap(
            m,
            &[span(Face::Regular, text)],
            small,
            geo.right - x - mark_w,
            Some(1),
        );
        u.add_text(
            &w,
            x + mark_w,
            cy - lh / 2.0,
            small,
            if mark.is_some() { INK } else { MUTED },
            m,
        );
        x += mark_w + text_w + gap;
    };
    if t.rows_more > 0 {
        let more = format!(
            "+{} more project{}",
            t.rows_more,
            if t.rows_more == 1 { "" } else { "s" }
        );
        place(&mut u, None, &more, 12.0);
    }
    let key_r = radius(2, row_h);
    for k in &t.shapes {
        place(&mut u, Some((shape(k.shape), key_r)), k.tag, 9.0);
    }
    place(&mut u, None, "size = reach:", 5.0);
    for k in &t.sizes {
        place(
            &mut u,
            Some((Shape::Circle, radius(k.size, row_h))),
            k.reach,
            8.0,
        );
    }
    y += key_h + s.body * 0.2;

    // The summary sentence, as text (what the SVG says in its aria-label).
    let summary = wrap(
        m,
        &[span(Face::Regular, &t.summary)],
        small,
        geo.content_width(),
        Some(2),
    );
    y += u.add_text(&summary, geo.left, y, small, MUTED, m);
    u.height = y;
    u
}

/// Diagonal hatching ("/") over the rectangle from `(x0, y0)` to `(x1, y1)`.
fn hatch(cmds: &mut Vec<Cmd>, (x0, y0): (f32, f32), (x1, y1): (f32, f32)) {
    // Lines x + y = k, clipped to the rectangle.
    let mut k = x0 + y0 + HATCH;
    while k < x1 + y1 {
        let xa = x0.max(k - y1);
        let xb = x1.min(k - y0);
        if xb > xa {
            cmds.push(Cmd::Line {
                x1: xa,
                y1: k - xa,
                x2: xb,
                y2: k - xb,
                width: 0.4,
                color: RULE,
            });
        }
        k += HATCH;
    }
}
