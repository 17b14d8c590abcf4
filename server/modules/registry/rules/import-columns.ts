import type { ImportColumns, ImportField } from '../registry.schemas.ts';

/**
 * Guesses which registry field each spreadsheet column holds, from the headers registration extracts
 * use (市场监管登记系统导出: 统一社会信用代码, 企业名称, 法定代表人, 成立日期, 注册资本(万元), 住所, 登记状态…).
 */
const headerPatterns: [RegExp, ImportField][] = [
  [/^(统一)?(社会)?信用代码$|^creditcode$|^uscc$/, 'creditCode'],
  [/^(企业|主体|单位|个体户|字号)?名称$|^name$/, 'name'],
  [/^(主体|市场主体|企业)?类型$|^(主体)?类别$|^kind$/, 'kind'],
  [/^(法定代表人|负责人|经营者|投资人)(姓名)?(（负责人）|\(负责人\))?$|^legalrep(name)?$/, 'legalRepName'],
  [/(身份证|证件)号(码)?$|^idnumber$/, 'legalRepIdNumber'],
  [/^(联系)?(电话|手机)(号码)?$|^phone$/, 'phone'],
  [/^(国民经济)?行业(代码|门类)?$|^industry(code)?$/, 'industryCode'],
  [/^(注册资本|资金数额|出资额)(（万元）|\(万元\))?$|^capital$/, 'registeredCapitalWan'],
  [/^(成立|登记|注册)日期$|^foundedon$/, 'foundedOn'],
  [/^(住所|地址|经营场所|住所（经营场所）|住所\(经营场所\))$|^address$/, 'address'],
  [/^(所属|所在)?(乡镇)?街道$|^street$/, 'street'],
  [/^(登记|经营)?状态$|^status$/, 'status'],
  [/^(主体分类|业态)$|^category$/, 'businessCategory'],
];

export function guessImportColumns(headers: readonly string[]): { columns: ImportColumns; unmapped: string[] } {
  const columns: ImportColumns = {};
  const taken = new Set<ImportField>();
  const unmapped: string[] = [];
  for (const header of headers) {
    const key = header.replace(/\s+/g, '').toLowerCase();
    const field = headerPatterns.find(([pattern, candidate]) => !taken.has(candidate) && pattern.test(key))?.[1];
    if (field) {
      columns[header] = field;
      taken.add(field);
    } else if (header) unmapped.push(header);
  }
  return { columns, unmapped };
}

export const requiredImportFields: readonly ImportField[] = ['creditCode', 'name'];
