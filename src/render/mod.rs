//! The output formats, one renderer each, all drawing the same kind of report context.
//!
//! Renderers: every format is drawn from one serialisable report context, so what one
//! format shows the others can show. Markdown, HTML and text come from tera templates
//! ([`templates`]), PDF is laid out by [`pdf`], and JSON is the context itself.

pub mod budget;
pub use crate::escape;
pub mod filters;
pub mod ics;
pub mod pdf;
mod reports;
pub mod templates;
pub mod text;

use serde::Serialize;

use crate::error::Error;
use templates::Templates;

/// A report every format can render.
pub trait Report: Serialize {
    /// The template base name: `packet` renders from `packet.md` and `packet.html`.
    const NAME: &'static str;

    /// The report laid out as one PDF page; `None` (the default) for a report that
    /// has no PDF, which `--format pdf` then refuses as a usage error.
    fn page(&self) -> Option<pdf::Page> {
        None
    }

    /// The report laid out as PDF pages, each fitted to one sheet: its one [`Report::page`]
    /// unless the report has several (the calibration brief).
    fn pages(&self) -> Vec<pdf::Page> {
        self.page().into_iter().collect()
    }
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, from `NAME.txt`.
    Text,
    /// Markdown, from `NAME.md`.
    Markdown,
    /// A self-contained HTML page, from `NAME.html`.
    Html,
    /// A one-page PDF.
    Pdf,
    /// The context as JSON.
    Json,
}

impl Format {
    /// Whether the output is binary (must not go to a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Pdf
    }
}

/// What a renderer produced, and what the person should be told about it.
#[derive(Debug)]
pub struct Rendered {
    /// The output.
    pub bytes: Vec<u8>,
    /// Notes for standard error: rows dropped to fit the page, glyphs missing.
    pub notes: Vec<String>,
}

/// Turns a report into bytes of one format.
pub trait Renderer<R: Report> {
    /// Renders the report.
    fn render(&self, report: &R) -> Result<Rendered, Error>;
}

/// Markdown, HTML and text: a tera template named after the report.
pub struct TemplateRenderer<'a> {
    templates: &'a Templates,
    extension: &'static str,
}

impl<R: Report> Renderer<R> for TemplateRenderer<'_> {
    fn render(&self, report: &R) -> Result<Rendered, Error> {
        let name = format!("{}.{}", R::NAME, self.extension);
        let text = self.templates.render(&name, report)?;
        Ok(Rendered {
            bytes: text.into_bytes(),
            notes: Vec::new(),
        })
    }
}

/// The context as pretty JSON.
pub struct JsonRenderer;

impl<R: Report> Renderer<R> for JsonRenderer {
    fn render(&self, report: &R) -> Result<Rendered, Error> {
        Ok(Rendered {
            bytes: json(report)?,
            notes: Vec::new(),
        })
    }
}

/// Any value as pretty JSON and a newline; a failure is an output error (exit 1).
pub fn json(value: &impl Serialize) -> Result<Vec<u8>, Error> {
    let mut bytes =
        serde_json::to_vec_pretty(value).map_err(|e| Error::Output(std::io::Error::other(e)))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// One PDF page.
pub struct PdfRenderer<'a> {
    paper: pdf::Paper,
    templates: &'a Templates,
}

impl<R: Report> Renderer<R> for PdfRenderer<'_> {
    fn render(&self, report: &R) -> Result<Rendered, Error> {
        let pages = report.pages();
        let [page] = pages.as_slice() else {
            if pages.is_empty() {
                return Err(no_page(R::NAME, self.templates));
            }
            return several_pages(&pages, self.paper);
        };
        let (bytes, layout) =
            pdf::render(page, self.paper).map_err(|e| Error::Pdf(e.to_string()))?;
        let notes = layout_notes(page, &layout);
        Ok(Rendered { bytes, notes })
    }
}

