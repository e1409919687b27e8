/**
 * Kinds of residential group below the commune (Luật Tổ chức chính quyền địa phương;
 * TT 05/2022/TT-BNV on thôn, tổ dân phố). Names differ by region: "bản" in the
 * northern mountains, "ấp"/"khóm" in the south, "buôn"/"plei"/"làng" in the Central Highlands.
 */
export const villageKinds = ['thon', 'to_dan_pho', 'ban', 'ap', 'khom', 'buon', 'plei', 'lang', 'khu_pho', 'khac'] as const;
export type VillageKind = (typeof villageKinds)[number];

export const villageKindLabels: Record<VillageKind, string> = {
  thon: 'Thôn',
  to_dan_pho: 'Tổ dân phố',
  ban: 'Bản',
  ap: 'Ấp',
  khom: 'Khóm',
  buon: 'Buôn',
  plei: 'Plei',
  lang: 'Làng',
  khu_pho: 'Khu phố',
  khac: 'Khác',
};
