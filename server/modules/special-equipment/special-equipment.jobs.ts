import { todayInChina } from '../../../shared/calendar-day.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { runReminders } from './service/reminders.ts';

/** The module's recurring work (registered in server/app.ts). */
export const specialEquipmentJobs: JobDefinition[] = [
  {
    name: 'special-equipment.reminders',
    schedule: '20 6 * * *',
    description: {
      'zh-CN': '每天 6:20 提醒特种设备使用单位：一个月内到期的定期检验、超期未检、超过30日未办理使用登记（短信）',
      en: 'Daily 06:20: remind special-equipment users of inspections due within a month, overdue inspections and late use registration (SMS)',
    },
    counts: {
      districts: { 'zh-CN': '辖区', en: 'districts' },
      reminded: { 'zh-CN': '新增提醒', en: 'reminders recorded' },
      texted: { 'zh-CN': '短信（按单位）', en: 'texts queued (per user)' },
    },
    run: (ctx) => runReminders(ctx, todayInChina(ctx.clock.now())),
  },
];
