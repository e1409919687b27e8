import type { FastifyReply } from 'fastify';

/**
 * Sends PDF bytes to be shown in the browser's viewer (and printed from there).
 * Slips carry personal data: private, never stored by shared caches (ND 13/2023).
 */
export function sendPdf(reply: FastifyReply, bytes: Buffer, filename: string): FastifyReply {
  const safe = filename.replace(/[^\w.-]+/g, '_');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${safe}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}
