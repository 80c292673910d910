//! Continuous saving of the evaluation being taken, off the UI thread.
//!
//! [`Debounce`] decides *when* to save: soon after typing pauses, and at least once a second
//! while typing goes on, so no more than about a second of notes is ever at risk.
//! [`Autosaver`] does the saving on a background thread, so a slow disk never stalls a frame,
//! keeps a waiting save per evaluation, tries failed saves again until they land, and reports
//! each attempt back.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::atomic::Visibility;
use super::error::SaveError;
use super::format::save_guarded;
use super::guard::Saved;
use super::library::Library;
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

/// How long the worker waits before trying a failed save again, by default.
pub const RETRY_INTERVAL: Duration = Duration::from_secs(2);

/// The result of one attempt at a background save.
#[derive(Debug)]
pub struct SaveReport {
    /// The revision that was saved (or failed to be).
    pub revision: u64,
    /// The path the save was queued for.
    pub path: PathBuf,
    /// Where the data went, or why the save failed; after a failure the file's previous
    /// version is intact.
    pub result: Result<Saved, SaveError>,
    /// After a failure that may pass (a full disk, say): when the worker tries again by
    /// itself. `None` after a success, or a failure that waits for a newer revision (a file
    /// too large, a read-only library).
    pub retry_in: Option<Duration>,
}

enum Job {
    Save {
        path: PathBuf,
        evaluation: Box<Evaluation>,
        revision: u64,
    },
    Flush(Sender<bool>),
}

/// A save waiting to be written: the newest revision queued for one path.
struct Pending {
    evaluation: Box<Evaluation>,
    revision: u64,
    /// Not before this time (after a failure).
    not_before: Instant,
}

/// Saves evaluations on a background thread. If several saves of one evaluation queue up while
/// the disk is busy, only the newest is written; saves of different evaluations never replace
/// each other. A save that fails is kept and tried again every [`RETRY_INTERVAL`] until it
/// lands or a newer revision of the same evaluation replaces it, whichever evaluation is open.
pub struct Autosaver {
    jobs: Sender<Job>,
    reports: Receiver<SaveReport>,
}

impl Autosaver {
    /// Starts the saving thread. `wake` is called after every save so the UI can pick up the
    /// report (e.g. `egui::Context::request_repaint`). Saves go where they are asked, guarded
    /// against files changed by someone else ([`save_guarded`]).
    pub fn start(wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        Self::start_with(None, RETRY_INTERVAL, wake)
    }

    /// Starts the saving thread for `library`: saves go through
    /// [`Library::save_evaluation`], so nothing is written while the library is read-only.
    pub fn for_library(
        library: Option<Library>,
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        Self::start_with(library, RETRY_INTERVAL, wake)
    }

    /// Like [`Autosaver::for_library`], trying failed saves again after `retry` (tests use a
    /// short one).
    pub fn start_with(
        library: Option<Library>,
        retry: Duration,
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (report_tx, reports) = mpsc::channel();
        let worker = Worker {
            library,
            retry,
            pending: BTreeMap::new(),
            given_up: BTreeMap::new(),
        };
        thread::Builder::new()
            .name("onsite-autosave".into())
            .spawn(move || worker.run(&job_rx, &report_tx, &wake))?;
        Ok(Self { jobs, reports })
    }

    /// Queues a save of `evaluation` at `path`, tagged with `revision`; it replaces any save of
    /// the same path still waiting.
    pub fn save(&self, path: PathBuf, evaluation: Evaluation, revision: u64) -> Result<(), String> {
        self.jobs
            .send(Job::Save {
                path,
                evaluation: Box::new(evaluation),
                revision,
            })
            .map_err(|_| "the autosave thread has stopped".to_owned())
    }

    /// Reports of save attempts finished since the last call, in order.
    pub fn reports(&self) -> Vec<SaveReport> {
        self.reports.try_iter().collect()
    }

    /// Tries every waiting save now (failed ones too) and waits for the attempts, at most
    /// `timeout`. Returns whether the newest revision of every evaluation queued so far has
    /// landed.
    pub fn flush(&self, timeout: Duration) -> bool {
        let (done_tx, done_rx) = mpsc::channel();
        if self.jobs.send(Job::Flush(done_tx)).is_err() {
            return false;
        }
        done_rx.recv_timeout(timeout).unwrap_or(false)
    }
}

