import { todayInChina } from '../../platform/calendar/deadline-flag.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { runExpiryWarnings } from './service/expiry-warnings.ts';

export function foodSafetyJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: 'food-safety.certificate-expiry',
      schedule: '10 6 * * *',
      description: {
        'zh-CN': '每天 6:10 检查健康证到期（30 天、7 天内到期及已过期）并通知经营者',
        en: 'Daily 06:10: health certificates expiring within 30 / 7 days or expired; notify the operators',
      },
      run: (ctx) => runExpiryWarnings(ctx, todayInChina(ctx.clock.now())),
    },
  ];
}
