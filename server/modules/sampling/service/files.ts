import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { fileNotFound } from '../sampling.errors.ts';
import { sample, sampleFile } from '../sampling.tables.ts';
import { checkedUpload } from './lab-workbench.ts';
import { findSample } from './samples.ts';
import { bureauSampleScope } from './sampling-context.ts';

/** A sampler's photo of the sample, its seal or the sampling form (PNG or JPEG). */
export async function uploadPhoto(ctx: ActorContext, id: number, contentType: string | undefined, body: unknown) {
  const row = await findSample(ctx, id);
  const file = checkedUpload(contentType, body);
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(sampleFile)
      .values({
        districtCode: row.districtCode,
        sampleId: row.id,
        kind: 'photo',
        contentType: file.contentType,
        byteSize: file.bytes.length,
        sha256: file.sha256,
        content: file.bytes,
        uploadedBy: ctx.actor.userId,
      })
      .returning({ id: sampleFile.id });
    const fileId = (created as { id: number }).id;
    await writeAudit({ ...ctx, db: tx }, { action: 'sampling.photo_upload', objectType: 'sample', objectId: row.id, detail: { fileId } });
    return { id: fileId, byteSize: file.bytes.length, contentType: file.contentType };
  });
}

/** Any file of a sample in the actor's scope (photo or the lab's report), bureau side. */
export async function downloadFile(ctx: ActorContext, fileId: number) {
  const [file] = await ctx.db
    .select({ contentType: sampleFile.contentType, content: sampleFile.content, kind: sampleFile.kind, sampleId: sampleFile.sampleId })
    .from(sampleFile)
    .innerJoin(sample, and(eq(sample.districtCode, sampleFile.districtCode), eq(sample.id, sampleFile.sampleId)))
    .where(and(bureauSampleScope(ctx.actor), eq(sampleFile.id, fileId)));
  if (!file) throw fileNotFound();
  return { contentType: file.contentType, content: file.content, fileName: `sample-${file.sampleId}-${file.kind}-${fileId}` };
}
