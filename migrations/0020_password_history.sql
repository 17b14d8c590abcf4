-- The argon2id hashes of a user's last passwords (newest first, at most 4 besides the current one): a new password
-- may not repeat any of them (MLPS 2.0 身份鉴别 a; the policy is in platform/auth/rules/password-policy.ts).
ALTER TABLE app_user ADD COLUMN previous_password_hashes text[] NOT NULL DEFAULT '{}'
  CHECK (cardinality(previous_password_hashes) <= 4);
