import { z } from 'zod';

/**
 * Declarative e-form of a procedure (ND 224/2026 Art. 15 asks for interactive
 * e-forms). The web clients render it; the dossier module validates answers with it.
 * The applicant's own identity is not part of it: the dossier records who applies.
 */
export const formFieldTypes = ['text', 'textarea', 'date', 'number', 'select', 'checkbox', 'file'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

export const formOptionSchema = z.object({ value: z.string().min(1), label: z.string().min(1) });

export const formFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    label: z.string().min(1),
    labelEn: z.string().min(1),
    help: z.string().min(1).optional(),
    type: z.enum(formFieldTypes),
    required: z.boolean(),
    options: z.array(formOptionSchema).min(1).optional(),
    accept: z.string().min(1).optional(),
  })
  .refine((f) => (f.type === 'select') === (f.options !== undefined), { message: 'options iff type is select' })
  .refine((f) => f.type === 'file' || f.accept === undefined, { message: 'accept only on file fields' });

export const formStepSchema = z.object({
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  fieldKeys: z.array(z.string()).min(1),
});

export const procedureFormSchema = z
  .object({ steps: z.array(formStepSchema).optional(), fields: z.array(formFieldSchema) })
  .superRefine((form, ctx) => {
    const keys = form.fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'duplicate field key' });
    if (!form.steps) return;
    const stepKeys = form.steps.flatMap((s) => s.fieldKeys);
    const stepped = new Set(stepKeys);
    if (stepped.size !== stepKeys.length || keys.some((k) => !stepped.has(k)) || stepKeys.some((k) => !keys.includes(k))) {
      ctx.addIssue({ code: 'custom', message: 'steps must list every field exactly once' });
    }
  });

export type FormField = z.infer<typeof formFieldSchema>;
export type ProcedureForm = z.infer<typeof procedureFormSchema>;

/** Names used by the form validator and the web clients. */
export const formDefinition = procedureFormSchema;
export type FormDefinition = ProcedureForm;
