import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BrokenLink,
  type ChainedFields,
  canonicalJson,
  chainHash,
  chainStart,
  collectBrokenLinks,
  type StoredEvent,
} from './audit-chain.ts';

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

/** Every broken link of one district's chain, walked from its start. */
function brokenLinks(events: StoredEvent[], withKeys: ReadonlyMap<string, Buffer> = keys): BrokenLink[] {
  const broken: BrokenLink[] = [];
  collectBrokenLinks(events, withKeys, { expectedSeq: 1, prevHash: chainStart }, broken);
  return broken;
}

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
    // Pinned: a change of the canonical form or of the fields hashed breaks every chain already stored.
    expect(event?.hash).toBe('14f28e6694e799afe6485130d6ad8e4d5eb3deeae39575c7596d152bad38fa75');
    // The same value from the documented recipe, HMAC-SHA256(key, prev_hash ‖ "\n" ‖ canonical JSON of the fields).
    const canonical =
      '{"action":"user.create","actorRoles":["admin"],"actorUserId":1,"actorUsername":"admin","at":"2026-01-01T00:00:00.000Z",' +
      '"detail":{"a":[1,{"c":3,"d":2}],"b":1},"districtCode":"330212","ip":"127.0.0.1","keyId":"k1","objectId":"2",' +
      '"objectType":"user","outcome":"success","reason":null,"requestId":"r1","seq":1}';
    expect(createHmac('sha256', key).update(`genesis\n${canonical}`).digest('hex')).toBe(event?.hash);
  });

  it('verifies any intact chain', () => {
    fc.assert(fc.property(fc.array(eventFields, { maxLength: 20 }), (list) => brokenLinks(chain(list)).length === 0));
  });

  it('names exactly the edited event when any field of any event is edited', () => {
    fc.assert(
      fc.property(fc.array(eventFields, { minLength: 1, maxLength: 15 }), fc.nat(), fc.string({ minLength: 1 }), (list, pick, text) => {
        const events = chain(list);
        const index = pick % events.length;
        const target = events[index] as StoredEvent;
        const edited = { ...target, reason: `${target.reason ?? ''}${text}` };
        events[index] = edited;
        expect(brokenLinks(events)).toEqual([{ districtCode: '330212', seq: index + 1, reason: 'hash' }]);
      }),
    );
  });

  it('reports every edited event, so a later edit does not hide behind an earlier one', () => {
    fc.assert(
      fc.property(fc.array(eventFields, { minLength: 2, maxLength: 15 }), fc.uniqueArray(fc.nat(), { minLength: 1 }), (list, picks) => {
        const events = chain(list);
        const edited = [...new Set(picks.map((pick) => pick % events.length))].sort((a, b) => a - b);
        for (const index of edited) events[index] = { ...(events[index] as StoredEvent), action: 'tampered' };
        expect(brokenLinks(events)).toEqual(edited.map((index) => ({ districtCode: '330212', seq: index + 1, reason: 'hash' })));
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
    expect(brokenLinks([...events.slice(0, 2), ...events.slice(3)])).toEqual([{ districtCode: '330212', seq: 3, reason: 'missing' }]);
    const swapped = [events[0], events[2], events[1], events[3]] as StoredEvent[];
    expect(brokenLinks(swapped)[0]?.seq).toBe(2);
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
    expect(brokenLinks(events, new Map())).toEqual([{ districtCode: '330212', seq: 1, reason: 'unknown_key' }]);
  });
});
