import { z } from 'zod';
import { bilingual } from '../../shared/bilingual';
import { idNumberSchema, phoneSchema } from '../../shared/validation';
import { editableHouseholdFields, editablePersonFields, sexValues, skillValues, smartphoneValues, supportNeedValues, targetNeeds, vneidValues } from '../../shared/field/readiness';

const supportNeeds = z.array(z.enum(supportNeedValues)).max(3).transform((a) => [...new Set(a)].sort());

/** One schema per editable field: the same checks for a form, an offline edit and an import row. */
export const personFieldSchemas = {
  fullName: z.string().trim().min(2).max(120),
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  sex: z.enum(sexValues).nullable(),
  relation: z.string().trim().max(60).nullable(),
  phone: phoneSchema.nullable(),
  idNumber: idNumberSchema.nullable(),
  smartphone: z.enum(smartphoneValues).nullable(),
  zalo: z.boolean().nullable(),
  vneid: z.enum(vneidValues).nullable(),
  portalAccount: z.boolean().nullable(),
  bankOrMobileMoney: z.boolean().nullable(),
  fibreAtHome: z.boolean().nullable(),
  skill: z.enum(skillValues).nullable(),
  supportNeeds,
} as const;

export const householdFieldSchemas = {
  address: z.string().trim().max(300).nullable(),
  notes: z.string().trim().max(1000).nullable(),
} as const;

export const personInput = z
  .object({
    id: z.string().uuid().optional(),
    fullName: personFieldSchemas.fullName,
    birthYear: personFieldSchemas.birthYear.default(null),
    sex: personFieldSchemas.sex.default(null),
    relation: personFieldSchemas.relation.default(null),
    isHead: z.boolean().default(false),
    phone: personFieldSchemas.phone.default(null),
    idNumber: personFieldSchemas.idNumber.default(null),
    smartphone: personFieldSchemas.smartphone.default(null),
    zalo: personFieldSchemas.zalo.default(null),
    vneid: personFieldSchemas.vneid.default(null),
    portalAccount: personFieldSchemas.portalAccount.default(null),
    bankOrMobileMoney: personFieldSchemas.bankOrMobileMoney.default(null),
    fibreAtHome: personFieldSchemas.fibreAtHome.default(null),
    skill: personFieldSchemas.skill.default(null),
    supportNeeds: supportNeeds.default([]),
  })
  .strict();
export type PersonInput = z.infer<typeof personInput>;

export const createHouseholdInput = z
  .object({
    id: z.string().uuid().optional(),
    villageId: z.string().uuid(),
    address: householdFieldSchemas.address.default(null),
    notes: householdFieldSchemas.notes.default(null),
    members: z.array(personInput).min(1).max(30),
    /** The member saw the "looks like an existing household" warning and saves anyway. */
    acknowledgeDuplicate: z.boolean().default(false),
  })
  .strict()
  .refine((h) => h.members.filter((m) => m.isHead).length === 1, {
    message: bilingual('Mỗi hộ có đúng một chủ hộ', 'A household has exactly one head'), path: ['members'],
  });
export type CreateHouseholdInput = z.infer<typeof createHouseholdInput>;

const fieldChange = <F extends string>(fields: readonly [F, ...F[]]) =>
  z.object({ field: z.enum(fields), from: z.unknown(), to: z.unknown() }).strict();

export const updatePersonInput = z.object({ personId: z.string().uuid(), changes: z.array(fieldChange(editablePersonFields)).min(1).max(20) }).strict();
export const updateHouseholdInput = z.object({ householdId: z.string().uuid(), changes: z.array(fieldChange(editableHouseholdFields)).min(1).max(5) }).strict();
export const addPersonInput = z.object({ householdId: z.string().uuid(), person: personInput }).strict();
export const removeInput = z.object({ id: z.string().uuid(), reason: z.string().trim().min(2).max(300) }).strict();
export type FieldChangeInput = { field: string; from?: unknown; to?: unknown };

export const householdIdParams = z.object({ id: z.string().uuid() });

export const listHouseholdsQuery = z.object({
  villageId: z.string().uuid().optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const targetsQuery = z.object({ need: z.enum(targetNeeds), villageId: z.string().uuid().optional() });

export const readinessView = z.object({
  smartphone: z.enum(smartphoneValues).nullable(),
  zalo: z.boolean().nullable(),
  vneid: z.enum(vneidValues).nullable(),
  portalAccount: z.boolean().nullable(),
  bankOrMobileMoney: z.boolean().nullable(),
  fibreAtHome: z.boolean().nullable(),
  skill: z.enum(skillValues).nullable(),
  supportNeeds: z.array(z.enum(supportNeedValues)),
});

export const personView = z.object({
  id: z.string(),
  householdId: z.string(),
  fullName: z.string(),
  birthYear: z.number().nullable(),
  sex: z.enum(sexValues).nullable(),
  relation: z.string().nullable(),
  isHead: z.boolean(),
  /** Masked (091*****78) in every list and view; the full number only through the audited reveal. */
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  readiness: readinessView,
  version: z.number(),
});

export const householdView = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  headName: z.string(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  members: z.array(personView),
});
export type HouseholdView = z.infer<typeof householdView>;

export const householdSummary = householdView.omit({ members: true }).extend({
  memberCount: z.number(),
  hasElderly: z.boolean(),
});

export const duplicateCandidate = z.object({ id: z.string(), headName: z.string(), villageId: z.string(), address: z.string().nullable(), memberCount: z.number() });

export const historyEntry = z.object({
  entity: z.enum(['household', 'person']),
  entityId: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  baseValue: z.unknown(),
  outcome: z.enum(['applied', 'same', 'superseded']),
  source: z.string(),
  actorName: z.string().nullable(),
  deviceAt: z.string(),
  serverAt: z.string(),
  commandId: z.string().nullable(),
});
