import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { district } from '../../../platform/org/org.tables.ts';
import { abnormalReasonTexts, legalBasisOf, removalDecisionWorkingDays } from '../rules/abnormal-listing.ts';
import { listingRow } from './abnormal-listings.ts';

const line = (text: string, options: { bold?: boolean; size?: number; centred?: boolean } = {}) =>
  new Paragraph({
    alignment: options.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 160 },
    children: [new TextRun({ text, bold: options.bold, size: options.size ?? 24, font: 'SimSun' })],
  });

const chineseDate = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * The decision to list (or mark) an entity, as a .docx made from the record: the entity, the reason and its legal
 * basis, the way out (《企业经营异常名录管理暂行办法》第十一条至第十三条) and the remedies. Each download is audited.
 */
export async function listingDecisionDocx(ctx: ActorContext, id: number): Promise<{ filename: string; content: Buffer }> {
  const listing = await listingRow(ctx, id);
  const [home] = await ctx.db.select({ name: district.name }).from(district).where(eq(district.code, listing.districtCode));
  const bureau = `${home?.name ?? ''}市场监督管理局`;
  const isMarking = listing.measure === 'marking';
  const title = isMarking ? '标记经营异常状态决定书' : '列入经营异常名录决定书';
  const reason = abnormalReasonTexts[listing.reason]['zh-CN'];
  const document = new Document({
    sections: [
      {
        children: [
          line(bureau, { bold: true, size: 32, centred: true }),
          line(title, { bold: true, size: 36, centred: true }),
          line(listing.decisionNumber, { centred: true }),
          line(`${listing.entityName}（统一社会信用代码：${listing.creditCode}）：`),
          line(
            `经查，你${isMarking ? '户' : '单位'}${reason}${listing.reportYear ? `（${listing.reportYear}年度）` : ''}。依据${legalBasisOf(listing.reason, listing.entityKind)}的规定，本局决定将你${isMarking ? '户标记为经营异常状态' : '单位列入经营异常名录'}，并通过国家企业信用信息公示系统向社会公示。`,
          ),
          line(
            `你${isMarking ? '户' : '单位'}依法履行相关义务后，可以向本局申请${isMarking ? '恢复正常记载状态' : '移出经营异常名录'}，本局自收到申请之日起${removalDecisionWorkingDays}个工作日内作出决定。${isMarking ? '' : '列入经营异常名录届满3年仍未履行相关义务的，将被列入严重违法失信名单。'}`,
          ),
          line('如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。'),
          line(bureau, { centred: false }),
          line(chineseDate(listing.decidedOn)),
        ],
      },
    ],
  });
  const content = await Packer.toBuffer(document);
  await writeAudit(ctx, {
    action: 'credit.abnormal.decision_download',
    objectType: 'credit_abnormal_listing',
    objectId: listing.id,
  });
  return { filename: `${title}-${listing.entityName}.docx`, content };
}
