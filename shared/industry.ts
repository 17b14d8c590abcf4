/**
 * 国民经济行业分类 GB/T 4754-2017: the 20 sections (门类) and the division (大类) ranges each covers.
 * An industry code in Zhijian is the section letter plus the 2-digit division, e.g. H62 (餐饮业).
 */
export const industrySections = [
  { letter: 'A', from: 1, to: 5, zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { letter: 'B', from: 6, to: 12, zh: '采矿业', en: 'Mining' },
  { letter: 'C', from: 13, to: 43, zh: '制造业', en: 'Manufacturing' },
  { letter: 'D', from: 44, to: 46, zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
  { letter: 'E', from: 47, to: 50, zh: '建筑业', en: 'Construction' },
  { letter: 'F', from: 51, to: 52, zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { letter: 'G', from: 53, to: 60, zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  { letter: 'H', from: 61, to: 62, zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  { letter: 'I', from: 63, to: 65, zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  { letter: 'J', from: 66, to: 69, zh: '金融业', en: 'Finance' },
  { letter: 'K', from: 70, to: 70, zh: '房地产业', en: 'Real estate' },
  { letter: 'L', from: 71, to: 72, zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { letter: 'M', from: 73, to: 75, zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  { letter: 'N', from: 76, to: 79, zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' },
  { letter: 'O', from: 80, to: 82, zh: '居民服务、修理和其他服务业', en: 'Resident, repair and other services' },
  { letter: 'P', from: 83, to: 83, zh: '教育', en: 'Education' },
  { letter: 'Q', from: 84, to: 85, zh: '卫生和社会工作', en: 'Health and social work' },
  { letter: 'R', from: 86, to: 90, zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  { letter: 'S', from: 91, to: 96, zh: '公共管理、社会保障和社会组织', en: 'Public administration and social organisations' },
  { letter: 'T', from: 97, to: 97, zh: '国际组织', en: 'International organisations' },
] as const;

export type IndustrySectionLetter = (typeof industrySections)[number]['letter'];

/** The section a 2-digit division belongs to, or undefined outside 01–97. */
export function sectionOfDivision(division: number): IndustrySectionLetter | undefined {
  return industrySections.find((section) => division >= section.from && division <= section.to)?.letter;
}

/** Normalises '62', 'H62', 'h 62' or '餐饮业 (H62)' to 'H62'; undefined when no valid division is found. */
export function normaliseIndustryCode(input: string): string | undefined {
  const match = /([A-Ta-t])?\s*(\d{2})(?:\d*)/.exec(input);
  if (!match) return undefined;
  const division = Number(match[2]);
  const section = sectionOfDivision(division);
  if (!section) return undefined;
  if (match[1] && match[1].toUpperCase() !== section) return undefined;
  return `${section}${match[2]}`;
}

/** A few divisions by name, for labels and for reading spreadsheets that give the name only. */
export const industryDivisionNames: Readonly<Record<string, string>> = {
  A01: '农业',
  A03: '畜牧业',
  C13: '农副食品加工业',
  C14: '食品制造业',
  C15: '酒、饮料和精制茶制造业',
  C17: '纺织业',
  C18: '纺织服装、服饰业',
  C26: '化学原料和化学制品制造业',
  C27: '医药制造业',
  C29: '橡胶和塑料制品业',
  C33: '金属制品业',
  C34: '通用设备制造业',
  C35: '专用设备制造业',
  C38: '电气机械和器材制造业',
  C39: '计算机、通信和其他电子设备制造业',
  E47: '房屋建筑业',
  E50: '建筑装饰、装修和其他建筑业',
  F51: '批发业',
  F52: '零售业',
  G54: '道路运输业',
  G59: '装卸搬运和仓储业',
  H61: '住宿业',
  H62: '餐饮业',
  I64: '互联网和相关服务',
  I65: '软件和信息技术服务业',
  K70: '房地产业',
  L72: '商务服务业',
  M74: '专业技术服务业',
  M75: '科技推广和应用服务业',
  O80: '居民服务业',
  O81: '机动车、电子产品和日用产品修理业',
  P83: '教育',
  Q84: '卫生',
  R88: '文化艺术业',
  R89: '体育',
  R90: '娱乐业',
};

/** SQL text naming the section (Chinese) of a GB/T 4754 code held in `column`, '未登记' when none: statistics group by it. */
export function industrySectionLabelSql(column: string): string {
  return `case substr(${column}, 1, 1) ${industrySections.map((section) => `when '${section.letter}' then '${section.zh}'`).join(' ')} else '未登记' end`;
}
