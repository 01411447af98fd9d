//! The one-page layout engine: geometry, measuring blocks into units, and fitting them onto one page.
//!
//! The fitting algorithm shrinks type → drops rows/items → clamps lines with "…" → as a
//! last resort cuts the tail, which guarantees one page.
//!
//! Layout works top-down: every `y` here is a distance from the top edge of the page;
//! the PDF writer flips it.
//!
//! Files: `geometry.rs` (page size, margin box, colours, drawing commands, type scale),
//! `measure.rs` (blocks → measured units), `chart.rs` (the evidence timeline as one unit),
//! `fit.rs` (the fitting passes and placement).

mod chart;
mod fit;
mod geometry;
mod measure;

pub(super) use fit::fit;
pub(super) use geometry::{Cmd, Geometry, Rgb, Shape};
#[cfg(test)]
pub(super) use measure::Kind;
