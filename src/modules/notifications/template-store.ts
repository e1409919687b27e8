import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { notificationTemplates } from './notifications.schema';
import { renderText, shippedTemplates, type TemplateParams } from './templates';

export const NATIONAL_SCOPE = 'national';

export interface TemplateVersion {
  key: string;
  scope: string;
  version: number;
  bodyVi: string;
  bodyEn: string;
  createdAt: Date | null;
  createdBy: string | null;
}

/** Reference seeder: the shipped texts become version 1 of scope 'national' (idempotent). */
export async function importShippedTemplates(deps: AppDeps): Promise<void> {
  const now = deps.now();
  await deps.db
    .insert(notificationTemplates)
    .values(Object.entries(shippedTemplates).map(([key, t]) => ({
      id: crypto.randomUUID(), scope: NATIONAL_SCOPE, key, version: 1, bodyVi: t.vi, bodyEn: t.en, createdAt: now, createdBy: null,
    })))
    .onConflictDoNothing();
}

/** The text in force for a commune: its newest own version, else the newest national one, else the shipped text. */
export async function findCurrentTemplate(deps: AppDeps, key: string, communeCode: string | null): Promise<TemplateVersion | undefined> {
  const def = shippedTemplates[key];
  if (!def) return undefined;
  const scopes = communeCode ? [NATIONAL_SCOPE, communeCode] : [NATIONAL_SCOPE];
  const [row] = await deps.db
    .select()
    .from(notificationTemplates)
    .where(and(eq(notificationTemplates.key, key), inArray(notificationTemplates.scope, scopes)))
    .orderBy(desc(notificationTemplates.version), sql`(${notificationTemplates.scope} = ${NATIONAL_SCOPE})`)
    .limit(1);
  if (row) return row;
  return { key, scope: NATIONAL_SCOPE, version: 1, bodyVi: def.vi, bodyEn: def.en, createdAt: null, createdBy: null };
}

export async function listTemplateVersions(deps: AppDeps, key: string, communeCode: string): Promise<TemplateVersion[]> {
  return deps.db
    .select()
    .from(notificationTemplates)
    .where(and(eq(notificationTemplates.key, key), inArray(notificationTemplates.scope, [NATIONAL_SCOPE, communeCode])))
    .orderBy(desc(notificationTemplates.version));
}

/** Next version number over both scopes, so "version 3" names one text for this commune. Retries on a racing save. */
export async function insertTemplateVersion(deps: AppDeps, v: { key: string; communeCode: string; bodyVi: string; bodyEn: string; createdBy: string }): Promise<TemplateVersion> {
  for (let tries = 0; ; tries++) {
    const versions = await listTemplateVersions(deps, v.key, v.communeCode);
    const version = (versions[0]?.version ?? 1) + 1;
    const rows = await deps.db
      .insert(notificationTemplates)
      .values({ id: crypto.randomUUID(), scope: v.communeCode, key: v.key, version, bodyVi: v.bodyVi, bodyEn: v.bodyEn, createdAt: deps.now(), createdBy: v.createdBy })
      .onConflictDoNothing()
      .returning();
    if (rows[0]) return rows[0];
    if (tries >= 3) throw new Error('could not allocate a template version');
  }
}

export interface RenderedMessage {
  vi: string;
  en: string;
  version: number;
  labelVi: string;
  labelEn: string;
  phoneOnly: boolean;
}

export async function renderForCommune(deps: AppDeps, key: string, communeCode: string | null, params: TemplateParams): Promise<RenderedMessage | undefined> {
  const t = await findCurrentTemplate(deps, key, communeCode);
  const def = shippedTemplates[key];
  if (!t || !def) return undefined;
  return {
    vi: renderText(t.bodyVi, params), en: renderText(t.bodyEn, params), version: t.version,
    labelVi: def.labelVi, labelEn: def.labelEn, phoneOnly: def.phoneOnly ?? false,
  };
}
