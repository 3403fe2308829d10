//! The native window title as the desktop shows it (`_NET_WM_NAME`), not `document.title`: the
//! app sets it through the window API, so it is a surface of its own.

use anyhow::{Context, Result};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ConnectionExt, MapState};

/// The titles of the mapped top-level windows on `display`.
pub fn native_titles(display: &str) -> Result<Vec<String>> {
    let (conn, screen) = x11rb::connect(Some(display)).with_context(|| format!("connecting to X display {display}"))?;
    let root = conn.setup().roots[screen].root;
    let name = conn.intern_atom(false, b"_NET_WM_NAME")?.reply()?.atom;
    let utf8 = conn.intern_atom(false, b"UTF8_STRING")?.reply()?.atom;
    let mut titles = Vec::new();
    for window in conn.query_tree(root)?.reply()?.children {
        if conn.get_window_attributes(window)?.reply()?.map_state != MapState::VIEWABLE {
            continue;
        }
        let mut reply = conn.get_property(false, window, name, utf8, 0, 4096)?.reply()?;
        if reply.value.is_empty() {
            reply = conn.get_property(false, window, AtomEnum::WM_NAME, AtomEnum::STRING, 0, 4096)?.reply()?;
        }
        if !reply.value.is_empty() {
            titles.push(String::from_utf8_lossy(&reply.value).into_owned());
        }
    }
    Ok(titles)
}
