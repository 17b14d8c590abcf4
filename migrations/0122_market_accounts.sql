-- Farmers' markets (issue #20, docs/decisions/0039): the market's testing room (检测室) and organiser (举办者) get
-- accounts of their own, bound to the market's entity like its manager.
ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check CHECK (roles <@ ARRAY['admin', 'leader', 'section', 'inspector',
  'operator', 'lab', 'market_manager', 'expert', 'inspection_body', 'maintenance_unit', 'market_testing_room',
  'market_organiser']::text[]);
