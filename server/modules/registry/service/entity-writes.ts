import { and, eq, sql } from 'drizzle-orm';
import { validateCreditCode } from '../../../../shared/credit-code.ts';
import { isValidResidentId } from '../../../../shared/resident-id.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { community, street } from '../../../platform/org/org.tables.ts';
import { creditCodeTaken, entityChangedMeanwhile } from '../registry.errors.ts';
import type { CreateEntityBody, StatusChangeBody, UpdateEntityBody } from '../registry.schemas.ts';
import { type EntityRow, entity, entityStatusHistory } from '../registry.tables.ts';
import { getEntity } from './entity-page.ts';
import { findEntityInScope } from './entity-scope.ts';
import { entitySearchGrams, protectIdNumber, protectPhone } from './entity-values.ts';

function fieldError(field: string, code: string, zh: string, en: string): FieldError {
  return { in: 'body', field, code, message: { 'zh-CN': zh, en } };
}

async function checkPlace(
  ctx: ActorContext,
  districtCode: string,
  input: { streetCode?: string; communityCode?: string | null; legalRepIdNumber?: string | null },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.streetCode) {
    const [found] = await ctx.db
      .select({ code: street.code })
      .from(street)
      .where(and(eq(street.districtCode, districtCode), eq(street.code, input.streetCode)));
    if (!found) errors.push(fieldError('streetCode', 'unknown', '本辖区没有该街道', 'No such street in this district'));
  }
  if (input.communityCode) {
    const [found] = await ctx.db
      .select({ streetCode: community.streetCode })
      .from(community)
      .where(and(eq(community.districtCode, districtCode), eq(community.code, input.communityCode)));
    if (!found) errors.push(fieldError('communityCode', 'unknown', '本辖区没有该社区', 'No such community in this district'));
  }
  if (input.legalRepIdNumber && !isValidResidentId(input.legalRepIdNumber.toUpperCase())) {
    errors.push(fieldError('legalRepIdNumber', 'check_character', '身份证号码校验位错误', 'Wrong check character in the ID-card number'));
  }
  return errors;
}

/** Registers a new entity in the actor's district (section staff, admin), with its first status row. */
export async function createEntity(ctx: ActorContext, input: CreateEntityBody) {
  const districtCode = ctx.actor.districtCode;
  const creditCode = input.creditCode.toUpperCase();
  const errors = await checkPlace(ctx, districtCode, input);
  const check = validateCreditCode(creditCode);
  if (!check.ok) {
    errors.unshift(
      check.reason === 'check_character'
        ? fieldError(
            'creditCode',
            'check_character',
            `统一社会信用代码校验位错误（应为 ${check.expected}）`,
            `Wrong check character (expected ${check.expected})`,
          )
        : fieldError('creditCode', check.reason, '统一社会信用代码格式错误', 'The credit code has the wrong format'),
    );
  }
  if (errors.length) throw invalidRequest({}, errors);
  const id = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: entity.id })
      .from(entity)
      .where(and(eq(entity.districtCode, districtCode), eq(entity.creditCode, creditCode)));
    if (taken) throw creditCodeTaken({ creditCode });
    const [created] = await tx
      .insert(entity)
      .values({
        districtCode,
        creditCode,
        name: input.name,
        kind: input.kind,
        legalRepName: input.legalRepName,
        ...protectIdNumber(ctx.crypto, input.legalRepIdNumber?.toUpperCase()),
        ...protectPhone(ctx.crypto, input.phone),
        industryCode: input.industryCode,
        registeredCapitalWan: input.registeredCapitalWan ?? null,
        foundedOn: input.foundedOn,
        status: 'active',
        statusSince: input.foundedOn,
        address: input.address,
        streetCode: input.streetCode,
        communityCode: input.communityCode ?? null,
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        businessCategory: input.businessCategory ?? 'other',
        searchGrams: entitySearchGrams(input.name, input.address),
      })
      .returning({ id: entity.id });
    const entityId = (created as { id: number }).id;
    await tx.insert(entityStatusHistory).values({
      districtCode,
      entityId,
      status: 'active',
      since: input.foundedOn,
      reason: '',
      recordedBy: ctx.actor.userId,
    });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'entity.create', objectType: 'entity', objectId: entityId, districtCode, detail: { creditCode, name: input.name } },
    );
    return entityId;
  });
  return getEntity(ctx, id);
}

