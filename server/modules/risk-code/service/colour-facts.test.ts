import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { cateringShop } from '../../../test/probe-fixtures.ts';
import { apiCaller } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { recomputeColours } from './recompute.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);
type Json = Record<string, unknown>;

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('complaints as a colour fact', () => {
  it('raises the colour once accepted complaints reach the threshold, and says so in the explanation', async () => {
    const id = await cateringShop({ home, other, call }, '投诉饭店');
    const ctx = systemContext(platform);
    const view = async () => (await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`)).body as Json;
    expect((await view()).colour).toBe('blue'); // 饭店 → large restaurant, no risk grade yet
    const today = todayInChina(ctx.clock.now());
    const complain = async () => {
      const created = await call(home.users.section.username, 'POST', '/api/v1/complaints', {
        kind: 'complaint',
        channel: 'hotline_12315',
        category: 'food',
        entityId: id,
        complainantName: '李小明',
        complainantPhone: '13912345678',
        complainantAddress: '中河街道88号',
        facts: '就餐后腹泻',
        request: '退还餐费',
      });
      expect(created.status).toBe(201);
      return (created.body as { id: number }).id;
    };
    const accept = async (complaintId: number) =>
      expect((await call(home.users.section.username, 'POST', `/api/v1/complaints/${complaintId}/accept`, { on: today })).status).toBe(200);

    await accept(await complain());
    await accept(await complain());
    const pending = await complain(); // received, not yet accepted: does not count
    await recomputeColours(ctx, { districtCode: home.code, trigger: 'job' });
    const below = await view();
    expect(below.colour).toBe('blue');
    expect((below.explanation as { reasons: string[] }).reasons.join()).not.toContain('投诉');

    await accept(pending); // the third accepted complaint reaches the default threshold of 3
    const result = await recomputeColours(ctx, { districtCode: home.code, trigger: 'job' });
    expect(result.changed).toBeGreaterThanOrEqual(1);
    const after = await view();
    expect(after.colour).toBe('yellow');
    const explanation = after.explanation as { summary: string; reasons: string[]; unknown: string[] };
    expect(explanation.summary).toContain('近12个月投诉 3 件（达到 3 件）');
    expect(explanation.unknown).not.toContain('投诉');
    expect((after.history as Json[])[0]).toMatchObject({ fromColour: 'blue', toColour: 'yellow', trigger: 'job' });

    // A year later the complaints no longer count and the colour falls back.
    platform.clock.advance(366 * 86_400_000);
    call.signOutAll(); // the session expired meanwhile
    await recomputeColours(ctx, { districtCode: home.code, trigger: 'job' });
    expect((await view()).colour).toBe('blue');
  });
});

describe('the credit lists as a colour fact (through credit’s index)', () => {
  it('an abnormal listing raises a restaurant to yellow; its removal brings it back; the fact is no longer unknown', async () => {
    const id = await cateringShop({ home, other, call }, '名录饭店');
    const ctx = systemContext(platform);
    const view = async () => (await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`)).body as Json;
    await recomputeColours(ctx, { districtCode: home.code, trigger: 'job' });
    const before = await view();
    expect(before.colour).toBe('blue');
    expect((before.explanation as { unknown: string[] }).unknown.join()).not.toContain('经营异常名录');
    const today = todayInChina(ctx.clock.now());
    const listed = await call(home.users.section.username, 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: id,
      reason: 'unreachable_at_address',
      decidedOn: today,
    });
    expect(listed.status).toBe(201);
    await recomputeColours(ctx, { districtCode: home.code, trigger: 'job' });
    const after = await view();
    expect(after.colour).toBe('yellow');
    expect((after.explanation as { summary: string }).summary).toContain('列入经营异常名录');
    const removed = await call(
      home.users.section.username,
      'POST',
      `/api/v1/credit/abnormal-listings/${(listed.body as Json).id}/removal`,
      {
        removedOn: today,
        removalReason: '已取得联系',
      },
    );
    expect(removed.status).toBe(200);
    await recomputeColours(ctx, { districtCode: home.code, trigger: 'job' });
    expect((await view()).colour).toBe('blue');
  });
});
