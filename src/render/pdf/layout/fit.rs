//! The fitting algorithm: shrink type, drop rows/items, clamp lines, and as a last
//! resort cut the tail, then place the units and confine them to the margin box.

use super::super::font::Measurer;
use super::super::wrap::ELLIPSIS;
use super::super::{LayoutReport, Page};
use super::geometry::{Cmd, Geometry, Style, line_height};
use super::measure::{Kind, Laid, Pass, Unit, measure, more_unit};

/// Body sizes tried, largest first; the last one is the floor.
const BODY_SIZES: [f32; 13] = [
    10.0, 9.75, 9.5, 9.25, 9.0, 8.75, 8.5, 8.25, 8.0, 7.75, 7.5, 7.25, 7.0,
];
/// Line limits tried for cells and paragraphs once dropping is not enough.
const CLAMPS: [Option<usize>; 8] = [
    None,
    Some(12),
    Some(8),
    Some(6),
    Some(4),
    Some(3),
    Some(2),
    Some(1),
];

/// The finished layout: commands, the report, and where each unit went (for tests).
#[derive(Clone, Debug)]
pub(in crate::render::pdf) struct Layout {
    /// Drawing commands, absolute, top-down.
    pub(in crate::render::pdf) cmds: Vec<Cmd>,
    /// What the fitting had to do.
    pub(in crate::render::pdf) report: LayoutReport,
    /// Placed flow units in order: (kind, block index, top, height).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(in crate::render::pdf) placed: Vec<(Kind, usize, f32, f32)>,
}

/// Lays `page` out on `geo`, guaranteeing that everything lands on one page inside the
/// margin box.
pub(in crate::render::pdf) fn fit(page: &Page, geo: &Geometry, m: &Measurer) -> Layout {
    // 1. Natural size, then shrink all type step by step down to the floor.
    let mut last = None;
    let floor = BODY_SIZES[BODY_SIZES.len() - 1];
    for body in BODY_SIZES {
        let pass = measure(page, geo, m, body, None);
        let shown = all_rows(&pass);
        let height = flow_height(&pass, &shown);
        let room = avail(&pass, geo);
        if height <= room {
            return assemble(&pass, geo, m, &shown);
        }
        last = Some(pass);
        // Wrapped text shrinks at most with the square of the size: if even the floor
        // cannot fit by a wide margin, skip the sizes in between (huge inputs).
        let ratio = floor / body;
        if height * ratio * ratio > room * 1.25 && body > floor {
            last = Some(measure(page, geo, m, floor, None));
            break;
        }
    }
    // 2. At the floor: drop rows/items, then clamp cells and paragraphs (re-planning the
    //    drops at each line limit so no more is dropped than needed).
    for clamp in CLAMPS {
        let pass = match (clamp, last.take()) {
            (None, Some(p)) => p,
            _ => measure(page, geo, m, floor, clamp),
        };
        let (shown, fits) = plan_drops(&pass, avail(&pass, geo), geo, m);
        if fits {
            return assemble(&pass, geo, m, &shown);
        }
        last = Some(pass);
    }
    // 3. Pathological input (e.g. hundreds of undroppable blocks): cut the tail.
    let pass = match last {
        Some(p) => p,
        None => measure(page, geo, m, floor, Some(1)),
    };
    let shown: Vec<usize> = pass
        .blocks
        .iter()
        .map(|b| match b {
            Laid::Rows { rows, min, .. } => (*min).min(rows.len()),
            _ => 0,
        })
        .collect();
    assemble(&pass, geo, m, &shown)
}

fn all_rows(pass: &Pass) -> Vec<usize> {
    pass.blocks
        .iter()
        .map(|b| match b {
            Laid::Rows { rows, .. } => rows.len(),
            _ => 0,
        })
        .collect()
}

/// Height available to the blocks between the title area and the footer.
fn avail(pass: &Pass, geo: &Geometry) -> f32 {
    let footer = pass
        .footer
        .as_ref()
        .map_or(0.0, |f| f.height + pass.style.body * 0.9);
    geo.bottom - geo.top - pass.header.height - footer
}

/// Space above a visible block, given what came before it.
fn gap(s: &Style, prev: Option<&Laid>, this: &Laid) -> f32 {
    match (prev, this) {
        (None, _) => 0.0,
        (_, Laid::Heading(_)) => s.body * 1.05,
        (Some(Laid::Heading(_)), _) => s.body * 0.3,
        _ => s.body * 0.6,
    }
}

