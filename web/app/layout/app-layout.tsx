import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Layout, Spin, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api.ts';
import { ChangePasswordModal } from '../../features/auth/change-password-modal.tsx';
import { TotpEnrolmentModal } from '../../features/auth/totp-enrolment-modal.tsx';
import type { Me } from '../../lib/api-types.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { queryClient } from '../providers.tsx';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';

type Dialog = 'none' | 'password' | 'totp';

function Brand({ isCompact }: { isCompact: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      gap={8}
      style={{ height: 56, paddingInline: isCompact ? 0 : 16, justifyContent: isCompact ? 'center' : 'flex-start' }}
    >
      <SafetyCertificateOutlined style={{ fontSize: 22, color: '#1d4ed8' }} />
      {isCompact ? null : (
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }} data-testid="brand">
          {t('product.name')}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [isCollapsed, setCollapsed] = useState(false);
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>('none');
  const logout = useLogout();

  const handleLogout = async () => {
    await logout.mutateAsync().catch(() => undefined);
    navigate('/login', { replace: true });
    queryClient.clear();
  };

  const closeDialog = () => setDialog('none');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? null : (
        <Layout.Sider
          className="no-print"
          theme="light"
          width={220}
          collapsedWidth={64}
          collapsed={isCollapsed}
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <Brand isCompact={isCollapsed} />
          <NavMenu roles={me.roles} collapsed={isCollapsed} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          className="no-print"
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: isPhone ? 8 : 16,
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isPhone ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.openMenu')}
                onClick={() => setDrawerOpen(true)}
                data-testid="nav-toggle"
              />
              <Brand isCompact={false} />
            </>
          ) : (
            <Button
              type="text"
              icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={isCollapsed ? t('nav.expand') : t('nav.collapse')}
              onClick={() => setCollapsed(!isCollapsed)}
            />
          )}
          <div style={{ flex: 1 }} />
          <UserMenu
            me={me}
            isCompact={isPhone}
            onChangePassword={() => setDialog('password')}
            onEnrolTotp={() => setDialog('totp')}
            onLogout={() => void handleLogout()}
          />
        </Layout.Header>
        <Layout.Content className="print-page" style={{ padding: isPhone ? 12 : 24 }}>
          {me.mustChangePassword ? (
            <Alert
              type="warning"
              showIcon
              title={t('home.mustChangePassword')}
              action={
                <Button size="small" onClick={() => setDialog('password')}>
                  {t('userMenu.changePassword')}
                </Button>
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone ? (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={t('product.name')}
          styles={{ body: { padding: 0 } }}
          destroyOnHidden
          data-testid="nav-drawer"
        >
          <NavMenu roles={me.roles} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : null}
      {dialog === 'password' ? <ChangePasswordModal onClose={closeDialog} /> : null}
      {dialog === 'totp' ? <TotpEnrolmentModal onClose={closeDialog} /> : null}
    </Layout>
  );
}
