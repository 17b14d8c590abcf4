import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import { inTurn } from '../../db/in-turn.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { endSessionsOf, passwordChange } from '../auth/auth.service.ts';
import { appUser, userEntity } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/passwords.ts';
import { isLocked } from '../auth/rules/lockout.ts';
import { invalidRequest } from '../errors/problem.ts';
import type { ActorContext, ServiceContext } from '../http/context.ts';
import { orgUnit } from '../org/org.tables.ts';
import { scopeWhere } from '../scope/scope-where.ts';
import { cannotDisableSelf, userNotFound, usernameTaken } from './accounts.errors.ts';
import type { CreateUserBody, UpdateUserBody, UserListQuery, UserView } from './accounts.schemas.ts';
import { generateInitialPassword } from './initial-password.ts';

const userColumns = { user: appUser, orgUnitName: orgUnit.name };
type UserRow = { user: typeof appUser.$inferSelect; orgUnitName: string | null; entityIds: number[] };

const unknownEntities = (ids: readonly number[]) =>
  invalidRequest({}, [
    {
      in: 'body',
      field: 'entityIds',
      code: 'unknown',
      message: { 'zh-CN': '本辖区没有这些市场主体：{ids}', en: 'no such market entities in this district: {ids}' },
      params: { ids: ids.join(', ') },
    },
  ]);

/** Replaces the entities a user acts for; ids outside the user's district are refused by the foreign key. */
async function bindEntities(db: ServiceContext['db'], districtCode: string, userId: number, entityIds: readonly number[]) {
  await db.delete(userEntity).where(and(eq(userEntity.districtCode, districtCode), eq(userEntity.userId, userId)));
  if (!entityIds.length) return;
  try {
    await db.transaction((savepoint) =>
      savepoint.insert(userEntity).values(entityIds.map((entityId) => ({ districtCode, userId, entityId }))),
    );
  } catch (error) {
    const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
    if (code === '23503') throw unknownEntities(entityIds);
    throw error;
  }
}

function toView(row: UserRow, now: Date): UserView {
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    roles: row.user.roles,
    orgUnitId: row.user.orgUnitId,
    orgUnitName: row.orgUnitName,
    isDisabled: row.user.isDisabled,
    isLocked: isLocked(row.user, now),
    totpEnabled: row.user.totpEnabled,
    entityIds: row.entityIds.map(Number),
    createdAt: row.user.createdAt.toISOString(),
  };
}

function usersInScope(ctx: ActorContext) {
  return ctx.db
    .select(userColumns)
    .from(appUser)
    .leftJoin(orgUnit, and(eq(orgUnit.districtCode, appUser.districtCode), eq(orgUnit.id, appUser.orgUnitId)));
}

/**
 * The entities each user acts for, in a second query: accounts are global (a reference table on Citus) and their
 * entities district data, which Citus does not read in a subquery per account row (docs/decisions/0020).
 */
async function withEntityIds(ctx: ActorContext, rows: Omit<UserRow, 'entityIds'>[]): Promise<UserRow[]> {
  if (!rows.length) return [];
  const links = await ctx.db
    .select({ districtCode: userEntity.districtCode, userId: userEntity.userId, entityId: userEntity.entityId })
    .from(userEntity)
    .where(
      and(
        inArray(userEntity.districtCode, [...new Set(rows.map((row) => row.user.districtCode))]),
        inArray(
          userEntity.userId,
          rows.map((row) => row.user.id),
        ),
      ),
    )
    .orderBy(userEntity.entityId);
  return rows.map((row) => ({
    ...row,
    entityIds: links
      .filter((link) => link.districtCode === row.user.districtCode && link.userId === row.user.id)
      .map((link) => link.entityId),
  }));
}

