import {
  AimOutlined,
  AuditOutlined,
  BarChartOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  ImportOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/roles.ts';

export interface NavItem {
  /** Leaf items: the path they open. Groups: any unique key. */
  key: string;
  /** i18n key in the `shell` namespace. */
  labelKey: string;
  icon?: ComponentType;
  /** Who sees it; absent means every signed-in user. A group shows only if a child is visible. */
  roles?: readonly Role[];
  children?: NavItem[];
}

/**
 * The side menu, by module. List only modules that exist: each feature adds its entry here when it lands
 * (e.g. registry: `{ key: '/registry', labelKey: 'nav.registry', roles: staffRoles }`), and its route in
 * router.tsx.
 */
export const navigation: NavItem[] = [
  { key: '/', labelKey: 'nav.home', icon: HomeOutlined },
  {
    key: 'registry',
    labelKey: 'nav.registry',
    icon: ShopOutlined,
    roles: ['admin', 'leader', 'section', 'inspector', 'operator', 'market_manager'],
    children: [
      {
        key: '/registry',
        labelKey: 'nav.registryList',
        icon: UnorderedListOutlined,
        roles: ['admin', 'leader', 'section', 'inspector', 'operator', 'market_manager'],
      },
      { key: '/registry/statistics', labelKey: 'nav.registryStatistics', icon: BarChartOutlined, roles: ['admin', 'leader', 'section'] },
      { key: '/registry/import', labelKey: 'nav.registryImport', icon: ImportOutlined, roles: ['admin', 'section'] },
    ],
  },
  {
    key: 'random-inspections',
    labelKey: 'nav.randomInspections',
    icon: AimOutlined,
    roles: ['admin', 'leader', 'section', 'inspector'],
    children: [
      {
        key: '/random-inspections',
        labelKey: 'nav.randomInspectionPlans',
        icon: UnorderedListOutlined,
        roles: ['admin', 'leader', 'section'],
      },
      {
        key: '/random-inspections/tasks',
        labelKey: 'nav.randomInspectionTasks',
        icon: UnorderedListOutlined,
        roles: ['admin', 'leader', 'section', 'inspector'],
      },
    ],
  },
  {
    key: 'sampling',
    labelKey: 'nav.sampling',
    icon: ExperimentOutlined,
    roles: ['admin', 'leader', 'section', 'inspector', 'operator', 'lab'],
    children: [
      { key: '/sampling', labelKey: 'nav.samplingSamples', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/sampling/plans', labelKey: 'nav.samplingPlans', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/sampling/handling', labelKey: 'nav.samplingHandling', roles: ['admin', 'leader', 'section', 'inspector', 'operator'] },
      { key: '/sampling/statistics', labelKey: 'nav.samplingStatistics', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/sampling/lab', labelKey: 'nav.samplingLab', roles: ['lab'] },
    ],
  },
  {
    key: 'complaints',
    labelKey: 'nav.complaints',
    icon: MessageOutlined,
    roles: ['admin', 'leader', 'section', 'inspector'],
    children: [
      { key: '/complaints', labelKey: 'nav.complaintQueue', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/complaints/statistics', labelKey: 'nav.complaintStatistics', roles: ['admin', 'leader', 'section', 'inspector'] },
    ],
  },
  {
    key: 'cases',
    labelKey: 'nav.cases',
    icon: SafetyCertificateOutlined,
    roles: ['admin', 'leader', 'section', 'inspector'],
    children: [
      { key: '/cases', labelKey: 'nav.caseQueue', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/cases/statistics', labelKey: 'nav.caseStatistics', roles: ['admin', 'leader', 'section', 'inspector'] },
    ],
  },
  {
    key: 'food-safety',
    labelKey: 'nav.foodSafety',
    icon: SafetyCertificateOutlined,
    roles: ['admin', 'leader', 'section', 'inspector', 'operator'],
    children: [
      { key: '/food-safety/due', labelKey: 'nav.foodSafetyDue', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/food-safety/shops', labelKey: 'nav.foodSafetyShops', roles: ['admin', 'leader', 'section', 'inspector', 'operator'] },
      { key: '/food-safety/station', labelKey: 'nav.foodSafetyStation', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/food-safety/applications', labelKey: 'nav.foodSafetyApplications', roles: ['admin', 'section', 'inspector'] },
      { key: '/food-safety/section', labelKey: 'nav.foodSafetySection', roles: ['admin', 'leader', 'section'] },
    ],
  },
  {
    key: '/workshops',
    labelKey: 'nav.workshops',
    icon: UnorderedListOutlined,
    roles: ['admin', 'leader', 'section', 'inspector', 'operator'],
  },
  { key: '/products', labelKey: 'nav.products', icon: SafetyCertificateOutlined, roles: ['admin', 'leader', 'section', 'inspector'] },
  {
    key: 'risk-code',
    labelKey: 'nav.riskCode',
    icon: SafetyCertificateOutlined,
    roles: ['admin', 'leader', 'section', 'inspector'],
    children: [
      { key: '/risk-code/map', labelKey: 'nav.riskCodeMap', roles: ['admin', 'leader', 'section', 'inspector'] },
      { key: '/risk-code/colour-table', labelKey: 'nav.riskCodeTable', roles: ['admin', 'leader', 'section', 'inspector'] },
    ],
  },
  {
    key: 'admin',
    labelKey: 'nav.admin',
    icon: SettingOutlined,
    roles: ['admin'],
    children: [
      { key: '/admin/users', labelKey: 'nav.users', icon: TeamOutlined, roles: ['admin'] },
      { key: '/admin/audit', labelKey: 'nav.audit', icon: AuditOutlined, roles: ['admin'] },
      { key: '/admin/jobs', labelKey: 'nav.jobs', icon: FieldTimeOutlined, roles: ['admin'] },
    ],
  },
];

function isVisible(item: NavItem, roles: readonly Role[]): boolean {
  return !item.roles || item.roles.some((role) => roles.includes(role));
}

/** The menu a user with these roles sees: hidden items and empty groups removed. */
export function visibleNavigation(roles: readonly Role[], items: readonly NavItem[] = navigation): NavItem[] {
  return items.flatMap((item) => {
    if (!isVisible(item, roles)) return [];
    if (!item.children) return [item];
    const children = visibleNavigation(roles, item.children);
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}

function leaves(items: readonly NavItem[], parents: string[] = []): { key: string; parents: string[] }[] {
  return items.flatMap((item) => (item.children ? leaves(item.children, [...parents, item.key]) : [{ key: item.key, parents }]));
}

/** The menu item for a URL (longest matching path) and the groups to open around it. */
export function menuSelectionFor(pathname: string, items: readonly NavItem[]): { selected: string[]; open: string[] } {
  const match = leaves(items)
    .filter(({ key }) => pathname === key || (key !== '/' && pathname.startsWith(`${key}/`)))
    .sort((left, right) => right.key.length - left.key.length)[0];
  return match ? { selected: [match.key], open: match.parents } : { selected: [], open: [] };
}
