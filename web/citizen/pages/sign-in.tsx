import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { normalizeVietnamesePhone } from '../../../src/shared/validation/phone';
import { t } from '../../i18n';
import { ApiError } from '../../lib/api/client';
import { requestOtp, verifyOtp } from '../../lib/api/auth';
import { useLang } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { refreshMe } from '../../lib/session';
import { Alert, Button, TextField } from '../../ui/components';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/ho-so';
}

/** Sign-in with the phone number and a one-time code sent by SMS (shown on screen in demo mode). */
export function SignInPage(props: { next: string | null }): VNode {
  useLang();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ phone: string; devCode?: string }>();
  const [errors, setErrors] = useState<{ phone?: string; code?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const send = async (e: Event) => {
    e.preventDefault();
    const normalized = normalizeVietnamesePhone(phone);
    if (!normalized) return setErrors({ phone: t('citizen.signIn.phoneInvalid') });
    setBusy(true);
    setErrors({});
    try {
      const res = await requestOtp(normalized);
      setSent({ phone: normalized, devCode: res.devCode });
    } catch (err) {
      setErrors({ form: (err as ApiError).userMessage });
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: Event) => {
    e.preventDefault();
    if (!sent) return;
    if (!/^\d{6}$/.test(code.trim())) return setErrors({ code: t('citizen.signIn.codeInvalid') });
    setBusy(true);
    setErrors({});
    try {
      await verifyOtp(sent.phone, code.trim());
      await refreshMe();
      navigate(safeNext(props.next), { replace: true });
    } catch (err) {
      const e2 = err as ApiError;
      setErrors(e2 instanceof ApiError && (e2.status === 400 || e2.status === 401 || e2.status === 422) ? { code: e2.userMessage } : { form: e2.userMessage });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('citizen.signIn.title')}</h1>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {!sent ? (
        <form onSubmit={send} noValidate>
          <p>{t('citizen.signIn.intro')}</p>
          <TextField id="phone" type="tel" inputMode="tel" autoComplete="tel" label={t('citizen.signIn.phone')} help={t('citizen.signIn.phoneHelp')}
            value={phone} onValue={setPhone} error={errors.phone} required />
          <Button type="submit" block busy={busy}>{t('citizen.signIn.sendCode')}</Button>
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <Alert tone="ok">{t('citizen.signIn.sentTo', { phone: sent.phone })}</Alert>
          {sent.devCode && <Alert tone="warn">{t('citizen.signIn.devCode')} <strong data-testid="dev-code">{sent.devCode}</strong></Alert>}
          <TextField id="otp" inputMode="numeric" autoComplete="one-time-code" maxLength={6} label={t('citizen.signIn.code')} help={t('citizen.signIn.codeHelp')}
            value={code} onValue={setCode} error={errors.code} required />
          <Button type="submit" block busy={busy}>{t('citizen.signIn.verify')}</Button>
          <Button variant="ghost" block onClick={() => (setSent(undefined), setCode(''))}>{t('citizen.signIn.otherPhone')}</Button>
        </form>
      )}
    </>
  );
}
