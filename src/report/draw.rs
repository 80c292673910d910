//! From a [`Layout`] to PDF bytes with printpdf: font subsetting, page operations, metadata.
//!
//! printpdf embeds a font program as it is given, so each font is cut down to the glyphs the
//! document uses (with allsorts, which printpdf already depends on) before it is handed over.
//! That keeps a typical export at tens of kilobytes instead of megabytes, without printpdf's
//! `text_layout` feature and the layout engine it would pull in.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use jiff::Timestamp;
use printpdf::{
    Color, Date, DateTime, FontId, LinePoint, Offset, Op, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem,
    TextMatrix, Time,
};

use super::ReportError;
use super::fonts::{Face, Fonts, Slot};
use super::layout::{Item, Layout, Rule, Shape, TextLine};
use super::style::Colour;

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
) -> Result<Vec<u8>, ReportError> {
    let mut document = PdfDocument::new(meta.title);
    let remaps = embed_fonts(&mut document, layout, fonts)?;

    let pages = layout
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::new();
            // Shapes never cover text in this design, so all of a page's shapes go first and
            // its text follows in one text object.
            for item in &page.items {
                match item {
                    Item::Shape(shape) => shape_ops(shape, layout.height, &mut ops),
                    Item::Rule(rule) => rule_ops(rule, layout.height, &mut ops),
                    Item::Text(_) => {}
                }
            }
            ops.push(Op::StartTextSection);
            let mut state = TextState::default();
            for line in page.lines() {
                text_ops(line, layout.height, &remaps, &mut state, &mut ops);
            }
            ops.push(Op::EndTextSection);
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
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(ReportError::Pdf(problem.msg.clone()));
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
    pdf.compress();
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|error| ReportError::Pdf(error.to_string()))?;
    Ok(bytes)
}

/// Old-to-new glyph ids of each embedded font.
type Remaps = BTreeMap<Slot, HashMap<u16, u16>>;

fn embed_fonts(
    document: &mut PdfDocument,
    layout: &Layout,
    fonts: &Fonts<'_>,
) -> Result<Remaps, ReportError> {
    let mut used: BTreeMap<Slot, BTreeSet<u16>> = BTreeMap::new();
    for page in &layout.pages {
        for line in page.lines() {
            for run in &line.runs {
                used.entry(run.slot)
                    .or_default()
                    .extend(run.glyphs.iter().map(|&(gid, _)| gid));
            }
        }
    }
    let mut remaps = Remaps::new();
    for (slot, glyphs) in used {
        let face = fonts
            .faces()
            .get(slot)
            .ok_or_else(|| ReportError::Font(format!("no font in slot {slot}")))?;
        // The subset keeps glyphs in the order asked for, so a glyph's new id is its position;
        // .notdef must come first.
        let ids: Vec<u16> = std::iter::once(0)
            .chain(glyphs.into_iter().filter(|&gid| gid != 0))
            .collect();
        let program = subset(face, &ids)?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&program, 0, &mut warnings).ok_or_else(|| {
            ReportError::Font(format!(
                "cannot read the subset of {}",
                face.postscript_name
            ))
        })?;
        parsed.font_name = Some(format!("{}+{}", subset_tag(&ids), face.postscript_name));
        document
            .resources
            .fonts
            .map
            .insert(font_id(slot), PdfFont::new(parsed));
        let remap = ids
            .iter()
            .enumerate()
            .filter_map(|(new, &old)| u16::try_from(new).ok().map(|new| (old, new)))
            .collect();
        remaps.insert(slot, remap);
    }
    Ok(remaps)
}

fn subset(face: &Face<'_>, ids: &[u16]) -> Result<Vec<u8>, ReportError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};

    let error = |message: String| ReportError::Font(format!("{}: {message}", face.postscript_name));
    let data = ReadScope::new(face.data)
        .read::<FontData<'_>>()
        .map_err(|e| error(e.to_string()))?;
    let provider = data
        .table_provider(face.index as usize)
        .map_err(|e| error(e.to_string()))?;
    allsorts::subset::subset(&provider, ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| error(e.to_string()))
}

/// The six capital letters that mark a subset font's name (PDF 32000-1, 9.6.4), derived from
/// the glyph set so that the same document always gets the same name.
fn subset_tag(ids: &[u16]) -> String {
    let mut hasher = DefaultHasher::new();
    ids.hash(&mut hasher);
    let mut value = hasher.finish();
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (value % 26) as u8);
            value /= 26;
            letter
        })
        .collect()
}

fn font_id(slot: Slot) -> FontId {
    FontId(format!("F{slot}"))
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

/// Font and colour last set in the text object, to avoid repeating them.
#[derive(Default)]
struct TextState {
    font: Option<(Slot, u32)>,
    colour: Option<[u32; 3]>,
}

fn text_ops(
    line: &TextLine,
    page_height: f32,
    remaps: &Remaps,
    state: &mut TextState,
    ops: &mut Vec<Op>,
) {
    for run in &line.runs {
        let size_key = (run.slot, line.size.to_bits());
        if state.font != Some(size_key) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(run.slot)),
                size: Pt(line.size),
            });
            state.font = Some(size_key);
        }
        let colour_key = [run.colour.r, run.colour.g, run.colour.b].map(f32::to_bits);
        if state.colour != Some(colour_key) {
            ops.push(Op::SetFillColor {
                col: rgb(run.colour),
            });
            state.colour = Some(colour_key);
        }
        let remap = remaps.get(&run.slot);
        let glyphs = run
            .glyphs
            .iter()
            .map(|&(gid, ch)| printpdf::Codepoint {
                gid: remap.and_then(|m| m.get(&gid)).copied().unwrap_or(0),
                offset: 0.0,
                // What copy and paste gives back; the missing-glyph box has no meaning of its
                // own, so it is mapped to the replacement character.
                cid: Some(if gid == 0 { '\u{FFFD}' } else { ch }.to_string()),
            })
            .collect();
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(run.x), Pt(page_height - line.baseline)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
    }
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

fn identifier(layout: &Layout, meta: &Metadata<'_>) -> String {
    let mut hasher = DefaultHasher::new();
    layout.text().hash(&mut hasher);
    meta.title.hash(&mut hasher);
    meta.author.hash(&mut hasher);
    meta.created.as_second().hash(&mut hasher);
    let first = hasher.finish();
    layout.pages.len().hash(&mut hasher);
    format!("{first:016x}{:016x}", hasher.finish())
}
