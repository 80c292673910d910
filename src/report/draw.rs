//! From a [`Layout`] to PDF bytes with printpdf: font subsetting, page operations, metadata.
//!
//! printpdf embeds a font program as it is given, so each font is cut down to the glyphs the
//! document uses (with allsorts, which printpdf already depends on) before it is handed over.
//! That keeps a typical export at tens of kilobytes instead of megabytes, without printpdf's
//! `text_layout` feature and the layout engine it would pull in.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use printpdf::{
    Color, Date, DateTime, LinePoint, Offset, Op, ParsedFont, PdfDocument, PdfFont, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, Time,
};
use sha2::{Digest, Sha256};

use super::draw_text::{self, Remaps, TextState};
use super::fonts::{Face, FontError, Fonts};
use super::layout::{Layout, Rule, Shape};
use super::style::Colour;

/// Why the PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// printpdf reported a problem that would leave the file broken.
    #[error("{}", .0.msg)]
    Printpdf(printpdf::PdfWarnMsg),
    /// The finished document could not be serialised.
    #[error("{0}")]
    Save(#[source] std::io::Error),
}

/// What the PDF says about itself in its document information.
pub struct Metadata<'m> {
    /// Document title.
    pub title: &'m str,
    /// Author: the interviewer.
    pub author: &'m str,
    /// Subject line.
    pub subject: &'m str,
    /// Creation date.
    pub created: Timestamp,
}

/// Renders `layout` into a PDF file.
pub fn render(
    layout: &Layout,
    fonts: &Fonts<'_>,
    meta: &Metadata<'_>,
) -> Result<Vec<u8>, super::ReportError> {
    let mut document = PdfDocument::new(meta.title);
    let (maps, planned) = draw_text::plan(layout, fonts);
    let remaps = embed_fonts(&mut document, layout, fonts, &maps)?;

    let pages = layout
        .pages
        .iter()
        .zip(&planned)
        .map(|(page, planned_lines)| {
            let mut ops = Vec::new();
            // Shapes never cover text in this design, so all of a page's shapes go first and
            // its text follows in one text object.
            for item in &page.items {
                match item {
                    super::layout::Item::Shape(shape) => shape_ops(shape, layout.height, &mut ops),
                    super::layout::Item::Rule(rule) => rule_ops(rule, layout.height, &mut ops),
                    super::layout::Item::Text(_) => {}
                }
            }
            ops.push(Op::StartTextSection);
            let mut state = TextState::default();
            for (line, runs) in page.lines().zip(planned_lines) {
                draw_text::line_ops(
                    line,
                    runs,
                    layout.height,
                    &remaps,
                    fonts,
                    &mut state,
                    &mut ops,
                );
            }
            ops.push(Op::EndTextSection);
            for line in page.lines() {
                for link in &line.links {
                    ops.push(link_op(link, line, layout.height));
                }
            }
            let mut pdf_page = PdfPage::new(printpdf::Mm(0.0), printpdf::Mm(0.0), ops);
            let bounds = printpdf::Rect::from_wh(Pt(layout.width), Pt(layout.height));
            pdf_page.media_box = bounds.clone();
            pdf_page.trim_box = bounds.clone();
            pdf_page.crop_box = bounds;
            pdf_page
        })
        .collect();
    document.with_pages(pages);

    let info = &mut document.metadata.info;
    info.document_title = meta.title.to_owned();
    info.author = meta.author.to_owned();
    info.subject = meta.subject.to_owned();
    info.creator = "Onsite".to_owned();
    info.producer = "Onsite (printpdf)".to_owned();
    let created = pdf_date(meta.created);
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = document.to_lopdf_document(&options, &mut warnings);
    // printpdf reports problems such as an unembeddable font as messages rather than errors;
    // a PDF written past one would be broken, so it becomes an error here.
    if let Some(problem) = warnings
        .into_iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Printpdf(problem).into());
    }
    // printpdf writes a random file identifier; one derived from the content makes the same
    // evaluation export to the same bytes, which keeps exports reproducible and diffable.
    let id = identifier(layout, meta);
    pdf.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::string_literal(id.clone()),
            lopdf::Object::string_literal(id),
        ]),
    );
    compress(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(PdfError::Save)?;
    Ok(bytes)
}

