/**
 * Zod messages that carry both languages: Vietnamese, a unit separator, English.
 * The server's error handler splits them; the web clients show the half they need.
 */
export const BILINGUAL_SEPARATOR = '\u001f';

export function bilingual(vi: string, en: string): string {
  return `${vi}${BILINGUAL_SEPARATOR}${en}`;
}

export function splitBilingual(message: string): { vi: string; en: string } | undefined {
  if (!message.includes(BILINGUAL_SEPARATOR)) return undefined;
  const [vi = '', en = ''] = message.split(BILINGUAL_SEPARATOR);
  return { vi, en };
}
