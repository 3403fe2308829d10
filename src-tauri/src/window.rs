//! The main window: how it is built, where it may navigate, how it closes without losing text,
//! and its zoom level.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use tauri::menu::Menu;
use tauri::webview::NewWindowResponse;
use tauri::{
    App, AppHandle, Emitter, Manager, Runtime, Url, WebviewUrl, WebviewWindow, WebviewWindowBuilder, WindowEvent,
};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

use crate::error::{AppError, AppResult};

/// Label of the one window (capabilities/main.json grants it the app's permissions).
pub const MAIN: &str = "main";

/// How long the UI gets to save after `close-requested` before the window closes anyway.
pub const CLOSE_GRACE: Duration = Duration::from_secs(3);

const ZOOM_STEP: f64 = 1.1;
const ZOOM_RANGE: (f64, f64) = (0.5, 3.0);

/// Shell-side window state: whether a close is under way, and the zoom factor.
#[derive(Debug)]
pub struct WindowState {
    closing: AtomicBool,
    zoom: Mutex<f64>,
}

impl Default for WindowState {
    fn default() -> Self {
        Self { closing: AtomicBool::new(false), zoom: Mutex::new(1.0) }
    }
}

/// WebKitGTK's switch for accelerated compositing; `0` keeps compositing on.
pub const COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The value to give [`COMPOSITING_ENV`] at start-up when the writer has not set it: compositing
/// off. The window draws text and a few panes, nothing that needs the GPU path, and without it
/// an empty window here measured ~207 MB PSS instead of ~270 MB (issue 5). `None` leaves a
/// writer's own choice alone.
pub fn compositing_default(current: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    match current {
        Some(_) => None,
        None if cfg!(target_os = "linux") => Some("1"),
        None => None,
    }
}

/// Builds the main window with its menu, navigation guard and close handling.
pub fn create_main<R: Runtime>(app: &App<R>, menu: Menu<R>) -> tauri::Result<WebviewWindow<R>> {
    let handle = app.handle().clone();
    let window = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("Byline")
        .inner_size(1200.0, 800.0)
        .min_inner_size(640.0, 420.0)
        .menu(menu)
        .on_navigation(move |url| allow_navigation(&handle, url))
        .on_new_window(|url, _features| {
            eprintln!("byline-app: refused to open a new window for {url}");
            NewWindowResponse::Deny
        })
        .build()?;
    window.on_window_event({
        let window = window.clone();
        move |event| match event {
            WindowEvent::CloseRequested { api, .. } => {
                api.prevent_close();
                request_close(&window);
            }
            // Markdown files dropped on the window open as drafts; images stay the editor's
            // (it inserts them from the drop itself).
            WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) => {
                crate::opened_files::dropped(window.app_handle(), paths);
            }
            _ => {}
        }
    });
    Ok(window)
}

/// Only the app's own pages (and the blank documents the preview iframe writes into) may load;
/// a link that slips past the UI must never turn the app window into a browser.
fn allow_navigation<R: Runtime>(app: &AppHandle<R>, url: &Url) -> bool {
    let dev_url = if tauri::is_dev() { app.config().build.dev_url.clone() } else { None };
    let allowed = is_app_url(url, dev_url.as_ref());
    if !allowed {
        eprintln!("byline-app: refused navigation to {url}; links open through open_external");
    }
    allowed
}

/// Whether `url` belongs to the app: the Tauri asset origin on each platform, `about:blank` or
/// `about:srcdoc`, or the configured dev server.
pub fn is_app_url(url: &Url, dev_url: Option<&Url>) -> bool {
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "tauri" => host == "localhost",
        "http" | "https" if host == "tauri.localhost" => url.port().is_none(),
        "about" => matches!(url.path(), "blank" | "srcdoc"),
        _ => dev_url.is_some_and(|dev| dev.origin() == url.origin()),
    }
}

/// Starts closing: the UI is asked to save (`close-requested`) and destroys the window itself;
/// if it has not within [`CLOSE_GRACE`], the window closes anyway. Used by the title-bar close
/// button and by the Quit menu item alike.
pub fn request_close<R: Runtime>(window: &WebviewWindow<R>) {
    let state = window.state::<WindowState>();
    if state.closing.swap(true, Ordering::SeqCst) {
        return;
    }
    if let Err(error) = window.emit_to(MAIN, "close-requested", ()) {
        eprintln!("byline-app: could not ask the editor to save before closing ({error}); closing now");
        close_now(window);
        return;
    }
    let window = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(CLOSE_GRACE);
        if window.app_handle().get_webview_window(MAIN).is_none() {
            return; // the UI saved and closed it
        }
        eprintln!("byline-app: the editor did not confirm saving within {CLOSE_GRACE:?}; closing anyway");
        close_now(&window);
    });
}

