import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapHeader, parseSkill, parseSupportNeeds, parseVneid, parseYesNo } from './columns';
import { parseCsv, toCsv } from './csv';
import { readHouseholdRows, villageKeys } from './rows';

const cell = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', ' ', ',', ';', '"', '\n', '1', 'ễ') });

describe('CSV reading', () => {
  it('reads back any table it writes, whatever the cells hold (quotes, commas, line breaks)', () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';'), (table, delimiter) => {
      const width = table[0]!.length;
      const rect = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      expect(parseCsv(toCsv(rect, delimiter), delimiter)).toEqual(rect);
    }));
  });

  it('guesses the semicolon Excel writes on Vietnamese Windows, and drops the BOM', () => {
    expect(parseCsv('\uFEFFHọ và tên;Năm sinh\r\nNguyễn Văn An;1950\r\n')).toEqual([['Họ và tên', 'Năm sinh'], ['Nguyễn Văn An', '1950']]);
  });
});

describe('reading village spreadsheets', () => {
  it('understands headers and values with or without diacritics', () => {
    expect(mapHeader(['HO VA TEN', 'Năm sinh', 'Tài khoản DVC', 'xyz'])).toEqual({ fullName: 0, birthYear: 1, portalAccount: 2 });
    expect([parseYesNo('Có'), parseYesNo('khong'), parseYesNo(''), parseYesNo('có lẽ')]).toEqual([true, false, null, undefined]);
    expect([parseVneid('Mức 2'), parseVneid('đã cài'), parseVneid('chưa')]).toEqual(['level2', 'installed', 'none']);
    expect(parseSkill('Làm được khi có hướng dẫn')).toBe('with_guidance');
    expect(parseSupportNeeds('Người cao tuổi; tiếng dân tộc')).toEqual(['elderly', 'ethnic_minority_language']);
    expect(villageKeys('Thôn Trà Kiểm')).toEqual(['thon tra kiem', 'tra kiem']);
  });

  it('groups people under the "Chủ hộ" row above them when there is no household column', () => {
    const out = readHouseholdRows(
      [['Họ và tên', 'Quan hệ với chủ hộ'], ['A Một', 'Chủ hộ'], ['B Hai', 'Vợ'], ['C Ba', 'chu ho'], ['D Bốn', 'Con']],
      { villages: new Map(), defaultVillageId: 'v1', year: 2026 },
    );
    expect(out.problems).toEqual([]);
    expect(out.households.map((h) => h.members.map((m) => m.fullName))).toEqual([['A Một', 'B Hai'], ['C Ba', 'D Bốn']]);
  });

  it('reports every bad row with its spreadsheet row number, and a household without a head', () => {
    const out = readHouseholdRows(
      [['Mã hộ', 'Họ và tên', 'Quan hệ với chủ hộ', 'Năm sinh'], ['H1', 'A Một', 'Con', '1990'], ['H2', '', 'Chủ hộ', '3000']],
      { villages: new Map(), defaultVillageId: 'v1', year: 2026 },
    );
    expect(out.problems.map((p) => [p.row, p.field])).toEqual([[2, 'Quan hệ với chủ hộ'], [3, 'Họ và tên'], [3, 'Năm sinh']]);
    expect(out.households).toEqual([]);
  });
});
