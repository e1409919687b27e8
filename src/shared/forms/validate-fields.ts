import type { FormDefinition, FormField } from './form';

export interface FieldError {
  path: string;
  vi: string;
  en: string;
}

const MAX_TEXT = 2000;

/**
 * Pure: checks submitted values against the procedure's form, so the same
 * messages appear next to the field in the browser and in a 400 from the API.
 */
export function validateFormFields(form: FormDefinition, values: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors.push(err(key, 'Trường này không có trong mẫu đơn', 'This field is not in the form'));
  }
  for (const field of form.fields) {
    const problem = checkField(field, values[field.key]);
    if (problem) errors.push(err(field.key, problem.vi, problem.en));
  }
  return errors;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function checkField(field: FormField, v: unknown): { vi: string; en: string } | undefined {
  if (isEmpty(v)) {
    return field.required && field.type !== 'checkbox'
      ? { vi: `Vui lòng nhập "${field.label}"`, en: `"${field.labelEn ?? field.label}" is required` }
      : field.required && field.type === 'checkbox'
        ? { vi: `Vui lòng đánh dấu "${field.label}"`, en: `"${field.labelEn ?? field.label}" must be ticked` }
        : undefined;
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof v === 'string' && v.length <= MAX_TEXT ? undefined : { vi: 'Nội dung không hợp lệ hoặc quá dài', en: 'Text is invalid or too long' };
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : { vi: 'Phải là một số', en: 'Must be a number' };
    case 'date':
      return typeof v === 'string' && isIsoDate(v) ? undefined : { vi: 'Ngày không hợp lệ (năm-tháng-ngày)', en: 'Invalid date (YYYY-MM-DD)' };
    case 'select':
      return typeof v === 'string' && (field.options ?? []).some((o) => o.value === v)
        ? undefined
        : { vi: 'Lựa chọn không có trong danh sách', en: 'Not one of the options' };
    case 'checkbox':
      return typeof v === 'boolean' ? (field.required && !v ? { vi: `Vui lòng đánh dấu "${field.label}"`, en: 'Must be ticked' } : undefined) : { vi: 'Phải là có/không', en: 'Must be true or false' };
    case 'file':
      return isFileRef(v) ? undefined : { vi: 'Tệp đính kèm không hợp lệ', en: 'Invalid attachment reference' };
  }
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** A file field holds the id(s) of uploaded files. */
function isFileRef(v: unknown): boolean {
  const ids = Array.isArray(v) ? v : [v];
  return ids.length > 0 && ids.length <= 10 && ids.every((x) => typeof x === 'string' && /^[\w-]{8,64}$/.test(x));
}

function err(path: string, vi: string, en: string): FieldError {
  return { path: `fields.${path}`, vi, en };
}
