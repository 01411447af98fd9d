//! The paper a PDF is laid out on: a setting (`--paper`, the config file's `paper`) that
//! the settings, the config file and the PDF renderer all read, so it sits below them.

/// Paper size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// US Letter, 215.9 × 279.4 mm.
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}
