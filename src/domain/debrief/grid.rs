//! The competency grid, its gaps and the questions several interviewers asked, from the
//! panelists of a debrief.

use super::{
    Answer, Cell, Gap, GridRow, Outcome, PanelAnswer, Panelist, QuestionRef, Recommendation,
    SharedQuestion, fold_name, scoring,
};

/// The side a recommendation falls on: `Some(true)` for hire, `Some(false)` for no hire.
pub(super) fn hires(recommendation: Option<Recommendation>) -> Option<bool> {
    recommendation.map(|r| matches!(r, Recommendation::Yes | Recommendation::StrongYes))
}

pub(super) fn spread(values: &[f64]) -> Option<f64> {
    let max = values.iter().copied().reduce(f64::max)?;
    let min = values.iter().copied().reduce(f64::min)?;
    Some(max - min)
}

/// What `answers` (one panelist's, on one competency) say, as a grid cell.
pub(super) fn cell(answers: &[&Answer]) -> Cell {
    if answers.is_empty() {
        return Cell::NotCovered;
    }
    let owned: Vec<Answer> = answers.iter().map(|a| (*a).clone()).collect();
    let rated = owned
        .iter()
        .filter(|a| scoring::answer_score(a).is_some())
        .count();
    match scoring::overall_score(&owned) {
        Some(average) => Cell::Rated {
            average,
            questions: rated,
        },
        None if answers.iter().any(|a| a.outcome == Outcome::NoEvidence) => Cell::NoEvidence,
        None if answers.iter().all(|a| a.outcome == Outcome::NotAsked) => Cell::NotAsked,
        None => Cell::Unrated,
    }
}

pub(super) fn grid(panelists: &[Panelist]) -> (Vec<GridRow>, Vec<Gap>) {
    // Competencies in order of first appearance, matched without case or accents.
    let mut names: Vec<(String, String)> = Vec::new();
    for panelist in panelists {
        for answer in &panelist.evaluation.answers {
            let name = scoring::competency_of(answer);
            let key = fold_name(name);
            if !names.iter().any(|(k, _)| *k == key) {
                names.push((key, name.to_owned()));
            }
        }
    }
    let mut rows: Vec<GridRow> = names
        .into_iter()
        .map(|(key, competency)| {
            let cells: Vec<Cell> = panelists
                .iter()
                .map(|p| {
                    let answers: Vec<&Answer> = p
                        .evaluation
                        .answers
                        .iter()
                        .filter(|a| fold_name(scoring::competency_of(a)) == key)
                        .collect();
                    cell(&answers)
                })
                .collect();
            let averages: Vec<f64> = cells.iter().filter_map(|c| c.average()).collect();
            let sides: Vec<bool> = cells
                .iter()
                .zip(panelists)
                .filter(|(c, _)| c.average().is_some())
                .filter_map(|(_, p)| hires(p.recommendation))
                .collect();
            GridRow {
                competency,
                spread: spread(&averages),
                split_yes_no: sides.contains(&true) && sides.contains(&false),
                cells,
            }
        })
        .collect();
    // Widest disagreement first; then a yes/no split; then the more raters; nobody-rated last.
    rows.sort_by(|a, b| {
        let spread = |row: &GridRow| row.spread.unwrap_or(-1.0);
        spread(b)
            .total_cmp(&spread(a))
            .then(b.split_yes_no.cmp(&a.split_yes_no))
            .then(b.raters().cmp(&a.raters()))
            .then_with(|| fold_name(&a.competency).cmp(&fold_name(&b.competency)))
    });
    let gaps = rows
        .iter()
        .filter(|row| row.spread.is_none())
        .map(|row| Gap {
            competency: row.competency.clone(),
            cells: row.cells.clone(),
        })
        .collect();
    (rows, gaps)
}

/// What makes two answers the same question: the pack question they were copied from, else
/// the prompt with its spacing and case folded.
#[derive(Clone, Debug, PartialEq, Eq)]
enum QuestionKey {
    Source(QuestionRef),
    Prompt(String),
}

pub(super) fn shared_questions(panelists: &[Panelist]) -> Vec<SharedQuestion> {
    let mut groups: Vec<(Vec<QuestionKey>, SharedQuestion)> = Vec::new();
    for (index, panelist) in panelists.iter().enumerate() {
        for answer in &panelist.evaluation.answers {
            let prompt = QuestionKey::Prompt(fold_name(&answer.question.prompt));
            let keys: Vec<QuestionKey> = match &answer.source {
                Some(source) => vec![QuestionKey::Source(source.clone()), prompt],
                None => vec![prompt],
            };
            // A pack question matches by its source; a custom one by its prompt, which also
            // finds the pack question it was copied from.
            let found = match &answer.source {
                Some(source) => groups
                    .iter()
                    .position(|(k, _)| k.contains(&QuestionKey::Source(source.clone()))),
                None => groups.iter().position(|(k, _)| k.contains(&keys[0])),
            };
            let entry = PanelAnswer {
                panelist: index,
                answer: answer.clone(),
            };
            match found {
                Some(at) => {
                    let (group_keys, group) = &mut groups[at];
                    for key in keys {
                        if !group_keys.contains(&key) {
                            group_keys.push(key);
                        }
                    }
                    group.answers.push(entry);
                }
                None => groups.push((
                    keys,
                    SharedQuestion {
                        prompt: answer.question.prompt.trim().to_owned(),
                        competency: scoring::competency_of(answer).to_owned(),
                        answers: vec![entry],
                    },
                )),
            }
        }
    }
    let mut shared: Vec<SharedQuestion> = groups
        .into_iter()
        .map(|(_, group)| group)
        .filter(|group| group.askers() > 1)
        .collect();
    // Stable: questions the panel rated alike keep the plans' order.
    shared.sort_by(|a, b| b.spread().total_cmp(&a.spread()));
    shared
}
