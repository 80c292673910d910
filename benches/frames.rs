//! Frame cost against library size: the real app stepped headlessly with egui_kittest (as
//! `tests/ui_flow.rs` drives it) on the plan builder and the interview screen, once with a
//! library of 5,000 generated questions and once with 15. The plan is the same eight
//! questions' worth in both, spread across the library; only the library's size differs.
//!
//! Run with `cargo bench --bench frames`; results are kept in `docs/benchmarks.md`.
//! Target: CPU per frame with 5,000 questions ≤ 1.5× with 15.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{generated_question, measuring};

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use onsite::domain::QuestionPack;
use onsite::storage::Library;
use onsite::ui::OnsiteApp;
use onsite::ui::action::{Action, PackAction, PlanAction};
use onsite::ui::search::{QuestionIndex, QuestionKey};
use onsite::ui::state::{Screen, Settings};

/// The two library sizes compared.
const SIZES: [usize; 2] = [15, 5_000];

/// Questions in the plan, and so in the interview.
const PLAN: usize = 8;

/// The window size Onsite opens with.
const WINDOW: [f32; 2] = [1280.0, 800.0];

/// What a scene shows while it is timed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    /// The plan builder, nothing typed: the whole library listed (virtualised).
    PlanBuilder,
    /// The plan builder with the search query changing every frame, as when typing.
    Typing,
    /// The interview screen with its clock running.
    Interview,
}

impl View {
    const ALL: [View; 3] = [View::PlanBuilder, View::Typing, View::Interview];

    fn name(self) -> &'static str {
        match self {
            View::PlanBuilder => "plan_builder",
            View::Typing => "plan_builder_typing",
            View::Interview => "interview",
        }
    }
}

/// The app on one screen over a library of a given size, ready to be stepped.
struct Scene {
    view: View,
    questions: usize,
    harness: Harness<'static, OnsiteApp>,
    frame: usize,
    // Declared last so the app (and its autosaver) goes before the folder does.
    _home: tempfile::TempDir,
}

impl Scene {
    fn new(view: View, questions: usize) -> Self {
        let home = tempfile::tempdir().unwrap();
        let library = Library::open(home.path()).unwrap();
        let mut pack = QuestionPack::new("generated", "Generated questions");
        pack.questions = (0..questions).map(generated_question).collect();
        library.save_pack(&pack).unwrap();
        let settings = Settings {
            interviewer: "Bench".into(),
            ..Settings::default()
        };
        let mut app = OnsiteApp::new(Some(library), settings);
        // Only the generated questions: the bundled packs would add theirs to both sizes.
        app.state.packs.retain(|entry| !entry.is_bundled());
        app.state.index = QuestionIndex::new(&app.state.packs);
        app.state.builder.results_for = None;
        assert_eq!(app.state.index.len(), questions);

        let mut harness = Harness::builder()
            .with_size(WINDOW)
            .with_max_steps(64)
            .build_ui_state(|ui, app: &mut OnsiteApp| app.show(ui), app);
        harness.run();

        harness.state_mut().push(Action::Plan(PlanAction::New));
        harness.run();
        for n in 0..PLAN {
            harness
                .state_mut()
                .push(Action::Plan(PlanAction::Add(QuestionKey {
                    pack: 0,
                    question: n * (questions - 1) / (PLAN - 1),
                })));
        }
        harness.run();
        assert_eq!(harness.state().state.builder.plan.entries.len(), PLAN);
        assert_eq!(harness.state().state.screen, Screen::PlanBuilder);
        if view == View::Interview {
            harness.state_mut().push(Action::Plan(PlanAction::Start {
                candidate: "Ada Lovelace".into(),
                role: "Backend engineer".into(),
            }));
            harness.run();
            assert_eq!(harness.state().state.screen, Screen::Interview);
        }
        Self {
            view,
            questions,
            harness,
            frame: 0,
            _home: home,
        }
    }

    /// One frame, as eframe would run it after an input event.
    fn step(&mut self) {
        if self.view == View::Typing {
            // Alternate between two queries, so every frame runs a search as a keystroke does.
            self.frame += 1;
            let query = if self.frame.is_multiple_of(2) {
                "cache"
            } else {
                "cach"
            };
            let filter = &mut self.harness.state_mut().state.builder.filter;
            filter.query.clear();
            filter.query.push_str(query);
        }
        self.harness.step();
    }

    fn name(&self) -> String {
        format!("{}/{}", self.view.name(), self.questions)
    }
}

/// The smallest repaint delay the last frame asked for.
fn repaint_delay(harness: &Harness<'_, OnsiteApp>) -> Duration {
    harness
        .output()
        .viewport_output
        .values()
        .map(|v| v.repaint_delay)
        .min()
        .unwrap_or(Duration::MAX)
}

/// Shows a repaint delay; `Duration::MAX` is egui's "no repaint requested".
fn show_delay(delay: Duration) -> String {
    if delay == Duration::MAX {
        "none".to_owned()
    } else {
        format!("{delay:?}")
    }
}

