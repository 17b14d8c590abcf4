import { asc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../platform/calendar/deadline-flag.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { isAppError } from '../../../platform/errors/app-error.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { translate } from '../../../platform/i18n/language.ts';
import { district, street } from '../../../platform/org/org.tables.ts';
import { html, type PublicLanguage, publicPage, raw } from '../../../platform/public-html/html.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
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
  return {
    userId: 0,
    username: 'public',
    displayName: 'public',
    districtCode,
    districtCodes: [districtCode],
    roles: ['section'],
    orgUnitId: null,
    isDistrictWide: true,
    streetCodes: [],
    entityIds: [],
    labId: null,
  };
}

interface Respondent {
  entityId: number;
  name: string;
  address: string;
  streetCode: string;
  industryCode: string;
}

/** The district the form is for: the one named, or the only one of the deployment. */
async function resolveDistrict(ctx: ServiceContext, code: string | undefined): Promise<string | undefined> {
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
    submit: '提交',
    received: '已收到，编号',
    receivedNote: '我们将在7个工作日内决定是否受理（投诉）并告知您。请保存编号以便查询。',
    noDistrict: '未找到对应的辖区，请从店铺门口的二维码进入或拨打12315。',
    errors: '请修改以下内容：',
    attachments: '附件（可选，最多3个，每个不超过5MB，JPG、PNG图片或PDF）',
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
    submit: 'Submit',
    received: 'Received, number',
    receivedNote: 'We decide within 7 working days whether to accept a complaint and tell you. Keep the number.',
    noDistrict: 'No district found: open this form from the QR code on the shop door, or call 12315.',
    errors: 'Please correct:',
    attachments: 'Attachments (optional: up to 3 files of 5 MB each, JPG or PNG images or PDF)',
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
  const errorList = errors.length
    ? html`<section class="warn"><p>${text.errors}</p><ul>${errors.map((error) => html`<li class="error">${error.message}</li>`)}</ul></section>`
    : '';
  const body = html`${errorList}<section><p class="muted">${text.intro}</p>
<form method="post" enctype="multipart/form-data" action="/public/complaints${language === 'en' ? '?lang=en' : ''}">
<input type="hidden" name="district" value="${districtCode}">
${respondent ? html`<input type="hidden" name="entity" value="${form.entity}">` : ''}
<label>${text.kind}</label>
<select name="kind"><option value="complaint"${raw(kind === 'complaint' ? ' selected' : '')}>${text.complaint}</option><option value="report"${raw(kind === 'report' ? ' selected' : '')}>${text.report}</option></select>
<label>${text.category}</label>
<select name="category">${complaintCategories.map((category) => html`<option value="${category}"${raw(form.category === category ? ' selected' : '')}>${categoryNames[category][language]}</option>`)}</select>
<label>${text.respondent}</label>
${
  respondent
    ? html`<p><strong>${respondent.name}</strong><br><span class="muted">${respondent.address}</span></p>`
    : html`<input name="respondentName" maxlength="200" value="${value('respondentName')}">
<label>${text.respondentAddress}</label><input name="respondentAddress" maxlength="300" value="${value('respondentAddress')}">
<label>${text.street}</label><select name="streetCode">${streets.map((row) => html`<option value="${row.code}"${raw(form.streetCode === row.code ? ' selected' : '')}>${language === 'en' ? row.nameEn : row.name}</option>`)}</select>`
}
<label>${text.name}</label><input name="name" maxlength="50" autocomplete="name" value="${value('name')}">
<label>${text.phone}</label><input name="phone" type="tel" maxlength="20" autocomplete="tel" value="${value('phone')}">
<label>${text.address}</label><input name="address" maxlength="300" value="${value('address')}">
<label><input type="checkbox" name="anonymous" value="1" style="width:auto"${raw(form.anonymous ? ' checked' : '')}> ${text.anonymous}</label>
<label>${text.facts}</label><textarea name="facts" rows="5" maxlength="4000">${value('facts')}</textarea>
<label>${text.request}</label><textarea name="request" rows="2" maxlength="2000">${value('request')}</textarea>
<label>${text.knewOn}</label><input name="knewOn" type="date" value="${value('knewOn')}">
<label>${text.attachments}</label><input type="file" name="attachments" multiple accept="image/jpeg,image/png,application/pdf">
<p><button type="submit">${text.submit}</button></p>
</form></section>`;
  return { status: errors.length ? 400 : 200, html: publicPage({ language, title: text.title, path, body }) };
}

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
  const category = complaintCategories.find((candidate) => candidate === form.category) ?? 'other';
  const phone = form.phone?.replace(/\s/g, '') ?? '';
  if (phone && !/^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/.test(phone))
    message('phone', '电话号码格式不正确', 'the phone number is not valid');
  const today = todayInChina(ctx.clock.now());
  if (form.knewOn && (!/^\d{4}-\d{2}-\d{2}$/.test(form.knewOn) || form.knewOn > today))
    message('knewOn', '日期不正确', 'the date is not valid');
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
    knewOn: form.knewOn && errors.every((error) => error.field !== 'knewOn') ? form.knewOn : null,
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
    const body = html`<section><h2>${text.received} ${row.number}</h2><p>${text.receivedNote}</p></section>`;
    return { status: 201, html: publicPage({ language, title: text.title, path: '/public/complaints/new', body }) };
  } catch (error) {
    collect(error);
    return publicComplaintForm(ctx, form, language, shown());
  }
}
