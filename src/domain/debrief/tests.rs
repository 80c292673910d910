use super::*;
use crate::domain::Question;

fn answer(id: &str, competency: &str, outcome: Outcome) -> Answer {
    let mut question = Question::new(id, format!("Prompt of {id}"), 10);
    question.competency = competency.into();
    let mut answer = Answer::new(
        question,
        Some(QuestionRef {
            pack: "p".into(),
            question: id.into(),
        }),
    );
    answer.outcome = outcome;
    answer
}

fn evaluation(interviewer: &str, ratings: [u8; 2], rec: Recommendation) -> Evaluation {
    let mut e = Evaluation::new("Zoë Núñez", "Engineer");
    e.interviewer = interviewer.into();
    e.answers
        .push(answer("a", "Design", Outcome::Rated(ratings[0])));
    e.answers
        .push(answer("b", "Operations", Outcome::Rated(ratings[1])));
    e.recommendation = Some(rec);
    e.summary = "Summary.".into();
    e.private_notes = format!("secret of {interviewer}");
    e
}

#[test]
fn names_fold_case_accents_and_spacing() {
    assert_eq!(fold_name("  Zoë   NÚÑEZ "), "zoe nunez");
    assert_eq!(fold_name("Zoe Nunez"), fold_name("zoë núñez"));
    assert_ne!(fold_name("Zoe Nunez"), fold_name("Zoe Nunes"));
}

#[test]
fn the_split_competency_comes_first_and_private_notes_are_gone() {
    let debrief = assemble(vec![
        (
            "a.ron".into(),
            evaluation("Ann", [3, 1], Recommendation::Yes),
        ),
        (
            "b.ron".into(),
            evaluation("Bo", [3, 4], Recommendation::StrongYes),
        ),
        ("c.ron".into(), evaluation("Cy", [3, 2], Recommendation::No)),
    ])
    .unwrap();
    let order: Vec<&str> = debrief.grid.iter().map(|r| r.competency.as_str()).collect();
    assert_eq!(order, ["Operations", "Design"]);
    assert_eq!(debrief.grid[0].agreement(), Agreement::Split);
    assert_eq!(debrief.grid[0].spread, Some(3.0));
    assert!(debrief.grid[0].split_yes_no);
    assert_eq!(debrief.grid[1].agreement(), Agreement::Agree);
    assert_eq!(debrief.spread.to_string(), "1 strong yes · 1 yes · 1 no");
    assert!(debrief.gaps.is_empty());
    assert_eq!(debrief.shared_questions.len(), 2);
    assert_eq!(debrief.shared_questions[0].prompt, "Prompt of b");
    assert!(
        debrief
            .panelists
            .iter()
            .all(|p| p.evaluation.private_notes.is_empty())
    );
    // Three drafts.
    assert_eq!(debrief.warnings.len(), 3);
    assert!(debrief.has_drafts());
}

#[test]
fn different_candidates_are_refused_naming_both() {
    let mut other = evaluation("Bo", [1, 1], Recommendation::No);
    other.candidate = "Someone Else".into();
    let mut same = evaluation("Cy", [1, 1], Recommendation::No);
    same.candidate = "ZOE nunez".into();
    let error = assemble(vec![
        (
            "a.ron".into(),
            evaluation("Ann", [1, 1], Recommendation::No),
        ),
        ("c.ron".into(), same),
        ("b.ron".into(), other),
    ])
    .unwrap_err();
    assert_eq!(
        error,
        DebriefError::DifferentCandidates {
            first: ("a.ron".into(), "Zoë Núñez".into()),
            others: vec![("b.ron".into(), "Someone Else".into())],
        }
    );
    let message = error.to_string();
    assert!(message.contains("a.ron") && message.contains("Someone Else"));
    assert_eq!(assemble(Vec::new()), Err(DebriefError::Empty));
}

#[test]
fn warnings_name_the_interviewer_twice_and_the_seals() {
    let at = Timestamp::from_second(1_790_000_000).unwrap();
    let mut sealed = evaluation("Ann", [3, 3], Recommendation::Yes);
    sealed.submit(at).unwrap();
    let mut changed = evaluation("ANN", [2, 2], Recommendation::No);
    changed.submit(at).unwrap();
    changed.summary = "Edited later.".into();
    let debrief = assemble(vec![("a.ron".into(), sealed), ("b.ron".into(), changed)]).unwrap();
    assert_eq!(
        debrief.warnings[0],
        Warning::SameInterviewer {
            interviewer: "Ann".into(),
            files: vec!["a.ron".into(), "b.ron".into()],
        }
    );
    assert_eq!(
        debrief.warnings[1],
        Warning::SealBroken {
            file: "b.ron".into(),
            interviewer: "ANN".into(),
            submitted_at: at,
        }
    );
    assert_eq!(debrief.warnings.len(), 2);
    assert_eq!(debrief.panelists[1].label, "ANN (b.ron)");
    assert!(debrief.panelists[1].seal_broken());
    assert!(!debrief.has_drafts());
}

#[test]
fn gaps_are_competencies_nobody_rated_and_cells_say_why() {
    let mut one = evaluation("Ann", [3, 3], Recommendation::Yes);
    one.answers.push(answer("c", "Security", Outcome::NotAsked));
    let mut two = evaluation("Bo", [3, 3], Recommendation::Yes);
    two.answers
        .push(answer("d", "security", Outcome::NoEvidence));
    let three = evaluation("Cy", [3, 3], Recommendation::Yes);
    let debrief = assemble(vec![
        ("a".into(), one),
        ("b".into(), two),
        ("c".into(), three),
    ])
    .unwrap();
    assert_eq!(debrief.gaps.len(), 1);
    assert_eq!(debrief.gaps[0].competency, "Security");
    assert_eq!(
        debrief.gaps[0].cells,
        [Cell::NotAsked, Cell::NoEvidence, Cell::NotCovered]
    );
    assert_eq!(
        debrief.grid.last().map(GridRow::agreement),
        Some(Agreement::NotRated)
    );
}

#[test]
fn custom_questions_match_by_prompt() {
    let mut one = evaluation("Ann", [3, 3], Recommendation::Yes);
    let mut custom = answer("x", "Culture", Outcome::Rated(2));
    custom.source = None;
    custom.question.prompt = "Why  us?".into();
    one.answers.push(custom.clone());
    let mut two = evaluation("Bo", [3, 3], Recommendation::Yes);
    custom.question.prompt = "why us?".into();
    custom.outcome = Outcome::Rated(4);
    two.answers.push(custom);
    let debrief = assemble(vec![("a".into(), one), ("b".into(), two)]).unwrap();
    assert_eq!(debrief.shared_questions.len(), 3);
    assert_eq!(debrief.shared_questions[0].prompt, "Why  us?");
    assert_eq!(debrief.shared_questions[0].spread(), 2.0);
    assert_eq!(debrief.shared_questions[0].askers(), 2);

    // A question both skipped was asked by nobody: it is not shown side by side.
    let mut one = evaluation("Ann", [3, 3], Recommendation::Yes);
    one.answers[1].outcome = Outcome::NotAsked;
    let mut two = evaluation("Bo", [3, 3], Recommendation::Yes);
    two.answers[1].outcome = Outcome::NotAsked;
    let debrief = assemble(vec![("a".into(), one), ("b".into(), two)]).unwrap();
    let prompts: Vec<&str> = debrief
        .shared_questions
        .iter()
        .map(|q| q.prompt.as_str())
        .collect();
    assert_eq!(prompts, ["Prompt of a"]);
}
