import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { devMessages } from './notifications.schema';

/** The local channel's messages (test mode), newest first, for the demo page. */
export async function listDevMessages(deps: AppDeps, opts: { recipient?: string; limit: number }) {
  const q = deps.db.select().from(devMessages);
  const filtered = opts.recipient ? q.where(eq(devMessages.recipient, opts.recipient)) : q;
  return filtered.orderBy(desc(devMessages.createdAt), desc(devMessages.outboxId)).limit(opts.limit);
}
