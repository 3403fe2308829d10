-- Byline library schema, version 2: drafts folders kept in sync with the library.

-- Folders bound to this library (`byline sync DIR`, `byline watch DIR`, the app's settings).
CREATE TABLE sync_folders (
    dir      TEXT PRIMARY KEY,
    bound_at TEXT NOT NULL
);

-- What each side looked like at the last reconciliation, so a change can be told from an echo
-- and a one-sided change from a conflict. `file_hash` is the file's sha256, or '' once the file
-- was removed because its draft went to the trash, or 'gone:<sha256>' once the file vanished
-- (and its draft went to the trash). `draft_id` becomes NULL when the draft is destroyed by
-- empty-trash, so its leftover file is removed rather than imported again.
CREATE TABLE sync_files (
    dir        TEXT NOT NULL REFERENCES sync_folders(dir) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    draft_id   INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
    file_hash  TEXT NOT NULL,
    draft_hash TEXT NOT NULL,
    PRIMARY KEY (dir, path)
);
CREATE UNIQUE INDEX sync_files_by_draft ON sync_files(dir, draft_id);
