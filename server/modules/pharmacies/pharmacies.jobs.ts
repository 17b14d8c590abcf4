import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { raiseAlarmsAllDistricts } from './service/alarms.ts';
import { purgeAllDistricts } from './service/retention.ts';

/**
 * 药情每日通's jobs: the nightly purge of buyer registrations past the bureau's retention period (their counts are
 * kept: service/retention.ts), and the hourly EARS sweep that raises alarms for days the registrations themselves did
 * not (a quiet day after a rise still counts in C3; a POS batch that arrived late).
 */
export function pharmacyJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: 'pharmacies.purge_registrations',
      schedule: '20 3 * * *',
      description: {
        'zh-CN': '每日清除超过保存期限的购药登记（保留统计数）',
        en: 'Daily: purge buyer registrations past the retention period (their counts are kept)',
      },
      counts: { districts: { 'zh-CN': '辖区', en: 'districts' }, purged: { 'zh-CN': '清除登记', en: 'registrations purged' } },
      run: purgeAllDistricts,
    },
    {
      name: 'pharmacies.raise_alarms',
      schedule: '5 * * * *',
      description: {
        'zh-CN': '每小时按EARS检测各街道有症状购药人数并发出预警',
        en: 'Hourly: EARS on each street’s symptomatic buyers, raising alarms',
      },
      counts: { districts: { 'zh-CN': '辖区', en: 'districts' }, raised: { 'zh-CN': '新预警', en: 'alarms raised' } },
      run: raiseAlarmsAllDistricts,
    },
  ];
}
