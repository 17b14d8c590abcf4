import { registryProbes } from '../modules/registry/registry.probes.ts';
import type { TestDistrict } from './factories.ts';

/** Calls the real API as a user of the test world (signed in through the real route). */
export type CallAs = (
  username: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  contentType?: string,
) => Promise<{ status: number; body: unknown }>;

export interface ProbeWorld {
  home: TestDistrict;
  other: TestDistrict;
  call: CallAs;
}

/**
 * How to prove one `/:id` route keeps to its scope: `setup` makes an object inside `home` and names
 * the users who hold the route's role but not that scope. Each of them must get 404 for its id.
 */
export interface ScopeProbe {
  /** `METHOD /url/:id`, exactly as registered. */
  route: string;
  setup(world: ProbeWorld): Promise<{ id: number | string; body?: unknown; outsiders: string[] }>;
}

const userRoutes = ['GET', 'PATCH', 'POST disable', 'POST enable', 'POST reset-password', 'POST reset-totp'].map((entry) => {
  const [method, action] = entry.split(' ');
  return { method: method as string, url: `/api/v1/users/:id${action ? `/${action}` : ''}` };
});

/** The platform's own probes; each module adds its list here. */
export const scopeProbes: ScopeProbe[] = [
  ...registryProbes,
  ...userRoutes.map(
    ({ method, url }): ScopeProbe => ({
      route: `${method} ${url}`,
      setup: async ({ home, other }) => ({
        id: home.users.leader.id,
        body: method === 'PATCH' ? { displayName: 'renamed' } : {},
        outsiders: [other.users.admin.username],
      }),
    }),
  ),
];
