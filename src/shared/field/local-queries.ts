/**
 * Lists the field app computes on the phone from its local state, so they work with no connection: households of a
 * village, search ignoring diacritics, the duplicate warning and targeting lists. The rules are the server's own
 * (`readiness.ts`, the folded head name of `households.service`), so the phone and the server agree. Pure.
 */
import { compareVietnamese } from '../text/collate';
import { foldedWords, foldVietnamese } from '../text/fold';
import type { LocalHousehold, LocalPerson, LocalState } from './local-store';
import { householdMatches, isAdult, isElderly, type TargetNeed } from './readiness';

export interface HouseholdRow extends LocalHousehold {
  members: LocalPerson[];
  hasElderly: boolean;
}

export function membersOf(state: LocalState, householdId: string): LocalPerson[] {
  return Object.values(state.people)
    .filter((p) => p.householdId === householdId)
    .sort((a, b) => Number(b.isHead) - Number(a.isHead) || (a.birthYear ?? 0) - (b.birthYear ?? 0));
}

function rowOf(h: LocalHousehold, members: LocalPerson[], year: number): HouseholdRow {
  return { ...h, members, hasElderly: members.some((m) => isElderly({ birthYear: m.birthYear, supportNeeds: m.readiness.supportNeeds }, year)) };
}

function groupPeople(state: LocalState): Map<string, LocalPerson[]> {
  const out = new Map<string, LocalPerson[]>();
  for (const p of Object.values(state.people)) {
    const list = out.get(p.householdId);
    if (list) list.push(p);
    else out.set(p.householdId, [p]);
  }
  return out;
}

/**
 * Households of one village (or all of mine), sorted by the head's name in Vietnamese order; with a query, those
 * where every typed word starts a word of the head's name, a member's name or the address, accents optional:
 * "nguyen thi h" finds "Nguyễn Thị Hạnh".
 */
export function searchHouseholds(state: LocalState, opts: { villageId?: string; query?: string; year: number }): HouseholdRow[] {
  const words = foldedWords(opts.query ?? '');
  const people = groupPeople(state);
  const rows: HouseholdRow[] = [];
  for (const h of Object.values(state.households)) {
    if (opts.villageId && h.villageId !== opts.villageId) continue;
    const members = people.get(h.id) ?? [];
    if (words.length && !matchesWords(words, [h.headName, h.address ?? '', ...members.map((m) => m.fullName)])) continue;
    rows.push(rowOf(h, members, opts.year));
  }
  return rows.sort((a, b) => compareVietnamese(a.headName, b.headName));
}

function matchesWords(words: string[], texts: string[]): boolean {
  const haystack = texts.flatMap((t) => foldedWords(t));
  return words.every((w) => haystack.some((h) => h.startsWith(w)));
}

/** People of my villages whose name matches (for "for whom" in the support log), at most `limit`. */
export function searchPeople(state: LocalState, query: string, limit = 20): LocalPerson[] {
  const words = foldedWords(query);
  if (words.length === 0) return [];
  return Object.values(state.people)
    .filter((p) => matchesWords(words, [p.fullName]))
    .sort((a, b) => compareVietnamese(a.fullName, b.fullName))
    .slice(0, limit);
}

/** The duplicate rule: the same head's name ignoring diacritics, in the same village. */
export function findLocalDuplicates(state: LocalState, villageId: string, headName: string): LocalHousehold[] {
  const folded = foldVietnamese(headName);
  if (!folded) return [];
  return Object.values(state.households).filter((h) => h.villageId === villageId && foldVietnamese(h.headName) === folded);
}

/**
 * A targeting list (e.g. households where no adult has a portal account): the elderly first (they need a visit
 * most), then by name. Adults are 18+ or of unknown age, as the server counts them.
 */
export function targetHouseholds(state: LocalState, need: TargetNeed, year: number, villageId?: string): HouseholdRow[] {
  const people = groupPeople(state);
  const out: HouseholdRow[] = [];
  for (const h of Object.values(state.households)) {
    if (villageId && h.villageId !== villageId) continue;
    const members = people.get(h.id) ?? [];
    const adults = members.filter((m) => isAdult(m.birthYear, year)).map((m) => m.readiness);
    if (householdMatches(need, adults)) out.push(rowOf(h, members, year));
  }
  return out.sort((a, b) => Number(b.hasElderly) - Number(a.hasElderly) || compareVietnamese(a.headName, b.headName));
}

/** Acts of my villages, newest first. */
export function recentActs(state: LocalState, limit = 50) {
  return Object.values(state.acts).sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0)).slice(0, limit);
}
