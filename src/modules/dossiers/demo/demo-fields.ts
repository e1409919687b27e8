import type { FormDefinition } from '../../../shared/forms';
import type { Random } from './random';

/** Plausible answers for a procedure's form, so demo dossiers look filled in. */
export function fillDemoFields(form: FormDefinition, rnd: Random, applicantName: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of form.fields) {
    if (f.type === 'file') continue;
    if (f.type === 'text') values[f.key] = /name|ten|ho_ten/i.test(f.key) ? applicantName : `${f.label}: thông tin mẫu`;
    else if (f.type === 'textarea') values[f.key] = 'Nội dung mẫu của hồ sơ demo.';
    else if (f.type === 'date') values[f.key] = `20${rnd.int(10, 25)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`;
    else if (f.type === 'number') values[f.key] = rnd.int(1, 3);
    else if (f.type === 'select') values[f.key] = f.options?.[0]?.value ?? '';
    else if (f.type === 'checkbox') values[f.key] = true;
  }
  return values;
}
