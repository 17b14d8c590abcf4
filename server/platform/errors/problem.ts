import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unstorableInputFields } from '../http/input-guard.ts';
import { type Bilingual, type Language, languageFromHeader, translate } from '../i18n/language.ts';
import { html, publicLanguage, publicPage } from '../public-html/html.ts';
import { AppError, defineError, type FieldError } from './app-error.ts';

export const invalidRequest = defineError('invalid_request', 400, {
  'zh-CN': '请求有误，请检查标出的字段',
  en: 'The request has errors; check the fields listed',
});
export const notAuthenticated = defineError('not_authenticated', 401, {
  'zh-CN': '请先登录',
  en: 'Please sign in',
});
export const forbidden = defineError('forbidden', 403, {
  'zh-CN': '您的角色无权执行此操作',
  en: 'Your role may not do this',
});
export const crossSiteRequest = defineError('cross_site_request', 403, {
  'zh-CN': '请求来源不被信任（跨站请求已拦截）',
  en: 'The request came from an untrusted origin and was blocked',
});
export const notFound = defineError('not_found', 404, {
  'zh-CN': '找不到该资源',
  en: 'Not found',
});
export const payloadTooLarge = defineError('payload_too_large', 413, {
  'zh-CN': '提交的内容过大',
  en: 'The request is too large',
});
export const unsupportedMediaType = defineError('unsupported_media_type', 415, {
  'zh-CN': '不支持的内容类型',
  en: 'Unsupported content type',
});
export const uriTooLong = defineError('uri_too_long', 414, {
  'zh-CN': '请求地址过长',
  en: 'The address (URL) is too long',
});
export const alreadyExists = defineError('already_exists', 409, {
  'zh-CN': '已有相同的记录',
  en: 'A record with the same value already exists',
});
export const conflictingReference = defineError('conflicting_reference', 409, {
  'zh-CN': '引用的记录不存在，或该记录仍被其他记录引用',
  en: 'A referenced record does not exist, or this record is still referenced by others',
});
/** The database refused a value the route's schema let through: a missing bound, named by the fuzz test. */
export const unstorableValue = defineError('unstorable_value', 400, {
  'zh-CN': '提交的某个值无法保存（超出范围或格式不符）',
  en: 'A value could not be stored (out of range or malformed)',
});
export const tooManyRequests = defineError('too_many_requests', 429, {
  'zh-CN': '请求过于频繁，请稍后再试',
  en: 'Too many requests; try again later',
});
export const internalError = defineError('internal_error', 500, {
  'zh-CN': '服务器内部错误，已记录，请稍后重试',
  en: 'Internal error; it has been logged, please try again',
});

/** Messages for JSON-schema keywords, so a bad field is explained in the user's language. */
const keywordMessages: Record<string, Bilingual> = {
  required: { 'zh-CN': '必填', en: 'is required' },
  additionalProperties: { 'zh-CN': '不允许的字段', en: 'is not an allowed field' },
  type: { 'zh-CN': '类型应为 {type}', en: 'must be of type {type}' },
  minLength: { 'zh-CN': '至少 {limit} 个字符', en: 'must have at least {limit} characters' },
  maxLength: { 'zh-CN': '最多 {limit} 个字符', en: 'must have at most {limit} characters' },
  minimum: { 'zh-CN': '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', en: 'must be at most {limit}' },
  exclusiveMinimum: { 'zh-CN': '必须大于 {limit}', en: 'must be greater than {limit}' },
  pattern: { 'zh-CN': '格式不正确', en: 'has the wrong format' },
  format: { 'zh-CN': '格式应为 {format}', en: 'must be a valid {format}' },
  enum: { 'zh-CN': '取值应为：{allowed}', en: 'must be one of: {allowed}' },
  const: { 'zh-CN': '取值应为：{allowed}', en: 'must be: {allowed}' },
  anyOf: { 'zh-CN': '取值不符合要求', en: 'is not an accepted value' },
  minItems: { 'zh-CN': '至少 {limit} 项', en: 'must have at least {limit} items' },
  maxItems: { 'zh-CN': '最多 {limit} 项', en: 'must have at most {limit} items' },
  uniqueItems: { 'zh-CN': '不能有重复项', en: 'must not repeat items' },
};
const otherwise: Bilingual = { 'zh-CN': '取值无效', en: 'is invalid' };

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turns ajv's issues into one field error per bad field, dropping the noise anyOf/const produce. */
export function fieldErrorsFromValidation(issues: AjvIssue[], location: string): FieldError[] {
  const byField = new Map<string, FieldError>();
  const anyOfPaths = new Set(issues.filter((issue) => issue.keyword === 'anyOf').map((issue) => issue.instancePath));
  for (const issue of issues) {
    const segments = issue.instancePath.split('/').filter(Boolean);
    if (issue.keyword === 'required') segments.push(String(issue.params.missingProperty));
    if (issue.keyword === 'additionalProperties') segments.push(String(issue.params.additionalProperty));
    const field = segments.join('.');
    const isInsideAnyOf = issue.keyword !== 'anyOf' && anyOfPaths.has(issue.instancePath);
    const existing = byField.get(field);
    if (existing && (isInsideAnyOf || existing.code !== 'anyOf')) {
      if (issue.keyword === 'const' && existing.code === 'const') {
        existing.params = { allowed: `${existing.params?.allowed}, ${issue.params.allowedValue}` };
        existing.code = 'enum';
        existing.message = keywordMessages.enum as Bilingual;
      }
      continue;
    }
    const params: Record<string, unknown> = { ...issue.params };
    if ('allowedValues' in params) params.allowed = (params.allowedValues as unknown[]).join(', ');
    if ('allowedValue' in params) params.allowed = params.allowedValue;
    byField.set(field, {
      in: location,
      field,
      code: issue.keyword,
      message: keywordMessages[issue.keyword] ?? otherwise,
      params,
    });
  }
  return [...byField.values()];
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { in: string; field: string; code: string; message: string }[];
  requestId: string;
}

