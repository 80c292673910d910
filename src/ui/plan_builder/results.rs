//! The plan builder's library column: the search box and filters, the list of matching
//! questions with the words that matched highlighted, and what to try when nothing matches.

use eframe::egui;

use super::PlanBuilder;
use crate::domain::{Level, Question, first_line};
use crate::search::{FilterKind, Hit, NoHits, SearchField};
use crate::ui::action::{Action, PlanAction};
use crate::ui::shortcuts::Command;
use crate::ui::state::AppState;

/// Height of one row of the question list; fixed so the list can be virtualised.
const ROW_HEIGHT: f32 = 40.0;

/// The search box, the filters and the results.
pub(super) fn library_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    let loading_packs = state.is_loading_packs();
    let builder = &mut state.builder;
    let search_label = ui.label("Search");
    let search = ui
        .add(
            egui::TextEdit::singleline(&mut builder.filter.query)
                .hint_text(format!(
                    "topic words: caching, migration… ({})",
                    Command::FocusSearch.hint(ui.ctx())
                ))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(search_label.id);
    if builder.focus_search {
        search.request_focus();
        builder.focus_search = false;
    }
    // Arrows move through the results and Enter adds, without leaving the search box.
    if search.has_focus() || !ui.ctx().egui_wants_keyboard_input() {
        let (up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            )
        });
        move_selection(builder, up, down);
    }
    if search.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some(key) = builder.selected
    {
        actions.push(Action::Plan(PlanAction::Add(key)));
        builder.focus_search = true;
    }

    ui.horizontal_wrapped(|ui| {
        let pack_text = builder
            .filter
            .pack
            .and_then(|i| state.packs.get(i))
            .map_or("All packs".to_owned(), |e| e.pack.title.clone());
        let label = ui.label("Pack");
        egui::ComboBox::from_id_salt("filter-pack")
            .selected_text(pack_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut builder.filter.pack, None, "All packs");
                for (i, entry) in state.packs.iter().enumerate() {
                    let label = if entry.is_bundled() {
                        entry.pack.title.clone()
                    } else {
                        format!("{} (yours)", entry.pack.title)
                    };
                    ui.selectable_value(&mut builder.filter.pack, Some(i), label);
                }
            })
            .response
            .labelled_by(label.id);
        let competency_text = builder
            .filter
            .competency
            .clone()
            .unwrap_or_else(|| "All competencies".to_owned());
        let label = ui.label("Competency");
        egui::ComboBox::from_id_salt("filter-competency")
            .selected_text(competency_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut builder.filter.competency, None, "All competencies");
                for competency in state.index.competencies() {
                    ui.selectable_value(
                        &mut builder.filter.competency,
                        Some(competency.clone()),
                        competency,
                    );
                }
            })
            .response
            .labelled_by(label.id);
        let level_text = builder.filter.level.map_or("All levels", Level::label);
        let label = ui.label("Level");
        egui::ComboBox::from_id_salt("filter-level")
            .selected_text(level_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut builder.filter.level, None, "All levels");
                for level in Level::ALL {
                    ui.selectable_value(&mut builder.filter.level, Some(level), level.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.weak(if loading_packs {
        "Reading question packs…".to_owned()
    } else {
        format!(
            "{} of {} questions",
            builder.results.len(),
            state.index.len()
        )
    });
    ui.separator();

    if builder.hits.is_empty() && !loading_packs && !builder.filter.query.trim().is_empty() {
        no_hits_ui(ui, state);
        return;
    }
    let hits = &builder.hits;
    let selected = builder.selected;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("results")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, hits.len(), |ui, rows| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for hit in &hits[rows] {
                let key = hit.key;
                let Some(entry) = state.packs.get(key.pack) else {
                    continue;
                };
                let Some(question) = entry.pack.questions.get(key.question) else {
                    continue;
                };
                let response =
                    result_row_ui(ui, question, &entry.pack.title, hit, selected == Some(key));
                if response.double_clicked() {
                    actions.push(Action::Plan(PlanAction::Add(key)));
                } else if response.clicked() {
                    clicked = Some(key);
                }
            }
        });
    if let Some(key) = clicked {
        builder.selected = Some(key);
    }
}

