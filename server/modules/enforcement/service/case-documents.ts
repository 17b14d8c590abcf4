import { createHash } from 'node:crypto';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { and, desc, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { district, orgUnit } from '../../../platform/org/org.tables.ts';
import { documentNotYet } from '../enforcement.errors.ts';
import type { CaseDocumentVersion, CaseView, CorrectDocumentBody } from '../enforcement.schemas.ts';
import { caseDocument as caseDocumentTable } from '../enforcement.tables.ts';
import { chineseDate, clause, documentDate, documentNumber } from '../rules/case-document-text.ts';
import { type CaseDocumentKind, isDocumentAvailable } from '../rules/case-procedure.ts';
import { getCase } from './case-queries.ts';
import { findCaseInScope } from './case-scope.ts';

const documentTitles: Record<CaseDocumentKind, string> = {
  filing: '立案审批表',
  not_filing: '不予立案审批表',
  notice: '行政处罚告知书',
  decision: '行政处罚决定书',
  closing: '结案审批表',
  police_transfer: '涉嫌犯罪案件移送书',
};

const sourceNames: Record<CaseView['source'], string> = {
  report: '投诉举报',
  inspection: '监督检查',
  sampling: '监督抽检',
  data_comparison: '监管数据比对',
  direct: '依职权发现',
  transfer: '其他机关移送',
};

const penaltyNames: Record<CaseView['penalties'][number]['kind'], string> = {
  warning: '警告',
  fine: '罚款',
  confiscation_income: '没收违法所得',
  confiscation_property: '没收非法财物',
  suspension: '责令停产停业',
  licence_revocation: '吊销许可证件',
  other: '其他',
};

const line = (text: string, options: { bold?: boolean; size?: number; centred?: boolean } = {}) =>
  new Paragraph({
    alignment: options.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, size: options.size ?? 24, font: 'SimSun' })],
  });

const cell = (text: string) => new TableCell({ children: [line(text)], width: { size: 50, type: WidthType.PERCENTAGE } });
const tableOf = (rows: [string, string][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([key, value]) => new TableRow({ children: [cell(key), cell(value)] })),
  });

/** The body of each document: what the law asks it to state, from the case file only (never a reporter's identity). */
function bodyOf(kind: CaseDocumentKind, view: CaseView): (Paragraph | Table)[] {
  const party = `当事人：${view.partyName}`;
  switch (kind) {
    case 'filing':
    case 'not_filing':
      return [
        tableOf([
          ['案件名称', view.title],
          ['案件来源', sourceNames[view.source]],
          ['当事人', view.partyName],
          ['发现线索日期', view.leadOn],
          ['立案期限', `${view.filingDue}${view.filingExtended ? '（已延长）' : ''}`],
          [kind === 'filing' ? '立案日期' : '不予立案日期', (kind === 'filing' ? view.filedOn : view.closedOn) ?? ''],
        ]),
        line(`案情摘要：${clause(view.facts, '（无）')}。`),
        line(
          kind === 'filing'
            ? '经核查，有证据初步证明当事人涉嫌违法，依法应当给予行政处罚，且属于本机关管辖，建议立案。'
            : '经核查，不符合立案条件，建议不予立案。',
        ),
      ];
    case 'notice':
      return [
        line(party),
        line(`经查，${clause(view.facts, '当事人存在违法行为')}。`),
        line(
          view.legalBasis
            ? `依据${clause(view.legalBasis, '')}的规定，本机关拟作出如下行政处罚：${penaltyText(view)}。`
            : `本机关拟作出如下行政处罚：${penaltyText(view)}。`,
        ),
        line(
          '根据《中华人民共和国行政处罚法》的规定，你（单位）享有陈述、申辩的权利；符合条件的，可以要求听证。请在收到本告知书之日起五个工作日内提出，逾期视为放弃。',
        ),
      ];
    case 'decision':
      return [
        line(party),
        line(`经查，${clause(view.facts, '当事人存在违法行为')}。`),
        line(`依据${clause(view.legalBasis ?? '', '相关法律、法规')}的规定，本机关决定：${penaltyText(view)}。`),
        line(`罚没款合计人民币 ${view.totalAmount} 元（罚款 ${view.fineAmount} 元，没收 ${view.confiscationAmount} 元）。`),
        line('如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内依法提起行政诉讼。'),
        line('本决定将依照《市场监督管理行政处罚信息公示规定》在国家企业信用信息公示系统公示。'),
      ];
    case 'closing':
      return [
        tableOf([
          ['当事人', view.partyName],
          ['立案日期', view.filedOn ?? ''],
          ['决定日期', view.decidedOn ?? ''],
          ['决定书文号', view.decisionNumber ?? ''],
          ['执行完毕日期', view.executedOn ?? ''],
          ['罚没款（元）', view.totalAmount],
          ['大要案', view.isMajor ? '是' : '否'],
        ]),
        line('案件已执行完毕，建议结案。'),
      ];
    case 'police_transfer':
      return [
        line(party),
        line(
          `本机关在查处当事人涉嫌${view.title}一案中，发现其行为涉嫌犯罪，依据《行政执法机关移送涉嫌犯罪案件的规定》，现将案件移送你局。`,
        ),
        line(`移送日期：${view.policeTransferredOn ?? ''}`),
        line(`说明：${clause(view.policeTransferNote ?? '', '无')}。`),
      ];
  }
}

