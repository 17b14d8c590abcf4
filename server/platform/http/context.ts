import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database, Db } from '../../db/client.ts';
import type { AuthenticatedSession } from '../auth/authenticated-session.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { notAuthenticated } from '../errors/problem.ts';
import { type Language, languageFromHeader } from '../i18n/language.ts';
import type { Actor } from '../scope/actor.ts';

/** The only source of "now": tests pass a clock they control. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What the process is built from; handed to every route plugin and job. */
export interface Platform {
  readonly config: Config;
  readonly database: Database;
  readonly crypto: FieldCrypto;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
}

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  readonly ip: string;
  readonly requestId: string;
  readonly userAgent: string;
  readonly language: Language;
}

/** What a service function receives: `(ctx, input) → result`. Inside a transaction, `db` is the transaction. */
export interface ServiceContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly crypto: FieldCrypto;
  readonly log: FastifyBaseLogger;
  readonly meta: RequestMeta;
  readonly actor?: Actor;
}

export interface ActorContext extends ServiceContext {
  readonly actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionTokenHash?: string;
    /** The session behind the cookie, also when sign-in is still waiting for its second factor. */
    pendingSession?: AuthenticatedSession;
  }
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return {
    ip: request.ip,
    requestId: String(request.id),
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
    language: languageFromHeader(request.headers['accept-language']),
  };
}

export function contextOf(platform: Platform, request: FastifyRequest): ServiceContext {
  return {
    db: platform.database.db,
    clock: platform.clock,
    crypto: platform.crypto,
    log: request.log,
    meta: requestMeta(request),
    actor: request.actor,
  };
}

/** The context of a signed-in request; throws 401 when there is no actor. */
export function actorContextOf(platform: Platform, request: FastifyRequest): ActorContext {
  const ctx = contextOf(platform, request);
  if (!ctx.actor) throw notAuthenticated();
  return { ...ctx, actor: ctx.actor };
}

/** A context for jobs and the CLI: no request, no actor. */
export function systemContext(platform: Platform, requestId = 'system'): ServiceContext {
  return {
    db: platform.database.db,
    clock: platform.clock,
    crypto: platform.crypto,
    log: platform.log,
    meta: { ip: 'local', requestId, userAgent: 'zhijian', language: 'zh-CN' },
  };
}
