import { and, eq, type SQL } from 'drizzle-orm';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { caseNotFound } from '../enforcement.errors.ts';
import { type CaseRow, enforcementCase, majorCaseCriteria } from '../enforcement.tables.ts';
import type { MajorCaseCriteria } from '../rules/major-case.ts';

/**
 * The cases an actor may see: a whole district for admin, leader and section staff; for an inspector the
 * cases their station handles (the station covering their streets). A case is scoped by its handling
 * station rather than the party's street, because a case can be handed to another station.
 */
export function caseScope(actor: Actor): SQL {
  return scopeWhere(actor, { district: enforcementCase.districtCode, station: enforcementCase.stationId });
}

export async function findCaseInScope(ctx: ActorContext, id: number, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const [row] = await ctx.db
    .select()
    .from(enforcementCase)
    .where(and(eq(enforcementCase.id, id), caseScope(ctx.actor)))
    .limit(1);
  if (!row) throw caseNotFound();
  if (!options.forUpdate) return row;
  // Locked through its own district and id: on Citus a lock names one shard (docs/decisions/0020).
  const [locked] = await ctx.db
    .select()
    .from(enforcementCase)
    .where(and(eq(enforcementCase.districtCode, row.districtCode), eq(enforcementCase.id, id)))
    .for('update');
  if (!locked) throw caseNotFound();
  return locked;
}

export function badField(field: string, message: FieldError['message'], params?: Record<string, unknown>): never {
  throw invalidRequest({}, [{ in: 'body', field, code: 'invalid', message, ...(params ? { params } : {}) }]);
}

/** A date the user states for a step: not in the future, not before the step it follows. */
export function checkStepDate(field: string, on: string, today: string, notBefore: string | null): void {
  if (on > today) badField(field, { 'zh-CN': '日期不能晚于今天', en: 'cannot be after today' });
  if (notBefore && on < notBefore) {
    badField(
      field,
      { 'zh-CN': '日期不能早于上一步（{notBefore}）', en: 'cannot be before the previous step ({notBefore})' },
      { notBefore },
    );
  }
}

/** The district's own major-case criteria, every version (the defaults apply where none is in force). */
export async function loadMajorCriteria(db: ActorContext['db'], districtCode: string): Promise<MajorCaseCriteria[]> {
  const rows = await db.select().from(majorCaseCriteria).where(eq(majorCaseCriteria.districtCode, districtCode));
  return rows.map((row) => ({
    effectiveFrom: row.effectiveFrom,
    amountThresholdFen: row.amountThresholdFen,
    policeTransferIsMajor: row.policeTransferIsMajor,
    licenceRevocationIsMajor: row.licenceRevocationIsMajor,
    isDefault: false,
  }));
}
