import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { inspectionNotFound } from '../food-safety.errors.ts';
import type { CreateInspectionBody, InspectionView } from '../food-safety.schemas.ts';
import { foodInspectionFile, type inspectionFileKinds } from '../food-safety.tables.ts';

/** Photos per inspection and bytes per file (photos and drawn signatures alike). */
export const inspectionFileLimits = { photos: 6, fileSize: 5 * 1024 * 1024 } as const;

type FileKind = (typeof inspectionFileKinds)[number];
type ImageType = 'image/jpeg' | 'image/png';

/** A decoded and checked photo or signature, ready to be stored with its inspection. */
export interface CheckedInspectionFile {
  kind: FileKind;
  itemId: number | null;
  position: number;
  contentType: ImageType;
  content: Buffer;
  sha256: string;
}

const problem = (field: string, code: string, zh: string, en: string, params?: Record<string, string | number>): FieldError => ({
  in: 'body',
  field,
  code,
  message: { 'zh-CN': zh, en },
  ...(params ? { params } : {}),
});

/** The real type of an image by its first bytes (magic numbers); the declared type does not count. */
export function sniffImageType(content: Uint8Array): ImageType | undefined {
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, index) => content[index] === byte)) return 'image/png';
  return undefined;
}

/** One data URL checked: base64, 1 byte … 5 MB, JPEG or PNG by its first bytes (`pngOnly` for signatures). */
function checkDataUrl(field: string, dataUrl: string, pngOnly: boolean): { content?: Buffer; type?: ImageType; error?: FieldError } {
  const match = /^data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) return { error: problem(field, 'not_image', '不是JPEG或PNG图片', 'not a JPEG or PNG image') };
  const base64 = match[1] as string;
  // Checked before decoding: the decoded size follows from the text length.
  const size = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (size > inspectionFileLimits.fileSize)
    return { error: problem(field, 'too_large', '图片不能超过5MB', 'an image must be 5 MB or less') };
  const content = Buffer.from(base64, 'base64');
  if (content.length === 0) return { error: problem(field, 'empty', '图片是空文件', 'the image is empty') };
  const type = sniffImageType(content);
  if (!type || (pngOnly && type !== 'image/png'))
    return {
      error: pngOnly
        ? problem(field, 'not_png', '签名必须是PNG图片', 'a signature must be a PNG image')
        : problem(field, 'not_image', '不是JPEG或PNG图片', 'not a JPEG or PNG image'),
    };
  return { content, type };
}

/**
 * Checks the photos and drawn signatures of a submission: at most 6 photos, each tied (if at all) to an item of the
 * template, every file JPEG or PNG by its first bytes (signatures PNG) and at most 5 MB. Problems name the field.
 */
export function checkInspectionFiles(
  body: Pick<CreateInspectionBody, 'photos' | 'inspectorSignatureImage' | 'operatorSignatureImage'>,
  itemIds: ReadonlySet<number>,
): { files: CheckedInspectionFile[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const files: CheckedInspectionFile[] = [];
  const photos = body.photos ?? [];
  if (photos.length > inspectionFileLimits.photos)
    problems.push(
      problem('photos', 'too_many', '每次检查最多{max}张照片', 'at most {max} photos per inspection', { max: inspectionFileLimits.photos }),
    );
  const add = (field: string, kind: FileKind, dataUrl: string, itemId: number | null, position: number) => {
    const checked = checkDataUrl(field, dataUrl, kind !== 'photo');
    if (checked.error) problems.push(checked.error);
    else if (checked.content && checked.type)
      files.push({
        kind,
        itemId,
        position,
        contentType: checked.type,
        content: checked.content,
        sha256: createHash('sha256').update(checked.content).digest('hex'),
      });
  };
  photos.forEach((photo, index) => {
    if (photo.itemId !== undefined && !itemIds.has(photo.itemId))
      problems.push(problem(`photos.${index}.itemId`, 'unknown_item', '不是该检查表的项目', 'not an item of the template'));
    add(`photos.${index}.dataUrl`, 'photo', photo.dataUrl, photo.itemId ?? null, index);
  });
  if (body.inspectorSignatureImage !== undefined)
    add('inspectorSignatureImage', 'inspector-signature', body.inspectorSignatureImage, null, 0);
  if (body.operatorSignatureImage !== undefined) add('operatorSignatureImage', 'operator-signature', body.operatorSignatureImage, null, 0);
  return { files: problems.length ? [] : files, problems };
}

/** Stores the checked files of an inspection, inside the caller's transaction. */
export async function insertInspectionFiles(
  tx: Db,
  districtCode: string,
  inspectionId: number,
  files: readonly CheckedInspectionFile[],
): Promise<void> {
  if (files.length === 0) return;
  await tx.insert(foodInspectionFile).values(
    files.map((file) => ({
      districtCode,
      inspectionId,
      kind: file.kind,
      itemId: file.itemId,
      position: file.position,
      contentType: file.contentType,
      sizeBytes: file.content.length,
      sha256: file.sha256,
      content: file.content,
    })),
  );
}

/** The files of an inspection already found in scope, without their content. */
export async function listInspectionFiles(ctx: ActorContext, districtCode: string, inspectionId: number): Promise<InspectionView['files']> {
  return ctx.db
    .select({
      id: foodInspectionFile.id,
      kind: foodInspectionFile.kind,
      itemId: foodInspectionFile.itemId,
      contentType: foodInspectionFile.contentType,
      size: foodInspectionFile.sizeBytes,
    })
    .from(foodInspectionFile)
    .where(and(eq(foodInspectionFile.districtCode, districtCode), eq(foodInspectionFile.inspectionId, inspectionId)))
    .orderBy(asc(foodInspectionFile.kind), asc(foodInspectionFile.position), asc(foodInspectionFile.id));
}

/** One file of an inspection already found in scope, for download; photos may show people, so each download is audited. */
export async function readInspectionFile(
  ctx: ActorContext,
  inspection: { districtCode: string; id: number },
  fileId: number,
): Promise<{ contentType: string; content: Buffer }> {
  const [row] = await ctx.db
    .select()
    .from(foodInspectionFile)
    .where(
      and(
        eq(foodInspectionFile.districtCode, inspection.districtCode),
        eq(foodInspectionFile.inspectionId, inspection.id),
        eq(foodInspectionFile.id, fileId),
      ),
    );
  if (!row) throw inspectionNotFound();
  await writeAudit(ctx, {
    action: 'food_inspection.download_file',
    objectType: 'food_inspection',
    objectId: inspection.id,
    districtCode: inspection.districtCode,
    detail: { fileId: row.id, kind: row.kind, sha256: row.sha256 },
  });
  return { contentType: row.contentType, content: row.content };
}
