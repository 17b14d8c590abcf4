import { and, asc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../http/context.ts';
import { smsOutbox } from './sms.tables.ts';

export interface SmsInput {
  districtCode: string;
  /** Plain number; stored encrypted. */
  phone: string;
  body: string;
  /** Dotted purpose owned by the caller: `complaint.survey`, `health_certificate.expiry`… */
  purpose: string;
  refType?: string;
  refId?: string | number;
}

/**
 * Puts a text message in the outbox. Call it with the caller's transaction as `ctx.db`, so the message
 * exists exactly when the change that caused it commits; the `sms.send` job delivers it later.
 */
export async function queueSms(ctx: ServiceContext, input: SmsInput): Promise<number> {
  const [row] = await ctx.db
    .insert(smsOutbox)
    .values({
      districtCode: input.districtCode,
      phoneEnc: ctx.crypto.encrypt(input.phone),
      body: input.body,
      purpose: input.purpose,
      refType: input.refType ?? null,
      refId: input.refId === undefined ? null : String(input.refId),
      createdAt: ctx.clock.now(),
    })
    .returning({ id: smsOutbox.id });
  return (row as { id: number }).id;
}

/** What delivers a message. A real operator's API plugs in here; the default only logs. */
export interface SmsGateway {
  readonly name: string;
  send(message: { phone: string; body: string }): Promise<void>;
}

/** The default gateway: marks messages sent and logs that it did, without the number or the text. */
export function loggingSmsGateway(log: { info(object: object, message: string): void }): SmsGateway {
  return {
    name: 'log',
    async send(message) {
      log.info({ length: message.body.length }, 'sms handed to the logging gateway (no real delivery configured)');
    },
  };
}

/** Gives up on a message after this many failed attempts. */
export const maxSmsAttempts = 5;

/**
 * Sends up to `limit` queued messages, oldest first: each one sent is marked `sent`, each failure is
 * counted and the message is marked `failed` after maxSmsAttempts.
 */
export async function sendQueuedSms(ctx: ServiceContext, gateway: SmsGateway, limit = 200): Promise<{ sent: number; failed: number }> {
  const queued = await ctx.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.status, 'queued'))
    .orderBy(asc(smsOutbox.createdAt), asc(smsOutbox.id))
    .limit(limit);
  let sent = 0;
  let failed = 0;
  for (const message of queued) {
    const key = and(eq(smsOutbox.districtCode, message.districtCode), eq(smsOutbox.id, message.id));
    try {
      await gateway.send({ phone: ctx.crypto.decrypt(message.phoneEnc), body: message.body });
      await ctx.db
        .update(smsOutbox)
        .set({ status: 'sent', sentAt: ctx.clock.now(), attempts: sql`${smsOutbox.attempts} + 1`, lastError: null })
        .where(key);
      sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      await ctx.db
        .update(smsOutbox)
        .set({
          attempts,
          status: attempts >= maxSmsAttempts ? 'failed' : 'queued',
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        })
        .where(key);
      failed += 1;
    }
  }
  return { sent, failed };
}
