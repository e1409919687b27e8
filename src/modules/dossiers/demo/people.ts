import type { Random } from './random';

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const middleNames = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thanh', 'Quốc', 'Thu'];
const givenNames = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];

export interface DemoPerson {
  fullName: string;
  idNumber: string;
  phone: string;
}

/** Made-up people: ID numbers start with Quảng Ngãi's code 051, phones in the 03x/09x ranges. */
export function makePerson(rnd: Random, demoPhones: readonly string[]): DemoPerson {
  const fullName = `${rnd.pick(familyNames)} ${rnd.pick(middleNames)} ${rnd.pick(givenNames)}`;
  const year = rnd.int(40, 99);
  const idNumber = `051${rnd.pick(['0', '1'])}${year}${String(rnd.int(0, 999_999)).padStart(6, '0')}`;
  const phone = demoPhones.length && rnd.chance(0.15) ? rnd.pick(demoPhones) : `0${rnd.pick(['3', '9'])}${String(rnd.int(10_000_000, 99_999_999))}`;
  return { fullName, idNumber, phone };
}
