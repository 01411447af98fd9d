//! The one-page layout engine: page geometry, the type scale, turning blocks into
//! measured units, and the fitting algorithm (shrink type → drop rows/items → clamp
//! lines with "…" → as a last resort cut the tail), which guarantees one page.
//!
//! Layout works top-down: every `y` here is a distance from the top edge of the page;
//! the PDF writer flips it.

use super::font::{Face, Measurer};
use super::wrap::{ELLIPSIS, Span, Wrapped, wrap};
use super::{Block, LayoutReport, ListItem, Page, Paper};

/// An RGB colour, components in 0..=1.
pub(super) type Rgb = (f32, f32, f32);

/// Body text.
const INK: Rgb = (0.10, 0.11, 0.13);
/// Section headings and the title rule.
const ACCENT: Rgb = (0.12, 0.22, 0.36);
/// Subtitle, list details, "+N more" lines, bullets.
const MUTED: Rgb = (0.38, 0.40, 0.44);
/// The footer.
const FAINT: Rgb = (0.52, 0.54, 0.57);
/// Table header background.
const HEADER_FILL: Rgb = (0.925, 0.933, 0.945);
/// Table row separators.
const SEPARATOR: Rgb = (0.82, 0.84, 0.87);

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
/// Page margin on every side: 16 mm.
const MARGIN_PT: f32 = 16.0 * 72.0 / 25.4;
/// The "+N more" text used when a droppable block has no template.
const DEFAULT_MORE: &str = "+{n} more";

/// Page size and the margin box, in points (top-down `y`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Geometry {
    /// Page width.
    pub(super) width: f32,
    /// Page height.
    pub(super) height: f32,
    /// Left edge of the margin box.
    pub(super) left: f32,
    /// Right edge of the margin box.
    pub(super) right: f32,
    /// Top edge of the margin box (distance from the top of the page).
    pub(super) top: f32,
    /// Bottom edge of the margin box (distance from the top of the page).
    pub(super) bottom: f32,
}

impl Geometry {
    /// The geometry of `paper` with 16 mm margins.
    pub(super) fn new(paper: Paper) -> Self {
        let (width, height) = match paper {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.2756, 841.8898),
        };
        Self {
            width,
            height,
            left: MARGIN_PT,
            right: width - MARGIN_PT,
            top: MARGIN_PT,
            bottom: height - MARGIN_PT,
        }
    }

    fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// One drawing command with absolute coordinates (top-down `y`).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Cmd {
    /// Text on one baseline.
    Text {
        /// Left edge of the text.
        x: f32,
        /// Baseline, from the top of the page.
        y: f32,
        /// Face.
        face: Face,
        /// Font size in points.
        size: f32,
        /// Fill colour.
        color: Rgb,
        /// The text (only drawable characters).
        text: String,
        /// Measured width in points.
        width: f32,
    },
    /// A filled rectangle (backgrounds and hairlines).
    Fill {
        /// Left edge.
        x: f32,
        /// Top edge, from the top of the page.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        color: Rgb,
    },
}

impl Cmd {
    fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Cmd::Text { y, .. } | Cmd::Fill { y, .. } => *y += dy,
        }
        self
    }
}

/// What a unit is, for the no-orphan rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A section heading.
    Heading,
    /// A table's header row.
    TableHeader,
    /// Anything that is content (paragraph, row, item, "+N more" line).
    Content,
}

/// An unbreakable piece of the page: commands relative to its own top, and its height.
#[derive(Clone, Debug)]
struct Unit {
    kind: Kind,
    height: f32,
    /// Blank space at the bottom of `height` (spacing between list items), not needed
    /// when the unit is the last of its block.
    tail: f32,
    cmds: Vec<Cmd>,
    missing: Vec<char>,
    truncated: usize,
}

impl Unit {
    fn new(kind: Kind) -> Self {
        Self {
            kind,
            height: 0.0,
            tail: 0.0,
            cmds: Vec::new(),
            missing: Vec::new(),
            truncated: 0,
        }
    }

