import { lazy } from 'react';

export const SpecialEquipmentRegisterPage = lazy(() => import('./register.page.tsx').then((module) => ({ default: module.RegisterPage })));
export const SpecialEquipmentDuePage = lazy(() => import('./register.page.tsx').then((module) => ({ default: module.DuePage })));
export const SpecialEquipmentPage = lazy(() => import('./equipment.page.tsx').then((module) => ({ default: module.EquipmentPage })));
export const SpecialEquipmentHazardsPage = lazy(() => import('./hazards.page.tsx').then((module) => ({ default: module.HazardsPage })));
export const SpecialEquipmentNewHazardPage = lazy(() => import('./hazards.page.tsx').then((module) => ({ default: module.NewHazardPage })));
export const SpecialEquipmentHazardPage = lazy(() => import('./hazards.page.tsx').then((module) => ({ default: module.HazardPage })));
export const SpecialEquipmentRatesPage = lazy(() => import('./rates.page.tsx').then((module) => ({ default: module.RatesPage })));
export const SpecialEquipmentOperatorsPage = lazy(() =>
  import('./operators.page.tsx').then((module) => ({ default: module.OperatorsPage })),
);
export const SpecialEquipmentCyclesPage = lazy(() => import('./cycles.page.tsx').then((module) => ({ default: module.CyclesPage })));
