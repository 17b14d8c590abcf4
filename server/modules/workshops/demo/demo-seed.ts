import type { ServiceContext } from '../../../platform/http/context.ts';
import { entitiesWithLicences } from '../../registry/index.ts';
import { previousPeriod } from '../rules/publish-period.ts';
import { defaultListCriteria } from '../rules/red-black-list.ts';
import { currentMemberships } from '../service/workshops.ts';
import { wsEvaluation, wsSnapshot } from '../workshops.tables.ts';

/** Demo: one evaluation per workshop (deterministic given `random`) and the previous month's published lists. */
export async function seedWorkshopsDemo(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<void> {
  const workshops = (await entitiesWithLicences(ctx, input.districtCode, { category: 'food_workshop' })).filter(
    (entity) => entity.status === 'active',
  );
  if (workshops.length === 0) return;
  // As the monthly job would have done: last month's evaluations, published on the 1st of this month.
  const month = previousPeriod(input.today);
  const publishedOn = `${input.today.slice(0, 7)}-01`;
  const rows = workshops.map((workshop, index) => {
    const roll = input.random();
    // ~30% all passed (red), ~10% a critical item failed (black), the rest one ordinary item short.
    const answers = Object.fromEntries(defaultListCriteria.items.map((item) => [item.key, true]));
    if (roll >= 0.3 && roll < 0.4) answers.food_safe = false;
    else if (roll >= 0.4) answers[defaultListCriteria.items[1 + (index % 6)]?.key ?? 'records'] = index % 6 === 3;
    if (roll >= 0.4 && answers.food_safe === false) answers.food_safe = true;
    const day = String(1 + Math.floor(input.random() * 20)).padStart(2, '0');
    return {
      districtCode: input.districtCode,
      entityId: workshop.id,
      streetCode: workshop.streetCode,
      evaluatedOn: `${month}-${day}`,
      answers,
      note: '',
    };
  });
  await ctx.db.insert(wsEvaluation).values(rows);
  const entries = (await currentMemberships(ctx, input.districtCode, publishedOn))
    .filter((entry) => entry.list !== 'neither')
    .map(({ passedPercent: _p, ...entry }) => entry);
  await ctx.db.insert(wsSnapshot).values({ districtCode: input.districtCode, period: month, publishedOn, entries });
}
