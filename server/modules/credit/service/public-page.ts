import { formatYuan } from '../../../../shared/money.ts';
import { html, type PublicLanguage, publicPage } from '../../../platform/public-html/html.ts';
import type { PublicCreditRecord } from './public-record.ts';

const stateText: Record<string, [string, string]> = {
  filed_on_time: ['已按期报送', 'Filed on time'],
  filed_late: ['逾期补报', 'Filed late'],
  not_yet_due: ['报送期内未报', 'Not yet filed (window open)'],
  overdue: ['未报送', 'Not filed'],
};

/** The public credit record of one entity: a no-script page, no personal data. */
export function creditRecordPage(record: PublicCreditRecord, language: PublicLanguage, path: string): string {
  const en = language === 'en';
  const body = html`<section><h2>${record.name}</h2><p class="muted">${en ? 'Unified social credit code' : '统一社会信用代码'} ${record.creditCode}</p><p>${record.address}</p></section>
<section><h2>${en ? 'Annual reports' : '年度报告'}</h2>${
    record.reports.length
      ? html`<table>${record.reports.map(
          (report) =>
            html`<tr><td>${String(report.reportYear)}${en ? '' : '年度'}</td><td>${(stateText[report.state] ?? ['', ''])[en ? 1 : 0]}</td><td class="muted">${report.filedOn ?? ''}</td></tr>`,
        )}</table>`
      : html`<p>${en ? 'No annual report due yet (an entity files from the year after it was registered).' : '暂无应报送的年度报告（市场主体自成立次年起报送）。'}</p>`
  }</section>
<section><h2>${en ? 'Abnormal-operation list' : '经营异常名录'}</h2>${
    record.abnormal.length
      ? html`<table>${record.abnormal.map(
          (item) =>
            html`<tr><td>${item.measure === 'listing' ? (en ? 'Listed' : '列入经营异常名录') : en ? 'Marked abnormal' : '标记为经营异常状态'}</td><td>${item.reason[language]}</td><td class="muted">${item.decidedOn} ${item.decisionNumber}<br>${item.legalBasis}</td></tr>`,
        )}</table>`
      : html`<p>${en ? 'Not listed.' : '未列入。'}</p>`
  }</section>
<section><h2>${en ? 'Serious-violation list' : '严重违法失信名单'}</h2>${
    record.serious.length
      ? html`<table>${record.serious.map(
          (item) =>
            html`<tr><td>${en ? 'Listed' : '列入'} ${item.listedOn}</td><td>${en ? 'until' : '届满'} ${item.termEndsOn}</td><td class="muted">${item.decisionNumber}</td></tr>`,
        )}</table>`
      : html`<p>${en ? 'Not listed.' : '未列入。'}</p>`
  }</section>
<section><h2>${en ? 'Administrative penalties' : '行政处罚信息'}</h2>${
    record.penalties.length
      ? html`<table>${record.penalties.map(
          (item) =>
            html`<tr><td>${item.decisionNumber}</td><td>${item.decidedOn}</td><td>${item.amountFen > 0n ? `${formatYuan(item.amountFen)} ${en ? 'yuan' : '元'}` : ''}</td><td class="muted">${en ? 'Published' : '公示'} ${item.publishedOn}</td></tr>`,
        )}</table>`
      : html`<p>${en ? 'None published.' : '无公示的行政处罚。'}</p>`
  }</section>`;
  return publicPage({ language, title: `${en ? 'Credit record' : '信用记录'} · ${record.name}`, body, path });
}

/**
 * The page for a code the bureau has no entity for: says why (a mistyped code fails its check character, GB 32100)
 * and where else to look (the national publicity system lists every entity of the country), never a bare error.
 */
export function noCreditRecordPage(
  creditCode: string,
  problem: 'malformed' | 'check_character' | 'unknown',
  language: PublicLanguage,
  path: string,
): string {
  const en = language === 'en';
  const why = {
    malformed: en
      ? 'This is not a unified social credit code: it has 18 characters, digits and capital letters (no I, O, S, V, Z).'
      : '这不是有效的统一社会信用代码：代码为18位数字或大写字母（不含 I、O、S、V、Z）。',
    check_character: en
      ? 'The last character of this code does not match (check character, GB 32100-2015): please check it was typed correctly.'
      : '该代码的校验位不正确（GB 32100-2015），请核对是否输入有误。',
    unknown: en
      ? 'No market entity with this code is registered with this bureau, so it has no credit record here.'
      : '本局登记的市场主体中没有该统一社会信用代码，因此本局没有它的信用记录。',
  }[problem];
  const body = html`<section><h2>${en ? 'No credit record' : '未找到信用记录'}</h2><p class="muted">${creditCode}</p><p>${why}</p>
<p>${en ? 'Entities registered elsewhere are shown by the National Enterprise Credit Information Publicity System (www.gsxt.gov.cn).' : '其他地区登记的市场主体，请在国家企业信用信息公示系统（www.gsxt.gov.cn）查询。'}</p></section>`;
  return publicPage({ language, title: en ? 'Credit record' : '信用记录', body, path });
}
