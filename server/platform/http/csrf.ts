import type { FastifyRequest } from 'fastify';
import { crossSiteRequest } from '../errors/problem.ts';
import type { Platform } from './context.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every state-changing request (ASVS 3.5.1): a browser's Origin (or Sec-Fetch-Site)
 * must be this site. Together with the SameSite=Strict session cookie and JSON-only bodies (a
 * cross-site form cannot send application/json without a preflight), no other site can act for a user.
 * Clients that are not browsers send neither header and carry no ambient cookie, so they pass.
 */
export function csrfOriginCheck(platform: Platform) {
  const publicOrigin = platform.config.ZHIJIAN_PUBLIC_URL ? new URL(platform.config.ZHIJIAN_PUBLIC_URL).origin : undefined;
  return async (request: FastifyRequest) => {
    if (safeMethods.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const ownOrigin = `${request.protocol}://${request.host}`;
      if (origin !== ownOrigin && origin !== publicOrigin) throw crossSiteRequest();
      return;
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossSiteRequest();
  };
}
