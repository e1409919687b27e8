import { useState } from 'preact/hooks';
import { ApiError, fieldErrors } from '../../lib/api/client';
import { pick } from '../../lib/i18n';

/** Busy flag, field errors and a form-level message for one admin form; `run` maps server errors to fields. */
export function useFormRun() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const run = async (fn: () => Promise<string | void>) => {
    setBusy(true);
    setErrors({});
    setDone(undefined);
    try {
      const msg = await fn();
      if (msg) setDone(msg);
      return true;
    } catch (err) {
      const byField = Object.fromEntries(Object.entries(fieldErrors(err)).map(([k, v]) => [k, pick(v)]));
      setErrors(Object.keys(byField).length ? byField : { form: err instanceof ApiError ? err.userMessage : String(err) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, setErrors, done, run };
}
