//! The window: an app shell split by concern ([`app`]), one module per screen owning its
//! state (the plan builder, the session shared by the interview and review screens, the pack
//! editor), shared state in [`state::AppState`], views that queue [`action::Action`]s applied
//! after the frame, and every shortcut declared once ([`shortcuts`]).

pub mod action;
pub mod app;
pub mod background;
pub mod committee;
pub mod dialogs;
pub mod export;
pub mod home;
pub mod interview;
pub mod notices;
pub mod packs;
pub mod plan_builder;
pub mod review;
pub mod search;
pub mod session;
pub mod settings;
pub mod shortcuts;
pub mod state;
pub mod theme;
pub mod widgets;

use eframe::egui;

pub use app::OnsiteApp;

/// The window's icon (`assets/icons/onsite.svg`, rendered at 256 px).
pub const ICON: &[u8] = include_bytes!("../../assets/icons/onsite-256.png");

/// Opens the main window and runs until it is closed; `open` is a file to show at once.
pub fn run(open: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    let (library, library_error) = app::open_library();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Onsite")
        // Matches `StartupWMClass` in assets/onsite.desktop, so the desktop shows our icon.
        .with_app_id("onsite")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([760.0, 480.0]);
    match eframe::icon_data::from_png_bytes(ICON) {
        Ok(icon) => viewport = viewport.with_icon(std::sync::Arc::new(icon)),
        // The window works without its icon; a broken build would show in the tests.
        Err(error) => eprintln!("warning: the window icon could not be read: {error}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: app::persistence_path(library.as_ref()),
        // The app installs its own system font provider (see `theme::install`).
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "Onsite",
        options,
        Box::new(move |cc| {
            let mut app = app::EframeApp::new(cc, library);
            if let Some(error) = library_error {
                app.state_mut().error(error);
            }
            if let Some(path) = open {
                app.push(action::Action::OpenFile(path));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
