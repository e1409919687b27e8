import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { pick } from '../../lib/i18n';
import { Alert, Button, SelectField } from '../../ui/components';
import { commitImport, getImport, startImport, type ImportJob } from '../api';
import { tf } from '../i18n';
import type { Member } from '../store/member';
import { syncNow } from '../store/sync-engine';
import { ChoiceGroup } from '../ui';

const POLL_MS = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Importing a village list (CSV or Excel): the server checks every row first and reports each problem with its
 * spreadsheet row; nothing is saved while any row is wrong; then all households are written at once (all or
 * nothing) while a progress bar follows (decision 0011 §9).
 */
export function ImportSection({ m }: { m: Member }): VNode {
  const [file, setFile] = useState<File>();
  const [village, setVillage] = useState('');
  const [job, setJob] = useState<ImportJob>();
  const [dup, setDup] = useState<'import' | 'skip'>('skip');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fail = (err: unknown) => setError(err instanceof ApiError ? err.userMessage : String(err));

  const check = async (e: Event) => {
    e.preventDefault();
    if (!file) return setError(tf('field.import.chooseFile'));
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    try {
      setJob(await startImport(file, village || undefined));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!job) return;
    setBusy(true);
    setError(undefined);
    try {
      let j = await commitImport(job.id, job.duplicates.length ? dup : undefined);
      setJob(j);
      while (j.status === 'running') {
        await sleep(POLL_MS);
        j = await getImport(j.id);
        setJob(j);
      }
      if (j.status === 'done') void syncNow();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{tf('field.import.intro')} <a href="/api/households/imports/template.csv" download>{tf('field.import.template')}</a></p>
      <form onSubmit={check} noValidate class="card">
        <div class="field">
          <label for="import-file">{tf('field.import.file')}</label>
          <p class="help" id="import-file-help">{tf('field.import.fileHelp')}</p>
          <input id="import-file" type="file" class="input" aria-describedby="import-file-help"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => (setFile((e.currentTarget as HTMLInputElement).files?.[0]), setJob(undefined))} />
        </div>
        {m.field.view.villages.length > 1 && (
          <SelectField id="import-village" label={tf('field.import.village')} help={tf('field.import.villageHelp')} value={village} onValue={setVillage}
            options={m.field.view.villages.map((v) => ({ value: v.id, label: v.name }))} />
        )}
        <Button type="submit" block busy={busy && !job}>{tf('field.import.check')}</Button>
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {job && <Report job={job} dup={dup} setDup={setDup} busy={busy} onCommit={() => void commit()} />}
    </>
  );
}

function Report(props: { job: ImportJob; dup: 'import' | 'skip'; setDup: (v: 'import' | 'skip') => void; busy: boolean; onCommit: () => void }): VNode {
  const { job } = props;
  const pct = job.progress.total ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
  useEffect(() => {
    document.getElementById('import-report')?.focus();
  }, [job.id]);
  return (
    <section class="card" id="import-report" tabIndex={-1} aria-labelledby="report-h">
      <h2 id="report-h">{tf('field.import.report')}</h2>
      <p data-testid="import-summary">{tf('field.import.summary', { rows: job.totalRows, households: job.householdCount })}</p>
      {job.problems.length > 0 && (
        <>
          <Alert tone="error">{tf('field.import.hasErrors', { n: job.problems.length })}</Alert>
          <div class="table-wrap">
            <table class="grid" data-testid="import-problems">
              <caption class="visually-hidden">{tf('field.import.problems')}</caption>
              <thead><tr><th scope="col">{tf('field.import.row')}</th><th scope="col">{tf('field.import.column')}</th><th scope="col">{tf('field.import.problem')}</th></tr></thead>
              <tbody>{job.problems.map((p) => <tr key={`${p.row}-${p.field}`}><td>{p.row}</td><td>{p.field}</td><td>{pick(p)}</td></tr>)}</tbody>
            </table>
          </div>
        </>
      )}
      {job.problems.length === 0 && job.status === 'previewed' && (
        <>
          <Alert tone="ok">{tf('field.import.ready', { n: job.householdCount })}</Alert>
          {job.duplicates.length > 0 && (
            <ChoiceGroup name="dup" legend={tf('field.import.duplicates', { n: job.duplicates.length })} value={props.dup} onValue={(v) => props.setDup(v as 'import' | 'skip')} cols={1}
              choices={[{ value: 'skip', label: tf('field.import.skip') }, { value: 'import', label: tf('field.import.importAnyway') }]} />
          )}
          <ul class="list-plain">{job.preview.map((h) => <li key={h.row}>{tf('field.import.previewRow', { row: h.row, name: h.headName, village: h.villageName, n: h.memberCount })}</li>)}</ul>
          <Button block busy={props.busy} onClick={props.onCommit}>{tf('field.import.commit', { n: job.householdCount })}</Button>
        </>
      )}
      {(job.status === 'running' || job.status === 'done') && (
        <div class="meter">
          <span id="import-progress-label">{tf('field.import.progress', { done: job.progress.done, total: job.progress.total })}</span>
          <div class="progress" role="progressbar" aria-labelledby="import-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <div style={{ width: `${pct}%` }} />
          </div>
        </div>
      )}
      {job.status === 'done' && <Alert tone="ok">{tf('field.import.done', { n: job.importedHouseholds ?? 0 })}</Alert>}
      {job.status === 'failed' && <Alert tone="error">{tf('field.import.failed')}</Alert>}
    </section>
  );
}
