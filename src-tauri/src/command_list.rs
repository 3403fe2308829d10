// Shared by build.rs (one `allow-<command>` permission per command) and the capability test.
// Keep in the order of the contract's IPC table.

/// Every app command the webview may invoke.
pub const COMMANDS: &[&str] = &[
    "library_info",
    "list_drafts",
    "count_drafts",
    "get_draft",
    "create_draft",
    "save_draft",
    "trash_draft",
    "untrash_draft",
    "empty_trash",
    "history",
    "get_revision",
    "restore_revision",
    "search",
    "list_authors",
    "add_author",
    "update_author",
    "set_default_author",
    "remove_author",
    "import_image",
    "asset_data_url",
    "add_draft_image",
    "render_preview",
    "preview_css",
    "export_article",
    "export_site",
    "open_external",
    "reveal_path",
    "quit_app",
];
