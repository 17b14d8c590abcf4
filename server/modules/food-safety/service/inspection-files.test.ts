import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaInstant } from '../../../../shared/calendar-day.ts';
import { createUser } from '../../../platform/accounts/accounts.service.ts';
import { auditEvent } from '../../../platform/audit/audit.tables.ts';
import { userEntity } from '../../../platform/auth/auth.tables.ts';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict, testPassword } from '../../../test/factories.ts';
import { cateringShop } from '../../../test/probe-fixtures.ts';
import { apiCaller } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { tinyPngDataUrl } from '../food-safety.probes.ts';
import { checkInspectionFiles, inspectionFileLimits, sniffImageType } from './inspection-files.ts';

// Photos and drawn signatures sent with an inspection: checked by their first bytes and size, saved with the
// inspection (one idempotency key, all or nothing), shown to the station and the shop's operator, downloads audited.

const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const jpegDataUrl = `data:image/jpeg;base64,${jpegBytes.toString('base64')}`;
const gifDataUrl = `data:image/png;base64,${Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64')}`;

describe('checkInspectionFiles (pure)', () => {
  it('sniffs JPEG and PNG by their first bytes only', () => {
    expect(sniffImageType(jpegBytes)).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from(tinyPngDataUrl.split(',')[1] as string, 'base64'))).toBe('image/png');
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('%PDF-1.4'))).toBeUndefined();
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
  });

  it('accepts photos tied to template items and PNG signatures, in order', () => {
    const { files, problems } = checkInspectionFiles(
      { photos: [{ dataUrl: jpegDataUrl, itemId: 7 }, { dataUrl: tinyPngDataUrl }], inspectorSignatureImage: tinyPngDataUrl },
      new Set([7]),
    );
    expect(problems).toEqual([]);
    expect(files.map((file) => [file.kind, file.itemId, file.position, file.contentType])).toEqual([
      ['photo', 7, 0, 'image/jpeg'],
      ['photo', null, 1, 'image/png'],
      ['inspector-signature', null, 0, 'image/png'],
    ]);
    expect(files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the field of each problem and keeps nothing when one file is wrong', () => {
    const { files, problems } = checkInspectionFiles(
      {
        photos: [{ dataUrl: gifDataUrl }, { dataUrl: 'hello' }, { dataUrl: jpegDataUrl, itemId: 99 }],
        operatorSignatureImage: jpegDataUrl,
      },
      new Set([7]),
    );
    expect(files).toEqual([]);
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['photos.0.dataUrl', 'not_image'],
      ['photos.1.dataUrl', 'not_image'],
      ['photos.2.itemId', 'unknown_item'],
      ['operatorSignatureImage', 'not_png'],
    ]);
  });

  it('refuses a seventh photo and a file over 5 MB', () => {
    const seven = Array.from({ length: inspectionFileLimits.photos + 1 }, () => ({ dataUrl: jpegDataUrl }));
    expect(checkInspectionFiles({ photos: seven }, new Set()).problems.map((problem) => problem.field)).toEqual(['photos']);
    const big = Buffer.alloc(inspectionFileLimits.fileSize + 1);
    jpegBytes.copy(big);
    const { problems } = checkInspectionFiles({ photos: [{ dataUrl: `data:image/jpeg;base64,${big.toString('base64')}` }] }, new Set());
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([['photos.0.dataUrl', 'too_large']]);
    const exact = Buffer.alloc(inspectionFileLimits.fileSize);
    jpegBytes.copy(exact);
    expect(
      checkInspectionFiles({ photos: [{ dataUrl: `data:image/jpeg;base64,${exact.toString('base64')}` }] }, new Set()).problems,
    ).toEqual([]);
  });
});

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
let partnerId: number;
const call = apiCaller(() => app, { binary: true });
// biome-ignore lint/suspicious/noExplicitAny: loose JSON in tests
type Json = Record<string, any>;
const json = (response: { body: unknown }) => response.body as Json;
let template: { id: number; items: { id: number }[] };

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
  const { user } = await createUser(systemContext(platform), {
    districtCode: home.code,
    username: `inspector3-${home.code}`,
    displayName: '检查员三',
    roles: ['inspector'],
    orgUnitId: home.stations[0].id,
    passwordOverride: testPassword,
  });
  partnerId = user.id;
  platform.clock.set(chinaInstant('2020-06-10', '09:00:00'));
  const list = await call(home.users.section.username, 'GET', '/api/v1/inspection-templates');
  template = json(list).items.find((row: Json) => row.isDefault);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const inspect = (entityId: number, over: Json = {}) =>
  call(home.users.inspector1.username, 'POST', '/api/v1/food-inspections', {
    entityId,
    kind: 'routine',
    inspectorIds: [home.users.inspector1.id, partnerId],
    answers: template.items.map((item) => ({ itemId: item.id, result: 'pass' })),
    inspectorSignature: '张检',
    operatorSignature: '李店主',
    ...over,
  });

