//! The running interview: starting, opening and resuming evaluations, the per-question clock,
//! every change to the open evaluation, and saving it in the background.

use std::path::PathBuf;
use std::time::Duration;

use eframe::egui;
use jiff::Timestamp;

use super::OnsiteApp;
use crate::domain::{Evaluation, Outcome};
use crate::storage::autosave::Autosaver;
use crate::storage::{Saved, load};
use crate::ui::action::InterviewAction;
use crate::ui::interview;
use crate::ui::session::{NotesTab, Session};
use crate::ui::state::Screen;

/// How long closing the window waits for the last save.
const CLOSE_FLUSH: Duration = Duration::from_secs(5);

/// Seconds between retries of a failed save.
const RETRY_SECONDS: f64 = 2.0;

/// Seconds between saves caused only by the running clock.
const CLOCK_SAVE_SECONDS: f64 = 10.0;

impl OnsiteApp {
    /// Applies one change to the open evaluation.
    pub(super) fn apply_interview(
        &mut self,
        action: InterviewAction,
        ctx: &egui::Context,
        now: f64,
    ) {
        match action {
            InterviewAction::GoTo(index) => self.go_to_question(index, now),
            InterviewAction::SetOutcome(index, outcome) => {
                self.edit(now, |evaluation| evaluation.set_outcome(index, outcome));
            }
            InterviewAction::RateCurrent(nth) => self.edit(now, |e| e.rate_current(nth)),
            InterviewAction::ToggleNotAsked => {
                self.edit(now, |e| e.toggle_current(Outcome::NotAsked));
            }
            InterviewAction::ToggleNoEvidence => {
                self.edit(now, |e| e.toggle_current(Outcome::NoEvidence));
            }
            InterviewAction::ToggleKeyPoint(question, point) => {
                self.edit(now, |e| e.toggle_key_point(question, point));
            }
            InterviewAction::ToggleRedFlag(question, flag) => {
                self.edit(now, |e| e.toggle_red_flag(question, flag));
            }
            InterviewAction::InsertTimestamp => self.insert_timestamp(ctx, now),
            InterviewAction::ShowNotes(tab) => {
                if let Some(session) = &mut self.state.session {
                    session.notes_tab = tab;
                    session.focus_notes = true;
                }
            }
            InterviewAction::Edited => {
                if let Some(session) = &mut self.state.session {
                    session.touch(now);
                }
            }
            InterviewAction::End => {
                self.edit(now, |evaluation| {
                    evaluation.ended_at.get_or_insert_with(Timestamp::now);
                });
                self.go(Screen::Review, now);
                self.save_now(now);
            }
            InterviewAction::SetRecommendation(recommendation) => {
                self.edit(now, |evaluation| evaluation.recommendation = recommendation);
            }
            InterviewAction::Submit => {
                self.state.dialog = None;
                self.submit(now);
            }
            InterviewAction::SetCandidate { candidate, role } => {
                self.state.dialog = None;
                let candidate = candidate.trim().to_owned();
                if candidate.is_empty() {
                    return self.state.error("The candidate's name cannot be empty.");
                }
                self.edit(now, |evaluation| {
                    evaluation.candidate = candidate;
                    evaluation.role = role.trim().to_owned();
                });
            }
            InterviewAction::Reopen => {
                if let Some(session) = &mut self.state.session {
                    session.evaluation.reopen(Timestamp::now());
                    session.touch(now);
                }
                self.save_now(now);
            }
        }
    }

    /// Changes the session's evaluation (unless submitted) and schedules a save.
    fn edit(&mut self, now: f64, change: impl FnOnce(&mut Evaluation)) {
        if let Some(session) = &mut self.state.session {
            session.edit(now, change);
        }
    }

