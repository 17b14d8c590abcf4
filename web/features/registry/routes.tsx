import { lazy } from 'react';

export const RegistryListPage = lazy(() => import('./registry-list.page.tsx').then((module) => ({ default: module.RegistryListPage })));
export const EntityPage = lazy(() => import('./entity.page.tsx').then((module) => ({ default: module.EntityPage })));
export const RegistryStatisticsPage = lazy(() =>
  import('./statistics.page.tsx').then((module) => ({ default: module.RegistryStatisticsPage })),
);
export const RegistryImportPage = lazy(() => import('./import.page.tsx').then((module) => ({ default: module.RegistryImportPage })));
