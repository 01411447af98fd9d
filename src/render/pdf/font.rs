//! The embedded DejaVu Sans faces: parsed once per process, then used to decide which
//! characters can be drawn and to measure text by real glyph advances (font units →
//! points through `units_per_em`), never by character count.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::PdfError;

/// DejaVu Sans (regular), embedded so the output never depends on installed fonts.
const REGULAR_TTF: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
const BOLD_TTF: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// The replacement drawn for characters neither face has (if the font has U+FFFD).
const REPLACEMENT: char = '\u{FFFD}';

/// Which of the two embedded faces a piece of text is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One parsed face plus the metrics the layout needs, in em units.
pub(super) struct FaceData {
    /// The parsed font (also what gets embedded and subset by printpdf).
    pub(super) parsed: ParsedFont,
    /// Font design units per em.
    units_per_em: f32,
    /// Ascender above the baseline, in em.
    pub(super) ascent: f32,
    /// Descender below the baseline, in em (positive).
    pub(super) descent: f32,
}

/// Both faces, parsed once per process.
pub(super) struct Fonts {
    /// The regular face.
    pub(super) regular: FaceData,
    /// The bold face.
    pub(super) bold: FaceData,
    /// What is drawn in place of a character neither face has.
    pub(super) replacement: char,
}

static FONTS: OnceLock<Result<Fonts, &'static str>> = OnceLock::new();

/// The embedded fonts, parsed on first use and cached for the life of the process.
pub(super) fn fonts() -> Result<&'static Fonts, PdfError> {
    FONTS
        .get_or_init(load)
        .as_ref()
        .map_err(|font| PdfError::FontParse { font })
}

fn load() -> Result<Fonts, &'static str> {
    let regular = parse_face(REGULAR_TTF).ok_or("DejaVuSans.ttf")?;
    let bold = parse_face(BOLD_TTF).ok_or("DejaVuSans-Bold.ttf")?;
    let replacement = if has_glyph(&regular.parsed, REPLACEMENT) {
        REPLACEMENT
    } else {
        '?'
    };
    Ok(Fonts {
        regular,
        bold,
        replacement,
    })
}

fn parse_face(bytes: &[u8]) -> Option<FaceData> {
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)?;
    let metrics = &parsed.font_metrics;
    let units_per_em = f32::from(metrics.units_per_em);
    if units_per_em <= 0.0 {
        return None;
    }
    let ascent = metrics.ascent.abs() / units_per_em;
    let descent = metrics.descent.abs() / units_per_em;
    Some(FaceData {
        parsed,
        units_per_em,
        ascent,
        descent,
    })
}

fn has_glyph(font: &ParsedFont, c: char) -> bool {
    matches!(font.lookup_glyph_index(u32::from(c)), Some(gid) if gid != 0)
}

impl Fonts {
    /// The data of one face.
    pub(super) fn face(&self, face: Face) -> &FaceData {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }
}

/// How one input character ends up on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Resolved {
    /// Drawn as `char` with this face (the wanted face, or the other one as a fallback).
    Draw(Face, char),
    /// Neither face has the character: the replacement is drawn in the given face.
    Missing(Face, char),
    /// Invisible by design (control characters, zero-width marks): dropped silently.
    Skip,
}

/// Characters below this code point get a dense width cache (Latin, Greek, Cyrillic,
/// punctuation, arrows, math); the rest go through a hash map.
const DENSE: usize = 0x2500;

/// Measures text and resolves glyphs, caching advances for the duration of one render.
pub(super) struct Measurer {
    fonts: &'static Fonts,
    /// Advances in em for `Regular` then `Bold`, NaN until looked up.
    dense: RefCell<Vec<f32>>,
    widths: RefCell<HashMap<(Face, char), f32>>,
    resolved: RefCell<HashMap<(Face, char), Resolved>>,
}

impl Measurer {
    /// A measurer with empty caches.
    pub(super) fn new(fonts: &'static Fonts) -> Self {
        Self {
            fonts,
            dense: RefCell::new(vec![f32::NAN; 2 * DENSE]),
            widths: RefCell::new(HashMap::new()),
            resolved: RefCell::new(HashMap::new()),
        }
    }

