import { addMonths } from '../../../../shared/calendar-day.ts';

/**
 * Emergency plans 应急预案: a plan is reviewed at least every three years (生产安全事故应急预案管理办法, 应急管理部令
 * 第2号 2019, Art. 35: 每三年进行一次应急预案评估); the review day defaults to three years after approval. A plan is
 * `due` once its review day has passed.
 */
export const planReviewMonths = 36;

export const defaultReviewDue = (approvedOn: string) => addMonths(approvedOn, planReviewMonths);

export const isPlanReviewDue = (reviewDue: string, today: string) => today > reviewDue;
