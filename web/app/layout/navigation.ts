import {
  AimOutlined,
  AuditOutlined,
  BarChartOutlined,
  DesktopOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  ImportOutlined,
  MedicineBoxOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import {
  bureauStaffRoles,
  caseWorkerAndOperatorRoles,
  caseWorkerRoles,
  districtWideRoles,
  leadershipRoles,
  marketReaderRoles,
  type Role,
  registryReaderRoles,
  settingsRoles,
  specialEquipmentRoles,
  staffAndOperatorRoles,
} from '../../../shared/roles.ts';

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
  { key: '/dashboards/screens', labelKey: 'nav.screenTokens', icon: DesktopOutlined, roles: leadershipRoles },
  {
    key: 'registry',
    labelKey: 'nav.registry',
    icon: ShopOutlined,
    roles: registryReaderRoles,
    children: [
      {
        key: '/registry',
        labelKey: 'nav.registryList',
        icon: UnorderedListOutlined,
        roles: registryReaderRoles,
      },
      { key: '/registry/statistics', labelKey: 'nav.registryStatistics', icon: BarChartOutlined, roles: districtWideRoles },
      { key: '/registry/import', labelKey: 'nav.registryImport', icon: ImportOutlined, roles: settingsRoles },
    ],
  },
  {
    key: 'random-inspections',
    labelKey: 'nav.randomInspections',
    icon: AimOutlined,
    roles: bureauStaffRoles,
    children: [
      {
        key: '/random-inspections',
        labelKey: 'nav.randomInspectionPlans',
        icon: UnorderedListOutlined,
        roles: districtWideRoles,
      },
      {
        key: '/random-inspections/tasks',
        labelKey: 'nav.randomInspectionTasks',
        icon: UnorderedListOutlined,
        roles: bureauStaffRoles,
      },
    ],
  },
  {
    key: 'sampling',
    labelKey: 'nav.sampling',
    icon: ExperimentOutlined,
    roles: [...staffAndOperatorRoles, 'lab'],
    children: [
      { key: '/sampling', labelKey: 'nav.samplingSamples', roles: bureauStaffRoles },
      { key: '/sampling/plans', labelKey: 'nav.samplingPlans', roles: bureauStaffRoles },
      { key: '/sampling/handling', labelKey: 'nav.samplingHandling', roles: staffAndOperatorRoles },
      { key: '/sampling/statistics', labelKey: 'nav.samplingStatistics', roles: bureauStaffRoles },
      { key: '/sampling/lab', labelKey: 'nav.samplingLab', roles: ['lab'] },
    ],
  },
  {
    key: 'complaints',
    labelKey: 'nav.complaints',
    icon: MessageOutlined,
    roles: bureauStaffRoles,
    children: [
      { key: '/complaints', labelKey: 'nav.complaintQueue', roles: bureauStaffRoles },
      { key: '/complaints/statistics', labelKey: 'nav.complaintStatistics', roles: bureauStaffRoles },
    ],
  },
  {
    key: 'cases',
    labelKey: 'nav.cases',
    icon: SafetyCertificateOutlined,
    roles: bureauStaffRoles,
    children: [
      { key: '/cases', labelKey: 'nav.caseQueue', roles: bureauStaffRoles },
      { key: '/cases/statistics', labelKey: 'nav.caseStatistics', roles: bureauStaffRoles },
    ],
  },
  {
    key: 'food-safety',
    labelKey: 'nav.foodSafety',
    icon: SafetyCertificateOutlined,
    roles: staffAndOperatorRoles,
    children: [
      { key: '/food-safety/due', labelKey: 'nav.foodSafetyDue', roles: bureauStaffRoles },
      { key: '/food-safety/shops', labelKey: 'nav.foodSafetyShops', roles: staffAndOperatorRoles },
      { key: '/food-safety/station', labelKey: 'nav.foodSafetyStation', roles: bureauStaffRoles },
      { key: '/food-safety/applications', labelKey: 'nav.foodSafetyApplications', roles: caseWorkerRoles },
      { key: '/food-safety/section', labelKey: 'nav.foodSafetySection', roles: districtWideRoles },
    ],
  },
  {
    key: '/workshops',
    labelKey: 'nav.workshops',
    icon: UnorderedListOutlined,
    roles: staffAndOperatorRoles,
  },
  {
    key: 'special-equipment',
    labelKey: 'nav.specialEquipment',
    icon: SafetyCertificateOutlined,
    roles: specialEquipmentRoles,
    children: [
      { key: '/special-equipment', labelKey: 'nav.specialEquipmentRegister', roles: specialEquipmentRoles },
      { key: '/special-equipment/due', labelKey: 'nav.specialEquipmentDue', roles: [...bureauStaffRoles, 'inspection_body'] },
      { key: '/special-equipment/hazards', labelKey: 'nav.specialEquipmentHazards', roles: [...staffAndOperatorRoles, 'expert'] },
      { key: '/special-equipment/rates', labelKey: 'nav.specialEquipmentRates', roles: bureauStaffRoles },
      { key: '/special-equipment/operators', labelKey: 'nav.specialEquipmentOperators', roles: staffAndOperatorRoles },
      { key: '/special-equipment/cycles', labelKey: 'nav.specialEquipmentCycles', roles: bureauStaffRoles },
    ],
  },
  {
    key: 'pharmacies',
    labelKey: 'nav.pharmacies',
    icon: MedicineBoxOutlined,
    roles: staffAndOperatorRoles,
    children: [
      { key: '/pharmacies/counter', labelKey: 'nav.pharmacyCounter', roles: ['operator', ...settingsRoles] },
      { key: '/pharmacies/surveillance', labelKey: 'nav.pharmacySurveillance', roles: bureauStaffRoles },
      { key: '/pharmacies/alarms', labelKey: 'nav.pharmacyAlarms', roles: bureauStaffRoles },
      { key: '/pharmacies/status', labelKey: 'nav.pharmacyStatus', roles: bureauStaffRoles },
      { key: '/pharmacies/attendance', labelKey: 'nav.pharmacyAttendance', roles: staffAndOperatorRoles },
      { key: '/pharmacies/supplies', labelKey: 'nav.pharmacySupplies', roles: staffAndOperatorRoles },
      { key: '/pharmacies/service-points', labelKey: 'nav.pharmacyServicePoints', roles: staffAndOperatorRoles },
      { key: '/pharmacies/pos-keys', labelKey: 'nav.pharmacyPosKeys', roles: ['operator', ...settingsRoles] },
      { key: '/pharmacies/settings', labelKey: 'nav.pharmacySettings', roles: staffAndOperatorRoles },
    ],
  },
  {
    key: 'cold-chain',
    labelKey: 'nav.coldChain',
    icon: ShopOutlined,
    roles: staffAndOperatorRoles,
    children: [
      { key: '/cold-chain/scan', labelKey: 'nav.coldChainScan', roles: caseWorkerAndOperatorRoles },
      { key: '/cold-chain/batches', labelKey: 'nav.coldChainBatches', roles: staffAndOperatorRoles },
      { key: '/cold-chain/findings', labelKey: 'nav.coldChainFindings', roles: staffAndOperatorRoles },
      { key: '/cold-chain/trace', labelKey: 'nav.coldChainTrace', roles: bureauStaffRoles },
      { key: '/cold-chain/epcis', labelKey: 'nav.coldChainEpcis', roles: caseWorkerAndOperatorRoles },
    ],
  },
  { key: '/markets', labelKey: 'nav.markets', icon: ShopOutlined, roles: marketReaderRoles },
  { key: '/consumer-confidence', labelKey: 'nav.consumerConfidence', icon: ShopOutlined, roles: staffAndOperatorRoles },
  { key: '/credit', labelKey: 'nav.credit', icon: SafetyCertificateOutlined, roles: staffAndOperatorRoles },
  { key: '/products', labelKey: 'nav.products', icon: SafetyCertificateOutlined, roles: bureauStaffRoles },
  { key: '/product-quality', labelKey: 'nav.productQuality', icon: SafetyCertificateOutlined, roles: bureauStaffRoles },
  {
    key: 'risk-code',
    labelKey: 'nav.riskCode',
    icon: SafetyCertificateOutlined,
    roles: bureauStaffRoles,
    children: [
      { key: '/risk-code/map', labelKey: 'nav.riskCodeMap', roles: bureauStaffRoles },
      { key: '/risk-code/colour-table', labelKey: 'nav.riskCodeTable', roles: bureauStaffRoles },
    ],
  },
  {
    key: 'reports',
    labelKey: 'nav.reports',
    icon: BarChartOutlined,
    roles: districtWideRoles,
    children: [
      { key: '/reports/annual', labelKey: 'nav.annualReport', roles: districtWideRoles },
      { key: '/reports/inspector-consistency', labelKey: 'nav.inspectorConsistency', roles: districtWideRoles },
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
