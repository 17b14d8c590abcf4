import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalJson, chainHash, chainStart, findBrokenLink, type StoredEvent } from './audit-chain.ts';

const key = Buffer.alloc(32, 1);
const keys = new Map([['k1', key]]);

function chain(fieldsList: Omit<ChainedFields, 'seq' | 'districtCode' | 'keyId'>[]): StoredEvent[] {
  let prevHash = chainStart;
  return fieldsList.map((fields, index) => {
    const full: ChainedFields = { ...fields, districtCode: '330212', seq: index + 1, keyId: 'k1' };
    const hash = chainHash(key, prevHash, full);
    const event = { ...full, prevHash, hash };
    prevHash = hash;
    return event;
  });
}

const eventFields = fc.record({
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
  actorUserId: fc.option(fc.nat(), { nil: null }),
  actorUsername: fc.option(fc.string(), { nil: null }),
  actorRoles: fc.array(fc.constantFrom('admin', 'leader', 'inspector')),
  ip: fc.option(fc.ipV4(), { nil: null }),
  requestId: fc.option(fc.uuid(), { nil: null }),
  action: fc.constantFrom('auth.login', 'user.create', 'entity.reveal'),
  objectType: fc.option(fc.constantFrom('user', 'entity'), { nil: null }),
  objectId: fc.option(fc.nat().map(String), { nil: null }),
  outcome: fc.constantFrom('success', 'denied', 'failure'),
  reason: fc.option(fc.string(), { nil: null }),
  detail: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
});

const verify = (events: StoredEvent[]) => findBrokenLink(events, keys, { expectedSeq: 1, prevHash: chainStart });

describe('audit hash chain', () => {
  it('hashes an event to a fixed value (the format is stable across releases)', () => {
    const [event] = chain([
      {
        at: new Date('2026-01-01T00:00:00Z'),
        actorUserId: 1,
        actorUsername: 'admin',
        actorRoles: ['admin'],
        ip: '127.0.0.1',
        requestId: 'r1',
        action: 'user.create',
        objectType: 'user',
        objectId: '2',
        outcome: 'success',
        reason: null,
        detail: { b: 1, a: [1, { d: 2, c: 3 }] },
      },
    ]);
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(event?.hash).toBe(chainHash(key, chainStart, { ...(event as StoredEvent), prevHash: undefined, hash: undefined } as never));
    expect(event?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies any intact chain', () => {
    fc.assert(fc.property(fc.array(eventFields, { maxLength: 20 }), (list) => verify(chain(list)) === undefined));
  });

  it('names the first broken link when any field of any event is edited', () => {
    fc.assert(
      fc.property(fc.array(eventFields, { minLength: 1, maxLength: 15 }), fc.nat(), fc.string({ minLength: 1 }), (list, pick, text) => {
        const events = chain(list);
        const index = pick % events.length;
        const target = events[index] as StoredEvent;
        const edited = { ...target, reason: `${target.reason ?? ''}${text}` };
        events[index] = edited;
        expect(verify(events)).toEqual({ districtCode: '330212', seq: index + 1, reason: 'hash' });
      }),
    );
  });

  it('detects a deleted event and events swapped in order', () => {
    const list = Array.from({ length: 5 }, (_, index) => ({
      at: new Date(2026, 0, index + 1),
      actorUserId: 1,
      actorUsername: 'a',
      actorRoles: [],
      ip: null,
      requestId: null,
      action: 'x',
      objectType: null,
      objectId: null,
      outcome: 'success',
      reason: null,
      detail: {},
    }));
    const events = chain(list);
    expect(verify([...events.slice(0, 2), ...events.slice(3)])).toEqual({ districtCode: '330212', seq: 3, reason: 'missing' });
    const swapped = [events[0], events[2], events[1], events[3]] as StoredEvent[];
    expect(verify(swapped)?.seq).toBe(2);
  });

  it('refuses events made with a key it does not know', () => {
    const events = chain([
      {
        at: new Date(),
        actorUserId: null,
        actorUsername: null,
        actorRoles: [],
        ip: null,
        requestId: null,
        action: 'x',
        objectType: null,
        objectId: null,
        outcome: 'success',
        reason: null,
        detail: {},
      },
    ]);
    expect(findBrokenLink(events, new Map(), { expectedSeq: 1, prevHash: chainStart })?.reason).toBe('unknown_key');
  });
});