function penaltyText(view: CaseView): string {
  if (view.penalties.length === 0) return '不予行政处罚';
  return view.penalties
    .map((penalty) => (penalty.amount === '0.00' ? penaltyNames[penalty.kind] : `${penaltyNames[penalty.kind]}人民币 ${penalty.amount} 元`))
    .join('；');
}

async function authorityName(ctx: ActorContext, districtCode: string): Promise<string> {
  const [bureau] = await ctx.db
    .select({ name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.districtCode, districtCode), eq(orgUnit.kind, 'bureau')))
    .limit(1);
  const [home] = await ctx.db.select({ name: district.name }).from(district).where(eq(district.code, districtCode));
  return bureau?.name ?? `${home?.name ?? ''}市场监督管理局`;
}

/** Makes the .docx of one document from the case file, dated the day of its step. */
async function renderDocument(
  authority: string,
  kind: CaseDocumentKind,
  view: CaseView,
  version: number,
  correctionReason: string | null,
): Promise<{ number: string; issuedOn: string; content: Buffer }> {
  const issuedOn = documentDate(kind, view) as string;
  const number = documentNumber(kind, view.number, view.decisionNumber);
  const document = new Document({
    creator: 'Zhijian',
    title: `${documentTitles[kind]} ${number}`,
    sections: [
      {
        children: [
          line(authority, { bold: true, size: 32, centred: true }),
          line(documentTitles[kind], { bold: true, size: 36, centred: true }),
          line(kind === 'decision' ? number : `${number}（案号：${view.number}）`, { centred: true }),
          ...(version > 1
            ? [line(`更正第 ${version} 版：${clause(correctionReason ?? '', '更正')}。本版替代此前各版。`, { centred: true })]
            : []),
          ...bodyOf(kind, view),
          line(''),
          line(authority, { centred: false }),
          line(chineseDate(issuedOn)),
        ],
      },
    ],
  });
  return { number, issuedOn, content: await Packer.toBuffer(document) };
}

async function keepDocument(
  ctx: ActorContext,
  districtCode: string,
  view: CaseView,
  kind: CaseDocumentKind,
  version: number,
  correctionReason: string | null,
): Promise<typeof caseDocumentTable.$inferSelect | undefined> {
  const rendered = await renderDocument(await authorityName(ctx, districtCode), kind, view, version, correctionReason);
  const [row] = await ctx.db
    .insert(caseDocumentTable)
    .values({
      districtCode,
      caseId: view.id,
      kind,
      version,
      documentNumber: rendered.number,
      issuedOn: rendered.issuedOn,
      correctionReason,
      filename: `${rendered.number}-${documentTitles[kind]}${version > 1 ? `-第${version}版` : ''}.docx`,
      sizeBytes: rendered.content.length,
      sha256: createHash('sha256').update(rendered.content).digest('hex'),
      content: rendered.content,
      createdBy: ctx.actor.userId,
    })
    // Two first downloads at once: one row wins, the other reads it.
    .onConflictDoNothing()
    .returning();
  return row;
}

