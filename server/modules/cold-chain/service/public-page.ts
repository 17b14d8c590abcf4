import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { html, type PublicLanguage, publicPage, scrollRegion } from '../../../platform/public-html/html.ts';
import { ccBatch, ccCertificate } from '../cold-chain.tables.ts';
import { certificateKindNames } from '../rules/certificates.ts';
import { traceCode } from './trace.ts';

const words = {
  'zh-CN': {
    title: '进口冷链食品追溯',
    missing: '未找到该追溯码',
    product: '产品',
    origin: '原产国',
    code: '追溯码',
    sellable: '可销售',
    yes: '是',
    no: '否（证明不全）',
    chain: '流通环节',
    certificates: '证明文件',
    none: '无',
    kinds: certificateKindNames['zh-CN'],
    steps: {
      receive: '收货',
      store: '入库',
      ship: '发货',
      split: '分割',
      aggregate: '合并',
      transform: '加工',
      sell: '销售',
      dispose: '销毁',
    },
  },
  en: {
    title: 'Imported cold-chain food trace',
    missing: 'No such trace code',
    product: 'Product',
    origin: 'Country of origin',
    code: 'Trace code',
    sellable: 'Sellable',
    yes: 'yes',
    no: 'no (certificates incomplete)',
    chain: 'Chain of holders',
    certificates: 'Certificates',
    none: 'none',
    kinds: certificateKindNames.en,
    steps: {
      receive: 'received',
      store: 'stored',
      ship: 'shipped',
      split: 'split',
      aggregate: 'aggregated',
      transform: 'processed',
      sell: 'sold',
      dispose: 'destroyed',
    },
  },
} as const;

/**
 * The consumer page `/t/<code>`: origin, the chain of holders (business names only: the registry's public profile),
 * the certificates (kind, number, date; not the files) — no script, no personal data.
 */
export async function publicTracePage(
  ctx: ServiceContext,
  code: string,
  language: PublicLanguage,
): Promise<{ status: 200 | 404; html: string }> {
  const text = words[language];
  const path = `/t/${encodeURIComponent(code)}`;
  const trace = await traceCode(ctx, code, 'back').catch(() => undefined);
  if (!trace)
    return { status: 404, html: publicPage({ language, title: text.title, path, body: html`<section><p>${text.missing}</p></section>` }) };
  const root = trace.lots.find((lot) => lot.parentCode === null) ?? trace.lots[0];
  const rootCode = root?.code ?? trace.code;
  const [batch] = await ctx.db
    .select()
    .from(ccBatch)
    .where(and(eq(ccBatch.districtCode, rootCode.slice(0, 6)), eq(ccBatch.traceCode, rootCode)));
  const certificates = batch
    ? await ctx.db
        .select({ kind: ccCertificate.kind, number: ccCertificate.number, issuedOn: ccCertificate.issuedOn })
        .from(ccCertificate)
        .where(and(eq(ccCertificate.districtCode, batch.districtCode), eq(ccCertificate.batchId, batch.id)))
    : [];
  const chain = trace.events.map(
    (event) => html`<tr><td>${event.eventTime.slice(0, 10)}</td><td>${text.steps[event.step]}</td><td>${event.holderName}</td></tr>`,
  );
  const body = html`<section><dl>
<dt>${text.product}</dt><dd>${batch?.product ?? root?.product ?? ''}</dd>
<dt>${text.origin}</dt><dd>${batch?.originCountry ?? ''}</dd>
<dt>${text.code}</dt><dd>${trace.code}</dd>
<dt>${text.sellable}</dt><dd>${batch?.isSellable ? text.yes : text.no}</dd></dl></section>
<section><h2>${text.chain}</h2>${scrollRegion(text.chain, html`<table><tbody>${chain}</tbody></table>`)}</section>
<section><h2>${text.certificates}</h2>${
    certificates.length === 0
      ? html`<p>${text.none}</p>`
      : html`<ul>${certificates.map((certificate) => html`<li>${text.kinds[certificate.kind]} ${certificate.number}（${certificate.issuedOn}）</li>`)}</ul>`
  }</section>`;
  return { status: 200, html: publicPage({ language, title: text.title, path, body }) };
}
