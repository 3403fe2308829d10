//! Byline's live preview: the app window's text comes in as UTF-16 edits, the sanitized HTML
//! goes out as the blocks the window does not hold yet, and the render in between patches the
//! last one when a keystroke changed a single paragraph. It owns every cache of that pipeline;
//! `byline-render` itself keeps no state.