    /// The fonts behind this measurer.
    pub(super) fn fonts(&self) -> &'static Fonts {
        self.fonts
    }

    /// Advance width of `c` in `face`, in em (0 for characters the face lacks).
    pub(super) fn char_em(&self, face: Face, c: char) -> f32 {
        let slot = (c as usize) < DENSE;
        let index = c as usize + if face == Face::Bold { DENSE } else { 0 };
        if slot {
            if let Some(w) = self.dense.borrow().get(index).filter(|w| !w.is_nan()) {
                return *w;
            }
        } else if let Some(w) = self.widths.borrow().get(&(face, c)) {
            return *w;
        }
        let data = self.fonts.face(face);
        let w = match data.parsed.lookup_glyph_index(u32::from(c)) {
            Some(gid) if gid != 0 => {
                f32::from(data.parsed.get_horizontal_advance(gid)) / data.units_per_em
            }
            _ => 0.0,
        };
        if slot {
            if let Some(cell) = self.dense.borrow_mut().get_mut(index) {
                *cell = w;
            }
        } else {
            self.widths.borrow_mut().insert((face, c), w);
        }
        w
    }

    /// Width of `text` drawn in `face` at `size` points, in points.
    pub(super) fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_em(face, c)).sum::<f32>() * size
    }

    /// Decides how `c`, wanted in `face`, is drawn.
    pub(super) fn resolve(&self, face: Face, c: char) -> Resolved {
        if let Some(r) = self.resolved.borrow().get(&(face, c)) {
            return *r;
        }
        let r = if is_invisible(c) {
            Resolved::Skip
        } else if has_glyph(&self.fonts.face(face).parsed, c) {
            Resolved::Draw(face, c)
        } else {
            let other = match face {
                Face::Regular => Face::Bold,
                Face::Bold => Face::Regular,
            };
            if has_glyph(&self.fonts.face(other).parsed, c) {
                Resolved::Draw(other, c)
            } else if has_glyph(&self.fonts.face(face).parsed, self.fonts.replacement) {
                Resolved::Missing(face, self.fonts.replacement)
            } else {
                Resolved::Missing(Face::Regular, self.fonts.replacement)
            }
        };
        self.resolved.borrow_mut().insert((face, c), r);
        r
    }
}

/// Characters that are never drawn: control characters (other than the whitespace the
/// wrapper handles) and default-ignorable format characters such as zero-width spaces,
/// joiners, byte-order marks, variation selectors and soft hyphens.
fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measurer() -> Measurer {
        Measurer::new(fonts().expect("embedded fonts parse"))
    }

    #[test]
    fn fonts_parse_and_have_sane_metrics() {
        let f = fonts().expect("fonts");
        assert!(f.regular.units_per_em >= 1000.0);
        assert!(f.regular.ascent > 0.7 && f.regular.ascent < 1.1);
        assert!(f.regular.descent > 0.1 && f.regular.descent < 0.4);
        assert_eq!(f.replacement, '\u{FFFD}', "DejaVu Sans has U+FFFD");
    }

    #[test]
    fn widths_come_from_glyph_advances_not_char_count() {
        let m = measurer();
        let narrow = m.width(Face::Regular, "iiiiiiiiii", 10.0);
        let wide = m.width(Face::Regular, "WWWWWWWWWW", 10.0);
        assert!(
            wide > narrow * 2.5,
            "W is much wider than i: {wide} vs {narrow}"
        );
        // Width scales linearly with the size.
        let w10 = m.width(Face::Regular, "Hello", 10.0);
        let w20 = m.width(Face::Regular, "Hello", 20.0);
        assert!((w20 - 2.0 * w10).abs() < 1e-3);
        // Bold is wider than regular for the same text.
        assert!(m.width(Face::Bold, "Hello", 10.0) > w10);
    }

    #[test]
    fn resolves_missing_and_invisible_characters() {
        let m = measurer();
        assert_eq!(
            m.resolve(Face::Regular, 'ë'),
            Resolved::Draw(Face::Regular, 'ë')
        );
        assert_eq!(m.resolve(Face::Bold, 'Ł'), Resolved::Draw(Face::Bold, 'Ł'));
        assert_eq!(
            m.resolve(Face::Regular, '→'),
            Resolved::Draw(Face::Regular, '→')
        );
        assert_eq!(
            m.resolve(Face::Regular, '中'),
            Resolved::Missing(Face::Regular, '\u{FFFD}')
        );
        assert_eq!(m.resolve(Face::Regular, '\u{200B}'), Resolved::Skip);
        assert_eq!(m.resolve(Face::Regular, '\u{7}'), Resolved::Skip);
    }
}
