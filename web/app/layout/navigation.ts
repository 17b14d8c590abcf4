import { AuditOutlined, FieldTimeOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
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
