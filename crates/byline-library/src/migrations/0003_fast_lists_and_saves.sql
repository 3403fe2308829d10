-- Byline library schema, version 3: draft lists that never read a draft body, and autosaves
-- that leave re-indexing for search to catch up on.

-- A drafts row stores the body before `status`, `updated` and the rest, so reading any of those
-- from the table walks the body's overflow pages. These covering indexes hold every column a
-- list shows, in each list order (live or trashed first), so listing reads the index alone.
CREATE INDEX drafts_list_by_updated
    ON drafts(trashed_at, updated, id, slug, title, subtitle, status, created, word_count);
CREATE INDEX drafts_list_by_created
    ON drafts(trashed_at, created, id, slug, title, subtitle, status, updated, word_count);
CREATE INDEX drafts_list_by_title
    ON drafts(trashed_at, title COLLATE NOCASE, id, slug, subtitle, status, updated, created, word_count);

-- Tags and credits of a draft in their order, read straight from the index.
CREATE INDEX draft_tags_in_order ON draft_tags(draft_id, position, tag);
CREATE INDEX draft_authors_in_order ON draft_authors(draft_id, position, author_id);

-- Drafts whose search index entry is behind their text. An autosave re-indexing a long body
-- every few seconds cost more than the rest of the save, so autosaves only mark the draft here;
-- search, checkpoints and every other kind of save bring the marked drafts up to date first,
-- in a transaction of their own, so search never shows stale text.
CREATE TABLE drafts_fts_stale (
    draft_id INTEGER PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE
);