export async function listUsers(ctx: ActorContext, query: UserListQuery) {
  const conditions: SQL[] = [scopeWhere(ctx.actor, { district: appUser.districtCode })];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(or(ilike(appUser.username, pattern), ilike(appUser.displayName, pattern)) as SQL);
  }
  if (query.role) conditions.push(sql`${query.role} = any(${appUser.roles})`);
  const where = and(...conditions);
  const [page, [total]] = await inTurn(
    () =>
      usersInScope(ctx)
        .where(where)
        .orderBy(desc(appUser.createdAt), desc(appUser.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: count() }).from(appUser).where(where),
  );
  const rows = await withEntityIds(ctx, page);
  const now = ctx.clock.now();
  return { items: rows.map((row) => toView(row, now)), total: total?.total ?? 0 };
}

async function findUserRow(ctx: ActorContext, id: number): Promise<UserRow> {
  const [row] = await withEntityIds(
    ctx,
    await usersInScope(ctx).where(and(scopeWhere(ctx.actor, { district: appUser.districtCode }), eq(appUser.id, id))),
  );
  if (!row) throw userNotFound();
  return row;
}

export async function getUser(ctx: ActorContext, id: number): Promise<UserView> {
  return toView(await findUserRow(ctx, id), ctx.clock.now());
}

async function assertOrgUnitInDistrict(ctx: ServiceContext, districtCode: string, orgUnitId: number | null | undefined) {
  if (orgUnitId === null || orgUnitId === undefined) return;
  const [unit] = await ctx.db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(and(eq(orgUnit.districtCode, districtCode), eq(orgUnit.id, orgUnitId)));
  if (!unit) {
    throw invalidRequest({}, [
      { in: 'body', field: 'orgUnitId', code: 'unknown', message: { 'zh-CN': '本辖区没有该机构', en: 'no such unit in this district' } },
    ]);
  }
}

/**
 * Creates an account in the admin's district with a random initial password (shown once, to be
 * changed at first sign-in). `passwordOverride` is for the first admin and the demo accounts only.
 */
export async function createUser(
  ctx: ServiceContext & { actor?: ActorContext['actor'] },
  input: CreateUserBody & { districtCode?: string; passwordOverride?: string; entityIds?: number[] },
): Promise<{ user: UserView; initialPassword: string }> {
  const districtCode = input.districtCode ?? ctx.actor?.districtCode;
  if (!districtCode) throw new Error('createUser needs a district');
  await assertOrgUnitInDistrict(ctx, districtCode, input.orgUnitId);
  const [taken] = await ctx.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, input.username));
  if (taken) throw usernameTaken({ username: input.username });
  const initialPassword = input.passwordOverride ?? generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const created = await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(appUser)
      .values({
        districtCode,
        username: input.username,
        displayName: input.displayName,
        roles: input.roles as Role[],
        orgUnitId: input.orgUnitId ?? null,
        passwordHash,
        mustChangePassword: input.passwordOverride === undefined,
      })
      .returning();
    if (!user) throw new Error('insert returned nothing');
    if (input.entityIds?.length) await bindEntities(tx, districtCode, user.id, input.entityIds);
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        districtCode,
        detail: { after: { username: user.username, displayName: user.displayName, roles: user.roles, orgUnitId: user.orgUnitId } },
      },
    );
    return user;
  });
  const [orgUnitRow] = created.orgUnitId
    ? await ctx.db
        .select({ name: orgUnit.name })
        .from(orgUnit)
        .where(and(eq(orgUnit.districtCode, districtCode), eq(orgUnit.id, created.orgUnitId)))
    : [];
  return {
    user: toView({ user: created, orgUnitName: orgUnitRow?.name ?? null, entityIds: input.entityIds ?? [] }, ctx.clock.now()),
    initialPassword,
  };
}

