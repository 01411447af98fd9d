//! The embedded DejaVu Sans faces: parsed once per process, then used to decide which
//! characters can be drawn and to measure text by real glyph advances (font units →
//! points through `units_per_em`), never by character count.
//!
//! Characters neither DejaVu face has (CJK, emoji, …) come from fallback faces chosen
//! per render ([`FontSet`]): the `--font` file first, then installed system fonts found
//! with fontconfig, tried in a sorted, reproducible order.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use std::collections::BTreeSet;
use std::path::Path;

use printpdf::ParsedFont;
use rust_fontconfig::{FcFontCache, FcWeight, OwnedFontSource, PatternMatch};

use super::{FontOptions, PdfError};

/// DejaVu Sans (regular), embedded so the output never depends on installed fonts.
const REGULAR_TTF: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
const BOLD_TTF: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// The replacement drawn for characters neither face has (if the font has U+FFFD).
const REPLACEMENT: char = '\u{FFFD}';

/// Which face a piece of text is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// The n-th fallback face of the render's [`FontSet`] (for both weights).
    Fallback(u8),
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
    let regular = parse_face(REGULAR_TTF, 0).ok_or("DejaVuSans.ttf")?;
    let bold = parse_face(BOLD_TTF, 0).ok_or("DejaVuSans-Bold.ttf")?;
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

fn parse_face(bytes: &[u8], index: usize) -> Option<FaceData> {
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(bytes, index, &mut warnings)?;
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

/// At most this many fallback faces per render.
const MAX_FALLBACKS: usize = 8;

/// The faces one render draws with: the embedded pair plus fallback faces for the
/// characters they lack.
pub(super) struct FontSet {
    /// The embedded DejaVu faces.
    pub(super) base: &'static Fonts,
    /// Fallback faces, in the order they are tried.
    pub(super) fallbacks: Vec<FaceData>,
}

impl FontSet {
    /// Only the embedded faces.
    pub(super) fn embedded(base: &'static Fonts) -> Self {
        Self {
            base,
            fallbacks: Vec::new(),
        }
    }

    /// The data of one face (an unknown fallback index gives the regular face).
    pub(super) fn face(&self, face: Face) -> &FaceData {
        match face {
            Face::Regular => &self.base.regular,
            Face::Bold => &self.base.bold,
            Face::Fallback(i) => self
                .fallbacks
                .get(usize::from(i))
                .unwrap_or(&self.base.regular),
        }
    }

    /// The faces drawn with, embedded first.
    pub(super) fn faces(&self) -> impl Iterator<Item = Face> + '_ {
        [Face::Regular, Face::Bold].into_iter().chain(
            (0..self.fallbacks.len()).filter_map(|i| u8::try_from(i).ok().map(Face::Fallback)),
        )
    }
}