/// Closes the window now that the UI has saved; remembers its size and position first.
pub fn finish_close<R: Runtime>(window: &WebviewWindow<R>) -> AppResult<()> {
    save_window_state(window.app_handle());
    window.destroy().map_err(|source| AppError::Window { action: "close", source: Box::new(source) })
}

fn close_now<R: Runtime>(window: &WebviewWindow<R>) {
    if let Err(error) = finish_close(window) {
        eprintln!("byline-app: {error}");
    }
}

/// What is remembered between launches: size, position, maximized and so on, but not full
/// screen, which belongs to the distraction-free mode the UI starts without.
pub fn remembered_state() -> StateFlags {
    StateFlags::all() - StateFlags::FULLSCREEN
}

/// Written on close as well as on exit, so a crash later never loses the window's place.
fn save_window_state<R: Runtime>(app: &AppHandle<R>) {
    if let Err(error) = app.save_window_state(remembered_state()) {
        eprintln!("byline-app: could not remember the window's size and position: {error}");
    }
}

/// Brings the main window to the front (a second launch of the app asks for this).
pub fn focus_main<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(MAIN) else { return };
    let shown = window.unminimize().and_then(|()| window.show()).and_then(|()| window.set_focus());
    if let Err(error) = shown {
        eprintln!("byline-app: could not bring the window to the front: {error}");
    }
}

/// Zoom steps from the View menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// One step larger.
    In,
    /// One step smaller.
    Out,
    /// Back to 100 %.
    Reset,
}

/// The zoom factor after `step`, kept within a readable range.
pub fn next_zoom(current: f64, step: Zoom) -> f64 {
    let next = match step {
        Zoom::In => current * ZOOM_STEP,
        Zoom::Out => current / ZOOM_STEP,
        Zoom::Reset => 1.0,
    };
    // Snap back to exactly 100 % when a round trip lands close to it.
    let next = if (next - 1.0).abs() < 0.01 { 1.0 } else { next };
    next.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
}

/// Zooms the whole window's content.
pub fn zoom<R: Runtime>(window: &WebviewWindow<R>, step: Zoom) {
    let state = window.state::<WindowState>();
    let mut zoom = state.zoom.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let next = next_zoom(*zoom, step);
    match window.set_zoom(next) {
        Ok(()) => *zoom = next,
        Err(error) => eprintln!("byline-app: could not zoom: {error}"),
    }
}

/// Enters or leaves full screen for the distraction-free mode.
pub fn toggle_fullscreen<R: Runtime>(window: &WebviewWindow<R>) {
    let toggled = window.is_fullscreen().and_then(|full| window.set_fullscreen(!full));
    if let Err(error) = toggled {
        eprintln!("byline-app: could not toggle full screen: {error}");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn the_app_stays_on_its_own_pages() {
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html#x",
            "http://tauri.localhost/",
            "https://tauri.localhost/a",
            "about:blank",
            "about:srcdoc",
        ] {
            assert!(is_app_url(&url(ok), None), "{ok}");
        }
        for bad in [
            "https://example.org/",
            "http://localhost:5173/",
            "tauri://evil.example/",
            "http://tauri.localhost:8080/",
            "https://tauri.localhost.evil.org/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,hi",
            "about:config",
        ] {
            assert!(!is_app_url(&url(bad), None), "{bad}");
        }
        let dev = url("http://localhost:5173");
        assert!(is_app_url(&url("http://localhost:5173/src/main.ts"), Some(&dev)));
        assert!(!is_app_url(&url("http://localhost:5174/"), Some(&dev)));
    }

    #[test]
    fn compositing_is_off_unless_the_writer_chose() {
        let expected = if cfg!(target_os = "linux") { Some("1") } else { None };
        assert_eq!(compositing_default(None), expected);
        assert_eq!(compositing_default(Some(std::ffi::OsStr::new("0"))), None);
        assert_eq!(compositing_default(Some(std::ffi::OsStr::new("1"))), None);
    }

    #[test]
    fn zoom_steps_stay_readable_and_round_trip() {
        assert!((next_zoom(1.0, Zoom::In) - 1.1).abs() < 1e-9);
        assert_eq!(next_zoom(next_zoom(1.0, Zoom::In), Zoom::Out), 1.0);
        assert_eq!(next_zoom(2.9, Zoom::In), 3.0);
        assert_eq!(next_zoom(0.5, Zoom::Out), 0.5);
        assert_eq!(next_zoom(2.0, Zoom::Reset), 1.0);
    }
}
