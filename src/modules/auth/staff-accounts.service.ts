import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { Actor, StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { maskPhone } from '../../shared/validation';
import { assertCommuneAdmin, provinceOfCommune, requireCommuneRef } from '../admin-units';
import type { createStaffBody, updateStaffBody } from './staff-accounts.contracts';
import * as repo from './staff-accounts.repo';
import { hashPassword } from './passwords';

type CreateInput = z.infer<typeof createStaffBody>;
type UpdateInput = z.infer<typeof updateStaffBody>;

export const toStaffView = (s: repo.StaffRow) => ({
  id: s.id, username: s.username, fullName: s.fullName, role: s.role,
  phone: s.phone ? maskPhone(s.phone) : null, active: s.active, createdAt: s.createdAt.toISOString(),
});

const accountNotFound = () => notFound('STAFF_NOT_FOUND', { vi: 'Không tìm thấy tài khoản', en: 'Account not found' });

/** 12 characters without look-alikes (0/O, 1/l/I), to read aloud or copy from a screen. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function admin(actor: Actor | undefined, communeCode: string): StaffActor {
  requireCommuneRef(communeCode);
  return assertCommuneAdmin(actor, communeCode);
}

export async function listStaffAccounts(deps: AppDeps, actor: Actor | undefined, communeCode: string) {
  admin(actor, communeCode);
  return (await repo.listCommuneStaff(deps.db, communeCode)).map(toStaffView);
}

export async function createStaffAccount(deps: AppDeps, actor: Actor | undefined, communeCode: string, input: CreateInput) {
  const by = admin(actor, communeCode);
  const temporaryPassword = input.password ? undefined : generateTemporaryPassword();
  const now = deps.now();
  const row = {
    id: crypto.randomUUID(), username: input.username, passwordHash: await hashPassword(input.password ?? temporaryPassword!),
    fullName: input.fullName, role: input.role, communeCode, provinceCode: provinceOfCommune(communeCode)!, phone: input.phone ?? null,
    active: true, createdAt: now,
  };
  await deps.db.transaction(async (tx) => {
    if (!(await repo.insertStaffIfNew(tx, row))) {
      throw conflict('USERNAME_TAKEN', { vi: `Tên đăng nhập ${input.username} đã có người dùng`, en: `The username ${input.username} is taken` });
    }
    await writeAudit(tx, by, now, { action: 'staff.create', entity: 'staff_account', entityId: row.id, communeCode, details: { username: row.username, role: row.role } });
  });
  return { account: toStaffView(row), ...(temporaryPassword ? { temporaryPassword } : {}) };
}

/** Name, role and phone. An admin cannot take the admin role away from themselves (no lock-out). */
export async function updateStaffAccount(deps: AppDeps, actor: Actor | undefined, communeCode: string, id: string, input: UpdateInput) {
  const by = admin(actor, communeCode);
  const target = await repo.findCommuneStaff(deps.db, communeCode, id);
  if (!target) throw accountNotFound();
  if (id === by.accountId && input.role && input.role !== 'commune_admin') {
    throw unprocessable('CANNOT_DEMOTE_SELF', { vi: 'Bạn không thể tự bỏ quyền quản trị của mình', en: 'You cannot remove your own admin role' });
  }
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.updateStaff(tx, id, input);
    await writeAudit(tx, by, now, { action: 'staff.update', entity: 'staff_account', entityId: id, communeCode, details: { fields: Object.keys(input), role: input.role } });
    return toStaffView(row);
  });
}

/** Deactivate (signed out at once) or reactivate. Nobody deactivates their own account. */
export async function setStaffActive(deps: AppDeps, actor: Actor | undefined, communeCode: string, id: string, active: boolean) {
  const by = admin(actor, communeCode);
  if (!(await repo.findCommuneStaff(deps.db, communeCode, id))) throw accountNotFound();
  if (id === by.accountId && !active) {
    throw unprocessable('CANNOT_DEACTIVATE_SELF', { vi: 'Bạn không thể tự khóa tài khoản của mình', en: 'You cannot deactivate your own account' });
  }
  return deps.db.transaction(async (tx) => {
    const row = await repo.updateStaff(tx, id, { active });
    if (!active) await repo.deleteStaffSessions(tx, id);
    await writeAudit(tx, by, deps.now(), { action: active ? 'staff.activate' : 'staff.deactivate', entity: 'staff_account', entityId: id, communeCode });
    return toStaffView(row);
  });
}

/** A new temporary password, shown once; every session of the account ends. */
export async function resetStaffPassword(deps: AppDeps, actor: Actor | undefined, communeCode: string, id: string) {
  const by = admin(actor, communeCode);
  if (!(await repo.findCommuneStaff(deps.db, communeCode, id))) throw accountNotFound();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return deps.db.transaction(async (tx) => {
    const row = await repo.updateStaff(tx, id, { passwordHash });
    await repo.deleteStaffSessions(tx, id);
    await writeAudit(tx, by, deps.now(), { action: 'staff.reset_password', entity: 'staff_account', entityId: id, communeCode });
    return { account: toStaffView(row), temporaryPassword };
  });
}
