import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import { targetHouseholds } from '../../../src/shared/field/local-queries';
import { targetNeeds, type TargetNeed } from '../../../src/shared/field/readiness';
import { useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { Loading, SelectField } from '../../ui/components';
import { tf } from '../i18n';
import { useMember, villageName } from '../store/member';

const needKey = (n: TargetNeed) => `field.targets.${n}` as const;

/**
 * Who to visit next: households of my villages where no adult has what the campaign brings (the elderly first),
 * computed on the phone with the server's rules. The audited CSV export is for the team leader, online.
 */
export default function TargetsPage(props: { need?: string; village?: string }): VNode {
  useLang();
  const m = useMember();
  const need = (targetNeeds as readonly string[]).includes(props.need ?? '') ? (props.need as TargetNeed) : 'no_portal_account';
  const village = props.village ?? '';
  const rows = useMemo(() => (m ? targetHouseholds(m.field.view, need, m.year, village || undefined) : []), [m?.field.view, need, village]);
  if (!m) return <Loading />;
  const go = (n: string, v: string) => navigate(`/to-cong-nghe/can-ho-tro?can=${n}${v ? `&thon=${v}` : ''}`, { replace: true });
  const exportHref = `/api/households/targets/export.csv?need=${need}${village ? `&villageId=${village}` : ''}`;
  return (
    <>
      <h1>{tf('field.targets.title')}</h1>
      <div class="filters-2">
        <SelectField id="need" label={tf('field.targets.need')} value={need} onValue={(v) => go(v || 'no_portal_account', village)} required
          options={targetNeeds.map((n) => ({ value: n, label: tf(needKey(n)) }))} />
        {m.field.view.villages.length > 1 && (
          <SelectField id="t-village" label={tf('field.households.village')} value={village} onValue={(v) => go(need, v)} noOptionalMark
            options={m.field.view.villages.map((v) => ({ value: v.id, label: v.name }))} />
        )}
      </div>
      <p role="status" class="muted">{tf('field.targets.count', { n: rows.length })}</p>
      <ul class="rows">
        {rows.map((h) => (
          <li key={h.id}>
            <Link href={`/to-cong-nghe/ho/${h.id}`} class="row-link">
              <strong>{h.headName}</strong>
              <span class="muted">{[villageName(m.field, h.villageId), h.address].filter(Boolean).join(' · ')}</span>
              <span class="row-meta">
                {tf('field.households.members', { n: h.members.length })}
                {h.hasElderly && <> · <span class="badge">{tf('field.households.elderly')}</span></>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {m.isLeader && m.field.sync.online && <p><a class="btn btn-secondary btn-block" href={exportHref} download>{tf('field.targets.export')}</a></p>}
    </>
  );
}
