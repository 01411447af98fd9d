//! Tera filters and functions for what templates cannot lay out themselves (terminal
//! wrapping, table columns): a flat list of functions, registered by [`register`].

/// Registers every filter and function on an engine.
pub fn register(_tera: &mut tera::Tera) {}
