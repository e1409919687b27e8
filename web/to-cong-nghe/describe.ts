import type { LocalAct, LocalState } from '../../src/shared/field/local-store';
import type { OutboxItem } from '../../src/shared/field/outbox';
import { readinessLabels } from '../../src/shared/field/readiness';
import { supportKinds, supportLabels, supportOutcomes, supportPlaces } from '../../src/shared/field/support-kinds';
import { pick } from '../lib/i18n';
import { tf } from './i18n';

/** Words for codes: the same labels the server reports with (shared/field/support-kinds.ts). */
export const labelOf = (code: string) => pick((supportLabels as Record<string, { vi: string; en: string }>)[code] ?? readinessLabels[code]) || code;

export const placeChoices = () => supportPlaces.map((v) => ({ value: v, label: labelOf(v) }));
export const kindChoices = () => supportKinds.map((v) => ({ value: v, label: labelOf(v) }));
export const outcomeChoices = () => supportOutcomes.map((v) => ({ value: v, label: labelOf(v) }));

const personName = (view: LocalState, id: unknown) => (typeof id === 'string' ? view.people[id]?.fullName : undefined);

export function actSummary(view: LocalState, a: LocalAct): string {
  const who = personName(view, a.personId) ?? tf('field.log.walkIn');
  return `${a.kinds.map(labelOf).join(', ')} · ${who} · ${labelOf(a.place)} · ${tf('field.log.minutes', { n: a.durationMinutes })}`;
}

type P = Record<string, unknown>;

/** One line saying what an outbox item is, in the member's words. */
export function describeCommand(item: Pick<OutboxItem, 'type' | 'payload'>, view: LocalState): string {
  const p = (item.payload ?? {}) as P;
  switch (item.type) {
    case 'support_act.log':
      return tf('field.cmd.act', { kinds: ((p.kinds as string[]) ?? []).map(labelOf).join(', '), who: personName(view, p.personId) ?? tf('field.log.walkIn') });
    case 'household.create': {
      const head = ((p.members as P[]) ?? []).find((x) => x.isHead);
      return tf('field.cmd.newHousehold', { name: String(head?.fullName ?? '') });
    }
    case 'household.update':
      return tf('field.cmd.editHousehold', { name: view.households[String(p.householdId)]?.headName ?? '' });
    case 'person.update':
      return tf('field.cmd.editPerson', { name: personName(view, p.personId) ?? '' });
    case 'person.add':
      return tf('field.cmd.addPerson', { name: String((p.person as P)?.fullName ?? '') });
    case 'consent.record':
      return tf('field.cmd.consent', { name: String((p.subject as P)?.fullName ?? '') });
    case 'dossier.assist':
      return tf('field.cmd.assist', { name: String(((p.dossier as P)?.applicant as P)?.fullName ?? ''), code: String((p.dossier as P)?.procedureCode ?? '') });
    default:
      return item.type;
  }
}

/** Which refused commands the app can reopen in a form to correct (the others can only be discarded). */
export function fixHref(item: OutboxItem): string | undefined {
  if (item.type === 'support_act.log') return `/to-cong-nghe/ghi?sua=${item.commandId}`;
  if (item.type === 'household.create') return `/to-cong-nghe/ho/moi?sua=${item.commandId}`;
  return undefined;
}
