import { lazy } from 'react';

export const ProductQualityPage = lazy(() =>
  import('./product-quality.page.tsx').then((module) => ({ default: module.ProductQualityPage })),
);
