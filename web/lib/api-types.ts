// The HTTP contract as the web sees it. The source of truth is the TypeBox schemas on the server
// (server/platform/auth/auth.schemas.ts, accounts/accounts.schemas.ts, audit/jobs/org routes); those files
// import Fastify types that would drag server code into the browser typecheck, so the shapes are restated
// here. Keep them in step with the server.
import type { Role } from '../../shared/roles.ts';

export type Language = 'zh-CN' | 'en';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  districtCode: string;
  districtName: string;
  roles: Role[];
  orgUnitId: number | null;
  orgUnitName: string | null;
  totpEnabled: boolean;
  language: Language;
  mustChangePassword: boolean;
}

export type SignInResult = { status: 'signed_in'; user: Me } | { status: 'totp_required' } | { status: 'totp_enrolment_required' };

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: number | null;
  orgUnitName: string | null;
  isDisabled: boolean;
  isLocked: boolean;
  totpEnabled: boolean;
  createdAt: string;
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId?: number | null;
}

export type UpdateUserBody = Partial<Omit<CreateUserBody, 'username'>>;

export interface OrgUnit {
  id: number;
  kind: 'bureau' | 'section' | 'station' | 'lab';
  name: string;
  nameEn: string;
  parentId: number | null;
}

export interface AuditEvent {
  districtCode: string;
  seq: number;
  at: string;
  actorUsername: string | null;
  actorRoles: string[];
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  reason: string | null;
  detail: Record<string, unknown>;
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  firstBroken?: { districtCode: string; seq: number; reason: string };
}

export interface JobRun {
  id: number;
  job: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: string;
  counts: Record<string, number>;
  error: string | null;
}

export interface JobView {
  name: string;
  schedule: string;
  description: string;
  lastRun?: JobRun;
}
