import type { ServiceContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import { rcCertifiedProduct } from '../risk-code.tables.ts';
import type { Ring } from '../rules/area-outline.ts';
import { seedMapAreas } from '../service/colour-map.ts';
import { ensureSubjects, newToken, recomputeColours } from '../service/recompute.ts';

/** What each of the 8 certified firms makes (the firms are manufacturers of the district's registry). */
const firmTrades = ['精工机械', '智能电器', '服饰', '五金工具', '家居用品', '食品', '塑业', '照明电器'];
const products: [number, string, string][] = [
  [0, '数控车床', 'T/ZZB 0001-2019'],
  [0, '立式加工中心', 'T/ZZB 0002-2019'],
  [1, '智能电饭煲', 'T/ZZB 0101-2019'],
  [1, '电热水壶', 'T/ZZB 0102-2019'],
  [2, '羊毛针织衫', 'T/ZZB 0201-2019'],
  [2, '衬衫', 'T/ZZB 0202-2019'],
  [3, '扳手', 'T/ZZB 0301-2019'],
  [3, '钳子', 'T/ZZB 0302-2019'],
  [4, '不锈钢保温杯', 'T/ZZB 0401-2019'],
  [4, '玻璃密封罐', 'T/ZZB 0402-2019'],
  [5, '宁波汤圆', 'T/ZZB 0501-2019'],
  [6, '塑料收纳箱', 'T/ZZB 0601-2019'],
  [7, 'LED 吸顶灯', 'T/ZZB 0701-2019'],
  [7, 'LED 筒灯', 'T/ZZB 0702-2019'],
];

/**
 * Demo: a public code for every entity, colours for every catering unit (from the facts the other modules'
 * demos made, at each year's end and today), the map's areas (street outlines, the pilot pedestrian street 宁大步行街, a complex), and 8 firms
 * of the district's registry (active enterprises of other trades, the manufacturers) with 14 "品字标" certified products, each
 * product linked to its firm's entity. Runs after the food-safety demo.
 */
export async function seedRiskCodeDemo(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string; streetOutlines?: ReadonlyMap<string, Ring> },
): Promise<void> {
  await ensureSubjects(ctx, input.districtCode);
  // The colours as the facts stood at the end of each year since the work summary's, then today's: the history a
  // unit's page shows and the year's colour figures count. A unit whose facts did not change since the year before
  // keeps its colour (no history row either way); today's run rewrites every unit, dated today.
  for (let year = 2020; `${year}-12-31` < input.today; year++)
    await recomputeColours(ctx, { districtCode: input.districtCode, trigger: 'demo', asOf: `${year}-12-31` });
  await recomputeColours(ctx, { districtCode: input.districtCode, trigger: 'demo', force: true });
  await seedMapAreas(ctx, input.districtCode, input.streetOutlines);
  const firms = await certifiedFirmsOf(ctx, input.districtCode, input.random);
  if (firms.length < firmTrades.length) return;
  await ctx.db.insert(rcCertifiedProduct).values(
    products.map(([firmIndex, productName, standard], index) => {
      const firm = firms[firmIndex] as EntitySummary;
      const month = String(1 + Math.floor(input.random() * 12)).padStart(2, '0');
      return {
        districtCode: input.districtCode,
        entityId: firm.id,
        firmName: firm.name,
        firmCreditCode: firm.creditCode,
        productName,
        certificateNumber: `CAZJ-${input.today.slice(0, 4)}-${String(index + 1).padStart(4, '0')}`,
        issuer: '浙江制造国际认证联盟',
        validUntil: `${Number(input.today.slice(0, 4)) + 2}-${month}-28`,
        standard,
        token: newToken(),
        // The work summary counts them made by the end of 2020 (8 firms, 14 products).
        createdAt: new Date('2020-12-01T02:00:00Z'),
      };
    }),
  );
}

/**
 * The 8 certified firms: active enterprises of the district's other trades (manufacturers, industry C), drawn by the
 * seeded random source, in a stable order.
 */
async function certifiedFirmsOf(ctx: ServiceContext, districtCode: string, random: () => number): Promise<EntitySummary[]> {
  const actorCtx = { ...ctx, actor: systemActorFor(districtCode) };
  const pool: EntitySummary[] = [];
  for (let afterId = 0; ; ) {
    const page = await listEntitiesByCategory(actorCtx, 'other', { afterId, limit: 2000 });
    pool.push(...page.filter((entity) => entity.kind === 'enterprise' && entity.industryCode.startsWith('C')));
    if (page.length < 2000) break;
    afterId = (page.at(-1) as EntitySummary).id;
  }
  const chosen: EntitySummary[] = [];
  while (chosen.length < firmTrades.length && pool.length > 0)
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as EntitySummary);
  return chosen;
}
