export * from './model';
export { deriveState, applyToState, isFinished, isOverdue, type DossierState } from './derive';
export { allowedActions, refusalReason, transitions, type ActionActor, type RefusalReason } from './rules';
export { nationalStatusCode, nationalChannelCode, channels, type Channel } from './national-codes';
export { statusLabels, actionLabels } from './labels';
