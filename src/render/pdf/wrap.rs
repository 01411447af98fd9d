//! Line breaking by measured glyph widths: words wrap at spaces, words wider than the
//! line are broken between characters, `\n` forces a break, and an optional line limit
//! cuts the text with an ellipsis "…". Lines are broken in logical order, then each
//! line is put in visual order with the Unicode bidirectional algorithm, so Hebrew and
//! Arabic runs read right to left inside left-to-right lines (widths do not change).

use unicode_bidi::{Direction, Level};

use super::font::{Face, Measurer, Resolved};

/// The ellipsis appended to text cut by a line limit.
pub(super) const ELLIPSIS: char = '…';

/// A styled piece of input: some text wanted in one face.
#[derive(Clone, Copy, Debug)]
pub(super) struct Span<'a> {
    /// The face the text asks for (a character it lacks may fall back to the other face).
    pub(super) face: Face,
    /// The raw text.
    pub(super) text: &'a str,
}

/// A run of same-face text on a line, with its offset from the line start.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Run {
    /// The face the run is drawn with.
    pub(super) face: Face,
    /// The text to draw (already resolved: missing characters replaced).
    pub(super) text: String,
    /// Offset of the run from the start of the line, in points.
    pub(super) x: f32,
    /// Measured width, in points.
    pub(super) width: f32,
}

/// One laid-out line.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Line {
    /// Runs left to right.
    pub(super) runs: Vec<Run>,
    /// Total measured width, in points.
    pub(super) width: f32,
    /// Characters on this line that no face could draw (shown as the replacement).
    pub(super) missing: Vec<char>,
}

/// The result of wrapping one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Wrapped {
    /// The lines, top to bottom (empty for empty text).
    pub(super) lines: Vec<Line>,
    /// Whether a line limit cut the text (an ellipsis was added).
    pub(super) truncated: bool,
}

/// A drawable glyph: the face it is drawn with, the character, and whether it stands in
/// for a character no face has (then `missing` holds the original).
#[derive(Clone, Copy, Debug)]
struct Glyph {
    face: Face,
    c: char,
    missing: Option<char>,
}

enum Token {
    Word(Vec<Glyph>),
    Space(Face),
    Break,
}

/// Builds a line piece by piece, tracking its measured width.
struct LineBuilder<'m> {
    m: &'m Measurer<'m>,
    size: f32,
    glyphs: Vec<Glyph>,
    width: f32,
}

impl<'m> LineBuilder<'m> {
    fn new(m: &'m Measurer<'m>, size: f32) -> Self {
        Self {
            m,
            size,
            glyphs: Vec::new(),
            width: 0.0,
        }
    }

    fn push(&mut self, g: Glyph) {
        self.width += self.m.char_em(g.face, g.c) * self.size;
        self.glyphs.push(g);
    }

    fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    fn take(&mut self) -> Vec<Glyph> {
        self.width = 0.0;
        std::mem::take(&mut self.glyphs)
    }
}

/// Width of a sequence of glyphs at `size`.
fn glyphs_width(m: &Measurer, glyphs: &[Glyph], size: f32) -> f32 {
    glyphs.iter().map(|g| m.char_em(g.face, g.c)).sum::<f32>() * size
}