/// A document of several pages, each fitted on its own; a page's notes name its title.
fn several_pages(pages: &[pdf::Page], paper: pdf::Paper) -> Result<Rendered, Error> {
    let (bytes, layouts) =
        pdf::render_pages(pages, paper).map_err(|e| Error::Pdf(e.to_string()))?;
    let mut notes = Vec::new();
    for (page, layout) in pages.iter().zip(&layouts) {
        for note in layout_notes(page, layout) {
            let note = note.replacen(": ", &format!(": {}: ", page.title), 1);
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
    }
    Ok(Rendered { bytes, notes })
}

/// What the person should be told about fitting `page`: rows dropped, texts cut,
/// glyphs missing.
fn layout_notes(page: &pdf::Page, layout: &pdf::LayoutReport) -> Vec<String> {
    {
        let mut notes = Vec::new();
        for (block, dropped) in &layout.dropped {
            if *dropped > 0 {
                notes.push(format!(
                    "note: {dropped} lower-ranked {} from “{}” left out to keep the page to one sheet",
                    if *dropped == 1 { "entry" } else { "entries" },
                    section_of(page, *block)
                ));
            }
        }
        if layout.truncated_cells > 0 {
            notes.push(format!(
                "note: {} long text{} shortened with … to fit the page",
                layout.truncated_cells,
                if layout.truncated_cells == 1 { "" } else { "s" }
            ));
        }
        if let Some(block) = layout.cut_at_block {
            notes.push(format!(
                "warning: the page could not hold everything even at the smallest type; it ends at “{}”",
                section_of(page, block)
            ));
        }
        if !layout.missing_glyphs.is_empty() {
            let names: Vec<String> = layout
                .missing_glyphs
                .iter()
                .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
                .collect();
            notes.push(format!(
                "warning: the PDF font has no glyph for {}; drawn as a replacement mark",
                names.join(", ")
            ));
        }
        notes
    }
}

/// The usage error for a PDF of a report that has no page: it names the formats the
/// report does have (its templates, and JSON).
fn no_page(name: &str, templates: &Templates) -> Error {
    let mut formats: Vec<&str> = [("txt", "text"), ("md", "md"), ("html", "html")]
        .into_iter()
        .filter(|(ext, _)| templates.has(&format!("{name}.{ext}")))
        .map(|(_, format)| format)
        .collect();
    formats.push("json");
    Error::Usage(format!(
        "`{name}` has no PDF: its formats are {}",
        formats.join(", ")
    ))
}

/// The heading a block sits under.
fn section_of(page: &pdf::Page, block: usize) -> String {
    page.blocks[..block.min(page.blocks.len())]
        .iter()
        .rev()
        .find_map(|b| match b {
            pdf::Block::Heading(text) => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "the page".to_string())
}

/// The renderer for a format.
pub fn renderer<'a, R: Report>(
    format: Format,
    templates: &'a Templates,
    paper: pdf::Paper,
) -> Box<dyn Renderer<R> + 'a> {
    match format {
        Format::Text => Box::new(TemplateRenderer {
            templates,
            extension: "txt",
        }),
        Format::Markdown => Box::new(TemplateRenderer {
            templates,
            extension: "md",
        }),
        Format::Html => Box::new(TemplateRenderer {
            templates,
            extension: "html",
        }),
        Format::Json => Box::new(JsonRenderer),
        Format::Pdf => Box::new(PdfRenderer { paper, templates }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Pageless {
        owner: &'static str,
    }

    impl Report for Pageless {
        const NAME: &'static str = "agenda";
    }

    #[test]
    fn a_pdf_of_a_report_without_a_page_is_a_usage_error_naming_its_formats() {
        let templates = Templates::load(None).expect("built-in templates");
        let report = Pageless { owner: "Ana" };
        let pdf = renderer(Format::Pdf, &templates, pdf::Paper::Letter).render(&report);
        match pdf {
            Err(Error::Usage(message)) => assert_eq!(
                message,
                "`agenda` has no PDF: its formats are text, md, html, json"
            ),
            other => panic!("expected a usage error, got {other:?}"),
        }
        let json = renderer(Format::Json, &templates, pdf::Paper::Letter)
            .render(&report)
            .expect("json");
        assert_eq!(
            String::from_utf8_lossy(&json.bytes),
            "{\n  \"owner\": \"Ana\"\n}\n"
        );
    }
}
