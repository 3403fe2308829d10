-- Byline library schema, version 2: drafts folders kept in sync with the library.

-- Folders bound to this library (`byline sync DIR`, `byline watch DIR`, the app's settings).
CREATE TABLE sync_folders (
    dir      TEXT PRIMARY KEY,
    bound_at TEXT NOT NULL
);

-- What each side looked like at the last reconciliation, so a change can be told from an echo
-- and a one-sided change from a conflict. `file_hash` is '' while the draft is in the trash
-- (its file was removed on purpose and comes back on untrash).
CREATE TABLE sync_files (
    dir        TEXT NOT NULL REFERENCES sync_folders(dir) ON DELETE CASCADE,
    draft_id   INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    file_hash  TEXT NOT NULL,
    draft_hash TEXT NOT NULL,
    PRIMARY KEY (dir, draft_id),
    UNIQUE (dir, path)
);
