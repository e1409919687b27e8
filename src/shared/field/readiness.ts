/**
 * Digital readiness of an adult, as the team records it door to door. Pure and free of
 * server imports, so the field app can use the same values and labels.
 */
export const smartphoneValues = ['yes', 'no', 'basic_phone'] as const;
export const vneidValues = ['none', 'installed', 'level1', 'level2'] as const;
export const skillValues = ['needs_full_help', 'with_guidance', 'independent'] as const;
export const supportNeedValues = ['elderly', 'disability', 'ethnic_minority_language'] as const;
export const sexValues = ['male', 'female'] as const;

export type Smartphone = (typeof smartphoneValues)[number];
export type Vneid = (typeof vneidValues)[number];
export type Skill = (typeof skillValues)[number];
export type SupportNeed = (typeof supportNeedValues)[number];

export interface Readiness {
  smartphone: Smartphone | null;
  zalo: boolean | null;
  vneid: Vneid | null;
  portalAccount: boolean | null;
  bankOrMobileMoney: boolean | null;
  fibreAtHome: boolean | null;
  skill: Skill | null;
  supportNeeds: SupportNeed[];
}

export const readinessFields = ['smartphone', 'zalo', 'vneid', 'portalAccount', 'bankOrMobileMoney', 'fibreAtHome', 'skill', 'supportNeeds'] as const;
export const personIdentityFields = ['fullName', 'birthYear', 'sex', 'relation', 'phone', 'idNumber'] as const;
export const editablePersonFields = [...personIdentityFields, ...readinessFields] as const;
export const editableHouseholdFields = ['address', 'notes'] as const;
export type EditablePersonField = (typeof editablePersonFields)[number];
export type EditableHouseholdField = (typeof editableHouseholdFields)[number];

export const readinessLabels: Record<string, { vi: string; en: string }> = {
  yes: { vi: 'Có điện thoại thông minh', en: 'Smartphone' },
  no: { vi: 'Không có điện thoại', en: 'No phone' },
  basic_phone: { vi: 'Điện thoại phổ thông', en: 'Basic phone' },
  none: { vi: 'Chưa có VNeID', en: 'No VNeID' },
  installed: { vi: 'Đã cài VNeID', en: 'VNeID installed' },
  level1: { vi: 'VNeID mức 1', en: 'VNeID level 1' },
  level2: { vi: 'VNeID mức 2', en: 'VNeID level 2' },
  needs_full_help: { vi: 'Cần hỗ trợ hoàn toàn', en: 'Needs full help' },
  with_guidance: { vi: 'Làm được khi có hướng dẫn', en: 'Can with guidance' },
  independent: { vi: 'Tự làm được', en: 'Independent' },
  elderly: { vi: 'Người cao tuổi', en: 'Elderly' },
  disability: { vi: 'Người khuyết tật', en: 'Disability' },
  ethnic_minority_language: { vi: 'Cần tiếng dân tộc', en: 'Ethnic-minority language' },
};

/** Người cao tuổi: from 60 (Luật Người cao tuổi 2009, Art. 2). */
export const ELDERLY_AGE = 60;
/** Readiness is asked of adults: 18 and over (Civil Code 2015, Art. 20). */
export const ADULT_AGE = 18;

export function isAdult(birthYear: number | null, year: number): boolean {
  return birthYear === null || year - birthYear >= ADULT_AGE;
}

export function isElderly(p: { birthYear: number | null; supportNeeds: readonly string[] }, year: number): boolean {
  return p.supportNeeds.includes('elderly') || (p.birthYear !== null && year - p.birthYear >= ELDERLY_AGE);
}

/** VNeID levels only go up through support: installing it never lowers an activated account. */
export function raiseVneid(current: Vneid | null, to: Vneid): Vneid {
  const rank = (v: Vneid | null) => (v ? vneidValues.indexOf(v) : -1);
  return rank(to) > rank(current) ? to : (current ?? to);
}

/** Targeting lists: households in which no adult has X yet. */
export const targetNeeds = ['no_portal_account', 'no_vneid_level2', 'no_smartphone', 'no_cashless', 'needs_full_help'] as const;
export type TargetNeed = (typeof targetNeeds)[number];

export function adultLacks(need: TargetNeed, p: Readiness): boolean {
  switch (need) {
    case 'no_portal_account': return p.portalAccount !== true;
    case 'no_vneid_level2': return p.vneid !== 'level2';
    case 'no_smartphone': return p.smartphone !== 'yes';
    case 'no_cashless': return p.bankOrMobileMoney !== true;
    case 'needs_full_help': return p.skill === 'needs_full_help';
  }
}

/** "needs_full_help" targets households with someone who needs it; the others, households where no adult has it. */
export function householdMatches(need: TargetNeed, adults: Readiness[]): boolean {
  if (adults.length === 0) return false;
  return need === 'needs_full_help' ? adults.some((a) => adultLacks(need, a)) : adults.every((a) => adultLacks(need, a));
}
