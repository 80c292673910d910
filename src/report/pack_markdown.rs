//! A question pack as readable Markdown, for sharing, reviewing in a pull request or pasting
//! into a wiki. `import::from_markdown` reads it back into the same pack.
//!
//! The layout is the importer's heading style: `# title`, the description, the pack's fields as
//! a bold-labelled list, then per question `## N. prompt`, its fields as a list and one `###`
//! section per part. Text is escaped so that nothing typed into a pack (an asterisk, a line
//! starting with "1." or "#") turns into Markdown structure, and single line breaks are written
//! as hard breaks so they survive the trip. Text that Markdown cannot carry exactly as
//! paragraphs (indented code, blank lines in a row, leading or trailing spaces, tabs) is
//! written as a fenced block with the info string `verbatim`, which the importer takes as it is.

use std::fmt::{self, Write};

use crate::domain::{Level, Question, QuestionField, QuestionPack, Rubric};

/// The info string of a block written exactly (the importer's `markdown::VERBATIM`).
const VERBATIM: &str = "verbatim";

/// Renders `pack` as CommonMark that `crate::import::from_markdown` turns back into the same
/// pack, field for field.
pub fn pack_to_markdown(pack: &QuestionPack) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the result is ignored on purpose.
    let _ = write_pack(&mut out, pack);
    out
}

fn write_pack(out: &mut String, pack: &QuestionPack) -> fmt::Result {
    writeln!(out, "# {}", heading(&one_line(&pack.title)))?;
    if !pack.description.is_empty() {
        writeln!(out, "\n{}", text_block(&pack.description, ""))?;
    }
    writeln!(out)?;
    writeln!(out, "- **Id:** {}", inline(&pack.id))?;
    if !is_simple_line(&pack.title) || one_line(&pack.title) != pack.title {
        write_value(out, "Title", &pack.title)?;
    }
    if !pack.author.is_empty() {
        write_value(out, "Author", &pack.author)?;
    }
    write_tags(out, &pack.tags)?;
    if let Some(rubric) = &pack.default_rubric {
        writeln!(out, "\n**Default rubric:**\n")?;
        write_rubric(out, rubric)?;
    }
    for (index, question) in pack.questions.iter().enumerate() {
        write_question(out, index + 1, question)?;
    }
    Ok(())
}

fn write_question(out: &mut String, number: usize, question: &Question) -> fmt::Result {
    let prompt = question.prompt.as_str();
    // A heading holds one plain line; any other prompt goes in a section of its own.
    let in_heading = is_heading_text(prompt);
    if in_heading {
        writeln!(out, "\n## {number}. {}\n", heading(prompt))?;
    } else {
        writeln!(out, "\n## {number}.\n")?;
    }
    writeln!(out, "- **Id:** {}", inline(&question.id))?;
    if !question.competency.is_empty() {
        write_value(out, QuestionField::Competency.label(), &question.competency)?;
    }
    if question.level != Level::Any {
        writeln!(out, "- **Level:** {}", question.level.label())?;
    }
    writeln!(out, "- **Minutes:** {}", question.minutes)?;
    if question.weight != 1.0 {
        writeln!(out, "- **Weight:** {}", question.weight)?;
    }
    write_tags(out, &question.tags)?;
    if !in_heading && !prompt.is_empty() {
        write_section(out, QuestionField::Prompt, prompt)?;
    }
    write_section(out, QuestionField::Purpose, &question.purpose)?;
    write_list(out, QuestionField::KeyPoints, &question.key_points)?;
    if let Some(rubric) = &question.rubric {
        writeln!(out, "\n### {}\n", QuestionField::Rubric.label())?;
        write_rubric(out, rubric)?;
    }
    write_section(out, QuestionField::Guidance, &question.guidance)?;
    write_list(out, QuestionField::FollowUps, &question.follow_ups)?;
    write_list(out, QuestionField::RedFlags, &question.red_flags)?;
    Ok(())
}

