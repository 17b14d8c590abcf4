import i18n from './i18n.ts';

/** A server timestamp (ISO 8601) shown in the user's language, to the second. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
