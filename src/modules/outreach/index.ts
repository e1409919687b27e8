/** Public surface of the outreach module (support log, consent, assisted submission, campaigns, announcements). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http';
import { registerCampaignRoutes } from './campaigns.routes';
import { registerOutreachRoutes as registerSupportRoutes } from './outreach.routes';

export function registerOutreachRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerSupportRoutes(app, deps);
  registerCampaignRoutes(app, deps);
}

export { logSupportAct, toSupportActView } from './support.service';
export { createConsent, completeSignatureConsents, toConsentView } from './consent.service';
export { submitAssisted } from './assisted.service';
export { describeProgress } from './campaigns.service';
export { supportActInput, consentInput, assistedSubmissionBody } from './outreach.contracts';
export { supportKinds, supportPlaces, supportOutcomes, supportLabels, campaignMetrics, metricLabels, readinessEffectsOf } from '../../shared/field/support-kinds';
export { consentPurposes, purposeLabels, buildConsentNotice } from '../../shared/field/consent-notice';
export { spellOutNumbers, buildReadAloudScript } from '../../shared/field/read-aloud';
export { supportActs, consents, campaigns, campaignTargets, announcements } from './outreach.schema';
export { seedDemoOutreach, demoCampaignWindows } from './demo/seed-demo-outreach';
export { tallySupportActs, tallySupportKinds, listActFacts, listCampaignsOverlapping, type ActTally, type ActDimension, type ActFact } from './outreach.repo';
