import { describe, expect, it, vi } from 'vitest';

// The i18n module sets the page's lang attribute when loaded: give it a document (the test runs in Node).
vi.stubGlobal('document', { documentElement: {}, addEventListener: () => undefined });
const { chinaToday, chinaYear, formatDate, formatDateTime } = await import('./date-format.ts');
const { default: i18n } = await import('./i18n.ts');

describe('dates and times are China time, whatever the browser zone', () => {
  it('shows a registration of 2026-11-30 00:30 in China as that day, not 2026/11/29 16:30', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(formatDateTime('2026-11-29T16:30:00Z')).toBe('2026/11/30 00:30:00');
    await i18n.changeLanguage('en');
    expect(formatDateTime('2026-11-29T16:30:00Z')).toBe('30/11/2026, 00:30:00');
    expect(formatDate('2026-11-29T16:30:00Z')).toBe('2026-11-30');
    expect(formatDate('2026-11-29T15:59:59Z')).toBe('2026-11-29');
    expect(formatDateTime(null)).toBe('—');
    await i18n.changeLanguage('zh-CN');
  });

  it('turns the year and the day at midnight in China', () => {
    expect(chinaToday(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