/// Height of block `b` showing `shown` of its rows/items.
fn block_height(b: &Laid, shown: usize, more_h: impl Fn(usize) -> f32) -> f32 {
    match b {
        Laid::Empty => 0.0,
        Laid::Heading(u) | Laid::Single(u) => u.height,
        Laid::Rows { head, rows, .. } => {
            let head_h = head.as_ref().map_or(0.0, |h| h.height);
            let shown = shown.min(rows.len());
            let rows_h: f32 = rows.iter().take(shown).map(|r| r.height).sum();
            let dropped = rows.len() - shown;
            if dropped > 0 {
                head_h + rows_h + more_h(dropped)
            } else {
                let tail = shown.checked_sub(1).map_or(0.0, |last| rows[last].tail);
                head_h + rows_h - tail
            }
        }
    }
}

fn more_height(pass: &Pass, b: &Laid, n: usize, geo: &Geometry, m: &Measurer) -> f32 {
    match b {
        Laid::Rows { more, more_x, .. } => more_unit(more, n, *more_x, geo, m, &pass.style).height,
        _ => 0.0,
    }
}

/// Total height of the visible blocks with the given rows/items shown.
fn flow_height(pass: &Pass, shown: &[usize]) -> f32 {
    // The "+N more" line is at most two detail lines plus its top padding; this bound
    // is only used while nothing is dropped (then it is not drawn at all).
    let s = &pass.style;
    let more_bound = |_n: usize| s.body * 0.3 + 2.0 * line_height(s.detail);
    let mut total = 0.0;
    let mut prev: Option<&Laid> = None;
    for (i, b) in pass.blocks.iter().enumerate() {
        if !pass.visible[i] {
            continue;
        }
        total += gap(s, prev, b) + block_height(b, shown[i], more_bound);
        prev = Some(b);
    }
    total
}

/// Drops rows/items from the ends of droppable blocks (largest block first, the later
/// block on ties, never below its minimum) until the flow fits `avail`.
/// Returns how many rows/items each block shows and whether it now fits.
fn plan_drops(pass: &Pass, avail: f32, geo: &Geometry, m: &Measurer) -> (Vec<usize>, bool) {
    let mut shown = all_rows(pass);
    let height_of = |i: usize, n: usize| {
        let b = &pass.blocks[i];
        block_height(b, n, |d| more_height(pass, b, d, geo, m))
    };
    let mut total = flow_height(pass, &shown);
    while total > avail {
        let pick = pass
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| {
                pass.visible[*i] && matches!(b, Laid::Rows { min, .. } if shown[*i] > *min)
            })
            .max_by_key(|(i, _)| (shown[*i], *i))
            .map(|(i, _)| i);
        let Some(i) = pick else {
            return (shown, false);
        };
        let before = height_of(i, shown[i]);
        shown[i] -= 1;
        total += height_of(i, shown[i]) - before;
    }
    (shown, true)
}

