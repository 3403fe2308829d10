//! Row access shared by the modules that change the library (drafts, authors, revisions, assets,
//! the trash, folder sync and import): looking rows up, loading them whole, and writing a draft's
//! state and history.
//!
//! It sits below those modules and imports none of them, so they depend on it and never on each
//! other. Each function takes the connection or transaction it works in; none commits.

pub(crate) mod authors;
pub(crate) mod blobs;
pub(crate) mod drafts;
pub(crate) mod revisions;