/// A text field under a `###` heading named by its label, when it has text.
fn write_section(out: &mut String, field: QuestionField, text: &str) -> fmt::Result {
    if text.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### {}\n\n{}", field.label(), text_block(text, ""))
}

/// `- **Label:** value` for a one-line value, else the label with the value written exactly
/// under it.
fn write_value(out: &mut String, label: &str, value: &str) -> fmt::Result {
    // The reader joins a value's words with single spaces, so any other spacing is written
    // exactly.
    if is_simple_line(value) && one_line(value) == value {
        writeln!(out, "- **{label}:** {}", inline(value))
    } else {
        writeln!(out, "- **{label}:**\n\n  {}\n", verbatim(value, "  "))
    }
}

/// Tags on one line, or one per item when a tag holds a comma or semicolon (which would split
/// it on the way back).
fn write_tags(out: &mut String, tags: &[String]) -> fmt::Result {
    if tags.is_empty() {
        return Ok(());
    }
    if tags
        .iter()
        .any(|tag| tag.contains([',', ';']) || !is_simple_line(tag))
    {
        writeln!(out, "- **Tags:**")?;
        for tag in tags {
            // A tag over several lines is written exactly: the reader splits tags at line ends.
            if is_simple_line(tag) {
                writeln!(out, "  - {}", item_text(tag, "    "))?;
            } else {
                writeln!(out, "  - {}", verbatim(tag, "    "))?;
            }
        }
        return Ok(());
    }
    let joined: Vec<String> = tags.iter().map(|tag| inline(tag)).collect();
    writeln!(out, "- **Tags:** {}", joined.join(", "))
}

fn write_list(out: &mut String, field: QuestionField, items: &[String]) -> fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### {}\n", field.label())?;
    for item in items {
        writeln!(out, "- {}", item_text(item, "  "))?;
    }
    Ok(())
}

/// The rubric as `**score label** — anchor` items, the form the importer takes exactly.
fn write_rubric(out: &mut String, rubric: &Rubric) -> fmt::Result {
    for level in &rubric.levels {
        let label = if is_simple_line(&level.label) {
            inline(&level.label)
        } else {
            inline(&one_line(&level.label))
        };
        if level.anchor.is_empty() {
            writeln!(out, "- **{} {label}**", level.score)?;
        } else if is_simple_line(&level.anchor) {
            writeln!(
                out,
                "- **{} {label}** — {}",
                level.score,
                paragraphs(&level.anchor, "  ")
            )?;
        } else {
            writeln!(
                out,
                "- **{} {label}** —\n\n  {}\n",
                level.score,
                verbatim(&level.anchor, "  ")
            )?;
        }
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for a heading: one line, with `#` escaped so a trailing one is not a closing sequence.
fn heading(text: &str) -> String {
    inline(text).replace('#', "\\#")
}

/// Whether Markdown paragraphs carry `text` exactly: no blank or padded lines, no tabs or
/// carriage returns, no runs of blank lines, nothing before or after.
fn is_simple(text: &str) -> bool {
    !text.is_empty()
        && !text.contains(['\t', '\r'])
        && !text.contains("\n\n\n")
        && text.lines().all(|line| line == line.trim())
        && !text.starts_with('\n')
        && !text.ends_with('\n')
        && text.lines().next().is_some_and(|line| !line.is_empty())
}

/// Whether `text` is one simple line.
fn is_simple_line(text: &str) -> bool {
    is_simple(text) && !text.contains('\n')
}

/// Whether a prompt can be the text of its question's heading and read back unchanged: one
/// simple line that starts with a letter, digit or ASCII sign (the importer drops emoji and
/// other decoration before a question) and does not end with emphasis marks.
fn is_heading_text(text: &str) -> bool {
    is_simple_line(text)
        && text
            .chars()
            .next()
            .is_some_and(|c| (c.is_alphanumeric() || c.is_ascii_punctuation()) && c != ':')
        && !text.ends_with(['*', '_'])
}

/// A text field: paragraphs when they carry it exactly, else a verbatim block.
fn text_block(text: &str, indent: &str) -> String {
    if is_simple(text) {
        paragraphs(text, indent)
    } else {
        verbatim(text, indent)
    }
}

/// The text of a list item: paragraphs, or a verbatim block inside the item.
fn item_text(text: &str, indent: &str) -> String {
    if is_simple(text) {
        paragraphs(text, indent)
    } else {
        verbatim(text, indent)
    }
}

/// `text` in a fenced block with the info string `verbatim`, its fence longer than any run of
/// backticks in it; `indent` starts every line after the first (inside a list item).
fn verbatim(text: &str, indent: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let mut out = format!("{fence}{VERBATIM}");
    for line in text.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(indent);
        }
        out.push_str(line);
    }
    out.push('\n');
    out.push_str(indent);
    out.push_str(&fence);
    out
}

