import { foldVietnamese } from '../../../shared/text';
import type { Skill, Smartphone, SupportNeed, Vneid } from '../../../shared/field/readiness';

/**
 * Column headers as people write them in a village spreadsheet, folded (no diacritics, lower
 * case), in Vietnamese first and English second. Pure.
 */
export const COLUMN_ALIASES = {
  household: ['ma ho', 'so ho', 'ho so', 'stt ho', 'household', 'household key'],
  village: ['thon', 'thon to dan pho', 'thon to', 'to dan pho', 'village'],
  address: ['dia chi', 'address'],
  fullName: ['ho va ten', 'ho ten', 'full name', 'name'],
  relation: ['quan he voi chu ho', 'quan he', 'relation', 'relationship'],
  birthYear: ['nam sinh', 'birth year', 'year of birth'],
  sex: ['gioi tinh', 'sex'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'phone'],
  idNumber: ['so cccd', 'cccd', 'so dinh danh', 'so dinh danh ca nhan', 'id number'],
  smartphone: ['dien thoai thong minh', 'smartphone'],
  zalo: ['zalo'],
  vneid: ['vneid', 'muc vneid', 'tai khoan vneid'],
  portalAccount: ['tai khoan dvc', 'tai khoan dich vu cong', 'tai khoan cong dvc', 'portal account'],
  bankOrMobileMoney: ['ngan hang vi dien tu', 'ngan hang hoac vi', 'tai khoan ngan hang', 'ngan hang', 'bank or mobile money', 'bank'],
  fibreAtHome: ['cap quang', 'internet cap quang', 'fibre', 'fiber'],
  skill: ['ky nang', 'muc ky nang', 'skill'],
  supportNeeds: ['nhu cau ho tro', 'can ho tro', 'doi tuong', 'support needs'],
} as const;
export type Column = keyof typeof COLUMN_ALIASES;

/** The header the template uses for each column (what we write, and what we read back). */
export const TEMPLATE_HEADERS: Record<Column, string> = {
  household: 'Mã hộ', village: 'Thôn', address: 'Địa chỉ', fullName: 'Họ và tên', relation: 'Quan hệ với chủ hộ', birthYear: 'Năm sinh',
  sex: 'Giới tính', phone: 'Số điện thoại', idNumber: 'Số CCCD', smartphone: 'Điện thoại thông minh', zalo: 'Zalo', vneid: 'VNeID',
  portalAccount: 'Tài khoản DVC', bankOrMobileMoney: 'Ngân hàng/ví điện tử', fibreAtHome: 'Cáp quang', skill: 'Kỹ năng', supportNeeds: 'Nhu cầu hỗ trợ',
};

/** Maps each known column to its index in the header row; unknown headers are ignored. */
export function mapHeader(header: string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const folded = foldVietnamese(h);
    for (const [col, aliases] of Object.entries(COLUMN_ALIASES) as [Column, readonly string[]][]) {
      if (out[col] === undefined && aliases.includes(folded)) out[col] = i;
    }
  });
  return out;
}

/** undefined = not understood (an error for the row), null = left empty. */
type Parsed<T> = T | null | undefined;

const YES = ['co', 'x', 'yes', 'y', '1', 'true', 'c', 'da co'];
const NO = ['khong', 'no', 'n', '0', 'false', 'k', 'chua', 'chua co'];

export function parseYesNo(s: string): Parsed<boolean> {
  const f = foldVietnamese(s);
  if (f === '') return null;
  if (YES.includes(f)) return true;
  if (NO.includes(f)) return false;
  return undefined;
}

export function parseSmartphone(s: string): Parsed<Smartphone> {
  const f = foldVietnamese(s);
  if (f === '') return null;
  if (['pho thong', 'cuc gach', 'basic', 'basic phone', 'dien thoai thuong'].includes(f)) return 'basic_phone';
  const yn = parseYesNo(s);
  if (yn === true || f === 'thong minh') return 'yes';
  if (yn === false) return 'no';
  return undefined;
}

export function parseVneid(s: string): Parsed<Vneid> {
  const f = foldVietnamese(s);
  if (f === '') return null;
  if (['khong', 'chua', 'chua co', 'none', 'no'].includes(f)) return 'none';
  if (['da cai', 'cai dat', 'da cai dat', 'installed', 'chua kich hoat'].includes(f)) return 'installed';
  if (['muc 1', '1', 'level 1', 'level1', 'm1'].includes(f)) return 'level1';
  if (['muc 2', '2', 'level 2', 'level2', 'm2'].includes(f)) return 'level2';
  return undefined;
}

export function parseSkill(s: string): Parsed<Skill> {
  const f = foldVietnamese(s);
  if (f === '') return null;
  if (['can ho tro hoan toan', 'can ho tro', 'khong biet', 'needs full help', 'full help'].includes(f)) return 'needs_full_help';
  if (['lam duoc khi co huong dan', 'can huong dan', 'co huong dan', 'with guidance', 'guidance'].includes(f)) return 'with_guidance';
  if (['tu lam duoc', 'tu lam', 'thanh thao', 'independent'].includes(f)) return 'independent';
  return undefined;
}

const NEEDS: Record<string, SupportNeed> = {
  'nguoi cao tuoi': 'elderly', 'cao tuoi': 'elderly', elderly: 'elderly',
  'khuyet tat': 'disability', 'nguoi khuyet tat': 'disability', disability: 'disability',
  'tieng dan toc': 'ethnic_minority_language', 'dan toc': 'ethnic_minority_language', 'can tieng dan toc': 'ethnic_minority_language', ethnic: 'ethnic_minority_language',
};

export function parseSupportNeeds(s: string): Parsed<SupportNeed[]> {
  const parts = s.split(/[;,/|]/).map(foldVietnamese).filter(Boolean);
  const mapped = parts.map((p) => NEEDS[p]);
  if (mapped.some((m) => !m)) return undefined;
  return [...new Set(mapped as SupportNeed[])].sort();
}

export function parseSex(s: string): Parsed<'male' | 'female'> {
  const f = foldVietnamese(s);
  if (f === '') return null;
  if (['nam', 'male', 'm'].includes(f)) return 'male';
  if (['nu', 'female', 'f'].includes(f)) return 'female';
  return undefined;
}

export function isHeadRelation(s: string): boolean {
  return ['chu ho', 'head', 'household head'].includes(foldVietnamese(s));
}
