import { and, eq, inArray } from 'drizzle-orm';
import { chinaTimeZone } from '../../../../shared/calendar-day.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { html, raw } from '../../../platform/public-html/html.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { getInspection } from './inspections.ts';
import { templateItems } from './templates.ts';

const resultText = { pass: '符合', partial: '基本符合', fail: '不符合', na: '合理缺项' } as Record<string, string>;
const outcomeText = { compliant: '符合', 'basically-compliant': '基本符合', 'non-compliant': '不符合' } as Record<string, string>;
const gradeText = { excellent: '优秀（大笑）', good: '良好（微笑）', fair: '一般（平脸）' } as Record<string, string>;
// SAMR Order 49 Art. 32–33: what a result calls for (shared/inspection-result.ts).
const consequenceText = {
  compliant: '未发现问题。',
  'basically-compliant': '一般项目不符合，责令整改（《食品生产经营监督检查管理办法》第三十三条）。',
  'non-compliant': '重点项目不符合，依法调查处理（第三十二条），并书面责令限期整改（第三十三条）。',
} as Record<string, string>;
const kindText = { routine: '日常监督检查', flying: '飞行检查', 're-inspection': '复查' } as Record<string, string>;

const printCss = `body{font-family:"Songti SC","SimSun",serif;margin:24px;color:#000}h1{text-align:center;font-size:22px}
table{width:100%;border-collapse:collapse;margin:12px 0}td,th{border:1px solid #000;padding:4px 6px;font-size:13px;vertical-align:top}
th{background:#f2f2f2}td.result{white-space:nowrap;text-align:center}col.n{width:3em}col.category{width:7em}col.result{width:5.5em}col.note{width:22%}
.sign{display:flex;flex-wrap:wrap;gap:12px 24px;justify-content:space-between;margin-top:24px;break-inside:avoid;page-break-inside:avoid}.sign>div{break-inside:avoid;page-break-inside:avoid}.key{font-weight:bold}
.noprint{margin:12px 0}.photos{display:flex;flex-wrap:wrap;gap:8px}.photos figure{margin:0;font-size:12px;text-align:center}
.photo{max-width:220px;max-height:220px;border:1px solid #999}.signature{max-width:200px;max-height:80px}@media print{.noprint{display:none}body{margin:0}@page{size:A4;margin:15mm}tr{break-inside:avoid;page-break-inside:avoid}}`;

/** 食品经营监督检查结果记录表 — the printable record, server-rendered HTML with print CSS (no script). */
export async function inspectionRecordHtml(ctx: ActorContext, id: number): Promise<string> {
  const inspection = await getInspection(ctx, id);
  const shop = await findEntityForModule(ctx, inspection.entityId);
  const items = await templateItems(ctx, shop.districtCode, inspection.templateId);
  const inspectors = await ctx.db
    .select({ id: appUser.id, displayName: appUser.displayName, certificate: appUser.enforcementCertificate })
    .from(appUser)
    .where(and(eq(appUser.districtCode, shop.districtCode), inArray(appUser.id, inspection.inspectorIds)));
  const answers = new Map((inspection.answers ?? []).map((answer) => [answer.itemId, answer]));
  const rows = items.map((item) => {
    const answer = answers.get(item.id);
    return html`<tr><td>${item.position}</td><td>${item.category}</td><td class="${item.isKey ? 'key' : ''}">${item.isKey ? '★ ' : ''}${item.text}</td><td class="result">${answer ? (resultText[answer.result] ?? answer.result) : '未检查'}</td><td>${answer?.note ?? ''}</td></tr>`;
  });
  const score = inspection.scoreTenths === null ? '—' : (inspection.scoreTenths / 10).toFixed(1);
  const rectification = inspection.rectification
    ? html`<p><b>责令整改：</b>${inspection.rectification.requirements}（整改期限：${inspection.rectification.deadline}）</p>`
    : html``;
  const consequence = html`<p><b>处理：</b>${raw(consequenceText[inspection.outcome] ?? '')}</p>`;
  // Images load from the audited download route with the reader's session (CSP img-src 'self').
  const files = inspection.files ?? [];
  const fileUrl = (fileId: number) => `/api/v1/food-inspections/${inspection.id}/files/${fileId}`;
  const signatureImage = (kind: string) => {
    const file = files.find((candidate) => candidate.kind === kind);
    return file ? html`<br><img class="signature" data-kind="${kind}" src="${fileUrl(file.id)}" alt="签名">` : html``;
  };
  const itemPosition = new Map(items.map((item) => [item.id, item.position]));
  const photos = files.filter((file) => file.kind === 'photo');
  const photoBlock = photos.length
    ? html`<p><b>现场照片：</b></p><div class="photos">${photos.map((photo, index) => html`<figure><img class="photo" src="${fileUrl(photo.id)}" alt="现场照片 ${index + 1}"><figcaption>照片 ${index + 1}${photo.itemId === null ? '' : `（第 ${itemPosition.get(photo.itemId) ?? '?'} 项）`}</figcaption></figure>`)}</div>`
    : html``;
  const body = html`<p class="noprint">打印：使用浏览器的“打印”（Ctrl+P）。</p>
<h1>食品经营监督检查结果记录表</h1>
<table><tr><th>经营者名称</th><td>${shop.name}</td><th>统一社会信用代码</th><td>${shop.creditCode}</td></tr>
<tr><th>经营地址</th><td colspan="3">${shop.address}</td></tr>
<tr><th>检查类型</th><td>${kindText[inspection.kind] ?? inspection.kind}</td><th>检查日期</th><td>${inspection.inspectedOn}</td></tr>
<tr><th>检查人员</th><td colspan="3">${inspectors.map((user) => `${user.displayName}${user.certificate ? `（执法证 ${user.certificate}）` : ''}`).join('、')}</td></tr></table>
<table><colgroup><col class="n"><col class="category"><col><col class="result"><col class="note"></colgroup><tr><th>序号</th><th>检查项目</th><th>检查内容（★ 为重点项目）</th><th>结果</th><th>说明</th></tr>${rows}</table>
<p><b>检查结果：</b>${outcomeText[inspection.outcome] ?? inspection.outcome}　<b>动态评分：</b>${score}（检查 ${inspection.itemsInspected} 项）　<b>动态等级：</b>${inspection.dynamicGrade ? (gradeText[inspection.dynamicGrade] ?? '') : '不评级'}</p>
${consequence}
${rectification}
<p><b>其他说明：</b>${inspection.remarks}</p>
${photoBlock}
<div class="sign"><div>检查人员签名：${inspection.inspectorSignature}${signatureImage('inspector-signature')}</div><div>经营者签名：${inspection.operatorRefused ? '（拒绝签字）' : (inspection.operatorSignature ?? '')}${signatureImage('operator-signature')}</div><div>签署时间：${new Date(inspection.signedAt).toLocaleString('zh-CN', { timeZone: chinaTimeZone })}</div></div>
<p style="font-size:12px">检查结果将于形成后 20 个工作日内向社会公开（《食品生产经营监督检查管理办法》第三十九条）。</p>`;
  return `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>监督检查记录 #${inspection.id}</title><style>${raw(printCss)}</style></head><body>${body}</body></html>`.text}`;
}
