import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth';
import { writeAudit } from '../../../platform/audit';
import { conflict, notFound, unprocessable } from '../../../platform/errors';
import type { AppDeps } from '../../../platform/http';
import { toLocalDate } from '../../../shared/calendar';
import { foldVietnamese } from '../../../shared/text';
import { listVillages } from '../../admin-units';
import { recordChanges as publishChanges } from '../../sync';
import { assertVillageInScope, resolveFieldScope, type FieldScope } from '../../teams';
import * as repo from '../households.repo';
import { householdImports, type ImportDuplicate } from '../households.schema';
import { createHousehold } from '../households.service';
import type { WriteCtx } from '../write-context';
import { parseCsv } from './csv';
import { readHouseholdRows, villageKeys, type ParsedHousehold } from './rows';
import { readXlsxRows } from './xlsx';

export const MAX_IMPORT_ROWS = 5000;
/** Progress of running imports, read by the polling client (one process serves a commune). */
const progress = new Map<string, { done: number; total: number }>();

type JobRow = typeof householdImports.$inferSelect;

export async function previewImport(deps: AppDeps, actor: Actor | undefined, file: { data: Buffer; format: 'csv' | 'xlsx'; fileName?: string }, defaultVillageId?: string) {
  const scope = await resolveFieldScope(deps, actor);
  if (defaultVillageId) assertVillageInScope(scope, defaultVillageId);
  const table = file.format === 'csv' ? parseCsv(file.data.toString('utf8')) : await readXlsxRows(file.data, MAX_IMPORT_ROWS + 1).catch(() => {
    throw unprocessable('IMPORT_UNREADABLE', { vi: 'Không đọc được tệp Excel (.xlsx)', en: 'The Excel (.xlsx) file cannot be read' });
  });
  if (table.length - 1 > MAX_IMPORT_ROWS) {
    throw unprocessable('IMPORT_TOO_LARGE', { vi: `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng`, en: `At most ${MAX_IMPORT_ROWS} rows per import` });
  }
  const villages = new Map<string, string>();
  for (const v of (await listVillages(deps, scope.communeCode)).filter((v) => scope.villageIds.includes(v.id))) {
    for (const k of villageKeys(v.name)) villages.set(k, v.id);
  }
  const read = readHouseholdRows(table, { villages, defaultVillageId, year: Number(toLocalDate(deps.now()).slice(0, 4)) });
  const duplicates = await findDuplicates(deps, read.households);
  const row: typeof householdImports.$inferInsert = {
    id: crypto.randomUUID(), communeCode: scope.communeCode, createdBy: scope.actor.accountId, fileName: file.fileName ?? null, format: file.format,
    status: 'previewed', totalRows: read.totalRows, householdCount: read.households.length, problems: read.problems, duplicates,
    parsed: read.households, createdAt: deps.now(),
  };
  await deps.db.insert(householdImports).values(row);
  return toJobView(row as JobRow, await villageNameMap(deps, scope));
}

async function findDuplicates(deps: AppDeps, list: ParsedHousehold[]): Promise<ImportDuplicate[]> {
  const out: ImportDuplicate[] = [];
  for (const h of list) {
    const head = h.members.find((m) => m.isHead)!;
    for (const existing of await repo.findSameHead(deps.db, h.villageId, foldVietnamese(head.fullName))) {
      out.push({ row: h.firstRow, headName: head.fullName, villageId: h.villageId, existingHouseholdId: existing.id, existingHeadName: existing.headName });
    }
  }
  return out;
}

async function villageNameMap(deps: AppDeps, scope: FieldScope) {
  return new Map((await listVillages(deps, scope.communeCode)).map((v) => [v.id, v.name]));
}

function toJobView(job: JobRow, names: Map<string, string>) {
  const parsed = job.parsed as ParsedHousehold[];
  const live = progress.get(job.id);
  const total = live?.total ?? (job.status === 'done' ? (job.importedHouseholds ?? 0) : parsed.length);
  return {
    id: job.id, status: job.status, fileName: job.fileName, format: job.format, totalRows: job.totalRows, householdCount: job.householdCount,
    problems: job.problems, duplicates: job.duplicates, canCommit: job.status === 'previewed' && job.problems.length === 0,
    progress: { done: live?.done ?? (job.status === 'done' ? total : 0), total },
    importedHouseholds: job.importedHouseholds ?? null, failure: job.failure ?? null,
    preview: parsed.slice(0, 20).map((h) => ({
      row: h.firstRow, headName: h.members.find((m) => m.isHead)!.fullName, villageName: names.get(h.villageId) ?? '', memberCount: h.members.length,
    })),
  };
}

