import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { html, type PublicLanguage, publicPage } from '../../../platform/public-html/html.ts';
import { complaint, complaintStatusFailure } from '../complaints.tables.ts';
import type { ComplaintStatus } from '../rules/complaint-steps.ts';
import { resolveDistrict } from './public-complaint.ts';

/**
 * 办理进度查询 — a citizen looks up their own item with its number and the last 4 digits of the phone they gave.
 * Only the stage and its dates are shown: no names, no phone, no facts, no one else's item. A wrong number and a
 * wrong phone get the same answer; the route limits tries per address, and a number tried wrongly
 * `maxFailures` times within an hour is locked until that hour is over. The count is in the database, so it holds
 * across application processes and restarts.
 */
export const maxFailures = 5;
const lockMilliseconds = 3_600_000;
const numberPattern = /^[A-Z]{2}\d{8}-\d{4,}$/;

const statusNames: Record<ComplaintStatus, { 'zh-CN': string; en: string }> = {
  received: { 'zh-CN': '已收到，待决定是否受理', en: 'Received, acceptance being decided' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  rejected: { 'zh-CN': '不予受理', en: 'Not accepted' },
  mediating: { 'zh-CN': '调解中', en: 'In mediation' },
  verifying: { 'zh-CN': '核查中', en: 'Being verified' },
  awaiting_reply: { 'zh-CN': '处理完毕，待告知结果', en: 'Handled, result to be sent' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};

const words = {
  'zh-CN': {
    title: '投诉举报办理进度',
    intro: '请输入提交时得到的编号和您留下的联系电话的后四位。匿名举报没有留电话，无法在此查询。',
    number: '编号',
    numberHint: '例如 TS20261228-0004',
    digits: '联系电话后四位',
    required: '（必填）',
    submit: '查询',
    notFound: '编号或电话后四位不正确，请核对后再试。',
    locked: '该编号查询失败次数过多，请一小时后再试，或拨打12315。',
    kind: '类型',
    kinds: { complaint: '投诉', report: '举报', petition: '信访' },
    stage: '当前进度',
    receivedOn: '收到日期',
    acceptedOn: '受理日期',
    rejectedOn: '不予受理日期',
    mediationEndedOn: '调解结束日期',
    closedOn: '办结日期',
    due: '当前环节期限',
    again: '查询其他编号',
    newItem: '提交新的投诉举报',
    noDistrict: '未找到对应的辖区，请拨打12315。',
  },
  en: {
    title: 'Progress of a complaint or report',
    intro:
      'Enter the number you were given and the last 4 digits of the phone you left. An anonymous report left no phone and cannot be looked up here.',
    number: 'Number',
    numberHint: 'e.g. TS20261228-0004',
    digits: 'Last 4 digits of your phone',
    required: ' (required)',
    submit: 'Look up',
    notFound: 'The number or the phone digits do not match. Please check them and try again.',
    locked: 'Too many failed look-ups of this number: try again in an hour, or call 12315.',
    kind: 'Type',
    kinds: { complaint: 'Complaint', report: 'Report', petition: 'Petition' },
    stage: 'Stage',
    receivedOn: 'Received on',
    acceptedOn: 'Accepted on',
    rejectedOn: 'Not accepted on',
    mediationEndedOn: 'Mediation ended on',
    closedOn: 'Closed on',
    due: 'Current step due by',
    again: 'Look up another number',
    newItem: 'Submit a new complaint or report',
    noDistrict: 'No district found: please call 12315.',
  },
} as const;

export interface StatusForm {
  district?: string;
  number?: string;
  digits?: string;
}

export interface StatusPage {
  status: number;
  html: string;
}

function page(language: PublicLanguage, body: ReturnType<typeof html>, status = 200): StatusPage {
  const path = '/public/complaints/status';
  return { status, html: publicPage({ language, title: words[language].title, path, body }) };
}

/** The look-up form; `problem` is shown above it (role=alert) and marks both fields invalid. */
export function statusForm(districtCode: string, language: PublicLanguage, form: StatusForm = {}, problem?: string): StatusPage {
  const text = words[language];
  const invalid = problem ? html` aria-invalid="true" aria-describedby="lookup-error"` : '';
  const body = html`${problem ? html`<section class="warn" role="alert"><p class="error" id="lookup-error">${problem}</p></section>` : ''}<section><p class="muted">${text.intro}</p>
<form method="post" action="/public/complaints/status${language === 'en' ? '?lang=en' : ''}">
<input type="hidden" name="district" value="${districtCode}">
<label for="number">${text.number}<span class="req">${text.required}</span></label><input id="number" name="number" maxlength="30" autocomplete="off" required aria-required="true" value="${form.number ?? ''}" aria-describedby="number-hint"${invalid}><p class="muted" id="number-hint">${text.numberHint}</p>
<label for="digits">${text.digits}<span class="req">${text.required}</span></label><input id="digits" name="digits" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off" required aria-required="true"${invalid}>
<p><button type="submit">${text.submit}</button></p></form>
<p><a href="/public/complaints/new${language === 'en' ? '?lang=en' : ''}">${text.newItem}</a></p></section>`;
  return page(language, body, problem ? 400 : 200);
}

export async function publicStatusForm(ctx: ServiceContext, form: StatusForm, language: PublicLanguage): Promise<StatusPage> {
  const districtCode = await resolveDistrict(ctx, form.district);
  if (!districtCode) return page(language, html`<section><p>${words[language].noDistrict}</p></section>`, 404);
  return statusForm(districtCode, language);
}

/** The look-up: the item whose number and phone's last 4 digits both match, or the same refusal for any miss. */
export async function lookUpStatus(ctx: ServiceContext, form: StatusForm, language: PublicLanguage): Promise<StatusPage> {
  const text = words[language];
  const districtCode = await resolveDistrict(ctx, form.district);
  if (!districtCode) return page(language, html`<section><p>${text.noDistrict}</p></section>`, 404);
  const number = (form.number ?? '').trim().toUpperCase();
  const digits = (form.digits ?? '').trim();
  const isWellFormed = numberPattern.test(number) && number.length <= 40;
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - lockMilliseconds);
  const key = and(eq(complaintStatusFailure.districtCode, districtCode), eq(complaintStatusFailure.number, number));
  if (isWellFormed) {
    const [failed] = await ctx.db.select().from(complaintStatusFailure).where(key);
    if (failed && failed.failures >= maxFailures && failed.firstFailedAt > windowStart)
      return statusForm(districtCode, language, { number }, text.locked);
  }
  const [row] =
    isWellFormed && /^\d{4}$/.test(digits)
      ? await ctx.db
          .select({
            number: complaint.number,
            kind: complaint.kind,
            status: complaint.status,
            phoneMask: complaint.complainantPhoneMask,
            receivedOn: complaint.receivedOn,
            acceptedOn: complaint.acceptedOn,
            rejectedOn: complaint.rejectedOn,
            mediationEndedOn: complaint.mediationEndedOn,
            closedOn: complaint.closedOn,
            currentDue: complaint.currentDue,
          })
          .from(complaint)
          .where(and(eq(complaint.districtCode, districtCode), eq(complaint.number, number)))
      : [];
  // The mask keeps the last 4 digits in clear (138****5678), so no plain phone is decrypted for this.
  if (!row?.phoneMask || row.phoneMask.slice(-4) !== digits) {
    if (isWellFormed) await countFailure(ctx, districtCode, number, now, windowStart);
    return statusForm(districtCode, language, { number }, text.notFound);
  }
  await ctx.db.delete(complaintStatusFailure).where(key);
  const dates = (
    [
      ['receivedOn', row.receivedOn],
      ['acceptedOn', row.acceptedOn],
      ['rejectedOn', row.rejectedOn],
      ['mediationEndedOn', row.mediationEndedOn],
      ['closedOn', row.closedOn],
      ['due', row.status === 'closed' || row.status === 'rejected' ? null : row.currentDue],
    ] as const
  ).filter(([, day]) => day);
  const body = html`<section aria-labelledby="result-title"><h2 id="result-title">${text.number} ${row.number}</h2><dl>
<dt>${text.kind}</dt><dd>${text.kinds[row.kind]}</dd>
<dt>${text.stage}</dt><dd><strong data-testid="status">${statusNames[row.status][language]}</strong></dd>
${dates.map(([label, day]) => html`<dt>${text[label]}</dt><dd>${day}</dd>`)}</dl>
<p><a href="/public/complaints/status${language === 'en' ? '?lang=en' : ''}">${text.again}</a></p></section>`;
  return page(language, body);
}

/** One more wrong look-up of a number, atomically; a count older than the hour starts again at 1. */
async function countFailure(ctx: ServiceContext, districtCode: string, number: string, now: Date, windowStart: Date) {
  const stale = sql`${complaintStatusFailure.firstFailedAt} <= ${windowStart.toISOString()}::timestamptz`;
  await ctx.db
    .insert(complaintStatusFailure)
    .values({ districtCode, number, failures: 1, firstFailedAt: now })
    .onConflictDoUpdate({
      target: [complaintStatusFailure.districtCode, complaintStatusFailure.number],
      set: {
        failures: sql`case when ${stale} then 1 else ${complaintStatusFailure.failures} + 1 end`,
        firstFailedAt: sql`case when ${stale} then excluded.first_failed_at else ${complaintStatusFailure.firstFailedAt} end`,
      },
    });
  // Counts of numbers nobody tried for an hour mean nothing any more.
  await ctx.db.delete(complaintStatusFailure).where(and(eq(complaintStatusFailure.districtCode, districtCode), sql`${stale}`));
}
