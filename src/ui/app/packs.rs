//! Question packs: importing pack files and documents (with the keep-both / replace / cancel
//! question and backups), the pack editor's actions, saving and exporting packs.

use std::path::{Path, PathBuf};

use eframe::egui;
use jiff::Timestamp;

use super::OnsiteApp;
use crate::domain::{QuestionPack, slugify, unique_id};
use crate::storage::{self, Library, PackOrigin, load};
use crate::ui::action::{ImportChoice, PackAction, QuestionEdit};
use crate::ui::dialogs::{Dialog, PathPurpose};
use crate::ui::export;
use crate::ui::packs::{PackEditor, SaveTarget};
use crate::ui::state::{AppState, Screen};

impl OnsiteApp {
    /// Applies one action on packs.
    pub(super) fn apply_packs(&mut self, action: PackAction, ctx: &egui::Context, now: f64) {
        match action {
            PackAction::BrowseImport => self.browse_import(),
            PackAction::Import(paths) => self.import_packs(&paths),
            PackAction::ResolveImport(choice) => self.resolve_import(choice),
            PackAction::BrowseDocument => self.browse_document(),
            PackAction::ImportDocument(path) => self.read_document(path),
            PackAction::AcceptPreview => {
                if let Some(Dialog::ImportPreview { pack, .. }) = self.state.dialog.take() {
                    self.import_pack(*pack, Vec::new());
                }
            }
            PackAction::EditPreview => {
                if let Some(Dialog::ImportPreview { pack, .. }) = self.state.dialog.take() {
                    let mut pack = *pack;
                    pack.id = self.unused_pack_id(&pack.id);
                    self.edit_new_pack(pack);
                }
            }
            PackAction::New => {
                let mut pack =
                    QuestionPack::new(self.unused_pack_id("my-questions"), "My questions");
                pack.author = self.state.settings.interviewer.clone();
                let mut editor = PackEditor::open(pack, SaveTarget::New);
                editor.edit_questions(QuestionEdit::Add);
                // A new pack is a starting point, not a change to undo.
                editor.forget_history();
                self.state.pack_editor = Some(editor);
                self.state.screen = Screen::Packs;
            }
            PackAction::Open(index) => self.open_pack(index),
            PackAction::Duplicate => {
                if let Some(editor) = &self.state.pack_editor {
                    let mut pack = editor.pack.clone();
                    pack.id = self.unused_pack_id(&format!("{}-copy", pack.id));
                    pack.title = format!("{} (copy)", pack.title);
                    self.edit_new_pack(pack);
                }
            }
            PackAction::Save => {
                self.save_pack();
            }
            PackAction::SaveThen(then) => {
                self.state.dialog = None;
                if self.save_pack() {
                    self.apply(*then, ctx, now);
                }
            }
            PackAction::DiscardThen(then) => {
                self.state.dialog = None;
                self.state.pack_editor = None;
                self.apply(*then, ctx, now);
            }
            PackAction::Undo => self.with_editor(PackEditor::undo),
            PackAction::Redo => self.with_editor(PackEditor::redo),
            PackAction::Edit(edit) => self.with_editor(|editor| editor.edit_questions(edit)),
            PackAction::ExportDialog => {
                if let Some(editor) = &self.state.pack_editor {
                    let name = format!("{}.ron", slugify(&editor.pack.id, "pack"));
                    self.state.dialog = Some(Dialog::ExportPack {
                        target: export::default_folder().join(name).display().to_string(),
                    });
                }
            }
            PackAction::RunExport => self.export_pack(),
        }
    }

    fn with_editor<T>(&mut self, change: impl FnOnce(&mut PackEditor) -> T) {
        if let Some(editor) = &mut self.state.pack_editor
            && !editor.is_read_only()
        {
            change(editor);
        }
    }