    /// Appends wrapped text whose first line box starts at `top` (relative to the unit).
    /// Returns the height of the text.
    fn add_text(
        &mut self,
        w: &Wrapped,
        x: f32,
        top: f32,
        size: f32,
        color: Rgb,
        m: &Measurer,
    ) -> f32 {
        let lh = line_height(size);
        let regular = &m.fonts().base.regular;
        let asc = regular.ascent * size;
        let desc = regular.descent * size;
        let first_baseline = top + (lh - asc - desc) / 2.0 + asc;
        for (i, line) in w.lines.iter().enumerate() {
            let y = first_baseline + lh * i as f32;
            for run in &line.runs {
                self.cmds.push(Cmd::Text {
                    x: x + run.x,
                    y,
                    face: run.face,
                    size,
                    color,
                    text: run.text.clone(),
                    width: run.width,
                });
            }
            self.missing.extend_from_slice(&line.missing);
        }
        if w.truncated {
            self.truncated += 1;
        }
        lh * w.lines.len() as f32
    }
}

fn line_height(size: f32) -> f32 {
    size * 1.27
}

/// The type scale for one body size; everything else derives from it.
#[derive(Clone, Copy, Debug)]
struct Style {
    body: f32,
    title: f32,
    subtitle: f32,
    heading: f32,
    table: f32,
    detail: f32,
    footer: f32,
}

impl Style {
    fn new(body: f32) -> Self {
        // Sizes are rounded to 1/100 pt so what is measured is exactly what is written.
        let r = |v: f32| (v * 100.0).round() / 100.0;
        Self {
            body,
            title: r(body * 1.8),
            subtitle: r(body * 0.95),
            heading: r(body * 1.12),
            table: r(body * 0.9),
            detail: r(body * 0.82),
            footer: r((body * 0.75).max(6.5)),
        }
    }
}

/// A block turned into units at one size.
#[derive(Clone, Debug)]
enum Laid {
    /// Nothing to draw.
    Empty,
    /// A heading (drawn only if content follows it).
    Heading(Unit),
    /// A paragraph.
    Single(Unit),
    /// A table or a list: an optional header unit and droppable row/item units.
    Rows {
        head: Option<Unit>,
        rows: Vec<Unit>,
        min: usize,
        more: String,
        more_x: f32,
    },
}

/// Everything measured at one body size and line limit.
struct Pass {
    style: Style,
    header: Unit,
    footer: Option<Unit>,
    blocks: Vec<Laid>,
    visible: Vec<bool>,
}

/// The finished layout: commands, the report, and where each unit went (for tests).
#[derive(Clone, Debug)]
pub(super) struct Layout {
    /// Drawing commands, absolute, top-down.
    pub(super) cmds: Vec<Cmd>,
    /// What the fitting had to do.
    pub(super) report: LayoutReport,
    /// Placed flow units in order: (kind, block index, top, height).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) placed: Vec<(Kind, usize, f32, f32)>,
}

/// Lays `page` out on `geo`, guaranteeing that everything lands on one page inside the
/// margin box.
pub(super) fn fit(page: &Page, geo: &Geometry, m: &Measurer) -> Layout {
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

/// Measures every block of `page` at `body` size with an optional line limit.
fn measure(page: &Page, geo: &Geometry, m: &Measurer, body: f32, clamp: Option<usize>) -> Pass {
    let style = Style::new(body);
    let header = title_unit(page, geo, m, &style);
    let footer = footer_unit(&page.footer, geo, m, &style);
    let blocks: Vec<Laid> = page
        .blocks
        .iter()
        .map(|b| lay_block(b, geo, m, &style, clamp))
        .collect();
    // A heading is drawn only if real content follows it before the next heading.
    let mut visible = vec![false; blocks.len()];
    let mut content_follows = false;
    for (i, b) in blocks.iter().enumerate().rev() {
        match b {
            Laid::Empty => {}
            Laid::Heading(_) => {
                visible[i] = content_follows;
                content_follows = false;
            }
            Laid::Single(_) | Laid::Rows { .. } => {
                visible[i] = true;
                content_follows = true;
            }
        }
    }
    Pass {
        style,
        header,
        footer,
        blocks,
        visible,
    }
}

fn title_unit(page: &Page, geo: &Geometry, m: &Measurer, s: &Style) -> Unit {
    let mut u = Unit::new(Kind::Content);
    let width = geo.content_width();
    let mut y = 0.0;
    let title = wrap(m, &[span(Face::Bold, &page.title)], s.title, width, Some(2));
    y += u.add_text(&title, geo.left, y, s.title, INK, m);
    let subtitle = wrap(
        m,
        &[span(Face::Regular, &page.subtitle)],
        s.subtitle,
        width,
        Some(2),
    );
    if !subtitle.lines.is_empty() {
        y += s.body * 0.15;
        y += u.add_text(&subtitle, geo.left, y, s.subtitle, MUTED, m);
    }
    if y > 0.0 {
        y += s.body * 0.55;
        let rule = 0.8;
        u.cmds.push(Cmd::Fill {
            x: geo.left,
            y,
            w: width,
            h: rule,
            color: ACCENT,
        });
        y += rule + s.body * 0.7;
    }
    u.height = y;
    u
}

fn footer_unit(text: &str, geo: &Geometry, m: &Measurer, s: &Style) -> Option<Unit> {
    let w = wrap(
        m,
        &[span(Face::Regular, text)],
        s.footer,
        geo.content_width(),
        Some(1),
    );
    if w.lines.is_empty() {
        return None;
    }
    let mut u = Unit::new(Kind::Content);
    u.height = u.add_text(&w, geo.left, 0.0, s.footer, FAINT, m);
    Some(u)
}

fn span(face: Face, text: &str) -> Span<'_> {
    Span { face, text }
}

