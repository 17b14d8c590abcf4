import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { district } from '../../../platform/org/org.tables.ts';
import { html, type PublicLanguage, publicPage, scrollRegion } from '../../../platform/public-html/html.ts';
import { passRate } from '../rules/pass-rate.ts';
import { sample, sampleResultItem } from '../sampling.tables.ts';
import { labsOf } from './samples.ts';

const text = {
  'zh-CN': {
    title: (year: number) => `${year}年食品和产品质量监督抽检结果公告`,
    summary: (batches: number, qualified: number, whole: number | null) =>
      `共公布抽检 ${batches} 批次，合格 ${qualified} 批次，合格率 ${whole ?? '—'}%。`,
    unqualified: '不合格产品信息',
    qualified: '合格产品信息',
    none: (year: number) => `${year}年暂无公布的抽检结果。`,
    noMatch: '没有符合搜索条件的结果。',
    columns: ['被抽样单位', '产品名称', '商标', '生产日期/批号', '不合格项目（检验结果/标准值）', '检验机构'],
    qualifiedColumns: ['被抽样单位', '产品名称', '类别', '抽样日期'],
    unknownDistrict: '找不到该辖区',
    unknownDistrictHint: '请检查网址中的辖区代码，或返回本辖区的抽检结果。',
    back: '查看本辖区的抽检结果',
    years: '年份',
    search: '搜索单位或产品名称',
    searchButton: '搜索',
    clear: '清除搜索',
    previous: '上一页',
    next: '下一页',
    pageOf: (page: number, pages: number, total: number) => `第 ${page} / ${pages} 页，共 ${total} 批次`,
  },
  en: {
    title: (year: number) => `Sampling inspection results, ${year}`,
    summary: (batches: number, qualified: number, whole: number | null) =>
      `${batches} batches published, ${qualified} qualified: pass rate ${whole ?? '—'}%.`,
    unqualified: 'Unqualified products',
    qualified: 'Qualified products',
    none: (year: number) => `No results published for ${year} yet.`,
    noMatch: 'Nothing matches the search.',
    columns: ['Sampled business', 'Product', 'Brand', 'Production date / batch', 'Failed items (result / limit)', 'Lab'],
    qualifiedColumns: ['Sampled business', 'Product', 'Category', 'Sampled on'],
    unknownDistrict: 'Unknown district',
    unknownDistrictHint: 'Check the district code in the address, or go to this district’s results.',
    back: 'This district’s results',
    years: 'Year',
    search: 'Search business or product',
    searchButton: 'Search',
    clear: 'Clear search',
    previous: 'Previous',
    next: 'Next',
    pageOf: (page: number, pages: number, total: number) => `Page ${page} of ${pages}, ${total} batches`,
  },
} as const;

/** Qualified batches per page: a phone page stays a few screens long. */
export const publicPageSize = 20;

export interface PublicResultsInput {
  districtCode: string;
  year: number;
  language: PublicLanguage;
  /** Part of a business or product name. */
  q?: string;
  page: number;
}

function pageUrl(input: PublicResultsInput, over: Partial<PublicResultsInput> = {}): string {
  const next = { ...input, ...over };
  const params = new URLSearchParams({ district: next.districtCode, year: String(next.year) });
  if (next.q) params.set('q', next.q);
  if (next.page > 1) params.set('page', String(next.page));
  return `/public/sampling?${params.toString()}`;
}

/**
 * The public results page (no login, server-rendered, no script): the district's published final results of a
 * year — a year switch, a search over business and product names, the unqualified batches in full and the
 * qualified ones a page at a time. It never shows a blind code, so a lab cannot tie what it tested to a name.
 */
