import { z } from 'zod';

/** The declarative form of a procedure, rendered by the web client and checked by the server. */
export const formFieldTypes = ['text', 'textarea', 'date', 'number', 'select', 'checkbox', 'file'] as const;

export const formField = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string().optional(),
  help: z.string().optional(),
  type: z.enum(formFieldTypes),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  accept: z.string().optional(),
});
export type FormField = z.infer<typeof formField>;

export const formDefinition = z.object({
  steps: z.array(z.object({ title: z.string(), fieldKeys: z.array(z.string()) })).optional(),
  fields: z.array(formField),
});
export type FormDefinition = z.infer<typeof formDefinition>;