/// The separator between a bold lead-in and the text after it.
fn lead_separator(lead: &str, text: &str, list: bool) -> &'static str {
    if lead.is_empty() || text.trim().is_empty() || lead.ends_with(char::is_whitespace) {
        ""
    } else if !list || lead.ends_with(|c: char| ":.;,!?—–-".contains(c)) {
        " "
    } else {
        " — "
    }
}

fn lay_block(b: &Block, geo: &Geometry, m: &Measurer, s: &Style, clamp: Option<usize>) -> Laid {
    match b {
        Block::Heading(text) => {
            let w = wrap(
                m,
                &[span(Face::Bold, text)],
                s.heading,
                geo.content_width(),
                Some(2),
            );
            if w.lines.is_empty() {
                return Laid::Empty;
            }
            let mut u = Unit::new(Kind::Heading);
            u.height = u.add_text(&w, geo.left, 0.0, s.heading, ACCENT, m);
            Laid::Heading(u)
        }
        Block::Paragraph { text, bold_lead } => {
            let lead = bold_lead.as_deref().unwrap_or("");
            let spans = [
                span(Face::Bold, lead),
                span(Face::Regular, lead_separator(lead, text, false)),
                span(Face::Regular, text),
            ];
            let w = wrap(m, &spans, s.body, geo.content_width(), clamp);
            if w.lines.is_empty() {
                return Laid::Empty;
            }
            let mut u = Unit::new(Kind::Content);
            u.height = u.add_text(&w, geo.left, 0.0, s.body, INK, m);
            Laid::Single(u)
        }
        Block::Table {
            headers,
            widths,
            rows,
            min_rows,
            more,
        } => lay_table(
            headers,
            widths,
            rows,
            *min_rows,
            more.as_deref(),
            geo,
            m,
            s,
            clamp,
        ),
        Block::List {
            items,
            min_items,
            more,
        } => lay_list(items, *min_items, more.as_deref(), geo, m, s, clamp),
    }
}

