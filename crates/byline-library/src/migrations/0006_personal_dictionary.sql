-- Byline library schema, version 6: the writer's personal dictionary and spelling languages live
-- in the library, so they travel with it to another machine.

-- Words the writer taught the spell checker ("Add to dictionary"). Spelled exactly as added;
-- the checker decides how case is matched.
CREATE TABLE dictionary_words (
    word  TEXT PRIMARY KEY NOT NULL,
    added TEXT NOT NULL
) WITHOUT ROWID;

-- Languages checked in every draft besides the draft's own (or the system's) language, as the
-- tags the writer chose (`fr`, `de-DE`); `position` keeps the writer's order.
CREATE TABLE spelling_languages (
    tag      TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL
) WITHOUT ROWID;
