export {
  formDefinition,
  formFieldSchema,
  formFieldTypes,
  procedureFormSchema,
  type FormDefinition,
  type FormField,
  type FormFieldType,
  type ProcedureForm,
} from './form';
export { validateFormFields, type FieldError } from './validate-fields';
