//! Markdown → a flat list of text blocks ("leaves"), read with pulldown-cmark.
//!
//! The parser's events are walked once with explicit state instead of recursion, so a list
//! nested 100,000 levels deep costs a `Vec` entry per level, not a stack frame, and the work
//! stays linear in the size of the document.
//!
//! Besides paragraphs, headings and code, the walker sees what real question banks carry:
//! front matter (`---` YAML or `+++` TOML) is kept apart for the pack; HTML fragments are read
//! with [`super::html`], so `<summary>` gives a leaf of its own, `</details>` a marker, a
//! comment a leaf to leave out, and `<img>`/`<a>` text like Markdown images and links. Links
//! are counted, so page furniture (badge rows, "⬆ Back to top", tables of contents) can be told
//! apart later; a link to an anchor on the page keeps only its text.
//!
//! GFM tables are read too. Interviewers keep rubrics and key points in tables, so each body
//! row becomes a leaf that looks like the item of a bulleted list: its cells joined into the
//! line the part readers already understand (`1 – Weak: Blames the teammate.`, `Caching: TTLs`,
//! see [`CELL_SEPARATOR`]). The header row becomes a [`LeafKind::TableHead`] leaf: it names the
//! columns, so the outline can tell a table of questions (`| # | Question | Answer |`) from a
//! table of points, and reports it when it leaves it out. Every row keeps its cells apart too.

use pulldown_cmark::{CodeBlockKind, Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

mod cells;
mod html_events;
#[cfg(test)]
mod tests;

use super::labels::normalise;

/// Put between the cells of a table row; the last cell follows [`LAST_CELL_SEPARATOR`] instead.
/// "Score – Label: anchor" is the numbered form the rubric reader takes, and a two-cell row
/// "Name: text" is what the key point, follow-up and label readers take.
const CELL_SEPARATOR: &str = " – ";

/// Put before the last cell of a table row that has more than one.
const LAST_CELL_SEPARATOR: &str = ": ";

/// The info string of a code block whose text is a field written exactly (see
/// `report::pack_markdown`): its content is taken as it is, without a fence around it.
pub(crate) const VERBATIM: &str = "verbatim";

/// What a leaf was in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LeafKind {
    /// A heading of this level (1–6), in Markdown or HTML.
    Heading(u8),
    /// A paragraph, the text of a tight list item, or a table row.
    Paragraph,
    /// A code block, kept as a fenced block (fence, info string, code, fence).
    Code,
    /// A `verbatim` code block: its content exactly.
    Verbatim,
    /// The text of a `<summary>`.
    Summary,
    /// `</details>`: the end of a collapsed block.
    DetailsEnd,
    /// An HTML comment; its text is only for the warning that leaves it out.
    Comment,
    /// A block that was nothing but "back to top" links; its text is only for the warning.
    BackToTop,
    /// The header row of a table: the names of its columns, in `cells`; its `list` is the
    /// table's, like its rows'.
    TableHead,
}

/// How a list item was marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemMark {
    /// `-`, `*` or `+`.
    Bullet,
    /// A number, counted from the list's start.
    Number(u64),
}

/// The links and images in a leaf.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Links {
    /// Whether every letter is inside a link or an image (and there is one).
    pub only: bool,
    /// Links to an anchor on the same page (`#…`).
    pub anchors: usize,
    /// Links to anything else.
    pub external: usize,
    /// Images.
    pub images: usize,
    /// "Back to top" links taken out of the text.
    pub back_to_top: usize,
    /// Images that are badges: linked images, or addresses of badge services.
    pub badges: usize,
    /// Link targets of a heading or summary, kept apart so the question reads cleanly.
    pub targets: Vec<String>,
}

