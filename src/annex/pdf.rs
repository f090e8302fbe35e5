//! Turns laid-out pages into a PDF with printpdf: the embedded fonts (subset on
//! save), text, rules, QR modules and the CONCEPT watermark.

use super::fonts::{Fonts, Measure, PT_PER_MM, Style};
use super::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page};
use printpdf::{
    Color, DictItem, ExternalStream, ExternalXObject, FontId, Greyscale, Line, LinePoint, Mm, Op,
    PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Px, Rect, TextItem,
    TextMatrix, XObjectTransform,
};

fn pt(mm: f32) -> Pt {
    Pt(mm * PT_PER_MM)
}

/// A point from layout coordinates (mm from the top left) in PDF space.
fn point(x: f32, y: f32) -> Point {
    Point {
        x: pt(x),
        y: pt(PAGE_HEIGHT - y),
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

/// The PDF bytes of `pages`.
pub fn write_pdf(pages: &[Page], fonts: &Fonts, title: &str) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    let regular = doc.add_font(&fonts.regular);
    let bold = doc.add_font(&fonts.bold);
    let pdf_pages = pages
        .iter()
        .map(|page| {
            let ops = page_ops(&mut doc, page, fonts, &regular, &bold);
            PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops)
        })
        .collect();
    // printpdf's own `optimize` compresses every stream at zlib's best level, which
    // took a quarter of the annex's time for a few per cent of size; we compress the
    // streams ourselves at zlib's fastest level instead.
    let options = PdfSaveOptions {
        subset_fonts: true,
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut lopdf = doc
        .with_pages(pdf_pages)
        .to_lopdf_document(&options, &mut Vec::new());
    for object in lopdf.objects.values_mut() {
        if let Ok(stream) = object.as_stream_mut()
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
            && let Some(compressed) = deflate(&stream.content)
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    let mut bytes = Vec::new();
    // Writing into a Vec fails only if memory runs out.
    let _ = lopdf.save_to(&mut bytes);
    bytes
}

/// `content` compressed with zlib at its fastest level, if that makes it smaller.
fn deflate(content: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(content.len() / 2),
        flate2::Compression::fast(),
    );
    encoder.write_all(content).ok()?;
    let compressed = encoder.finish().ok()?;
    (compressed.len() + 19 < content.len()).then_some(compressed)
}

/// A QR code as a one-bit greyscale image (DeviceGray, 0 is black), one pixel a
/// module, quiet zone included. An image (drawn without interpolation) keeps the
/// PDF small and fast to write, where a rectangle per run of modules made tens of
/// thousands of drawing operations; one bit a pixel, written by us, spares printpdf
/// compressing eight bits a pixel, which took a third of the annex's time.
fn qr_image(width: usize, modules: &[bool]) -> ExternalXObject {
    let side = width + 8;
    let row_bytes = side.div_ceil(8);
    let mut bits = vec![0xFFu8; row_bytes * side];
    for (i, dark) in modules.iter().enumerate() {
        if *dark {
            let (x, y) = (i % width + 4, i / width + 4);
            bits[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
        }
    }
    let px = |n: usize| DictItem::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let dict = [
        ("Type", DictItem::Name(b"XObject".to_vec())),
        ("Subtype", DictItem::Name(b"Image".to_vec())),
        ("Width", px(side)),
        ("Height", px(side)),
        ("BitsPerComponent", DictItem::Int(1)),
        ("ColorSpace", DictItem::Name(b"DeviceGray".to_vec())),
        ("Interpolate", DictItem::Bool(false)),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_string(), value))
    .collect();
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: bits,
            compress: true,
        },
        width: Some(Px(side)),
        height: Some(Px(side)),
        dpi: None,
    }
}

