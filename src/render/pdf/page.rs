//! Turns laid-out commands into printpdf operations and serializes the document
//! deterministically: fixed font resource names (derived from the glyphs used), no
//! dates, and a document `/ID` derived from the file's own bytes.

use std::collections::BTreeSet;

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb as PdfRgb, TextItem, TextMatrix,
    WindingOrder,
};

use super::PdfError;
use super::font::{Face, FontSet};
use super::layout::{Cmd, Geometry, Rgb, Shape};

/// Document information written to the PDF's Info dictionary.
pub(super) struct DocInfo<'a> {
    /// `/Title`.
    pub(super) title: &'a str,
    /// `/Subject`.
    pub(super) subject: &'a str,
}

/// Placeholder for the two `/ID` strings; replaced by a hash of the finished file.
const ID_PLACEHOLDER: &[u8; 32] = b"00000000000000000000000000000000";

/// Builds the one-page PDF for `cmds` and returns its bytes.
pub(super) fn write(
    cmds: &[Cmd],
    geo: &Geometry,
    info: &DocInfo<'_>,
    fonts: &FontSet,
) -> Result<Vec<u8>, PdfError> {
    write_pages(std::slice::from_ref(&cmds.to_vec()), geo, info, fonts)
}

/// Builds a PDF with one page per list of commands, in order, and returns its bytes.
pub(super) fn write_pages(
    pages: &[Vec<Cmd>],
    geo: &Geometry,
    info: &DocInfo<'_>,
    fonts: &FontSet,
) -> Result<Vec<u8>, PdfError> {
    let all: Vec<Cmd> = pages.iter().flatten().cloned().collect();
    let ids = font_ids(&all, fonts);
    let mut doc = PdfDocument::new(info.title);
    doc.metadata.info.subject = info.subject.to_string();
    doc.metadata.info.creator = "promo".to_string();
    doc.metadata.info.producer = "promo (printpdf 0.12)".to_string();
    for (face, id) in &ids {
        let parsed = fonts.face(*face).parsed.clone();
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
    }
    let bounds = Rect::from_wh(Pt(geo.width), Pt(geo.height));
    for cmds in pages {
        doc.pages.push(PdfPage {
            media_box: bounds.clone(),
            trim_box: bounds.clone(),
            crop_box: bounds.clone(),
            ops: to_ops(cmds, geo, &ids),
        });
    }

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);

    // printpdf writes a random /ID and epoch dates: make the file reproducible.
    if let Ok(id) = lo.trailer.get_mut(b"ID")
        && let Ok(parts) = id.as_array_mut()
    {
        for part in parts.iter_mut() {
            if let Ok(s) = part.as_str_mut() {
                *s = ID_PLACEHOLDER.to_vec();
            }
        }
    }
    if let Ok(info_id) = lo.trailer.get(b"Info").and_then(|o| o.as_reference())
        && let Ok(dict) = lo.get_object_mut(info_id).and_then(|o| o.as_dict_mut())
    {
        for key in [
            "CreationDate",
            "ModDate",
            "Trapped",
            "GTS_PDFXVersion",
            "Identifier",
            "Keywords",
            "Author",
        ] {
            dict.remove(key.as_bytes());
        }
    }
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| PdfError::Write {
        reason: e.to_string(),
    })?;
    stamp_id(&mut out);
    Ok(out)
}

