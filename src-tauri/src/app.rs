//! Assembling the app: plugins, the library, the window, the menu and the command list.

use std::path::{Path, PathBuf};

use byline_library::Library;
use tauri::{App, Manager, RunEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

use crate::commands::{
    actions, authors, drafts, export, files, images, import, repair, spelling, sync, system, writing,
};
use crate::drafts_folder::{self, FolderSync};
use crate::state::AppState;
use crate::window::{self, WindowState};
use crate::{menu, opened_files, plugins};

/// Runs the app on the library in `library_dir` until the window closes.
pub fn run(library_dir: PathBuf, files: Vec<PathBuf>) -> tauri::Result<()> {
    let builder = tauri::Builder::default()
        // First, so a second launch hands over before this one opens anything.
        .plugin(plugins::single_instance(&library_dir))
        .plugin(tauri_plugin_window_state::Builder::default().with_state_flags(window::remembered_state()).build())
        .plugin(tauri_plugin_dialog::init())
        // The opener serves only open_external/reveal_path; its script that turns link clicks into
        // opener calls stays off (the webview holds no opener permission anyway).
        .plugin(tauri_plugin_opener::Builder::new().open_js_links_on_click(false).build())
        .manage(WindowState::default())
        .manage(FolderSync::default())
        .manage(crate::spelling::Spelling::default())
        .manage(opened_files::StartupFiles::default())
        .setup(move |app| {
            setup(app, &library_dir, &files);
            Ok(())
        })
        .on_menu_event(menu::on_event)
        .invoke_handler(tauri::generate_handler![
            system::library_info,
            drafts::list_drafts,
            drafts::count_drafts,
            drafts::get_draft,
            drafts::create_draft,
            drafts::save_draft,
            drafts::trash_draft,
            drafts::untrash_draft,
            drafts::empty_trash,
            drafts::history,
            drafts::get_revision,
            drafts::restore_revision,
            drafts::search,
            authors::list_authors,
            authors::add_author,
            authors::update_author,
            authors::set_default_author,
            authors::remove_author,
            images::import_image,
            images::asset_data_url,
            images::add_draft_image,
            images::update_preview,
            images::preview_css,
            export::export_article,
            export::export_site,
            import::import_paths,
            system::open_external,
            system::reveal_path,
            sync::bind_drafts_folder,
            sync::drafts_folder,
            sync::unbind_drafts_folder,
            files::open_files,
            files::take_startup_files,
            system::quit_app,
            actions::menu_actions,
            actions::run_menu_action,
            repair::find_damaged_text,
            spelling::check_spelling,
            spelling::spelling_suggestions,
            spelling::add_dictionary_word,
            spelling::spelling_languages,
            spelling::set_spelling_languages,
            spelling::installed_dictionaries,
            writing::add_writing,
            writing::writing_day,
            crate::commands::first_run::first_run,
            crate::commands::first_run::dismiss_author_prompt,
        ]);
    builder.build(tauri::generate_context!())?.run(|app, event| {
        // The watcher finishes its current reconciliation before the process ends.
        if let RunEvent::Exit = event {
            app.state::<FolderSync>().stop_all();
        }
    });
    Ok(())
}

/// Opens the library and the window; a library that cannot be opened is explained in a native
/// dialog (and on stderr) and the app then exits, instead of showing a window that cannot work.
fn setup(app: &mut App, library_dir: &Path, files: &[PathBuf]) {
    let opened =
        Library::open_or_recover(library_dir).map_err(|error| error.to_string()).and_then(|(library, notice)| {
            if let Some(notice) = notice {
                tell_about_recovery(app, &notice.to_string());
            }
            backup_in_background(library_dir.to_path_buf());
            if let Err(error) = drafts_folder::resume(app.handle(), &library, &app.state::<FolderSync>()) {
                eprintln!("byline-app: the drafts folder is not synced: {error}");
            }
            app.manage(AppState::new(library));
            opened_files::open_at_launch(app.handle(), files);
            let menu = menu::build(app).map_err(|error| format!("cannot build the menu: {error}"))?;
            window::create_main(app, menu).map_err(|error| format!("cannot open the window: {error}"))?;
            Ok(())
        });
    match opened {
        Ok(()) => eprintln!("byline-app: library {}", library_dir.display()),
        Err(message) => refuse_to_start(app, library_dir, &message),
    }
}

/// A damaged library was moved aside and restored: the writer must hear what happened and
/// where the old file is, but the app carries on with the restored library.
fn tell_about_recovery(app: &App, notice: &str) {
    eprintln!("byline-app: warning: {notice}");
    let mut message = notice.to_string();
    if let Some(first) = message.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    app.dialog()
        .message(format!("{message}."))
        .title("Byline repaired your library")
        .kind(MessageDialogKind::Warning)
        .show(|_| {});
}

/// The daily automatic backup, on its own connection and after start-up has settled, so a
/// large library never delays the window; a failure is logged, as the text is already safe.
fn backup_in_background(library_dir: PathBuf) {
    std::thread::spawn(move || {
        std::thread::sleep(BACKUP_DELAY);
        let taken = Library::open(&library_dir)
            .and_then(|library| library.backup_if_due(byline_library::recovery::AUTOMATIC_BACKUP_INTERVAL));
        match taken {
            Ok(Some(path)) => eprintln!("byline-app: automatic backup {}", path.display()),
            Ok(None) => {}
            Err(error) => eprintln!("byline-app: warning: the automatic backup failed: {error}"),
        }
    });
}

/// How long after start the automatic backup waits, so it never competes with opening the window.
const BACKUP_DELAY: std::time::Duration = std::time::Duration::from_secs(30);

fn refuse_to_start(app: &App, library_dir: &Path, message: &str) {
    eprintln!("byline-app: cannot open the library in {}: {message}", library_dir.display());
    let handle = app.handle().clone();
    app.dialog()
        .message(format!(
            "Byline cannot open the library in {}.\n\n{message}\n\nChoose another folder with --library DIR or the BYLINE_LIBRARY variable.",
            library_dir.display()
        ))
        .title("Byline cannot start")
        .kind(MessageDialogKind::Error)
        .show(move |_| handle.exit(1));
}
