//! The walker's side of HTML: tags that shape the document (`<summary>`, `</details>`, headings,
//! line breaks, images and links) act on the leaves; comments are collected to be left out.

use super::{Leaf, LeafKind, Links, Walker};
use crate::import::html::{self, HtmlTag, Piece};

impl Walker {
    /// Reads an HTML fragment: tags that shape the document act, text is pushed, comments are
    /// collected for the warning that leaves them out.
    pub(super) fn html(&mut self, fragment: &str, line: usize) {
        for piece in html::pieces(fragment, &mut self.in_comment) {
            match piece {
                Piece::Text(text) => {
                    let text = html::decode(text);
                    // Line ends inside an HTML block are layout, not text.
                    let text = text.replace(['\n', '\r'], " ");
                    if self.open.is_some() || !text.trim().is_empty() {
                        self.push(&text, line);
                    }
                }
                Piece::Tag(tag) => self.html_tag(&tag, line),
                Piece::CommentStart => self.comment = Some((line, String::new())),
                Piece::CommentText(text) => {
                    if let Some((_, comment)) = self.comment.as_mut() {
                        comment.push_str(text);
                    }
                }
                Piece::CommentEnd => self.end_comment(),
            }
        }
    }

    pub(super) fn end_comment(&mut self) {
        let Some((line, text)) = self.comment.take() else {
            return;
        };
        let text = text.trim();
        self.in_comment = false;
        self.leaves.push(Leaf {
            line,
            kind: LeafKind::Comment,
            text: if text.is_empty() { "<!-- -->" } else { text }.to_owned(),
            lead: None,
            breaks: Vec::new(),
            depth: self.depth,
            item: None,
            list: 0,
            links: Links::default(),
            cells: Vec::new(),
        });
    }

    fn html_tag(&mut self, tag: &HtmlTag, line: usize) {
        let heading = tag
            .name
            .strip_prefix('h')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=6).contains(n));
        match (tag.name.as_str(), tag.closing) {
            ("summary", false) => self.begin(LeafKind::Summary, line),
            ("summary", true) | ("p" | "div" | "li" | "tr" | "hr" | "ul" | "ol", _) => {
                self.flush();
            }
            ("details", false) => self.flush(),
            ("details", true) => {
                self.flush();
                self.leaves.push(Leaf {
                    line,
                    kind: LeafKind::DetailsEnd,
                    text: String::new(),
                    lead: None,
                    breaks: Vec::new(),
                    depth: self.depth,
                    item: None,
                    list: 0,
                    links: Links::default(),
                    cells: Vec::new(),
                });
            }
            ("br", _) if self.open.as_ref().is_some_and(|open| open.started) => {
                self.push("\n", line);
            }
            ("br", _) => {}
            ("code" | "kbd", _) => self.push("`", line),
            ("b" | "strong" | "em" | "i", false) => self.start_emphasis(line),
            ("b" | "strong" | "em" | "i", true) => self.end_emphasis(),
            ("img", _) => {
                let alt = tag.alt.clone().unwrap_or_default();
                self.ensure_open(line).links.images += 1;
                self.start_link(tag.src.clone().unwrap_or_default(), true, line);
                self.push(&alt, line);
                self.end_link();
            }
            ("a", false) => self.start_link(tag.href.clone().unwrap_or_default(), false, line),
            ("a", true) => self.end_link(),
            _ if heading.is_some() && !tag.closing => {
                self.begin(LeafKind::Heading(heading.unwrap_or(1)), line);
            }
            _ if heading.is_some() => self.flush(),
            _ => {}
        }
    }
}
