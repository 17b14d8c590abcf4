import { addMonths } from '../../../../shared/calendar-day.ts';
import type { EquipmentKind, InspectionResult } from './equipment-kinds.ts';

/**
 * Periodic-inspection cycles per kind, as data by effective date (a 2020 inspection is judged by the 2020 cycle).
 *
 * Sources (docs/decisions/0025; ../shared/research/anchors-china-rules.md §5): 特种设备安全法 Art. 40 (inspect
 * periodically; ask the inspection body one month before the certificate expires; uninspected or failed equipment must
 * not be used). The cycles are the TSG rules as the bureau applies them — elevators 1 year (TSG T7001-2009; TSG
 * T7001-2023 with T7008-2023 lets some years be self-tested, still yearly); boilers 1 year (external inspection, TSG
 * 11-2020); pressure vessels and pressure pipelines 3 years (first inspection within 3 years, TSG 21-2016 / TSG
 * D7005-2018; the later 3–6 years by safety grade is kept at the strict end); gas cylinders 3 years (general gases);
 * lifting machinery 2 years (TSG Q7015-2016); in-plant vehicles, passenger ropeways and amusement rides 1 year. Only the
 * elevator's year is in the research notes; the others are recollections, so the table is a bureau setting the section
 * changes by adding a row with a later effective date.
 */
export interface InspectionCycle {
  effectiveFrom: string;
  months: Readonly<Record<EquipmentKind, number>>;
}

export const inspectionCycles: readonly InspectionCycle[] = [
  {
    effectiveFrom: '2000-01-01',
    months: {
      elevator: 12,
      boiler: 12,
      pressure_vessel: 36,
      gas_cylinder: 36,
      pressure_pipeline: 36,
      lifting_machinery: 24,
      in_plant_vehicle: 12,
      passenger_ropeway: 12,
      amusement_ride: 12,
    },
  },
];

/**
 * The cycle (months) of a kind in force on a day: the latest row effective on or before it; a day before the first
 * row takes the first row (equipment older than the table was inspected on the oldest cycle known).
 */
export function cycleMonths(kind: EquipmentKind, on: string, cycles: readonly InspectionCycle[] = inspectionCycles): number {
  const newestFirst = [...cycles].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const row = newestFirst.find((cycle) => cycle.effectiveFrom <= on) ?? newestFirst[newestFirst.length - 1];
  if (!row) throw new RangeError('no inspection cycles');
  return row.months[kind];
}

/**
 * The next periodic inspection after one: a pass (or a pass after rectification) runs one cycle from the day of the
 * inspection; a fail is due again at once (the equipment must not be used until it passes).
 */
export function nextDueAfter(kind: EquipmentKind, inspectedOn: string, result: InspectionResult, cycles = inspectionCycles): string {
  return result === 'fail' ? inspectedOn : addMonths(inspectedOn, cycleMonths(kind, inspectedOn, cycles));
}

/** Before any periodic inspection: the first falls due one cycle after first use (the acceptance inspection before use). */
export function firstDue(kind: EquipmentKind, firstUsedOn: string, cycles = inspectionCycles): string {
  return addMonths(firstUsedOn, cycleMonths(kind, firstUsedOn, cycles));
}

export const dueFlags = ['in_date', 'due_soon', 'overdue'] as const;
export type DueFlag = (typeof dueFlags)[number];

/**
 * Where a piece of equipment stands on `today`: overdue once the due day has passed, due soon from one month before
 * it (the month in which Art. 40 asks the user to request the inspection), otherwise in date.
 */
export function dueFlag(nextDueOn: string, today: string): DueFlag {
  if (today > nextDueOn) return 'overdue';
  if (today >= addMonths(nextDueOn, -1)) return 'due_soon';
  return 'in_date';
}
