//! Tera filters and functions for what templates cannot lay out themselves (terminal
//! wrapping, table columns): a flat list of functions, registered by [`register`].

use tera::{Kwargs, State, TeraResult};

/// Registers every filter and function on an engine.
pub fn register(tera: &mut tera::Tera) {
    tera.register_filter("wrap", wrap);
    tera.register_filter("blank", blank);
}

/// `{{ text | wrap(width=96, first="1. ", hang="   ") }}`: [`super::text::wrap`], each
/// line ended by a newline. `width` defaults to 96, `first` and `hang` to nothing.
pub fn wrap(value: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let width = kwargs.get::<usize>("width")?.unwrap_or(96);
    let first = kwargs.get::<&str>("first")?.unwrap_or("");
    let hang = kwargs.get::<&str>("hang")?.unwrap_or("");
    Ok(super::text::wrap(value, width, first, hang))
}

/// `{{ "12. " | blank }}`: as many spaces as the text is wide, to indent under it.
pub fn blank(value: &str, _: Kwargs, _: &State) -> String {
    " ".repeat(unicode_width::UnicodeWidthStr::width(value))
}
