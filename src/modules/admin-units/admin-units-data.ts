import { readFileSync } from 'node:fs';

/**
 * The shipped list of provinces and communes (data/admin-units-2025.json, see its
 * SOURCE.md), indexed in memory once. Sync and auth look communes up on hot paths,
 * and the list only changes with a new data release, so no database round trip.
 */
export interface CommuneRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
}

export interface ProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  communes: CommuneRecord[];
}

export interface CommuneRef {
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
  provinceName: string;
}

const dataFile = new URL('../../../data/admin-units-2025.json', import.meta.url);

let provincesCache: ProvinceRecord[] | undefined;
let communeIndex: Map<string, CommuneRef> | undefined;

export function loadAdminUnits(): ProvinceRecord[] {
  provincesCache ??= JSON.parse(readFileSync(dataFile, 'utf8')) as ProvinceRecord[];
  return provincesCache;
}

function index(): Map<string, CommuneRef> {
  if (communeIndex) return communeIndex;
  const map = new Map<string, CommuneRef>();
  for (const p of loadAdminUnits()) {
    for (const c of p.communes) {
      map.set(c.code, { code: c.code, name: c.name, fullName: c.fullName, provinceCode: p.code, provinceName: p.name });
    }
  }
  communeIndex = map;
  return map;
}

export function findCommuneRef(code: string): CommuneRef | undefined {
  return index().get(code);
}

export function provinceOfCommune(code: string): string | undefined {
  return index().get(code)?.provinceCode;
}
