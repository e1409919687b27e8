import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, unprocessable } from '../../../platform/errors';
import type { AppDeps } from '../../../platform/http';
import { errorResponses } from '../../../platform/http';
import { TEMPLATE_HEADERS } from './columns';
import { toCsv } from './csv';
import { commitImport, getImport, previewImport } from './import.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['households'];
const security = [{ bearer: [] }];
const problem = z.object({ row: z.number(), field: z.string(), vi: z.string(), en: z.string() });
export const importView = z.object({
  id: z.string(), status: z.enum(['previewed', 'running', 'done', 'failed']), fileName: z.string().nullable(), format: z.enum(['csv', 'xlsx']),
  totalRows: z.number(), householdCount: z.number(), problems: z.array(problem),
  duplicates: z.array(z.object({ row: z.number(), headName: z.string(), villageId: z.string(), existingHouseholdId: z.string(), existingHeadName: z.string() })),
  canCommit: z.boolean(), progress: z.object({ done: z.number(), total: z.number() }), importedHouseholds: z.number().nullable(), failure: z.string().nullable(),
  preview: z.array(z.object({ row: z.number(), headName: z.string(), villageName: z.string(), memberCount: z.number() })),
});

/**
 * The file is the raw request body (text/csv or .xlsx), not multipart: one less parser, and
 * a phone on 3G sends fewer bytes. The parsers are registered in this plugin's own scope.
 */
export async function registerImportRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/households/imports', {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags, security, summary: 'Upload a CSV or Excel file: checked row by row, nothing saved yet (preview)',
        querystring: z.object({ villageId: z.string().uuid().optional(), fileName: z.string().max(200).optional() }),
        response: { 201: importView, ...errorResponses },
      },
    }, async (req, reply) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const data = req.body;
      if (!Buffer.isBuffer(data)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', { vi: 'Gửi tệp CSV hoặc Excel (.xlsx)', en: 'Send a CSV or Excel (.xlsx) file' });
      if (data.length === 0) throw unprocessable('IMPORT_EMPTY', { vi: 'Tệp trống', en: 'The file is empty' });
      const isZip = data[0] === 0x50 && data[1] === 0x4b;
      const format = type === XLSX || (type === 'application/octet-stream' && isZip) ? 'xlsx' : 'csv';
      return reply.status(201).send(await previewImport(deps, req.actor, { data, format, fileName: req.query.fileName }, req.query.villageId));
    });

    r.get('/api/households/imports/template.csv', {
      schema: { tags, summary: 'The import template: one row per person, "Chủ hộ" starts a household', produces: ['text/csv'], response: { 200: z.string() } },
    }, async (_req, reply) => {
      const header = Object.values(TEMPLATE_HEADERS);
      const example = [
        ['H01', 'Thôn Trà Kiểm', 'Xóm Giữa', 'Nguyễn Văn Bình', 'Chủ hộ', '1958', 'Nam', '0912345678', '', 'Phổ thông', 'Không', 'Không', 'Không', 'Không', 'Không', 'Cần hỗ trợ hoàn toàn', 'Người cao tuổi'],
        ['H01', 'Thôn Trà Kiểm', 'Xóm Giữa', 'Nguyễn Thị Hạnh', 'Con', '1990', 'Nữ', '0987654321', '', 'Có', 'Có', 'Mức 2', 'Có', 'Có', 'Có', 'Tự làm được', ''],
      ];
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="mau-nhap-ho-gia-dinh.csv"').send(`\uFEFF${toCsv([header, ...example])}`);
    });

    r.get('/api/households/imports/:id', {
      schema: { tags, security, summary: 'An import: its report, and its progress while it runs (poll this)', params: z.object({ id: z.string().uuid() }), response: { 200: importView, ...errorResponses } },
    }, async (req) => getImport(deps, req.actor, req.params.id));

    r.post('/api/households/imports/:id/commit', {
      schema: {
        tags, security, summary: 'Import all checked households at once (refused while any row has an error)', params: z.object({ id: z.string().uuid() }),
        body: z.object({ duplicates: z.enum(['import', 'skip']).optional() }).strict(), response: { 202: importView, ...errorResponses },
      },
    }, async (req, reply) => reply.status(202).send(await commitImport(deps, req.actor, req.params.id, req.body.duplicates)));
  });
}
