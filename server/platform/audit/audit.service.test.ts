import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../db/client.ts';
import { createTestDistrict } from '../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { createFieldCrypto } from '../crypto/field-crypto.ts';
import { anchorAuditHeads, verifyAuditChain, writeAudit } from './audit.service.ts';
import { readAnchors } from './audit-anchors.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await testPlatform();
});
afterAll(() => platform.database.close());

/**
 * What an attacker with database access could do: write around the append-only trigger, in one transaction.
 * (On Citus, touching a trigger of a distributed table must be declared; elsewhere the setting is inert.)
 */
async function tamper(write: (tx: Db) => Promise<unknown>) {
  await platform.database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('citus.enable_unsafe_triggers', 'on', true)`);
    await tx.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
    await write(tx);
    await tx.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
  });
}

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
    await tamper((tx) =>
      tx.execute(
        sql`update audit_event set detail = '{"index": 99}' where district_code = ${world.code} and action = 'test.event' and object_id = '2'`,
      ),
    );
    const [edited] = await queryRows<{ seq: number }>(
      platform.database.db,
      sql`select seq from audit_event where district_code = ${world.code} and action = 'test.event' and object_id = '2'`,
    );
    const report = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([{ districtCode: world.code, seq: Number(edited?.seq), reason: 'hash' }]);
  });

  it('keeps verifying whatever text an event carries: NUL, unpaired surrogates, any Unicode, cut surrogate pairs', async () => {
    const world = await createTestDistrict(platform);
    const awkward = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\u0000', '\ud800', 'x\udc00y', '😀'.slice(0, 1), `${'字'.repeat(39)}😀`.slice(0, 40), 'a\u0000\ud83d'),
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ reason: awkward, note: awkward, key: awkward }), async ({ reason, note, key }) => {
        await writeAudit(world.ctx, {
          action: `test.${note.slice(0, 20)}`,
          objectId: note,
          reason,
          districtCode: world.code,
          detail: { note, nested: [note, { [`k${key}`]: reason }], when: new Date('2026-03-02T01:00:00Z') },
        });
      }),
      { numRuns: 40, seed: 13 },
    );
    const report = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
    expect(report).toMatchObject({ ok: true, brokenCount: 0 });
  });

  it('reports every tampered event, not only the first', async () => {
    const world = await createTestDistrict(platform);
    for (let index = 0; index < 6; index++) await writeAudit(world.ctx, { action: 'test.many', objectId: index, districtCode: world.code });
    await tamper((tx) =>
      tx.execute(
        sql`update audit_event set reason = 'edited' where district_code = ${world.code} and action = 'test.many' and object_id in ('1', '4')`,
      ),
    );
    const seqs = await queryRows<{ seq: number }>(
      platform.database.db,
      sql`select seq from audit_event where district_code = ${world.code} and reason = 'edited' order by seq`,
    );
    const report = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
    expect(report.broken).toEqual(seqs.map(({ seq }) => ({ districtCode: world.code, seq: Number(seq), reason: 'hash' })));
    expect(report.brokenCount).toBe(2);
  });

  it('catches the newest events deleted and audit_head moved back, against the heads anchored outside the database', async () => {
    const world = await createTestDistrict(platform);
    for (let index = 0; index < 5; index++)
      await writeAudit(world.ctx, { action: 'test.anchored', objectId: index, districtCode: world.code });
    const folder = mkdtempSync(join(tmpdir(), 'zhijian-anchor-'));
    try {
      const file = join(folder, 'audit-anchors.jsonl');
      const written = await anchorAuditHeads(world.ctx, file);
      const anchor = written.find((entry) => entry.districtCode === world.code);
      expect(readFileSync(file, 'utf8')).toContain(`"seq":${anchor?.seq}`);
      // An attacker with database access: drop the last two events and move the head back to the third-last.
      await tamper(async (tx) => {
        await tx.execute(sql`delete from audit_event where district_code = ${world.code} and seq > ${Number(anchor?.seq) - 2}`);
        await tx.execute(
          sql`update audit_head set seq = e.seq, hash = e.hash from audit_event e
              where audit_head.district_code = ${world.code} and e.district_code = ${world.code} and e.seq = ${Number(anchor?.seq) - 2}`,
        );
      });
      const unanchored = await verifyAuditChain(platform.database.db, platform.crypto, { districtCodes: [world.code] });
      expect(unanchored.ok).toBe(true);
      const anchored = await verifyAuditChain(platform.database.db, platform.crypto, {
        districtCodes: [world.code],
        anchors: readAnchors(file),
      });
      expect(anchored.ok).toBe(false);
      expect(anchored.broken).toEqual([{ districtCode: world.code, seq: Number(anchor?.seq), reason: 'anchor' }]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('verifies events sealed before a key rotation with the previous key', async () => {
    const world = await createTestDistrict(platform);
    await writeAudit(world.ctx, { action: 'test.before_rotation', districtCode: world.code });
    const newKey = Buffer.alloc(32, 42);
    const rotated = createFieldCrypto(newKey, platform.dataKey);
    await writeAudit({ ...world.ctx, crypto: rotated }, { action: 'test.after_rotation', districtCode: world.code });
    expect(await verifyAuditChain(platform.database.db, rotated, { districtCodes: [world.code] })).toMatchObject({ ok: true });
    const forgotten = createFieldCrypto(newKey);
    const report = await verifyAuditChain(platform.database.db, forgotten, { districtCodes: [world.code] });
    expect(report.broken.every((link) => link.reason === 'unknown_key')).toBe(true);
    expect(report.brokenCount).toBeGreaterThan(0);
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
