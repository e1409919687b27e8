import { deflateSync } from 'node:zlib';

/**
 * The field app's icon, drawn at build time (no image files to download or commit): a white house with a blue door
 * on the xaso blue, full bleed so Android can mask it to any shape (the house stays inside the central safe circle).
 * PNG written by hand: a few lines of chunks over node:zlib.
 */
const BLUE = [0x0b, 0x4a, 0x8b] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** The shapes, in units of the icon's width (0–1). */
function isWhite(u: number, v: number): boolean {
  const inRoof = v >= 0.22 && v <= 0.48 && Math.abs(u - 0.5) <= ((v - 0.22) / 0.26) * 0.3;
  const inBody = u >= 0.28 && u <= 0.72 && v >= 0.46 && v <= 0.78;
  const inDoor = u >= 0.44 && u <= 0.56 && v >= 0.6 && v <= 0.78;
  return (inRoof || inBody) && !inDoor;
}

export const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="12" fill="#0b4a8b"/>'
  + '<path d="M50 22 80 48H72V78H56V60H44V78H28V48H20Z" fill="#fff"/></svg>';

/** An RGBA PNG of the icon at `size` px, 4×4 supersampled for smooth edges. */
export function renderIconPng(size: number): Buffer {
  const SS = 4;
  const row = size * 4 + 1;
  const raw = Buffer.alloc(row * size);
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let white = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (isWhite((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size)) white++;
      const a = white / (SS * SS);
      const o = y * row + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(BLUE[c]! * (1 - a) + WHITE[c]! * a);
      raw[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
