//! The config file: defaults for the options a person sets once, so that `promo`
//! run anywhere finds their log, their paper size, their ladder and their templates.
//!
//! It lives at `$XDG_CONFIG_HOME/promo/config.ron`, else `~/.config/promo/config.ron`,
//! and is optional. It only fills what the command line left out: `--log` and
//! `PROMO_LOG` win over its `log`, and any option given on the command line wins over
//! the rest. A broken file is an error naming its `path:line:col`, never ignored:
//! a silently ignored config would write to the wrong log. `docs/shell.md` documents it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Error;
use crate::log::ron::{Grammar, problem_of, trivia};
use crate::paper::Paper as PaperSize;
use crate::source::Source;

/// The config file as written.
#[derive(Debug, Deserialize)]
#[serde(rename = "Config", deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    log: Option<String>,
    #[serde(default)]
    paper: Option<Paper>,
    #[serde(default)]
    ladder: Option<String>,
    #[serde(default)]
    templates: Option<String>,
    #[serde(default)]
    font: Option<String>,
}

/// Paper size, as the config file names it.
#[derive(Clone, Copy, Debug, Deserialize)]
enum Paper {
    Letter,
    A4,
}

/// The config, read and with its paths resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The file it came from, if there was one.
    pub path: Option<PathBuf>,
    /// The default log.
    pub log: Option<PathBuf>,
    /// The default paper size of the packet.
    pub paper: Option<PaperSize>,
    /// The default level ladder.
    pub ladder: Option<PathBuf>,
    /// The default templates directory.
    pub templates: Option<PathBuf>,
    /// The font file the PDF tries first.
    pub font: Option<PathBuf>,
}

impl Config {
    /// Where the config file is looked for: `$XDG_CONFIG_HOME/promo/config.ron` when
    /// that variable holds an absolute path, else `$HOME/.config/promo/config.ron`.
    pub fn location() -> Option<PathBuf> {
        let xdg = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute());
        let base = xdg.or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|home| PathBuf::from(home).join(".config"))
        })?;
        Some(base.join("promo").join("config.ron"))
    }

    /// Reads the config file, if there is one; a missing file is an empty config.
    pub fn load() -> Result<Self, Error> {
        let Some(path) = Self::location() else {
            return Ok(Self::default());
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&path, &text),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(Error::read(path, source)),
        }
    }

    /// Parses a config file's text; relative paths in it are relative to its directory.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Error> {
        let source = Source::new(path, text.to_string());
        // A config with nothing but white space and comments is an empty config.
        if trivia::is_blank(source.text()) {
            return Ok(Self {
                path: Some(path.to_path_buf()),
                ..Self::default()
            });
        }
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let raw: RawConfig = options.from_str(source.text()).map_err(|error| {
            let (problem, span) = problem_of(&source, &error, &CONFIG_GRAMMAR);
            let at = source.position(span.start);
            Error::Config {
                path: path.to_path_buf(),
                line: at.line,
                col: at.col,
                message: problem.to_string(),
            }
        })?;
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        let resolve = |value: Option<String>| value.map(|v| resolve_path(dir, &v));
        Ok(Self {
            path: Some(path.to_path_buf()),
            log: resolve(raw.log),
            paper: raw.paper.map(|p| match p {
                Paper::Letter => PaperSize::Letter,
                Paper::A4 => PaperSize::A4,
            }),
            ladder: resolve(raw.ladder),
            templates: resolve(raw.templates),
            font: resolve(raw.font),
        })
    }
}

/// `~/x` is under the home directory; a relative path is under `dir`.
fn resolve_path(dir: &Path, value: &str) -> PathBuf {
    if let Some(rest) = value.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
    {
        return PathBuf::from(home).join(rest);
    }
    let path = PathBuf::from(value);
    if path.is_absolute() {
        path
    } else {
        dir.join(path)
    }
}

/// How the config's RON reads in messages: its one enum is the paper size; a missing
/// `,` and a file cut short are told apart, as in the log.
const CONFIG_GRAMMAR: Grammar = Grammar {
    root: "Config",
    enum_kind: |_| "value",
    precise_syntax: true,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Result<Config, Error> {
        Config::parse(Path::new("/home/ana/.config/promo/config.ron"), text)
    }

    #[test]
    fn reads_every_field_and_resolves_paths() {
        let c = config(
            "// mine\nConfig(log: \"notes/promo.ron\", paper: A4, ladder: \"/etc/ladder.ron\", templates: \"tpl\")\n",
        )
        .expect("valid");
        assert_eq!(
            c.log,
            Some(PathBuf::from("/home/ana/.config/promo/notes/promo.ron"))
        );
        assert_eq!(c.paper, Some(PaperSize::A4));
        assert_eq!(c.ladder, Some(PathBuf::from("/etc/ladder.ron")));
        assert_eq!(
            c.templates,
            Some(PathBuf::from("/home/ana/.config/promo/tpl"))
        );
        assert_eq!(config("  // nothing yet\n").expect("blank").log, None);
    }

    #[test]
    fn a_broken_file_names_its_line_column_and_the_near_field() {
        let error = config("Config(\n    templtes: \"x\",\n)\n").expect_err("unknown field");
        assert_eq!(
            error.to_string(),
            "/home/ana/.config/promo/config.ron:2:5: invalid config: unknown field `templtes` in `Config`; did you mean `templates`?"
        );
        let error = config("Config(lgo: \"x.ron\")").expect_err("unknown field");
        assert!(
            error.to_string().ends_with(
                "unknown field `lgo` in `Config`; expected one of `log`, `paper`, `ladder`, `templates`, `font`"
            ),
            "{error}"
        );
        let error = config("Config(paper: Legal)").expect_err("unknown paper");
        assert!(
            error
                .to_string()
                .contains("unknown value `Legal`; expected one of `Letter`, `A4`"),
            "{error}"
        );
    }

    #[test]
    fn a_syntax_error_names_the_config_path_line_and_column() {
        let error =
            config("Config(\n    log: \"x.ron\"\n    paper: A4,\n)\n").expect_err("missing comma");
        assert_eq!(
            error.to_string(),
            "/home/ana/.config/promo/config.ron:2:16: invalid config: missing `,` after this value"
        );
        let error = config("Config(log: \"x.ron\"").expect_err("cut short");
        assert_eq!(
            error.to_string(),
            "/home/ana/.config/promo/config.ron:1:20: invalid config: unexpected end of file: the file may be truncated"
        );
    }

    #[test]
    fn a_valid_config_after_a_byte_order_mark_is_read() {
        let c = config("\u{feff}Config(paper: A4)").expect("valid");
        assert_eq!(c.paper, Some(PaperSize::A4));
    }
}
