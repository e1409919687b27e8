import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db';
import type { AppDeps } from '../../../platform/http';
import { DEMO_COMMUNE_CODE } from '../../admin-units';
import { DEMO_CITIZEN_PHONES } from '../../auth';
import type { householdPeople } from '../households.schema';

/**
 * Demo only: the registry's adults who have a smartphone, VNeID level 2 and a portal account are, for two in
 * three of them, given the phone of a demo citizen who filed online dossiers, as the team would have written it
 * down. Without this the demo year's online dossiers (random applicants) and the registry (random people) never
 * meet, and the readiness funnel's "has done one online procedure" would stay near zero while 40% of dossiers are
 * online. The nine demo sign-in phones keep their households. Deterministic: no draw from the shared generator.
 */
export async function linkOnlineFilers(deps: AppDeps, people: (typeof householdPeople.$inferInsert)[]): Promise<void> {
  const rows = await queryRows<{ phone: string }>(deps.db, sql`
    select distinct c.phone from citizens c join dossiers d on d.citizen_id = c.id
    where d.commune_code = ${DEMO_COMMUNE_CODE} and d.channel = 'online' and d.on_behalf is null
    order by c.phone`);
  const reserved = new Set<string>(DEMO_CITIZEN_PHONES);
  const phones = rows.map((r) => r.phone).filter((p) => !reserved.has(p));
  const ready = people.filter((p) => p.smartphone === 'yes' && p.vneid === 'level2' && p.portalAccount === true && !reserved.has(p.phone ?? ''));
  ready.forEach((p, i) => {
    if (i % 3 !== 2 && phones.length > 0) p.phone = phones.shift()!;
  });
}