async function operatorShop(): Promise<number> {
  const entityId = await cateringShop({ home, other, call });
  await home.ctx.db.insert(userEntity).values({ districtCode: home.code, userId: home.users.operator.id, entityId });
  call.signOut(home.users.operator.username);
  return entityId;
}

describe('inspection photos and signatures (API)', () => {
  it('saved with the inspection; the station and the shop operator download them, audited; the record shows them', async () => {
    const entityId = await operatorShop();
    const saved = await inspect(entityId, {
      photos: [{ dataUrl: jpegDataUrl, itemId: template.items[0]?.id }, { dataUrl: tinyPngDataUrl }],
      inspectorSignatureImage: tinyPngDataUrl,
      operatorSignatureImage: tinyPngDataUrl,
    });
    expect(saved.status).toBe(201);
    const files = json(saved).files as Json[];
    expect(files.map((file) => [file.kind, file.contentType])).toEqual([
      ['inspector-signature', 'image/png'],
      ['operator-signature', 'image/png'],
      ['photo', 'image/jpeg'],
      ['photo', 'image/png'],
    ]);
    const photo = files.find((file) => file.contentType === 'image/jpeg') as Json;
    expect(photo.itemId).toBe(template.items[0]?.id);
    const url = `/api/v1/food-inspections/${json(saved).id}/files/${photo.id}`;
    for (const username of [home.users.inspector1.username, home.users.section.username, home.users.operator.username]) {
      const download = await call(username, 'GET', url);
      expect(download.status).toBe(200);
      expect(Buffer.compare(download.body as Buffer, jpegBytes)).toBe(0);
    }
    const audited = await platform.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvent)
      .where(sql`${auditEvent.action} = 'food_inspection.download_file' and ${auditEvent.objectId} = ${String(json(saved).id)}`);
    expect(audited).toEqual([{ n: 3 }]);
    for (const username of [home.users.inspector2.username, other.users.section.username])
      expect((await call(username, 'GET', url)).status).toBe(404);
    // A file of another inspection under this inspection's id is not found either.
    const elsewhere = await inspect(await cateringShop({ home, other, call }), { photos: [{ dataUrl: jpegDataUrl }] });
    const foreignFile = (json(elsewhere).files as Json[])[0]?.id;
    expect((await call(home.users.section.username, 'GET', `/api/v1/food-inspections/${json(saved).id}/files/${foreignFile}`)).status).toBe(
      404,
    );
    const record = String((await call(home.users.operator.username, 'GET', `/api/v1/food-inspections/${json(saved).id}/record`)).body);
    expect(record).toContain(`src="${url}"`);
    expect(record).toContain('data-kind="inspector-signature"');
    expect(record).toContain('data-kind="operator-signature"');
  });

  it('bad type, too big and too many are 400 naming the field, and save nothing', async () => {
    const entityId = await cateringShop({ home, other, call });
    const badType = await inspect(entityId, { photos: [{ dataUrl: gifDataUrl }] });
    expect(badType.status).toBe(400);
    expect(JSON.stringify(badType.body)).toContain('photos.0.dataUrl');
    const badSignature = await inspect(entityId, { inspectorSignatureImage: jpegDataUrl });
    expect(badSignature.status).toBe(400);
    expect(JSON.stringify(badSignature.body)).toContain('inspectorSignatureImage');
    const big = Buffer.alloc(inspectionFileLimits.fileSize + 1);
    jpegBytes.copy(big);
    const tooBig = await inspect(entityId, { photos: [{ dataUrl: `data:image/jpeg;base64,${big.toString('base64')}` }] });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('photos.0.dataUrl');
    const tooMany = await inspect(entityId, { photos: Array.from({ length: 7 }, () => ({ dataUrl: jpegDataUrl })) });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('"photos"');
    const list = await call(home.users.section.username, 'GET', `/api/v1/food-inspections?entityId=${entityId}`);
    expect(json(list).total).toBe(0);
  });

  it('a resend with the same idempotency key keeps one set of photos', async () => {
    const entityId = await cateringShop({ home, other, call });
    const body = {
      idempotencyKey: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
      photos: [{ dataUrl: jpegDataUrl }, { dataUrl: tinyPngDataUrl }],
    };
    const first = await inspect(entityId, body);
    const second = await inspect(entityId, body);
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const stored = await platform.database.db.execute(
      sql`select count(*)::int as n from food_inspection_file where district_code = ${home.code} and inspection_id = ${json(first).id}`,
    );
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(2);
  });
});