const plainFields = [
  'name',
  'kind',
  'legalRepName',
  'industryCode',
  'registeredCapitalWan',
  'foundedOn',
  'address',
  'streetCode',
  'communityCode',
  'lng',
  'lat',
  'businessCategory',
] as const;

/** Changes an entity's registered facts; `revision` guards against overwriting someone else's change. */
export async function updateEntity(ctx: ActorContext, id: number, input: UpdateEntityBody) {
  const row = await findEntityInScope(ctx, id);
  const errors = await checkPlace(ctx, row.districtCode, input);
  if (errors.length) throw invalidRequest({}, errors);
  const changes: Partial<EntityRow> = {};
  const changed: string[] = [];
  for (const field of plainFields) {
    const next = input[field];
    if (next !== undefined && next !== row[field]) {
      Object.assign(changes, { [field]: next });
      changed.push(field);
    }
  }
  if (input.legalRepIdNumber !== undefined) {
    const next = input.legalRepIdNumber?.toUpperCase() ?? null;
    if ((next ? ctx.crypto.blindIndex(next) : null) !== row.legalRepIdBlind) {
      Object.assign(changes, protectIdNumber(ctx.crypto, next));
      changed.push('legalRepIdNumber');
    }
  }
  if (input.phone !== undefined && (input.phone ? ctx.crypto.blindIndex(input.phone) : null) !== row.phoneBlind) {
    Object.assign(changes, protectPhone(ctx.crypto, input.phone));
    changed.push('phone');
  }
  if (changed.length === 0) return getEntity(ctx, id);
  if (changes.name !== undefined || changes.address !== undefined) {
    changes.searchGrams = entitySearchGrams(changes.name ?? row.name, changes.address ?? row.address);
  }
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(entity)
      .set({ ...changes, revision: sql`${entity.revision} + 1`, updatedAt: ctx.clock.now() })
      .where(and(eq(entity.districtCode, row.districtCode), eq(entity.id, id), eq(entity.revision, input.revision)))
      .returning({ id: entity.id });
    if (updated.length === 0) throw entityChangedMeanwhile();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'entity.update', objectType: 'entity', objectId: id, districtCode: row.districtCode, detail: { changed } },
    );
  });
  return getEntity(ctx, id);
}

/** 迁出 / 注销 / 吊销 (or back to 存续) from a given day, with its reason: a history row and an audit event. */
export async function changeEntityStatus(ctx: ActorContext, id: number, input: StatusChangeBody) {
  const row = await findEntityInScope(ctx, id);
  if (input.since < row.foundedOn) {
    throw invalidRequest({}, [fieldError('since', 'before_founding', '日期早于成立日期', 'The date is before the founding date')]);
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(entity)
      .set({
        status: input.status,
        statusSince: input.since,
        endedOn: input.status === 'active' ? null : input.since,
        revision: sql`${entity.revision} + 1`,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(entity.districtCode, row.districtCode), eq(entity.id, id)));
    await tx.insert(entityStatusHistory).values({
      districtCode: row.districtCode,
      entityId: id,
      status: input.status,
      since: input.since,
      reason: input.reason,
      recordedBy: ctx.actor.userId,
    });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'entity.change_status',
        objectType: 'entity',
        objectId: id,
        districtCode: row.districtCode,
        reason: input.reason,
        detail: { from: row.status, to: input.status, since: input.since },
      },
    );
  });
  return getEntity(ctx, id);
}
