// The HTTP contract as the web sees it: types only, taken from the server's TypeBox schemas (the one
// source of truth), so a field renamed on the server fails the web typecheck.
import type { Static } from 'typebox';
import type {
  CreateUserBody as CreateUserSchema,
  UpdateUserBody as UpdateUserSchema,
  UserView as UserSchema,
} from '../../server/platform/accounts/accounts.schemas.ts';
import type { AuditEventView, ChainReportView } from '../../server/platform/audit/audit.schemas.ts';
import type { MeView, SignInResult as SignInSchema, TotpEnrolmentView } from '../../server/platform/auth/auth.schemas.ts';
import type { JobView as JobSchema, RunView } from '../../server/platform/jobs/jobs.schemas.ts';
import type { OrgUnitView } from '../../server/platform/org/org.schemas.ts';

export type Language = 'zh-CN' | 'en';

export interface Page<T> {
  items: T[];
  total: number;
}

export type Me = MeView;
export type SignInResult = Static<typeof SignInSchema>;
export type TotpEnrolment = Static<typeof TotpEnrolmentView>;
export type UserView = UserSchema;
export type CreateUserBody = CreateUserSchema;
export type UpdateUserBody = UpdateUserSchema;
export type OrgUnit = OrgUnitView;
export type AuditEvent = AuditEventView;
export type AuditChainReport = ChainReportView;
export type JobRun = RunView;
export type JobView = JobSchema;
