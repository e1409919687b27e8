import { z } from 'zod';
import { bilingual } from '../bilingual';
import { isValidIdNumber } from './id-number';
import { normalizeVietnamesePhone } from './phone';

export const phoneSchema = z
  .string()
  .max(20)
  .transform((s, ctx) => {
    const phone = normalizeVietnamesePhone(s);
    if (!phone) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          'Số điện thoại phải là số di động Việt Nam, ví dụ 0912345678',
          'Phone must be a Vietnamese mobile number, e.g. 0912345678',
        ),
      });
      return z.NEVER;
    }
    return phone;
  });

export const idNumberSchema = z.string().refine(isValidIdNumber, {
  message: bilingual('Số định danh (CCCD) phải gồm đúng 12 chữ số', 'The ID number (CCCD) must be exactly 12 digits'),
});
