-- Registry search at 1,000,000 entities (docs/decisions/0004-registry-search.md, `npm run bench -- --large`).
-- A licence-number prefix is resolved to its newest holders: with the district and the entity in the
-- index, that is an index-only scan instead of one heap visit per licence (「JY2330212」: ~42,000 at scale).
CREATE INDEX licence_number_holder ON licence (number text_pattern_ops, district_code, entity_id);
DROP INDEX licence_number_prefix;
-- Filtering by status alone or with kind (「注销的个体户」): those rows are old, so the newest-first walk
-- of the primary key would pass most of the table before it fills a page.
CREATE INDEX entity_status ON entity (district_code, status, id);
