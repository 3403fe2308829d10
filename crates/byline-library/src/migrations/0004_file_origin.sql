-- Byline library schema, version 4: drafts remember the file they came from.

-- JSON of byline_frontmatter::Origin: the file's head (front matter block, byte for byte), the
-- draft's metadata as read from it, the site's generator and the file's path in the site. Writing
-- the draft back edits only the keys the writer changed, in the file's own dialect. NULL for a
-- draft born in Byline.
ALTER TABLE drafts ADD COLUMN origin TEXT;
