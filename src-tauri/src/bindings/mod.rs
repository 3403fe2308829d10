//! The TypeScript side of the IPC contract, generated from the Rust types that cross it:
//! `ui/ipc/bindings.ts` is [`typescript`]'s output. A test fails when the file is stale, so the
//! UI is always type-checked against what the shell really sends and accepts.
//!
//! Regenerate with `make bindings` (which runs that test with `BYLINE_WRITE_BINDINGS=1`).

pub mod layout;

use std::collections::BTreeSet;

use ts_rs::{Config, TS};

use crate::drafts_folder::SyncError;
use crate::error::IpcError;
use crate::ipc::{
    ArticleExport, DraftsFolder, ExportFormat, ExportProgress, FolderSite, ImagePlacement, LibraryInfo, PaperSize,
};
use crate::menu::{self, MenuAction};
use crate::opened_files::OpenedFiles;
use crate::spelling::SpellingLanguages;
use byline_library::draft_images::DraftImage;
use byline_library::folder_sync::{Conflict, DraftFile, FileNote, RenamedFile, SyncReport, MARKDOWN_EXTENSIONS};
use byline_library::import::{ImportIssue, ImportReport, ImportedDraft, IMPORTED_EXTENSIONS};
use byline_library::publish::SiteSummary;
use byline_library::repair::{DamagedFile, DamagedPlace};
use byline_library::{
    Asset, Author, AuthorChange, Draft, DraftChange, DraftFilter, DraftSnapshot, DraftSort, DraftSummary, FirstRun,
    NewAuthor, NewDraft, Revision, RevisionSummary, SaveMode, SearchHit, Status, WritingDay, WritingDelta,
};
use byline_mojibake::{Kind, Repair};
use byline_preview::{BlockRef, PreviewReply, PreviewRequest, PreviewUpdate, TextChange};
use byline_render::{TextStats, TocEntry};
use byline_spell::InstalledDictionary;

/// The generated file, relative to this crate.
pub const BINDINGS_FILE: &str = "../ui/ipc/bindings.ts";

const HEADER: &str = "\
// Generated from the Rust types that cross IPC (src-tauri/src/bindings/): do not edit.
// Regenerate with `make bindings`; a test of the shell fails while this file is stale.
// Fields are as serde writes them: snake_case unless the type says otherwise; `T | null` is an
// Option, `field?:` a key the shell accepts absent.

";

/// Every declaration, in the order the file lists them, and what each refers to.
struct Bindings {
    config: Config,
    text: String,
    declared: BTreeSet<String>,
    referenced: BTreeSet<String>,
}

impl Bindings {
    fn declare<T: TS + ?Sized + 'static>(&mut self) -> &mut Self {
        if let Some(docs) = T::docs() {
            let body = docs.trim().trim_start_matches("/*").trim_end_matches("*/");
            self.text.push_str(&layout::doc_comment(&layout::doc_lines(body), ""));
        }
        self.text.push_str("export ");
        self.text.push_str(&layout::laid_out(&T::decl(&self.config)));
        self.text.push_str("\n\n");
        self.declared.insert(T::ident(&self.config));
        self.referenced.extend(T::dependencies(&self.config).into_iter().map(|dep| dep.ts_name));
        self
    }
}