    fn open_pack(&mut self, index: usize) {
        if let Some(entry) = self.state.packs.get(index) {
            let target = match &entry.origin {
                PackOrigin::Bundled => SaveTarget::Bundled,
                PackOrigin::User(path) => SaveTarget::File(path.clone()),
            };
            self.state.pack_editor =
                Some(PackEditor::open(QuestionPack::clone(&entry.pack), target));
            self.state.screen = Screen::Packs;
        }
    }

    /// Opens `pack` in the editor as a new pack, not saved yet.
    fn edit_new_pack(&mut self, pack: QuestionPack) {
        let mut editor = PackEditor::open(pack, SaveTarget::New);
        editor.unsaved = true;
        self.state.pack_editor = Some(editor);
        self.state.screen = Screen::Packs;
    }

    /// Runs the system's file dialog, unless it is known to be missing. Without a desktop
    /// portal rfd returns at once as if cancelled, which is how it is found missing; the
    /// caller then asks for a typed path.
    fn pick<T>(&mut self, pick: impl FnOnce() -> Option<T>) -> Option<T> {
        if self.state.no_file_chooser {
            return None;
        }
        let asked = std::time::Instant::now();
        let picked = pick();
        if picked.is_none() && asked.elapsed() < std::time::Duration::from_millis(250) {
            self.state.no_file_chooser = true;
        }
        picked
    }

    fn browse_import(&mut self) {
        let picked = self.pick(|| {
            rfd::FileDialog::new()
                .set_title("Import question packs")
                .add_filter("Onsite pack", &["ron"])
                .pick_files()
        });
        match picked {
            Some(paths) if !paths.is_empty() => self.import_packs(&paths),
            _ => self.ask_for_path(PathPurpose::ImportPack),
        }
    }

    fn browse_document(&mut self) {
        let picked = self.pick(|| {
            rfd::FileDialog::new()
                .set_title("Import questions from a document")
                .add_filter("Markdown or text", &["md", "markdown", "txt", "text"])
                .pick_file()
        });
        match picked {
            Some(path) => self.read_document(path),
            None => self.ask_for_path(PathPurpose::ImportDocument),
        }
    }

    fn ask_for_path(&mut self, purpose: PathPurpose) {
        self.state.dialog = Some(Dialog::Path {
            purpose,
            text: String::new(),
        });
    }

    /// A pack id based on `base` that no loaded pack uses.
    fn unused_pack_id(&self, base: &str) -> String {
        let packs = &self.state.packs;
        unique_id(&slugify(base, "pack"), |id| {
            packs.iter().any(|entry| entry.pack.id == id)
        })
    }

    /// Saves the edited pack; returns whether it was saved.
    fn save_pack(&mut self) -> bool {
        let state = &mut self.state;
        let Some(editor) = &state.pack_editor else {
            return false;
        };
        let result = pack_save_path(state, editor).and_then(|path| {
            storage::save(&path, &editor.pack, storage::Visibility::Shared)
                .map(|()| path)
                .map_err(|error| error.to_string())
        });
        match result {
            Ok(path) => {
                let pack = editor.pack.clone();
                if let Some(editor) = &mut state.pack_editor {
                    editor.saved(SaveTarget::File(path.clone()));
                }
                state.install_user_pack(path, pack);
                state.info("Pack saved.");
                true
            }
            Err(message) => {
                state.error(message);
                false
            }
        }
    }

    fn export_pack(&mut self) {
        let state = &mut self.state;
        let Some(Dialog::ExportPack { target }) = state.dialog.take() else {
            return;
        };
        let Some(editor) = &state.pack_editor else {
            return;
        };
        let path = PathBuf::from(target.trim());
        let is_markdown = path.extension().is_some_and(|ext| {
            ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown")
        });
        let result = if is_markdown {
            let text = crate::report::pack_to_markdown(&editor.pack);
            storage::write_atomic(&path, text.as_bytes(), storage::Visibility::Shared)
                .map_err(|error| format!("{}: could not write: {error}", path.display()))
        } else {
            storage::save(&path, &editor.pack, storage::Visibility::Shared)
                .map_err(|e| e.to_string())
        };
        match result {
            Ok(()) => state.info(format!("Exported the pack to {}.", path.display())),
            Err(error) => state.error(error),
        }
    }

