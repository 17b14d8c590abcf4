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