/// Replaces the `/ID` placeholders in the trailer with a hash of the whole file.
fn stamp_id(out: &mut [u8]) {
    let a = fnv1a(out, 0xcbf2_9ce4_8422_2325);
    let b = fnv1a(out, 0x8422_2325_cbf2_9ce4);
    let hex = format!("{a:016x}{b:016x}");
    let tail_start = find_last(out, b"trailer").unwrap_or(0);
    let mut from = tail_start;
    while let Some(pos) = find_from(out, ID_PLACEHOLDER, from) {
        out[pos..pos + ID_PLACEHOLDER.len()].copy_from_slice(hex.as_bytes());
        from = pos + ID_PLACEHOLDER.len();
    }
}

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(seed, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// A font resource name per face used, derived from the characters drawn with it, so
/// it is stable for the same content (it doubles as the six-letter subset tag).
fn font_ids(cmds: &[Cmd], fonts: &FontSet) -> Vec<(Face, FontId)> {
    let mut ids: Vec<(Face, FontId)> = Vec::new();
    for face in fonts.faces() {
        let chars: BTreeSet<char> = cmds
            .iter()
            .filter_map(|c| match c {
                Cmd::Text { face: f, text, .. } if *f == face => Some(text.chars()),
                _ => None,
            })
            .flatten()
            .collect();
        if chars.is_empty() {
            continue;
        }
        let seed = match face {
            Face::Regular => 0x5245_4755_4c41_5221,
            Face::Bold => 0x424f_4c44_424f_4c44,
            Face::Fallback(n) => 0x4641_4c4c_4241_4300 | u64::from(n),
        };
        let mut bytes = Vec::new();
        for c in &chars {
            bytes.extend_from_slice(&u32::from(*c).to_le_bytes());
        }
        let mut h = fnv1a(&bytes, seed);
        let mut tag = String::with_capacity(6);
        for _ in 0..6 {
            tag.push(char::from(b'A' + (h % 26) as u8));
            h /= 26;
        }
        let mut bump = 0u8;
        while ids.iter().any(|(_, id)| id.0 == tag) {
            tag.replace_range(5..6, &char::from(b'A' + bump % 26).to_string());
            bump += 1;
        }
        ids.push((face, FontId(tag)));
    }
    ids
}

fn color(c: Rgb) -> Color {
    Color::Rgb(PdfRgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

const WHITE: Rgb = (1.0, 1.0, 1.0);

fn point(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(r2(x)),
            y: Pt(r2(y)),
        },
        bezier,
    }
}

/// The closed outline of a mark centred on `(cx, cy)` (bottom-up `y`) with radius `r`:
/// a circle as four cubic curves, a square a little smaller than the circle so their
/// areas look alike, a triangle pointing up.
fn outline(shape: Shape, cx: f32, cy: f32, r: f32) -> Vec<LinePoint> {
    match shape {
        Shape::Circle => {
            // Control-point distance for a quarter circle.
            let k = r * 0.552_284_8;
            let mut pts = vec![point(cx + r, cy, false)];
            for (c1, c2, end) in [
                ((cx + r, cy + k), (cx + k, cy + r), (cx, cy + r)),
                ((cx - k, cy + r), (cx - r, cy + k), (cx - r, cy)),
                ((cx - r, cy - k), (cx - k, cy - r), (cx, cy - r)),
                ((cx + k, cy - r), (cx + r, cy - k), (cx + r, cy)),
            ] {
                pts.push(point(c1.0, c1.1, true));
                pts.push(point(c2.0, c2.1, true));
                pts.push(point(end.0, end.1, false));
            }
            pts
        }
        Shape::Square => {
            let h = r * 0.86;
            vec![
                point(cx - h, cy - h, false),
                point(cx + h, cy - h, false),
                point(cx + h, cy + h, false),
                point(cx - h, cy + h, false),
            ]
        }
        Shape::Triangle => {
            let base = cy - r * 0.8;
            vec![
                point(cx, cy + r, false),
                point(cx + r, base, false),
                point(cx - r, base, false),
            ]
        }
    }
}

/// Rounds a coordinate to 1/100 pt (keeps the content stream short).
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Converts commands to operations: fills as filled rectangles, text as one text
/// section per line of one text (runs that continue each other on a baseline; table
/// cells and bullets get their own section, so extractors see them as separate lines),
/// every run placed absolutely with its own text matrix.
fn to_ops(cmds: &[Cmd], geo: &Geometry, ids: &[(Face, FontId)]) -> Vec<Op> {
    let font_of = |face: Face| {
        ids.iter()
            .find(|(f, _)| *f == face)
            .map(|(_, id)| PdfFontHandle::External(id.clone()))
    };
    let mut ops = Vec::new();
    let mut fill: Option<Rgb> = None;
    let mut set_fill = |ops: &mut Vec<Op>, c: Rgb| {
        if fill != Some(c) {
            ops.push(Op::SetFillColor { col: color(c) });
            fill = Some(c);
        }
    };
    let mut outline_state: Option<(Rgb, f32)> = None;
    let mut set_outline = |ops: &mut Vec<Op>, c: Rgb, width: f32| {
        if outline_state.map(|o| o.0) != Some(c) {
            ops.push(Op::SetOutlineColor { col: color(c) });
        }
        if outline_state.map(|o| o.1) != Some(width) {
            ops.push(Op::SetOutlineThickness { pt: Pt(r2(width)) });
        }
        outline_state = Some((c, width));
    };
    let mut i = 0;
    while i < cmds.len() {
        match &cmds[i] {
            Cmd::Fill { x, y, w, h, color } => {
                set_fill(&mut ops, *color);
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(r2(*x)),
                        y: Pt(r2(geo.height - y - h)),
                        width: Pt(r2(*w)),
                        height: Pt(r2(*h)),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
                i += 1;
            }
            Cmd::Mark {
                shape,
                cx,
                cy,
                r,
                color,
            } => {
                set_fill(&mut ops, *color);
                set_outline(&mut ops, WHITE, 0.8);
                let (cx, cy, r) = (*cx, geo.height - cy, *r);
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: outline(*shape, cx, cy, r),
                        }],
                        mode: PaintMode::FillStroke,
                        winding_order: WindingOrder::NonZero,
                    },
                });
                i += 1;
            }
            Cmd::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                set_outline(&mut ops, *color, *width);
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            point(*x1, geo.height - y1, false),
                            point(*x2, geo.height - y2, false),
                        ],
                        is_closed: false,
                    },
                });
                i += 1;
            }
            Cmd::Text { y: baseline, x, .. } => {
                let baseline = *baseline;
                let mut pen = *x;
                ops.push(Op::StartTextSection);
                let mut font: Option<(Face, f32)> = None;
                while let Some(Cmd::Text {
                    x,
                    y,
                    face,
                    size,
                    color,
                    text,
                    width,
                }) = cmds.get(i)
                {
                    if *y != baseline || (*x - pen).abs() > 0.01 {
                        break;
                    }
                    pen = x + width;
                    i += 1;
                    let Some(handle) = font_of(*face) else {
                        continue;
                    };
                    if font != Some((*face, *size)) {
                        ops.push(Op::SetFont {
                            font: handle,
                            size: Pt(r2(*size)),
                        });
                        font = Some((*face, *size));
                    }
                    set_fill(&mut ops, *color);
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(r2(*x)), Pt(r2(geo.height - y))),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                }
                ops.push(Op::EndTextSection);
            }
        }
    }
    ops
}
