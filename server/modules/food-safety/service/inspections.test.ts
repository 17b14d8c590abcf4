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
import { residentId } from '../food-safety.probes.ts';
import { gradeFacts, latestGradeOf } from '../index.ts';
import { runFindings } from './comparison.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
let partnerId: number;
let partnerName: string;
const call = apiCaller(() => app);
// biome-ignore lint/suspicious/noExplicitAny: loose JSON in tests
type Json = Record<string, any>;
const json = (response: { body: unknown }) => response.body as Json;
function at(day: string) {
  platform.clock.set(chinaInstant(day, '09:00:00'));
  call.signOutAll();
}
let template: { id: number; items: { id: number; isKey: boolean }[] };

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
  // A second inspector at station 1: Order 49 needs two.
  partnerName = `inspector3-${home.code}`;
  const { user } = await createUser(systemContext(platform), {
    districtCode: home.code,
    username: partnerName,
    displayName: '检查员三',
    roles: ['inspector'],
    orgUnitId: home.stations[0].id,
    passwordOverride: testPassword,
  });
  partnerId = user.id;
  at('2020-06-10');
  const list = await call(home.users.section.username, 'GET', '/api/v1/inspection-templates');
  template = json(list).items.find((row: Json) => row.isDefault);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const inspector = () => home.users.inspector1.username;
const allPass = () => template.items.map((item) => ({ itemId: item.id, result: 'pass' }));
/** Key items fail twice → ungraded, 不符合. */
const badAnswers = () => {
  let keyFails = 0;
  return template.items.map((item) => {
    if (item.isKey && keyFails < 2) {
      keyFails += 1;
      return { itemId: item.id, result: 'fail' };
    }
    return { itemId: item.id, result: 'partial' };
  });
};
const inspect = (entityId: number, over: Json = {}) =>
  call(inspector(), 'POST', '/api/v1/food-inspections', {
    entityId,
    kind: 'routine',
    inspectorIds: [home.users.inspector1.id, partnerId],
    answers: allPass(),
    inspectorSignature: '张检',
    operatorSignature: '李店主',
    ...over,
  });

