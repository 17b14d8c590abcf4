import { describe, expect, it } from 'vitest';
import { checkSettings, defaultPharmacySettings, settingsOn } from './pharmacy-settings.ts';

describe('the bureau’s pharmacy settings', () => {
  it('the defaults are consistent', () => {
    expect(checkSettings(defaultPharmacySettings)).toEqual([]);
  });

  it('names every inconsistent field', () => {
    const problems = checkSettings({
      ...defaultPharmacySettings,
      reportCutOff: '24:00',
      opensAt: '20:00',
      closesAt: '08:00',
      retentionDays: 30,
    });
    expect(problems.map((problem) => `${problem.field}:${problem.code}`)).toEqual([
      'reportCutOff:time',
      'closesAt:order',
      'retentionDays:too_short',
    ]);
    expect(checkSettings({ ...defaultPharmacySettings, opensAt: '08:00', closesAt: '09:00', toleranceMinutes: 30 })[0]?.field).toBe(
      'toleranceMinutes',
    );
  });

  it('a day is judged by the setting in force on it; a later change of the same day wins', () => {
    const rows = [
      { id: 1, effectiveFrom: '2020-01-01', settings: { ...defaultPharmacySettings, reportCutOff: '18:00' } },
      { id: 2, effectiveFrom: '2020-03-01', settings: { ...defaultPharmacySettings, reportCutOff: '19:00' } },
      { id: 3, effectiveFrom: '2020-03-01', settings: { ...defaultPharmacySettings, reportCutOff: '21:00' } },
    ];
    expect(settingsOn(rows, '2019-12-31').settings.reportCutOff).toBe('20:00');
    expect(settingsOn(rows, '2020-02-29').settings.reportCutOff).toBe('18:00');
    expect(settingsOn(rows, '2020-03-01')).toMatchObject({ setting: { id: 3 }, settings: { reportCutOff: '21:00' } });
  });
});
