//! Turning a page's blocks into measured, unbreakable units at one body size and
//! line limit.

use super::super::font::{Face, Measurer};
use super::super::wrap::{Span, Wrapped, wrap};
use super::super::{Block, ListItem, Page};
use super::geometry::{
    ACCENT, Cmd, FAINT, Geometry, HEADER_FILL, INK, MUTED, Rgb, SEPARATOR, Style, line_height,
};

/// The "+N more" text used when a droppable block has no template.
const DEFAULT_MORE: &str = "+{n} more";

/// What a unit is, for the no-orphan rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::render::pdf) enum Kind {
    /// A section heading.
    Heading,
    /// A table's header row.
    TableHeader,
    /// Anything that is content (paragraph, row, item, "+N more" line).
    Content,
}

/// An unbreakable piece of the page: commands relative to its own top, and its height.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    pub(super) kind: Kind,
    pub(super) height: f32,
    /// Blank space at the bottom of `height` (spacing between list items), not needed
    /// when the unit is the last of its block.
    pub(super) tail: f32,
    pub(super) cmds: Vec<Cmd>,
    pub(super) missing: Vec<char>,
    pub(super) truncated: usize,
}

impl Unit {
    pub(super) fn new(kind: Kind) -> Self {
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
    pub(super) fn add_text(
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

/// A block turned into units at one size.
#[derive(Clone, Debug)]
pub(super) enum Laid {
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
pub(super) struct Pass {
    pub(super) style: Style,
    pub(super) header: Unit,
    pub(super) footer: Option<Unit>,
    pub(super) blocks: Vec<Laid>,
    pub(super) visible: Vec<bool>,
}

/// Measures every block of `page` at `body` size with an optional line limit.
pub(super) fn measure(
    page: &Page,
    geo: &Geometry,
    m: &Measurer,
    body: f32,
    clamp: Option<usize>,
) -> Pass {
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
    let spans = [span(Face::Regular, text)];
    text_unit(Kind::Content, &spans, s.footer, FAINT, Some(1), geo, m)
}

/// One text across the content width, wrapped to at most `limit` lines; `None` when
/// it draws nothing.
fn text_unit(
    kind: Kind,
    spans: &[Span<'_>],
    size: f32,
    color: Rgb,
    limit: Option<usize>,
    geo: &Geometry,
    m: &Measurer,
) -> Option<Unit> {
    let w = wrap(m, spans, size, geo.content_width(), limit);
    if w.lines.is_empty() {
        return None;
    }
    let mut u = Unit::new(kind);
    u.height = u.add_text(&w, geo.left, 0.0, size, color, m);
    Some(u)
}

pub(super) fn span(face: Face, text: &str) -> Span<'_> {
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
    let lay = Lay { geo, m, s, clamp };
    match b {
        Block::Heading(text) => {
            let spans = [span(Face::Bold, text)];
            text_unit(Kind::Heading, &spans, s.heading, ACCENT, Some(2), geo, m)
                .map_or(Laid::Empty, Laid::Heading)
        }
        Block::Paragraph { text, bold_lead } => {
            let lead = bold_lead.as_deref().unwrap_or("");
            let spans = [
                span(Face::Bold, lead),
                span(Face::Regular, lead_separator(lead, text, false)),
                span(Face::Regular, text),
            ];
            text_unit(Kind::Content, &spans, s.body, INK, clamp, geo, m)
                .map_or(Laid::Empty, Laid::Single)
        }
        Block::Table {
            headers,
            widths,
            rows,
            min_rows,
            more,
        } => lay_table(headers, widths, rows, *min_rows, more.as_deref(), lay),
        Block::List {
            items,
            min_items,
            more,
        } => lay_list(items, *min_items, more.as_deref(), lay),
        Block::Timeline(t) => Laid::Single(super::chart::timeline_unit(t, geo, m, s)),
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

/// What every block is laid out with: the page geometry, the font measurer, the
/// type sizes and the line limit of this pass.
#[derive(Clone, Copy)]
struct Lay<'a> {
    geo: &'a Geometry,
    m: &'a Measurer<'a>,
    s: &'a Style,
    clamp: Option<usize>,
}

fn lay_table(
    headers: &[String],
    widths: &[f32],
    rows: &[Vec<String>],
    min: usize,
    more: Option<&str>,
    lay: Lay<'_>,
) -> Laid {
    let Lay { geo, m, s, clamp } = lay;
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

fn lay_list(items: &[ListItem], min: usize, more: Option<&str>, lay: Lay<'_>) -> Laid {
    let Lay { geo, m, s, clamp } = lay;
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
pub(super) fn more_unit(
    template: &str,
    n: usize,
    x: f32,
    geo: &Geometry,
    m: &Measurer,
    s: &Style,
) -> Unit {
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
