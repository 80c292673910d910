//! The plan builder's search as the interviewer sees it: where a hit's words are when the list
//! cannot show them, and what to try when nothing matches.
#![allow(clippy::unwrap_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use onsite::search::SearchField;
use onsite::storage::Library;
use onsite::ui::OnsiteApp;
use onsite::ui::action::PlanAction;
use onsite::ui::state::Settings;

fn plan_builder(home: &std::path::Path) -> Harness<'static, OnsiteApp> {
    let app = OnsiteApp::new(Some(Library::open(home).unwrap()), Settings::default());
    let mut harness = common::window(app);
    harness.state_mut().push(PlanAction::New);
    harness.run();
    harness
}

fn search(harness: &mut Harness<'_, OnsiteApp>, query: &str) {
    harness.state_mut().state.builder.filter.query = query.into();
    harness.run();
}

/// A hit whose words are only in its key points says so in the list.
#[test]
fn a_hit_found_only_in_key_points_says_where() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = plan_builder(home.path());
    search(&mut harness, "zookeeper");
    let hits = harness.state().state.builder.hits.clone();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|hit| hit.best == Some(SearchField::KeyPoints))
    );
    harness.get_by_label_contains("in key points");
    // The preview shows the whole question, the matched word among its key points.
    harness.get_by_label_contains("ZooKeeper");
}

/// A word no question has is named; a filter that hides the hits offers to clear itself.
#[test]
fn an_empty_result_says_what_to_try() {
    let home = tempfile::tempdir().unwrap();
    let mut harness = plan_builder(home.path());
    search(&mut harness, "kubernetes xylophone");
    harness.get_by_label_contains("No question mentions ‘xylophone’");

    search(&mut harness, "caching");
    let all = harness.state().state.builder.results.len();
    assert!(all > 0);
    // Only behavioural questions: none is about caching.
    let behavioural = harness
        .state()
        .state
        .packs
        .iter()
        .position(|entry| entry.pack.id == "behavioral")
        .unwrap();
    harness.state_mut().state.builder.filter.pack = Some(behavioural);
    harness.run();
    assert!(harness.state().state.builder.results.is_empty());
    harness.get_by_label_contains(&format!("{all} questions match outside the pack"));
    harness.get_by_label("Clear those filters").click();
    harness.run();
    assert_eq!(harness.state().state.builder.filter.pack, None);
    assert_eq!(harness.state().state.builder.results.len(), all);
}
