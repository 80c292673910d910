//! Start-up: time from launch to the first painted frame, for the release `onsite` binary and
//! for a bare eframe window built with the same features (`examples/bare_window.rs`), under
//! Xvfb, in the same run.
//!
//! eframe keeps a new window unmapped until its first frame is painted (it calls
//! `set_visible(true)` after rendering it), so the moment the window is mapped is the moment
//! of the first painted frame. `xev` listens on the X server's root window and reports the
//! `MapNotify`; nothing in Onsite is changed or instrumented.
//!
//! Needs `Xvfb` and `xev` (Debian: `xvfb`, `x11-utils`) and Mesa's GL. Run with
//! `cargo build --release --example bare_window && cargo bench --bench startup`; results are
//! kept in `docs/benchmarks.md`. Target: Onsite ≤ 1.3× the bare window.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use onsite::domain::QuestionPack;
use onsite::storage::{BUNDLED_PACKS, Library};
use onsite::ui::search::QuestionIndex;
use onsite::ui::state::{AppState, Settings};

/// Launches of each binary; the median is reported.
const RUNS: usize = 10;

/// Questions in the large library case, made of copies of the bundled questions.
const LARGE_LIBRARY: usize = 5_000;

/// Questions per pack file in the large library (files over 16 MiB are refused).
const PER_FILE: usize = 500;

/// A program under test and how to launch it.
struct Subject {
    name: &'static str,
    binary: PathBuf,
    /// `ONSITE_HOME` is a fresh copy of this folder for every launch.
    library: Option<PathBuf>,
}

/// Ends a child process of ours when dropped: with SIGTERM when `gently` (Xvfb then removes
/// its lock file and socket), else with SIGKILL.
struct Guard {
    child: Child,
    gently: bool,
}