/// Turns spans into words, spaces and hard breaks, resolving every character.
fn tokenize(m: &Measurer, spans: &[Span<'_>]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word: Vec<Glyph> = Vec::new();
    for span in spans {
        for c in span.text.chars() {
            if c == '\n' {
                if !word.is_empty() {
                    tokens.push(Token::Word(std::mem::take(&mut word)));
                }
                tokens.push(Token::Break);
                continue;
            }
            // Breaking whitespace (no-break spaces stay inside words).
            if c == '\t'
                || (c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}'))
            {
                if !word.is_empty() {
                    tokens.push(Token::Word(std::mem::take(&mut word)));
                }
                if !matches!(tokens.last(), Some(Token::Space(_))) {
                    tokens.push(Token::Space(span.face));
                }
                continue;
            }
            match m.resolve(span.face, c) {
                Resolved::Draw(face, c) => word.push(Glyph {
                    face,
                    c,
                    missing: None,
                }),
                Resolved::Missing(face, r) => word.push(Glyph {
                    face,
                    c: r,
                    missing: Some(c),
                }),
                Resolved::Skip => {}
            }
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }
    tokens
}

/// Wraps `spans` at `size` points into lines no wider than `max_width` points.
///
/// With `max_lines = Some(n)` at most `n` lines are kept and the last one ends in "…"
/// (`truncated` is then true). Every returned line is at most `max_width` wide, except
/// when a single glyph is wider than `max_width` (the caller must give a usable width).
pub(super) fn wrap(
    m: &Measurer,
    spans: &[Span<'_>],
    size: f32,
    max_width: f32,
    max_lines: Option<usize>,
) -> Wrapped {
    let max_width = max_width.max(0.0);
    let base = base_level(spans);
    let tokens = tokenize(m, spans);
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    let mut cur = LineBuilder::new(m, size);
    let mut pending_space: Option<Face> = None;
    // Stop early once more non-blank lines than the limit exist: the text will be cut
    // anyway, and this keeps absurd inputs cheap.
    let mut filled = 0usize;

    for token in tokens {
        if max_lines.is_some_and(|n| filled > n) {
            break;
        }
        match token {
            Token::Break => {
                // Keep at most one blank line in a row, and none at the start.
                if !cur.is_empty() || lines.last().is_some_and(|l| !l.is_empty()) {
                    if !cur.is_empty() {
                        filled += 1;
                    }
                    lines.push(cur.take());
                }
                pending_space = None;
            }
            Token::Space(face) => {
                if !cur.is_empty() {
                    pending_space = Some(face);
                }
            }
            Token::Word(word) => {
                let word_w = glyphs_width(m, &word, size);
                let space = pending_space.take().map(|face| Glyph {
                    face,
                    c: ' ',
                    missing: None,
                });
                let space_w = space.map_or(0.0, |g| m.char_em(g.face, g.c) * size);
                if !cur.is_empty() && cur.width + space_w + word_w <= max_width {
                    if let Some(s) = space {
                        cur.push(s);
                    }
                    for g in word {
                        cur.push(g);
                    }
                    continue;
                }
                if !cur.is_empty() {
                    filled += 1;
                    lines.push(cur.take());
                }
                if word_w <= max_width {
                    for g in word {
                        cur.push(g);
                    }
                    continue;
                }
                // A word wider than the whole line: break it between characters.
                for g in word {
                    let gw = m.char_em(g.face, g.c) * size;
                    if !cur.is_empty() && cur.width + gw > max_width {
                        filled += 1;
                        lines.push(cur.take());
                    }
                    cur.push(g);
                }
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur.take());
    }
    // Drop blank lines at the end (e.g. a trailing "\n").
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }

    let mut truncated = false;
    if let Some(limit) = max_lines
        && lines.len() > limit
    {
        truncated = true;
        lines.truncate(limit);
        if let Some(last) = lines.last_mut() {
            add_ellipsis(m, last, size, max_width);
        }
    }
    Wrapped {
        lines: lines.iter().map(|g| to_line(m, g, size, base)).collect(),
        truncated,
    }
}

/// Cuts `glyphs` so that it plus a trailing "…" fits in `max_width`, and appends the "…".
fn add_ellipsis(m: &Measurer, glyphs: &mut Vec<Glyph>, size: f32, max_width: f32) {
    let face = glyphs.last().map_or(Face::Regular, |g| g.face);
    let ell = Glyph {
        face,
        c: ELLIPSIS,
        missing: None,
    };
    let ell_w = m.char_em(face, ELLIPSIS) * size;
    while !glyphs.is_empty()
        && (glyphs_width(m, glyphs, size) + ell_w > max_width
            || glyphs.last().is_some_and(|g| g.c == ' '))
    {
        glyphs.pop();
    }
    glyphs.push(ell);
}

/// The direction of a text: right to left when its first strong character is, else
/// left to right (also for text with no strong character).
fn base_level(spans: &[Span<'_>]) -> Level {
    for span in spans {
        match unicode_bidi::get_base_direction(span.text) {
            Direction::Rtl => return Level::rtl(),
            Direction::Ltr => return Level::ltr(),
            Direction::Mixed => {}
        }
    }
    Level::ltr()
}

/// Whether `c` is in a right-to-left script block (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko, Samaritan, Mandaic, their presentation forms, and the historic RTL planes).
fn is_rtl_char(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x1_0800..=0x1_0FFF | 0x1_E800..=0x1_EFFF
    )
}

/// The mirrored form of a paired punctuation mark drawn inside a right-to-left run.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// `glyphs` (one line, logical order) in visual order: the bidi algorithm with the
/// text's direction `base` (that of its first strong character); paired marks in
/// right-to-left runs are mirrored. Lines without right-to-left text are unchanged.
fn visual_order(glyphs: &[Glyph], base: Level) -> Vec<Glyph> {
    if !glyphs.iter().any(|g| is_rtl_char(g.c)) {
        return glyphs.to_vec();
    }
    let text: String = glyphs.iter().map(|g| g.c).collect();
    let info = unicode_bidi::ParagraphBidiInfo::new(&text, Some(base));
    let levels = info.reordered_levels_per_char(0..text.len());
    if levels.len() != glyphs.len() {
        return glyphs.to_vec();
    }
    unicode_bidi::ParagraphBidiInfo::reorder_visual(&levels)
        .into_iter()
        .filter_map(|i| {
            let mut g = *glyphs.get(i)?;
            if levels.get(i).is_some_and(|l| l.is_rtl()) {
                g.c = mirrored(g.c);
            }
            Some(g)
        })
        .collect()
}

/// Puts a line's glyphs in visual order and merges consecutive same-face glyphs into
/// runs with measured offsets.
fn to_line(m: &Measurer, glyphs: &[Glyph], size: f32, base: Level) -> Line {
    let mut line = Line::default();
    let mut x = 0.0;
    for g in &visual_order(glyphs, base) {
        let w = m.char_em(g.face, g.c) * size;
        match line.runs.last_mut() {
            Some(run) if run.face == g.face => {
                run.text.push(g.c);
                run.width += w;
            }
            _ => line.runs.push(Run {
                face: g.face,
                text: g.c.to_string(),
                x,
                width: w,
            }),
        }
        x += w;
        if let Some(c) = g.missing {
            line.missing.push(c);
        }
    }
    line.width = x;
    line
}

#[cfg(test)]
mod tests {
    use super::super::font::{FontSet, fonts};
    use super::*;

    fn m() -> Measurer<'static> {
        let set = Box::leak(Box::new(FontSet::embedded(fonts().expect("fonts"))));
        Measurer::new(set)
    }

    fn text_of(line: &Line) -> String {
        line.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn regular(text: &str) -> [Span<'_>; 1] {
        [Span {
            face: Face::Regular,
            text,
        }]
    }

    #[test]
    fn wraps_by_measured_width_not_char_count() {
        let m = m();
        // Same number of characters, very different widths.
        let narrow = "ii ".repeat(40);
        let wide = "WW ".repeat(40);
        let a = wrap(&m, &regular(&narrow), 10.0, 200.0, None);
        let b = wrap(&m, &regular(&wide), 10.0, 200.0, None);
        assert!(
            b.lines.len() > a.lines.len() * 2,
            "{} vs {}",
            b.lines.len(),
            a.lines.len()
        );
        for l in a.lines.iter().chain(&b.lines) {
            assert!(l.width <= 200.0 + 1e-3, "line too wide: {}", l.width);
            let measured: f32 = l.runs.iter().map(|r| m.width(r.face, &r.text, 10.0)).sum();
            assert!((measured - l.width).abs() < 1e-3);
        }
    }

    #[test]
    fn breaks_an_overlong_word_between_characters() {
        let m = m();
        let word = "x".repeat(300);
        let w = wrap(&m, &regular(&word), 10.0, 100.0, None);
        assert!(w.lines.len() > 3);
        assert_eq!(w.lines.iter().map(text_of).collect::<String>(), word);
        for l in &w.lines {
            assert!(l.width <= 100.0 + 1e-3);
        }
    }

    #[test]
    fn clamps_with_an_ellipsis_that_fits() {
        let m = m();
        let text = "lorem ipsum dolor sit amet ".repeat(40);
        let w = wrap(&m, &regular(&text), 9.0, 150.0, Some(2));
        assert!(w.truncated);
        assert_eq!(w.lines.len(), 2);
        let last = text_of(&w.lines[1]);
        assert!(last.ends_with(ELLIPSIS), "{last}");
        assert!(!last.ends_with(" …"));
        assert!(w.lines[1].width <= 150.0 + 1e-3);
        // Short text is not cut.
        let short = wrap(&m, &regular("short"), 9.0, 150.0, Some(1));
        assert!(!short.truncated);
        assert_eq!(text_of(&short.lines[0]), "short");
    }

    #[test]
    fn mixes_faces_and_collapses_whitespace() {
        let m = m();
        let spans = [
            Span {
                face: Face::Bold,
                text: "Headline: ",
            },
            Span {
                face: Face::Regular,
                text: "  shipped\tthe   thing\r",
            },
        ];
        let w = wrap(&m, &spans, 10.0, 500.0, None);
        assert_eq!(w.lines.len(), 1);
        let line = &w.lines[0];
        assert_eq!(text_of(line), "Headline: shipped the thing");
        assert_eq!(line.runs[0].face, Face::Bold);
        assert_eq!(line.runs[1].face, Face::Regular);
        assert!((line.runs[1].x - line.runs[0].width).abs() < 1e-3);
    }

    #[test]
    fn honours_newlines_and_reports_missing_glyphs() {
        let m = m();
        let w = wrap(&m, &regular("one\ntwo 中文\n"), 10.0, 500.0, None);
        assert_eq!(w.lines.len(), 2);
        assert_eq!(text_of(&w.lines[1]), "two \u{FFFD}\u{FFFD}");
        assert_eq!(w.lines[1].missing, vec!['中', '文']);
        assert!(wrap(&m, &regular(""), 10.0, 500.0, None).lines.is_empty());
        assert!(
            wrap(&m, &regular("   \n "), 10.0, 500.0, None)
                .lines
                .is_empty()
        );
    }

    #[test]
    fn right_to_left_runs_are_in_visual_order_inside_mixed_lines() {
        let m = m();
        let w = wrap(&m, &regular("Led דוד כהן's review"), 10.0, 1000.0, None);
        assert_eq!(text_of(&w.lines[0]), "Led ןהכ דוד's review");
        // Wrapped in logical order, each line reordered with the text's direction.
        let narrow =
            m.width(Face::Regular, "Led דוד", 10.0)
                .max(m.width(Face::Regular, "כהן (peer)", 10.0))
                + 1.0;
        let w = wrap(&m, &regular("Led דוד כהן (peer)"), 10.0, narrow, None);
        let lines: Vec<String> = w.lines.iter().map(text_of).collect();
        assert_eq!(lines, ["Led דוד", "ןהכ (peer)"]);
        // A right-to-left text mirrors its brackets and keeps its width.
        let w = wrap(&m, &regular("שלום (עולם)"), 10.0, 1000.0, None);
        assert_eq!(text_of(&w.lines[0]), "(םלוע) םולש");
        let expect = m.width(Face::Regular, "שלום (עולם)", 10.0);
        assert!((w.lines[0].width - expect).abs() < 1e-3);
    }
}
