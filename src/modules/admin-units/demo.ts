import type { VillageKind } from './village-kinds';

/**
 * The demo commune: Xã Trà Bồng, Quảng Ngãi (code 21115 in QĐ 19/2025/QĐ-TTg, checked
 * against data/admin-units-2025.json). A real mountain commune, so demo data looks
 * like the communes the product is for.
 */
export const DEMO_PROVINCE_CODE = '51';
export const DEMO_COMMUNE_CODE = '21115';

/** Village names are illustrative, not the commune's official list; phones are fake demo numbers. */
export const DEMO_VILLAGES: { name: string; kind: VillageKind; contactPhone: string }[] = [
  { name: 'Thôn Trà Kiểm', kind: 'thon', contactPhone: '0905100001' },
  { name: 'Thôn An Hòa', kind: 'thon', contactPhone: '0905100002' },
  { name: 'Thôn Bình Thanh', kind: 'thon', contactPhone: '0905100003' },
  { name: 'Thôn Trà Lương', kind: 'thon', contactPhone: '0905100004' },
  { name: 'Thôn Trà Phong', kind: 'thon', contactPhone: '0905100005' },
  { name: 'Tổ dân phố Trà Xuân', kind: 'to_dan_pho', contactPhone: '0905100006' },
  { name: 'Tổ dân phố Trung Tâm', kind: 'to_dan_pho', contactPhone: '0905100007' },
  { name: 'Thôn Vàng', kind: 'thon', contactPhone: '0905100008' },
];
