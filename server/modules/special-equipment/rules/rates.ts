import type { EquipmentKind, EquipmentStatus, InspectionResult } from './equipment-kinds.ts';
import { firstDue, nextDueAfter } from './inspection-cycle.ts';
import { registrationDeadline } from './use-registration.ts';

/**
 * The three rates the 2021 plan checks — use-registration rate 使用登记率, periodic-inspection rate 定检率 and
 * certified-operator rate 作业人员持证上岗率. No national formula was found (../shared/research/anchors-china-rules.md
 * §5: "定检率 definition: not found"), so these are the bureau's documented setting (docs/decisions/0025), each a
 * share of records as of one day, computable by street, kind and user by filtering the records first:
 *
 * - **use-registration rate** = equipment registered by the day ÷ equipment in use on the day whose 30-day window
 *   (Art. 33) has closed, plus any registered earlier than that;
 * - **定检率** = equipment in use on the day that is in date (its next periodic inspection not past, by the latest
 *   inspection on or before the day; a fail is not in date) ÷ equipment in use on the day. Equipment stopped (停用)
 *   or scrapped on the day is out of both, as TSG 08 exempts stopped equipment until it is used again;
 * - **certified-operator rate** = operators on duty on the day holding a certificate valid on it ÷ operators on duty.
 */
export interface RateRecord {
  kind: EquipmentKind;
  firstUsedOn: string;
  registeredOn: string | null;
  status: EquipmentStatus;
  statusSince: string;
  inspections: readonly { inspectedOn: string; result: InspectionResult }[];
}

export interface Rate {
  counted: number;
  total: number;
  /** Percent with two decimals; null when nothing is counted. */
  percent: number | null;
}

const rateOf = (counted: number, total: number): Rate => ({
  counted,
  total,
  percent: total === 0 ? null : Math.round((counted / total) * 10000 + 1e-9) / 100,
});

/** In use on the day: put into use by then and not stopped or scrapped on it. */
export function inUseOn(record: Pick<RateRecord, 'firstUsedOn' | 'status' | 'statusSince'>, day: string): boolean {
  if (record.firstUsedOn > day) return false;
  return record.status === 'in_use' || record.statusSince > day;
}

/** The next periodic inspection due as of the day, from the latest inspection on or before it. */
export function nextDueAsOf(record: Pick<RateRecord, 'kind' | 'firstUsedOn' | 'inspections'>, day: string): string {
  let latest: { inspectedOn: string; result: InspectionResult } | undefined;
  for (const inspection of record.inspections)
    if (inspection.inspectedOn <= day && (!latest || inspection.inspectedOn >= latest.inspectedOn)) latest = inspection;
  return latest ? nextDueAfter(record.kind, latest.inspectedOn, latest.result) : firstDue(record.kind, record.firstUsedOn);
}

/** In date on the day: its next inspection is on or after the day, and the latest result is not a fail. */
export function inDateOn(record: Pick<RateRecord, 'kind' | 'firstUsedOn' | 'inspections'>, day: string): boolean {
  const latest = [...record.inspections]
    .filter((inspection) => inspection.inspectedOn <= day)
    .sort((a, b) => (a.inspectedOn < b.inspectedOn ? 1 : -1))[0];
  if (latest?.result === 'fail') return false;
  return nextDueAsOf(record, day) >= day;
}

export function registrationRate(records: readonly RateRecord[], day: string): Rate {
  const counted = records.filter(
    (record) =>
      inUseOn(record, day) &&
      (registrationDeadline(record.firstUsedOn) < day || (record.registeredOn !== null && record.registeredOn <= day)),
  );
  return rateOf(counted.filter((record) => record.registeredOn !== null && record.registeredOn <= day).length, counted.length);
}

export function periodicInspectionRate(records: readonly RateRecord[], day: string): Rate {
  const inUse = records.filter((record) => inUseOn(record, day));
  return rateOf(inUse.filter((record) => inDateOn(record, day)).length, inUse.length);
}

export interface OperatorRecord {
  onDutyFrom: string;
  validUntil: string | null;
}

export function certifiedOperatorRate(operators: readonly OperatorRecord[], day: string): Rate {
  const onDuty = operators.filter((operator) => operator.onDutyFrom <= day);
  return rateOf(onDuty.filter((operator) => operator.validUntil !== null && operator.validUntil >= day).length, onDuty.length);
}
