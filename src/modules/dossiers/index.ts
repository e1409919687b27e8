export { registerDossierRoutes } from './dossiers.routes';
export { submitDossier } from './submit.service';
export { applyDossierAction } from './actions.service';
export { dossiers, dossierActions, dossierCodeCounters } from './dossiers.schema';
export { formatDossierCode } from './dossier-code';
export { seedDemoDossiers } from './demo/seed-demo-dossiers';
export { getDossierRecord, listDossiersReceivedBetween, countDossiersReceivedBetween, type DossierRecord } from './records';
export { lookupUrl } from './links';
