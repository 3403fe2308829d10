-- Byline library schema, version 1.
-- Times are UTC RFC 3339 strings with microseconds and a `Z`, so text order is time order.

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);

-- Content-addressed bytes: one row per distinct sha256, however many drafts use it.
CREATE TABLE blobs (
    hash      TEXT PRIMARY KEY,
    mime      TEXT NOT NULL,
    size      INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    data      BLOB NOT NULL,
    created   TEXT NOT NULL
);

CREATE TABLE authors (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    short_bio  TEXT,
    bio        TEXT,
    avatar     TEXT REFERENCES blobs(hash) ON DELETE RESTRICT,
    website    TEXT,
    location   TEXT,
    role       TEXT,
    email      TEXT,
    social     TEXT NOT NULL DEFAULT '{}',
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created    TEXT NOT NULL,
    updated    TEXT NOT NULL
);
-- At most one default author; the store keeps it at exactly one while any author exists.
CREATE UNIQUE INDEX authors_single_default ON authors(is_default) WHERE is_default = 1;

CREATE TABLE drafts (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    subtitle      TEXT,
    summary       TEXT,
    body          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('idea', 'draft', 'review', 'ready', 'published')),
    language      TEXT,
    canonical_url TEXT,
    cover_image   TEXT,
    extra         TEXT NOT NULL DEFAULT '{}',
    word_count    INTEGER NOT NULL DEFAULT 0,
    created       TEXT NOT NULL,
    updated       TEXT NOT NULL,
    published     TEXT,
    trashed_at    TEXT
);
CREATE INDEX drafts_updated ON drafts(updated);
CREATE INDEX drafts_created ON drafts(created);
CREATE INDEX drafts_status ON drafts(status);
CREATE INDEX drafts_trashed ON drafts(trashed_at);

-- Slugs of drafts destroyed by empty-trash: never handed out again automatically,
-- so old links and exports never silently point at a different article.
CREATE TABLE retired_slugs (
    slug       TEXT PRIMARY KEY,
    retired_at TEXT NOT NULL
);

-- `tag` keeps the writer's spelling; `tag_key` is its Unicode lowercase, for matching.
CREATE TABLE draft_tags (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    tag_key  TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (draft_id, tag_key)
);
CREATE INDEX draft_tags_by_key ON draft_tags(tag_key, draft_id);

CREATE TABLE draft_authors (
    draft_id  INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    PRIMARY KEY (draft_id, author_id)
);
CREATE INDEX draft_authors_by_author ON draft_authors(author_id, draft_id);

CREATE TABLE draft_assets (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    path     TEXT NOT NULL,
    hash     TEXT NOT NULL REFERENCES blobs(hash) ON DELETE RESTRICT,
    PRIMARY KEY (draft_id, path)
);
CREATE INDEX draft_assets_by_hash ON draft_assets(hash);

-- Revision bodies are shared by hash: a revert, a restore or an unchanged body costs nothing.
CREATE TABLE revision_bodies (
    hash TEXT PRIMARY KEY,
    body TEXT NOT NULL
);

CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    draft_id      INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    created       TEXT NOT NULL,
    burst_started TEXT NOT NULL,
    reason        TEXT NOT NULL,
    is_open       INTEGER NOT NULL DEFAULT 0 CHECK (is_open IN (0, 1)),
    title         TEXT NOT NULL,
    meta          TEXT NOT NULL,
    body_hash     TEXT NOT NULL REFERENCES revision_bodies(hash),
    word_count    INTEGER NOT NULL,
    bytes         INTEGER NOT NULL,
    UNIQUE (draft_id, seq)
);
CREATE INDEX revisions_by_body ON revisions(body_hash);

-- Kept in sync by the store inside each write transaction; rowid = drafts.id.
CREATE VIRTUAL TABLE drafts_fts USING fts5(
    title, subtitle, summary, body, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
