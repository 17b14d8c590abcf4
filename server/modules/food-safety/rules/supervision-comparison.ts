import { findingStatuses } from '../../../../shared/vocabularies/food-safety.ts';
import { isEmployedOn } from './certificate-state.ts';

export { findingStatuses };

/**
 * 监管数据比对 — the supervision data-comparison rules (issue 3; BRIEF capability 2). Each rule is a pure function
 * from plain snapshots of the sources to findings; a finding's `key` is stable for the same contradiction, so a
 * rerun recognises it (de-duplication) and its disappearance closes it. Legal anchors:
 * - C1 staff without a valid health certificate: 《食品安全法》第45条, penalty Art. 126(6).
 * - C2 operating without a valid food business licence: 《食品安全法》第35条 (licence required), Art. 122.
 * - C3 approved shop upload contradicting the registry: the registry is the record of 《市场主体登记管理条例》.
 * - C4 rectification deadline passed without re-inspection: SAMR Order 49 Art. 33 (order rectification, follow up).
 * - C5 one person full-time at more shops than plausible: the limit is a LOCAL SETTING (default 2).
 * - C6 cancelled entity with open licences or active staff: 《市场主体登记管理条例》 on cancellation.
 */
export const comparisonRules = [
  'staff-certificate',
  'licence-invalid',
  'upload-contradicts-registry',
  'rectification-overdue',
  'person-at-too-many-shops',
  'cancelled-entity-active',
] as const;
export type ComparisonRule = (typeof comparisonRules)[number];

export interface Finding {
  rule: ComparisonRule;
  /** Stable de-duplication key: same contradiction ⇒ same key. */
  key: string;
  /** The entity the finding is routed by (its station). */
  entityId: number;
  detail: Record<string, string | number | null>;
}

export interface EntitySnapshot {
  id: number;
  status: 'active' | 'cancelled' | 'suspended' | string;
  name: string;
  address: string;
}

export interface LicenceSnapshot {
  id: number;
  entityId: number;
  number: string;
  kind: string;
  status: 'valid' | 'cancelled' | 'revoked' | 'expired' | string;
  validUntil: string | null;
}

export interface StaffSnapshot {
  id: number;
  entityId: number;
  idBlindIndex: string;
  isFullTime: boolean;
  hiredOn: string;
  leftOn: string | null;
  /** Latest certificate validity, null when the person has none. */
  certificateValidUntil: string | null;
}

/** C1: a person employed at an open (active) shop whose health certificate is expired or missing on `today`. */
export function staffCertificateFindings(entities: readonly EntitySnapshot[], staff: readonly StaffSnapshot[], today: string): Finding[] {
  const open = new Set(entities.filter((entity) => entity.status === 'active').map((entity) => entity.id));
  const findings: Finding[] = [];
  for (const person of staff) {
    if (!open.has(person.entityId) || !isEmployedOn(person, today)) continue;
    if (person.certificateValidUntil !== null && person.certificateValidUntil >= today) continue;
    findings.push({
      rule: 'staff-certificate',
      key: `staff-certificate:${person.entityId}:${person.id}`,
      entityId: person.entityId,
      detail: {
        staffId: person.id,
        state: person.certificateValidUntil === null ? 'missing' : 'expired',
        validUntil: person.certificateValidUntil,
      },
    });
  }
  return findings;
}

function isLicenceValidOn(licence: LicenceSnapshot, today: string): boolean {
  return licence.status === 'valid' && (licence.validUntil === null || licence.validUntil >= today);
}

/** C2: an active entity holding food business licences none of which is valid today (expired or cancelled). */
export function licenceInvalidFindings(
  entities: readonly EntitySnapshot[],
  licences: readonly LicenceSnapshot[],
  today: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const entity of entities) {
    if (entity.status !== 'active') continue;
    const own = licences.filter((licence) => licence.entityId === entity.id && licence.kind === 'food');
    if (own.length === 0 || own.some((licence) => isLicenceValidOn(licence, today))) continue;
    const latest = [...own].sort((a, b) => ((a.validUntil ?? '') < (b.validUntil ?? '') ? 1 : -1))[0] as LicenceSnapshot;
    findings.push({
      rule: 'licence-invalid',
      key: `licence-invalid:${entity.id}`,
      entityId: entity.id,
      detail: {
        licenceNumber: latest.number,
        licenceStatus: latest.status === 'valid' ? 'expired' : latest.status,
        validUntil: latest.validUntil,
      },
    });
  }
  return findings;
}

export interface ApprovedUploadSnapshot {
  entityId: number;
  uploadId: number;
  name: string;
  address: string;
  licenceNumber: string | null;
}

const normalise = (text: string) => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();

/** C3: the approved shop upload's name, address or licence number differs from the registry (one finding per field). */
export function uploadContradictionFindings(
  entities: readonly EntitySnapshot[],
  licences: readonly LicenceSnapshot[],
  uploads: readonly ApprovedUploadSnapshot[],
): Finding[] {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const findings: Finding[] = [];
  for (const upload of uploads) {
    const entity = byId.get(upload.entityId);
    if (!entity) continue;
    const compare: [string, string, string | null][] = [
      ['name', upload.name, entity.name],
      ['address', upload.address, entity.address],
    ];
    if (upload.licenceNumber !== null) {
      const numbers = licences
        .filter((licence) => licence.entityId === entity.id && licence.kind === 'food')
        .map((licence) => licence.number);
      const matches = numbers.some((number) => normalise(number) === normalise(upload.licenceNumber as string));
      if (!matches) compare.push(['licenceNumber', upload.licenceNumber, numbers[0] ?? null]);
    }
    for (const [field, uploaded, registered] of compare) {
      if (field !== 'licenceNumber' && registered !== null && normalise(uploaded) === normalise(registered)) continue;
      findings.push({
        rule: 'upload-contradicts-registry',
        key: `upload-contradicts-registry:${entity.id}:${field}`,
        entityId: entity.id,
        detail: { field, uploaded, registered, uploadId: upload.uploadId },
      });
    }
  }
  return findings;
}

