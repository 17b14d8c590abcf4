import type { AppInstance } from '../platform/http/routes.ts';
import { testPassword } from './factories.ts';

/** Signs in through the real route and returns the Cookie header for later requests. */
export async function signIn(app: AppInstance, username: string, password = testPassword): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === 'zj_sid');
  if (!cookie) throw new Error('no session cookie');
  return `zj_sid=${cookie.value}`;
}
