import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { hasRole } from '../../../platform/scope/actor.ts';
import { checkPhotoDataUrl, type HazardPhotoStage, hazardPhotoLimits } from '../rules/hazard-photo.ts';
import { hazardPhotoNotFound, hazardStepNotAllowed } from '../special-equipment.errors.ts';
import type { HazardView } from '../special-equipment.schemas.ts';
import { seHazardPhoto } from '../special-equipment.tables.ts';
import { getHazard, hazardRow } from './hazards.ts';
import { badField } from './shared-views.ts';

/**
 * Adds a photo to a hazard in the actor's scope: `found` by the expert or bureau staff, `rectified` by the user (its
 * evidence) or staff, until the hazard is closed or escalated. JPEG or PNG by its first bytes, at most 5 MB, at most 6
 * per stage (rules/hazard-photo.ts).
 */
export async function addHazardPhoto(
  ctx: ActorContext,
  id: number,
  body: { stage: HazardPhotoStage; dataUrl: string },
): Promise<HazardView> {
  const { hazard } = await hazardRow(ctx, id);
  const districtCode = hazard.districtCode;
  // A closed or escalated hazard's file is complete: its evidence is what it was decided on.
  if (hazard.status === 'closed' || hazard.status === 'escalated') throw hazardStepNotAllowed({ from: hazard.status });
  const isStaff = hasRole(ctx.actor, 'admin', 'section', 'inspector');
  if (body.stage === 'found' && !isStaff && !hasRole(ctx.actor, 'expert'))
    badField('stage', { 'zh-CN': '隐患照片由专家或执法人员上传', en: 'photos of the hazard as found come from the expert or staff' });
  if (body.stage === 'rectified' && !isStaff && !hasRole(ctx.actor, 'operator'))
    badField('stage', { 'zh-CN': '整改照片由使用单位上传', en: 'evidence of the rectification comes from the user' });
  const checked = checkPhotoDataUrl(body.dataUrl);
  if ('problem' in checked) {
    const messages = {
      not_image: { 'zh-CN': '不是JPEG或PNG图片', en: 'not a JPEG or PNG image' },
      empty: { 'zh-CN': '图片是空文件', en: 'the image is empty' },
      too_large: { 'zh-CN': '图片不能超过5MB', en: 'an image must be 5 MB or less' },
    } as const;
    throw invalidRequest({}, [{ in: 'body', field: 'dataUrl', code: checked.problem, message: messages[checked.problem] }]);
  }
  const [counted] = await ctx.db
    .select({ n: count() })
    .from(seHazardPhoto)
    .where(and(eq(seHazardPhoto.districtCode, districtCode), eq(seHazardPhoto.hazardId, id), eq(seHazardPhoto.stage, body.stage)));
  if ((counted?.n ?? 0) >= hazardPhotoLimits.perStage)
    badField('stage', {
      'zh-CN': `每个环节最多${hazardPhotoLimits.perStage}张照片`,
      en: `at most ${hazardPhotoLimits.perStage} photos per stage`,
    });
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seHazardPhoto)
      .values({
        districtCode,
        hazardId: id,
        stage: body.stage,
        contentType: checked.type,
        sizeBytes: checked.content.length,
        sha256: createHash('sha256').update(checked.content).digest('hex'),
        content: checked.content,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: seHazardPhoto.id });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'special_equipment.hazard.photo',
        districtCode,
        objectType: 'se_hazard',
        objectId: id,
        detail: { photoId: row?.id, stage: body.stage },
      },
    );
  });
  return getHazard(ctx, id);
}

/** One photo's bytes, for a hazard in the actor's scope (404 otherwise, as for a missing photo). */
export async function hazardPhotoContent(ctx: ActorContext, id: number, photoId: number) {
  const { hazard } = await hazardRow(ctx, id);
  const districtCode = hazard.districtCode;
  const [row] = await ctx.db
    .select({ contentType: seHazardPhoto.contentType, content: seHazardPhoto.content })
    .from(seHazardPhoto)
    .where(and(eq(seHazardPhoto.districtCode, districtCode), eq(seHazardPhoto.hazardId, id), eq(seHazardPhoto.id, photoId)));
  if (!row) throw hazardPhotoNotFound();
  return row;
}
