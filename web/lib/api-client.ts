// The one way the web talks to the API: same-origin fetch, JSON both ways, problem+json errors as ApiError.

export interface ProblemFieldError {
  in: string;
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: ProblemFieldError[];
  requestId?: string;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Sign-in steps answer 401 for a wrong password or code: that is an error to show, not a lost session. */
  isSignInStep?: boolean;
  signal?: AbortSignal;
}

let currentLanguage = 'zh-CN';
let handleUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Sent as Accept-Language on every call, so server messages come back in the user's language. */
export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

/** What to do when any call answers 401 (the session ended): the app navigates to /login. */
export function setUnauthorizedHandler(handler: () => void): void {
  handleUnauthorized = handler;
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, item] of Object.entries(query ?? {})) {
    if (item !== undefined && item !== null && item !== '') params.set(name, String(item));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: 'http_error',
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: body.status ?? response.status };
  } catch {
    return fallback;
  }
}

/** One request: a network failure and a problem+json answer become ApiError; a 401 outside sign-in signs out. */
async function send<T>(url: string, init: RequestInit, isSignInStep = false): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: currentLanguage === 'en' ? 'Network error' : '网络错误',
      status: 0,
      code: 'network_error',
    });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && !isSignInStep) handleUnauthorized();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const contentType = response.headers.get('content-type') ?? '';
  return (contentType.includes('json') ? await response.json() : undefined) as T;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const isWrite = method !== 'GET' && method !== 'HEAD';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage };
  // State-changing calls always carry a JSON body: the server's CSRF defence relies on it.
  if (isWrite) headers['Content-Type'] = 'application/json';
  return send<T>(
    urlOf(path, options.query),
    { method, headers, body: isWrite ? JSON.stringify(options.body ?? {}) : undefined, signal: options.signal },
    options.isSignInStep,
  );
}

const spreadsheetContentTypes = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** A picked spreadsheet's kind by its name's extension (what the server's import routes take), if it is one. */
export function spreadsheetKindOf(filename: string): keyof typeof spreadsheetContentTypes | undefined {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/**
 * Sends a picked file as the raw request body (apiRequest sends JSON only): a .csv or .xlsx with its spreadsheet type,
 * anything else with the browser's type. Same origin with the session cookie (the server's Origin check covers the
 * write), the user's language, problem+json errors as ApiError.
 */
export async function apiUpload<T>(method: 'POST' | 'PUT', path: string, file: File, query?: RequestOptions['query']): Promise<T> {
  const kind = spreadsheetKindOf(file.name);
  return send<T>(urlOf(path, query), {
    method,
    headers: {
      Accept: 'application/json',
      'Accept-Language': currentLanguage,
      'Content-Type': kind ? spreadsheetContentTypes[kind] : file.type || 'application/octet-stream',
    },
    body: file,
  });
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body: unknown = {}, options: Omit<RequestOptions, 'body'> = {}) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
};
