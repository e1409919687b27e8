import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import { staffLogin } from '../lib/api/auth';
import { ApiError } from '../lib/api/client';
import { Alert, Button, TextField } from './components';

/** The words of the form; each app passes its own, from its own dictionary (none of them reach the citizen bundle). */
export type StaffSignInKey = 'title' | 'username' | 'password' | 'submit' | 'demo' | 'usernameMissing' | 'passwordMissing';

export interface StaffSignInProps {
  label: (key: StaffSignInKey) => string;
  /** After the server accepted the password: go on (navigate), or return why this app still refuses (shown above the form). */
  onSignedIn: () => Promise<string | void>;
  /** The message for a refused request; by default the server's, in the current language. */
  errorMessage?: (err: ApiError) => string;
  /** Under the title. */
  intro?: ComponentChildren;
  /** Under the title while the form has no error of its own. */
  notice?: ComponentChildren;
  formClass?: string;
}

/**
 * The sign-in form of the staff apps (one-stop office, dashboards, field app): username and password, rate limited
 * on the server. A missing field is said next to it before anything is sent; a refusal is said above the form.
 */
export function StaffSignIn(props: StaffSignInProps): VNode {
  const { label } = props;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing = { username: username.trim() ? undefined : label('usernameMissing'), password: password ? undefined : label('passwordMissing') };
    if (missing.username || missing.password) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      await staffLogin(username.trim(), password);
      const refused = await props.onSignedIn();
      if (refused) setErrors({ form: refused });
    } catch (err) {
      setErrors({ form: err instanceof ApiError ? (props.errorMessage?.(err) ?? err.userMessage) : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{label('title')}</h1>
      {props.intro}
      {!errors.form && props.notice}
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <form onSubmit={submit} noValidate class={props.formClass}>
        <TextField id="username" label={label('username')} autoComplete="username" value={username} onValue={setUsername} error={errors.username} required />
        <TextField id="password" type="password" label={label('password')} autoComplete="current-password" value={password} onValue={setPassword} error={errors.password} required />
        <Button type="submit" block busy={busy}>{label('submit')}</Button>
      </form>
      <p class="muted">{label('demo')}</p>
    </>
  );
}
