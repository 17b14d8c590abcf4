import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { maskIdNumber, maskPhone } from '../../../../shared/masking.ts';
import { epidemicTeamRoles } from '../../../../shared/roles.ts';
import { advisoryKey, type Db, queryRows } from '../../../db/client.ts';
import { type CopyValue, copyRows } from '../../../db/copy.ts';
import { inTexts } from '../../../db/id-set.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { translate } from '../../../platform/i18n/language.ts';
import { hasRole } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { type EntitySummary, findEntityForModule } from '../../registry/index.ts';
import { registrationNotFound } from '../pharmacies.errors.ts';
import type {
  BulkBody,
  BulkResult,
  IdKind,
  MedicineClass,
  RegistrationBody,
  RegistrationQuery,
  RegistrationView,
  RevealBody,
  Symptom,
} from '../pharmacies.schemas.ts';
import { phDailyReport, phRegistration } from '../pharmacies.tables.ts';
import { checkRegistration, feverThreshold, isSymptomatic, needsFollowUp, type RegistrationInput } from '../rules/registration-check.ts';
import { evaluateAfterRegistration } from './alarms.ts';
import { firstKeptDay } from './retention.ts';

type RegistrationRow = typeof phRegistration.$inferSelect;
type NewRegistration = typeof phRegistration.$inferInsert;

/** Whether the actor sees health data (symptoms, temperature, travel and contact history): the epidemic team only. */
export const seesHealthData = (ctx: ActorContext) => hasRole(ctx.actor, ...epidemicTeamRoles);

/** A pharmacy in the actor's reach (the operator's own, a station's, the district's); 404 outside it, 400 if not a pharmacy. */
export async function pharmacyInScope(ctx: ActorContext, pharmacyId: number): Promise<EntitySummary> {
  const pharmacy = await findEntityForModule(ctx, pharmacyId);
  if (pharmacy.businessCategory !== 'pharmacy')
    throw invalidRequest({}, [
      { in: 'body', field: 'pharmacyId', code: 'not_pharmacy', message: { 'zh-CN': '该主体不是药店', en: 'is not a pharmacy' } },
    ]);
  return pharmacy;
}

/** The stored row of one buyer: ID and phone encrypted with their blind indexes and masks. */
export function sealRegistration(
  ctx: ServiceContext,
  pharmacy: { districtCode: string; id: number; streetCode: string },
  input: RegistrationInput,
  extra: { registeredAt: Date; source: 'counter' | 'pos'; idempotencyKey?: string | null; createdBy?: number | null },
): NewRegistration {
  return {
    districtCode: pharmacy.districtCode,
    pharmacyId: pharmacy.id,
    streetCode: pharmacy.streetCode,
    registeredAt: extra.registeredAt,
    registeredOn: todayInChina(extra.registeredAt),
    buyerName: input.buyerName,
    idKind: input.idKind,
    idNumberEnc: ctx.crypto.encrypt(input.idNumber),
    idNumberBlind: ctx.crypto.blindIndex(input.idNumber),
    idNumberMasked: maskIdNumber(input.idNumber),
    phoneEnc: ctx.crypto.encrypt(input.phone),
    phoneBlind: ctx.crypto.blindIndex(input.phone),
    phoneMasked: maskPhone(input.phone),
    address: input.address,
    temperature: input.temperature === null ? null : input.temperature.toFixed(1),
    symptoms: input.symptoms,
    medicineClass: input.medicineClass,
    quantity: input.quantity,
    isForOther: input.isForOther,
    travelHistory: input.travelHistory,
    hasContactHistory: input.hasContactHistory,
    source: extra.source,
    idempotencyKey: extra.idempotencyKey ?? null,
    createdBy: extra.createdBy ?? null,
  };
}

