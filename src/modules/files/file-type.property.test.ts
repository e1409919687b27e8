import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFileName, MIN_FILE_BYTES, sniffFileType } from './file-type';

const sigs = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [...'%PDF-'].map((c) => c.charCodeAt(0)),
} as const;

describe('file type from content', () => {
  it('recognises each accepted signature whatever follows it', () => {
    for (const [type, sig] of Object.entries(sigs)) {
      fc.assert(fc.property(fc.uint8Array({ minLength: MIN_FILE_BYTES, maxLength: 200 }), (tail) => {
        expect(sniffFileType(new Uint8Array([...sig, ...tail]))).toBe(type);
      }));
    }
    const webp = new Uint8Array([...'RIFF'].map((c) => c.charCodeAt(0)).concat([1, 2, 3, 4], [...'WEBPVP8 '].map((c) => c.charCodeAt(0)), new Array(16).fill(0)));
    expect(sniffFileType(webp)).toBe('image/webp');
  });

  it('refuses bytes that start with no accepted signature (text, zip, exe…)', () => {
    const starts = new Set([0xff, 0x89, 0x25, 0x52]); // first bytes of JPEG, PNG, PDF, RIFF
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }).filter((b) => b.length === 0 || !starts.has(b[0]!)), (bytes) => {
      expect(sniffFileType(bytes)).toBeUndefined();
    }));
    expect(sniffFileType(new TextEncoder().encode('<html><script>alert(1)</script></html>'))).toBeUndefined();
    expect(sniffFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(20).fill(0)]))).toBeUndefined();
  });

  it('refuses a bare signature too short to be a document', () => {
    expect(sniffFileType(new Uint8Array(sigs['image/png']))).toBeUndefined();
  });

  it('names the file after its real type and strips paths and quotes', () => {
    expect(cleanFileName('C:\\ảnh\\giấy "chứng" sinh.pdf', 'image/jpeg')).toBe('giấy chứng sinh.jpg');
    expect(cleanFileName(undefined, 'application/pdf')).toBe('tep.pdf');
    fc.assert(fc.property(fc.string(), (s) => {
      const n = cleanFileName(s, 'image/png');
      expect(n.endsWith('.png')).toBe(true);
      expect(n).not.toMatch(/[\\/"\u0000-\u001f]/);
      expect(n.length).toBeLessThanOrEqual(124);
    }));
  });
});
