-- Search ranks the names starting with the query first (server/modules/registry/service/search-entities.ts). Found
-- through the n-gram index, those few names hide among every match of a common term (「店」: a third of the
-- district), and counting them walked all of them (p95 0.5 s at 1,000,000 entities); by prefix they are a range.
CREATE INDEX entity_name_prefix ON entity (district_code, lower(name) text_pattern_ops);