/** A registration counts as the pharmacy's report of that day (a "nothing today" report becomes a real one). */
async function markReported(
  ctx: ServiceContext,
  rows: { districtCode: string; pharmacyId: number; streetCode: string; registeredOn: string }[],
  by: number | null,
) {
  const days = new Map(rows.map((row) => [`${row.pharmacyId}:${row.registeredOn}`, row]));
  if (days.size === 0) return;
  await ctx.db
    .insert(phDailyReport)
    .values(
      [...days.values()].map((row) => ({
        districtCode: row.districtCode,
        pharmacyId: row.pharmacyId,
        reportOn: row.registeredOn,
        streetCode: row.streetCode,
        isNil: false,
        reportedAt: ctx.clock.now(),
        reportedBy: by,
      })),
    )
    .onConflictDoUpdate({ target: [phDailyReport.districtCode, phDailyReport.pharmacyId, phDailyReport.reportOn], set: { isNil: false } });
}

const pharmacyNames = async (ctx: ServiceContext, districtCode: string, ids: number[]) => {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await queryRows<{ id: string | number; name: string }>(
    ctx.db,
    sql`select id, name from entity where district_code = ${districtCode} and id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((row) => [Number(row.id), row.name]));
};

function registrationView(row: RegistrationRow, pharmacyName: string, withHealth: boolean): RegistrationView {
  const temperature = row.temperature === null ? null : Number(row.temperature);
  return {
    id: row.id,
    pharmacyId: row.pharmacyId,
    pharmacyName,
    streetCode: row.streetCode,
    registeredAt: row.registeredAt.toISOString(),
    registeredOn: row.registeredOn,
    buyerName: row.buyerName,
    idKind: row.idKind as IdKind,
    idNumberMasked: row.idNumberMasked,
    phoneMasked: row.phoneMasked,
    medicineClass: row.medicineClass as MedicineClass,
    quantity: row.quantity,
    isForOther: row.isForOther,
    source: row.source as 'counter' | 'pos',
    health: withHealth
      ? {
          temperature,
          symptoms: row.symptoms as Symptom[],
          hasContactHistory: row.hasContactHistory,
          travelHistory: row.travelHistory,
          address: row.address,
          needsFollowUp: needsFollowUp({ temperature, hasContactHistory: row.hasContactHistory }),
        }
      : null,
  };
}

/** The counter page: one buyer, checked (every bad field named), encrypted, and the day's report marked. */
export async function registerAtCounter(ctx: ActorContext, body: RegistrationBody): Promise<RegistrationView> {
  const { pharmacyId, ...fields } = body;
  const checked = checkRegistration(fields);
  const pharmacy = await pharmacyInScope(ctx, pharmacyId);
  if (!checked.value) throw invalidRequest({}, checked.errors);
  const values = sealRegistration(ctx, pharmacy, checked.value, {
    registeredAt: ctx.clock.now(),
    source: 'counter',
    createdBy: ctx.actor.userId,
  });
  const view = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(phRegistration).values(values).returning();
    if (!row) throw new Error('registration not stored');
    await markReported({ ...ctx, db: tx }, [row], ctx.actor.userId);
    return registrationView(row, pharmacy.name, seesHealthData(ctx));
  });
  // EARS on the day's counts at once, so the epidemic team sees an alarm the moment it arises (the hourly sweep is the net).
  await evaluateAfterRegistration(ctx, pharmacy.districtCode, [view.registeredOn]);
  return view;
}

/** The ids of a pharmacy's registrations by their POS keys, one array parameter however many keys. */
async function idsOfKeys(db: Db, pharmacy: { districtCode: string; id: number }, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ id: string | number; key: string }>(
    db,
    sql`select id, idempotency_key as key from ph_registration where district_code = ${pharmacy.districtCode}
        and pharmacy_id = ${pharmacy.id} and ${inTexts(phRegistration.idempotencyKey, keys)}`,
  );
  return new Map(rows.map((row) => [row.key, Number(row.id)]));
}

/** What a POS batch writes with COPY (ids drawn from the table's sequence beforehand; created_at its default). */
const copiedColumns = [
  'id',
  'district_code',
  'pharmacy_id',
  'street_code',
  'registered_at',
  'registered_on',
  'buyer_name',
  'id_kind',
  'id_number_enc',
  'id_number_blind',
  'id_number_masked',
  'phone_enc',
  'phone_blind',
  'phone_masked',
  'address',
  'temperature',
  'symptoms',
  'medicine_class',
  'quantity',
  'is_for_other',
  'travel_history',
  'has_contact_history',
  'source',
  'idempotency_key',
  'created_by',
] as const;

const copiedRow = (row: NewRegistration & { id: number }): CopyValue[] => [
  row.id,
  row.districtCode,
  row.pharmacyId,
  row.streetCode,
  row.registeredAt.toISOString(),
  row.registeredOn,
  row.buyerName,
  row.idKind,
  row.idNumberEnc,
  row.idNumberBlind,
  row.idNumberMasked,
  row.phoneEnc,
  row.phoneBlind,
  row.phoneMasked,
  row.address ?? '',
  row.temperature ?? null,
  row.symptoms ?? [],
  row.medicineClass,
  row.quantity,
  row.isForOther ?? false,
  row.travelHistory ?? '',
  row.hasContactHistory ?? false,
  row.source,
  row.idempotencyKey ?? null,
  row.createdBy ?? null,
];

/**
 * A POS batch, row by row: bad rows are answered with every bad field, good rows stored in one transaction; a row
 * whose key the pharmacy already sent is answered "duplicate" with the first row's id (a retry applies nothing twice,
 * and what was acknowledged was committed). The rows go in with one COPY (issue 17: ingest near COPY speed).
 */
export async function registerBulk(ctx: ActorContext, body: BulkBody): Promise<BulkResult> {
  const pharmacy = await pharmacyInScope(ctx, body.pharmacyId);
  const now = ctx.clock.now();
  const language = ctx.meta.language;
  const results: BulkResult['rows'] = [];
  const toStore: NewRegistration[] = [];
  const seenInBatch = new Set<string>();
  const keptFrom = await firstKeptDay(ctx, pharmacy.districtCode);
  for (const [index, row] of body.rows.entries()) {
    const { key, registeredAt, ...fields } = row as Record<string, unknown> & { key: string; registeredAt?: string };
    const checked = checkRegistration(fields, `rows.${index}`);
    const errors: FieldError[] = [...checked.errors];
    const at = registeredAt ? new Date(registeredAt) : now;
    if (at.getTime() > now.getTime() + 5 * 60_000)
      errors.push({
        in: `rows.${index}`,
        field: 'registeredAt',
        code: 'future',
        message: { 'zh-CN': '登记时间不能晚于现在', en: 'must not be in the future' },
      });
    else if (todayInChina(at) < keptFrom)
      errors.push({
        in: `rows.${index}`,
        field: 'registeredAt',
        code: 'past_retention',
        message: { 'zh-CN': '登记时间早于保存期限', en: 'is older than the retention period' },
      });
    if (seenInBatch.has(key))
      errors.push({
        in: `rows.${index}`,
        field: 'key',
        code: 'repeated',
        message: { 'zh-CN': '同一批次中键重复', en: 'is repeated in this batch' },
      });
    seenInBatch.add(key);
    if (errors.length || !checked.value) {
      results.push({
        key,
        status: 'rejected',
        id: null,
        errors: errors.map((error) => ({
          in: error.in,
          field: error.field,
          code: error.code,
          message: translate(error.message, language, error.params),
        })),
      });
      continue;
    }
    results.push({ key, status: 'created', id: null, errors: [] });
    toStore.push(
      sealRegistration(ctx, pharmacy, checked.value, { registeredAt: at, source: 'pos', idempotencyKey: key, createdBy: ctx.actor.userId }),
    );
  }
  const stored = await ctx.db.transaction(async (tx) => {
    // One pharmacy's batches take turns, so the keys found here are still all there are at COPY: a retry racing its
    // first attempt waits, then finds every key and stores nothing twice.
    await tx.execute(sql`select pg_advisory_xact_lock(${advisoryKey(`zhijian:pharmacies:pos:${pharmacy.districtCode}:${pharmacy.id}`)})`);
    const ids = await queryRows<{ id: string | number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('ph_registration', 'id')) as id from generate_series(1, ${toStore.length})`,
    );
    const withIds = toStore.map((row, index) => ({ ...row, id: Number(ids[index]?.id) }));
    // A new batch goes in with one COPY at once; only a batch with keys sent before (a retry) pays the lookup.
    let earlier = new Map<string, number>();
    let fresh = withIds;
    try {
      await tx.transaction((attempt) => copyRows(attempt, 'ph_registration', copiedColumns, fresh.map(copiedRow)));
    } catch {
      // Most likely keys sent before (Citus reports a worker's unique violation in a COPY as XX000, not 23505): the
      // careful path looks them up and copies the rest; if the failure was anything else, it fails again and answers.
      earlier = await idsOfKeys(
        tx,
        pharmacy,
        withIds.map((row) => row.idempotencyKey as string),
      );
      fresh = withIds.filter((row) => !earlier.has(row.idempotencyKey as string));
      await copyRows(tx, 'ph_registration', copiedColumns, fresh.map(copiedRow));
    }
    const created = new Map(fresh.map((row) => [row.idempotencyKey as string, row.id]));
    await markReported(
      { ...ctx, db: tx },
      fresh.map((row) => ({
        districtCode: pharmacy.districtCode,
        pharmacyId: pharmacy.id,
        streetCode: pharmacy.streetCode,
        registeredOn: row.registeredOn,
      })),
      ctx.actor.userId,
    );
    return { created, earlier, fresh };
  });
  for (const result of results) {
    if (result.status !== 'created') continue;
    const id = stored.created.get(result.key);
    if (id !== undefined) result.id = id;
    else {
      result.status = 'duplicate';
      result.id = stored.earlier.get(result.key) ?? null;
    }
  }
  // EARS counts symptomatic buyers only: a batch that stored none changes no series.
  const symptomaticDays = stored.fresh
    .filter((row) =>
      isSymptomatic({ temperature: row.temperature === null ? null : Number(row.temperature), symptoms: row.symptoms ?? [] }),
    )
    .map((row) => row.registeredOn);
  await evaluateAfterRegistration(ctx, pharmacy.districtCode, symptomaticDays);
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return { created: count('created'), duplicates: count('duplicate'), rejected: count('rejected'), rows: results };
}

