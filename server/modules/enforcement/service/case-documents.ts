import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { district, orgUnit } from '../../../platform/org/org.tables.ts';
import { documentNotYet } from '../enforcement.errors.ts';
import type { CaseView } from '../enforcement.schemas.ts';
import { type CaseDocumentKind, isDocumentAvailable } from '../rules/case-procedure.ts';
import { getCase } from './case-queries.ts';

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
        line(`案情摘要：${view.facts || '（无）'}`),
        line(
          kind === 'filing'
            ? '经核查，有证据初步证明当事人涉嫌违法，依法应当给予行政处罚，且属于本机关管辖，建议立案。'
            : '经核查，不符合立案条件，建议不予立案。',
        ),
      ];
    case 'notice':
      return [
        line(party),
        line(`经查，${view.facts || '当事人存在违法行为'}。`),
        line(`本机关拟作出如下行政处罚：${penaltyText(view)}。`),
        line(
          '根据《中华人民共和国行政处罚法》的规定，你（单位）享有陈述、申辩的权利；符合条件的，可以要求听证。请在收到本告知书之日起五个工作日内提出，逾期视为放弃。',
        ),
      ];
    case 'decision':
      return [
        line(party),
        line(`经查，${view.facts || '当事人存在违法行为'}。`),
        line(`本机关决定：${penaltyText(view)}。`),
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
        line(`说明：${view.policeTransferNote ?? ''}`),
      ];
  }
}

function penaltyText(view: CaseView): string {
  if (view.penalties.length === 0) return '不予行政处罚';
  return view.penalties
    .map((penalty) => (penalty.amount === '0.00' ? penaltyNames[penalty.kind] : `${penaltyNames[penalty.kind]}人民币 ${penalty.amount} 元`))
    .join('；');
}

/** A case document as .docx, made from the case file when the case has reached its stage. */
export async function caseDocument(ctx: ActorContext, id: number, kind: CaseDocumentKind): Promise<{ filename: string; content: Buffer }> {
  const view = await getCase(ctx, id);
  if (!isDocumentAvailable(kind, view.stage, view.policeTransferredOn !== null)) throw documentNotYet();
  const [bureau] = await ctx.db
    .select({ name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.districtCode, ctx.actor.districtCode), eq(orgUnit.kind, 'bureau')))
    .limit(1);
  const [home] = await ctx.db.select({ name: district.name }).from(district).where(eq(district.code, ctx.actor.districtCode));
  const authority = bureau?.name ?? `${home?.name ?? ''}市场监督管理局`;
  const document = new Document({
    creator: 'Zhijian',
    title: `${documentTitles[kind]} ${view.number}`,
    sections: [
      {
        children: [
          line(authority, { bold: true, size: 32, centred: true }),
          line(documentTitles[kind], { bold: true, size: 36, centred: true }),
          line(kind === 'decision' && view.decisionNumber ? view.decisionNumber : `案号：${view.number}`, { centred: true }),
          ...bodyOf(kind, view),
          line(''),
          line(authority, { centred: false }),
          line(new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(ctx.clock.now())),
        ],
      },
    ],
  });
  const content = await Packer.toBuffer(document);
  await writeAudit(ctx, { action: 'case.document', objectType: 'enforcement_case', objectId: id, detail: { kind } });
  return { filename: `${view.number}-${kind}.docx`, content };
}
