import { lazy } from 'react';

const page = <T,>(load: () => Promise<T>, pick: (module: T) => React.ComponentType) =>
  lazy(() => load().then((module) => ({ default: pick(module) })));

export const RandomInspectionsPage = page(
  () => import('./random-inspections.page.tsx'),
  (module) => module.RandomInspectionsPage,
);
export const PlanPage = page(
  () => import('./plan.page.tsx'),
  (module) => module.PlanPage,
);
export const DrawPage = page(
  () => import('./draw.page.tsx'),
  (module) => module.DrawPage,
);
export const TaskListPage = page(
  () => import('./tasks.page.tsx'),
  (module) => module.TaskListPage,
);
export const TaskPage = page(
  () => import('./task.page.tsx'),
  (module) => module.TaskPage,
);
