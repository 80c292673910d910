//! Markdown → a flat list of text blocks ("leaves"), read with pulldown-cmark.
//!
//! The parser's events are walked once with explicit state instead of recursion, so a list
//! nested 100,000 levels deep costs a `Vec` entry per level, not a stack frame, and the work
//! stays linear in the size of the document.
//!
//! GFM tables are read too. Interviewers keep rubrics and key points in tables, so each body
//! row becomes a leaf that looks like the item of a bulleted list: its cells joined into the
//! line the part readers already understand (`1 – Weak: Blames the teammate.`, `Caching: TTLs`,
//! see [`CELL_SEPARATOR`]). The header row only names the columns and is left out.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Put between the cells of a table row; the last cell follows [`LAST_CELL_SEPARATOR`] instead.
/// "Score – Label: anchor" is the numbered form the rubric reader takes, and a two-cell row
/// "Name: text" is what the key point, follow-up and label readers take.
const CELL_SEPARATOR: &str = " – ";

/// Put before the last cell of a table row that has more than one.
const LAST_CELL_SEPARATOR: &str = ": ";

/// What a leaf was in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LeafKind {
    /// A heading of this level (1–6).
    Heading(u8),
    /// A paragraph, the text of a tight list item, or a table row.
    Paragraph,
    /// A code block or an HTML block.
    Code,
}

/// How a list item was marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemMark {
    /// `-`, `*` or `+`.
    Bullet,
    /// A number, counted from the list's start.
    Number(u64),
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

/// Reads `text` into leaves.
pub(crate) fn leaves(text: &str) -> Vec<Leaf> {
    let lines = LineIndex::new(text);
    let mut walker = Walker::default();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        walker.event(event, lines.line(range.start));
    }
    walker.flush();
    walker.leaves
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
    /// Where the emphasis that may be a lead starts, and whether it leads a line after a
    /// soft break (`true`) or the leaf itself.
    lead_from: Option<(usize, bool)>,
    lead: Option<String>,
    breaks: Vec<Break>,
    item: Option<(ItemMark, usize)>,
}

