import { useField, type FieldData } from './field-store';
import { useSession, type FieldMe } from './session';

export interface Member {
  me: FieldMe;
  field: FieldData;
  /** Team leaders, and the commune leader or admin: they see the team's work and settle conflicts (decision 0011 §2). */
  isLeader: boolean;
  /** This year in Vietnam: ages (adult 18+, elderly 60+) count from it. */
  year: number;
}

/** The signed-in member and their data on this phone; undefined while it loads. */
export function useMember(): Member | undefined {
  const session = useSession();
  const field = useField();
  if (session.status !== 'ready' || !field) return undefined;
  const isLeader = session.me.role !== 'volunteer' || field.team?.member.isLeader === true;
  return { me: session.me, field, isLeader, year: vietnamYear() };
}

export const villageName = (field: FieldData, id: string | null | undefined) => field.view.villages.find((v) => v.id === id)?.name ?? '';

/** The calendar year in Asia/Ho_Chi_Minh (UTC+7 all year), whatever the phone's time zone. */
export const vietnamYear = (now = Date.now()) => new Date(now + 7 * 3_600_000).getUTCFullYear();
