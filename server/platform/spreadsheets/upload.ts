import type { FastifyRequest } from 'fastify';
import { invalidRequest } from '../errors/problem.ts';
import type { AppInstance } from '../http/routes.ts';

/**
 * A spreadsheet import takes the file itself as the request body, typed text/csv or the xlsx type (the web's
 * apiUpload sends it so): every module's import route accepts it the same way through these.
 */
export const spreadsheetContentTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type SpreadsheetKind = keyof typeof spreadsheetContentTypes;

/** The largest uploaded spreadsheet; give it as the import route's bodyLimit. */
export const spreadsheetUploadLimit = 20 * 1024 * 1024;

/** Lets the app's routes read a csv or xlsx body as raw bytes (once for the app, whichever module asks first). */
export function acceptSpreadsheetUploads(app: AppInstance): void {
  for (const contentType of Object.values(spreadsheetContentTypes)) {
    if (!app.hasContentTypeParser(contentType)) {
      app.addContentTypeParser(contentType, { parseAs: 'buffer', bodyLimit: spreadsheetUploadLimit }, (_request, body, done) =>
        done(null, body),
      );
    }
  }
}

/** The uploaded file and its kind from its content type; anything else is refused naming the body. */
export function uploadedSpreadsheet(request: FastifyRequest): { file: Buffer; kind: SpreadsheetKind } {
  const contentType = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim();
  const kind = contentType === spreadsheetContentTypes.xlsx ? 'xlsx' : contentType === spreadsheetContentTypes.csv ? 'csv' : undefined;
  if (!kind || !Buffer.isBuffer(request.body))
    throw invalidRequest({}, [
      { in: 'body', field: '', code: 'content_type', message: { 'zh-CN': '请上传 csv 或 xlsx 文件', en: 'Upload a csv or xlsx file' } },
    ]);
  return { file: request.body, kind };
}