    /// Imports pack files one by one. A pack whose id is taken stops the run with a question
    /// (keep both, replace, cancel); the rest continue once it is answered.
    pub(super) fn import_packs(&mut self, paths: &[PathBuf]) {
        self.state.dialog = None;
        for (index, path) in paths.iter().enumerate() {
            match load::<QuestionPack>(path) {
                Ok(pack) => {
                    if !self.import_pack(pack, paths[index + 1..].to_vec()) {
                        return;
                    }
                }
                Err(error) => self.state.error(error.to_string()),
            }
        }
    }

    /// Reads a Markdown or text document into a pack and shows the preview; nothing is saved
    /// until the preview is accepted.
    pub(super) fn read_document(&mut self, path: PathBuf) {
        let (text, replaced) = match storage::format::read_document(&path) {
            Ok(read) => read,
            Err(error) => return self.state.error(error.to_string()),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let options = crate::import::ImportOptions {
            vocabulary: Some(self.state.vocabulary.clone()),
            ..crate::import::ImportOptions::default()
        };
        let imported = crate::import::from_document(&name, &text, &options);
        let tally = imported.tally();
        let mut warnings: Vec<String> = imported
            .warnings
            .iter()
            .map(|warning| format!("{name}:{}: {warning}", warning.line))
            .collect();
        if replaced {
            warnings.insert(0, format!("{name}: {}", storage::format::NOT_UTF8_REPLACED));
        }
        self.state.dialog = Some(Dialog::ImportPreview {
            source: path,
            pack: Box::new(imported.pack),
            tally,
            warnings,
        });
    }

    /// Adds `pack` to the library, or asks what to do if its id is taken. Returns false when it
    /// asked (the import continues with `remaining` after the answer).
    fn import_pack(&mut self, pack: QuestionPack, remaining: Vec<PathBuf>) -> bool {
        let taken = self
            .state
            .packs
            .iter()
            .find(|entry| entry.pack.id == pack.id)
            .map(|entry| match &entry.origin {
                PackOrigin::Bundled => None,
                PackOrigin::User(path) => Some(path.clone()),
            });
        match taken {
            Some(existing) => {
                self.state.dialog = Some(Dialog::ImportConflict {
                    pack: Box::new(pack),
                    existing,
                    remaining,
                });
                false
            }
            None => {
                self.save_imported(pack, None);
                true
            }
        }
    }

    /// Saves an imported pack as a new file, or over `replace` after backing that file up.
    fn save_imported(&mut self, pack: QuestionPack, replace: Option<PathBuf>) {
        let state = &mut self.state;
        let Some(library) = &state.library else {
            state.error("The library folder is not available; nothing was imported.");
            return;
        };
        let result = match replace {
            Some(path) => backup_pack(library, &path).and_then(|backup| {
                storage::save(&path, &pack, storage::Visibility::Shared)
                    .map(|()| {
                        let message = format!(
                            "Replaced {} (the old file is kept as {}).",
                            pack.title,
                            backup.display()
                        );
                        (path, message)
                    })
                    .map_err(|error| error.to_string())
            }),
            None => library
                .save_pack(&pack)
                .map(|path| (path, format!("Imported {}.", pack.title)))
                .map_err(|error| error.to_string()),
        };
        match result {
            Ok((path, message)) => {
                state.install_user_pack(path, pack);
                state.info(message);
            }
            Err(error) => state.error(error),
        }
    }

    fn resolve_import(&mut self, choice: ImportChoice) {
        let Some(Dialog::ImportConflict {
            pack,
            existing,
            remaining,
        }) = self.state.dialog.take()
        else {
            return;
        };
        let mut pack = *pack;
        match choice {
            ImportChoice::KeepBoth => {
                pack.id = self.unused_pack_id(&pack.id);
                self.save_imported(pack, None);
            }
            ImportChoice::Replace => match existing {
                Some(path) => self.save_imported(pack, Some(path)),
                None => self
                    .state
                    .error("A bundled pack cannot be replaced; keep both instead."),
            },
            ImportChoice::Cancel => {}
        }
        if choice != ImportChoice::Cancel {
            self.import_packs(&remaining);
        }
    }
}

/// Copies a user pack file into `packs/backups/` before it is replaced; returns the copy.
fn backup_pack(library: &Library, path: &Path) -> Result<PathBuf, String> {
    let folder = library.packs_dir().join("backups");
    std::fs::create_dir_all(&folder)
        .map_err(|error| format!("{}: cannot create: {error}", folder.display()))?;
    let stem = path
        .file_stem()
        .map_or_else(|| "pack".to_owned(), |s| s.to_string_lossy().into_owned());
    let stamp = Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let backup = folder.join(format!("{stem}-{stamp}.ron"));
    std::fs::copy(path, &backup)
        .map(|_| backup.clone())
        .map_err(|error| format!("{}: cannot back up: {error}", path.display()))
}

/// Where the edited pack should be saved, or why it cannot be.
fn pack_save_path(state: &AppState, editor: &PackEditor) -> Result<PathBuf, String> {
    if editor.is_read_only() {
        return Err("Bundled packs are read-only; use Duplicate to edit.".into());
    }
    if !editor.problems.is_empty() {
        return Err("The pack has problems (marked in red); fix them before saving.".into());
    }
    let Some(library) = &state.library else {
        return Err("The library folder is not available; the pack was not saved.".into());
    };
    match &editor.target {
        SaveTarget::File(path) => Ok(path.clone()),
        SaveTarget::New | SaveTarget::Bundled => {
            if state
                .packs
                .iter()
                .any(|entry| entry.pack.id == editor.pack.id)
            {
                return Err(format!(
                    "A pack with id `{}` already exists; choose another id.",
                    editor.pack.id
                ));
            }
            Ok(library.packs_dir().join(format!("{}.ron", editor.pack.id)))
        }
    }
}

impl OnsiteApp {
    /// On leaving the window: what the pack files look like now, to see on coming back what
    /// another program (an editor, git, a sync tool) changed meanwhile.
    pub(super) fn remember_pack_files(&mut self) {
        if let Some(library) = &self.state.library {
            self.pack_stamps = Some(library.stamps(storage::FileKind::Pack));
        }
    }

