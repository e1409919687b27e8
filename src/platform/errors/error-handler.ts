import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type Bilingual, type FieldProblem } from './app-error';
import { describeZodIssue } from './zod-messages';

interface ErrorBody {
  error: { code: string; message: string; vi: string; en: string; fields?: FieldProblem[] };
}

export function errorBody(code: string, text: Bilingual, fields?: FieldProblem[]): ErrorBody {
  return { error: { code, message: `${text.vi} / ${text.en}`, vi: text.vi, en: text.en, ...(fields ? { fields } : {}) } };
}

/** Maps every failure to a 4xx the user can act on, or an opaque 500 that leaks nothing. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(err.code, err.text, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) =>
        describeZodIssue({ code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '' }, err.validationContext),
      );
      return reply.status(400).send(
        errorBody('VALIDATION_FAILED', { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' }, fields),
      );
    }
    const mapped = mapFastifyError(err);
    if (mapped) return reply.status(mapped.status).send(errorBody(mapped.code, mapped.text));
    if (isResponseSerializationError(err)) request.log.error({ err }, 'response did not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody('INTERNAL', { vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error, please try again later' }));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('ROUTE_NOT_FOUND', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' }));
  });
}

function mapFastifyError(err: FastifyError): { status: number; code: string; text: Bilingual } | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'MALFORMED_JSON', text: { vi: 'Nội dung JSON bị lỗi', en: 'Malformed JSON body' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'BODY_TOO_LARGE', text: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body is too large' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', text: { vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported content type' } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'BAD_CONTENT_LENGTH', text: { vi: 'Độ dài nội dung không đúng', en: 'Invalid content length' } };
    default:
      break;
  }
  if (err.statusCode === 429) {
    return { status: 429, code: 'TOO_MANY_REQUESTS', text: { vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau', en: 'Too many requests, try again later' } };
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode, code: 'BAD_REQUEST', text: { vi: 'Yêu cầu không hợp lệ', en: err.message || 'Bad request' } };
  }
  return undefined;
}
