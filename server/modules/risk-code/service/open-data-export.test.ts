import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { cateringShop } from '../../../test/probe-fixtures.ts';
import { apiCaller } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { exportColumns } from './open-data-export.ts';
import { ensureSubjects, recomputeColours } from './recompute.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);

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

describe('open data bulk export', () => {
  it('streams every published rating of the district as CSV and JSON, with stable identifiers and no personal data', async () => {
    // Each shop has a mobile number on record (the registry keeps it encrypted), so the check below can fail.
    const phones = ['13812345678', '15987654321', '18600001111'];
    for (const [index, name] of ['导出饭店', '导出小吃店', '导出食堂'].entries()) {
      const id = await cateringShop({ home, other, call }, name, { phone: phones[index] });
      const stored = await call(home.users.section.username, 'GET', `/api/v1/entities/${id}`);
      expect((stored.body as { phoneMasked: string | null }).phoneMasked).toMatch(/^1\d{2}\*+\d{4}$/);
    }
    await cateringShop({ home: other, other: home, call }, '别区饭店');
    const ctx = systemContext(platform);
    await ensureSubjects(ctx, home.code);
    await recomputeColours(ctx, { districtCode: home.code, trigger: 'job' });
    const paged = await app.inject({ method: 'GET', url: `/api/open/v1/ratings?district=${home.code}&pageSize=100` });
    const total = paged.json().items.length as number;
    expect(total).toBe(3);

    const csv = await app.inject({ method: 'GET', url: `/api/open/v1/ratings/export.csv?district=${home.code}` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(`ratings-${home.code}.csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(exportColumns.join(','));
    expect(lines).toHaveLength(total + 1);
    expect(csv.body).toContain('导出食堂');
    expect(csv.body).not.toContain('别区饭店');

    const json = await app.inject({ method: 'GET', url: `/api/open/v1/ratings/export.json?district=${home.code}` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const document = json.json() as { district: string; items: Record<string, unknown>[] };
    expect(document.district).toBe(home.code);
    expect(document.items).toHaveLength(total);
    for (const item of document.items) {
      expect(Object.keys(item)).toEqual([...exportColumns]);
      expect(item.creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      expect(item.pageToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(lines.some((line) => line.includes(item.pageToken as string))).toBe(true);
    }
    for (const body of [csv.body, json.body]) {
      expect(body).not.toContain('王五'); // legal representative
      expect(body).not.toContain('11010519491231002X'); // their ID number
      const identifiers = document.items.flatMap((item) => [item.creditCode as string, item.pageToken as string]);
      const rest = identifiers.reduce((text, id) => text.split(id).join(''), body);
      expect(rest).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/); // no mobile number
      for (const phone of phones) expect(body).not.toContain(phone);
    }

    const empty = await app.inject({ method: 'GET', url: '/api/open/v1/ratings/export.json?district=999999' });
    expect(empty.json().items).toEqual([]);
    const bad = await app.inject({ method: 'GET', url: '/api/open/v1/ratings/export.csv?district=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('district');
  });

  it('is documented in the OpenAPI description', async () => {
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(
      expect.arrayContaining(['/api/open/v1/ratings/export.csv', '/api/open/v1/ratings/export.json']),
    );
  });
});
