import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { systemContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { smsOutbox } from '../../platform/sms/sms.tables.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { remindDistrict } from './service/reminders.ts';
import { seReminder } from './special-equipment.tables.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let cookie = '';

async function post(url: string, payload: object) {
  const response = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number };
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2021-01-15T02:00:00Z');
  cookie = await signIn(app, home.users.section.username);
  const body = `91${home.code}0000000${String(Date.now() % 10)}1`;
  const user = await post('/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: '东湖锅炉房',
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'D44',
    foundedOn: '2015-05-01',
    address: '东湖路1号',
    phone: '13800000001',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'special_equipment_user',
  });
  const equipment = (registrationCode: string, firstUsedOn: string, registered: boolean) =>
    post('/api/v1/special-equipment/equipment', {
      entityId: user.id,
      kind: 'elevator',
      registrationCode,
      firstUsedOn,
      address: '东湖路1号',
      ...(registered ? { registeredOn: firstUsedOn, useCertificateNumber: `梯${registrationCode.slice(-4)}` } : {}),
    });
  await equipment(`3110${home.code}20190001`, '2019-03-01', true); // due 2020-03-01: overdue
  await equipment(`3110${home.code}20200002`, '2020-02-01', true); // due 2021-02-01: within a month
  await equipment(`3110${home.code}20200003`, '2020-12-01', false); // registration overdue since 2021-01-01
  await equipment(`3110${home.code}20200004`, '2020-06-01', true); // nothing to remind
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the daily special-equipment reminders', () => {
  it('records one reminder per equipment, kind and due day, and texts the user once; a rerun sends nothing', async () => {
    const ctx = systemContext(platform);
    expect(await remindDistrict(ctx, home.code, '2021-01-15')).toEqual({ reminded: 3, texted: 1 });
    const rows = await ctx.db.select().from(seReminder).where(eq(seReminder.districtCode, home.code));
    expect(rows.map((row) => [row.kind, row.dueOn, row.isTexted]).sort()).toEqual([
      ['inspection_due_soon', '2021-02-01', true],
      ['inspection_overdue', '2020-03-01', true],
      ['registration_overdue', '2020-12-31', true],
    ]);
    const texts = await ctx.db
      .select()
      .from(smsOutbox)
      .where(and(eq(smsOutbox.districtCode, home.code), eq(smsOutbox.purpose, 'special_equipment.reminder')));
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toBe(
      '【智监】特种设备提醒：贵单位1台设备一个月内到期需定期检验，请向检验机构申报；1台设备已超期未检，检验合格前不得使用；1台设备投入使用已超30日未办理使用登记。',
    );
    expect(ctx.crypto.decrypt(texts[0]?.phoneEnc as string)).toBe('13800000001');
    expect(await remindDistrict(ctx, home.code, '2021-01-16')).toEqual({ reminded: 0, texted: 0 });
  });

  it('the equipment page lists the reminders sent', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/special-equipment/equipment?due=overdue', headers: { cookie } });
    const [overdue] = (list.json() as { items: { id: number }[] }).items;
    const detail = await app.inject({ method: 'GET', url: `/api/v1/special-equipment/equipment/${overdue?.id}`, headers: { cookie } });
    expect((detail.json() as { reminders: unknown[] }).reminders).toEqual([
      { kind: 'inspection_overdue', dueOn: '2020-03-01', sentOn: '2021-01-15', isTexted: true },
    ]);
  });
});
