import type { VNode } from 'preact';
import type { ApiError } from '../../lib/api/client';
import { useLang } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { Alert } from '../../ui/components';
import { StaffSignIn } from '../../ui/staff-sign-in';
import { tf } from '../i18n';
import { currentSession, loadSession, useSession } from '../store/session';

/** With no network, say that signing in needs one (the app works offline only once an account is on the phone). */
const refusal = (err: ApiError) => (err.isNetwork ? tf('field.signIn.needsNetwork') : err.userMessage);

/** Username and password, as at the commune office (rate limited on the server). The first sign-in needs a network. */
export function SignInPage(): VNode {
  useLang();
  const session = useSession();
  const goOn = async () => {
    await loadSession();
    const now = currentSession();
    if (now.status !== 'ready') return now.status === 'signedOut' && now.reason === 'role' ? tf('field.signIn.notMember') : tf('field.signIn.failed');
    navigate('/to-cong-nghe/', { replace: true });
  };
  return (
    <StaffSignIn label={(k) => tf(`field.signIn.${k}`)} onSignedIn={goOn} errorMessage={refusal}
      intro={<p>{tf('field.signIn.intro')}</p>}
      notice={session.status === 'signedOut' && session.reason === 'role' && <Alert tone="warn">{tf('field.signIn.notMember')}</Alert>} />
  );
}
