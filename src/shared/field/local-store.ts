/**
 * What a member's phone holds of their villages, and how pulled changes and the member's own unsent commands are
 * folded into it (decision 0011 §4). Pure and property-tested; the field app keeps the state in IndexedDB.
 *
 * - A snapshot replaces everything: after "resync" the phone drops what it may no longer see (Decree 13/2023:
 *   access limited to the villages one covers).
 * - Changes come oldest first and carry the record's current state: an upsert sets it, a delete removes it (and a
 *   removed household takes its people with it). Applying a page twice changes nothing.
 * - The view shown to the member = the server's state + the member's commands not yet confirmed by a pull
 *   (`overlayCommands`), so an edit made offline shows at once and never disappears before the server has it.
 */
import { raiseVneid, type Readiness, type Vneid } from './readiness';
import { readinessEffectsOf, type SupportKind, type SupportOutcome } from './support-kinds';

export interface Village { id: string; name: string }

export interface LocalHousehold {
  id: string;
  villageId: string;
  headName: string;
  address: string | null;
  notes: string | null;
  version: number;
  updatedAt: string;
}

export interface LocalPerson {
  id: string;
  householdId: string;
  villageId: string;
  fullName: string;
  birthYear: number | null;
  sex: 'male' | 'female' | null;
  relation: string | null;
  isHead: boolean;
  /** Masked by the server (098*****21): the phone never holds full numbers. */
  phone: string | null;
  idNumber: string | null;
  readiness: Readiness;
  version: number;
}

export interface LocalAct {
  id: string;
  villageId: string;
  householdId: string | null;
  personId: string | null;
  place: string;
  kinds: string[];
  outcome: string;
  durationMinutes: number;
  note: string | null;
  dossierCode: string | null;
  memberName: string;
  occurredAt: string;
}

export interface LocalCampaign {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: string;
  totals: { metric: string; labelVi: string; labelEn: string; target: number; achieved: number; percent: number | null }[];
}

export interface LocalState {
  villages: Village[];
  households: Record<string, LocalHousehold>;
  people: Record<string, LocalPerson>;
  acts: Record<string, LocalAct>;
  campaigns: Record<string, LocalCampaign>;
  /** Where the next pull starts; null before the first snapshot. */
  cursor: string | null;
  /** Epoch ms of the last successful pull or snapshot. */
  pulledAt: number;
}

export interface Snapshot {
  cursor: string;
  villages: Village[];
  households: LocalHousehold[];
  people: LocalPerson[];
  supportActs: LocalAct[];
  campaigns: LocalCampaign[];
}

export interface Change {
  seq: number;
  entity: string;
  id: string;
  op: 'upsert' | 'delete';
  data: Record<string, unknown> | null;
}

export const emptyState = (): LocalState => ({ villages: [], households: {}, people: {}, acts: {}, campaigns: {}, cursor: null, pulledAt: 0 });

const byId = <T extends { id: string }>(rows: T[]): Record<string, T> => Object.fromEntries(rows.map((r) => [r.id, r]));

export function applySnapshot(s: Snapshot, now: number): LocalState {
  return {
    villages: s.villages.map((v) => ({ id: v.id, name: v.name })),
    households: byId(s.households),
    people: byId(s.people),
    acts: byId(s.supportActs),
    campaigns: byId(s.campaigns),
    cursor: s.cursor,
    pulledAt: now,
  };
}

const TABLE: Record<string, 'households' | 'people' | 'acts' | 'campaigns'> = {
  household: 'households', person: 'people', support_act: 'acts', campaign: 'campaigns',
};

/** One page of changes, oldest first. Unknown entities are ignored (a newer server may send more kinds). */
export function applyChanges(state: LocalState, changes: readonly Change[], cursor: string, now: number, villages?: Village[]): LocalState {
  const next: LocalState = {
    ...state, households: { ...state.households }, people: { ...state.people }, acts: { ...state.acts }, campaigns: { ...state.campaigns },
    cursor, pulledAt: now, villages: villages ?? state.villages,
  };
  for (const c of [...changes].sort((a, b) => a.seq - b.seq)) {
    const table = TABLE[c.entity];
    if (!table) continue;
    const rows = next[table] as Record<string, unknown>;
    if (c.op === 'upsert' && c.data) rows[c.id] = { ...c.data, id: c.id };
    else delete rows[c.id];
    if (c.entity === 'household' && c.op === 'delete') {
      for (const p of Object.values(next.people)) if (p.householdId === c.id) delete next.people[p.id];
    }
  }
  return next;
}

type Payload = Record<string, unknown>;
interface FieldChange { field: string; to?: unknown }

/**
 * The member's own commands on top of the server's state, in the order they were made: what the member sees until
 * a pull confirms them. Predicts the server (the same readiness effects of a support act), and does nothing for a
 * command whose record is not on the phone.
 */
export function overlayCommands(state: LocalState, commands: readonly { type: string; payload: unknown; deviceAt: string }[], memberName = ''): LocalState {
  if (commands.length === 0) return state;
  const s: LocalState = { ...state, households: { ...state.households }, people: { ...state.people }, acts: { ...state.acts } };
  for (const c of commands) applyOne(s, c.type, (c.payload ?? {}) as Payload, c.deviceAt, memberName);
  return s;
}

