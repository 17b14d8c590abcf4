import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { html, type PublicLanguage, publicPage } from '../../../platform/public-html/html.ts';
import { publicComplaintUrl } from '../../complaints/index.ts';
import { gradingRulesFor } from '../../food-safety/index.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import { workshopListStatus } from '../../workshops/index.ts';
import { rcCertifiedProduct, rcSubject } from '../risk-code.tables.ts';
import { categoryNames, colourNames } from '../rules/colour-explanation.ts';
import { isRatingOutOfDate } from '../rules/rating-currency.ts';
import type { Colour, ColourFacts } from '../rules/risk-colour.ts';
import { type CachedPage, cachedPage, storePage } from './page-cache.ts';

export const colourHex: Record<Colour, string> = {
  green: '#2e7d32',
  blue: '#1565c0',
  yellow: '#f9a825',
  orange: '#ef6c00',
  black: '#212121',
};

const t = (language: PublicLanguage, zh: string, en: string) => (language === 'en' ? en : zh);

const faces: Record<string, { 'zh-CN': string; en: string }> = {
  excellent: { 'zh-CN': '😀 优秀（大笑）', en: '😀 Excellent' },
  good: { 'zh-CN': '🙂 良好（微笑）', en: '🙂 Good' },
  fair: { 'zh-CN': '😐 一般（平脸）', en: '😐 Fair' },
};
const results: Record<string, { 'zh-CN': string; en: string }> = {
  compliant: { 'zh-CN': '符合', en: 'Compliant' },
  'basically-compliant': { 'zh-CN': '基本符合', en: 'Basically compliant' },
  'non-compliant': { 'zh-CN': '不符合', en: 'Non-compliant' },
};

function notFoundPage(language: PublicLanguage, path: string): CachedPage {
  const body = html`<section><h2>${t(language, '未找到该码', 'Code not found')}</h2><p>${t(
    language,
    '该码不存在或已停用。请核对后重试，或拨打 12315 咨询。',
    'This code does not exist or has been withdrawn. Please check it, or call 12315.',
  )}</p></section>`;
  const text = publicPage({ language, title: t(language, '一码全知道', 'Shop code'), body, path });
  return { status: 404, html: text, etag: '', at: 0 };
}

function finish(status: number, text: string, now: number): CachedPage {
  return { status, html: text, etag: `"${createHash('sha1').update(text).digest('base64url')}"`, at: now };
}

/** The public page of a code (entity or certified product), from the cache when fresh. */
export async function publicCodePage(ctx: ServiceContext, token: string, language: PublicLanguage): Promise<CachedPage> {
  const now = ctx.clock.now().getTime();
  const key = `${token}:${language}`;
  const cached = cachedPage(key, now);
  if (cached) return cached;
  const page = await renderCodePage(ctx, token, language, now);
  if (page.status === 200) storePage(key, page);
  return page;
}

