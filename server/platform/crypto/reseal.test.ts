import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { cateringShop } from '../../test/probe-fixtures.ts';
import { apiCaller } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { AppInstance } from '../http/routes.ts';
import { createFieldCrypto } from './field-crypto.ts';
import { resealAll, sealedColumns } from './reseal.ts';

// A rotation from the test platform's key A to key B, on a database of its own (the re-seal walks every table).
let platform: TestPlatform;
let before: AppInstance;
let home: TestDistrict;
let entityId: number;
let handlerId: number;
const idNumber = '11010519491231002X';
const newKey = Buffer.alloc(32, 77);

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true });
  before = await testApp(platform);
  home = await createTestDistrict(platform);
  const call = apiCaller(() => before);
  entityId = await cateringShop({ home, other: home, call });
  const handler = await call(home.users.section.username, 'POST', '/api/v1/food-handlers', {
    entityId,
    name: '李厨',
    idNumber,
    hiredOn: '2019-06-01',
  });
  handlerId = (handler.body as { id: number }).id;
  // Two authenticators being set up: their secrets are sealed too.
  for (const user of [home.users.leader, home.users.inspector1]) await call(user.username, 'POST', '/api/v1/auth/totp/enrolment', {});
}, 120_000);
afterAll(async () => {
  await before.close();
  await platform.database.close();
});

const reveal = (app: AppInstance, username: string) =>
  apiCaller(() => app)(username, 'POST', `/api/v1/food-handlers/${handlerId}/reveal-id-number`, { reason: '核对身份' });

describe('rotating the data key without downtime', () => {
  it('re-seals in batches while both keys stay readable, then needs only the new key', async () => {
    const rotating = createFieldCrypto(newKey, platform.dataKey);
    const during = await testApp({ ...platform, crypto: rotating });
    const ctx = { ...home.ctx, crypto: rotating };
    const answersDuring: unknown[] = [];
    try {
      const counts = await resealAll(ctx, {
        batchSize: 1,
        // Between two batches the application serves as usual: the half-rotated data reads right.
        betweenBatches: async () => {
          if (answersDuring.length < 3) answersDuring.push((await reveal(during, home.users.section.username)).body);
        },
      });
      expect(counts.resealed).toBe(4);
      expect(counts.unreadable).toBe(0);
    } finally {
      await during.close();
    }
    expect(answersDuring).toEqual(Array(3).fill({ idNumber }));

    for (const column of await sealedColumns(platform.database)) {
      const stale = await queryRows<{ count: number }>(
        platform.database.db,
        sql`select count(*)::int as count from ${sql.identifier(column.table)}
            where ${sql.identifier(column.column)} is not null and ${sql.identifier(column.column)} not like ${`v1.${rotating.keyId}.%`}`,
      );
      expect({ column: `${column.table}.${column.column}`, stale: stale[0]?.count }).toEqual({
        column: `${column.table}.${column.column}`,
        stale: 0,
      });
    }
    const [indexed] = await queryRows<{ id_number_blind: string }>(
      platform.database.db,
      sql`select id_number_blind from food_handler where district_code = ${home.code} and id = ${handlerId}`,
    );
    expect(indexed?.id_number_blind).toBe(rotating.blindIndex(idNumber));
    expect((await resealAll(ctx)).resealed).toBe(0);

    const after = await testApp({ ...platform, crypto: createFieldCrypto(newKey) });
    try {
      expect((await reveal(after, home.users.section.username)).body).toEqual({ idNumber });
      // The blind index moved too: the same person at the same shop is still recognised.
      const again = await apiCaller(() => after)(home.users.section.username, 'POST', '/api/v1/food-handlers', {
        entityId,
        name: '李厨',
        idNumber,
        hiredOn: '2020-01-01',
      });
      expect(again.status).toBe(409);
    } finally {
      await after.close();
    }
  });

  it('finds every ciphertext column by the naming convention, with its blind index', async () => {
    const columns = await sealedColumns(platform.database);
    const named = columns.map((column) => `${column.table}.${column.column}${column.blindColumn ? ` + ${column.blindColumn}` : ''}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'app_user.totp_secret',
        'entity.legal_rep_id_enc + legal_rep_id_blind',
        'entity.phone_enc + phone_blind',
        'food_handler.id_number_enc + id_number_blind',
        'complaint.complainant_phone_enc + complainant_phone_blind',
        'ph_registration.id_number_enc + id_number_blind',
        'ph_registration.phone_enc + phone_blind',
      ]),
    );
    expect(columns.every((column) => column.keyColumns.length > 0)).toBe(true);
  });
});
