//! The debrief packet as Markdown, with the same content as the PDF, for pasting into an
//! applicant tracking system.

use std::fmt::Write;

use super::compose::{
    PACKET_TITLE, agreement_text, cell_text, date_range, gap_reasons, score_text, shared_heading,
};
use super::markdown::{block, cell, inline, render_section};
use super::{ReportOptions, content};
use crate::domain::Debrief;

/// Renders `debrief` as CommonMark: the packet's own sections, then each evaluation in full
/// with its headings one level down. Never includes private notes.
pub fn debrief_markdown(debrief: &Debrief, options: &ReportOptions) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the result is ignored on purpose.
    let _ = write_packet(&mut out, debrief, options);
    out
}

fn write_packet(out: &mut String, debrief: &Debrief, options: &ReportOptions) -> std::fmt::Result {
    let zone = &options.time_zone;
    writeln!(out, "# {PACKET_TITLE}\n")?;
    let drafts: Vec<&str> = debrief
        .panelists
        .iter()
        .filter(|p| p.draft)
        .map(|p| p.label.as_str())
        .collect();
    if !drafts.is_empty() {
        writeln!(
            out,
            "**Draft:** not every evaluation is submitted ({}).\n",
            inline(&drafts.join(", "))
        )?;
    }
    let or_not = |text: &str| {
        if text.trim().is_empty() {
            content::NOT_RECORDED.to_owned()
        } else {
            inline(text.trim())
        }
    };
    writeln!(out, "- **Candidate:** {}", or_not(&debrief.candidate))?;
    writeln!(out, "- **Role:** {}", or_not(&debrief.role))?;
    writeln!(out, "- **Dates:** {}", date_range(debrief, zone))?;
    writeln!(out, "- **Panel:** {}", debrief.spread)?;

    writeln!(out, "\n## Who said what\n")?;
    writeln!(
        out,
        "| Interviewer | Recommendation | Score | Seal | File |\n|---|---|---:|---|---|"
    )?;
    for panelist in &debrief.panelists {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&panelist.label),
            content::recommendation_label(panelist.recommendation),
            score_text(panelist.score),
            cell(&content::seal_text(&panelist.seal, zone)),
            cell(&panelist.file)
        )?;
    }
    if !debrief.warnings.is_empty() {
        writeln!(out, "\n## Before you read\n")?;
        for warning in &debrief.warnings {
            writeln!(out, "- {}", inline(&warning.describe(zone)))?;
        }
    }

    writeln!(out, "\n## Competency grid\n")?;
    if debrief.grid.is_empty() {
        writeln!(out, "No questions in these evaluations.")?;
    } else {
        let names: Vec<String> = debrief.panelists.iter().map(|p| cell(&p.label)).collect();
        writeln!(out, "| Competency | {} | Agreement |", names.join(" | "))?;
        writeln!(out, "|---|{}---|", ":---:|".repeat(names.len()))?;
        for row in &debrief.grid {
            let cells: Vec<String> = row.cells.iter().map(|&c| cell_text(c)).collect();
            let agreement = agreement_text(row);
            writeln!(
                out,
                "| {} | {} | {} |",
                cell(&row.competency),
                cells.join(" | "),
                agreement
            )?;
        }
        writeln!(
            out,
            "\nEach cell is that interviewer’s average for the competency on the 1–4 scale; \
             “—” when none of their questions covers it. Widest disagreement first."
        )?;
    }

    writeln!(out, "\n## Gaps\n")?;
    if debrief.gaps.is_empty() {
        writeln!(
            out,
            "None: every competency the plans cover has at least one rating."
        )?;
    } else {
        for gap in &debrief.gaps {
            writeln!(
                out,
                "- {} — {}",
                inline(&gap.competency),
                inline(&gap_reasons(debrief, &gap.cells))
            )?;
        }
    }

    writeln!(out, "\n## Side by side")?;
    if debrief.shared_questions.is_empty() {
        writeln!(out, "\nNo question was asked by more than one interviewer.")?;
    }
    for question in &debrief.shared_questions {
        writeln!(out, "\n### {}\n", inline(&shared_heading(question)))?;
        writeln!(out, "{}", inline(&question.prompt))?;
        for entry in &question.answers {
            let Some(panelist) = debrief.panelists.get(entry.panelist) else {
                continue;
            };
            writeln!(
                out,
                "\n**{}** · {}\n",
                inline(&panelist.label),
                inline(&content::outcome_label(&entry.answer))
            )?;
            let skipped = entry.answer.outcome == crate::domain::Outcome::NotAsked;
            if !(skipped && entry.answer.notes.trim().is_empty()) {
                block(out, &entry.answer.notes, "No notes.")?;
            }
        }
    }

    writeln!(out, "\n## Summaries")?;
    for panelist in &debrief.panelists {
        writeln!(
            out,
            "\n### {} · {} · {}\n",
            inline(&panelist.label),
            content::recommendation_label(panelist.recommendation),
            score_text(panelist.score)
        )?;
        block(out, &panelist.evaluation.summary, "No summary written.")?;
    }

    let section_options = ReportOptions {
        include_private_notes: false,
        include_rubric_anchor: options.include_rubric_anchor,
        time_zone: options.time_zone.clone(),
        ..ReportOptions::default()
    };
    for panelist in &debrief.panelists {
        let report = content::Report::new(&panelist.evaluation, &section_options);
        let title = format!("{}’s evaluation", panelist.label);
        writeln!(out)?;
        out.push_str(&render_section(&report, &title, 1));
    }
    Ok(())
}
