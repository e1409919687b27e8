/**
 * The type of an upload is decided by its first bytes, never by its name or the Content-Type the client claims
 * (issue 3: "checked from the file's content"). Only formats every phone and office PC can open are accepted.
 */
export const acceptedFileTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AcceptedFileType = (typeof acceptedFileTypes)[number];

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const signatures: { type: AcceptedFileType; at: number; bytes: number[] }[][] = [
  [{ type: 'image/jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] }],
  [{ type: 'image/png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
  [{ type: 'image/webp', at: 0, bytes: ascii('RIFF') }, { type: 'image/webp', at: 8, bytes: ascii('WEBP') }],
  [{ type: 'application/pdf', at: 0, bytes: ascii('%PDF-') }],
];

/** Smallest plausible file: a signature alone is not a document. */
export const MIN_FILE_BYTES = 16;

export function sniffFileType(data: Uint8Array): AcceptedFileType | undefined {
  if (data.length < MIN_FILE_BYTES) return undefined;
  for (const parts of signatures) {
    if (parts.every((p) => p.bytes.every((b, i) => data[p.at + i] === b))) return parts[0]!.type;
  }
  return undefined;
}

export const extensionFor: Record<AcceptedFileType, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf',
};

/** A name safe for a Content-Disposition header and a download: no path, no control characters, ≤ 120 chars. */
export function cleanFileName(raw: string | undefined, type: AcceptedFileType): string {
  const base = (raw ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'tep';
  return `${stem}.${extensionFor[type]}`;
}
