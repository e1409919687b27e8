import type { Db } from '../db';
import type { Actor } from '../auth';
import { auditLog } from './audit.schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  communeCode?: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Db, actor: Actor | undefined, at: Date, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at,
    actorKind: actor?.kind ?? 'anonymous',
    actorId: actor?.accountId ?? null,
    actorRole: actor?.kind === 'staff' ? actor.role : actor?.kind === 'citizen' ? 'citizen' : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    communeCode: entry.communeCode ?? null,
    details: entry.details ?? null,
  });
}
