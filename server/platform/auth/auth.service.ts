import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { districtWideRoles, type Role, staffRoles } from '../../../shared/roles.ts';
import { queryRows } from '../../db/client.ts';
import { systemDistrict, writeAudit } from '../audit/audit.service.ts';
import { invalidRequest, notAuthenticated } from '../errors/problem.ts';
import type { ActorContext, ServiceContext } from '../http/context.ts';
import type { Actor } from '../scope/actor.ts';
import {
  invalidCredentials,
  invalidTotpCode,
  noPendingSignIn,
  passwordFieldErrors,
  totpAlreadyEnabled,
  weakPassword,
  wrongCurrentPassword,
} from './auth.errors.ts';
import { appUser, type SessionStage, userSession } from './auth.tables.ts';
import type { AuthenticatedSession } from './authenticated-session.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';
import { afterFailedLogin, type FailureState, isLocked } from './rules/lockout.ts';
import { passwordHistoryLength } from './rules/password-policy.ts';
import { type SessionPolicy, sessionExpiry, sessionValidity } from './rules/session-validity.ts';
import { announceSessionChanges, type CachedSession, refreshSeconds, type SessionCache } from './session-cache.ts';
import { acceptedTotpStep, newTotpSecret, totpEnrolment } from './totp.ts';
import { passwordViolations } from './weak-passwords.ts';

export interface AuthSettings extends SessionPolicy {
  /** Staff must sign in with a second factor (production). */
  isTotpRequiredForStaff: boolean;
}

/** A half-finished sign-in (password accepted, second factor pending) lasts this long. */
const pendingMinutes = 5;
/**
 * last_seen_at is written at most this often, so reads do not each cost a write; a cached session is read again as
 * often (session-cache.ts), so the idle timeout may end a session at most a minute early, as before the cache.
 */
const touchEverySeconds = refreshSeconds;

export type LoginOutcome =
  | { status: 'signed_in'; token: string; actor: Actor }
  | { status: 'totp_required' | 'totp_enrolment_required'; token: string };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * A session token is `<district code>.<32 random bytes>`: the district routes the lookup to its shard on Citus
 * (docs/decisions/0021). A token without one (or from before) finds no session.
 */
function districtOfToken(token: string): string | undefined {
  return /^[0-9]{6}\./.test(token) ? token.slice(0, 6) : undefined;
}

async function openSession(
  ctx: ServiceContext,
  user: { districtCode: string; id: number },
  stage: SessionStage,
  settings: SessionPolicy,
): Promise<string> {
  const token = `${user.districtCode}.${randomBytes(32).toString('base64url')}`;
  const now = ctx.clock.now();
  await ctx.db.insert(userSession).values({
    tokenHash: hashToken(token),
    districtCode: user.districtCode,
    userId: user.id,
    stage,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: stage === 'active' ? sessionExpiry(now, settings) : new Date(now.getTime() + pendingMinutes * 60_000),
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
  });
  return token;
}

/**
 * Whether `password` is this account's, for flows other than sign-in that accept an existing account's password
 * (an operator binding another shop at self-registration). It obeys the same lockout as sign-in: a locked or
 * disabled account never proves, and a wrong password counts towards the lock and is audited.
 */
export async function proveAccountPassword(ctx: ServiceContext, user: typeof appUser.$inferSelect, password: string): Promise<boolean> {
  const now = ctx.clock.now();
  if (user.isDisabled || isLocked(user, now)) {
    await verifyAgainstDecoy(password);
    return false;
  }
  if (await verifyPassword(user.passwordHash, password)) return true;
  await countFailure({ ...ctx, actor: undefined }, user, { action: 'auth.password_proof', reason: 'wrong_password' });
  return false;
}

type FailingUser = Pick<typeof appUser.$inferSelect, 'districtCode' | 'id' | 'username' | 'roles'>;

/**
 * One more failed proof of identity (a wrong password or code, wherever it was asked for), counted atomically: the
 * count is read and written under a row lock, so parallel wrong attempts each count and none is lost. Audited, with
 * the lockout itself when this failure starts one. Returns the state after it.
 */
