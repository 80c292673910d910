//! The window. For now it lists the available packs; the interview screens build on this.

use eframe::egui;

use crate::storage::{Library, LoadError, PackEntry, bundled_packs};

/// Opens the main window and runs until it is closed.
pub fn run() -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Onsite")
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Onsite",
        options,
        Box::new(|_cc| Ok(Box::new(OnsiteApp::load()))),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}

/// The application state.
pub struct OnsiteApp {
    packs: Vec<PackEntry>,
    errors: Vec<LoadError>,
    library_root: Option<std::path::PathBuf>,
}

impl OnsiteApp {
    /// Loads the bundled packs and the user's library.
    pub fn load() -> Self {
        let (loaded, library_root) = match Library::open_default() {
            Ok(library) => (library.packs(), Some(library.root().to_owned())),
            Err(_) => (bundled_packs(), None),
        };
        Self {
            packs: loaded.items,
            errors: loaded.errors,
            library_root,
        }
    }
}

impl eframe::App for OnsiteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let Self {
            packs,
            errors,
            library_root,
        } = self;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Question packs");
            if let Some(root) = library_root {
                ui.weak(format!("Library: {}", root.display()));
            }
            ui.add_space(8.0);
            egui::ScrollArea::vertical().show(ui, |ui| {
                for entry in packs.iter() {
                    ui.horizontal(|ui| {
                        ui.strong(&entry.pack.title);
                        ui.weak(format!(
                            "{} questions · {}",
                            entry.pack.questions.len(),
                            if entry.is_bundled() {
                                "bundled"
                            } else {
                                "yours"
                            }
                        ));
                    });
                    if !entry.pack.description.is_empty() {
                        ui.label(&entry.pack.description);
                    }
                    ui.add_space(6.0);
                }
                for error in errors.iter() {
                    ui.colored_label(egui::Color32::from_rgb(0xB4, 0x23, 0x18), error.to_string());
                }
            });
        });
    }
}
