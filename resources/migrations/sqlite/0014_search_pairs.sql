-- Names most families share can be rare together ("zoe kim petrosyan"): every body now ends with a key for
-- each two of its word starts (core/SearchText), and a search with two word starts looks up their keys'
-- short lists. Every body is written again, in batches, at the next start; until then searches go without.
INSERT OR REPLACE INTO search_rebuild (kind, next_id) VALUES ('patient', 0), ('portal_user', 0);
