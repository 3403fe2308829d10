//! Closing the window the way a writer does. WebDriver's "close window" tears the web view
//! down without the toolkit's close request, so the app's save-on-close never runs; a
//! `WM_DELETE_WINDOW` message (what a title-bar close button or Alt+F4 sends through the
//! window manager) goes through GTK's delete-event, i.e. Tauri's `CloseRequested`.

use anyhow::{bail, Context, Result};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState, Window};
use x11rb::CURRENT_TIME;

/// Sends `WM_DELETE_WINDOW` to every mapped top-level window on `display` that accepts it,
/// and returns how many got it.
pub fn request_close_all(display: &str) -> Result<usize> {
    let (conn, screen) = x11rb::connect(Some(display)).with_context(|| format!("connecting to X display {display}"))?;
    let root = conn.setup().roots[screen].root;
    let protocols = intern(&conn, b"WM_PROTOCOLS")?;
    let delete = intern(&conn, b"WM_DELETE_WINDOW")?;
    let mut sent = 0;
    for window in conn.query_tree(root)?.reply()?.children {
        if conn.get_window_attributes(window)?.reply()?.map_state != MapState::VIEWABLE {
            continue;
        }
        if !accepts(&conn, window, protocols, delete)? {
            continue;
        }
        let event = ClientMessageEvent::new(32, window, protocols, [delete, CURRENT_TIME, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, event)?;
        sent += 1;
    }
    conn.flush()?;
    if sent == 0 {
        bail!("no mapped window on {display} accepts WM_DELETE_WINDOW");
    }
    Ok(sent)
}

fn intern(conn: &impl Connection, name: &[u8]) -> Result<u32> {
    Ok(conn.intern_atom(false, name)?.reply()?.atom)
}

fn accepts(conn: &impl Connection, window: Window, protocols: u32, delete: u32) -> Result<bool> {
    let reply = conn.get_property(false, window, protocols, AtomEnum::ATOM, 0, 32)?.reply()?;
    Ok(reply.value32().is_some_and(|mut atoms| atoms.any(|atom| atom == delete)))
}
