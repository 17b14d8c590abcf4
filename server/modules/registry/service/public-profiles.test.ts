import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict, seedDemoDistrict } from '../../../demo/index.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { type TestPlatform, testPlatform } from '../../../test/test-platform.ts';
import { entityPublicProfiles } from './public-profiles.ts';

let platform: TestPlatform;
let ctx: ServiceContext;

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true });
  await seedDemoDistrict(platform, { seed: 'public-profiles-test', scale: 0.01, withAccounts: false });
  ctx = {
    db: platform.database.db,
    clock: platform.clock,
    crypto: platform.crypto,
    log: platform.log,
    meta: { ip: 'test', requestId: 'public-profiles-test', userAgent: 'vitest', language: 'zh-CN' },
  };
}, 120_000);

afterAll(async () => {
  await platform.database.close();
});

describe('entityPublicProfiles', () => {
  it('takes more ids than a statement has parameters (65,535) and returns the entities among them', async () => {
    const everyone = await entityPublicProfiles(ctx, demoDistrict.code, { all: true });
    expect(everyone.length).toBeGreaterThan(100);
    const wanted = everyone.filter((_, index) => index % 2 === 0).map((profile) => profile.id);
    const absent = Array.from({ length: 70_000 }, (_, index) => 900_000_000 + index);
    const found = await entityPublicProfiles(ctx, demoDistrict.code, { entityIds: [...absent, ...wanted] });
    expect(found.map((profile) => profile.id)).toEqual(wanted);
    expect(found[0]).toEqual(everyone[0]);
  }, 60_000);
});
