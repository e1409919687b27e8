import type { StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { badRequest, notFound, type FieldProblem } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { toSmsText } from './sms-text';
import { findCurrentTemplate, insertTemplateVersion, listTemplateVersions, NATIONAL_SCOPE, type TemplateVersion } from './template-store';
import { placeholdersIn, renderText, shippedTemplates, templateKeys, type TemplateDefinition } from './templates';

function definition(key: string): TemplateDefinition {
  const def = shippedTemplates[key];
  if (!def) throw notFound('TEMPLATE_NOT_FOUND', { vi: `Không có mẫu tin nhắn ${key}`, en: `No message template ${key}` });
  return def;
}

function toView(key: string, def: TemplateDefinition, t: TemplateVersion) {
  return {
    key, labelVi: def.labelVi, labelEn: def.labelEn, version: t.version, scope: t.scope === NATIONAL_SCOPE ? ('national' as const) : ('commune' as const),
    bodyVi: t.bodyVi, bodyEn: t.bodyEn, params: [...def.params], required: [...def.required], updatedAt: t.createdAt?.toISOString() ?? null,
  };
}

export async function listTemplates(deps: AppDeps, communeCode: string) {
  const out = [];
  for (const key of templateKeys) out.push(toView(key, definition(key), (await findCurrentTemplate(deps, key, communeCode))!));
  return out;
}

export async function templateHistory(deps: AppDeps, communeCode: string, key: string) {
  const def = definition(key);
  return (await listTemplateVersions(deps, key, communeCode)).map((t) => {
    const v = toView(key, def, t);
    return { version: v.version, scope: v.scope, bodyVi: v.bodyVi, bodyEn: v.bodyEn, updatedAt: v.updatedAt };
  });
}

/** Only the template's own parameters, and its required ones present in both languages. */
export function checkTemplateBody(key: string, body: { bodyVi: string; bodyEn: string }): FieldProblem[] {
  const def = definition(key);
  const problems: FieldProblem[] = [];
  for (const [path, text] of [['bodyVi', body.bodyVi], ['bodyEn', body.bodyEn]] as const) {
    const used = placeholdersIn(text);
    const unknown = used.filter((p) => !def.params.includes(p));
    if (unknown.length) {
      problems.push({ path, vi: `Tham số không có trong mẫu: {${unknown.join('}, {')}}. Được dùng: {${def.params.join('}, {')}}`, en: `Unknown parameters {${unknown.join('}, {')}}; allowed: {${def.params.join('}, {')}}` });
    }
    const missing = def.required.filter((p) => !used.includes(p));
    if (missing.length) problems.push({ path, vi: `Mẫu phải giữ tham số {${missing.join('}, {')}}`, en: `The text must keep {${missing.join('}, {')}}` });
    if (/[{}]/.test(text.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/g, ''))) problems.push({ path, vi: 'Dấu { } chỉ dùng để ghi tham số, ví dụ {code}', en: 'Braces are only for parameters, e.g. {code}' });
  }
  return problems;
}

function assertValid(key: string, body: { bodyVi: string; bodyEn: string }): void {
  const problems = checkTemplateBody(key, body);
  if (problems.length) throw badRequest('TEMPLATE_INVALID', { vi: 'Mẫu tin nhắn chưa hợp lệ', en: 'The message template is not valid' }, problems);
}

/** The commune admin saves a new version; the change is audited and every later message uses it. */
export async function saveTemplate(deps: AppDeps, actor: StaffActor, communeCode: string, key: string, body: { bodyVi: string; bodyEn: string }) {
  const def = definition(key);
  assertValid(key, body);
  const saved = await insertTemplateVersion(deps, { key, communeCode, bodyVi: body.bodyVi, bodyEn: body.bodyEn, createdBy: actor.accountId });
  await writeAudit(deps.db, actor, deps.now(), { action: 'notification_template.save', entity: 'notification_template', entityId: `${communeCode}:${key}:${saved.version}`, communeCode });
  return toView(key, def, saved);
}

/** What a citizen would read, with the template's sample values; nothing is saved. */
export function previewTemplate(deps: AppDeps, key: string, body: { bodyVi: string; bodyEn: string }) {
  const def = definition(key);
  assertValid(key, body);
  const sample = { ...def.sample, ...('link' in def.sample ? { link: `${deps.config.publicBaseUrl}/tra-cuu/${def.sample.code}` } : {}) };
  const vi = renderText(body.bodyVi, sample);
  const sms = toSmsText(vi, deps.config.SMS_UNICODE);
  return { vi, en: renderText(body.bodyEn, sample), sms: { text: sms.text, encoding: sms.encoding, segments: sms.segments, characters: sms.units } };
}
