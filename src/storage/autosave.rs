//! Continuous saving of the evaluation being taken, off the UI thread.
//!
//! [`Debounce`] decides *when* to save: soon after typing pauses, and at least once a second
//! while typing goes on, so no more than about a second of notes is ever at risk.
//! [`Autosaver`] does the saving on a background thread, so a slow disk never stalls a frame,
//! and reports each result back.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use super::atomic::Visibility;
use super::error::SaveError;
use super::format::save;
use crate::domain::Evaluation;

/// Decides when pending changes should be saved. Times are seconds on any monotonic clock.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Debounce {
    first_unsaved: Option<f64>,
    last_edit: Option<f64>,
}

impl Debounce {
    /// Save once edits have paused this long.
    pub const QUIET: f64 = 0.3;
    /// Never let an unsaved edit wait longer than this.
    pub const MAX_DELAY: f64 = 1.0;

    /// Records an edit at `now`.
    pub fn edited(&mut self, now: f64) {
        self.first_unsaved.get_or_insert(now);
        self.last_edit = Some(now);
    }

    /// Whether anything is waiting to be saved.
    pub fn is_pending(&self) -> bool {
        self.first_unsaved.is_some()
    }

    /// Seconds until a save is due (zero: save now), or `None` when nothing is pending.
    pub fn due_in(&self, now: f64) -> Option<f64> {
        let first = self.first_unsaved?;
        let last = self.last_edit.unwrap_or(first);
        let due = (last + Self::QUIET).min(first + Self::MAX_DELAY);
        Some((due - now).max(0.0))
    }

    /// Forgets pending edits once their save has been handed over.
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// The result of one background save.
#[derive(Debug)]
pub struct SaveReport {
    /// The revision that was saved (or failed to be).
    pub revision: u64,
    /// Where it was saved.
    pub path: PathBuf,
    /// Why the save failed, if it did; the file's previous version is then intact.
    pub result: Result<(), SaveError>,
}

enum Job {
    Save {
        path: PathBuf,
        evaluation: Box<Evaluation>,
        revision: u64,
    },
    Flush(Sender<()>),
}

/// Saves evaluations on a background thread, newest first: if several saves queue up while the
/// disk is busy, only the latest is written.
pub struct Autosaver {
    jobs: Sender<Job>,
    reports: Receiver<SaveReport>,
}

impl Autosaver {
    /// Starts the saving thread. `wake` is called after every save so the UI can pick up the
    /// report (e.g. `egui::Context::request_repaint`).
    pub fn start(wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (report_tx, reports) = mpsc::channel();
        thread::Builder::new()
            .name("onsite-autosave".into())
            .spawn(move || run_worker(&job_rx, &report_tx, &wake))?;
        Ok(Self { jobs, reports })
    }

    /// Queues a save of `evaluation` at `path`, tagged with `revision`.
    pub fn save(&self, path: PathBuf, evaluation: Evaluation, revision: u64) -> Result<(), String> {
        self.jobs
            .send(Job::Save {
                path,
                evaluation: Box::new(evaluation),
                revision,
            })
            .map_err(|_| "the autosave thread has stopped".to_owned())
    }

    /// Reports of saves finished since the last call.
    pub fn reports(&self) -> Vec<SaveReport> {
        self.reports.try_iter().collect()
    }

    /// Waits until every queued save has been written, at most `timeout`. Returns whether it
    /// finished in time.
    pub fn flush(&self, timeout: Duration) -> bool {
        let (done_tx, done_rx) = mpsc::channel();
        if self.jobs.send(Job::Flush(done_tx)).is_err() {
            return false;
        }
        !matches!(
            done_rx.recv_timeout(timeout),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected)
        )
    }
}

fn run_worker(jobs: &Receiver<Job>, reports: &Sender<SaveReport>, wake: &dyn Fn()) {
    while let Ok(first) = jobs.recv() {
        // Coalesce: of the saves waiting now, only the newest needs writing.
        let mut latest = None;
        let mut flushes = Vec::new();
        for job in std::iter::once(first).chain(jobs.try_iter()) {
            match job {
                Job::Save { .. } => latest = Some(job),
                Job::Flush(done) => flushes.push(done),
            }
        }
        if let Some(Job::Save {
            path,
            evaluation,
            revision,
        }) = latest
        {
            let result = save(&path, &*evaluation, Visibility::Private);
            // The UI may have gone; then nobody needs the report.
            let _ = reports.send(SaveReport {
                revision,
                path,
                result,
            });
            wake();
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::load;

    #[test]
    fn debounce_waits_for_a_pause_but_never_more_than_a_second() {
        let mut debounce = Debounce::default();
        assert_eq!(debounce.due_in(0.0), None);
        debounce.edited(10.0);
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(debounce.due_in(10.0), Debounce::QUIET));
        // Typing steadily: the quiet period keeps moving but the maximum delay holds.
        for step in 1..=9 {
            debounce.edited(10.0 + f64::from(step) * 0.1);
        }
        assert!(close(debounce.due_in(10.9), 0.1));
        assert_eq!(debounce.due_in(11.5), Some(0.0));
        debounce.clear();
        assert!(!debounce.is_pending());
    }

    #[test]
    fn saves_in_the_background_and_reports() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.ron");
        let saver = Autosaver::start(|| {}).unwrap();
        let mut evaluation = Evaluation::new("Ada", "Engineer");
        for revision in 1..=5 {
            evaluation.general_notes = format!("revision {revision}");
            saver
                .save(path.clone(), evaluation.clone(), revision)
                .unwrap();
        }
        assert!(saver.flush(Duration::from_secs(10)));
        let reports = saver.reports();
        assert!(!reports.is_empty());
        assert!(reports.iter().all(|r| r.result.is_ok()));
        assert_eq!(reports.last().unwrap().revision, 5);
        let saved: Evaluation = load(&path).unwrap();
        assert_eq!(saved.general_notes, "revision 5");
    }

    #[test]
    fn a_failed_save_is_reported_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("e.ron");
        let saver = Autosaver::start(|| {}).unwrap();
        saver.save(path, Evaluation::new("Ada", ""), 1).unwrap();
        assert!(saver.flush(Duration::from_secs(10)));
        let reports = saver.reports();
        assert_eq!(reports.len(), 1);
        assert!(
            reports[0]
                .result
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("could not save")
        );
    }
}