async function getJob(deps: AppDeps, scope: FieldScope, id: string): Promise<JobRow> {
  const [job] = await deps.db.select().from(householdImports).where(and(eq(householdImports.id, id), eq(householdImports.communeCode, scope.communeCode)));
  if (!job || (job.createdBy !== scope.actor.accountId && !scope.communeWide)) throw notFound('IMPORT_NOT_FOUND', { vi: 'Không tìm thấy lần nhập này', en: 'No such import' });
  return job;
}

export async function getImport(deps: AppDeps, actor: Actor | undefined, id: string) {
  const scope = await resolveFieldScope(deps, actor);
  return toJobView(await getJob(deps, scope, id), await villageNameMap(deps, scope));
}

/**
 * All or nothing: every household is written in one transaction, so a failure half-way
 * leaves nothing behind. It runs after the answer (202); the client polls the progress.
 */
export async function commitImport(deps: AppDeps, actor: Actor | undefined, id: string, duplicates?: 'import' | 'skip') {
  const scope = await resolveFieldScope(deps, actor);
  const job = await getJob(deps, scope, id);
  if (job.problems.length) throw unprocessable('IMPORT_HAS_ERRORS', { vi: `Tệp còn ${job.problems.length} lỗi; sửa tệp rồi tải lại. Chưa nhập gì`, en: `The file has ${job.problems.length} problems; fix it and upload again. Nothing was imported` });
  if (job.duplicates.length && !duplicates) throw conflict('DUPLICATES_NEED_DECISION', { vi: 'Có hộ có thể bị trùng: chọn bỏ qua hoặc vẫn nhập', en: 'Some households may be duplicates: choose skip or import' });
  const claimed = await deps.db.update(householdImports).set({ status: 'running' }).where(and(eq(householdImports.id, id), eq(householdImports.status, 'previewed'))).returning({ id: householdImports.id });
  if (claimed.length === 0) throw conflict('IMPORT_NOT_PENDING', { vi: 'Lần nhập này đã chạy rồi', en: 'This import already ran' });
  const skipRows = new Set(duplicates === 'skip' ? job.duplicates.map((d) => d.row) : []);
  const list = (job.parsed as ParsedHousehold[]).filter((h) => !skipRows.has(h.firstRow));
  progress.set(id, { done: 0, total: list.length });
  void runImport(deps, actor, scope, id, list);
  return toJobView({ ...job, status: 'running' }, await villageNameMap(deps, scope));
}

async function runImport(deps: AppDeps, actor: Actor | undefined, scope: FieldScope, id: string, list: ParsedHousehold[]): Promise<void> {
  try {
    await deps.db.transaction(async (tx) => {
      const now = deps.now();
      const ctx: WriteCtx = { db: tx, scope, now, deviceAt: now, commandId: null, changes: [] };
      for (const [i, h] of list.entries()) {
        await createHousehold(ctx, { villageId: h.villageId, address: h.address, notes: null, members: h.members, acknowledgeDuplicate: true }, 'import');
        progress.set(id, { done: i + 1, total: list.length });
      }
      await tx.update(householdImports).set({ status: 'done', importedHouseholds: list.length, finishedAt: deps.now() }).where(eq(householdImports.id, id));
      await writeAudit(tx, actor, now, { action: 'households.import', entity: 'household_import', entityId: id, communeCode: scope.communeCode, details: { households: list.length } });
      await publishChanges(tx, scope.communeCode, ctx.changes, now);
    });
  } catch (err) {
    deps.log.warn({ err, importId: id }, 'household import failed; nothing was imported');
    const text = err instanceof Error ? err.message.slice(0, 500) : 'unknown error';
    await deps.db.update(householdImports).set({ status: 'failed', failure: text, finishedAt: deps.now() }).where(eq(householdImports.id, id)).catch(() => {});
  } finally {
    progress.delete(id);
  }
}
