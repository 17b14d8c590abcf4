import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { complaintNotFound } from '../complaints.errors.ts';
import type { ComplaintAttachmentList } from '../complaints.schemas.ts';
import { complaintAttachment } from '../complaints.tables.ts';
import { findComplaintInScope } from './complaint-records.ts';

/** Limits of the public form's attachments (also given to @fastify/multipart). */
export const attachmentLimits = { files: 3, fileSize: 5 * 1024 * 1024, fields: 30, parts: 40 } as const;

export const attachmentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/** A file as it came out of the form, not yet checked. */
export interface UploadedFile {
  filename: string;
  content: Buffer;
}

/** A checked file, ready to be stored with its complaint. */
export interface CheckedAttachment {
  filename: string;
  contentType: AttachmentType;
  content: Buffer;
  sha256: string;
}

const signatures: { type: AttachmentType; bytes: number[]; extensions: string[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['.png'] },
  { type: 'application/pdf', bytes: [...Buffer.from('%PDF-')], extensions: ['.pdf'] },
];

/** The real type of a file by its first bytes (magic numbers); the declared type and the extension do not count. */
export function sniffAttachmentType(content: Uint8Array): AttachmentType | undefined {
  return signatures.find((signature) => signature.bytes.every((byte, index) => content[index] === byte))?.type;
}

/** A filename safe to show and to put in a header: no path, no control or reserved characters, the real extension. */
export function sanitiseFilename(filename: string, type: AttachmentType): string {
  const base = filename.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const extensions = signatures.find((candidate) => candidate.type === type)?.extensions ?? [];
  const extension = /\.[^.]*$/.exec(cleaned)?.[0].toLowerCase();
  const kept = extension !== undefined && extensions.includes(extension);
  const stem = (kept ? cleaned.slice(0, -extension.length) : cleaned).replace(/^\.+/, '').slice(0, 120).trim();
  return `${stem || 'attachment'}${kept ? extension : (extensions[0] ?? '')}`;
}

const problem = (zh: string, en: string, params?: Record<string, string | number>): FieldError => ({
  in: 'body',
  field: 'attachments',
  code: 'invalid',
  message: { 'zh-CN': zh, en },
  ...(params ? { params } : {}),
});

/** What went wrong while reading the multipart form (limits of @fastify/multipart), as a form error. */
export function uploadLimitProblem(code: string): FieldError {
  if (code === 'FST_REQ_FILE_TOO_LARGE') return problem('附件不能超过5MB', 'each attachment must be 5 MB or less');
  if (code === 'FST_FILES_LIMIT') return problem('最多上传3个附件', 'attach at most 3 files');
  return problem('表单内容过多', 'the form has too many parts');
}

/** Checks every file: at most 3, each 1 byte … 5 MB, JPEG, PNG or PDF by its first bytes. Problems name `attachments`. */
export function checkAttachments(files: readonly UploadedFile[]): { attachments: CheckedAttachment[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (files.length > attachmentLimits.files) problems.push(uploadLimitProblem('FST_FILES_LIMIT'));
  const attachments: CheckedAttachment[] = [];
  for (const file of files) {
    const type = sniffAttachmentType(file.content);
    const name = file.filename.slice(0, 60);
    if (file.content.length > attachmentLimits.fileSize) problems.push(uploadLimitProblem('FST_REQ_FILE_TOO_LARGE'));
    else if (file.content.length === 0) problems.push(problem('附件“{name}”是空文件', 'attachment "{name}" is empty', { name }));
    else if (!type)
      problems.push(problem('附件“{name}”不是JPEG、PNG图片或PDF文件', 'attachment "{name}" is not a JPEG or PNG image or a PDF', { name }));
    else
      attachments.push({
        filename: sanitiseFilename(file.filename, type),
        contentType: type,
        content: file.content,
        sha256: createHash('sha256').update(file.content).digest('hex'),
      });
  }
  return { attachments: problems.length ? [] : attachments, problems };
}

/** Stores the checked files of a complaint, inside the caller's transaction. */
export async function insertAttachments(
  tx: Db,
  districtCode: string,
  complaintId: number,
  attachments: readonly CheckedAttachment[],
  at: Date,
): Promise<void> {
  if (attachments.length === 0) return;
  await tx.insert(complaintAttachment).values(
    attachments.map((attachment) => ({
      districtCode,
      complaintId,
      filename: attachment.filename,
      contentType: attachment.contentType,
      sizeBytes: attachment.content.length,
      sha256: attachment.sha256,
      content: attachment.content,
      createdAt: at,
    })),
  );
}

/** The files of a complaint in scope (404 outside it), without their content. */
export async function listAttachments(ctx: ActorContext, complaintId: number): Promise<ComplaintAttachmentList> {
  const item = await findComplaintInScope(ctx, complaintId);
  const rows = await ctx.db
    .select({
      id: complaintAttachment.id,
      filename: complaintAttachment.filename,
      contentType: complaintAttachment.contentType,
      size: complaintAttachment.sizeBytes,
    })
    .from(complaintAttachment)
    .where(and(eq(complaintAttachment.districtCode, item.districtCode), eq(complaintAttachment.complaintId, item.id)))
    .orderBy(asc(complaintAttachment.id));
  return { items: rows, total: rows.length };
}

/** One file of a complaint in scope, for download; the download is audited. */
export async function readAttachment(
  ctx: ActorContext,
  complaintId: number,
  attachmentId: number,
): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const item = await findComplaintInScope(ctx, complaintId);
  const [row] = await ctx.db
    .select()
    .from(complaintAttachment)
    .where(
      and(
        eq(complaintAttachment.districtCode, item.districtCode),
        eq(complaintAttachment.complaintId, item.id),
        eq(complaintAttachment.id, attachmentId),
      ),
    );
  if (!row) throw complaintNotFound();
  await writeAudit(ctx, {
    action: 'complaint.download_attachment',
    objectType: 'complaint',
    objectId: item.id,
    districtCode: item.districtCode,
    detail: { number: item.number, attachmentId: row.id, sha256: row.sha256 },
  });
  return { filename: row.filename, contentType: row.contentType, content: row.content };
}

/** `Content-Disposition` for a download, the name in RFC 5987 form (UTF-8, every special character escaped). */
export function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*!]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}
