import { maskIdNumber, maskPhone } from '../../shared/validation';
import type { HouseholdRow, PersonRow } from './households.schema';
import type { Readiness } from '../../shared/field/readiness';

/** Lists and views mask phones and ID numbers (Decree 13/2023); the full values need the audited reveal. */
export function toPersonView(p: PersonRow) {
  return {
    id: p.id, householdId: p.householdId, fullName: p.fullName, birthYear: p.birthYear, sex: p.sex as 'male' | 'female' | null,
    relation: p.relation, isHead: p.isHead, phone: p.phone ? maskPhone(p.phone) : null, idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null,
    readiness: readinessOf(p), version: p.version,
  };
}

export function readinessOf(p: PersonRow): Readiness {
  return {
    smartphone: p.smartphone as Readiness['smartphone'], zalo: p.zalo, vneid: p.vneid as Readiness['vneid'], portalAccount: p.portalAccount,
    bankOrMobileMoney: p.bankOrMobileMoney, fibreAtHome: p.fibreAtHome, skill: p.skill as Readiness['skill'],
    supportNeeds: p.supportNeeds as Readiness['supportNeeds'],
  };
}

export function toHouseholdView(h: HouseholdRow, people: PersonRow[], villageName: string) {
  return {
    id: h.id, villageId: h.villageId, villageName, headName: h.headName, address: h.address, notes: h.notes, version: h.version,
    updatedAt: h.updatedAt.toISOString(),
    members: people.sort((a, b) => Number(b.isHead) - Number(a.isHead) || (a.birthYear ?? 0) - (b.birthYear ?? 0)).map(toPersonView),
  };
}

/** A history value of a phone or ID number is masked like the record itself. */
export function maskHistoryValue(field: string, v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (field === 'phone') return maskPhone(v);
  if (field === 'idNumber') return maskIdNumber(v);
  return v;
}
