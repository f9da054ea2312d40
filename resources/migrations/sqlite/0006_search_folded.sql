-- Search as staff type it: the index now holds each person's folded words (no accents, case or
-- punctuation; core/SearchText), written by PortalDesk itself, since SQLite has no such folding.
-- The old triggers wrote the raw text; the index is emptied and PortalDesk refills it in batches,
-- tracked in search_rebuild (one row per kind still to do; an interrupted refill resumes).
DROP TRIGGER patients_search_insert;
DROP TRIGGER patients_search_update;
DROP TRIGGER portal_users_search_insert;
DROP TRIGGER portal_users_search_update;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'trigram');

CREATE TABLE search_rebuild (
    kind     TEXT PRIMARY KEY CHECK (kind IN ('patient', 'portal_user')),
    next_id  INTEGER NOT NULL
);
INSERT INTO search_rebuild (kind, next_id) VALUES ('patient', 0), ('portal_user', 0);