/// A link annotation over the part of `line` that shows a web address.
fn link_op(link: &super::layout::Link, line: &super::layout::TextLine, page_height: f32) -> Op {
    let rect = printpdf::Rect {
        x: Pt(link.x),
        y: Pt(page_height - line.top - line.height),
        width: Pt(link.width),
        height: Pt(line.height),
        mode: None,
        winding_order: None,
    };
    Op::LinkAnnotation {
        link: printpdf::LinkAnnotation::new(
            rect,
            printpdf::Actions::Uri(link.target.clone()),
            // No border: the address is already set in the link colour.
            Some(printpdf::BorderArray::Solid([0.0, 0.0, 0.0])),
            Some(printpdf::ColorArray::Transparent),
            None,
        ),
    }
}

fn embed_fonts(
    document: &mut PdfDocument,
    layout: &Layout,
    fonts: &Fonts<'_>,
    maps: &draw_text::TextMaps,
) -> Result<Remaps, FontError> {
    let mut used: BTreeMap<usize, BTreeSet<u16>> = BTreeMap::new();
    for page in &layout.pages {
        for line in page.lines() {
            for run in &line.runs {
                used.entry(run.slot)
                    .or_default()
                    .extend(run.glyphs.iter().map(|glyph| glyph.gid));
            }
        }
    }
    let copies: BTreeMap<usize, usize> = maps.copies().collect();
    let mut remaps = Remaps::new();
    for (slot, glyphs) in used {
        let face = fonts.face(slot);
        // The subset keeps glyphs in the order asked for, so a glyph's new id is its position;
        // .notdef must come first.
        let ids: Vec<u16> = std::iter::once(0)
            .chain(glyphs.into_iter().filter(|&gid| gid != 0))
            .collect();
        let program = subset(face, &ids)?;
        let mut warnings = Vec::new();
        let mut parsed =
            ParsedFont::from_bytes(&program, 0, &mut warnings).ok_or_else(|| FontError::Embed {
                name: face.postscript_name.clone(),
            })?;
        parsed.font_name = Some(format!("{}+{}", subset_tag(&ids), face.postscript_name));
        for copy in 0..copies.get(&slot).copied().unwrap_or(1).max(1) {
            document
                .resources
                .fonts
                .map
                .insert(draw_text::font_id(slot, copy), PdfFont::new(parsed.clone()));
        }
        let remap = ids
            .iter()
            .enumerate()
            .filter_map(|(new, &old)| u16::try_from(new).ok().map(|new| (old, new)))
            .collect();
        remaps.insert(slot, remap);
    }
    Ok(remaps)
}

fn subset(face: &Face<'_>, ids: &[u16]) -> Result<Vec<u8>, FontError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};

    let name = || face.postscript_name.clone();
    let data = ReadScope::new(face.data)
        .read::<FontData<'_>>()
        .map_err(|source| FontError::Read {
            name: name(),
            source: source.into(),
        })?;
    let provider = data
        .table_provider(face.index as usize)
        .map_err(|source| FontError::Read {
            name: name(),
            source,
        })?;
    allsorts::subset::subset(&provider, ids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(
        |source| FontError::Subset {
            name: name(),
            source,
        },
    )
}

/// The six capital letters that mark a subset font's name (PDF 32000-1, 9.6.4), derived from
/// the glyph set so that the same document always gets the same name.
fn subset_tag(ids: &[u16]) -> String {
    let mut hasher = Sha256::new();
    for id in ids {
        hasher.update(id.to_be_bytes());
    }
    let digest = hasher.finalize();
    let mut value = u64::from_be_bytes(digest[..8].try_into().unwrap_or_default());
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (value % 26) as u8);
            value /= 26;
            letter
        })
        .collect()
}

