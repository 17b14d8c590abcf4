import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { Role } from '../../shared/roles.ts';
import { ApiError } from '../lib/api-client.ts';
import { problemMessage } from '../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../lib/session.ts';
import { ForbiddenPage } from './forbidden.page.tsx';
import { AppLayout } from './layout/app-layout.tsx';

function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** The shell for signed-in users; a 401 from /auth/me has already sent the browser to /login. */
export function RequireSession() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <FullPageSpin />;
    return (
      <Result
        status="error"
        title={t('status.error')}
        subTitle={problemMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('status.retry')}</Button>}
      />
    );
  }
  return <AppLayout me={me.data} />;
}

/** Pages only some roles may open; the server checks again on every call. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { data: me } = useMe();
  return hasAnyRole(me, roles) ? <Outlet /> : <ForbiddenPage />;
}
