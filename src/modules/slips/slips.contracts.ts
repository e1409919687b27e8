import { z } from 'zod';
import { bilingual } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/calendar';
import { slipKinds } from './slip-kinds';

export const slipParams = z.object({
  code: z.string().min(5).max(64),
  kind: z.enum(slipKinds, { message: bilingual(`Loại phiếu phải là một trong: ${slipKinds.join(', ')}`, `The slip kind must be one of: ${slipKinds.join(', ')}`) }),
});

const isoDate = z.string().refine(isValidIsoDate, { message: bilingual('Ngày phải có dạng YYYY-MM-DD', 'Dates look like YYYY-MM-DD') });

/** At most one year per printout: a register is one book per year (TT 01/2018 Art. 10). */
export const registerQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: bilingual('"Từ ngày" phải trước "đến ngày"', '"from" must not be after "to"'), path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: bilingual('Mỗi lần in tối đa một năm', 'At most one year per printout'), path: ['to'],
  });

export const communeParams = z.object({ code: z.string().regex(/^\d{5}$/, { message: bilingual('Mã xã gồm 5 chữ số', 'The commune code has 5 digits') }) });

/** OpenAPI: the body is a PDF document. */
export const pdfResponse = z.any().describe('application/pdf');
