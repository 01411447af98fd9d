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
    tera.register_filter("table", table);
    tera.register_filter("md_inline", md_inline);
    tera.register_filter("md_cell", md_cell);
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

/// `{{ text | pad(width=12) }}`: text followed by spaces up to `width` characters;
/// `align="right"` puts the spaces before it.
pub fn pad(value: &str, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    let width = kwargs.must_get::<usize>("width")?;
    let len = value.chars().count();
    let spaces = " ".repeat(width.saturating_sub(len));
    Ok(match kwargs.get::<&str>("align")? {
        Some("right") => format!("{spaces}{value}"),
        _ => format!("{value}{spaces}"),
    })
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

/// `{{ rows | table(width=96, header=["A", "B", "C"], columns=[["a"], ["b", "c"], ["d"]]) }}`:
/// [`super::text::table`] of a list of rows. Each column's cell is the paragraphs of
/// its keys: a string is one paragraph; a list is `—` when empty, its item when one,
/// and one `• ` bullet per item when several.
pub fn table(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let width = kwargs.get::<usize>("width")?.unwrap_or(96);
    let header = kwargs.must_get::<Vec<String>>("header")?;
    let columns = kwargs.must_get::<&[Value]>("columns")?;
    let [h0, h1, h2] = header.as_slice() else {
        return Err(tera::Error::message("table: `header` takes three names"));
    };
    let [c0, c1, c2] = columns else {
        return Err(tera::Error::message(
            "table: `columns` takes three lists of keys",
        ));
    };
    let rows: Vec<[Vec<String>; 3]> = value
        .as_array()
        .unwrap_or_default()
        .iter()
        .map(|row| [c0, c1, c2].map(|keys| paragraphs(row, keys)))
        .collect();
    Ok(super::text::table([h0, h1, h2], &rows, width))
}

/// The paragraphs of one table cell: the values of `keys` in `row`.
fn paragraphs(row: &Value, keys: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    let mut out = Vec::new();
    for key in keys.as_array().unwrap_or_default() {
        let Some(cell) = key.as_str().and_then(|k| row.get_from_path(k)) else {
            continue;
        };
        match cell.as_array() {
            Some([]) => out.push("—".to_string()),
            Some([one]) => out.push(text(one)),
            Some(many) => out.extend(many.iter().map(|v| format!("• {}", text(v)))),
            None if cell.is_none() => {}
            None => out.push(text(cell)),
        }
    }
    out
}

/// `{{ text | md_inline }}`: [`super::escape::markdown_inline`], marked safe.
pub fn md_inline(value: &str, _: Kwargs, _: &State) -> Value {
    Value::safe_string(&super::escape::markdown_inline(value))
}

/// `{{ text | md_cell }}`: [`super::escape::markdown_cell`], marked safe.
pub fn md_cell(value: &str, _: Kwargs, _: &State) -> Value {
    Value::safe_string(&super::escape::markdown_cell(value))
}
