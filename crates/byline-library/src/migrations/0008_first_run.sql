-- Byline library schema, version 8: the first run. A new library opens in the app with a welcome
-- draft and a prompt for the writer's author profile, once; this table remembers that it did.

-- Library-wide settings, one row per key. Keys in use:
--   welcome        'offered' once the welcome draft was created, 'skipped' when the library
--                  was not new by then (or `byline init --no-welcome` asked for none)
--   author_prompt  'pending' while the first run's prompt for an author profile waits for an
--                  answer, 'dismissed' after "Not now"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- A library that ever held a draft or an author is not new, whoever wrote them (the CLI, an
-- import, a drafts folder), and stays so when they are all deleted later: the welcome is never
-- offered to it.
CREATE TRIGGER drafts_end_the_first_run AFTER INSERT ON drafts
BEGIN
    INSERT OR IGNORE INTO settings (key, value) VALUES ('welcome', 'skipped');
END;

CREATE TRIGGER authors_end_the_first_run AFTER INSERT ON authors
BEGIN
    INSERT OR IGNORE INTO settings (key, value) VALUES ('welcome', 'skipped');
END;

-- Libraries from before this version: the ones with drafts or authors were used already.
INSERT INTO settings (key, value)
SELECT 'welcome', 'skipped'
WHERE EXISTS (SELECT 1 FROM drafts) OR EXISTS (SELECT 1 FROM authors);
