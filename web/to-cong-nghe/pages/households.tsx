import type { VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { searchHouseholds, type HouseholdRow } from '../../../src/shared/field/local-queries';
import { isAdult } from '../../../src/shared/field/readiness';
import { useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { Button, Loading, SelectField, TextField } from '../../ui/components';
import { tf } from '../i18n';
import { useMember, villageName } from '../store/member';

const PAGE = 40;

/** Households of my villages, from the phone: works with no network; search ignores diacritics ("nguyen thi h"). */
export function HouseholdsPage(props: { village: string }): VNode {
  useLang();
  const m = useMember();
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const village = props.village;
  const rows = useMemo(() => (m ? searchHouseholds(m.field.view, { villageId: village || undefined, query, year: m.year }) : []), [m?.field.view, village, query]);
  if (!m) return <Loading />;
  const villages = m.field.view.villages;
  const setVillage = (v: string) => navigate(`/to-cong-nghe/ho${v ? `?thon=${v}` : ''}`, { replace: true });
  return (
    <>
      <h1>{village ? tf('field.households.titleOf', { village: villageName(m.field, village) }) : tf('field.households.title')}</h1>
      <div class="filters-2">
        {villages.length > 1 && (
          <SelectField id="village" label={tf('field.households.village')} value={village} onValue={setVillage} noOptionalMark
            options={villages.map((v) => ({ value: v.id, label: v.name }))} />
        )}
        <TextField id="q" type="search" label={tf('field.households.search')} help={tf('field.households.searchHelp')} value={query}
          onValue={(v) => (setQuery(v), setShown(PAGE))} noOptionalMark enterKeyHint="search" autoComplete="off" />
      </div>
      <p role="status" class="muted" data-testid="household-count">{tf('field.households.count', { n: rows.length })}</p>
      <ul class="rows">
        {rows.slice(0, shown).map((h) => <HouseholdItem key={h.id} h={h} year={m.year} showVillage={!village} village={villageName(m.field, h.villageId)} />)}
      </ul>
      {rows.length > shown && <Button variant="secondary" block onClick={() => setShown(shown + PAGE)}>{tf('field.households.more', { n: rows.length - shown })}</Button>}
      <p><Link class="btn btn-block" href={`/to-cong-nghe/ho/moi${village ? `?thon=${village}` : ''}`}>{tf('field.home.newHousehold')}</Link></p>
    </>
  );
}

function HouseholdItem({ h, year, showVillage, village }: { h: HouseholdRow; year: number; showVillage: boolean; village: string }): VNode {
  const adults = h.members.filter((p) => isAdult(p.birthYear, year));
  const withAccount = adults.filter((p) => p.readiness.portalAccount === true).length;
  return (
    <li>
      <Link href={`/to-cong-nghe/ho/${h.id}`} class="row-link">
        <strong>{h.headName}</strong>
        <span class="muted">{[showVillage ? village : '', h.address ?? ''].filter(Boolean).join(' · ')}</span>
        <span class="row-meta">
          {tf('field.households.members', { n: h.members.length })} · {tf('field.households.accounts', { n: withAccount, of: adults.length })}
          {h.hasElderly && <> · <span class="badge">{tf('field.households.elderly')}</span></>}
          {h.version === 0 && <> · <span class="badge badge-warn">{tf('field.households.notSent')}</span></>}
        </span>
      </Link>
    </li>
  );
}
