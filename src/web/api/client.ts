/**
 * The one HTTP transport of the web app: JSON over fetch with the session cookie,
 * the CSRF header on every write, one error type, and a jump to the login page on 401.
 */

export interface FieldError {
  path: string;
  message: string;
}

/** An error answered by the server (`{ error: { code, message, details } }`) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation messages by field, keyed by the JSON pointer without its leading slash ('email'). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const item of this.details) {
      if (!isFieldError(item)) continue;
      const key = item.path.replace(/^\//, '');
      out[key] ??= item.message;
    }
    return out;
  }
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).path === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

let csrfToken: string | null = null;
let unauthorizedHandler: () => void = () => {};

/** Remembers the CSRF token from /api/v1/me; it is sent as `x-csrf-token` on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401, except those that opt out (login, the session probe). */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Sent as JSON, or as it is when a Blob (a File to upload). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Leave a 401 to the caller instead of going to the login page. */
  allowUnauthorized?: boolean;
}

/**
 * Sends one request to the API and returns its parsed JSON body (undefined for 204).
 * @example const me = await request<Me>('GET', '/api/v1/me');
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const file = options.body instanceof Blob ? options.body : null;
  if (options.body !== undefined)
    headers['content-type'] = file ? file.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.ok) return (await readJson(response)) as T;
  const error = await toApiError(response);
  if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler();
  throw error;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await readJson(response)) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    const error = body?.error;
    if (error && typeof error.code === 'string') {
      return new ApiError(response.status, error.code, String(error.message ?? error.code), error.details);
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to a generic error.
  }
  return new ApiError(response.status, `http.${response.status}`, response.statusText);
}
