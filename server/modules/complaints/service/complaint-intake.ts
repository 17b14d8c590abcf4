import { chinaInstant, todayInChina } from '../../../../shared/calendar-day.ts';
import { maskPersonName, maskPhone } from '../../../../shared/masking.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { stationOfStreet } from '../../../platform/org/stations.ts';
import { findEntityForModule } from '../../registry/index.ts';
import type { ComplaintCategory, ComplaintChannel, IntakeBody } from '../complaints.schemas.ts';
import { type ComplaintRow, complaint } from '../complaints.tables.ts';
import { type ComplaintField, complaintRuleSetFor, firstRuleDay } from '../rules/complaint-rule-sets.ts';
import { type ComplaintKind, intakeState } from '../rules/complaint-steps.ts';
import { missingRequiredFields } from '../rules/required-fields.ts';
import { type CheckedAttachment, insertAttachments } from './complaint-attachments.ts';
import { checkStepDate, currentStepOf, fieldProblem, nextComplaintNumber, recordComplaintStep } from './complaint-records.ts';

/** An item as received, whoever entered it; the respondent already resolved to a name, street and (maybe) entity. */
export interface ReceivedItem {
  districtCode: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  receivedAt: Date;
  receivedOn: string;
  respondent: { entityId: number | null; name: string; address: string; streetCode: string; industryCode: string | null };
  isAnonymous: boolean;
  complainant: { name?: string; phone?: string; address?: string };
  facts: string;
  request: string;
  knewOn: string | null;
}

const fieldMessages: Record<ComplaintField, { 'zh-CN': string; en: string }> = {
  complainantName: { 'zh-CN': '请填写投诉人姓名', en: "the complainant's name is required" },
  complainantPhone: { 'zh-CN': '请填写联系电话', en: 'a phone number is required' },
  complainantAddress: { 'zh-CN': '请填写通讯地址', en: 'a postal address is required' },
  respondentName: { 'zh-CN': '请填写被投诉（举报）人名称', en: 'the respondent is required' },
  respondentAddress: { 'zh-CN': '请填写被投诉人地址', en: "the respondent's address is required" },
  request: { 'zh-CN': '请写明具体诉求', en: 'state what you ask for' },
  facts: { 'zh-CN': '请写明事实经过', en: 'describe the facts' },
};

/** Required fields of the rule set in force (Order 20 Arts. 9, 24), each named in the 400. */
export function checkRequiredFields(item: Omit<ReceivedItem, 'districtCode' | 'receivedAt'>): void {
  if (item.kind !== 'report' && item.isAnonymous) {
    fieldProblem([{ field: 'isAnonymous', message: { 'zh-CN': '只有举报可以匿名', en: 'only a report may be anonymous' } }]);
  }
  const missing = missingRequiredFields(
    item.kind,
    {
      complainantName: item.complainant.name,
      complainantPhone: item.complainant.phone,
      complainantAddress: item.complainant.address,
      respondentName: item.respondent.name,
      respondentAddress: item.respondent.address,
      request: item.request,
      facts: item.facts,
    },
    complaintRuleSetFor(item.receivedOn < '2014-03-15' ? '2014-03-15' : item.receivedOn),
    item.isAnonymous,
  );
  if (missing.length) fieldProblem(missing.map((field) => ({ field, message: fieldMessages[field] })));
}

/**
 * Stores a received item, routed to the station of the respondent's street, with its first deadline, and the
 * files of a public complaint (already checked) in the same transaction.
 */