struct Worker {
    library: Option<Library>,
    retry: Duration,
    pending: BTreeMap<PathBuf, Pending>,
    /// Paths whose newest revision failed in a way retrying cannot fix, until a newer one
    /// lands: a flush must not say everything is on disk.
    given_up: BTreeMap<PathBuf, u64>,
}

impl Worker {
    fn run(mut self, jobs: &Receiver<Job>, reports: &Sender<SaveReport>, wake: &dyn Fn()) {
        loop {
            let first = match self.next_retry() {
                None => jobs.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(at) => jobs.recv_timeout(at.saturating_duration_since(Instant::now())),
            };
            let mut flushes = Vec::new();
            let mut stopping = false;
            match first {
                Ok(job) => self.take(job, &mut flushes),
                Err(RecvTimeoutError::Timeout) => {}
                // The window has gone: one last try at whatever is waiting, then stop.
                Err(RecvTimeoutError::Disconnected) => stopping = true,
            }
            for job in jobs.try_iter() {
                self.take(job, &mut flushes);
            }
            let force = stopping || !flushes.is_empty();
            if self.attempt(force, reports) {
                wake();
            }
            let all_landed = self.pending.is_empty() && self.given_up.is_empty();
            for done in flushes {
                let _ = done.send(all_landed);
            }
            if stopping {
                return;
            }
        }
    }

    fn take(&mut self, job: Job, flushes: &mut Vec<Sender<bool>>) {
        match job {
            Job::Save {
                path,
                evaluation,
                revision,
            } => {
                self.pending.insert(
                    path,
                    Pending {
                        evaluation,
                        revision,
                        not_before: Instant::now(),
                    },
                );
            }
            Job::Flush(done) => flushes.push(done),
        }
    }

    fn next_retry(&self) -> Option<Instant> {
        self.pending.values().map(|job| job.not_before).min()
    }

    /// Writes every save that is due (all of them when `force`); returns whether any was tried.
    fn attempt(&mut self, force: bool, reports: &Sender<SaveReport>) -> bool {
        let now = Instant::now();
        let due: Vec<PathBuf> = self
            .pending
            .iter()
            .filter(|(_, job)| force || job.not_before <= now)
            .map(|(path, _)| path.clone())
            .collect();
        for path in &due {
            let Some(job) = self.pending.get_mut(path) else {
                continue;
            };
            let result = match &self.library {
                Some(library) => library.save_evaluation(path, &job.evaluation),
                None => save_guarded(path, &*job.evaluation, Visibility::Private),
            };
            let retry_in = match &result {
                Err(error) if error.is_transient() => Some(self.retry),
                Ok(_) | Err(_) => None,
            };
            let revision = job.revision;
            match retry_in {
                Some(wait) => job.not_before = Instant::now() + wait,
                None => {
                    self.pending.remove(path);
                    if result.is_ok() {
                        self.given_up.remove(path);
                    } else {
                        self.given_up.insert(path.clone(), revision);
                    }
                }
            }
            // The UI may have gone; then nobody needs the report.
            let _ = reports.send(SaveReport {
                revision,
                path: path.clone(),
                result,
                retry_in,
            });
        }
        !due.is_empty()
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

    fn reports_until(saver: &Autosaver, done: impl Fn(&[SaveReport]) -> bool) -> Vec<SaveReport> {
        let started = Instant::now();
        let mut all = Vec::new();
        while !done(&all) {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "gave up waiting: {all:?}"
            );
            thread::sleep(Duration::from_millis(10));
            all.extend(saver.reports());
        }
        all
    }

    #[test]
    fn a_failed_save_is_reported_and_tried_again_until_it_lands() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("missing-folder");
        let path = folder.join("e.ron");
        let saver = Autosaver::start_with(None, Duration::from_millis(50), || {}).unwrap();
        let mut evaluation = Evaluation::new("Ada", "");
        evaluation.general_notes = "typed while the folder was gone".into();
        saver.save(path.clone(), evaluation, 1).unwrap();
        assert!(!saver.flush(Duration::from_secs(10)), "nothing landed yet");
        let reports = saver.reports();
        let error = reports[0].result.as_ref().unwrap_err();
        assert!(error.to_string().contains("could not save"), "{error}");
        assert_eq!(reports[0].retry_in, Some(Duration::from_millis(50)));

