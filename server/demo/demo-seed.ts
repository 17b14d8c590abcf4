import { eq } from 'drizzle-orm';
import { todayInChina } from '../../shared/calendar-day.ts';
import { maskIdNumber, maskPhone } from '../../shared/masking.ts';
import type { Db } from '../db/client.ts';
import { insertRows } from '../db/rows-insert.ts';
import { bulkInsertEntities, bulkInsertStatusHistory } from '../modules/registry/index.ts';
import { licence, premises } from '../modules/registry/registry.tables.ts';
import { searchGrams } from '../modules/registry/rules/search-grams.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Clock } from '../platform/http/context.ts';
import { community, district, orgUnit, stationStreet, street } from '../platform/org/org.tables.ts';
import { applyDemoAccounts, type DemoOrgUnits } from './demo-accounts.ts';
import { type DemoEntity, planDemoEntities } from './demo-entities.ts';
import { demoDistrict, demoSections, demoStations, demoStreets } from './demo-places.ts';
import { seedModuleDemos } from './module-demos.ts';
import { createRandom } from './prng.ts';

export interface DemoDeps {
  db: Db;
  crypto: FieldCrypto;
  clock: Clock;
}

export interface DemoOptions {
  seed?: string;
  scale?: number;
  /**
   * The day the district is generated up to (YYYY-MM-DD, China time); default: the clock's today. Same seed and
   * day, same district — tests and screenshots pin it.
   */
  today?: string;
  /** Skip the accounts (benchmarks at scale). */
  withAccounts?: boolean;
  /**
   * The share done of the whole generation, for a progress bar: `done` of `total` units, the registry's
   * entities first, then the modules' parts (each worth an equal share of demoModuleShare), with what runs now.
   */
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Each part's duration (the registry, then each module's part), for the start-up log. */
  onStep?: (name: string, milliseconds: number) => void;
}

/** The part of the progress bar the modules' demo data fills after the registry (measured: most of the time). */
const demoModuleShare = 0.7;

const streetCode = (index: number) => `${demoDistrict.code}${String(index + 1).padStart(3, '0')}`;
const communityCode = (streetIndex: number, index: number) => `${streetCode(streetIndex)}${String(index + 1).padStart(3, '0')}`;
const entityRowsPerStatement = 1000;

async function createOrganisation(db: Db): Promise<DemoOrgUnits> {
  await db.insert(district).values({ ...demoDistrict });
  const unit = async (kind: 'bureau' | 'section' | 'station' | 'lab', name: string, nameEn: string, parentId: number | null) => {
    const [row] = await db
      .insert(orgUnit)
      .values({ districtCode: demoDistrict.code, kind, name, nameEn, parentId })
      .returning({ id: orgUnit.id });
    return (row as { id: number }).id;
  };
  const bureauId = await unit('bureau', '宁波市明州区市场监督管理局', 'Mingzhou District Market Supervision Administration', null);
  const sectionIds: Record<string, number> = {};
  for (const section of demoSections) sectionIds[section.name] = await unit('section', section.name, section.nameEn, bureauId);
  const labId = await unit('lab', '明州区食品药品检测中心', 'Mingzhou testing centre', bureauId);
  await db.insert(street).values(
    demoStreets.map((row, index) => ({
      districtCode: demoDistrict.code,
      code: streetCode(index),
      name: row.name,
      nameEn: `${row.nameEn} Street`,
    })),
  );
  await db.insert(community).values(
    demoStreets.flatMap((row, streetIndex) =>
      row.communities.map((name, index) => ({
        districtCode: demoDistrict.code,
        code: communityCode(streetIndex, index),
        streetCode: streetCode(streetIndex),
        name,
        nameEn: name,
      })),
    ),
  );
  const stationIds: number[] = [];
  for (const station of demoStations) {
    const id = await unit('station', station.name, station.nameEn, bureauId);
    stationIds.push(id);
    await db
      .insert(stationStreet)
      .values(station.streets.map((index) => ({ districtCode: demoDistrict.code, streetCode: streetCode(index), stationId: id })));
  }
  return { bureauId, sectionIds, stationIds, labId };
}