impl Open {
    fn new(line: usize, kind: LeafKind, item: Option<(ItemMark, usize)>) -> Self {
        Self {
            line,
            kind,
            text: String::new(),
            started: false,
            lead_from: None,
            lead: None,
            breaks: Vec::new(),
            item,
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
    /// Inside the header row, whose text is left out.
    head: bool,
    /// The cell being read: where its text starts in the row's leaf, and where the separator
    /// written before it starts (none before the row's first kept cell).
    cell: Option<(usize, Option<usize>)>,
    /// Where the separator before the row's last kept cell starts; it becomes
    /// [`LAST_CELL_SEPARATOR`] when the row ends.
    last_separator: Option<usize>,
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
    /// Open links and images: where their text starts and their target.
    links: Vec<(usize, String)>,
    /// The table being read; tables hold no blocks, so one cannot open inside another.
    table: Option<Table>,
}

impl Walker {
    fn event(&mut self, event: Event<'_>, line: usize) {
        if let Some(table) = self.table.as_mut()
            && table.head
        {
            // The header row names the columns; nothing in it is a leaf.
            table.head = !matches!(event, Event::End(TagEnd::TableHead));
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
            Event::Html(html) | Event::InlineHtml(html) => self.push(&html, line),
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
            Tag::CodeBlock(_) | Tag::HtmlBlock => self.begin(LeafKind::Code, line),
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
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough => {
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
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                let at = self.ensure_open(line).text.len();
                self.links.push((at, dest_url.into_string()));
            }
            Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) => self.flush(),
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Table {
                    list: self.lists_seen,
                    head: false,
                    cell: None,
                    last_separator: None,
                });
                self.lists_seen += 1;
                // Rows sit one level deeper, like the items of a list written here.
                self.depth += 1;
            }
            Tag::TableHead => {
                self.flush();
                if let Some(table) = self.table.as_mut() {
                    table.head = true;
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

    /// Writes the separator before a cell when an earlier cell of the row was kept.
    fn start_cell(&mut self, line: usize) {
        let open = self.ensure_open(line);
        let separator = (!open.text.is_empty()).then(|| {
            let at = open.text.len();
            open.text.push_str(CELL_SEPARATOR);
            at
        });
        let from = open.text.len();
        if let Some(table) = self.table.as_mut() {
            table.cell = Some((from, separator));
        }
    }

    /// Trims the cell just read, and drops it with its separator when it is empty.
    fn end_cell(&mut self) {
        let (Some(open), Some(table)) = (self.open.as_mut(), self.table.as_mut()) else {
            return;
        };
        let Some((from, separator)) = table.cell.take() else {
            return;
        };
        let Some(cell) = open.text.get(from..) else {
            return;
        };
        let kept = cell.trim_end().len();
        let leading = cell.len() - cell.trim_start().len();
        if cell.trim().is_empty() {
            let cut = separator.unwrap_or(from);
            // Always a boundary, as both offsets were the text's length; checked so that a
            // mistake here can never panic.
            if open.text.is_char_boundary(cut) {
                open.text.truncate(cut);
            }
            return;
        }
        // Both cuts are where `trim` stopped, so they fall on character boundaries.
        open.text.truncate(from + kept);
        open.text.replace_range(from..from + leading, "");
        if separator.is_some() {
            table.last_separator = separator;
        }
    }

    /// Ends a row: the separator before its last cell becomes [`LAST_CELL_SEPARATOR`].
    fn end_row(&mut self) {
        if let (Some(open), Some(table)) = (self.open.as_mut(), self.table.as_mut())
            && let Some(at) = table.last_separator.take()
        {
            let end = at + CELL_SEPARATOR.len();
            if open.text.get(at..end) == Some(CELL_SEPARATOR) {
                open.text.replace_range(at..end, LAST_CELL_SEPARATOR);
            }
        }
        self.flush();
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.flush();
            }
            TagEnd::Item => {
                self.flush();
                self.depth = self.depth.saturating_sub(1);
                self.pending_item = None;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                self.emphasis = self.emphasis.saturating_sub(1);
                if self.emphasis == 0
                    && let Some(open) = self.open.as_mut()
                    && let Some((from, after_break)) = open.lead_from.take()
                {
                    let lead = Some(open.text[from..].to_owned());
                    match open.breaks.last_mut() {
                        Some(line) if after_break => line.lead = lead,
                        _ => open.lead = lead,
                    }
                }
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some((from, target)) = self.links.pop()
                    && let Some(open) = self.open.as_mut()
                    && !target.is_empty()
                {
                    let shown = open.text.get(from..).unwrap_or("").trim();
                    // A bare link already shows its target; anything else keeps it after the
                    // text so the address is not lost.
                    if shown != target {
                        if shown.is_empty() {
                            open.text.push_str(&target);
                        } else {
                            open.text.push_str(&format!(" ({target})"));
                        }
                    }
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => self.flush(),
            TagEnd::TableCell => self.end_cell(),
            TagEnd::TableRow => self.end_row(),
            TagEnd::TableHead => self.flush(),
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
        let open = self.ensure_open(line);
        if !text.trim().is_empty() {
            open.started = true;
        }
        open.text.push_str(text);
    }

    fn flush(&mut self) {
        self.emphasis = 0;
        self.links.clear();
        let Some(open) = self.open.take() else {
            return;
        };
        let text = if open.kind == LeafKind::Code {
            open.text.trim_end().to_owned()
        } else {
            open.text.trim().to_owned()
        };
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
        if text.is_empty() {
            // Nothing to keep; an empty item goes with its mark.
            return;
        }
        let lead = open
            .lead
            .map(|lead| lead.trim().to_owned())
            .filter(|lead| !lead.is_empty());
        let (item, list) = match open.item {
            Some((mark, list)) => (Some(mark), list),
            None => (None, 0),
        };
        self.leaves.push(Leaf {
            line: open.line,
            kind: open.kind,
            text,
            lead,
            breaks,
            depth: self.depth,
            item,
            list,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line, kind, text, lead, depth and item mark of each leaf.
    type Summary = (
        usize,
        LeafKind,
        String,
        Option<String>,
        usize,
        Option<ItemMark>,
    );

    fn summary(text: &str) -> Vec<Summary> {
        leaves(text)
            .into_iter()
            .map(|l| (l.line, l.kind, l.text, l.lead, l.depth, l.item))
            .collect()
    }

    #[test]
    fn headings_paragraphs_and_items() {
        let text = "# Title\n\n**Purpose:** see\nhow they think.\n\n1. First\n   - nested `code`\n2. [Link](https://x.test)\n";
        assert_eq!(
            summary(text),
            vec![
                (1, LeafKind::Heading(1), "Title".into(), None, 0, None),
                (
                    3,
                    LeafKind::Paragraph,
                    "Purpose: see how they think.".into(),
                    Some("Purpose:".into()),
                    0,
                    None
                ),
                (
                    6,
                    LeafKind::Paragraph,
                    "First".into(),
                    None,
                    1,
                    Some(ItemMark::Number(1))
                ),
                (
                    7,
                    LeafKind::Paragraph,
                    "nested `code`".into(),
                    None,
                    2,
                    Some(ItemMark::Bullet)
                ),
                (
                    8,
                    LeafKind::Paragraph,
                    "Link (https://x.test)".into(),
                    None,
                    1,
                    Some(ItemMark::Number(2))
                ),
            ]
        );
    }

    #[test]
    fn lead_only_at_the_start() {
        let found = leaves("Some **bold** text\n\n- **1 Weak** — anchor\n");
        assert_eq!(found[0].lead, None);
        assert_eq!(found[1].lead.as_deref(), Some("1 Weak"));
        assert_eq!(found[1].text, "1 Weak — anchor");
    }

    #[test]
    fn hard_breaks_are_kept() {
        let found = leaves("one\\\ntwo\n");
        assert_eq!(found[0].text, "one\ntwo");
    }

    fn row(line: usize, text: &str, depth: usize) -> Summary {
        (
            line,
            LeafKind::Paragraph,
            text.into(),
            None,
            depth,
            Some(ItemMark::Bullet),
        )
    }

    #[test]
    fn table_rows_are_items_without_the_header() {
        let text = "### Rubric\n\
                    | Score | Level | What it looks like |\n\
                    |---|---|---|\n\
                    | 1 | Weak | Blames the teammate. |\n\
                    | 2 | Partial | Describes the conflict but not how it ended. |\n\
                    \n\
                    After the table.\n";
        assert_eq!(
            summary(text),
            vec![
                (1, LeafKind::Heading(3), "Rubric".into(), None, 0, None),
                row(4, "1 – Weak: Blames the teammate.", 1),
                row(
                    5,
                    "2 – Partial: Describes the conflict but not how it ended.",
                    1
                ),
                (
                    7,
                    LeafKind::Paragraph,
                    "After the table.".into(),
                    None,
                    0,
                    None
                ),
            ]
        );
    }

    #[test]
    fn cells_are_joined_and_empty_ones_dropped() {
        let text = "| a | b | c |\n|---|---|---|\n\
                    | one | | |\n\
                    | | two | three |\n\
                    | x | &nbsp; | y |\n\
                    | | | |\n\
                    |   four   |\n\
                    | Caching | TTLs |\n";
        assert_eq!(
            summary(text),
            vec![
                row(3, "one", 1),
                row(4, "two: three", 1),
                row(5, "x: y", 1),
                // The empty row (line 6) gives nothing; a short row is padded with empty cells.
                row(7, "four", 1),
                row(8, "Caching: TTLs", 1),
            ]
        );
    }

    #[test]
    fn inline_formatting_in_cells() {
        let text = "| a | b |\n|---|---|\n\
                    | **1 Weak** | `a \\| b` and [docs](https://x.test) |\n\
                    | plain \\| piped | *not* a lead |\n\
                    | | **late** bold |\n";
        let found = leaves(text);
        let texts: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|l| (l.text.as_str(), l.lead.as_deref()))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("1 Weak: `a | b` and docs (https://x.test)", Some("1 Weak")),
                ("plain | piped: not a lead", None),
                // The first kept cell leads the row, even after an empty one.
                ("late bold", Some("late")),
            ]
        );
    }

    #[test]
    fn a_table_with_only_a_header_gives_nothing() {
        assert_eq!(summary("| Score | Level |\n|---|---|\n"), vec![]);
        assert_eq!(
            summary("| **Score** | [Level](x) |\n|---|---|\n\nText\n"),
            vec![(4, LeafKind::Paragraph, "Text".into(), None, 0, None)]
        );
    }

    #[test]
    fn tables_after_labels_and_inside_lists() {
        // A table may follow a label line directly, and sit inside a list item.
        let text = "**Key points:**\n| Point | Why |\n|---|---|\n| Idempotency | reruns |\n\n\
                    - Notes\n\n  | a |\n  |---|\n  | inner |\n- next\n";
        let found = leaves(text);
        let summaries: Vec<Summary> = found
            .iter()
            .map(|l| {
                (
                    l.line,
                    l.kind,
                    l.text.clone(),
                    l.lead.clone(),
                    l.depth,
                    l.item,
                )
            })
            .collect();
        assert_eq!(
            summaries,
            vec![
                (
                    1,
                    LeafKind::Paragraph,
                    "Key points:".into(),
                    Some("Key points:".into()),
                    0,
                    None
                ),
                row(4, "Idempotency: reruns", 1),
                (
                    6,
                    LeafKind::Paragraph,
                    "Notes".into(),
                    None,
                    1,
                    Some(ItemMark::Bullet)
                ),
                row(10, "inner", 2),
                (
                    11,
                    LeafKind::Paragraph,
                    "next".into(),
                    None,
                    1,
                    Some(ItemMark::Bullet)
                ),
            ]
        );
        // Each table is a list of its own, apart from the list around it.
        assert_ne!(found[1].list, found[3].list);
        assert_ne!(found[3].list, found[2].list);
        assert_eq!(found[2].list, found[4].list);
    }
}
