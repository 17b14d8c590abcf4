import { describe, expect, it } from 'vitest';
import { call, creditCode, type Json, manufacturer, setUpProductQualityDistrict } from './test-setup.ts';

setUpProductQualityDistrict();

describe('IP and brand statistics', () => {
  it('imports an extract, rejects the bad rows with their reasons and counts the year with its change', async () => {
    const [a, b] = [creditCode(), creditCode()];
    const csv = [
      '统一社会信用代码,企业名称,年度,类别,数量,金额（元）',
      `${a},甬创科技有限公司,2019,发明专利申请,10,`,
      `${a},甬创科技有限公司,2020,发明专利申请,12,`,
      `${b},甬新材料有限公司,2020,发明专利申请,3,`,
      `${b.slice(0, 17)}${b.endsWith('0') ? '1' : '0'},坏代码有限公司,2020,发明专利申请,3,`, // a wrong check character, whatever b's is
      `${b},甬新材料有限公司,2020,奖励补助,,"12,500.00"`,
      `${b},甬新材料有限公司,2020,外观专利,2,`,
    ].join('\n');
    const imported = await call('section', 'POST', '/api/v1/product-quality/ip-imports?filename=patents.csv', csv, 'text/csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ rows: 6, imported: 4, rejected: 2, unlinked: 4 });
    expect((imported.body.errors as Json[]).map((error) => [error.rowNumber, error.field])).toEqual([
      [5, 'creditCode'],
      [7, 'kind'],
    ]);
    const stats = await call('leader', 'GET', '/api/v1/product-quality/ip-statistics?year=2020');
    const kinds = stats.body.kinds as Json[];
    expect(kinds.find((row) => row.kind === 'invention_application')).toEqual({
      kind: 'invention_application',
      value: '15',
      previous: '10',
      changePercent: 50,
      firms: 2,
    });
    expect(kinds.find((row) => row.kind === 'award_subsidy')).toMatchObject({ value: '12500.00', previous: null, changePercent: null });
    // Imports are the section's work.
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/ip-imports?filename=x.csv', csv, 'text/csv')).status).toBe(403);
  });

  it('links each row to the district entity by credit code, else exact name; a firm not found is imported unlinked with a warning', async () => {
    const byCodeId = await manufacturer('甬链专利科技有限公司');
    const byNameId = await manufacturer('甬名商标有限公司');
    const entities = await call('section', 'GET', `/api/v1/entities/${byCodeId}`);
    const code = entities.body.creditCode as string;
    const stranger = creditCode();
    const csv = [
      '统一社会信用代码,企业名称,年度,类别,数量,金额（元）',
      `${code},甬链专利科技有限公司（曾用名）,2021,发明专利申请,30,`,
      `${stranger},甬名商标有限公司,2021,商标申请,25,`,
      `${creditCode()},外区企业有限公司,2021,发明专利申请,1,`,
    ].join('\n');
    const imported = await call('section', 'POST', '/api/v1/product-quality/ip-imports?filename=linked.csv', csv, 'text/csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ rows: 3, imported: 3, rejected: 0, unlinked: 1, errors: [] });
    expect((imported.body.warnings as Json[]).map((warning) => [warning.rowNumber, warning.field])).toEqual([[4, 'creditCode']]);
    const stats = await call('leader', 'GET', '/api/v1/product-quality/ip-statistics?year=2021');
    const top = stats.body.topFirms as Json[];
    expect(top.find((firm) => firm.creditCode === code)).toMatchObject({ entityId: byCodeId, inventionApplications: 30 });
    expect(top.find((firm) => firm.creditCode === stranger)).toMatchObject({ entityId: byNameId, trademarkApplications: 25 });
    expect(top.find((firm) => firm.firmName === '外区企业有限公司')).toMatchObject({ entityId: null, inventionApplications: 1 });
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/ip-imports?filename=x.csv', csv, 'text/csv')).status).toBe(403);
  });
});
