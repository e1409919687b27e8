import type { PersonInput } from '../households.contracts';
import type { DemoRandom } from './random';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hồ', 'Đinh', 'Võ', 'Huỳnh', 'Bùi', 'Đặng', 'Hà', 'Ngô'];
const MALE = ['Văn Bình', 'Văn Cường', 'Minh Đức', 'Văn Hải', 'Quốc Hùng', 'Văn Long', 'Thanh Nam', 'Văn Phúc', 'Văn Sơn', 'Đức Tâm', 'Văn Toàn', 'Văn Trọng'];
const FEMALE = ['Thị Hoa', 'Thị Lan', 'Thị Mai', 'Thị Hạnh', 'Thị Hương', 'Thị Liên', 'Thị Nga', 'Thị Thu', 'Thị Yến', 'Thị Xuân', 'Ngọc Ánh', 'Thị Bích'];
/** Thôn Vàng and Thôn Trà Phong: mountain villages where many elders speak Cor or H're first. */
export const MINORITY_VILLAGES = ['Thôn Vàng', 'Thôn Trà Phong'];

export interface DemoHouseholdPlan {
  members: PersonInput[];
  fibre: boolean;
}

function name(rnd: DemoRandom, family: string, sex: 'male' | 'female'): string {
  return `${family} ${rnd.pick(sex === 'male' ? MALE : FEMALE)}`;
}

function phone(rnd: DemoRandom): string {
  return `0${rnd.pick(['3', '9', '7'])}${String(rnd.int(10_000_000, 99_999_999))}`;
}

/** A made-up household with readiness that follows age: elders mostly offline, the young mostly online. */
export function makeDemoHousehold(rnd: DemoRandom, year: number, villageName: string, headPhone?: string): DemoHouseholdPlan {
  const family = rnd.pick(FAMILY);
  const headAge = rnd.int(28, 85);
  const headSex = rnd.chance(0.75) ? 'male' : 'female';
  const fibre = rnd.chance(headAge > 65 ? 0.15 : 0.45);
  const minority = MINORITY_VILLAGES.includes(villageName);
  const members: PersonInput[] = [person(rnd, year, name(rnd, family, headSex), headAge, headSex, 'Chủ hộ', true, fibre, minority, headPhone)];
  if (headAge < 75 || rnd.chance(0.5)) {
    const spouseSex = headSex === 'male' ? 'female' : 'male';
    members.push(person(rnd, year, name(rnd, rnd.pick(FAMILY), spouseSex), Math.max(20, headAge + rnd.int(-6, 3)), spouseSex, headSex === 'male' ? 'Vợ' : 'Chồng', false, fibre, minority));
  }
  const children = headAge < 40 ? rnd.int(0, 3) : headAge < 65 ? rnd.int(1, 3) : rnd.int(0, 2);
  for (let i = 0; i < children; i++) {
    const sex = rnd.chance(0.5) ? 'male' : 'female';
    const age = Math.max(1, headAge - rnd.int(22, 34));
    members.push(person(rnd, year, name(rnd, family, sex), age, sex, 'Con', false, fibre, minority));
  }
  return { members, fibre };
}

function person(rnd: DemoRandom, year: number, fullName: string, age: number, sex: 'male' | 'female', relation: string, isHead: boolean, fibre: boolean, minority: boolean, fixedPhone?: string): PersonInput {
  const base = { fullName, birthYear: year - age, sex, relation, isHead, idNumber: null, supportNeeds: [] as PersonInput['supportNeeds'] };
  if (age < 18) {
    return { ...base, phone: null, smartphone: null, zalo: null, vneid: null, portalAccount: null, bankOrMobileMoney: null, fibreAtHome: null, skill: null };
  }
  const elder = age >= 60;
  const smart = rnd.chance(elder ? 0.3 : 0.85);
  const vneidRoll = rnd.next();
  const vneid = !smart ? 'none' : vneidRoll < (elder ? 0.15 : 0.4) ? 'level2' : vneidRoll < (elder ? 0.25 : 0.55) ? 'level1' : vneidRoll < 0.7 ? 'installed' : 'none';
  const needs: PersonInput['supportNeeds'] = [];
  if (elder) needs.push('elderly');
  if (rnd.chance(0.03)) needs.push('disability');
  if (minority && (elder || rnd.chance(0.2))) needs.push('ethnic_minority_language');
  return {
    ...base, supportNeeds: needs.sort(),
    phone: fixedPhone ?? (smart || rnd.chance(0.6) ? phone(rnd) : null),
    smartphone: smart ? 'yes' : rnd.chance(0.6) ? 'basic_phone' : 'no',
    zalo: smart && rnd.chance(0.85), vneid, portalAccount: smart && rnd.chance(elder ? 0.08 : 0.3), bankOrMobileMoney: smart && rnd.chance(elder ? 0.15 : 0.55),
    fibreAtHome: fibre, skill: !smart || (elder && rnd.chance(0.6)) ? 'needs_full_help' : rnd.chance(0.5) ? 'with_guidance' : 'independent',
  };
}
