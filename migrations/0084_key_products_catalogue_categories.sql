-- The twelve categories of the 全国重点工业产品质量安全监管目录（2021年版） with their product counts, as reported when
-- SAMR published it (http://www.zgzyyb.com/news/show-467.html, quoting the catalogue; docs/decisions/0041). They add up
-- to 245, not the 249 the same report gives for the whole catalogue: the report's figures are entered as reported.
INSERT INTO pq_catalogue_edition_category (edition_id, position, name, declared_products) VALUES
  (2, 1, '家用电器及电器附件', 42),
  (2, 2, '家具及建筑装饰装修材料', 33),
  (2, 3, '电子及信息技术产品', 25),
  (2, 4, '交通用具及相关产品', 23),
  (2, 5, '儿童用品', 20),
  (2, 6, '食品相关产品', 11),
  (2, 7, '文教体育用品', 7),
  (2, 8, '服装鞋帽及家用纺织品', 7),
  (2, 9, '日用杂品', 7),
  (2, 10, '日用化学制品及卫生用品', 2),
  (2, 11, '工业生产资料', 60),
  (2, 12, '农业生产资料', 8);
