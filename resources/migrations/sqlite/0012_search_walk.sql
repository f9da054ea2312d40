-- Search at a hospital's size: the central database reads its index in order for names many families
-- share. The embedded database's full-text index already gives a common name's first page from its
-- posting lists in row order, so nothing changes here; the version stays in step with the central one.
SELECT 1;
