import type { VNode } from 'preact';
import { t } from '../../i18n';
import type { ApiError } from '../../lib/api/client';
import { getPublicItPoints, type PublicItPoints, type UpcomingShift } from '../../lib/api/teams';
import { getLang, useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { dayMonth, TelLink } from '../public/bits';
import { useLoad } from '../use-load';

type ItPoint = PublicItPoints['communePoints'][number];
const DAYS = 14;

/**
 * Public, no sign-in (issue 4): where and when the community digital team is on duty, and one number to call per
 * village. Shift days and hours come from the server already in commune time (Asia/Ho_Chi_Minh).
 */
export default function TeamHelpPage(props: { commune: string }): VNode {
  useLang();
  const { data, error, reload } = useLoad(() => getPublicItPoints(props.commune, DAYS), [props.commune]);
  return (
    <>
      <h1>{t('citizen.team.title')}</h1>
      <p>{t('citizen.team.intro')}</p>
      <p><Link href={`/bang-tin/${props.commune}`}>{t('citizen.home.bulletin')}</Link></p>
      {error && <LoadError error={error} retry={reload} />}
      {!data && !error && <Loading />}
      {data && <Schedule data={data} />}
    </>
  );
}

function LoadError(props: { error: ApiError; retry: () => void }): VNode {
  return <Alert tone="error">{props.error.userMessage} <Button variant="secondary" onClick={props.retry}>{t('common.retry')}</Button></Alert>;
}

function Schedule({ data }: { data: PublicItPoints }): VNode {
  if (!data.villages.length && !data.communePoints.length) return <p>{t('citizen.team.empty')}</p>;
  return (
    <>
      <section aria-labelledby="villages-h">
        <h2 id="villages-h">{t('citizen.team.callHeading')}</h2>
        <ul class="list-plain">
          {data.villages.map((v) => (
            <li key={v.villageId} class="card" data-village={v.villageId}>
              <h3>{v.villageName}</h3>
              {v.contactPhone ? <TelLink phone={v.contactPhone} /> : <p class="muted">{t('citizen.team.noPhone')}</p>}
              {v.itPoints.map((p) => <Point key={p.name} point={p} />)}
            </li>
          ))}
        </ul>
      </section>
      {data.communePoints.length > 0 && (
        <section aria-labelledby="commune-points-h">
          <h2 id="commune-points-h">{t('citizen.team.communePoints')}</h2>
          {data.communePoints.map((p) => <div class="card" key={p.name}><Point point={p} /></div>)}
        </section>
      )}
    </>
  );
}

function Point({ point }: { point: ItPoint }): VNode {
  return (
    <div data-it-point={point.name}>
      <p><strong>{point.name}</strong>{point.address && <><br /><span class="muted">{point.address}</span></>}</p>
      {point.nextShifts.length ? (
        <ul class="list-plain" aria-label={`${t('citizen.team.shiftsHeading')}: ${point.name}`}>
          {point.nextShifts.map((s) => <ShiftLine key={`${s.date}-${s.startTime}`} shift={s} />)}
        </ul>
      ) : <p class="muted">{t('citizen.team.noShift', { n: DAYS })}</p>}
    </div>
  );
}

function ShiftLine({ shift }: { shift: UpcomingShift }): VNode {
  const en = getLang() === 'en';
  const when = t('citizen.team.shiftTime', { weekday: en ? shift.weekdayEn : shift.weekdayVi, date: dayMonth(shift.date), from: shift.startTime, to: shift.endTime });
  const closed = en ? shift.closedReasonEn ?? shift.closedReasonVi : shift.closedReasonVi;
  return (
    <li data-shift={shift.date}>
      <span>{when}</span>
      <br />
      {closed ? <span class="badge badge-warn">{t('citizen.team.closed', { reason: closed })}</span>
        : shift.members.length > 0 && <span class="muted">{t('citizen.team.onDuty', { names: shift.members.join(', ') })}</span>}
    </li>
  );
}
