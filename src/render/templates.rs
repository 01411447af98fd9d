//! The tera templates reports are rendered from: built in, overridable by name from a
//! user directory, and exportable for editing.
//!
//! Markdown and HTML get their own engines so each escapes user text its own way:
//! HTML with tera's HTML escaper, Markdown with [`super::escape::markdown`], plain
//! text (`.txt`) with [`super::escape::terminal`]. User templates see only the context they are
//! given: tera 2 has no function that reads the environment or a file, and only files
//! directly inside the template directory are loaded.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::budget::{Capped, MAX_OUTPUT_BYTES, RangeBudget};
use crate::error::Error;
use crate::source::ReadError;

/// The built-in templates, by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "objections.txt",
        include_str!("../../templates/objections.txt"),
    ),
    (
        "objections.md",
        include_str!("../../templates/objections.md"),
    ),
    (
        "objections.html",
        include_str!("../../templates/objections.html"),
    ),
    ("packet.md", include_str!("../../templates/packet.md")),
    ("packet.html", include_str!("../../templates/packet.html")),
    (
        "premortem.txt",
        include_str!("../../templates/premortem.txt"),
    ),
    ("premortem.md", include_str!("../../templates/premortem.md")),
    (
        "premortem.html",
        include_str!("../../templates/premortem.html"),
    ),
    ("agenda.txt", include_str!("../../templates/agenda.txt")),
    ("agenda.md", include_str!("../../templates/agenda.md")),
    ("agenda.html", include_str!("../../templates/agenda.html")),
    (
        "commitments.txt",
        include_str!("../../templates/commitments.txt"),
    ),
    (
        "commitments.md",
        include_str!("../../templates/commitments.md"),
    ),
    (
        "commitments.html",
        include_str!("../../templates/commitments.html"),
    ),
    (
        "calibrate.txt",
        include_str!("../../templates/calibrate.txt"),
    ),
    ("calibrate.md", include_str!("../../templates/calibrate.md")),
    (
        "calibrate.html",
        include_str!("../../templates/calibrate.html"),
    ),
    ("health.txt", include_str!("../../templates/health.txt")),
    ("health.md", include_str!("../../templates/health.md")),
    ("health.html", include_str!("../../templates/health.html")),
    ("recap.txt", include_str!("../../templates/recap.txt")),
    ("recap.md", include_str!("../../templates/recap.md")),
    ("recap.html", include_str!("../../templates/recap.html")),
    ("map.txt", include_str!("../../templates/map.txt")),
    ("map.md", include_str!("../../templates/map.md")),
    ("map.html", include_str!("../../templates/map.html")),
    ("restate.txt", include_str!("../../templates/restate.txt")),
    ("restate.md", include_str!("../../templates/restate.md")),
    ("restate.html", include_str!("../../templates/restate.html")),
    ("base.html", include_str!("../../templates/base.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    (
        "competencies.txt",
        include_str!("../../templates/competencies.txt"),
    ),
    (
        "competencies.md",
        include_str!("../../templates/competencies.md"),
    ),
    (
        "competencies.html",
        include_str!("../../templates/competencies.html"),
    ),
    (
        "serve_home.html",
        include_str!("../../templates/serve/home.html"),
    ),
];

/// Template files larger than this are refused.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// What stands in for a user template that is not a regular file (a FIFO, a device):
/// it loads, so templates that include it still compile, and fails only when used.
const NOT_REGULAR: &str = "{{ throw(message=\"this template is not a regular file\") }}";

