import { randomInt } from 'node:crypto';
import type { Role } from '../../shared/roles.ts';
import { createUser } from '../platform/accounts/accounts.service.ts';
import type { Platform, ServiceContext } from '../platform/http/context.ts';
import { systemContext } from '../platform/http/context.ts';
import { district, orgUnit, stationStreet, street } from '../platform/org/org.tables.ts';

export const testPassword = 'Test-Password-2026!';

export interface TestUser {
  id: number;
  username: string;
  roles: Role[];
}

export interface TestDistrict {
  code: string;
  bureauId: number;
  stations: [{ id: number; streetCode: string }, { id: number; streetCode: string }];
  labId: number;
  users: Record<'admin' | 'leader' | 'section' | 'inspector1' | 'inspector2' | 'operator' | 'lab', TestUser>;
  ctx: ServiceContext;
}

let sequence = 0;

/** A district code no other test uses: 9xxxxx is not a real province, so fixtures never look real. */
function uniqueDistrictCode(): string {
  sequence += 1;
  return `9${String((randomInt(0, 10_000) * 10 + sequence) % 100_000).padStart(5, '0')}`;
}

/**
 * A fresh district: a bureau, a section, two stations each covering one street, a lab, and one
 * user per role. Tests read and write only inside it, so they can share one database.
 */
export async function createTestDistrict(platform: Platform, options: { code?: string; cityCode?: string } = {}): Promise<TestDistrict> {
  const ctx = systemContext(platform, 'test-factory');
  let code = options.code ?? uniqueDistrictCode();
  for (;;) {
    const inserted = await ctx.db
      .insert(district)
      .values({
        code,
        name: `测试区${code}`,
        nameEn: `Test district ${code}`,
        cityCode: options.cityCode ?? `${code.slice(0, 4)}00`,
        provinceCode: `${code.slice(0, 2)}0000`,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length || options.code) break;
    code = uniqueDistrictCode();
  }
  const unit = async (kind: 'bureau' | 'section' | 'station' | 'lab', name: string, parentId: number | null) => {
    // On Citus, files creating districts at once can meet in a distributed deadlock on the reference tables; the
    // cancelled insert (its own transaction) is simply tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        const [row] = await ctx.db.insert(orgUnit).values({ districtCode: code, kind, name, nameEn: name, parentId }).returning();
        if (!row) throw new Error('org unit insert failed');
        return row.id;
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        if (cause?.code !== '40P01' || attempt >= 3) throw error;
      }
    }
  };
  const bureauId = await unit('bureau', '市场监督管理局', null);
  const sectionId = await unit('section', '食品安全科', bureauId);
  const stationIds = [await unit('station', '一所', bureauId), await unit('station', '二所', bureauId)];
  const labId = await unit('lab', '检测中心', null);
  const streetCodes = [`${code}001`, `${code}002`];
  for (const [index, streetCode] of streetCodes.entries()) {
    await ctx.db.insert(street).values({ districtCode: code, code: streetCode, name: `街道${index + 1}`, nameEn: `Street ${index + 1}` });
    await ctx.db.insert(stationStreet).values({ districtCode: code, streetCode, stationId: stationIds[index] as number });
  }
  const make = async (key: string, roles: Role[], orgUnitId: number | null): Promise<TestUser> => {
    const username = `${key}-${code}`;
    const { user } = await createUser(ctx, {
      districtCode: code,
      username,
      displayName: `${key} ${code}`,
      roles,
      orgUnitId,
      passwordOverride: testPassword,
    });
    return { id: user.id, username, roles };
  };
  return {
    code,
    bureauId,
    stations: [
      { id: stationIds[0] as number, streetCode: streetCodes[0] as string },
      { id: stationIds[1] as number, streetCode: streetCodes[1] as string },
    ],
    labId,
    ctx,
    users: {
      admin: await make('admin', ['admin'], bureauId),
      leader: await make('leader', ['leader'], bureauId),
      section: await make('section', ['section'], sectionId),
      inspector1: await make('inspector1', ['inspector'], stationIds[0] as number),
      inspector2: await make('inspector2', ['inspector'], stationIds[1] as number),
      operator: await make('operator', ['operator'], null),
      lab: await make('lab', ['lab'], labId),
    },
  };
}
