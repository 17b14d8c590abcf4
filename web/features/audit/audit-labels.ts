import type { TFunction } from 'i18next';

/** A person reads 登录 / Sign-in, not auth.login: the code's label, else its object's label and verb. */
export function auditActionLabel(t: TFunction, action: string, exists: (key: string) => boolean): string {
  const key = `audit.actions.${action}`;
  if (exists(`admin:${key}`) && typeof t(key, { returnObjects: true }) === 'string') return t(key);
  const parts = action.split('.');
  const object = parts[0] ?? action;
  const verb = parts.at(-1) ?? '';
  const objectLabel = exists(`admin:audit.objects.${object}`) ? t(`audit.objects.${object}`) : object;
  const verbLabel = exists(`admin:audit.verbs.${verb}`) ? t(`audit.verbs.${verb}`) : verb;
  return `${objectLabel} · ${verbLabel}`;
}
