import type { VNode } from 'preact';
import type { FormField } from '../../lib/api/procedures';
import type { Draft, DraftFile } from '../../lib/draft-store';
import { getLang } from '../../lib/i18n';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/components';
import { FilePicker } from '../../ui/file-picker';

export interface FieldInputProps {
  field: FormField;
  draft: Draft;
  error?: string;
  onValue: (key: string, v: string | boolean) => void;
  onFiles: (key: string, files: DraftFile[]) => void;
}

/** One question of the procedure's form, as a large input of the right kind. The typed text is never cleared. */
export function FieldInput({ field: f, draft, error, onValue, onFiles }: FieldInputProps): VNode {
  const id = `f-${f.key}`;
  const label = getLang() === 'en' ? f.labelEn : f.label;
  const common = { id, label, help: f.help, error, required: f.required };
  const value = draft.values[f.key];
  const text = typeof value === 'string' ? value : '';
  switch (f.type) {
    case 'file':
      return <FilePicker {...common} files={draft.files[f.key] ?? []} onChange={(list) => onFiles(f.key, list)} />;
    case 'textarea':
      return <TextAreaField {...common} value={text} maxLength={2000} onValue={(v) => onValue(f.key, v)} />;
    case 'select':
      return <SelectField {...common} value={text} options={f.options ?? []} onValue={(v) => onValue(f.key, v)} />;
    case 'checkbox':
      return <CheckboxField {...common} checked={value === true} onValue={(v) => onValue(f.key, v)} />;
    case 'date':
      return <TextField {...common} type="date" value={text} onValue={(v) => onValue(f.key, v)} />;
    case 'number':
      return <TextField {...common} type="text" inputMode="decimal" value={text} onValue={(v) => onValue(f.key, v)} />;
    default:
      return <TextField {...common} value={text} maxLength={2000} autoComplete={/name/i.test(f.key) ? 'off' : undefined} onValue={(v) => onValue(f.key, v)} />;
  }
}
