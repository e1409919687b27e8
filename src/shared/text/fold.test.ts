import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese } from './collate';
import { foldedWords, foldVietnamese } from './fold';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ KHAI SINH', 'dang ky khai sinh'],
    ['  Chứng thực   bản sao, từ bản chính! ', 'chung thuc ban sao tu ban chinh'],
    ['Thôn Trà Kiểm', 'thon tra kiem'],
    ['Ðồng Nai', 'dong nai'], // U+00D0 eth, typed for Đ by some keyboards
    ['Hoà / Hòa', 'hoa hoa'],
    ['Ｔｈôｎ １', 'thon 1'], // full-width forms
    ['Mã 1.001193', 'ma 1 001193'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds precomposed and decomposed (NFD) input the same way', () => {
    const s = 'Nguyễn Thị Ánh Tuyết';
    expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => foldVietnamese(foldVietnamese(s)) === foldVietnamese(s)));
  });

  it('outputs only [a-z0-9] words separated by single spaces', () => {
    const vietnamese = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ ,.-0123456789');
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: vietnamese }));
    fc.assert(fc.property(text, (s) => /^([a-z0-9]+( [a-z0-9]+)*)?$/.test(foldVietnamese(s))));
  });

  it("maps every 'Đ'/'đ' to 'd' and leaves no other letter of the word behind", () => {
    fc.assert(
      fc.property(fc.constantFrom('Đ', 'đ'), fc.string({ unit: fc.constantFrom('a', 'b', 'o') }), (d, rest) =>
        foldVietnamese(`${d}${rest}`) === `d${rest}`,
      ),
    );
  });

  it('splits into folded words', () => {
    expect(foldedWords('Khai  SINH')).toEqual(['khai', 'sinh']);
    expect(foldedWords(' , ')).toEqual([]);
  });
});

describe('compareVietnamese', () => {
  it('sorts in Vietnamese alphabetical order (Đ after D, numbers numerically)', () => {
    const names = ['Đông Sơn', 'Dũng', 'Bình', 'Ân', 'An', 'Thôn 10', 'Thôn 2'];
    expect([...names].sort(compareVietnamese)).toEqual(['An', 'Ân', 'Bình', 'Dũng', 'Đông Sơn', 'Thôn 2', 'Thôn 10']);
  });
});
