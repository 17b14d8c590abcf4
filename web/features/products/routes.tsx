import { lazy } from 'react';

export const ProductsPage = lazy(() => import('./products.page.tsx').then((module) => ({ default: module.ProductsPage })));
