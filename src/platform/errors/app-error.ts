/** A bilingual message: Vietnamese first (the users' language), English second. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface FieldProblem extends Bilingual {
  path: string;
}

/**
 * A failure a user can cause or must be told about. It carries a stable code
 * (clients and tests match on it), an HTTP status and a message in both languages.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly fields?: FieldProblem[],
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, text: Bilingual, fields?: FieldProblem[]) =>
  new AppError(400, code, text, fields);
export const unauthorized = (text: Bilingual = { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' }) =>
  new AppError(401, 'UNAUTHORIZED', text);
export const forbidden = (text: Bilingual = { vi: 'Bạn không có quyền làm việc này', en: 'You are not allowed to do this' }) =>
  new AppError(403, 'FORBIDDEN', text);
export const notFound = (code: string, text: Bilingual) => new AppError(404, code, text);
export const conflict = (code: string, text: Bilingual) => new AppError(409, code, text);
export const unprocessable = (code: string, text: Bilingual) => new AppError(422, code, text);
export const tooManyRequests = (text: Bilingual) => new AppError(429, 'TOO_MANY_REQUESTS', text);