/// What the window asks for once input stops: nothing on Home and in the plan builder, a tick
/// a second in an interview. For the interview, frames are then run exactly when asked for
/// over 10 s of (simulated) time, and counted.
fn idle_report() {
    for questions in SIZES {
        let mut scene = Scene::new(View::PlanBuilder, questions);
        scene.harness.step();
        let builder = repaint_delay(&scene.harness);
        scene.harness.state_mut().push(Action::Go(Screen::Home));
        scene.harness.run();
        scene.harness.step();
        let home = repaint_delay(&scene.harness);

        let mut scene = Scene::new(View::Interview, questions);
        scene.harness.run_steps(12);
        assert!(scene.harness.state_mut().wait_for_saves());
        scene.harness.step();
        let first = repaint_delay(&scene.harness);
        let start = scene.harness.ctx.input(|i| i.time);
        let mut now = start;
        let mut frames = 0;
        let mut delays = Vec::new();
        while now < start + 10.0 {
            let delay = repaint_delay(&scene.harness).min(Duration::from_secs(60));
            delays.push(delay);
            now += delay.as_secs_f64();
            scene.harness.input_mut().time = Some(now);
            scene.harness.step();
            frames += 1;
        }
        delays.sort();
        eprintln!(
            "idle with {questions} questions: repaint asked on Home: {}, in the plan builder: {}; \
             interview: first {first:?}, then {frames} frames in 10 s (delays {:?} to {:?})",
            show_delay(home),
            show_delay(builder),
            delays[0],
            delays[delays.len() - 1]
        );
    }
}

/// The slowest frame while a pack is saved from the editor and while a pack file is
/// imported, with a 5,000-question library: saving or importing puts the one pack in place
/// and re-indexes off the UI thread, so no frame should come near 16 ms.
fn pack_change_report() {
    let questions = SIZES[1];
    let mut scene = Scene::new(View::PlanBuilder, questions);
    let home = scene._home.path().to_owned();
    let library = Library::open(&home).unwrap();
    // A team pack of a realistic size, saved from the editor after an edit.
    let mut team = QuestionPack::new("team", "Team questions");
    team.questions = (0..30).map(generated_question).collect();
    let team_path = library.save_pack(&team).unwrap();
    let incoming = home.join("incoming.ron");
    let mut other = team.clone();
    other.id = "incoming".into();
    onsite::storage::save(&incoming, &other, onsite::storage::Visibility::Shared).unwrap();
    scene
        .harness
        .state_mut()
        .push(Action::Packs(PackAction::Import(vec![team_path])));
    scene.harness.run();
    let slowest = |scene: &mut Scene, action: Action| {
        scene.harness.state_mut().push(action);
        let mut worst = 0.0f64;
        // The frame that applies the action, and those until the new index is in.
        for _ in 0..8 {
            let started = Instant::now();
            scene.harness.step();
            worst = worst.max(started.elapsed().as_secs_f64() * 1e3);
        }
        worst
    };
    let index = scene
        .harness
        .state()
        .state
        .packs
        .iter()
        .position(|entry| entry.pack.id == "team")
        .unwrap_or(0);
    let open = slowest(&mut scene, Action::Packs(PackAction::Open(index)));
    if let Some(editor) = scene.harness.state_mut().state.pack_editor.as_mut() {
        editor.pack.questions[0].prompt.push_str(" Edited.");
        editor.changed(onsite::domain::QuestionField::Prompt, 0.0);
    }
    let save = slowest(&mut scene, Action::Packs(PackAction::Save));
    let import = slowest(
        &mut scene,
        Action::Packs(PackAction::Import(vec![incoming])),
    );
    eprintln!(
        "with {questions} questions: slowest frame opening a 30-question pack {open:.2} ms, \
         saving it {save:.2} ms, importing another {import:.2} ms (target 16 ms)"
    );
}

fn frames(c: &mut Criterion) {
    if measuring() {
        idle_report();
        pack_change_report();
    }

    let mut scenes: Vec<Scene> = View::ALL
        .iter()
        .flat_map(|&view| SIZES.map(|questions| Scene::new(view, questions)))
        .collect();

    let mut group = c.benchmark_group("frames");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for scene in &mut scenes {
        group.bench_function(BenchmarkId::from_parameter(scene.name()), |b| {
            b.iter(|| scene.step())
        });
    }
    group.finish();

    if !measuring() {
        return;
    }
    // The ratios, from rounds in which every scene runs a batch of frames in turn, so that
    // a busy moment on this shared machine slows all of them alike.
    const ROUNDS: usize = 15;
    const BATCH: u32 = 20;
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); scenes.len()];
    for _ in 0..ROUNDS {
        for (scene, times) in scenes.iter_mut().zip(&mut times) {
            let started = Instant::now();
            for _ in 0..BATCH {
                scene.step();
            }
            times.push(started.elapsed().as_secs_f64() * 1e3 / f64::from(BATCH));
        }
    }
    let medians: Vec<f64> = times.into_iter().map(common::median).collect();
    for pair in scenes.chunks(2).zip(medians.chunks(2)) {
        let ([small, large], [small_ms, large_ms]) = pair else {
            continue;
        };
        eprintln!(
            "{:>20}: {:>6.3} ms/frame with {}, {:>6.3} ms/frame with {}: {:.2}x",
            small.view.name(),
            small_ms,
            small.questions,
            large_ms,
            large.questions,
            large_ms / small_ms
        );
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
