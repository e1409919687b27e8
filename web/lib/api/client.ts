import { pick, type Bilingual } from '../i18n';

/**
 * The one fetch wrapper of every app. The session is the HttpOnly cookie set at sign-in, so pages never hold a
 * token. Errors arrive as ApiError with the server's { vi, en } text and per-field problems; a network failure is
 * ApiError with status 0, code NETWORK, so pages can say "no connection" and keep what the user typed.
 */
export interface FieldProblem { path: string; vi: string; en: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly fields: FieldProblem[] = [],
  ) {
    super(`${status} ${code}: ${text.en}`);
  }
  /** The message in the current language. */
  get userMessage(): string {
    return pick(this.text);
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export const networkError = () =>
  new ApiError(0, 'NETWORK', {
    vi: 'Không kết nối được. Kiểm tra mạng rồi thử lại, thông tin bạn nhập vẫn được giữ.',
    en: 'No connection. Check the network and try again; what you typed is kept.',
  });

export interface RequestOptions {
  body?: unknown;
  /** Raw bytes (file upload) instead of JSON. */
  blob?: Blob;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Extra tries after a network failure (only for requests safe to repeat: GET, or writes with Idempotency-Key). */
  retries?: number;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const url = path + queryString(opts.query);
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.blob) {
    body = opts.blob;
    headers['content-type'] ??= 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const tries = 1 + (opts.retries ?? (method === 'GET' ? 2 : 0));
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      if (attempt >= tries) throw networkError();
      await sleep(500 * 2 ** (attempt - 1));
      continue;
    }
    return parseResponse<T>(res);
  }
}

async function parseResponse<T>(res: Response): Promise<T> {
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const data = isJson ? await res.json().catch(() => undefined) : undefined;
  if (res.ok) return data as T;
  const e = (data as { error?: { code: string; vi: string; en: string; fields?: FieldProblem[] } } | undefined)?.error;
  if (e) throw new ApiError(res.status, e.code, { vi: e.vi, en: e.en }, e.fields ?? []);
  throw new ApiError(res.status, `HTTP_${res.status}`, { vi: 'Máy chủ đang bận, vui lòng thử lại', en: 'The server is busy, please try again' });
}

function queryString(query?: RequestOptions['query']): string {
  if (!query) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A key generated once per logical write (e.g. per draft), so retries of that write are applied once. */
export function newIdempotencyKey(): string {
  const rnd = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(rnd, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Field problems keyed by form field (`fields.hoTen` → `hoTen`, `applicant.phone` → `applicant.phone`). */
export function fieldErrors(err: unknown): Record<string, Bilingual> {
  const out: Record<string, Bilingual> = {};
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) out[f.path.replace(/^(body\.)?fields\./, '').replace(/^body\./, '')] = { vi: f.vi, en: f.en };
  return out;
}