function entityValues(crypto: FieldCrypto, item: DemoEntity) {
  return {
    districtCode: demoDistrict.code,
    creditCode: item.creditCode,
    name: item.name,
    kind: item.kind,
    legalRepName: item.legalRepName,
    legalRepIdEnc: crypto.encrypt(item.legalRepIdNumber),
    legalRepIdBlind: crypto.blindIndex(item.legalRepIdNumber),
    legalRepIdMask: maskIdNumber(item.legalRepIdNumber),
    industryCode: item.industryCode,
    registeredCapitalWan: item.registeredCapitalWan,
    foundedOn: item.foundedOn,
    status: item.status,
    statusSince: item.endedOn ?? item.foundedOn,
    endedOn: item.endedOn,
    address: item.address,
    streetCode: streetCode(item.streetIndex),
    communityCode: communityCode(item.streetIndex, item.communityIndex),
    lng: item.lng,
    lat: item.lat,
    phoneEnc: crypto.encrypt(item.phone),
    phoneBlind: crypto.blindIndex(item.phone),
    phoneMask: maskPhone(item.phone),
    businessCategory: item.category,
    searchGrams: searchGrams(item.name, item.address),
  };
}

const endReasons = { cancelled: '申请注销登记', revoked: '吊销营业执照', moved_out: '迁出本辖区', active: '' } as const;

/**
 * Generates the demo district (DESIGN: "zhijian demo"): organisation, streets and communities, the
 * register shaped like the 2020 work summary, licences, and the demo accounts. Same seed → same data.
 * Runs in one transaction, a thousand rows a statement.
 */
export async function generateDemoDistrict(deps: DemoDeps, options: DemoOptions = {}): Promise<{ entities: number; districtCode: string }> {
  const scale = options.scale ?? 1;
  const random = createRandom(options.seed ?? 'zhijian');
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new RangeError('today must be YYYY-MM-DD');
  if (options.today !== undefined && options.today < '2021-01-01')
    throw new RangeError('the demo district lives from 2019; today must be 2021-01-01 or later');
  // A pinned day runs the whole generation on a clock stopped at noon of that day (China time).
  const clock: Clock = options.today ? { now: () => new Date(`${options.today}T04:00:00Z`) } : deps.clock;
  const today = todayInChina(clock.now());
  const begin = performance.now();
  const planned = planDemoEntities(random, scale, today);
  const entityUnits = planned.length;
  const total = Math.round(entityUnits / (1 - demoModuleShare));
  const registryStage = '登记主体 registry';
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(district).where(eq(district.code, demoDistrict.code));
    if (existing) throw new Error(`District ${demoDistrict.code} already exists; the demo district is generated only once.`);
    const units = await createOrganisation(tx);
    options.onProgress?.(0, total, registryStage);
    for (let start = 0; start < entityUnits; start += entityRowsPerStatement) {
      const slice = planned.slice(start, start + entityRowsPerStatement);
      const created = await bulkInsertEntities(
        tx,
        slice.map((item) => entityValues(deps.crypto, item)),
      );
      const idOf = new Map(created.map((row) => [row.creditCode, row.id]));
      const id = (item: DemoEntity) => idOf.get(item.creditCode) as number;
      await bulkInsertStatusHistory(
        tx,
        slice.flatMap((item) => [
          { districtCode: demoDistrict.code, entityId: id(item), status: 'active' as const, since: item.foundedOn, reason: '设立登记' },
          ...(item.endedOn
            ? [
                {
                  districtCode: demoDistrict.code,
                  entityId: id(item),
                  status: item.status,
                  since: item.endedOn,
                  reason: endReasons[item.status],
                },
              ]
            : []),
        ]),
      );
      const licences = slice.flatMap((item) =>
        item.licences.map((issued) => ({ districtCode: demoDistrict.code, entityId: id(item), ...issued })),
      );
      if (licences.length) await insertRows(tx, licence, licences);
      const places = slice
        .filter((item) => item.category !== 'other')
        .map((item) => ({
          districtCode: demoDistrict.code,
          entityId: id(item),
          label: '经营场所',
          address: item.address,
          streetCode: streetCode(item.streetIndex),
          communityCode: communityCode(item.streetIndex, item.communityIndex),
          lng: item.lng,
          lat: item.lat,
          isRegisteredAddress: true,
        }));
      if (places.length) await insertRows(tx, premises, places);
      options.onProgress?.(Math.min(start + entityRowsPerStatement, entityUnits), total, registryStage);
    }
    if (options.withAccounts === false) return;
    await applyDemoAccounts(tx, demoDistrict.code, units);
    options.onStep?.('registry and accounts', performance.now() - begin);
    // The modules' own demo data needs the accounts (inspectors, samplers, the lab).
    await seedModuleDemos({
      db: tx,
      crypto: deps.crypto,
      clock,
      districtCode: demoDistrict.code,
      seed: options.seed ?? 'zhijian',
      today,
      onStep: (step) => {
        if (step.name) options.onStep?.(step.name, step.milliseconds);
        const done = entityUnits + Math.round(((total - entityUnits) * step.done) / step.total);
        options.onProgress?.(done, total, step.next);
      },
    });
  });
  return { entities: entityUnits, districtCode: demoDistrict.code };
}