export function problemBody(error: AppError, language: Language, requestId: string): ProblemBody {
  const errors = error.fieldErrors.map((fieldError) => ({
    in: fieldError.in,
    field: fieldError.field,
    code: fieldError.code,
    message: translate(fieldError.message, language, fieldError.params),
  }));
  const title = translate(error.definition.message, language, error.params);
  const detail = errors.length
    ? errors.map((fieldError) => `${fieldError.field || fieldError.in}: ${fieldError.message}`).join('; ')
    : undefined;
  return {
    type: `urn:zhijian:problem:${error.code}`,
    title,
    status: error.status,
    code: error.code,
    ...(detail ? { detail } : {}),
    ...(errors.length ? { errors } : {}),
    requestId,
  };
}

/** A person's browser (public pages, QR pages, forms, any page address — not the API) gets a page, never JSON. */
function wantsPublicPage(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && String(request.headers.accept ?? '').includes('text/html');
}

const publicErrorWords = {
  'zh-CN': { title: '无法显示此页面', back: '返回', requestId: '请求编号' },
  en: { title: 'This page cannot be shown', back: 'Back', requestId: 'Request id' },
} as const;

function publicErrorPage(request: FastifyRequest, body: ProblemBody, language: 'zh-CN' | 'en'): string {
  const words = publicErrorWords[language];
  const path = request.url.split('?')[0] ?? '/';
  // After a form post, back to the form the person came from (a path on this site only).
  const referer = /^https?:\/\/[^/]+(\/[^?#]*)/.exec(request.headers.referer ?? '')?.[1];
  const back = request.method !== 'GET' && referer?.startsWith('/public/') ? referer : path;
  return publicPage({
    language,
    title: words.title,
    body: html`<section role="alert"><h2>${body.title}</h2>${
      body.errors?.length ? html`<ul>${body.errors.map((error) => html`<li>${error.message}</li>`)}</ul>` : ''
    }<p><a class="button" href="${back}">${words.back}</a></p><p class="muted">${words.requestId}: ${body.requestId}</p></section>`,
    path,
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const isPage = wantsPublicPage(request);
  const query = request.query as { lang?: string } | null | undefined;
  const language = isPage
    ? publicLanguage(typeof query === 'object' && query !== null ? query : undefined, request.headers['accept-language'])
    : languageFromHeader(request.headers['accept-language']);
  const body = problemBody(error, language, String(request.id));
  if (isPage)
    return reply
      .status(error.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(publicErrorPage(request, body, language));
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}

interface DatabaseErrorFields {
  code?: string;
  detail?: string;
  table?: string;
  constraint?: string;
  cause?: unknown;
}

/** The SQLSTATE of a database error, also when Drizzle wrapped it. */
function databaseErrorOf(error: unknown): DatabaseErrorFields | undefined {
  for (
    let current = error as DatabaseErrorFields | undefined, depth = 0;
    current && depth < 3;
    current = current.cause as DatabaseErrorFields, depth++
  ) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current;
  }
  return undefined;
}

/** Whether a database error (or what it wraps) is a unique violation: a key written twice. */
export function isUniqueViolation(error: unknown): boolean {
  return databaseErrorOf(error)?.code === '23505';
}

/** `Key (district_code, certificate_no)=(…)` → `certificateNo`: the field a person typed, not the tenant column. */
function fieldOfKeyDetail(detail: string | undefined): string {
  const columns =
    /Key \(([^)]*)\)/
      .exec(detail ?? '')?.[1]
      ?.split(',')
      .map((column) => column.trim()) ?? [];
  return camelCase(columns.filter((name) => name !== 'district_code').at(-1) ?? '');
}

/** PostgreSQL names a one-column check `<table>_<column>_check`: the column, or '' for a check of several. */
function fieldOfCheck(table: string | undefined, constraint: string | undefined): string {
  if (!table || !constraint?.startsWith(`${table}_`)) return '';
  return camelCase(constraint.slice(table.length + 1).replace(/(^|_)check\d*$/, ''));
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_whole, letter: string) => letter.toUpperCase());
}

/**
 * Database refusals that a request caused, as 4xx: a duplicate (409, naming the field), a missing or still-used
 * reference (409), a value the column cannot hold (400). Anything else stays a 500.
 */
export function problemFromDatabaseError(error: unknown): AppError | undefined {
  const database = databaseErrorOf(error);
  if (!database?.code) return undefined;
  if (database.code === '23505' || database.code === '23503') {
    const field = fieldOfKeyDetail(database.detail);
    const message = database.code === '23505' ? alreadyExists.message : conflictingReference.message;
    const fields: FieldError[] = field ? [{ in: 'body', field, code: database.code === '23505' ? 'duplicate' : 'reference', message }] : [];
    return (database.code === '23505' ? alreadyExists : conflictingReference)({}, fields);
  }
  if (database.code === '23514') {
    const field = fieldOfCheck(database.table, database.constraint);
    return unstorableValue({}, field ? [{ in: 'body', field, code: 'check', message: otherwise }] : []);
  }
  // Class 22 (data exception) and 54000 (a value too large to index): the value, not the server, is at fault.
  if (database.code.startsWith('22') || database.code === '54000') return unstorableValue();
  return undefined;
}

const frameworkErrors: Record<string, typeof invalidRequest> = {
  FST_ERR_CTP_BODY_TOO_LARGE: payloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: unsupportedMediaType,
  FST_ERR_CTP_EMPTY_JSON_BODY: invalidRequest,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: invalidRequest,
  FST_ERR_RATE_LIMIT_EXCEEDED: tooManyRequests,
  FST_ERR_BAD_URL: invalidRequest,
  FST_ERR_MAX_PARAM_LENGTH: uriTooLong,
};

/** Fastify's `frameworkErrors` option: a malformed or over-long URL answers problem+json like everything else. */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(request, reply, (frameworkErrors[error.code] ?? invalidRequest)());
}

/** Maps whatever a handler throws to application/problem+json; only an unexpected error is a 500. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validationContext?: string; validation?: AjvIssue[] }, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    if (error.validation) {
      const fields = fieldErrorsFromValidation(error.validation, error.validationContext ?? 'body');
      const named = new Set(fields.map((field) => `${field.in}:${field.field}`));
      fields.push(...unstorableInputFields(request).filter((field) => !named.has(`${field.in}:${field.field}`)));
      request.log.info({ fields: fields.map((field) => field.field) }, 'request rejected by schema');
      return sendProblem(request, reply, invalidRequest({}, fields));
    }
    const mapped = error.code ? frameworkErrors[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped());
    if (error.statusCode === 429) return sendProblem(request, reply, tooManyRequests());
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // A malformed body (bad JSON) and similar client faults.
      return sendProblem(
        request,
        reply,
        invalidRequest({}, [
          { in: 'body', field: '', code: 'malformed', message: { 'zh-CN': '请求体不是有效的 JSON', en: 'The body is not valid JSON' } },
        ]),
      );
    }
    const refused = problemFromDatabaseError(error);
    if (refused) {
      request.log.warn({ err: error }, 'request refused by the database');
      return sendProblem(request, reply, refused);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, internalError());
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, notFound()));
}
