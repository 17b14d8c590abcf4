import { asc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { parseTypedDate } from '../../../../shared/typed-date.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { isAppError } from '../../../platform/errors/app-error.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { translate } from '../../../platform/i18n/language.ts';
import { district, street } from '../../../platform/org/org.tables.ts';
import { html, type PublicLanguage, publicPage, raw } from '../../../platform/public-html/html.ts';
import { type Actor, systemActorFor } from '../../../platform/scope/actor.ts';
import { findEntityForModule, searchEntities } from '../../registry/index.ts';
import { type ComplaintCategory, complaintCategories } from '../complaints.schemas.ts';
import { checkAttachments, type UploadedFile } from './complaint-attachments.ts';
import { checkRequiredFields, type ReceivedItem, receiveItem } from './complaint-intake.ts';

/** The fields of the public form, all text as a browser posts them. */
export interface PublicForm {
  district?: string;
  entity?: string;
  kind?: string;
  category?: string;
  respondentName?: string;
  respondentAddress?: string;
  streetCode?: string;
  name?: string;
  phone?: string;
  address?: string;
  anonymous?: string;
  facts?: string;
  request?: string;
  knewOn?: string;
  lang?: string;
}

/** Reads the register for the public page only: one district, everything in it, no personal data returned. */
function lookupActor(districtCode: string): Actor {
  return { ...systemActorFor(districtCode), username: 'public', displayName: 'public' };
}

interface Respondent {
  entityId: number;
  name: string;
  address: string;
  streetCode: string;
  industryCode: string;
}

/** The district the form is for: the one named, or the only one of the deployment. */
export async function resolveDistrict(ctx: ServiceContext, code: string | undefined): Promise<string | undefined> {
  if (code && /^\d{6}$/.test(code)) {
    const [found] = await ctx.db.select({ code: district.code }).from(district).where(eq(district.code, code));
    return found?.code;
  }
  const all = await ctx.db.select({ code: district.code }).from(district).limit(2);
  return all.length === 1 ? all[0]?.code : undefined;
}

/** The shop of the public code page, by credit code: name and address only. */
async function resolveRespondent(
  ctx: ServiceContext,
  districtCode: string,
  creditCode: string | undefined,
): Promise<Respondent | undefined> {
  if (!creditCode || !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(creditCode)) return undefined;
  const actorCtx: ActorContext = { ...ctx, actor: lookupActor(districtCode) };
  const found = await searchEntities(actorCtx, { q: creditCode, page: 1, pageSize: 5 });
  const match = found.items.find((item) => item.creditCode === creditCode);
  if (!match) return undefined;
  const summary = await findEntityForModule(actorCtx, match.id);
  return {
    entityId: summary.id,
    name: summary.name,
    address: summary.address,
    streetCode: summary.streetCode,
    industryCode: summary.industryCode,
  };
}

const words = {
  'zh-CN': {
    title: '投诉举报',
    intro: '请如实填写。投诉人信息严格保密，不会提供给被投诉方；举报可以匿名。',
    kind: '类型',
    complaint: '投诉（消费纠纷，请求调解）',
    report: '举报（违法线索）',
    category: '事项类别',
    respondent: '被投诉（举报）方',
    respondentAddress: '被投诉方地址',
    street: '所在街道',
    name: '您的姓名',
    phone: '联系电话',
    address: '通讯地址',
    anonymous: '匿名举报（不留姓名电话，将无法告知处理结果）',
    facts: '事实经过',
    request: '具体诉求（投诉必填）',
    knewOn: '知道权益受损的日期',
    dateHint: '年-月-日，例如 2026-12-01',
    submit: '提交',
    received: '已收到，编号',
    receivedNote: '我们将在7个工作日内决定是否受理（投诉）并告知您。请保存编号，凭编号和联系电话后四位查询办理进度。',
    noDistrict: '未找到对应的辖区，请从店铺门口的二维码进入或拨打12315。',
    errors: '请修改以下内容：',
    attachments: '附件（可选，最多3个，每个不超过5MB，JPG、PNG图片或PDF）',
    required: '（必填）',
    requiredForComplaint: '（投诉必填）',
    chooseStreet: '请选择街道',
    maxChars: (max: number) => `最多 ${max} 字`,
    tooLong: (label: string, max: number, length: number) => `${label}最多 ${max} 字，现为 ${length} 字`,
    statusLink: '已提交过？查询办理进度',
    statusCheck: '查询办理进度',
  },
  en: {
    title: 'Complaint or report',
    intro: 'Your details are kept confidential and never given to the business. A report may be anonymous.',
    kind: 'Type',
    complaint: 'Complaint (consumer dispute, asks for mediation)',
    report: 'Report (a clue of a violation)',
    category: 'Subject',
    respondent: 'Business concerned',
    respondentAddress: "Business's address",
    street: 'Street',
    name: 'Your name',
    phone: 'Phone',
    address: 'Postal address',
    anonymous: 'Report anonymously (no name or phone; we cannot tell you the outcome)',
    facts: 'What happened',
    request: 'What you ask for (complaints)',
    knewOn: 'When you learned of the problem',
    dateHint: 'year-month-day, e.g. 2026-12-01',
    submit: 'Submit',
    received: 'Received, number',
    receivedNote:
      'We decide within 7 working days whether to accept a complaint and tell you. Keep the number: with it and the last 4 digits of your phone you can check the progress.',
    noDistrict: 'No district found: open this form from the QR code on the shop door, or call 12315.',
    errors: 'Please correct:',
    attachments: 'Attachments (optional: up to 3 files of 5 MB each, JPG or PNG images or PDF)',
    required: ' (required)',
    requiredForComplaint: ' (required for a complaint)',
    chooseStreet: 'Choose the street',
    maxChars: (max: number) => `at most ${max} characters`,
    tooLong: (label: string, max: number, length: number) => `${label}: at most ${max} characters, now ${length}`,
    statusLink: 'Already submitted? Check its progress',
    statusCheck: 'Check the progress',
  },
} as const;

const categoryNames: Record<ComplaintCategory, { 'zh-CN': string; en: string }> = {
  food: { 'zh-CN': '食品', en: 'Food' },
  drugs: { 'zh-CN': '药品', en: 'Drugs' },
  cosmetics: { 'zh-CN': '化妆品', en: 'Cosmetics' },
  medical_devices: { 'zh-CN': '医疗器械', en: 'Medical devices' },
  product_quality: { 'zh-CN': '产品质量', en: 'Product quality' },
  special_equipment: { 'zh-CN': '特种设备（电梯等）', en: 'Special equipment (lifts…)' },
  price: { 'zh-CN': '价格收费', en: 'Prices' },
  advertising: { 'zh-CN': '广告宣传', en: 'Advertising' },
  contract: { 'zh-CN': '合同', en: 'Contracts' },
  services: { 'zh-CN': '服务', en: 'Services' },
  trademark: { 'zh-CN': '商标', en: 'Trademarks' },
  metrology: { 'zh-CN': '计量（缺斤短两）', en: 'Weights and measures' },
  unlicensed: { 'zh-CN': '无证无照经营', en: 'Unlicensed business' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export interface PublicPageResult {
  status: number;
  html: string;
}

/** The form (GET), optionally with the shop of the code page filled in. */
export async function publicComplaintForm(
  ctx: ServiceContext,
  form: PublicForm,
  language: PublicLanguage,
  errors: { field: string; message: string }[] = [],
): Promise<PublicPageResult> {
  const text = words[language];
  const districtCode = await resolveDistrict(ctx, form.district);
  const path = `/public/complaints/new${form.entity ? `?entity=${encodeURIComponent(form.entity)}` : ''}`;
  if (!districtCode)
    return {
      status: 404,
      html: publicPage({ language, title: text.title, path, body: html`<section><p>${text.noDistrict}</p></section>` }),
    };
  const respondent = await resolveRespondent(ctx, districtCode, form.entity);
  const streets = respondent
    ? []
    : await ctx.db
        .select({ code: street.code, name: street.name, nameEn: street.nameEn })
        .from(street)
        .where(eq(street.districtCode, districtCode))
        .orderBy(asc(street.code));
  const kind = form.kind === 'report' ? 'report' : 'complaint';
  const value = (key: keyof PublicForm) => form[key] ?? '';
  const errorOf = (field: string) => errors.find((error) => error.field === field);
  // Every control has a label tied to it, its error next to it (aria-describedby) and aria-invalid when wrong;
  // the summary links each error to its field.
  const described = (field: string, hint?: string) => {
    const ids = [hint, errorOf(field) ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return raw(`${ids ? ` aria-describedby="${ids}"` : ''}${errorOf(field) ? ' aria-invalid="true"' : ''}`);
  };
  const inlineError = (field: string) => {
    const error = errorOf(field);
    return error ? html`<p class="error" id="${field}-error">${error.message}</p>` : '';
  };
  const required = html`<span class="req">${text.required}</span>`;
  const requiredAttributes = raw(' required aria-required="true"');
  const forComplaint = html`<span class="req">${text.requiredForComplaint}</span>`;
  const counted = (field: 'facts' | 'request', max: number) =>
    html`<p class="muted" id="${field}-count" data-max="${max}" aria-live="polite">${text.maxChars(max)}</p>`;
  const errorList = errors.length
    ? html`<section class="warn" role="alert" aria-labelledby="error-summary"><h2 id="error-summary">${text.errors}</h2><ul>${errors.map(
        (error) => html`<li class="error"><a href="#${error.field}">${error.message}</a></li>`,
      )}</ul></section>`
    : '';
  const body = html`${errorList}<section><p class="muted">${text.intro}</p>
<form method="post" enctype="multipart/form-data" action="/public/complaints${language === 'en' ? '?lang=en' : ''}">
<input type="hidden" name="district" value="${districtCode}">
${respondent ? html`<input type="hidden" name="entity" value="${form.entity}">` : ''}
<label for="kind">${text.kind}${required}</label>
<select id="kind" name="kind"${requiredAttributes}${described('kind')}><option value="complaint"${raw(kind === 'complaint' ? ' selected' : '')}>${text.complaint}</option><option value="report"${raw(kind === 'report' ? ' selected' : '')}>${text.report}</option></select>${inlineError('kind')}
<label for="category">${text.category}${required}</label>
<select id="category" name="category"${requiredAttributes}>${complaintCategories.map((category) => html`<option value="${category}"${raw(form.category === category ? ' selected' : '')}>${categoryNames[category][language]}</option>`)}</select>
${
  respondent
    ? html`<p><span class="label">${text.respondent}</span><br><strong>${respondent.name}</strong><br><span class="muted">${respondent.address}</span></p>`
    : html`<label for="respondentName">${text.respondent}${required}</label><input id="respondentName" name="respondentName" maxlength="200" value="${value('respondentName')}"${requiredAttributes}${described('respondentName')}>${inlineError('respondentName')}
<label for="respondentAddress">${text.respondentAddress}${required}</label><input id="respondentAddress" name="respondentAddress" maxlength="300" value="${value('respondentAddress')}"${requiredAttributes}${described('respondentAddress')}>${inlineError('respondentAddress')}
<label for="streetCode">${text.street}${required}</label><select id="streetCode" name="streetCode"${requiredAttributes}${described('streetCode')}><option value=""${raw(form.streetCode ? '' : ' selected')}>${text.chooseStreet}</option>${streets.map((row) => html`<option value="${row.code}"${raw(form.streetCode === row.code ? ' selected' : '')}>${language === 'en' ? row.nameEn : row.name}</option>`)}</select>${inlineError('streetCode')}`
}
<label for="name">${text.name}${forComplaint}</label><input id="name" name="name" maxlength="50" autocomplete="name" value="${value('name')}"${described('name')}>${inlineError('name')}
<label for="phone">${text.phone}${forComplaint}</label><input id="phone" name="phone" type="tel" maxlength="20" autocomplete="tel" value="${value('phone')}"${described('phone')}>${inlineError('phone')}
<label for="address">${text.address}${forComplaint}</label><input id="address" name="address" maxlength="300" autocomplete="street-address" value="${value('address')}"${described('address')}>${inlineError('address')}
<p><input type="checkbox" id="anonymous" name="anonymous" value="1" style="width:auto"${raw(form.anonymous ? ' checked' : '')}${described('anonymous')}> <label for="anonymous" style="display:inline">${text.anonymous}</label></p>${inlineError('anonymous')}
<label for="facts">${text.facts}${required}</label><textarea id="facts" name="facts" rows="5" maxlength="${factsMax}"${requiredAttributes}${described('facts', 'facts-count')}>${value('facts')}</textarea>${counted('facts', factsMax)}${inlineError('facts')}
<label for="request">${text.request}${forComplaint}</label><textarea id="request" name="request" rows="2" maxlength="${requestMax}"${described('request', 'request-count')}>${value('request')}</textarea>${counted('request', requestMax)}${inlineError('request')}
<label for="knewOn">${text.knewOn}</label><span class="muted" id="knewOn-hint">${text.dateHint}</span><input id="knewOn" name="knewOn" inputmode="numeric" autocomplete="off" maxlength="12" value="${value('knewOn')}"${described('knewOn', 'knewOn-hint')}>${inlineError('knewOn')}
<label for="attachments">${text.attachments}</label><input id="attachments" type="file" name="attachments" multiple accept="image/jpeg,image/png,application/pdf"${described('attachments')}>${inlineError('attachments')}
<p><button type="submit">${text.submit}</button></p>
</form><p><a href="/public/complaints/status${language === 'en' ? '?lang=en' : ''}">${text.statusLink}</a></p></section><script src="/public/complaints/counter.js" defer></script>`;
  return { status: errors.length ? 400 : 200, html: publicPage({ language, title: text.title, path, body }) };
}

/** The longest texts the form takes (the schema of the post allows more, so a longer text is named on the form). */
const factsMax = 4000;
const requestMax = 2000;
const textLimits = { respondentName: 200, respondentAddress: 300, name: 50, address: 300, facts: factsMax, request: requestMax } as const;

/** Shows "n / max" under a text box while typing; the form works the same without it. */
export const counterScript = `for (const note of document.querySelectorAll('[data-max]')) {
  const box = document.getElementById(note.id.replace(/-count$/, ''));
  const max = Number(note.dataset.max);
  const show = () => { note.textContent = box.value.length + ' / ' + max; };
  box.addEventListener('input', show);
  show();
}`;

const formFieldOf: Record<string, string> = {
  complainantName: 'name',
  complainantPhone: 'phone',
  complainantAddress: 'address',
  isAnonymous: 'anonymous',
};

/** The files of a multipart post, and what the multipart reader refused (too many, too large) before the service saw it. */
export interface PublicUploads {
  files: UploadedFile[];
  problems: FieldError[];
}

/**
 * A citizen's submission (POST): checked like staff entry, stored with its attachments (all or nothing),
 * answered with the number; errors re-render the form.
 */
export async function submitPublicComplaint(
  ctx: ServiceContext,
  form: PublicForm,
  language: PublicLanguage,
  uploads: PublicUploads = { files: [], problems: [] },
): Promise<PublicPageResult> {
  const text = words[language];
  const districtCode = await resolveDistrict(ctx, form.district);
  if (!districtCode) return publicComplaintForm(ctx, form, language);
  const checked = checkAttachments(uploads.files);
  const errors: FieldError[] = [...uploads.problems, ...checked.problems];
  const message = (field: string, zh: string, en: string) =>
    errors.push({ in: 'body', field, code: 'invalid', message: { 'zh-CN': zh, en } });
  const kind = form.kind === 'report' ? 'report' : form.kind === 'complaint' ? 'complaint' : undefined;
  if (!kind) message('kind', '请选择类型', 'choose a type');
  const labels = {
    respondentName: 'respondent',
    respondentAddress: 'respondentAddress',
    name: 'name',
    address: 'address',
    facts: 'facts',
    request: 'request',
  } as const;
  for (const [field, max] of Object.entries(textLimits) as [keyof typeof textLimits, number][]) {
    const length = [...(form[field]?.trim() ?? '')].length;
    if (length > max)
      message(
        field,
        words['zh-CN'].tooLong(words['zh-CN'][labels[field]], max, length),
        words.en.tooLong(words.en[labels[field]], max, length),
      );
  }
  const category = complaintCategories.find((candidate) => candidate === form.category) ?? 'other';
  const phone = form.phone?.replace(/\s/g, '') ?? '';
  if (phone && !/^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/.test(phone))
    message('phone', '电话号码格式不正确', 'the phone number is not valid');
  const today = todayInChina(ctx.clock.now());
  // A plain text field (a native date field turns a typed "2026/12/01" into 61201-02-02): read the usual ways.
  const knewOn = form.knewOn?.trim() ? parseTypedDate(form.knewOn) : null;
  if (form.knewOn?.trim() && !knewOn)
    message('knewOn', '日期请按 年-月-日 填写，例如 2026-12-01', 'write the date as year-month-day, e.g. 2026-12-01');
  else if (knewOn && knewOn > today) message('knewOn', `日期不能晚于今天（${today}）`, `the date cannot be after today (${today})`);
  const respondent = await resolveRespondent(ctx, districtCode, form.entity);
  const item: ReceivedItem = {
    districtCode,
    kind: kind ?? 'complaint',
    channel: 'web',
    category,
    receivedAt: ctx.clock.now(),
    receivedOn: today,
    respondent: respondent
      ? { ...respondent }
      : {
          entityId: null,
          name: form.respondentName?.trim() ?? '',
          address: form.respondentAddress?.trim() ?? '',
          streetCode: form.streetCode ?? '',
          industryCode: null,
        },
    isAnonymous: kind === 'report' && Boolean(form.anonymous),
    complainant: { name: form.name?.trim(), phone: phone || undefined, address: form.address?.trim() },
    facts: form.facts?.trim() ?? '',
    request: form.request?.trim() ?? '',
    knewOn: knewOn && errors.every((error) => error.field !== 'knewOn') ? knewOn : null,
  };
  if (!respondent && !/^\d{9}$/.test(item.respondent.streetCode)) message('streetCode', '请选择所在街道', 'choose the street');
  const collect = (error: unknown) => {
    if (!isAppError(error) || error.status !== 400) throw error;
    errors.push(...error.fieldErrors);
  };
  const shown = () =>
    errors.map((fieldError) => ({
      field: formFieldOf[fieldError.field] ?? fieldError.field,
      message: translate(fieldError.message, language, fieldError.params),
    }));
  try {
    checkRequiredFields(item);
  } catch (error) {
    collect(error);
  }
  if (errors.length) return publicComplaintForm(ctx, form, language, shown());
  try {
    const row = await receiveItem(ctx, item, checked.attachments);
    const body = html`<section><h2>${text.received} ${row.number}</h2><p>${text.receivedNote}</p><p><a href="/public/complaints/status${language === 'en' ? '?lang=en' : ''}">${text.statusCheck}</a></p></section>`;
    return { status: 201, html: publicPage({ language, title: text.title, path: '/public/complaints/new', body }) };
  } catch (error) {
    collect(error);
    return publicComplaintForm(ctx, form, language, shown());
  }
}