export interface RectificationSnapshot {
  id: number;
  entityId: number;
  deadline: string;
  /** Re-inspection date that closed it, or null while open. */
  closedOn: string | null;
}

/** C4: a rectification order whose deadline has passed (deadline < today) without a closing re-inspection. */
export function rectificationOverdueFindings(orders: readonly RectificationSnapshot[], today: string): Finding[] {
  return orders
    .filter((order) => order.closedOn === null && order.deadline < today)
    .map((order) => ({
      rule: 'rectification-overdue' as const,
      key: `rectification-overdue:${order.id}`,
      entityId: order.entityId,
      detail: { orderId: order.id, deadline: order.deadline },
    }));
}

/** C5: the same person (ID blind index) employed full-time today at more than `maxShops` distinct shops; one finding per shop. */
export function personAtTooManyShopsFindings(staff: readonly StaffSnapshot[], today: string, maxShops = 2): Finding[] {
  const shopsByPerson = new Map<string, Set<number>>();
  for (const person of staff) {
    if (!person.isFullTime || !isEmployedOn(person, today)) continue;
    const shops = shopsByPerson.get(person.idBlindIndex) ?? new Set<number>();
    shops.add(person.entityId);
    shopsByPerson.set(person.idBlindIndex, shops);
  }
  const findings: Finding[] = [];
  for (const [blindIndex, shops] of shopsByPerson) {
    if (shops.size <= maxShops) continue;
    for (const entityId of [...shops].sort((a, b) => a - b)) {
      findings.push({
        rule: 'person-at-too-many-shops',
        key: `person-at-too-many-shops:${blindIndex}:${entityId}`,
        entityId,
        detail: { shops: shops.size, maxShops },
      });
    }
  }
  return findings;
}

/** C6: a cancelled entity that still holds a licence not cancelled/revoked, or still has staff employed today. */
export function cancelledEntityActiveFindings(
  entities: readonly EntitySnapshot[],
  licences: readonly LicenceSnapshot[],
  staff: readonly StaffSnapshot[],
  today: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const entity of entities) {
    if (entity.status !== 'cancelled') continue;
    const openLicences = licences.filter((licence) => licence.entityId === entity.id && isLicenceValidOn(licence, today)).length;
    const activeStaff = staff.filter((person) => person.entityId === entity.id && isEmployedOn(person, today)).length;
    if (openLicences === 0 && activeStaff === 0) continue;
    findings.push({
      rule: 'cancelled-entity-active',
      key: `cancelled-entity-active:${entity.id}`,
      entityId: entity.id,
      detail: { openLicences, activeStaff },
    });
  }
  return findings;
}

export interface ComparisonSources {
  entities: readonly EntitySnapshot[];
  licences: readonly LicenceSnapshot[];
  staff: readonly StaffSnapshot[];
  uploads: readonly ApprovedUploadSnapshot[];
  rectifications: readonly RectificationSnapshot[];
}

/** All six rules over one snapshot; keys are unique in the result. */
export function runComparison(sources: ComparisonSources, today: string, maxShops = 2): Finding[] {
  const all = [
    ...staffCertificateFindings(sources.entities, sources.staff, today),
    ...licenceInvalidFindings(sources.entities, sources.licences, today),
    ...uploadContradictionFindings(sources.entities, sources.licences, sources.uploads),
    ...rectificationOverdueFindings(sources.rectifications, today),
    ...personAtTooManyShopsFindings(sources.staff, today, maxShops),
    ...cancelledEntityActiveFindings(sources.entities, sources.licences, sources.staff, today),
  ];
  const seen = new Map<string, Finding>();
  for (const finding of all) if (!seen.has(finding.key)) seen.set(finding.key, finding);
  return [...seen.values()];
}

export type FindingStatus = (typeof findingStatuses)[number];

/**
 * Reconcile stored findings with a fresh run: a new key opens a finding; a key already open/handled/dismissed is
 * left alone (dismissed ones are not raised again while the contradiction lasts); an open or handled finding whose
 * key is gone closes by itself (resolved); a resolved finding whose contradiction comes back opens a new one.
 */
export function reconcileFindings(
  stored: readonly { id: number; key: string; status: FindingStatus }[],
  fresh: readonly Finding[],
): { toOpen: Finding[]; toResolve: number[] } {
  const live = new Map<string, FindingStatus>();
  for (const row of stored) if (row.status !== 'resolved') live.set(row.key, row.status);
  const freshKeys = new Set(fresh.map((finding) => finding.key));
  const toOpen = fresh.filter((finding) => !live.has(finding.key));
  const toResolve = stored
    .filter((row) => (row.status === 'open' || row.status === 'handled') && !freshKeys.has(row.key))
    .map((row) => row.id);
  return { toOpen, toResolve };
}