/// The loaded template engines.
pub struct Templates {
    markdown: tera::Tera,
    html: tera::Tera,
    text: tera::Tera,
    /// Whether `.txt` templates see `color = true` (read by the `paint` filter).
    color: bool,
    /// The numbers `range` has handed out in the current render.
    budget: RangeBudget,
    /// User templates that are not regular files: name, path, what they are.
    not_regular: Vec<(String, PathBuf, &'static str)>,
}

impl Templates {
    /// The built-in templates, overridden by any same-named file in `user_dir`
    /// (`.md`, `.html` or `.txt` files directly inside it; others are ignored).
    pub fn load(user_dir: Option<&Path>) -> Result<Self, Error> {
        let mut sources: Vec<(String, String, PathBuf)> = BUILTIN
            .iter()
            .map(|(name, text)| {
                (
                    (*name).to_string(),
                    (*text).to_string(),
                    PathBuf::from(format!("<built-in {name}>")),
                )
            })
            .collect();
        let mut not_regular = Vec::new();
        if let Some(dir) = user_dir {
            let (found, unusable) = read_user_dir(dir)?;
            let placeholders: Vec<Found> = unusable
                .iter()
                .map(|(name, path, _)| (name.clone(), NOT_REGULAR.to_string(), path.clone()))
                .collect();
            not_regular = unusable;
            for (name, text, path) in found.into_iter().chain(placeholders) {
                match sources.iter_mut().find(|(n, _, _)| *n == name) {
                    Some(slot) => *slot = (name, text, path),
                    None => sources.push((name, text, path)),
                }
            }
        }
        let mut markdown = tera::Tera::new();
        markdown.autoescape_on([".md"]);
        markdown.set_escape_fn(super::escape::markdown);
        let mut html = tera::Tera::new();
        html.autoescape_on([".html"]);
        let mut text = tera::Tera::new();
        text.autoescape_on([".txt"]);
        text.set_escape_fn(super::escape::terminal_to);
        let budget = RangeBudget::default();
        for engine in [&mut markdown, &mut html, &mut text] {
            super::filters::register(engine);
            budget.register(engine);
        }
        // Each engine takes its templates in one batch: tera checks includes when a
        // template is added, so one at a time a template could include only those
        // added before it.
        for (ext, engine) in [("md", &mut markdown), ("html", &mut html), ("", &mut text)] {
            super::filters::register(engine);
            let batch: Vec<&(String, String, PathBuf)> = sources
                .iter()
                .filter(|(name, _, _)| match extension(name) {
                    e @ ("md" | "html") => e == ext,
                    _ => ext.is_empty(),
                })
                .collect();
            engine
                .add_raw_templates(batch.iter().map(|(name, source, _)| (name, source)))
                .map_err(|e| {
                    let cause = crate::error_chain(&e);
                    // Blame the template tera's message points at (` --> NAME:line:col`).
                    let culprit = batch
                        .iter()
                        .find(|(name, _, _)| cause.contains(&format!("{name}:")))
                        // Else the first user template: the built-in ones are known to compile.
                        .or_else(|| {
                            batch.iter().find(|(_, _, path)| {
                                !path.to_string_lossy().starts_with("<built-in")
                            })
                        })
                        .or_else(|| batch.first());
                    Error::Template {
                        name: culprit.map_or_else(String::new, |(name, _, _)| name.clone()),
                        path: culprit.map_or_else(PathBuf::new, |(_, _, path)| path.clone()),
                        cause,
                    }
                })?;
        }
        Ok(Self {
            markdown,
            html,
            text,
            color: false,
            budget,
            not_regular,
        })
    }

    /// Turns colour on or off for `.txt` templates: they see `color`, which the
    /// `paint` filter reads (Markdown and HTML never get terminal colours).
    #[must_use]
    pub fn with_color(mut self, on: bool) -> Self {
        self.color = on;
        self
    }

    /// Whether a template called `name` (e.g. `map.txt`) is loaded.
    pub fn has(&self, name: &str) -> bool {
        let engine = match extension(name) {
            "md" => &self.markdown,
            "html" => &self.html,
            _ => &self.text,
        };
        engine.get_template_names().any(|n| n == name)
    }