/// Builds the font set for a render whose text is `chars`: for every drawable
/// character the embedded faces lack, finds a fallback face that has it — the
/// configured font file first, then (if allowed) system fonts in a fixed order.
pub(super) fn font_set(
    base: &'static Fonts,
    chars: impl IntoIterator<Item = char>,
    opts: &FontOptions,
) -> Result<FontSet, PdfError> {
    let mut needed: BTreeSet<char> = chars
        .into_iter()
        .filter(|c| {
            !is_invisible(*c)
                && !c.is_whitespace()
                && !has_glyph(&base.regular.parsed, *c)
                && !has_glyph(&base.bold.parsed, *c)
        })
        .collect();
    let mut set = FontSet::embedded(base);
    if let Some(path) = &opts.file {
        let bytes = std::fs::read(path).map_err(|e| PdfError::FontFile {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let data = parse_face(&bytes, 0).ok_or_else(|| PdfError::FontFile {
            path: path.clone(),
            reason: "not a TrueType/OpenType font".to_string(),
        })?;
        needed.retain(|c| !has_glyph(&data.parsed, *c));
        set.fallbacks.push(data);
    }
    if needed.is_empty() || !opts.system {
        return Ok(set);
    }
    for (path, index) in system_candidates(&needed) {
        if needed.is_empty() || set.fallbacks.len() >= MAX_FALLBACKS {
            break;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Some(data) = parse_face(&bytes, index) else {
            continue;
        };
        let before = needed.len();
        needed.retain(|c| !has_glyph(&data.parsed, *c));
        if needed.len() < before {
            set.fallbacks.push(data);
        }
    }
    Ok(set)
}

/// An installed face: its sort key and declared Unicode ranges (inclusive).
type SystemFace = (SortKey, Vec<(u32, u32)>);

static SYSTEM: OnceLock<Vec<SystemFace>> = OnceLock::new();

/// Sort key of a system face: upright before italic, regular weight before others,
/// proportional before monospace, sans before serif, then path and face index.
type SortKey = (bool, u16, bool, bool, String, usize);

/// Installed faces (path, face index) whose declared Unicode ranges cover one of
/// `needed`, in a fixed order that does not depend on how fontconfig lists them.
fn system_candidates(needed: &BTreeSet<char>) -> Vec<(String, usize)> {
    let all = SYSTEM.get_or_init(|| {
        let cache = FcFontCache::build();
        let mut list: Vec<SystemFace> = cache
            .list()
            .into_iter()
            .filter_map(|(pattern, id)| {
                let OwnedFontSource::Disk(src) = cache.get_font_by_id(&id)? else {
                    return None;
                };
                let name = format!(
                    "{} {}",
                    pattern.family.as_deref().unwrap_or(""),
                    pattern.name.as_deref().unwrap_or("")
                )
                .to_lowercase();
                let slanted = pattern.italic == PatternMatch::True
                    || pattern.oblique == PatternMatch::True
                    || name.contains("italic")
                    || name.contains("oblique");
                let weight = (pattern.weight as u16).abs_diff(FcWeight::Normal as u16);
                let weight = if pattern.bold == PatternMatch::True {
                    weight.max(300)
                } else {
                    weight
                };
                let mono = pattern.monospace == PatternMatch::True || name.contains("mono");
                let serif = !name.contains("sans");
                let ranges = pattern
                    .unicode_ranges
                    .iter()
                    .map(|r| (r.start, r.end))
                    .collect();
                Some((
                    (slanted, weight, mono, serif, src.path, src.font_index),
                    ranges,
                ))
            })
            .collect();
        list.sort();
        list.dedup_by(|a, b| a.0.4 == b.0.4 && a.0.5 == b.0.5);
        list
    });
    all.iter()
        .filter(|(_, ranges)| {
            ranges.is_empty()
                || needed.iter().any(|c| {
                    let c = u32::from(*c);
                    ranges.iter().any(|(a, b)| *a <= c && c <= *b)
                })
        })
        .map(|(key, _)| (key.4.clone(), key.5))
        .collect()
}

/// Whether `path` names a font file this engine can load (for validating settings).
pub(super) fn check_font_file(path: &Path) -> Result<(), PdfError> {
    let bytes = std::fs::read(path).map_err(|e| PdfError::FontFile {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    parse_face(&bytes, 0)
        .map(|_| ())
        .ok_or_else(|| PdfError::FontFile {
            path: path.to_path_buf(),
            reason: "not a TrueType/OpenType font".to_string(),
        })
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
pub(super) struct Measurer<'f> {
    fonts: &'f FontSet,
    /// Advances in em for `Regular` then `Bold`, NaN until looked up.
    dense: RefCell<Vec<f32>>,
    widths: RefCell<HashMap<(Face, char), f32>>,
    resolved: RefCell<HashMap<(Face, char), Resolved>>,
}

impl<'f> Measurer<'f> {
    /// A measurer with empty caches.
    pub(super) fn new(fonts: &'f FontSet) -> Self {
        Self {
            fonts,
            dense: RefCell::new(vec![f32::NAN; 2 * DENSE]),
            widths: RefCell::new(HashMap::new()),
            resolved: RefCell::new(HashMap::new()),
        }
    }

    /// The fonts behind this measurer.
    pub(super) fn fonts(&self) -> &'f FontSet {
        self.fonts
    }

    /// Advance width of `c` in `face`, in em (0 for characters the face lacks).
    pub(super) fn char_em(&self, face: Face, c: char) -> f32 {
        let slot = (c as usize) < DENSE && !matches!(face, Face::Fallback(_));
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
                Face::Bold => Face::Regular,
                _ => Face::Bold,
            };
            let replacement = self.fonts.base.replacement;
            let fallback = self
                .fonts
                .faces()
                .skip(2)
                .find(|f| has_glyph(&self.fonts.face(*f).parsed, c));
            if has_glyph(&self.fonts.face(other).parsed, c) {
                Resolved::Draw(other, c)
            } else if let Some(f) = fallback {
                Resolved::Draw(f, c)
            } else if has_glyph(&self.fonts.face(face).parsed, replacement) {
                Resolved::Missing(face, replacement)
            } else {
                Resolved::Missing(Face::Regular, replacement)
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

    fn measurer() -> Measurer<'static> {
        let set = Box::leak(Box::new(FontSet::embedded(
            fonts().expect("embedded fonts parse"),
        )));
        Measurer::new(set)
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