async function renderCodePage(ctx: ServiceContext, token: string, language: PublicLanguage, now: number): Promise<CachedPage> {
  const path = `/p/${token}`;
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return notFoundPage(language, path);
  const [subject] = await ctx.db
    .select()
    .from(rcSubject)
    .where(and(eq(rcSubject.token, token), isNull(rcSubject.revokedAt)));
  if (!subject) return renderProductPage(ctx, token, language, now);
  const [profile] = await entityPublicProfiles(ctx, subject.districtCode, { entityIds: [subject.entityId] });
  if (profile?.status !== 'active') return notFoundPage(language, path);
  const today = todayInChina(new Date(now));
  const facts = subject.facts as ColourFacts;
  const products = await ctx.db
    .select({ productName: rcCertifiedProduct.productName, token: rcCertifiedProduct.token, validUntil: rcCertifiedProduct.validUntil })
    .from(rcCertifiedProduct)
    .where(
      and(
        eq(rcCertifiedProduct.districtCode, subject.districtCode),
        eq(rcCertifiedProduct.entityId, subject.entityId),
        isNull(rcCertifiedProduct.revokedAt),
      ),
    );
  const list = profile.businessCategory === 'food_workshop' ? await workshopListStatus(ctx, subject.districtCode, subject.entityId) : null;
  const rules = gradingRulesFor(subject.districtCode, today);
  const grade = facts.riskGrade ?? null;
  const outOfDate =
    facts.latestInspection != null &&
    isRatingOutOfDate({ lastInspectedOn: facts.latestInspection.on, intervalMonths: rules.inspectionIntervalMonths[grade ?? 'A'], today });
  const colour = subject.colour as Colour | null;
  const rows: [string, unknown][] = [
    [t(language, '许可证号', 'Licence number'), profile.licenceNumber ?? t(language, '—', '—')],
    [t(language, '统一社会信用代码', 'Credit code'), profile.creditCode],
    [t(language, '地址', 'Address'), profile.address],
  ];
  if (subject.managementCategory)
    rows.push([t(language, '经营类别', 'Category'), categoryNames[subject.managementCategory]?.[language] ?? subject.managementCategory]);
  if (profile.businessCategory === 'catering') {
    rows.push([
      t(language, '量化分级', 'Food-safety grade'),
      facts.dynamicGrade ? faces[facts.dynamicGrade]?.[language] : t(language, '暂未评定', 'Not graded yet'),
    ]);
    rows.push([
      t(language, '最近检查', 'Latest inspection'),
      facts.latestInspection
        ? `${facts.latestInspection.on} ${results[facts.latestInspection.result]?.[language] ?? ''}`
        : facts.latestInspection === null
          ? t(language, '尚未检查', 'Not yet inspected')
          : t(language, '暂无数据', 'No data yet'),
    ]);
    if (facts.certificateComplianceBasisPoints != null)
      rows.push([t(language, '健康证持证率', 'Health certificates'), `${(facts.certificateComplianceBasisPoints / 100).toFixed(2)}%`]);
  }
  if (list)
    rows.push([
      t(language, '红黑榜', 'Red/black list'),
      html`${list.list === 'red' ? t(language, '红榜', 'Red list') : list.list === 'black' ? t(language, '黑榜', 'Black list') : t(language, '未上榜', 'Not listed')}（${list.period}） <a href="/public/workshop-lists/${subject.districtCode}${language === 'en' ? '?lang=en' : ''}">${t(language, '查看红黑榜', 'See the lists')}</a>`,
    ]);
  const body = html`<section style="border-top:12px solid ${colour ? colourHex[colour] : '#9e9e9e'}">
<h2>${profile.name}</h2>
${colour ? html`<p><span aria-hidden="true" style="display:inline-block;width:1.1em;height:1.1em;vertical-align:-0.15em;border-radius:3px;border:1px solid #1f1f1f;background:${colourHex[colour]}"></span> <strong>${colourNames[colour][language]}</strong> <span class="muted">${t(language, '五色码由本局按公布的规则计算', "Colour computed by the bureau's published rule")}</span></p>` : ''}
${outOfDate ? html`<p class="warn">${t(language, '距最近一次检查已超过该风险等级的检查周期，评级可能已过时。', 'The latest inspection is older than this risk grade’s interval: the rating may be out of date.')}</p>` : ''}
<table>${rows.map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table>
</section>
${
  products.length
    ? html`<section><h2>${t(language, '品字标认证产品', 'Certified products')}</h2><ul>${products.map(
        (product) => html`<li><a href="/p/${product.token}${language === 'en' ? '?lang=en' : ''}">${product.productName}</a></li>`,
      )}</ul></section>`
    : ''
}
<section><a class="button" href="${publicComplaintUrl(subject.districtCode, profile.creditCode)}${language === 'en' ? '&lang=en' : ''}">${t(language, '我要投诉举报', 'Make a complaint')}</a>
<p class="muted">${t(language, '页面信息更新于', 'Updated')} ${today}</p></section>`;
  return finish(200, publicPage({ language, title: t(language, '一码全知道', 'Shop code'), body, path }), now);
}

async function renderProductPage(ctx: ServiceContext, token: string, language: PublicLanguage, now: number): Promise<CachedPage> {
  const path = `/p/${token}`;
  const [product] = await ctx.db
    .select()
    .from(rcCertifiedProduct)
    .where(and(eq(rcCertifiedProduct.token, token), isNull(rcCertifiedProduct.revokedAt)));
  if (!product) return notFoundPage(language, path);
  const today = todayInChina(new Date(now));
  const expired = product.validUntil < today;
  const rows: [string, string][] = [
    [t(language, '企业', 'Firm'), product.firmName],
    [t(language, '统一社会信用代码', 'Credit code'), product.firmCreditCode],
    [t(language, '证书编号', 'Certificate number'), product.certificateNumber],
    [t(language, '发证机构', 'Issuer'), product.issuer],
    [t(language, '有效期至', 'Valid until'), product.validUntil],
    [t(language, '标准', 'Standard'), product.standard],
  ];
  const body = html`<section style="border-top:12px solid #c62828"><h2>${product.productName}</h2>
<p><strong>${t(language, '“品字标浙江制造”认证产品', '"Made in Zhejiang" certified product')}</strong></p>
${expired ? html`<p class="warn">${t(language, '证书已过有效期', 'The certificate has expired')}</p>` : ''}
<table>${rows.map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table></section>`;
  return finish(200, publicPage({ language, title: t(language, '一品一证一码', 'Product code'), body, path }), now);
}
