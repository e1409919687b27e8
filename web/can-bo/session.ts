import { useEffect } from 'preact/hooks';
import type { Me } from '../lib/api/auth';
import { navigate } from '../lib/router';
import { useMe } from '../lib/session';

export type StaffRole = 'officer' | 'specialist' | 'leader' | 'commune_admin' | 'volunteer' | 'province_viewer';
export type StaffMe = Me & { kind: 'staff'; role: StaffRole };

/** The signed-in staff member; sends anyone else to the staff sign-in page (and back here afterwards). */
export function useStaff(): StaffMe | null | undefined {
  const me = useMe();
  const staff = me && me.kind === 'staff' ? (me as StaffMe) : me === undefined ? undefined : null;
  useEffect(() => {
    // Several components ask at once; only the first sends the browser to the sign-in page.
    if (staff === null && !location.pathname.startsWith('/can-bo/dang-nhap')) {
      navigate(`/can-bo/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  }, [staff]);
  return staff;
}

/** Where each role starts, and which menus it sees. */
export const roleMenus: Record<StaffRole, ('inbox' | 'intake' | 'queue' | 'register' | 'admin' | 'dashboard' | 'field')[]> = {
  officer: ['inbox', 'intake', 'queue', 'register'],
  specialist: ['inbox'],
  leader: ['dashboard', 'inbox', 'register', 'field'],
  commune_admin: ['inbox', 'admin', 'register', 'dashboard', 'field'],
  volunteer: ['field', 'intake', 'inbox'],
  province_viewer: ['dashboard', 'inbox'],
};

/** The inbox opens on the work waiting for this role (ND 61/2018 Art. 17–20: who acts at which step). */
export const roleDefaultStatus: Partial<Record<StaffRole, string>> = {
  officer: 'submitted',
  specialist: 'received',
  leader: 'in_progress',
};
