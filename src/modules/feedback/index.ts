export { registerFeedbackRoutes } from './feedback.routes';
export { seedDemoRatings } from './feedback.seed';
export { listCommuneRatings, summarize as summarizeRatings, type RatingsPeriod } from './feedback.service';
export { scoreCriteria, scoreLabels, isDislike } from './criteria';
export { dossierRatings } from './feedback.schema';
export type { RatingView } from './feedback.contracts';
export { tallyRatings, type RatingTally, type RatingDimension, type CriterionTally } from './feedback.repo';
