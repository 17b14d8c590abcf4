import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { recomputeDistrictColours } from './service/recompute.ts';

async function eachDistrict(ctx: Parameters<JobDefinition['run']>[0], force: boolean) {
  const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
  let added = 0;
  let recomputed = 0;
  let changed = 0;
  for (const { code } of districts) {
    const result = await recomputeDistrictColours(ctx, code, force);
    added += result.added;
    recomputed += result.recomputed;
    changed += result.changed;
  }
  return { districts: districts.length, added, recomputed, changed };
}

/**
 * The durable recompute: other modules need not call us. Every 10 minutes, units whose facts (or the table in
 * force) changed since the last run get a new colour (facts hash compared); every night, all of them.
 */
export function riskCodeJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: 'risk_code.recompute_changed',
      schedule: '*/10 * * * *',
      description: { 'zh-CN': '每10分钟重算事实有变化的五色码', en: 'Every 10 minutes: recompute colours whose facts changed' },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        added: { 'zh-CN': '新增赋码单位', en: 'units added' },
        recomputed: { 'zh-CN': '已重算', en: 'recomputed' },
        changed: { 'zh-CN': '颜色变化', en: 'colours changed' },
      },
      run: (ctx) => eachDistrict(ctx, false),
    },
    {
      name: 'risk_code.recompute_all',
      schedule: '30 2 * * *',
      description: { 'zh-CN': '每晚全量重算五色码', en: 'Nightly: recompute every colour' },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        added: { 'zh-CN': '新增赋码单位', en: 'units added' },
        recomputed: { 'zh-CN': '已重算', en: 'recomputed' },
        changed: { 'zh-CN': '颜色变化', en: 'colours changed' },
      },
      run: (ctx) => eachDistrict(ctx, true),
    },
  ];
}
