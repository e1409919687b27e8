/** The form schema lives in shared/forms, used by the server and the web clients alike. */
export {
  formFieldTypes,
  formOptionSchema,
  formFieldSchema,
  formStepSchema,
  procedureFormSchema,
  type FormFieldType,
  type FormField,
  type ProcedureForm,
} from '../../shared/forms/form';
