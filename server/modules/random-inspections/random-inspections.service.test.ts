import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../demo/prng.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { systemActorFor } from '../../platform/scope/actor.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { seedRandomInspectionsDemo } from './demo/demo.ts';
import { insertTestEntities } from './random-inspections.probes.ts';
import { riDrawObject, riTask } from './random-inspections.tables.ts';
import type { DrawDocument } from './rules/draw-inspection-sample.ts';
import { commitDraw, drawDocumentForStaff, executeDraw, seedDraw } from './service/draws.ts';
import { createPlan, listMatters } from './service/plans.ts';
import { listAlerts, raiseOverdueAlerts } from './service/tasks.ts';
import { verifyDrawDocument } from './verifier/draw-verifier.js';

let platform: TestPlatform;
let district: TestDistrict;
let ctx: ActorContext;
let demo: Awaited<ReturnType<typeof seedRandomInspectionsDemo>>;

beforeAll(async () => {
  platform = await testPlatform();
  district = await createTestDistrict(platform);
  ctx = { ...district.ctx, actor: systemActorFor(district.code) };
  await insertTestEntities(ctx.db, district, 150);
  await insertTestEntities(ctx.db, district, 30, { foundedOn: '2020-01-10', streetCode: district.stations[1].streetCode });
  demo = await seedRandomInspectionsDemo(district.ctx, {
    districtCode: district.code,
    random: createRandom('ri-test').float,
    today: '2021-06-30',
  });
}, 120_000);
afterAll(async () => {
  await platform.database.close();
});

describe('random-inspection demo and draw ceremony', () => {
  it('seeds a completed 2020 draw with results, late and missing publications, and a 2021 draw ready for its seed', async () => {
    // 150 class-A catering units at 1% → 2; 30 opened 2020-01-10 are class B on 2020-02-26 at 5% → 2.
    expect(demo).toMatchObject({ inspectors: 6, tasks2020: 4, published: 3, alerts: 1 });
    const document = await drawDocumentForStaff(ctx, demo.draw2021Id);
    expect(document.seed).toBeNull();
    expect(document.result).toBeNull();
    expect(document.inputs.objects).toHaveLength(180);
    // One inspector's certificate ended 2020-12-31: frozen with its dates, never drawn in 2021.
    expect(document.inputs.inspectors.filter((item) => item.validUntil === '2020-12-31')).toHaveLength(1);
  });

  it('publishes a 2020 draw that the standalone verifier reproduces exactly from its published document', async () => {
    const [task] = await ctx.db.select().from(riTask).where(eq(riTask.districtCode, district.code)).limit(1);
    const document = await drawDocumentForStaff(ctx, (task as { drawId: number }).drawId);
    expect(document.result?.tasks).toHaveLength(4);
    expect(document.result?.tasks.every((item) => item.inspectors.length === 2)).toBe(true);
    const verdict = verifyDrawDocument(JSON.parse(JSON.stringify(document)) as DrawDocument);
    expect(verdict.checks).toEqual([
      expect.objectContaining({ name: 'commitment', ok: true }),
      expect.objectContaining({ name: 'seed', ok: true }),
      expect.objectContaining({ name: 'result', ok: true }),
    ]);
  });

  it('keeps last year’s inspectors off the same entity: the 2021 inputs carry them as previous inspectors', async () => {
    const document = await drawDocumentForStaff(ctx, demo.draw2021Id);
    const withHistory = document.inputs.objects.filter((item) => item.previousInspectors.length > 0);
    expect(withHistory).toHaveLength(4);
    expect(withHistory.every((item) => item.previousInspectors.length === 2)).toBe(true);
  });

  it('refuses to draw when a frozen entity was changed after the commitment', async () => {
    const plan = await createPlan(ctx, {
      code: `T-${district.code}`,
      title: 'tamper test',
      kind: 'ad_hoc',
      year: 2026,
      periodStart: '2026-03-02',
      periodEnd: '2026-06-30',
      departments: ['区市场监管局'],
      population: { category: 'catering' },
      strata: [{ key: 'all', label: 'all', creditClasses: ['A', 'B', 'C', 'D'], count: 3 }],
      inspectorsPerTask: 2,
      matterIds: (await listMatters(ctx)).items.slice(0, 1).map((matter) => matter.id),
    });
    const draw = await commitDraw(ctx, plan.id, { seedAnnouncement: 'dice at the public meeting' });
    await seedDraw(ctx, draw.id, { components: [{ source: 'dice', value: '63454660390103169462' }] });
    const [object] = await ctx.db
      .select()
      .from(riDrawObject)
      .where(and(eq(riDrawObject.districtCode, district.code), eq(riDrawObject.drawId, draw.id)))
      .limit(1);
    const storedKey = (object as { objectKey: string }).objectKey;
    await ctx.db
      .update(riDrawObject)
      // Another last character, whatever the stored one is.
      .set({ objectKey: `${storedKey.slice(0, 17)}${storedKey.endsWith('Y') ? 'X' : 'Y'}` })
      .where(and(eq(riDrawObject.districtCode, district.code), eq(riDrawObject.drawId, draw.id), eq(riDrawObject.objectKey, storedKey)));
    await expect(executeDraw(ctx, draw.id)).rejects.toThrow(/no longer match the published commitment/);
  });

  it('raises one alert per unpublished result once its 20 working days have passed, and only once', async () => {
    expect((await listAlerts(ctx)).items).toHaveLength(1);
    expect(await raiseOverdueAlerts(ctx.db, new Date('2021-07-01T00:00:00Z'))).toBe(0);
  });
});
