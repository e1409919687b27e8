import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { getLang } from '../../lib/i18n';
import { Alert, Button } from '../../ui/components';
import { downloadReport } from '../api';
import { tl } from '../i18n';

/** Excel and PDF of the monthly report (Biểu số 06/VPCP/KSTT) for the period on screen. */
export function ExportButtons(props: { communeCode: string; from: string; to: string }): VNode {
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const run = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    setResult(undefined);
    try {
      const name = await downloadReport(props.communeCode, format, { from: props.from, to: props.to }, getLang());
      setResult({ ok: true, text: tl('leader.export.done', { file: name }) });
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? err.userMessage : String(err) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card exports" aria-labelledby="exports-h">
      <h2 id="exports-h" class="h-small">{tl('leader.export.title')}</h2>
      <p class="help">{tl('leader.export.help')}</p>
      <div class="row">
        <Button variant="secondary" busy={busy === 'xlsx'} onClick={() => void run('xlsx')}>{tl('leader.export.xlsx')}</Button>
        <Button variant="secondary" busy={busy === 'pdf'} onClick={() => void run('pdf')}>{tl('leader.export.pdf')}</Button>
      </div>
      {result && <Alert tone={result.ok ? 'ok' : 'error'}>{result.text}</Alert>}
    </section>
  );
}
