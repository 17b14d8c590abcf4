import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { purgeExpiredSessions } from '../auth/auth.service.ts';
import type { Platform } from '../http/context.ts';
import type { JobDefinition } from './scheduler.ts';

/** The platform's own recurring work; modules add theirs in server/app.ts. */
export function platformJobs(platform: Platform): JobDefinition[] {
  return [
    {
      name: 'sessions.purge',
      schedule: '7 * * * *',
      description: { 'zh-CN': '每小时清除过期会话', en: 'Hourly: delete expired sessions' },
      run: async (ctx) => ({
        deleted: await purgeExpiredSessions(ctx, {
          idleMinutes: platform.config.ZHIJIAN_SESSION_IDLE_MINUTES,
          absoluteHours: platform.config.ZHIJIAN_SESSION_ABSOLUTE_HOURS,
        }),
      }),
    },
    {
      name: 'audit.verify',
      schedule: '30 2 * * *',
      description: { 'zh-CN': '每日校验审计日志哈希链', en: 'Daily: verify the audit hash chain' },
      run: async (ctx) => {
        const report = await verifyAuditChain(ctx.db, ctx.crypto);
        if (!report.ok) {
          const broken = report.firstBroken;
          throw new Error(`audit chain broken at district ${broken?.districtCode} seq ${broken?.seq} (${broken?.reason})`);
        }
        return { checked: report.checked };
      },
    },
    {
      name: 'database.analyze',
      schedule: '45 3 * * *',
      description: {
        'zh-CN': '每日更新内嵌数据库的查询统计信息（PostgreSQL 由其自动清理进程完成）',
        en: 'Daily: refresh the embedded database’s planner statistics (PostgreSQL’s autovacuum does this itself)',
      },
      // PGlite runs no autovacuum: without this, tables grown by imports keep the estimates of when they were empty.
      run: async (ctx) => {
        if (platform.database.engine !== 'pglite') return { analyzed: 0 };
        await ctx.db.execute(sql`analyze`);
        return { analyzed: 1 };
      },
    },
  ];
}
