//! One escaper per format: Markdown ([`markdown`]), HTML (tera's own) and the
//! terminal ([`terminal`]), so a `|`, a leading `#`, a newline, an ESC or a bidi
//! override in a log cannot break a table, a heading or the reader's terminal.

use std::io::Write;

/// Escapes text for Markdown: backslash-escapes the characters that carry structure
/// (`\ ` `` ` `` `*` `_` `[` `]` `<` `>` `|` `#` `!`), and folds newlines into spaces so
/// a value never ends a table row or a list item early.
pub fn markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(input.len() + 8);
    let mut last_was_space = false;
    for c in input.chars() {
        match c {
            '\r' => continue,
            '\n' | '\t' => {
                if !last_was_space {
                    buf.push(' ');
                }
                last_was_space = true;
                continue;
            }
            c if is_hostile(c) => {
                push_visible(&mut buf, c);
                last_was_space = false;
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' => {
                buf.push('\\');
                buf.push(c);
            }
            _ => buf.push(c),
        }
        last_was_space = c == ' ';
    }
    out.write_all(buf.as_bytes())
}

/// Whether a character must not reach a terminal or a document as itself: a C0 or
/// C1 control (ESC, BEL, BS, CR, the 8-bit CSI U+009B…) other than newline and tab, DEL,
/// or a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Shows a hostile character as its Rust escape, e.g. `\u{1b}`.
fn push_visible(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// Escapes text for a terminal: control characters and bidi overrides are shown
/// visibly escaped (`\u{1b}`); newlines and tabs stay, they are layout.
pub fn terminal(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        if is_hostile(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// [`terminal`] in the form tera takes as an escape function (the text engine's).
pub fn terminal_to(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(terminal(input).as_bytes())
}

/// [`markdown`] into a `String`.
pub fn markdown_string(input: &str) -> String {
    let mut out = Vec::with_capacity(input.len());
    // Writing into a Vec cannot fail.
    let _ = markdown(input, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Text in running Markdown where a reader may paste it anywhere (the map): stricter
/// than [`markdown`], it also escapes `$` (math in some renderers), `~` and `&`, and a
/// leading `-`, `+`, `=` or `1.` / `1)` that would start a list or a heading underline.
/// Newlines fold into spaces; control and bidi characters are shown escaped.
pub fn markdown_inline(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(folded.len() + 8);
    for c in folded.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '$' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with('-') || out.starts_with('+') || out.starts_with('=') {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    terminal(&out)
}

/// Text in a Markdown table cell: each non-blank line escaped with
/// [`markdown_inline`], lines joined with `<br>` so the row stays one line.
pub fn markdown_cell(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(markdown_inline)
        .collect();
    lines.join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_characters_are_inert() {
        assert_eq!(markdown_string("a | b\n# c"), "a \\| b \\# c");
        assert_eq!(
            markdown_string("<script>x</script>"),
            "\\<script\\>x\\</script\\>"
        );
        assert_eq!(
            markdown_string("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown_string("Zoë → “ok”"), "Zoë → “ok”");
        assert_eq!(
            markdown_string("a\u{1b}[31mb\u{202e}c"),
            "a\\u{1b}\\[31mb\\u{202e}c"
        );
    }

    #[test]
    fn the_terminal_sees_controls_and_bidi_overrides_escaped() {
        assert_eq!(terminal("red \u{1b}[31m!\u{7}"), "red \\u{1b}[31m!\\u{7}");
        assert_eq!(terminal("a\u{8}b\rc\u{9b}d"), "a\\u{8}b\\u{d}c\\u{9b}d");
        assert_eq!(
            terminal("x\u{202e}y\u{2066}z\u{2069}"),
            "x\\u{202e}y\\u{2066}z\\u{2069}"
        );
        assert_eq!(terminal("keep\tlayout\nZoë 決定"), "keep\tlayout\nZoë 決定");
    }

    #[test]
    fn pipes_hashes_and_newlines_cannot_break_a_map_cell() {
        assert_eq!(markdown_cell("a | b\n# c"), "a \\| b<br>\\# c");
        assert_eq!(
            markdown_cell("line one\r\n\r\nline two"),
            "line one<br>line two"
        );
        assert_eq!(
            markdown_inline("# heading\nnext | cell"),
            "\\# heading next \\| cell"
        );
    }

    #[test]
    fn markup_money_and_list_starts_are_inert_in_map_text() {
        assert_eq!(markdown_inline("$220K vs $1.4M"), "\\$220K vs \\$1.4M");
        assert_eq!(
            markdown_inline("<b>*x*</b> [l](u)"),
            "\\<b\\>\\*x\\*\\</b\\> \\[l\\](u)"
        );
        assert_eq!(markdown_inline("- not a list"), "\\- not a list");
        assert_eq!(markdown_inline("2026. A year"), "2026\\. A year");
        assert_eq!(markdown_inline("3 teams"), "3 teams");
        assert_eq!(markdown_inline("Zoë → “ok” — fine"), "Zoë → “ok” — fine");
    }
}
