import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/auth';
import { errorBody } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponse, errorResponses } from '../../platform/http';
import { acceptedFileTypes } from './file-type';
import * as c from './files.contracts';
import { fileTooLarge, getReadableFile, readFileContent, toMeta, uploadFile } from './files.service';

const tags = ['files'];
const security = [{ bearer: [] }];

/** Uploads are raw bodies (the file's bytes), so a phone sends a photo without multipart encoding. */
export async function registerFilesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    const maxBytes = deps.config.UPLOAD_MAX_BYTES;
    // Any declared type is read as bytes: the type is decided from the content, not from this header.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: FastifyError, _request, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const e = fileTooLarge(maxBytes);
        return reply.status(413).send(errorBody(e.code, e.text));
      }
      throw err;
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/api/files', {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags, security, headers: c.uploadHeaders,
        summary: `Upload one file as the raw request body (photo or PDF, at most ${Math.floor(maxBytes / 1_048_576)} MB; type checked from the content: ${acceptedFileTypes.join(', ')})`,
        consumes: ['application/octet-stream', ...acceptedFileTypes],
        response: { 201: c.fileMeta, ...errorResponses, 413: errorResponse, 415: errorResponse },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const name = decodeName(request.headers['x-file-name']);
      return reply.status(201).send(await uploadFile(deps, actor, data, name));
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/files/:id', {
    schema: {
      tags, security, params: c.fileIdParams, response: errorResponses,
      summary: 'The file itself, shown inline (uploader, staff of the commune (audited), the dossier owner)',
    },
  }, async (request, reply) => {
    const { meta, bytes } = await readFileContent(deps, requireActor(request), request.params.id);
    const name = meta.name ?? meta.id;
    reply.header('content-type', meta.contentType);
    reply.header('content-length', bytes.length);
    reply.header('content-disposition', `inline; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.header('cache-control', 'private, max-age=3600');
    reply.header('x-content-type-options', 'nosniff');
    // Raw bytes: the 200 has no JSON schema on purpose.
    return reply.send(bytes as never);
  });

  r.get('/api/files/:id/meta', {
    schema: { tags, security, summary: 'Name, type and size of a file', params: c.fileIdParams, response: { 200: c.fileMeta, ...errorResponses } },
  }, async (request) => toMeta(await getReadableFile(deps, requireActor(request), request.params.id)));
}

function decodeName(raw: string | string[] | undefined): string | undefined {
  const s = Array.isArray(raw) ? raw[0] : raw;
  if (!s) return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The plain-ASCII fallback name for old browsers (Vietnamese letters folded away). */
function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|"/g, '_');
}
