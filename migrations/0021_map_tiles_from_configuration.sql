-- The map's tile server is the operator's configuration (ZHIJIAN_MAP_TILE_URL, checked at start), no longer a
-- setting staff can edit: an editable address let admin or section staff make the server fetch any https host.
DROP TABLE rc_map_setting;
