import { lazy } from 'react';

export const UserListPage = lazy(() => import('./user-list.page.tsx').then((module) => ({ default: module.UserListPage })));
