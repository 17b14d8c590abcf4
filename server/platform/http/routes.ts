import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Role } from '../../../shared/roles.ts';
import { forbidden, notAuthenticated } from '../errors/problem.ts';
import type { Platform } from './context.ts';

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Every module exposes its HTTP side as one of these; server/app.ts registers them in one list. */
export type RoutePlugin = (app: AppInstance, platform: Platform) => Promise<void> | void;

/** preHandler: a signed-in actor holding one of the roles (any role when none is given). */
export function requireRole(...allowed: Role[]) {
  const check = async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.actor) throw notAuthenticated();
    if (allowed.length && !request.actor.roles.some((role) => allowed.includes(role))) throw forbidden();
  };
  // Read back by registeredRoutes(): the fuzz test signs in with a role the route accepts.
  return Object.assign(check, { allowedRoles: allowed as readonly Role[] });
}

/** The roles a route's preHandler admits: undefined for a public route, [] for any signed-in user. */
export function allowedRolesOf(preHandler: unknown): readonly Role[] | undefined {
  for (const handler of [preHandler].flat()) {
    const roles = (handler as { allowedRoles?: readonly Role[] } | undefined)?.allowedRoles;
    if (roles) return roles;
  }
  return undefined;
}

// Route files take the shared schemas from here too.
export { fileResponse, IdParams, listOf, NoBody, NoContent, PagingQuery } from './schemas.ts';
