import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReadAloudScript, spellDate, spellNumber, spellOutNumbers, spellPhone } from './read-aloud';

describe('read-aloud text for the loudspeaker', () => {
  it.each([
    [0, 'không'], [5, 'năm'], [10, 'mười'], [15, 'mười lăm'], [21, 'hai mươi mốt'], [24, 'hai mươi tư'], [105, 'một trăm linh năm'],
    [2026, 'hai nghìn không trăm hai mươi sáu'], [1_000_000, 'một triệu'],
  ])('spells %i as "%s"', (n, words) => expect(spellNumber(n)).toBe(words));

  it('reads dates the way the radio does: mồng for the first ten days, tháng tư for April', () => {
    expect(spellDate(8, 8, 2026)).toBe('ngày mồng tám tháng tám năm hai nghìn không trăm hai mươi sáu');
    expect(spellDate(30, 4)).toBe('ngày ba mươi tháng tư');
    expect(spellOutNumbers('Từ 8/8 – 10/10/2026')).toBe('Từ ngày mồng tám tháng tám đến ngày mồng mười tháng mười năm hai nghìn không trăm hai mươi sáu');
  });

  it('writes out times, money, percentages and phone numbers', () => {
    expect(spellOutNumbers('lúc 7h30 sáng thứ Năm')).toBe('lúc bảy giờ ba mươi phút sáng thứ Năm');
    expect(spellOutNumbers('từ 14:00')).toBe('từ mười bốn giờ');
    expect(spellOutNumbers('lệ phí 50.000 đồng')).toBe('lệ phí năm mươi nghìn đồng');
    expect(spellOutNumbers('đạt 90%')).toBe('đạt chín mươi phần trăm');
    expect(spellOutNumbers('gọi 0905 100 001')).toBe(`gọi ${spellPhone('0905100001')}`);
    expect(spellPhone('0905100001')).toBe('không chín không năm, một không không, không không một');
    expect(spellOutNumbers('UBND xã cần CCCD')).toBe('Ủy ban nhân dân xã cần căn cước công dân');
  });

  it('leaves no digit in any text', () => {
    const token = fc.oneof(
      fc.integer({ min: 0, max: 999_999_999 }).map(String),
      fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2099 })).map(([d, m, y]) => `${d}/${m}/${y}`),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}h${String(m).padStart(2, '0')}`),
      fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
      fc.constantFrom('thôn Trà Kiểm', 'bà con', 'VNeID mức', ',', '.', '–'),
    );
    fc.assert(fc.property(fc.array(token, { maxLength: 12 }), (parts) => {
      expect(spellOutNumbers(parts.join(' '))).not.toMatch(/\d/);
    }));
  });

  it('builds a script that opens, reads the notice twice and closes, with no digits left', () => {
    const script = buildReadAloudScript({
      communeName: 'xã Trà Bồng', kind: 'scam_warning', title: 'Giả danh công an gọi điện',
      body: 'Sáng 12/11 có 3 trường hợp bị gọi yêu cầu chuyển 5.000.000 đồng.', contactPhone: '0905200001', publishedAt: new Date(),
    }, { day: 22, month: 11, year: 2026 });
    expect(script).toContain('A lô, a lô!');
    expect(script.match(/Giả danh công an gọi điện/g)).toHaveLength(2);
    expect(script).toContain('năm triệu đồng');
    expect(script).toContain('ngày mười hai tháng mười một');
    expect(script).toContain('không chín không năm, hai không không, không không một');
    expect(script).not.toMatch(/\d/);
  });
});
