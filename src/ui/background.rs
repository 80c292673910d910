//! Work the window hands to a thread (exports, debrief packets, kits) so no frame waits for
//! it: the result comes back through a channel, and the window wakes when it is there.

use std::sync::mpsc::{self, Receiver};
use std::thread;

use eframe::egui;

/// A job running on its own thread, whose result the window picks up with [`Self::poll`].
pub struct Background<T> {
    receiver: Receiver<T>,
}

impl<T: Send + 'static> Background<T> {
    /// Runs `job` on a thread called `name`; the window repaints when it is done.
    pub fn start(
        ctx: &egui::Context,
        name: &str,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        thread::Builder::new().name(name.into()).spawn(move || {
            // Nobody is waiting any more if the window closed meanwhile: nothing to do.
            let _ = sender.send(job());
            ctx.request_repaint();
        })?;
        Ok(Self { receiver })
    }

    /// The result, once the job has finished.
    pub fn poll(&self) -> Option<T> {
        self.receiver.try_recv().ok()
    }

    /// The results of the jobs in `running` that have finished, which leave the list.
    pub fn finished(running: &mut Vec<Self>) -> Vec<T> {
        let mut done = Vec::new();
        running.retain(|job| match job.poll() {
            Some(result) => {
                done.push(result);
                false
            }
            None => true,
        });
        done
    }
}
