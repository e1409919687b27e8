import { listCommuneProcedures } from '../../lib/api/commune-admin';
import { getPortal } from '../../lib/api/portal';
import { getCommuneProcedure, type EffectiveProcedure } from '../../lib/api/procedures';
import { cacheGet, cachePut } from '../store/field-store';

/**
 * The procedures a member can file for a citizen, and their forms. Fetched when online and kept on the phone, so an
 * assisted submission with a signature can be prepared in a village with no coverage and sent later.
 */
export interface ProcedureChoice { code: string; name: string }

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const fresh = await load();
    await cachePut(key, fresh);
    return fresh;
  } catch (err) {
    const kept = await cacheGet<T>(key);
    if (kept !== undefined) return kept;
    throw err;
  }
}

export const loadProcedures = (commune: string) => cached<ProcedureChoice[]>(`procedures:${commune}`, async () =>
  (await listCommuneProcedures(commune)).items.filter((p) => p.offered).map((p) => ({ code: p.code, name: p.name })));

export const loadProcedure = (commune: string, code: string) => cached<EffectiveProcedure>(`procedure:${commune}:${code}`, () => getCommuneProcedure(commune, code));

export const loadCommuneName = (commune: string) => cached<string>(`commune:${commune}`, async () => (await getPortal(commune)).commune?.name ?? commune);