fn rgb(colour: Colour) -> Color {
    Color::Rgb(Rgb {
        r: colour.r,
        g: colour.g,
        b: colour.b,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32, page_height: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(page_height - y),
    }
}

fn shape_ops(shape: &Shape, page_height: f32, ops: &mut Vec<Op>) {
    use printpdf::{PaintMode, WindingOrder};
    let mode = match (shape.fill, shape.stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    if let Some(fill) = shape.fill {
        ops.push(Op::SetFillColor { col: rgb(fill) });
    }
    if let Some((colour, thickness)) = shape.stroke {
        ops.push(Op::SetOutlineColor { col: rgb(colour) });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
    }
    let (x0, y0) = (shape.x, shape.top);
    let (x1, y1) = (shape.x + shape.width, shape.top + shape.height);
    let r = shape
        .radius
        .min(shape.width / 2.0)
        .min(shape.height / 2.0)
        .max(0.0);
    // Control points at this fraction of the radius make a cubic Bézier follow a quarter circle.
    let k = 0.552_284_8 * r;
    let corner = |x: f32, y: f32| LinePoint {
        p: point(x, y, page_height),
        bezier: false,
    };
    let control = |x: f32, y: f32| LinePoint {
        p: point(x, y, page_height),
        bezier: true,
    };
    let points = if r <= 0.0 {
        vec![
            corner(x0, y0),
            corner(x1, y0),
            corner(x1, y1),
            corner(x0, y1),
        ]
    } else {
        vec![
            corner(x0 + r, y0),
            corner(x1 - r, y0),
            control(x1 - r + k, y0),
            control(x1, y0 + r - k),
            corner(x1, y0 + r),
            corner(x1, y1 - r),
            control(x1, y1 - r + k),
            control(x1 - r + k, y1),
            corner(x1 - r, y1),
            corner(x0 + r, y1),
            control(x0 + r - k, y1),
            control(x0, y1 - r + k),
            corner(x0, y1 - r),
            corner(x0, y0 + r),
            control(x0, y0 + r - k),
            control(x0 + r - k, y0),
            corner(x0 + r, y0),
        ]
    };
    ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points }],
            mode,
            winding_order: WindingOrder::NonZero,
        },
    });
}

fn rule_ops(rule: &Rule, page_height: f32, ops: &mut Vec<Op>) {
    ops.push(Op::SetOutlineColor {
        col: rgb(rule.colour),
    });
    ops.push(Op::SetOutlineThickness {
        pt: Pt(rule.thickness),
    });
    ops.push(Op::DrawLine {
        line: printpdf::Line {
            points: vec![
                LinePoint {
                    p: point(rule.from.0, rule.from.1, page_height),
                    bezier: false,
                },
                LinePoint {
                    p: point(rule.to.0, rule.to.1, page_height),
                    bezier: false,
                },
            ],
            is_closed: false,
        },
    });
}

fn pdf_date(at: Timestamp) -> DateTime {
    let utc = at.to_zoned(jiff::tz::TimeZone::UTC);
    let narrow = |value: i8| u8::try_from(value).unwrap_or(0);
    DateTime::new_in_offset(
        Date {
            year: i32::from(utc.year()),
            month: narrow(utc.month()),
            day: narrow(utc.day()),
        },
        Time {
            hour: narrow(utc.hour()),
            minute: narrow(utc.minute()),
            second: narrow(utc.second()),
            millisecond: 0,
        },
        Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// A file identifier from the document's text, title, author, date and page count, with
/// SHA-256 (a hash whose output never changes between releases of anything).
fn identifier(layout: &Layout, meta: &Metadata<'_>) -> String {
    let mut hasher = Sha256::new();
    for part in [layout.text().as_str(), meta.title, meta.author] {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    hasher.update(meta.created.as_second().to_be_bytes());
    hasher.update((layout.pages.len() as u64).to_be_bytes());
    let digest = hasher.finalize();
    digest[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Deflates every stream not compressed yet, as `lopdf::Document::compress` does but at a
/// fast level rather than the best: the best level took a third of an export's time for files
/// 5–12 % smaller (see docs/benchmarks.md, "PDF export, again").
fn compress(pdf: &mut lopdf::Document) {
    use std::io::Write;
    for object in pdf.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(stream.content.len() / 2),
            flate2::Compression::new(COMPRESSION_LEVEL),
        );
        // Writing into memory cannot fail; a stream that somehow does stays uncompressed.
        let Ok(compressed) = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
        else {
            continue;
        };
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// zlib's level for the PDF's streams (0–9): 3 halves the compression time of 9 for files a
/// few percent larger.
const COMPRESSION_LEVEL: u32 = 3;