async function countFailure(
  ctx: ServiceContext,
  user: FailingUser,
  event: { action: string; reason: string },
): Promise<FailureState & { isNowLocked: boolean }> {
  const now = ctx.clock.now();
  const where = and(eq(appUser.districtCode, user.districtCode), eq(appUser.id, user.id));
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ failedLogins: appUser.failedLogins, lockedUntil: appUser.lockedUntil })
      .from(appUser)
      .where(where)
      .for('update');
    const before = current ?? { failedLogins: 0, lockedUntil: null };
    const next = afterFailedLogin(before, now);
    await tx.update(appUser).set(next).where(where);
    const txCtx = { ...ctx, db: tx };
    const userRef = {
      objectType: 'user',
      objectId: user.id,
      districtCode: user.districtCode,
      actingAs: { userId: user.id, username: user.username, roles: user.roles },
    };
    await writeAudit(txCtx, {
      ...userRef,
      action: event.action,
      outcome: 'failure',
      reason: event.reason,
      detail: { username: user.username, failedLogins: next.failedLogins },
    });
    const isNowLocked = isLocked(next, now) && !isLocked(before, now);
    if (isNowLocked) {
      await writeAudit(txCtx, {
        ...userRef,
        action: 'auth.lockout',
        detail: { username: user.username, lockedUntil: next.lockedUntil?.toISOString() },
      });
    }
    return { ...next, isNowLocked };
  });
}

/**
 * Checks a username and password. Wrong credentials, a disabled or a locked account all answer the
 * same 401; five failures in a row lock the account for fifteen minutes.
 */
export async function login(
  ctx: ServiceContext,
  settings: AuthSettings,
  input: { username: string; password: string },
): Promise<LoginOutcome> {
  const username = input.username.trim().toLowerCase();
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.username, username));
  if (!user) {
    await verifyAgainstDecoy(input.password);
    await writeAudit(ctx, {
      action: 'auth.login',
      outcome: 'failure',
      reason: 'unknown_user',
      detail: { username: username.slice(0, 40) },
      districtCode: systemDistrict,
    });
    throw invalidCredentials();
  }
  const auditAs = { ...ctx, actor: undefined };
  const userRef = {
    action: 'auth.login',
    objectType: 'user',
    objectId: user.id,
    districtCode: user.districtCode,
    actingAs: { userId: user.id, username: user.username, roles: user.roles },
  };
  if (user.isDisabled || isLocked(user, now)) {
    await verifyAgainstDecoy(input.password);
    await writeAudit(auditAs, { ...userRef, outcome: 'denied', reason: user.isDisabled ? 'disabled' : 'locked', detail: { username } });
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailure(auditAs, user, { action: 'auth.login', reason: 'wrong_password' });
    throw invalidCredentials();
  }
  const isStaff = user.roles.some((role) => staffRoles.includes(role));
  const stage: SessionStage = user.totpEnabled ? 'totp' : isStaff && settings.isTotpRequiredForStaff ? 'totp_enrol' : 'active';
  const where = and(eq(appUser.districtCode, user.districtCode), eq(appUser.id, user.id));
  const token = await ctx.db.transaction(async (tx) => {
    // Parallel wrong attempts may have locked the account while this password was being checked.
    const [current] = await tx
      .select({ lockedUntil: appUser.lockedUntil, isDisabled: appUser.isDisabled })
      .from(appUser)
      .where(where)
      .for('update');
    if (!current || current.isDisabled || isLocked({ failedLogins: 0, lockedUntil: current.lockedUntil }, now)) return undefined;
    const txCtx = { ...auditAs, db: tx };
    // The count starts again only once the whole sign-in succeeds: a second factor still to come keeps it.
    if (stage === 'active') await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(where);
    const opened = await openSession(txCtx, user, stage, settings);
    await writeAudit(txCtx, { ...userRef, detail: { username, stage } });
    return opened;
  });
  if (!token) {
    await writeAudit(auditAs, { ...userRef, outcome: 'denied', reason: 'locked', detail: { username } });
    throw invalidCredentials();
  }
  if (stage === 'totp') return { status: 'totp_required', token };
  if (stage === 'totp_enrol') return { status: 'totp_enrolment_required', token };
  const actor = await actorForToken(ctx, token, settings);
  if (!actor) throw invalidCredentials();
  return { status: 'signed_in', token, actor: actor.actor };
}

interface SessionRow {
  stage: SessionStage;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  district_code: string;
  user_id: number;
  username: string;
  display_name: string;
  roles: Role[];
  org_unit_id: number | null;
  is_disabled: boolean;
  street_codes: string[];
  entity_ids: number[];
  district_codes: string[];
}

/**
 * The session behind a cookie token, with its actor and scope, or undefined when there is none or it
 * has timed out (idle or absolute); a timed-out session is deleted. With a cache, a session read less than a minute
 * ago is answered from memory (session-cache.ts): the timeouts are still checked on every request, and one that
 * fails them is read again, so only the database ever ends a session.
 */