    /// Renders template `name` (e.g. `packet.md`) with `context`.
    pub fn render(&self, name: &str, context: &impl Serialize) -> Result<String, Error> {
        let engine = match extension(name) {
            "md" => &self.markdown,
            "html" => &self.html,
            _ => &self.text,
        };
        let template_error = |e: tera::Error| Error::Template {
            name: name.to_string(),
            path: PathBuf::from(name),
            cause: crate::error_chain(&e),
        };
        if let Some((name, path, kind)) = self.not_regular.iter().find(|(n, _, _)| n == name) {
            return Err(Error::Template {
                name: name.clone(),
                path: path.clone(),
                cause: format!("it is {kind}, not a regular file: a template must be a plain file"),
            });
        }
        let mut context = tera::Context::from_serialize(context).map_err(template_error)?;
        if engine_is_text(name) {
            context.insert("color", &self.color);
        }
        // Bounded by counting, not by a clock, so a runaway template fails the same
        // way on any machine (`render::budget`).
        self.budget.reset();
        let mut out = Capped::new(MAX_OUTPUT_BYTES);
        let rendered = engine.render_to(name, &context, &mut out);
        if out.overflowed {
            return Err(Error::Template {
                name: name.to_string(),
                path: PathBuf::from(name),
                cause: format!(
                    "its output passed {} MiB: loops nested too deep or too long",
                    MAX_OUTPUT_BYTES / (1024 * 1024)
                ),
            });
        }
        rendered.map_err(template_error)?;
        String::from_utf8(out.bytes).map_err(|_| Error::Template {
            name: name.to_string(),
            path: PathBuf::from(name),
            cause: "its output is not UTF-8".into(),
        })
    }
}

fn engine_is_text(name: &str) -> bool {
    !matches!(extension(name), "md" | "html")
}

fn extension(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// A template file found in the user directory: name, text, path.
type Found = (String, String, PathBuf);
/// A template name in the user directory that is not a regular file: name, path, kind.
type Unusable = (String, PathBuf, &'static str);

/// Reads the template files directly inside `dir`, refusing links that lead outside it.
/// Names that are not regular files (a FIFO, a device) are listed apart, unread: they
/// fail only the command that uses them, and never block.
fn read_user_dir(dir: &Path) -> Result<(Vec<Found>, Vec<Unusable>), Error> {
    let root = dir
        .canonicalize()
        .map_err(|source| Error::read(dir, source))?;
    let entries = std::fs::read_dir(&root).map_err(|source| Error::read(dir, source))?;
    let mut found = Vec::new();
    let mut unusable = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::read(dir, source))?;
        let path = entry.path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if !matches!(extension(&name), "md" | "html" | "txt") {
            continue;
        }
        let real = path
            .canonicalize()
            .map_err(|source| Error::read(&path, source))?;
        if real.parent() != Some(root.as_path()) {
            return Err(Error::TemplateOutsideDir {
                path,
                dir: dir.to_path_buf(),
            });
        }
        let metadata = real
            .metadata()
            .map_err(|source| Error::read(&path, source))?;
        if !metadata.is_file() {
            unusable.push((name, path, crate::store::kind_of(&metadata)));
            continue;
        }
        let bytes = match crate::source::read_regular(&real, MAX_TEMPLATE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::NotRegular(kind)) => {
                unusable.push((name, path, kind));
                continue;
            }
            Err(ReadError::Io(source)) => return Err(Error::read(&path, source)),
            Err(ReadError::TooLarge(size)) => {
                return Err(Error::Template {
                    name,
                    path,
                    cause: format!(
                        "template is {size} bytes, over the {MAX_TEMPLATE_BYTES}-byte limit"
                    ),
                });
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| Error::Template {
            name: name.clone(),
            path: path.clone(),
            cause: "the file is not UTF-8 text".into(),
        })?;
        found.push((name, text, path));
    }
    found.sort();
    unusable.sort();
    Ok((found, unusable))
}

/// Writes the built-in templates into `dir` (created if needed), keeping any file
/// already there. Returns the paths written and the paths kept.
pub fn export(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Error> {
    // 0700 whatever the umask: the templates may be edited to show private text.
    crate::store::create_private_dir_all(dir)?;
    let mut written = Vec::new();
    let mut kept = Vec::new();
    for (name, text) in BUILTIN {
        let path = dir.join(name);
        if path.exists() {
            kept.push(path);
            continue;
        }
        crate::store::write_new(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok((written, kept))
}
