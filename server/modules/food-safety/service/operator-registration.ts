import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { maskPhone } from '../../../../shared/masking.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { passwordFieldErrors } from '../../../platform/auth/auth.errors.ts';
import { proveAccountPassword } from '../../../platform/auth/auth.service.ts';
import { appUser, userEntity } from '../../../platform/auth/auth.tables.ts';
import { hashPassword, verifyAgainstDecoy } from '../../../platform/auth/passwords.ts';
import { announceSessionChanges } from '../../../platform/auth/session-cache.ts';
import { passwordViolations } from '../../../platform/auth/weak-passwords.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles, matchFoodBusinessCredentials } from '../../registry/index.ts';
import { applicationDecided, applicationNotFound, registrationInvalid } from '../food-safety.errors.ts';
import type { ApplicationQuery, ApplicationView, RegistrationBody } from '../food-safety.schemas.ts';
import { operatorApplication } from '../food-safety.tables.ts';
import { today } from './handlers.ts';

type ApplicationRow = typeof operatorApplication.$inferSelect;

const fieldError = (field: string, code: string, message: { 'zh-CN': string; en: string }): FieldError => ({
  in: 'body',
  field,
  code,
  message,
});

const credentialMessages = {
  creditCode: { 'zh-CN': '统一社会信用代码与在业的市场主体不符', en: 'the unified social credit code does not match an active business' },
  licenceNumber: {
    'zh-CN': '食品经营许可证编号与该主体的有效许可证不符',
    en: 'the food business licence number does not match a valid licence of this business',
  },
} as const;

/** An existing account under the username: only an operator of the same district who proves its password may be bound. */
async function existingAccount(ctx: ServiceContext, username: string) {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.username, username));
  return user;
}

/**
 * A signed-out person applies to be a shop's operator: the credit code and the food business licence number
 * must name the same active entity with the licence valid today; the password follows the platform policy.
 * A username that is already an operator account (with its password) asks to bind the shop to that account.
 */
export async function submitRegistration(ctx: ServiceContext, body: RegistrationBody): Promise<{ id: number; status: 'pending' }> {
  const errors: FieldError[] = [];
  const match = await matchFoodBusinessCredentials(ctx, {
    creditCode: body.creditCode,
    licenceNumber: body.licenceNumber,
    day: today(ctx),
  });
  if (!match.ok) errors.push(fieldError(match.field, 'mismatch', credentialMessages[match.field]));
  const account = await existingAccount(ctx, body.username);
  if (account) {
    const proves = await proveAccountPassword(ctx, account, body.password);
    const bindable = match.ok && account.districtCode === match.entity.districtCode && account.roles.includes('operator');
    if (!proves || !bindable || account.isDisabled)
      errors.push(
        fieldError('username', 'taken', {
          'zh-CN': '用户名已被使用（如已有经营者账号，请输入该账号的密码）',
          en: 'username already in use (if it is your operator account, enter its password)',
        }),
      );
  } else {
    await verifyAgainstDecoy(body.password);
    const violations = passwordViolations(body.password, { username: body.username, displayName: body.applicantName });
    errors.push(...passwordFieldErrors('password', violations));
  }
  const [pending] = await ctx.db
    .select({ id: operatorApplication.id })
    .from(operatorApplication)
    .where(and(eq(operatorApplication.username, body.username), eq(operatorApplication.status, 'pending')));
  if (pending)
    errors.push(
      fieldError('username', 'pending', {
        'zh-CN': '该用户名已有待审核的申请',
        en: 'an application with this username is awaiting review',
      }),
    );
  if (errors.length || !match.ok) throw registrationInvalid({}, errors);
  const shop = match.entity;
  const passwordHash = account ? account.passwordHash : await hashPassword(body.password);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(operatorApplication)
      .values({
        districtCode: shop.districtCode,
        entityId: shop.id,
        streetCode: shop.streetCode,
        applicantName: body.applicantName,
        phoneEnc: ctx.crypto.encrypt(body.phone),
        phoneMask: maskPhone(body.phone),
        username: body.username,
        passwordHash,
      })
      .returning({ id: operatorApplication.id });
    const id = (row as { id: number }).id;
    await writeAudit(
      { ...ctx, db: tx },
      {
        districtCode: shop.districtCode,
        action: 'operator_application.submit',
        objectType: 'operator_application',
        objectId: id,
        detail: { entityId: shop.id, username: body.username, bindsExistingAccount: account !== undefined },
      },
    );
    return { id, status: 'pending' as const };
  });
}

const applicationScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: operatorApplication.districtCode, street: operatorApplication.streetCode });

