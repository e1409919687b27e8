/** Public surface of the procedures module: other modules import only from here. */
export {
  findProcedure,
  getProcedure,
  getEffectiveProcedure,
  listProcedures,
  listCommuneProcedures,
  searchProcedures,
  setCommuneProcedure,
  recordProcedureUse,
} from './procedures.service';
export { importProcedures } from './procedures.seed';
export { registerProceduresRoutes } from './procedures.routes';
export {
  procedureLevels,
  resultKinds,
  serviceGroups,
  type Procedure,
  type EffectiveProcedure,
  type ProcedureLevel,
  type ResultKind,
  type ServiceGroup,
} from './procedure-types';
export { procedureFormSchema, type ProcedureForm, type FormField, type FormFieldType } from './procedure-form';
export { procedures, communeProcedures } from './procedures.schema';
