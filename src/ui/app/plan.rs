//! The plan builder's actions: the ones that only change the plan are the builder's own; the
//! app adds what needs the library (loading, saving) or starts the interview.

use std::path::PathBuf;

use super::OnsiteApp;
use crate::domain::InterviewPlan;
use crate::storage::load;
use crate::ui::action::PlanAction;
use crate::ui::plan_builder::PlanBuilder;
use crate::ui::state::Screen;

impl OnsiteApp {
    /// Applies one plan-builder action.
    pub(super) fn apply_plan(&mut self, action: PlanAction, ctx: &eframe::egui::Context, now: f64) {
        let state = &mut self.state;
        match action {
            PlanAction::New => {
                state.builder = PlanBuilder::new("");
                state.screen = Screen::PlanBuilder;
            }
            PlanAction::Load(path) => self.load_plan(path),
            PlanAction::Save => self.save_plan(),
            PlanAction::Add(key) => {
                if !state.builder.add(key, &state.packs) && state.builder.has(key, &state.packs) {
                    state.info("That question is already in the plan.");
                }
            }
            PlanAction::AddCustom => {
                state.builder.add_custom();
            }
            PlanAction::Remove(index) => state.builder.remove(index),
            PlanAction::Move { from, to } => state.builder.move_entry(from, to),
            PlanAction::Start { candidate, role } => self.start_interview(candidate, role, now),
            PlanAction::PrintKit => self.ask_kit(),
            PlanAction::RunKit => self.run_kit(ctx),
        }
    }

    /// Opens a saved plan in the builder.
    pub(super) fn load_plan(&mut self, path: PathBuf) {
        match load::<InterviewPlan>(&path) {
            Ok(plan) => {
                self.state.builder = PlanBuilder::with_plan(plan, Some(path));
                self.state.screen = Screen::PlanBuilder;
            }
            Err(error) => self.state.error(error.to_string()),
        }
    }

    fn save_plan(&mut self) {
        let state = &mut self.state;
        let Some(library) = &state.library else {
            state.error("The library folder is not available; the plan was not saved.");
            return;
        };
        let builder = &mut state.builder;
        let path = builder
            .path
            .clone()
            .unwrap_or_else(|| library.new_plan_path(&builder.plan));
        match library.save_plan(&path, &builder.plan) {
            Ok(()) => {
                builder.path = Some(path.clone());
                builder.unsaved = false;
                let plan = builder.plan.clone();
                match state.plans.iter_mut().find(|(p, _)| *p == path) {
                    Some(existing) => existing.1 = plan,
                    None => state.plans.push((path, plan)),
                }
                state.info("Plan saved.");
            }
            Err(error) => state.error(error.to_string()),
        }
    }
}
