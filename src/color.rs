//! Colour on a terminal, and only there: `--color`, `NO_COLOR` and whether standard
//! output is a terminal decide once per run ([`enabled`]); reports then wrap words
//! with a [`Paint`], which does nothing when colour is off.
//!
//! Following <https://no-color.org>: a non-empty `NO_COLOR` turns colour off in
//! `auto`, and an explicit `--color always` still wins over it.

use crate::cli::ColorChoice;

/// Whether to colour standard output, given the choice, the environment and
/// whether standard output is a terminal.
pub fn enabled(choice: ColorChoice, stdout_is_terminal: bool) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    decide(choice, stdout_is_terminal, no_color, dumb)
}

/// The decision itself, apart from the environment so it can be tested.
fn decide(choice: ColorChoice, terminal: bool, no_color: bool, dumb: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color && !dumb,
    }
}

/// Wraps text in ANSI styles when colour is on; returns it unchanged when off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// A painter that colours only if `on`.
    pub fn new(on: bool) -> Self {
        Self { on }
    }

    /// Whether this painter adds colour.
    pub fn is_on(self) -> bool {
        self.on
    }

    fn wrap(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Headings.
    pub fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    /// Something late or broken.
    pub fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }

    /// Something to look at: a warning, a guess.
    pub fn yellow(self, text: &str) -> String {
        self.wrap("33", text)
    }

    /// Something done.
    pub fn green(self, text: &str) -> String {
        self.wrap("32", text)
    }

    /// Secondary detail: ids, dates.
    pub fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_only_a_terminal_without_no_color() {
        assert!(decide(ColorChoice::Auto, true, false, false));
        assert!(!decide(ColorChoice::Auto, false, false, false));
        assert!(!decide(ColorChoice::Auto, true, true, false));
        assert!(!decide(ColorChoice::Auto, true, false, true));
        assert!(decide(ColorChoice::Always, false, true, true));
        assert!(!decide(ColorChoice::Never, true, false, false));
    }

    #[test]
    fn paint_is_a_no_op_when_off() {
        assert_eq!(Paint::new(false).red("late"), "late");
        assert_eq!(Paint::new(true).red("late"), "\x1b[31mlate\x1b[0m");
    }
}