function applyOne(s: LocalState, type: string, p: Payload, deviceAt: string, memberName: string): void {
  switch (type) {
    case 'household.create': return createHousehold(s, p, deviceAt);
    case 'household.update': return editRecord(s.households, String(p.householdId), p.changes as FieldChange[]);
    case 'household.remove': return removeHousehold(s, String(p.id));
    case 'person.add': return addPerson(s, String(p.householdId), p.person as Payload);
    case 'person.update': return editPerson(s, String(p.personId), p.changes as FieldChange[]);
    case 'person.remove': delete s.people[String(p.id)]; return;
    case 'support_act.log': return logAct(s, p, deviceAt, memberName);
  }
}

function createHousehold(s: LocalState, p: Payload, deviceAt: string): void {
  const id = String(p.id ?? '');
  const members = (p.members as Payload[] | undefined) ?? [];
  const head = members.find((m) => m.isHead) ?? members[0];
  if (!id || !head || s.households[id]) return;
  s.households[id] = {
    id, villageId: String(p.villageId), headName: String(head.fullName), address: (p.address as string | null) ?? null,
    notes: (p.notes as string | null) ?? null, version: 0, updatedAt: deviceAt,
  };
  for (const m of members) addPerson(s, id, m);
}

function toPerson(householdId: string, villageId: string, m: Payload): LocalPerson {
  const r = (k: string) => (m[k] ?? null) as never;
  return {
    id: String(m.id), householdId, villageId, fullName: String(m.fullName), birthYear: r('birthYear'), sex: r('sex'), relation: r('relation'),
    isHead: m.isHead === true, phone: maskForDevice(m.phone), idNumber: m.idNumber ? '***' : null, version: 0,
    readiness: {
      smartphone: r('smartphone'), zalo: r('zalo'), vneid: r('vneid'), portalAccount: r('portalAccount'), bankOrMobileMoney: r('bankOrMobileMoney'),
      fibreAtHome: r('fibreAtHome'), skill: r('skill'), supportNeeds: ((m.supportNeeds as string[] | undefined) ?? []) as Readiness['supportNeeds'],
    },
  };
}

/** The phone keeps what the server would send: a masked number (first 3 and last 2 digits). */
function maskForDevice(v: unknown): string | null {
  if (typeof v !== 'string' || v.length < 6) return null;
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 5)}${v.slice(-2)}`;
}

function addPerson(s: LocalState, householdId: string, m: Payload): void {
  const h = s.households[householdId];
  if (!h || !m?.id || s.people[String(m.id)]) return;
  s.people[String(m.id)] = toPerson(householdId, h.villageId, m);
}

function removeHousehold(s: LocalState, id: string): void {
  delete s.households[id];
  for (const p of Object.values(s.people)) if (p.householdId === id) delete s.people[p.id];
}

function editRecord<T extends object>(rows: Record<string, T>, id: string, changes: FieldChange[] | undefined): void {
  const row = rows[id];
  if (!row || !changes) return;
  rows[id] = { ...row, ...Object.fromEntries(changes.map((c) => [c.field, c.to ?? null])) };
}

const READINESS = new Set(['smartphone', 'zalo', 'vneid', 'portalAccount', 'bankOrMobileMoney', 'fibreAtHome', 'skill', 'supportNeeds']);

function editPerson(s: LocalState, id: string, changes: FieldChange[] | undefined): void {
  const p = s.people[id];
  if (!p || !changes) return;
  const readiness = { ...p.readiness };
  const identity: Payload = {};
  for (const c of changes) {
    if (READINESS.has(c.field)) (readiness as Payload)[c.field] = c.to ?? (c.field === 'supportNeeds' ? [] : null);
    else if (c.field === 'phone') identity.phone = maskForDevice(c.to);
    else if (c.field === 'idNumber') identity.idNumber = c.to ? '***' : null;
    else identity[c.field] = c.to ?? null;
  }
  s.people[id] = { ...p, ...identity, readiness };
}

function logAct(s: LocalState, p: Payload, deviceAt: string, memberName: string): void {
  const id = String(p.id ?? '');
  const person = p.personId ? s.people[String(p.personId)] : undefined;
  const household = p.householdId ? s.households[String(p.householdId)] : undefined;
  const villageId = person?.villageId ?? household?.villageId ?? (p.villageId as string | undefined);
  if (!id || !villageId || s.acts[id]) return;
  const kinds = ((p.kinds as string[] | undefined) ?? []).filter((k, i, a) => a.indexOf(k) === i);
  const outcome = (p.outcome as string | undefined) ?? 'done';
  s.acts[id] = {
    id, villageId, householdId: person?.householdId ?? household?.id ?? null, personId: person?.id ?? null, place: String(p.place), kinds, outcome,
    durationMinutes: Number(p.durationMinutes), note: (p.note as string | undefined) ?? null, dossierCode: null, memberName, occurredAt: deviceAt,
  };
  if (!person) return;
  const effects = readinessEffectsOf(kinds as SupportKind[], outcome as SupportOutcome);
  const readiness = { ...person.readiness, ...effects };
  if (effects.vneid) readiness.vneid = raiseVneid(person.readiness.vneid, effects.vneid as Vneid);
  s.people[person.id] = { ...person, readiness };
}
