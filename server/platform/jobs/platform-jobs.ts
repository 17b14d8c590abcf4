import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { anchorAuditHeads, verifyAuditChain } from '../audit/audit.service.ts';
import { anchorFileOf, readAnchors } from '../audit/audit-anchors.ts';
import { purgeExpiredSessions } from '../auth/auth.service.ts';
import { calendarStatus } from '../calendar/calendar.service.ts';
import type { Platform } from '../http/context.ts';
import type { JobDefinition } from './scheduler.ts';

/** The platform's own recurring work; modules add theirs in server/app.ts. */
export function platformJobs(platform: Platform): JobDefinition[] {
  return [
    {
      name: 'sessions.purge',
      schedule: '7 * * * *',
      description: { 'zh-CN': '每小时清除过期会话', en: 'Hourly: delete expired sessions' },
      counts: { deleted: { 'zh-CN': '已清除会话', en: 'sessions deleted' } },
      run: async (ctx) => ({
        deleted: await purgeExpiredSessions(ctx, {
          idleMinutes: platform.config.ZHIJIAN_SESSION_IDLE_MINUTES,
          absoluteHours: platform.config.ZHIJIAN_SESSION_ABSOLUTE_HOURS,
        }),
      }),
    },
    {
      name: 'audit.anchor',
      schedule: '17 * * * *',
      description: {
        'zh-CN': '每小时把审计哈希链的链头记录到数据库之外（锚点文件和日志）',
        en: 'Hourly: record the audit chain heads outside the database (anchor file and log)',
      },
      counts: { anchored: { 'zh-CN': '已记录锚点', en: 'heads anchored' } },
      run: async (ctx) => ({ anchored: (await anchorAuditHeads(ctx, anchorFileOf(platform.config))).length }),
    },
    {
      name: 'audit.verify',
      schedule: '30 2 * * *',
      description: { 'zh-CN': '每日校验审计日志哈希链（含锚点）', en: 'Daily: verify the audit hash chain (and its anchors)' },
      counts: { checked: { 'zh-CN': '已校验记录', en: 'events checked' }, anchored: { 'zh-CN': '已记录锚点', en: 'heads anchored' } },
      run: async (ctx) => {
        const file = anchorFileOf(platform.config);
        const report = await verifyAuditChain(ctx.db, ctx.crypto, { anchors: readAnchors(file) });
        if (!report.ok) {
          const links = report.broken.map((link) => `${link.districtCode}#${link.seq} ${link.reason}`).join(', ');
          throw new Error(`audit chain broken: ${report.brokenCount} link(s): ${links}`);
        }
        return { checked: report.checked, anchored: (await anchorAuditHeads(ctx, file)).length };
      },
    },
    {
      name: 'calendar.coverage',
      schedule: '15 6 * * *',
      description: {
        'zh-CN': '每日检查节假日日历：自11月1日起，若缺少下一年（国务院办公厅节假日安排通知）则发出警告',
        en: 'Daily: check the holiday calendar; from 1 November, warn when next year (the State Council’s notice) is missing',
      },
      counts: { missingYear: { 'zh-CN': '缺少的年份（0 为不缺）', en: 'missing year (0: none)' } },
      run: async (ctx) => {
        const status = await calendarStatus(ctx.db, todayInChina(ctx.clock.now()));
        if (status.missingYear !== null)
          ctx.log.warn(
            { missingYear: status.missingYear },
            `holiday calendar has no ${status.missingYear}: legal deadlines reaching into it are provisional until the State Council's notice is entered`,
          );
        return { missingYear: status.missingYear ?? 0 };
      },
    },
    {
      name: 'database.analyze',
      schedule: '45 3 * * *',
      description: {
        'zh-CN': '每日更新内嵌数据库的查询统计信息（PostgreSQL 由其自动清理进程完成）',
        en: 'Daily: refresh the embedded database’s planner statistics (PostgreSQL’s autovacuum does this itself)',
      },
      counts: { analyzed: { 'zh-CN': '已更新统计（次）', en: 'statistics refreshed' } },
      // PGlite runs no autovacuum: without this, tables grown by imports keep the estimates of when they were empty.
      run: async (ctx) => {
        if (platform.database.engine !== 'pglite') return { analyzed: 0 };
        await ctx.db.execute(sql`analyze`);
        return { analyzed: 1 };
      },
    },
  ];
}
