/**
 * The offline-sync protocol, with no business rules: the exactly-once command store, the
 * per-commune change log and its cursor, and attachment storage. The field module
 * (src/modules/field) builds the field app's API on top of it.
 */
export { runCommandOnce, NeedsAttention, StillPending, hashCommand, canonicalJson, type CommandContext, type CommandEnvelope, type CommandOutcome, type CommandStatus } from './commands';
export { recordChanges, readChanges, readCounter, countChangesAfter, pruneChanges, type ChangeItem, type ChangeRow, type CounterState } from './changes';
export { encodeCursor, decodeCursor, scopeKeyOf, decideResync, type Cursor, type ResyncReason } from './cursor';
export { storeAttachment, findAttachmentMeta, readAttachmentBytes, assertImageBytes, attachmentTypes, type AttachmentType, type StoredAttachment } from './attachments';
export { syncCommands, syncChanges, syncCounters, fieldAttachments, type CommandReason } from './sync.schema';
