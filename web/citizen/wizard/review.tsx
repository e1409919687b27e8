import type { VNode } from 'preact';
import { t } from '../../i18n';
import type { EffectiveProcedure } from '../../lib/api/procedures';
import type { Draft } from '../../lib/draft-store';
import { formatVnd } from '../../lib/format';
import { getLang } from '../../lib/i18n';
import { Button } from '../../ui/components';
import type { WizardStep } from './steps';

/** Everything the citizen entered, grouped as in the wizard, each group with "Sửa". */
export function Review(props: { procedure: EffectiveProcedure; draft: Draft; steps: WizardStep[]; onEdit: (step: number) => void }): VNode {
  const { draft, procedure: p } = props;
  const en = getLang() === 'en';
  const shown = (key: string, type: string, options?: { value: string; label: string }[]) => {
    if (type === 'file') return t('citizen.wizard.nFiles', { n: (draft.files[key] ?? []).length });
    const v = draft.values[key];
    if (type === 'checkbox') return v === true ? t('common.yes') : t('common.no');
    if (type === 'select') return options?.find((o) => o.value === v)?.label ?? '—';
    return typeof v === 'string' && v.trim() ? v : '—';
  };
  return (
    <>
      <p>{t('citizen.wizard.reviewIntro')}</p>
      {props.steps.map((s, i) => s.kind === 'review' ? null : (
        <section class="card" key={i} aria-labelledby={`rv-${i}`}>
          <h2 id={`rv-${i}`}>{s.title}</h2>
          <dl class="facts">
            {s.kind === 'applicant' ? (
              <>
                <dt>{t('citizen.wizard.fullName')}</dt><dd>{draft.applicant.fullName}</dd>
                <dt>{t('citizen.wizard.idNumber')}</dt><dd>{draft.applicant.idNumber}</dd>
                <dt>{t('citizen.signIn.phone')}</dt><dd>{draft.applicant.phone}</dd>
              </>
            ) : s.fields.map((f) => <><dt>{en ? f.labelEn : f.label}</dt><dd>{shown(f.key, f.type, f.options)}</dd></>)}
          </dl>
          <Button variant="secondary" onClick={() => props.onEdit(i)} aria-label={t('citizen.wizard.editGroup', { group: s.title })}>{t('citizen.wizard.edit')}</Button>
        </section>
      ))}
      <p>{t('citizen.wizard.feeLine', { fee: p.feeVnd === 0 ? t('common.free') : formatVnd(p.feeVnd) })}</p>
    </>
  );
}
