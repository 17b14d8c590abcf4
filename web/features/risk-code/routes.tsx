import { lazy } from 'react';

export const ColourMapPage = lazy(() => import('./colour-map.page.tsx').then((module) => ({ default: module.ColourMapPage })));
export const ColourTablePage = lazy(() => import('./colour-table.page.tsx').then((module) => ({ default: module.ColourTablePage })));
export const EntityColourPage = lazy(() => import('./entity-colour.page.tsx').then((module) => ({ default: module.EntityColourPage })));
