import { Flex, Spin } from 'antd';
import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { UserListPage } from '../features/admin-users/routes.tsx';
import { AuditLogPage } from '../features/audit/routes.tsx';
import { LoginPage } from '../features/auth/routes.tsx';
import { ComplaintListPage, ComplaintPage, ComplaintStatisticsPage } from '../features/complaints/routes.tsx';
import { CaseListPage, CasePage, CaseStatisticsPage } from '../features/enforcement/routes.tsx';
import {
  ApplicationsPage,
  DueListPage,
  InspectPage,
  RegisterPage,
  SectionPage,
  ShopPage,
  ShopsPage,
  StationPage,
} from '../features/food-safety/routes.tsx';
import { HomePage } from '../features/home/routes.tsx';
import { JobListPage } from '../features/jobs/routes.tsx';
import { ProductsPage } from '../features/products/routes.tsx';
import { DrawPage, PlanPage, RandomInspectionsPage, TaskListPage, TaskPage } from '../features/random-inspections/routes.tsx';
import { EntityPage, RegistryImportPage, RegistryListPage, RegistryStatisticsPage } from '../features/registry/routes.tsx';
import { ColourMapPage, ColourTablePage, EntityColourPage } from '../features/risk-code/routes.tsx';
import {
  HandlingPage,
  LabWorkbenchPage,
  SampleDetailPage,
  SampleListPage,
  SamplingPlansPage,
  SamplingStatisticsPage,
} from '../features/sampling/routes.tsx';
import { WorkshopsPage } from '../features/workshops/routes.tsx';
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
    // Signed out: a food business operator applies for an account (the station approves it).
    path: '/register-operator',
    element: (
      <Suspense fallback={pageSpin}>
        <RegisterPage />
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
      {
        path: 'registry',
        element: <RequireRole roles={['admin', 'leader', 'section', 'inspector', 'operator', 'market_manager']} />,
        children: [
          { index: true, element: <RegistryListPage /> },
          { path: 'entities/:id', element: <EntityPage /> },
          {
            path: 'statistics',
            element: <RequireRole roles={['admin', 'leader', 'section']} />,
            children: [{ index: true, element: <RegistryStatisticsPage /> }],
          },
          {
            path: 'import',
            element: <RequireRole roles={['admin', 'section']} />,
            children: [{ index: true, element: <RegistryImportPage /> }],
          },
        ],
      },
      {
        path: 'random-inspections',
        element: <RequireRole roles={['admin', 'leader', 'section', 'inspector']} />,
        children: [
          { index: true, element: <RandomInspectionsPage /> },
          { path: 'plans/:id', element: <PlanPage /> },
          { path: 'draws/:id', element: <DrawPage /> },
          { path: 'tasks', element: <TaskListPage /> },
          { path: 'tasks/:id', element: <TaskPage /> },
        ],
      },
      {
        path: 'sampling',
        children: [
          {
            element: <RequireRole roles={['admin', 'leader', 'section', 'inspector']} />,
            children: [
              { index: true, element: <SampleListPage /> },
              { path: 'samples/:id', element: <SampleDetailPage /> },
              { path: 'plans', element: <SamplingPlansPage /> },
              { path: 'statistics', element: <SamplingStatisticsPage /> },
            ],
          },
          {
            path: 'handling',
            element: <RequireRole roles={['admin', 'leader', 'section', 'inspector', 'operator']} />,
            children: [{ index: true, element: <HandlingPage /> }],
          },
          { path: 'lab', element: <RequireRole roles={['lab']} />, children: [{ index: true, element: <LabWorkbenchPage /> }] },
        ],
      },
      {
        path: 'complaints',
        element: <RequireRole roles={['admin', 'leader', 'section', 'inspector']} />,
        children: [
          { index: true, element: <ComplaintListPage /> },
          { path: 'statistics', element: <ComplaintStatisticsPage /> },
          { path: ':id', element: <ComplaintPage /> },
        ],
      },
      {
        path: 'cases',
        element: <RequireRole roles={['admin', 'leader', 'section', 'inspector']} />,
        children: [
          { index: true, element: <CaseListPage /> },
          { path: 'statistics', element: <CaseStatisticsPage /> },
          { path: ':id', element: <CasePage /> },
        ],
      },
      {
        path: 'food-safety',
        children: [
          {
            element: <RequireRole roles={['admin', 'leader', 'section', 'inspector', 'operator']} />,
            children: [
              { index: true, element: <Navigate to="shops" replace /> },
              { path: 'shops', element: <ShopsPage /> },
              { path: 'shops/:id', element: <ShopPage /> },
            ],
          },
          {
            element: <RequireRole roles={['admin', 'leader', 'section', 'inspector']} />,
            children: [
              { path: 'due', element: <DueListPage /> },
              { path: 'station', element: <StationPage /> },
              { path: 'section', element: <SectionPage /> },
            ],
          },
          {
            path: 'applications',
            element: <RequireRole roles={['admin', 'section', 'inspector']} />,
            children: [{ index: true, element: <ApplicationsPage /> }],
          },
          {
            path: 'inspect/:entityId',
            element: <RequireRole roles={['inspector', 'section']} />,
            children: [{ index: true, element: <InspectPage /> }],
          },
        ],
      },
      {
        path: 'workshops',
        element: <RequireRole roles={['admin', 'leader', 'section', 'inspector', 'operator']} />,
        children: [{ index: true, element: <WorkshopsPage /> }],
      },
      {
        path: 'products',
        element: <RequireRole roles={['admin', 'leader', 'section', 'inspector']} />,
        children: [{ index: true, element: <ProductsPage /> }],
      },
      {
        path: 'risk-code',
        element: <RequireRole roles={['admin', 'leader', 'section', 'inspector']} />,
        children: [
          { index: true, element: <Navigate to="map" replace /> },
          { path: 'map', element: <ColourMapPage /> },
          { path: 'colour-table', element: <ColourTablePage /> },
          { path: 'entities/:id', element: <EntityColourPage /> },
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