/// Free text as Markdown paragraphs: blank lines separate paragraphs, single line breaks become
/// hard breaks, and every line is escaped. `indent` starts each continuation line (inside a list
/// item).
fn paragraphs(text: &str, indent: &str) -> String {
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line_start(&inline(line)));
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
        .iter()
        .map(|lines| lines.join(&format!("\\\n{indent}")))
        .collect::<Vec<_>>()
        .join(&format!("\n\n{indent}"))
}

/// Escapes what would turn text into emphasis, code, links, HTML or entities.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' => true,
            '&' => looks_like_reference(&text[at + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the text after an `&` would make it a character reference ("amp;", "#33;"), which
/// Markdown would turn into the character.
fn looks_like_reference(after: &str) -> bool {
    let name = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && after[name..].starts_with(';')
}

/// Keeps an escaped line from starting a heading, list, quote, code fence or setext underline.
fn line_start(line: &str) -> String {
    if line.starts_with(['#', '>', '-', '+', '=', '~', '|']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            inline("a_b *c* [d] <e> R&D &amp;"),
            "a\\_b \\*c\\* \\[d\\] \\<e> R&D \\&amp;"
        );
        assert_eq!(line_start("- not a list"), "\\- not a list");
        assert_eq!(line_start("12. not a list"), "12\\. not a list");
        assert_eq!(heading("Use C#"), "Use C\\#");
    }

    #[test]
    fn exact_blocks_for_text_paragraphs_cannot_carry() {
        assert!(is_simple("one\ntwo\n\nthree"));
        for awkward in [
            "  indented",
            "a\n\n\nb",
            "tab\there",
            "end ",
            "\nstart",
            "a\r\nb",
        ] {
            assert!(!is_simple(awkward), "{awkward:?}");
        }
        assert_eq!(
            verbatim("fn x() {\n    ``` \n\n}", "  "),
            "````verbatim\n  fn x() {\n      ``` \n\n  }\n  ````"
        );
        assert!(!is_heading_text("🔥 hot"));
        assert!(is_heading_text("`a` or b?"));
    }

    #[test]
    fn paragraphs_keep_breaks() {
        assert_eq!(
            paragraphs("one\ntwo\n\n\n# three", "  "),
            "one\\\n  two\n\n  \\# three"
        );
    }

    #[test]
    fn a_question_reads_well() {
        let mut pack = QuestionPack::new("team", "Team questions");
        let mut question = Question::new("cache", "How would you cache this?", 12);
        question.key_points = vec!["Invalidation".into()];
        question.rubric = Some(Rubric::standard());
        question.level = Level::Senior;
        pack.questions.push(question);
        let text = pack_to_markdown(&pack);
        assert!(
            text.starts_with("# Team questions\n\n- **Id:** team\n"),
            "{text}"
        );
        assert!(text.contains("\n## 1. How would you cache this?\n\n- **Id:** cache\n- **Level:** Senior\n- **Minutes:** 12\n"), "{text}");
        assert!(
            text.contains("\n### Key points\n\n- Invalidation\n"),
            "{text}"
        );
        assert!(
            text.contains("\n### Rubric\n\n- **1 Weak** — Misses"),
            "{text}"
        );
    }
}
