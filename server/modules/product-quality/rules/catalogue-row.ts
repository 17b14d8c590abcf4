/**
 * One row of a sampling-catalogue file (xlsx or csv): category, product, its standards and its test items. A product
 * with several standards or items has them in one cell separated by 、，,；; or new lines. Pure: names every bad cell
 * with its reason (zh-CN / en) so the importer shows a row's reasons all at once.
 */
export const catalogueColumns = {
  category: ['产品类别', '类别', 'category'],
  name: ['产品名称', '产品', 'product'],
  standards: ['依据标准', '标准', 'standards'],
  testItems: ['检验项目', '项目', 'test items'],
} as const;
export type CatalogueColumn = keyof typeof catalogueColumns;

export interface CatalogueRecord {
  category: string;
  name: string;
  standards: string[];
  testItems: string[];
}
export interface CatalogueRowProblem {
  field: CatalogueColumn;
  message: string;
}

/** The limits of the table (migration 0083) and of the product form. */
export const catalogueLimits = { category: 40, name: 60, entry: 120, standards: 20, testItems: 60 } as const;

/** A cell's list: split on 、，,；; and new lines, trimmed, blanks and repeats dropped, order kept. */
export function splitCatalogueList(cell: string): string[] {
  const seen = new Set<string>();
  for (const part of cell.split(/[、，,；;\n\r]+/)) {
    const entry = part.trim().replace(/\s+/g, ' ');
    if (entry) seen.add(entry);
  }
  return [...seen];
}

/** A standard's number as the catalogue writes it: GB, GB/T, QB/T, SH/T, FZ/T, T/ZZB… then the number and year. */
export const standardPattern = /^(T\/[A-Z]{2,10}|[A-Z]{1,4}(\/[TZ])?)\s?\d+(\.\d+)*(-\d{4})?$/;

export function readCatalogueRow(
  cells: Partial<Record<CatalogueColumn, string>>,
): { record: CatalogueRecord } | { problems: CatalogueRowProblem[] } {
  const problems: CatalogueRowProblem[] = [];
  const text = (column: CatalogueColumn) => (cells[column] ?? '').trim().replace(/\s+/g, ' ');
  const category = text('category');
  const name = text('name');
  if (!category) problems.push({ field: 'category', message: '产品类别为空 / category is empty' });
  else if (category.length > catalogueLimits.category)
    problems.push({ field: 'category', message: `产品类别超过 ${catalogueLimits.category} 字 / category too long` });
  if (!name) problems.push({ field: 'name', message: '产品名称为空 / product is empty' });
  else if (name.length > catalogueLimits.name)
    problems.push({ field: 'name', message: `产品名称超过 ${catalogueLimits.name} 字 / product name too long` });
  const standards = splitCatalogueList(cells.standards ?? '');
  if (standards.length === 0) problems.push({ field: 'standards', message: '依据标准为空 / no standard' });
  else if (standards.length > catalogueLimits.standards)
    problems.push({ field: 'standards', message: `依据标准超过 ${catalogueLimits.standards} 项 / too many standards` });
  else {
    const bad = standards.find((standard) => !standardPattern.test(standard));
    if (bad) problems.push({ field: 'standards', message: `标准编号格式有误：${bad} / not a standard number: ${bad}` });
  }
  const testItems = splitCatalogueList(cells.testItems ?? '');
  if (testItems.length === 0) problems.push({ field: 'testItems', message: '检验项目为空 / no test item' });
  else if (testItems.length > catalogueLimits.testItems)
    problems.push({ field: 'testItems', message: `检验项目超过 ${catalogueLimits.testItems} 项 / too many test items` });
  else if (testItems.some((entry) => entry.length > catalogueLimits.entry))
    problems.push({ field: 'testItems', message: `检验项目超过 ${catalogueLimits.entry} 字 / test item too long` });
  return problems.length ? { problems } : { record: { category, name, standards, testItems } };
}
