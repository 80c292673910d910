//! Markdown → a flat list of text blocks ("leaves"), read with pulldown-cmark.
//!
//! The parser's events are walked once with explicit state instead of recursion, so a list
//! nested 100,000 levels deep costs a `Vec` entry per level, not a stack frame, and the work
//! stays linear in the size of the document.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a leaf was in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LeafKind {
    /// A heading of this level (1–6).
    Heading(u8),
    /// A paragraph, or the text of a tight list item.
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
    /// link targets in brackets after the link text.
    pub text: String,
    /// Bold or emphasised text the leaf starts with.
    pub lead: Option<String>,
    /// Where soft line breaks start new lines in `text`, so a paragraph written as several
    /// "**Label:** value" lines can be split again.
    pub breaks: Vec<Break>,
    /// Number of list items it is inside.
    pub depth: usize,
    /// Set on the first leaf of a list item.
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
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
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
}

impl Walker {
    fn event(&mut self, event: Event<'_>, line: usize) {
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
            _ => {}
        }
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
}