    /// On coming back: re-reads only the pack files that changed while the window was away.
    /// A file that no longer loads keeps its last good copy in use, and the notice says so.
    pub(super) fn refresh_changed_packs(&mut self) {
        let (Some(before), Some(library)) = (self.pack_stamps.take(), self.state.library.clone())
        else {
            return;
        };
        let now = library.stamps(storage::FileKind::Pack);
        for stamp in now.iter().filter(|stamp| !before.contains(stamp)) {
            match library.read_pack(&stamp.path) {
                Ok(entry) => {
                    let pack = std::sync::Arc::unwrap_or_clone(entry.pack);
                    self.state.install_user_pack(stamp.path.clone(), pack);
                }
                Err(error) => {
                    let loaded =
                        self.state.packs.iter().any(|entry| {
                            entry.origin == storage::PackOrigin::User(stamp.path.clone())
                        });
                    let kept = if loaded {
                        " The copy read before stays in use until the file is fixed."
                    } else {
                        ""
                    };
                    self.state.error(format!(
                        "A pack file changed on disk and no longer loads.{kept}\n{error}"
                    ));
                }
            }
        }
        for gone in before
            .iter()
            .filter(|old| !now.iter().any(|stamp| stamp.path == old.path))
        {
            if self.state.remove_user_pack(&gone.path) {
                self.state.info(format!(
                    "{} was removed from the library folder; its questions are gone from the list.",
                    gone.path.display()
                ));
            }
        }
    }
}
