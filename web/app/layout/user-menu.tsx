import { DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguageSwitch } from '../../components/language-switch.tsx';
import type { Me } from '../../lib/api-types.ts';

interface UserMenuProps {
  me: Me;
  isCompact: boolean;
  onChangePassword: () => void;
  onEnrolTotp: () => void;
  onLogout: () => void;
}

export function UserMenu({ me, isCompact, onChangePassword, onEnrolTotp, onLogout }: UserMenuProps) {
  const { t } = useTranslation();
  const { language, changeTo } = useLanguageSwitch();
  const roleNames = me.roles.map((role) => t(`roles.${role}`)).join('、');

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <div data-testid="user-menu-identity">
          <Typography.Text strong>{me.displayName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {me.username} · {roleNames}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: <span data-testid="menu-language">{t('userMenu.switchLanguage')}</span>,
    },
    {
      key: 'totp',
      icon: <SafetyCertificateOutlined />,
      disabled: me.totpEnabled,
      label: <span data-testid="menu-totp">{me.totpEnabled ? t('userMenu.totpEnabled') : t('userMenu.totp')}</span>,
    },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-password">{t('userMenu.changePassword')}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="menu-logout">{t('userMenu.logout')}</span> },
  ];

  const handleClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'language') void changeTo(language === 'en' ? 'zh-CN' : 'en');
    else if (key === 'totp') onEnrolTotp();
    else if (key === 'password') onChangePassword();
    else if (key === 'logout') onLogout();
  };

  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text" // The accessible name starts with the visible one (WCAG 2.5.3), so a voice command "click 张三" works.
        aria-label={isCompact ? t('userMenu.open') : `${me.displayName}，${t('userMenu.open')}`}
        data-testid="user-menu"
        style={{ height: 'auto', paddingBlock: 4 }}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1d4ed8' }} />
        {isCompact ? null : <span>{me.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