/// One block of text with where it sits in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Leaf {
    /// 1-based line where it starts.
    pub line: usize,
    /// What it was.
    pub kind: LeafKind,
    /// Its text: soft breaks as spaces, hard breaks as line breaks, inline code in backticks,
    /// link targets in brackets after the link text; a table row's cells joined by
    /// [`CELL_SEPARATOR`] and, before the last, [`LAST_CELL_SEPARATOR`].
    pub text: String,
    /// Bold or emphasised text the leaf starts with.
    pub lead: Option<String>,
    /// Where soft line breaks start new lines in `text`, so a paragraph written as several
    /// "**Label:** value" lines can be split again.
    pub breaks: Vec<Break>,
    /// Number of list items it is inside (a table counts as one more list).
    pub depth: usize,
    /// Set on the first leaf of a list item, and on every table row (as a bullet).
    pub item: Option<ItemMark>,
    /// Which list it is an item of (counted from 0 in document order); only meaningful with
    /// `item`.
    pub list: usize,
    /// Its links and images.
    pub links: Links,
    /// The cells of a table row or header, trimmed (empty cells kept, so columns line up);
    /// empty for every other leaf.
    pub cells: Vec<String>,
}

/// The start of a line inside a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Break {
    /// Byte offset in the leaf's text where the line starts.
    pub at: usize,
    /// 1-based line in the document.
    pub line: usize,
    /// Bold or emphasised text the line starts with.
    pub lead: Option<String>,
}

/// A front matter block at the top of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// Line of its opening fence.
    pub line: usize,
    /// `+++` TOML rather than `---` YAML.
    pub toml: bool,
    /// Its text, without the fences.
    pub text: String,
}

/// A document read into leaves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Document {
    /// The leaves in document order.
    pub leaves: Vec<Leaf>,
    /// The front matter, if the document starts with one.
    pub front_matter: Option<FrontMatter>,
}

/// Reads `text` into leaves.
pub(crate) fn read(text: &str) -> Document {
    let lines = LineIndex::new(text);
    let mut walker = Walker::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        walker.event(event, lines.line(range.start));
    }
    walker.flush();
    walker.end_comment();
    Document {
        leaves: walker.leaves,
        front_matter: walker.front_matter,
    }
}

/// The leaves of `text` (for tests of the walker alone).
#[cfg(test)]
pub(crate) fn leaves(text: &str) -> Vec<Leaf> {
    read(text).leaves
}

/// Byte offset → line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        Self { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

/// A leaf being read.
struct Open {
    line: usize,
    kind: LeafKind,
    text: String,
    /// Whether anything but blanks has been read, so a later bold phrase is not a lead.
    started: bool,
    /// Whether visible text has been read outside every link and image.
    outside: bool,
    /// Where the emphasis that may be a lead starts, and whether it leads a line after a
    /// soft break (`true`) or the leaf itself.
    lead_from: Option<(usize, bool)>,
    lead: Option<String>,
    breaks: Vec<Break>,
    item: Option<(ItemMark, usize)>,
    links: Links,
    cells: Vec<String>,
}

impl Open {
    fn new(line: usize, kind: LeafKind, item: Option<(ItemMark, usize)>) -> Self {
        Self {
            line,
            kind,
            text: String::new(),
            started: false,
            outside: false,
            lead_from: None,
            lead: None,
            breaks: Vec::new(),
            item,
            links: Links::default(),
            cells: Vec::new(),
        }
    }
}

/// A list being read: its id and the number of its next item, if numbered.
struct List {
    id: usize,
    next: Option<u64>,
}

/// A table being read. Its rows are the items of a list of their own.
struct Table {
    /// The id of that list.
    list: usize,
    /// The cell being read: where its text starts in the row's leaf, and where the separator
    /// written before it starts (none before the row's first kept cell).
    cell: Option<(usize, Option<usize>)>,
    /// Where the separator before the row's last kept cell starts; it becomes
    /// [`LAST_CELL_SEPARATOR`] when the row ends.
    last_separator: Option<usize>,
}

