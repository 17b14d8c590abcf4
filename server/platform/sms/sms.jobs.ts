import type { Platform } from '../http/context.ts';
import type { JobDefinition } from '../jobs/scheduler.ts';
import { loggingSmsGateway, type SmsGateway, sendQueuedSms } from './sms.service.ts';

/** The outbox delivery job; pass a real gateway to deliver, the default only logs. */
export function smsJobs(platform: Platform, gateway: SmsGateway = loggingSmsGateway(platform.log)): JobDefinition[] {
  return [
    {
      name: 'sms.send',
      schedule: '* * * * *',
      description: { 'zh-CN': '每分钟发送短信发件箱中的短信', en: 'Every minute: send the queued text messages' },
      counts: { sent: { 'zh-CN': '已发送', en: 'sent' }, failed: { 'zh-CN': '发送失败', en: 'failed' } },
      run: (ctx) => sendQueuedSms(ctx, gateway),
    },
  ];
}
