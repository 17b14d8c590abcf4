import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { maxSmsAttempts, queueSms, sendQueuedSms } from './sms.service.ts';
import { smsOutbox } from './sms.tables.ts';

let platform: TestPlatform;
let home: TestDistrict;

beforeAll(async () => {
  platform = await testPlatform();
  home = await createTestDistrict(platform);
}, 60_000);
afterAll(() => platform.database.close());

const rowsOf = (purpose: string) =>
  home.ctx.db
    .select()
    .from(smsOutbox)
    .where(and(eq(smsOutbox.districtCode, home.code), eq(smsOutbox.purpose, purpose)));

describe('the SMS outbox', () => {
  it('queues a message with the caller’s transaction: a rolled-back change leaves no message', async () => {
    await home.ctx.db
      .transaction(async (tx) => {
        await queueSms({ ...home.ctx, db: tx }, { districtCode: home.code, phone: '13800001111', body: '测试', purpose: 'test.rollback' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await rowsOf('test.rollback')).toEqual([]);
  });

  it('stores the number encrypted and delivers it through the gateway, marking it sent', async () => {
    await queueSms(home.ctx, {
      districtCode: home.code,
      phone: '13800002222',
      body: '您好',
      purpose: 'test.deliver',
      refType: 'x',
      refId: 1,
    });
    const [queued] = await rowsOf('test.deliver');
    expect(queued?.phoneEnc).not.toContain('13800002222');
    const delivered: string[] = [];
    await sendQueuedSms(home.ctx, { name: 'test', send: async ({ phone }) => void delivered.push(phone) });
    expect(delivered).toContain('13800002222');
    const [sent] = await rowsOf('test.deliver');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a failing gateway and gives up after the last attempt', async () => {
    await queueSms(home.ctx, { districtCode: home.code, phone: '13800003333', body: '重试', purpose: 'test.fail' });
    const failing = { name: 'down', send: async () => Promise.reject(new Error('gateway down')) };
    for (let attempt = 0; attempt < maxSmsAttempts; attempt++) await sendQueuedSms(home.ctx, failing);
    const [failed] = await rowsOf('test.fail');
    expect(failed).toMatchObject({ status: 'failed', attempts: maxSmsAttempts, lastError: 'gateway down' });
  });
});