async function changeUser(
  ctx: ActorContext,
  id: number,
  action: string,
  change: Partial<typeof appUser.$inferInsert>,
  options: { endSessions?: boolean; entityIds?: readonly number[] } = {},
): Promise<UserView> {
  const before = await findUserRow(ctx, id);
  const districtCode = before.user.districtCode;
  await ctx.db.transaction(async (tx) => {
    if (Object.keys(change).length) {
      await tx
        .update(appUser)
        .set(change)
        .where(and(eq(appUser.districtCode, districtCode), eq(appUser.id, id)));
    }
    if (options.entityIds) await bindEntities(tx, districtCode, id, options.entityIds);
    if (options.endSessions) await endSessionsOf({ ...ctx, db: tx }, before.user);
    const secretFields = new Set(['passwordHash', 'previousPasswordHashes', 'totpSecret']);
    const fields = Object.keys(change).filter((key) => !secretFields.has(key));
    const entityChange = options.entityIds
      ? { before: { entityIds: before.entityIds.map(Number) }, after: { entityIds: [...options.entityIds] } }
      : { before: {}, after: {} };
    await writeAudit(
      { ...ctx, db: tx },
      {
        action,
        objectType: 'user',
        objectId: id,
        districtCode,
        detail: {
          before: {
            ...Object.fromEntries(fields.map((key) => [key, before.user[key as keyof typeof before.user]])),
            ...entityChange.before,
          },
          after: { ...Object.fromEntries(fields.map((key) => [key, change[key as keyof typeof change]])), ...entityChange.after },
        },
      },
    );
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: ActorContext, id: number, input: UpdateUserBody): Promise<UserView> {
  const before = await findUserRow(ctx, id);
  await assertOrgUnitInDistrict(ctx, before.user.districtCode, input.orgUnitId);
  const { entityIds, ...fields } = input;
  const change = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<
    typeof appUser.$inferInsert
  >;
  // New roles or bound entities change what the user may see: their sessions end.
  return changeUser(ctx, id, 'user.update', change, {
    endSessions: input.roles !== undefined || entityIds !== undefined,
    ...(entityIds ? { entityIds } : {}),
  });
}

export async function setUserDisabled(ctx: ActorContext, id: number, isDisabled: boolean): Promise<UserView> {
  if (isDisabled && id === ctx.actor.userId) throw cannotDisableSelf();
  return changeUser(
    ctx,
    id,
    isDisabled ? 'user.disable' : 'user.enable',
    { isDisabled, failedLogins: 0, lockedUntil: null },
    { endSessions: isDisabled },
  );
}

export async function resetPassword(ctx: ActorContext, id: number): Promise<{ initialPassword: string }> {
  const { user } = await findUserRow(ctx, id);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await changeUser(
    ctx,
    id,
    'user.reset_password',
    { ...passwordChange(user, passwordHash, ctx.clock.now()), mustChangePassword: true, failedLogins: 0, lockedUntil: null },
    { endSessions: true },
  );
  return { initialPassword };
}

/**
 * The operator's reset from the command line (`zhijian user reset`): a one-time password, unlocked and enabled,
 * every session ended — audited like an admin's reset, with no signed-in actor. Undefined when there is no such user.
 */
export async function resetPasswordByUsername(ctx: ServiceContext, username: string): Promise<{ initialPassword: string } | undefined> {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.username, username));
  if (!user) return undefined;
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({
        ...passwordChange(user, passwordHash, ctx.clock.now()),
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        isDisabled: false,
      })
      .where(and(eq(appUser.districtCode, user.districtCode), eq(appUser.id, user.id)));
    await endSessionsOf({ ...ctx, db: tx }, user);
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'user.reset_password',
        objectType: 'user',
        objectId: user.id,
        districtCode: user.districtCode,
        detail: { via: 'command_line', username: user.username, before: { isDisabled: user.isDisabled }, after: { isDisabled: false } },
      },
    );
  });
  return { initialPassword };
}

export async function resetTotp(ctx: ActorContext, id: number): Promise<UserView> {
  return changeUser(ctx, id, 'user.reset_totp', { totpEnabled: false, totpSecret: null, totpLastStep: null }, { endSessions: true });
}