        // Nobody queues the save again: the worker retries by itself once the folder is back.
        std::fs::create_dir(&folder).unwrap();
        let reports = reports_until(&saver, |r| r.iter().any(|r| r.result.is_ok()));
        let landed = reports.iter().find(|r| r.result.is_ok()).unwrap();
        assert_eq!((landed.revision, landed.retry_in), (1, None));
        let saved: Evaluation = load(&path).unwrap();
        assert_eq!(saved.general_notes, "typed while the folder was gone");
        assert!(saver.flush(Duration::from_secs(10)));
    }

    #[test]
    fn saves_of_different_evaluations_never_replace_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Autosaver::start(|| {}).unwrap();
        // A large save keeps the worker busy while the next two queue up behind it.
        let mut large = Evaluation::new("Busy", "");
        large.general_notes = "x".repeat(8 * 1024 * 1024);
        saver.save(dir.path().join("large.ron"), large, 1).unwrap();
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        let mut first = Evaluation::new("Ada", "");
        first.general_notes = "A's last words".into();
        saver.save(a.clone(), first, 7).unwrap();
        saver.save(b.clone(), Evaluation::new("Bo", ""), 1).unwrap();
        assert!(saver.flush(Duration::from_secs(30)));
        let saved: Evaluation = load(&a).unwrap();
        assert_eq!(saved.general_notes, "A's last words");
        assert_eq!(load::<Evaluation>(&b).unwrap().candidate, "Bo");
        let landed: Vec<(PathBuf, u64)> = saver
            .reports()
            .into_iter()
            .filter(|r| r.result.is_ok())
            .map(|r| (r.path, r.revision))
            .collect();
        assert!(
            landed.contains(&(a, 7)) && landed.contains(&(b, 1)),
            "{landed:?}"
        );
    }

    #[test]
    fn a_failing_evaluation_keeps_being_retried_while_another_saves() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("later");
        let (a, b) = (folder.join("a.ron"), dir.path().join("b.ron"));
        let saver = Autosaver::start_with(None, Duration::from_millis(50), || {}).unwrap();
        saver
            .save(a.clone(), Evaluation::new("Ada", ""), 3)
            .unwrap();
        assert!(!saver.flush(Duration::from_secs(10)));
        // The session moves on to another evaluation, which saves fine.
        saver.save(b.clone(), Evaluation::new("Bo", ""), 1).unwrap();
        assert!(!saver.flush(Duration::from_secs(10)), "A is still waiting");
        std::fs::create_dir(&folder).unwrap();
        reports_until(&saver, |r| {
            r.iter().any(|r| r.path == a && r.result.is_ok())
        });
        assert_eq!(load::<Evaluation>(&a).unwrap().candidate, "Ada");
        assert_eq!(load::<Evaluation>(&b).unwrap().candidate, "Bo");
    }

    #[test]
    fn a_file_changed_under_the_saver_is_kept_and_saves_go_to_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.ron");
        let saver = Autosaver::start(|| {}).unwrap();
        let mut evaluation = Evaluation::new("Ada", "");
        evaluation.general_notes = "AAAA".into();
        saver.save(path.clone(), evaluation.clone(), 1).unwrap();
        assert!(saver.flush(Duration::from_secs(10)));
        let theirs = std::fs::read_to_string(&path)
            .unwrap()
            .replace("AAAA", "changed by a sync tool");
        std::fs::write(&path, &theirs).unwrap();

        evaluation.general_notes = "AAAACCCC".into();
        saver.save(path.clone(), evaluation.clone(), 2).unwrap();
        evaluation.general_notes = "AAAACCCCDD".into();
        assert!(saver.flush(Duration::from_secs(10)));
        saver.save(path.clone(), evaluation, 3).unwrap();
        assert!(saver.flush(Duration::from_secs(10)));
        let reports = saver.reports();
        let copies: Vec<&Saved> = reports.iter().map(|r| r.result.as_ref().unwrap()).collect();
        let Saved::InCopy { copy } = copies[1] else {
            panic!("{copies:?}");
        };
        assert_eq!(copies[2], copies[1], "later saves go to the same copy");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        assert_eq!(
            load::<Evaluation>(copy).unwrap().general_notes,
            "AAAACCCCDD"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(copy).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
