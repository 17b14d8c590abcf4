import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '../../shared/roles.ts';
import type { Db } from '../db/client.ts';
import type { BusinessCategory } from '../modules/registry/index.ts';
import { entity } from '../modules/registry/registry.tables.ts';
import { appUser, userEntity } from '../platform/auth/auth.tables.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { demoStations } from './demo-places.ts';

/** Where a demo account sits: its org unit, and for operators and market managers the entities it acts for. */
export type DemoPlacement =
  | { orgUnit: 'bureau' }
  | { orgUnit: 'section'; section: string }
  | { orgUnit: 'station'; stationIndex: number }
  | { orgUnit: 'lab' }
  /** Bound to `count` (default 1) active entities of a category from the n-th: an operator, a maintenance unit. */
  | { orgUnit: 'none'; entity: { category: BusinessCategory; nth: number; count?: number } }
  /** A third party outside the bureau's organisation with no entity of its own (an expert, an inspection body). */
  | { orgUnit: 'external' };

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  placement: DemoPlacement;
  /** ≥ 12 characters, 3 of 4 character classes; demo only — printed at start in demo mode. */
  password: string;
}

export const demoAccounts: readonly DemoAccount[] = [
  { username: 'demo.admin', displayName: '系统管理员', roles: ['admin'], placement: { orgUnit: 'bureau' }, password: 'Demo-Admin-2026' },
  { username: 'leader', displayName: '局领导 王建国', roles: ['leader'], placement: { orgUnit: 'bureau' }, password: 'Demo-Leader-2026' },
  {
    username: 'food.section',
    displayName: '食品安全科 李敏',
    roles: ['section'],
    placement: { orgUnit: 'section', section: '食品安全科' },
    password: 'Demo-Section-2026',
  },
  ...demoStations.map((station, stationIndex) => ({
    username: `inspector${stationIndex + 1}`,
    displayName: `${station.name} 执法人员`,
    roles: ['inspector'] as Role[],
    placement: { orgUnit: 'station', stationIndex } as const,
    password: `Demo-Inspector${stationIndex + 1}-2026`,
  })),
  // A second inspector at the first station: joint inspections and random draws need two per task.
  {
    username: `inspector${demoStations.length + 1}`,
    displayName: `${demoStations[0]?.name ?? ''} 执法人员（二）`,
    roles: ['inspector'],
    placement: { orgUnit: 'station', stationIndex: 0 },
    password: `Demo-Inspector${demoStations.length + 1}-2026`,
  },
  ...[0, 1, 2].map((nth) => ({
    username: `operator${nth + 1}`,
    displayName: `餐饮经营者 ${nth + 1}`,
    roles: ['operator'] as Role[],
    placement: { orgUnit: 'none', entity: { category: 'catering', nth } } as const,
    password: `Demo-Operator${nth + 1}-2026`,
  })),
  {
    username: 'equipment.user',
    displayName: '特种设备使用单位 安全管理员',
    roles: ['operator'],
    placement: { orgUnit: 'none', entity: { category: 'special_equipment_user', nth: 0 } },
    password: 'Demo-Equipment-2026',
  },
  {
    username: 'pharmacy1',
    displayName: '零售药店 药情登记员',
    roles: ['operator'],
    placement: { orgUnit: 'none', entity: { category: 'pharmacy', nth: 0 } },
    password: 'Demo-Pharmacy1-2026',
  },
  {
    username: 'se.expert',
    displayName: '特种设备第三方专家 林高工',
    roles: ['expert'],
    placement: { orgUnit: 'external' },
    password: 'Demo-Expert-2026',
  },
  {
    username: 'se.inspection',
    displayName: '特种设备检验研究院 检验员',
    roles: ['inspection_body'],
    placement: { orgUnit: 'external' },
    password: 'Demo-Inspection-2026',
  },
  {
    username: 'se.maintenance',
    displayName: '电梯维保单位 维保员',
    roles: ['maintenance_unit'],
    // Serves the first ten special-equipment users (their elevators).
    placement: { orgUnit: 'none', entity: { category: 'special_equipment_user', nth: 0, count: 10 } },
    password: 'Demo-Maintenance-2026',
  },
  { username: 'lab', displayName: '检测中心 检验员', roles: ['lab'], placement: { orgUnit: 'lab' }, password: 'Demo-Lab-2026!' },
  {
    username: 'market.manager',
    displayName: '农贸市场管理方',
    roles: ['market_manager'],
    placement: { orgUnit: 'none', entity: { category: 'farmers_market', nth: 0 } },
    password: 'Demo-Market-2026',
  },
  // The same market's testing room (检测室: enters rapid tests on a phone, handles their lots) and organiser (举办者:
  // the monthly cleaning round), each bound to the market like its manager (decision 0039).
  {
    username: 'market.testing',
    displayName: '农贸市场检测室',
    roles: ['market_testing_room'],
    placement: { orgUnit: 'none', entity: { category: 'farmers_market', nth: 0 } },
    password: 'Demo-MarketTesting-2026',
  },
  {
    username: 'market.organiser',
    displayName: '农贸市场举办者',
    roles: ['market_organiser'],
    placement: { orgUnit: 'none', entity: { category: 'farmers_market', nth: 0 } },
    password: 'Demo-MarketOrganiser-2026',
  },
  // A wholesale-market trader of imported frozen food: scans batches in and out on the cold-chain scan page.
  {
    username: 'cold.trader',
    displayName: '批发市场冻品经营户',
    roles: ['operator'],
    placement: { orgUnit: 'none', entity: { category: 'food_retail', nth: 0 } },
    password: 'Demo-ColdTrader-2026',
  },
];

export interface DemoOrgUnits {
  bureauId: number;
  sectionIds: Record<string, number>;
  stationIds: number[];
  labId: number;
}

/**
 * Creates the demo accounts (argon2id hashes) and binds operators and the market manager to entities:
 * the n-th active entity of their category, by id. The lead may route this through the accounts service.
 */
export async function applyDemoAccounts(db: Db, districtCode: string, units: DemoOrgUnits): Promise<void> {
  for (const account of demoAccounts) {
    const { placement } = account;
    const orgUnitId =
      placement.orgUnit === 'bureau'
        ? units.bureauId
        : placement.orgUnit === 'section'
          ? (units.sectionIds[placement.section] ?? null)
          : placement.orgUnit === 'station'
            ? (units.stationIds[placement.stationIndex] ?? null)
            : placement.orgUnit === 'lab'
              ? units.labId
              : null;
    const [user] = await db
      .insert(appUser)
      .values({
        districtCode,
        username: account.username,
        displayName: account.displayName,
        roles: account.roles,
        orgUnitId,
        passwordHash: await hashPassword(account.password),
      })
      .returning({ id: appUser.id });
    if (placement.orgUnit === 'none' && user) {
      const bound = await db
        .select({ id: entity.id })
        .from(entity)
        .where(
          and(eq(entity.districtCode, districtCode), eq(entity.businessCategory, placement.entity.category), eq(entity.status, 'active')),
        )
        .orderBy(asc(entity.id))
        .offset(placement.entity.nth)
        .limit(placement.entity.count ?? 1);
      if (bound.length) await db.insert(userEntity).values(bound.map((row) => ({ districtCode, userId: user.id, entityId: row.id })));
    }
  }
}
