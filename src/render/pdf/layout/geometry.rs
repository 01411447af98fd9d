//! Page geometry, colours, drawing commands and the type scale: the units every
//! other layout step measures in.

use super::super::Paper;
use super::super::font::Face;

/// An RGB colour, components in 0..=1.
pub(in crate::render::pdf) type Rgb = (f32, f32, f32);

/// Body text.
pub(super) const INK: Rgb = (0.10, 0.11, 0.13);
/// Section headings and the title rule.
pub(super) const ACCENT: Rgb = (0.12, 0.22, 0.36);
/// Subtitle, list details, "+N more" lines, bullets.
pub(super) const MUTED: Rgb = (0.38, 0.40, 0.44);
/// The footer.
pub(super) const FAINT: Rgb = (0.52, 0.54, 0.57);
/// Table header background.
pub(super) const HEADER_FILL: Rgb = (0.925, 0.933, 0.945);
/// Table row separators.
pub(super) const SEPARATOR: Rgb = (0.82, 0.84, 0.87);
/// The timeline's marks and its key.
pub(super) const MARK: Rgb = (0.11, 0.14, 0.17);
/// The band behind an empty quarter of the timeline.
pub(super) const BAND: Rgb = (0.91, 0.92, 0.93);
/// The hatching over that band and the timeline's quarter rules.
pub(super) const RULE: Rgb = (0.60, 0.62, 0.65);
/// Page margin on every side: 16 mm.
const MARGIN_PT: f32 = 16.0 * 72.0 / 25.4;

/// Page size and the margin box, in points (top-down `y`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(in crate::render::pdf) struct Geometry {
    /// Page width.
    pub(in crate::render::pdf) width: f32,
    /// Page height.
    pub(in crate::render::pdf) height: f32,
    /// Left edge of the margin box.
    pub(in crate::render::pdf) left: f32,
    /// Right edge of the margin box.
    pub(in crate::render::pdf) right: f32,
    /// Top edge of the margin box (distance from the top of the page).
    pub(in crate::render::pdf) top: f32,
    /// Bottom edge of the margin box (distance from the top of the page).
    pub(in crate::render::pdf) bottom: f32,
}

impl Geometry {
    /// The geometry of `paper` with 16 mm margins.
    pub(in crate::render::pdf) fn new(paper: Paper) -> Self {
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

    pub(super) fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// One drawing command with absolute coordinates (top-down `y`).
#[derive(Clone, Debug, PartialEq)]
pub(in crate::render::pdf) enum Cmd {
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
    /// A filled mark of the timeline, outlined in white so touching marks stay apart.
    Mark {
        /// Its outline: the shape a tag is drawn with.
        shape: Shape,
        /// Centre.
        cx: f32,
        /// Centre, from the top of the page.
        cy: f32,
        /// Radius (half the width).
        r: f32,
        /// Fill colour.
        color: Rgb,
    },
    /// A straight stroked line (the hatching of an empty quarter).
    Line {
        /// Start.
        x1: f32,
        /// Start, from the top of the page.
        y1: f32,
        /// End.
        x2: f32,
        /// End, from the top of the page.
        y2: f32,
        /// Stroke width.
        width: f32,
        /// Stroke colour.
        color: Rgb,
    },
}

/// The outline of a timeline mark (see `report::timeline::shape`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::render::pdf) enum Shape {
    /// A decision.
    Circle,
    /// A scope.
    Square,
    /// A leverage moment.
    Triangle,
}

impl Cmd {
    pub(super) fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Cmd::Text { y, .. } | Cmd::Fill { y, .. } => *y += dy,
            Cmd::Mark { cy, .. } => *cy += dy,
            Cmd::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
        self
    }
}

pub(super) fn line_height(size: f32) -> f32 {
    size * 1.27
}

/// The type scale for one body size; everything else derives from it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Style {
    pub(super) body: f32,
    pub(super) title: f32,
    pub(super) subtitle: f32,
    pub(super) heading: f32,
    pub(super) table: f32,
    pub(super) detail: f32,
    pub(super) footer: f32,
}

impl Style {
    pub(super) fn new(body: f32) -> Self {
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
