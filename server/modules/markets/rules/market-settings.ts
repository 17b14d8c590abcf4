/**
 * The bureau's settings for farmers' markets, by effective date (a change applies from its day on; earlier days keep
 * the setting in force then): the key products whose prices are reported daily, the price anomaly threshold, the star
 * rating's indicators and thresholds, and the scale verification period (《计量法》: compulsory verification of
 * trade scales, yearly in practice).
 */
export interface StarIndicator {
  code: string;
  name: string;
  /** The most points the indicator gives; the indicators' points add up to the score out of their sum. */
  maxPoints: number;
}

/** One item of the station's inspection check-list for a market visit (环境秩序 检查表). */
export interface ChecklistItem {
  code: string;
  name: string;
}

export interface MarketSettings {
  keyProducts: string[];
  /** A price this many percent above or below the district median, or above or below last week's, is flagged. */
  priceAnomalyPercent: number;
  starIndicators: StarIndicator[];
  /** The least score (percent of the indicators' points) for 2, 3, 4 and 5 stars; anything rated gets at least 1. */
  starThresholds: [number, number, number, number];
  /** How long a star rating holds. */
  starValidityYears: number;
  scaleVerificationMonths: number;
  /** The station inspector's check-list for a market visit, each item passed or failed with the visit's note. */
  checklistItems: ChecklistItem[];
}

/** 《星级农贸市场评定》 five groups (the seed's four core data and the facilities), 100 points in all. */
export const defaultMarketSettings: MarketSettings = {
  keyProducts: ['猪肉', '牛肉', '鸡蛋', '大白菜', '西红柿', '带鱼', '大米'],
  priceAnomalyPercent: 20,
  starIndicators: [
    { code: 'food_safety', name: '食品安全（快检、索证索票、追溯）', maxPoints: 30 },
    { code: 'environment_order', name: '环境秩序（清洁、分区、消杀）', maxPoints: 25 },
    { code: 'honest_business', name: '诚信经营（明码标价、投诉处理）', maxPoints: 20 },
    { code: 'price_metering', name: '价格计量（公平秤、计量器具检定）', maxPoints: 15 },
    { code: 'facilities', name: '设施设备（智慧大屏、信息公示）', maxPoints: 10 },
  ],
  starThresholds: [60, 70, 80, 90],
  starValidityYears: 3,
  scaleVerificationMonths: 12,
  checklistItems: [
    { code: 'zoning', name: '功能分区合理，划行归市' },
    { code: 'cleanliness', name: '地面、摊台清洁，无积水垃圾' },
    { code: 'waste', name: '垃圾分类、日产日清' },
    { code: 'disinfection', name: '定期消杀并有记录' },
    { code: 'price_tags', name: '明码标价，价签规范' },
    { code: 'fair_scale', name: '设置公平秤，计量器具检定合格' },
    { code: 'publicity', name: '快检结果、主体信息公示' },
    { code: 'fire_safety', name: '消防通道畅通，设施完好' },
  ],
};

/** A stored setting saved before a field existed reads that field's default. */
export function withDefaults(value: Partial<MarketSettings>): MarketSettings {
  return { ...defaultMarketSettings, ...value };
}

export interface DatedSetting<T> {
  effectiveFrom: string;
  value: T;
}

/** The setting in force on `day`: the latest one effective on or before it, else the default. */
export function settingOn<T>(settings: readonly DatedSetting<T>[], day: string, fallback: T): T {
  let best: DatedSetting<T> | undefined;
  for (const setting of settings) {
    if (setting.effectiveFrom <= day && (!best || setting.effectiveFrom > best.effectiveFrom)) best = setting;
  }
  return best ? best.value : fallback;
}

export type SettingsProblem = { field: string; problem: 'duplicate' | 'not_ascending' | 'empty' };

/** What is wrong with settings a user sends (all problems at once). */
export function checkMarketSettings(settings: MarketSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (new Set(settings.keyProducts).size !== settings.keyProducts.length) problems.push({ field: 'keyProducts', problem: 'duplicate' });
  const codes = settings.starIndicators.map((indicator) => indicator.code);
  if (codes.length === 0) problems.push({ field: 'starIndicators', problem: 'empty' });
  if (new Set(codes).size !== codes.length) problems.push({ field: 'starIndicators', problem: 'duplicate' });
  const items = settings.checklistItems.map((item) => item.code);
  if (items.length === 0) problems.push({ field: 'checklistItems', problem: 'empty' });
  if (new Set(items).size !== items.length) problems.push({ field: 'checklistItems', problem: 'duplicate' });
  const [a, b, c, d] = settings.starThresholds;
  if (!(a < b && b < c && c < d)) problems.push({ field: 'starThresholds', problem: 'not_ascending' });
  return problems;
}
