import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { campaignMetrics, metricLabels } from '../../../src/shared/field/support-kinds';
import { ApiError, fieldErrors } from '../../lib/api/client';
import { pick } from '../../lib/i18n';
import { Alert, Button, TextField } from '../../ui/components';
import { tp } from '../i18n/plan';
import { createCampaign, type CampaignInput } from '../plan-api';
import type { Member } from '../store/member';

type Targets = Record<string, string>;
const targetKey = (villageId: string, metric: string) => `${villageId}:${metric}`;

/**
 * A new campaign: name, period, and a target per village and metric (empty = none). The server validates; its field
 * errors are shown next to the boxes they concern (targets.N.target is mapped back to its box), and nothing typed is lost.
 */
export function CampaignForm(props: { m: Member; onCreated: () => void }): VNode {
  const villages = props.m.field.view.villages;
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [targets, setTargets] = useState<Targets>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const keys = Object.keys(targets).filter((k) => targets[k]!.trim() !== '');
    const body: CampaignInput = {
      name, startsOn: from, endsOn: to,
      targets: keys.map((k) => {
        const [villageId, metric] = k.split(':') as [string, (typeof campaignMetrics)[number]];
        return { villageId, metric, target: Number(targets[k]) };
      }),
    };
    setBusy(true);
    setMessage(undefined);
    try {
      const c = await createCampaign(props.m.me.communeCode, body);
      setErrors({});
      setName(''); setFrom(''); setTo(''); setTargets({});
      setMessage({ tone: 'ok', text: tp('plan.campaigns.created', { name: c.name }) });
      props.onCreated();
    } catch (err) {
      const found = fieldErrors(err);
      const mapped: Record<string, string> = {};
      for (const [path, text] of Object.entries(found)) {
        const t = /^targets\.(\d+)/.exec(path);
        mapped[t ? keys[Number(t[1])] ?? 'targets' : path] = pick(text);
      }
      setErrors(mapped);
      setMessage({ tone: 'error', text: Object.keys(mapped).length ? tp('plan.campaigns.fix') : err instanceof ApiError ? err.userMessage : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-campaign-h">
      <h2 id="new-campaign-h">{tp('plan.campaigns.new')}</h2>
      <TextField id="c-name" label={tp('plan.campaigns.name')} required value={name} onValue={setName} error={errors.name} maxLength={200} />
      <TextField id="c-from" type="date" label={tp('plan.campaigns.from')} required value={from} onValue={setFrom} error={errors.startsOn} />
      <TextField id="c-to" type="date" label={tp('plan.campaigns.to')} required value={to} onValue={setTo} error={errors.endsOn} />
      <h3>{tp('plan.campaigns.targets')}</h3>
      <p class="help">{tp('plan.campaigns.targetsHelp')}</p>
      {errors.targets && <Alert tone="error">{errors.targets}</Alert>}
      {villages.map((v) => (
        <fieldset key={v.id} class="targets">
          <legend>{v.name}</legend>
          {campaignMetrics.map((metric) => {
            const k = targetKey(v.id, metric);
            return (
              <TextField key={k} id={`t-${v.id}-${metric}`} type="number" inputMode="numeric" noOptionalMark
                label={pick(metricLabels[metric])} value={targets[k] ?? ''} error={errors[k]}
                onValue={(val) => setTargets((all) => ({ ...all, [k]: val }))} />
            );
          })}
        </fieldset>
      ))}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="submit" busy={busy}>{tp('plan.campaigns.submit')}</Button>
    </form>
  );
}
