import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../lib/api-client.ts';
import type { CreateInspectionBody, InspectionView } from './api.ts';

/**
 * Slow connections in the field: the inspect form's draft is kept in this browser (a reload loses nothing), and a
 * submission goes to an outbox with a client-generated idempotency key before it is sent. Offline, it waits there
 * and is sent when the browser is back online (or the page is opened again); the server answers a repeated key
 * with the inspection already saved, so a resend never makes a second one.
 */

/** `queuedInPage`: waiting, but only in this page's memory (the browser's storage was full): closing the page loses it. */
export type OutboxState = 'idle' | 'queued' | 'queuedInPage' | 'uploading' | 'uploaded';

const draftKey = (userId: number, entityId: number) => `zhijian.food-inspection.draft.${userId}.${entityId}`;
const outboxKey = (userId: number, entityId: number) => `zhijian.food-inspection.outbox.${userId}.${entityId}`;

function read<T>(key: string): T | undefined {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** False when the browser refused (storage full — photos are large — or disabled in private mode). */
function write(key: string, value: unknown): boolean {
  try {
    if (value === undefined) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    // Storage full or disabled (private mode): the form still works, only without the local copy.
    return false;
  }
}

export function readDraft<T>(userId: number, entityId: number): T | undefined {
  return read<T>(draftKey(userId, entityId));
}

/** Keeps the draft; false when the browser's storage refused it (the caller may keep a smaller one). */
export function saveDraft(userId: number, entityId: number, draft: unknown): boolean {
  return write(draftKey(userId, entityId), draft);
}

/** A version-4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Worth sending again later: no network, or the server or a proxy failed (5xx); a 4xx answer is final. */
const isTransient = (error: unknown) => !(error instanceof ApiError) || error.problem.status === 0 || error.problem.status >= 500;

export function useInspectionOutbox(
  userId: number | undefined,
  entityId: number,
  handlers: { onSaved: (inspection: InspectionView) => void; onRejected: (error: unknown) => void },
) {
  const [state, setState] = useState<OutboxState>('idle');
  const sending = useRef(false);
  // A submission too large for the browser's storage (many photos) waits here instead: it survives going offline
  // while the page stays open, not a reload.
  const inMemory = useRef<CreateInspectionBody | undefined>(undefined);
  const latest = useRef(handlers);
  latest.current = handlers;

  const flush = useCallback(async () => {
    if (userId === undefined || sending.current) return;
    const stored = read<CreateInspectionBody>(outboxKey(userId, entityId));
    const body = stored ?? inMemory.current;
    if (!body) return;
    const waiting: OutboxState = stored ? 'queued' : 'queuedInPage';
    if (!navigator.onLine) {
      setState(waiting);
      return;
    }
    sending.current = true;
    setState('uploading');
    try {
      const saved = await api.post<InspectionView>('/food-inspections', body);
      write(outboxKey(userId, entityId), undefined);
      write(draftKey(userId, entityId), undefined);
      inMemory.current = undefined;
      setState('uploaded');
      latest.current.onSaved(saved);
    } catch (error) {
      if (isTransient(error)) setState(waiting);
      else {
        write(outboxKey(userId, entityId), undefined);
        inMemory.current = undefined;
        setState('idle');
        latest.current.onRejected(error);
      }
    } finally {
      sending.current = false;
    }
  }, [userId, entityId]);

  /** Puts the submission in the outbox (with its idempotency key) and sends it when it can. */
  const submit = useCallback(
    (body: CreateInspectionBody) => {
      if (userId === undefined) return;
      // A submission already waiting keeps its key: it may have reached the server with only the answer lost.
      const waiting = read<CreateInspectionBody>(outboxKey(userId, entityId)) ?? inMemory.current;
      const queued = { ...body, idempotencyKey: waiting?.idempotencyKey ?? body.idempotencyKey ?? newIdempotencyKey() };
      if (write(outboxKey(userId, entityId), queued)) inMemory.current = undefined;
      else inMemory.current = queued;
      void flush();
    },
    [userId, entityId, flush],
  );

  useEffect(() => {
    if (userId === undefined) return;
    if (read(outboxKey(userId, entityId))) void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    // A queued submission also retries now and then: `online` does not fire when only the server was unreachable.
    const timer = window.setInterval(() => {
      if (read(outboxKey(userId, entityId)) || inMemory.current) void flush();
    }, 30_000);
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(timer);
    };
  }, [userId, entityId, flush]);

  return { state, submit };
}