/** The conditions of a group of records (the records behind each count of the epidemic view). */
export function groupCondition(group: RegistrationQuery['group']): SQL | undefined {
  if (group === 'symptomatic')
    return sql`(cardinality(${phRegistration.symptoms}) > 0 or ${phRegistration.temperature} >= ${feverThreshold})`;
  if (group === 'follow_up') return sql`(${phRegistration.hasContactHistory} or ${phRegistration.temperature} >= ${feverThreshold})`;
  if (group === 'contact') return eq(phRegistration.hasContactHistory, true);
  return undefined;
}

const registrationScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: phRegistration.districtCode, street: phRegistration.streetCode, entity: phRegistration.pharmacyId });

/**
 * Registrations in the actor's scope, newest first. Filtering by health data (symptom, group) is the epidemic team's:
 * for anyone else those filters are refused, so a count cannot leak who had a fever.
 */
export async function listRegistrations(ctx: ActorContext, query: RegistrationQuery) {
  const withHealth = seesHealthData(ctx);
  if (!withHealth && (query.symptom || (query.group && query.group !== 'all')))
    throw invalidRequest({}, [
      {
        in: 'query',
        field: query.symptom ? 'symptom' : 'group',
        code: 'health_data',
        message: { 'zh-CN': '按健康信息筛选仅限疫情防控专班', en: 'filtering by health data is for the epidemic team only' },
      },
    ]);
  const where = and(
    registrationScope(ctx),
    query.day ? eq(phRegistration.registeredOn, query.day) : undefined,
    query.pharmacyId ? eq(phRegistration.pharmacyId, query.pharmacyId) : undefined,
    query.streetCode ? eq(phRegistration.streetCode, query.streetCode) : undefined,
    query.medicineClass ? eq(phRegistration.medicineClass, query.medicineClass) : undefined,
    query.symptom ? sql`${query.symptom} = any(${phRegistration.symptoms})` : undefined,
    groupCondition(query.group),
  );
  const [rows, [counted]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(phRegistration)
        .where(where)
        .orderBy(desc(phRegistration.registeredAt), desc(phRegistration.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: sql<number>`count(*)::int` }).from(phRegistration).where(where),
  );
  const names = await pharmacyNames(ctx, ctx.actor.districtCode, [...new Set(rows.map((row) => row.pharmacyId))]);
  // Health data shown is a disclosure of sensitive personal information: the epidemic team's list views are audited.
  if (withHealth && query.group && query.group !== 'all' && rows.length)
    await writeAudit(ctx, {
      action: 'pharmacies.health_list_view',
      objectType: 'ph_registration',
      detail: { group: query.group, day: query.day ?? null, ids: rows.map((row) => row.id) },
    });
  return { items: rows.map((row) => registrationView(row, names.get(row.pharmacyId) ?? '', withHealth)), total: counted?.total ?? 0 };
}

