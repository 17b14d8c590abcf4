/**
 * Fields an item must carry before it can be handled: SAMR Order 20 Art. 9 for a complaint (complainant's
 * name, phone and address; respondent's name and address; the specific request and the facts), Art. 24 for
 * a report (a respondent and a concrete clue, the reporter may stay anonymous). A petition needs a
 * respondent or subject, the facts, and a way to answer the petitioner (phone or address).
 */
import type { ComplaintField, ComplaintRuleSet } from './complaint-rule-sets.ts';
import type { ComplaintKind } from './complaint-steps.ts';

export type ComplaintFieldValues = Partial<Record<ComplaintField, string | null | undefined>>;

const isBlank = (value: string | null | undefined) => value === null || value === undefined || value.trim() === '';

export function missingRequiredFields(
  kind: ComplaintKind,
  values: ComplaintFieldValues,
  rules: Pick<ComplaintRuleSet, 'requiredComplaintFields' | 'requiredReportFields'>,
  isAnonymous = false,
): ComplaintField[] {
  if (kind === 'complaint') return rules.requiredComplaintFields.filter((field) => isBlank(values[field]));
  if (kind === 'report') {
    const required = [...rules.requiredReportFields];
    if (!isAnonymous) required.push('complainantName', 'complainantPhone');
    return required.filter((field) => isBlank(values[field]));
  }
  const missing: ComplaintField[] = (['respondentName', 'facts', 'complainantName'] as const).filter((field) => isBlank(values[field]));
  if (isBlank(values.complainantPhone) && isBlank(values.complainantAddress)) missing.push('complainantPhone');
  return missing;
}