impl Guard {
    fn new(child: Child) -> Self {
        Self {
            child,
            gently: false,
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.gently {
            let terminated = Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .status()
                .is_ok_and(|status| status.success());
            if terminated {
                let started = Instant::now();
                while started.elapsed() < Duration::from_secs(5) {
                    if matches!(self.child.try_wait(), Ok(Some(_))) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A display number with no X server on it.
fn free_display() -> u32 {
    (90..200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        })
        .expect("no free X display number between :90 and :199")
}

fn start_xvfb(display: u32) -> Guard {
    let child = Command::new("Xvfb")
        .arg(format!(":{display}"))
        .args(["-screen", "0", "1920x1080x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start Xvfb (Debian package `xvfb`)");
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{display}"));
    let started = Instant::now();
    while !socket.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "Xvfb did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Guard {
        child,
        gently: true,
    }
}

/// Listens for windows being mapped on `display`; every `MapNotify` is sent with its time.
fn watch_maps(display: u32) -> (Guard, mpsc::Receiver<Instant>) {
    let mut child = Command::new("xev")
        .args(["-display", &format!(":{display}"), "-root"])
        .args(["-event", "substructure"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start xev (Debian package `x11-utils`)");
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("MapNotify") && sender.send(Instant::now()).is_err() {
                break;
            }
        }
    });
    // Give xev time to select the events before anything is launched.
    std::thread::sleep(Duration::from_millis(500));
    (Guard::new(child), receiver)
}

/// A library folder with `count` questions, copies of the bundled ones under new ids, in
/// files of [`PER_FILE`] questions.
fn large_library(root: &Path, count: usize) {
    let bundled: Vec<_> = BUNDLED_PACKS
        .iter()
        .flat_map(|(name, text)| {
            onsite::storage::parse::<QuestionPack>(Path::new(name), text)
                .unwrap()
                .questions
        })
        .collect();
    let library = Library::open(root).unwrap();
    for file in 0..count.div_ceil(PER_FILE) {
        let mut pack = QuestionPack::new(format!("copies-{file}"), format!("Copies {file}"));
        pack.questions = (file * PER_FILE..((file + 1) * PER_FILE).min(count))
            .map(|n| {
                let mut question = bundled[n % bundled.len()].clone();
                question.id = format!("{}-{n}", question.id);
                question
            })
            .collect();
        library.save_pack(&pack).unwrap();
    }
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Launches `subject` and returns the time until its window is mapped.
fn launch(subject: &Subject, display: u32, maps: &mpsc::Receiver<Instant>) -> Duration {
    let scratch = tempfile::tempdir().unwrap();
    let home = scratch.path().join("home");
    match &subject.library {
        Some(library) => copy_folder(library, &home),
        None => std::fs::create_dir_all(&home).unwrap(),
    }
    while maps.try_recv().is_ok() {}
    let started = Instant::now();
    let child = Command::new(&subject.binary)
        .env("DISPLAY", format!(":{display}"))
        .env("ONSITE_HOME", &home)
        .env("XDG_DATA_HOME", scratch.path())
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {}: {error}", subject.binary.display()));
    let guard = Guard::new(child);
    let mapped = maps
        .recv_timeout(Duration::from_secs(30))
        .unwrap_or_else(|_| panic!("{}: no window within 30 s", subject.name));
    drop(guard);
    // Let the server tear the window down before the next launch.
    std::thread::sleep(Duration::from_millis(300));
    mapped - started
}

/// Where the time goes before the first frame with the large library: what `ui::run` does
/// before eframe's first frame (opening the library and loading the state), in this process.
fn in_process(large: &Path) {
    let median = |run: &dyn Fn()| {
        let mut times: Vec<f64> = (0..7)
            .map(|_| {
                let started = Instant::now();
                run();
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let library = Library::open(large).unwrap();
    let packs = library.packs();
    assert!(packs.errors.is_empty(), "{:?}", packs.errors);
    let bytes: u64 = std::fs::read_dir(library.packs_dir())
        .unwrap()
        .map(|entry| entry.unwrap().metadata().unwrap().len())
        .sum();
    let bundled: usize = onsite::storage::bundled_packs()
        .items
        .iter()
        .map(|entry| entry.pack.questions.len())
        .sum();
    let load = median(&|| {
        let state = AppState::load(Some(library.clone()), Settings::default());
        assert_eq!(state.index.len(), LARGE_LIBRARY + bundled);
    });
    // What the window does: the home screen at once, the packs read and indexed on their own
    // thread; how long until the plan builder has every question to search.
    let ready = median(&|| {
        let mut state = AppState::load_in_background(Some(library.clone()), Settings::default());
        while !state.poll_catalog() {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(state.index.len(), LARGE_LIBRARY + bundled);
    });
    let scan = median(&|| {
        std::hint::black_box(library.packs());
    });
    let index = median(&|| {
        std::hint::black_box(QuestionIndex::new(&packs.items));
    });
    eprintln!(
        "in process, 5,000-question library ({:.1} MB of packs): AppState::load {load:.1} ms, \
         of which Library::packs {scan:.1} ms and QuestionIndex::new {index:.1} ms; \
         packs ready {ready:.1} ms after the state is made (target: 300 ms from launch)",
        bytes as f64 / 1e6
    );
}

fn bare_window_binary(onsite: &Path) -> PathBuf {
    let binary = onsite
        .parent()
        .unwrap()
        .join("examples")
        .join("bare_window");
    if !binary.exists() {
        eprintln!(
            "{} is missing: build it first with `cargo build --release --example bare_window`",
            binary.display()
        );
        std::process::exit(2);
    }
    binary
}

fn main() {
    // `cargo bench` passes `--bench`; a plain `cargo test --benches` passes nothing and should
    // not start X servers.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let onsite = PathBuf::from(env!("CARGO_BIN_EXE_onsite"));
    let bare = bare_window_binary(&onsite);
    let libraries = tempfile::tempdir().unwrap();
    let large = libraries.path().join("large");
    large_library(&large, LARGE_LIBRARY);
    in_process(&large);
    let subjects = [
        Subject {
            name: "bare eframe window",
            binary: bare,
            library: None,
        },
        Subject {
            name: "onsite, empty library",
            binary: onsite.clone(),
            library: None,
        },
        Subject {
            name: "onsite, 5,000-question library",
            binary: onsite,
            library: Some(large),
        },
    ];

    let display = free_display();
    let _xvfb = start_xvfb(display);
    let (_xev, maps) = watch_maps(display);
    // One launch each to warm the page cache, not counted.
    for subject in &subjects {
        launch(subject, display, &maps);
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); subjects.len()];
    for run in 0..RUNS {
        // Rotate the order so no binary always goes first.
        for offset in 0..subjects.len() {
            let index = (run + offset) % subjects.len();
            times[index].push(launch(&subjects[index], display, &maps));
        }
    }
    let medians: Vec<Duration> = times
        .iter_mut()
        .map(|t| {
            t.sort();
            t[t.len() / 2]
        })
        .collect();
    for ((subject, times), median) in subjects.iter().zip(&times).zip(&medians) {
        eprintln!(
            "{:>32}: median {:>6.1} ms (min {:.1}, max {:.1}) = {:.2}x bare",
            subject.name,
            median.as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
            median.as_secs_f64() / medians[0].as_secs_f64()
        );
    }
}