async function registrationInScope(ctx: ActorContext, id: number): Promise<RegistrationRow> {
  const [row] = await ctx.db
    .select()
    .from(phRegistration)
    .where(and(registrationScope(ctx), eq(phRegistration.id, id)));
  if (!row) throw registrationNotFound();
  return row;
}

export async function getRegistration(ctx: ActorContext, id: number): Promise<RegistrationView> {
  const row = await registrationInScope(ctx, id);
  const names = await pharmacyNames(ctx, row.districtCode, [row.pharmacyId]);
  return registrationView(row, names.get(row.pharmacyId) ?? '', seesHealthData(ctx));
}

/** The buyer's ID number or phone in clear, for the epidemic team's follow-up call; the reveal and its reason are audited. */
export async function revealRegistrationField(ctx: ActorContext, id: number, input: RevealBody) {
  const row = await registrationInScope(ctx, id);
  const value = ctx.crypto.decrypt(input.field === 'idNumber' ? row.idNumberEnc : row.phoneEnc);
  await ctx.db.transaction(async (tx) => {
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: input.field === 'idNumber' ? 'pharmacies.reveal_id_number' : 'pharmacies.reveal_phone',
        objectType: 'ph_registration',
        objectId: row.id,
        reason: input.reason,
        districtCode: row.districtCode,
        detail: { field: input.field },
      },
    );
  });
  return { field: input.field, value };
}

/** "Nothing to register today": the pharmacy's report of the day without buyers (a real report stays real). */
export async function reportNothingToday(ctx: ActorContext, pharmacyId: number) {
  const pharmacy = await pharmacyInScope(ctx, pharmacyId);
  const day = todayInChina(ctx.clock.now());
  await ctx.db
    .insert(phDailyReport)
    .values({
      districtCode: pharmacy.districtCode,
      pharmacyId: pharmacy.id,
      reportOn: day,
      streetCode: pharmacy.streetCode,
      isNil: true,
      reportedAt: ctx.clock.now(),
      reportedBy: ctx.actor.userId,
    })
    .onConflictDoNothing();
  return { pharmacyId: pharmacy.id, day };
}
