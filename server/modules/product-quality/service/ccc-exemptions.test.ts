import { describe, expect, it } from 'vitest';
import { call, type Json, manufacturer, setUpProductQualityDistrict } from './test-setup.ts';

setUpProductQualityDistrict();

describe('CCC exemptions and their follow-up', () => {
  it('an exemption is corrected or revoked; a revoked one needs no more checks; bad fields are named', async () => {
    const entityId = await manufacturer('甬展设备有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/ccc-exemptions', {
      entityId,
      certificateNumber: 'MB2026000202',
      reason: 'exhibition',
      scope: '展览会展品',
      quantity: 4,
      grantedOn: '2026-02-01',
      expiresOn: '2026-08-31',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const corrected = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, {
      quantity: 6,
      scope: '展览会展品 6 台',
    });
    expect(corrected.body).toMatchObject({ quantity: 6, scope: '展览会展品 6 台', status: 'active' });
    const bad = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, {
      quantity: 0,
      reason: 'holiday',
      certificateNumber: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual(['certificateNumber', 'quantity', 'reason']);
    const early = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, { expiresOn: '2026-01-01' });
    expect(early.status).toBe(400);
    expect(early.body.errors?.map((error) => error.field)).toEqual(['expiresOn']);
    const other = await call('section', 'POST', '/api/v1/product-quality/ccc-exemptions', {
      entityId,
      certificateNumber: 'MB2026000303',
      reason: 'exhibition',
      scope: '展览会展品',
      quantity: 2,
      grantedOn: '2026-02-01',
      expiresOn: '2026-08-31',
    });
    expect(other.status).toBe(201);
    const taken = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, {
      certificateNumber: 'MB2026000303',
    });
    expect(taken.status).toBe(409);
    const revoked = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, { status: 'revoked' });
    expect(revoked.body).toMatchObject({ status: 'revoked', followUpDue: null, isDue: false });
  });

  it('a new exemption is due its first check within 30 days; a check moves the next one 6 months on', async () => {
    const entityId = await manufacturer('甬测仪器有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/ccc-exemptions', {
      entityId,
      certificateNumber: 'MB2026000101',
      reason: 'research_testing',
      scope: '研发测试用样机 20 台',
      quantity: 20,
      grantedOn: '2026-01-20',
      expiresOn: '2027-01-19',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ followUpDue: '2026-02-19', isDue: true, status: 'active' });
    const due = await call('section', 'GET', '/api/v1/product-quality/ccc-exemptions?isDue=true');
    expect((due.body.items as Json[]).map((item) => item.id)).toContain(made.body.id);
    const checked = await call('inspector1', 'POST', `/api/v1/product-quality/ccc-exemptions/${made.body.id}/follow-ups`, {
      checkedOn: '2026-02-10',
      result: 'compliant',
    });
    expect(checked.body).toMatchObject({ followUpDue: '2026-08-10', isDue: false });
    const early = await call('inspector1', 'POST', `/api/v1/product-quality/ccc-exemptions/${made.body.id}/follow-ups`, {
      checkedOn: '2026-01-01',
      result: 'compliant',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors?.map((error) => error.field)).toEqual(['checkedOn']);
  });
});
