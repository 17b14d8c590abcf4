/**
 * The shapes the workshops API returns (the web takes its types from here). Validation schemas of the
 * request bodies stay in workshops.routes.ts.
 */
import type { ListCriteria } from './rules/red-black-list.ts';

export type { EvaluationItem, ListCriteria } from './rules/red-black-list.ts';
export type ListName = 'red' | 'black' | 'neither';
export interface LocalText {
  'zh-CN': string;
  en: string;
}

/** GET /api/v1/workshops/criteria: the bureau's setting in force (`id` null = the documented defaults). */
export interface CriteriaView {
  id: number | null;
  criteria: ListCriteria;
}

export interface EvaluationView {
  id: number;
  entityId: number;
  streetCode: string;
  criteriaId: number | null;
  evaluatedOn: string;
  answers: Record<string, boolean>;
  note: string;
  evaluatedBy: number | null;
  createdAt: string;
}

export interface MembershipView {
  entityId: number;
  name: string;
  creditCode: string;
  list: ListName;
  reasons: LocalText[];
  passedPercent: number | null;
}

export interface SnapshotView {
  id: number;
  districtCode: string;
  period: string;
  publishedOn: string;
  /** null = published by the monthly job. */
  publishedBy: number | null;
  entries: Omit<MembershipView, 'passedPercent'>[];
  createdAt: string;
}

export interface AppealView {
  id: number;
  districtCode: string;
  entityId: number;
  streetCode: string;
  snapshotId: number | null;
  reason: string;
  status: 'open' | 'upheld' | 'rejected';
  decisionNote: string;
  filedBy: number | null;
  decidedBy: number | null;
  createdAt: string;
  decidedAt: string | null;
}
