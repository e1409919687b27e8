import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { recentActs } from '../../../src/shared/field/local-queries';
import { countOutbox } from '../../../src/shared/field/outbox';
import { formatDateTime } from '../../lib/format';
import { getLang, pick, useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { actSummary } from '../describe';
import { tf } from '../i18n';
import { offlineCapable } from '../register-sw';
import { useMember, villageName, type Member } from '../store/member';
import { signOutField } from '../store/session';

/** Start page: my villages, my partner and shifts, the big "log support" button, the campaign, my latest acts. */
export function HomePage(): VNode {
  useLang();
  const m = useMember();
  if (!m) return <Loading />;
  const { field, me } = m;
  const counts = Object.values(field.view.households).reduce<Record<string, number>>((acc, h) => ({ ...acc, [h.villageId]: (acc[h.villageId] ?? 0) + 1 }), {});
  const loaded = field.view.cursor !== null;
  return (
    <>
      <h1>{tf('field.home.hello', { name: me.fullName })}</h1>
      {field.team && <p class="muted">{field.team.team.name}</p>}
      {!offlineCapable() && <Alert tone="warn">{tf('field.home.noOffline')}</Alert>}
      {!loaded && (field.sync.online ? <Loading label={tf('field.home.loadingData')} /> : <Alert tone="warn">{tf('field.home.noData')}</Alert>)}
      <div class="big-actions">
        <Link class="btn btn-block btn-big" href="/to-cong-nghe/ghi">{tf('field.home.log')}</Link>
        <Link class="btn btn-secondary btn-block" href="/to-cong-nghe/ho/moi">{tf('field.home.newHousehold')}</Link>
        <Link class="btn btn-secondary btn-block" href="/to-cong-nghe/can-ho-tro">{tf('field.home.targets')}</Link>
        {m.me.role === 'volunteer' && <Link class="btn btn-secondary btn-block" href="/to-cong-nghe/nop-ho-so">{tf('field.home.assist')}</Link>}
        {m.isLeader && <Link class="btn btn-secondary btn-block" href="/to-cong-nghe/to">{tf('field.home.team')}</Link>}
      </div>
      <section class="card" aria-labelledby="villages-h">
        <h2 id="villages-h">{tf('field.home.villages')}</h2>
        <ul class="list-plain">
          {field.view.villages.map((v) => (
            <li key={v.id}><Link href={`/to-cong-nghe/ho?thon=${v.id}`}>{v.name}</Link> <span class="muted">· {tf('field.households.count', { n: counts[v.id] ?? 0 })}</span></li>
          ))}
        </ul>
      </section>
      <TeamCard m={m} />
      <Campaigns m={m} />
      <RecentActs m={m} />
      <SignOut m={m} />
    </>
  );
}

function TeamCard({ m }: { m: Member }): VNode | null {
  const team = m.field.team;
  if (!team || (team.partners.length === 0 && team.nextShifts.length === 0)) return null;
  const en = getLang() === 'en';
  return (
    <section class="card" aria-labelledby="team-h">
      <h2 id="team-h">{tf('field.home.partnersShifts')}</h2>
      {team.partners.map((p) => (
        <p key={p.memberId}>
          {tf('field.home.partner', { name: p.fullName, village: villageName(m.field, p.villageId) })}
          {p.phone && <> · <a href={`tel:${p.phone}`}>{tf('field.home.call')}</a></>}
        </p>
      ))}
      {team.nextShifts.length > 0 && (
        <ul class="list-plain">
          {team.nextShifts.slice(0, 3).map((s) => (
            <li key={`${s.date}-${s.startTime}`}>
              <strong>{en ? s.weekdayEn : s.weekdayVi} {s.date.split('-').reverse().join('/')}</strong> {s.startTime}–{s.endTime} · {s.itPointName}
              {s.closedReasonVi && <> · <span class="badge badge-warn">{en ? s.closedReasonEn : s.closedReasonVi}</span></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Campaigns({ m }: { m: Member }): VNode | null {
  const running = Object.values(m.field.view.campaigns).filter((c) => c.status === 'running');
  if (running.length === 0) return null;
  return (
    <section class="card" aria-labelledby="camp-h">
      <h2 id="camp-h">{tf('field.home.campaign')}</h2>
      {running.map((c) => (
        <div key={c.id}>
          <p><strong>{c.name}</strong> · {c.startsOn.split('-').reverse().join('/')} – {c.endsOn.split('-').reverse().join('/')}</p>
          {c.totals.filter((x) => x.target > 0).map((x) => (
            <div key={x.metric} class="meter">
              <span>{pick({ vi: x.labelVi, en: x.labelEn })}: {x.achieved}/{x.target}</span>
              <div class="progress" role="progressbar" aria-label={pick({ vi: x.labelVi, en: x.labelEn })} aria-valuemin={0} aria-valuemax={x.target} aria-valuenow={Math.min(x.achieved, x.target)}>
                <div style={{ width: `${Math.min(100, x.percent ?? 0)}%` }} />
              </div>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function RecentActs({ m }: { m: Member }): VNode | null {
  const acts = recentActs(m.field.view, 5);
  if (acts.length === 0) return null;
  return (
    <section class="card" aria-labelledby="acts-h">
      <h2 id="acts-h">{tf('field.home.recent')}</h2>
      <ul class="list-plain">
        {acts.map((a) => <li key={a.id}><span class="muted">{formatDateTime(a.occurredAt)}</span><br />{actSummary(m.field.view, a)}</li>)}
      </ul>
    </section>
  );
}

/** Signing out with unsent work would strand it: the member is told, and the data stays unless nothing waits. */
function SignOut({ m }: { m: Member }): VNode {
  const [asking, setAsking] = useState(false);
  const waiting = countOutbox(m.field.outbox);
  const unsent = waiting.pending + waiting.needsAttention + m.field.attachments.filter((a) => a.state === 'pending').length;
  const out = async () => {
    if (unsent > 0 && !asking) return setAsking(true);
    await signOutField(unsent === 0);
    navigate('/to-cong-nghe/dang-nhap', { replace: true });
  };
  return (
    <section class="card" aria-labelledby="account-h">
      <h2 id="account-h">{tf('field.home.account')}</h2>
      <p class="muted">{tf('field.home.privacy')}</p>
      {asking && <Alert tone="warn">{tf('field.home.unsentWarning', { n: unsent })}</Alert>}
      <Button variant={asking ? 'danger' : 'secondary'} onClick={() => void out()}>{asking ? tf('field.home.signOutAnyway') : tf('field.home.signOut')}</Button>
    </section>
  );
}
