import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { stationStreet } from '../../../platform/org/org.tables.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { caseNotFound } from '../enforcement.errors.ts';
import { type CaseRow, enforcementCase } from '../enforcement.tables.ts';

/**
 * The cases an actor may see: a whole district for admin, leader and section staff; for an inspector the
 * cases their station handles (the station covering their streets). A case is scoped by its handling
 * station rather than the party's street, because a case can be handed to another station.
 */
export function caseScope(actor: Actor): SQL {
  const inDistricts = scopeWhere(actor, { district: enforcementCase.districtCode });
  if (actor.isDistrictWide) return inDistricts;
  if (actor.streetCodes.length === 0) return sql`false`;
  return and(
    inArray(enforcementCase.districtCode, [...actor.districtCodes]),
    sql`${enforcementCase.stationId} in (select ${stationStreet.stationId} from ${stationStreet} where ${stationStreet.districtCode} = ${enforcementCase.districtCode} and ${inArray(stationStreet.streetCode, [...actor.streetCodes])})`,
  ) as SQL;
}

export async function findCaseInScope(ctx: ActorContext, id: number, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const query = ctx.db
    .select()
    .from(enforcementCase)
    .where(and(eq(enforcementCase.id, id), caseScope(ctx.actor)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw caseNotFound();
  return row;
}

/** The station that covers a street (each street has exactly one). */
export async function stationOfStreet(db: Db, districtCode: string, streetCode: string): Promise<number | undefined> {
  const [row] = await db
    .select({ stationId: stationStreet.stationId })
    .from(stationStreet)
    .where(and(eq(stationStreet.districtCode, districtCode), eq(stationStreet.streetCode, streetCode)));
  return row?.stationId;
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
