//! The report as Markdown: the same content as the PDF, for pasting into a wiki or an email.

use std::fmt::Write;

use super::content::{self, Report};
use super::format;

/// Renders `report` as CommonMark.
pub fn render(report: &Report) -> String {
    render_section(report, content::TITLE, 0)
}

/// Renders `report` as a section of a longer document: titled `title`, every heading `depth`
/// levels deeper than in a document of its own.
pub fn render_section(report: &Report, title: &str, depth: usize) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write_report(&mut out, report, title, depth);
    out
}

fn write_report(out: &mut String, report: &Report, title: &str, depth: usize) -> std::fmt::Result {
    let h1 = "#".repeat(depth + 1);
    let h2 = "#".repeat(depth + 2);
    let h3 = "#".repeat(depth + 3);
    writeln!(out, "{h1} {}", inline(title))?;
    if !report.plan_title.is_empty() {
        writeln!(out, "\n{}", inline(&report.plan_title))?;
    }
    writeln!(out)?;
    for field in report.header.iter().flatten() {
        writeln!(out, "- **{}:** {}", field.label, inline(&field.value))?;
    }
    writeln!(out, "- **Seal:** {}", inline(&report.seal))?;
    if let Some(mark) = report.title_mark {
        writeln!(out, "\n**{}**", mark.label())?;
    }

    writeln!(out, "\n{h2} Recommendation\n")?;
    let score = report
        .score
        .map_or_else(|| "not scored".to_owned(), format::score);
    writeln!(
        out,
        "**{}** · overall score **{score}** · {}",
        content::recommendation_label(report.recommendation),
        content::counts_line(&report.completeness)
    )?;

    writeln!(out, "\n{h2} Interviewer’s summary\n")?;
    block(out, &report.summary, "No summary written.")?;

    writeln!(out, "\n{h2} Competencies\n")?;
    if report.competencies.is_empty() {
        writeln!(out, "No questions in this evaluation.")?;
    } else {
        writeln!(out, "| Competency | Average |\n|---|---|")?;
        for competency in &report.competencies {
            let value = competency
                .average
                .map_or_else(|| "not rated".to_owned(), format::score);
            writeln!(out, "| {} | {value} |", cell(&competency.competency))?;
        }
    }

    writeln!(out, "\n{h2} Question overview\n")?;
    if report.overview.is_empty() {
        writeln!(out, "No questions in this evaluation.")?;
    } else {
        writeln!(
            out,
            "| # | Question | Competency | Outcome | Time / budget |\n|---:|---|---|---|---:|"
        )?;
        for row in &report.overview {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                row.number,
                cell(&row.prompt),
                cell(&row.competency),
                cell(&row.outcome),
                row.time
            )?;
        }
    }

    if !report.questions.is_empty() {
        writeln!(out, "\n{h2} Questions in detail")?;
    }
    let total = report.questions.len();
    for question in &report.questions {
        writeln!(
            out,
            "\n{h3} Question {} of {total} · {}\n",
            question.number,
            inline(&question.competency)
        )?;
        writeln!(out, "{}\n", inline(question.prompt.trim()))?;
        writeln!(
            out,
            "Outcome: **{}** · Time / budget: {}",
            inline(&question.outcome),
            question.time
        )?;
        if let Some(anchor) = &question.anchor {
            writeln!(out, "\n> {}", inline(anchor))?;
        }
        if !question.key_points.is_empty() {
            let covered = question.key_points.iter().filter(|p| p.covered).count();
            writeln!(
                out,
                "\n**Key points** · {covered} of {} covered, the others not mentioned\n",
                question.key_points.len()
            )?;
            for point in &question.key_points {
                let mark = if point.covered {
                    super::content::COVERED_MARK
                } else {
                    super::content::NOT_MENTIONED_MARK
                };
                writeln!(out, "- {mark} {}", inline(&point.text))?;
            }
        }
        if !question.red_flags.is_empty() {
            writeln!(out, "\n**Red flags observed**\n")?;
            for flag in &question.red_flags {
                writeln!(out, "- {}", inline(flag))?;
            }
        }
        writeln!(out, "\n**Notes**\n")?;
        block(out, &question.notes, "No notes.")?;
    }

    writeln!(out, "\n{h2} General notes\n")?;
    block(out, &report.general_notes, "No general notes.")?;
    if let Some(private) = &report.private_notes {
        writeln!(out, "\n{h2} Private notes\n")?;
        writeln!(
            out,
            "*For the interviewer only: included in this export on request.*\n"
        )?;
        block(out, private, "")?;
    }
    Ok(())
}

/// Free text kept as typed: paragraphs stay paragraphs and single line breaks become hard
/// breaks.
pub(super) fn block(out: &mut String, text: &str, empty: &str) -> std::fmt::Result {
    if text.trim().is_empty() {
        return writeln!(out, "{empty}");
    }
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if !line.trim().is_empty() {
            current.push(line.trim_end());
        } else if !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let paragraphs: Vec<String> = paragraphs
        .into_iter()
        .map(|lines| {
            lines
                .iter()
                .map(|line| line_start(&inline(line)))
                .collect::<Vec<_>>()
                .join("\\\n")
        })
        .collect();
    writeln!(out, "{}", paragraphs.join("\n\n"))
}

/// Escapes the characters that would otherwise turn text into emphasis, code or HTML.
pub(super) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Keeps a typed line from being read as a heading, list, quote or code block.
fn line_start(line: &str) -> String {
    // Leading spaces become no-break spaces: four ordinary ones would start a code block.
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let spaces = "\u{00A0}".repeat(indent);
    if rest.starts_with(['#', '>', '-', '+', '=']) {
        return format!("{spaces}\\{rest}");
    }
    // "12. text" would start an ordered list: escape the full stop (or parenthesis).
    if let Some(at) = rest.find(['.', ')'])
        && at > 0
        && rest[..at].bytes().all(|b| b.is_ascii_digit())
    {
        return format!("{spaces}{}\\{}", &rest[..at], &rest[at..]);
    }
    format!("{spaces}{rest}")
}

/// Table cell text: one line, pipes escaped.
pub(super) fn cell(text: &str) -> String {
    inline(&text.split_whitespace().collect::<Vec<_>>().join(" ")).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_stays_text() {
        assert_eq!(inline("a_b *c*"), "a\\_b \\*c\\*");
        assert_eq!(line_start("# not a heading"), "\\# not a heading");
        assert_eq!(line_start("12. not a list"), "12\\. not a list");
        assert_eq!(line_start("    code?"), "\u{a0}\u{a0}\u{a0}\u{a0}code?");
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }

    #[test]
    fn line_breaks_and_paragraphs_are_kept() {
        let mut out = String::new();
        block(&mut out, "one\ntwo\n\n\nthree", "").unwrap();
        assert_eq!(out, "one\\\ntwo\n\nthree\n");
    }
}
