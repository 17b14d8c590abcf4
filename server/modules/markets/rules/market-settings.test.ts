import { describe, expect, it } from 'vitest';
import { checkMarketSettings, defaultMarketSettings, settingOn, withDefaults } from './market-settings.ts';

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

describe('the inspection check-list in the settings', () => {
  it('names an empty or duplicated check-list', () => {
    expect(checkMarketSettings({ ...defaultMarketSettings, checklistItems: [] })).toEqual([{ field: 'checklistItems', problem: 'empty' }]);
    expect(
      checkMarketSettings({
        ...defaultMarketSettings,
        checklistItems: [
          { code: 'a', name: 'A' },
          { code: 'a', name: 'B' },
        ],
      }),
    ).toEqual([{ field: 'checklistItems', problem: 'duplicate' }]);
  });
  it('reads a setting saved before the check-list existed with the default check-list', () => {
    const { checklistItems: _dropped, ...old } = defaultMarketSettings;
    expect(withDefaults({ ...old, priceAnomalyPercent: 30 }).checklistItems).toHaveLength(8);
    expect(withDefaults({ ...old, priceAnomalyPercent: 30 }).priceAnomalyPercent).toBe(30);
  });
});
