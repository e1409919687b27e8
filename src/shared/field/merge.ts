/**
 * Field-by-field merge of offline edits (architecture notes: the server has the final say).
 *
 * Every field carries a clock: the device time of its last write and the command that made
 * it. An edit says which value it started from (`base`). Then:
 *  - it starts from the current value → it follows what it saw: applied;
 *  - it sets the value that is already there → nothing to do ('same');
 *  - otherwise someone else changed the field meanwhile: a real conflict. The later device
 *    time wins (last writer wins, per field); equal times are broken by the larger command
 *    id, so any arrival order gives the same result. Both edits stay in the history and the
 *    conflict goes to the team leader's list.
 * An 'assert' write (a support act: "account created") has no base: it wins when it is the
 * later write, and is otherwise kept in history only, without a conflict.
 * Pure: property-tested, and usable by the field app to predict the outcome.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Clock {
  at: string;
  cmd: string;
  by?: string;
}
export type FieldClocks = Record<string, Clock>;

export interface FieldWrite {
  field: string;
  value: Json;
  clock: Clock;
  mode: 'edit' | 'assert';
  /** The value the editor started from (mode 'edit'). */
  base?: Json;
}

export type MergeOutcome = 'applied' | 'same' | 'superseded';

export interface FieldDecision {
  field: string;
  outcome: MergeOutcome;
  conflict: boolean;
  previous: Json;
  next: Json;
  nextClock: Clock | undefined;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function compareClocks(a: Clock | undefined, b: Clock | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  const t = Date.parse(a.at) - Date.parse(b.at);
  if (t !== 0) return t;
  return a.cmd < b.cmd ? -1 : a.cmd > b.cmd ? 1 : 0;
}

const later = (a: Clock | undefined, b: Clock) => (compareClocks(a, b) >= 0 ? a! : b);

export function decideField(current: Json, clock: Clock | undefined, w: FieldWrite): FieldDecision {
  const base = { field: w.field, previous: current };
  if (jsonEqual(w.value, current)) return { ...base, outcome: 'same', conflict: false, next: current, nextClock: later(clock, w.clock) };
  const newer = compareClocks(w.clock, clock) > 0;
  if (w.mode === 'assert') {
    return newer
      ? { ...base, outcome: 'applied', conflict: false, next: w.value, nextClock: w.clock }
      : { ...base, outcome: 'superseded', conflict: false, next: current, nextClock: clock };
  }
  if (jsonEqual(w.base ?? null, current)) return { ...base, outcome: 'applied', conflict: false, next: w.value, nextClock: w.clock };
  return newer
    ? { ...base, outcome: 'applied', conflict: true, next: w.value, nextClock: w.clock }
    : { ...base, outcome: 'superseded', conflict: true, next: current, nextClock: clock };
}

/** Decides each write against the record as it is after the ones before it. */
export function mergeWrites(record: Record<string, Json>, clocks: FieldClocks, writes: FieldWrite[]) {
  const values = { ...record };
  const nextClocks = { ...clocks };
  const decisions: FieldDecision[] = [];
  for (const w of writes) {
    // '*' is the clock of the whole record's creation: the base of fields never edited since.
    const d = decideField(values[w.field] ?? null, nextClocks[w.field] ?? nextClocks['*'], w);
    decisions.push(d);
    values[w.field] = d.next;
    if (d.nextClock) nextClocks[w.field] = d.nextClock;
  }
  return { values, clocks: nextClocks, decisions };
}
