//! A bare eframe window, built with Onsite's eframe features (glow, x11, wayland, default fonts,
//! clipboard, persistence, accesskit): the baseline for the start-up benchmark
//! (`benches/startup.rs`). It opens at Onsite's size, shows one line of text and nothing else.
//!
//! `cargo run --release --example bare_window`

use eframe::egui;

/// The whole app: no state, no library, no fonts beyond egui's own.
struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A bare eframe window.");
        });
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare window")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("Bare window", options, Box::new(|_cc| Ok(Box::new(Bare))))
}
