import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { systemActorFor } from '../../platform/scope/actor.ts';
import { sweepUnreceivedShipments } from './service/findings.ts';

export const unreceivedSweepJob = 'cold-chain.unreceived-shipments';

/**
 * 进口冷链追溯's job: once a day, shipments scanned out and never scanned in within the grace period raise their finding
 * without waiting for the next write of the same code, and findings whose receipt arrived close (service/findings.ts).
 * One district at a time, so that it runs on Citus too.
 */
export function coldChainJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: unreceivedSweepJob,
      schedule: '25 1 * * *',
      description: {
        'zh-CN': '每天 1:25 检查发货后 2 天仍未扫码收货的冷链货物，新增问题派发到收货方所在市场监管所，已收货的自动关闭',
        en: 'Daily 01:25: cold-chain shipments not scanned in within 2 days raise a finding for the station; received ones close',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        codes: { 'zh-CN': '已检查追溯码', en: 'codes checked' },
        opened: { 'zh-CN': '新增问题', en: 'findings opened' },
        closed: { 'zh-CN': '已关闭问题', en: 'findings closed' },
      },
      async run(ctx) {
        const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
        const totals = { districts: districts.length, codes: 0, opened: 0, closed: 0 };
        for (const { code } of districts) {
          const counts = await sweepUnreceivedShipments({ ...ctx, actor: systemActorFor(code) }, code);
          totals.codes += counts.codes;
          totals.opened += counts.opened;
          totals.closed += counts.closed;
        }
        return totals;
      },
    },
  ];
}
