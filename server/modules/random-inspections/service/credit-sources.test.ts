import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { runJob } from '../../../platform/jobs/scheduler.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { createTestDistrict } from '../../../test/factories.ts';
import { cateringShop } from '../../../test/probe-fixtures.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { randomInspectionJobs } from '../random-inspections.jobs.ts';
import { classesOf } from './credit-classes.ts';
import { otherModulesHistory } from './credit-sources.ts';

let platform: TestPlatform;
let app: AppInstance;
beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('the monthly credit re-grade', () => {
  it('reads the case and sample history of the other modules and grades every active entity', async () => {
    const home = await createTestDistrict(platform);
    const other = await createTestDistrict(platform);
    const call = async (username: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url,
        headers: { cookie: await signIn(app, username) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: response.statusCode, body: response.json() as unknown };
    };
    const shop = await cateringShop({ home, other, call });
    const regrade = randomInspectionJobs(platform).find((job) => job.name === 'random-inspections.credit-regrade');
    expect(regrade).toBeDefined();
    const outcome = await runJob(platform, regrade as NonNullable<typeof regrade>);
    expect(outcome.outcome).toBe('succeeded');
    const graded = await classesOf({ ...systemContext(platform), actor: systemActorFor(home.code) }, [shop]);
    // A new shop with no case, failed sample, complaint or problem inspection: class A, nothing against it, graded today.
    expect(graded.get(shop)).toMatchObject({ creditClass: 'A', score: 0, reasons: [], ruleSet: 'local-2019', gradedOn: '2026-03-02' });
    expect(outcome).toMatchObject({ counts: { A: expect.any(Number) } });
  });

  it('counts accepted complaints of the last 12 months from the complaints module', async () => {
    const home = await createTestDistrict(platform);
    const other = await createTestDistrict(platform);
    const call = async (username: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url,
        headers: { cookie: await signIn(app, username) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: response.statusCode, body: response.json() as { id: number } };
    };
    const shop = await cateringShop({ home, other, call });
    const quiet = await cateringShop({ home, other, call });
    for (const accept of [true, true, false]) {
      const filed = await call(home.users.section.username, 'POST', '/api/v1/complaints', {
        kind: 'complaint',
        channel: 'hotline_12315',
        category: 'food',
        entityId: shop,
        complainantName: '李小明',
        complainantPhone: '13912345678',
        complainantAddress: '中河街道88号',
        facts: '菜品有异物',
        request: '退款',
      });
      expect(filed.status).toBe(201);
      if (accept)
        expect(
          (await call(home.users.section.username, 'POST', `/api/v1/complaints/${filed.body.id}/accept`, { on: '2026-03-02' })).status,
        ).toBe(200);
    }
    const ctx = { ...home.ctx, actor: systemActorFor(home.code) };
    const counts = new Map<number, number | undefined>();
    for (const source of otherModulesHistory)
      for (const [id, history] of await source(ctx, { entityIds: [shop, quiet], today: '2026-03-02' }))
        if (history.complaintsLast12Months !== undefined) counts.set(id, history.complaintsLast12Months);
    expect(counts.get(shop)).toBe(2); // the third was never accepted
    expect(counts.get(quiet)).toBe(0);
  });

  it('reads the abnormal-operation list from the credit module: a listed shop counts as listed until it is removed', async () => {
    const home = await createTestDistrict(platform);
    const other = await createTestDistrict(platform);
    const call = async (username: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url,
        headers: { cookie: await signIn(app, username) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: response.statusCode, body: response.json() as { id: number } };
    };
    const shop = await cateringShop({ home, other, call });
    const quiet = await cateringShop({ home, other, call });
    const listed = await call(home.users.section.username, 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: shop,
      reason: 'unreachable_at_address',
      decidedOn: '2026-02-02',
    });
    expect(listed.status).toBe(201);
    const ctx = { ...home.ctx, actor: systemActorFor(home.code) };
    const flags = async () => {
      const found = new Map<number, boolean | undefined>();
      for (const source of otherModulesHistory)
        for (const [id, history] of await source(ctx, { entityIds: [shop, quiet], today: '2026-03-02' }))
          if (history.isListedAbnormal !== undefined) found.set(id, history.isListedAbnormal);
      return found;
    };
    expect(await flags()).toEqual(
      new Map([
        [shop, true],
        [quiet, false],
      ]),
    );
    const removed = await call(home.users.section.username, 'POST', `/api/v1/credit/abnormal-listings/${listed.body.id}/removal`, {
      removedOn: '2026-03-02',
      removalReason: '已可通过登记住所联系',
    });
    expect(removed.status).toBe(200);
    expect(await flags()).toEqual(
      new Map([
        [shop, false],
        [quiet, false],
      ]),
    );
  });
});
