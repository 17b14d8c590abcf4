import type { Actor } from '../scope/actor.ts';
import type { SessionStage } from './auth.tables.ts';

export interface AuthenticatedSession {
  stage: SessionStage;
  tokenHash: string;
  districtCode: string;
  userId: number;
  /** Only for a fully signed-in session. */
  actor?: Actor;
}
