import { Flex, Spin } from 'antd';
import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { UserListPage } from '../features/admin-users/routes.tsx';
import { AuditLogPage } from '../features/audit/routes.tsx';
import { LoginPage } from '../features/auth/routes.tsx';
import { HomePage } from '../features/home/routes.tsx';
import { JobListPage } from '../features/jobs/routes.tsx';
import { setUnauthorizedHandler } from '../lib/api-client.ts';
import { NotFoundPage } from './not-found.page.tsx';
import { queryClient } from './providers.tsx';
import { RequireRole, RequireSession } from './require-session.tsx';

const pageSpin = (
  <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
    <Spin size="large" />
  </Flex>
);

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={pageSpin}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'admin',
        element: <RequireRole roles={['admin']} />,
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UserListPage /> },
          { path: 'audit', element: <AuditLogPage /> },
          { path: 'jobs', element: <JobListPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

// Any 401 means the session is gone (expired, revoked, logged out elsewhere): back to sign-in, keeping the page.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  void router.navigate(`/login${next}`, { replace: true }).then(() => queryClient.removeQueries());
});
