import type { VNode } from 'preact';
import { fetchMe } from '../../lib/api/auth';
import { useLang } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { refreshMe } from '../../lib/session';
import { StaffSignIn } from '../../ui/staff-sign-in';
import { tl } from '../i18n';
import { safeNext, startPath } from '../session';

/** Staff sign-in for the dashboards: username and password (rate limited on the server), then back where they were. */
export function SignInPage(props: { next: string | null }): VNode {
  useLang();
  const goOn = async () => {
    const me = await fetchMe();
    await refreshMe();
    navigate(safeNext(props.next) ?? (me ? startPath(me) : '/lanh-dao/'), { replace: true });
  };
  return <StaffSignIn label={(k) => tl(`leader.signIn.${k}`)} onSignedIn={goOn} formClass="narrow" />;
}
