import { lazy } from 'react';

export const CounterPage = lazy(() => import('./counter.page.tsx').then((module) => ({ default: module.CounterPage })));
export const SurveillancePage = lazy(() => import('./surveillance.page.tsx').then((module) => ({ default: module.SurveillancePage })));
export const StatusPage = lazy(() => import('./status.page.tsx').then((module) => ({ default: module.StatusPage })));
export const ServicePointsPage = lazy(() => import('./service-points.page.tsx').then((module) => ({ default: module.ServicePointsPage })));
export const AttendancePage = lazy(() => import('./attendance.page.tsx').then((module) => ({ default: module.AttendancePage })));
export const SuppliesPage = lazy(() => import('./supplies.page.tsx').then((module) => ({ default: module.SuppliesPage })));
export const AlarmsPage = lazy(() => import('./alarms.page.tsx').then((module) => ({ default: module.AlarmsPage })));
export const SettingsPage = lazy(() => import('./settings.page.tsx').then((module) => ({ default: module.SettingsPage })));
export const PosKeysPage = lazy(() => import('./pos-keys.page.tsx').then((module) => ({ default: module.PosKeysPage })));
