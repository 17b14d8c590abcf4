import {
  type Colour,
  type ColourDecision,
  type ColourFacts,
  type ColourTable,
  type ReasonCode,
  type RiskLevel,
  whatWouldChange,
} from './risk-colour.ts';

/**
 * Plain-language explanation of a colour decision (why this colour, what would change it), in zh-CN and en,
 * for staff, the operator and the public page. Pure: the texts depend only on the decision and the table.
 */
export const colourNames: Record<Colour, { 'zh-CN': string; en: string }> = {
  green: { 'zh-CN': '绿码', en: 'Green' },
  blue: { 'zh-CN': '蓝码', en: 'Blue' },
  yellow: { 'zh-CN': '黄码', en: 'Yellow' },
  orange: { 'zh-CN': '橙码', en: 'Orange' },
  black: { 'zh-CN': '黑码', en: 'Black' },
};

const riskNames: Record<RiskLevel, { 'zh-CN': string; en: string }> = {
  A: { 'zh-CN': '风险等级A级', en: 'risk grade A' },
  B: { 'zh-CN': '风险等级B级', en: 'risk grade B' },
  C: { 'zh-CN': '风险等级C级', en: 'risk grade C' },
  D: { 'zh-CN': '风险等级D级', en: 'risk grade D' },
  U: { 'zh-CN': '尚未评定风险等级', en: 'no risk grade yet' },
};

export const categoryNames: Record<string, { 'zh-CN': string; en: string }> = {
  large_restaurant: { 'zh-CN': '大中型餐馆', en: 'Large restaurant' },
  small_eatery: { 'zh-CN': '小餐饮', en: 'Small eatery' },
  canteen: { 'zh-CN': '单位食堂', en: 'Canteen' },
  takeaway_only: { 'zh-CN': '纯外卖', en: 'Takeaway only' },
  street_stall: { 'zh-CN': '食品摊贩', en: 'Street stall' },
  other: { 'zh-CN': '其他餐饮', en: 'Other catering' },
};

const unknownNames: Record<string, { 'zh-CN': string; en: string }> = {
  riskGrade: { 'zh-CN': '风险等级', en: 'risk grade' },
  latestInspection: { 'zh-CN': '最近检查', en: 'latest inspection' },
  openRectifications: { 'zh-CN': '整改', en: 'rectifications' },
  certificateCompliance: { 'zh-CN': '健康证持证率', en: 'health-certificate compliance' },
  complaints12m: { 'zh-CN': '投诉', en: 'complaints' },
  failedSamples12m: { 'zh-CN': '抽检不合格', en: 'failed samples' },
  penaltyCases12m: { 'zh-CN': '行政处罚', en: 'penalties' },
  creditLists: { 'zh-CN': '经营异常名录、严重违法失信名单', en: 'abnormal-operation and serious-violation lists' },
};

type Lang = 'zh-CN' | 'en';

function reasonText(code: ReasonCode, detail: Record<string, string | number>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (code) {
    case 'base': {
      const category = categoryNames[String(detail.category)]?.[lang] ?? String(detail.category);
      const risk = riskNames[detail.riskLevel as RiskLevel][lang];
      return zh ? `经营类别“${category}”、${risk}` : `category "${category}", ${risk}`;
    }
    case 'not-inspected':
      return zh ? '尚未检查' : 'not yet inspected';
    case 'non-compliant-inspection':
      return zh ? `${detail.on} 检查结果为不符合` : `inspection on ${detail.on} found non-compliance`;
    case 'open-rectification':
      return zh ? `有 ${detail.count} 项整改未完成` : `${detail.count} rectification order(s) still open`;
    case 'certificate-compliance':
      return zh
        ? `健康证持证率 ${(Number(detail.basisPoints) / 100).toFixed(2)}%，低于 ${(Number(detail.threshold) / 100).toFixed(2)}%`
        : `health-certificate compliance ${(Number(detail.basisPoints) / 100).toFixed(2)}%, below ${(Number(detail.threshold) / 100).toFixed(2)}%`;
    case 'complaints':
      return zh
        ? `近12个月投诉 ${detail.count} 件（达到 ${detail.threshold} 件）`
        : `${detail.count} complaints in 12 months (threshold ${detail.threshold})`;
    case 'failed-sample':
      return zh ? `近12个月抽检不合格 ${detail.count} 批次` : `${detail.count} failed sample(s) in 12 months`;
    case 'penalty-case':
      return zh ? `近12个月受行政处罚 ${detail.count} 次` : `${detail.count} penalty case(s) in 12 months`;
    case 'major-case':
      return zh ? `近12个月有重大案件 ${detail.count} 件` : `${detail.count} major case(s) in 12 months`;
    case 'abnormal-listing':
      return zh ? '列入经营异常名录（或标记为经营异常状态）' : 'on the abnormal-operation list (or marked abnormal)';
    case 'serious-violation':
      return zh ? '列入严重违法失信名单' : 'on the serious-violation list';
  }
}

export interface ColourExplanation {
  summary: string;
  reasons: string[];
  unknown: string[];
  toImprove: string[];
}

export function explainColour(decision: ColourDecision, facts: ColourFacts, table: ColourTable, lang: Lang): ColourExplanation {
  const zh = lang === 'zh-CN';
  const name = colourNames[decision.colour][lang];
  const decisive = decision.reasons.filter((reason) => reason.decisive).map((reason) => reasonText(reason.code, reason.detail, lang));
  const summary = zh ? `当前为${name}，因为：${decisive.join('；')}。` : `${name}, because: ${decisive.join('; ')}.`;
  const change = whatWouldChange(facts, table);
  const toImprove = change.withoutReason.map(({ code, colour }) => {
    const reason = decision.reasons.find((candidate) => candidate.code === code);
    const text = reason ? reasonText(code, reason.detail, lang) : code;
    return zh ? `消除“${text}”后可为${colourNames[colour][lang]}` : `without "${text}" it would be ${colourNames[colour][lang]}`;
  });
  toImprove.push(
    zh
      ? `该类别在风险等级A级且无不良记录时为${colourNames[change.bestReachable][lang]}`
      : `this category with risk grade A and no adverse facts is ${colourNames[change.bestReachable][lang]}`,
  );
  return {
    summary,
    reasons: decision.reasons.map((reason) => reasonText(reason.code, reason.detail, lang)),
    unknown: decision.unknown.map((key) => unknownNames[key]?.[lang] ?? key),
    toImprove,
  };
}
