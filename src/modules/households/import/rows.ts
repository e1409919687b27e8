import { foldVietnamese } from '../../../shared/text';
import { isValidIdNumber, normalizeVietnamesePhone } from '../../../shared/validation';
import type { PersonInput } from '../households.contracts';
import type { ImportProblem } from '../households.schema';
import {
  isHeadRelation, mapHeader, parseSex, parseSkill, parseSmartphone, parseSupportNeeds, parseVneid, parseYesNo, TEMPLATE_HEADERS, type Column,
} from './columns';

export interface ParsedHousehold {
  key: string;
  villageId: string;
  address: string | null;
  firstRow: number;
  members: PersonInput[];
}

export interface RowContext {
  /** Folded village name (with and without "thôn"/"tổ dân phố") → id, for the importer's villages. */
  villages: Map<string, string>;
  defaultVillageId?: string;
  year: number;
}

const problem = (row: number, col: Column | 'file' | 'household', vi: string, en: string): ImportProblem => ({
  row, field: col in TEMPLATE_HEADERS ? TEMPLATE_HEADERS[col as Column] : col, vi, en,
});

/** "Thôn Trà Kiểm", "thon tra kiem" and "Trà Kiểm" all name the same village. */
export function villageKeys(name: string): string[] {
  const f = foldVietnamese(name);
  const bare = f.replace(/^(thon|to dan pho|to|ban|ap|khom|xom)\s+/, '');
  return [...new Set([f, bare])];
}

type Row = { row: number; cells: string[] };

/** Reads a sheet into households and, for every row, what is wrong with it. Pure. */
export function readHouseholdRows(table: string[][], ctx: RowContext): { households: ParsedHousehold[]; problems: ImportProblem[]; totalRows: number } {
  const cols = mapHeader(table[0] ?? []);
  const problems: ImportProblem[] = [];
  if (cols.fullName === undefined) {
    problems.push(problem(1, 'file', 'Không thấy cột "Họ và tên" ở dòng tiêu đề', 'No "Họ và tên" (full name) column in the header row'));
    return { households: [], problems, totalRows: 0 };
  }
  const rows: Row[] = table.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const byKey = new Map<string, { rows: Row[]; people: PersonInput[] }>();
  let currentKey = '';
  for (const r of rows) {
    const cell = (c: Column) => (cols[c] === undefined ? '' : (r.cells[cols[c]!] ?? '').trim());
    const head = isHeadRelation(cell('relation'));
    const key = cols.household !== undefined ? cell('household') : head ? `row-${r.row}` : currentKey;
    if (!key) {
      problems.push(problem(r.row, cols.household !== undefined ? 'household' : 'relation', 'Không biết người này thuộc hộ nào (thiếu mã hộ hoặc chủ hộ ở dòng trên)', 'Cannot tell which household this person belongs to'));
      continue;
    }
    currentKey = key;
    const person = readPerson(r.row, cell, head, ctx.year, problems);
    const group = byKey.get(key) ?? { rows: [], people: [] };
    group.rows.push(r);
    if (person) group.people.push(person);
    byKey.set(key, group);
  }
  const households: ParsedHousehold[] = [];
  for (const [key, g] of byKey) {
    const h = readHousehold(key, g, cols, ctx, problems);
    if (h) households.push(h);
  }
  return { households, problems: problems.sort((a, b) => a.row - b.row), totalRows: rows.length };
}

function readPerson(row: number, cell: (c: Column) => string, isHead: boolean, year: number, problems: ImportProblem[]): PersonInput | undefined {
  const before = problems.length;
  const bad = (c: Column, vi: string, en: string) => problems.push(problem(row, c, vi, en));
  const fullName = cell('fullName');
  if (fullName.length < 2 || fullName.length > 120) bad('fullName', 'Thiếu họ và tên', 'Full name is missing');
  const by = cell('birthYear');
  const birthYear = by === '' ? null : Number(by);
  if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > year)) bad('birthYear', `Năm sinh "${by}" không hợp lệ`, `Birth year "${by}" is not valid`);
  const rawPhone = cell('phone');
  const phone = rawPhone === '' ? null : (normalizeVietnamesePhone(rawPhone) ?? undefined);
  if (phone === undefined) bad('phone', 'Số điện thoại phải là số di động Việt Nam, ví dụ 0912345678', 'Phone must be a Vietnamese mobile number');
  const rawId = cell('idNumber').replace(/\s/g, '');
  if (rawId !== '' && !isValidIdNumber(rawId)) bad('idNumber', 'Số CCCD phải gồm đúng 12 chữ số', 'The ID number must be exactly 12 digits');
  const parsed = {
    sex: parseSex(cell('sex')), smartphone: parseSmartphone(cell('smartphone')), zalo: parseYesNo(cell('zalo')), vneid: parseVneid(cell('vneid')),
    portalAccount: parseYesNo(cell('portalAccount')), bankOrMobileMoney: parseYesNo(cell('bankOrMobileMoney')), fibreAtHome: parseYesNo(cell('fibreAtHome')),
    skill: parseSkill(cell('skill')), supportNeeds: parseSupportNeeds(cell('supportNeeds')),
  };
  for (const [k, v] of Object.entries(parsed)) {
    if (v === undefined) bad(k as Column, `Không hiểu giá trị "${cell(k as Column)}" ở cột ${TEMPLATE_HEADERS[k as Column]}`, `Cannot read "${cell(k as Column)}" in column ${k}`);
  }
  if (problems.length > before) return undefined;
  return {
    fullName, birthYear, sex: parsed.sex ?? null, relation: cell('relation') || null, isHead, phone: phone ?? null, idNumber: rawId || null,
    smartphone: parsed.smartphone ?? null, zalo: parsed.zalo ?? null, vneid: parsed.vneid ?? null, portalAccount: parsed.portalAccount ?? null,
    bankOrMobileMoney: parsed.bankOrMobileMoney ?? null, fibreAtHome: parsed.fibreAtHome ?? null, skill: parsed.skill ?? null, supportNeeds: parsed.supportNeeds ?? [],
  };
}

function readHousehold(key: string, g: { rows: Row[]; people: PersonInput[] }, cols: Partial<Record<Column, number>>, ctx: RowContext, problems: ImportProblem[]): ParsedHousehold | undefined {
  const first = g.rows[0]!;
  const cell = (r: Row, c: Column) => (cols[c] === undefined ? '' : (r.cells[cols[c]!] ?? '').trim());
  const heads = g.rows.filter((r) => isHeadRelation(cell(r, 'relation')));
  if (heads.length !== 1) {
    problems.push(problem(first.row, 'relation', `Hộ "${key}" cần đúng một người "Chủ hộ" (đang có ${heads.length})`, `Household "${key}" needs exactly one head (has ${heads.length})`));
    return undefined;
  }
  const villageName = cell(heads[0]!, 'village');
  const villageId = villageName ? villageKeys(villageName).map((k) => ctx.villages.get(k)).find(Boolean) : ctx.defaultVillageId;
  if (!villageId) {
    problems.push(villageName
      ? problem(heads[0]!.row, 'village', `Thôn "${villageName}" không có trong địa bàn của bạn`, `Village "${villageName}" is not in your area`)
      : problem(heads[0]!.row, 'village', 'Thiếu tên thôn (hoặc chọn thôn trước khi tải tệp)', 'Village missing (or choose one before uploading)'));
    return undefined;
  }
  if (g.people.length !== g.rows.length) return undefined;
  return { key, villageId, address: cell(heads[0]!, 'address') || null, firstRow: first.row, members: g.people };
}