export async function publicResultsPage(db: Db, input: PublicResultsInput) {
  const words = text[input.language];
  const [place] = await db.select().from(district).where(eq(district.code, input.districtCode));
  if (!place)
    return {
      status: 404,
      body: publicPage({
        language: input.language,
        title: words.unknownDistrict,
        body: html`<section><p>${words.unknownDistrictHint}</p><p><a class="button" href="/public/sampling">${words.back}</a></p></section>`,
        path: '/public/sampling',
      }),
    };
  const published = and(eq(sample.districtCode, input.districtCode), isNull(sample.retestOfId), isNotNull(sample.publishedOn));
  const inYear = sql`${sample.sampledOn} >= ${`${input.year}-01-01`} and ${sample.sampledOn} <= ${`${input.year}-12-31`}`;
  const pattern = input.q ? `%${input.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
  const matches = pattern ? sql`(${sample.entityName} ilike ${pattern} or ${sample.productName} ilike ${pattern})` : sql`true`;
  const columns = {
    id: sample.id,
    entityName: sample.entityName,
    productName: sample.productName,
    brand: sample.brand,
    batchNo: sample.batchNo,
    productionDate: sample.productionDate,
    category: sample.category,
    sampledOn: sample.sampledOn,
    labId: sample.labId,
  };
  const [years, [totals], failed, [qualifiedCount]] = await inTurn(
    () =>
      db
        .selectDistinct({ year: sql<number>`extract(year from ${sample.sampledOn})::int` })
        .from(sample)
        .where(published)
        .orderBy(sql`1 desc`),
    () =>
      db
        .select({
          batches: sql<number>`count(*)::int`,
          qualified: sql<number>`count(*) filter (where ${sample.finalVerdict} = 'qualified')::int`,
        })
        .from(sample)
        .where(and(published, inYear)),
    () =>
      db
        .select(columns)
        .from(sample)
        .where(and(published, inYear, eq(sample.finalVerdict, 'unqualified'), matches))
        .orderBy(asc(sample.sampledOn), asc(sample.id)),
    () =>
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(sample)
        .where(and(published, inYear, eq(sample.finalVerdict, 'qualified'), matches)),
  );
  const qualifiedTotal = qualifiedCount?.total ?? 0;
  const pages = Math.max(1, Math.ceil(qualifiedTotal / publicPageSize));
  const page = Math.min(input.page, pages);
  const qualified = await db
    .select(columns)
    .from(sample)
    .where(and(published, inYear, eq(sample.finalVerdict, 'qualified'), matches))
    .orderBy(asc(sample.sampledOn), asc(sample.id))
    .limit(publicPageSize)
    .offset((page - 1) * publicPageSize);
  const failedItems = failed.length
    ? await db
        .select()
        .from(sampleResultItem)
        .where(
          and(
            eq(sampleResultItem.districtCode, input.districtCode),
            inArray(
              sampleResultItem.sampleId,
              failed.map((row) => row.id),
            ),
            eq(sampleResultItem.verdict, 'fail'),
          ),
        )
    : [];
  const labs = await labsOf(db, input.districtCode);
  const batches = totals?.batches ?? 0;
  const rate = passRate(totals?.qualified ?? 0, batches);
  const placeName = input.language === 'en' ? place.nameEn : place.name;
  const yearChoices = [...new Set([input.year, ...years.map((row) => row.year)])].sort((a, b) => b - a);
  const yearSwitch = html`<nav aria-label="${words.years}" class="years">${words.years}：${yearChoices.map((year) =>
    year === input.year
      ? html`<strong aria-current="page">${year}</strong> `
      : html`<a href="${pageUrl(input, { year, page: 1, q: undefined })}">${year}</a> `,
  )}</nav>`;
  const searchForm = html`<form method="get" action="/public/sampling" role="search"><input type="hidden" name="district" value="${input.districtCode}"><input type="hidden" name="year" value="${input.year}">${input.language === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<label for="q">${words.search}</label><input id="q" name="q" type="search" maxlength="50" value="${input.q ?? ''}"> <button type="submit">${words.searchButton}</button>${input.q ? html` <a href="${pageUrl(input, { q: undefined, page: 1 })}">${words.clear}</a>` : ''}</form>`;
  const failedTable = failed.length
    ? html`<table><thead><tr>${words.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead><tbody>${failed.map(
        (row) =>
          html`<tr><td>${row.entityName}</td><td>${row.productName}</td><td>${row.brand}</td><td>${row.productionDate ?? ''} ${row.batchNo}</td><td>${failedItems
            .filter((item) => item.sampleId === row.id)
            .map(
              (item) => html`${item.itemName}（${item.measured}${item.unit} / ${item.limitText}）<br>`,
            )}</td><td>${labs.find((lab) => lab.id === row.labId)?.name ?? ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="muted">${words.noMatch}</p>`;
  const paging =
    pages > 1
      ? html`<nav class="paging" aria-label="${words.pageOf(page, pages, qualifiedTotal)}"><span>${words.pageOf(page, pages, qualifiedTotal)}</span> ${
          page > 1 ? html`<a rel="prev" href="${pageUrl(input, { page: page - 1 })}">${words.previous}</a> ` : ''
        }${page < pages ? html`<a rel="next" href="${pageUrl(input, { page: page + 1 })}">${words.next}</a>` : ''}</nav>`
      : '';
  const qualifiedTable = qualified.length
    ? html`<table><thead><tr>${words.qualifiedColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead><tbody>${qualified.map(
        (row) => html`<tr><td>${row.entityName}</td><td>${row.productName}</td><td>${row.category}</td><td>${row.sampledOn}</td></tr>`,
      )}</tbody></table>${paging}`
    : html`<p class="muted">${words.noMatch}</p>`;
  const body = batches
    ? html`<section><h2>${placeName}</h2>${yearSwitch}<p>${words.summary(batches, totals?.qualified ?? 0, rate.wholePercent)}</p>${searchForm}</section>
<section><h2>${words.unqualified}</h2>${scrollRegion(words.unqualified, failedTable)}</section>
<section><h2>${words.qualified}</h2>${scrollRegion(words.qualified, qualifiedTable)}</section>`
    : html`<section><h2>${placeName}</h2>${yearSwitch}<p>${words.none(input.year)}</p></section>`;
  return {
    status: 200,
    body: publicPage({ language: input.language, title: words.title(input.year), body, path: pageUrl(input) }),
  };
}
