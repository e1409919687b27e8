import type { z } from 'zod';
import { splitBilingual } from '../../shared/bilingual';
import type { FieldProblem } from './app-error';

/**
 * Schemas may carry their own bilingual message, written with `bilingual()`;
 * otherwise the zod issue code gets a plain Vietnamese sentence and zod's English.
 */
export { bilingual } from '../../shared/bilingual';

const viByCode: Record<string, string> = {
  invalid_type: 'Sai kiểu dữ liệu hoặc còn thiếu',
  too_small: 'Giá trị quá ngắn hoặc quá nhỏ',
  too_big: 'Giá trị quá dài hoặc quá lớn',
  invalid_format: 'Sai định dạng',
  invalid_value: 'Giá trị không nằm trong danh sách cho phép',
  unrecognized_keys: 'Có trường không được phép',
  invalid_union: 'Giá trị không hợp lệ',
  not_multiple_of: 'Giá trị không hợp lệ',
  custom: 'Giá trị không hợp lệ',
};

export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

export function describeZodIssue(issue: IssueLike | z.core.$ZodIssue, prefix = ''): FieldProblem {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const both = splitBilingual(issue.message);
  if (both) return { path, ...both };
  return { path, vi: viByCode[issue.code] ?? 'Giá trị không hợp lệ', en: issue.message };
}
