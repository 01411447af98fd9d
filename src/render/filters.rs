//! Tera filters and functions for what templates cannot lay out themselves (terminal
//! wrapping, table columns): a flat list of functions, registered by [`register`].

use tera::{Kwargs, State, TeraResult, Value};

/// Registers every filter and function on an engine.
pub fn register(tera: &mut tera::Tera) {
    tera.register_filter("paint", paint);
    tera.register_filter("pad", pad);
    tera.register_filter("widest", widest);
    tera.register_filter("wrap", wrap);
    tera.register_filter("blank", blank);
}

/// `{{ text | paint(style="bold") }}`: wraps text in an ANSI style (`bold`, `red`,
/// `green`, `dim`) when the context's `color` is true; unchanged otherwise. The text
/// is neutralised with [`super::escape::terminal`] here and the result marked safe,
/// so the style's own escape codes survive the text engine's escaper and the log's
/// never reach the terminal.
pub fn paint(value: &str, kwargs: Kwargs, state: &State) -> tera::TeraResult<Value> {
    let style = kwargs.must_get::<&str>("style")?;
    let on = state.get::<bool>("color")?.unwrap_or(false);
    let code = match style {
        "bold" => "1",
        "red" => "31",
        "green" => "32",
        "dim" => "2",
        other => {
            return Err(tera::Error::message(format!(
                "paint: unknown style `{other}` (bold, red, green, dim)"
            )));
        }
    };
    let value = super::escape::terminal(value);
    let painted = if on {
        format!("\x1b[{code}m{value}\x1b[0m")
    } else {
        value
    };
    Ok(Value::safe_string(&painted))
}

/// `{{ text | pad(width=12) }}`: text followed by spaces up to `width` characters.
pub fn pad(value: &str, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    let width = kwargs.must_get::<usize>("width")?;
    let len = value.chars().count();
    Ok(format!("{value}{}", " ".repeat(width.saturating_sub(len))))
}

/// `{{ rows | widest(key="id", min=2) }}`: the most characters the `key` field takes
/// in any row of a list, at least `min` (a column's width); a null cell counts as empty.
pub fn widest(value: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<usize> {
    let key = kwargs.must_get::<&str>("key")?;
    let min = kwargs.get::<usize>("min")?.unwrap_or(0);
    let mut width = min;
    if let Some(rows) = value.as_array() {
        for row in rows {
            if let Some(cell) = row.get_from_path(key).filter(|c| !c.is_none()) {
                let text = cell
                    .as_str()
                    .map_or_else(|| cell.to_string(), str::to_string);
                width = width.max(text.chars().count());
            }
        }
    }
    Ok(width)
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
