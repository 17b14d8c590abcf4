import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { runJob } from '../../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { cateringShop } from '../../../test/probe-fixtures.ts';
import { apiCaller } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { randomInspectionJobs } from '../index.ts';

// The credit class follows a listing within minutes, not at the next monthly re-grade.
let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the job walks every district
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('re-grading the entities whose listing changed', () => {
  it('an abnormal listing puts the entity in class C at the next run; its removal brings it back to A', async () => {
    const job = randomInspectionJobs(platform).find((candidate) => candidate.name === 'random-inspections.credit-regrade-changed');
    if (!job) throw new Error('job missing');
    const id = await cateringShop({ home, other, call }, '信用分类饭店');
    const classOf = async () =>
      (
        await queryRows<{ credit_class: string; reasons: string[] }>(
          platform.database.db,
          sql`select credit_class, reasons from ri_credit_class where district_code = ${home.code} and entity_id = ${id}`,
        )
      )[0];
    expect(await runJob(platform, job)).toMatchObject({ outcome: 'succeeded', counts: { regraded: 0 } });
    const listed = await call(home.users.section.username, 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: id,
      reason: 'unreachable_at_address',
      decidedOn: '2026-02-20',
    });
    expect(listed.status).toBe(201);
    platform.clock.advance(10 * 60_000);
    expect(await runJob(platform, job)).toMatchObject({ counts: { regraded: 1 } });
    expect(await classOf()).toMatchObject({ credit_class: 'C' });
    expect((await classOf())?.reasons.join()).toContain('abnormal_listing');
    platform.clock.advance(10 * 60_000);
    expect(await runJob(platform, job)).toMatchObject({ counts: { regraded: 0 } }); // nothing changed since
    const removed = await call(
      home.users.section.username,
      'POST',
      `/api/v1/credit/abnormal-listings/${(listed.body as { id: number }).id}/removal`,
      {
        removedOn: '2026-03-02',
        removalReason: '已取得联系',
      },
    );
    expect(removed.status).toBe(200);
    platform.clock.advance(10 * 60_000);
    expect(await runJob(platform, job)).toMatchObject({ counts: { regraded: 1 } });
    expect(await classOf()).toMatchObject({ credit_class: 'A' });
  });
});
