import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { district } from '../../../platform/org/org.tables.ts';
import { html, type PublicLanguage, publicPage } from '../../../platform/public-html/html.ts';
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
    none: '暂无公布的抽检结果。',
    columns: ['被抽样单位', '产品名称', '商标', '生产日期/批号', '不合格项目（检验结果/标准值）', '检验机构'],
    qualifiedColumns: ['被抽样单位', '产品名称', '类别', '抽样日期'],
    unknownDistrict: '找不到该辖区',
    more: (count: number) => `另有 ${count} 批次合格产品未列出。`,
  },
  en: {
    title: (year: number) => `Sampling inspection results, ${year}`,
    summary: (batches: number, qualified: number, whole: number | null) =>
      `${batches} batches published, ${qualified} qualified: pass rate ${whole ?? '—'}%.`,
    unqualified: 'Unqualified products',
    qualified: 'Qualified products',
    none: 'No published results yet.',
    columns: ['Sampled business', 'Product', 'Brand', 'Production date / batch', 'Failed items (result / limit)', 'Lab'],
    qualifiedColumns: ['Sampled business', 'Product', 'Category', 'Sampled on'],
    unknownDistrict: 'Unknown district',
    more: (count: number) => `${count} more qualified batches are not listed.`,
  },
} as const;

const qualifiedListLimit = 500;

/**
 * The public results page (no login, server-rendered): the district's published final results of a year.
 * It never shows a blind code, so a lab cannot tie what it tested to a published name.
 */
export async function publicResultsPage(db: Db, input: { districtCode: string; year: number; language: PublicLanguage }) {
  const words = text[input.language];
  const [place] = await db.select().from(district).where(eq(district.code, input.districtCode));
  if (!place)
    return {
      status: 404,
      body: publicPage({
        language: input.language,
        title: words.unknownDistrict,
        body: html`<section><p>${words.unknownDistrict}</p></section>`,
        path: '/public/sampling',
      }),
    };
  const rows = await db
    .select({
      id: sample.id,
      entityName: sample.entityName,
      productName: sample.productName,
      brand: sample.brand,
      batchNo: sample.batchNo,
      productionDate: sample.productionDate,
      category: sample.category,
      sampledOn: sample.sampledOn,
      finalVerdict: sample.finalVerdict,
      labId: sample.labId,
    })
    .from(sample)
    .where(
      and(
        eq(sample.districtCode, input.districtCode),
        isNull(sample.retestOfId),
        isNotNull(sample.publishedOn),
        sql`${sample.sampledOn} >= ${`${input.year}-01-01`} and ${sample.sampledOn} <= ${`${input.year}-12-31`}`,
      ),
    )
    .orderBy(asc(sample.sampledOn), asc(sample.id));
  const failed = rows.filter((row) => row.finalVerdict === 'unqualified');
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
  const qualified = rows.filter((row) => row.finalVerdict === 'qualified');
  const rate = passRate(qualified.length, rows.length);
  const placeName = input.language === 'en' ? place.nameEn : place.name;
  const body = rows.length
    ? html`<section><h2>${placeName}</h2><p>${words.summary(rows.length, qualified.length, rate.wholePercent)}</p></section>
<section><h2>${words.unqualified}</h2><table><thead><tr>${words.columns.map((column) => html`<th>${column}</th>`)}</tr></thead><tbody>${failed.map(
        (row) =>
          html`<tr><td>${row.entityName}</td><td>${row.productName}</td><td>${row.brand}</td><td>${row.productionDate ?? ''} ${row.batchNo}</td><td>${failedItems
            .filter((item) => item.sampleId === row.id)
            .map(
              (item) => html`${item.itemName}（${item.measured}${item.unit} / ${item.limitText}）<br>`,
            )}</td><td>${labs.find((lab) => lab.id === row.labId)?.name ?? ''}</td></tr>`,
      )}</tbody></table></section>
<section><h2>${words.qualified}</h2><table><thead><tr>${words.qualifiedColumns.map((column) => html`<th>${column}</th>`)}</tr></thead><tbody>${qualified
        .slice(0, qualifiedListLimit)
        .map(
          (row) => html`<tr><td>${row.entityName}</td><td>${row.productName}</td><td>${row.category}</td><td>${row.sampledOn}</td></tr>`,
        )}</tbody></table>${qualified.length > qualifiedListLimit ? html`<p class="muted">${words.more(qualified.length - qualifiedListLimit)}</p>` : ''}</section>`
    : html`<section><h2>${placeName}</h2><p>${words.none}</p></section>`;
  return {
    status: 200,
    body: publicPage({
      language: input.language,
      title: words.title(input.year),
      body,
      path: `/public/sampling?district=${input.districtCode}&year=${input.year}`,
    }),
  };
}
