import { describe, expect, it } from 'vitest';
import { call, type Json, manufacturer, setUpProductQualityDistrict } from './test-setup.ts';

// The makers the section supervises: safety-related product makers, graded, and the CCC exemptions it follows up.
setUpProductQualityDistrict();

describe('safety-related product makers, graded', () => {
  it('grades a maker by the bureau setting: an expired licence makes C, inspected every 6 months; never inspected is due today', async () => {
    const entityId = await manufacturer('甬安电线电缆有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'electrical',
      products: '电线电缆',
      licenceRequired: true,
      licenceNumber: 'XK06-001-12345',
      licenceValidUntil: '2025-12-31',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // The test clock's today is 2 March 2026.
    expect(made.body).toMatchObject({
      licenceState: 'expired',
      grade: 'C',
      points: 40,
      reasons: [{ reason: 'licence', points: 40 }],
      inspectionIntervalMonths: 6,
      nextInspectionDue: '2026-03-02',
      isDue: true,
    });
    const inspected = await call('inspector1', 'POST', `/api/v1/product-quality/makers/${made.body.id}/inspections`, {
      inspectedOn: '2026-02-27',
    });
    expect(inspected.body).toMatchObject({ nextInspectionDue: '2026-08-27', isDue: false });
    const list = await call('leader', 'GET', '/api/v1/product-quality/makers?grade=C');
    expect(list.status).toBe(200);
    expect((list.body.items as Json[]).map((item) => item.id)).toContain(made.body.id);
    expect(list.body.byGrade).toMatchObject({ C: 1 });
    const setting = await call('section', 'GET', '/api/v1/product-quality/grade-setting');
    expect(setting.body).toMatchObject({ source: 'bureau_setting', inspectionIntervalMonths: { A: 24, B: 12, C: 6, D: 3 } });
  });

  it('names every bad field in the user’s language, and refuses a licence number where none is required', async () => {
    const bad = await call('section', 'POST', '/api/v1/product-quality/makers', { entityId: 0, productGroup: 'toys', products: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual(['entityId', 'licenceRequired', 'productGroup', 'products']);
    const entityId = await manufacturer('甬童玩具有限公司');
    const noLicence = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'children_student',
      products: '塑胶玩具',
      licenceRequired: false,
      licenceNumber: 'XK-1',
    });
    expect(noLicence.status).toBe(400);
    expect(noLicence.body.errors?.map((error) => error.field)).toEqual(['licenceNumber']);
  });
});

describe('editing a maker', () => {
  it('a renewed licence lowers the grade at once, kept in the history with its cause, the facts graded and what changed', async () => {
    const entityId = await manufacturer('甬光灯具有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'electrical',
      products: '灯具',
      licenceRequired: true,
      licenceNumber: 'XK06-002-00077',
      licenceValidUntil: '2026-01-31',
    });
    expect(made.body).toMatchObject({ grade: 'C', points: 40 });
    const renewed = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, { licenceValidUntil: '2031-01-30' });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect(renewed.body).toMatchObject({ grade: 'A', points: 0, licenceState: 'valid', licenceNumber: 'XK06-002-00077' });
    // Only the products: the grade stays A, no history row.
    await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, { products: '灯具、灯串' });
    const history = await call('leader', 'GET', `/api/v1/product-quality/makers/${made.body.id}/grade-history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      {
        changedOn: '2026-03-02',
        oldGrade: 'C',
        newGrade: 'A',
        points: 0,
        cause: 'edited',
        reasons: [],
        facts: { failedSamples12m: 0, penalties12m: 0, complaints12m: 0, licence: 'valid' },
        changedFacts: ['licence'],
      },
      {
        changedOn: '2026-03-02',
        oldGrade: null,
        newGrade: 'C',
        points: 40,
        cause: 'registered',
        reasons: [{ reason: 'licence', points: 40 }],
        facts: { failedSamples12m: 0, penalties12m: 0, complaints12m: 0, licence: 'expired' },
        changedFacts: [],
      },
    ]);
  });

  it('names every bad field of an edit: no licence required with a number, a validity without a number', async () => {
    const entityId = await manufacturer('甬家建材有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'building_materials',
      products: '防水卷材',
      licenceRequired: false,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const empty = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {});
    expect(empty.status).toBe(400);
    const bad = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {
      licenceNumber: 'XK-9',
      products: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(['products']);
    const both = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {
      licenceNumber: 'XK-9',
      licenceValidUntil: '2027-01-01',
    });
    expect(both.status).toBe(400);
    expect(both.body.errors?.map((error) => error.field)).toEqual(['licenceNumber']);
    const dateOnly = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {
      licenceRequired: true,
      licenceValidUntil: '2027-01-01',
    });
    expect(dateOnly.status).toBe(400);
    expect(dateOnly.body.errors?.map((error) => error.field)).toEqual(['licenceValidUntil']);
    expect((await call('inspector1', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, { products: '人造板' })).status).toBe(200);
  });
});

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
