//! Escaping user text for Markdown, so a `|`, a leading `#` or a newline in a log
//! cannot break a table or a heading.

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

/// [`markdown`] into a `String`.
pub fn markdown_string(input: &str) -> String {
    let mut out = Vec::with_capacity(input.len());
    // Writing into a Vec cannot fail.
    let _ = markdown(input, &mut out);
    String::from_utf8(out).unwrap_or_default()
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
    }
}
