import { lazy } from 'react';

export const DueListPage = lazy(() => import('./due-list.page.tsx').then((module) => ({ default: module.DueListPage })));
export const InspectPage = lazy(() => import('./inspect.page.tsx').then((module) => ({ default: module.InspectPage })));
export const ShopsPage = lazy(() => import('./shops.page.tsx').then((module) => ({ default: module.ShopsPage })));
export const ShopPage = lazy(() => import('./shop.page.tsx').then((module) => ({ default: module.ShopPage })));
export const StationPage = lazy(() => import('./station.page.tsx').then((module) => ({ default: module.StationPage })));
export const SectionPage = lazy(() => import('./section.page.tsx').then((module) => ({ default: module.SectionPage })));
export const RegisterPage = lazy(() => import('./register.page.tsx').then((module) => ({ default: module.RegisterPage })));
export const ApplicationsPage = lazy(() => import('./applications.page.tsx').then((module) => ({ default: module.ApplicationsPage })));