async function toViews(ctx: ActorContext, rows: ApplicationRow[]): Promise<ApplicationView[]> {
  const byDistrict = new Map<string, number[]>();
  for (const row of rows) byDistrict.set(row.districtCode, [...(byDistrict.get(row.districtCode) ?? []), row.entityId]);
  const profiles = new Map<string, { name: string; creditCode: string }>();
  for (const [districtCode, entityIds] of byDistrict)
    for (const profile of await entityPublicProfiles(ctx, districtCode, { entityIds }))
      profiles.set(`${districtCode}:${profile.id}`, profile);
  const usernames = [...new Set(rows.map((row) => row.username))];
  const existing = new Set<string>();
  for (const username of usernames) if (await existingAccount(ctx, username)) existing.add(username);
  return rows.map((row) => {
    const profile = profiles.get(`${row.districtCode}:${row.entityId}`);
    return {
      id: row.id,
      entityId: row.entityId,
      entityName: profile?.name ?? '',
      creditCode: profile?.creditCode ?? '',
      streetCode: row.streetCode,
      applicantName: row.applicantName,
      phoneMasked: row.phoneMask,
      username: row.username,
      bindsExistingAccount: row.status === 'pending' ? existing.has(row.username) : false,
      status: row.status,
      rejectReason: row.rejectReason,
      userId: row.userId,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
    };
  });
}

/** The applications of the shops in the actor's scope (a station sees its streets), newest first. */
export async function listApplications(ctx: ActorContext, query: ApplicationQuery): Promise<{ items: ApplicationView[]; total: number }> {
  const where = and(applicationScope(ctx), query.status === undefined ? undefined : eq(operatorApplication.status, query.status)) as SQL;
  const [total] = await ctx.db.select({ total: count() }).from(operatorApplication).where(where);
  const rows = await ctx.db
    .select()
    .from(operatorApplication)
    .where(where)
    .orderBy(desc(operatorApplication.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await toViews(ctx, rows), total: total?.total ?? 0 };
}

async function findApplication(ctx: ActorContext, id: number): Promise<ApplicationRow> {
  const [row] = await ctx.db
    .select()
    .from(operatorApplication)
    .where(and(applicationScope(ctx), eq(operatorApplication.id, id)));
  if (!row) throw applicationNotFound();
  return row;
}

export async function getApplication(ctx: ActorContext, id: number): Promise<ApplicationView> {
  const [view] = await toViews(ctx, [await findApplication(ctx, id)]);
  return view as ApplicationView;
}

/** Approves: creates the operator account bound to the shop, or binds the shop to the applicant's existing operator account. */
export async function approveApplication(ctx: ActorContext, id: number): Promise<ApplicationView> {
  const row = await findApplication(ctx, id);
  if (row.status !== 'pending') throw applicationDecided();
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const account = await existingAccount(txCtx, row.username);
    let userId: number;
    if (account) {
      // Bound only when it is still the same district's operator account whose password the applicant gave.
      if (account.districtCode !== row.districtCode || !account.roles.includes('operator') || account.passwordHash !== row.passwordHash)
        throw applicationDecided({}, [
          fieldError('username', 'taken', { 'zh-CN': '用户名已被其他账号使用', en: 'the username is now used by another account' }),
        ]);
      userId = account.id;
    } else {
      const [created] = await tx
        .insert(appUser)
        .values({
          districtCode: row.districtCode,
          username: row.username,
          displayName: row.applicantName,
          roles: ['operator'],
          passwordHash: row.passwordHash,
        })
        .returning({ id: appUser.id });
      userId = (created as { id: number }).id;
    }
    await tx.insert(userEntity).values({ districtCode: row.districtCode, userId, entityId: row.entityId }).onConflictDoNothing();
    // An existing account's signed-in sessions now act for this shop too.
    if (account) await announceSessionChanges(tx, [{ user: { districtCode: row.districtCode, id: userId } }]);
    await tx
      .update(operatorApplication)
      .set({ status: 'approved', decidedBy: ctx.actor.userId, decidedAt: ctx.clock.now(), userId })
      .where(and(eq(operatorApplication.districtCode, row.districtCode), eq(operatorApplication.id, row.id)));
    await writeAudit(txCtx, {
      action: 'operator_application.approve',
      objectType: 'operator_application',
      objectId: row.id,
      detail: { entityId: row.entityId, userId, boundExisting: account !== undefined },
    });
  });
  return getApplication(ctx, id);
}

export async function rejectApplication(ctx: ActorContext, id: number, reason: string): Promise<ApplicationView> {
  const row = await findApplication(ctx, id);
  if (row.status !== 'pending') throw applicationDecided();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(operatorApplication)
      .set({ status: 'rejected', rejectReason: reason, decidedBy: ctx.actor.userId, decidedAt: ctx.clock.now() })
      .where(and(eq(operatorApplication.districtCode, row.districtCode), eq(operatorApplication.id, row.id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'operator_application.reject', objectType: 'operator_application', objectId: row.id, reason },
    );
  });
  return getApplication(ctx, id);
}

/** The applicant's full mobile number, to call them back; every reveal is audited with its reason. */
export async function revealApplicantPhone(ctx: ActorContext, id: number, reason: string): Promise<{ phone: string }> {
  const row = await findApplication(ctx, id);
  await writeAudit(ctx, { action: 'operator_application.reveal_phone', objectType: 'operator_application', objectId: row.id, reason });
  return { phone: ctx.crypto.decrypt(row.phoneEnc) };
}
