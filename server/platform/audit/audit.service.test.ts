import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createTestDistrict } from '../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { verifyAuditChain, writeAudit } from './audit.service.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await testPlatform();
});
afterAll(() => platform.database.close());

describe('audit trail in the database', () => {
  it('chains events per district and names the first edited row', async () => {
    const world = await createTestDistrict(platform);
    for (let index = 0; index < 4; index++) {
      await writeAudit(world.ctx, {
        action: 'test.event',
        objectType: 'thing',
        objectId: index,
        districtCode: world.code,
        detail: { index },
      });
    }
    const intact = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThanOrEqual(4 + 7);

    // Tampering needs the append-only trigger out of the way: what an attacker with DB access could do.
    await platform.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
      await tx.execute(
        sql`update audit_event set detail = '{"index": 99}' where district_code = ${world.code} and action = 'test.event' and object_id = '2'`,
      );
      await tx.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
    });
    const [edited] = await queryRows<{ seq: number }>(
      platform.database.db,
      sql`select seq from audit_event where district_code = ${world.code} and action = 'test.event' and object_id = '2'`,
    );
    const report = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ districtCode: world.code, seq: Number(edited?.seq), reason: 'hash' });
  });

  it('refuses UPDATE and DELETE on the trail', async () => {
    const world = await createTestDistrict(platform);
    const causeOf = (attempt: Promise<unknown>) =>
      attempt.then(
        () => 'no error',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(
      await causeOf(platform.database.db.execute(sql`update audit_event set reason = 'x' where district_code = ${world.code}`)),
    ).toMatch(/append-only/);
    expect(await causeOf(platform.database.db.execute(sql`delete from audit_event where district_code = ${world.code}`))).toMatch(
      /append-only/,
    );
  });

  it('rolls the event back with the business write when the transaction fails', async () => {
    const world = await createTestDistrict(platform);
    const before = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
    await expect(
      platform.database.db.transaction(async (tx) => {
        await writeAudit({ ...world.ctx, db: tx }, { action: 'test.doomed', districtCode: world.code });
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');
    const after = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
    expect(after).toEqual(before);
  });
});