export async function receiveItem(
  ctx: ServiceContext,
  item: ReceivedItem,
  attachments: readonly CheckedAttachment[] = [],
): Promise<ComplaintRow> {
  const stationId = await stationOfStreet(ctx.db, item.districtCode, item.respondent.streetCode);
  if (stationId === undefined)
    fieldProblem([{ field: 'streetCode', message: { 'zh-CN': '该街道不属于本辖区', en: 'is not a street of this district' } }]);
  const calendar = await loadHolidayCalendar(ctx.db, item.districtCode);
  const intake = intakeState(item.kind, item.receivedOn, calendar);
  const keepsContact = !item.isAnonymous;
  const phone = keepsContact && item.complainant.phone ? item.complainant.phone : null;
  const name = keepsContact && item.complainant.name ? item.complainant.name.trim() : null;
  const address = keepsContact && item.complainant.address ? item.complainant.address.trim() : null;
  return ctx.db.transaction(async (tx) => {
    const values = {
      districtCode: item.districtCode,
      number: await nextComplaintNumber(tx, item.districtCode, item.kind, item.receivedOn),
      kind: item.kind,
      channel: item.channel,
      category: item.category,
      receivedAt: item.receivedAt,
      receivedOn: item.receivedOn,
      ruleSet: intake.ruleSet,
      entityId: item.respondent.entityId,
      respondentName: item.respondent.name,
      respondentAddress: item.respondent.address,
      respondentIndustry: item.respondent.industryCode,
      streetCode: item.respondent.streetCode,
      stationId,
      isAnonymous: item.isAnonymous,
      complainantNameEnc: name ? ctx.crypto.encrypt(name) : null,
      complainantNameMask: name ? maskPersonName(name) : null,
      complainantPhoneEnc: phone ? ctx.crypto.encrypt(phone) : null,
      complainantPhoneBlind: phone ? ctx.crypto.blindIndex(phone) : null,
      complainantPhoneMask: phone ? maskPhone(phone) : null,
      complainantAddressEnc: address ? ctx.crypto.encrypt(address) : null,
      facts: item.facts,
      request: item.request,
      knewOn: item.knewOn,
      status: intake.status ?? 'received',
      acceptDue: intake.acceptDue ?? null,
      verifyDue: intake.verifyDue ?? null,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    };
    const current = currentStepOf(values as unknown as ComplaintRow);
    const [created] = await tx
      .insert(complaint)
      .values({ ...values, ...current })
      .returning();
    const row = created as ComplaintRow;
    await recordComplaintStep({ db: tx, clock: ctx.clock }, row, 'received', item.receivedOn, ctx.actor?.userId ?? null, item.channel);
    await insertAttachments(tx, row.districtCode, row.id, attachments, ctx.clock.now());
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'complaint.receive',
        objectType: 'complaint',
        objectId: row.id,
        districtCode: row.districtCode,
        detail: { number: row.number, kind: row.kind, channel: row.channel, entityId: row.entityId, attachments: attachments.length },
      },
    );
    return row;
  });
}

/** Staff entry (12315 hotline, letters, visits): the respondent is a registered entity or a name and street. */
export async function receiveByStaff(ctx: ActorContext, body: IntakeBody): Promise<ComplaintRow> {
  const today = todayInChina(ctx.clock.now());
  const receivedOn = body.receivedOn ?? today;
  checkStepDate('receivedOn', receivedOn, today, null);
  const firstDay = firstRuleDay(body.kind);
  if (receivedOn < firstDay) {
    fieldProblem([
      {
        field: 'receivedOn',
        message: { 'zh-CN': `不能早于适用规则的生效日期（${firstDay}）`, en: `cannot be before the earliest rules in force (${firstDay})` },
      },
    ]);
  }
  let respondent: ReceivedItem['respondent'];
  let districtCode = ctx.actor.districtCode;
  if (body.entityId !== undefined) {
    const entity = await findEntityForModule(ctx, body.entityId);
    districtCode = entity.districtCode;
    respondent = {
      entityId: entity.id,
      name: entity.name,
      address: body.respondentAddress?.trim() || entity.address,
      streetCode: entity.streetCode,
      industryCode: entity.industryCode,
    };
  } else {
    if (!body.streetCode)
      fieldProblem([
        { field: 'streetCode', message: { 'zh-CN': '未选择登记主体时必填', en: 'is required when no registered entity is chosen' } },
      ]);
    respondent = {
      entityId: null,
      name: body.respondentName?.trim() ?? '',
      address: body.respondentAddress?.trim() ?? '',
      streetCode: body.streetCode,
      industryCode: null,
    };
  }
  const item: ReceivedItem = {
    districtCode,
    kind: body.kind,
    channel: body.channel,
    category: body.category,
    receivedAt: receivedOn === today ? ctx.clock.now() : chinaInstant(receivedOn, '09:00:00'),
    receivedOn,
    respondent,
    isAnonymous: body.isAnonymous ?? false,
    complainant: { name: body.complainantName, phone: body.complainantPhone || undefined, address: body.complainantAddress },
    facts: body.facts.trim(),
    request: body.request?.trim() ?? '',
    knewOn: body.knewOn ?? null,
  };
  checkRequiredFields(item);
  return receiveItem(ctx, item);
}
