/** A field-level error, as the API reports it (`errors[]` of a 400 problem). */
export interface FieldError {
  field: string;
  message: string;
  messageZh: string;
}

/** A legal precondition the case does not meet (`violations[]` of a 409 problem). */
export interface Violation {
  precondition: string;
  message: string;
  messageEn: string;
  legalBasis?: string;
}

/** RFC 7807 problem details, with the engine's extensions. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  violations?: Violation[];
  allowedEvents?: { type: string; label: string }[];
  currentVersion?: number | null;
}

/** A request the API refused or could not answer. `message` is always a sentence a person can read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  get violations(): Violation[] {
    return this.problem?.violations ?? [];
  }
}

const TOKEN_KEY = 'fengqiao.accessToken';

/**
 * The bearer token lives in localStorage, so a case opened in a new tab is open in the same login; it lasts as long as
 * the token itself (FENGQIAO_JWT_TTL) and its session on the engine. A token past its expiry is forgotten on read.
 * Logging out, or logging in as someone else, in one tab reaches the others through the `storage` event (session.tsx).
 */
export const tokenStore = {
  key: TOKEN_KEY,
  get: (): string | null => {
    const token = localStorage.getItem(TOKEN_KEY);
    if (token && expired(token)) {
      localStorage.removeItem(TOKEN_KEY);
      return null;
    }
    return token;
  },
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** The token's `exp` claim is in the past. The engine judges too; this only spares a request sure to be refused. */
function expired(token: string): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}

/** Fired when the API says the session is over, so the app can send the person back to the login page. */
export const SESSION_ENDED = 'fengqiao:session-ended';

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您没有权限进行此操作',
  404: '未找到相关内容，或您无权查看',
  409: '案件当前状态不允许此操作',
  412: '案件已被他人更新，请刷新后重试',
  413: '提交的内容过大',
  422: '请求无法处理',
  429: '操作过于频繁，请稍后再试',
  500: '系统内部错误，请稍后重试；如持续出现请联系管理员',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
};

function describe(status: number, problem: Problem | null): string {
  return problem?.detail || problem?.title || FALLBACK_BY_STATUS[status] || `请求未能完成，请稍后重试（错误代码 ${status}）`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

/** Calls `/api<path>` with the session's token; resolves with the JSON body or throws an `ApiError`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = tokenStore.get();
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}${queryString(options.query)}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, null, '无法连接服务器，请检查网络后重试');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const problem = body && typeof body === 'object' && 'status' in body ? (body as Problem) : null;
    if (response.status === 401 && token) {
      tokenStore.clear();
      window.dispatchEvent(new CustomEvent(SESSION_ENDED, { detail: describe(401, problem) }));
    }
    throw new ApiError(response.status, problem, describe(response.status, problem));
  }
  return body as T;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Any error as a sentence for people. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return `操作未能完成：${error.message}`;
  return '操作未能完成，请稍后重试';
}

/**
 * A new key for one submission, so a retried request is applied at most once. `crypto.randomUUID` exists only on
 * https or localhost; an office intranet often serves plain http, where `getRandomValues` still works.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
