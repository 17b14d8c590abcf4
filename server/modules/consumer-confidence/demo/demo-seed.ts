import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { seedConfidenceLaterYears } from './demo-warnings.ts';

/**
 * The 2020 seed of 放心消费, exact: 1,570 model shops and online shops (1,330 shops, 240 online shops) and 48 model
 * factories listed by the end of 2020; 1,200 more model shops listed through 2021 (the seed's plan). Set-based inserts.
 * Then the yearly reviews and holiday warnings of the years since (demo-warnings.ts).
 */
export const confidenceSeed = { modelShops2020: 1_330, onlineShops2020: 240, factories2020: 48, modelShops2021: 1_200 } as const;

async function list(
  ctx: ServiceContext,
  districtCode: string,
  today: string,
  input: { kind: string; categories: string[]; count: number; offset: number; year: number; commitments: string[] },
) {
  // The n-th unit of the year is listed on day (n mod 340) of the year, applied 10 days before; none after today.
  await ctx.db.execute(
    sql`insert into cc_unit (district_code, kind, entity_id, street_code, name, commitments, status, applied_on, decided_on, listed_on)
        select e.district_code, ${input.kind}, e.id, e.street_code, e.name, ${`{${input.commitments.join(',')}}`}::text[], 'listed',
          make_date(${input.year}, 1, 1) + (e.n % 340)::int + 5, make_date(${input.year}, 1, 1) + (e.n % 340)::int + 15, make_date(${input.year}, 1, 1) + (e.n % 340)::int + 15
        from (select e.*, row_number() over (order by e.id) - 1 as n from entity e
              where e.district_code = ${districtCode} and e.business_category in (${sql.join(
                input.categories.map((category) => sql`${category}`),
                sql`, `,
              )})
              order by e.id offset ${input.offset} limit ${input.count}) e
        where make_date(${input.year}, 1, 1) + (e.n % 340)::int + 15 <= ${today}::date`,
  );
}

export async function seedConsumerConfidenceDemo(ctx: ServiceContext, input: { districtCode: string; today: string }): Promise<void> {
  const { districtCode, today } = input;
  await list(ctx, districtCode, today, {
    kind: 'model_shop',
    categories: ['catering', 'food_retail'],
    count: confidenceSeed.modelShops2020,
    offset: 0,
    year: 2020,
    commitments: ['no_reason_return', 'first_responsibility', 'price_transparency'],
  });
  await list(ctx, districtCode, today, {
    kind: 'online_shop',
    categories: ['other'],
    count: confidenceSeed.onlineShops2020,
    offset: 0,
    year: 2020,
    commitments: ['no_reason_return', 'first_responsibility', 'quick_dispute'],
  });
  await list(ctx, districtCode, today, {
    kind: 'factory',
    categories: ['food_production'],
    count: confidenceSeed.factories2020,
    offset: 0,
    year: 2020,
    commitments: ['quality_guarantee', 'first_responsibility'],
  });
  await list(ctx, districtCode, today, {
    kind: 'model_shop',
    categories: ['catering', 'food_retail'],
    count: confidenceSeed.modelShops2021,
    offset: confidenceSeed.modelShops2020,
    year: 2021,
    commitments: ['no_reason_return', 'first_responsibility', 'price_transparency'],
  });
  await seedConfidenceLaterYears(ctx, { districtCode, today });
}