/// The contents of [`BINDINGS_FILE`], and any type referred to but not declared in it.
fn generate() -> (String, Vec<String>) {
    // JSON numbers: no id, count or version Byline sends comes near 2^53.
    let config = Config::new().with_large_int("number");
    let mut out = Bindings { config, text: HEADER.into(), declared: BTreeSet::new(), referenced: BTreeSet::new() };
    out.declare::<serde_json::Value>()
        // Drafts, their history and search.
        .declare::<Status>()
        .declare::<DraftSort>()
        .declare::<Draft>()
        .declare::<DraftSummary>()
        .declare::<DraftFilter>()
        .declare::<NewDraft>()
        .declare::<DraftChange>()
        .declare::<SaveMode>()
        .declare::<RevisionSummary>()
        .declare::<DraftSnapshot>()
        .declare::<Revision>()
        .declare::<SearchHit>()
        // Words written per day.
        .declare::<WritingDay>()
        .declare::<WritingDelta>()
        // Authors, images and the library.
        .declare::<Author>()
        .declare::<NewAuthor>()
        .declare::<AuthorChange>()
        .declare::<Asset>()
        .declare::<DraftImage>()
        .declare::<LibraryInfo>()
        // The first run.
        .declare::<FirstRun>()
        // The live preview.
        .declare::<TextChange>()
        .declare::<PreviewRequest>()
        .declare::<BlockRef>()
        .declare::<TocEntry>()
        .declare::<TextStats>()
        .declare::<PreviewUpdate>()
        .declare::<PreviewReply>()
        // Export and import.
        .declare::<ExportFormat>()
        .declare::<ImagePlacement>()
        .declare::<PaperSize>()
        .declare::<ArticleExport>()
        .declare::<SiteSummary>()
        .declare::<ExportProgress>()
        .declare::<ImportedDraft>()
        .declare::<DamagedFile>()
        .declare::<ImportIssue>()
        .declare::<ImportReport>()
        // The drafts folder.
        .declare::<DraftFile>()
        .declare::<RenamedFile>()
        .declare::<Conflict>()
        .declare::<FileNote>()
        .declare::<SyncReport>()
        .declare::<SyncError>()
        .declare::<FolderSite>()
        .declare::<DraftsFolder>()
        // Files opened from outside the library.
        .declare::<OpenedFiles>()
        // Damaged text found in the editor.
        .declare::<Kind>()
        .declare::<Repair>()
        .declare::<DamagedPlace>()
        // Spell checking.
        .declare::<InstalledDictionary>()
        .declare::<SpellingLanguages>()
        // The menu, as the command palette lists it.
        .declare::<MenuAction>()
        // How commands fail.
        .declare::<IpcError>();
    out.text.push_str(&constants());
    let missing = out.referenced.difference(&out.declared).cloned().collect();
    (out.text, missing)
}

/// The contents of [`BINDINGS_FILE`].
pub fn typescript() -> String {
    generate().0
}

/// Values the UI needs as well as types: the statuses in workflow order, the menu's item ids.
fn constants() -> String {
    let quoted = |items: &mut dyn Iterator<Item = &str>| items.map(|item| format!("\"{item}\"")).collect::<Vec<_>>();
    let statuses = quoted(&mut Status::ALL.iter().map(|status| status.as_str()));
    let menu = quoted(&mut menu::ui_items().into_iter());
    let markdown = quoted(&mut MARKDOWN_EXTENSIONS.into_iter());
    let imported = quoted(&mut IMPORTED_EXTENSIONS.into_iter());
    format!(
        "/** Every status, in workflow order. */\n\
         export const STATUSES: readonly Status[] = [{}];\n\n\
         /** Ids of the menu items the shell passes to the UI as the `menu` event. */\n\
         export type MenuId = {};\n\n\
         /** Extensions of the Markdown files Byline opens (and a drafts folder mirrors). */\n\
         export const MARKDOWN_EXTENSIONS: readonly string[] = [{}];\n\n\
         /** Extensions of the files an import reads. */\n\
         export const IMPORTED_EXTENSIONS: readonly string[] = [{}];\n",
        statuses.join(", "),
        menu.join(" | "),
        markdown.join(", "),
        imported.join(", ")
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn ui_ipc_bindings_match_the_rust_types_that_cross_ipc() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_FILE);
        let fresh = typescript();
        if std::env::var_os("BYLINE_WRITE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/ipc/bindings.ts is stale: a type that crosses IPC changed. Regenerate it with `make bindings` \
             and commit it with the change."
        );
    }

    #[test]
    fn every_type_the_bindings_refer_to_is_declared_in_them() {
        let (_, missing) = generate();
        assert!(missing.is_empty(), "declare these in bindings.rs too: {missing:?}");
    }

    #[test]
    fn the_bindings_carry_the_shapes_the_ui_relies_on() {
        let text = typescript();
        // u64 versions and i64 ids are JSON numbers, not bigints.
        assert!(!text.contains("bigint"));
        // An absent key leaves a field alone, null clears it.
        assert!(text.contains("subtitle?: string | null"));
        assert!(text.contains(
            r#"export const STATUSES: readonly Status[] = ["idea", "draft", "review", "ready", "published"];"#
        ));
        assert!(text.contains(r#"{ "kind": "resync" }"#));
    }
}
