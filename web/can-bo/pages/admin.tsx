import type { VNode } from 'preact';
import { useLang } from '../../lib/i18n';
import { lazyPage } from '../../lib/lazy';
import { Link } from '../../lib/router';
import { Alert, Loading } from '../../ui/components';
import { ts, type StaffKey } from '../i18n';
import { useStaff } from '../session';

const wait = () => <Loading />;
const sections = {
  'thon': lazyPage<{ commune: string }>(() => import('../admin/villages'), wait),
  'tai-khoan': lazyPage<{ commune: string }>(() => import('../admin/staff'), wait),
  'thu-tuc': lazyPage<{ commune: string }>(() => import('../admin/procedures'), wait),
  'lich-nghi': lazyPage<{ commune: string }>(() => import('../admin/calendar'), wait),
  'quay': lazyPage<{ commune: string }>(() => import('../admin/queue'), wait),
} as const;
type Section = keyof typeof sections;

/** Commune admin screens: villages, staff accounts and roles, procedures offered, holiday calendar, counters. */
export default function AdminPage(props: { section?: string }): VNode {
  useLang();
  const staff = useStaff();
  if (staff === undefined) return <Loading />;
  if (staff?.role !== 'commune_admin' || !staff.communeCode) return <><h1>{ts('staff.admin.title')}</h1><Alert tone="warn">{ts('staff.admin.only')}</Alert></>;
  const current = (props.section && props.section in sections ? props.section : 'thon') as Section;
  const Page = sections[current];
  return (
    <>
      <nav aria-label={ts('staff.admin.title')}>
        <ul class="subnav">
          {(Object.keys(sections) as Section[]).map((s) => (
            <li key={s}><Link href={`/can-bo/quan-tri/${s}`} aria-current={s === current ? 'page' : undefined}>{ts(`staff.admin.${s}` as StaffKey)}</Link></li>
          ))}
        </ul>
      </nav>
      <Page commune={staff.communeCode} />
    </>
  );
}
