import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { buildConsentNotice, consentPurposes, purposeLabels, REQUIRED_FOR_SUBMISSION, type ConsentPurposeCode } from '../../../src/shared/field/consent-notice';
import { ApiError } from '../../lib/api/client';
import { pick } from '../../lib/i18n';
import { Alert, Button, TextField } from '../../ui/components';
import { requestConsent, verifyConsent, type ConsentView } from '../api';
import { tf } from '../i18n';
import { addAttachment, enqueue, newId } from '../store/field-store';
import { ChoiceGroup } from '../ui';
import { SignaturePad } from './signature-pad';

export interface ConsentSubject { personId?: string; fullName: string; phone: string; procedureCode: string; procedureName: string }

/**
 * The citizen's consent, before anything is filed for them (Decree 13/2023 Art. 11): the notice read out, each
 * purpose answered yes or no separately, then the proof: a one-time code sent to their own phone (needs a network,
 * typed back here) or their signature on the screen (kept on the phone and sent with the outbox).
 */
export function ConsentStep(props: { s: ConsentSubject; communeName: string; memberName: string; online: boolean; onGiven: (method: 'otp' | 'signature', consentId: string) => void }): VNode {
  const { s } = props;
  const [answers, setAnswers] = useState<Record<ConsentPurposeCode, '' | 'yes' | 'no'>>({ assisted_submission: '', personal_data_processing: '', follow_up_contact: '' });
  const [method, setMethod] = useState<'otp' | 'signature'>(props.online ? 'otp' : 'signature');
  const [sent, setSent] = useState<ConsentView>();
  // A new code (or new answers) is a new consent record: the server keeps each request as asked.
  const [consentId, setConsentId] = useState(newId);
  const restart = () => (setSent(undefined), setConsentId(newId()));
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const purposes = consentPurposes.map((c) => ({ code: c, accepted: answers[c] === 'yes' }));
  const allAnswered = consentPurposes.every((c) => answers[c] !== '');
  const enough = REQUIRED_FOR_SUBMISSION.every((c) => answers[c] === 'yes');
  const notice = buildConsentNotice({ subjectName: s.fullName, communeName: props.communeName, memberName: props.memberName, procedureName: s.procedureName, purposes });
  const body = { id: consentId, ...(s.personId ? { personId: s.personId } : {}), subject: { fullName: s.fullName, phone: s.phone }, procedureCode: s.procedureCode, purposes };
  const failed = (err: unknown) => setError(err instanceof ApiError ? (err.isNetwork ? tf('field.assist.otpOffline') : err.userMessage) : String(err));

  const sendCode = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSent(await requestConsent({ ...body, method: 'otp' }));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  const checkCode = async (e: Event) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setError(tf('field.assist.codeInvalid'));
    setBusy(true);
    setError(undefined);
    try {
      const v = await verifyConsent(sent!.id, code.trim());
      if (v.status === 'given') props.onGiven('otp', consentId);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  const signed = async (png: Blob) => {
    setBusy(true);
    try {
      const signatureId = newId();
      // The signature and the consent are saved on the phone together; each goes up on its own when it can.
      await addAttachment(signatureId, png, 'image/png');
      await enqueue('consent.record', { ...body, method: 'signature', signatureAttachmentId: signatureId });
      props.onGiven('signature', consentId);
    } finally {
      setBusy(false);
    }
  };

  const yesNo = [{ value: 'yes', label: tf('field.assist.agree') }, { value: 'no', label: tf('field.assist.disagree') }];
  return (
    <section aria-labelledby="consent-h">
      <h2 id="consent-h">{tf('field.assist.consentTitle')}</h2>
      <p>{tf('field.assist.consentIntro')}</p>
      {consentPurposes.map((c) => (
        <ChoiceGroup key={c} name={`purpose-${c}`} legend={pick(purposeLabels[c])} choices={yesNo} value={answers[c]}
          onValue={(v) => (setAnswers({ ...answers, [c]: v as 'yes' | 'no' }), sent && restart())} />
      ))}
      <details class="card notice" open={allAnswered}>
        <summary>{tf('field.assist.notice')}</summary>
        <p lang="vi" class="notice-text">{sent?.noticeVi ?? notice.vi}</p>
      </details>
      {allAnswered && !enough && <Alert tone="warn">{tf('field.assist.notEnough')}</Alert>}
      {allAnswered && enough && (
        <>
          <ChoiceGroup name="method" legend={tf('field.assist.method')} value={method} onValue={(v) => (setMethod(v as 'otp' | 'signature'), setError(undefined))} cols={1}
            choices={[{ value: 'otp', label: tf('field.assist.byCode', { phone: s.phone }) }, { value: 'signature', label: tf('field.assist.bySignature') }]} />
          {error && <Alert tone="error">{error}</Alert>}
          {method === 'otp' && !props.online && <Alert tone="warn">{tf('field.assist.otpOffline')}</Alert>}
          {method === 'otp' && props.online && !sent && <Button block busy={busy} onClick={() => void sendCode()}>{tf('field.assist.sendCode', { phone: s.phone })}</Button>}
          {method === 'otp' && sent && (
            <form onSubmit={checkCode} noValidate>
              <Alert tone="info">
                {tf('field.assist.codeSent', { phone: s.phone })}
                {sent.devCode && <> {tf('field.assist.devCode')} <strong data-testid="dev-code">{sent.devCode}</strong></>}
              </Alert>
              <TextField id="consent-code" label={tf('field.assist.code')} inputMode="numeric" maxLength={6} autoComplete="one-time-code" value={code} onValue={setCode} required />
              <div class="row">
                <Button type="submit" busy={busy}>{tf('field.assist.confirmCode')}</Button>
                <Button variant="secondary" onClick={() => (restart(), setCode(''))}>{tf('field.assist.newCode')}</Button>
              </div>
            </form>
          )}
          {method === 'signature' && <SignaturePad busy={busy} onSigned={(b) => void signed(b)} />}
        </>
      )}
    </section>
  );
}
