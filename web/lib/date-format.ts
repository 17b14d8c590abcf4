import dayjs, { type Dayjs } from 'dayjs';
import { chinaTimeZone, todayInChina } from '../../shared/calendar-day.ts';
import i18n from './i18n.ts';

/** The bureau's time zone: every date and time a person sees is China time, whatever the browser's zone is. */
export { chinaTimeZone };

/** A server timestamp (ISO 8601) shown in China time in the user's language, to the second. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: chinaTimeZone });
}

/** The China date (YYYY-MM-DD) of a server timestamp: 2026-11-29T16:30Z is 2026-11-30. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return todayInChina(date);
}

/** Today in China (YYYY-MM-DD), the default for date fields and the "today" of every comparison. */
export function chinaToday(now: Date = new Date()): string {
  return formatDate(now.toISOString());
}

/** This year in China. */
export function chinaYear(now: Date = new Date()): number {
  return Number(chinaToday(now).slice(0, 4));
}

/** Today in China as a date picker value (a browser elsewhere would offer its own date). */
export function chinaTodayPicker(): Dayjs {
  return dayjs(chinaToday());
}
