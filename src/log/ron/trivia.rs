//! Trivia in RON text: white space and comments (block comments nest), and where lines start.

/// Whether the text holds nothing but white space and comments.
pub fn is_blank(text: &str) -> bool {
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |i| &after[i..]).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            match after.find("*/") {
                Some(i) => rest = after[i + 2..].trim_start(),
                None => return false,
            }
        } else {
            return rest.is_empty();
        }
    }
}

/// The first offset at or after `from` that is not white space or a comment.
pub fn skip_trivia(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b' ' | b'\t' | b'\r' | b'\n'), _) => at += 1,
            (Some(b'/'), Some(b'/')) => {
                at = text[at..].find('\n').map_or(text.len(), |i| at + i);
            }
            (Some(b'/'), Some(b'*')) => {
                // Block comments nest in RON.
                let mut depth = 0;
                while at < bytes.len() {
                    match (bytes.get(at), bytes.get(at + 1)) {
                        (Some(b'/'), Some(b'*')) => {
                            depth += 1;
                            at += 2;
                        }
                        (Some(b'*'), Some(b'/')) => {
                            depth -= 1;
                            at += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => at += 1,
                    }
                }
            }
            _ => return at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_white_space_and_comments_only() {
        assert!(is_blank(" \n// a\n/* b */\r\n"));
        assert!(!is_blank("// a\nLog()"));
        assert!(!is_blank("/* unclosed"));
    }
}
