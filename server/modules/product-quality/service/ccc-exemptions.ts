import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { inIds } from '../../../db/id-set.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { exemptionNotFound, exemptionNumberTaken } from '../product-quality.errors.ts';
import type { ExemptionBody, ExemptionQuery, ExemptionUpdateBody, ExemptionView, FollowUpBody } from '../product-quality.schemas.ts';
import { pqCccExemption, pqCccFollowUp } from '../product-quality.tables.ts';
import { cccFollowUpDue } from '../rules/ccc-follow-up.ts';

type ExemptionRow = typeof pqCccExemption.$inferSelect;

const exemptionScope = (ctx: ActorContext): SQL =>
  scopeWhere(ctx.actor, { district: pqCccExemption.districtCode, street: pqCccExemption.streetCode, entity: pqCccExemption.entityId });

async function views(ctx: ActorContext, rows: ExemptionRow[], today: string): Promise<ExemptionView[]> {
  if (rows.length === 0) return [];
  const checks = await ctx.db
    .select()
    .from(pqCccFollowUp)
    .where(
      and(
        eq(pqCccFollowUp.districtCode, (rows[0] as ExemptionRow).districtCode),
        inIds(
          pqCccFollowUp.exemptionId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(pqCccFollowUp.checkedOn), asc(pqCccFollowUp.id));
  return rows.map((row) => {
    const followUps = checks.filter((check) => check.exemptionId === row.id);
    const last = followUps.at(-1)?.checkedOn ?? null;
    const due = cccFollowUpDue({ grantedOn: row.grantedOn, expiresOn: row.expiresOn, isRevoked: row.status === 'revoked' }, last);
    return {
      id: row.id,
      entityId: row.entityId,
      entityName: row.entityName,
      streetCode: row.streetCode,
      certificateNumber: row.certificateNumber,
      reason: row.reason,
      scope: row.scope,
      quantity: row.quantity,
      grantedOn: row.grantedOn,
      expiresOn: row.expiresOn,
      status: row.status === 'active' && row.expiresOn < today ? 'expired' : row.status,
      followUps: followUps.map((check) => ({ checkedOn: check.checkedOn, result: check.result, note: check.note })),
      followUpDue: due,
      isDue: due !== null && due <= today,
    };
  });
}

/** CCC exemptions in the actor's scope with their follow-up checks and the next one due (every one is read, then filtered). */
export async function listExemptions(ctx: ActorContext, query: ExemptionQuery): Promise<{ items: ExemptionView[]; total: number }> {
  const rows = await ctx.db
    .select()
    .from(pqCccExemption)
    .where(exemptionScope(ctx))
    .orderBy(desc(pqCccExemption.grantedOn), desc(pqCccExemption.id));
  const today = todayInChina(ctx.clock.now());
  const shown = (await views(ctx, rows, today)).filter(
    (view) => (!query.status || view.status === query.status) && (query.isDue === undefined || view.isDue === query.isDue),
  );
  const start = (query.page - 1) * query.pageSize;
  return { items: shown.slice(start, start + query.pageSize), total: shown.length };
}

async function exemptionRow(ctx: ActorContext, id: number): Promise<ExemptionRow> {
  const [row] = await ctx.db
    .select()
    .from(pqCccExemption)
    .where(and(exemptionScope(ctx), eq(pqCccExemption.id, id)));
  if (!row) throw exemptionNotFound();
  return row;
}

export async function getExemption(ctx: ActorContext, id: number): Promise<ExemptionView> {
  const [view] = await views(ctx, [await exemptionRow(ctx, id)], todayInChina(ctx.clock.now()));
  return view as ExemptionView;
}

const expiryBeforeGrant = {
  in: 'body',
  field: 'expiresOn',
  code: 'before_grant',
  message: { 'zh-CN': '有效期不能早于批准日期', en: 'The expiry cannot be before the grant' },
};

async function numberTaken(ctx: ActorContext, districtCode: string, certificateNumber: string, exceptId?: number): Promise<boolean> {
  const [taken] = await ctx.db
    .select({ id: pqCccExemption.id })
    .from(pqCccExemption)
    .where(and(eq(pqCccExemption.districtCode, districtCode), eq(pqCccExemption.certificateNumber, certificateNumber)));
  return taken !== undefined && taken.id !== exceptId;
}

export async function createExemption(ctx: ActorContext, body: ExemptionBody): Promise<ExemptionView> {
  if (body.expiresOn < body.grantedOn) throw invalidRequest({}, [expiryBeforeGrant]);
  const entity = await findEntityForModule(ctx, body.entityId);
  if (await numberTaken(ctx, entity.districtCode, body.certificateNumber)) throw exemptionNumberTaken();
  const id = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(pqCccExemption)
      .values({ ...body, districtCode: entity.districtCode, entityId: entity.id, entityName: entity.name, streetCode: entity.streetCode })
      .returning({ id: pqCccExemption.id });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'product_quality.exemption.create', objectType: 'pq_ccc_exemption', objectId: saved?.id },
    );
    return (saved as { id: number }).id;
  });
  return getExemption(ctx, id);
}

/** Corrects an exemption (number, reason, scope, quantity, dates) or revokes it; the firm stays. */
export async function updateExemption(ctx: ActorContext, id: number, body: ExemptionUpdateBody): Promise<ExemptionView> {
  const row = await exemptionRow(ctx, id);
  const next = {
    certificateNumber: body.certificateNumber ?? row.certificateNumber,
    reason: body.reason ?? row.reason,
    scope: body.scope ?? row.scope,
    quantity: body.quantity ?? row.quantity,
    grantedOn: body.grantedOn ?? row.grantedOn,
    expiresOn: body.expiresOn ?? row.expiresOn,
    status: body.status ?? (row.status === 'revoked' ? 'revoked' : 'active'),
  };
  if (next.expiresOn < next.grantedOn) throw invalidRequest({}, [expiryBeforeGrant]);
  if (await numberTaken(ctx, row.districtCode, next.certificateNumber, id)) throw exemptionNumberTaken();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(pqCccExemption)
      .set(next)
      .where(and(eq(pqCccExemption.districtCode, row.districtCode), eq(pqCccExemption.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'product_quality.exemption.update', objectType: 'pq_ccc_exemption', objectId: id, detail: { fields: Object.keys(body) } },
    );
  });
  return getExemption(ctx, id);
}

/** Records a follow-up check of an exemption (was the exempt product used only as exempted?). */
export async function recordFollowUp(ctx: ActorContext, id: number, body: FollowUpBody): Promise<ExemptionView> {
  const row = await exemptionRow(ctx, id);
  const today = todayInChina(ctx.clock.now());
  const bad = [];
  if (body.checkedOn > today)
    bad.push({
      in: 'body',
      field: 'checkedOn',
      code: 'future',
      message: { 'zh-CN': '检查日期不能晚于今天', en: 'The check cannot be in the future' },
    });
  if (body.checkedOn < row.grantedOn)
    bad.push({
      in: 'body',
      field: 'checkedOn',
      code: 'before_grant',
      message: { 'zh-CN': '检查日期不能早于批准日期', en: 'The check cannot be before the grant' },
    });
  if (bad.length) throw invalidRequest({}, bad);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(pqCccFollowUp).values({
      districtCode: row.districtCode,
      exemptionId: id,
      checkedOn: body.checkedOn,
      result: body.result,
      note: body.note ?? '',
      checkedBy: ctx.actor.userId,
    });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'product_quality.exemption.follow_up', objectType: 'pq_ccc_exemption', objectId: id, detail: { result: body.result } },
    );
  });
  return getExemption(ctx, id);
}
