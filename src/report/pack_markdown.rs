//! A question pack as readable Markdown, for sharing, reviewing in a pull request or pasting
//! into a wiki. `import::from_markdown` reads it back into the same pack.
//!
//! The layout is the importer's heading style: `# title`, the description, the pack's fields as
//! a bold-labelled list, then per question `## N. prompt`, its fields as a list and one `###`
//! section per part. Text is escaped so that nothing typed into a pack (an asterisk, a line
//! starting with "1." or "#") turns into Markdown structure, and single line breaks are written
//! as hard breaks so they survive the trip.

use std::fmt::{self, Write};

use crate::domain::{Level, Question, QuestionPack, Rubric};

/// Renders `pack` as CommonMark that `crate::import::from_markdown` turns back into the same
/// pack (text is compared after trimming each line).
pub fn pack_to_markdown(pack: &QuestionPack) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the result is ignored on purpose.
    let _ = write_pack(&mut out, pack);
    out
}

fn write_pack(out: &mut String, pack: &QuestionPack) -> fmt::Result {
    writeln!(out, "# {}", heading(&pack.title))?;
    if !pack.description.trim().is_empty() {
        writeln!(out, "\n{}", paragraphs(&pack.description, ""))?;
    }
    writeln!(out)?;
    writeln!(out, "- **Id:** {}", inline(&pack.id))?;
    if !pack.author.trim().is_empty() {
        writeln!(out, "- **Author:** {}", inline(&one_line(&pack.author)))?;
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
    let prompt = question.prompt.trim();
    // A heading holds one line; a longer prompt goes in a "Question" section of its own.
    let in_heading = !prompt.is_empty() && !prompt.contains('\n');
    if in_heading {
        writeln!(out, "\n## {number}. {}\n", heading(prompt))?;
    } else {
        writeln!(out, "\n## {number}.\n")?;
    }
    writeln!(out, "- **Id:** {}", inline(&question.id))?;
    if !question.competency.trim().is_empty() {
        writeln!(
            out,
            "- **Competency:** {}",
            inline(&one_line(&question.competency))
        )?;
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
        writeln!(out, "\n### Question\n\n{}", paragraphs(prompt, ""))?;
    }
    if !question.purpose.trim().is_empty() {
        writeln!(
            out,
            "\n### Why we ask\n\n{}",
            paragraphs(&question.purpose, "")
        )?;
    }
    write_list(out, "Key points", &question.key_points)?;
    if let Some(rubric) = &question.rubric {
        writeln!(out, "\n### Rubric\n")?;
        write_rubric(out, rubric)?;
    }
    if !question.guidance.trim().is_empty() {
        writeln!(
            out,
            "\n### Guidance\n\n{}",
            paragraphs(&question.guidance, "")
        )?;
    }
    write_list(out, "Follow-ups", &question.follow_ups)?;
    write_list(out, "Red flags", &question.red_flags)?;
    Ok(())
}

/// Tags on one line, or one per item when a tag holds a comma or semicolon (which would split
/// it on the way back).
fn write_tags(out: &mut String, tags: &[String]) -> fmt::Result {
    if tags.is_empty() {
        return Ok(());
    }
    if tags.iter().any(|tag| tag.contains([',', ';', '\n'])) {
        writeln!(out, "- **Tags:**")?;
        for tag in tags {
            writeln!(out, "  - {}", inline(&one_line(tag)))?;
        }
        return Ok(());
    }
    let joined: Vec<String> = tags.iter().map(|tag| inline(tag.trim())).collect();
    writeln!(out, "- **Tags:** {}", joined.join(", "))
}

fn write_list(out: &mut String, title: &str, items: &[String]) -> fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### {title}\n")?;
    for item in items {
        writeln!(out, "- {}", paragraphs(item, "  "))?;
    }
    Ok(())
}

/// The rubric as `**score label** — anchor` items, the form the importer takes exactly.
fn write_rubric(out: &mut String, rubric: &Rubric) -> fmt::Result {
    for level in &rubric.levels {
        let label = inline(&one_line(&level.label));
        if level.anchor.trim().is_empty() {
            writeln!(out, "- **{} {label}**", level.score)?;
        } else {
            writeln!(
                out,
                "- **{} {label}** — {}",
                level.score,
                paragraphs(&level.anchor, "  ")
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
    inline(&one_line(text)).replace('#', "\\#")
}

/// Free text as Markdown paragraphs: blank lines separate paragraphs, single line breaks become
/// hard breaks, and every line is escaped. `indent` starts each continuation line (inside a list
/// item).
fn paragraphs(text: &str, indent: &str) -> String {
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim) {
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
