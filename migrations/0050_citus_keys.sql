-- Keys that Citus can keep (docs/decisions/0020-one-schema-on-citus.md): on a district table every primary key and
-- unique index includes district_code, because each shard checks only its own rows. The same on every engine.

-- Sessions: the cookie carries the district (330212.<random>), so that a request's session lookup goes to one shard.
ALTER TABLE user_session DROP CONSTRAINT user_session_pkey;
ALTER TABLE user_session ADD PRIMARY KEY (district_code, token_hash);

-- Public code tokens are 128 random bits: unique by construction. The index still serves the lookup by token alone
-- (a scanned code names no district), and refuses a repeat inside a district.
DROP INDEX rc_subject_token;
CREATE UNIQUE INDEX rc_subject_token ON rc_subject (token, district_code);
DROP INDEX rc_certified_product_token;
CREATE UNIQUE INDEX rc_certified_product_token ON rc_certified_product (token, district_code);

-- One open self-registration per username and district; across districts the check before insert and the unique
-- username of app_user at approval keep one account per username.
DROP INDEX operator_application_pending_username;
CREATE UNIQUE INDEX operator_application_pending_username ON operator_application (username, district_code) WHERE status = 'pending';
