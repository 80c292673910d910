//! Page furniture: tables of contents, badge rows, "⬆ Back to top" links, comments. It is never
//! a question and never inside one; each kind is left out with one warning.

use super::markdown::{Leaf, LeafKind};
use super::plan::Role;
use super::shapes::is_contents;

/// Kinds of page furniture, each reported in one warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Furniture {
    /// A table of contents: its heading and its lines.
    Contents,
    /// Badge images.
    Badge,
    /// "⬆ Back to top" links.
    BackToTop,
    /// HTML comments.
    Comment,
    /// Paragraphs or items that are nothing but links, outside questions.
    Links,
}

impl Furniture {
    pub(crate) const ALL: [Furniture; 5] = [
        Furniture::Contents,
        Furniture::Badge,
        Furniture::BackToTop,
        Furniture::Comment,
        Furniture::Links,
    ];

    pub(crate) fn noun(self) -> &'static str {
        match self {
            Furniture::Contents => "table-of-contents line",
            Furniture::Badge => "badge line",
            Furniture::BackToTop => "“back to top” link",
            Furniture::Comment => "HTML comment",
            Furniture::Links => "link-only line",
        }
    }
}

/// Marks tables of contents, badges, back-to-top links and comments.
pub(crate) fn mark_furniture(leaves: &[Leaf], roles: &mut [Role]) {
    let mut in_contents = false;
    for (i, leaf) in leaves.iter().enumerate() {
        let furniture = match leaf.kind {
            LeafKind::Comment => Some(Furniture::Comment),
            LeafKind::BackToTop => Some(Furniture::BackToTop),
            LeafKind::Heading(_) => {
                // A contents heading only when lines of links to the page follow it.
                in_contents = is_contents(&leaf.text)
                    && leaves[i + 1..]
                        .iter()
                        .find(|next| !matches!(next.kind, LeafKind::Comment | LeafKind::TableHead))
                        .is_some_and(|next| next.links.only && next.links.anchors > 0);
                in_contents.then_some(Furniture::Contents)
            }
            // The header of a table of contents ("| No. | Questions |" over rows of links).
            LeafKind::TableHead => leaves
                .get(i + 1)
                .is_some_and(|row| row.list == leaf.list && row.links.only && row.links.anchors > 0)
                .then_some(Furniture::Contents),
            LeafKind::Paragraph | LeafKind::Summary if leaf.links.only => {
                if leaf.links.badges > 0 && leaf.links.anchors == 0 {
                    Some(Furniture::Badge)
                } else if in_contents || (leaf.links.anchors > 0 && leaf.links.external == 0) {
                    Some(Furniture::Contents)
                } else {
                    None
                }
            }
            _ => None,
        };
        if furniture.is_none() && leaf.item.is_none() && leaf.depth == 0 {
            in_contents &= !matches!(leaf.kind, LeafKind::Paragraph | LeafKind::Code);
        }
        if let Some(furniture) = furniture {
            roles[i] = Role::Furniture(furniture);
        }
    }
}
