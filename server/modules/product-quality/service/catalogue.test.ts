import { describe, expect, it } from 'vitest';
import { call, home, type Json, manufacturer, setUpProductQualityDistrict } from './test-setup.ts';

setUpProductQualityDistrict();

describe('the catalogue of product-quality supervision sampling', () => {
  it('lists the national editions with their sources and declared categories', async () => {
    const editions = await call('inspector1', 'GET', '/api/v1/product-quality/catalogue/editions');
    expect(editions.status).toBe(200);
    const national = editions.body.national as Json[];
    expect(national.map((edition) => [edition.name, edition.source, edition.declaredCategories, edition.declaredProducts])).toEqual([
      ['2021年产品质量国家监督抽查计划', '市场监管总局公告2021年第11号', 8, 137],
      ['全国重点工业产品质量安全监管目录（2021年版）', '全国重点工业产品质量安全监管目录（2021年版）', 12, 249],
    ]);
    const categories = national[0]?.categories as Json[];
    expect(categories.map((category) => `${category.name}${category.declaredProducts}`).join(' ')).toBe(
      '电子电器产品36 农业生产资料6 建筑和装饰装修材料19 电工及材料产品7 机械及安防产品23 日用及纺织品20 耐用消费品14 食品相关产品12',
    );
    expect(categories.reduce((sum, category) => sum + (category.declaredProducts as number), 0)).toBe(137);
    // The 目录's twelve categories as reported at publication add up to 245 of its 249 products (migration 0084).
    const keyProducts = national[1]?.categories as Json[];
    expect(keyProducts.map((category) => category.name)).toHaveLength(12);
    expect(keyProducts[10]).toMatchObject({ name: '工业生产资料', declaredProducts: 60 });
    expect(keyProducts.reduce((sum, category) => sum + (category.declaredProducts as number), 0)).toBe(245);
  });

  it('section staff add, edit and retire products; bad fields are named; others only read', async () => {
    const bad = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: ' ',
      name: '木家具',
      standards: [],
      testItems: ['甲醛释放量'],
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors ?? []).map((error) => error.field).sort()).toEqual(['category', 'extra', 'standards']);
    const notStandard = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001', '国标家具'],
      testItems: ['甲醛释放量'],
    });
    expect(notStandard.status).toBe(400);
    expect((notStandard.body.errors as unknown as Json[]).map((error) => [error.field, error.message])).toEqual([
      ['standards', '标准编号格式有误：国标家具'],
    ]);
    const emptyAfterSplit = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001'],
      testItems: ['、；'],
    });
    expect(emptyAfterSplit.status).toBe(400);
    expect((emptyAfterSplit.body.errors as unknown as Json[]).map((error) => [error.field, error.message])).toEqual([
      ['testItems', '应为 1 至 60 项'],
    ]);
    const made = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: ' 木家具 ',
      standards: ['GB 18584-2001', 'GB/T 10357.7-2013', 'GB 18584-2001'],
      testItems: ['甲醛释放量', '稳定性'],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id as number;
    expect(made.body).toEqual({
      id,
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001', 'GB/T 10357.7-2013'],
      testItems: ['甲醛释放量', '稳定性'],
      status: 'active',
    });
    const twice = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001'],
      testItems: ['甲醛释放量'],
    });
    expect(twice.status).toBe(409);
    const inspectorBody = { category: '家具', name: '办公椅', standards: ['GB/T 10357.3-2013'], testItems: ['座面静载荷'] };
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/catalogue/products', inspectorBody)).status).toBe(403);
    expect((await call('inspector1', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, { status: 'retired' })).status).toBe(403);
    const edited = await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, {
      testItems: ['甲醛释放量', '稳定性', '耐冷热循环'],
    });
    expect(edited.body.testItems).toEqual(['甲醛释放量', '稳定性', '耐冷热循环']);
    expect((await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, {})).status).toBe(400);
    const retired = await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, { status: 'retired' });
    expect(retired.body.status).toBe('retired');
    const read = await call('inspector1', 'GET', `/api/v1/product-quality/catalogue/products/${id}`);
    expect(read.body).toMatchObject({ name: '木家具', status: 'retired' });
    expect((await call('section', 'GET', '/api/v1/product-quality/catalogue/products/999999999')).status).toBe(404);
    expect((await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, { status: 'active' })).body.status).toBe(
      'active',
    );
  });

  it('imports a catalogue file only when every row is clean, naming each bad row; then searches it and shows plans over it', async () => {
    const header = '产品类别,产品名称,依据标准,检验项目';
    const badCsv = [
      header,
      '灯具,LED筒灯,GB/T 17743-2017,骚扰电压',
      ',可移式通用灯具,GB 7000.1-2015,"防触电保护、标记"',
      '灯具,LED筒灯,GB/T 17743-2017,骚扰电压',
      '电线电缆,聚氯乙烯绝缘电线,国标3048,',
    ].join('\n');
    const rejected = await call('section', 'POST', '/api/v1/product-quality/catalogue/imports?filename=bad.csv', badCsv, 'text/csv');
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ rows: 4, added: 0, updated: 0 });
    expect((rejected.body.errors as Json[]).map((error) => [error.rowNumber, error.field])).toEqual([
      [3, 'category'],
      [4, 'name'],
      [5, 'standards'],
      [5, 'testItems'],
    ]);
    let listed = await call('section', 'GET', '/api/v1/product-quality/catalogue/products?category=灯具');
    expect(listed.body.total).toBe(0);

    const goodCsv = [
      header,
      '灯具,LED筒灯,GB/T 17743-2017,骚扰电压',
      '灯具,可移式通用灯具,GB 7000.1-2015,"防触电保护、标记"',
      '家具,木家具,GB 18584-2001,"甲醛释放量、稳定性"',
    ].join('\n');
    const imported = await call('section', 'POST', '/api/v1/product-quality/catalogue/imports?filename=good.csv', goodCsv, 'text/csv');
    expect(imported.body).toEqual({ rows: 3, added: 2, updated: 1, errors: [] });
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/catalogue/imports?filename=x.csv', goodCsv, 'text/csv')).status).toBe(
      403,
    );
    const wrongType = await call('section', 'POST', '/api/v1/product-quality/catalogue/imports?filename=x.txt', goodCsv, 'text/plain');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ code: 'invalid_request', errors: [{ in: 'body', code: 'content_type' }] });

    listed = await call('inspector1', 'GET', '/api/v1/product-quality/catalogue/products?category=灯具');
    expect((listed.body.items as Json[]).map((item) => item.name)).toEqual(['LED筒灯', '可移式通用灯具']);
    expect(listed.body.categories).toEqual([
      { category: '家具', products: 1 },
      { category: '灯具', products: 2 },
    ]);
    const searched = await call('inspector1', 'GET', `/api/v1/product-quality/catalogue/products?q=${encodeURIComponent('7000.1')}`);
    expect((searched.body.items as Json[]).map((item) => item.name)).toEqual(['可移式通用灯具']);
    const woodStandards = await call('inspector1', 'GET', `/api/v1/product-quality/catalogue/products?q=${encodeURIComponent('木家具')}`);
    expect((woodStandards.body.items as Json[])[0]).toMatchObject({ standards: ['GB 18584-2001'], testItems: ['甲醛释放量', '稳定性'] });
    const editions = await call('leader', 'GET', '/api/v1/product-quality/catalogue/editions');
    expect(editions.body.district).toEqual({
      categories: 2,
      products: 3,
      retired: 0,
      byCategory: [
        { category: '家具', products: 1 },
        { category: '灯具', products: 2 },
      ],
    });

    // A 2026 industrial plan: 3 production + 2 circulation batches, 2 of them furniture made in production.
    const plan = await call('section', 'POST', '/api/v1/sampling/plans', {
      year: 2026,
      name: '2026年产品质量监督抽查计划',
      field: 'industrial',
      kind: 'routine',
      targets: [
        { link: 'production', targetBatches: 3 },
        { link: 'circulation', targetBatches: 2 },
        { link: 'production', category: '家具', targetBatches: 2 },
      ],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const planId = plan.body.id as number;
    const entityId = await manufacturer('甬目录家具制造有限公司');
    const sampled = async (link: string, category: string, productType: string) => {
      const made = await call('inspector1', 'POST', '/api/v1/sampling/samples', {
        planId,
        entityId,
        link,
        category,
        productType,
        productName: productType,
        samplerIds: [home.users.inspector1.id, home.users.inspector2.id],
        entityConfirmedBy: '签字人赵六',
        testMethod: 'lab',
        testItems: ['甲醛释放量'],
        sampledOn: '2026-02-26',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    };
    await sampled('production', '家具', '木家具');
    await sampled('production', '家具', '木家具');
    await sampled('circulation', '灯具', 'LED筒灯');
    await sampled('production', '鞋类', '运动鞋');
    const view = await call('leader', 'GET', '/api/v1/product-quality/catalogue/plan?year=2026');
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.fields).toEqual(['production', 'circulation', 'e_commerce']);
    expect(view.body.plans).toEqual([
      {
        id: planId,
        name: '2026年产品质量监督抽查计划',
        kind: 'routine',
        byField: {
          production: { planned: 5, done: 3 },
          circulation: { planned: 2, done: 1 },
          e_commerce: { planned: null, done: 0 },
        },
        targetBatches: 7,
        doneBatches: 4,
        completionPercent: '57.14',
      },
    ]);
    const categories = view.body.categories as Json[];
    expect(categories.map((category) => [category.category, category.byField])).toEqual([
      ['家具', { production: { planned: 2, done: 2 }, circulation: { planned: null, done: 0 }, e_commerce: { planned: null, done: 0 } }],
      ['灯具', { production: { planned: null, done: 0 }, circulation: { planned: null, done: 1 }, e_commerce: { planned: null, done: 0 } }],
    ]);
    expect(((categories[1] as Json).products as Json[]).map((product) => [product.name, product.batches])).toEqual([
      ['LED筒灯', 1],
      ['可移式通用灯具', 0],
    ]);
    expect(view.body.outsideCatalogue).toBe(1);
    expect((await call('leader', 'GET', '/api/v1/product-quality/catalogue/plan?year=2019')).body).toMatchObject({
      plans: [],
      outsideCatalogue: 0,
    });
  });
});
