export { writeAudit, type AuditEntry } from './audit';
export { auditLog } from './audit.schema';
