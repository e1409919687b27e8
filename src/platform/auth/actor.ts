export const staffRoles = ['officer', 'specialist', 'leader', 'commune_admin', 'volunteer', 'province_viewer'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffActor {
  kind: 'staff';
  accountId: string;
  username: string;
  fullName: string;
  role: StaffRole;
  /** null for province-level accounts, which see every commune of their province. */
  communeCode: string | null;
  provinceCode: string;
}

export interface CitizenActor {
  kind: 'citizen';
  accountId: string;
  phone: string;
}

export type Actor = StaffActor | CitizenActor;

export function isStaff(actor: Actor | undefined): actor is StaffActor {
  return actor?.kind === 'staff';
}

export function isCitizen(actor: Actor | undefined): actor is CitizenActor {
  return actor?.kind === 'citizen';
}
