import { normaliseCreditCode, validateCreditCode } from '../../../../shared/credit-code.ts';
import { isYuanText, parseYuan } from '../../../../shared/money.ts';
import { type IpKind, ipCountKinds } from '../../../../shared/vocabularies/product-quality.ts';

/**
 * One row of an IP or brand extract (the patent office's or trademark office's per-firm counts, the bureau's payouts):
 * credit code, firm name, year, kind, and a count (patents, trademarks) or an amount in yuan (awards and subsidies,
 * pledge financing). Pure: checks every cell and names each bad one with its reason (zh-CN / en), so the importer can
 * show a row's reasons all at once.
 */
export const ipExtractColumns = {
  creditCode: ['统一社会信用代码', '信用代码', 'credit code'],
  firmName: ['企业名称', '申请人', '权利人', 'firm', 'firm name'],
  year: ['年度', '年份', 'year'],
  kind: ['类别', '类型', 'kind'],
  quantity: ['数量', '件数', 'count', 'quantity'],
  amount: ['金额（元）', '金额(元)', '金额', 'amount', 'amount (yuan)'],
} as const;
export type IpExtractColumn = keyof typeof ipExtractColumns;

/** The kinds as the extracts spell them. */
export const ipKindLabels: Record<string, IpKind> = {
  发明专利申请: 'invention_application',
  发明专利授权: 'invention_grant',
  商标申请: 'trademark_application',
  商标注册: 'trademark_registration',
  涉农商标: 'agricultural_trademark',
  奖励补助: 'award_subsidy',
  质押融资: 'pledge_financing',
  invention_application: 'invention_application',
  invention_grant: 'invention_grant',
  trademark_application: 'trademark_application',
  trademark_registration: 'trademark_registration',
  agricultural_trademark: 'agricultural_trademark',
  award_subsidy: 'award_subsidy',
  pledge_financing: 'pledge_financing',
};

export interface IpExtractRecord {
  creditCode: string;
  firmName: string;
  year: number;
  kind: IpKind;
  quantity: number;
  amountFen: bigint;
}
export interface IpRowProblem {
  field: IpExtractColumn;
  message: string;
}

const isCountKind = (kind: IpKind) => (ipCountKinds as readonly string[]).includes(kind);

export function readIpExtractRow(
  cells: Partial<Record<IpExtractColumn, string>>,
  years: { from: number; to: number },
): { record: IpExtractRecord } | { problems: IpRowProblem[] } {
  const problems: IpRowProblem[] = [];
  const text = (column: IpExtractColumn) => (cells[column] ?? '').trim();
  const creditCode = normaliseCreditCode(text('creditCode'));
  const check = validateCreditCode(creditCode);
  if (!check.ok)
    problems.push({ field: 'creditCode', message: '统一社会信用代码无效（校验位或格式错误） / invalid unified social credit code' });
  const firmName = text('firmName');
  if (!firmName) problems.push({ field: 'firmName', message: '企业名称为空 / firm name is empty' });
  const year = Number(text('year'));
  if (!/^\d{4}$/.test(text('year')) || year < years.from || year > years.to)
    problems.push({ field: 'year', message: `年度应为 ${years.from}–${years.to} 的四位数字 / year must be ${years.from}–${years.to}` });
  const kind = ipKindLabels[text('kind')];
  if (!kind)
    problems.push({
      field: 'kind',
      message: '类别应为发明专利申请、发明专利授权、商标申请、商标注册、涉农商标、奖励补助或质押融资 / unknown kind',
    });
  let quantity = 0;
  let amountFen = 0n;
  if (kind && isCountKind(kind)) {
    if (!/^\d{1,6}$/.test(text('quantity')))
      problems.push({ field: 'quantity', message: '数量应为非负整数 / count must be a whole number ≥ 0' });
    else quantity = Number(text('quantity'));
  } else if (kind) {
    const amount = text('amount').replaceAll(',', '');
    if (!isYuanText(amount))
      problems.push({ field: 'amount', message: '金额应为元，最多两位小数 / amount must be yuan with at most 2 decimals' });
    else amountFen = parseYuan(amount);
  }
  if (problems.length > 0 || !kind) return { problems };
  return { record: { creditCode, firmName, year, kind, quantity, amountFen } };
}

/** Year-on-year change in percent, two decimals; null when there is no previous value to compare with. */
export function yearOnYearPercent(current: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 10_000) / 100;
}
