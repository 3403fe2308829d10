-- Byline library schema, version 7: titles that follow the first heading, word goals, and the
-- words written each day.

-- 1 while the draft has no title the writer typed: its title is then its first level-1 heading
-- ("Untitled draft" without one), worked out on every save. Existing drafts keep their titles,
-- except the app's own "Untitled draft" placeholder, which no writer typed: those follow their
-- heading from their next save.
ALTER TABLE drafts ADD COLUMN title_from_body INTEGER NOT NULL DEFAULT 0;
UPDATE drafts SET title_from_body = 1 WHERE title = 'Untitled draft';

-- The writer's word goal for the draft; NULL when none is set.
ALTER TABLE drafts ADD COLUMN word_goal INTEGER;

-- Words written per local calendar day (YYYY-MM-DD as the writer's clock shows it), typed and
-- pasted apart; deletions reduce `typed`, never below zero.
CREATE TABLE writing_days (
    day    TEXT PRIMARY KEY,
    typed  INTEGER NOT NULL DEFAULT 0 CHECK (typed >= 0),
    pasted INTEGER NOT NULL DEFAULT 0 CHECK (pasted >= 0)
);
