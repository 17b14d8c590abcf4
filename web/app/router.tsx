import { Flex, Spin } from 'antd';
import { Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import {
  bureauStaffRoles,
  caseWorkerAndOperatorRoles,
  caseWorkerRoles,
  districtWideRoles,
  fieldStaffRoles,
  leadershipRoles,
  marketReaderRoles,
  registryReaderRoles,
  settingsRoles,
  specialEquipmentRoles,
  staffAndOperatorRoles,
} from '../../shared/roles.ts';
import { UserListPage } from '../features/admin-users/routes.tsx';
import { AuditLogPage } from '../features/audit/routes.tsx';
import { LoginPage } from '../features/auth/routes.tsx';
import {
  ColdChainBatchesPage,
  ColdChainBatchNewPage,
  ColdChainBatchPage,
  ColdChainEpcisPage,
  ColdChainFindingsPage,
  ColdChainScanPage,
  ColdChainTracePage,
} from '../features/cold-chain/routes.tsx';
import { ComplaintListPage, ComplaintPage, ComplaintStatisticsPage } from '../features/complaints/routes.tsx';
import { ConsumerConfidencePage } from '../features/consumer-confidence/routes.tsx';
import { CreditPage } from '../features/credit/routes.tsx';
import { DistrictScreenPage, ScreenTokensPage } from '../features/dashboards/routes.tsx';
import { CaseListPage, CasePage, CaseStatisticsPage } from '../features/enforcement/routes.tsx';
import { AnnualReportPage, InspectorConsistencyPage } from '../features/figures/routes.tsx';
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
import { MarketPage, MarketScreenPage, MarketSettingsPage, MarketsPage } from '../features/markets/routes.tsx';
import {
  AlarmsPage,
  AttendancePage,
  CounterPage,
  PosKeysPage,
  ServicePointsPage,
  SettingsPage,
  StatusPage,
  SuppliesPage,
  SurveillancePage,
} from '../features/pharmacies/routes.tsx';
import { ProductQualityPage } from '../features/product-quality/routes.tsx';
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
import {
  SpecialEquipmentCyclesPage,
  SpecialEquipmentDuePage,
  SpecialEquipmentHazardPage,
  SpecialEquipmentHazardsPage,
  SpecialEquipmentNewHazardPage,
  SpecialEquipmentOperatorsPage,
  SpecialEquipmentPage,
  SpecialEquipmentRatesPage,
  SpecialEquipmentRegisterPage,
} from '../features/special-equipment/routes.tsx';
import { WorkshopsPage } from '../features/workshops/routes.tsx';
import { setUnauthorizedHandler } from '../lib/api-client.ts';
import { NotFoundPage } from './not-found.page.tsx';
import { queryClient } from './providers.tsx';
import { RequireRole, RequireSession } from './require-session.tsx';
import { RouteErrorPage } from './route-error.page.tsx';

const pageSpin = (
  <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
    <Spin size="large" />
  </Flex>
);

const routes: RouteObject[] = [
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
    // The big screen: a kiosk with a screen token in the address's fragment, no sign-in.
    path: '/screen/district',
    element: (
      <Suspense fallback={pageSpin}>
        <DistrictScreenPage />
      </Suspense>
    ),
  },
  {
    // A market's big screen (or the district's markets: /screen/markets/district), token in the fragment.
    path: '/screen/markets/:id',
    element: (
      <Suspense fallback={pageSpin}>
        <MarketScreenPage />
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
        path: 'dashboards/screens',
        element: <RequireRole roles={leadershipRoles} />,
        children: [{ index: true, element: <ScreenTokensPage /> }],
      },
      {
        path: 'registry',
        element: <RequireRole roles={registryReaderRoles} />,
        children: [
          { index: true, element: <RegistryListPage /> },
          { path: 'entities/:id', element: <EntityPage /> },
          {
            path: 'statistics',
            element: <RequireRole roles={districtWideRoles} />,
            children: [{ index: true, element: <RegistryStatisticsPage /> }],
          },
          {
            path: 'import',
            element: <RequireRole roles={settingsRoles} />,
            children: [{ index: true, element: <RegistryImportPage /> }],
          },
        ],
      },
      {
        path: 'random-inspections',
        element: <RequireRole roles={bureauStaffRoles} />,
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
            element: <RequireRole roles={bureauStaffRoles} />,
            children: [
              { index: true, element: <SampleListPage /> },
              { path: 'samples/:id', element: <SampleDetailPage /> },
              { path: 'plans', element: <SamplingPlansPage /> },
              { path: 'statistics', element: <SamplingStatisticsPage /> },
            ],
          },
          {
            path: 'handling',
            element: <RequireRole roles={staffAndOperatorRoles} />,
            children: [{ index: true, element: <HandlingPage /> }],
          },
          { path: 'lab', element: <RequireRole roles={['lab']} />, children: [{ index: true, element: <LabWorkbenchPage /> }] },
        ],
      },
      {
        path: 'complaints',
        element: <RequireRole roles={bureauStaffRoles} />,
        children: [
          { index: true, element: <ComplaintListPage /> },
          { path: 'statistics', element: <ComplaintStatisticsPage /> },
          { path: ':id', element: <ComplaintPage /> },
        ],
      },
      {
        path: 'cases',
        element: <RequireRole roles={bureauStaffRoles} />,
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
            element: <RequireRole roles={staffAndOperatorRoles} />,
            children: [
              { index: true, element: <Navigate to="shops" replace /> },
              { path: 'shops', element: <ShopsPage /> },
              { path: 'shops/:id', element: <ShopPage /> },
            ],
          },
          {
            element: <RequireRole roles={bureauStaffRoles} />,
            children: [
              { path: 'due', element: <DueListPage /> },
              { path: 'station', element: <StationPage /> },
              { path: 'section', element: <SectionPage /> },
            ],
          },
          {
            path: 'applications',
            element: <RequireRole roles={caseWorkerRoles} />,
            children: [{ index: true, element: <ApplicationsPage /> }],
          },
          {
            path: 'inspect/:entityId',
            element: <RequireRole roles={fieldStaffRoles} />,
            children: [{ index: true, element: <InspectPage /> }],
          },
        ],
      },
      {
        path: 'workshops',
        element: <RequireRole roles={staffAndOperatorRoles} />,
        children: [{ index: true, element: <WorkshopsPage /> }],
      },
      {
        path: 'special-equipment',
        element: <RequireRole roles={specialEquipmentRoles} />,
        children: [
          { index: true, element: <SpecialEquipmentRegisterPage /> },
          { path: 'equipment/:id', element: <SpecialEquipmentPage /> },
          {
            element: <RequireRole roles={[...staffAndOperatorRoles, 'expert']} />,
            children: [
              { path: 'hazards', element: <SpecialEquipmentHazardsPage /> },
              { path: 'hazards/:id', element: <SpecialEquipmentHazardPage /> },
            ],
          },
          {
            element: <RequireRole roles={staffAndOperatorRoles} />,
            children: [{ path: 'operators', element: <SpecialEquipmentOperatorsPage /> }],
          },
          {
            element: <RequireRole roles={[...bureauStaffRoles, 'inspection_body']} />,
            children: [{ path: 'due', element: <SpecialEquipmentDuePage /> }],
          },
          {
            element: <RequireRole roles={bureauStaffRoles} />,
            children: [
              { path: 'rates', element: <SpecialEquipmentRatesPage /> },
              { path: 'cycles', element: <SpecialEquipmentCyclesPage /> },
            ],
          },
          {
            element: <RequireRole roles={['admin', 'section', 'inspector', 'expert']} />,
            children: [{ path: 'hazards/new', element: <SpecialEquipmentNewHazardPage /> }],
          },
        ],
      },
      {
        path: 'cold-chain',
        children: [
          { index: true, element: <Navigate to="batches" replace /> },
          {
            element: <RequireRole roles={staffAndOperatorRoles} />,
            children: [
              { path: 'batches', element: <ColdChainBatchesPage /> },
              { path: 'batches/:id', element: <ColdChainBatchPage /> },
              { path: 'findings', element: <ColdChainFindingsPage /> },
            ],
          },
          {
            element: <RequireRole roles={caseWorkerAndOperatorRoles} />,
            children: [
              { path: 'scan', element: <ColdChainScanPage /> },
              { path: 'batches/new', element: <ColdChainBatchNewPage /> },
              { path: 'epcis', element: <ColdChainEpcisPage /> },
            ],
          },
          { element: <RequireRole roles={bureauStaffRoles} />, children: [{ path: 'trace', element: <ColdChainTracePage /> }] },
        ],
      },
      {
        path: 'pharmacies',
        children: [
          { index: true, element: <Navigate to="surveillance" replace /> },
          { element: <RequireRole roles={['operator', ...settingsRoles]} />, children: [{ path: 'counter', element: <CounterPage /> }] },
          { element: <RequireRole roles={bureauStaffRoles} />, children: [{ path: 'surveillance', element: <SurveillancePage /> }] },
          { element: <RequireRole roles={bureauStaffRoles} />, children: [{ path: 'status', element: <StatusPage /> }] },
          {
            element: <RequireRole roles={staffAndOperatorRoles} />,
            children: [{ path: 'service-points', element: <ServicePointsPage /> }],
          },
          {
            element: <RequireRole roles={['operator', ...bureauStaffRoles]} />,
            children: [{ path: 'attendance', element: <AttendancePage /> }],
          },
          {
            element: <RequireRole roles={staffAndOperatorRoles} />,
            children: [{ path: 'supplies', element: <SuppliesPage /> }],
          },
          { element: <RequireRole roles={bureauStaffRoles} />, children: [{ path: 'alarms', element: <AlarmsPage /> }] },
          { element: <RequireRole roles={staffAndOperatorRoles} />, children: [{ path: 'settings', element: <SettingsPage /> }] },
          { element: <RequireRole roles={['operator', ...settingsRoles]} />, children: [{ path: 'pos-keys', element: <PosKeysPage /> }] },
        ],
      },
      {
        path: 'markets',
        element: <RequireRole roles={marketReaderRoles} />,
        children: [
          { index: true, element: <MarketsPage /> },
          { element: <RequireRole roles={bureauStaffRoles} />, children: [{ path: 'settings', element: <MarketSettingsPage /> }] },
          { path: ':id', element: <MarketPage /> },
        ],
      },
      {
        path: 'consumer-confidence',
        element: <RequireRole roles={staffAndOperatorRoles} />,
        children: [{ index: true, element: <ConsumerConfidencePage /> }],
      },
      {
        path: 'credit',
        element: <RequireRole roles={staffAndOperatorRoles} />,
        children: [{ index: true, element: <CreditPage /> }],
      },
      {
        path: 'products',
        element: <RequireRole roles={bureauStaffRoles} />,
        children: [{ index: true, element: <ProductsPage /> }],
      },
      {
        path: 'product-quality',
        element: <RequireRole roles={bureauStaffRoles} />,
        children: [{ index: true, element: <ProductQualityPage /> }],
      },
      {
        path: 'risk-code',
        element: <RequireRole roles={bureauStaffRoles} />,
        children: [
          { index: true, element: <Navigate to="map" replace /> },
          { path: 'map', element: <ColourMapPage /> },
          { path: 'colour-table', element: <ColourTablePage /> },
          { path: 'entities/:id', element: <EntityColourPage /> },
        ],
      },
      {
        path: 'reports',
        element: <RequireRole roles={districtWideRoles} />,
        children: [
          { path: 'annual', element: <AnnualReportPage /> },
          { path: 'inspector-consistency', element: <InspectorConsistencyPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * Every route gets the error page (in the user's language, with a way back): the top-level ones, and inside the
 * signed-in shell each section, so the menu stays.
 */
const withErrorPage = (route: RouteObject): RouteObject => ({ ...route, errorElement: <RouteErrorPage /> }) as RouteObject;

export const router = createBrowserRouter(
  routes.map((route) => withErrorPage(route.children ? ({ ...route, children: route.children.map(withErrorPage) } as RouteObject) : route)),
);

// Any 401 means the session is gone (expired, revoked, logged out elsewhere): back to sign-in, keeping the page.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  void router.navigate(`/login${next}`, { replace: true }).then(() => queryClient.removeQueries());
});
