import type { FormInstance } from 'antd';
import { ApiError } from './api-client.ts';

/**
 * Puts a problem's field errors (`errors[].field`, dotted paths such as `roles.0`) on the antd form fields
 * that exist. Returns the messages that matched no field, for the caller to show above the form.
 */
export function applyProblemToForm(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const unmatched: string[] = [];
  const byField = new Map<string, string[]>();
  for (const fieldError of error.problem.errors ?? []) {
    const [name] = fieldError.field.split('.');
    if (!name) {
      unmatched.push(fieldError.message);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), fieldError.message]);
  }
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = [...byField].filter(([name]) => known.has(name)).map(([name, errors]) => ({ name, errors }));
  form.setFields(fields);
  for (const [name, errors] of byField) if (!known.has(name)) unmatched.push(`${name}: ${errors.join('; ')}`);
  if (fields.length === 0 && unmatched.length === 0) unmatched.push(error.problem.detail ?? error.problem.title);
  return unmatched;
}

/** The text to show for a failed call: the problem's title (already in the user's language). */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.title;
  return error instanceof Error ? error.message : String(error);
}