fn page_ops(
    doc: &mut PdfDocument,
    page: &Page,
    fonts: &Fonts,
    regular: &FontId,
    bold: &FontId,
) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 3 + 8);
    // The CONCEPT watermark first, so that what follows is drawn over it: a QR code
    // under a grey watermark no longer scans. Then shapes, then all text in one
    // text section.
    for item in &page.items {
        if let Item::Watermark(text) = item {
            ops.push(Op::StartTextSection);
            ops.extend(watermark_ops(text, fonts, regular, bold));
            ops.push(Op::EndTextSection);
        }
    }
    ops.push(Op::SetFillColor { col: grey(0.0) });
    for item in &page.items {
        match item {
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width_pt,
            } => {
                ops.push(Op::SetOutlineThickness { pt: Pt(*width_pt) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: point(*x1, *y1),
                                bezier: false,
                            },
                            LinePoint {
                                p: point(*x2, *y2),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Rect { x, y, w, h } => ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Fill),
                    ..Rect::from_xywh(pt(*x), pt(PAGE_HEIGHT - y - h), pt(*w), pt(*h))
                },
            }),
            Item::Qr {
                x,
                y,
                size,
                width,
                modules,
            } => {
                let id = doc.add_xobject(&qr_image(*width, modules));
                let inches = size / 25.4;
                ops.push(Op::UseXobject {
                    id,
                    transform: XObjectTransform {
                        translate_x: Some(pt(*x)),
                        translate_y: Some(pt(PAGE_HEIGHT - y - size)),
                        dpi: Some((width + 8) as f32 / inches),
                        ..XObjectTransform::default()
                    },
                });
            }
            Item::Text { .. } | Item::Watermark(_) => {}
        }
    }
    ops.push(Op::StartTextSection);
    let mut current: Option<(Style, f32, bool)> = None;
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                size,
                style,
                text,
                grey: is_grey,
            } => {
                if text.is_empty() {
                    continue;
                }
                if current.map(|(s, z, _)| (s, z)) != Some((*style, *size)) {
                    ops.push(set_font(*style, *size, regular, bold));
                }
                if current.map(|(_, _, g)| g) != Some(*is_grey) {
                    ops.push(Op::SetFillColor {
                        col: grey(if *is_grey { 0.35 } else { 0.0 }),
                    });
                }
                current = Some((*style, *size, *is_grey));
                let p = point(*x, *y);
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(p.x, p.y),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Item::Line { .. } | Item::Rect { .. } | Item::Qr { .. } | Item::Watermark(_) => {}
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

/// "CONCEPT" in light grey along the page's diagonal, centred (inside a text section).
fn watermark_ops(text: &str, fonts: &Fonts, regular: &FontId, bold: &FontId) -> Vec<Op> {
    let size = 110.0;
    let angle = (PAGE_HEIGHT / PAGE_WIDTH).atan();
    let width = fonts.width_mm(text, size, Style::Bold);
    let cap = size / PT_PER_MM * 0.36;
    let cx = PAGE_WIDTH / 2.0 - (width / 2.0) * angle.cos() + cap * angle.sin();
    let cy = PAGE_HEIGHT / 2.0 - (width / 2.0) * angle.sin() - cap * angle.cos();
    let (sin, cos) = angle.sin_cos();
    vec![
        set_font(Style::Bold, size, regular, bold),
        Op::SetFillColor { col: grey(0.88) },
        Op::SetTextMatrix {
            matrix: TextMatrix::Raw([cos, sin, -sin, cos, pt(cx).0, pt(cy).0]),
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        },
    ]
}

fn set_font(style: Style, size: f32, regular: &FontId, bold: &FontId) -> Op {
    let id = match style {
        Style::Regular => regular,
        Style::Bold => bold,
    };
    Op::SetFont {
        font: PdfFontHandle::External(id.clone()),
        size: Pt(size),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A draft's annex: the grey CONCEPT watermark must lie under the QR codes, or
    /// the codes it crosses no longer scan (found on a Tweede Kamer draft: 5 of 14).
    #[test]
    fn the_concept_watermark_is_drawn_before_the_qr_codes_so_it_never_covers_them() {
        let fonts = Fonts::get().expect("embedded fonts");
        let mut doc = PdfDocument::new("test");
        let regular = doc.add_font(&fonts.regular);
        let bold = doc.add_font(&fonts.bold);
        let page = Page {
            items: vec![
                Item::Watermark("CONCEPT".to_string()),
                Item::Qr {
                    x: 20.0,
                    y: 40.0,
                    size: 50.0,
                    width: 21,
                    modules: vec![true; 21 * 21],
                },
            ],
        };
        let ops = page_ops(&mut doc, &page, fonts, &regular, &bold);
        let watermark = ops
            .iter()
            .position(|op| matches!(op, Op::ShowText { items } if items.iter().any(|i| matches!(i, TextItem::Text(t) if t == "CONCEPT"))))
            .expect("the watermark is drawn");
        let qr = ops
            .iter()
            .position(|op| matches!(op, Op::UseXobject { .. }))
            .expect("the QR code is drawn");
        assert!(
            watermark < qr,
            "watermark at op {watermark}, QR code at op {qr}"
        );
    }
}
