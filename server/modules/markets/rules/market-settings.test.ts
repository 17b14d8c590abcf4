import { describe, expect, it } from 'vitest';
import { checkMarketSettings, defaultMarketSettings, settingOn } from './market-settings.ts';

describe('market settings by date', () => {
  const settings = [
    { effectiveFrom: '2021-01-01', value: 'b' },
    { effectiveFrom: '2020-01-01', value: 'a' },
  ];
  it('takes the latest setting in force on the day', () => {
    expect(settingOn(settings, '2019-12-31', 'default')).toBe('default');
    expect(settingOn(settings, '2020-01-01', 'default')).toBe('a');
    expect(settingOn(settings, '2020-12-31', 'default')).toBe('a');
    expect(settingOn(settings, '2021-06-01', 'default')).toBe('b');
  });
  it('checks the settings a user sends', () => {
    expect(checkMarketSettings(defaultMarketSettings)).toEqual([]);
    expect(
      checkMarketSettings({
        ...defaultMarketSettings,
        keyProducts: ['pork', 'pork'],
        starIndicators: [],
        starThresholds: [60, 60, 80, 90],
      }),
    ).toEqual([
      { field: 'keyProducts', problem: 'duplicate' },
      { field: 'starIndicators', problem: 'empty' },
      { field: 'starThresholds', problem: 'not_ascending' },
    ]);
  });
});
