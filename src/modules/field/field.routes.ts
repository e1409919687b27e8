import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { attachmentTypes, type AttachmentType } from '../sync';
import { MAX_ATTACHMENT_BYTES, readAttachment, uploadAttachment } from './attachments.service';
import { pullChanges, snapshot } from './pull.service';
import { pushCommands } from './push.service';

const tags = ['sync'];
const security = [{ bearer: [] }];
const reason = z.object({ code: z.string(), vi: z.string(), en: z.string(), fields: z.array(z.object({ path: z.string(), vi: z.string(), en: z.string() })).optional() });
const itemResult = z.object({
  index: z.number(), commandId: z.string(), status: z.enum(['applied', 'pending', 'needs_attention']),
  result: z.record(z.string(), z.unknown()).optional(), reason: reason.optional(), replayed: z.boolean(),
});
const change = z.object({ seq: z.number(), entity: z.string(), id: z.string(), op: z.enum(['upsert', 'delete']), data: z.record(z.string(), z.unknown()).nullable() });
const village = z.object({ id: z.string(), name: z.string() });

/** The field app's sync API: push commands, upload attachments, pull changes or a snapshot. */
export async function registerFieldRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/sync/commands', {
    schema: {
      tags, security, summary: 'Push offline commands (one or a batch): each applied exactly once by its device-generated id, each answered on its own',
      body: z.object({ commands: z.array(z.unknown()).min(1).max(100) }).strict(), response: { 200: z.object({ results: z.array(itemResult) }), ...errorResponses },
    },
  }, async (req) => ({ results: await pushCommands(deps, req.actor, req.body.commands) }));

  r.get('/api/sync/changes', {
    schema: {
      tags, security, summary: 'Changes in my villages since the cursor, deletions included; mode "resync" when a snapshot is needed',
      querystring: z.object({ cursor: z.string().min(1).max(100), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: {
        200: z.object({
          mode: z.enum(['changes', 'resync']), resyncReason: z.string().optional(), cursor: z.string(), hasMore: z.boolean(), changes: z.array(change), villages: z.array(village),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => pullChanges(deps, req.actor, req.query.cursor, req.query.limit));

  r.get('/api/sync/snapshot', {
    schema: {
      tags, security, summary: 'Everything for my villages (first start, or after "resync"), with the cursor to pull from',
      response: {
        200: z.object({
          cursor: z.string(), villages: z.array(village), households: z.array(z.record(z.string(), z.unknown())), people: z.array(z.record(z.string(), z.unknown())),
          supportActs: z.array(z.record(z.string(), z.unknown())), campaigns: z.array(z.record(z.string(), z.unknown())),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => snapshot(deps, req.actor));

  await app.register(async (scope) => {
    scope.addContentTypeParser([...attachmentTypes], { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, (_req, body, done) => done(null, body));
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.put('/api/sync/attachments/:id', {
      bodyLimit: MAX_ATTACHMENT_BYTES + 1024,
      schema: {
        tags, security, summary: 'Upload a signature or photo (PNG/JPEG body) under its device-generated id; a retry is harmless', params: z.object({ id: z.string().uuid() }),
        response: { 200: z.object({ id: z.string(), sha256: z.string(), sizeBytes: z.number(), created: z.boolean(), consentsCompleted: z.number() }), ...errorResponses },
      },
    }, async (req) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim() as AttachmentType;
      if (!attachmentTypes.includes(type) || !Buffer.isBuffer(req.body)) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', { vi: 'Chỉ nhận ảnh PNG hoặc JPEG', en: 'Only PNG or JPEG images are accepted' });
      }
      return uploadAttachment(deps, req.actor, req.params.id, type, req.body);
    });
  });

  r.get('/api/sync/attachments/:id', {
    schema: { tags, security, summary: 'Open an attachment (the uploader or a team leader; audited)', params: z.object({ id: z.string().uuid() }) },
  }, async (req, reply) => {
    const file = await readAttachment(deps, req.actor, req.params.id);
    return reply.header('content-type', file.contentType).header('cache-control', 'private, no-store').send(file.data);
  });
}
