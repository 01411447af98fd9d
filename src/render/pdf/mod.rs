//! The PDF output: a report's page laid out to fit exactly one page, with embedded fonts.
//!
//! [`render`] draws a [`Page`] — a title, a subtitle, a list of [`Block`]s and a footer —
//! onto exactly one Letter or A4 page with printpdf, and reports in a [`LayoutReport`]
//! what it had to do to make it fit:
//!
//! 1. lay out at the natural size (body 10 pt, title 18 pt);
//! 2. if too tall, shrink all type in 0.5 pt steps down to a 7 pt body;
//! 3. if still too tall, drop rows/items from the ends of tables and lists (the largest
//!    block first, never below its minimum) and add a "+N more" line under each;
//! 4. if still too tall, clamp cells, paragraphs and list texts to fewer and fewer lines,
//!    ending them with "…" (re-planning the drops at each limit);
//! 5. if even one line per text does not fit (hundreds of undroppable blocks), cut the
//!    tail and report the first block that was not drawn completely.
//!
//! Text is real, searchable text in embedded, subset DejaVu Sans (regular and bold),
//! wrapped by measured glyph advances. Characters neither face has come from fallback
//! faces ([`FontOptions`]: a font file, then system fonts in a fixed order); what no font
//! has is drawn as U+FFFD and listed in [`LayoutReport::missing_glyphs`]. Right-to-left
//! runs are drawn in visual order. The same input always gives the same bytes.
//!
//! Files: `font.rs` (embedded faces, glyph coverage, measuring), `wrap.rs` (line
//! breaking), `layout/` (geometry, measuring, fitting), `page.rs` (printpdf ops and
//! deterministic serialization).

mod font;
mod layout;
mod page;
mod pages;
mod wrap;

#[cfg(test)]
mod tests;

pub use crate::paper::Paper;

/// A one-page document, top to bottom, independent of what it says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Big bold line at the top (e.g. the owner's name); wraps to at most two lines.
    pub title: String,
    /// One grey line under the title; wraps to at most two lines.
    pub subtitle: String,
    /// The body, top to bottom.
    pub blocks: Vec<Block>,
    /// Small grey line at the bottom of the page (cut with "…" if longer than a line).
    pub footer: String,
}

/// One piece of the body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Section heading (bold). Never left without content: a heading followed by no
    /// drawable content (the page ends, the next block is a heading, or the blocks in
    /// between are empty) is not drawn.
    Heading(String),
    /// Wrapped text with an optional bold lead-in such as "Headline: " (a space is
    /// added after the lead-in if it does not end with one).
    Paragraph {
        /// The text; `\n` starts a new line.
        text: String,
        /// Bold words run into the start of the text.
        bold_lead: Option<String>,
    },
    /// A table with a bold header row on a light grey band and hairlines between rows.
    Table {
        /// Header cells (no header row when all are empty).
        headers: Vec<String>,
        /// Relative column widths (any positive numbers; equal columns if the count does
        /// not match the number of columns or a value is not positive).
        widths: Vec<f32>,
        /// Rows of cells; missing cells are blank.
        rows: Vec<Vec<String>>,
        /// Rows may be dropped from the end down to this many.
        min_rows: usize,
        /// Line added under the table when rows were dropped; "{n}" becomes the count
        /// (e.g. "+{n} more in the full map"). `None` uses "+{n} more".
        more: Option<String>,
    },
    /// A bulleted list.
    List {
        /// The items, most important first.
        items: Vec<ListItem>,
        /// Items may be dropped from the end down to this many.
        min_items: usize,
        /// Line added under the list when items were dropped, same "{n}" rule as tables.
        more: Option<String>,
    },
    /// The evidence timeline (projects by quarter, one mark per public moment) at a
    /// fixed height for the body size: counted like a paragraph, never split.
    Timeline(Box<crate::report::timeline::Timeline>),
}

/// One bullet of a [`Block::List`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListItem {
    /// Bold start of the item (may be empty). Followed by " — " before the text unless
    /// it ends with a space or punctuation.
    pub lead: String,
    /// The rest of the item.
    pub text: String,
    /// Smaller grey line(s) under the item.
    pub detail: Option<String>,
}

/// What [`render`] had to do to fit the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutReport {
    /// Body font size finally used, in points (10 at natural size, 7 at the floor).
    pub font_size: f32,
    /// (block index, how many rows/items were dropped), in block order.
    pub dropped: Vec<(usize, usize)>,
    /// How many texts were cut with an ellipsis to fit.
    pub truncated_cells: usize,
    /// Characters the fonts cannot draw (drawn as U+FFFD), sorted and deduplicated.
    pub missing_glyphs: Vec<char>,
    /// Index of the first block that could not be drawn completely even after
    /// shrinking, dropping and clamping; it and everything after it were cut. `None`
    /// for any realistic input.
    pub cut_at_block: Option<usize>,
}