export async function authenticate(
  ctx: ServiceContext,
  token: string,
  settings: SessionPolicy,
  cache?: SessionCache,
): Promise<AuthenticatedSession | undefined> {
  const districtCode = districtOfToken(token);
  if (!districtCode) return undefined;
  const tokenHash = hashToken(token);
  const now = ctx.clock.now();
  const cached = cache?.fresh(tokenHash, now.getTime());
  if (cached && isLive(cached, now, settings)) return cached.session;
  const readGeneration = cache?.beginRead() ?? 0;
  const read = await readSession(ctx, districtCode, tokenHash, now, settings);
  if (!read) {
    cache?.forget(tokenHash);
    return undefined;
  }
  cache?.store(tokenHash, { ...read, readAt: now.getTime() }, readGeneration);
  return read.session;
}

function isLive(entry: Pick<CachedSession, 'session' | 'createdAt' | 'lastSeenAt' | 'expiresAt'>, now: Date, settings: SessionPolicy) {
  const isPendingExpired = entry.session.stage !== 'active' && now.getTime() >= entry.expiresAt.getTime();
  return !isPendingExpired && sessionValidity(entry, now, settings) === 'valid';
}

/** One query: the session, its user, the station's streets, the bound entities and the districts the user reads. */
async function readSession(ctx: ServiceContext, districtCode: string, tokenHash: string, now: Date, settings: SessionPolicy) {
  const ofThisSession = and(eq(userSession.districtCode, districtCode), eq(userSession.tokenHash, tokenHash));
  const [row] = await queryRows<SessionRow>(
    ctx.db,
    sql`select s.stage, s.created_at::text, s.last_seen_at::text, s.expires_at::text,
          u.district_code, u.id as user_id, u.username, u.display_name, u.roles, u.org_unit_id, u.is_disabled,
          coalesce((select array_agg(ss.street_code order by ss.street_code) from station_street ss
                    where ss.district_code = ${districtCode} and ss.station_id = u.org_unit_id
                      and 'inspector' = any(u.roles)), '{}') as street_codes,
          coalesce((select array_agg(ue.entity_id order by ue.entity_id) from user_entity ue
                    where ue.district_code = ${districtCode} and ue.user_id = u.id), '{}') as entity_ids,
          coalesce((select array_agg(other.code order by other.code) from district own join district other on
                      case u.reach when 'district' then other.code = own.code
                                   when 'city' then other.city_code = own.city_code
                                   else other.province_code = own.province_code end
                    where own.code = u.district_code), '{}') as district_codes
        from user_session s join app_user u on u.district_code = s.district_code and u.id = s.user_id
        where s.district_code = ${districtCode} and s.token_hash = ${tokenHash}`,
  );
  if (!row) return undefined;
  const session: AuthenticatedSession = { stage: row.stage, tokenHash, districtCode: row.district_code, userId: row.user_id };
  const read = {
    session,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
  };
  if (row.is_disabled || !isLive(read, now, settings)) {
    await ctx.db.delete(userSession).where(ofThisSession);
    return undefined;
  }
  if (now.getTime() - read.lastSeenAt.getTime() >= touchEverySeconds * 1000) {
    await ctx.db.update(userSession).set({ lastSeenAt: now }).where(ofThisSession);
    read.lastSeenAt = now;
  }
  if (row.stage !== 'active') return read;
  const roles = row.roles;
  session.actor = {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    districtCode: row.district_code,
    districtCodes: row.district_codes,
    roles,
    orgUnitId: row.org_unit_id,
    isDistrictWide: roles.some((role) => districtWideRoles.includes(role)),
    streetCodes: row.street_codes,
    entityIds: row.entity_ids.map(Number),
    labId: roles.includes('lab') ? row.org_unit_id : null,
  };
  return read;
}

async function actorForToken(ctx: ServiceContext, token: string, settings: SessionPolicy) {
  const session = await authenticate(ctx, token, settings);
  return session?.actor ? { actor: session.actor } : undefined;
}

async function pendingUser(ctx: ServiceContext, session: AuthenticatedSession | undefined, stages: SessionStage[]) {
  if (!session || !stages.includes(session.stage)) throw noPendingSignIn();
  const [user] = await ctx.db
    .select()
    .from(appUser)
    .where(and(eq(appUser.districtCode, session.districtCode), eq(appUser.id, session.userId)));
  if (!user) throw noPendingSignIn();
  return user;
}

