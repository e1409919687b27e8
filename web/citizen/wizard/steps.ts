import { isValidIdNumber } from '../../../src/shared/validation/id-number';
import { normalizeVietnamesePhone } from '../../../src/shared/validation/phone';
import { validateFormFields } from '../../../src/shared/forms/validate-fields';
import type { FormDefinition } from '../../../src/shared/forms/form';
import { t } from '../../i18n';
import { pick } from '../../lib/i18n';
import type { FormField, Procedure } from '../../lib/api/procedures';
import type { Draft } from '../../lib/draft-store';

/** One screen of the wizard: the applicant, a group of the procedure's questions, or the final check. */
export type WizardStep =
  | { kind: 'applicant'; title: string }
  | { kind: 'fields'; title: string; fields: FormField[] }
  | { kind: 'review'; title: string };

const GROUP_SIZE = 4;

/** Steps from the form definition (its own groups, or groups of 4 with the photos last). */
export function buildSteps(p: Procedure, lang: 'vi' | 'en'): WizardStep[] {
  const byKey = new Map(p.form.fields.map((f) => [f.key, f]));
  const groups: WizardStep[] = p.form.steps
    ? p.form.steps.map((s) => ({ kind: 'fields', title: lang === 'en' && s.titleEn ? s.titleEn : s.title, fields: s.fieldKeys.flatMap((k) => byKey.get(k) ?? []) }))
    : chunk(p.form.fields);
  return [{ kind: 'applicant', title: t('citizen.wizard.applicantStep') }, ...groups, { kind: 'review', title: t('citizen.wizard.reviewStep') }];
}

function chunk(fields: FormField[]): WizardStep[] {
  const plain = fields.filter((f) => f.type !== 'file');
  const files = fields.filter((f) => f.type === 'file');
  const out: WizardStep[] = [];
  for (let i = 0; i < plain.length; i += GROUP_SIZE) {
    out.push({ kind: 'fields', title: out.length === 0 ? t('citizen.wizard.infoStep') : t('citizen.wizard.moreInfoStep'), fields: plain.slice(i, i + GROUP_SIZE) });
  }
  if (files.length) out.push({ kind: 'fields', title: t('citizen.wizard.papersStep'), fields: files });
  return out;
}

/** The answers as the API wants them (numbers as numbers, files as ids, empty answers left out). */
export function answersOf(fields: FormField[], draft: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'file') {
      const list = draft.files[f.key] ?? [];
      if (list.length) out[f.key] = list.map((x) => x.id ?? x.localId.padEnd(8, '0'));
      continue;
    }
    const v = draft.values[f.key];
    if (v === undefined || v === '') continue;
    if (f.type === 'number') out[f.key] = typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : v;
    else if (f.type === 'checkbox') out[f.key] = v === true;
    else out[f.key] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export type StepErrors = Record<string, string>;

/** The same checks the server makes, so errors appear next to the field before anything is sent. */
export function validateStep(step: WizardStep, draft: Draft): StepErrors {
  if (step.kind === 'applicant') return validateApplicant(draft.applicant);
  if (step.kind !== 'fields') return {};
  const form = { fields: step.fields } as FormDefinition;
  const errors: StepErrors = {};
  for (const e of validateFormFields(form, answersOf(step.fields, draft))) errors[e.path.replace(/^fields\./, '')] = pick(e);
  return errors;
}

export function validateApplicant(a: Draft['applicant']): StepErrors {
  const errors: StepErrors = {};
  if (a.fullName.trim().length < 2) errors['applicant.fullName'] = t('citizen.wizard.nameMissing');
  if (!isValidIdNumber(a.idNumber.trim())) errors['applicant.idNumber'] = t('citizen.wizard.idInvalid');
  if (!normalizeVietnamesePhone(a.phone)) errors['applicant.phone'] = t('citizen.signIn.phoneInvalid');
  return errors;
}

/** Which step holds a field key (server errors send the citizen back to the right screen). */
export function stepOfKey(steps: WizardStep[], key: string): number {
  if (key.startsWith('applicant.')) return 0;
  const i = steps.findIndex((s) => s.kind === 'fields' && s.fields.some((f) => f.key === key));
  return i < 0 ? steps.length - 1 : i;
}
