export { formDefinition, formField, formFieldTypes, type FormDefinition, type FormField } from './form';
export { validateFormFields, type FieldError } from './validate-fields';
