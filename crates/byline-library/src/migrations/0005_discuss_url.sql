-- Byline library schema, version 5: drafts may name where readers discuss them.

-- An absolute http(s) URL (a forum thread, a mailing-list post) that an exported page links as
-- "Discuss this article". NULL when the writer named none; older drafts upgrade to NULL.
ALTER TABLE drafts ADD COLUMN discuss_url TEXT;