/// One result: the prompt on the first line, competency · level · minutes · pack below, both
/// cut to the width (the full text is in the preview). Drawn by hand so every row has the
/// same height, which keeps the list virtualised.
fn result_row_ui(
    ui: &mut egui::Ui,
    question: &Question,
    pack_title: &str,
    hit: &Hit,
    selected: bool,
) -> egui::Response {
    let size = egui::vec2(
        ui.available_width(),
        ROW_HEIGHT - ui.spacing().item_spacing.y,
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let first_line = first_line(&question.prompt);
    let competency = crate::domain::scoring::competency_of_question(question);
    let mut meta = format!(
        "{competency} · {} · {} min · {pack_title}",
        question.level.label(),
        question.minutes
    );
    // A hit the list cannot show says where its words are.
    if hit.only_in_details()
        && let Some(field) = hit.best
    {
        meta = format!("in {} · {meta}", field.label().to_lowercase());
    }
    // Screen readers (and tests) get both lines the row shows.
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            selected,
            format!("{first_line} — {meta}"),
        )
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let painter = ui.painter();
    if selected {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let (strong, weak) = if selected {
        (
            visuals.selection.stroke.color,
            visuals.selection.stroke.color,
        )
    } else {
        (visuals.strong_text_color(), visuals.weak_text_color())
    };
    let inner = rect.shrink2(egui::vec2(8.0, 2.0));
    let line = |text: &str, style: egui::TextStyle, colour: egui::Color32| {
        let mut job = egui::text::LayoutJob::simple_singleline(
            text.to_owned(),
            style.resolve(ui.style()),
            colour,
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
        ui.painter().layout_job(job)
    };
    let marks: Vec<_> = hit
        .ranges(SearchField::Prompt, 0)
        .filter(|range| range.end <= first_line.len())
        .collect();
    let mut job = highlighted_job(
        ui,
        first_line,
        &marks,
        egui::TextStyle::Body.resolve(ui.style()),
        strong,
        selected,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
    let top = ui.painter().layout_job(job);
    let bottom = line(&meta, egui::TextStyle::Small, weak);
    let top_height = top.size().y;
    painter.galley(inner.left_top(), top, strong);
    painter.galley(
        inner.left_top() + egui::vec2(0.0, top_height + 1.0),
        bottom,
        weak,
    );
    response
}

fn move_selection(builder: &mut PlanBuilder, up: bool, down: bool) {
    if !(up || down) || builder.results.is_empty() {
        return;
    }
    let current = builder
        .selected
        .and_then(|key| builder.results.iter().position(|k| *k == key));
    let next = match (current, down) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(builder.results.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    builder.selected = builder.results.get(next).copied();
}

/// `text` in `colour` with the byte ranges in `marks` on the selection colour, as a search
/// highlight (underlined instead on a selected row, which already has that fill). The
/// selection colours pass the contrast test with body text in both themes.
pub(super) fn highlighted_job(
    ui: &egui::Ui,
    text: &str,
    marks: &[std::ops::Range<usize>],
    font: egui::FontId,
    colour: egui::Color32,
    on_selection: bool,
) -> egui::text::LayoutJob {
    let plain = egui::TextFormat::simple(font.clone(), colour);
    let mut marked = plain.clone();
    if on_selection {
        marked.underline = egui::Stroke::new(1.5, colour);
    } else {
        marked.background = ui.visuals().selection.bg_fill;
        marked.color = ui.visuals().text_color();
    }
    let mut job = egui::text::LayoutJob::default();
    let mut at = 0;
    let mut marks: Vec<_> = marks
        .iter()
        .filter(|m| m.start < m.end && m.end <= text.len())
        .filter(|m| text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
        .cloned()
        .collect();
    marks.sort_by_key(|m| m.start);
    for mark in marks {
        if mark.start < at {
            continue;
        }
        job.append(&text[at..mark.start], 0.0, plain.clone());
        job.append(&text[mark.clone()], 0.0, marked.clone());
        at = mark.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// What to try when nothing matches: which words no question has, or which filters hide the
/// questions that do, with a button to clear them.
fn no_hits_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(why) = state.index.explain_no_hits(&state.builder.filter) else {
        return;
    };
    ui.add_space(12.0);
    let filter = &mut state.builder.filter;
    match why {
        NoHits::NoQuestions => {
            ui.weak("There are no questions yet: import a pack or write your own.");
        }
        NoHits::UnknownWords(words) => {
            let quoted: Vec<String> = words.iter().map(|w| format!("‘{w}’")).collect();
            ui.label(format!(
                "No question mentions {} — not in the prompts, tags, key points, purpose or follow-ups.",
                quoted.join(" or ")
            ));
            ui.weak("Try another word for the same topic, or fewer words.");
        }
        NoHits::ClearFilters { filters, hits } => {
            let names: Vec<&str> = filters
                .iter()
                .map(|kind| match kind {
                    FilterKind::Pack => "the pack",
                    FilterKind::Competency => "the competency",
                    FilterKind::Level => "the level",
                })
                .collect();
            ui.label(format!(
                "{hits} questions match outside {}.",
                names.join(" and ")
            ));
            if ui.button("Clear those filters").clicked() {
                for kind in filters {
                    match kind {
                        FilterKind::Pack => filter.pack = None,
                        FilterKind::Competency => filter.competency = None,
                        FilterKind::Level => filter.level = None,
                    }
                }
            }
        }
        NoHits::NotTogether => {
            ui.label("Every word is found, but no question has them all; try fewer words.");
        }
    }
}
