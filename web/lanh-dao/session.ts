import { useEffect } from 'preact/hooks';
import type { Me } from '../lib/api/auth';
import { navigate } from '../lib/router';
import { useMe } from '../lib/session';

/** Who may open the dashboards: the same roles the server allows (src/modules/indicators/scope.ts DASHBOARD_ROLES). */
export const DASHBOARD_ROLES = ['officer', 'specialist', 'leader', 'commune_admin', 'province_viewer'] as const;

export type StaffMe = Me & { kind: 'staff' };

export function canSeeDashboards(me: Me): boolean {
  return me.kind === 'staff' && (DASHBOARD_ROLES as readonly string[]).includes(me.role);
}

/** Where a dashboard user starts: a province account on its province, everyone else on their commune. */
export function startPath(me: Me): string {
  if (me.communeCode) return `/lanh-dao/xa/${me.communeCode}`;
  return `/lanh-dao/tinh/${me.provinceCode ?? ''}`;
}

/**
 * The signed-in staff member; anyone signed out is sent to this app's sign-in page (and back here afterwards).
 * `undefined` while /api/me is pending. Citizens count as signed out here.
 */
export function useLeader(): StaffMe | null | undefined {
  const me = useMe();
  const staff = me && me.kind === 'staff' ? (me as StaffMe) : me === undefined ? undefined : null;
  useEffect(() => {
    if (staff === null && !location.pathname.startsWith('/lanh-dao/dang-nhap')) {
      navigate(`/lanh-dao/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  }, [staff]);
  return staff;
}

/** Only paths of this app are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string | null {
  return next && /^\/lanh-dao(\/|$)/.test(next) && !next.startsWith('//') && !next.startsWith('/lanh-dao/dang-nhap') ? next : null;
}
