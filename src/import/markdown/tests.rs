//! Tests of the Markdown walker.

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

/// A table's header row: its cells joined like a row's, kept apart as a `TableHead`.
fn head(line: usize, text: &str, depth: usize) -> Summary {
    (
        line,
        LeafKind::TableHead,
        text.into(),
        None,
        depth,
        Some(ItemMark::Bullet),
    )
}

#[test]
fn table_rows_are_items_and_the_header_a_leaf_of_its_own() {
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
            head(2, "Score – Level: What it looks like", 1),
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
            head(1, "a – b: c", 1),
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
            ("a: b", None),
            ("1 Weak: `a | b` and docs (https://x.test)", Some("1 Weak")),
            ("plain | piped: not a lead", None),
            // The first kept cell leads the row, even after an empty one.
            ("late bold", Some("late")),
        ]
    );
}

#[test]
fn a_table_with_only_a_header_gives_the_header() {
    assert_eq!(
        summary("| Score | Level |\n|---|---|\n"),
        vec![head(1, "Score: Level", 1)]
    );
    let found = leaves("| **Score** | [Level](x) |\n|---|---|\n\nText\n");
    assert_eq!(found[0].cells, ["Score", "Level (x)"]);
    assert_eq!(
        (found[1].line, found[1].kind, found[1].text.as_str()),
        (4, LeafKind::Paragraph, "Text")
    );
}

#[test]
fn cells_are_kept_apart_empty_ones_too() {
    let found = leaves("| # | Question | Answer |\n|---|---|---|\n| 1 | What is `x`? | |\n");
    assert_eq!(found[0].cells, ["#", "Question", "Answer"]);
    assert_eq!(found[1].cells, ["1", "What is `x`?", ""]);
    assert_eq!(found[0].list, found[1].list);
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
            head(2, "Point: Why", 1),
            row(4, "Idempotency: reruns", 1),
            (
                6,
                LeafKind::Paragraph,
                "Notes".into(),
                None,
                1,
                Some(ItemMark::Bullet)
            ),
            head(8, "a", 2),
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
    assert_ne!(found[2].list, found[5].list);
    assert_ne!(found[5].list, found[3].list);
    assert_eq!(found[3].list, found[6].list);
}

#[test]
fn front_matter_html_and_furniture() {
    let text = "---\ntitle: Quiz\n---\n\n<!-- note -->\n\n\
                    [![badge](https://b.test/x.svg)](https://ci.test)\n\n\
                    <details><summary><b>What is a closure?</b></summary>\n\n\
                    A function with its scope.\n\n</details>\n\n\
                    [⬆ Back to top](#table-of-contents)\n\n\
                    ```js\nlet a = 1;\n  indented();\n```\n";
    let document = read(text);
    let front = document.front_matter.unwrap();
    assert_eq!(
        (front.line, front.toml, front.text.trim()),
        (1, false, "title: Quiz")
    );
    let kinds: Vec<(LeafKind, &str)> = document
        .leaves
        .iter()
        .map(|l| (l.kind, l.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (LeafKind::Comment, "note"),
            (
                LeafKind::Paragraph,
                "badge (https://b.test/x.svg) (https://ci.test)"
            ),
            (LeafKind::Summary, "What is a closure?"),
            (LeafKind::Paragraph, "A function with its scope."),
            (LeafKind::DetailsEnd, ""),
            (LeafKind::BackToTop, "back to top"),
            (LeafKind::Code, "```js\nlet a = 1;\n  indented();\n```"),
        ]
    );
    let badge = &document.leaves[1].links;
    assert!(badge.only && badge.images == 1 && badge.external == 2);
    assert_eq!(
        document.leaves[2].lead.as_deref(),
        Some("What is a closure?")
    );
}

#[test]
fn headings_inside_items_and_anchor_links() {
    let text = "1. ### What is hoisting\n\n   Moving declarations up.\n\n\
                    #### [[⬆]](#toc) <a name='basics'>Basics:</a>\n\n\
                    ## [Closures](https://x.test/closures)\n";
    let found = leaves(text);
    assert_eq!(found[0].kind, LeafKind::Heading(3));
    assert_eq!(found[0].item, Some(ItemMark::Number(1)));
    assert_eq!(found[1].depth, 1);
    assert_eq!(found[2].text, "Basics:");
    assert_eq!(found[2].links.back_to_top, 1);
    assert!(!found[2].links.only);
    assert_eq!(found[3].text, "Closures");
    assert_eq!(found[3].links.targets, ["https://x.test/closures"]);
}
