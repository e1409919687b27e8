import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { navigate } from '../../lib/router';
import { LoadState, NotForRole } from '../components/load-state';
import { tl } from '../i18n';
import { canSeeDashboards, startPath, useLeader } from '../session';

/** /lanh-dao/: each account goes to its own dashboard (province accounts to the province, others to their commune). */
export function HomePage(): VNode {
  const me = useLeader();
  const allowed = me ? canSeeDashboards(me) : false;
  useEffect(() => {
    if (me && allowed) navigate(startPath(me), { replace: true });
  }, [me, allowed]);
  return (
    <>
      <h1>{tl('leader.nav.dashboard')}</h1>
      {me && !allowed ? <NotForRole /> : <LoadState retry={() => location.reload()} />}
    </>
  );
}