/// Column left edges and widths, from relative fractions (equal columns when the
/// fractions are missing or unusable; every column gets a minimum share).
fn columns(n: usize, widths: &[f32], geo: &Geometry) -> Vec<(f32, f32)> {
    let usable = widths.len() == n && widths.iter().all(|w| w.is_finite() && *w > 0.0);
    let raw: Vec<f32> = if usable {
        widths.to_vec()
    } else {
        vec![1.0; n]
    };
    let sum: f32 = raw.iter().sum();
    let floor = 0.3 / n as f32;
    let fr: Vec<f32> = raw.iter().map(|w| (w / sum).max(floor)).collect();
    let sum: f32 = fr.iter().sum();
    let total = geo.content_width();
    let mut x = geo.left;
    fr.iter()
        .map(|f| {
            let w = total * f / sum;
            let col = (x, w);
            x += w;
            col
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn lay_table(
    headers: &[String],
    widths: &[f32],
    rows: &[Vec<String>],
    min: usize,
    more: Option<&str>,
    geo: &Geometry,
    m: &Measurer,
    s: &Style,
    clamp: Option<usize>,
) -> Laid {
    let n = rows
        .iter()
        .map(Vec::len)
        .chain([headers.len()])
        .max()
        .unwrap_or(0);
    if n == 0 {
        return Laid::Empty;
    }
    let cols = columns(n, widths, geo);
    let size = s.table;
    let pad_v = size * 0.3;
    let cell = |face: Face, text: &str, col: (f32, f32), limit: Option<usize>| {
        let pad_h = (size * 0.5).min(col.1 * 0.1);
        (
            col.0 + pad_h,
            wrap(m, &[span(face, text)], size, col.1 - 2.0 * pad_h, limit),
        )
    };
    let row_unit = |kind: Kind, texts: &[String], face: Face, limit: Option<usize>| {
        let mut u = Unit::new(kind);
        let cells: Vec<(f32, Wrapped)> = cols
            .iter()
            .enumerate()
            .map(|(i, col)| cell(face, texts.get(i).map_or("", String::as_str), *col, limit))
            .collect();
        let lines = cells
            .iter()
            .map(|(_, w)| w.lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        let height = line_height(size) * lines as f32 + 2.0 * pad_v;
        if kind == Kind::TableHeader {
            u.cmds.push(Cmd::Fill {
                x: geo.left,
                y: 0.0,
                w: geo.content_width(),
                h: height,
                color: HEADER_FILL,
            });
        } else {
            let hair = 0.5;
            u.cmds.push(Cmd::Fill {
                x: geo.left,
                y: height - hair,
                w: geo.content_width(),
                h: hair,
                color: SEPARATOR,
            });
        }
        for (x, w) in &cells {
            u.add_text(w, *x, pad_v, size, INK, m);
        }
        u.height = height;
        u
    };
    let head = headers
        .iter()
        .any(|h| !h.trim().is_empty())
        .then(|| row_unit(Kind::TableHeader, headers, Face::Bold, Some(3)));
    let rows: Vec<Unit> = rows
        .iter()
        .map(|r| row_unit(Kind::Content, r, Face::Regular, clamp))
        .collect();
    if head.is_none() && rows.is_empty() {
        return Laid::Empty;
    }
    Laid::Rows {
        head,
        rows,
        min,
        more: more.unwrap_or(DEFAULT_MORE).to_string(),
        more_x: geo.left + (size * 0.5).min(cols[0].1 * 0.1),
    }
}

#[allow(clippy::too_many_arguments)]
fn lay_list(
    items: &[ListItem],
    min: usize,
    more: Option<&str>,
    geo: &Geometry,
    m: &Measurer,
    s: &Style,
    clamp: Option<usize>,
) -> Laid {
    if items.is_empty() {
        return Laid::Empty;
    }
    let bullet_x = geo.left + s.body * 0.25;
    let text_x = geo.left + s.body * 1.3;
    let width = geo.right - text_x;
    let rows = items
        .iter()
        .map(|item| {
            let mut u = Unit::new(Kind::Content);
            let spans = [
                span(Face::Bold, &item.lead),
                span(Face::Regular, lead_separator(&item.lead, &item.text, true)),
                span(Face::Regular, &item.text),
            ];
            let bullet = wrap(m, &[span(Face::Regular, "•")], s.body, width, Some(1));
            u.add_text(&bullet, bullet_x, 0.0, s.body, MUTED, m);
            let main = wrap(m, &spans, s.body, width, clamp);
            let mut y = u.add_text(&main, text_x, 0.0, s.body, INK, m);
            if main.lines.is_empty() {
                y = line_height(s.body);
            }
            if let Some(detail) = &item.detail {
                let d = wrap(m, &[span(Face::Regular, detail)], s.detail, width, clamp);
                y += u.add_text(&d, text_x, y, s.detail, MUTED, m);
            }
            u.tail = s.body * 0.3;
            u.height = y + u.tail;
            u
        })
        .collect();
    Laid::Rows {
        head: None,
        rows,
        min,
        more: more.unwrap_or(DEFAULT_MORE).to_string(),
        more_x: text_x,
    }
}

/// The "+N more" line under a block that lost `n` rows/items.
fn more_unit(template: &str, n: usize, x: f32, geo: &Geometry, m: &Measurer, s: &Style) -> Unit {
    let text = template.replace("{n}", &n.to_string());
    let w = wrap(
        m,
        &[span(Face::Regular, &text)],
        s.detail,
        geo.right - x,
        Some(2),
    );
    let mut u = Unit::new(Kind::Content);
    let top = s.body * 0.3;
    u.height = top + u.add_text(&w, x, top, s.detail, MUTED, m);
    u
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