/** Replaces a pending session by a signed-in one (a new token: no session fixation). */
async function promote(ctx: ServiceContext, session: AuthenticatedSession, settings: SessionPolicy, step: number, action: string) {
  const token = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await tx
      .update(appUser)
      .set({ totpLastStep: step, totpEnabled: true, failedLogins: 0, lockedUntil: null })
      .where(and(eq(appUser.districtCode, session.districtCode), eq(appUser.id, session.userId)));
    await tx
      .delete(userSession)
      .where(and(eq(userSession.districtCode, session.districtCode), eq(userSession.tokenHash, session.tokenHash)));
    const opened = await openSession(txCtx, { districtCode: session.districtCode, id: session.userId }, 'active', settings);
    // The pending session is gone, and the user's other sessions now show an authenticator.
    await announceSessionChanges(tx, [
      { session: session.tokenHash },
      { user: { districtCode: session.districtCode, id: session.userId } },
    ]);
    await writeAudit(txCtx, { action, objectType: 'user', objectId: session.userId, districtCode: session.districtCode });
    return opened;
  });
  const actor = await actorForToken(ctx, token, settings);
  if (!actor) throw noPendingSignIn();
  return { token, actor: actor.actor };
}

/** Second step of sign-in: a code from the authenticator. */
export async function completeTotpSignIn(
  ctx: ServiceContext,
  settings: SessionPolicy,
  session: AuthenticatedSession | undefined,
  code: string,
) {
  const user = await pendingUser(ctx, session, ['totp']);
  if (!session) throw noPendingSignIn();
  const now = ctx.clock.now();
  // A wrong code counts like a wrong password: five of them lock the account, and a locked one never signs in.
  if (user.isDisabled || isLocked(user, now)) {
    await ctx.db.delete(userSession).where(eq(userSession.tokenHash, session.tokenHash));
    await announceSessionChanges(ctx.db, [{ session: session.tokenHash }]);
    await writeAudit(ctx, {
      action: 'auth.totp',
      outcome: 'denied',
      reason: user.isDisabled ? 'disabled' : 'locked',
      objectType: 'user',
      objectId: user.id,
      districtCode: user.districtCode,
    });
    throw invalidTotpCode();
  }
  const secret = user.totpSecret ? ctx.crypto.decrypt(user.totpSecret) : undefined;
  const step = secret ? acceptedTotpStep(secret, code, now, user.totpLastStep) : null;
  if (step === null) {
    const after = await countFailure(ctx, user, { action: 'auth.totp', reason: 'wrong_code' });
    if (after.isNowLocked) {
      await ctx.db.delete(userSession).where(eq(userSession.tokenHash, session.tokenHash));
      await announceSessionChanges(ctx.db, [{ session: session.tokenHash }]);
    }
    throw invalidTotpCode();
  }
  return promote(ctx, session, settings, step, 'auth.totp');
}

/**
 * Starts (or restarts) enrolment of an authenticator: during a sign-in that requires it, or from a
 * signed-in session. The secret is stored encrypted and becomes active only once a code confirms it.
 */
export async function startTotpEnrolment(ctx: ServiceContext, session: AuthenticatedSession | undefined) {
  const user = await pendingUser(ctx, session, ['totp_enrol', 'active']);
  // Replacing a working authenticator goes through an admin's TOTP reset, never silently.
  if (user.totpEnabled) throw totpAlreadyEnabled();
  const secret = newTotpSecret();
  await ctx.db
    .update(appUser)
    .set({ totpSecret: ctx.crypto.encrypt(secret) })
    .where(and(eq(appUser.districtCode, user.districtCode), eq(appUser.id, user.id)));
  return { secret, ...(await totpEnrolment(secret, user.username)) };
}

export async function confirmTotpEnrolment(
  ctx: ServiceContext,
  settings: SessionPolicy,
  session: AuthenticatedSession | undefined,
  code: string,
) {
  const user = await pendingUser(ctx, session, ['totp_enrol', 'active']);
  const secret = user.totpSecret ? ctx.crypto.decrypt(user.totpSecret) : undefined;
  const step = secret ? acceptedTotpStep(secret, code, ctx.clock.now(), user.totpLastStep) : null;
  if (step === null || !session) throw invalidTotpCode();
  return promote(ctx, session, settings, step, 'auth.totp_enrol');
}

