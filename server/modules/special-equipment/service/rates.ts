import { and, eq, inArray, lte } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { street } from '../../../platform/org/org.tables.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { equipmentKindLabels } from '../rules/equipment-kinds.ts';
import { certifiedOperatorRate, periodicInspectionRate, type RateRecord, registrationRate } from '../rules/rates.ts';
import type { RatesView } from '../special-equipment.schemas.ts';
import { seEquipment, seInspection, seOperator } from '../special-equipment.tables.ts';
import { entityNames, equipmentScope } from './shared-views.ts';

/**
 * The three rates as of a day, overall and by street, kind or user, in the actor's scope: the pure functions of
 * rules/rates.ts over the register and the inspections made by that day.
 */
export async function ratesOn(
  ctx: ActorContext,
  query: { on?: string; by: 'street' | 'kind' | 'user' },
  language: 'zh-CN' | 'en',
): Promise<RatesView> {
  const day = query.on ?? todayInChina(ctx.clock.now());
  const equipment = await ctx.db
    .select()
    .from(seEquipment)
    .where(and(equipmentScope(ctx), lte(seEquipment.firstUsedOn, day)));
  const inspections = await ctx.db
    .select({
      districtCode: seInspection.districtCode,
      equipmentId: seInspection.equipmentId,
      inspectedOn: seInspection.inspectedOn,
      result: seInspection.result,
    })
    .from(seInspection)
    .innerJoin(seEquipment, and(eq(seEquipment.districtCode, seInspection.districtCode), eq(seEquipment.id, seInspection.equipmentId)))
    .where(and(equipmentScope(ctx), lte(seInspection.inspectedOn, day)));
  const operators = await ctx.db
    .select()
    .from(seOperator)
    .where(
      and(
        scopeWhere(ctx.actor, { district: seOperator.districtCode, street: seOperator.streetCode, entity: seOperator.entityId }),
        lte(seOperator.onDutyFrom, day),
      ),
    );
  const byEquipment = new Map<string, RateRecord['inspections'][number][]>();
  for (const inspection of inspections) {
    const key = `${inspection.districtCode}:${inspection.equipmentId}`;
    byEquipment.set(key, [...(byEquipment.get(key) ?? []), { inspectedOn: inspection.inspectedOn, result: inspection.result }]);
  }
  const records = equipment.map((row) => ({
    row,
    record: {
      kind: row.kind,
      firstUsedOn: row.firstUsedOn,
      registeredOn: row.registeredOn,
      status: row.status,
      statusSince: row.statusSince,
      inspections: byEquipment.get(`${row.districtCode}:${row.id}`) ?? [],
    } satisfies RateRecord,
  }));
  const keyOf = (row: { streetCode: string; entityId: number; kind?: string }) =>
    query.by === 'street' ? row.streetCode : query.by === 'user' ? String(row.entityId) : (row.kind ?? '');
  const keys = new Set<string>([...equipment.map(keyOf), ...(query.by === 'kind' ? [] : operators.map(keyOf))]);
  const streetNames = query.by === 'street' ? await streetLabels(ctx, [...keys], language) : new Map<string, string>();
  const nameOf = query.by === 'user' ? await entityNames(ctx, [...equipment, ...operators]) : null;
  const groups = [...keys].sort().map((key) => {
    const mine = records.filter(({ row }) => keyOf(row) === key).map(({ record }) => record);
    const theirOperators = query.by === 'kind' ? [] : operators.filter((operator) => keyOf(operator) === key);
    const sample = equipment.find((row) => keyOf(row) === key) ?? operators.find((row) => keyOf(row) === key);
    const label =
      query.by === 'kind'
        ? (equipmentKindLabels[key as keyof typeof equipmentKindLabels]?.[language] ?? key)
        : query.by === 'street'
          ? (streetNames.get(key) ?? key)
          : sample && nameOf
            ? nameOf(sample)
            : key;
    return {
      key,
      label,
      registration: registrationRate(mine, day),
      periodicInspection: periodicInspectionRate(mine, day),
      certifiedOperator: certifiedOperatorRate(theirOperators, day),
    };
  });
  const all = records.map(({ record }) => record);
  return {
    on: day,
    overall: {
      registration: registrationRate(all, day),
      periodicInspection: periodicInspectionRate(all, day),
      certifiedOperator: certifiedOperatorRate(operators, day),
    },
    groups,
  };
}

async function streetLabels(ctx: ActorContext, codes: readonly string[], language: 'zh-CN' | 'en'): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db
    .select({ code: street.code, name: street.name, nameEn: street.nameEn })
    .from(street)
    .where(and(inArray(street.districtCode, [...ctx.actor.districtCodes]), inArray(street.code, [...codes])));
  return new Map(rows.map((row) => [row.code, language === 'en' ? row.nameEn : row.name]));
}