    /// Hands the evaluation in and seals it, by the rules `onsite submit` applies too.
    fn submit(&mut self, now: f64) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        match session.evaluation.submit(Timestamp::now()) {
            Ok(()) => {
                session.touch(now);
                self.save_now(now);
                self.state.info("Evaluation submitted and sealed.");
            }
            Err(missing) => self.state.error(format!("Cannot submit yet: {missing}.")),
        }
    }

    fn insert_timestamp(&mut self, ctx: &egui::Context, now: f64) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let seconds = session.evaluation.current_answer().map_or(0, |a| a.seconds);
        session.notes_tab = NotesTab::Question;
        session.focus_notes = true;
        let stamp = format!("[{:02}:{:02}] ", seconds / 60, seconds % 60);
        interview::insert_line_at_cursor(ctx, session, &stamp);
        session.touch(now);
    }

    fn go_to_question(&mut self, index: usize, now: f64) {
        let Some(session) = &self.state.session else {
            return;
        };
        if index >= session.evaluation.answers.len() || index == session.evaluation.current {
            return;
        }
        self.stop_clock(now);
        if let Some(session) = &mut self.state.session {
            session.evaluation.current = index;
            session.notes_tab = NotesTab::Question;
            session.focus_notes = true;
            session.touch(now);
        }
        // A question change is a natural pause: save at once.
        self.save_now(now);
    }

    /// Adds the running question's time to its answer and stops the clock.
    pub(super) fn stop_clock(&mut self, now: f64) {
        self.tick_clock(now);
        if let Some(session) = &mut self.state.session {
            session.clock = None;
        }
    }

    /// Keeps the current answer's `seconds` up to date while the interview screen is shown.
    pub(super) fn tick_clock(&mut self, now: f64) {
        let on_interview = self.state.screen == Screen::Interview;
        let Some(session) = &mut self.state.session else {
            return;
        };
        let not_asked = session
            .evaluation
            .current_answer()
            .is_some_and(|answer| answer.outcome == Outcome::NotAsked);
        if !on_interview || session.evaluation.is_submitted() || not_asked {
            // A question marked "not asked" takes no time, so its clock stands still (the
            // time up to the mark was added by this frame's tick, before the mark applied).
            session.clock = None;
            return;
        }
        let current = session.evaluation.current;
        let Some(answer) = session.evaluation.answers.get_mut(current) else {
            return;
        };
        let (started, base) = *session.clock.get_or_insert((now, answer.seconds));
        let seconds = base.saturating_add((now - started).max(0.0) as u64);
        if seconds != answer.seconds {
            answer.seconds = seconds;
            // Time alone is saved now and then (every save carries it anyway); notes and
            // ratings are saved within a second.
            if !session.debounce.is_pending() && now - session.last_save_at >= CLOCK_SAVE_SECONDS {
                session.touch(now);
            }
        }
    }

    /// Starts an interview of the plan in the builder: the evaluation file exists on disk
    /// before the first question shows.
    pub(super) fn start_interview(&mut self, candidate: String, role: String, now: f64) {
        let state = &mut self.state;
        let candidate = candidate.trim().to_owned();
        if candidate.is_empty() {
            state.error("Enter the candidate's name to start the interview.");
            return;
        }
        let Some(library) = &state.library else {
            state.error("The library folder is not available, so the interview could not be saved. Check Settings.");
            return;
        };
        let plan = &state.builder.plan;
        let mut evaluation =
            match Evaluation::from_plan(plan, &state.packs, candidate, Timestamp::now()) {
                Ok(evaluation) => evaluation,
                Err(missing) => {
                    let names: Vec<String> = missing
                        .iter()
                        .map(|r| format!("{}/{}", r.pack, r.question))
                        .collect();
                    state.error(format!(
                        "These questions are no longer in the library: {}",
                        names.join(", ")
                    ));
                    return;
                }
            };
        if evaluation.answers.is_empty() {
            state.error("Add at least one question to the plan first.");
            return;
        }
        evaluation.role = role.trim().to_owned();
        evaluation.interviewer = state.settings.interviewer.trim().to_owned();
        let path = library.new_evaluation_path(&evaluation);
        if let Err(error) = library.save_evaluation(&path, &evaluation) {
            state.error(error.to_string());
            return;
        }
        state.update_listing(&path, &evaluation);
        state.session = Some(Session::new(path, evaluation));
        state.dialog = None;
        self.go(Screen::Interview, now);
    }

    /// Opens the evaluation at `path` on `screen` (the review when it is submitted), saving
    /// the one open before.
    pub(super) fn open_evaluation(&mut self, path: PathBuf, screen: Screen, now: f64) {
        if self.state.session.as_ref().is_some_and(|s| s.path == path) {
            self.go(screen, now);
            return;
        }
        if self.refuse_if_read_only() {
            return;
        }
        self.stop_clock(now);
        self.save_now(now);
        match load::<Evaluation>(&path) {
            Ok(evaluation) => {
                let screen = if evaluation.is_submitted() {
                    Screen::Review
                } else {
                    screen
                };
                if screen == Screen::Interview {
                    // After a crash or a closed lid: say what was kept, and from when.
                    let saved = std::fs::metadata(&path)
                        .and_then(|metadata| metadata.modified())
                        .ok()
                        .and_then(|modified| jiff::Timestamp::try_from(modified).ok())
                        .map(|at| {
                            at.to_zoned(jiff::tz::TimeZone::system())
                                .strftime("%H:%M:%S")
                                .to_string()
                        });
                    let candidate = evaluation.candidate.trim().to_owned();
                    self.state.info(match saved {
                        Some(at) => format!(
                            "Recovered the interview with {candidate} — last saved at {at}."
                        ),
                        None => format!("Recovered the interview with {candidate}."),
                    });
                }
                self.state.session = Some(Session::new(path, evaluation));
                self.go(screen, now);
            }
            Err(error) => self.state.error(error.to_string()),
        }
    }

    pub(super) fn start_autosaver(&mut self, ctx: &egui::Context) -> Option<Autosaver> {
        // A finished save wakes the UI so "Saved" or an error shows at once.
        let ctx = ctx.clone();
        match Autosaver::for_library(self.state.library.clone(), move || ctx.request_repaint()) {
            Ok(saver) => Some(saver),
            Err(error) => {
                self.state
                    .error(format!("Cannot start saving in the background: {error}"));
                None
            }
        }
    }

    /// Takes in the results of background saves: the open evaluation's show in the top bar;
    /// a failed save of one no longer open is named in a notice until it lands (the saver
    /// keeps trying); a save diverted to a conflict copy is named once.
    pub(super) fn collect_save_reports(&mut self) {
        let Some(autosaver) = &self.autosaver else {
            return;
        };
        let reports = autosaver.reports();
        if reports.is_empty() {
            return;
        }
        for report in reports {
            let name = file_name(&report.path);
            let open = self
                .state
                .session
                .as_mut()
                .filter(|session| session.path == report.path);
            match (&report.result, open) {
                (Ok(saved), Some(session)) => {
                    session.saved_revision = session.saved_revision.max(report.revision);
                    session.save_error = None;
                    session.retry_at = None;
                    self.note_conflict_copy(&report.path, saved);
                }
                (Err(error), Some(session)) => {
                    session.save_error = Some(error.to_string());
                    session.retry_at = Some(session.last_save_at + RETRY_SECONDS);
                }
                (Ok(saved), None) => {
                    self.note_conflict_copy(&report.path, saved);
                    if self.failing_elsewhere.remove(&report.path) {
                        self.state
                            .info(format!("The notes of {name} are saved now."));
                    }
                }
                (Err(error), None) => {
                    if self.failing_elsewhere.insert(report.path.clone()) {
                        let again = if report.retry_in.is_some() {
                            "Onsite keeps trying; this notice goes when they are on disk."
                        } else {
                            "Open that evaluation again to save it once the cause is fixed."
                        };
                        self.state.error(format!(
                            "The last notes of {name} are not saved yet: {error}. {again}"
                        ));
                    }
                }
            }
        }
        if let Some(session) = &self.state.session {
            let (path, evaluation) = (session.path.clone(), session.evaluation.clone());
            self.state.update_listing(&path, &evaluation);
        }
    }

    /// Says once per file that its saves go to a conflict copy.
    fn note_conflict_copy(&mut self, path: &std::path::Path, saved: &Saved) {
        let Saved::InCopy { copy } = saved else {
            return;
        };
        if self.conflict_copies.insert(copy.clone()) {
            self.state.error(format!(
                "{} was changed on disk by another program since Onsite opened it, so it was \
                 left as that program wrote it; your notes are saved beside it in {}. Compare \
                 the two before deleting either.",
                file_name(path),
                file_name(copy)
            ));
        }
    }

    /// Hands the session to the autosaver when a save is due, and schedules the next frame.
    pub(super) fn autosave(&mut self, ctx: &egui::Context, now: f64) {
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if self.was_focused && !focused {
            // Losing focus often means the lid is closing: save now.
            self.save_now(now);
            self.remember_pack_files();
        } else if !self.was_focused && focused {
            self.refresh_changed_packs();
        }
        self.was_focused = focused;

        let Some(session) = &mut self.state.session else {
            return;
        };
        if let Some(retry_at) = session.retry_at
            && now >= retry_at
            && !session.is_saved()
        {
            session.retry_at = None;
            session.debounce.edited(now - 1.0);
        }
        match session.debounce.due_in(now) {
            Some(wait) if wait <= 0.0 => self.save_now(now),
            Some(wait) => ctx.request_repaint_after(Duration::from_secs_f64(wait)),
            None => {}
        }
        if let Some(session) = &self.state.session {
            if let Some(retry_at) = session.retry_at {
                ctx.request_repaint_after(Duration::from_secs_f64((retry_at - now).max(0.05)));
            }
            if let Some((started, _)) = session.clock {
                // One repaint a second, on the second, keeps the timer honest without
                // busy-looping.
                let fraction = (now - started).max(0.0).fract();
                ctx.request_repaint_after(Duration::from_secs_f64((1.0 - fraction).max(0.05)));
            }
        }
    }

    /// Queues a save of the session now, if anything changed since the last one.
    pub(super) fn save_now(&mut self, now: f64) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        session.debounce.clear();
        if session.is_saved() {
            return;
        }
        session.last_save_at = now;
        let Some(autosaver) = &self.autosaver else {
            session.save_error = Some("saving is not available".into());
            return;
        };
        if let Err(message) = autosaver.save(
            session.path.clone(),
            session.evaluation.clone(),
            session.revision,
        ) {
            session.save_error = Some(message);
        }
    }

    /// Waits until saves already handed to the background thread are on disk, without
    /// starting a new one (tests use it to model a crash right after an autosave).
    pub fn wait_for_saves(&mut self) -> bool {
        let flushed = self
            .autosaver
            .as_ref()
            .is_none_or(|saver| saver.flush(CLOSE_FLUSH));
        self.collect_save_reports();
        flushed
    }

    /// Saves everything and waits for the disk (on close, and in tests).
    pub fn flush(&mut self) -> bool {
        self.save_now(self.last_now);
        self.wait_for_saves()
    }

    /// What closing the window does: the running question's time is added and every change
    /// is written.
    pub(super) fn close(&mut self) {
        self.stop_clock(self.last_now);
        self.flush();
    }
}

/// The file name of `path`, for notices (the folder is the library's, known to the user).
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