/// Places the title area, the visible blocks (showing `shown` rows/items) and the
/// footer. Units that would cross the bottom are not placed (only pathological input
/// gets there), and a heading or table header left without content is removed.
fn assemble(pass: &Pass, geo: &Geometry, m: &Measurer, shown: &[usize]) -> Layout {
    let s = &pass.style;
    let limit = geo.bottom
        - pass
            .footer
            .as_ref()
            .map_or(0.0, |f| f.height + s.body * 0.9);

    // Flatten into (block, gap before, unit) in reading order.
    let mut flow: Vec<(usize, f32, Unit)> = Vec::new();
    let mut dropped = Vec::new();
    let mut prev: Option<&Laid> = None;
    for (i, b) in pass.blocks.iter().enumerate() {
        if !pass.visible[i] {
            continue;
        }
        let g = gap(s, prev, b);
        prev = Some(b);
        match b {
            Laid::Empty => {}
            Laid::Heading(u) | Laid::Single(u) => flow.push((i, g, u.clone())),
            Laid::Rows {
                head,
                rows,
                more,
                more_x,
                ..
            } => {
                let mut g = Some(g);
                if let Some(h) = head {
                    flow.push((i, g.take().unwrap_or(0.0), h.clone()));
                }
                let n = shown[i].min(rows.len());
                for r in rows.iter().take(n) {
                    flow.push((i, g.take().unwrap_or(0.0), r.clone()));
                }
                let d = rows.len() - n;
                if d > 0 {
                    dropped.push((i, d));
                    let u = more_unit(more, d, *more_x, geo, m, s);
                    flow.push((i, g.take().unwrap_or(0.0), u));
                } else if let Some(last) = flow.last_mut().filter(|f| f.0 == i) {
                    // The spacing under the block's last item is not needed.
                    last.2.height -= last.2.tail;
                    last.2.tail = 0.0;
                }
            }
        }
    }

    let mut placed: Vec<(Kind, usize, f32, f32)> = Vec::new();
    let mut units: Vec<(f32, Unit)> = Vec::new();
    let mut y = geo.top + pass.header.height;
    let mut cut = None;
    for (i, g, u) in flow {
        if y + g + u.height > limit + 0.01 {
            cut = Some(i);
            break;
        }
        y += g;
        placed.push((u.kind, i, y, u.height));
        units.push((y, u));
        y += placed.last().map_or(0.0, |p| p.3);
    }
    if cut.is_some() {
        // Never end on a heading or a bare table header.
        while placed.last().is_some_and(|p| p.0 != Kind::Content) {
            placed.pop();
            units.pop();
        }
    }

    let mut report = LayoutReport {
        font_size: s.body,
        dropped,
        truncated_cells: 0,
        missing_glyphs: Vec::new(),
        cut_at_block: cut,
    };
    let mut cmds = Vec::new();
    let mut add = |u: &Unit, top: f32, report: &mut LayoutReport| {
        cmds.extend(u.cmds.iter().cloned().map(|c| c.shifted(top)));
        report.truncated_cells += u.truncated;
        report.missing_glyphs.extend_from_slice(&u.missing);
    };
    add(&pass.header, geo.top, &mut report);
    for (top, u) in &units {
        add(u, *top, &mut report);
    }
    if let Some(f) = &pass.footer {
        add(f, geo.bottom - f.height, &mut report);
    }
    let cmds = confine(cmds, geo, m, &mut report);
    report.missing_glyphs.sort_unstable();
    report.missing_glyphs.dedup();
    Layout {
        cmds,
        report,
        placed,
    }
}

/// Last line of defence: no text may leave the margin box. Text running past the right
/// edge (only possible for absurdly narrow columns) is cut with "…"; anything else
/// outside the box is not drawn.
fn confine(cmds: Vec<Cmd>, geo: &Geometry, m: &Measurer, report: &mut LayoutReport) -> Vec<Cmd> {
    let eps = 0.01;
    let regular = &m.fonts().base.regular;
    cmds.into_iter()
        .filter_map(|c| match c {
            Cmd::Text {
                x,
                y,
                face,
                size,
                color,
                mut text,
                mut width,
            } => {
                let top = y - regular.ascent * size;
                let bottom = y + regular.descent * size;
                if x < geo.left - eps || top < geo.top - eps || bottom > geo.bottom + eps {
                    return None;
                }
                if x + width > geo.right + eps {
                    let room = geo.right - x - m.char_em(face, ELLIPSIS) * size;
                    while !text.is_empty() && m.width(face, &text, size) > room {
                        text.pop();
                    }
                    if room < 0.0 {
                        return None;
                    }
                    text.push(ELLIPSIS);
                    width = m.width(face, &text, size);
                    report.truncated_cells += 1;
                }
                Some(Cmd::Text {
                    x,
                    y,
                    face,
                    size,
                    color,
                    text,
                    width,
                })
            }
            Cmd::Mark { cx, cy, r, .. } => (cx - r >= geo.left - eps
                && cx + r <= geo.right + eps
                && cy - r >= geo.top - eps
                && cy + r <= geo.bottom + eps)
                .then_some(c),
            Cmd::Line { x1, y1, x2, y2, .. } => [(x1, y1), (x2, y2)]
                .iter()
                .all(|(x, y)| {
                    (geo.left - eps..=geo.right + eps).contains(x)
                        && (geo.top - eps..=geo.bottom + eps).contains(y)
                })
                .then_some(c),
            Cmd::Fill { x, y, w, h, color } => {
                let x0 = x.max(geo.left);
                let x1 = (x + w).min(geo.right);
                let y0 = y.max(geo.top);
                let y1 = (y + h).min(geo.bottom);
                (x1 > x0 && y1 > y0).then_some(Cmd::Fill {
                    x: x0,
                    y: y0,
                    w: x1 - x0,
                    h: y1 - y0,
                    color,
                })
            }
        })
        .collect()
}