/// Where the glyphs the embedded DejaVu Sans lacks (CJK, emoji, …) come from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FontOptions {
    /// A font file tried first (`--font FILE`, or `font` in the config file).
    pub file: Option<std::path::PathBuf>,
    /// Whether installed system fonts (found with fontconfig) are tried after it.
    pub system: bool,
}

impl FontOptions {
    /// The default: the process-wide font file (see [`set_font_file`]) and system fonts.
    pub fn standard() -> Self {
        Self {
            file: FONT_FILE.get().cloned(),
            system: true,
        }
    }
}

static FONT_FILE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

/// Sets the font file every later [`render`] in this process tries first (the
/// `--font` option); checks that it loads. Only the first call has an effect.
pub fn set_font_file(path: &std::path::Path) -> Result<(), PdfError> {
    font::check_font_file(path)?;
    let _ = FONT_FILE.set(path.to_path_buf());
    Ok(())
}

/// Why [`render`] failed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be parsed (a corrupt build, never bad input).
    #[error("could not parse the embedded font {font}")]
    FontParse {
        /// File name of the font.
        font: &'static str,
    },
    /// The configured font file could not be read or parsed.
    #[error("cannot use the font {}: {reason}", path.display())]
    FontFile {
        /// The font file.
        path: std::path::PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The PDF could not be serialized.
    #[error("could not write the pdf: {reason}")]
    Write {
        /// What the PDF writer reported.
        reason: String,
    },
}

/// Renders `page` onto exactly one page of `paper`: returns the PDF bytes and what the
/// layout had to do to fit.
pub fn render(page: &Page, paper: Paper) -> Result<(Vec<u8>, LayoutReport), PdfError> {
    render_with(page, paper, &FontOptions::standard())
}

/// [`render`] with explicit fallback-font options.
pub fn render_with(
    page: &Page,
    paper: Paper,
    opts: &FontOptions,
) -> Result<(Vec<u8>, LayoutReport), PdfError> {
    let fonts = font::font_set(font::fonts()?, page_chars(page), opts)?;
    let measurer = font::Measurer::new(&fonts);
    let geo = layout::Geometry::new(paper);
    let laid = layout::fit(page, &geo, &measurer);
    let info = page::DocInfo {
        title: &page.title,
        subject: &page.subtitle,
    };
    let bytes = page::write(&laid.cmds, &geo, &info, &fonts)?;
    Ok((bytes, laid.report))
}

/// Renders each of `pages` onto exactly one page of `paper`, in order, as one document
/// (the calibration brief: a cover and a page per report): the PDF bytes and what each
/// page's layout had to do to fit. The document's title is the first page's.
pub fn render_pages(
    pages: &[Page],
    paper: Paper,
) -> Result<(Vec<u8>, Vec<LayoutReport>), PdfError> {
    let opts = FontOptions::standard();
    let fonts = font::font_set(font::fonts()?, pages.iter().flat_map(page_chars), &opts)?;
    let measurer = font::Measurer::new(&fonts);
    let geo = layout::Geometry::new(paper);
    let mut cmds = Vec::with_capacity(pages.len());
    let mut reports = Vec::with_capacity(pages.len());
    for page in pages {
        let laid = layout::fit(page, &geo, &measurer);
        cmds.push(laid.cmds);
        reports.push(laid.report);
    }
    let first = pages.first();
    let info = page::DocInfo {
        title: first.map_or("", |p| p.title.as_str()),
        subject: first.map_or("", |p| p.subtitle.as_str()),
    };
    let bytes = page::write_pages(&cmds, &geo, &info, &fonts)?;
    Ok((bytes, reports))
}

/// Every character `page` may draw (the fixed strings the layout adds are Latin).
fn page_chars(page: &Page) -> impl Iterator<Item = char> + '_ {
    let texts = page.blocks.iter().flat_map(|b| -> Vec<&str> {
        match b {
            Block::Heading(t) => vec![t],
            Block::Paragraph { text, bold_lead } => std::iter::once(text.as_str())
                .chain(bold_lead.as_deref())
                .collect(),
            Block::Table {
                headers,
                rows,
                more,
                ..
            } => headers
                .iter()
                .chain(rows.iter().flatten())
                .map(String::as_str)
                .chain(more.as_deref())
                .collect(),
            Block::List { items, more, .. } => items
                .iter()
                .flat_map(|i| {
                    [i.lead.as_str(), i.text.as_str()]
                        .into_iter()
                        .chain(i.detail.as_deref())
                })
                .chain(more.as_deref())
                .collect(),
            Block::Timeline(t) => t
                .rows
                .iter()
                .map(|r| r.project.as_str())
                .chain(t.quarters.iter().map(|q| q.label.as_str()))
                .chain([t.summary.as_str()])
                .collect(),
        }
    });
    [
        page.title.as_str(),
        page.subtitle.as_str(),
        page.footer.as_str(),
    ]
    .into_iter()
    .chain(texts)
    .flat_map(str::chars)
}
