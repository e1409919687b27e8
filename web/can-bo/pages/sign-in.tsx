import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { staffLogin } from '../../lib/api/auth';
import { useLang } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { refreshMe } from '../../lib/session';
import { Alert, Button, TextField } from '../../ui/components';
import { ts } from '../i18n';

/** Only paths of our own apps are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && /^\/(can-bo|hang-doi)(\/|$)/.test(next) && !next.startsWith('//') ? next : '/can-bo/';
}

/** Staff sign-in: username and password (rate limited on the server). */
export function SignInPage(props: { next: string | null }): VNode {
  useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing = { username: username.trim() ? undefined : ts('staff.signIn.usernameMissing'), password: password ? undefined : ts('staff.signIn.passwordMissing') };
    if (missing.username || missing.password) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      await staffLogin(username.trim(), password);
      await refreshMe();
      const next = safeNext(props.next);
      if (next.startsWith('/can-bo')) navigate(next, { replace: true });
      else location.assign(next);
    } catch (err) {
      setErrors({ form: err instanceof ApiError ? err.userMessage : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{ts('staff.signIn.title')}</h1>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <form onSubmit={submit} noValidate>
        <TextField id="username" label={ts('staff.signIn.username')} autoComplete="username" value={username} onValue={setUsername} error={errors.username} required />
        <TextField id="password" type="password" label={ts('staff.signIn.password')} autoComplete="current-password" value={password} onValue={setPassword} error={errors.password} required />
        <Button type="submit" block busy={busy}>{ts('staff.signIn.submit')}</Button>
      </form>
      <p class="muted">{ts('staff.signIn.demo')}</p>
    </>
  );
}
