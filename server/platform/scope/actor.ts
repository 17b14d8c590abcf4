import type { Role } from '../../../shared/roles.ts';

/**
 * Who is acting, and what they may see. Built once per request from the session; every query on a
 * tenant table narrows itself with scopeWhere(actor, …).
 */
export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  /** The district the account belongs to; writes go here. */
  readonly districtCode: string;
  /** The districts the account may read: its own, or every district of its city or province. */
  readonly districtCodes: readonly string[];
  readonly roles: readonly Role[];
  readonly orgUnitId: number | null;
  /** admin, leader and section staff see whole districts. */
  readonly isDistrictWide: boolean;
  /** An inspector's station streets; empty for other roles. */
  readonly streetCodes: readonly string[];
  /** The businesses an operator or market manager acts for. */
  readonly entityIds: readonly number[];
  /** A lab account's lab (an org unit of kind lab). */
  readonly labId: number | null;
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return actor.roles.some((role) => wanted.includes(role));
}

/**
 * The actor jobs and district-wide reads act as inside one district: district-wide, read-only use of other
 * modules' exports, recorded in the audit trail as user 0 "system".
 */
export function systemActorFor(districtCode: string): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: 'system',
    districtCode,
    districtCodes: [districtCode],
    roles: ['section'],
    orgUnitId: null,
    isDistrictWide: true,
    streetCodes: [],
    entityIds: [],
    labId: null,
  };
}
