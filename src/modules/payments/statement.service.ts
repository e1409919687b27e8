import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { badRequest, forbidden } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { foldVietnamese } from '../../shared/text';
import { assertCommuneAccess } from '../admin-units';
import type { MatchOutcome } from './matching';
import { recordIncomingPayment } from './reconcile.service';

/**
 * Bank statement import (CSV), for banks without webhooks: each credit line goes
 * through the same matching as a webhook. Banks export in their own layouts, so the
 * header row is found by its column names (Vietnamese or English, with or without
 * diacritics), after any preamble lines; `,` `;` and tab separators are accepted.
 */
const COLUMNS = {
  id: ['so tham chieu', 'ma giao dich', 'so giao dich', 'ma gd', 'so ct', 'reference', 'transaction id', 'ref no', 'ref'],
  date: ['ngay giao dich', 'ngay gd', 'ngay hieu luc', 'ngay', 'transaction date', 'date'],
  credit: ['so tien ghi co', 'ghi co', 'phat sinh co', 'credit', 'so tien', 'amount'],
  debit: ['so tien ghi no', 'ghi no', 'phat sinh no', 'debit'],
  note: ['noi dung giao dich', 'noi dung', 'mo ta', 'dien giai', 'chi tiet', 'description', 'details', 'remark'],
} as const;
type Column = keyof typeof COLUMNS;
const MAX_ROWS = 5000;

export interface StatementLineResult {
  line: number;
  outcome: MatchOutcome | 'duplicate' | 'skipped';
  amountVnd: number | null;
  dossierCode: string | null;
  reason?: string;
}

const ORDER: Column[] = ['id', 'date', 'debit', 'credit', 'note'];
const matches = (name: string, alias: string) => name === alias || name.startsWith(`${alias} `);

/** The first row (of the first 30) that names a credit and a description column; aliases are tried in priority order. */
export function findHeader(rows: string[][]): { index: number; map: Partial<Record<Column, number>> } | undefined {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const names = rows[i]!.map((c) => foldVietnamese(c));
    const map: Partial<Record<Column, number>> = {};
    const used = new Set<number>();
    for (const col of ORDER) {
      for (const alias of COLUMNS[col]) {
        const at = names.findIndex((n, idx) => !used.has(idx) && matches(n, alias));
        if (at < 0) continue;
        map[col] = at;
        used.add(at);
        break;
      }
    }
    if (map.credit !== undefined && map.note !== undefined) return { index: i, map };
  }
  return undefined;
}

/** "1.000.000", "1,000,000", "1000000.00", "100.000,00 VND" → whole đồng; undefined if not an amount. */
export function parseVndAmount(text: string): number | undefined {
  let s = text.replace(/[^\d.,-]/g, '');
  if (!s || s.startsWith('-')) return undefined;
  if (/[.,]\d{1,2}$/.test(s)) s = s.replace(/[.,]\d{1,2}$/, '');
  s = s.replace(/[.,]/g, '');
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** "22/11/2026 10:15", "2026-11-22": local (UTC+7) time; null when absent or unreadable. */
export function parseLocalDate(text: string | undefined): Date | null {
  if (!text) return null;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(text.trim());
  const ymd = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text.trim());
  const p = dmy ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5]] : ymd ? [ymd[1], ymd[2], ymd[3], ymd[4], ymd[5]] : undefined;
  if (!p) return null;
  const pad = (v: string | undefined, d = '00') => (v ?? d).padStart(2, '0');
  const d = new Date(`${p[0]}-${pad(p[1])}-${pad(p[2])}T${pad(p[3])}:${pad(p[4])}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export async function importStatement(deps: AppDeps, actor: StaffActor, communeCode: string, csv: string) {
  assertCommuneAccess(actor, communeCode);
  if (actor.role !== 'officer' && actor.role !== 'commune_admin') throw forbidden();
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, delimiter: [',', ';', '\t'], relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    throw badRequest('CSV_UNREADABLE', { vi: 'Không đọc được tệp sao kê (CSV)', en: 'The statement file (CSV) cannot be read' });
  }
  const header = findHeader(rows);
  if (!header) throw badRequest('CSV_NO_HEADER', { vi: 'Không tìm thấy dòng tiêu đề có cột "Số tiền ghi có" và "Nội dung"', en: 'No header row with credit amount and description columns' });
  const lines = rows.slice(header.index + 1, header.index + 1 + MAX_ROWS);
  const results: StatementLineResult[] = [];
  for (const [i, row] of lines.entries()) results.push(await importLine(deps, communeCode, header.map, row, header.index + 2 + i));
  await writeAudit(deps.db, actor, deps.now(), { action: 'payment.statement_import', entity: 'commune', entityId: communeCode, communeCode, details: { lines: results.length } });
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return {
    lines: results.length, matched: count('matched'), duplicates: count('duplicate'), skipped: count('skipped'),
    review: results.length - count('matched') - count('duplicate') - count('skipped'), results,
  };
}

async function importLine(deps: AppDeps, communeCode: string, map: Partial<Record<Column, number>>, row: string[], line: number): Promise<StatementLineResult> {
  const cell = (c: Column) => (map[c] === undefined ? undefined : row[map[c]!]);
  const debit = parseVndAmount(cell('debit') ?? '');
  const amount = parseVndAmount(cell('credit') ?? '');
  if (!amount || (debit ?? 0) > 0) return { line, outcome: 'skipped', amountVnd: null, dossierCode: null, reason: 'not a credit line' };
  const note = cell('note') ?? '';
  const date = parseLocalDate(cell('date'));
  const id = cell('id')?.trim();
  const externalId = id ? `bank:${id}` : `stmt:${createHash('sha256').update(`${communeCode}|${cell('date') ?? ''}|${amount}|${note}`).digest('hex').slice(0, 32)}`;
  const r = await recordIncomingPayment(deps, { source: 'statement', externalId, amountVnd: amount, description: note, communeCode, paidAt: date });
  return { line, outcome: r.duplicate ? 'duplicate' : r.outcome, amountVnd: amount, dossierCode: r.dossierCode };
}
