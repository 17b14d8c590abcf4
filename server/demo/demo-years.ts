import { addDays } from '../../shared/calendar-day.ts';
import { dayNumber } from './prng.ts';

/** One year of the demo district's life after 2020: the figures each module's demo is asked to produce. */
export interface DemoYear {
  year: number;
  /** Complaints and reports accepted, petitions closed, and the satisfaction survey's answers. */
  complaints: { accepted: number; petitionsClosed: number; surveyAnswers: [number, number, number] };
  /** Cases closed, major among them, and their fines and confiscations (whole hundreds of yuan). */
  cases: { closed: number; major: number; totalAmountYuan: string; majorAmountYuan: string };
  /** Routine food sampling: batches finished and published, and the share that passed. */
  sampling: { batches: number; passRate: number };
}

/**
 * The trend after the 2020 work summary, as multiples of 2020 (complaints kept rising after the epidemic year, then
 * eased; cases and sampling grew steadily). Years past the table continue its last step.
 */
const growth = {
  complaints: [1.18, 1.27, 1.35, 1.3, 1.26, 1.22],
  petitions: [0.95, 0.9, 0.86, 0.82, 0.79, 0.76],
  cases: [1.08, 1.15, 1.21, 1.18, 1.24, 1.27],
  // 2021: the plan's 100 production + 120 circulation batches.
  sampling: [220 / 210, 1.12, 1.19, 1.25, 1.29, 1.33],
  passRate: [0.955, 0.96, 0.962, 0.965, 0.968, 0.97],
};
const base2020 = { complaints: 3_325, petitions: 481, cases: 365, samplingBatches: 210 };

function factor(table: readonly number[], index: number): number {
  if (index < table.length) return table[index] as number;
  const last = table.at(-1) as number;
  const step = last / (table.at(-2) as number);
  return last * step ** (index - table.length + 1);
}

/** The share of a window [from, to] of the year that lies before `until` (0 before it starts, 1 after it ends). */
function shareBefore(from: string, to: string, until: string): number {
  const span = dayNumber(to) - dayNumber(from);
  return Math.min(1, Math.max(0, (dayNumber(until) - dayNumber(from)) / span));
}

/**
 * The figures of every year from 2021 to the year of `today`; the current year's counts are the share of the year
 * each module can already have finished by `today` (complaints received up to 40 days before it, cases closed up
 * to it, samples taken up to 60 days before it). Pure and deterministic: same day, same figures.
 */
export function demoYears(today: string): DemoYear[] {
  const years: DemoYear[] = [];
  for (let year = 2021; year <= Number(today.slice(0, 4)); year++) {
    const index = year - 2021;
    const complaintShare = shareBefore(`${year}-01-02`, `${year}-12-10`, addDays(today, -40));
    const petitionShare = shareBefore(`${year}-01-02`, `${year}-10-31`, addDays(today, -60));
    const caseShare = shareBefore(`${year}-01-06`, `${year}-12-31`, today);
    const samplingShare = shareBefore(`${year}-03-02`, `${year}-11-20`, addDays(today, -60));
    const accepted = Math.round(base2020.complaints * factor(growth.complaints, index) * complaintShare);
    // About 55% of accepted complaints answer the survey: 95% satisfied, 3% basically, 2% not (98% satisfaction).
    const answers = accepted < 100 ? 0 : Math.round(accepted * 0.74 * 0.55);
    const basically = Math.round(answers * 0.03);
    const dissatisfied = Math.round(answers * 0.02);
    const closed = Math.round(base2020.cases * factor(growth.cases, index) * caseShare);
    const major = Math.round(closed * 0.2);
    // Averages near 2020's (664.93万 over 77 major cases ≈ 86,000 yuan; the rest ≈ 5,900 yuan), in hundreds of yuan.
    const majorHundreds = major * (850 + ((year * 37) % 60));
    const minorHundreds = (closed - major) * (55 + ((year * 13) % 10));
    years.push({
      year,
      complaints: {
        accepted,
        petitionsClosed: Math.round(base2020.petitions * factor(growth.petitions, index) * petitionShare),
        surveyAnswers: [answers - basically - dissatisfied, basically, dissatisfied],
      },
      cases: {
        closed,
        major,
        totalAmountYuan: `${(majorHundreds + minorHundreds) * 100}.00`,
        majorAmountYuan: `${majorHundreds * 100}.00`,
      },
      sampling: {
        batches: Math.round(base2020.samplingBatches * factor(growth.sampling, index) * samplingShare),
        passRate: Math.min(0.99, factor(growth.passRate, index)),
      },
    });
  }
  return years;
}