export async function logout(ctx: ServiceContext, session: AuthenticatedSession): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(userSession)
      .where(and(eq(userSession.districtCode, session.districtCode), eq(userSession.tokenHash, session.tokenHash)));
    await announceSessionChanges(tx, [{ session: session.tokenHash }]);
    if (ctx.actor) await writeAudit({ ...ctx, db: tx }, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor.userId });
  });
}

/** Ends every session of a user at once (disable, password reset). */
export async function endSessionsOf(ctx: ServiceContext, user: { districtCode: string; id: number }): Promise<void> {
  await ctx.db.delete(userSession).where(and(eq(userSession.districtCode, user.districtCode), eq(userSession.userId, user.id)));
  await announceSessionChanges(ctx.db, [{ user: { districtCode: user.districtCode, id: user.id } }]);
}

/**
 * A signed-in user changes their own password. A wrong current password counts towards the lockout like a wrong
 * sign-in (the route is rate-limited too); when it locks the account, every session of the user ends, so a stolen
 * session cannot go on guessing. The new password must meet the policy and repeat none of the last ones.
 */
export async function changePassword(
  ctx: ActorContext,
  input: { currentPassword: string; newPassword: string },
  currentTokenHash: string,
): Promise<void> {
  const [user] = await ctx.db
    .select()
    .from(appUser)
    .where(and(eq(appUser.districtCode, ctx.actor.districtCode), eq(appUser.id, ctx.actor.userId)));
  if (!user) throw notAuthenticated();
  const wrongCurrent = () =>
    invalidRequest({}, [{ in: 'body', field: 'currentPassword', code: 'wrong', message: wrongCurrentPassword.message }]);
  if (isLocked(user, ctx.clock.now())) {
    await verifyAgainstDecoy(input.currentPassword);
    throw wrongCurrent();
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const after = await countFailure(ctx, user, { action: 'auth.password_change', reason: 'wrong_password' });
    if (after.isNowLocked) await endSessionsOf(ctx, user);
    throw wrongCurrent();
  }
  const violations = passwordViolations(input.newPassword, { username: user.username, displayName: user.displayName });
  if (!violations.length && (await isRecentPassword(user, input.newPassword))) violations.push('reused');
  if (violations.length) throw weakPassword({}, passwordFieldErrors('newPassword', violations));
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ ...passwordChange(user, passwordHash, ctx.clock.now()), mustChangePassword: false, failedLogins: 0, lockedUntil: null })
      .where(and(eq(appUser.districtCode, user.districtCode), eq(appUser.id, user.id)));
    // Other sessions end; this one stays (ASVS 7.4.3).
    await tx
      .delete(userSession)
      .where(
        and(
          eq(userSession.districtCode, user.districtCode),
          eq(userSession.userId, user.id),
          sql`${userSession.tokenHash} <> ${currentTokenHash}`,
        ),
      );
    // Every session of the user: the others ended, this one no longer must change its password.
    await announceSessionChanges(tx, [{ user: { districtCode: user.districtCode, id: user.id } }]);
    await writeAudit({ ...ctx, db: tx }, { action: 'auth.password_change', objectType: 'user', objectId: user.id });
  });
}

/** Whether the password is the current one or one of the last few (their argon2id hashes are kept, nothing else). */
async function isRecentPassword(user: Pick<typeof appUser.$inferSelect, 'passwordHash' | 'previousPasswordHashes'>, password: string) {
  for (const hash of [user.passwordHash, ...user.previousPasswordHashes]) if (await verifyPassword(hash, password)) return true;
  return false;
}

/** The columns a new password sets: its hash, and the old one kept in the history (newest first). */
export function passwordChange(
  user: Pick<typeof appUser.$inferSelect, 'passwordHash' | 'previousPasswordHashes'>,
  passwordHash: string,
  now: Date,
) {
  return {
    passwordHash,
    passwordChangedAt: now,
    previousPasswordHashes: [user.passwordHash, ...user.previousPasswordHashes].slice(0, passwordHistoryLength),
  };
}

/** Deletes sessions past their absolute end or abandoned mid sign-in; returns how many. */
export async function purgeExpiredSessions(ctx: ServiceContext, settings: SessionPolicy): Promise<number> {
  const now = ctx.clock.now();
  const idleCutoff = new Date(now.getTime() - settings.idleMinutes * 60_000);
  const removed = await ctx.db
    .delete(userSession)
    .where(sql`${userSession.expiresAt} <= ${now} or ${userSession.lastSeenAt} <= ${idleCutoff}`)
    .returning({ tokenHash: userSession.tokenHash });
  return removed.length;
}
