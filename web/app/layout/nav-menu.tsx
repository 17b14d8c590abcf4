import { Menu, type MenuProps } from 'antd';
import { createElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { menuSelectionFor, type NavItem, visibleNavigation } from './navigation.ts';

type MenuItem = Required<MenuProps>['items'][number];

interface NavMenuProps {
  roles: readonly Role[];
  collapsed?: boolean;
  onNavigate?: () => void;
}

export function NavMenu({ roles, collapsed = false, onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = visibleNavigation(roles);
  const { selected, open } = menuSelectionFor(pathname, items);
  const [openKeys, setOpenKeys] = useState<string[]>(open);

  const toMenuItem = (item: NavItem): MenuItem => ({
    key: item.key,
    icon: item.icon ? createElement(item.icon) : undefined,
    label: t(item.labelKey),
    children: item.children?.map(toMenuItem),
  });

  const handleClick: MenuProps['onClick'] = ({ key }) => {
    navigate(key);
    onNavigate?.();
  };

  return (
    <Menu
      mode="inline"
      items={items.map(toMenuItem)}
      selectedKeys={selected}
      openKeys={collapsed ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      onClick={handleClick}
      style={{ borderInlineEnd: 'none' }}
      data-testid="nav-menu"
    />
  );
}