describe('checklist templates', () => {
  it('the default template is seeded from the 量化分级 items with key items; section staff add one, inspectors cannot', async () => {
    expect(template.items.length).toBeGreaterThanOrEqual(10);
    expect(template.items.filter((item) => item.isKey).length).toBeGreaterThanOrEqual(4);
    const body = { name: '学校食堂检查表', items: [{ category: '许可管理', text: '许可证有效', isKey: true }] };
    expect((await call(inspector(), 'POST', '/api/v1/inspection-templates', body)).status).toBe(403);
    const created = await call(home.users.section.username, 'POST', '/api/v1/inspection-templates', body);
    expect(created.status).toBe(201);
    expect(json(created).items[0]).toMatchObject({ isKey: true, passTenths: 100, partialTenths: 50, failTenths: 0 });
    const bad = await call(home.users.section.username, 'POST', '/api/v1/inspection-templates', { name: 'x', items: [] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('items');
  });
});

describe('inspections and grades', () => {
  it('saving an inspection grades the business in the same transaction, with history, timeline and due date', async () => {
    const entityId = await cateringShop({ home, other, call });
    const saved = await inspect(entityId);
    expect(saved.status).toBe(201);
    expect(json(saved)).toMatchObject({ outcome: 'compliant', scoreTenths: 100, dynamicGrade: 'excellent', rectificationOrderId: null });
    const grade = await call(inspector(), 'GET', `/api/v1/food-safety-grades/${entityId}`);
    expect(json(grade).grade).toMatchObject({ dynamicGrade: 'excellent', annualGrade: 'A', riskGrade: 'A', nextDueOn: '2021-06-10' });
    expect(json(grade).history[0].reason).toContain(`监督检查#${json(saved).id}`);
    const english = await app.inject({
      method: 'GET',
      url: `/api/v1/food-safety-grades/${entityId}`,
      headers: { cookie: await call.cookieOf(inspector()), 'accept-language': 'en' },
    });
    expect(english.json().history[0].reason).toMatch(
      new RegExp(`^inspection #${json(saved).id} \\(2020-06-10, compliant\\); dynamic grade `),
    );
    const timeline = await call(home.users.section.username, 'GET', `/api/v1/entities/${entityId}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('food_inspection.saved');
    const record = await call(inspector(), 'GET', `/api/v1/food-inspections/${json(saved).id}/record`);
    expect(record.status).toBe(200);
    expect(String(record.body)).toContain('食品经营监督检查结果记录表');
    expect(String(record.body)).toContain('@media print');
    const ctx = systemContext(platform);
    expect(await latestGradeOf(ctx, entityId)).toMatchObject({ dynamicGrade: 'excellent', face: 'big-smile', riskGrade: 'A' });
    const [facts] = await gradeFacts(ctx, { districtCode: home.code, entityIds: [entityId], today: '2020-06-10' });
    expect(facts).toMatchObject({ annualGrade: 'A', lastOutcome: 'compliant', openRectifications: 0, lastInspectedOn: '2020-06-10' });
  });

  it('a repeated idempotency key (a resend on a slow connection) returns the same inspection, saved once', async () => {
    const entityId = await cateringShop({ home, other, call });
    const idempotencyKey = '6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f';
    const first = await inspect(entityId, { idempotencyKey });
    const second = await inspect(entityId, { idempotencyKey });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const both = await Promise.all([
      inspect(entityId, { idempotencyKey: '0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b' }),
      inspect(entityId, { idempotencyKey: '0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b' }),
    ]);
    expect(both.map((response) => response.status)).toEqual([201, 201]);
    expect(json(both[0]).id).toBe(json(both[1]).id);
    const list = await call(inspector(), 'GET', `/api/v1/food-inspections?entityId=${entityId}`);
    expect(json(list).total).toBe(2);
    const audited = await platform.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvent)
      .where(sql`${auditEvent.action} = 'food_inspection.create' and ${auditEvent.detail}->>'entityId' = ${String(entityId)}`);
    expect(audited).toEqual([{ n: 2 }]);
    const bad = await inspect(entityId, { idempotencyKey: 'not-a-uuid' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('idempotencyKey');
  });

  it('a failing inspection needs a rectification order; the re-inspection closes it and moves the grades', async () => {
    const entityId = await cateringShop({ home, other, call });
    const missing = await inspect(entityId, { answers: badAnswers() });
    expect(missing.status).toBe(400);
    expect(json(missing).errors.map((error: Json) => error.field)).toContain('rectification');
    const failed = await inspect(entityId, {
      answers: badAnswers(),
      rectification: { deadline: '2020-06-24', requirements: '整改清洗消毒和添加剂管理' },
    });
    expect(failed.status).toBe(201);
    expect(json(failed)).toMatchObject({ outcome: 'non-compliant', dynamicGrade: null, failedKeyItems: 2 });
    const orderId = json(failed).rectificationOrderId as number;
    let grade = json(await call(inspector(), 'GET', `/api/v1/food-safety-grades/${entityId}`)).grade;
    expect(grade).toMatchObject({ dynamicGrade: null, riskGrade: 'D', nextDueOn: '2020-10-10' });
    const [facts] = await gradeFacts(systemContext(platform), { districtCode: home.code, entityIds: [entityId], today: '2020-06-25' });
    expect(facts).toMatchObject({ openRectifications: 1, overdueRectifications: 1 });
    at('2020-06-20');
    const reinspection = await inspect(entityId, { kind: 're-inspection', rectificationOrderId: orderId });
    expect(reinspection.status).toBe(201);
    const orders = await call(inspector(), 'GET', `/api/v1/rectification-orders?entityId=${entityId}&isOpen=false`);
    expect(json(orders).items[0]).toMatchObject({ id: orderId, closedOn: '2020-06-20', outcome: 'rectified' });
    grade = json(await call(inspector(), 'GET', `/api/v1/food-safety-grades/${entityId}`)).grade;
    expect(grade).toMatchObject({ dynamicGrade: 'excellent', riskGrade: 'A', nextDueOn: '2021-06-20' });
    // The facts as they stood on a past day (the five-colour code's history): from the grade history and the orders then.
    const on = async (day: string) =>
      (await gradeFacts(systemContext(platform), { districtCode: home.code, entityIds: [entityId], today: day }))[0];
    expect(await on('2020-06-09')).toMatchObject({ riskGrade: null, lastInspectedOn: null, openRectifications: 0 });
    expect(await on('2020-06-15')).toMatchObject({
      dynamicGrade: null,
      riskGrade: 'D',
      nextDueOn: '2020-10-10',
      lastInspectedOn: '2020-06-10',
      lastOutcome: 'non-compliant',
      openRectifications: 1,
      overdueRectifications: 0,
    });
    expect(await on('2020-06-20')).toMatchObject({
      dynamicGrade: 'excellent',
      riskGrade: 'A',
      lastOutcome: 'compliant',
      openRectifications: 0,
    });
    at('2020-06-10');
  });

  it('one failed key item (★ 健康证明) with every other item met is 不符合 at 9.x 优秀: rectification and investigation follow', async () => {
    const entityId = await cateringShop({ home, other, call });
    const firstKey = template.items.find((item) => item.isKey) as { id: number };
    const answers = template.items.map((item) => ({ itemId: item.id, result: item.id === firstKey.id ? 'fail' : 'pass' }));
    const missing = await inspect(entityId, { answers });
    expect(missing.status).toBe(400);
    expect(json(missing).errors.map((error: Json) => error.field)).toEqual(['rectification']);
    const saved = await inspect(entityId, {
      answers,
      rectification: { deadline: '2020-06-17', requirements: '补办健康证明，未取得前调离岗位' },
    });
    expect(saved.status).toBe(201);
    expect(json(saved)).toMatchObject({ outcome: 'non-compliant', dynamicGrade: 'excellent', failedKeyItems: 1 });
    expect(json(saved).rectificationOrderId).toEqual(expect.any(Number));
    const record = String((await call(inspector(), 'GET', `/api/v1/food-inspections/${json(saved).id}/record`)).body);
    expect(record).toContain('<b>检查结果：</b>不符合');
    expect(record).toContain('重点项目不符合，依法调查处理（第三十二条）');
    expect(record).toContain('补办健康证明');
  });

  it('bad input names the field: one inspector, a conflicted inspector, missing items, unknown item, future date', async () => {
    const entityId = await cateringShop({ home, other, call });
    const one = await inspect(entityId, { inspectorIds: [home.users.inspector1.id] });
    expect(one.status).toBe(400);
    expect(JSON.stringify(one.body)).toContain('inspectorIds');
    expect((await call(partnerName, 'POST', '/api/v1/inspection-conflicts', { entityId, reason: '亲属经营' })).status).toBe(201);
    const conflicted = await inspect(entityId);
    expect(conflicted.status).toBe(400);
    expect(json(conflicted).errors).toContainEqual(expect.objectContaining({ field: 'inspectorIds.1', code: 'conflict_of_interest' }));
    const other2 = await cateringShop({ home, other, call });
    const incomplete = await inspect(other2, { answers: allPass().slice(1) });
    expect(json(incomplete).errors).toContainEqual(expect.objectContaining({ field: 'answers', code: 'incomplete' }));
    const flying = await inspect(other2, { kind: 'flying', answers: allPass().slice(0, 3) });
    expect(flying.status).toBe(201);
    const unknown = await inspect(other2, { answers: [...allPass(), { itemId: 999999, result: 'pass' }] });
    expect(json(unknown).errors).toContainEqual(expect.objectContaining({ field: `answers.${template.items.length}.itemId` }));
    const future = await inspect(other2, { inspectedOn: '2020-07-01' });
    expect(json(future).errors).toContainEqual(expect.objectContaining({ field: 'inspectedOn' }));
    const schema = await inspect(other2, { kind: 'sometimes' });
    expect(schema.status).toBe(400);
    expect(JSON.stringify(schema.body)).toContain('kind');
  });

  it('due lists: overdue and due-soon per station; the other station and operators see none of it', async () => {
    const entityId = await cateringShop({ home, other, call });
    at('2019-01-15');
    expect((await inspect(entityId, { inspectedOn: '2019-01-15' })).status).toBe(201);
    at('2020-02-01');
    const overdue = await call(inspector(), 'GET', '/api/v1/food-safety-due?state=overdue&pageSize=100');
    expect(json(overdue).items.map((row: Json) => row.entityId)).toContain(entityId);
    expect(json(overdue).items.find((row: Json) => row.entityId === entityId)).toMatchObject({ state: 'overdue', nextDueOn: '2020-01-15' });
    const byStation = await call(
      home.users.section.username,
      'GET',
      `/api/v1/food-safety-due?state=overdue&stationId=${home.stations[1].id}`,
    );
    expect(json(byStation).items.map((row: Json) => row.entityId)).not.toContain(entityId);
    const elsewhere = await call(home.users.inspector2.username, 'GET', '/api/v1/food-safety-due?state=overdue&pageSize=100');
    expect(json(elsewhere).items.map((row: Json) => row.entityId)).not.toContain(entityId);
    expect((await call(home.users.operator.username, 'GET', '/api/v1/food-safety-due')).status).toBe(403);
    at('2020-06-10');
  });
});

describe('supervision data comparison', () => {
  const findingsOf = async (entityId: number, status = 'open') =>
    json(await call(home.users.section.username, 'GET', `/api/v1/supervision-findings?entityId=${entityId}&status=${status}`))
      .items as Json[];

  it('C1 raised when staff without a certificate is saved, once; closed by a new certificate; routed to the station', async () => {
    const entityId = await cateringShop({ home, other, call });
    const hired = await call(home.users.section.username, 'POST', '/api/v1/food-handlers', {
      entityId,
      name: '赵厨',
      idNumber: residentId(801),
      hiredOn: '2020-01-01',
    });
    expect(hired.status).toBe(201);
    let open = await findingsOf(entityId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ rule: 'staff-certificate', stationId: home.stations[0].id, detail: { state: 'missing' } });
    await runFindings(systemContext(platform), { districtCode: home.code, entityIds: null, trigger: 'nightly', day: '2020-06-10' });
    expect(await findingsOf(entityId)).toHaveLength(1);
    const handlerId = json(hired).id;
    await call(home.users.section.username, 'POST', `/api/v1/food-handlers/${handlerId}/certificates`, {
      number: 'JK-9',
      institution: '区疾控',
      examinedOn: '2020-06-01',
    });
    expect(await findingsOf(entityId)).toHaveLength(0);
    open = await findingsOf(entityId, 'resolved');
    expect(open[0]).toMatchObject({ closedOn: '2020-06-10' });
    const elsewhere = await call(home.users.inspector2.username, 'GET', `/api/v1/supervision-findings/${open[0]?.id}`);
    expect(elsewhere.status).toBe(404);
  });

  it('C2 and C6 from the registry licences; dismissed with a reason is not raised again', async () => {
    const entityId = await cateringShop({ home, other, call });
    const ctx = systemContext(platform);
    // The registry's licence rows, set up directly: this test is about the comparison, not licensing.
    await ctx.db.execute(
      sql`insert into licence (district_code, entity_id, kind, number, issued_on, valid_until)
          values (${home.code}, ${entityId}, 'food_business', 'JY13302120009', '2015-01-01', '2020-01-01')`,
    );
    await runFindings(ctx, { districtCode: home.code, entityIds: null, trigger: 'nightly', day: '2020-06-10' });
    const [c2] = await findingsOf(entityId);
    expect(c2).toMatchObject({ rule: 'licence-invalid', detail: { licenceStatus: 'expired' } });
    const dismissed = await call(home.users.section.username, 'POST', `/api/v1/supervision-findings/${c2?.id}/dismiss`, {
      reason: '已停业待注销',
    });
    expect(json(dismissed)).toMatchObject({ status: 'dismissed', handleReason: '已停业待注销' });
    expect(
      (await call(home.users.section.username, 'POST', `/api/v1/supervision-findings/${c2?.id}/handle`, { reason: 'x1' })).status,
    ).toBe(409);
    expect((await call(home.users.section.username, 'POST', `/api/v1/supervision-findings/${c2?.id}/handle`, {})).status).toBe(400);
    await runFindings(ctx, { districtCode: home.code, entityIds: null, trigger: 'nightly', day: '2020-06-11' });
    expect(await findingsOf(entityId)).toHaveLength(0);
    // C6: the entity is cancelled but the licence was renewed and not cancelled.
    const cancelled = await call(home.users.section.username, 'POST', `/api/v1/entities/${entityId}/status`, {
      status: 'cancelled',
      since: '2020-06-01',
      reason: '注销',
    });
    expect(cancelled.status).toBeLessThan(300);
    await ctx.db.execute(sql`update licence set valid_until = '2025-01-01' where district_code = ${home.code} and entity_id = ${entityId}`);
    await runFindings(ctx, { districtCode: home.code, entityIds: [entityId], trigger: 'test', day: '2020-06-11' });
    expect((await findingsOf(entityId)).map((row) => row.rule)).toEqual(['cancelled-entity-active']);
    await ctx.db.execute(sql`update licence set status = 'cancelled' where district_code = ${home.code} and entity_id = ${entityId}`);
    await runFindings(ctx, { districtCode: home.code, entityIds: [entityId], trigger: 'test', day: '2020-06-12' });
    expect(await findingsOf(entityId)).toHaveLength(0);
  });

  it('C4 rectification overdue raised by the nightly run after the deadline, closed by the re-inspection', async () => {
    const entityId = await cateringShop({ home, other, call });
    const failed = await inspect(entityId, { answers: badAnswers(), rectification: { deadline: '2020-06-20', requirements: '整改' } });
    const ctx = systemContext(platform);
    await runFindings(ctx, { districtCode: home.code, entityIds: null, trigger: 'nightly', day: '2020-06-21' });
    expect((await findingsOf(entityId)).map((row) => row.rule)).toEqual(['rectification-overdue']);
    at('2020-06-22');
    await inspect(entityId, { kind: 're-inspection', rectificationOrderId: json(failed).rectificationOrderId });
    expect(await findingsOf(entityId)).toHaveLength(0);
    at('2020-06-10');
  });

  it('C5 one person full-time at three shops: one finding per shop, closes when they leave one', async () => {
    const shops = [
      await cateringShop({ home, other, call }),
      await cateringShop({ home, other, call }),
      await cateringShop({ home, other, call }),
    ];
    const ids: number[] = [];
    for (const entityId of shops) {
      const hired = await call(home.users.section.username, 'POST', '/api/v1/food-handlers', {
        entityId,
        name: '钱多岗',
        idNumber: residentId(802),
        hiredOn: '2020-01-01',
      });
      ids.push(json(hired).id);
      await call(home.users.section.username, 'POST', `/api/v1/food-handlers/${json(hired).id}/certificates`, {
        number: 'JK-8',
        institution: '区疾控',
        examinedOn: '2020-05-01',
      });
    }
    for (const entityId of shops) expect((await findingsOf(entityId)).map((row) => row.rule)).toEqual(['person-at-too-many-shops']);
    await call(home.users.section.username, 'PATCH', `/api/v1/food-handlers/${ids[2]}`, { leftOn: '2020-06-01' });
    await runFindings(systemContext(platform), { districtCode: home.code, entityIds: null, trigger: 'nightly', day: '2020-06-10' });
    for (const entityId of shops) expect(await findingsOf(entityId)).toHaveLength(0);
  });
});

describe('operator portal', () => {
  async function operatorShop(): Promise<number> {
    const entityId = await cateringShop({ home, other, call });
    await home.ctx.db.insert(userEntity).values({ districtCode: home.code, userId: home.users.operator.id, entityId });
    call.signOut(home.users.operator.username);
    return entityId;
  }
  const operator = () => home.users.operator.username;
  const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64')}`;

  it('uploads are versions; the reviewer sees the differences; approval makes C3 findings, sending back keeps a reason', async () => {
    const entityId = await operatorShop();
    const entity = json(await call(home.users.section.username, 'GET', `/api/v1/entities/${entityId}`));
    const badPhoto = await call(operator(), 'POST', '/api/v1/shop-uploads', {
      entityId,
      name: entity.name,
      address: entity.address,
      photos: [{ kind: 'kitchen', dataUrl: 'data:image/png;base64,AAAA' }],
    });
    expect(badPhoto.status).toBe(400);
    expect(json(badPhoto).errors[0].field).toBe('photos.0.dataUrl');
    const first = await call(operator(), 'POST', '/api/v1/shop-uploads', {
      entityId,
      name: entity.name,
      address: entity.address,
      seats: 40,
      photos: [{ kind: 'kitchen', dataUrl: png }],
    });
    expect(first.status).toBe(201);
    expect(json(first)).toMatchObject({ version: 1, status: 'submitted', differences: [] });
    const returned = await call(inspector(), 'POST', `/api/v1/shop-uploads/${json(first).id}/return`, { reason: '厨房照片不清晰' });
    expect(json(returned)).toMatchObject({ status: 'returned', reviewReason: '厨房照片不清晰' });
    const second = await call(operator(), 'POST', '/api/v1/shop-uploads', {
      entityId,
      name: entity.name,
      address: '新地址99号',
      kitchenAreaM2: 12.5,
    });
    expect(json(second)).toMatchObject({ version: 2, kitchenAreaM2: '12.50' });
    expect(json(second).differences).toEqual([{ field: 'address', uploaded: '新地址99号', registered: entity.address }]);
    const approved = await call(inspector(), 'POST', `/api/v1/shop-uploads/${json(second).id}/approve`, {});
    expect(json(approved).status).toBe('approved');
    const findings = json(
      await call(home.users.section.username, 'GET', `/api/v1/supervision-findings?entityId=${entityId}&status=open`),
    ).items;
    expect(findings.map((row: Json) => row.key)).toEqual([`upload-contradicts-registry:${entityId}:address`]);
    expect((await call(inspector(), 'POST', `/api/v1/shop-uploads/${json(second).id}/approve`, {})).status).toBe(409);
    expect((await call(home.users.inspector2.username, 'GET', `/api/v1/shop-uploads/${json(second).id}`)).status).toBe(404);
  });

  it('appeal within the deadline, decided by an officer not involved; re-inspection request after rectifying', async () => {
    const entityId = await operatorShop();
    const failed = await inspect(entityId, { answers: badAnswers(), rectification: { deadline: '2020-06-30', requirements: '整改' } });
    const inspectionId = json(failed).id;
    const appeal = await call(operator(), 'POST', '/api/v1/grade-appeals', {
      inspectionId,
      grounds: '两项重点项目判定有误',
      operatorReply: '已整改',
    });
    expect(appeal.status).toBe(201);
    expect((await call(operator(), 'POST', '/api/v1/grade-appeals', { inspectionId, grounds: '再次申诉' })).status).toBe(400);
    const involved = await call(inspector(), 'POST', `/api/v1/grade-appeals/${json(appeal).id}/decide`, {
      outcome: 'rejected',
      reason: '维持',
    });
    expect(involved.status).toBe(409);
    const decided = await call(home.users.section.username, 'POST', `/api/v1/grade-appeals/${json(appeal).id}/decide`, {
      outcome: 'rejected',
      reason: '检查记录与照片一致，维持原结果',
    });
    expect(json(decided)).toMatchObject({ status: 'rejected', decidedOn: '2020-06-10', operatorReply: '已整改' });
    const request = await call(operator(), 'POST', '/api/v1/reinspection-requests', {
      rectificationOrderId: json(failed).rectificationOrderId,
      statement: '已完成整改，申请复查',
    });
    expect(request.status).toBe(201);
    at('2020-07-20');
    const late = await call(operator(), 'POST', '/api/v1/grade-appeals', {
      inspectionId: json(await inspect(entityId, { inspectedOn: '2020-06-11' })).id,
      grounds: '超期申诉',
    });
    expect(late.status).toBe(400);
    expect(json(late).errors[0]).toMatchObject({ field: 'inspectionId', code: 'appeal_deadline_passed' });
    at('2020-06-10');
  });
});
