import type { AppInstance } from '../platform/http/routes.ts';
import { testPassword } from './factories.ts';
import type { CallAs } from './scope-probe.ts';

/** Signs in through the real route and returns the Cookie header for later requests. */
export async function signIn(app: AppInstance, username: string, password = testPassword): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === 'zj_sid');
  if (!cookie) throw new Error('no session cookie');
  return `zj_sid=${cookie.value}`;
}

/** A CallAs that also forgets every session (after the test clock moves past their timeouts). */
export interface ApiCaller extends CallAs {
  /** The user's Cookie header, signing them in if they are not yet. */
  cookieOf(username: string): Promise<string>;
  /** Forgets one user's session (their roles or bindings changed: the next call signs in again). */
  signOut(username: string): void;
  signOutAll(): void;
}

/**
 * Calls the app as a user, signing each user in once through the real route and keeping their cookie. JSON answers
 * come back parsed; others as text, or as bytes with `binary`. `app` is a getter: tests build the app in beforeAll.
 */
export function apiCaller(app: () => AppInstance, options: { binary?: boolean } = {}): ApiCaller {
  const cookies = new Map<string, string>();
  const cookieOf = async (username: string) => {
    let cookie = cookies.get(username);
    if (!cookie) {
      cookie = await signIn(app(), username);
      cookies.set(username, cookie);
    }
    return cookie;
  };
  const call: CallAs = async (username, method, url, body, contentType) => {
    const cookie = await cookieOf(username);
    const response = await app().inject({
      method,
      url,
      headers: { cookie, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return { status: response.statusCode, body: isJson ? response.json() : options.binary ? response.rawPayload : response.body };
  };
  return Object.assign(call, {
    cookieOf,
    signOut: (username: string) => void cookies.delete(username),
    signOutAll: () => cookies.clear(),
  });
}
