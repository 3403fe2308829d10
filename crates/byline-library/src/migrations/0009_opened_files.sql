-- Byline library schema: Markdown files the writer opened one by one (`byline-app FILE.md`, File ›
-- Open File…), kept in step with their drafts like a drafts folder's files.

-- 1 for a folder that only holds files the writer opened: just those files are synced (never the
-- rest of the folder, and no other draft is written into it). A drafts folder bound later on the
-- same folder becomes a whole drafts folder, keeping what is known of the opened files.
ALTER TABLE sync_folders ADD COLUMN files_only INTEGER NOT NULL DEFAULT 0;
