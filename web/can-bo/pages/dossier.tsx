import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { listVillages } from '../../lib/api/commune-admin';
import { getDossier, type DossierView } from '../../lib/api/dossiers';
import { getProcedure, type Procedure } from '../../lib/api/procedures';
import { formatDateTime, formatVnd } from '../../lib/format';
import { getLang, pick, useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Facts, Loading } from '../../ui/components';
import { Timeline } from '../../ui/timeline';
import { ActionPanel } from '../dossier/action-forms';
import { ApplicantCard } from '../dossier/applicant';
import { AttachmentViewer, collectAttachments } from '../dossier/attachments';
import { SlipButtons } from '../dossier/slips';
import { ts } from '../i18n';
import { useStaff } from '../session';
import { useLoad } from '../use-load';
import { statusTone } from './inbox';

/** One dossier for the staff: facts, applicant (masked until "Hiện"), papers, allowed actions, slips, timeline. */
export default function DossierPage(props: { code: string }): VNode {
  useLang();
  const staff = useStaff();
  const loaded = useLoad(async () => {
    if (!staff) return undefined;
    const d = await getDossier(props.code);
    const [procedure, villages] = await Promise.all([
      getProcedure(d.procedureCode).catch(() => undefined),
      listVillages(d.communeCode).then((r) => r.items, () => []),
    ]);
    return { d, procedure, villages };
  }, [props.code, staff?.username]);
  const [updated, setUpdated] = useState<DossierView>();
  if (loaded.error) return <><h1>{ts('staff.dossier.title')}</h1><Alert tone="error">{loaded.error.userMessage}</Alert><p><Link href="/can-bo/ho-so">{ts('staff.dossier.back')}</Link></p></>;
  if (!loaded.data) return <Loading />;
  const d = updated && updated.code === props.code ? updated : loaded.data.d;
  const village = loaded.data.villages.find((v) => v.id === d.villageId)?.name;
  return <DossierDetail d={d} procedure={loaded.data.procedure} village={village} onChanged={setUpdated} />;
}

function answers(d: DossierView, procedure?: Procedure): [string, string][] {
  const en = getLang() === 'en';
  return (procedure?.form.fields ?? []).filter((f) => f.type !== 'file' && d.fields[f.key] !== undefined && d.fields[f.key] !== '').map((f) => {
    const v = d.fields[f.key];
    const shown = f.type === 'select' ? (f.options?.find((o) => o.value === v)?.label ?? String(v)) : f.type === 'checkbox' ? (v ? ts('staff.yes') : ts('staff.no')) : String(v);
    return [en ? f.labelEn : f.label, shown];
  });
}

function DossierDetail({ d, procedure, village, onChanged }: { d: DossierView; procedure?: Procedure; village?: string; onChanged: (v: DossierView) => void }): VNode {
  const channel = d.onBehalf === 'volunteer' ? ts('staff.channel.volunteer') : d.channel === 'online' ? ts('staff.channel.online') : d.channel === 'post' ? ts('staff.channel.post') : ts('staff.channel.counter');
  const rows = answers(d, procedure);
  return (
    <>
      <p class="muted">{ts('staff.inbox.code')}: <strong data-testid="dossier-code">{d.code}</strong></p>
      <h1>{d.procedureName}</h1>
      <p>
        <span class={statusTone(d.status)} data-testid="status">{pick({ vi: d.statusLabelVi, en: d.statusLabelEn })}</span>{' '}
        {d.overdue && <span class="badge badge-danger">{ts('staff.inbox.overdue')}</span>}
      </p>
      <Facts items={[
        [ts('staff.inbox.submitted'), formatDateTime(d.submittedAt)],
        ...(d.receivedAt ? [[ts('staff.dossier.received'), formatDateTime(d.receivedAt)] as [string, string]] : []),
        ...(d.dueAt ? [[ts('staff.inbox.due'), formatDateTime(d.dueAt)] as [string, string]] : []),
        ...(d.finishedAt ? [[ts('staff.dossier.finished'), formatDateTime(d.finishedAt)] as [string, string]] : []),
        [ts('staff.inbox.channel'), channel],
        [ts('staff.dossier.fee'), d.feeVnd ? formatVnd(d.feeVnd) : ts('staff.dossier.free')],
        [ts('staff.dossier.time'), d.processingDays ? ts('staff.dossier.days', { n: d.processingDays }) : ts('staff.dossier.sameDay')],
      ]} />
      <section class="card" aria-labelledby="act-h">
        <h2 id="act-h">{ts('staff.dossier.actions')}</h2>
        <ActionPanel d={d} requiredDocuments={procedure?.requiredDocuments ?? []} onDone={onChanged} />
      </section>
      <SlipButtons d={d} />
      <ApplicantCard d={d} village={village} />
      {rows.length > 0 && (
        <section class="card" aria-labelledby="answers-h">
          <h2 id="answers-h">{ts('staff.dossier.answers')}</h2>
          <dl class="facts answers">{rows.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
        </section>
      )}
      <section class="card" aria-labelledby="files-h">
        <h2 id="files-h">{ts('staff.files.title')}</h2>
        <AttachmentViewer items={collectAttachments(d, procedure)} />
      </section>
      <h2>{ts('staff.dossier.history')}</h2>
      <Timeline label={ts('staff.dossier.history')} nowLabel={ts('staff.dossier.now')} items={d.timeline.map((e) => ({
        key: String(e.seq), title: `${pick({ vi: e.labelVi, en: e.labelEn })}${e.actorName ? ` · ${e.actorName}` : ''}`, at: e.at, detail: detailOf(e),
      }))} />
      <p><Link href="/can-bo/ho-so">{ts('staff.dossier.back')}</Link></p>
    </>
  );
}

function detailOf(e: DossierView['timeline'][number]): string {
  const p = e.payload ?? {};
  const out: string[] = [];
  if (Array.isArray(p.missingDocuments)) out.push(ts('staff.dossier.missing', { list: (p.missingDocuments as string[]).join('; ') }));
  if (Array.isArray(p.reasons)) out.push(ts('staff.dossier.reasons', { list: (p.reasons as string[]).join('; ') }));
  if (typeof p.newDueAt === 'string') out.push(ts('staff.dossier.newDue', { date: formatDateTime(p.newDueAt) }));
  if (typeof p.dueAt === 'string') out.push(ts('staff.dossier.dueSet', { date: formatDateTime(p.dueAt) }));
  if (e.note) out.push(`“${e.note}”`);
  return out.join(' ');
}