/// A code block being read: its info string (none for an indented block) and its text.
struct Code {
    line: usize,
    info: Option<String>,
    text: String,
}

#[derive(Default)]
struct Walker {
    leaves: Vec<Leaf>,
    open: Option<Open>,
    lists: Vec<List>,
    lists_seen: usize,
    depth: usize,
    /// The mark of an item whose first leaf has not started yet.
    pending_item: Option<(ItemMark, usize)>,
    /// Open emphasis and strong spans; the lead ends when the outermost closes.
    emphasis: usize,
    /// Open links and images: where their text starts, their target and whether it is an
    /// image.
    links: Vec<(usize, String, bool)>,
    /// The table being read; tables hold no blocks, so one cannot open inside another.
    table: Option<Table>,
    code: Option<Code>,
    front_matter: Option<FrontMatter>,
    /// The front matter block being read.
    metadata: Option<FrontMatter>,
    /// An HTML comment being read: its line and text.
    comment: Option<(usize, String)>,
    in_comment: bool,
}

impl Walker {
    fn event(&mut self, event: Event<'_>, line: usize) {
        if let Some(metadata) = self.metadata.as_mut() {
            match event {
                Event::Text(text) => metadata.text.push_str(&text),
                Event::End(TagEnd::MetadataBlock(_)) => self.front_matter = self.metadata.take(),
                _ => {}
            }
            return;
        }
        if let Some(code) = self.code.as_mut() {
            match event {
                Event::Text(text) => code.text.push_str(&text),
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.push(&text, line),
            Event::Code(code) => {
                self.push("`", line);
                self.push(&code, line);
                self.push("`", line);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, line),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.push(&math, line),
            Event::FootnoteReference(name) => self.push(&format!("[^{name}]"), line),
            Event::SoftBreak => {
                self.push(" ", line);
                if let Some(open) = self.open.as_mut() {
                    open.breaks.push(Break {
                        at: open.text.len(),
                        line: line + 1,
                        lead: None,
                    });
                }
            }
            Event::HardBreak => self.push("\n", line),
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }, line),
            Event::Rule => self.flush(),
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Paragraph => self.begin(LeafKind::Paragraph, line),
            Tag::Heading { level, .. } => self.begin(LeafKind::Heading(level as u8), line),
            Tag::CodeBlock(kind) => {
                self.flush();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => Some(info.into_string()),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some(Code {
                    line,
                    info,
                    text: String::new(),
                });
            }
            Tag::HtmlBlock => self.flush(),
            Tag::MetadataBlock(kind) => {
                self.metadata = Some(FrontMatter {
                    line,
                    toml: kind == MetadataBlockKind::PlusesStyle,
                    text: String::new(),
                });
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(List {
                    id: self.lists_seen,
                    next: start,
                });
                self.lists_seen += 1;
            }
            Tag::Item => {
                self.flush();
                self.depth += 1;
                let list = self.lists.last_mut();
                let id = list.as_ref().map_or(0, |list| list.id);
                let mark = match list.and_then(|list| list.next.as_mut()) {
                    Some(next) => {
                        let number = *next;
                        *next = next.saturating_add(1);
                        ItemMark::Number(number)
                    }
                    None => ItemMark::Bullet,
                };
                self.pending_item = Some((mark, id));
            }
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough => self.start_emphasis(line),
            Tag::Link { dest_url, .. } => self.start_link(dest_url.into_string(), false, line),
            Tag::Image { dest_url, .. } => {
                self.ensure_open(line).links.images += 1;
                self.start_link(dest_url.into_string(), true, line);
            }
            Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) => self.flush(),
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Table {
                    list: self.lists_seen,
                    cell: None,
                    last_separator: None,
                });
                self.lists_seen += 1;
                // Rows sit one level deeper, like the items of a list written here.
                self.depth += 1;
            }
            Tag::TableHead => {
                let list = self.table.as_ref().map_or(0, |table| table.list);
                self.begin(LeafKind::TableHead, line);
                if let Some(open) = self.open.as_mut() {
                    open.item = Some((ItemMark::Bullet, list));
                }
            }
            Tag::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    table.last_separator = None;
                    self.pending_item = Some((ItemMark::Bullet, table.list));
                }
                // Opened here, not at the first cell, so the leaf has the row's line even when
                // its first cells are empty.
                self.begin(LeafKind::Paragraph, line);
            }
            Tag::TableCell => self.start_cell(line),
            _ => {}
        }
    }

    fn start_emphasis(&mut self, line: usize) {
        let outermost = self.emphasis == 0;
        let open = self.ensure_open(line);
        let at = open.text.len();
        if outermost && !open.started && open.lead.is_none() {
            open.lead_from = Some((at, false));
        } else if outermost && open.breaks.last().is_some_and(|b| b.at == at) {
            open.lead_from = Some((at, true));
        }
        self.emphasis += 1;
    }

    fn end_emphasis(&mut self) {
        self.emphasis = self.emphasis.saturating_sub(1);
        if self.emphasis == 0
            && let Some(open) = self.open.as_mut()
            && let Some((from, after_break)) = open.lead_from.take()
        {
            let lead = Some(open.text.get(from..).unwrap_or("").to_owned());
            match open.breaks.last_mut() {
                Some(line) if after_break => line.lead = lead,
                _ => open.lead = lead,
            }
        }
    }

    fn start_link(&mut self, target: String, image: bool, line: usize) {
        let at = self.ensure_open(line).text.len();
        self.links.push((at, target, image));
    }

    /// Ends a link or image: an anchor on the page keeps its text (or loses it, when it only
    /// says "back to top"); any other target is kept after the text, or apart for a heading.
    fn end_link(&mut self) {
        let Some((from, target, image)) = self.links.pop() else {
            return;
        };
        if image
            && (self.links.iter().any(|link| !link.1.is_empty()) || is_badge(&target))
            && let Some(open) = self.open.as_mut()
        {
            open.links.badges += 1;
        }
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let shown = open.text.get(from..).unwrap_or("").trim().to_owned();
        if target.starts_with('#') {
            open.links.anchors += 1;
            if is_back_to_top(&shown) && open.text.is_char_boundary(from) {
                open.text.truncate(from);
                open.links.back_to_top += 1;
            }
            return;
        }
        if target.is_empty() {
            return;
        }
        open.links.external += 1;
        // A bare link already shows its target; anything else keeps it so the address is not
        // lost.
        if shown == target {
            return;
        }
        if matches!(open.kind, LeafKind::Heading(_) | LeafKind::Summary) {
            open.links.targets.push(target);
        } else if shown.is_empty() {
            open.text.push_str(&target);
        } else {
            open.text.push_str(&format!(" ({target})"));
        }
    }

    fn end_code(&mut self) {
        let Some(code) = self.code.take() else {
            return;
        };
        let body = code.text.strip_suffix('\n').unwrap_or(&code.text);
        let (kind, text) = match code.info.as_deref() {
            Some(info) if info.trim() == VERBATIM => (LeafKind::Verbatim, body.to_owned()),
            info => (LeafKind::Code, fenced(info.unwrap_or("").trim(), body)),
        };
        if text.trim().is_empty() && kind == LeafKind::Code {
            return;
        }
        let (item, list) = split_item(self.pending_item.take());
        self.leaves.push(Leaf {
            line: code.line,
            kind,
            text,
            lead: None,
            breaks: Vec::new(),
            depth: self.depth,
            item,
            list,
            links: Links::default(),
            cells: Vec::new(),
        });
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::HtmlBlock => self.flush(),
            TagEnd::Item => {
                self.flush();
                self.depth = self.depth.saturating_sub(1);
                self.pending_item = None;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.end_emphasis(),
            TagEnd::Link | TagEnd::Image => self.end_link(),
            TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => self.flush(),
            TagEnd::TableCell => self.end_cell(),
            TagEnd::TableRow => self.end_row(),
            TagEnd::TableHead => self.end_row(),
            TagEnd::Table => {
                self.flush();
                self.table = None;
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn begin(&mut self, kind: LeafKind, line: usize) {
        self.flush();
        self.open = Some(Open::new(line, kind, self.pending_item.take()));
    }

    /// The open leaf; text directly inside a tight list item opens one.
    fn ensure_open(&mut self, line: usize) -> &mut Open {
        if self.open.is_none() {
            self.begin(LeafKind::Paragraph, line);
        }
        self.open
            .get_or_insert_with(|| Open::new(line, LeafKind::Paragraph, None))
    }

    fn push(&mut self, text: &str, line: usize) {
        // `<a name=…>` anchors have no target; their text is ordinary text.
        let inside_link = self.links.iter().any(|(_, target, _)| !target.is_empty());
        let open = self.ensure_open(line);
        if !text.trim().is_empty() {
            open.started = true;
        }
        // Digits and punctuation around links ("1 – [Q](#q)", "·") still leave a line of links.
        if !inside_link && text.chars().any(char::is_alphabetic) {
            open.outside = true;
        }
        open.text.push_str(text);
    }

    fn flush(&mut self) {
        self.emphasis = 0;
        self.links.clear();
        let Some(open) = self.open.take() else {
            return;
        };
        let text = open.text.trim().to_owned();
        let trimmed = open.text.len() - open.text.trim_start().len();
        let breaks = open
            .breaks
            .into_iter()
            .filter_map(|line| {
                let at = line.at.checked_sub(trimmed)?;
                (at > 0 && at < text.len() && text.is_char_boundary(at))
                    .then_some(Break { at, ..line })
            })
            .collect();
        let mut links = open.links;
        links.only = !open.outside && links.anchors + links.external + links.images > 0;
        let (kind, text) = if text.is_empty() && links.back_to_top > 0 {
            (LeafKind::BackToTop, "back to top".to_owned())
        } else {
            (open.kind, text)
        };
        if text.is_empty() {
            // Nothing to keep; an empty item goes with its mark.
            return;
        }
        let lead = open
            .lead
            .map(|lead| lead.trim().to_owned())
            .filter(|lead| !lead.is_empty());
        let (item, list) = split_item(open.item);
        self.leaves.push(Leaf {
            line: open.line,
            kind,
            text,
            lead,
            breaks,
            depth: self.depth,
            item,
            list,
            links,
            cells: open.cells,
        });
    }
}

fn split_item(item: Option<(ItemMark, usize)>) -> (Option<ItemMark>, usize) {
    match item {
        Some((mark, list)) => (Some(mark), list),
        None => (None, 0),
    }
}

/// Code as a fenced block, with a fence longer than any run of backticks in it.
pub(crate) fn fenced(info: &str, code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{info}\n{code}\n{fence}")
}

/// Whether an image address is a badge service's ("shields.io", ".../badge.svg").
fn is_badge(target: &str) -> bool {
    const SIGNS: [&str; 8] = [
        "shields.io",
        "badge",
        "badgen",
        "travis-ci",
        "codecov",
        "circleci",
        "/workflows/",
        "coveralls",
    ];
    let target = target.to_ascii_lowercase();
    SIGNS.iter().any(|sign| target.contains(sign))
}

/// Whether a link's text only says "back to top" (or is an arrow with no words).
fn is_back_to_top(shown: &str) -> bool {
    const WORDS: [&str; 14] = [
        "",
        "top",
        "back",
        "up",
        "toc",
        "back to top",
        "to top",
        "go to top",
        "return to top",
        "scroll to top",
        "back to toc",
        "back to contents",
        "back to table of contents",
        "top of page",
    ];
    WORDS.contains(&normalise(shown).as_str())
}