async function keptDocument(ctx: ActorContext, districtCode: string, caseId: number, kind: CaseDocumentKind, version?: number) {
  const [row] = await ctx.db
    .select()
    .from(caseDocumentTable)
    .where(
      and(
        eq(caseDocumentTable.districtCode, districtCode),
        eq(caseDocumentTable.caseId, caseId),
        eq(caseDocumentTable.kind, kind),
        version ? eq(caseDocumentTable.version, version) : undefined,
      ),
    )
    .orderBy(desc(caseDocumentTable.version))
    .limit(1);
  return row;
}

/**
 * Keeps every document the case has reached and not yet kept (called in the transaction of the step that makes
 * them): the file is made once, at its step, and never again.
 */
export async function keepCaseDocuments(ctx: ActorContext, id: number): Promise<void> {
  const { districtCode } = await findCaseInScope(ctx, id);
  const view = await getCase(ctx, id);
  for (const kind of view.documents) {
    if (!(await keptDocument(ctx, districtCode, id, kind))) await keepDocument(ctx, districtCode, view, kind, 1, null);
  }
}

/**
 * A case document as kept (.docx): the latest version unless one is asked for. A case whose step came before
 * documents were kept (the demo's, an import) gets its file made now from the case file, dated its step's day,
 * and kept from then on.
 */
export async function caseDocument(
  ctx: ActorContext,
  id: number,
  kind: CaseDocumentKind,
  version?: number,
): Promise<{ filename: string; content: Buffer }> {
  const { districtCode } = await findCaseInScope(ctx, id);
  const view = await getCase(ctx, id);
  if (!isDocumentAvailable(kind, view.stage, view.policeTransferredOn !== null)) throw documentNotYet();
  let row = await keptDocument(ctx, districtCode, id, kind, version);
  if (!row && !version)
    row = (await keepDocument(ctx, districtCode, view, kind, 1, null)) ?? (await keptDocument(ctx, districtCode, id, kind));
  if (!row) throw documentNotYet();
  await writeAudit(ctx, { action: 'case.document', objectType: 'enforcement_case', objectId: id, detail: { kind, version: row.version } });
  return { filename: row.filename, content: row.content };
}

/** A correction: a new version of the document made from the case file as it is now, kept beside the old ones. */
export async function correctCaseDocument(ctx: ActorContext, id: number, input: CorrectDocumentBody): Promise<CaseDocumentVersion> {
  const view = await getCase(ctx, id);
  if (!isDocumentAvailable(input.kind, view.stage, view.policeTransferredOn !== null)) throw documentNotYet();
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // The case row's lock makes two corrections at once take turns for the next version number.
    const { districtCode } = await findCaseInScope(txCtx, id, { forUpdate: true });
    const latest = await keptDocument(txCtx, districtCode, id, input.kind);
    if (!latest) await keepDocument(txCtx, districtCode, view, input.kind, 1, null);
    const version = (latest?.version ?? 1) + 1;
    const row = (await keepDocument(txCtx, districtCode, view, input.kind, version, input.reason)) as typeof caseDocumentTable.$inferSelect;
    await writeAudit(txCtx, {
      action: 'case.document_correction',
      objectType: 'enforcement_case',
      objectId: id,
      detail: { kind: input.kind, version, reason: input.reason },
    });
    return {
      kind: row.kind,
      version: row.version,
      documentNumber: row.documentNumber,
      issuedOn: row.issuedOn,
      correctionReason: row.correctionReason,
    };
  });
}
