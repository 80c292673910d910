//! The committee's files from the window: choosing evaluations for a debrief, writing the
//! packet, printing the plan as a kit, and saying how each went.

use std::path::PathBuf;

use eframe::egui;

use super::OnsiteApp;
use crate::domain::Evaluation;
use crate::report::{ExportFormat, Paper};
use crate::storage::load;
use crate::ui::action::RecordAction;
use crate::ui::committee::{self, RunningCommittee};
use crate::ui::dialogs::Dialog;
use crate::ui::export::default_folder;
use crate::ui::notices::NoticeKind;

impl OnsiteApp {
    /// Adds `path` to the debrief's evaluations, or takes it out.
    pub(super) fn choose_for_debrief(&mut self, path: PathBuf, chosen: bool) {
        let files = &mut self.state.debrief_files;
        files.retain(|known| *known != path);
        if chosen {
            files.push(path);
        }
    }

    /// Evaluation files dropped on the window join the debrief (they are the files other
    /// interviewers shared); `false` when any dropped file is not an evaluation.
    pub(super) fn drop_for_debrief(&mut self, dropped: &[PathBuf]) -> bool {
        let all_evaluations = !dropped.is_empty()
            && dropped.iter().all(|path| {
                crate::storage::format::read_text(path).is_ok_and(|text| {
                    crate::storage::format::sniff_kind(&text)
                        == Some(crate::storage::FileKind::Evaluation)
                })
            });
        if !all_evaluations {
            return false;
        }
        for path in dropped {
            self.choose_for_debrief(path.clone(), true);
        }
        let count = self.state.debrief_files.len();
        self.state.notice_with_button(
            NoticeKind::Info,
            format!("{count} evaluations chosen for the debrief."),
            Some(("Debrief…".to_owned(), RecordAction::Debrief.into())),
        );
        true
    }

    /// Asks where to write the packet of the chosen evaluations.
    pub(super) fn ask_debrief(&mut self) {
        let Some(first) = self.state.debrief_files.first() else {
            return self
                .state
                .error("Choose the panel's evaluations on Home first, or drop their files here.");
        };
        // The listing has the name of a library file; a dropped one is read for it.
        let listed = self.state.evaluations.iter().find(|l| l.path == *first);
        let candidate = match listed {
            Some(listing) => listing.candidate.clone(),
            None => load::<Evaluation>(first)
                .map(|evaluation| evaluation.candidate)
                .unwrap_or_default(),
        };
        let format = ExportFormat::Pdf;
        let name = committee::debrief_file_name(&candidate, format);
        self.state.dialog = Some(Dialog::Debrief {
            target: default_folder().join(name).display().to_string(),
            format,
            paper: Paper::A4,
        });
    }

    /// Writes the packet as the dialog says, in the background.
    pub(super) fn run_debrief(&mut self, ctx: &egui::Context) {
        let Some(Dialog::Debrief {
            target,
            format,
            paper,
        }) = self.state.dialog.take()
        else {
            return;
        };
        let files = self.state.debrief_files.clone();
        let target = PathBuf::from(target.trim());
        self.start_committee(ctx, move || {
            committee::make_debrief(&files, target, format, paper)
        });
    }

    /// Asks where to print the plan being built.
    pub(super) fn ask_kit(&mut self) {
        let plan = &self.state.builder.plan;
        if plan.entries.is_empty() {
            return self
                .state
                .error("Add questions to the plan before printing its kit.");
        }
        self.state.dialog = Some(Dialog::Kit {
            target: default_folder()
                .join(committee::kit_file_name(plan))
                .display()
                .to_string(),
            paper: Paper::A4,
        });
    }

    /// Prints the plan being built as the dialog says, in the background.
    pub(super) fn run_kit(&mut self, ctx: &egui::Context) {
        let Some(Dialog::Kit { target, paper }) = self.state.dialog.take() else {
            return;
        };
        let plan = self.state.builder.plan.clone();
        let entries = match plan.resolve(&self.state.packs) {
            Ok(entries) => entries,
            Err(missing) => {
                let list: Vec<String> = missing
                    .iter()
                    .map(|reference| {
                        format!("`{}` of pack `{}`", reference.question, reference.pack)
                    })
                    .collect();
                return self.state.error(format!(
                    "Cannot print the kit: no loaded pack has {}.",
                    list.join(", ")
                ));
            }
        };
        let target = PathBuf::from(target.trim());
        self.start_committee(ctx, move || {
            committee::make_kit(&plan, &entries, target, paper)
        });
    }

    fn start_committee(
        &mut self,
        ctx: &egui::Context,
        job: impl FnOnce() -> committee::CommitteeReport + Send + 'static,
    ) {
        match RunningCommittee::start(ctx, "onsite-committee", job) {
            Ok(running) => self.committee_jobs.push(running),
            Err(error) => self.state.error(format!("Cannot start writing: {error}")),
        }
    }

    /// Picks up finished packets and kits and says how they went.
    pub(super) fn collect_committee_jobs(&mut self) {
        for report in crate::ui::background::Background::finished(&mut self.committee_jobs) {
            // What the committee should know stays on screen until it is read.
            let kind = if report.warnings.is_empty() {
                NoticeKind::Info
            } else {
                NoticeKind::Warning
            };
            match committee::describe(&report) {
                Ok(text) => self.state.notice_with_button(
                    kind,
                    text,
                    Some((
                        "Open".to_owned(),
                        RecordAction::OpenExternally(report.path).into(),
                    )),
                ),
                Err(text) => self.state.error(text),
            }
        }
    }
}
