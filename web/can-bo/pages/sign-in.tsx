import type { VNode } from 'preact';
import { useLang } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { refreshMe } from '../../lib/session';
import { StaffSignIn } from '../../ui/staff-sign-in';
import { ts } from '../i18n';

/** Only paths of our own apps are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && /^\/(can-bo|hang-doi)(\/|$)/.test(next) && !next.startsWith('//') ? next : '/can-bo/';
}

/** Staff sign-in: username and password (rate limited on the server). */
export function SignInPage(props: { next: string | null }): VNode {
  useLang();
  const goOn = async () => {
    await refreshMe();
    const next = safeNext(props.next);
    if (next.startsWith('/can-bo')) navigate(next, { replace: true });
    else location.assign(next);
  };
  return <StaffSignIn label={(k) => ts(`staff.signIn.${k}`)} onSignedIn={goOn} />;
}
